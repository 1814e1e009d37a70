"""A table as read (:class:`RawTable`), and what every reader of tables shares: a cell's
text, column letters, the header and blank rows, the size checks."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ..cells import UNSAFE_TEXT, unprotect_cell
from ..errors import InputError, Problem, told
from .limits import Limits, error, over

__all__ = [
    "RawTable",
    "cell_text",
    "check_cells",
    "column_letter",
    "finish_sheet",
    "long_cells",
    "unsafe_cells",
]


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


def cell_text(v: object) -> str:
    """A workbook or JSON cell as the text a spreadsheet shows (lists joined with ``;``)."""
    if v is None:
        return ""
    for kind, text in _CELL_TEXT:
        if isinstance(v, kind):
            return str(text(v))
    raise TypeError(type(v).__name__)


def column_letter(j: int) -> str:
    letters = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def check_cells(name: str, rows: int, columns: int, word: str, limits: Limits) -> None:
    """A table of ``rows`` × ``columns`` within ``limits.max_cells``, or an InputError."""
    if rows * columns > limits.max_cells:
        raise error(
            name,
            f"limit_cells_{word}",
            code="limit",
            rows=rows,
            columns=columns,
            **over("max_cells", limits.max_cells),
        )


def finish_sheet(
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
        raise error(
            name,
            "limit_columns",
            row=int(rows[0]) if n_rows else 1,
            code="limit",
            found=n_cols,
            **over("max_columns", limits.max_columns),
        )
    check_cells(name, n_rows, n_cols, "rows", limits)
    if unprotect:  # a protected formula is written '=..., as the export does
        grid = [_map_text(col, unprotect_cell) for col in grid]
    problems += long_cells(grid, rows, name, limits, None)
    problems += unsafe_cells(grid, rows, name, None)
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
            where: str | int = column_letter(j) if cell_refs else j + 1
            message = "unnamed_column" if cell_refs else "unnamed_column_number"
            problems.append(
                told(name, int(body_rows[filled[0]]), None, None, message,
                     code="unnamed_column", header=header_row, letter=where)
            )  # fmt: skip
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


def long_cells(
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
                told(name, None if rows is None else int(rows[i]),
                     None if header is None else header[j], None, "limit_cell_chars",
                     code="limit", row_word=row_word, found=int(lengths[i]),
                     **over("max_cell_chars", cap))
            )  # fmt: skip
    return problems


def unsafe_cells(
    grid: list[np.ndarray],
    rows: np.ndarray,
    name: str,
    header: list[str] | None,
    row_word: str = "row",
) -> list[Problem]:
    """Cells holding a control character or a lone surrogate (see
    :data:`composer.cells.UNSAFE_TEXT`), at most 10 a column; without ``header`` the first
    row is the header. One C-speed search a column finds the clean ones."""
    problems: list[Problem] = []
    for j, col in enumerate(grid):
        if not len(col) or UNSAFE_TEXT.search("\n".join(col)) is None:
            continue
        label = header[j] if header is not None else str(col[0])
        for i in [i for i, v in enumerate(col) if UNSAFE_TEXT.search(v)][:10]:
            column = label if header is not None or i else None
            problems.append(unsafe_problem(name, int(rows[i]), column, col[i], row_word))
    return problems


def unsafe_problem(
    name: str, row: int | None, column: str | None, text: str, row_word: str = "row"
) -> Problem:
    """The problem of a text holding a control character or a lone surrogate."""
    found = UNSAFE_TEXT.search(text)
    code = ord(found.group()) if found is not None else 0
    message = "unsafe_surrogate" if 0xD800 <= code <= 0xDFFF else "unsafe_control"
    return told(name, row, column, None, message, code="unsafe_text", row_word=row_word,
                char=f"U+{code:04X}")  # fmt: skip
