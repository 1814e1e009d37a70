"""Quotas seen through candidate types: can a partial selection still be completed?

A candidate's type is the set of quotas it belongs to. Whether a partial selection can
still be completed depends only on the per-quota counts, the free slots and how many
candidates of each type are left, so every greedy step and every swap is checked exactly
on that small problem, and the search never ends in a dead end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from composer.optimise.milp import run_milp
from composer.optimise.problem import BoolArray, CoverageProblem, IntArray

#: Search nodes the type-level completion check may visit before it asks HiGHS instead.
_DFS_NODE_BUDGET = 20_000


class _Budget(Exception):
    """The completion check's search went over its node budget."""


class _Types:
    """The quotas seen through candidate types (the set of quotas a candidate is in).

    Prior validation of the problem is assumed.
    """

    def __init__(self, problem: CoverageProblem) -> None:
        n = problem.n_candidates
        self.problem = problem
        # Quotas that can bind; the others are ignored by the search.
        self.quota_ids = [
            k
            for k, q in enumerate(problem.quotas)
            if q.min > 0 or (q.max is not None and q.max < min(n, problem.max_size))
        ]
        quotas = [problem.quotas[k] for k in self.quota_ids]
        self.lo = tuple(q.min for q in quotas)
        self.hi = tuple(q.max for q in quotas)
        self.lo_arr = np.array(self.lo, dtype=np.int64)
        self.hi_arr = np.array([np.inf if h is None else h for h in self.hi], dtype=np.float64)
        n_q = len(quotas)
        member: npt.NDArray[Any]
        if n_q <= 16:
            code = np.zeros(n, dtype=np.int64)
            for bit, q in enumerate(quotas):
                code[np.asarray(q.members, dtype=np.intp)] |= np.int64(1) << bit
            present = np.flatnonzero(np.bincount(code, minlength=1 << n_q))
            lut = np.full(1 << n_q, -1, dtype=np.intp)
            lut[present] = np.arange(present.size)
            self.type_of: IntArray = lut[code]
            bits = np.arange(n_q, dtype=np.int64)
            member = (present[:, None] >> bits[None, :]) & 1
        else:  # many quotas (e.g. one per group of near-identical candidates)
            flags = np.zeros((n, n_q), dtype=bool)
            for bit, q in enumerate(quotas):
                flags[np.asarray(q.members, dtype=np.intp), bit] = True
            packed = np.packbits(flags, axis=1, bitorder="little")
            rows, inverse = np.unique(packed, axis=0, return_inverse=True)
            self.type_of = inverse.reshape(-1).astype(np.intp)
            member = np.unpackbits(rows, axis=1, count=n_q, bitorder="little")
        #: ``member[t, q]`` is 1 when type ``t`` belongs to quota ``q``.
        self.member: npt.NDArray[np.int64] = np.asarray(member, dtype=np.int64)
        self.type_quotas = [tuple(np.flatnonzero(row).tolist()) for row in self.member]
        # Memberships in quotas with a max: the scarce resource when completing a selection.
        self.n_capped = self.member[:, np.isfinite(self.hi_arr)].sum(axis=1)
        # Search order: types in many quotas first, the type in none last.
        self.order = sorted(range(self.n_types), key=lambda t: (-len(self.type_quotas[t]), t))
        self._cache: dict[tuple[tuple[int, ...], int, tuple[int, ...]], bool] = {}
        self._allowed_cache: dict[tuple[tuple[int, ...], int, tuple[int, ...]], list[int]] = {}

    @property
    def n_types(self) -> int:
        return int(self.member.shape[0])

    def counts_of(self, idx: IntArray) -> tuple[int, ...]:
        """Per active quota, how many of ``idx`` are members."""
        per_type = np.bincount(self.type_of[idx], minlength=self.n_types)
        return tuple(int(c) for c in per_type @ self.member)

    def avail_of(self, mask: BoolArray) -> list[int]:
        """Per type, how many candidates ``mask`` marks."""
        return [int(k) for k in np.bincount(self.type_of[mask], minlength=self.n_types)]

    def plus(self, counts: Sequence[int], t: int, sign: int = 1) -> tuple[int, ...]:
        new = list(counts)
        for q in self.type_quotas[t]:
            new[q] += sign
        return tuple(new)

    def valid(self, counts: Sequence[int]) -> bool:
        """Whether the counts meet every quota's min and max."""
        return all(
            lo <= c and (hi is None or c <= hi)
            for c, lo, hi in zip(counts, self.lo, self.hi, strict=True)
        )

    def valid_after(self, counts: Sequence[int]) -> BoolArray:
        """Per type ``t``: whether ``counts`` plus one member of type ``t`` meets every quota."""
        new = np.asarray(counts, dtype=np.int64) + self.member
        return np.asarray(((new >= self.lo_arr) & (new <= self.hi_arr)).all(axis=1))

    def allowed(self, counts: tuple[int, ...], size: int, avail: Sequence[int]) -> list[int]:
        """Types one more of which keeps a selection with these counts completable.

        Decided for all types at once where possible: a type is surely out when it
        would break a max or leave too few slots for the minimums, surely in when it
        extends a completion found greedily; only the rest get the exact check.
        """
        problem = self.problem
        room = problem.max_size - size
        if room <= 0:
            return []
        capped = tuple(min(a, room) for a in avail)
        key = (counts, size, capped)
        hit = self._allowed_cache.get(key)
        if hit is not None:
            return hit
        av = np.asarray(capped, dtype=np.int64)
        cnt = np.asarray(counts, dtype=np.int64)
        new = cnt + self.member
        maybe = (av > 0) & (new <= self.hi_arr).all(axis=1)
        short = np.maximum(self.lo_arr - new, 0).max(axis=1, initial=0)
        maybe &= np.maximum(short, problem.min_size - size - 1) <= room - 1
        sure = np.zeros(self.n_types, dtype=bool)
        extra = self._complete(cnt, size, av)
        if extra is not None:
            sure |= extra > 0  # part of that completion
            total = int(extra.sum())
            if size + 1 + total <= problem.max_size:
                with_extra = cnt + extra @ self.member + self.member
                sure |= (av - extra >= 1) & (with_extra <= self.hi_arr).all(axis=1)
        sure &= maybe
        out = [int(t) for t in np.flatnonzero(maybe)]
        out = [t for t in out if sure[t] or self._extends(counts, size, capped, t)]
        self._allowed_cache[key] = out
        return out

    def _extends(self, counts: tuple[int, ...], size: int, avail: Sequence[int], t: int) -> bool:
        """Whether one more of type ``t`` keeps the selection completable (exact)."""
        after = self.plus(counts, t)
        left = list(avail)
        left[t] -= 1
        arr = np.asarray(left, dtype=np.int64)
        if self._complete(np.asarray(after, dtype=np.int64), size + 1, arr) is not None:
            return True
        return self.completable(after, size + 1, left)

    def _complete(
        self, counts: npt.NDArray[np.int64], size: int, avail: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64] | None:
        """Extra members per type that complete the selection, built greedily, or None.

        Meets the minimums first with types that count for the most unmet quotas (and
        use the least capped quota room), then min_size with the least constrained
        types. None when this greedy construction fails, which does not prove that no
        completion exists.
        """
        problem = self.problem
        member, hi = self.member, self.hi_arr
        cnt = counts.copy()
        left = avail.copy()
        extra = np.zeros(self.n_types, dtype=np.int64)
        total = size
        while True:
            short = self.lo_arr - cnt > 0
            if not short.any() and total >= problem.min_size:
                return extra
            if total >= problem.max_size:
                return None
            ok = (left > 0) & (cnt + member <= hi).all(axis=1)
            if short.any():
                helps = member[:, short].sum(axis=1)
                ok &= helps > 0
                score = helps * (self.n_capped.max(initial=0) + 1) - self.n_capped
            else:
                score = -self.n_capped
            if not ok.any():
                return None
            if not short.any():  # only min_size is left: take uncapped types in bulk
                free = np.flatnonzero(ok & (self.n_capped == 0))
                if free.size:
                    before = np.cumsum(left[free]) - left[free]
                    take = np.clip(problem.min_size - total - before, 0, left[free])
                    extra[free] += take
                    left[free] -= take
                    total += int(take.sum())
                    continue
            t = int(np.argmax(np.where(ok, score, np.iinfo(np.int64).min)))
            extra[t] += 1
            left[t] -= 1
            cnt += member[t]
            total += 1

    def completable(self, counts: tuple[int, ...], size: int, avail: Sequence[int]) -> bool:
        """Whether a selection with these quota counts and size can be completed.

        ``avail[t]`` is the number of unselected, choosable candidates of type ``t``.
        """
        problem = self.problem
        room = problem.max_size - size
        if room < 0 or any(h is not None and c > h for c, h in zip(counts, self.hi, strict=True)):
            return False
        capped = tuple(min(a, room) for a in avail)
        key = (counts, size, capped)
        hit = self._cache.get(key)
        if hit is None:
            need = problem.min_size - size
            try:
                hit = self._dfs(counts, room, need, capped)
            except _Budget:
                hit = self._ilp(counts, room, need, capped, None) is not None
            self._cache[key] = hit
        return hit

    def _dfs(self, counts: tuple[int, ...], room: int, need: int, avail: tuple[int, ...]) -> bool:
        lo, hi, tq = self.lo, self.hi, self.type_quotas
        order = [t for t in self.order if avail[t] > 0]
        n_q, n_t = len(lo), len(order)
        with_min = [q for q in range(n_q) if lo[q] > 0]
        suffix = [[0] * n_q for _ in range(n_t + 1)]
        suffix_all = [0] * (n_t + 1)
        for pos in range(n_t - 1, -1, -1):
            t = order[pos]
            suffix[pos] = list(suffix[pos + 1])
            for q in tq[t]:
                suffix[pos][q] += avail[t]
            suffix_all[pos] = suffix_all[pos + 1] + avail[t]
        failed: set[tuple[int, tuple[int, ...], int]] = set()
        visited = 0

        def rec(pos: int, cnt: tuple[int, ...], total: int) -> bool:
            nonlocal visited
            left = room - total
            met = True
            for q in with_min:
                deficit = lo[q] - cnt[q]
                if deficit > 0:
                    if deficit > left or deficit > suffix[pos][q]:
                        return False
                    met = False
            if need - total > min(left, suffix_all[pos]):
                return False
            if (met and total >= need) or pos == n_t:  # the maxes hold all along
                return True
            key = (pos, cnt, total)
            if key in failed:
                return False
            visited += 1
            if visited > _DFS_NODE_BUDGET:
                raise _Budget
            t = order[pos]
            top = min(avail[t], left)
            for q in tq[t]:
                h = hi[q]
                if h is not None:
                    top = min(top, h - cnt[q])
            for x in range(top, -1, -1):
                new = list(cnt)
                for q in tq[t]:
                    new[q] += x
                if rec(pos + 1, tuple(new), total + x):
                    return True
            failed.add(key)
            return False

        return rec(0, counts, 0)

    def _ilp(
        self,
        counts: Sequence[int],
        room: int | None,
        need: int,
        avail: Sequence[int],
        sense: int | None,
        quota_subset: Sequence[int] | None = None,
    ) -> int | None:
        """Solve the type-level problem with HiGHS.

        Returns the min (``sense=1``) or max (``sense=-1``) number of extra candidates,
        or any feasible number (``sense=None``); None when infeasible.
        """
        from scipy.optimize import Bounds, LinearConstraint

        n_t = self.n_types
        qs = list(range(len(self.lo)) if quota_subset is None else quota_subset)
        cnt = np.asarray(counts, dtype=np.float64)[qs]
        rows = np.vstack([self.member[:, qs].T.astype(np.float64), np.ones((1, n_t))])
        lbs = np.append(self.lo_arr[qs] - cnt, max(need, 0))
        ubs = np.append(self.hi_arr[qs] - cnt, np.inf if room is None else room)
        res = run_milp(
            np.full(n_t, 0.0 if sense is None else float(sense)),
            LinearConstraint(rows, lbs, ubs),
            np.ones(n_t),
            Bounds(np.zeros(n_t), np.asarray(avail, dtype=np.float64)),
        )
        if not res.optimal or res.x is None:
            return None
        return round(float(np.sum(res.x)))
