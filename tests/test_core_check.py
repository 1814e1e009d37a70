"""The core's feasibility check against brute force over every subset of a small pool."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.optimise.joint import CORE, JointQuota
from composer.planner.core_check import core_feasible, fewest_and_most


@st.composite
def cores(draw: st.DrawFn) -> tuple:
    n = draw(st.integers(1, 8))
    core_ok = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    fixed = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n))) & core_ok
    quotas = []
    for k in range(draw(st.integers(0, 3))):
        members = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
        lo = draw(st.integers(0, 3))
        hi = draw(st.one_of(st.none(), st.integers(0, 4)))
        quotas.append(JointQuota(members, lo, hi, CORE, f"q{k}"))
    lo = draw(st.integers(0, n))
    sizes = (lo, draw(st.integers(lo, n + 1)))
    return core_ok, fixed, quotas, sizes


def _brute(core_ok, fixed, quotas, sizes=None):  # type: ignore[no-untyped-def]
    """The sizes of every core that keeps the rules."""
    free = [i for i in np.flatnonzero(core_ok) if not fixed[i]]
    out = []
    for k in range(len(free) + 1):
        for extra in itertools.combinations(free, k):
            chosen = np.array(fixed, dtype=bool).copy()
            chosen[list(extra)] = True
            size = int(chosen.sum())
            if sizes is not None and not sizes[0] <= size <= sizes[1]:
                continue
            ok = all(
                q.min <= int((q.members & chosen).sum()) <= (np.inf if q.max is None else q.max)
                for q in quotas
            )
            if ok:
                out.append(size)
    return out


@settings(max_examples=150, deadline=None)
@given(cores())
def test_core_feasible_is_brute_force(case: tuple) -> None:
    core_ok, fixed, quotas, sizes = case
    assert core_feasible(core_ok, fixed, quotas, sizes) == bool(
        _brute(core_ok, fixed, quotas, sizes)
    )


@settings(max_examples=100, deadline=None)
@given(cores())
def test_fewest_and_most_are_brute_force(case: tuple) -> None:
    core_ok, fixed, quotas, _ = case
    sizes = _brute(core_ok, fixed, quotas)
    fewest, most = fewest_and_most(core_ok, fixed, quotas, len(core_ok))
    assert (fewest, most) == ((min(sizes), max(sizes)) if sizes else (None, None))
