"""The heuristic's moves against plain versions of themselves: the greedy's pick of the
best addition (one vectorised pass over every phase) against the pick phase by phase,
and the local search's shortcut at the objective's top (every need met in every phase:
only core swaps by fit) against the full round of moves."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.datasets import random_joint_problem, synthetic_brief, synthetic_pool
from composer.optimise.joint import JointProblem
from composer.optimise.joint.moves import Pick, Search, _first_best
from composer.optimise.joint.shortlist import shortlist
from composer.optimise.joint.state import EPS, State
from composer.planner.model import build_plan, joint_problem


def _picked_phase_by_phase(
    search: Search, s: State, by_ratio: bool, quota_need: np.ndarray | None
) -> Pick | None:
    """:meth:`Search._options` as it was first written: the core, then each phase in
    turn through :meth:`Search._pick`, a later pick taken only when strictly better."""
    pr = search.pr
    G = search.gains(s.cov)
    n_core = int(s.core.sum())
    is_part = s.part.any(axis=1)
    counts = search.counts(s)
    best: Pick | None = None
    if n_core < pr.core_max:
        cand = np.flatnonzero(search.core_ok & ~s.core)
        gain = (G[cand] * ~s.part[cand]).sum(axis=1)
        cost = search.H - (s.part[cand] * search.ph[None, :]).sum(axis=1)
        if n_core < pr.core_min:
            cost = np.full(len(cand), 1e-6)
        best = search._pick(best, s, cand, gain, cost, True, -1, by_ratio, counts, quota_need)
    spent = (s.part * search.ph[None, :]).sum(axis=1)
    room = s.part.sum(axis=1) + 1 < search.P
    fits = (spent[:, None] + search.ph[None, :] <= search.hours[:, None] + 1e-9) & room[:, None]
    open_ = search.phase_ok & ~s.core[:, None] & ~s.part & fits
    if int(is_part.sum()) >= pr.total_max:
        open_ &= is_part[:, None]
    if quota_need is None:
        open_ &= G > EPS
    per = s.part.sum(axis=0)
    for p in np.flatnonzero((per < pr.per_phase_max) & open_.any(axis=0)).tolist():
        cand = np.flatnonzero(open_[:, p])
        cost = np.full(len(cand), search.ph[p])
        best = search._pick(best, s, cand, G[cand, p], cost, False, p, by_ratio, counts, quota_need)
    return best


def _states(search: Search, rng: np.random.Generator, steps: int) -> list[State]:
    """States along a random walk of additions and removals (rules not always kept)."""
    s = search.start()
    out = [s.copy()]
    for _ in range(steps):
        i = int(rng.integers(search.r))
        if rng.random() < 0.3 and search.core_ok[i]:
            search.set_role(s, i, True, np.zeros(search.P, bool))
        elif rng.random() < 0.2:
            search.set_role(s, i, False, np.zeros(search.P, bool))
        else:
            phases = s.part[i].copy()
            phases[int(rng.integers(search.P))] = True
            if not s.core[i]:
                search.set_role(s, i, False, phases)
        out.append(s.copy())
    return out


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 400),
    walk=st.integers(0, 10_000),
    by_ratio=st.booleans(),
    banned=st.integers(0, 3),
    same_phases=st.booleans(),
)
def test_the_vectorised_pick_is_the_pick_phase_by_phase(
    seed: int, walk: int, by_ratio: bool, banned: int, same_phases: bool
) -> None:
    pr = random_joint_problem(seed)
    if same_phases:  # equal phases: one person's options tie across phases
        pr = replace(pr, phase_hours=np.full(pr.n_phases, 3.0), active=np.ones_like(pr.active))
    search = Search(pr, np.arange(pr.n), seed)
    rng = np.random.default_rng(walk)
    for s in _states(search, rng, 12):
        search.banned = np.zeros(search.r, bool)
        search.banned[rng.choice(search.r, size=min(banned, search.r), replace=False)] = True
        needs: list[np.ndarray | None] = [None]
        if len(search.qmin):
            needs += [search.counts(s) < search.qmin, np.ones(len(search.qmin), bool)]
        for need in needs:
            assert search._options(s, by_ratio, need) == _picked_phase_by_phase(
                search, s, by_ratio, need
            )


class _FullRound(Search):
    """The local search without the shortcut at the top."""

    def improve(self, s: State) -> None:
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


@cache
def _synthetic(n: int, seed: int) -> JointProblem:
    return joint_problem(build_plan(synthetic_pool(n, seed=seed), synthetic_brief(seed=seed)))


@settings(max_examples=20, deadline=None)
@given(n=st.sampled_from([60, 200, 300]), seed=st.integers(0, 3), kick=st.integers(0, 1000))
def test_at_the_top_only_fit_swaps_are_left(n: int, seed: int, kick: int) -> None:
    pr = _synthetic(n, seed)
    rows = shortlist(pr)
    fast, full = Search(pr, rows, kick), _FullRound(pr, rows, kick)
    s = fast.greedy(fast.start(), bool(kick % 2))
    rng = np.random.default_rng(kick)
    members = np.flatnonzero(s.core | s.part.any(axis=1))
    for j in rng.choice(members, size=min(2, len(members)), replace=False).tolist():
        fast.set_role(s, j, False, np.zeros(fast.P, bool))
    s = fast.greedy(s, False)
    a, b = s.copy(), s.copy()
    fast.improve(a)
    full.improve(b)
    assert fast.key(a) == full.key(b)
    assert np.array_equal(a.core, b.core) and np.array_equal(a.part, b.part)


def test_the_synthetic_problems_reach_the_top() -> None:
    # the shortcut is tested above only if these networks do meet every need (and the
    # full round only if the smallest do not)
    for n, top in ((300, True), (60, False)):
        for seed in range(4):
            pr = _synthetic(n, seed)
            search = Search(pr, shortlist(pr), 0)
            s = search.greedy(search.start(), False)
            search.improve(s)
            assert (search.value(s.cov) >= search.top - EPS) is top


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.0, -0.0, 0.5, 1.0, 2.0]), st.integers(0, 2), st.integers(-3, 3)
        ),
        min_size=1,
        max_size=30,
    )
)
def test_first_best_is_what_lexsort_puts_first(rows: list[tuple[float, int, int]]) -> None:
    a = np.array([r[0] for r in rows])
    b = np.array([r[1] for r in rows], dtype=float)
    c = np.array([r[2] for r in rows])
    assert _first_best(a, b, c) == int(np.lexsort((-c, -b, -a))[0])


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 3), drop=st.integers(0, 100), by_ratio=st.booleans())
def test_the_pick_at_and_near_the_top(seed: int, drop: int, by_ratio: bool) -> None:
    # at the top nothing can be added; one member short of it, the pick is the plain one
    pr = _synthetic(300, seed)
    search = Search(pr, shortlist(pr), seed)
    s = search.greedy(search.start(), by_ratio)
    search.improve(s)
    assert search.value(s.cov) >= search.top - EPS
    assert search._options(s, by_ratio, None) is None
    members = np.flatnonzero(s.core | s.part.any(axis=1))
    search.set_role(s, int(members[drop % len(members)]), False, np.zeros(search.P, bool))
    assert search._options(s, by_ratio, None) == _picked_phase_by_phase(search, s, by_ratio, None)
