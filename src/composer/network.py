"""The composed network as a network: ties, reach, co-drivers and dropouts.

A network exists to build relations across the organisation, so this module looks at the
members as people who know each other (the pool's ``knows`` column; a tie listed by
either person counts both ways):

- :func:`network_ties`: who already knows whom, who nobody in the network knows (the
  leader should introduce them at the first meeting), the units and organisations the
  network reaches through its members and the people they know in the pool, and the new
  ties across units the network creates;
- :func:`suggest_co_drivers`: up to two core members to co-drive with the leader, by the
  signals the leaflet names (:data:`CO_DRIVER_SIGNALS`), preferably from different units;
- :func:`dropouts` / :func:`with_dropouts`: for every member, what the network loses per
  phase if they leave, and the best replacement in the pool under every rule (the
  replacement machinery of :func:`composer.replace`, once per member).

Only the members and their own ties are read, never a loop over the whole pool; every
list is sorted by id, so results do not depend on the pool's row order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from .messages import count, listing, person, say
from .result import CoDriver, NetworkTies

__all__ = [
    "CO_DRIVER_SIGNALS",
    "network_ties",
    "suggest_co_drivers",
]

#: How many example pairs :class:`NetworkTies` lists of the new ties across units.
EXAMPLES = 5
#: The co-driver signals and their weights: motivation (1–5 scaled to 0.2–1), willing to
#: give talks, willing to take tasks between meetings, the line manager's yes,
#: methodological competence (covers a methodological need, or lists one), and ties into
#: other units (half a point per other unit, at most one).
CO_DRIVER_SIGNALS: dict[str, float] = {
    "motivation": 1.0,
    "present": 1.0,
    "tasks": 1.0,
    "approval": 1.0,
    "method": 1.0,
    "units": 1.0,
}
#: Coverage at or above this counts as covering a need (as in the planner's reasons).
COVERS = 0.5


def _key(value: object) -> str:
    """A unit or organisation compared by its text, case and spaces folded ("" if none)."""
    return " ".join(value.split()).lower() if isinstance(value, str) else ""


@dataclass(frozen=True)
class _Ties:
    """Each member's tie partners in the pool (both directions), by id."""

    partners: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, frame: pd.DataFrame, members: Sequence[str]) -> _Ties:
        mem = set(members)
        out: dict[str, set[str]] = {m: set() for m in members}
        for m in members:
            out[m].update(str(k) for k in frame.at[m, "knows"] or () if k != m and k in frame.index)
        knows = frame["knows"]
        listed = knows[knows.str.len() > 0].explode()  # only rows that name someone
        listed = listed[listed.isin(mem)]
        for who, m in listed.items():
            if who != m:
                out[str(m)].add(str(who))
        return cls({m: frozenset(v) for m, v in out.items()})


def network_ties(frame: pd.DataFrame, members: Sequence[str]) -> NetworkTies:
    """Who knows whom among ``members``, and what the network reaches through them.

    Parameters
    ----------
    frame : DataFrame
        The pool's frame (:attr:`composer.CandidatePool.frame`: index id, columns
        ``unit``, ``organisation`` and ``knows``).
    members : sequence of str
        The members' ids.

    Returns
    -------
    NetworkTies

    Examples
    --------
    >>> from composer import load_candidates
    >>> pool = load_candidates([
    ...     {"id": "A", "actor_type": "borger", "unit": "X", "knows": "B"},
    ...     {"id": "B", "actor_type": "borger", "unit": "X"},
    ...     {"id": "C", "actor_type": "borger", "unit": "Y", "knows": "D"},
    ...     {"id": "D", "actor_type": "borger", "unit": "Z"}])
    >>> t = network_ties(pool.frame, ["A", "B", "C"])
    >>> t.known_pairs, t.unknown_members, t.units_reached, t.new_cross_unit_pairs
    ([('A', 'B')], ['C'], ['X', 'Y', 'Z'], 2)
    """
    ids = sorted(str(m) for m in members)
    ties = _Ties.of(frame, ids)
    known = [(a, b) for a, b in combinations(ids, 2) if b in ties.partners[a]]
    knows_someone = {x for pair in known for x in pair}
    unit = {m: _key(frame.at[m, "unit"]) for m in ids}
    cross = [
        (a, b)
        for a, b in combinations(ids, 2)
        if unit[a] and unit[b] and unit[a] != unit[b] and b not in ties.partners[a]
    ]
    reached = sorted(set(ids).union(*ties.partners.values()))
    return NetworkTies(
        known_pairs=known,
        unknown_members=[m for m in ids if m not in knows_someone],
        units=_names(frame, ids, "unit"),
        units_reached=_names(frame, reached, "unit"),
        organisations=_names(frame, ids, "organisation"),
        organisations_reached=_names(frame, reached, "organisation"),
        new_cross_unit_pairs=len(cross),
        new_cross_unit_examples=cross[:EXAMPLES],
    )


def _names(frame: pd.DataFrame, ids: Iterable[str], column: str) -> list[str]:
    """The distinct values of ``column`` for ``ids`` (first spelling by id), sorted."""
    seen: dict[str, str] = {}
    for cid in sorted(ids):
        v = frame.at[cid, column]
        if _key(v):
            seen.setdefault(_key(v), " ".join(str(v).split()))
    return sorted(seen.values(), key=str.lower)


def _signals(
    frame: pd.DataFrame, cid: str, methods: Sequence[str], ties: _Ties, lang: str
) -> tuple[float, list[str]]:
    """The co-driver signals of ``cid``: their score and the reasons in words."""
    row = frame.loc[cid]
    score, reasons = 0.0, []
    if not pd.isna(row["motivation"]):
        score += CO_DRIVER_SIGNALS["motivation"] * int(row["motivation"]) / 5
        reasons.append(say("codriver.motivation", lang, m=int(row["motivation"])))
    for col, key in (
        ("can_present", "present"),
        ("can_take_tasks", "tasks"),
        ("manager_approval", "approval"),
    ):
        if not pd.isna(row[col]) and bool(row[col]):  # yes; not no, not unknown
            score += CO_DRIVER_SIGNALS[key]
            reasons.append(say(f"codriver.{key}", lang))
    if methods:
        score += CO_DRIVER_SIGNALS["method"]
        reasons.append(say("codriver.method", lang, what=listing(methods, lang)))
    own = _key(row["unit"])
    others = _names(
        frame, (p for p in ties.partners[cid] if _key(frame.at[p, "unit"]) != own), "unit"
    )
    if others:
        score += CO_DRIVER_SIGNALS["units"] * min(1.0, len(others) / 2)
        reasons.append(
            say("codriver.units", lang, units=count(len(others), "other_unit", lang),
                names=listing(others, lang))
        )  # fmt: skip
    return round(score, 6), reasons


def suggest_co_drivers(
    frame: pd.DataFrame,
    core: Sequence[str],
    methods: Mapping[str, Sequence[str]],
    *,
    named: Sequence[str] = (),
    language: str = "da",
) -> list[CoDriver]:
    """Up to two core members to co-drive the network with its leader, with reasons.

    The members the brief names (``named``) are the co-drivers. Otherwise the core
    member with the most signals (:data:`CO_DRIVER_SIGNALS`) comes first, and the second
    is the best from another unit when someone in another unit shows a signal, else the
    next best; nobody without a signal is suggested. Ties go by id.

    Parameters
    ----------
    frame : DataFrame
        The pool's frame (index id).
    core : sequence of str
        The core's ids.
    methods : mapping of str to sequence of str
        Per core member, their methodological competence: the methodological needs they
        cover, or else the methodological competences they list.
    named : sequence of str
        The brief's ``co_drivers`` (they sit in the core).
    language : {"da", "en"}

    Examples
    --------
    >>> from composer import load_candidates
    >>> pool = load_candidates([
    ...     {"id": "A", "actor_type": "borger", "unit": "X", "motivation": 5, "can_present": "ja"},
    ...     {"id": "B", "actor_type": "borger", "unit": "X", "motivation": 5, "can_present": "ja"},
    ...     {"id": "C", "actor_type": "borger", "unit": "Y", "motivation": 4}])
    >>> [c.id for c in suggest_co_drivers(pool.frame, ["A", "B", "C"], {}, language="en")]
    ['A', 'C']
    """
    ties = _Ties.of(frame, sorted(core))
    scored = {
        cid: _signals(frame, cid, list(methods.get(cid, ())), ties, language)
        for cid in sorted(core)
    }
    named = [c for c in named if c in scored]  # a named co-driver who left is no longer one
    if named:
        picks = list(named)
    else:
        ranked = sorted((c for c in scored if scored[c][0] > 0), key=lambda c: (-scored[c][0], c))
        picks = ranked[:1]
        if ranked:
            first = _key(frame.at[ranked[0], "unit"])
            other = [c for c in ranked[1:] if _key(frame.at[c, "unit"]) != first]
            picks += (other or ranked[1:])[:1]
    out = []
    for cid in picks:
        reasons = [say("codriver.named", language)] if named else []
        reasons += scored[cid][1]
        unit = frame.at[cid, "unit"]
        if len(picks) == 2 and cid == picks[1] and _key(unit) != _key(frame.at[picks[0], "unit"]):
            first_unit = frame.at[picks[0], "unit"]  # id and unit: stored texts hold no names
            told = person(picks[0], None, first_unit if isinstance(first_unit, str) else None,
                           language)  # fmt: skip
            reasons.append(say("codriver.other_unit", language, other=told))
        out.append(
            CoDriver(
                id=cid,
                unit=unit if isinstance(unit, str) else None,
                named=bool(named),
                score=scored[cid][0],
                reasons=reasons,
            )
        )
    return out
