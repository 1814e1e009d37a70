"""The heuristic's shortlist: for every need and phase, the ``K`` candidates who cover it
best among those who may join that phase; for every phase and the core, the ``K`` who
would add most F to an empty network there (people who cover many needs fairly well and
are the best for none); the best members of every quota, the includes and the best core
fillers by fit. One pass over the sparse coverage, so the search after it costs the same
whatever the size of the pool."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .problem import JointProblem

__all__ = ["SHORTLIST_EXTRA", "shortlist", "widen"]

#: Candidates kept per need and phase by the shortlist (beyond the seats there are).
SHORTLIST_EXTRA = 10

IntArray = npt.NDArray[np.intp]


def shortlist(problem: JointProblem) -> IntArray:
    """Sorted indices of the candidates the heuristic considers (see the module
    docstring)."""
    n, P = problem.n, problem.n_phases
    can = _can(problem)
    seats = problem.core_max + problem.per_phase_max + SHORTLIST_EXTRA
    keep = np.zeros(n, dtype=bool)
    keep[problem.include] = True
    keep[list(problem.fixed)] = True
    csc = problem.coverage.tocsc()
    ok = np.column_stack([problem.core_ok, problem.phase_ok])  # n × (P + 1)
    for f in range(problem.m):
        lo, hi = csc.indptr[f], csc.indptr[f + 1]
        who, c = csc.indices[lo:hi], csc.data[lo:hi]
        for col in range(P + 1):
            if col and not problem.active[col - 1, f]:
                continue
            sel = ok[who, col]
            keep[_top(who[sel], c[sel], seats)] = True
    alone = problem.objective.gains_alone(problem.coverage)  # n × P
    fits = np.isnan(problem.hours)[:, None] | (
        problem.hours[:, None] + 1e-9 >= problem.phase_hours[None, :]
    )
    for p in range(P):
        able = np.flatnonzero(problem.phase_ok[:, p] & fits[:, p])
        keep[_top(able, alone[able, p], problem.per_phase_max + SHORTLIST_EXTRA)] = True
    core = np.flatnonzero(problem.core_ok)
    keep[_top(core, alone[core].sum(axis=1), problem.core_max + SHORTLIST_EXTRA)] = True
    rank = problem.score_or_zero
    for q in problem.quotas:
        mem = np.flatnonzero(q.members & can)
        keep[_top(mem, rank[mem], q.min + problem.core_max + problem.total_max)] = True
    keep[_top(core, problem.fit_or_zero[core], problem.core_max + SHORTLIST_EXTRA)] = True
    return np.flatnonzero(keep & can)


def widen(problem: JointProblem, rows: IntArray, also: IntArray | None) -> IntArray:
    """The shortlist ``rows`` with ``also`` (the LP relaxation's support) added, where
    they may take part, without a second pass over the pool."""
    if also is None:
        return rows
    return np.union1d(rows, also[_can(problem)[also]])


def _can(problem: JointProblem) -> npt.NDArray[np.bool_]:
    """Who may take part at all (in the core or in some phase)."""
    return np.asarray(problem.core_ok | problem.phase_ok.any(axis=1), dtype=bool)


def _top(idx: IntArray, val: npt.NDArray[np.float64], k: int) -> IntArray:
    """The ``k`` entries of ``idx`` with the highest ``val`` (ties by lower index)."""
    if len(idx) <= k:
        return idx
    order = np.lexsort((idx, -val))
    return idx[order[:k]]
