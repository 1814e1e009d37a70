"""The guarded entrance: every candidate table and every brief is read here.

Files (CSV, ``.xlsx``, JSON, YAML), DataFrames, lists of records and dict briefs come in
through :func:`read_table` and :func:`read_mapping`. Whatever goes wrong — an unknown
encoding, a broken workbook, a file nested too deep, a missing folder — leaves as one
:class:`~composer.errors.InputError` that names the file and says what to do; no other
exception gets out. Text stays text in every format (``NA``, ``null``, ``#N/A`` are
kept as written), row numbers are the spreadsheet's (header = row 1, blank rows
counted), and every size is checked against :class:`Limits` before it can cost much.

Modules, one concern each: :mod:`.limits` (:class:`Limits`), :mod:`.files` (checks and the
bounded read), :mod:`.decoding`, :mod:`.csv_table`, :mod:`.xlsx`, :mod:`.records`
(DataFrames and records), :mod:`.structured` (JSON and YAML), :mod:`.table` (what the table
readers share) and :mod:`.entrance` (:func:`read_table`, :func:`read_mapping`).
"""

from __future__ import annotations

from .decoding import decode_text
from .entrance import read_mapping, read_table
from .files import BRIEF_FORMATS, TABLE_FORMATS
from .limits import (
    MAX_BRIEF_BYTES,
    MAX_BRIEF_VALUES,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_JSON_VALUES,
    MAX_UNPACKED_BYTES,
    Limits,
)
from .table import RawTable

__all__ = [
    "BRIEF_FORMATS",
    "MAX_BRIEF_BYTES",
    "MAX_BRIEF_VALUES",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_JSON_VALUES",
    "MAX_UNPACKED_BYTES",
    "TABLE_FORMATS",
    "Limits",
    "RawTable",
    "decode_text",
    "read_mapping",
    "read_table",
]
