"""A workbook's structure checked before openpyxl builds anything.

openpyxl trusts a sheet's XML: a row numbered 99,999,999,999 makes its reader walk every
row before it, a row of a million empty cells is built cell by cell, rows written out of
order or twice and a cell reference written twice silently drop or shift values. This
module streams the chosen sheet's XML through expat (C speed, nothing kept but counters)
and refuses, with the row and column, what Excel itself could not have written:

- row numbers that do not rise (out of order, written twice), ``r="0"``, negative or
  beyond Excel's 1,048,576 rows;
- cell references that do not rise within their row (written twice, out of order), that
  name another row, or a column beyond Excel's XFD;
- more cells in one row than :attr:`Limits.max_columns` (empty formatted cells included),
  more cells in the sheet than :attr:`Limits.max_cells`;
- a shared-strings table longer than :attr:`Limits.max_cells`.

It also finds where the workbook keeps each sheet (``xl/workbook.xml`` and its
relationships) and whether the sheet holds formulas.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Any
from xml.etree import ElementTree as ET
from xml.parsers import expat

from ..errors import InputError
from .limits import Limits, error, over
from .table import column_letter

__all__ = ["scan_shared_strings", "scan_sheet", "sheet_parts"]

#: Excel's own grid: 1,048,576 rows, 16,384 columns (A..XFD).
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
_REF = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CHUNK = 1 << 20


def _local(tag: str) -> str:
    return tag.rpartition("}")[2].rpartition(":")[2]


def sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(title, part name) of every worksheet, in the workbook's order."""
    book = _main_part(zf)
    folder = posixpath.dirname(book)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(book) + ".rels")
    targets = {}
    for rel in ET.fromstring(zf.read(rels_name)):
        if rel.get("Type", "").endswith("/worksheet"):
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            targets[rel.get("Id")] = posixpath.normpath(full)
    parts = []
    for el in ET.fromstring(zf.read(book)).iter():
        if _local(el.tag) == "sheet" and el.get(_REL) in targets:
            parts.append((el.get("name", ""), targets[el.get(_REL)]))
    return parts


def _main_part(zf: zipfile.ZipFile) -> str:
    for rel in ET.fromstring(zf.read("_rels/.rels")):
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "xl/workbook.xml").lstrip("/")
    return "xl/workbook.xml"


def _stream(zf: zipfile.ZipFile, part: str, parser: Any) -> None:
    with zf.open(part) as member:
        while chunk := member.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


def scan_shared_strings(zf: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse a shared-strings table with more entries than a sheet may have cells."""
    part = next((n for n in zf.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if part is None:
        return
    count = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal count
        if _local(tag) == "si":
            count += 1
            if count > limits.max_cells:
                limit = over("max_cells", limits.max_cells)
                raise error(name, "limit_shared_strings", code="limit", **limit)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    _stream(zf, part, parser)


class _SheetScan:
    """Counters of one pass over a sheet's XML; each element handler checks one rule."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name, self.limits = name, limits
        self.row = 0  # the current row's number (0 before the first)
        self.column = 0  # the last cell's column in the current row (1-based)
        self.cells_in_row = 0
        self.cells = 0
        self.formulas = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "c":
            self._cell(attrs.get("r"))
        elif local == "row":
            self._row(attrs.get("r"))
        elif local == "f":
            self.formulas = True

    def _fail(
        self, message: str, row: int | None, column: int | None = None, **params: Any
    ) -> InputError:
        letter = column_letter(column - 1) if column else None
        return error(self.name, message, row=row, column=letter, code="bad_sheet", **params)

    def _row(self, r: str | None) -> None:
        number = self.row + 1 if r is None else _number(r)
        if number is None or not 1 <= number <= EXCEL_ROWS:
            raise self._fail(
                "sheet_row_number",
                self.row + 1,
                max=EXCEL_ROWS,
                found=r[:20] if r else r,
            )
        if number <= self.row:
            twice = number == self.row
            message = "sheet_row_twice" if twice else "sheet_row_order"
            raise self._fail(message, number, number=number, after=self.row)
        self.row, self.column, self.cells_in_row = number, 0, 0

    def _cell(self, ref: str | None) -> None:
        self.cells += 1
        self.cells_in_row += 1
        column = self.column + 1
        if ref is not None:
            column = self._reference(ref)
        if column <= self.column:
            twice = column == self.column
            message = "sheet_cell_twice" if twice else "sheet_cell_order"
            raise self._fail(message, self.row, column, ref=ref)
        self.column = column
        self._sizes()

    def _reference(self, ref: str) -> int:
        match = _REF.fullmatch(ref)
        column = _column_number(match.group(1)) if match else 0
        if match is None or not 1 <= column <= EXCEL_COLUMNS or int(match.group(2)) != self.row:
            raise self._fail("sheet_reference", self.row, number=self.row, found=ref[:20])
        return column

    def _sizes(self) -> None:
        limits = self.limits
        if self.column > EXCEL_COLUMNS:
            raise self._fail("sheet_wide", self.row, max=EXCEL_COLUMNS, number=self.row)
        if self.cells_in_row > limits.max_columns:
            limit = over("max_columns", limits.max_columns)
            raise error(
                self.name, "limit_row_cells", row=self.row, code="limit", found=self.row, **limit
            )
        if self.cells > limits.max_cells:
            limit = over("max_cells", limits.max_cells)
            raise error(self.name, "limit_sheet_cells", row=self.row, code="limit", **limit)


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 12 else None


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def scan_sheet(zf: zipfile.ZipFile, part: str, name: str, limits: Limits) -> bool:
    """Check the sheet's structure and sizes (see the module); whether it holds formulas."""
    scan = _SheetScan(name, limits)
    parser = expat.ParserCreate()
    parser.StartElementHandler = scan.start
    _stream(zf, part, parser)
    return scan.formulas
