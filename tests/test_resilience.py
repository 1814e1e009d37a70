"""Resilience (issue 9): with ``resilience: true`` the model maximises the coverage left
after the worst single dropout (N-1), then the coverage itself, then the hours."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from composer import compose
from composer.datasets import random_joint_problem
from composer.optimise.joint import solve_exact, solve_heuristic
from composer.optimise.joint.problem import rule_violations, worst_dropout

from .test_planning import _brief, _person, _pool, assert_rules


def _two_holders_of_everything() -> Any:
    """Each need has two holders in the pool; the usual network seats one of each."""
    return _pool(
        _person("C1", methodological_competences="ungeinddragelse; designtænkning"),
        _person("C3", methodological_competences="ungeinddragelse; designtænkning", unit="Kultur"),
        _person("U1", "borger", perspectives="ungeperspektiv", unit=""),
        _person("U2", "bruger", perspectives="ungeperspektiv", unit=""),
        _person("H1", professional_competences="mental sundhed", unit="Sundhedspleje"),
        _person("H2", "forsker", professional_competences="mental sundhed", unit="KU"),
    )


@pytest.mark.parametrize("method", ["exact", "heuristic"])
def test_resilience_seats_a_second_holder_of_a_need(method: Any) -> None:
    pool = _two_holders_of_everything()
    usual = compose(pool, _brief(core={"min": 2, "max": 4}), method=method)
    assert len({m.id for m in usual.members} & {"H1", "H2"}) == 1
    brief = _brief(core={"min": 2, "max": 4}, resilience=True)
    comp = compose(pool, brief, method=method)
    assert_rules(pool, brief, comp)
    assert {"H1", "H2"} <= {m.id for m in comp.members}
    assert comp.worst_dropout > usual.worst_dropout
    assert comp.objective >= usual.objective - 0.01
    assert comp.person_hours > usual.person_hours  # what resilience costs
    assert "Robusthed" in comp.explain()


# by default three seeds: two quick ones and 9, which no network can meet; the others
# (seed 0's resilient MILP alone takes about 20 CPU-seconds) run with -m slow
@pytest.mark.parametrize(
    "seed", [4, 5, 9, *(pytest.param(s, marks=pytest.mark.slow) for s in (0, 1, 2, 3, 6, 7, 8))]
)
def test_resilient_exact_is_at_least_as_robust_as_the_heuristic(seed: int) -> None:
    problem = dataclasses.replace(random_joint_problem(seed, n=30), resilient=True)
    exact = solve_exact(problem)
    heuristic = solve_heuristic(problem)
    if exact is None:
        assert heuristic is None
        return
    assert heuristic is not None
    for sol in (exact, heuristic):
        assert not rule_violations(problem, sol.core, sol.phases)
        assert sol.objective == pytest.approx(worst_dropout(problem, sol.core, sol.phases))
    assert exact.objective >= heuristic.objective - 0.01 - 1e-9
