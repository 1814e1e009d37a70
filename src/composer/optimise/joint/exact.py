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
    evaluate,
)

__all__ = ["EXACT_TIME_LIMIT", "F_SLACK", "kept", "solve_exact"]

#: Safety valve (seconds) per stage; reaching it is reported, never used to choose.
EXACT_TIME_LIMIT = 120.0
#: HiGHS's presolve (measured faster on and off in benchmarks/bench_joint.py)
PRESOLVE = True
#: Relative gap at which a stage is proven optimal.
MIP_REL_GAP = 1e-6
#: F within this of the best counts as the best (then fewest person-hours decide).
F_SLACK = 0.01


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


def _solve(problem: JointProblem, time_limit: float, core_includes: int) -> JointSolution | None:
    """Solve with at least ``core_includes`` of the core-qualified includes in the core."""
    n, P = problem.n, problem.n_phases
    keep = kept(problem)
    cov = problem.coverage
    core_idx = np.flatnonzero(keep & problem.core_ok)
    if P > 1:
        pair_i, pair_p = np.nonzero(problem.phase_ok & keep[:, None])
    else:  # with one phase, every participant would attend every meeting: that is the core
        pair_i = pair_p = np.zeros(0, dtype=np.intp)
    part_idx = np.unique(pair_i)
    fp_f, fp_p = np.nonzero(problem.active.T)
    nx_, ny, nu, nt = len(core_idx), len(pair_i), len(part_idx), len(fp_f)
    ox, oy, ou, ot = 0, nx_, nx_ + ny, nx_ + ny + nu
    nv = ot + nt
    xpos = np.full(n, -1, dtype=np.intp)
    xpos[core_idx] = np.arange(nx_)
    upos = np.full(n, -1, dtype=np.intp)
    upos[part_idx] = np.arange(nu)
    rows = _Rows.empty()
    share = problem.need_share

    # coverage: d_f t_fp - sum_i c_if x_i - sum_i c_if y_ip <= 0
    csc = sp.csc_array(cov)
    pair_of = {(int(i), int(p)): k for k, (i, p) in enumerate(zip(pair_i, pair_p, strict=True))}
    for k, (f, p) in enumerate(zip(fp_f, fp_p, strict=True)):
        lo_, hi_ = csc.indptr[f], csc.indptr[f + 1]
        who, c = csc.indices[lo_:hi_], csc.data[lo_:hi_]
        cols = [ot + k]
        vals = [float(problem.demand[f])]
        sel = xpos[who] >= 0
        cols += (ox + xpos[who[sel]]).tolist()
        vals += (-c[sel]).tolist()
        for i, v in zip(who.tolist(), c.tolist(), strict=True):
            kk = pair_of.get((i, int(p)))
            if kk is not None:
                cols.append(oy + kk)
                vals.append(-v)
        rows.add(cols, vals, -np.inf, 0.0)

    # roles: y_ip <= u_i, sum_p y_ip >= u_i, sum_p y_ip <= P - 1, x_i + u_i <= 1, hours
    for k in range(ny):
        rows.add([oy + k, ou + upos[pair_i[k]]], [1.0, -1.0], -np.inf, 0.0)
    starts = np.searchsorted(pair_i, part_idx)
    ends = np.searchsorted(pair_i, part_idx, side="right")
    for j, i in enumerate(part_idx.tolist()):
        ks = np.arange(starts[j], ends[j])
        rows.add([ou + j, *(oy + ks)], [1.0, *([-1.0] * len(ks))], -np.inf, 0.0)
        if len(ks) == P:
            rows.add(oy + ks, 1.0, -np.inf, float(P - 1))
        if xpos[i] >= 0:
            rows.add([ox + xpos[i], ou + j], 1.0, -np.inf, 1.0)
        h = problem.hours[i]
        cost = problem.phase_hours[pair_p[ks]]
        if not np.isnan(h) and cost.sum() > h + 1e-9:
            rows.add(oy + ks, cost, -np.inf, float(h))
    # sizes
    rows.add(ox + np.arange(nx_), 1.0, float(problem.core_min), float(problem.core_max))
    for phase in range(P):
        ks = np.flatnonzero(pair_p == phase)
        if len(ks):
            rows.add(oy + ks, 1.0, -np.inf, float(problem.per_phase_max))
    if nu:
        rows.add(ou + np.arange(nu), 1.0, -np.inf, float(problem.total_max))
    # quotas
    for q in problem.quotas:
        mem = q.members
        cols_x = ox + xpos[core_idx[mem[core_idx]]]
        if q.scope == CORE:
            extra = np.zeros(0, dtype=np.intp)
        elif q.scope == NETWORK:
            extra = ou + upos[part_idx[mem[part_idx]]]
        else:
            ks = np.flatnonzero((pair_p == q.scope) & mem[pair_i])
            extra = oy + ks
        cols_q = np.concatenate([cols_x, extra])
        hi_q = np.inf if q.max is None else float(q.max)
        if len(cols_q) == 0:
            if q.min > 0:
                return None
            continue
        rows.add(cols_q, 1.0, float(q.min), hi_q)
    # include
    lb = np.zeros(nv)
    ub = np.ones(nv)
    inc_core = [i for i in problem.include.tolist() if xpos[i] >= 0]
    if core_includes and len(inc_core) == core_includes:
        lb[ox + xpos[inc_core]] = 1.0
    elif core_includes:
        rows.add(ox + xpos[inc_core], 1.0, float(core_includes), np.inf)
    for i in problem.include.tolist():
        cols_i = ([ox + xpos[i]] if xpos[i] >= 0 else []) + ([ou + upos[i]] if upos[i] >= 0 else [])
        if not cols_i:
            return None
        rows.add(cols_i, 1.0, 1.0, 1.0)
    for i, role in problem.fixed.items():
        if role is None:
            if xpos[i] < 0:
                return None
            lb[ox + xpos[i]] = 1.0
            continue
        if xpos[i] >= 0:
            ub[ox + xpos[i]] = 0.0
        for k in np.flatnonzero(pair_i == i).tolist():
            on = int(pair_p[k]) in role
            lb[oy + k] = ub[oy + k] = float(on)
        if set(role) - set(pair_p[pair_i == i].tolist()):
            return None
    integrality = np.r_[np.ones(nx_ + ny + nu), np.zeros(nt)]

    # stage 1: maximise F
    c1 = np.zeros(nv)
    c1[ot:] = -share[fp_f]
    cons = rows.constraint(nv)
    res1 = _milp(c1, cons, integrality, lb, ub, time_limit)
    if res1.x is None:
        return None
    optimal = res1.optimal
    F1 = float(-(res1.objective or 0.0))

    # stage 2: keep F, fewest person-hours, then the fit (and near twins)
    groups = [(g[xpos[g] >= 0], cap) for g, cap in problem.twins]
    groups = [(g, cap) for g, cap in groups if len(g) > cap]
    ne = len(groups)
    nv2 = nv + ne
    hours_c = np.zeros(nv2)
    hours_c[ox : ox + nx_] = problem.all_hours
    hours_c[oy : oy + ny] = problem.phase_hours[pair_p]
    tier = np.zeros(nv2)
    tier[ox : ox + nx_] = problem.fit_or_zero[core_idx]
    tier[ou : ou + nu] = PARTICIPANT_SCORE_SHARE * problem.score_or_zero[part_idx]
    tier[nv:] = -1.0
    unit = float(problem.phase_hours.min()) if P else 1.0
    top = (
        problem.core_max
        + PARTICIPANT_SCORE_SHARE * problem.total_max
        + sum(len(g) - cap for g, cap in groups)
        + 1
    )
    beta = 0.5 * unit / top
    c2 = hours_c - beta * tier
    rows2 = rows
    for g_k, (g, cap) in enumerate(groups):
        rows2.add([*(ox + xpos[g]), nv + g_k], [*([1.0] * len(g)), -1.0], -np.inf, float(cap))
    f_cols = ot + np.arange(nt)
    rows2.add(f_cols, share[fp_f], F1 - F_SLACK, np.inf)
    lb2 = np.r_[lb, np.zeros(ne)]
    ub2 = np.r_[ub, np.full(ne, np.inf)]
    integ2 = np.r_[integrality, np.zeros(ne)]
    x0 = res1.x
    res2 = _milp(c2, rows2.constraint(nv2), integ2, lb2, ub2, time_limit)
    if res2.x is not None:
        optimal = optimal and res2.optimal
        x = res2.x[:nv]
    else:  # pragma: no cover - stage 1's answer satisfies stage 2
        x = x0
    xr = np.round(np.asarray(x)).astype(int)
    core = tuple(int(i) for i in core_idx[xr[ox : ox + nx_] == 1])
    phases: dict[int, list[int]] = {}
    for kk in np.flatnonzero(xr[oy : oy + ny] == 1).tolist():
        phases.setdefault(int(pair_i[kk]), []).append(int(pair_p[kk]))
    phases_t = {i: tuple(sorted(p)) for i, p in sorted(phases.items())}
    F, H, fit = evaluate(problem, core, phases_t)
    note = "" if optimal else "time limit reached"
    return JointSolution(core, phases_t, F, H, fit, "exact", optimal, note)


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
