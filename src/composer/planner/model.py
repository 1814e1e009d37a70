"""From pool and brief to the joint model: the arrays every stage of planning reads.

:func:`build_plan` encodes the pool once (:mod:`composer.encoding`), scores it with that
encoding, and sorts every row by id; :func:`joint_problem` turns the plan into the
arrays of :class:`composer.optimise.joint.JointProblem`; :func:`solve_plan` chooses the
exact or the heuristic solver by the size of the problem, never by a clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.sparse as sp
from sklearn.base import clone

from ..encoding import Encoding, encode
from ..models import NetworkBrief
from ..optimise.joint import (
    CORE,
    NETWORK,
    JointProblem,
    JointQuota,
    JointSolution,
    Objective,
    solve_exact,
    solve_heuristic,
)
from ..pool import CandidatePool
from ..scoring import CandidateScorer
from ..validation import validate

__all__ = [
    "AUTO_EXACT_MAX",
    "AUTO_EXACT_MAX_RESILIENT",
    "COVERS",
    "SHOWN",
    "Method",
    "Plan",
    "build_plan",
    "joint_problem",
    "solve_plan",
]

Method = Literal["auto", "exact", "heuristic"]
#: coverage (n × columns), weights, counts and the phases each column counts in (P × columns)
Columns = tuple[
    sp.csr_array, npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.bool_]
]
#: coverage at or above this counts as "covers" in reasons and graphs
COVERS = 0.5
#: coverage at or above this is shown in reasons and tables
SHOWN = 0.3
#: ``method="auto"`` uses the exact model up to this many modelled candidates (those who
#: can take part and cover a need or count for a quota); above it, the heuristic with
#: its certificate. Decided by size, never by a clock, from the exact model's worst case
#: on the benchmark families (benchmarks/README.md, issue 21): realistic (synthetic)
#: pools prove fast far beyond this (937 modelled in 1.2 s), but the random family's
#: worst case was 8.6 s over 29 problems of at most 60 modelled and 24.9 s at 80, so 60
#: keeps the worst measured case at under a third of a 30 s budget on this machine.
AUTO_EXACT_MAX = 60
#: With the brief's ``resilience`` the exact model holds the coverage rows once more per
#: candidate (the network without them): on the random family up to 17.9 s over 13
#: problems of 38-48 modelled, under the 30 s budget but without a wide margin; kept at
#: 50 so that the samples (41-46 modelled, about a second each) stay exact.
AUTO_EXACT_MAX_RESILIENT = 50


@dataclass(frozen=True, eq=False)
class Plan:
    """Everything planning reads, rows sorted by id (data only)."""

    pool: CandidatePool
    brief: NetworkBrief
    enc: Encoding
    cov: npt.NDArray[np.float64]  # n × m
    scorer: CandidateScorer  # fitted: the matches behind the coverage, for the words
    fit: npt.NDArray[np.float64]
    total: npt.NDArray[np.float64]

    @property
    def ids(self) -> npt.NDArray[np.object_]:
        """Candidate ids, sorted."""
        return self.enc.ids

    @property
    def weights(self) -> npt.NDArray[np.float64]:
        """Need weights."""
        return np.array([n.weight for n in self.brief.needs], dtype=float)

    @property
    def demand(self) -> npt.NDArray[np.float64]:
        """Need counts."""
        return np.array([n.count for n in self.brief.needs], dtype=float)

    @cached_property
    def carrier(self) -> npt.NDArray[np.bool_]:
        """Who can carry the work across the phases: municipal staff and managers (they
        test ideas in their own unit between meetings), and anyone whose needs
        (coverage of at least :data:`SHOWN`) count in more than one phase. With one phase,
        or no needs (a panel chosen by sizes and quotas alone), everyone can."""
        n_phases, m = self.enc.active.shape
        if n_phases <= 1 or m == 0:
            return np.ones(len(self.ids), dtype=bool)
        covers = self.cov >= SHOWN  # n × m
        phases_counted = (covers.astype(np.int64) @ self.enc.active.T.astype(np.int64)) > 0
        return np.asarray(self.enc.municipal | (phases_counted.sum(axis=1) > 1), dtype=bool)

    @cached_property
    def core_ok(self) -> npt.NDArray[np.bool_]:
        """Who may sit in the core: the encoding's rule (every phase, the hours, no
        manager's no, the brief's core actor types) and a carrier (:attr:`carrier`). The
        one core-eligibility rule of planning; a one-phase person comes for their phase."""
        return np.asarray(self.enc.core_ok & self.carrier, dtype=bool)

    @cached_property
    def columns(self) -> Columns:
        """The model's columns: the needs, and with the brief's ``reach`` one per unit."""
        return _with_reach(self)

    @cached_property
    def objective(self) -> Objective:
        """F of this plan (reach and resilience as the brief says)."""
        c = self.columns
        return Objective(c[1], c[2], c[3], len(self.brief.needs), self.brief.resilience)

    @cached_property
    def needs_objective(self) -> Objective:
        """F of the brief's needs alone (what a composition reports)."""
        return self.objective.needs_only()

    @cached_property
    def base_problem(self) -> JointProblem:
        """The joint problem with no what-if (built once; variants derive from it)."""
        return _base_problem(self)


def build_plan(
    pool: CandidatePool, brief: NetworkBrief, scorer: CandidateScorer | None = None
) -> Plan:
    """Encode, score and sort ``pool`` under ``brief`` once for every later stage."""
    validate(pool, brief)  # the one validation; a need counting more than the pool gives is a gap
    # planning reads numbers only: no reasons are written (the composition writes its own)
    scorer = CandidateScorer(reasons=False) if scorer is None else clone(scorer)
    scorer.set_params(reasons=False)
    scorer.fit_validated(pool, brief)
    enc = encode(pool, brief)
    cov_frame = scorer.coverage(pool)
    scores = scorer.transform(pool, cov_frame, encoding=enc)
    order = np.argsort(enc.ids.astype(str), kind="stable")
    enc = enc.take(order)
    return Plan(
        pool=pool,
        brief=brief,
        enc=enc,
        cov=cov_frame.to_numpy(dtype=float)[order],
        scorer=scorer,
        fit=scores["core_fit"].to_numpy(dtype=float)[order],
        total=scores["total"].to_numpy(dtype=float)[order],
    )


def quota_scope(brief: NetworkBrief, scope: str) -> int:
    """NETWORK, CORE or the phase index of a quota's ``scope``."""
    low = scope.lower()
    if low == "network":
        return NETWORK
    if low == "core":
        return CORE
    return [p.lower() for p in brief.phase_names].index(low)


def kinds(plan: Plan, rows: npt.NDArray[np.intp], *, same_place: bool) -> npt.NDArray[np.intp]:
    """A label (0, 1, ...) per candidate of ``rows``, equal for people who can stand in for
    each other: the same actor type and coverage rows equal to one decimal; with
    ``same_place`` also the same unit and perspectives (near twins). One ``np.unique``
    over integer codes, so it costs about a sort of the pool."""
    enc = plan.enc
    codes = [pd.factorize(pd.Series(enc.actor[rows], dtype=object))[0]]
    if same_place:
        f = plan.pool.frame.loc[enc.ids[rows]]
        unit = f["unit"].map(lambda u: str(u).strip().lower()).to_numpy(dtype=object)
        persp = f["perspectives"].map(lambda ts: ";".join(sorted(t.lower() for t in ts)))
        codes += [pd.factorize(pd.Series(unit, dtype=object))[0], pd.factorize(persp)[0]]
    codes.append(np.round(plan.cov[rows] * 10).astype(np.int64))
    inverse = np.unique(np.column_stack(codes), axis=0, return_inverse=True)[1]
    return np.asarray(inverse.ravel(), dtype=np.intp)


def twin_groups(plan: Plan) -> list[tuple[npt.NDArray[np.intp], int]]:
    """Groups of near-identical core candidates and how many of each the core should take.

    Near-identical: same actor type, unit and perspectives, and coverage rows equal to
    one decimal (covering some need; :func:`kinds`). The core takes one of them, unless
    a need they cover asks (``count``) for more than the rest of the pool can give.
    """
    enc, cov = plan.enc, plan.cov
    rows = np.flatnonzero(plan.core_ok & (cov >= COVERS).any(axis=1))
    if len(rows) < 2:
        return []
    inverse = kinds(plan, rows, same_place=True)
    sizes = np.bincount(inverse)
    supply = cov[enc.can_join].sum(axis=0)
    order = np.argsort(inverse, kind="stable")
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    out = []
    for g in np.flatnonzero(sizes > 1).tolist():
        group = rows[order[starts[g] : starts[g] + sizes[g]]]
        cap = 1
        rest = supply - cov[group].sum(axis=0)  # what everyone else can give
        for need in np.flatnonzero(cov[group[0]] >= COVERS):
            lacking = plan.demand[need] - float(rest[need])
            if lacking > 1 - 1e-9:
                cap = max(cap, min(len(group), int(np.ceil(lacking))))
        if cap < len(group):
            out.append((np.sort(group).astype(np.intp), cap))
    return out


def joint_problem(
    plan: Plan,
    *,
    forbid: Sequence[int] = (),
    fixed: Mapping[int, tuple[int, ...] | None] | None = None,
    avoid: Sequence[tuple[npt.NDArray[np.bool_], int, int]] = (),
) -> JointProblem:
    """The joint problem of ``plan``, derived from :attr:`Plan.base_problem`.

    ``forbid``: rows that may not take part; ``fixed``: rows whose role is kept (None =
    core, else their phases); ``avoid``: extra quotas ``(members, max, scope)`` (used by
    :func:`composer.alternatives` to make each answer differ). The brief's
    ``co_drivers`` are fixed in the core by the caller
    (:func:`composer.planner.rules.co_driver_seats`).
    """
    base = plan.base_problem
    if not len(forbid) and not fixed and not avoid:
        return base
    core_ok, phase_ok = base.core_ok, base.phase_ok
    if len(forbid):
        core_ok, phase_ok = core_ok.copy(), phase_ok.copy()
        core_ok[list(forbid)] = False
        phase_ok[list(forbid)] = False
    extra = [
        JointQuota(members, 0, most, scope, f"what-if rule {k + 1}")
        for k, (members, most, scope) in enumerate(avoid)
    ]
    return replace(
        base,
        core_ok=core_ok,
        phase_ok=phase_ok,
        quotas=[*base.quotas, *extra],
        include=np.setdiff1d(base.include, np.asarray(forbid, dtype=np.intp)),
        fixed=dict(fixed or {}),
    )


def _base_problem(plan: Plan) -> JointProblem:
    enc, brief = plan.enc, plan.brief
    quotas = [
        JointQuota(enc.quota_members[:, k], q.min, q.max, quota_scope(brief, q.scope), q.label())
        for k, q in enumerate(brief.quotas)
    ]
    pp = brief.phase_participants
    coverage, weights, demand, active = plan.columns
    return JointProblem(
        coverage=coverage,
        weights=weights,
        demand=demand,
        active=active,
        phase_hours=enc.phase_hours,
        hours=enc.hours,
        core_ok=plan.core_ok,
        phase_ok=enc.phase_ok,
        core_min=brief.core.min,
        core_max=brief.core.max,
        per_phase_max=pp.per_phase_max,
        total_max=pp.total_max,
        quotas=quotas,
        include=np.flatnonzero(enc.included).astype(np.intp),
        fit=plan.fit,
        score=plan.total,
        twins=twin_groups(plan),
        names=[str(i) for i in enc.ids],
        resilient=brief.resilience,
        needs=len(brief.needs),
    )


def _with_reach(plan: Plan) -> Columns:
    """The needs' columns, and with the brief's ``reach`` one more column per unit (or
    organisation): weight ``reach.weight``, count 1, counting in every phase."""
    enc, reach = plan.enc, plan.brief.reach
    cov = sp.csr_array(plan.cov)
    if reach is None or enc.reach.shape[1] == 0:
        return cov, plan.weights, plan.demand, enc.active
    U = enc.reach.shape[1]
    return (
        sp.csr_array(sp.hstack([cov, enc.reach])),
        np.r_[plan.weights, np.full(U, reach.weight)],
        np.r_[plan.demand, np.ones(U)],
        np.hstack([enc.active, np.ones((enc.active.shape[0], U), dtype=bool)]),
    )


def modelled(problem: JointProblem) -> int:
    """How many candidates the exact model would hold (the size ``auto`` goes by)."""
    from ..optimise.joint.exact import kept

    return int(kept(problem).sum())


def solve_plan(problem: JointProblem, method: Method, seed: int) -> JointSolution | None:
    """Solve by ``method`` (checked by :func:`composer._coerce.check_arguments`); ``auto`` is exact up to
    :data:`AUTO_EXACT_MAX` modelled candidates."""
    if method == "auto":
        limit = AUTO_EXACT_MAX_RESILIENT if problem.resilient else AUTO_EXACT_MAX
        method = "exact" if modelled(problem) <= limit else "heuristic"
    if method == "exact":
        return solve_exact(problem)
    return solve_heuristic(problem, seed=seed)
