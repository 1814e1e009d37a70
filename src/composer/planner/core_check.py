"""Can the core alone keep its sizes and quotas? A small integer programme over the kinds
of candidates (those with the same quota memberships are interchangeable here), solved
through the one MILP wrapper, so its size does not grow with the pool."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy.optimize import Bounds, LinearConstraint

from ..optimise.joint import JointQuota
from ..optimise.milp import run_milp

__all__ = ["core_feasible", "fewest_and_most"]

BoolArray = npt.NDArray[np.bool_]


class _Kinds:
    """The free core candidates grouped by quota membership; the fixed ones counted."""

    def __init__(self, core_ok: BoolArray, fixed: BoolArray, quotas: Sequence[JointQuota]):
        free = core_ok & ~fixed
        mem = np.column_stack([q.members for q in quotas]) if quotas else np.zeros((len(free), 0))
        kinds, counts = np.unique(mem[free].astype(np.int8), axis=0, return_counts=True)
        self.kinds = kinds.reshape(len(counts), len(quotas)).astype(float)  # K × Q
        self.counts = counts.astype(float)
        self.fixed = int((fixed & core_ok).sum())
        self.fixed_in = mem[fixed & core_ok].sum(axis=0).astype(float)  # Q
        self.lo = np.array([q.min for q in quotas], dtype=float) - self.fixed_in
        self.hi = np.array([np.inf if q.max is None else q.max for q in quotas]) - self.fixed_in

    def solve(self, sizes: tuple[float, float] | None, sense: float) -> int | None:
        """The fewest (``sense`` 1) or most (-1) people in the core, or None: impossible.

        With ``sizes`` (min, max of the core) and ``sense`` 0: any core, its size."""
        rows, lo, hi = [self.kinds.T], [self.lo], [self.hi]
        if sizes is not None:
            rows.append(np.ones((1, len(self.counts))))
            lo.append(np.array([sizes[0] - self.fixed], dtype=float))
            hi.append(np.array([sizes[1] - self.fixed], dtype=float))
        A, low, high = np.vstack(rows), np.concatenate(lo), np.concatenate(hi)
        if (low > high + 1e-9).any() or (high < -1e-9).any():
            return None
        if not len(self.counts):
            return self.fixed if (low <= 1e-9).all() else None
        out = run_milp(
            np.full(len(self.counts), float(sense)),
            LinearConstraint(A, low, high) if len(A) else [],
            np.ones(len(self.counts)),
            Bounds(np.zeros(len(self.counts)), self.counts),
        )
        if out.x is None:
            return None
        return self.fixed + round(float(out.x.sum()))


def core_feasible(
    core_ok: BoolArray,
    fixed: BoolArray,
    quotas: Sequence[JointQuota],
    sizes: tuple[int, int],
) -> bool:
    """Whether a core of ``sizes`` (min, max) exists among ``core_ok`` that holds everyone
    ``fixed`` in it and keeps every quota (each counted over the core alone)."""
    return _Kinds(core_ok, fixed, quotas).solve((float(sizes[0]), float(sizes[1])), 0.0) is not None


def fewest_and_most(
    core_ok: BoolArray, fixed: BoolArray, quotas: Sequence[JointQuota], n: int
) -> tuple[int | None, int | None]:
    """The fewest and the most people a core can hold under the quotas alone (None: no
    core keeps them)."""
    kinds = _Kinds(core_ok, fixed, quotas)
    return kinds.solve((0.0, float(n)), 1.0), kinds.solve((0.0, float(n)), -1.0)
