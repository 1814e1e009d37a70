"""CSV files (``,``, ``;`` or tab) to a :class:`~composer.reading.table.RawTable`."""

from __future__ import annotations

import csv
import io
import re
import threading

import numpy as np
import pandas as pd

from ..cells import FORMULA_TRIGGERS
from ..errors import InputError, told
from .decoding import decode_text
from .limits import Limits, error, file_problem, over
from .table import RawTable, finish_sheet

__all__ = ["SEPARATORS", "read_csv"]

SEPARATORS = (",", ";", "\t")
_LEADING_BLANK = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")
_LINE_END = re.compile(r"\r\n|\n|\r")
#: an apostrophe protecting a formula-like cell (see composer.cells.safe_cell)
_PROTECTED = re.compile("'+[" + re.escape("".join(FORMULA_TRIGGERS)) + "]")
_QUOTED = re.compile(r'"[^"]*"')
_FIELD_LIMIT_LOCK = threading.Lock()


def _separator(first_line: str) -> str:
    """``,``, ``;`` or tab: whichever splits the header line (outside quotes) most."""
    bare = _QUOTED.sub("", first_line)
    counts = {sep: bare.count(sep) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda s: (counts[s], s == ","))


def read_csv(data: bytes, name: str, limits: Limits) -> RawTable:
    text = decode_text(data, name)
    blank = _LEADING_BLANK.match(text)
    offset = 0
    if blank is not None and blank.end():
        lead = blank.group()
        offset = lead.count("\n") + lead.count("\r") - lead.count("\r\n")
        text = text[blank.end() :]
    if not text.strip():
        raise file_problem(name, "empty_file", code="empty_file")
    end = _LINE_END.search(text)
    first_line = text[: end.start()] if end else text
    sep = _separator(first_line)
    n_header = _QUOTED.sub("", first_line).count(sep) + 1
    if n_header > limits.max_columns:
        raise error(
            name,
            "limit_columns",
            row=offset + 1,
            code="limit",
            found=n_header,
            **over("max_columns", limits.max_columns),
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
    return finish_sheet(grid, rows, name, limits, unprotect=protected)


def _read_csv_exactly(
    text: str, sep: str, name: str, offset: int, limits: Limits
) -> tuple[list[np.ndarray], int]:
    """The slow exact reader (Python's csv module), for files pandas refuses: says why."""
    records = _csv_records(text, sep, name, offset, limits)
    width = len(records[0]) if records else 0
    problems = [
        told(name, offset + i + 1, None, None, "row_too_long", width=width, n=len(rec))
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
            row = offset + len(records) + 1
            if "field larger than field limit" in str(e):
                limit = over("max_cell_chars", limits.max_cell_chars)
                raise error(
                    name, "limit_csv_cell_chars", row=row, code="bad_csv", **limit
                ) from None
            raise error(name, "bad_csv", row=row, code="bad_csv", why=str(e)) from None
        finally:
            csv.field_size_limit(old)
    return records
