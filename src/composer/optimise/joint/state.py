"""The heuristic's state and its bookkeeping: who holds which role on the shortlist, the
coverage that gives, each quota's count, and the tiers of the objective (read from
:mod:`~composer.optimise.joint.objective`, never computed here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .objective import PARTICIPANT_SCORE_SHARE, fit_tier, twin_labels
from .problem import CORE, NETWORK, JointProblem

__all__ = ["EPS", "Rules", "State"]

#: a gain or a difference below this is none
EPS = 1e-9

IntArray = npt.NDArray[np.intp]


@dataclass
class State:
    core: np.ndarray  # r bool
    part: np.ndarray  # r × P bool
    cov: np.ndarray  # m × P

    def copy(self) -> State:
        return State(self.core.copy(), self.part.copy(), self.cov.copy())

    def adopt(self, other: State) -> None:
        """Take ``other``'s roles in place."""
        self.core[:], self.part[:], self.cov[:] = other.core, other.part, other.cov


class Rules:
    """The shortlist's arrays (local indices 0..r-1), the tiers of a state and the rules."""

    def __init__(self, problem: JointProblem, rows: IntArray, seed: int) -> None:
        self.pr = problem
        self.rows = rows
        self.C = problem.coverage[rows].toarray()  # r × m
        self.r, self.m = self.C.shape
        self.P = problem.n_phases
        self.ph = problem.phase_hours
        self.H = problem.all_hours
        self.obj = problem.objective
        #: the most F any network has (:meth:`Objective.top`)
        self.top = self.obj.top()
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

    def at_top(self, s: State) -> bool:
        """Whether ``s`` meets every need in every phase (F at :attr:`top`): no addition
        has a gain there, and no move raises F."""
        return self.value(s.cov) >= self.top - EPS

    def gains(self, cov: np.ndarray) -> np.ndarray:
        """r × P: the gain in F of adding each candidate to each phase alone."""
        return self.obj.gains(self.C, cov)

    def hours_of(self, s: State) -> float:
        return float(s.core.sum() * self.H + (s.part * self.ph[None, :]).sum())

    def tier(self, s: State) -> float:
        is_part = np.asarray(s.part.any(axis=1), dtype=bool)
        return fit_tier(self.fit, self.score, s.core, is_part, self.twin, self.caps)

    def key(self, s: State) -> tuple[float, float, float]:
        return (self.obj.first_tier(*self._members(s)), -self.hours_of(s), self.tier(s))

    def worst(self, s: State) -> float:
        """F after the single dropout that hurts most (F for an empty network)."""
        return self.obj.worst_dropout(*self._members(s))

    def _members(self, s: State) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The coverage, the members' coverage rows and their phases."""
        who = np.flatnonzero(s.core | s.part.any(axis=1))
        present = s.part[who] | s.core[who][:, None]
        return s.cov, self.C[who], present

    # ------------------------------------------------------------------ rules
    def counts(self, s: State) -> np.ndarray:
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

    def deltas(self, s: State, cand: IntArray, to_core: bool, p: int) -> np.ndarray:
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

    def leave_deltas(self, s: State, j: int) -> np.ndarray:
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

    def feasible(self, s: State) -> bool:
        c = self.counts(s)
        return bool(((c >= self.qmin) & (c <= self.qmax)).all()) and self._sizes_ok(s)

    def _sizes_ok(self, s: State) -> bool:
        pr = self.pr
        return (
            pr.core_min <= int(s.core.sum()) <= pr.core_max
            and int(s.part.any(axis=1).sum()) <= pr.total_max
            and bool((s.part.sum(axis=0) <= pr.per_phase_max).all())
        )

    def set_role(self, s: State, i: int, to_core: bool, phases: np.ndarray) -> None:
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

    def _quotas_hold(self, s: State) -> bool:
        c = self.counts(s)
        return bool(((c >= self.qmin) & (c <= self.qmax)).all())
