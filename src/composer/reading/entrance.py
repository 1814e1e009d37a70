"""The two public readers: :func:`read_table` (candidates) and :func:`read_mapping` (a brief)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .csv_table import read_csv
from .decoding import decode_text
from .files import BRIEF_FORMATS, TABLE_FORMATS, source_bytes
from .limits import Limits, error, file_problem
from .records import read_frame, read_records
from .structured import load_json, load_yaml, walk
from .table import RawTable
from .xlsx import read_xlsx

__all__ = ["read_mapping", "read_table"]


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
        return read_frame(source, limits)
    if isinstance(source, list | tuple):
        _no_sheet(sheet, "<records>")
        return read_records(source, "<records>", limits)
    if not isinstance(source, str | Path | bytes | bytearray | memoryview) and not hasattr(
        source, "read"
    ):
        raise error(
            "<input>",
            "not_a_table_source",
            value=type(source).__name__,
            code="unknown_format",
        )
    cap = ("max_file_bytes", limits.max_file_bytes)
    name, kind, data = source_bytes(source, format, TABLE_FORMATS, cap)
    if kind == "xlsx":  # read once: every pass over the workbook reads these bytes
        return read_xlsx(lambda: io.BytesIO(data), name, sheet, limits)
    return _table_from_bytes(data, name, kind, sheet, limits)


def _table_from_bytes(
    data: bytes, name: str, kind: str, sheet: str | int | None, limits: Limits
) -> RawTable:
    _no_sheet(sheet, name)
    if kind == "csv":
        return read_csv(data, name, limits)
    cap = ("max_json_values", limits.max_json_values)
    parsed = load_json(decode_text(data, name), name, limits, cap)
    walk(parsed, name, limits, None, records=True)
    if isinstance(parsed, Mapping) and isinstance(parsed.get("candidates"), list):
        if extra := [str(k) for k in parsed if k != "candidates"]:
            raise error(
                name,
                "extra_key",
                column=extra[0],
                code="extra_key",
            )
        parsed = parsed["candidates"]
    if not isinstance(parsed, list):
        raise file_problem(name, "candidates_json", code="bad_json")
    return read_records(parsed, name, limits)


def _no_sheet(sheet: object, name: str) -> None:
    if sheet is not None:
        raise error(name, "sheet_argument", value=sheet)


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
    if not isinstance(source, str | Path | bytes | bytearray | memoryview) and not hasattr(
        source, "read"
    ):
        walk(source, "<brief>", limits, limits.max_brief_values)
        return source, "<brief>"
    if limits.max_brief_bytes < limits.max_file_bytes:
        cap = ("max_brief_bytes", limits.max_brief_bytes)
    else:
        cap = ("max_file_bytes", limits.max_file_bytes)
    name, kind, data_bytes = source_bytes(source, format, BRIEF_FORMATS, cap)
    text = decode_text(data_bytes, name)
    values = ("max_brief_values", limits.max_brief_values)
    load = load_json if kind == "json" else load_yaml
    data = load(text, name, limits, values)
    walk(data, name, limits, limits.max_brief_values)
    return data, name
