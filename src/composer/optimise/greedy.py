"""Lazy greedy [2]_ (the :math:`1 - 1/e` algorithm of [1]_ made fast) and local search.

After the greedy: one-in-one-out swaps, two-out-two-in moves and seeded perturbation
rounds. The hot paths are vectorised over the sparse matrix: the gains of all candidates
on their own are one sparse matrix-vector product, candidates are ranked block by block
(``np.partition``) so only the top of a large pool is ever sorted, lazy re-evaluations
read one CSR row each, and the swap scan stops at the first candidate whose gain on its
own cannot beat the smallest loss (submodularity). Every step is checked against the
quota types (:mod:`composer.optimise.types`), so the search never ends in a dead end.

References
----------
.. [1] Nemhauser, G. L., Wolsey, L. A. and Fisher, M. L. (1978). "An analysis of
   approximations for maximizing submodular set functions - I". *Mathematical
   Programming* 14, 265-294. doi:10.1007/BF01588971
.. [2] Minoux, M. (1978). "Accelerated greedy algorithms for maximizing submodular set
   functions". In *Optimization Techniques*, Lecture Notes in Control and Information
   Sciences 7, 234-243. doi:10.1007/BFb0006528
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from composer.optimise.problem import (
    BoolArray,
    CoverageProblem,
    FloatArray,
    IntArray,
    Selection,
    _objective,
    _row_positions,
)
from composer.optimise.types import _Types

#: Candidates ranked by the first block of the greedy's sorted order (it grows 4x a block).
_FIRST_BLOCK = 1024
#: Rounds of the perturbation search (iterated local search) after the swaps.
_KICK_ROUNDS = 30
#: At most this share of the selection is dropped in one perturbation round.
_KICK_FRACTION = 0.5
#: The two-out-two-in search looks at most at this many candidates (highest g0 first)...
_PAIR_POOL = 5000
#: ...and tries this many first additions for each pair dropped.
_PAIR_LOOKAHEAD = 5
#: Pair moves are tried only on selections of at most this many (66 pairs at 12).
_PAIR_MAX_SIZE = 40


class _Sorted:
    """Candidates of one type in descending initial gain (ties: lowest index first).

    Sorted block by block with ``np.partition``, so only the top of a large type is ever
    sorted; the sorted prefix is kept and shared by every pass of the search.
    """

    def __init__(self, candidates: IntArray, g0: FloatArray, block: int) -> None:
        self._rest = candidates  # ascending indices not sorted yet
        self._g0 = g0
        self._block = block
        self.order: IntArray = np.zeros(0, dtype=np.intp)
        self._neg: FloatArray = np.zeros(0)  # -g0 along order (ascending)

    def get(self, pos: int) -> int | None:
        """The candidate at rank ``pos`` (0 = highest g0), or None past the end."""
        while pos >= self.order.size:
            if not self._refill():
                return None
        return int(self.order[pos])

    def above(self, threshold: float) -> IntArray:
        """Every candidate whose g0 exceeds ``threshold``."""
        while self._rest.size and (self.order.size == 0 or self._g0[self.order[-1]] > threshold):
            self._refill()
        return self.order[: int(np.searchsorted(self._neg, -threshold, side="left"))]

    def _refill(self) -> bool:
        rest = self._rest
        if rest.size == 0:
            return False
        values = self._g0[rest]
        if rest.size <= self._block:
            take = np.ones(rest.size, dtype=bool)
        else:
            kth = rest.size - self._block
            threshold = np.partition(values, kth)[kth]
            take = values > threshold
            ties = np.flatnonzero(values == threshold)[: self._block - int(take.sum())]
            take[ties] = True
        chosen = rest[take]
        rank = np.argsort(-values[take], kind="stable")
        self._rest = rest[~take]
        self.order = np.concatenate([self.order, chosen[rank]])
        self._neg = np.concatenate([self._neg, -values[take][rank]])
        self._block *= 4
        return True


def _entries_of(
    sorted_needs: npt.NDArray[Any], by_need: IntArray, needs: npt.NDArray[Any]
) -> IntArray:
    """Positions (into the arrays ``by_need`` sorts) of the entries whose need is in ``needs``."""
    lo = np.searchsorted(sorted_needs, needs, side="left")
    hi = np.searchsorted(sorted_needs, needs, side="right")
    return np.concatenate([by_need[s:e] for s, e in zip(lo, hi, strict=True)] or [by_need[:0]])


@dataclass(frozen=True)
class _PoolRows:
    """The CSR entries of a pool of candidates, and the same entries sorted by need."""

    pool: IntArray
    rowid: IntArray
    needs: npt.NDArray[np.int64]
    a: FloatArray
    by_need: IntArray
    sorted_needs: npt.NDArray[np.int64]

    def entries_of(self, needs: npt.NDArray[Any]) -> IntArray:
        """Positions of the entries whose need is in ``needs``."""
        return _entries_of(self.sorted_needs, self.by_need, needs)


_Entry = tuple[float, int, int]  # (-gain, candidate, step its gain was computed at; -1: g0)


class _LazyQueue:
    """Candidates by descending last known gain: the sorted ``g0`` stream merged with a heap.

    Candidates already selected (``in_s``) or marked ``tabu`` are skipped.
    """

    def __init__(
        self, ranked: _Sorted, g0: FloatArray, in_s: BoolArray, tabu: BoolArray | None
    ) -> None:
        self.ranked, self.g0, self.in_s, self.tabu = ranked, g0, in_s, tabu
        self.cursor = 0
        self.heap: list[_Entry] = []

    def push(self, entry: _Entry) -> None:
        heapq.heappush(self.heap, entry)

    def pop(self) -> _Entry | None:
        """The entry with the highest gain (ties: lowest index), or None when empty."""
        heap, in_s, tabu = self.heap, self.in_s, self.tabu
        while heap and in_s[heap[0][1]]:
            heapq.heappop(heap)
        head = self.ranked.get(self.cursor)
        while head is not None and (in_s[head] or (tabu is not None and tabu[head])):
            self.cursor += 1
            head = self.ranked.get(self.cursor)
        if head is not None and (not heap or (-float(self.g0[head]), head) < heap[0][:2]):
            self.cursor += 1
            return (-float(self.g0[head]), head, -1)
        if heap:
            return heapq.heappop(heap)
        return None


class _Search:
    """Greedy, swap and perturbation search state. Prior validation is assumed."""

    def __init__(
        self,
        problem: CoverageProblem,
        types: _Types,
        rng: np.random.Generator,
        deadline: float | None,
    ) -> None:
        matrix = problem.coverage
        n = problem.n_candidates
        self.problem = problem
        self.types = types
        self.rng = rng
        self.deadline = deadline
        self.indptr: npt.NDArray[np.int64] = matrix.indptr
        self.indices: npt.NDArray[np.int64] = matrix.indices
        self.data: FloatArray = matrix.data
        self.w = problem.weights
        self.inv_d = 1.0 / problem.demand
        self.bonus = problem.score_weight * problem.scores
        # Gain of each candidate on its own: one sparse matrix-vector product (c <= 1 <= d).
        self.g0: FloatArray = matrix @ (self.w * self.inv_d) + self.bonus
        self.level = np.zeros(problem.n_needs)  # sum over S of c / d, per need
        self._shift = np.zeros(problem.n_needs)  # scratch of _gains_without (kept zero)
        self.in_s = np.zeros(n, dtype=bool)
        self.blocked = np.zeros(n, dtype=bool)
        self.blocked[problem.exclude] = True
        self.fixed = np.zeros(n, dtype=bool)
        self.fixed[problem.include] = True
        choosable = ~self.blocked & ~self.fixed
        self.avail = types.avail_of(choosable)
        self.ranked = _Sorted(np.flatnonzero(choosable), self.g0, _FIRST_BLOCK)
        self.selected: list[int] = []
        self.counts: tuple[int, ...] = tuple(0 for _ in types.lo)
        self.value = 0.0
        self.max_size = min(problem.max_size, n)
        self.swaps = 0
        self.kicks = 0
        self.pairs = 0
        for i in problem.include:
            self._add(int(i), self._gain(int(i)))

    # -- one candidate at a time -------------------------------------------------

    def _row(self, i: int) -> tuple[npt.NDArray[np.int64], FloatArray]:
        lo, hi = self.indptr[i], self.indptr[i + 1]
        needs = self.indices[lo:hi]
        return needs, self.data[lo:hi] * self.inv_d[needs]

    def _gain(self, i: int) -> float:
        """F(S + i) - F(S)."""
        needs, a = self._row(i)
        lv = self.level[needs]
        met = np.minimum(1.0, lv + a) - np.minimum(1.0, lv)
        return float(self.w[needs] @ met) + float(self.bonus[i])

    def _loss(self, j: int) -> float:
        """F(S) - F(S - j)."""
        needs, a = self._row(j)
        lv = self.level[needs]
        met = np.minimum(1.0, lv) - np.minimum(1.0, lv - a)
        return float(self.w[needs] @ met) + float(self.bonus[j])

    def _add(self, i: int, gain: float) -> None:
        needs, a = self._row(i)
        self.level[needs] += a
        self.in_s[i] = True
        self.selected.append(i)
        t = int(self.types.type_of[i])
        self.counts = self.types.plus(self.counts, t)
        if not self.fixed[i]:
            self.avail[t] -= 1
        self.value += gain

    def _remove(self, j: int, loss: float) -> None:
        needs, a = self._row(j)
        self.level[needs] -= a
        self.in_s[j] = False
        self.selected.remove(j)
        t = int(self.types.type_of[j])
        self.counts = self.types.plus(self.counts, t, -1)
        self.avail[t] += 1
        self.value -= loss

    def _reset(self, target: Sequence[int]) -> None:
        """Make ``target`` the selection, recomputing the levels and F from scratch."""
        current, wanted = set(self.selected), set(target)
        for j in current - wanted:
            self._remove(j, 0.0)
        for i in sorted(wanted - current):
            self._add(i, 0.0)
        rows = np.array(sorted(wanted), dtype=np.intp)
        _, needs, a = self._pool_rows(rows)
        self.level = np.bincount(needs, weights=a, minlength=self.problem.n_needs).astype(
            np.float64
        )
        self.value = float(self.w @ np.minimum(1.0, self.level)) + float(self.bonus[rows].sum())

    def _allowed(self) -> set[int]:
        """Types one more of which keeps the selection completable."""
        if len(self.selected) >= self.max_size:
            return set()
        return set(self.types.allowed(self.counts, len(self.selected), self.avail))

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.perf_counter() > self.deadline

    def _pool_rows(self, pool: IntArray) -> tuple[IntArray, npt.NDArray[np.int64], FloatArray]:
        pos, rowid = _row_positions(self.indptr, pool)
        needs = self.indices[pos]
        return rowid, needs, self.data[pos] * self.inv_d[needs]

    # -- phases --------------------------------------------------------------------

    def add_phase(self, tabu: BoolArray | None = None) -> None:
        """Lazy greedy [2]_: add the best allowed candidate while one can be added.

        Candidates come in descending ``g0`` order; a candidate's last computed gain
        stays an upper bound while the selection grows (submodularity), so only the top
        of the heap is ever recomputed. Candidates of a type that may not be added now
        are parked until it may again. Candidates marked in ``tabu`` are skipped.
        """
        allowed = self._allowed()
        queue = _LazyQueue(self.ranked, self.g0, self.in_s, tabu)
        parked: dict[int, list[_Entry]] = {}
        step = 0
        while allowed:
            entry = self._next_fresh(queue, allowed, parked, step)
            if entry is None:
                return
            self._add(entry[1], -entry[0])
            step += 1
            allowed = self._allowed()
            for t in allowed & parked.keys():
                for item in parked.pop(t):
                    queue.push(item)

    def _next_fresh(
        self, queue: _LazyQueue, allowed: set[int], parked: dict[int, list[_Entry]], step: int
    ) -> _Entry | None:
        """The best allowed candidate with its gain computed at this ``step``, or None.

        Parks candidates of types not allowed now; recomputes stale gains.
        """
        type_of = self.types.type_of
        while True:
            entry = queue.pop()
            if entry is None:
                return None
            i = entry[1]
            t = int(type_of[i])
            if t not in allowed:
                parked.setdefault(t, []).append(entry)
            elif entry[2] == step:  # fresh: no other candidate can beat it
                return entry
            else:
                queue.push((-self._gain(i), i, step))

    def swap_phase(self) -> None:
        """Best-improvement one-in-one-out swaps until no swap improves F.

        Only candidates whose ``g0`` exceeds the smallest loss can improve on a swap
        (their gain given ``S - j`` is at most ``g0``), so the scan stops there; the
        gains given ``S - j`` are those given ``S`` corrected on the needs of ``j``.
        """
        while not self.out_of_time():
            move = self._best_swap()
            if move is None:
                return
            j, i = move
            self._remove(j, self._loss(j))
            self._add(i, self._gain(i))
            self.swaps += 1
            if len(self.selected) < self.max_size:
                self.add_phase()

    def _best_swap(self) -> tuple[int, int] | None:
        """The swap (out, in) that improves F the most, or None when none does."""
        types = self.types
        type_of = types.type_of
        removable = [j for j in sorted(self.selected) if not self.fixed[j]]
        if not removable:
            return None
        losses = [self._loss(j) for j in removable]
        tol = 1e-10 * (1.0 + abs(self.value))
        pool = np.sort(self.ranked.above(min(losses) + tol))
        pool = pool[~self.in_s[pool]]
        if pool.size == 0:
            return None
        rows = self._pool_view(pool)
        gains = self._gains(rows, self.level)
        pool_types = type_of[pool]
        pool_g0 = self.g0[pool]
        best_gain, best_j, best_i = tol, -1, -1
        ok_after: dict[int, BoolArray] = {}  # per type leaving: may each candidate enter?
        for j, loss in zip(removable, losses, strict=True):
            if not (pool_g0 > loss + best_gain).any():
                continue
            tj = int(type_of[j])
            if tj not in ok_after:
                ok_after[tj] = types.valid_after(types.plus(self.counts, tj, -1))[pool_types]
            gain = self._gains_without(j, rows, gains) - loss
            gain[~ok_after[tj]] = -np.inf
            k = int(np.argmax(gain))
            if gain[k] > best_gain:
                best_gain, best_j, best_i = float(gain[k]), j, int(pool[k])
        return None if best_j < 0 else (best_j, best_i)

    def _pool_view(self, pool: IntArray) -> _PoolRows:
        rowid, needs, a = self._pool_rows(pool)
        by_need = np.argsort(needs, kind="stable")
        return _PoolRows(pool, rowid, needs, a, by_need, needs[by_need])

    def _gains(self, rows: _PoolRows, level: FloatArray) -> FloatArray:
        """Each pool candidate's gain given the per-need ``level``."""
        lv = level[rows.needs]
        met = self.w[rows.needs] * (np.minimum(1.0, lv + rows.a) - np.minimum(1.0, lv))
        return (
            np.bincount(rows.rowid, weights=met, minlength=rows.pool.size) + self.bonus[rows.pool]
        )

    def _correct(
        self, trial: FloatArray, rows: _PoolRows, pos: IntArray, old: FloatArray, new: FloatArray
    ) -> None:
        """Correct ``trial`` on the entries ``pos`` for their needs' levels going old -> new."""
        one = np.minimum
        f = rows.needs[pos]
        aa = rows.a[pos]
        delta = self.w[f] * (
            (one(1.0, new + aa) - one(1.0, new)) - (one(1.0, old + aa) - one(1.0, old))
        )
        np.add.at(trial, rows.rowid[pos], delta)

    def _gains_without(self, j: int, rows: _PoolRows, gains: FloatArray) -> FloatArray:
        """The pool's gains given ``S - j``, from its ``gains`` given ``S``."""
        j_needs, j_a = self._row(j)
        pos = rows.entries_of(j_needs)
        trial = gains.copy()
        if pos.size:
            shift = self._shift
            shift[j_needs] = j_a
            f = rows.needs[pos]
            old = self.level[f]
            new = old - shift[f]
            shift[j_needs] = 0.0
            self._correct(trial, rows, pos, old, new)
        return trial

    def perturb_phase(self, rounds: int) -> None:
        """Iterated local search: drop a few members at random, refill greedily, swap.

        The members to drop are drawn (with the seeded generator) from the selection
        ranked by ``g0``, not by row index, so the result does not depend on row order.
        A round is kept only when it improves F.
        """
        best = sorted(self.selected)
        best_value = self.value
        tabu = np.zeros(self.problem.n_candidates, dtype=bool)
        for _ in range(rounds):
            if self.out_of_time():
                break
            removable = sorted(
                (j for j in self.selected if not self.fixed[j]),
                key=lambda j: (-self.g0[j], j),
            )
            if not removable:
                break
            most = max(2, math.ceil(len(removable) * _KICK_FRACTION))
            size = min(len(removable), int(self.rng.integers(1, most + 1)))
            out = [removable[q] for q in sorted(self.rng.choice(len(removable), size, False))]
            for j in out:
                self._remove(j, self._loss(j))
            tabu[out] = True
            self.add_phase(tabu)
            tabu[out] = False
            self.add_phase()  # completes the quotas if the tabu list blocked them
            self.swap_phase()
            if self.value > best_value + 1e-10 * (1.0 + abs(best_value)):
                best, best_value = sorted(self.selected), self.value
                self.kicks += 1
            else:
                self._reset(best)
        if sorted(self.selected) != best:
            self._reset(best)

    def pair_phase(self) -> None:
        """Two-out-two-in moves: drop each pair, add the best pair a short lookahead finds.

        For every pair of members dropped, the first addition is tried among the
        ``_PAIR_LOOKAHEAD`` best gains and the second is the best given the first, over
        the candidates whose ``g0`` exceeds half the smallest pair loss (at most
        ``_PAIR_POOL`` of them). A heuristic neighbourhood: it is not exhaustive.
        """
        while not self.out_of_time():
            move = self._best_pair_move()
            if move is None:
                return
            j1, j2, i1, i2 = move
            for j in (j1, j2):
                self._remove(j, self._loss(j))
            for i in (i1, i2):
                self._add(i, self._gain(i))
            self.pairs += 1
            self.swap_phase()

    def _pair_drops(self, removable: list[int]) -> list[tuple[float, int, int, FloatArray]]:
        """For each pair of members: (F lost without them, j1, j2, levels without them)."""
        one = np.minimum
        rows = {j: self._row(j) for j in removable}
        pairs = []
        for x in range(len(removable)):
            for y in range(x + 1, len(removable)):
                j1, j2 = removable[x], removable[y]
                lv = self.level.copy()
                for j in (j1, j2):
                    lv[rows[j][0]] -= rows[j][1]
                drop = float(self.w @ (one(1.0, self.level) - one(1.0, lv)))
                drop += float(self.bonus[j1] + self.bonus[j2])
                pairs.append((drop, j1, j2, lv))
        return pairs

    def _best_pair_move(self) -> tuple[int, int, int, int] | None:
        """The best (out, out, in, in) move the lookahead finds, or None if none improves F."""
        types = self.types
        type_of = types.type_of
        removable = [j for j in sorted(self.selected) if not self.fixed[j]]
        if not 2 <= len(removable) <= _PAIR_MAX_SIZE:
            return None
        pairs = self._pair_drops(removable)
        tol = 1e-10 * (1.0 + abs(self.value))
        floor = min(p[0] for p in pairs) / 2.0
        pool = np.sort(self.ranked.above(floor + tol))
        pool = pool[~self.in_s[pool]]
        if pool.size < 2:
            return None
        if pool.size > _PAIR_POOL:
            keep = np.lexsort((pool, -self.g0[pool]))[:_PAIR_POOL]
            pool = np.sort(pool[keep])
        rows = self._pool_view(pool)
        best = (tol, -1, -1, -1, -1)
        for drop, j1, j2, lv in pairs:
            base_counts = types.plus(
                types.plus(self.counts, int(type_of[j1]), -1), int(type_of[j2]), -1
            )
            gains = self._gains(rows, lv)
            if gains.max() * 2 <= drop + best[0]:
                continue
            best = self._best_pair_in(rows, gains, lv, base_counts, drop, (j1, j2), best)
        return None if best[1] < 0 else best[1:]

    def _best_pair_in(
        self,
        rows: _PoolRows,
        gains: FloatArray,
        lv: FloatArray,
        base_counts: tuple[int, ...],
        drop: float,
        out: tuple[int, int],
        best: tuple[float, int, int, int, int],
    ) -> tuple[float, int, int, int, int]:
        """``best`` or a better move that drops ``out``: lookahead over the first addition."""
        types = self.types
        pool_types = types.type_of[rows.pool]
        top = np.argsort(-gains, kind="stable")[:_PAIR_LOOKAHEAD]
        for k1 in top:
            i1 = int(rows.pool[k1])
            ok = types.valid_after(types.plus(base_counts, int(pool_types[k1])))
            i_needs, i_a = self._row(i1)
            pos = rows.entries_of(i_needs)
            trial = gains.copy()
            if pos.size:
                add = np.zeros(self.problem.n_needs)
                add[i_needs] = i_a
                f = rows.needs[pos]
                old = lv[f]
                self._correct(trial, rows, pos, old, old + add[f])
            trial[k1] = -np.inf
            trial[~ok[pool_types]] = -np.inf
            k2 = int(np.argmax(trial))
            total = float(gains[k1] + trial[k2] - drop)
            if total > best[0]:
                best = (total, out[0], out[1], i1, int(rows.pool[k2]))
        return best

    def upper_bound(self) -> float:
        """F(S) plus the largest marginal gains [1]_: no feasible selection beats it.

        Scans candidates in descending ``g0`` (an upper bound on each gain) and stops as
        soon as the ``k``-th best exact gain is at least the next ``g0``.
        """
        k = self.max_size - int(self.fixed.sum())
        pool = np.flatnonzero(~self.blocked & ~self.in_s).astype(np.intp)
        k = min(k, pool.size)
        if k <= 0:
            return self.value
        ranked = _Sorted(pool, self.g0, max(_FIRST_BLOCK, 4 * k))
        found = np.zeros(0)
        done = 0
        while True:
            head = ranked.get(done)
            if head is None or (found.size >= k and found[-k] >= self.g0[head]):
                break
            block = ranked.order[done:]
            done = ranked.order.size
            rowid, needs, a = self._pool_rows(block)
            lv = self.level[needs]
            contrib = self.w[needs] * (np.minimum(1.0, lv + a) - np.minimum(1.0, lv))
            exact = np.bincount(rowid, weights=contrib, minlength=block.size) + self.bonus[block]
            found = np.sort(np.concatenate([found, exact]))[-k:]
        return self.value + float(found[-k:].sum())


def _greedy(
    problem: CoverageProblem, types: _Types, rng: np.random.Generator, deadline: float | None
) -> Selection:
    search = _Search(problem, types, rng, deadline)
    search.add_phase()
    search.swap_phase()
    swaps = search.swaps
    search.pair_phase()
    pairs = search.pairs
    search.perturb_phase(_KICK_ROUNDS)
    selected = np.array(sorted(search.selected), dtype=np.intp)
    value = _objective(problem, selected)
    bound = max(search.upper_bound(), value)
    optimal = bound - value <= 1e-9 * (1.0 + abs(value))
    note = (
        f"lazy greedy, {swaps} improving swaps, {pairs} pair moves, "
        f"{search.kicks} of {_KICK_ROUNDS} perturbation rounds kept"
    )
    if search.out_of_time():
        note += "; the local search stopped at the time limit"
    return Selection(selected, value, "greedy", optimal, bound, note)
