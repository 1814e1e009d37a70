"""The exact mixed-integer programme of the coverage problem (HiGHS via :mod:`.milp`).

Variables: ``x_i`` in {0, 1} (candidate ``i`` chosen) and ``y_f`` in [0, 1] (the met
share of need ``f``, for needs with a positive weight). Maximise
:math:`\\sum_f w_f y_f + \\lambda \\sum_i s_i x_i` subject to
:math:`d_f y_f \\le \\sum_i c_{if} x_i`, the size limits, one row per binding quota, and
the bounds fixing include (1) and exclude (0).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from composer.optimise.milp import run_milp
from composer.optimise.problem import CoverageProblem, IntArray, Selection, _objective
from composer.optimise.types import _Types

#: HiGHS's presolve on the coverage model. Off: on the planner's core problems it costs
#: far more than it saves, and HiGHS does not check the time limit inside it
#: (``benchmarks/bench_milp_presolve.py``: 15,016 candidates proven optimal in 8-10 s
#: without, 74-83 s with).
EXACT_PRESOLVE = False


def _is_feasible(problem: CoverageProblem, types: _Types, selected: IntArray) -> bool:
    """Whether ``selected`` meets the sizes, quotas, include and exclude."""
    chosen = np.zeros(problem.n_candidates, dtype=bool)
    chosen[selected] = True
    return (
        problem.min_size <= selected.size <= problem.max_size
        and bool(chosen[problem.include].all())
        and not bool(chosen[problem.exclude].any())
        and types.valid(types.counts_of(selected))
    )


def _exact(
    problem: CoverageProblem,
    types: _Types,
    time_limit: float | None,
    presolve: bool = EXACT_PRESOLVE,
) -> tuple[Selection | None, float | None, str]:
    """Solve the MILP. Returns (selection or None, proven upper bound or None, message)."""
    from scipy.optimize import Bounds, LinearConstraint

    n = problem.n_candidates
    used = np.flatnonzero(problem.weights > 0)
    k = used.size
    coverage_t = sp.csr_array(problem.coverage.T)[used]
    # demand[f] * y_f - sum_i c_if x_i <= 0
    need_rows = sp.hstack(
        [-coverage_t, sp.diags_array(problem.demand[used], format="csr")], format="csr"
    )
    blocks = [need_rows]
    lbs = [np.full(k, -np.inf)]
    ubs = [np.zeros(k)]
    size_row = sp.csr_array(np.concatenate([np.ones(n), np.zeros(k)])[None, :])
    blocks.append(size_row)
    lbs.append(np.array([float(problem.min_size)]))
    ubs.append(np.array([float(problem.max_size)]))
    for q in types.quota_ids:
        quota = problem.quotas[q]
        members = np.asarray(quota.members, dtype=np.intp)
        row = sp.csr_array(
            (np.ones(members.size), (np.zeros(members.size, dtype=np.intp), members)),
            shape=(1, n + k),
        )
        blocks.append(row)
        lbs.append(np.array([float(quota.min)]))
        ubs.append(np.array([np.inf if quota.max is None else float(quota.max)]))
    matrix = sp.vstack(blocks, format="csr")
    lower = np.zeros(n + k)
    upper = np.ones(n + k)
    lower[problem.include] = 1.0
    upper[problem.exclude] = 0.0
    cost = -np.concatenate([problem.score_weight * problem.scores, problem.weights[used]])
    integrality = np.concatenate([np.ones(n), np.zeros(k)])
    if cost.size == 0:  # no candidates and no needs: the empty selection
        empty = np.zeros(0, dtype=np.intp)
        return Selection(empty, 0.0, "exact", True, 0.0, "nothing to choose"), 0.0, ""
    res = run_milp(
        cost,
        LinearConstraint(matrix, np.concatenate(lbs), np.concatenate(ubs)),
        integrality,
        Bounds(lower, upper),
        time_limit=time_limit,
        presolve=presolve,
        mip_rel_gap=0.0,
    )
    dual = res.dual_bound
    bound = None if dual is None else -dual
    if res.x is None:
        return None, bound, f"HiGHS: {res.message}"
    selected = np.flatnonzero(res.x[:n] > 0.5).astype(np.intp)
    if not _is_feasible(problem, types, selected):  # pragma: no cover - HiGHS tolerances
        return None, bound, f"HiGHS returned a selection that breaks a constraint ({res.message})"
    value = _objective(problem, selected)
    optimal = res.optimal
    if optimal:
        bound = value if bound is None else max(bound, value)
    elif bound is not None:
        bound = max(bound, value)
    gap = "" if bound is None else f" (upper bound {bound:.6g})"
    message = "HiGHS proved optimality" if optimal else f"HiGHS stopped: {res.message}{gap}"
    return Selection(selected, value, "exact", optimal, bound, message), bound, message
