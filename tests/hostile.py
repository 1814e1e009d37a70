"""Builders of the hostile files of issue 20, at any size.

The tests build them small; ``benchmarks/bench_hostile.py`` builds them at the sizes the
issue measured (a 56 KB workbook with a row of a million cells, a 120 MB JSON brief, ...).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def cell(ref: str, text: str) -> str:
    """An inline-string cell."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(r: str, *cells: str) -> str:
    return f'<row r="{r}">{"".join(cells)}</row>'


HEADER_ROW = row("1", cell("A1", "id"), cell("B1", "actor_type"), cell("C1", "name"))


def person(r: int | str, cid: str, name: str = "Åse") -> str:
    return row(str(r), cell(f"A{r}", cid), cell(f"B{r}", "borger"), cell(f"C{r}", name))


def workbook(path: Path, rows: str | list[str], dimension: str = "A1:C3") -> Path:
    """A one-sheet .xlsx whose sheet data is exactly ``rows`` (a string or pieces of it)."""
    pieces = [rows] if isinstance(rows, str) else rows
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(head.encode())
            for piece in pieces:
                sheet.write(piece.encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


def wide_row_workbook(path: Path, cells: int) -> Path:
    """A header, one person, and a row of ``cells`` empty cells (no references)."""
    chunk = "<c/>" * 10_000
    body = [HEADER_ROW, person(2, "A1"), '<row r="3">']
    body += [chunk] * (cells // 10_000) + ["<c/>" * (cells % 10_000), "</row>"]
    return workbook(path, body)


def far_row_workbook(path: Path, r: str = "99999999999") -> Path:
    return workbook(path, HEADER_ROW + person(2, "A1") + f'<row r="{r}"/>')


def json_brief_of_strings(path: Path, n: int) -> Path:
    """A JSON brief whose ``home_units`` hold ``n`` short strings (the issue: 30 million)."""
    with path.open("w", encoding="utf-8") as f:
        f.write('{"theme": "x", "home_units": [')
        f.write(",".join(['"a"'] * n))
        f.write("]}")
    return path


def json_empty_records(path: Path, n: int) -> Path:
    """A JSON list of ``n`` empty records (the issue: 45 MB)."""
    path.write_text("[" + ",".join(["{}"] * n) + "]", encoding="utf-8")
    return path


def yaml_brief_of_values(path: Path, n: int) -> Path:
    """A YAML brief with ``n`` list items (the issue: 0.4 MB took 35 s, 2 MB never ended)."""
    path.write_text("theme: x\nhome_units:\n" + "- enhed\n" * n, encoding="utf-8")
    return path
