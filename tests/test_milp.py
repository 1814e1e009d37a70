"""Tests of composer.optimise.milp: the one wrapper around scipy.optimize.milp."""

from __future__ import annotations

import ast
import os
import pathlib
import threading

import numpy as np
import pytest
import scipy.optimize
from scipy.optimize import Bounds, LinearConstraint

from composer.optimise.milp import MilpOutcome, run_milp, silenced

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "composer"


def _knapsack() -> tuple[np.ndarray, LinearConstraint, np.ndarray, Bounds]:
    # max 3a + 2b + 2c subject to a + b + c <= 2, binary: a and one of b, c
    c = -np.array([3.0, 2.0, 2.0])
    return c, LinearConstraint(np.ones((1, 3)), 0, 2), np.ones(3), Bounds(0, 1)


def test_optimal_outcome() -> None:
    out = run_milp(*_knapsack(), mip_rel_gap=0.0)
    assert isinstance(out, MilpOutcome)
    assert out.status == "optimal"
    assert out.optimal
    assert out.objective == pytest.approx(-5.0)
    assert out.x is not None and out.x[0] == pytest.approx(1.0)
    assert out.x.sum() == pytest.approx(2.0)


def test_infeasible_outcome() -> None:
    c, _, integrality, bounds = _knapsack()
    out = run_milp(c, LinearConstraint(np.ones((1, 3)), 4, 5), integrality, bounds)
    assert out.status == "infeasible"
    assert not out.optimal
    assert out.x is None and out.objective is None


@pytest.mark.parametrize("presolve", [True, False])
def test_options_reach_highs(presolve: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    real = scipy.optimize.milp
    seen: dict[str, object] = {}

    def spy(*args: object, **kwargs: object) -> scipy.optimize.OptimizeResult:
        seen.update(kwargs["options"])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scipy.optimize, "milp", spy)
    run_milp(*_knapsack(), time_limit=3, presolve=presolve, mip_rel_gap=0.0)
    assert seen == {"disp": False, "presolve": presolve, "time_limit": 3.0, "mip_rel_gap": 0.0}


def test_a_limit_is_reported_as_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    def stopped(*args: object, **kwargs: object) -> scipy.optimize.OptimizeResult:
        return scipy.optimize.OptimizeResult(
            x=np.array([1.0, 0.0, 0.0]),
            fun=-3.0,
            status=1,
            message="Time limit reached.",
            mip_dual_bound=-5.5,
        )

    monkeypatch.setattr(scipy.optimize, "milp", stopped)
    out = run_milp(*_knapsack())
    assert out.status == "time_limit"
    assert not out.optimal
    assert out.objective == -3.0
    assert out.dual_bound == -5.5
    assert out.message == "Time limit reached."


def test_nothing_the_solver_prints_reaches_fd_1_or_2(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = scipy.optimize.milp

    def noisy(*args: object, **kwargs: object) -> scipy.optimize.OptimizeResult:
        os.write(1, b"solver log on fd 1\n")  # as C code printing would
        os.write(2, b"solver warning on fd 2\n")
        kwargs["options"] = {**kwargs["options"], "disp": True}  # type: ignore[dict-item]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scipy.optimize, "milp", noisy)
    out = run_milp(*_knapsack())
    assert out.optimal
    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_silenced_restores_the_descriptors(capfd: pytest.CaptureFixture[str]) -> None:
    os.write(1, b"before\n")
    with silenced():
        os.write(1, b"hidden\n")
        os.write(2, b"hidden\n")
        with silenced():  # nesting is harmless
            os.write(1, b"hidden\n")
        os.write(1, b"hidden\n")
    os.write(1, b"after\n")
    os.write(2, b"after\n")
    captured = capfd.readouterr()
    assert captured.out == "before\nafter\n"
    assert captured.err == "after\n"


def test_silenced_restores_the_descriptors_on_error(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RuntimeError, match="boom"), silenced():
        raise RuntimeError("boom")
    os.write(1, b"visible\n")
    assert capfd.readouterr().out == "visible\n"


def test_overlapping_blocks_in_threads_restore_the_descriptors(
    capfd: pytest.CaptureFixture[str],
) -> None:
    # A enters, B enters, A leaves while B is still in, B leaves: with one save per block
    # B would restore devnull as fd 1 "as it found it", and later output would be lost
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with silenced():
            a_in.set()
            b_in.wait(5)
            os.write(1, b"hidden a\n")
        a_out.set()

    def second() -> None:
        a_in.wait(5)
        with silenced():
            b_in.set()
            a_out.wait(5)
            os.write(1, b"hidden b\n")  # A has left: B's block must still be silent

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    os.write(1, b"after\n")
    assert capfd.readouterr().out == "after\n"


def test_every_milp_call_goes_through_run_milp() -> None:
    """No module but optimise/milp.py names scipy.optimize.milp."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "optimise" / "milp.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "scipy.optimize":
                if any(alias.name == "milp" for alias in node.names):
                    offenders.append(f"{path.name}:{node.lineno}")
            elif isinstance(node, ast.Attribute) and node.attr == "milp":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
