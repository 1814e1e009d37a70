"""One error hierarchy for the whole library.

Every error the library raises on purpose derives from :class:`ComposerError`, so a
calling tool can catch one class. Raw pydantic, pandas or scipy exceptions never reach
the user: loaders translate them into :class:`InputError`, the optimiser into
:class:`InfeasibleError`.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["ComposerError", "InfeasibleError", "InputError", "Problem"]

#: How many problems an error message spells out; the rest stay in ``.problems``.
MAX_LISTED = 50


class ComposerError(Exception):
    """Base class of every error raised by composer."""


class Problem:
    """One problem found in an input: where it is, what was found and what was expected.

    Parameters
    ----------
    source : str
        The file name (or ``"<DataFrame>"``, ``"<brief>"``...).
    row : int or None
        The row as a spreadsheet counts it (header = row 1), or None for whole-file issues.
    column : str or None
        The column (or the key path in a brief).
    value : object
        The offending value as found.
    expected : str
        What was expected instead, in plain words.
    row_word : str
        ``"row"`` for spreadsheets, ``"record"`` for JSON records and dicts (counted from 1).

    Examples
    --------
    >>> str(Problem("candidates.csv", 5, "motivation", "7", "a whole number from 1 to 5"))
    "candidates.csv, row 5, column 'motivation': value '7' – expected a whole number from 1 to 5"
    """

    __slots__ = ("column", "expected", "row", "row_word", "source", "value")

    def __init__(
        self,
        source: str,
        row: int | None,
        column: str | None,
        value: object,
        expected: str,
        row_word: str = "row",
    ) -> None:
        self.source = source
        self.row_word = row_word
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"{self.row_word} {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        value = "" if self.value is None else f"value {str(self.value)!r} – "
        return f"{', '.join(where)}: {value}expected {self.expected}"

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"

    def as_dict(self) -> dict[str, object]:
        """The problem as a JSON-friendly dict (for other tools)."""
        return {
            "source": self.source,
            "row": self.row,
            "column": self.column,
            "value": None if self.value is None else str(self.value),
            "expected": self.expected,
        }


class InputError(ComposerError, ValueError):
    """Bad input: lists every problem found, each with file, row, column, value and expectation.

    Attributes
    ----------
    problems : list of Problem
        Every problem found, in file order.
    """

    def __init__(self, problems: Sequence[Problem] | str, source: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem(source or "<input>", None, None, None, problems)]
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        lines = [f"  - {p}" for p in self.problems[:MAX_LISTED]]
        if n > MAX_LISTED:
            lines.append(f"  ... and {n - MAX_LISTED} more (all of them are in .problems)")
        super().__init__("\n".join([head, *lines]))


class InfeasibleError(ComposerError, ValueError):
    """A request that no selection can satisfy.

    The message names each constraint that cannot be met, with its numbers, and what
    would relax it.

    Attributes
    ----------
    reasons : list of str
        One sentence per constraint that cannot be met.
    relaxations : list of str
        The smallest changes that would make the request feasible, where known.
    """

    def __init__(self, reasons: Sequence[str], relaxations: Sequence[str] = ()) -> None:
        self.reasons = list(reasons)
        self.relaxations = list(relaxations)
        lines = ["The request cannot be met:"]
        lines += [f"  - {r}" for r in self.reasons]
        if self.relaxations:
            lines.append("What would make it possible:")
            lines += [f"  - {r}" for r in self.relaxations]
        super().__init__("\n".join(lines))
