"""One error hierarchy for the whole library.

Every error the library raises on purpose derives from :class:`ComposerError`, so a
calling tool can catch one class. Raw pydantic, pandas or scipy exceptions never reach
the user: loaders translate them into :class:`InputError`, the optimiser into
:class:`InfeasibleError`.

Each error carries, besides its text, a short stable ``code`` and a dict of ``params``
(as sortition-algorithms' ``SortitionBaseError(message, error_code, error_params)``), so
that another tool can react to it or word it in its own language; every error pickles
and unpickles equal (for multiprocessing and job queues).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "MAX_VALUE_CHARS",
    "ComposerError",
    "InfeasibleError",
    "InputError",
    "Problem",
    "check_seed",
    "error_payload",
    "shorten",
    "told",
]

#: How many problems an error message spells out; the rest stay in ``.problems``.
MAX_LISTED = 50
#: How many characters of a value an error shows (the rest is cut with an ellipsis).
MAX_VALUE_CHARS = 200
#: Largest seed accepted by :func:`check_seed` (what every numpy generator takes).
MAX_SEED = 2**32 - 1


def shorten(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """``str(value)`` cut to ``limit`` characters with an ellipsis, for messages.

    Examples
    --------
    >>> shorten("x" * 500)[-3:], len(shorten("x" * 500))
    ('xx…', 200)
    >>> shorten("kort")
    'kort'
    """
    text = str(value)
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def _restore(cls: type[ComposerError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Rebuild a pickled error without calling its ``__init__`` (see ``__reduce__``)."""
    err = cls.__new__(cls)
    Exception.__init__(err, *args)
    err.__dict__.update(state)
    return err


class ComposerError(Exception):
    """Base class of every error raised by composer.

    Parameters
    ----------
    message : str
        The text shown to a person.
    code : str, optional
        A short stable identifier for tools (defaults to the class's ``code``).
    params : mapping, optional
        The values the message was made from, as JSON-friendly data.

    Examples
    --------
    >>> e = ComposerError("Something is off", code="example", params={"n": 2})
    >>> e.code, e.params, str(e)
    ('example', {'n': 2}, 'Something is off')
    >>> import pickle
    >>> pickle.loads(pickle.dumps(e)) == e
    True
    """

    #: The class's default code.
    code: str = "composer_error"

    def __init__(
        self, message: str = "", code: str | None = None, params: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code if code is not None else type(self).code
        self.params: dict[str, Any] = dict(params or {})

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, dict(self.__dict__)))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, ComposerError)
        return self.args == other.args and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.args))

    def as_dict(self) -> dict[str, Any]:
        """The error as JSON-friendly data: ``{"error", "code", "message", "params"}``."""
        return {
            "error": type(self).__name__,
            "code": self.code,
            "message": str(self),
            "params": self.params,
        }


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
        The offending value as found; kept as text of at most
        :data:`MAX_VALUE_CHARS` characters (None when there is no single value).
    expected : str
        What was expected instead, in plain words.
    row_word : str
        ``"row"`` for spreadsheets, ``"record"`` for JSON records and dicts (counted from
        1), ``"line"`` for lines of a text file.
    code : str
        A short stable identifier of the kind of problem, for tools.
    params : mapping, optional
        The values the expectation was made from (JSON-friendly), so that a reader in
        another language can be told it (``composer.messages``: ``problem.<message>``).
    message : str, optional
        The code of the expectation's sentence in :mod:`composer.messages`
        (``problem.<message>``), when one kind of problem (``code``) has several
        sentences; defaults to ``code``. :func:`told` makes such a problem.

    Examples
    --------
    >>> str(Problem("candidates.csv", 5, "motivation", "7", "a whole number from 1 to 5"))
    "candidates.csv, row 5, column 'motivation': value '7' – expected a whole number from 1 to 5"
    >>> len(Problem("c.csv", 2, "statement", "x" * 10**6, "shorter text").value)
    200
    """

    __slots__ = (
        "code",
        "column",
        "expected",
        "message",
        "params",
        "row",
        "row_word",
        "source",
        "value",
    )

    def __init__(
        self,
        source: str,
        row: int | None,
        column: str | None,
        value: object,
        expected: str,
        row_word: str = "row",
        code: str = "invalid_value",
        params: Mapping[str, Any] | None = None,
        message: str | None = None,
    ) -> None:
        self.source = str(source)
        self.message = message or code
        self.params: dict[str, Any] = dict(params or {})
        self.row_word = row_word
        self.row = None if row is None else int(row)
        self.column = None if column is None else shorten(column)
        self.value = None if value is None else shorten(value)
        self.expected = expected
        self.code = code

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"{self.row_word} {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        value = "" if self.value is None else f"value {self.value!r} – "
        return f"{', '.join(where)}: {value}expected {self.expected}"

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __getstate__(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}

    def __setstate__(self, state: Mapping[str, object]) -> None:
        for k in self.__slots__:
            object.__setattr__(self, k, state.get(k))

    def as_dict(self) -> dict[str, object]:
        """The problem as a JSON-friendly dict (for other tools)."""
        return {
            "source": self.source,
            "row": self.row,
            "row_word": self.row_word,
            "column": self.column,
            "value": self.value,
            "expected": self.expected,
            "code": self.code,
        }


def told(
    source: str,
    row: int | None,
    column: str | None,
    value: object,
    message: str,
    *,
    code: str | None = None,
    row_word: str = "row",
    **params: Any,
) -> Problem:
    """A problem whose expectation is the sentence ``problem.<message>`` of
    :mod:`composer.messages` with ``params``: in English in ``.expected`` (and the error's
    text), in the reader's language where it is shown (:func:`composer.files.tell`).

    Examples
    --------
    >>> p = told("k.csv", None, None, None, "limit_columns", code="limit", max=1000,
    ...          found=1002, limit="max_columns")
    >>> p.code, p.message, p.expected.split(";")[0]
    ('limit', 'limit_columns', 'at most 1,000 columns (found 1,002)')
    """
    from .messages import problem_text

    expected = problem_text(message, "en", params)
    return Problem(source, row, column, value, expected, row_word, code or message, params, message)


class InputError(ComposerError, ValueError):
    """Bad input: lists every problem found, each with file, row, column, value and expectation.

    Parameters
    ----------
    problems : sequence of Problem, or str
        Every problem found; a plain sentence is taken as one whole-input problem.
    source : str, optional
        The input's name, when ``problems`` is a sentence.
    code : str, optional
        Defaults to ``"invalid_input"``.

    Attributes
    ----------
    problems : list of Problem
        Every problem found, in file order.
    code : str
        ``"invalid_input"`` unless the raiser chose a more precise code.
    params : dict
        ``{"count": n, "problems": [problem.as_dict(), ...]}``.

    Examples
    --------
    >>> e = InputError([Problem("c.csv", 3, "id", "", "a non-empty id", code="empty_id")])
    >>> e.code, e.params["count"], e.params["problems"][0]["row"]
    ('invalid_input', 1, 3)
    """

    code = "invalid_input"

    def __init__(
        self,
        problems: Sequence[Problem] | str,
        source: str | None = None,
        code: str | None = None,
    ) -> None:
        if isinstance(problems, str):
            problems = [Problem(source or "<input>", None, None, None, problems)]
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        lines = [f"  - {p}" for p in self.problems[:MAX_LISTED]]
        if n > MAX_LISTED:
            lines.append(f"  ... and {n - MAX_LISTED} more (all of them are in .problems)")
        super().__init__(
            "\n".join([head, *lines]),
            code=code,
            params={"count": n, "problems": [p.as_dict() for p in self.problems]},
        )


class InfeasibleError(ComposerError, ValueError):
    """A request that no selection can satisfy.

    The message names each constraint that cannot be met, with its numbers, and what
    would relax it.

    Parameters
    ----------
    reasons : sequence of str
        One sentence per constraint that cannot be met.
    relaxations : sequence of str
        The smallest changes that would make the request feasible, where known.
    code : str, optional
        Defaults to ``"infeasible"``.
    params : mapping, optional
        Extra data for tools; ``reasons`` and ``relaxations`` are always in it.

    Attributes
    ----------
    reasons : list of str
    relaxations : list of str
    causes : list of dict
        For tools: each reason as ``{"code": ..., "params": {...}}`` (the codes of
        :mod:`composer.messages`, ``infeasible.<code>`` and ``relax.<code>``), when the
        raiser gave them in ``params["causes"]``.

    Examples
    --------
    >>> e = InfeasibleError(["quota x: at least 3, but only 2 qualify"], ["lower x to 2"])
    >>> e.code, e.params["relaxations"]
    ('infeasible', ['lower x to 2'])
    """

    code = "infeasible"

    def __init__(
        self,
        reasons: Sequence[str],
        relaxations: Sequence[str] = (),
        code: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.reasons = list(reasons)
        self.relaxations = list(relaxations)
        lines = ["The request cannot be met:"]
        lines += [f"  - {r}" for r in self.reasons]
        if self.relaxations:
            lines.append("What would make it possible:")
            lines += [f"  - {r}" for r in self.relaxations]
        super().__init__(
            "\n".join(lines),
            code=code,
            params={
                **dict(params or {}),
                "reasons": self.reasons,
                "relaxations": self.relaxations,
            },
        )

    @property
    def causes(self) -> list[dict[str, Any]]:
        """Each reason as a code with parameters (empty when the raiser gave none)."""
        return list(self.params.get("causes", []))


def check_seed(seed: object, name: str = "seed") -> int:
    """A random seed as a whole number from 0 to 2**32 - 1, or an :class:`InputError`.

    Parameters
    ----------
    seed : object
        What the caller passed (``--seed`` on the command line, ``seed=`` in Python).
        Whole numbers given as text (``"7"``) are accepted.
    name : str
        The argument's name, for the message.

    Returns
    -------
    int

    Raises
    ------
    InputError
        For negative numbers, fractions, booleans, text that is not a number, or seeds
        above 2**32 - 1.

    Examples
    --------
    >>> check_seed(7), check_seed("12")
    (7, 12)
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    composer.errors.InputError: 1 problem in the input:
      - <arguments>, column 'seed': value '-1' – expected a whole number from 0 to 4294967295
    """
    value: int | None = None
    if isinstance(seed, bool):
        value = None
    elif isinstance(seed, numbers.Integral):
        value = int(seed)
    elif isinstance(seed, str) and seed.strip().lstrip("+-").isdigit():
        text = seed.strip()
        value = int(text) if len(text) <= 20 else None
    if value is None or not 0 <= value <= MAX_SEED:
        raise InputError(
            [
                told(
                    "<arguments>",
                    None,
                    name,
                    seed,
                    "argument_whole",
                    code="bad_seed",
                    low=0,
                    high=str(MAX_SEED),
                )
            ]
        )
    return value


def error_payload(err: ComposerError) -> dict[str, Any]:
    """The error as the command line's ``--format json`` and the web API write it.

    ``{"code": "bad_input" | "infeasible", "message": ..., "problems": [...]}``; an
    infeasible brief lists its reasons as problems and adds ``"relaxations"``.

    Examples
    --------
    >>> error_payload(InfeasibleError(["too few"], ["lower it"]))["relaxations"]
    ['lower it']
    >>> error_payload(InputError("no id column", source="c.csv"))["problems"][0]["source"]
    'c.csv'
    """
    if isinstance(err, InfeasibleError):
        return {
            "code": "infeasible",
            "message": str(err),
            "problems": [{"reason": r} for r in err.reasons],
            "relaxations": err.relaxations,
        }
    problems = [p.as_dict() for p in err.problems] if isinstance(err, InputError) else []
    return {"code": "bad_input", "message": str(err), "problems": problems}
