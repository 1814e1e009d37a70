"""One free seat refilled exactly by enumeration: everyone else keeps a fixed role and at
most one newcomer joins (the model of ``composer.replace`` and of the dropouts).

With every other member fixed there are only ``1 + n · (1 + 2^P - 2)`` networks: nobody
new, or one candidate in the core or in a proper subset of the phases. F is a sum over
phases, so each option's F is the fixed members' F plus the newcomer's gains
(:meth:`Objective.gains`), and the options are taken in the order of the tiers, exactly
as the MILP's stages rank them:

1. the most F (the first option that keeps every rule sets ``F1``);
2. among the options that keep F >= ``F1`` - :attr:`Objective.slack`: the fewest
   person-hours, then the highest fit (:func:`fit_tier`), then the most F (the MILP's
   third stage), then the lowest index (by id).

The first option in that order that keeps every rule (:func:`rule_violations`) is the
answer, proven optimal by the enumeration; options that the sizes or a quota certainly
rule out are skipped before it is asked. With ``resilient`` (the worst dropout as the
first tier) the MILP answers instead (:func:`refillable`). Against the MILP this costs
one dense gain matrix instead of a model and up to three solves (see
``tests/test_refill.py``, which compares the two on random problems).
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
import numpy.typing as npt

from .objective import PARTICIPANT_SCORE_SHARE, twin_labels
from .problem import (
    CORE,
    NETWORK,
    JointProblem,
    JointSolution,
    coverage_by_phase,
    evaluate,
    quota_count,
    rule_violations,
)

__all__ = ["refillable", "solve_refill"]


def refillable(problem: JointProblem, newcomers: npt.NDArray[np.bool_]) -> bool:
    """Whether :func:`solve_refill` answers ``problem``: no resilience tier, every include
    kept in a fixed role, and everyone who is not fixed counted in ``newcomers`` (the
    quota that lets at most one of them in)."""
    if problem.resilient:
        return False
    fixed = _fixed(problem)
    can = problem.core_ok | problem.phase_ok.any(axis=1)
    return bool(fixed[problem.include].all() and newcomers[can & ~fixed].all())


def _fixed(problem: JointProblem) -> npt.NDArray[np.bool_]:
    """Who keeps a fixed role."""
    out = np.zeros(problem.n, dtype=bool)
    out[list(problem.fixed)] = True
    return out


def solve_refill(problem: JointProblem) -> JointSolution | None:
    """The best network by the tiers (see the module docstring) when at most one
    candidate outside ``problem.fixed`` may join; None when no option keeps the rules.
    Call it only where :func:`refillable` holds."""
    core0 = tuple(sorted(i for i, r in problem.fixed.items() if r is None))
    phases0 = {i: tuple(r) for i, r in sorted(problem.fixed.items()) if r is not None}
    obj = problem.objective
    cov0 = coverage_by_phase(problem, core0, phases0)
    F0, H0, fit0 = evaluate(problem, core0, phases0)
    who, core, subset, gain, hours, fit = _options(problem, cov0, core0)
    # rounded where the MILP's tolerances would call two options equal
    F = np.asarray(np.round(np.r_[F0, F0 + gain], 9), dtype=np.float64)
    H = np.asarray(np.round(np.r_[H0, H0 + hours], 6), dtype=np.float64)
    T = np.asarray(np.round(np.r_[fit0, fit0 + fit], 9), dtype=np.float64)
    idx = np.r_[-1, who]
    subsets = _subsets(problem.n_phases)
    may = _may_keep_the_rules(problem, core0, phases0, who, core, subset)

    def network(k: int) -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
        if k == 0:
            return core0, dict(phases0)
        i = int(who[k - 1])
        if core[k - 1]:
            return tuple(sorted((*core0, i))), dict(phases0)
        return core0, dict(sorted({**phases0, i: subsets[subset[k - 1]]}.items()))

    def first_ok(order: npt.NDArray[np.intp]) -> int | None:
        for k in order[may[order]].tolist():
            if not rule_violations(problem, *network(k)):
                return int(k)
        return None

    best = first_ok(np.lexsort((idx, -F)))
    if best is None:
        return None
    F1 = float(F[best])
    good = np.flatnonzero(F1 - obj.slack <= F)
    chosen = first_ok(good[np.lexsort((idx[good], -F[good], -T[good], H[good]))])
    assert chosen is not None  # ``best`` itself qualifies
    c, ph = network(chosen)
    Fv, Hv, fitv = evaluate(problem, c, ph)
    return JointSolution(c, ph, Fv, Hv, fitv, "exact", True, "", Fv)


@functools.cache
def _subsets(P: int) -> list[tuple[int, ...]]:
    """The proper, non-empty subsets of ``P`` phases."""
    return [s for k in range(1, P) for s in itertools.combinations(range(P), k)]


def _may_keep_the_rules(
    problem: JointProblem,
    core0: tuple[int, ...],
    phases0: dict[int, tuple[int, ...]],
    who: np.ndarray,
    core: np.ndarray,
    subset: np.ndarray,
) -> npt.NDArray[np.bool_]:
    """Per option (nobody first): False where the sizes or a quota certainly rule it out,
    so that :func:`rule_violations`, which decides, is asked only about the rest (a full
    network would otherwise be checked option by option)."""
    P = problem.n_phases
    subsets = _subsets(P)
    per_phase = np.zeros(P, dtype=int)
    for phs in phases0.values():
        per_phase[list(phs)] += 1
    # in_phase[k, p]: option k's newcomer sits in phase p (as a participant)
    member = np.zeros((len(subsets) + 1, P), dtype=bool)
    for s, phs in enumerate(subsets):
        member[s, list(phs)] = True
    in_phase = member[np.where(core, len(subsets), subset)]
    n_core = len(core0) + core
    ok = (problem.core_min <= n_core) & (n_core <= problem.core_max)
    part = ~core
    ok &= ~part | (len(phases0) < problem.total_max)
    ok &= ~(in_phase & (per_phase >= problem.per_phase_max)[None, :]).any(axis=1)
    nobody = problem.core_min <= len(core0) <= problem.core_max
    core_set = set(core0)
    for q in problem.quotas:
        k0 = quota_count(q, core_set, phases0)
        mem = q.members[who]
        if q.scope == CORE:
            counts = mem & core
        elif q.scope == NETWORK:
            counts = mem
        else:
            counts = mem & (core | in_phase[:, q.scope])
        k = k0 + counts
        ok &= (q.min <= k) & (q.max is None or k <= q.max)
        nobody = nobody and q.min <= k0 and (q.max is None or k0 <= q.max)
    return np.r_[nobody, ok]


def _options(
    problem: JointProblem, cov0: npt.NDArray[np.float64], core0: tuple[int, ...]
) -> tuple[np.ndarray, ...]:
    """Every single newcomer's role: (candidate, core?, subset index, gain in F, hours,
    change of the fit tier), one entry per option that the sizes of a role allow."""
    P = problem.n_phases
    subsets = _subsets(P)
    cand = np.flatnonzero((problem.core_ok | problem.phase_ok.any(axis=1)) & ~_fixed(problem))
    rows = problem.coverage[cand].toarray().reshape(len(cand), problem.m)
    G = problem.objective.gains(rows, cov0)  # len(cand) × P
    twin, caps = twin_labels(problem.n, problem.twins)
    in_core = np.zeros(problem.n, dtype=bool)
    in_core[list(core0)] = True
    full = np.zeros(len(caps), dtype=bool)
    if len(caps):
        held = np.bincount(twin[in_core & (twin >= 0)], minlength=len(caps))
        full = held >= caps
    who: list[np.ndarray] = []
    core: list[np.ndarray] = []
    subset: list[np.ndarray] = []
    gain: list[np.ndarray] = []
    hours: list[np.ndarray] = []
    fit: list[np.ndarray] = []
    # the core
    c = problem.core_ok[cand]
    penalty = np.array([1.0 if t >= 0 and full[t] else 0.0 for t in twin[cand[c]]])
    who.append(cand[c])
    core.append(np.ones(int(c.sum()), dtype=bool))
    subset.append(np.full(int(c.sum()), -1))
    gain.append(G[c].sum(axis=1))
    hours.append(np.full(int(c.sum()), problem.all_hours))
    fit.append(problem.fit_or_zero[cand[c]] - penalty)
    # a proper subset of the phases
    avail = np.nan_to_num(problem.hours[cand], nan=np.inf)
    share = PARTICIPANT_SCORE_SHARE * problem.score_or_zero[cand]
    for s, phs in enumerate(subsets):
        cost = problem.phase_cost(phs)
        ok = problem.phase_ok[cand][:, list(phs)].all(axis=1) & (cost <= avail + 1e-9)
        k = int(ok.sum())
        who.append(cand[ok])
        core.append(np.zeros(k, dtype=bool))
        subset.append(np.full(k, s))
        gain.append(G[ok][:, list(phs)].sum(axis=1))
        hours.append(np.full(k, cost))
        fit.append(share[ok])
    return tuple(np.concatenate(x) for x in (who, core, subset, gain, hours, fit))
