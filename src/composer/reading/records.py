"""DataFrames and lists of records to a :class:`~composer.reading.table.RawTable`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, Problem, told
from .limits import Limits, error, over
from .table import RawTable, cell_text, check_cells, long_cells, unsafe_cells

__all__ = ["read_frame", "read_records"]


class _Unsupported(Exception):
    pass


def _any_cell_text(v: object) -> str:
    """A DataFrame or record cell as text; lists are joined with ``;``."""
    if v is None or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, list | tuple | np.ndarray | pd.Series):
        return ";".join(_any_cell_text(x) for x in list(v))
    if isinstance(v, pd.Timestamp):
        return cell_text(v.to_pydatetime())
    if isinstance(v, np.datetime64):
        return "" if np.isnat(v) else str(v)
    try:
        return cell_text(v)
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
        raise error(
            name,
            "limit_columns",
            code="limit",
            found=len(header),
            **over("max_columns", limits.max_columns),
        )
    check_cells(name, n, len(header), "records", limits)
    problems: list[Problem] = []
    grid = []
    rows = np.arange(1, n + 1, dtype=np.int64)
    for h, values in zip(header, columns, strict=True):
        texts, bad = _text_column(values)
        for i, kind in bad[:10]:
            problems.append(
                told(name, int(rows[i]), h, None, "bad_cell_type", row_word="record", kind=kind)
            )
        grid.append(texts)
    problems += long_cells(grid, rows, name, limits, header, row_word="record")
    problems += unsafe_cells(grid, rows, name, header, row_word="record")
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(dict(enumerate(grid)), columns=range(len(grid)), dtype=object)
    if not grid:
        frame = pd.DataFrame(index=range(n))
    return RawTable(name, list(header), frame, rows, row_word="record", header_row=None)


def read_frame(df: pd.DataFrame, limits: Limits) -> RawTable:
    name = "<DataFrame>"
    if df.index.name == "id" or (
        isinstance(df.index, pd.MultiIndex) and "id" in [str(n) for n in df.index.names]
    ):
        if "id" in [str(c) for c in df.columns]:
            raise error(
                name,
                "id_twice",
                column="id",
                code="duplicate_column",
            )
        df = df.reset_index()
    header = [" ".join(str(x) for x in c) if isinstance(c, tuple) else str(c) for c in df.columns]
    return _table(header, [df.iloc[:, j] for j in range(df.shape[1])], len(df), name, limits)


def read_records(records: Sequence[Any], name: str, limits: Limits) -> RawTable:
    problems: list[Problem] = []
    header: dict[str, None] = {}
    for i, r in enumerate(records, start=1):
        if not isinstance(r, Mapping):
            problems.append(told(name, i, None, None, "bad_record", row_word="record"))
            continue
        for key in getattr(r, "duplicate_keys", ()):
            problems.append(
                told(
                    name,
                    i,
                    str(key),
                    None,
                    "key_twice_record",
                    code="duplicate_key",
                    row_word="record",
                )
            )
        for k in r:
            header.setdefault(str(k), None)
            if len(header) > limits.max_columns:
                raise error(
                    name,
                    "limit_record_columns",
                    row=i,
                    row_word="record",
                    code="limit",
                    **over("max_columns", limits.max_columns),
                )
    if problems:
        raise InputError(problems)
    keys = list(header)
    as_text = [{str(k): v for k, v in r.items()} for r in records]
    columns = [[r.get(k) for r in as_text] for k in keys]
    return _table(keys, columns, len(records), name, limits)
