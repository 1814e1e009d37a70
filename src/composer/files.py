"""Which input is which, for the command line and other tools: the order of a candidate
list and a brief, a composition read back from its JSON, a member to replace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ComposerError, InfeasibleError, InputError, Problem, error_payload, told
from .messages import say

if TYPE_CHECKING:
    from .composition import Composition
    from .pool import CandidatePool

__all__ = ["check_order", "check_replacement", "read_composition", "summarise_problems", "tell"]

#: a problem repeated on at least this many rows is said once
REPEATED = 3
#: at most this many lines are spelt out (every problem stays in the JSON)
MAX_LINES = 50

_BRIEF_SUFFIXES = (".yaml", ".yml")
_TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def check_order(candidates: str | None, brief: str | None) -> None:
    """Raise when a brief is given where the candidates belong and a table where the brief
    belongs (``compose brief.yaml kandidater.csv``).

    Examples
    --------
    >>> check_order("kandidater.csv", "brief.yaml")
    >>> check_order("brief.yaml", "kandidater.csv")
    Traceback (most recent call last):
    ...
    composer.errors.InputError: 1 problem in the input:
      - brief.yaml, column 'CANDIDATES': value 'brief.yaml' – expected the candidates first, then the brief: brief.yaml looks like a brief and kandidater.csv like a candidate list, so swap them
    """
    if candidates is None or brief is None:
        return
    first, second = Path(candidates), Path(brief)
    if first.suffix.lower() in _BRIEF_SUFFIXES and second.suffix.lower() in _TABLE_SUFFIXES:
        raise InputError([told(first.name, None, "CANDIDATES", candidates,
                                   "swapped_arguments", first=first.name, second=second.name)])  # fmt: skip


def read_composition(path: Path) -> Composition:
    """The composition in ``path``, as ``compose --format json`` writes it, or the
    workbook ``compose -o netværk.xlsx`` writes (its hidden data sheet)."""
    from pydantic import ValidationError

    from .composition import Composition

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .views.workbook import DATA_SHEET, read_data

        data = read_data(path)
        if data is None:
            raise InputError([told(path.name, None, None, None, "no_composition_sheet",
                                       sheet=DATA_SHEET)])  # fmt: skip
        text = data
    else:
        text = path.read_bytes().decode("utf-8-sig")
    try:
        return Composition.model_validate_json(text)
    except ValidationError as e:
        problems = [
            told(path.name, None, ".".join(map(str, err["loc"])) or None, None,
                     "not_a_composition")
            for err in e.errors()
        ]  # fmt: skip
        raise InputError(problems) from None


def check_replacement(comp: Composition, member: str, pool: CandidatePool, source: str) -> None:
    """Raise unless ``member`` is in ``comp`` and every member of ``comp`` is in ``pool``."""
    ids = [m.id for m in comp.members]
    if member not in ids:
        raise InputError([told(source, None, None, member, "not_a_member",
                                   ids=ids)])  # fmt: skip
    missing = [i for i in ids if i not in pool]
    if missing:
        problem = "member_not_in_pool"
        raise InputError([told(pool.source, None, "id", i, problem) for i in missing])


def _told(p: Problem) -> bool:
    """Whether the table can tell ``p`` in any language (its code has a text there)."""
    from .messages import MESSAGES, problem_text

    if f"problem.{p.message}" not in MESSAGES:
        return False
    try:
        problem_text(p.message, "en", p.params)
    except KeyError:  # a problem made without the parameters its text needs
        return False
    return True


def _expected(p: Problem, language: str) -> str:
    from .messages import problem_text

    return problem_text(p.message, language, p.params) if _told(p) else p.expected


def tell(p: Problem, language: str = "da") -> str:
    """One problem as a line in ``language``: file, row, column, value, expectation (the
    expectation in ``language`` when its code has a text in the table, else as written).

    Examples
    --------
    >>> p = Problem("brief.yaml", None, "meetings.count", "0", "a number greater than or "
    ...             "equal to 1", code="pydantic_greater_than_equal", params={"ge": "1"})
    >>> tell(p, "da")
    "brief.yaml, kolonne 'meetings.count': værdien '0' – forventede et tal større end eller lig med 1"
    """
    where = [p.source]
    if p.row is not None:
        word = p.row_word if p.row_word in ("row", "record", "line") else "row"
        where.append(say(f"problem.{word}", language, n=p.row))
    if p.column is not None:
        where.append(say("problem.column", language, name=p.column))
    value = "" if p.value is None else say("problem.value", language, value=p.value)
    expected = say("problem.expected", language, what=_expected(p, language))
    return f"{', '.join(where)}: {value}{expected}"


def summarise_problems(problems: list[Problem], language: str = "da") -> str:
    """The problems as lines, one line for a problem repeated on many rows (same file,
    column and expectation: "50 rows name phases the brief does not have").

    Examples
    --------
    >>> ps = [Problem("k.csv", r, "phases", v, "a phase of the brief: forløb")
    ...       for r, v in [(2, "a"), (3, "b"), (4, "a"), (5, "c")]]
    >>> print(summarise_problems([Problem("k.csv", 9, "motivation", "7", "1 to 5"), *ps], "en"))
    5 problems in the input:
      - k.csv, row 9, column 'motivation': value '7' – expected 1 to 5
      - k.csv, 4 rows (2, 3, 4 …), column 'phases': 4 times, e.g. 'a', 'b', 'c' – expected a phase of the brief: forløb
    """
    from .messages import count

    if not all(_told(p) for p in problems):  # one language per message: the table's
        language = "en"  # texts, or the readers' own English ones
    groups: dict[tuple[object, ...], list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.source, p.column, p.expected, p.code), []).append(p)
    lines = [say("cli.problems", language, problems=count(len(problems), "problem", language))]
    for (source, column, _, _), ps in groups.items():
        if len(ps) < REPEATED:
            lines += [f"  - {tell(p, language)}" for p in ps]
            continue
        rows = sorted({p.row for p in ps if p.row is not None})
        values = list(dict.fromkeys(repr(p.value) for p in ps if p.value is not None))
        shown = ", ".join(values[:5]) + (", …" if len(values) > 5 else "")
        lines.append("  - " + say("cli.repeated", language, source=source,
                     rows=count(len(rows), "row", language),
                     first=", ".join(map(str, rows[:3])), column=column, n=len(ps),
                     values=shown, expected=_expected(ps[0], language)))  # fmt: skip
    if len(lines) > MAX_LINES + 1:
        lines = [*lines[: MAX_LINES + 1], "  - …"]
    return "\n".join(lines)


def error_json(err: ComposerError, language: str = "da") -> dict[str, Any]:
    """The JSON error of the command line and the web API alike: :func:`error_payload`,
    with bad input told in ``language`` (one line for a problem repeated on many rows).

    Each problem keeps its fields (``expected`` in English) and gains its sentence's
    code and parameters and the sentence in ``language``: ``"message"`` (the code of
    ``problem.<message>``, or of ``infeasible.<message>`` for a brief that cannot be
    met), ``"params"`` and ``"text"``.

    Examples
    --------
    >>> e = InputError([told("k.csv", 3, "motivation", "7", "argument_whole", low=1, high=5)])
    >>> p = error_json(e, "da")["problems"][0]
    >>> p["expected"], p["message"], p["params"], p["text"]
    ('a whole number from 1 to 5', 'argument_whole', {'low': 1, 'high': 5}, 'et helt tal fra 1 til 5')
    """
    data = error_payload(err)
    if isinstance(err, InputError):
        data["message"] = summarise_problems(err.problems, language)
        for entry, p in zip(data["problems"], err.problems, strict=True):
            entry |= {"message": p.message, "params": p.params, "text": _expected(p, language)}
    elif isinstance(err, InfeasibleError):
        causes = err.causes if len(err.causes) == len(err.reasons) else [{}] * len(err.reasons)
        for entry, cause in zip(data["problems"], causes, strict=True):
            entry |= {"message": cause.get("code"), "params": cause.get("params", {}),
                      "text": entry["reason"]}  # fmt: skip
    return data
