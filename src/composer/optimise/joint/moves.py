"""The heuristic's moves on a :class:`~composer.optimise.joint.state.State`: the greedy
over person × role by gain per hour (quota minimums first), swaps in the core and the
phases, role exchanges, refills, moves that save person-hours, and the N−1 moves that
raise the worst dropout (for the brief's ``resilience``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .problem import NETWORK
from .state import EPS, Rules, State

__all__ = ["Pick", "Search"]

IntArray = npt.NDArray[np.intp]
#: an addition: (rank key, candidate, to the core?, phase or -1)
Pick = tuple[tuple[float, float, float, int], int, bool, int]


def _first_best(*keys: np.ndarray) -> int:
    """The index of the largest entry by ``keys`` in turn (the first key first): what
    ``np.lexsort`` of the negated keys puts first, without sorting."""
    at = np.arange(len(keys[0]))
    for k in keys:
        if len(at) == 1:
            break
        v = k[at]
        at = at[v == v.max()]
    return int(at[0])


class Search(Rules):
    """Every move of the search (see the module docstring)."""

    # ------------------------------------------------------------------ N-1
    def _additions(self, s: State) -> list[tuple[int, bool, np.ndarray]]:
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

    def raise_worst(self, s: State) -> None:
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

    def save_hours_worst(self, s: State, floor: float) -> None:
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

    def _options(self, s: State, by_ratio: bool, quota_need: np.ndarray | None) -> Pick | None:
        """The best single addition: (i, to_core, phase or -1) or None (also at the
        objective's top, where no addition has a gain)."""
        if quota_need is None and self.at_top(s):
            return None
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
        spent = (s.part * self.ph[None, :]).sum(axis=1)
        room = np.asarray(s.part.sum(axis=1) + 1 < self.P, dtype=bool)
        fits = (spent[:, None] + self.ph[None, :] <= self.hours[:, None] + 1e-9) & room[:, None]
        per = s.part.sum(axis=0)
        open_ = self.phase_ok & ~s.core[:, None] & ~s.part & fits
        if n_part >= pr.total_max:
            open_ &= np.asarray(is_part, dtype=bool)[:, None]
        if quota_need is None:  # only a gain can be picked: nothing to look at without one
            open_ &= G > EPS
        open_ &= (per < pr.per_phase_max)[None, :] & ~(self.banned | self.locked)[:, None]
        ii, pp = np.nonzero(open_)
        if not len(ii):
            return best
        gain = G[ii, pp]
        D = self._phase_deltas(s, ii, pp)
        tie = self.tie_score[ii]
        return self._best_of(best, ii, pp, gain, self.ph[pp], tie, D, by_ratio, counts, quota_need)

    def _phase_deltas(self, s: State, ii: IntArray, pp: IntArray) -> np.ndarray:
        """:meth:`deltas` of each ``ii[k]`` (not in the core, not yet in ``pp[k]``) joining
        phase ``pp[k]``, for all pairs at once."""
        out = np.zeros((len(ii), len(self.qmin)))
        outside = ~np.asarray(s.part.any(axis=1), dtype=bool)
        for k, scope in enumerate(self.qscope):
            if scope == NETWORK:
                d = outside[ii]
            elif scope >= 0:
                d = pp == scope
            else:  # the core's count: a phase seat does not change it
                continue
            out[:, k] = d & self.mem[ii, k]
        return out

    def _pick(self, best, s, cand, gain, cost, to_core, p, by_ratio, counts, quota_need):  # type: ignore[no-untyped-def]
        """The best of ``cand`` joining the core (``to_core``) or phase ``p``, or ``best``."""
        keep0 = ~self.banned[cand] & ~self.locked[cand]
        if quota_need is None:
            keep0 &= gain > EPS
        cand, gain, cost = cand[keep0], gain[keep0], cost[keep0]
        if not len(cand):
            return best
        D = self.deltas(s, cand, to_core, p)
        tie = self.fit[cand] if to_core else self.tie_score[cand]
        pp = np.full(len(cand), -1 if to_core else p)
        return self._best_of(best, cand, pp, gain, cost, tie, D, by_ratio, counts, quota_need)

    def _best_of(self, best, ii, pp, gain, cost, tie, D, by_ratio, counts, quota_need):  # type: ignore[no-untyped-def]
        """The best addition of ``ii[k]`` to phase ``pp[k]`` (-1: the core) that the quotas
        allow (with ``quota_need``: one that counts for a quota short of its minimum),
        ranked by gain per hour (``by_ratio``) or gain, then gain, tie score, id and the
        first phase; ``best`` when it is not strictly better."""
        keep = (D[:, quota_need] > 0).any(axis=1) if quota_need is not None else gain > EPS
        if len(self.qmax):
            keep &= (counts[None, :] + D <= self.qmax[None, :]).all(axis=1)
        if not keep.any():
            return best
        ii, pp, gain, cost, tie = ii[keep], pp[keep], gain[keep], cost[keep], tie[keep]
        rank = gain / cost if by_ratio else gain
        j = _first_best(rank, gain, tie, -ii, -pp)
        k = (float(rank[j]), float(gain[j]), float(tie[j]), -int(ii[j]))
        if best is None or k > best[0]:
            return (k, int(ii[j]), bool(pp[j] < 0), int(pp[j]))
        return best

    def add(self, s: State, pick: Pick) -> None:
        _, i, to_core, p = pick
        if to_core:
            self.set_role(s, i, True, np.zeros(self.P, bool))
        else:
            phases = s.part[i].copy()
            phases[p] = True
            self.set_role(s, i, False, phases)

    def greedy(self, s: State, by_ratio: bool, banned: IntArray | None = None) -> State:
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

    def _meet_minimums(self, s: State, by_ratio: bool) -> None:
        """Add the best people for the quotas still short, while that is possible."""
        for _ in range(4 * (self.pr.core_max + self.pr.total_max * self.P) + 8):
            need = self.counts(s) < self.qmin
            if not need.any():
                return
            pick = self._options(s, by_ratio, need)
            if pick is None:
                return
            self.add(s, pick)

    def _fill_core_seat(self, s: State) -> bool:
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

    def start(self) -> State:
        s = State(
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
    def _swap_core(self, s: State, floor: float | None) -> bool:
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

    def _twin_cost(self, s: State, j: int, outs: IntArray) -> np.ndarray:
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

    def _swap_part(self, s: State) -> bool:
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
        self, s: State, j: int, cov: np.ndarray, free: np.ndarray
    ) -> tuple[IntArray, np.ndarray, np.ndarray]:
        """For outsiders: the phases where each adds most (seats, hours, not all phases)."""
        pr = self.pr
        seats = pr.per_phase_max - s.part.sum(axis=0) + s.part[j]
        n_part = int(s.part.any(axis=1).sum()) - int(s.part[j].any())
        if n_part >= pr.total_max:
            return np.zeros(0, dtype=np.intp), np.zeros((0, self.P), bool), np.zeros(0)
        outs = np.flatnonzero(free & self.phase_ok.any(axis=1))
        G = self.gains(cov)[outs]
        sets = self.phase_ok[outs] & (G > EPS) & (seats > 0)[None, :]
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
        keep = gain > EPS
        return outs[keep], sets[keep], gain[keep]

    def _quota_ok_after(self, s: State, j: int, outs: IntArray, sets: np.ndarray) -> np.ndarray:
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

    def improve(self, s: State) -> None:
        """Raise F: additions, swaps and one-out-refill moves until none helps.

        At the objective's top (every need met in every phase) nothing raises F: only the
        core swaps that raise the fit at equal F are tried.
        """
        for _ in range(200):
            if self.at_top(s):
                if self._swap_core(s, None):
                    continue
                break
            pick = self._options(s, False, None)
            if pick is not None:
                self.add(s, pick)
                continue
            if self._swap_core(s, None) or self._swap_part(s) or self._refill(s):
                continue
            if self._exchange(s):
                continue
            break

    def _fill_phases(self, s: State, j: int) -> None:
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
                & (G > EPS)
            )
            if int(s.part[j].sum()) + 1 >= self.P or not ok.any():
                return
            cand = np.flatnonzero(ok)
            p = int(cand[np.lexsort((cand, -G[cand]))[0]])
            phases = s.part[j].copy()
            phases[p] = True
            self.set_role(s, j, False, phases)

    def _exchange(self, s: State) -> bool:
        """Best exchange of roles: a participant moves up to the core, a core member goes
        out or down to the phases where they add most (raises F)."""
        F0 = self.value(s.cov)
        best: tuple[float, State] | None = None
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

    def _best_refill(self, s: State, groups: Sequence[tuple[int, ...]]) -> State | None:
        """The best of: each group's members out, a greedy refill without them; only a
        result that raises F."""
        F0 = self.value(s.cov)
        best: tuple[float, State] | None = None
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

    def _movable(self, s: State) -> list[int]:
        return np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.is_inc).tolist()

    def intensify(self, s: State) -> None:
        """Two members out, greedy refill (without them), then the usual moves; repeat."""
        for _ in range(20):
            members = self._movable(s)
            pairs = [(a, b) for k, a in enumerate(members) for b in members[k + 1 :]]
            better = self._best_refill(s, pairs)
            if better is None:
                return
            s.adopt(better)
            self.improve(s)

    def _refill(self, s: State) -> bool:
        """Best "one member out, greedy refill" move that raises F (covers role changes)."""
        better = self._best_refill(s, [(j,) for j in self._movable(s)])
        if better is not None:
            s.adopt(better)
        return better is not None

    def save_hours(self, s: State, floor: float) -> None:
        """Keep F >= floor and save person-hours: simple moves, then compound ones."""
        for _ in range(100):
            if self._drop_step(s, floor) or self._swap_step(s, floor):
                continue
            return

    def _swap_step(self, s: State, floor: float) -> bool:
        """A member out (or down to their best phases), a greedy refill by gain per hour,
        then the simple drops: taken when it saves hours and keeps F >= floor."""
        H0 = self.hours_of(s)
        best: tuple[float, State] | None = None
        for j in np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.is_inc).tolist():
            variants = [np.zeros(self.P, bool)]
            if s.core[j]:
                S = self._useful_phases(s, j)
                if S.any() and S.sum() < self.P and self.phase_ok[j, S].all():
                    variants.append(S)
            for S in variants:
                trial = self._swap_trial(s, j, S, floor)
                if trial is None:
                    continue
                saved = H0 - self.hours_of(trial)
                if saved > 1e-9 and (best is None or saved > best[0] + 1e-9):
                    best = (saved, trial)
        if best is None:
            return False
        s.adopt(best[1])
        return True

    def _swap_trial(self, s: State, j: int, S: np.ndarray, floor: float) -> State | None:
        """``s`` with ``j`` out (or in the phases ``S`` alone), refilled by gain per hour,
        then the simple drops; None when it breaks a rule or F falls below ``floor``."""
        trial = s.copy()
        self.set_role(trial, j, False, np.zeros(self.P, bool))
        if S.any():
            self.set_role(trial, j, False, S)
        self.greedy(trial, True, banned=np.array([j]))
        if self.value(trial.cov) < floor - 1e-9:
            return None  # a drop never raises F: none would be taken, the trial fails
        while self._drop_step(trial, floor):
            pass
        if not self.feasible(trial) or self.value(trial.cov) < floor:
            return None
        return trial

    def _useful_phases(self, s: State, j: int) -> np.ndarray:
        """The phases where core member ``j``'s coverage counts: F with ``j`` in that
        phase alone (one coverage a phase, stacked) above F without ``j``."""
        cov_out = s.cov - self.C[j][:, None]
        base = self.value(cov_out)
        alone = np.repeat(cov_out[None, :, :], self.P, axis=0)
        each = np.arange(self.P)
        alone[each, :, each] += self.C[j][None, :]
        return np.array([v > base + 1e-9 for v in self.obj.values(alone)], dtype=bool)

    def _drop_step(self, s: State, floor: float) -> bool:
        """The simple move that saves most hours with F >= floor (drop, demote, drop a phase).

        The most hours saved wins, then the highest F, then the first member: so the
        moves are judged from the largest saving down, and F and the quotas are asked
        only until a saving has a move that keeps them.
        """
        options: list[tuple[float, int, np.ndarray]] = []
        for j in np.flatnonzero((s.core | s.part.any(axis=1)) & ~self.locked).tolist():
            now = self.H if s.core[j] else float(self.ph[s.part[j]].sum())
            for S in self._smaller_roles(s, j):
                saved = now - float(self.ph[S].sum())
                if saved > 1e-9:
                    options.append((saved, j, S))
        for level in sorted({o[0] for o in options}, reverse=True):
            best: tuple[float, int, np.ndarray] | None = None
            for saved, j, S in options:
                if saved != level:
                    continue
                trial = s.copy()
                self.set_role(trial, j, False, S)
                F = self.value(trial.cov)
                if floor > F or not self._quotas_hold(trial):
                    continue
                if best is None or best[0] < F:
                    best = (F, j, S)
            if best is not None:
                self.set_role(s, best[1], False, best[2])
                return True
        return False

    def _smaller_roles(self, s: State, j: int) -> list[np.ndarray]:
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

    def polish(self, s: State, floor: float) -> None:
        """Raise the fit by core swaps that keep F >= floor and the hours."""
        for _ in range(50):
            if not self._swap_core(s, floor):
                return
