"""Size limits of the readers, and their errors told by the message table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import InputError, told

__all__ = [
    "MAX_BRIEF_BYTES",
    "MAX_BRIEF_VALUES",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_JSON_VALUES",
    "MAX_UNPACKED_BYTES",
    "Limits",
    "error",
    "file_problem",
    "over",
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
#: Largest brief file, in bytes (a brief of 100,000 values is about 3 MB).
MAX_BRIEF_BYTES = 16 * 2**20
#: Most values in a JSON file of candidates (Python's JSON parser holds about 60 bytes a
#: value: 5 million is 250,000 candidates of 20 fields and about 300 MB).
MAX_JSON_VALUES = 5_000_000


@dataclass(frozen=True)
class Limits:
    """Size limits of the readers; pass your own to read something larger.

    Every limit is checked before the work it bounds: bytes as they are read, JSON values
    and depth before the parse, YAML events before anything is constructed, a workbook's
    cells per row and in all while its XML streams by, before openpyxl reads it.

    Attributes
    ----------
    max_file_bytes, max_brief_bytes : int
        Largest file (any), largest brief.
    max_unpacked_bytes : int
        Largest total unpacked size of an ``.xlsx``.
    max_cells, max_columns, max_cell_chars : int
        Cells in a table (or a sheet, empty formatted cells included), columns (cells in
        a workbook row), characters a cell.
    max_depth, max_brief_values, max_json_values : int
        Nesting of lists and mappings; values in a brief (aliases counted each time
        used); values in a JSON file of candidates (counted as commas and brackets).

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
    max_brief_bytes: int = MAX_BRIEF_BYTES
    max_json_values: int = MAX_JSON_VALUES


def over(limit: str, value: int) -> dict[str, Any]:
    """The parameters of a broken limit's sentence (``problem.limit_*`` in
    :mod:`composer.messages`): which limit, and what it allows; the sentence says how to
    raise it."""
    return {"limit": limit, "max": value}


def file_problem(
    name: str, message: str, code: str = "unreadable_file", **params: Any
) -> InputError:
    """A problem with the whole file, told by the sentence ``problem.<message>``."""
    return InputError([told(name, None, None, None, message, code=code, **params)])


def error(
    name: str,
    message: str,
    *,
    row: int | None = None,
    column: str | None = None,
    value: object = None,
    row_word: str = "row",
    code: str = "invalid_value",
    **params: Any,
) -> InputError:
    """One problem, told by the sentence ``problem.<message>`` with ``params``, as an
    :class:`InputError` (most reader failures are one problem)."""
    return InputError(
        [told(name, row, column, value, message, code=code, row_word=row_word, **params)]
    )
