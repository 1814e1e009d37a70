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

__all__ = ["check_order", "check_replacement", "read_composition"]

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
    """The composition in ``path``, as ``compose --format json`` writes it."""
    from pydantic import ValidationError

    from .composition import Composition

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
