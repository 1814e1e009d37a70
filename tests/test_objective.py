"""The one objective module: F against a few-line implementation of its own, one place
that computes it, and answers that do not depend on the weights' scale."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer import compose, load_brief
from composer.datasets import load_sample, random_joint_problem
from composer.optimise.joint import JointProblem, evaluate
from composer.optimise.joint.objective import Objective

SRC = Path(__file__).resolve().parents[1] / "src" / "composer"


def _plain_f(pr: JointProblem, core: list[int], phases: dict[int, list[int]]) -> float:
    """F written out with loops, nothing shared with the library."""
    C = pr.coverage.toarray()
    total = 0.0
    for f in range(pr.m):
        counted = [p for p in range(pr.n_phases) if pr.active[p, f]]
        for p in counted:
            cov = sum(C[i, f] for i in core) + sum(C[i, f] for i, ps in phases.items() if p in ps)
            total += pr.weights[f] / len(counted) * min(1.0, cov / pr.demand[f])
    return total


def _random_network(pr: JointProblem, rng: np.random.Generator) -> tuple[list, dict]:
    people = rng.permutation(pr.n)[: int(rng.integers(0, min(pr.n, 12)))]
    core = [int(i) for i in people if rng.random() < 0.5]
    phases = {
        int(i): sorted({int(p) for p in rng.integers(0, pr.n_phases, size=2)})
        for i in people
        if int(i) not in core
    }
    return core, phases


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_f_equals_an_independent_implementation(problem_seed: int, seed: int) -> None:
    pr = random_joint_problem(problem_seed, n=20)
    core, phases = _random_network(pr, np.random.default_rng(seed))
    assert evaluate(pr, core, phases)[0] == pytest.approx(_plain_f(pr, core, phases), abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_worst_dropout_is_the_minimum_over_single_dropouts(problem_seed: int, seed: int) -> None:
    from dataclasses import replace

    pr = replace(random_joint_problem(problem_seed, n=20), resilient=True)
    core, phases = _random_network(pr, np.random.default_rng(seed))
    everyone = [*core, *phases]
    worst = _plain_f(pr, core, phases)
    for gone in everyone:
        worst = min(
            worst,
            _plain_f(
                pr, [i for i in core if i != gone], {i: p for i, p in phases.items() if i != gone}
            ),
        )
    assert evaluate(pr, core, phases)[0] == pytest.approx(worst, abs=1e-9)


def test_gains_and_losses_are_differences_of_f() -> None:
    rng = np.random.default_rng(3)
    obj = Objective(
        rng.integers(1, 4, size=5).astype(float),
        rng.integers(1, 3, size=5).astype(float),
        rng.random((3, 5)) < 0.7,
    )
    rows = rng.random((4, 5)) * (rng.random((4, 5)) < 0.5)
    cov = rng.random((5, 3))
    gains = obj.gains(rows, cov)
    for r in range(4):
        for p in range(3):
            added = cov.copy()
            added[:, p] += rows[r]
            assert gains[r, p] == pytest.approx(obj.value(added) - obj.value(cov), abs=1e-12)
    present = np.array([True, False, True])
    with_row = cov + rows[0][:, None] * present[None, :]
    loss = obj.loss_by_phase(with_row, rows[0], present)
    assert loss.sum() == pytest.approx(obj.value(with_row) - obj.value(cov), abs=1e-12)


def test_only_the_objective_module_computes_f() -> None:
    """Satisfaction (min(1, coverage / count)) is written in one module only."""
    pattern = re.compile(r"minimum\(\s*1(\.0)?\s*,[^)]*(cov|/ *\w*demand|/ *d\b)")
    found = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == ["optimise/joint/objective.py"]


@pytest.mark.parametrize("factor", [0.001, 1000.0])
def test_the_answer_does_not_depend_on_the_weights_scale(factor: float) -> None:
    pool, brief = load_sample("klimatilpasning")
    raw = brief.model_dump(mode="json")
    for need in raw["needs"]:
        need["weight"] = need["weight"] * factor
    base = compose(pool, brief, dropouts=False)
    scaled = compose(pool, load_brief(raw), dropouts=False)
    assert [m.id for m in scaled.core] == [m.id for m in base.core]
    assert {k: [m.id for m in v] for k, v in scaled.phase_participants.items()} == {
        k: [m.id for m in v] for k, v in base.phase_participants.items()
    }
    assert scaled.person_hours == base.person_hours
    assert scaled.objective == pytest.approx(base.objective * factor, rel=1e-6)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(5, 60))
def test_gains_alone_is_the_gain_in_an_empty_network(seed: int, n: int) -> None:
    """The whole pool's gains into an empty network (one sparse product per phase, for
    the shortlist) equal the dense gains against no coverage."""
    pr = random_joint_problem(seed, n=n)
    empty = np.zeros((pr.m, pr.n_phases))
    dense = pr.objective.gains(pr.coverage.toarray().reshape(pr.n, pr.m), empty)
    assert np.allclose(pr.objective.gains_alone(pr.coverage), dense, atol=1e-12)


def test_the_shortlist_keeps_a_generalist() -> None:
    """Someone who covers every need fairly well and is the best for none (here behind
    40 specialists a need, more than the per-need list keeps) adds most to an empty
    phase, so the heuristic considers them (random_joint_problem(3, 6000) needed one)."""
    import dataclasses

    import scipy.sparse as sp

    from composer.optimise.joint.shortlist import SHORTLIST_EXTRA, shortlist

    base = random_joint_problem(0, n=10)
    m, per = base.m, 40
    assert per > base.core_max + base.per_phase_max + SHORTLIST_EXTRA
    n = m * per + 1
    rows = np.r_[np.arange(m * per), np.full(m, m * per)]
    cols = np.r_[np.arange(m * per) // per, np.arange(m)]
    vals = np.r_[np.ones(m * per), np.full(m, 0.6)]
    pr = dataclasses.replace(
        base,
        coverage=sp.csr_array((vals, (rows, cols)), shape=(n, m)),
        core_ok=np.ones(n, dtype=bool),
        phase_ok=np.ones((n, base.n_phases), dtype=bool),
        hours=np.full(n, np.nan),
        fit=np.zeros(n),
        score=np.zeros(n),
        include=np.zeros(0, dtype=np.intp),
        fixed={},
        quotas=(),
        twins=(),
    )
    assert m * per in shortlist(pr).tolist()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), k=st.integers(1, 6))
def test_values_of_a_stack_are_each_value_to_the_last_bit(seed: int, k: int) -> None:
    """The heuristic judges a stack of coverages at once (``values``); a tie between
    moves must not depend on that, so each is exactly what ``value`` gives."""
    pr = random_joint_problem(seed % 50, n=20)
    covs = np.random.default_rng(seed).random((k, pr.m, pr.n_phases)) * 3
    assert pr.objective.values(covs) == [pr.objective.value(c) for c in covs]


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_phase_coverage_adds_rows_in_id_order_to_the_last_bit(problem_seed: int, seed: int) -> None:
    """The members' rows are read off the sparse arrays; the sums must be those of adding
    the dense rows one by one, core in id order first, so no tie moves by a last bit."""
    from composer.optimise.joint.objective import phase_coverage

    pr = random_joint_problem(problem_seed % 50, n=40)
    core, phases = _random_network(pr, np.random.default_rng(seed))
    dense = pr.coverage.toarray()
    want = np.zeros((pr.m, pr.n_phases))
    for i in sorted(core):
        want += dense[i][:, None]
    for i, ps in phases.items():
        for p in ps:
            want[:, p] += dense[i]
    got = phase_coverage(pr.coverage, pr.n_phases, core, phases)
    np.testing.assert_array_equal(got, want)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_member_rows_are_the_sparse_rows(problem_seed: int, seed: int) -> None:
    """Rows read off the sparse arrays equal ``toarray`` of the rows, duplicates added."""
    import scipy.sparse as sp

    from composer.optimise.joint.objective import member_rows

    pr = random_joint_problem(problem_seed % 50, n=40)
    rng = np.random.default_rng(seed)
    members = [int(i) for i in rng.choice(pr.n, size=int(rng.integers(0, 12)), replace=False)]
    want = pr.coverage[np.asarray(members, dtype=np.intp)].toarray().reshape(len(members), pr.m)
    np.testing.assert_array_equal(member_rows(pr.coverage, members), want)
    indptr = np.array([0, 0, 2, 2])  # row 1 holds column 2 twice
    twice = sp.csr_array((np.array([0.25, 0.5]), np.array([2, 2]), indptr), shape=(3, 4))
    assert twice.nnz == 2 and twice.toarray()[1, 2] == 0.75
    np.testing.assert_array_equal(member_rows(twice, [1, 0]), twice.toarray()[[1, 0]])
