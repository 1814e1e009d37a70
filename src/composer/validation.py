"""Checks of a pool against a brief: the phases people name, include/exclude, quota columns."""

from __future__ import annotations

from ._coerce import BriefLike, PoolLike, as_brief, as_pool
from .errors import InputError, Problem
from .models import ActorType, NetworkBrief, Orientation, allowed_actor_types
from .pool import BOOL_COLUMNS, CandidatePool

__all__ = ["validate"]

#: Columns a quota may name besides the pool's own.
DERIVED_COLUMNS = ("orientation",)


def validate(pool: PoolLike, brief: BriefLike, *, counts: bool = False) -> None:
    """Check that ``pool`` and ``brief`` fit together; raise one error listing every problem.

    Checks that every phase a candidate names exists in the brief, that the ids in
    ``include`` and ``exclude`` exist, and that each quota names a column the pool has
    (or the derived ``orientation``). Scoring and composing call this first.

    Parameters
    ----------
    pool : CandidatePool
    brief : NetworkBrief
    counts : bool
        Also check that no need asks for more people (``count``) than the pool holds.
        Off by default: :func:`composer.compose` reports such a need as a gap (the pool
        cannot give what it asks) with advice, rather than refusing the brief; turn it on
        to treat it as a mistake in the brief.

    Raises
    ------
    InputError

    Examples
    --------
    >>> from composer import load_brief, load_candidates
    >>> pool = load_candidates([{"id": "A", "actor_type": "borger", "phases": "afprøving"}])
    >>> brief = load_brief({"theme": "x", "meetings": {"count": 2, "hours": 3},
    ...     "phases": [{"name": "afdækning", "meetings": [1]}, {"name": "afprøvning", "meetings": [2]}],
    ...     "include": ["Z"]})
    >>> validate(pool, brief)
    Traceback (most recent call last):
    ...
    composer.errors.InputError: 2 problems in the input:
      - <records>, record 1, column 'phases': value 'afprøving' – expected a phase of the brief: afdækning, afprøvning, or all/alle
      - <brief>, column 'include': value 'Z' – expected the id of a candidate in <records>
    """
    pool, brief = as_pool(pool), as_brief(brief)
    problems = [
        *_phase_problems(pool, brief),
        *_id_problems(pool, brief),
        *(_count_problems(pool, brief) if counts else []),
        *_quota_problems(pool, brief),
    ]
    if problems:
        raise InputError(problems)


def _phase_problems(pool: CandidatePool, brief: NetworkBrief) -> list[Problem]:
    names = {p.lower() for p in brief.phase_names}
    allowed = ", ".join(brief.phase_names)
    return [
        Problem(
            pool.source,
            int(pool.rows[i]),
            "phases",
            p,
            f"a phase of the brief: {allowed}, or all/alle",
            pool.row_word,
        )
        for i, ph in enumerate(pool.frame["phases"].to_numpy(dtype=object))
        if ph is not None
        for p in ph
        if p.lower() not in names
    ]


def _id_problems(pool: CandidatePool, brief: NetworkBrief) -> list[Problem]:
    return [
        Problem("<brief>", None, key, cid, f"the id of a candidate in {pool.source}")
        for key in ("include", "exclude", "co_drivers")
        for cid in getattr(brief, key)
        if cid not in pool
    ]


def _count_problems(pool: CandidatePool, brief: NetworkBrief) -> list[Problem]:
    return [
        Problem(
            "<brief>",
            None,
            f"needs[{i}].count",
            need.count,
            f"at most the number of candidates in {pool.source} ({len(pool)}) for "
            f"the need {need.name!r}",
            code="count_above_pool",
        )
        for i, need in enumerate(brief.needs)
        if need.count > len(pool)
    ]


def _quota_problems(pool: CandidatePool, brief: NetworkBrief) -> list[Problem]:
    columns = set(pool.frame.columns) | set(DERIVED_COLUMNS)
    problems = []
    for q in brief.quotas:
        if q.column not in columns:
            problems.append(
                Problem(
                    "<brief>",
                    None,
                    "quotas",
                    q.column,
                    f"a column of the candidates ({', '.join(sorted(columns))})",
                )
            )
        elif expected := _quota_value_problem(q.column, q.value):
            problems.append(Problem("<brief>", None, f"quotas ({q.column})", q.value, expected))
    return problems


def _quota_value_problem(column: str, value: str) -> str | None:
    """What a quota's value should be, when it cannot match anyone as written."""
    from .cells import parse_bool

    v = value.strip().lower()
    if column == "actor_type":
        try:
            ActorType.parse(v)
        except ValueError:
            return f"an actor type: {allowed_actor_types()}"
    elif column == "orientation" and v not in {o.value for o in Orientation}:
        return "inside, across or outside"
    elif column in BOOL_COLUMNS:
        try:
            if parse_bool(v) is None:
                return "yes or no (ja/nej)"
        except ValueError:
            return "yes or no (ja/nej)"
    return None
