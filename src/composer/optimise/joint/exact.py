"""The exact joint model: a mixed-integer programme solved by HiGHS, in two stages.

Variables: ``x_i`` (core), ``y_ip`` (participant ``i`` in phase ``p``), ``u_i``
(participant at all), ``t_fp`` in [0, 1] (share of need ``f`` met in phase ``p``) and,
in the second stage, ``e_g`` >= 0 (near twins beyond their cap). Stage 1 maximises
:math:`F = \\sum_{f,p} w_f / |P_f| \\cdot t_{fp}` with
:math:`d_f t_{fp} \\le \\sum_i c_{if} (x_i + y_{ip})`; stage 2 keeps :math:`F` at its
optimum and minimises person-hours less a small multiple of the fit (small enough never
to outweigh one meeting's hours), so the tiers of :mod:`composer.joint.problem` hold.

Candidates who cover nothing and count for no quota can only fill core seats; all but the
``core_max`` best of them by fit are left out of the model, which does not change its
optimum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint

from ..milp import MilpOutcome, run_milp
from .problem import (
    CORE,
    NETWORK,
    PARTICIPANT_SCORE_SHARE,
    JointProblem,
    JointSolution,
    by_id,
    evaluate,
    rule_violations,
)

__all__ = ["EXACT_TIME_LIMIT", "kept", "relaxation", "rules_model", "solve_exact"]

#: Safety valve (seconds) per stage; reaching it is reported, never used to choose.
EXACT_TIME_LIMIT = 120.0
#: HiGHS's presolve (measured faster on and off in benchmarks/bench_joint.py)
PRESOLVE = True
#: Relative gap at which a stage is proven optimal.
MIP_REL_GAP = 1e-6


@dataclass
class _Rows:
    """Sparse constraint rows collected as COO triplets."""

    rows: list[np.ndarray]
    cols: list[np.ndarray]
    vals: list[np.ndarray]
    lo: list[float]
    hi: list[float]

    @classmethod
    def empty(cls) -> _Rows:
        return cls([], [], [], [], [])

    def add(self, cols: Sequence[int] | np.ndarray, vals: float | Sequence[float] | np.ndarray,
            lo: float, hi: float) -> None:  # fmt: skip
        r = len(self.lo)
        cols = np.asarray(cols, dtype=np.intp)
        self.rows.append(np.full(len(cols), r, dtype=np.intp))
        self.cols.append(cols)
        self.vals.append(np.asarray(vals, dtype=float) * np.ones(len(cols)))
        self.lo.append(lo)
        self.hi.append(hi)

    def block(self, row: np.ndarray, cols: np.ndarray, vals: np.ndarray, hi: np.ndarray) -> None:
        """Rows ``<= hi`` at once: entry ``e`` goes to the ``row[e]``-th new row."""
        r = len(self.lo)
        self.rows.append(np.asarray(row, dtype=np.intp) + r)
        self.cols.append(np.asarray(cols, dtype=np.intp))
        self.vals.append(np.asarray(vals, dtype=float))
        self.lo.extend([-np.inf] * len(hi))
        self.hi.extend(np.asarray(hi, dtype=float).tolist())

    def constraint(self, nv: int) -> LinearConstraint | None:
        if not self.lo:
            return None
        A = sp.csr_array(
            (np.concatenate(self.vals), (np.concatenate(self.rows), np.concatenate(self.cols))),
            shape=(len(self.lo), nv),
        )
        return LinearConstraint(A, np.array(self.lo), np.array(self.hi))


def kept(problem: JointProblem) -> np.ndarray:
    """Candidates worth modelling (see the module docstring)."""
    cov = problem.coverage
    covers = np.diff(cov.indptr) > 0
    can = problem.core_ok | problem.phase_ok.any(axis=1)
    special = covers.copy()
    for q in problem.quotas:
        special |= q.members
    special[problem.include] = True
    special[list(problem.fixed)] = True
    keep = can & special
    fillers = np.flatnonzero(can & ~special & problem.core_ok)
    if len(fillers):
        fit = problem.fit_or_zero[fillers]
        order = np.lexsort((fillers, -fit))
        keep[fillers[order[: problem.core_max]]] = True
    return keep


def solve_exact(
    problem: JointProblem, *, time_limit: float = EXACT_TIME_LIMIT
) -> JointSolution | None:
    """The best solution by the tiers, or None when the rules cannot all be met.

    An included person who may sit in the core is put there; when that makes the rules
    impossible, as many of them as possible are, and the others join as phase
    participants.
    """
    core_inc = int(problem.core_ok[problem.include].sum())
    for k in range(min(core_inc, problem.core_max), -1, -1):
        sol = _solve(problem, time_limit, k)
        if sol is not None:
            return sol
    return None


class _Model:
    """The variables of the MILP and where each block of them starts."""

    def __init__(self, problem: JointProblem) -> None:
        self.pr = problem
        n, P = problem.n, problem.n_phases
        keep = kept(problem)
        self.core_idx = np.flatnonzero(keep & problem.core_ok)
        if P > 1:
            self.pair_i, self.pair_p = np.nonzero(problem.phase_ok & keep[:, None])
        else:  # with one phase a participant would attend every meeting: that is the core
            self.pair_i = self.pair_p = np.zeros(0, dtype=np.intp)
        self.part_idx = np.unique(self.pair_i)
        self.fp_f, self.fp_p = np.nonzero(problem.active.T)
        self.nx, self.ny = len(self.core_idx), len(self.pair_i)
        self.nu, self.nt = len(self.part_idx), len(self.fp_f)
        self.ox, self.oy = 0, self.nx
        self.ou, self.ot = self.nx + self.ny, self.nx + self.ny + self.nu
        self._dropout_layout()
        self.xpos = np.full(n, -1, dtype=np.intp)
        self.xpos[self.core_idx] = np.arange(self.nx)
        self.upos = np.full(n, -1, dtype=np.intp)
        self.upos[self.part_idx] = np.arange(self.nu)
        self.pairpos = np.full((n, max(P, 1)), -1, dtype=np.intp)
        self.pairpos[self.pair_i, self.pair_p] = np.arange(self.ny)
        self.rows = _Rows.empty()
        self.lb = np.zeros(self.nv)
        self.ub = np.ones(self.nv)
        if self.pr.resilient:
            self.ub[self.oz] = np.inf

    def _dropout_layout(self) -> None:
        """With ``resilient``: z (the worst F after one dropout) and, per candidate ``j``
        who covers something, ``r_jfp`` (share of need f met in phase p without ``j``)."""
        self.oz = self.ot + self.nt
        self.drop: list[tuple[int, int, int]] = []  # (j, k of (f, p), f)
        if self.pr.resilient:
            cov = self.pr.coverage.tocsr()
            fp = {
                (int(f), int(p)): k
                for k, (f, p) in enumerate(zip(self.fp_f, self.fp_p, strict=True))
            }
            for j in np.union1d(self.core_idx, self.part_idx).tolist():
                for f in cov.indices[cov.indptr[j] : cov.indptr[j + 1]].tolist():
                    self.drop += [
                        (j, fp[(f, p)], f) for p in range(self.pr.n_phases) if (f, p) in fp
                    ]
        self.nr = len(self.drop)
        self.ores = self.oz + int(self.pr.resilient)
        self.nv = self.ores + self.nr

    def dropout_rows(self) -> None:
        """d_f r_jfp <= cov(f, p) without j; z <= F without j, for every j; z <= F."""
        if not self.pr.resilient:
            return
        csc = sp.csc_array(self.pr.coverage)
        share = self.pr.objective.share
        t_all = self.ot + np.arange(self.nt)
        self.rows.add([self.oz, *t_all], [1.0, *(-share[self.fp_f])], -np.inf, 0.0)
        by_j: dict[int, list[int]] = {}
        for r, (j, k, f) in enumerate(self.drop):
            by_j.setdefault(j, []).append(r)
            p = int(self.fp_p[k])
            who = csc.indices[csc.indptr[f] : csc.indptr[f + 1]]
            c = csc.data[csc.indptr[f] : csc.indptr[f + 1]]
            other = who != j
            who, c = who[other], c[other]
            in_core = self.xpos[who] >= 0
            pair = self.pairpos[who, p] if self.ny else np.full(len(who), -1)
            cols = np.concatenate(
                [[self.ores + r], self.ox + self.xpos[who[in_core]], self.oy + pair[pair >= 0]]
            )
            vals = np.concatenate([[float(self.pr.demand[f])], -c[in_core], -c[pair >= 0]])
            self.rows.add(cols, vals, -np.inf, 0.0)
            self.ub[self.ores + r] = 1.0
        for rs in by_j.values():
            hit = {self.drop[r][1] for r in rs}
            rest = [k for k in range(self.nt) if k not in hit]
            cols_z = np.concatenate(
                [[self.oz], self.ores + np.array(rs), self.ot + np.array(rest, dtype=int)]
            )
            vals_z = np.concatenate(
                [[1.0], -share[[self.drop[r][2] for r in rs]], -share[self.fp_f[rest]]]
            )
            self.rows.add(cols_z, vals_z, -np.inf, 0.0)

    # ------------------------------------------------------------------ blocks
    def coverage_rows(self) -> None:
        """d_f t_fp - sum_i c_if x_i - sum_i c_if y_ip <= 0."""
        csc = sp.csc_array(self.pr.coverage)
        for k, (f, p) in enumerate(zip(self.fp_f.tolist(), self.fp_p.tolist(), strict=True)):
            who = csc.indices[csc.indptr[f] : csc.indptr[f + 1]]
            c = csc.data[csc.indptr[f] : csc.indptr[f + 1]]
            in_core = self.xpos[who] >= 0
            pair = self.pairpos[who, p] if self.ny else np.full(len(who), -1)
            in_phase = pair >= 0
            cols = np.concatenate(
                [[self.ot + k], self.ox + self.xpos[who[in_core]], self.oy + pair[in_phase]]
            )
            vals = np.concatenate([[float(self.pr.demand[f])], -c[in_core], -c[in_phase]])
            self.rows.add(cols, vals, -np.inf, 0.0)

    def role_rows(self) -> None:
        """y_ip <= u_i; sum_p y_ip >= u_i; not every phase; one role; hours.

        Built as whole blocks (one entry array each), in the row order of one participant
        after another: the same matrix a row-by-row loop gives, without its cost at scale.
        """
        pr, P, ny, nu = self.pr, self.pr.n_phases, self.ny, self.nu
        k = np.arange(ny)
        j_of = self.upos[self.pair_i]  # each pair's participant
        self.rows.block(
            np.repeat(k, 2),
            np.column_stack([self.oy + k, self.ou + j_of]).ravel(),
            np.tile([1.0, -1.0], ny),
            np.zeros(ny),
        )
        j = np.arange(nu)
        n_ks = np.bincount(j_of, minlength=nu)
        cost_k = pr.phase_hours[self.pair_p]
        padded = np.zeros((nu, max(P, 1)))
        padded[j_of, k - np.searchsorted(j_of, j_of)] = cost_k
        hours = pr.hours[self.part_idx]
        full = n_ks == P
        core = self.xpos[self.part_idx] >= 0
        over = ~np.isnan(hours) & (padded.sum(axis=1) > hours + 1e-9)
        # each participant's rows: at least one, then one per rule that applies
        count = 1 + full.astype(np.intp) + core + over
        first = np.cumsum(count) - count
        r_full = first + 1
        r_core = r_full + full
        r_over = r_core + core
        on_full, on_over = full[j_of], over[j_of]
        row = np.concatenate(
            [first, first[j_of], r_full[j_of][on_full], np.repeat(r_core[core], 2),
             r_over[j_of][on_over]]
        )  # fmt: skip
        col = np.concatenate(
            [self.ou + j, self.oy + k, self.oy + k[on_full],
             np.column_stack([self.ox + self.xpos[self.part_idx[core]], self.ou + j[core]]).ravel(),
             self.oy + k[on_over]]
        )  # fmt: skip
        val = np.concatenate(
            [np.ones(nu), -np.ones(ny), np.ones(int(on_full.sum())), np.ones(2 * int(core.sum())),
             cost_k[on_over]]
        )  # fmt: skip
        hi = np.zeros(int(count.sum()))
        hi[r_full[full]] = float(P - 1)
        hi[r_core[core]] = 1.0
        hi[r_over[over]] = hours[over]
        self.rows.block(row, col, val, hi)

    def size_rows(self) -> None:
        """core_min..core_max; per_phase_max; total_max."""
        pr = self.pr
        self.rows.add(self.ox + np.arange(self.nx), 1.0, float(pr.core_min), float(pr.core_max))
        for phase in range(pr.n_phases):
            ks = np.flatnonzero(self.pair_p == phase)
            if len(ks):
                self.rows.add(self.oy + ks, 1.0, -np.inf, float(pr.per_phase_max))
        if self.nu:
            self.rows.add(self.ou + np.arange(self.nu), 1.0, -np.inf, float(pr.total_max))

    def quota_rows(self) -> bool:
        """Every quota by its scope; False when one cannot be met by anyone modelled."""
        for q in self.pr.quotas:
            mem = q.members
            cols = [self.ox + self.xpos[self.core_idx[mem[self.core_idx]]]]
            if q.scope == NETWORK:
                cols.append(self.ou + self.upos[self.part_idx[mem[self.part_idx]]])
            elif q.scope != CORE:
                cols.append(self.oy + np.flatnonzero((self.pair_p == q.scope) & mem[self.pair_i]))
            cols_q = np.concatenate(cols)
            if len(cols_q):
                self.rows.add(cols_q, 1.0, float(q.min), np.inf if q.max is None else float(q.max))
            elif q.min > 0:
                return False
        return True

    def include_rows(self, core_includes: int) -> bool:
        """Includes are in; at least ``core_includes`` of those who qualify are core."""
        inc = self.pr.include.tolist()
        inc_core = [i for i in inc if self.xpos[i] >= 0]
        if core_includes and len(inc_core) == core_includes:
            self.lb[self.ox + self.xpos[inc_core]] = 1.0
        elif core_includes:
            self.rows.add(self.ox + self.xpos[inc_core], 1.0, float(core_includes), np.inf)
        for i in inc:
            cols = [self.ox + self.xpos[i]] if self.xpos[i] >= 0 else []
            cols += [self.ou + self.upos[i]] if self.upos[i] >= 0 else []
            if not cols:
                return False
            self.rows.add(cols, 1.0, 1.0, 1.0)
        return True

    def fixed_bounds(self) -> bool:
        """Kept roles as bounds; False when a kept role is not possible."""
        for i, role in self.pr.fixed.items():
            if role is None:
                if self.xpos[i] < 0:
                    return False
                self.lb[self.ox + self.xpos[i]] = 1.0
                continue
            if self.xpos[i] >= 0:
                self.ub[self.ox + self.xpos[i]] = 0.0
            if any(self.pairpos[i, p] < 0 for p in role):
                return False
            for k in np.flatnonzero(self.pair_i == i).tolist():
                self.lb[self.oy + k] = self.ub[self.oy + k] = float(int(self.pair_p[k]) in role)
        return True

    def build(self, core_includes: int) -> bool:
        """Every row of the rules; False when one cannot be met by anyone modelled."""
        self.coverage_rows()
        self.dropout_rows()
        self.role_rows()
        self.size_rows()
        return self.quota_rows() and self.include_rows(core_includes) and self.fixed_bounds()

    # ------------------------------------------------------------------ stages
    def integrality(self, extra: int = 0) -> np.ndarray:
        ints = self.nx + self.ny + self.nu
        return np.r_[np.ones(ints), np.zeros(self.nv - ints + extra)]

    def _objective_row(self) -> tuple[list[int], list[float]]:
        """The first tier: F, or with ``resilient`` z (the worst F after one dropout)."""
        if self.pr.resilient:
            return [self.oz], [1.0]
        cols = (self.ot + np.arange(self.nt)).tolist()
        return cols, self.pr.objective.share[self.fp_f].tolist()

    def first_tier(self, x: np.ndarray | None) -> float:
        """The first tier's value (F, or z with ``resilient``) of the solution ``x`` itself
        (not HiGHS's reported objective, which the MIP gap may put a hair above it)."""
        if x is None:
            return -np.inf
        cols, vals = self._objective_row()
        return float(np.dot(np.asarray(x)[cols], vals))

    def stage1(self, time_limit: float) -> MilpOutcome:
        """Maximise F (or the worst F after one dropout)."""
        c = np.zeros(self.nv)
        cols, vals = self._objective_row()
        c[cols] = -np.asarray(vals)
        cons = self.rows.constraint(self.nv)
        return _milp(c, cons, self.integrality(), self.lb, self.ub, time_limit)

    def stage_coverage(self, z1: float, time_limit: float) -> MilpOutcome:
        """With ``resilient``: keep the worst dropout's F >= z1 - slack, maximise F.

        Returns the outcome with ``objective`` = minus the worst dropout's F of the answer
        (what stage 2 holds next), so F is then held by a row of its own."""
        self.rows.add([self.oz], [1.0], z1 - self.pr.objective.slack, np.inf)
        c = np.zeros(self.nv)
        c[self.ot : self.ot + self.nt] = -self.pr.objective.share[self.fp_f]
        out = _milp(
            c, self.rows.constraint(self.nv), self.integrality(), self.lb, self.ub, time_limit
        )
        if out.x is not None:
            F = float(-(out.objective or 0.0))
            cols = (self.ot + np.arange(self.nt)).tolist()
            self.rows.add(
                cols, self.pr.objective.share[self.fp_f], F - self.pr.objective.slack, np.inf
            )
            return MilpOutcome(
                out.x, out.status, out.optimal, -float(out.x[self.oz]), out.dual_bound, out.message
            )
        return out

    def stage2(self, F1: float, time_limit: float) -> MilpOutcome:
        """Keep F >= F1 - slack (:attr:`Objective.slack`); fewest person-hours, then the fit and near twins."""
        pr = self.pr
        groups = [(g[self.xpos[g] >= 0], cap) for g, cap in pr.twins]
        groups = [(g, cap) for g, cap in groups if len(g) > cap]
        ne = len(groups)
        nv2 = self.nv + ne
        hours = np.zeros(nv2)
        hours[self.ox : self.ox + self.nx] = pr.all_hours
        hours[self.oy : self.oy + self.ny] = pr.phase_hours[self.pair_p]
        tier = np.zeros(nv2)
        tier[self.ox : self.ox + self.nx] = pr.fit_or_zero[self.core_idx]
        tier[self.ou : self.ou + self.nu] = (
            PARTICIPANT_SCORE_SHARE * pr.score_or_zero[self.part_idx]
        )
        tier[self.nv :] = -1.0
        # the whole third tier is worth less than half of the smallest step in hours
        top = (
            pr.core_max
            + PARTICIPANT_SCORE_SHARE * pr.total_max
            + sum(len(g) - cap for g, cap in groups)
            + 1
        )
        beta = 0.5 * _hour_step(pr.phase_hours) / top
        for k, (g, cap) in enumerate(groups):
            self.rows.add([*(self.ox + self.xpos[g]), self.nv + k], [*([1.0] * len(g)), -1.0],
                          -np.inf, float(cap))  # fmt: skip
        cols, vals = self._objective_row()
        self.rows.add(cols, vals, F1 - self.pr.objective.slack, np.inf)
        lb = np.r_[self.lb, np.zeros(ne)]
        ub = np.r_[self.ub, np.full(ne, np.inf)]
        self.hours2, self.bounds2 = hours, (lb, ub)
        cons = self.rows.constraint(nv2)
        return _milp(hours - beta * tier, cons, self.integrality(ne), lb, ub, time_limit)

    def stage3(self, x2: np.ndarray, time_limit: float) -> MilpOutcome:
        """The people of stage 2 in their roles and its hours held: each participant's
        phases chosen for the most F. Two choices of phases can tie on the hours and the
        fit; the solver would then return either, and which one would depend on the order
        of the rows, so F decides among them."""
        hours = self.hours2
        nv2, ne = len(hours), len(hours) - self.nv
        lb, ub = (b.copy() for b in self.bounds2)
        held = np.r_[self.ox + np.arange(self.nx), self.ou + np.arange(self.nu)].astype(np.intp)
        lb[held] = ub[held] = np.round(np.asarray(x2)[held])
        cols = np.flatnonzero(hours)
        self.rows.add(cols, hours[cols], -np.inf, float(hours @ np.round(x2[:nv2])) + 1e-6)
        c = np.zeros(nv2)
        c[self.ot : self.ot + self.nt] = -self.pr.objective.share[self.fp_f]
        cons = self.rows.constraint(nv2)
        return _milp(c, cons, self.integrality(ne), lb, ub, time_limit)

    def phases_settled(self, x2: np.ndarray) -> bool:
        """Whether every participant of stage 2 has each phase fixed by a bound (a role
        kept by ``fixed``: the dropouts and ``replace`` keep everyone but one newcomer):
        stage 3 could then only return stage 2's answer, so it is not solved."""
        taking = self.part_idx[np.round(np.asarray(x2)[self.ou : self.ou + self.nu]) == 1]
        mine = self.oy + np.flatnonzero(np.isin(self.pair_i, taking))
        return bool(np.all(self.lb[mine] == self.ub[mine]))

    def decode(self, x: np.ndarray) -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
        """The core and each participant's phases from a solution vector."""
        xr = np.round(np.asarray(x)[: self.nv]).astype(int)
        core = tuple(int(i) for i in self.core_idx[xr[self.ox : self.ox + self.nx] == 1])
        phases: dict[int, list[int]] = {}
        for k in np.flatnonzero(xr[self.oy : self.oy + self.ny] == 1).tolist():
            phases.setdefault(int(self.pair_i[k]), []).append(int(self.pair_p[k]))
        return core, {i: tuple(sorted(p)) for i, p in sorted(phases.items())}


def relaxation(problem: JointProblem) -> tuple[float | None, np.ndarray | None]:
    """The LP relaxation of the first stage: an upper bound on the first tier of every
    network that keeps the rules, and each candidate's weight in the LP's answer (their
    core share plus their phase shares), or ``(None, None)`` when even the relaxation
    has no answer. The heuristic reports the bound and searches the LP's support too."""
    model = _Model(problem)
    if model.nv == 0 or not model.build(0):
        return None, None
    c = np.zeros(model.nv)
    cols, vals = model._objective_row()
    c[cols] = -np.asarray(vals)
    cons = model.rows.constraint(model.nv)
    out = _milp(c, cons, np.zeros(model.nv), model.lb, model.ub, EXACT_TIME_LIMIT)
    if out.x is None or out.objective is None:
        return None, None
    weight = np.zeros(problem.n)
    weight[model.core_idx] += out.x[model.ox : model.ox + model.nx]
    np.add.at(weight, model.pair_i, out.x[model.oy : model.oy + model.ny])
    return -out.objective, weight


def _solve(problem: JointProblem, time_limit: float, core_includes: int) -> JointSolution | None:
    """Solve with at least ``core_includes`` of the core-qualified includes in the core."""
    model = _Model(problem)
    if model.nv == 0:  # nobody to model: the empty network, if the rules allow it
        return _empty(problem)
    if not model.build(core_includes):
        return None
    res1 = model.stage1(time_limit)
    if res1.x is None:
        return None
    if problem.resilient:  # then the coverage itself, with the worst dropout held
        res1b = model.stage_coverage(float(-(res1.objective or 0.0)), time_limit)
        res1 = res1b if res1b.x is not None else res1
    res2 = model.stage2(model.first_tier(res1.x), time_limit)
    best = res2 if res2.x is not None else res1
    statuses = [res1.status, res2.status]
    if res2.x is not None and model.nu and not model.phases_settled(res2.x):
        res3 = model.stage3(res2.x, time_limit)
        best = res3 if res3.x is not None else res2
        statuses.append(res3.status)
    assert best.x is not None
    core, phases = by_id(problem, *model.decode(best.x))
    F, H, fit = evaluate(problem, core, phases)
    optimal = res1.optimal and res2.optimal
    limited = "time_limit" in statuses
    note = "time limit reached" if limited else ("" if optimal else res2.message)
    return JointSolution(core, phases, F, H, fit, "exact", optimal, note, _bound(res1, F))


def _bound(res1: MilpOutcome, F: float) -> float | None:
    """The first stage's proven upper bound on the first tier (never below the answer's
    own value: HiGHS proves within its relative gap); None when HiGHS proved none."""
    if res1.dual_bound is not None:
        return max(F, -res1.dual_bound)
    return F if res1.optimal else None


def _hour_step(phase_hours: np.ndarray) -> float:
    """The smallest positive difference two person-hour totals can have: the greatest
    common divisor of the phases' hours (to a thousandth of an hour)."""
    scaled = np.round(np.asarray(phase_hours, dtype=float) * 1000).astype(np.int64)
    scaled = scaled[scaled > 0]
    return max(float(np.gcd.reduce(scaled)) / 1000, 1e-3) if len(scaled) else 1.0


def _empty(problem: JointProblem) -> JointSolution | None:
    if rule_violations(problem, (), {}):
        return None
    F, H, fit = evaluate(problem, (), {})
    return JointSolution((), {}, F, H, fit, "exact", True, "", F)


def _milp(c: np.ndarray, cons: LinearConstraint | None, integrality: np.ndarray,
          lb: np.ndarray, ub: np.ndarray, time_limit: float) -> MilpOutcome:  # fmt: skip
    return run_milp(
        c,
        [cons] if cons is not None else [],
        integrality,
        Bounds(lb, ub),
        time_limit=time_limit,
        presolve=PRESOLVE,
        mip_rel_gap=MIP_REL_GAP,
    )


def rules_model(problem: JointProblem, core_includes: int) -> _Model | None:
    """The MILP's variables with every rule's rows and bounds and no objective (for other
    objectives over the same rules: the lottery's pricing in
    :mod:`composer.optimise.joint.leximin`); None when a rule cannot be met by anyone
    modelled. ``core_includes`` as in :func:`solve_exact`."""
    model = _Model(problem)
    return model if model.build(core_includes) else None
