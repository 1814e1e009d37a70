"""Checks of a pool against a brief: the phases people name, include/exclude, quota columns."""

from __future__ import annotations

from ._coerce import BriefLike, PoolLike, as_brief, as_pool
from .errors import InputError, Problem, told
from .models import ActorType, NetworkBrief, Orientation
from .pool import BOOL_COLUMNS, CandidatePool
from .vocabulary import allowed_actor_types

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
        told(
            pool.source,
            int(pool.rows[i]),
            "phases",
            p,
            "phase_unknown",
            code="invalid_value",
            row_word=pool.row_word,
            phases=allowed,
        )
        for i, ph in enumerate(pool.frame["phases"].to_numpy(dtype=object))
        if ph is not None
        for p in ph
        if p.lower() not in names
    ]


def _id_problems(pool: CandidatePool, brief: NetworkBrief) -> list[Problem]:
    return [
        told("<brief>", None, key, cid, "not_in_pool", code="invalid_value", pool=pool.source)
        for key in ("include", "exclude", "co_drivers")
        for cid in getattr(brief, key)
        if cid not in pool
    ]


def _count_problems(pool: CandidatePool, brief: NetworkBrief) -> list[Problem]:
    return [
        told(
            "<brief>",
            None,
            f"needs[{i}].count",
            need.count,
            "count_above_pool",
            pool=pool.source,
            n=len(pool),
            need=need.name,
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
                told(
                    "<brief>",
                    None,
                    "quotas",
                    q.column,
                    "quota_column",
                    code="invalid_value",
                    columns=", ".join(map(repr, sorted(columns))),
                )
            )
        elif message := _quota_value_problem(q.column, q.value):
            problems.append(
                told(
                    "<brief>",
                    None,
                    f"quotas ({q.column})",
                    q.value,
                    message,
                    code="invalid_value",
                    allowed=allowed_actor_types(),
                )
            )
    return problems


def _quota_value_problem(column: str, value: str) -> str | None:
    """The sentence (``problem.<message>``) of what a quota's value should be, when it
    cannot match anyone as written."""
    from .cells import parse_bool

    v = value.strip().lower()
    if column == "actor_type":
        try:
            ActorType.parse(v)
        except ValueError:
            return "quota_actor_type"
    elif column == "orientation" and v not in {o.value for o in Orientation}:
        return "quota_orientation"
    elif column in BOOL_COLUMNS:
        try:
            if parse_bool(v) is None:
                return "quota_yes_no"
        except ValueError:
            return "quota_yes_no"
    return None
