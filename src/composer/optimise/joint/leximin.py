"""A LEXIMIN lottery over the near-optimal solutions of the joint model.

Arrays only. Near-optimal means: every rule of the :class:`~.problem.JointProblem` holds,
the first tier (F, or the worst F after one dropout with ``resilient``) is at least
:math:`F^* - \\varepsilon` with :math:`F^*` the best there is, and the person-hours are at
most :math:`H^* + \\eta`, with :math:`H^*` the fewest person-hours at that F (what the
recommendation has) and :math:`\\eta` the ``hours_slack`` (0 by default: a lottery never
costs more meetings than the recommendation).

Among all probability distributions over near-optimal solutions, LEXIMIN maximises the
lowest selection probability (in any role) of a candidate who is in at least one of
them, then the next lowest, and so on [1]_. It is found by column generation: a master
LP over the solutions found so far maximises the lowest probability of the candidates
not yet fixed; its duals price a new solution with the joint model's MILP (the rules of
:func:`~.exact.rules_model` plus the two near-optimality rows, weighted by the duals);
when no solution improves the LP, the candidates with a positive dual cannot get more
and are fixed at that value (their rows then ask at least ``(1 - FIX_REL)`` of it, so
the LP's rounding can never make a later stage infeasible).

Interchangeable candidates (same coverage, rules, hours and quotas) form a *group*: the
LEXIMIN gives them equal probabilities, so the LP has one row per group and a solution
is known by how many of each group take which role (its *key*). This keeps the LP small
when many people are alike (a citizens' panel of 2,000 has a handful of groups).

References
----------
.. [1] B. Flanigan, P. Gölz, A. Gupta, B. Hennig, A. D. Procaccia, "Fair algorithms for
   selecting citizens' assemblies", Nature 596, 548-552 (2021).
   https://doi.org/10.1038/s41586-021-03788-6
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint

from ..milp import run_lp, run_milp
from .exact import EXACT_TIME_LIMIT, MIP_REL_GAP, _Model, rules_model
from .problem import F_TOL, H_TOL, NETWORK, JointProblem, JointQuota, evaluate, rule_violations

__all__ = [
    "DUAL_EPS",
    "FIX_REL",
    "Leximin",
    "NearOptimal",
    "Solution",
    "groups_of",
    "leximin",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

#: A group whose dual in the master LP is above this (the duals of the groups not yet
#: fixed sum to 1) cannot get a higher probability, and is fixed.
DUAL_EPS = 1e-6
#: A fixed group's row asks for at least (1 - FIX_REL) of its value.
FIX_REL = 1e-7
#: A priced solution improves the master LP when it beats the LP's dual by more than this.
PRICE_TOL = 1e-7
#: Column generation stops after this many priced solutions per stage (a safety valve).
MAX_ROUNDS = 500

#: (group, role, how many): role () is the core, else a participant's phases.
Key = tuple[tuple[int, tuple[int, ...], int], ...]


@dataclass(frozen=True)
class Solution:
    """One near-optimal solution: the core, each participant's phases, its key, the
    weight the pricing gave it, and its F and person-hours (by :func:`~.problem.evaluate`)."""

    core: tuple[int, ...]
    phases: Mapping[int, tuple[int, ...]]
    key: Key
    value: float
    objective: float
    hours: float


def groups_of(problem: JointProblem) -> IntArray:
    """A group number per candidate: equal for interchangeable candidates (same coverage,
    whether and where they may sit, hours and quotas), numbered by their lowest index.
    Included or fixed candidates are groups of their own."""
    cov = problem.coverage.tocsr()
    own = set(problem.include.tolist()) | set(problem.fixed)
    seen: dict[tuple[object, ...], int] = {}
    out = np.empty(problem.n, dtype=np.intp)
    for i in range(problem.n):
        lo, hi = cov.indptr[i], cov.indptr[i + 1]
        sig: tuple[object, ...] = (
            ("own", i) if i in own else None,
            tuple(cov.indices[lo:hi].tolist()),
            tuple(np.round(cov.data[lo:hi], 12).tolist()),
            bool(problem.core_ok[i]),
            tuple(problem.phase_ok[i].tolist()),
            float(np.nan_to_num(problem.hours[i], nan=-1.0)),
            tuple(bool(q.members[i]) for q in problem.quotas),
        )
        out[i] = seen.setdefault(sig, len(seen))
    return out


class NearOptimal:
    """The joint model's rules plus the near-optimality rows, to be optimised with any
    weights (use :meth:`build`).

    Attributes
    ----------
    best : float
        :math:`F^*`, the best first tier under the rules.
    hours : float
        :math:`H^*`, the fewest person-hours with the first tier at least
        :math:`F^* - \\varepsilon`.
    """

    def __init__(self, problem: JointProblem, model: _Model, time_limit: float) -> None:
        self.problem = problem
        self.model = model
        self.time_limit = time_limit
        rules = model.rows.constraint(model.nv)
        self.rules = [] if rules is None else [rules]
        self.near: list[LinearConstraint] = []  # F >= floor, then hours <= cap
        self.best = self.floor = 0.0
        self.hours = self.cap = 0.0
        self.optimal = True
        nv = model.nv
        self.hour_cost = np.zeros(nv)
        self.hour_cost[model.ox : model.ox + model.nx] = problem.all_hours
        self.hour_cost[model.oy : model.oy + model.ny] = problem.phase_hours[model.pair_p]
        self.first = np.zeros(nv)
        cols, vals = model._objective_row()
        self.first[cols] = vals

    @classmethod
    def build(
        cls,
        problem: JointProblem,
        *,
        epsilon: float,
        hours_slack: float,
        time_limit: float = EXACT_TIME_LIMIT,
    ) -> NearOptimal | None:
        """The near-optimal set of ``problem``, or None when no solution keeps the rules.

        Includes sit in the core as :func:`~.exact.solve_exact` puts them: as many as the
        rules allow.
        """
        everyone = JointQuota(np.ones(problem.n, dtype=bool), 0, None, NETWORK, "everyone")
        # a quota that binds nothing, so that the model keeps every candidate who can
        # take part (the exact solver leaves out interchangeable fillers)
        wide = dataclasses.replace(problem, quotas=[*problem.quotas, everyone])
        core_inc = int(problem.core_ok[problem.include].sum())
        for k in range(min(core_inc, problem.core_max), -1, -1):
            model = rules_model(wide, k)
            if model is None or model.nv == 0:
                continue
            near = cls(wide, model, time_limit)
            top = near.solve(-near.first)
            if top is None:
                continue
            near.best = max(float(near.first @ top), near.evaluate(top)[0])
            near.floor = near.best - epsilon - 2 * F_TOL
            near.near.append(LinearConstraint(near.first, near.floor + F_TOL, np.inf))
            low = near.solve(near.hour_cost)
            assert low is not None  # the first solution keeps this row
            near.hours = near.evaluate(low)[1]
            near.cap = near.hours + hours_slack + 2 * H_TOL
            near.near.append(LinearConstraint(near.hour_cost, -np.inf, near.cap - H_TOL))
            return near
        return None

    def solve(
        self, c: FloatArray, extra: Sequence[LinearConstraint] = (), near: int | None = None
    ) -> FloatArray | None:
        """Minimise ``c @ x`` under the rules, ``extra`` rows and the first ``near``
        near-optimality rows (all by default); the solution vector, or None."""
        m = self.model
        out = run_milp(
            c,
            [*self.rules, *self.near[:near], *extra],
            m.integrality(),
            Bounds(m.lb, m.ub),
            time_limit=self.time_limit,
            mip_rel_gap=MIP_REL_GAP,
        )
        self.optimal = self.optimal and (out.x is None or out.optimal)
        return out.x

    def evaluate(self, x: FloatArray) -> tuple[float, float]:
        """F and person-hours of the solution vector ``x`` (:func:`~.problem.evaluate`)."""
        F, H, _ = evaluate(self.problem, *self.model.decode(x))
        return F, H

    def selection(self, weights: FloatArray) -> FloatArray:
        """The cost vector that rewards ``weights[i]`` for candidate ``i`` in any role."""
        m = self.model
        c = np.zeros(m.nv)
        c[m.ox : m.ox + m.nx] = weights[m.core_idx]
        c[m.ou : m.ou + m.nu] = weights[m.part_idx]
        return c

    def heaviest(self, weights: FloatArray, group: IntArray) -> Solution | None:
        """The near-optimal solution with the most weight (``weights`` per candidate)."""
        c = self.selection(weights)
        x = self.solve(-c)
        if x is None:
            return None
        core, phases = self.model.decode(x)
        broken = rule_violations(self.problem, core, phases)
        F, H, _ = evaluate(self.problem, core, phases)
        if broken or self.floor > F or self.cap < H:  # pragma: no cover - a solver slip
            raise RuntimeError(f"the lottery's pricing broke a rule: {broken or (F, H)}")
        return Solution(core, phases, key_of(core, phases, group), float(c @ x), F, H)

    def forced(self, i: int) -> tuple[float | None, float | None]:
        """With candidate ``i`` in (any role): the best first tier under the rules alone,
        and the fewest person-hours with the first tier held near-optimal (None when
        not possible)."""
        m = self.model
        one = np.zeros(m.nv)
        sel = self.selection(np.eye(1, self.problem.n, i).ravel())
        one[sel > 0] = 1.0
        if not one.any():
            return None, None
        force = [LinearConstraint(one, 1.0, 1.0)]
        top = self.solve(-self.first, force, near=0)
        low = None if top is None else self.solve(self.hour_cost, force, near=1)
        return (
            None if top is None else float(self.first @ top),
            None if low is None else float(self.hour_cost @ low),
        )


def key_of(core: tuple[int, ...], phases: Mapping[int, tuple[int, ...]], group: IntArray) -> Key:
    """How many of each group take which role, sorted."""
    roles: list[tuple[int, tuple[int, ...]]] = [(int(group[i]), ()) for i in core]
    roles += [(int(group[i]), tuple(sorted(phs))) for i, phs in phases.items()]
    counts: dict[tuple[int, tuple[int, ...]], int] = {}
    for k in roles:
        counts[k] = counts.get(k, 0) + 1
    return tuple(sorted((g, role, n) for (g, role), n in counts.items()))


@dataclass(frozen=True)
class Leximin:
    """The lottery's solutions and their probabilities.

    Attributes
    ----------
    solutions : list of Solution
        The support, one per key.
    probabilities : ndarray
        The probability of each solution (sums to 1).
    group : ndarray of int
        Each candidate's group (see :func:`groups_of`).
    reachable : ndarray of bool
        Per group: some near-optimal solution holds one of its members.
    near : NearOptimal
        The model (``best`` is F*, ``hours`` H*), for explaining who is never chosen.
    rounds : int
        Solutions priced in all.
    optimal : bool
        Every MILP was proven optimal and every stage converged (else a time limit or
        :data:`MAX_ROUNDS` was reached).
    """

    solutions: list[Solution]
    probabilities: FloatArray
    group: IntArray
    reachable: npt.NDArray[np.bool_]
    near: NearOptimal
    rounds: int
    optimal: bool


class _Columns:
    """The solutions found so far and the master LP over them."""

    def __init__(self, group: IntArray) -> None:
        self.group = group
        self.size = np.bincount(group).astype(float)
        self.solutions: list[Solution] = []
        self.keys: set[Key] = set()
        self.share: list[FloatArray] = []  # per solution: members of each group / its size

    def add(self, sol: Solution) -> bool:
        if sol.key in self.keys:
            return False
        self.keys.add(sol.key)
        self.solutions.append(sol)
        share = np.zeros(len(self.size))
        for g, _, n in sol.key:
            share[g] += n
        self.share.append(share / self.size)
        return True

    def master(
        self, active: IntArray, fixed: Mapping[int, float]
    ) -> tuple[FloatArray, FloatArray, float, float]:
        """Maximise the lowest probability of the active groups not fixed, keeping the
        fixed ones; returns (solution probabilities, duals per group, the dual of the
        sum, the lowest probability)."""
        C = len(self.solutions)
        A = np.array(self.share).T[active]  # groups × solutions
        free = np.array([g not in fixed for g in active.tolist()])
        a_ub = sp.hstack([sp.csr_array(-A), sp.csr_array(free[:, None].astype(float))]).tocsr()
        b_ub = np.array(
            [
                0.0 if f else -fixed[g] * (1 - FIX_REL)
                for g, f in zip(active.tolist(), free, strict=True)
            ]
        )
        a_eq = np.r_[np.ones(C), 0.0][None, :]
        c = np.r_[np.zeros(C), -1.0]
        bounds = [(0.0, None)] * C + [(0.0, 1.0)]
        out = run_lp(c, a_ub, b_ub, a_eq, [1.0], bounds)
        if out.x is None:  # pragma: no cover - the fixed values came from a feasible LP
            raise RuntimeError(f"the lottery's master LP failed ({out.status})")
        duals = np.zeros(len(self.size))
        duals[active] = np.maximum(-out.ineq_duals, 0.0)
        return out.x[:C], duals, float(-out.eq_duals[0]), float(out.x[C])


def leximin(
    problem: JointProblem,
    *,
    epsilon: float,
    hours_slack: float = 0.0,
    time_limit: float = EXACT_TIME_LIMIT,
) -> Leximin | None:
    """The LEXIMIN lottery over the near-optimal solutions of ``problem`` (see the module
    docstring), or None when no solution keeps the rules.

    Examples
    --------
    >>> from composer.datasets import random_joint_problem
    >>> lot = leximin(random_joint_problem(7, n=15), epsilon=0.01)
    >>> lot.probabilities.round(3).tolist()
    [0.5, 0.5]
    """
    near = NearOptimal.build(
        problem, epsilon=epsilon, hours_slack=hours_slack, time_limit=time_limit
    )
    if near is None:
        return None
    group = groups_of(problem)
    cols = _Columns(group)
    rounds = _initial(near, cols)
    reachable = np.zeros(len(cols.size), dtype=bool)
    for sol in cols.solutions:
        reachable[[g for g, _, _ in sol.key]] = True
    active = np.flatnonzero(reachable)
    fixed: dict[int, float] = {}
    # nobody in any solution: the one (empty) solution is certain
    probs = np.full(len(cols.solutions), 1.0 / len(cols.solutions))
    while len(fixed) < len(active):
        probs, rounds = _stage(near, cols, active, fixed, rounds)
    return Leximin(cols.solutions, _clean(probs), group, reachable, near, rounds, near.optimal)


def _initial(near: NearOptimal, cols: _Columns) -> int:
    """Solutions until every group that can be in one is in one: each round rewards the
    groups not yet met (1 per group), so each adds at least one group or proves the
    rest out."""
    group = cols.group
    covered = np.zeros(len(cols.size), dtype=bool)
    rounds = 0
    while True:
        w = np.where(covered[group], 0.0, 1.0 / cols.size[group])
        sol = near.heaviest(w, group)
        rounds += 1
        if sol is None:
            return rounds
        new = cols.add(sol)
        if sol.value <= 1e-9 or not new:
            return rounds
        covered[[g for g, _, _ in sol.key]] = True


def _stage(
    near: NearOptimal,
    cols: _Columns,
    active: IntArray,
    fixed: dict[int, float],
    rounds: int,
) -> tuple[FloatArray, int]:
    """One LEXIMIN stage: column generation until no solution improves the master LP,
    then the groups with a positive dual are fixed at the lowest probability."""
    for _ in range(MAX_ROUNDS):
        probs, duals, mu, z = cols.master(active, fixed)
        w = duals[cols.group] / cols.size[cols.group]
        sol = near.heaviest(w, cols.group)
        rounds += 1
        if sol is None or sol.value <= mu + PRICE_TOL or not cols.add(sol):
            break
    else:  # pragma: no cover - the safety valve: the stage's LEXIMIN is not proven
        near.optimal = False
    free = [g for g in active.tolist() if g not in fixed]
    tight = [g for g in free if duals[g] > DUAL_EPS]
    for g in tight or free:  # duals of the free groups sum to 1: someone is tight
        fixed[g] = z
    return probs, rounds


def _clean(probs: FloatArray) -> FloatArray:
    """Probabilities without the LP's negative dust, summing to 1."""
    p = np.maximum(np.asarray(probs, dtype=float), 0.0)
    p[p < 1e-12] = 0.0
    return p / p.sum()
