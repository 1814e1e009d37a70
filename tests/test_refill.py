"""One seat refilled by enumeration (``composer.optimise.joint.refill``) against the MILP.

The enumeration is exhaustive, so on every problem it must be at least as good as the
exact model by the tiers: the same first tier, then no more person-hours, then no lower
fit at equal hours; and it must say "impossible" exactly when the MILP does.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.datasets import random_joint_problem
from composer.optimise.joint import NETWORK, JointProblem, solve_exact
from composer.optimise.joint.problem import JointQuota, rule_violations
from composer.optimise.joint.refill import refillable, solve_refill

CASES = {"seed": st.integers(0, 10_000), "n": st.integers(6, 40), "pick": st.integers(0, 99)}


def _refill_problem(pr: JointProblem, pick: int) -> JointProblem | None:
    """``pr``'s exact network with one member (the ``pick``-th) gone, everyone else fixed
    and at most one newcomer: the problem the dropouts and ``replace`` solve."""
    sol = solve_exact(pr)
    if sol is None or not (sol.core or sol.phases):
        return None
    members = [*sol.core, *sol.phases]
    gone = members[pick % len(members)]
    fixed: dict[int, tuple[int, ...] | None] = {i: None for i in sol.core if i != gone}
    fixed |= {i: tuple(p) for i, p in sol.phases.items() if i != gone}
    newcomers = np.ones(pr.n, dtype=bool)
    newcomers[[*fixed, gone]] = False
    core_ok, phase_ok = pr.core_ok.copy(), pr.phase_ok.copy()
    core_ok[gone] = False
    phase_ok[gone] = False
    return replace(
        pr,
        core_ok=core_ok,
        phase_ok=phase_ok,
        include=np.setdiff1d(pr.include, [gone]),
        fixed=fixed,
        quotas=(*pr.quotas, JointQuota(newcomers, 0, 1, NETWORK, "newcomer")),
    )


def _same_or_better(seed: int, n: int, pick: int) -> None:
    pr = _refill_problem(random_joint_problem(seed, n=n), pick)
    if pr is None:
        return
    newcomers = pr.quotas[-1].members
    assert refillable(pr, newcomers)
    mine, milp = solve_refill(pr), solve_exact(pr)
    assert (mine is None) == (milp is None)
    if mine is None or milp is None:
        return
    assert rule_violations(pr, mine.core, mine.phases) == []
    slack = pr.objective.slack
    assert mine.objective >= milp.objective - slack - 1e-6
    assert mine.hours <= milp.hours + 1e-6
    if abs(mine.hours - milp.hours) <= 1e-6:
        assert mine.fit >= milp.fit - 1e-6
    assert len({*mine.core, *mine.phases} - set(pr.fixed)) <= 1


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**CASES)
def test_refill_is_as_good_as_the_milp(seed: int, n: int, pick: int) -> None:
    _same_or_better(seed, n, pick)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**CASES)
def test_refill_is_as_good_as_the_milp_many(seed: int, n: int, pick: int) -> None:
    _same_or_better(seed, n, pick)


def test_refill_is_not_taken_where_it_does_not_answer() -> None:
    """Resilience, an include outside the fixed roles, or a candidate outside the
    newcomers' quota: the MILP answers those (``refillable`` is False)."""
    pr = _refill_problem(random_joint_problem(3, n=20), 0)
    assert pr is not None
    newcomers = pr.quotas[-1].members
    assert refillable(pr, newcomers)
    assert not refillable(replace(pr, resilient=True), newcomers)
    free = int(np.flatnonzero(newcomers & (pr.core_ok | pr.phase_ok.any(axis=1)))[0])
    assert not refillable(replace(pr, include=np.r_[pr.include, free]), newcomers)
    fewer = newcomers.copy()
    fewer[free] = False
    assert not refillable(pr, fewer)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**CASES)
def test_the_prefilter_rules_out_only_what_breaks_a_rule(seed: int, n: int, pick: int) -> None:
    """Every option the sizes and quotas rule out before :func:`rule_violations` is asked
    breaks a rule indeed (a prefilter one seat too strict on the phases fails here)."""
    from composer.optimise.joint import refill

    pr = _refill_problem(random_joint_problem(seed, n=n), pick)
    if pr is None:
        return
    core0 = tuple(sorted(i for i, r in pr.fixed.items() if r is None))
    phases0 = {i: tuple(r) for i, r in sorted(pr.fixed.items()) if r is not None}
    cov0 = np.zeros((pr.m, pr.n_phases))
    who, core, subset, *_ = refill._options(pr, cov0, core0)
    may = refill._may_keep_the_rules(pr, core0, phases0, who, core, subset)
    subsets = refill._subsets(pr.n_phases)
    for k in range(len(may)):
        if k == 0:
            c, ph = core0, dict(phases0)
        elif core[k - 1]:
            c, ph = tuple(sorted((*core0, int(who[k - 1])))), dict(phases0)
        else:
            c, ph = core0, {**phases0, int(who[k - 1]): subsets[subset[k - 1]]}
        if not may[k]:
            assert rule_violations(pr, c, ph), (k, c, ph)
