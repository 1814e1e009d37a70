"""Quotas seen through candidate types: can a partial selection still be completed?

A candidate's type is the set of quotas it belongs to. Whether a partial selection can
still be completed depends only on the per-quota counts, the free slots and how many
candidates of each type are left, so every greedy step and every swap is checked exactly
on that small problem, and the search never ends in a dead end.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from composer.optimise.milp import run_milp
from composer.optimise.problem import BoolArray, CoverageProblem, IntArray

#: Search nodes the type-level completion check may visit before it asks HiGHS instead.
_DFS_NODE_BUDGET = 20_000
#: The search recurses once per type; with more types than this it asks HiGHS at once
#: (Python's default recursion limit is 1,000 frames).
_DFS_MAX_LEVELS = 400


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
        # Every (candidate, quota) membership, sorted by candidate, then quota.
        cand = np.concatenate(
            [np.asarray(q.members, dtype=np.intp) for q in quotas] or [np.zeros(0, np.intp)]
        )
        quota = np.repeat(
            np.arange(n_q, dtype=np.intp), [np.asarray(q.members).size for q in quotas]
        )
        by_cand = np.lexsort((quota, cand))
        cand, quota = cand[by_cand], quota[by_cand]
        per_cand = np.bincount(cand, minlength=n)
        width = int(per_cand.max(initial=0))
        # A candidate's quotas as one row padded with -1: its type is the distinct row.
        rows = np.full((n, max(width, 1)), -1, dtype=np.intp)
        rows[cand, np.arange(cand.size) - (np.cumsum(per_cand) - per_cand)[cand]] = quota
        table, inverse = np.unique(rows, axis=0, return_inverse=True)
        self.type_of: IntArray = inverse.reshape(-1).astype(np.intp)
        n_types = int(table.shape[0])
        #: The quotas of each type, ascending.
        self.type_quotas = [tuple(int(q) for q in row[row >= 0]) for row in table]
        # The same as flat tables (one entry per type and quota it is in): every check
        # below costs O(#types + #memberships), never O(#types x #quotas).
        self._entry_type = np.repeat(
            np.arange(n_types, dtype=np.intp), [len(tq) for tq in self.type_quotas]
        )
        self._entry_quota = table[table >= 0].astype(np.intp)
        #: ``member[t, q]`` is 1 when type ``t`` belongs to quota ``q`` (sparse, CSC).
        self.member = sp.csc_array(
            (np.ones(self._entry_type.size), (self._entry_type, self._entry_quota)),
            shape=(n_types, n_q),
        )
        # Quotas with a minimum are few: their columns are kept dense.
        self._min_q = np.flatnonzero(self.lo_arr > 0)
        self._member_min = np.asarray(
            self.member[:, self._min_q].toarray(), dtype=np.int64
        ).reshape(n_types, self._min_q.size)
        # Memberships in quotas with a max: the scarce resource when completing a selection.
        self.n_capped = self._per_type(np.isfinite(self.hi_arr))
        # Search order: types in many quotas first, the type in none last.
        self.order = sorted(range(n_types), key=lambda t: (-len(self.type_quotas[t]), t))
        self._cache: dict[tuple[tuple[int, ...], int, tuple[int, ...]], bool] = {}
        self._families: list[list[int]] | None = None
        self._allowed_cache: dict[tuple[tuple[int, ...], int, tuple[int, ...]], list[int]] = {}

    @property
    def n_types(self) -> int:
        return len(self.type_quotas)

    def _per_type(self, per_quota: BoolArray) -> npt.NDArray[np.int64]:
        """Per type: in how many of the quotas ``per_quota`` marks it is."""
        marked = per_quota[self._entry_quota]
        return np.bincount(self._entry_type[marked], minlength=self.n_types).astype(np.int64)

    def _quota_sums(self, per_type: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Per quota: the sum of ``per_type`` over the types in it."""
        sums = np.bincount(
            self._entry_quota, weights=per_type[self._entry_type], minlength=len(self.lo)
        )
        return np.rint(sums).astype(np.int64)

    def _within_max_after(self, counts: npt.NDArray[np.int64]) -> BoolArray:
        """Per type ``t``: whether ``counts`` plus one of type ``t`` keeps every max."""
        if (counts > self.hi_arr).any():
            return np.zeros(self.n_types, dtype=bool)
        return np.asarray(self._per_type(counts + 1 > self.hi_arr) == 0)

    def counts_of(self, idx: IntArray) -> tuple[int, ...]:
        """Per active quota, how many of ``idx`` are members."""
        per_type = np.bincount(self.type_of[idx], minlength=self.n_types)
        return tuple(int(c) for c in self._quota_sums(per_type))

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
        """Per type ``t``: whether ``counts`` plus one member of type ``t`` meets every quota.

        A quota outside ``t`` must hold as it is, one in ``t`` with one more member.
        """
        cnt = np.asarray(counts, dtype=np.int64)
        lo, hi = self.lo_arr, self.hi_arr
        if not ((cnt >= lo - 1) & (cnt <= hi)).all():
            return np.zeros(self.n_types, dtype=bool)  # one more breaks it, or it is broken
        short = cnt < lo  # holds only if the new member is in it
        over = cnt + 1 > hi  # holds only if the new member is not in it
        own_short = self._per_type(short)
        return np.asarray((own_short == int(short.sum())) & (self._per_type(over) == 0))

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
        maybe = (av > 0) & self._within_max_after(cnt)
        # the most members any quota still lacks once one of type t is in
        deficit = np.maximum(self.lo_arr[self._min_q] - cnt[self._min_q], 0)
        short = np.where(self._member_min == 1, np.maximum(deficit - 1, 0), deficit).max(
            axis=1, initial=0
        )
        maybe &= np.maximum(short, problem.min_size - size - 1) <= room - 1
        sure = np.zeros(self.n_types, dtype=bool)
        extra = self._complete(cnt, size, av)
        if extra is not None:
            sure |= extra > 0  # part of that completion
            total = int(extra.sum())
            if size + 1 + total <= problem.max_size:
                with_extra = cnt + self._quota_sums(extra)
                sure |= (av - extra >= 1) & self._within_max_after(with_extra)
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
            ok = (left > 0) & self._within_max_after(cnt)
            if short.any():
                helps = self._member_min[:, short[self._min_q]].sum(axis=1)
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
            cnt[list(self.type_quotas[t])] += 1
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
        """Whether the selection can be completed: an exact search (:class:`_Completion`)."""
        return _Completion(self, room, need, avail).run(counts)

    def _disjoint_min_families(self) -> list[list[int]]:
        """Groups of quotas with a minimum that no type is in two of (e.g. actor types).

        The members a group still lacks add up: a necessary condition the search checks.
        Every quota with a minimum is in one group; groups of one are left out.
        """
        if self._families is None:
            lo = self.lo
            todo = sorted((q for q in range(len(lo)) if lo[q] > 0), key=lambda q: (-lo[q], q))
            types_in = {
                q: set(np.flatnonzero(self.member[:, [q]].toarray()[:, 0]).tolist()) for q in todo
            }
            families: list[list[int]] = []
            while todo:
                family: list[int] = []
                used: set[int] = set()
                for q in todo:
                    if not used & types_in[q]:
                        family.append(q)
                        used |= types_in[q]
                todo = [q for q in todo if q not in family]
                if len(family) > 1:
                    families.append(family)
            self._families = families
        return self._families

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
        rows = sp.vstack([self.member[:, qs].T, sp.csr_array(np.ones((1, n_t)))], format="csr")
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


class _Completion:
    """Depth-first search over how many of each type to add, one type per level.

    A failed state is remembered by the counts that can still matter: a quota no type
    further down is in is settled (its minimum was checked on the way), and a quota
    without a max only counts up to its minimum. Raises :class:`_Budget` after
    ``_DFS_NODE_BUDGET`` states, or at once with more than ``_DFS_MAX_LEVELS`` types.
    """

    def __init__(self, types: _Types, room: int, need: int, avail: tuple[int, ...]) -> None:
        lo = types.lo
        self.lo, self.hi, self.tq = lo, types.hi, types.type_quotas
        self.room, self.need, self.avail = room, need, avail
        self.order = [t for t in types.order if avail[t] > 0]
        if len(self.order) > _DFS_MAX_LEVELS:
            raise _Budget
        n_q, n_t = len(lo), len(self.order)
        self.with_min = [q for q in range(n_q) if lo[q] > 0]
        slot = {q: k for k, q in enumerate(self.with_min)}
        # suffix[pos][k]: candidates of the types at pos and after in quota with_min[k]
        self.suffix = [[0] * len(self.with_min) for _ in range(n_t + 1)]
        self.suffix_all = [0] * (n_t + 1)
        last = [-1] * n_q  # the last level whose type is in quota q
        for pos in range(n_t - 1, -1, -1):
            t = self.order[pos]
            self.suffix[pos] = list(self.suffix[pos + 1])
            for q in self.tq[t]:
                if q in slot:
                    self.suffix[pos][slot[q]] += avail[t]
                if last[q] < 0:
                    last[q] = pos
            self.suffix_all[pos] = self.suffix_all[pos + 1] + avail[t]
        self.by_last = sorted(range(n_q), key=lambda q: -last[q])
        self.n_open = [0] * (n_t + 1)  # quotas still open at pos: by_last[: n_open[pos]]
        k = 0
        for pos in range(n_t, -1, -1):
            while k < n_q and last[self.by_last[k]] >= pos:
                k += 1
            self.n_open[pos] = k
        self.uncapped = [h is None for h in self.hi]
        self.families = types._disjoint_min_families()
        self.failed: set[tuple[int, tuple[int, ...], int]] = set()
        self.visited = 0

    def run(self, counts: tuple[int, ...]) -> bool:
        return self._rec(0, counts, 0)

    def _settled(self, pos: int, cnt: tuple[int, ...], total: int) -> bool | None:
        """True: complete as it is; False: cannot be completed; None: search on."""
        lo, left = self.lo, self.room - total
        met = True
        room_q = self.suffix[pos]
        for k, q in enumerate(self.with_min):
            deficit = lo[q] - cnt[q]
            if deficit > 0:
                if deficit > left or deficit > room_q[k]:
                    return False
                met = False
        if self.need - total > min(left, self.suffix_all[pos]):
            return False
        if not met:  # no member counts for two quotas of a family
            for family in self.families:
                if sum(max(lo[q] - cnt[q], 0) for q in family) > left:
                    return False
        if (met and total >= self.need) or pos == len(self.order):  # maxes hold all along
            return True
        return None

    def _key(self, pos: int, cnt: tuple[int, ...], total: int) -> tuple[int, tuple[int, ...], int]:
        lo, uncapped = self.lo, self.uncapped
        open_q = self.by_last[: self.n_open[pos]]
        return pos, tuple(min(cnt[q], lo[q]) if uncapped[q] else cnt[q] for q in open_q), total

    def _rec(self, pos: int, cnt: tuple[int, ...], total: int) -> bool:
        done = self._settled(pos, cnt, total)
        if done is not None:
            return done
        key = self._key(pos, cnt, total)
        if key in self.failed:
            return False
        self.visited += 1
        if self.visited > _DFS_NODE_BUDGET:
            raise _Budget
        t = self.order[pos]
        top = min(self.avail[t], self.room - total)
        for q in self.tq[t]:
            h = self.hi[q]
            if h is not None:
                top = min(top, h - cnt[q])
        for x in range(top, -1, -1):
            new = list(cnt)
            for q in self.tq[t]:
                new[q] += x
            if self._rec(pos + 1, tuple(new), total + x):
                return True
        self.failed.add(key)
        return False
