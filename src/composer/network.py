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
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from .composition import CoDriver, Composition, Dropout, NetworkTies
from .messages import count, say

if TYPE_CHECKING:
    from .models import NetworkBrief
    from .planner.model import Method, Plan
    from .pool import CandidatePool

__all__ = [
    "CO_DRIVER_SIGNALS",
    "RESTORE_SHARE",
    "RESTORE_TOLERANCE",
    "dropouts",
    "network_ties",
    "suggest_co_drivers",
    "with_dropouts",
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
#: A loss in F up to this is no loss (the joint model's own F slack: an F this close to
#: the best counts as the best).
RESTORE_TOLERANCE = 0.01
#: A seat is restored when the replacement wins back at least this share of the loss.
RESTORE_SHARE = 0.9
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
        reasons.append(say("codriver.method", lang, what=", ".join(methods)))
    own = _key(row["unit"])
    others = _names(
        frame, (p for p in ties.partners[cid] if _key(frame.at[p, "unit"]) != own), "unit"
    )
    if others:
        score += CO_DRIVER_SIGNALS["units"] * min(1.0, len(others) / 2)
        reasons.append(
            say("codriver.units", lang, units=count(len(others), "other_unit", lang),
                names=", ".join(others))
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
            reasons.append(say("codriver.other_unit", language, other=picks[0]))
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


# ---------------------------------------------------------------------- dropouts
def _phase_values(plan: Plan, present: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
    """F by phase of the people ``present`` (P × n): Σ_f w_f/|P_f| · min(1, cov(f, p)/d_f)."""
    active = plan.enc.active  # P × m
    share = plan.weights / np.maximum(active.sum(axis=0), 1)
    cov_pf = present.astype(float) @ plan.cov  # P × m
    sat = np.minimum(1.0, cov_pf / plan.demand) if plan.cov.shape[1] else cov_pf
    return np.asarray((sat * active * share).sum(axis=1), dtype=float)


def _present(plan: Plan, roles: Mapping[int, tuple[int, ...] | None]) -> npt.NDArray[np.bool_]:
    """Who is present in which phase (P × n) under ``roles`` (None = core)."""
    present = np.zeros((len(plan.brief.phases), len(plan.ids)), dtype=bool)
    for i, role in roles.items():
        present[list(range(len(plan.brief.phases))) if role is None else list(role), i] = True
    return present


def _roles(comp: Composition, plan: Plan) -> dict[int, tuple[int, ...] | None]:
    """The composition's members as plan rows: None for the core, else their phases."""
    where = {str(cid): k for k, cid in enumerate(plan.ids)}
    names = [p.lower() for p in plan.brief.phase_names]
    roles: dict[int, tuple[int, ...] | None] = {}
    for m in comp.members:
        if m.id not in where:
            raise KeyError(f"{m.id!r} from the composition is not in the pool")
        roles[where[m.id]] = (
            None if m.role == "core" else tuple(sorted(names.index(p.lower()) for p in m.phases))
        )
    return roles


def dropouts(
    comp: Composition,
    pool: CandidatePool,
    brief: NetworkBrief | None = None,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> list[Dropout]:
    """For every member: the loss per phase if they leave, and the best replacement.

    The loss is the drop in the coverage objective F, phase by phase, with everyone else
    present as planned. The replacement is what :func:`composer.replace` would choose:
    everyone else keeps their role, the member is out, and the joint model seats at most
    one newcomer from the pool under every rule of the brief. A seat is *restored* when
    the network then wins back at least :data:`RESTORE_SHARE` of the loss (or loses at
    most :data:`RESTORE_TOLERANCE` of F); a member whose loss is more than that and whose
    seat cannot be restored is a *single point of failure*.

    The pool is scored once and the joint model solved once per member, so this costs
    about as much as one :func:`composer.replace` per member: it is not part of
    :func:`composer.compose` (see :func:`with_dropouts`).

    Parameters
    ----------
    comp : Composition
    pool : CandidatePool
        The pool the composition came from.
    brief : NetworkBrief, optional
        The composition's own brief by default.
    seed, method
        As for :func:`composer.compose`.

    Returns
    -------
    list of Dropout
        In the order of :attr:`Composition.members`.

    Raises
    ------
    KeyError
        When a member is not in the pool.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> comp = compose(pool, brief)
    >>> out = dropouts(comp, pool)
    >>> [d.id for d in out] == [m.id for m in comp.members], all(d.loss_total >= 0 for d in out)
    (True, True)
    """
    from .planner.model import build_plan

    plan = build_plan(pool, comp.brief if brief is None else brief)
    roles = _roles(comp, plan)
    before = _phase_values(plan, _present(plan, roles))
    return [_dropout(plan, roles, before, i, seed, method) for i in roles]


def _dropout(
    plan: Plan,
    roles: Mapping[int, tuple[int, ...] | None],
    before: npt.NDArray[np.float64],
    gone: int,
    seed: int,
    method: Method,
) -> Dropout:
    """One member's :class:`Dropout`: the loss without them, and the replacement's."""
    from .errors import InfeasibleError
    from .optimise.joint import NETWORK
    from .planner.compose import solve_for

    b = plan.brief
    others = {i: r for i, r in roles.items() if i != gone}
    without = _phase_values(plan, _present(plan, others))
    loss = np.maximum(0.0, before - without)
    newcomer = np.ones(len(plan.ids), dtype=bool)
    newcomer[[*roles]] = False
    replacement, rules_met = None, True
    after = without
    try:
        sol = solve_for(
            plan,
            method=method,
            seed=seed,
            forbid=[gone],
            fixed=others,
            avoid=[(newcomer, 1, NETWORK)],
        )
    except InfeasibleError:
        rules_met = False
    else:
        new = sorted({*sol.core, *sol.phases} - set(others))
        if new:
            replacement = str(plan.ids[new[0]])
        chosen = {i: None for i in sol.core} | {i: tuple(p) for i, p in sol.phases.items()}
        after = _phase_values(plan, _present(plan, chosen))
    lost = float(loss.sum())
    left = float(np.maximum(0.0, before - after).sum())
    recovered = 1.0 if lost <= RESTORE_TOLERANCE else max(0.0, 1.0 - left / lost)
    restored = rules_met and (left <= RESTORE_TOLERANCE or recovered >= RESTORE_SHARE)
    return Dropout(
        id=str(plan.ids[gone]),
        role="core" if roles[gone] is None else "phase",
        loss={b.phase_names[p]: round(float(v), 4) for p, v in enumerate(loss)},
        loss_total=round(float(loss.sum()), 4),
        needs_lost=_needs_lost(plan, roles, gone),
        replacement=replacement,
        recovered=round(recovered, 4) if rules_met else 0.0,
        restored=restored,
        rules_met=rules_met,
        single_point_of_failure=lost > RESTORE_TOLERANCE and not restored,
    )


def _needs_lost(plan: Plan, roles: Mapping[int, tuple[int, ...] | None], gone: int) -> list[str]:
    """Needs whose satisfaction drops in some phase without ``gone``."""
    present = _present(plan, roles)
    cov_with = present.astype(float) @ plan.cov
    present[:, gone] = False
    cov_without = present.astype(float) @ plan.cov
    d = plan.demand
    drop = (np.minimum(1, cov_with / d) - np.minimum(1, cov_without / d)) * plan.enc.active
    return [nd.name for f, nd in enumerate(plan.brief.needs) if (drop[:, f] > 1e-9).any()]


def with_dropouts(
    comp: Composition,
    pool: CandidatePool,
    brief: NetworkBrief | None = None,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> Composition:
    """``comp`` with :attr:`Composition.dropouts` filled (the report then lists the
    single points of failure); see :func:`dropouts`.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> comp = with_dropouts(compose(pool, brief), pool)
    >>> len(comp.dropouts) == len(comp.members)
    True
    """
    return comp.model_copy(
        update={"dropouts": dropouts(comp, pool, brief, seed=seed, method=method)}
    )
