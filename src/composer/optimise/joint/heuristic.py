"""The joint heuristic for large pools: greedy over person × role by gain per hour, then
moves between roles, swaps, and seeded perturbation.

1. **Shortlist.** For every need and phase, the ``K`` candidates who cover it best among
   those who may join that phase, the best members of every quota, the includes and the
   best core fillers by fit. Every later step works on the shortlist only, so its cost
   does not grow with the pool (one pass over the sparse coverage makes the shortlist).
2. **Greedy.** Options are "``i`` joins the core", "``i`` joins phase ``p``" and "the
   participant ``i`` moves up to the core"; each is ranked by its gain in F per hour
   (a core seat below ``core_min`` costs nothing: it must be filled anyway), a second
   run by gain alone. Quota minimums are met first, maxima are never crossed.
3. **Local search.** Additions, one-for-one swaps in the core and in the phases, until no
   move raises F; then, keeping F within the objective's slack of the best found, moves that save
   person-hours (dropping, and turning a core member into a participant of the phases
   where they count), then swaps that raise the fit.
4. **Perturbation.** Seeded rounds drop a few members and rebuild (iterated local search
   [1]_); a round is kept when it is better by the tiers.

References
----------
.. [1] Lourenço, H. R., Martin, O. C. and Stützle, T. (2003). "Iterated Local Search".
   In *Handbook of Metaheuristics*, 320-353. doi:10.1007/0-306-48056-5_11
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .objective import fit_tier, twin_labels
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

__all__ = ["PERTURB_ROUNDS", "shortlist", "solve_heuristic"]

#: Seeded perturbation rounds after the first local search.
PERTURB_ROUNDS = 30
#: Candidates kept per need and phase by the shortlist (beyond the seats there are).
SHORTLIST_EXTRA = 10
_EPS = 1e-9

IntArray = npt.NDArray[np.intp]
#: an addition: (rank key, candidate, to the core?, phase or -1)
Pick = tuple[tuple[float, float, float, int], int, bool, int]


def shortlist(problem: JointProblem) -> IntArray:
    """Sorted indices of the candidates the heuristic considers (see the module docstring)."""
    n, P = problem.n, problem.n_phases
    can = problem.core_ok | problem.phase_ok.any(axis=1)
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
    rank = problem.score_or_zero
    for q in problem.quotas:
        mem = np.flatnonzero(q.members & can)
        keep[_top(mem, rank[mem], q.min + problem.core_max + problem.total_max)] = True
    core = np.flatnonzero(problem.core_ok)
    keep[_top(core, problem.fit_or_zero[core], problem.core_max + SHORTLIST_EXTRA)] = True
    return np.flatnonzero(keep & can)


def _top(idx: IntArray, val: npt.NDArray[np.float64], k: int) -> IntArray:
    """The ``k`` entries of ``idx`` with the highest ``val`` (ties by lower index)."""
    if len(idx) <= k:
        return idx
    order = np.lexsort((idx, -val))
    return idx[order[:k]]


@dataclass
class _State:
    core: np.ndarray  # r bool
    part: np.ndarray  # r × P bool
    cov: np.ndarray  # m × P

    def copy(self) -> _State:
        return _State(self.core.copy(), self.part.copy(), self.cov.copy())

    def adopt(self, other: _State) -> None:
        """Take ``other``'s roles in place."""
        self.core[:], self.part[:], self.cov[:] = other.core, other.part, other.cov


class _Search:
    """The search on the shortlist (local indices 0..r-1)."""

    def __init__(self, problem: JointProblem, rows: IntArray, seed: int) -> None:
        self.pr = problem
        self.rows = rows
        self.C = problem.coverage[rows].toarray()  # r × m
        self.r, self.m = self.C.shape
        self.P = problem.n_phases
        self.ph = problem.phase_hours
        self.H = problem.all_hours
        self.obj = problem.objective
        self.act = self.obj.mask  # m × P
        self.core_ok = problem.core_ok[rows]
        self.phase_ok = problem.phase_ok[rows] if self.P > 1 else np.zeros((self.r, self.P), bool)
        h = problem.hours[rows]
        self.hours = np.where(np.isnan(h), np.inf, h)
        self.fit = problem.fit_or_zero[rows]
        self.score = problem.score_or_zero[rows]
        self.tie_score = PARTICIPANT_SCORE_SHARE * self.score  # a participant's share
        self.mem = (
            np.column_stack([q.members[rows] for q in problem.quotas])
            if problem.quotas
            else np.zeros((self.r, 0), bool)
        )
        self.qmin = np.array([q.min for q in problem.quotas], dtype=float)
        self.qmax = np.array([np.inf if q.max is None else q.max for q in problem.quotas])
        self.qscope = np.array([q.scope for q in problem.quotas], dtype=int)
        pos = np.full(problem.n, -1, dtype=np.intp)
        pos[rows] = np.arange(self.r)
        self.include = pos[problem.include]
        self.locked = np.zeros(self.r, dtype=bool)
        self.locked[pos[list(problem.fixed)]] = True
        self.fixed = {int(pos[i]): role for i, role in problem.fixed.items()}
        # members that moves never take out (includes and kept roles)
        self.is_inc = self.locked.copy()
        self.is_inc[self.include] = True
        twin, self.caps = twin_labels(problem.n, problem.twins)
        self.twin = twin[rows]
        self.rng = np.random.default_rng(seed)
        self.banned = np.zeros(self.r, dtype=bool)

    # ------------------------------------------------------------------ values
    def value(self, cov: np.ndarray) -> float:
        return self.obj.value(cov)

    def gains(self, cov: np.ndarray) -> np.ndarray:
        """r × P: the gain in F of adding each candidate to each phase alone."""
        return self.obj.gains(self.C, cov)

    def hours_of(self, s: _State) -> float:
        return float(s.core.sum() * self.H + (s.part * self.ph[None, :]).sum())

    def tier(self, s: _State) -> float:
        is_part = np.asarray(s.part.any(axis=1), dtype=bool)
        return fit_tier(self.fit, self.score, s.core, is_part, self.twin, self.caps)

    def key(self, s: _State) -> tuple[float, float, float]:
        return (self.obj.first_tier(*self._members(s)), -self.hours_of(s), self.tier(s))

    def worst(self, s: _State) -> float:
        """F after the single dropout that hurts most (F for an empty network)."""
        return self.obj.worst_dropout(*self._members(s))

    def _members(self, s: _State) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The coverage, the members' coverage rows and their phases."""
        who = np.flatnonzero(s.core | s.part.any(axis=1))
        present = s.part[who] | s.core[who][:, None]
        return s.cov, self.C[who], present

    # ------------------------------------------------------------------ N-1
    def _additions(self, s: _State) -> list[tuple[int, bool, np.ndarray]]:
        """Every single addition the rules allow: a core seat, or one more phase."""
        pr = self.pr
        out: list[tuple[int, bool, np.ndarray]] = []
        covers = self.C.sum(axis=1) > 0
        counts = self.counts(s)
        n_part = int(s.part.any(axis=1).sum())
        per = s.part.sum(axis=0)
        for i in np.flatnonzero(covers & ~s.core & ~self.locked).tolist():
            if self.core_ok[i] and int(s.core.sum()) < pr.core_max:
                out.append((i, True, np.zeros(self.P, bool)))
            if not s.part[i].any() and n_part >= pr.total_max:
                continue
            for ph in np.flatnonzero(self.phase_ok[i] & ~s.part[i] & (per < pr.per_phase_max)):
                S = s.part[i].copy()
                S[ph] = True
                if S.sum() < self.P and float(self.ph[S].sum()) <= self.hours[i] + 1e-9:
                    out.append((i, False, S))
        keep = []
        for i, to_core, S in out:
            new = -1 if to_core else int(np.flatnonzero(S & ~s.part[i])[0])
            d = self.deltas(s, np.array([i]), to_core, new)[0]
            if ((counts + d) <= self.qmax).all():
                keep.append((i, to_core, S))
        return keep

    def raise_worst(self, s: _State) -> None:
        """Add the seat that raises the worst single-dropout F most (per hour on ties),
        while one does."""
        for _ in range(self.pr.core_max + self.pr.total_max * self.P + 1):
            base = self.worst(s)
            best: tuple[float, float, int, bool, np.ndarray] | None = None
            for i, to_core, S in self._additions(s):
                trial = s.copy()
                self.set_role(trial, i, to_core, S)
                gain = self.worst(trial) - base
                cost = self.hours_of(trial) - self.hours_of(s)
                if gain > 1e-9 and (best is None or (gain, -cost) > (best[0], best[1])):
                    best = (gain, -cost, i, to_core, S)
            if best is None:
                return
            self.set_role(s, best[2], best[3], best[4])

    def save_hours_worst(self, s: _State, floor: float) -> None:
        """Drop members and phases while the worst single-dropout F stays >= floor."""
        for _ in range(100):
            H0 = self.hours_of(s)
            best: tuple[float, int, np.ndarray] | None = None
            for j in np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.locked).tolist():
                for S in self._smaller_roles(s, j):
                    trial = s.copy()
                    self.set_role(trial, j, False, S)
                    saved = H0 - self.hours_of(trial)
                    if saved <= 1e-9 or not self._quotas_hold(trial):
                        continue
                    if self.worst(trial) >= floor and (best is None or saved > best[0]):
                        best = (saved, j, S)
            if best is None:
                return
            self.set_role(s, best[1], False, best[2])

    # ------------------------------------------------------------------ rules
    def counts(self, s: _State) -> np.ndarray:
        """Each quota's count in its scope."""
        if not len(self.qmin):
            return np.zeros(0)
        in_core = self.mem[s.core].sum(axis=0).astype(float)
        is_part = s.part.any(axis=1)
        out = in_core.copy()
        for k, scope in enumerate(self.qscope):
            if scope == NETWORK:
                out[k] += self.mem[is_part, k].sum()
            elif scope >= 0:
                out[k] += self.mem[s.part[:, scope], k].sum()
        return out

    def deltas(self, s: _State, cand: IntArray, to_core: bool, p: int) -> np.ndarray:
        """len(cand) × Q: change of each quota's count when each of ``cand`` joins the core
        (``to_core``) or phase ``p``, keeping any phases they have."""
        Q = len(self.qmin)
        out = np.zeros((len(cand), Q))
        if not Q or not len(cand):
            return out
        was_core = s.core[cand]
        was_part = s.part[cand]
        was_in = was_core | was_part.any(axis=1)
        for k, scope in enumerate(self.qscope):
            if scope == CORE:
                d = float(to_core) - was_core.astype(float)
            elif scope == NETWORK:
                d = 1.0 - was_in.astype(float)
            else:
                before = was_core | was_part[:, scope]
                after = np.ones(len(cand), bool) if (to_core or p == scope) else before
                d = after.astype(float) - before.astype(float)
            out[:, k] = d * self.mem[cand, k]
        return out

    def leave_deltas(self, s: _State, j: int) -> np.ndarray:
        """Change of each quota's count when ``j`` leaves the network."""
        Q = len(self.qmin)
        out = np.zeros(Q)
        for k, scope in enumerate(self.qscope):
            if not self.mem[j, k]:
                continue
            if scope == CORE:
                out[k] = -float(s.core[j])
            elif scope == NETWORK:
                out[k] = -float(s.core[j] or s.part[j].any())
            else:
                out[k] = -float(s.core[j] or s.part[j, scope])
        return out

    def feasible(self, s: _State) -> bool:
        c = self.counts(s)
        return bool(((c >= self.qmin) & (c <= self.qmax)).all()) and self._sizes_ok(s)

    def _sizes_ok(self, s: _State) -> bool:
        pr = self.pr
        return (
            pr.core_min <= int(s.core.sum()) <= pr.core_max
            and int(s.part.any(axis=1).sum()) <= pr.total_max
            and bool((s.part.sum(axis=0) <= pr.per_phase_max).all())
        )

    # ------------------------------------------------------------------ moves
    def set_role(self, s: _State, i: int, to_core: bool, phases: np.ndarray) -> None:
        """Give ``i`` a new role (out: ``to_core`` False and no phases)."""
        row = self.C[i][:, None]
        if s.core[i]:
            s.cov -= row
        else:
            s.cov -= row * s.part[i][None, :]
        s.core[i] = to_core
        s.part[i] = phases if not to_core else False
        if to_core:
            s.cov += row
        else:
            s.cov += row * s.part[i][None, :]

    def _options(self, s: _State, by_ratio: bool, quota_need: np.ndarray | None) -> Pick | None:
        """The best single addition: (i, to_core, phase or -1) or None."""
        pr = self.pr
        G = self.gains(s.cov)
        n_core = int(s.core.sum())
        is_part = s.part.any(axis=1)
        n_part = int(is_part.sum())
        counts = self.counts(s)
        best: Pick | None = None
        # core additions (outsiders and participants moving up)
        if n_core < pr.core_max:
            cand = np.flatnonzero(self.core_ok & ~s.core)
            gain = (G[cand] * ~s.part[cand]).sum(axis=1)
            cost = self.H - (s.part[cand] * self.ph[None, :]).sum(axis=1)
            if n_core < pr.core_min:
                cost = np.full(len(cand), 1e-6)
            best = self._pick(best, s, cand, gain, cost, True, -1, by_ratio, counts, quota_need)
        # phase additions
        for p in range(self.P):
            if int(s.part[:, p].sum()) >= pr.per_phase_max:
                continue
            spent = (s.part * self.ph[None, :]).sum(axis=1)
            ok = (
                self.phase_ok[:, p]
                & ~s.core
                & ~s.part[:, p]
                & (spent + self.ph[p] <= self.hours + 1e-9)
                & (s.part.sum(axis=1) + 1 < self.P)
            )
            if n_part >= pr.total_max:
                ok &= is_part
            cand = np.flatnonzero(ok)
            best = self._pick(best, s, cand, G[cand, p], np.full(len(cand), self.ph[p]), False,
                              p, by_ratio, counts, quota_need)  # fmt: skip
        return best

    def _pick(self, best, s, cand, gain, cost, to_core, p, by_ratio, counts, quota_need):  # type: ignore[no-untyped-def]
        keep0 = ~self.banned[cand] & ~self.locked[cand]
        cand, gain, cost = cand[keep0], gain[keep0], cost[keep0]
        if not len(cand):
            return best
        D = self.deltas(s, cand, to_core, p)
        keep = (D[:, quota_need] > 0).any(axis=1) if quota_need is not None else gain > _EPS
        if len(self.qmax):
            keep &= (counts[None, :] + D <= self.qmax[None, :]).all(axis=1)
        cand, gain, cost = cand[keep], gain[keep], cost[keep]
        if not len(cand):
            return best
        rank = gain / cost if by_ratio else gain
        tie = self.fit[cand] if to_core else self.tie_score[cand]
        order = np.lexsort((cand, -tie, -gain, -rank))
        j = int(order[0])
        k = (float(rank[j]), float(gain[j]), float(tie[j]), -int(cand[j]))
        if best is None or k > best[0]:
            return (k, int(cand[j]), to_core, p)
        return best

    def add(self, s: _State, pick: Pick) -> None:
        _, i, to_core, p = pick
        if to_core:
            self.set_role(s, i, True, np.zeros(self.P, bool))
        else:
            phases = s.part[i].copy()
            phases[p] = True
            self.set_role(s, i, False, phases)

    def greedy(self, s: _State, by_ratio: bool, banned: IntArray | None = None) -> _State:
        """Fill ``s``: quota minimums first, then gains, then core seats up to core_min.

        ``banned`` (local indices) are not added back, unless nothing else can fill.
        """
        self.banned = np.zeros(self.r, dtype=bool)
        if banned is not None:
            self.banned[banned] = True
        self._meet_minimums(s, by_ratio)
        while (pick := self._options(s, by_ratio, None)) is not None:
            self.add(s, pick)
        while int(s.core.sum()) < self.pr.core_min and self._fill_core_seat(s):
            pass
        return s

    def _meet_minimums(self, s: _State, by_ratio: bool) -> None:
        """Add the best people for the quotas still short, while that is possible."""
        for _ in range(4 * (self.pr.core_max + self.pr.total_max * self.P) + 8):
            need = self.counts(s) < self.qmin
            if not need.any():
                return
            pick = self._options(s, by_ratio, need)
            if pick is None:
                return
            self.add(s, pick)

    def _fill_core_seat(self, s: _State) -> bool:
        """Put the best remaining candidate in the core (gain, then fit, then id)."""
        cand = np.flatnonzero(self.core_ok & ~s.core & ~s.part.any(axis=1))
        if not len(cand):
            cand = np.flatnonzero(self.core_ok & ~s.core & ~self.locked)
        if (~self.banned[cand]).any():
            cand = cand[~self.banned[cand]]
        D = self.deltas(s, cand, True, -1)
        cand = cand[(self.counts(s)[None, :] + D <= self.qmax[None, :]).all(axis=1)]
        if not len(cand):
            return False
        G = self.gains(s.cov).sum(axis=1)[cand]
        order = np.lexsort((cand, -self.fit[cand], -G))
        self.set_role(s, int(cand[order[0]]), True, np.zeros(self.P, bool))
        return True

    def start(self) -> _State:
        s = _State(
            np.zeros(self.r, bool), np.zeros((self.r, self.P), bool), np.zeros((self.m, self.P))
        )
        pr = self.pr
        for i, role in self.fixed.items():
            phases = np.zeros(self.P, bool)
            if role is not None:
                phases[list(role)] = True
            self.set_role(s, i, role is None, phases)
        for i in self.include.tolist():
            if self.locked[i]:
                continue
            if self.core_ok[i] and int(s.core.sum()) < pr.core_max:
                self.set_role(s, i, True, np.zeros(self.P, bool))
        G = self.gains(s.cov)
        for i in self.include.tolist():
            if s.core[i] or self.locked[i]:
                continue
            ok = np.flatnonzero(self.phase_ok[i])
            if not len(ok):
                continue
            p = int(ok[np.lexsort((ok, -G[i, ok]))[0]])
            phases = np.zeros(self.P, bool)
            phases[p] = True
            self.set_role(s, i, False, phases)
        return s

    # ------------------------------------------------------------------ local search
    def _swap_core(self, s: _State, floor: float | None) -> bool:
        """Best one-for-one core swap; with ``floor`` (F kept above it) by fit, else by F."""
        F0 = self.value(s.cov)
        t0 = self.tier(s)
        counts = self.counts(s)
        best: tuple[tuple[float, float], int, int] | None = None
        outs = np.flatnonzero(self.core_ok & ~s.core & ~s.part.any(axis=1))
        if not len(outs):
            return False
        for j in np.flatnonzero(s.core & ~self.is_inc).tolist():
            cov_j = s.cov - self.C[j][:, None]
            F_j = self.value(cov_j)
            gain = self.gains(cov_j)[outs].sum(axis=1)
            F_new = F_j + gain
            D = self.deltas(s, outs, True, -1) + self.leave_deltas(s, j)[None, :]
            c = counts[None, :] + D
            ok = ((c >= self.qmin[None, :]) & (c <= self.qmax[None, :])).all(axis=1)
            fit_new = t0 - self.fit[j] + self.fit[outs] - self._twin_cost(s, j, outs)
            if floor is None:
                ok &= (F_new > F0 + 1e-7) | ((F_new > F0 - 1e-9) & (fit_new > t0 + 1e-7))
                score = np.c_[F_new, fit_new]
            else:
                ok &= (F_new >= floor) & (fit_new > t0 + 1e-7)
                score = np.c_[fit_new, F_new]
            if not ok.any():
                continue
            cand = np.flatnonzero(ok)
            order = np.lexsort((outs[cand], -score[cand, 1], -score[cand, 0]))
            k = int(cand[order[0]])
            key = (float(score[k, 0]), float(score[k, 1]))
            if best is None or key > best[0]:
                best = (key, j, int(outs[k]))
        if best is None:
            return False
        _, j, i = best
        self.set_role(s, j, False, np.zeros(self.P, bool))
        self.set_role(s, i, True, np.zeros(self.P, bool))
        return True

    def _twin_cost(self, s: _State, j: int, outs: IntArray) -> np.ndarray:
        """Extra near-twin excess when ``j`` leaves the core and each of ``outs`` joins."""
        if not len(self.caps):
            return np.zeros(len(outs))
        cap = self.caps
        k = np.bincount(self.twin[s.core & (self.twin >= 0)], minlength=len(cap))
        before = np.maximum(0, k - cap).sum()
        if self.twin[j] >= 0:
            k = k.copy()
            k[self.twin[j]] -= 1
        base = np.maximum(0, k - cap).sum()
        g = self.twin[outs]
        extra = np.where(g >= 0, (k[np.maximum(g, 0)] + 1 > cap[np.maximum(g, 0)]), False)
        return (base + extra - before).astype(float)

    def _swap_part(self, s: _State) -> bool:
        """Best swap of a member (a participant, or a core member above core_min) for an
        outsider who joins the phases where they add most (raises F)."""
        F0 = self.value(s.cov)
        best: tuple[float, int, int, np.ndarray] | None = None
        free = ~s.core & ~s.part.any(axis=1) & ~self.locked
        movable = s.part.any(axis=1)
        if int(s.core.sum()) > self.pr.core_min:
            movable = movable | s.core
        for j in np.flatnonzero(movable & ~self.is_inc).tolist():
            present = np.ones(self.P, bool) if s.core[j] else s.part[j]
            trial_cov = s.cov - self.C[j][:, None] * present[None, :]
            outs, sets, gain = self._best_sets(s, j, trial_cov, free)
            if not len(outs):
                continue
            F_new = self.value(trial_cov) + gain
            ok = F_new > F0 + 1e-7
            ok &= self._quota_ok_after(s, j, outs, sets)
            if not ok.any():
                continue
            cand = np.flatnonzero(ok)
            k = int(cand[np.lexsort((outs[cand], -F_new[cand]))[0]])
            if best is None or F_new[k] > best[0]:
                best = (float(F_new[k]), j, int(outs[k]), sets[k])
        if best is None:
            return False
        _, j, i, S = best
        self.set_role(s, j, False, np.zeros(self.P, bool))
        self.set_role(s, i, False, S)
        return True

    def _best_sets(
        self, s: _State, j: int, cov: np.ndarray, free: np.ndarray
    ) -> tuple[IntArray, np.ndarray, np.ndarray]:
        """For outsiders: the phases where each adds most (seats, hours, not all phases)."""
        pr = self.pr
        seats = pr.per_phase_max - s.part.sum(axis=0) + s.part[j]
        n_part = int(s.part.any(axis=1).sum()) - int(s.part[j].any())
        if n_part >= pr.total_max:
            return np.zeros(0, dtype=np.intp), np.zeros((0, self.P), bool), np.zeros(0)
        outs = np.flatnonzero(free & self.phase_ok.any(axis=1))
        G = self.gains(cov)[outs]
        sets = self.phase_ok[outs] & (G > _EPS) & (seats > 0)[None, :]
        for _ in range(self.P):
            cost = sets @ self.ph
            over = (cost > self.hours[outs] + 1e-9) | (sets.sum(axis=1) >= self.P)
            if not over.any():
                break
            worth = np.where(sets, G / self.ph[None, :], np.inf)
            drop = np.argmin(worth, axis=1)
            rows = np.flatnonzero(over)
            sets[rows, drop[rows]] = False
        gain = (G * sets).sum(axis=1)
        keep = gain > _EPS
        return outs[keep], sets[keep], gain[keep]

    def _quota_ok_after(self, s: _State, j: int, outs: IntArray, sets: np.ndarray) -> np.ndarray:
        """Whether every quota holds when ``j`` leaves and each of ``outs`` joins ``sets``."""
        if not len(self.qmin):
            return np.ones(len(outs), dtype=bool)
        D = np.zeros((len(outs), len(self.qmin)))
        for k, scope in enumerate(self.qscope):
            if scope == NETWORK:
                D[:, k] = self.mem[outs, k]
            elif scope >= 0:
                D[:, k] = self.mem[outs, k] & sets[:, scope]
        c = self.counts(s)[None, :] + D + self.leave_deltas(s, j)[None, :]
        return ((c >= self.qmin[None, :]) & (c <= self.qmax[None, :])).all(axis=1)

    def improve(self, s: _State) -> None:
        """Raise F: additions, swaps and one-out-refill moves until none helps."""
        for _ in range(200):
            pick = self._options(s, False, None)
            if pick is not None:
                self.add(s, pick)
                continue
            if self._swap_core(s, None) or self._swap_part(s) or self._refill(s):
                continue
            if self._exchange(s):
                continue
            break

    def _fill_phases(self, s: _State, j: int) -> None:
        """Bring ``j`` (out) into the phases where they add most, while that adds F."""
        pr = self.pr
        if int(s.part.any(axis=1).sum()) >= pr.total_max:
            return
        while True:
            G = self.gains(s.cov)[j]
            spent = float(self.ph[s.part[j]].sum())
            ok = (
                self.phase_ok[j]
                & ~s.part[j]
                & (s.part.sum(axis=0) < pr.per_phase_max)
                & (spent + self.ph <= self.hours[j] + 1e-9)
                & (G > _EPS)
            )
            if int(s.part[j].sum()) + 1 >= self.P or not ok.any():
                return
            cand = np.flatnonzero(ok)
            p = int(cand[np.lexsort((cand, -G[cand]))[0]])
            phases = s.part[j].copy()
            phases[p] = True
            self.set_role(s, j, False, phases)

    def _exchange(self, s: _State) -> bool:
        """Best exchange of roles: a participant moves up to the core, a core member goes
        out or down to the phases where they add most (raises F)."""
        F0 = self.value(s.cov)
        best: tuple[float, _State] | None = None
        ups = np.flatnonzero(s.part.any(axis=1) & self.core_ok & ~self.locked)
        for j in np.flatnonzero(s.core & ~self.is_inc).tolist():
            for i in ups.tolist():
                trial = s.copy()
                self.set_role(trial, j, False, np.zeros(self.P, bool))
                self.set_role(trial, i, True, np.zeros(self.P, bool))
                self._fill_phases(trial, j)
                if not self.feasible(trial):
                    continue
                F = self.value(trial.cov)
                if F > F0 + 1e-7 and (best is None or best[0] + 1e-12 < F):
                    best = (F, trial)
        if best is None:
            return False
        s.adopt(best[1])
        return True

    def _best_refill(self, s: _State, groups: Sequence[tuple[int, ...]]) -> _State | None:
        """The best of: each group's members out, a greedy refill without them; only a
        result that raises F."""
        F0 = self.value(s.cov)
        best: tuple[float, _State] | None = None
        for group in groups:
            trial = s.copy()
            for j in group:
                self.set_role(trial, j, False, np.zeros(self.P, bool))
            self.greedy(trial, False, banned=np.array(group))
            if not self.feasible(trial):
                continue
            F = self.value(trial.cov)
            if F > F0 + 1e-7 and (best is None or best[0] + 1e-12 < F):
                best = (F, trial)
        return None if best is None else best[1]

    def _movable(self, s: _State) -> list[int]:
        return np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.is_inc).tolist()

    def intensify(self, s: _State) -> None:
        """Two members out, greedy refill (without them), then the usual moves; repeat."""
        for _ in range(20):
            members = self._movable(s)
            pairs = [(a, b) for k, a in enumerate(members) for b in members[k + 1 :]]
            better = self._best_refill(s, pairs)
            if better is None:
                return
            s.adopt(better)
            self.improve(s)

    def _refill(self, s: _State) -> bool:
        """Best "one member out, greedy refill" move that raises F (covers role changes)."""
        better = self._best_refill(s, [(j,) for j in self._movable(s)])
        if better is not None:
            s.adopt(better)
        return better is not None

    def save_hours(self, s: _State, floor: float) -> None:
        """Keep F >= floor and save person-hours: simple moves, then compound ones."""
        for _ in range(100):
            if self._drop_step(s, floor) or self._swap_step(s, floor):
                continue
            return

    def _swap_step(self, s: _State, floor: float) -> bool:
        """A member out (or down to their best phases), a greedy refill by gain per hour,
        then the simple drops: taken when it saves hours and keeps F >= floor."""
        H0 = self.hours_of(s)
        best: tuple[float, _State] | None = None
        for j in np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.is_inc).tolist():
            variants = [np.zeros(self.P, bool)]
            if s.core[j]:
                S = self._useful_phases(s, j)
                if S.any() and S.sum() < self.P and self.phase_ok[j, S].all():
                    variants.append(S)
            for S in variants:
                trial = s.copy()
                self.set_role(trial, j, False, np.zeros(self.P, bool))
                if S.any():
                    self.set_role(trial, j, False, S)
                self.greedy(trial, True, banned=np.array([j]))
                while self._drop_step(trial, floor):
                    pass
                if not self.feasible(trial) or self.value(trial.cov) < floor:
                    continue
                saved = H0 - self.hours_of(trial)
                if saved > 1e-9 and (best is None or saved > best[0] + 1e-9):
                    best = (saved, trial)
        if best is None:
            return False
        s.adopt(best[1])
        return True

    def _useful_phases(self, s: _State, j: int) -> np.ndarray:
        """The phases where core member ``j``'s coverage counts."""
        cov_out = s.cov - self.C[j][:, None]
        base = self.value(cov_out)
        S = np.zeros(self.P, bool)
        for p in range(self.P):
            alone = cov_out.copy()
            alone[:, p] += self.C[j]
            S[p] = self.value(alone) > base + 1e-9
        return S

    def _drop_step(self, s: _State, floor: float) -> bool:
        """The simple move that saves most hours with F >= floor (drop, demote, drop a phase)."""
        best: tuple[float, float, int, np.ndarray] | None = None
        H0 = self.hours_of(s)
        for j in np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.locked).tolist():
            for S in self._smaller_roles(s, j):
                trial = s.copy()
                self.set_role(trial, j, False, S)
                F = self.value(trial.cov)
                saved = H0 - self.hours_of(trial)
                if floor > F or saved <= 1e-9 or not self._quotas_hold(trial):
                    continue
                if best is None or (saved, F) > (best[0], best[1]):
                    best = (saved, F, j, S)
        if best is None:
            return False
        self.set_role(s, best[2], False, best[3])
        return True

    def _quotas_hold(self, s: _State) -> bool:
        c = self.counts(s)
        return bool(((c >= self.qmin) & (c <= self.qmax)).all())

    def _smaller_roles(self, s: _State, j: int) -> list[np.ndarray]:
        """Roles for member ``j`` that cost fewer hours: out, or fewer phases."""
        pr = self.pr
        out: list[np.ndarray] = []
        if not self.is_inc[j]:
            out.append(np.zeros(self.P, bool))
        if s.core[j]:
            if int(s.core.sum()) <= pr.core_min:
                return []
            S = self._useful_phases(s, j)
            if (
                S.any()
                and S.sum() < self.P
                and self.phase_ok[j, S].all()
                and (s.part.sum(axis=0)[S] < pr.per_phase_max).all()
                and int(s.part.any(axis=1).sum()) < pr.total_max
            ):
                out.append(S)
            return out
        S0 = s.part[j]
        if S0.sum() > 1:
            for p in np.flatnonzero(S0).tolist():
                S = S0.copy()
                S[p] = False
                out.append(S)
        return out

    def polish(self, s: _State, floor: float) -> None:
        """Raise the fit by core swaps that keep F >= floor and the hours."""
        for _ in range(50):
            if not self._swap_core(s, floor):
                return


def _better(a: tuple[float, float, float], b: tuple[float, float, float], floor: float) -> bool:
    """``a`` beats ``b`` when both reach ``floor``: fewer hours, then a higher fit, then F."""
    if a[0] < floor:
        return False
    if b[0] < floor:
        return True
    if abs(a[1] - b[1]) > 1e-9:
        return a[1] > b[1]
    if abs(a[2] - b[2]) > 1e-9:
        return a[2] > b[2]
    return a[0] > b[0] + 1e-9


def _kick(search: _Search, base: _State, by_ratio: bool) -> _State | None:
    """Drop one to four random members of ``base`` (not includes) and refill without them."""
    s = base.copy()
    members = np.flatnonzero((s.core | s.part.any(axis=1)) & ~search.is_inc)
    if not len(members):
        return None
    k = int(search.rng.integers(1, min(4, len(members)) + 1))
    kicked = search.rng.choice(members, size=k, replace=False)
    for j in kicked.tolist():
        search.set_role(s, j, False, np.zeros(search.P, bool))
    # half of the kicks also move a participant up to the core: roles change, not only people
    ups = np.flatnonzero(s.part.any(axis=1) & search.core_ok & ~search.is_inc)
    if len(ups) and int(s.core.sum()) < search.pr.core_max and search.rng.random() < 0.5:
        search.set_role(s, int(search.rng.choice(ups)), True, np.zeros(search.P, bool))
    s = search.greedy(s, by_ratio, banned=kicked)
    return s if search.feasible(s) else None


def _best_F(search: _Search, rounds: int) -> tuple[_State, list[_State]] | None:
    """Greedy (by gain per hour and by gain), local search, then perturbation on F."""
    found: list[_State] = []
    for by_ratio in (True, False):
        s = search.greedy(search.start(), by_ratio)
        if search.feasible(s):
            search.improve(s)
            found.append(s)
    if not found:
        return None
    best = max(found, key=search.key)
    for r in range(rounds):
        kicked = _kick(search, best, bool(r % 2))
        if kicked is None:
            continue
        search.improve(kicked)
        found.append(kicked)
        if search.key(kicked) > search.key(best):
            best = kicked
    search.intensify(best)
    found.append(best)
    return best, found


def _fewest_hours(search: _Search, found: list[_State], floor: float, rounds: int) -> _State:
    """Among solutions with F >= floor: save hours, then perturbation on hours."""
    finals = []
    for s in found:
        if search.value(s.cov) >= floor:
            search.save_hours(s, floor)
            search.polish(s, floor)
            finals.append((search.key(s), s))
    choice = finals[0]
    for item in finals[1:]:
        if _better(item[0], choice[0], floor):
            choice = item
    for r in range(rounds):
        kicked = _kick(search, choice[1], bool(r % 2))
        if kicked is None:
            continue
        search.save_hours(kicked, floor)
        search.polish(kicked, floor)
        key = search.key(kicked)
        if _better(key, choice[0], floor):
            choice = (key, kicked)
    return choice[1]


def solve_heuristic(
    problem: JointProblem, *, seed: int = 0, rounds: int = PERTURB_ROUNDS
) -> JointSolution | None:
    """A good solution by the tiers (see the module docstring), or None when none is found.

    Deterministic for a given problem and ``seed``.
    """
    rows = shortlist(problem)
    if not len(rows):
        return None
    search = _Search(problem, rows, seed)
    first = _best_F(search, rounds)
    if first is None:
        return None
    best, found = first
    s = _fewest_hours(search, found, search.value(best.cov) - search.obj.slack, rounds)
    if problem.resilient:
        search.raise_worst(s)
        search.save_hours_worst(s, search.worst(s) - search.obj.slack)
    core = tuple(int(rows[i]) for i in np.flatnonzero(s.core))
    phases = {
        int(rows[i]): tuple(int(p) for p in np.flatnonzero(s.part[i]))
        for i in np.flatnonzero(s.part.any(axis=1))
    }
    core, phases = by_id(problem, core, phases)
    if rule_violations(problem, core, phases):  # pragma: no cover - a bug guard
        return None
    F, H, fit = evaluate(problem, core, phases)
    return JointSolution(core, phases, F, H, fit, "heuristic", False, "")
