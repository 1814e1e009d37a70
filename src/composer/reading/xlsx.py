"""Excel workbooks (``.xlsx``) to a :class:`~composer.reading.table.RawTable`."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from typing import Any, BinaryIO

import numpy as np

from ..cells import unprotect_cell
from ..errors import InputError, Problem, told
from .limits import Limits, error, file_problem, over
from .table import RawTable, cell_text, check_cells, column_letter, finish_sheet
from .xlsx_scan import scan_shared_strings, scan_sheet, sheet_parts

__all__ = ["read_xlsx"]


def read_xlsx(
    open_: Callable[[], BinaryIO], name: str, sheet: str | int | None, limits: Limits
) -> RawTable:
    """Read a workbook from ``open_()`` (a fresh binary file object each call)."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - depends on the install
        raise file_problem(name, "no_openpyxl") from None
    try:
        with open_() as fh, zipfile.ZipFile(fh) as zf:
            _check_unpacked(zf, name, limits)
            title, part = _pick_sheet(sheet_parts(zf), sheet, name)
            scan_shared_strings(zf, name, limits)
            has_formulas = scan_sheet(zf, part, name, limits)
    except InputError:
        raise
    except (zipfile.BadZipFile, EOFError):
        raise _unreadable_workbook(name, "it is not a zip archive, as an .xlsx must be") from None
    except Exception as e:  # zipfile, expat and missing parts raise many kinds on damage
        raise _unreadable_workbook(name, type(e).__name__) from None
    with open_() as fh:  # ours to close, also when openpyxl fails half-way
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception as e:  # a broken workbook can fail anywhere inside openpyxl
            raise _unreadable_workbook(name, type(e).__name__) from None
        try:
            ws = wb[title]
            formulas = _formula_cells(open_, title, limits) if has_formulas else set()
            return _read_sheet(ws, name, limits, formulas)
        except InputError:
            raise
        except Exception as e:  # bad XML, bad deflate, missing parts: all end here
            raise _unreadable_workbook(name, type(e).__name__) from None
        finally:
            wb.close()


def _check_unpacked(zf: zipfile.ZipFile, name: str, limits: Limits) -> None:
    unpacked = sum(i.file_size for i in zf.infolist())
    if unpacked > limits.max_unpacked_bytes:
        raise error(
            name,
            "limit_unpacked",
            code="limit",
            found=unpacked,
            **over("max_unpacked_bytes", limits.max_unpacked_bytes),
        )


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
    return file_problem(
        name,
        "bad_workbook",
        code="bad_workbook",
        why=why,
    )


def _pick_sheet(
    parts: list[tuple[str, str]], sheet: str | int | None, name: str
) -> tuple[str, str]:
    """(title, part) of the sheet asked for: by name (case and spaces forgiven) or number."""
    if not parts:
        raise file_problem(name, "no_sheet", code="no_sheet")
    if sheet is None:
        return parts[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(parts):
            return parts[sheet]
    elif isinstance(sheet, str):
        for part in parts:
            if part[0] == sheet:
                return part
        for part in parts:
            if part[0].strip().casefold() == sheet.strip().casefold():
                return part
    raise error(
        name,
        "which_sheet",
        value=sheet,
        code="no_sheet",
        sheets=", ".join(repr(title) for title, _ in parts),
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
            raise error(
                name,
                "limit_sheet_cells",
                row=r,
                code="limit",
                **over("max_cells", limits.max_cells),
            )
        last = len(values)
        while last and (values[last - 1] is None or values[last - 1] == ""):
            last -= 1
        if not last:
            continue
        if last > limits.max_columns:
            raise error(
                name,
                "limit_sheet_columns",
                row=r,
                column=column_letter(last - 1),
                code="limit",
                found=last,
                **over("max_columns", limits.max_columns),
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
                told(name, r, column_letter(j), None, "uncomputed_formula")
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
        raise file_problem(name, "empty_file", code="empty_file")
    check_cells(name, len(stored), width, "rows", limits)
    problems: list[Problem] = []
    grid_rows: list[list[str]] = []
    for r, values in stored:
        texts = []
        for j, v in enumerate(values):
            try:
                t = cell_text(v)
            except TypeError as e:
                problems.append(
                    told(
                        name,
                        r,
                        column_letter(j),
                        None,
                        "bad_cell",
                        code="invalid_value",
                        kind=str(e),
                    )
                )
                t = ""
            texts.append(unprotect_cell(t))
        texts.extend([""] * (width - len(texts)))
        grid_rows.append(texts)
    if problems:
        raise InputError(problems)
    rows = np.array([r for r, _ in stored], dtype=np.int64)
    grid = [np.array([row[j] for row in grid_rows], dtype=object) for j in range(width)]
    return finish_sheet(grid, rows, name, limits, cell_refs=True, unprotect=False)
