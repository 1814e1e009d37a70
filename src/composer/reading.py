"""The guarded entrance: every candidate table and every brief is read here.

Files (CSV, ``.xlsx``, JSON, YAML), DataFrames, lists of records and dict briefs come in
through :func:`read_table` and :func:`read_mapping`. Whatever goes wrong — an unknown
encoding, a broken workbook, a file nested too deep, a missing folder — leaves as one
:class:`~composer.errors.InputError` that names the file and says what to do; no other
exception gets out. Text stays text in every format (``NA``, ``null``, ``#N/A`` are
kept as written), row numbers are the spreadsheet's (header = row 1, blank rows
counted), and every size is checked against :class:`Limits` before it can cost much.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import threading
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
import yaml

from .cells import unprotect_cell
from .errors import InputError, Problem

__all__ = [
    "MAX_BRIEF_VALUES",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "Limits",
    "RawTable",
    "decode_text",
    "read_mapping",
    "read_table",
]

#: Largest file read, in bytes (1 GiB: a million candidates in CSV take about 300 MB).
MAX_FILE_BYTES = 2**30
#: Largest total unpacked size of an ``.xlsx`` workbook (a zip archive), in bytes.
MAX_UNPACKED_BYTES = 2 * 2**30
#: Most cells in a table (rows × columns, header included).
MAX_CELLS = 50_000_000
#: Most columns in a table.
MAX_COLUMNS = 1_000
#: Most characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32_767
#: Deepest nesting of lists and mappings in a JSON or YAML file.
MAX_DEPTH = 32
#: Most values (scalars, lists and mappings together) in a brief.
MAX_BRIEF_VALUES = 100_000

CSV_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")
SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class Limits:
    """Size limits of the readers; pass your own to read something larger.

    Examples
    --------
    >>> Limits().max_columns
    1000
    >>> Limits(max_columns=20_000).max_columns
    20000
    """

    max_file_bytes: int = MAX_FILE_BYTES
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_cells: int = MAX_CELLS
    max_columns: int = MAX_COLUMNS
    max_cell_chars: int = MAX_CELL_CHARS
    max_depth: int = MAX_DEPTH
    max_brief_values: int = MAX_BRIEF_VALUES


def _over(limit: str, value: int, what: str, found: str | None = None) -> str:
    """The sentence of a broken limit: what is allowed, what was found, how to raise it."""
    seen = f" (found {found})" if found else ""
    return (
        f"{what.format(f'{value:,}')}{seen}; the limit is Limits.{limit} in composer.reading: "
        f"if the input is genuine, pass limits=Limits({limit}=...) to raise it"
    )


@dataclass
class RawTable:
    """A table as read: header texts, text cells by column, and each row's number.

    Attributes
    ----------
    source : str
        The file name, ``<DataFrame>`` or ``<records>``.
    header : list of str
        Column names as written (blank columns already dropped).
    frame : DataFrame
        Text cells (``str``), one column per header entry, in file order (columns are
        numbered 0..n-1; blank rows dropped).
    rows : ndarray of int
        The spreadsheet row (header = row 1) or record number of each frame row.
    row_word : str
        ``"row"`` or ``"record"``.
    header_row : int or None
        The header's row (1 unless blank rows precede it); None for records.
    """

    source: str
    header: list[str]
    frame: pd.DataFrame
    rows: np.ndarray
    row_word: str = "row"
    header_row: int | None = 1


# ------------------------------------------------------------------------------ files
def _file_problem(name: str, expected: str, code: str = "unreadable_file") -> InputError:
    return InputError([Problem(name, None, None, None, expected, code=code)])


def _error(
    name: str,
    expected: str,
    *,
    row: int | None = None,
    column: str | None = None,
    value: object = None,
    row_word: str = "row",
    code: str = "invalid_value",
) -> InputError:
    """One problem as an :class:`InputError` (most reader failures are one problem)."""
    return InputError([Problem(name, row, column, value, expected, row_word, code=code)])


def _read_file_bytes(path: Path, limits: Limits) -> bytes:
    name = _check_file(path, limits)
    try:
        return path.read_bytes()
    except OSError as e:
        raise _os_problem(name, e) from None


def _os_problem(name: str, e: OSError) -> InputError:
    if isinstance(e, FileNotFoundError):
        return InputError(
            [Problem(name, None, None, e.filename, "an existing file", code="no_such_file")]
        )
    if isinstance(e, PermissionError):
        return _file_problem(
            name, "a file this program may read (permission denied: check its access rights)"
        )
    if isinstance(e, IsADirectoryError):
        return _file_problem(name, "a file, but this is a folder: give the file inside it")
    return _file_problem(name, f"a readable file ({type(e).__name__}: {e.strerror})")


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _check_file(path: Path, limits: Limits) -> str:
    """The file's name for messages, once it is known to be a readable file within limits."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as e:
        raise _os_problem(name, e) from None
    except ValueError:  # a NUL byte in the path
        raise _file_problem(name, "a file name without NUL characters") from None
    if size > limits.max_file_bytes:
        raise _error(
            name,
            _over(
                "max_file_bytes",
                limits.max_file_bytes,
                "a file of at most {} bytes",
                f"{size:,}",
            ),
            code="limit",
        )
    return name


# --------------------------------------------------------------------------- decoding
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAVE_AS = "save it as UTF-8 (Excel: 'CSV UTF-8') and try again"


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (± BOM), UTF-16/32 (BOM or not), Windows-1252, Mac Roman.

    A BOM decides; otherwise strict UTF-8; otherwise charset-normalizer chooses between
    Windows-1252 and Mac Roman (or UTF-16 without BOM when the bytes hold NULs). A file
    mixing UTF-8 lines with lines in another encoding is refused, naming the lines.

    Raises
    ------
    InputError
        When no encoding fits, the file mixes encodings, or it holds NUL characters.

    Examples
    --------
    >>> decode_text("Åse;Ørnbøl".encode("cp1252"), "x.csv")
    'Åse;Ørnbøl'
    >>> decode_text("\\ufeffÅse".encode("utf-8"), "x.csv")
    'Åse'
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as e:
                where = _line_of(body, e.start) if encoding == "utf-8" else None
                raise _error(
                    name,
                    f"text in {encoding.upper()} as its byte-order mark says, but "
                    f"some bytes are not; {_SAVE_AS}",
                    row=where,
                    row_word="line",
                    code="encoding",
                ) from None
            break
    if text is None and data.count(b"\x00") * 4 >= len(data) > 0:  # UTF-16/32 without BOM
        text = _detect(data, name, ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"])
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            _refuse_mixed(data, name)
            text = _detect(data, name, ["cp1252", "mac_roman"])
    nul = text.find("\x00")
    if nul >= 0:
        raise _error(
            name,
            "a text file, but it holds NUL characters (is it a binary file, or a "
            f"spreadsheet saved with another extension?); {_SAVE_AS}",
            row=text.count("\n", 0, nul) + 1,
            row_word="line",
            code="encoding",
        )
    return text


_DANISH = frozenset("æøåÆØÅéÉüÜöÖäÄ")
#: What Danish letters turn into when Mac Roman is read as Windows-1252 or the reverse.
_MOJIBAKE = frozenset("®¯¿¾Œ∆≈ÿÊÂ‡ŸÃ")


def _danish_score(text: str) -> int:
    return sum(ch in _DANISH for ch in text) - sum(ch in _MOJIBAKE for ch in text)


def _detect(data: bytes, name: str, candidates: list[str]) -> str:
    """charset-normalizer's choice among ``candidates``; between Windows-1252 and Mac Roman,
    the reading with more Danish letters and fewer mojibake signs wins (short files are
    ambiguous, and these files are Danish)."""
    from charset_normalizer import from_bytes

    decoded: list[str] = []
    for match in from_bytes(data, cp_isolation=candidates):
        try:
            decoded.append(data.decode(match.encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    if decoded:
        return max(enumerate(decoded), key=lambda kv: (_danish_score(kv[1]), -kv[0]))[1]
    raise _error(
        name,
        "text in UTF-8, UTF-16, Windows-1252 or Mac Roman, but the encoding could not "
        f"be recognised; {_SAVE_AS}",
        code="encoding",
    )


def _refuse_mixed(data: bytes, name: str) -> None:
    """Refuse a file where some lines are UTF-8 with non-ASCII letters and others are not."""
    utf8_line = bad_line = None
    for i, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_line = bad_line or i
        else:
            utf8_line = utf8_line or i
        if utf8_line and bad_line:
            raise _error(
                name,
                f"one text encoding for the whole file, but line {utf8_line} is UTF-8 "
                f"and line {bad_line} is not (rows pasted from another file?); "
                f"{_SAVE_AS}",
                row=bad_line,
                row_word="line",
                code="mixed_encoding",
            )


# -------------------------------------------------------------------------------- CSV
_LEADING_BLANK = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")
_LINE_END = re.compile(r"\r\n|\n|\r")
#: an apostrophe protecting a formula-like cell (see composer.cells.safe_cell)
_PROTECTED = re.compile(r"'+[=+\-@\t\r]")
_QUOTED = re.compile(r'"[^"]*"')
_FIELD_LIMIT_LOCK = threading.Lock()


def _separator(first_line: str) -> str:
    """``,``, ``;`` or tab: whichever splits the header line (outside quotes) most."""
    bare = _QUOTED.sub("", first_line)
    counts = {sep: bare.count(sep) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda s: (counts[s], s == ","))


def _read_csv(data: bytes, name: str, limits: Limits) -> RawTable:
    text = decode_text(data, name)
    blank = _LEADING_BLANK.match(text)
    offset = 0
    if blank is not None and blank.end():
        lead = blank.group()
        offset = lead.count("\n") + lead.count("\r") - lead.count("\r\n")
        text = text[blank.end() :]
    if not text.strip():
        raise _file_problem(name, "a header row and at least one person", code="empty_file")
    end = _LINE_END.search(text)
    first_line = text[: end.start()] if end else text
    sep = _separator(first_line)
    n_header = _QUOTED.sub("", first_line).count(sep) + 1
    if n_header > limits.max_columns:
        raise _error(
            name,
            _over("max_columns", limits.max_columns, "at most {} columns", f"{n_header:,}"),
            row=offset + 1,
            code="limit",
        )
    try:
        df = pd.read_csv(
            io.BytesIO(text.encode("utf-8")),  # bytes: pandas' C reader skips a re-encoding pass
            encoding="utf-8",
            sep=sep,
            header=None,
            dtype=object,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            skipinitialspace=False,
            quotechar='"',
            doublequote=True,
            engine="c",
        )
        grid = [df[c].to_numpy(dtype=object) for c in df.columns]
        n_records = len(df)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OverflowError):
        grid, n_records = _read_csv_exactly(text, sep, name, offset, limits)
    rows = np.arange(offset + 1, offset + 1 + n_records, dtype=np.int64)
    protected = _PROTECTED.search(text) is not None
    return _finish_sheet(grid, rows, name, limits, unprotect=protected)


def _read_csv_exactly(
    text: str, sep: str, name: str, offset: int, limits: Limits
) -> tuple[list[np.ndarray], int]:
    """The slow exact reader (Python's csv module), for files pandas refuses: says why."""
    records = _csv_records(text, sep, name, offset, limits)
    width = len(records[0]) if records else 0
    problems = [
        Problem(
            name,
            offset + i + 1,
            None,
            None,
            f"at most {width} cells, one under each header column, but the row has "
            f"{len(rec)} (a separator inside an unquoted cell?)",
            code="row_too_long",
        )
        for i, rec in enumerate(records)
        if len(rec) > width and any(x.strip() for x in rec[width:])
    ]
    if problems:
        raise InputError(problems)
    records = [rec[:width] + [""] * (width - len(rec)) for rec in records]
    grid = [
        np.array([rec[j] for rec in records], dtype=object) if records else np.array([], object)
        for j in range(width)
    ]
    return grid, len(records)


def _csv_records(text: str, sep: str, name: str, offset: int, limits: Limits) -> list[list[str]]:
    """Every record of ``text``, or an InputError naming the first malformed row."""
    records: list[list[str]] = []
    with _FIELD_LIMIT_LOCK:
        old = csv.field_size_limit()
        csv.field_size_limit(max(limits.max_cell_chars, 1))
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
            for rec in reader:
                records.append(rec)
        except csv.Error as e:
            if "field larger than field limit" in str(e):
                expected = _over(
                    "max_cell_chars", limits.max_cell_chars, "cells of at most {} characters"
                )
            else:
                expected = f"a well-formed CSV row ({e}: check its quotes)"
            row = offset + len(records) + 1
            raise InputError([Problem(name, row, None, None, expected, code="bad_csv")]) from None
        finally:
            csv.field_size_limit(old)
    return records


# ------------------------------------------------------------------------------- xlsx
def _float_text(v: Any) -> str:
    f = float(v)
    if math.isnan(f):
        return ""
    return str(int(f)) if f.is_integer() and abs(f) < 1e16 else repr(f)


def _datetime_text(v: Any) -> str:
    if v.time() == dt.time(0) and v.tzinfo is None:
        return str(v.date().isoformat())
    return str(v.isoformat())


#: How a spreadsheet shows a cell of each type (first match wins: bool before int,
#: datetime before date).
_CELL_TEXT: tuple[tuple[Any, Any], ...] = (
    (str, lambda v: v),
    (bool | np.bool_, lambda v: "true" if v else "false"),
    (int | np.integer, lambda v: str(int(v))),
    (float | np.floating, _float_text),
    (dt.datetime, _datetime_text),
    (dt.date | dt.time, lambda v: v.isoformat()),
    (Decimal | dt.timedelta, str),
)


def _cell_text(v: object) -> str:
    """A workbook or JSON cell as the text a spreadsheet shows (lists joined with ``;``)."""
    if v is None:
        return ""
    for kind, text in _CELL_TEXT:
        if isinstance(v, kind):
            return str(text(v))
    raise TypeError(type(v).__name__)


def _column_letter(j: int) -> str:
    letters = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _read_xlsx(
    open_: Callable[[], BinaryIO], name: str, sheet: str | int | None, limits: Limits
) -> RawTable:
    """Read a workbook from ``open_()`` (a fresh binary file object each call)."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - depends on the install
        raise _file_problem(
            name, "openpyxl installed to read Excel: pip install 'netvaerk-composer[excel]'"
        ) from None
    try:
        with open_() as fh, zipfile.ZipFile(fh) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
            has_formulas = unpacked <= limits.max_unpacked_bytes and _has_formulas(zf)
    except (zipfile.BadZipFile, EOFError):
        raise _unreadable_workbook(name, "it is not a zip archive, as an .xlsx must be") from None
    except Exception as e:  # zipfile raises NotImplementedError, OSError... on damage
        raise _unreadable_workbook(name, type(e).__name__) from None
    if unpacked > limits.max_unpacked_bytes:
        raise _error(
            name,
            _over(
                "max_unpacked_bytes",
                limits.max_unpacked_bytes,
                "a workbook that unpacks to at most {} bytes",
                f"{unpacked:,}",
            ),
            code="limit",
        )
    with open_() as fh:  # ours to close, also when openpyxl fails half-way
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception as e:  # a broken workbook can fail anywhere inside openpyxl
            raise _unreadable_workbook(name, type(e).__name__) from None
        try:
            ws = _pick_sheet(wb, sheet, name)
            formulas = _formula_cells(open_, ws.title, limits) if has_formulas else set()
            return _read_sheet(ws, name, limits, formulas)
        except InputError:
            raise
        except Exception as e:  # bad XML, bad deflate, missing parts: all end here
            raise _unreadable_workbook(name, type(e).__name__) from None
        finally:
            wb.close()


def _has_formulas(zf: zipfile.ZipFile) -> bool:
    """Whether any worksheet holds a formula (streamed: a sheet is never unpacked whole)."""
    for info in zf.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            continue
        tail = b""
        with zf.open(info) as member:
            while chunk := member.read(1 << 20):
                text = tail + chunk
                if b"<f>" in text or b"<f " in text or b":f>" in text or b":f " in text:
                    return True
                tail = chunk[-4:]
    return False


def _formula_cells(
    open_: Callable[[], BinaryIO], title: str, limits: Limits
) -> set[tuple[int, int]]:
    """Cells (row, column from 0) of the sheet ``title`` that hold a formula."""
    import openpyxl

    cells: set[tuple[int, int]] = set()
    with open_() as fh:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=False, keep_links=False)
        try:
            ws = wb[title]
            ws.reset_dimensions()
            touched = 0
            for r, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                touched += len(values) + 1
                if touched > limits.max_cells:
                    break  # the reading pass refuses this sheet with the limit's sentence
                for j, v in enumerate(values):
                    if isinstance(v, str) and v.startswith("="):
                        cells.add((r, j))
        finally:
            wb.close()
    return cells


def _unreadable_workbook(name: str, why: str) -> InputError:
    return _file_problem(
        name,
        f"a readable .xlsx workbook, but it is damaged ({why}); open it in Excel or "
        "LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8",
        code="bad_workbook",
    )


def _pick_sheet(wb: Any, sheet: str | int | None, name: str) -> Any:
    sheets = list(wb.worksheets)
    names = [ws.title for ws in sheets]
    listing = ", ".join(repr(n) for n in names) or "none"
    if not sheets:
        raise _file_problem(name, "a workbook with at least one worksheet", code="no_sheet")
    if sheet is None:
        return sheets[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(sheets):
            return sheets[sheet]
    elif isinstance(sheet, str):
        for ws in sheets:
            if ws.title == sheet:
                return ws
        for ws in sheets:
            if ws.title.strip().casefold() == sheet.strip().casefold():
                return ws
    raise _error(
        name,
        f"a worksheet of the workbook, by name or by number from 0: {listing}",
        value=sheet,
        code="no_sheet",
    )


def _check_cells(name: str, rows: int, columns: int, word: str, limits: Limits) -> None:
    """A table of ``rows`` × ``columns`` within ``limits.max_cells``, or an InputError."""
    if rows * columns > limits.max_cells:
        raise _error(
            name,
            _over(
                "max_cells",
                limits.max_cells,
                "a table of at most {} cells",
                f"{rows:,} {word} × {columns:,} columns",
            ),
            code="limit",
        )


def _stored_rows(
    ws: Any, name: str, limits: Limits
) -> tuple[list[tuple[int, tuple[Any, ...]]], int]:
    """The rows of a read-only sheet that hold a value, and the widest of them."""
    ws.reset_dimensions()  # a sheet's own <dimension> may lie; never pad to it
    stored: list[tuple[int, tuple[Any, ...]]] = []
    touched = 0
    width = 0
    for r, values in enumerate(ws.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
        touched += len(values) + 1
        if touched > limits.max_cells:
            raise _error(
                name,
                _over(
                    "max_cells",
                    limits.max_cells,
                    "a sheet of at most {} cells (empty formatted cells included)",
                ),
                row=r,
                code="limit",
            )
        last = len(values)
        while last and (values[last - 1] is None or values[last - 1] == ""):
            last -= 1
        if not last:
            continue
        if last > limits.max_columns:
            raise _error(
                name,
                _over(
                    "max_columns",
                    limits.max_columns,
                    "values in at most {} columns",
                    f"a value in column {last:,}",
                ),
                row=r,
                column=_column_letter(last - 1),
                code="limit",
            )
        width = max(width, last)
        stored.append((r, values[:last]))
    return stored, width


def _check_formulas(
    stored: list[tuple[int, tuple[Any, ...]]],
    formulas: set[tuple[int, int]] | frozenset[Any],
    name: str,
) -> None:
    """A formula cell without a computed value is an error naming its cell."""
    by_row = dict(stored)
    uncomputed = sorted(
        (r, j)
        for r, j in formulas
        if j >= len(by_row.get(r, ())) or by_row[r][j] is None or by_row[r][j] == ""
    )
    if uncomputed:
        raise InputError(
            [
                Problem(
                    name,
                    r,
                    _column_letter(j),
                    None,
                    "a value, but the cell holds a formula that was never calculated "
                    "(open the file in Excel or LibreOffice and save it)",
                    code="uncomputed_formula",
                )
                for r, j in uncomputed[:20]
            ]
        )


def _read_sheet(
    ws: Any,
    name: str,
    limits: Limits,
    formulas: set[tuple[int, int]] | frozenset[Any] = frozenset(),
) -> RawTable:
    """Stream a read-only sheet, keeping only rows that hold a value; check sizes first.

    ``formulas`` are the cells that hold a formula: one without a computed value (a file
    written by a program and never opened in a spreadsheet) is an error, not an empty cell.
    """
    stored, width = _stored_rows(ws, name, limits)
    if formulas:
        _check_formulas(stored, formulas, name)
    if not stored:
        raise _file_problem(name, "a header row and at least one person", code="empty_file")
    _check_cells(name, len(stored), width, "rows", limits)
    problems: list[Problem] = []
    grid_rows: list[list[str]] = []
    for r, values in stored:
        texts = []
        for j, v in enumerate(values):
            try:
                t = _cell_text(v)
            except TypeError as e:
                problems.append(
                    Problem(name, r, _column_letter(j), None, f"a text or number cell, not {e}")
                )
                t = ""
            texts.append(unprotect_cell(t))
        texts.extend([""] * (width - len(texts)))
        grid_rows.append(texts)
    if problems:
        raise InputError(problems)
    rows = np.array([r for r, _ in stored], dtype=np.int64)
    grid = [np.array([row[j] for row in grid_rows], dtype=object) for j in range(width)]
    return _finish_sheet(grid, rows, name, limits, cell_refs=True, unprotect=False)


# ----------------------------------------------------------------- shared: spreadsheets
def _finish_sheet(
    grid: list[np.ndarray],
    rows: np.ndarray,
    name: str,
    limits: Limits,
    cell_refs: bool = False,
    unprotect: bool = True,
) -> RawTable:
    """Header from the first row; blank rows and unnamed empty columns dropped; sizes checked.

    ``grid`` holds one array of text per column, the header in position 0.
    """
    problems: list[Problem] = []
    n_cols = len(grid)
    n_rows = len(rows)
    if n_cols > limits.max_columns:
        raise _error(
            name,
            _over("max_columns", limits.max_columns, "at most {} columns", f"{n_cols:,}"),
            row=int(rows[0]) if n_rows else 1,
            code="limit",
        )
    _check_cells(name, n_rows, n_cols, "rows", limits)
    if unprotect:  # a protected formula is written '=..., as the export does
        grid = [_map_text(col, unprotect_cell) for col in grid]
    problems += _long_cells(grid, rows, name, limits, None)
    if problems:
        raise InputError(problems)
    header_row = int(rows[0])
    header = [str(col[0]) for col in grid]
    body = [col[1:] for col in grid]
    body_rows = rows[1:]
    keep_cols = []
    for j, h in enumerate(header):
        if h.strip():
            keep_cols.append(j)
            continue
        filled = np.flatnonzero([bool(v.strip()) for v in body[j]])
        if len(filled):
            where = _column_letter(j) if cell_refs else f"number {j + 1}"
            problems.append(
                Problem(
                    name,
                    int(body_rows[filled[0]]),
                    None,
                    None,
                    f"a column name in the header (row {header_row}) above every filled cell, "
                    f"but column {where} has none",
                    code="unnamed_column",
                )
            )
    if problems:
        raise InputError(problems)
    filled_row = np.zeros(len(body_rows), dtype=bool)
    for j in keep_cols:  # a row of empty cells is a blank row (kept in the numbering)
        filled_row |= body[j] != ""
    frame = pd.DataFrame(
        {k: body[j][filled_row] for k, j in enumerate(keep_cols)},
        columns=range(len(keep_cols)),
        dtype=object,
    )
    return RawTable(
        source=name,
        header=[header[j] for j in keep_cols],
        frame=frame,
        rows=body_rows[filled_row],
        row_word="row",
        header_row=header_row,
    )


def _map_text(col: np.ndarray, fn: Any) -> np.ndarray:
    codes, uniq = pd.factorize(col, use_na_sentinel=False)
    mapped = np.array([fn(u) for u in uniq], dtype=object)
    return mapped[codes] if len(col) else col


def _long_cells(
    grid: list[np.ndarray],
    rows: np.ndarray | None,
    name: str,
    limits: Limits,
    header: list[str] | None,
    row_word: str = "row",
) -> list[Problem]:
    problems: list[Problem] = []
    cap = limits.max_cell_chars
    for j, col in enumerate(grid):
        if not len(col):
            continue
        if max(map(len, col)) <= cap:
            continue
        lengths = np.fromiter((len(v) for v in col), dtype=np.int64, count=len(col))
        for i in np.flatnonzero(lengths > cap)[:10]:
            problems.append(
                Problem(
                    name,
                    None if rows is None else int(rows[i]),
                    None if header is None else header[j],
                    None,
                    _over(
                        "max_cell_chars",
                        cap,
                        "a cell of at most {} characters",
                        f"{int(lengths[i]):,}",
                    ),
                    row_word=row_word,
                    code="limit",
                )
            )
    return problems


# ----------------------------------------------------------------- frames and records
class _Unsupported(Exception):
    pass


def _any_cell_text(v: object) -> str:
    """A DataFrame or record cell as text; lists are joined with ``;``."""
    if v is None or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, list | tuple | np.ndarray | pd.Series):
        return ";".join(_any_cell_text(x) for x in list(v))
    if isinstance(v, pd.Timestamp):
        return _cell_text(v.to_pydatetime())
    if isinstance(v, np.datetime64):
        return "" if np.isnat(v) else str(v)
    try:
        return _cell_text(v)
    except TypeError:
        raise _Unsupported(type(v).__name__) from None


def _text_column(values: Sequence[Any]) -> tuple[np.ndarray, list[tuple[int, str]]]:
    """Cells to text once per distinct value; returns (texts, [(index, bad type)])."""
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values)
    bad: list[tuple[int, str]] = []
    try:
        codes, uniq = pd.factorize(arr, use_na_sentinel=False)
    except TypeError:  # unhashable cells (lists): one by one
        codes, uniq = np.arange(len(arr)), arr
    out = np.empty(len(uniq), dtype=object)
    for k, u in enumerate(uniq):
        try:
            out[k] = _any_cell_text(u)
        except _Unsupported as e:
            out[k] = ""
            bad.extend((int(i), str(e)) for i in np.flatnonzero(codes == k))
    return (out[codes] if len(arr) else arr), bad


def _table(
    header: list[str], columns: Sequence[Sequence[Any]], n: int, name: str, limits: Limits
) -> RawTable:
    if len(header) > limits.max_columns:
        raise _error(
            name,
            _over("max_columns", limits.max_columns, "at most {} columns", f"{len(header):,}"),
            code="limit",
        )
    _check_cells(name, n, len(header), "records", limits)
    problems: list[Problem] = []
    grid = []
    rows = np.arange(1, n + 1, dtype=np.int64)
    for h, values in zip(header, columns, strict=True):
        texts, bad = _text_column(values)
        for i, kind in bad[:10]:
            problems.append(
                Problem(
                    name,
                    int(rows[i]),
                    h,
                    None,
                    f"a text, a number, yes/no or a list of texts, not a {kind}",
                    row_word="record",
                    code="bad_cell_type",
                )
            )
        grid.append(texts)
    problems += _long_cells(grid, rows, name, limits, header, row_word="record")
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(dict(enumerate(grid)), columns=range(len(grid)), dtype=object)
    if not grid:
        frame = pd.DataFrame(index=range(n))
    return RawTable(name, list(header), frame, rows, row_word="record", header_row=None)


def _read_frame(df: pd.DataFrame, limits: Limits) -> RawTable:
    name = "<DataFrame>"
    if df.index.name == "id" or (
        isinstance(df.index, pd.MultiIndex) and "id" in [str(n) for n in df.index.names]
    ):
        df = df.reset_index()
    header = [" ".join(str(x) for x in c) if isinstance(c, tuple) else str(c) for c in df.columns]
    return _table(header, [df.iloc[:, j] for j in range(df.shape[1])], len(df), name, limits)


def _read_records(records: Sequence[Any], name: str, limits: Limits) -> RawTable:
    problems: list[Problem] = []
    header: dict[str, None] = {}
    for i, r in enumerate(records, start=1):
        if not isinstance(r, Mapping):
            problems.append(
                Problem(
                    name,
                    i,
                    None,
                    None,
                    "an object with column names as keys",
                    "record",
                    code="bad_record",
                )
            )
            continue
        for key in getattr(r, "duplicate_keys", ()):
            problems.append(
                Problem(
                    name,
                    i,
                    str(key),
                    None,
                    "each key once in a record (the later one would silently win)",
                    "record",
                    code="duplicate_key",
                )
            )
        for k in r:
            header.setdefault(str(k), None)
            if len(header) > limits.max_columns:
                raise _error(
                    name,
                    _over("max_columns", limits.max_columns, "records with at most {} columns"),
                    row=i,
                    row_word="record",
                    code="limit",
                )
    if problems:
        raise InputError(problems)
    keys = list(header)
    as_text = [{str(k): v for k, v in r.items()} for r in records]
    columns = [[r.get(k) for r in as_text] for k in keys]
    return _table(keys, columns, len(records), name, limits)


# -------------------------------------------------------------------------- JSON / YAML
class _KeyedDict(dict[str, Any]):
    """A JSON object that remembers keys it saw twice."""

    duplicate_keys: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = _KeyedDict()
    dups = []
    for k, v in pairs:
        if k in d:
            dups.append(k)
        d[k] = v
    if dups:
        d.duplicate_keys = tuple(dups)
    return d


def _no_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number; write null or a number")


def _load_json(text: str, name: str, limits: Limits) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise _error(
            name,
            f"valid JSON ({e.msg}, column {e.colno})",
            row=e.lineno,
            row_word="line",
            code="bad_json",
        ) from None
    except RecursionError:
        raise _error(name, _depth_sentence(limits), code="limit") from None
    except ValueError as e:  # 5,000-digit numbers, NaN
        raise _error(name, f"valid JSON numbers ({e})", code="bad_json") from None


def _depth_sentence(limits: Limits) -> str:
    return _over("max_depth", limits.max_depth, "lists and objects nested at most {} deep")


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader that also notes keys written twice in one mapping."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            for key_node, _ in node.value:
                if (
                    isinstance(key_node, yaml.ScalarNode)
                    and key_node.tag != "tag:yaml.org,2002:merge"
                ):
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        self.duplicates.append((key_node.value, key_node.start_mark.line + 1))
                    seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _yaml_depth_ok(text: str, name: str, limits: Limits) -> None:
    """Walk YAML events (no recursion) and refuse nesting deeper than the limit."""
    depth = 0
    try:
        for ev in yaml.parse(io.StringIO(text), Loader=yaml.SafeLoader):
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    line = ev.start_mark.line + 1 if ev.start_mark else None
                    raise _error(
                        name, _depth_sentence(limits), row=line, row_word="line", code="limit"
                    )
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as e:
        raise _yaml_problem(e, name) from None


def _yaml_problem(e: Exception, name: str) -> InputError:
    mark = getattr(e, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(e, "problem", None) or type(e).__name__
    return InputError(
        [Problem(name, line, None, None, f"valid YAML ({what})", row_word="line", code="bad_yaml")]
    )


def _load_yaml(text: str, name: str, limits: Limits) -> Any:
    _yaml_depth_ok(text, name, limits)
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        raise _yaml_problem(e, name) from None
    except RecursionError:
        raise _error(name, _depth_sentence(limits), code="limit") from None
    except (ValueError, TypeError, OverflowError) as e:
        raise _error(name, f"valid YAML values ({e})", code="bad_yaml") from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    key,
                    None,
                    "each key once in a mapping (the later one would silently win)",
                    row_word="line",
                    code="duplicate_key",
                )
                for key, line in loader.duplicates
            ]
        )
    return data


def _walk(
    data: Any, name: str, limits: Limits, max_values: int | None, records: bool = False
) -> None:
    """Check depth, size and duplicate keys of parsed data without recursion.

    With ``records``, keys written twice inside a record are left to the record reader,
    which names the record by its number.
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    count = 0
    while stack:
        item, depth, path = stack.pop()
        count += 1
        if max_values is not None and count > max_values:
            raise _error(
                name,
                _over(
                    "max_brief_values",
                    max_values,
                    "a brief of at most {} values (aliases counted each time)",
                ),
                code="limit",
            )
        if isinstance(item, Mapping | list | tuple) and depth > limits.max_depth:
            raise _error(name, _depth_sentence(limits), column=path or None, code="limit")
        if isinstance(item, Mapping):
            in_record = records and path.startswith(("[", "candidates["))
            for key in () if in_record else getattr(item, "duplicate_keys", ()):
                problems.append(
                    Problem(
                        name,
                        None,
                        f"{path}.{key}" if path else str(key),
                        None,
                        "each key once in an object (the later one would silently win)",
                        code="duplicate_key",
                    )
                )
            for k, v in item.items():
                stack.append((v, depth + 1, f"{path}.{k}" if path else str(k)))
        elif isinstance(item, list | tuple):
            for i, v in enumerate(item):
                stack.append((v, depth + 1, f"{path}[{i}]"))
    if problems:
        raise InputError(problems)


# ---------------------------------------------------------------------------- entrance
def read_table(
    source: Any,
    *,
    sheet: str | int | None = None,
    limits: Limits | None = None,
    format: str | None = None,
) -> RawTable:
    """Read candidates from any accepted source into text cells, or raise InputError.

    Parameters
    ----------
    source : path, bytes, binary file, DataFrame or list of dicts
        ``.csv``/``.txt``/``.tsv`` (``,``, ``;`` or tab; UTF-8 ± BOM, UTF-16, Windows-1252,
        Mac Roman), ``.xlsx``/``.xlsm``, ``.json`` (a list of records or
        ``{"candidates": [...]}``), the bytes of such a file or an open binary file
        (standard input: ``sys.stdin.buffer``) with ``format=``, a DataFrame or a list
        of dicts.
    sheet : str or int, optional
        The worksheet of a workbook, by name or by number from 0 (default: the first).
    limits : Limits, optional
        Size limits (defaults: the module's constants).
    format : {"csv", "xlsx", "json"}, optional
        The file format, when the name does not say it (bytes, standard input, or a file
        with another extension).

    Returns
    -------
    RawTable

    Raises
    ------
    InputError
        For anything that cannot be read, naming the file and what to do.

    Examples
    --------
    >>> t = read_table([{"id": "A1", "actor_type": "NA"}])
    >>> t.header, t.frame.iloc[0].tolist(), t.rows.tolist()
    (['id', 'actor_type'], ['A1', 'NA'], [1])
    >>> read_table(b"id;actor_type\\nA1;borger\\n", format="csv").frame.iloc[0].tolist()
    ['A1', 'borger']
    """
    limits = limits or Limits()
    if isinstance(source, pd.DataFrame):
        _no_sheet(sheet, "<DataFrame>")
        return _read_frame(source, limits)
    if isinstance(source, list | tuple):
        _no_sheet(sheet, "<records>")
        return _read_records(source, "<records>", limits)
    if isinstance(source, str | Path):
        path = Path(source)
        name = path.name or str(path)
        if _is_dir(path):
            raise _os_problem(name, IsADirectoryError(21, "Is a directory", str(path)))
        kind = _kind(format, path.suffix, name, TABLE_FORMATS)
        if kind == "xlsx":
            _check_file(path, limits)
            return _read_xlsx(lambda: path.open("rb"), name, sheet, limits)
        return _table_from_bytes(_read_file_bytes(path, limits), name, kind, sheet, limits)
    if isinstance(source, bytes | bytearray | memoryview) or hasattr(source, "read"):
        name, data = _read_stream(source, limits)
        kind = _kind(format, Path(name).suffix, name, TABLE_FORMATS)
        if kind == "xlsx":
            return _read_xlsx(lambda: io.BytesIO(data), name, sheet, limits)
        return _table_from_bytes(data, name, kind, sheet, limits)
    raise _error(
        "<input>",
        "a path, a DataFrame or a list of dicts",
        value=type(source).__name__,
        code="unknown_format",
    )


#: formats by name, and the suffixes that name them
TABLE_FORMATS = {"csv": CSV_SUFFIXES, "xlsx": XLSX_SUFFIXES, "json": JSON_SUFFIXES}
BRIEF_FORMATS = {"yaml": YAML_SUFFIXES, "json": JSON_SUFFIXES}
_FORMAT_WORDS = {
    ("csv", "xlsx", "json"): ".csv, .xlsx or .json",
    ("yaml", "json"): ".yaml, .yml or .json",
}


def _kind(format: str | None, suffix: str, name: str, formats: dict[str, tuple[str, ...]]) -> str:
    wanted = ", ".join(f".{k}" for k in formats)
    if format is not None:
        key = str(format).lower().lstrip(".")
        key = {"yml": "yaml", "tsv": "csv", "txt": "csv", "xlsm": "xlsx"}.get(key, key)
        if key in formats:
            return key
        raise _error(name, f"format= one of {wanted}", value=format, code="unknown_format")
    suffix = suffix.lower()
    for key, suffixes in formats.items():
        if suffix in suffixes:
            return key
    if suffix == ".xls":
        raise _file_problem(
            name, "an .xlsx workbook: save this old .xls as .xlsx (or as CSV UTF-8)"
        )
    raise _error(
        name,
        f"a {_FORMAT_WORDS[tuple(formats)]} file (or say which with format=)",
        value=suffix or name,
        code="unknown_format",
    )


def _read_stream(source: Any, limits: Limits) -> tuple[str, bytes]:
    """The bytes of an in-memory file or an open binary file, within the size limit."""
    name = Path(str(getattr(source, "name", "") or "")).name or "<stdin>"
    if isinstance(source, bytes | bytearray | memoryview):
        name, data = "<bytes>", bytes(source)
    else:
        try:
            data = source.read(limits.max_file_bytes + 1)
        except (OSError, ValueError) as e:
            raise _file_problem(name, f"a readable stream ({type(e).__name__})") from None
        if isinstance(data, str):
            raise _file_problem(name, "a binary stream (open the file with 'rb')")
    if len(data) > limits.max_file_bytes:
        raise _error(
            name,
            _over("max_file_bytes", limits.max_file_bytes, "a file of at most {} bytes"),
            code="limit",
        )
    return name, data


def _table_from_bytes(
    data: bytes, name: str, kind: str, sheet: str | int | None, limits: Limits
) -> RawTable:
    _no_sheet(sheet, name)
    if kind == "csv":
        return _read_csv(data, name, limits)
    parsed = _load_json(decode_text(data, name), name, limits)
    _walk(parsed, name, limits, None, records=True)
    if isinstance(parsed, Mapping) and isinstance(parsed.get("candidates"), list):
        parsed = parsed["candidates"]
    if not isinstance(parsed, list):
        raise _file_problem(name, 'a list of records or {"candidates": [...]}', code="bad_json")
    return _read_records(parsed, name, limits)


def _no_sheet(sheet: object, name: str) -> None:
    if sheet is not None:
        raise _error(name, "no sheet= (only workbooks have sheets)", value=sheet)


def read_mapping(
    source: Any, *, limits: Limits | None = None, format: str | None = None
) -> tuple[Any, str]:
    """Read a brief from a YAML/JSON file, its bytes, an open binary file or a mapping.

    Checks depth, size and duplicate keys; the result is not yet validated.

    Parameters
    ----------
    source : path, bytes, binary file or mapping
    limits : Limits, optional
    format : {"yaml", "json"}, optional
        The format, when the name does not say it (bytes, standard input).

    Returns
    -------
    (data, name)
        The parsed data and the name to use in messages.

    Raises
    ------
    InputError

    Examples
    --------
    >>> read_mapping({"theme": "Unges trivsel"})
    ({'theme': 'Unges trivsel'}, '<brief>')
    >>> read_mapping(b"theme: Unges trivsel\\n", format="yaml")
    ({'theme': 'Unges trivsel'}, '<bytes>')
    """
    limits = limits or Limits()
    if isinstance(source, str | Path):
        path = Path(source)
        name = path.name or str(path)
        if _is_dir(path):
            raise _os_problem(name, IsADirectoryError(21, "Is a directory", str(path)))
        kind = _kind(format, path.suffix, name, BRIEF_FORMATS)
        data_bytes = _read_file_bytes(path, limits)
    elif isinstance(source, bytes | bytearray | memoryview) or hasattr(source, "read"):
        name, data_bytes = _read_stream(source, limits)
        kind = _kind(format, Path(name).suffix, name, BRIEF_FORMATS)
    else:
        _walk(source, "<brief>", limits, limits.max_brief_values)
        return source, "<brief>"
    text = decode_text(data_bytes, name)
    data = _load_json(text, name, limits) if kind == "json" else _load_yaml(text, name, limits)
    _walk(data, name, limits, limits.max_brief_values)
    return data, name
