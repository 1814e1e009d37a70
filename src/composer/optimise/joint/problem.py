"""The joint model of a network: who is out, in the core, or a participant in some phases.

Arrays only: the planner builds a :class:`JointProblem` from the encoding, and the exact
and heuristic solvers return a :class:`JointSolution`. For a need ``f`` that counts in
the phases :math:`P_f` (all phases when it names none), the coverage in phase ``p`` is

.. math::

    \\mathrm{cov}(f, p) = \\sum_{i \\in C} c_{if} + \\sum_{i \\in A_p} c_{if},

with :math:`C` the core and :math:`A_p` the participants brought in for ``p``, and

.. math::

    F = \\sum_f w_f \\cdot \\frac{1}{|P_f|} \\sum_{p \\in P_f}
        \\min\\Bigl(1, \\frac{\\mathrm{cov}(f, p)}{d_f}\\Bigr).

Person-hours are :math:`H = |C| \\cdot h_{\\text{all}} + \\sum_i \\sum_{p \\in S_i} h_p`
for participants :math:`i` in phases :math:`S_i`. A solution is better when it has
(1) a higher :math:`F`, then (2) fewer person-hours, then (3) a higher *fit*: the core's
``fit`` plus :data:`PARTICIPANT_SCORE_SHARE` of each participant's ``score``, less one
for every near twin beyond its group's cap. Ties left after that go by index (= id).

Hard rules: the core holds ``core_min``..``core_max`` people who may sit in it
(``core_ok``); a participant joins a non-empty set of phases that is not all of them,
each of which they may join (``phase_ok``), with hours for their sum; at most
``per_phase_max`` participants per phase and ``total_max`` in all; every quota by its
scope (the whole network, the core, or a phase with its core); ``include`` is in, in the
core when the core can hold them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .objective import (
    PARTICIPANT_SCORE_SHARE,
    Objective,
    fit_tier,
    member_rows,
    person_hours,
    phase_coverage,
    presence,
    twin_labels,
)

__all__ = [
    "CORE",
    "NETWORK",
    "PARTICIPANT_SCORE_SHARE",
    "JointProblem",
    "JointQuota",
    "JointSolution",
    "by_id",
    "evaluate",
    "rule_violations",
    "worst_dropout",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]

#: Scope of a quota that counts the whole network / only the core (else a phase index).
NETWORK = -2
CORE = -1
#: Two values of F closer than this are equal (F is a sum of weights in [0, ~1e3]).
F_TOL = 1e-6
#: Two person-hour totals closer than this are equal.
H_TOL = 1e-6


@dataclass(frozen=True, eq=False)
class JointQuota:
    """Between ``min`` and ``max`` of ``members`` in ``scope`` (NETWORK, CORE or a phase)."""

    members: BoolArray
    min: int = 0
    max: int | None = None
    scope: int = NETWORK
    name: str = ""


@dataclass(frozen=True, eq=False)
class JointProblem:
    """The joint choice of core and phase participants, as arrays (rows sorted by id).

    Parameters
    ----------
    coverage : scipy sparse array, shape (n, m)
        How much candidate ``i`` covers need ``f``, in [0, 1].
    weights, demand : ndarray, shape (m,)
        Need weights :math:`w_f` and counts :math:`d_f` (how many people should cover it).
    active : ndarray of bool, shape (P, m)
        Which need counts in which phase.
    phase_hours : ndarray, shape (P,)
        Meeting hours of each phase.
    hours : ndarray, shape (n,)
        Hours each candidate can give (NaN: not given, no limit).
    core_ok : ndarray of bool, shape (n,)
        May sit in the core.
    phase_ok : ndarray of bool, shape (n, P)
        May join phase ``p`` (available, hours for it, not blocked).
    core_min, core_max, per_phase_max, total_max : int
        Sizes.
    quotas : sequence of JointQuota
    include : ndarray of int
        Candidates that must be in.
    fit, score : ndarray, shape (n,)
        The third tier: core fit and participant score, in [0, 1].
    twins : sequence of (ndarray of int, int)
        Groups of near-identical candidates and how many of each the core should take.
    names : sequence of str
        Candidate ids, for messages.
    fixed : mapping of int to tuple of int or None
        Candidates whose role is kept as it is: None for the core, else their phases.
    resilient : bool
        Maximise the worst F after any single member drops out (N−1) instead of F.
    needs : int, optional
        The first ``needs`` columns are the brief's needs, any after them reach columns
        (default: all are needs).
    """

    coverage: sp.csr_array
    weights: FloatArray
    demand: FloatArray
    active: BoolArray
    phase_hours: FloatArray
    hours: FloatArray
    core_ok: BoolArray
    phase_ok: BoolArray
    core_min: int
    core_max: int
    per_phase_max: int
    total_max: int
    quotas: Sequence[JointQuota] = ()
    include: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    fit: FloatArray | None = None
    score: FloatArray | None = None
    twins: Sequence[tuple[IntArray, int]] = ()
    names: Sequence[str] = ()
    fixed: Mapping[int, tuple[int, ...] | None] = field(default_factory=dict)
    resilient: bool = False
    needs: int | None = None

    @property
    def n(self) -> int:
        """Number of candidates."""
        return int(self.coverage.shape[0])

    @property
    def m(self) -> int:
        """Number of needs."""
        return int(self.coverage.shape[1])

    @property
    def n_phases(self) -> int:
        """Number of phases."""
        return len(self.phase_hours)

    @property
    def all_hours(self) -> float:
        """Hours of every meeting (a core seat)."""
        return float(self.phase_hours.sum())

    @cached_property
    def objective(self) -> Objective:
        """F of this problem (:mod:`composer.optimise.joint.objective`)."""
        return Objective(self.weights, self.demand, self.active, self.needs, self.resilient)

    @property
    def fit_or_zero(self) -> FloatArray:
        """``fit`` (zeros when not given)."""
        return np.zeros(self.n) if self.fit is None else self.fit

    @property
    def score_or_zero(self) -> FloatArray:
        """``score`` (zeros when not given)."""
        return np.zeros(self.n) if self.score is None else self.score

    def label(self, i: int) -> str:
        """Candidate ``i``'s id (or ``#i``)."""
        return str(self.names[i]) if len(self.names) else f"#{i}"

    def phase_cost(self, phases: Sequence[int]) -> float:
        """Meeting hours of ``phases``."""
        return float(sum(self.phase_hours[p] for p in phases))


@dataclass(frozen=True)
class JointSolution:
    """A chosen network: the core, each participant's phases, and how good it is.

    ``objective`` is F (the first tier: with ``resilient``, the worst F after a single
    dropout), ``hours`` the person-hours, ``fit`` the third tier. ``bound`` is a proven
    upper bound on the first tier (the MILP's dual bound, or the LP relaxation's optimum
    for the heuristic), None when none was computed.
    """

    core: tuple[int, ...]
    phases: Mapping[int, tuple[int, ...]]
    objective: float
    hours: float
    fit: float
    method: str
    optimal: bool = False
    note: str = ""
    bound: float | None = None

    @property
    def key(self) -> tuple[float, float, float]:
        """What is maximised, in order (F, −hours, fit)."""
        return (self.objective, -self.hours, self.fit)

    @property
    def gap(self) -> float | None:
        """How far the first tier may be below the best possible, as a share of the
        bound (0 when proven optimal; None without a bound)."""
        if self.bound is None:
            return None
        if self.bound <= 1e-12:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)


def coverage_by_phase(
    problem: JointProblem, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> FloatArray:
    """Matrix m × P: coverage of each need in each phase by the people present there."""
    return phase_coverage(problem.coverage, problem.n_phases, core, phases)


def _network(
    problem: JointProblem, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> tuple[FloatArray, FloatArray, BoolArray]:
    """The coverage (m × P), the members' coverage rows (k × m) and phases (k × P)."""
    members, present = presence(problem.n_phases, core, phases)
    rows = member_rows(problem.coverage, members)
    return coverage_by_phase(problem, core, phases), rows, present


def worst_dropout(
    problem: JointProblem, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> float:
    """F after the single dropout that hurts most (F itself for an empty network)."""
    return problem.objective.worst_dropout(*_network(problem, core, phases))


def evaluate(
    problem: JointProblem, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> tuple[float, float, float]:
    """``(F, person-hours, fit)`` of a solution (see the module docstring); with
    ``problem.resilient``, F is the worst F after a single dropout."""
    F = problem.objective.first_tier(*_network(problem, core, phases))
    hours = person_hours(problem.phase_hours, len(core), phases)
    in_core = np.zeros(problem.n, dtype=bool)
    in_core[list(core)] = True
    is_part = np.zeros(problem.n, dtype=bool)
    is_part[list(phases)] = True
    twin, caps = twin_labels(problem.n, problem.twins)
    fit = fit_tier(problem.fit_or_zero, problem.score_or_zero, in_core, is_part, twin, caps)
    return F, hours, fit


def rule_violations(
    problem: JointProblem, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> list[str]:
    """Every hard rule the solution breaks (empty when it keeps them all)."""
    core_set = {int(i) for i in core}
    out = _size_violations(problem, core, core_set, phases)
    out += _role_violations(problem, core_set, phases)
    for q in problem.quotas:
        k = quota_count(q, core_set, phases)
        if k < q.min or (q.max is not None and k > q.max):
            out.append(f"quota {q.name} has {k}")
    out += [
        f"include {problem.label(int(i))} is out"
        for i in problem.include
        if int(i) not in core_set and int(i) not in phases
    ]
    out += [
        f"{problem.label(i)} did not keep their role"
        for i, role in problem.fixed.items()
        if (role is None and i not in core_set)
        or (role is not None and tuple(sorted(phases.get(i, ()))) != tuple(sorted(role)))
    ]
    return out


def _size_violations(
    problem: JointProblem,
    core: Sequence[int],
    core_set: set[int],
    phases: Mapping[int, Sequence[int]],
) -> list[str]:
    out = []
    if len(core_set) != len(core):
        out.append("someone is in the core twice")
    if not problem.core_min <= len(core_set) <= problem.core_max:
        out.append(f"core size {len(core_set)} outside {problem.core_min}..{problem.core_max}")
    per_phase = np.zeros(problem.n_phases, dtype=int)
    for phs in phases.values():
        per_phase[list(phs)] += 1
    if (per_phase > problem.per_phase_max).any():
        out.append(f"phase sizes {per_phase.tolist()} above {problem.per_phase_max}")
    if len(phases) > problem.total_max:
        out.append(f"{len(phases)} participants above {problem.total_max}")
    return out


def _role_violations(
    problem: JointProblem, core_set: set[int], phases: Mapping[int, Sequence[int]]
) -> list[str]:
    out = [
        f"{problem.label(i)} may not sit in the core" for i in core_set if not problem.core_ok[i]
    ]
    for i, phs in phases.items():
        who = problem.label(i)
        if i in core_set:
            out.append(f"{who} is both core and participant")
        if not phs or len(set(phs)) == problem.n_phases or len(set(phs)) != len(phs):
            out.append(f"{who} has phases {list(phs)}: not a proper subset")
        out += [f"{who} may not join phase {p}" for p in phs if not problem.phase_ok[i, p]]
        h = problem.hours[i]
        if not np.isnan(h) and problem.phase_cost(phs) > h + 1e-9:
            out.append(f"{who} lacks the hours for phases {list(phs)}")
    return out


def quota_count(q: JointQuota, core: set[int], phases: Mapping[int, Sequence[int]]) -> int:
    """How many of the quota's members count in its scope."""
    mem = q.members
    k = sum(1 for i in core if mem[i])
    if q.scope == CORE:
        return k
    if q.scope == NETWORK:
        return k + sum(1 for i in phases if mem[i])
    return k + sum(1 for i, phs in phases.items() if mem[i] and q.scope in phs)


def by_id(
    problem: JointProblem, core: Sequence[int], phases: Mapping[int, tuple[int, ...]]
) -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
    """The same solution with every member swapped for the lowest-index candidate who is
    interchangeable with them (same coverage, rules, hours, quotas, fit, score and near-
    twin group): ties go by index, so by id, whatever order a solver found them in."""
    chosen = set(int(i) for i in core) | set(int(i) for i in phases)
    kept = set(problem.include.tolist()) | set(problem.fixed)
    h = _hashes(problem)
    swap: dict[int, int] = {}
    taken: set[int] = set()
    for i in sorted(chosen - kept):
        same = [int(j) for j in np.flatnonzero(h == h[i]) if j <= i]
        same = [j for j in same if j == i or _signature(problem, j) == _signature(problem, i)]
        if any(j in kept for j in same):
            continue
        # the lowest one not already holding a seat of this kind
        for j in same:
            if j == i or (j not in chosen and j not in taken):
                swap[i] = j
                taken.add(j)
                break
    new_core = tuple(sorted(swap.get(int(i), int(i)) for i in core))
    new_phases = {swap.get(int(i), int(i)): tuple(p) for i, p in phases.items()}
    return new_core, dict(sorted(new_phases.items()))


def _hashes(problem: JointProblem) -> npt.NDArray[np.float64]:
    """A number per candidate, equal for interchangeable candidates (and rarely otherwise;
    :func:`_signature` confirms)."""
    rng = np.random.default_rng(12345)
    cov = problem.coverage.tocsr()
    h = cov @ rng.random(problem.m)
    h = h + problem.fit_or_zero * rng.random() + problem.score_or_zero * rng.random()
    h = h + problem.core_ok * rng.random() + problem.phase_ok @ rng.random(problem.n_phases)
    h = h + np.nan_to_num(problem.hours, nan=-1.0) * rng.random()
    for q in problem.quotas:
        h = h + q.members * rng.random()
    for g, (group, _) in enumerate(problem.twins):
        h[group] += (g + 1) * rng.random()
    return np.asarray(h, dtype=np.float64)


def _signature(problem: JointProblem, i: int) -> tuple[object, ...]:
    """Everything that tells candidate ``i`` apart in the model."""
    cov = problem.coverage.tocsr()
    lo, hi = cov.indptr[i], cov.indptr[i + 1]
    return (
        tuple(cov.indices[lo:hi].tolist()),
        tuple(cov.data[lo:hi].tolist()),
        bool(problem.core_ok[i]),
        tuple(problem.phase_ok[i].tolist()),
        float(np.nan_to_num(problem.hours[i], nan=-1.0)),
        tuple(bool(q.members[i]) for q in problem.quotas),
        float(problem.fit_or_zero[i]),
        float(problem.score_or_zero[i]),
        tuple(g for g, (group, _) in enumerate(problem.twins) if i in set(group.tolist())),
    )
