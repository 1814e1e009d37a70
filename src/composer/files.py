"""Which input is which, for the command line and other tools: the order of a candidate
list and a brief, a composition read back from its JSON, a member to replace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, Problem
from .messages import say

if TYPE_CHECKING:
    from .composition import Composition
    from .pool import CandidatePool

__all__ = ["check_order", "check_replacement", "read_composition", "summarise_problems"]

#: a problem repeated on at least this many rows is said once
REPEATED = 3
#: at most this many lines are spelt out (every problem stays in the JSON)
MAX_LINES = 50

_BRIEF_SUFFIXES = (".yaml", ".yml")
_TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def check_order(candidates: str | None, brief: str | None, language: str = "da") -> None:
    """Raise when a brief is given where the candidates belong and a table where the brief
    belongs (``compose brief.yaml kandidater.csv``).

    Examples
    --------
    >>> check_order("kandidater.csv", "brief.yaml")
    >>> check_order("brief.yaml", "kandidater.csv", "en")
    Traceback (most recent call last):
    ...
    composer.errors.InputError: 1 problem in the input:
      - brief.yaml, column 'CANDIDATES': value 'brief.yaml' – expected the candidates first, then the brief: brief.yaml looks like a brief and kandidater.csv like a candidate list, so swap them
    """
    if candidates is None or brief is None:
        return
    first, second = Path(candidates), Path(brief)
    if first.suffix.lower() in _BRIEF_SUFFIXES and second.suffix.lower() in _TABLE_SUFFIXES:
        why = say("cli.swapped", language, first=first.name, second=second.name)
        raise InputError([Problem(first.name, None, "CANDIDATES", candidates, why)])


def read_composition(path: Path, language: str = "da") -> Composition:
    """The composition in ``path``, as ``compose --format json`` writes it, or the
    workbook ``compose -o netværk.xlsx`` writes (its hidden data sheet)."""
    from pydantic import ValidationError

    from .composition import Composition

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .views.workbook import DATA_SHEET, read_data

        data = read_data(path)
        if data is None:
            expected = say("cli.composition_xlsx", language, sheet=DATA_SHEET)
            raise InputError([Problem(path.name, None, None, None, expected)])
        text = data
    else:
        text = path.read_bytes().decode("utf-8-sig")
    try:
        return Composition.model_validate_json(text)
    except ValidationError as e:
        problems = [
            Problem(
                path.name,
                None,
                ".".join(map(str, err["loc"])) or None,
                None,
                say("cli.composition_json", language, why=err["msg"]),
            )
            for err in e.errors()
        ]
        raise InputError(problems) from None


def check_replacement(
    comp: Composition, member: str, pool: CandidatePool, source: str, language: str = "da"
) -> None:
    """Raise unless ``member`` is in ``comp`` and every member of ``comp`` is in ``pool``."""
    ids = [m.id for m in comp.members]
    if member not in ids:
        expected = say("cli.not_member", language, ids=", ".join(ids))
        raise InputError([Problem(source, None, "MEMBER", member, expected)])
    missing = [i for i in ids if i not in pool]
    if missing:
        expected = say("cli.member_in_pool", language)
        raise InputError([Problem(pool.source, None, "id", i, expected) for i in missing])


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

    groups: dict[tuple[object, ...], list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.source, p.column, p.expected, p.code), []).append(p)
    lines = [say("cli.problems", language, problems=count(len(problems), "problem", language))]
    for (source, column, expected, _), ps in groups.items():
        if len(ps) < REPEATED:
            lines += [f"  - {p}" for p in ps]
            continue
        rows = sorted({p.row for p in ps if p.row is not None})
        values = list(dict.fromkeys(repr(p.value) for p in ps if p.value is not None))
        shown = ", ".join(values[:5]) + (", …" if len(values) > 5 else "")
        lines.append("  - " + say("cli.repeated", language, source=source,
                     rows=count(len(rows), "row", language),
                     first=", ".join(map(str, rows[:3])), column=column, n=len(ps),
                     values=shown, expected=expected))  # fmt: skip
    if len(lines) > MAX_LINES + 1:
        lines = [*lines[: MAX_LINES + 1], "  - …"]
    return "\n".join(lines)
