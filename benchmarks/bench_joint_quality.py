"""The joint heuristic against the exact joint MILP on a bank of random problems.

The bank is ``random_joint_problem(seed, n)`` for seeds 0-29 with n = 30 + (7 seed mod 51)
candidates (30-80; the same bank as ``tests/test_joint.py``). For each problem:
``solve_exact`` (HiGHS, proven optimal) and ``solve_heuristic(seed=0)``. The F ratio is
heuristic F / exact F; the hours ratio is heuristic / exact person-hours, counted where
the two F are equal by the model (|ΔF| <= the objective's slack). The exact model's F may
sit up to the slack below the highest F (it then saves hours), so a ratio slightly above 1 can
occur. Issue 8's targets: worst F ratio >= 0.99, median >= 0.999, hours within 5 % at
equal F.

Speed: each solver's seconds (median of ``--repeat`` runs, default 2) and the same in
units of a fixed workload measured in the same process (``_machine.calibrate``: 20
sparse matrix-vector products, 200,000 × 2,000, 10^6 non-zeros). Every repeat must give
the same F and hours (both solvers are deterministic).

Usage::

    python benchmarks/bench_joint_quality.py [--repeat 2] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import calibrate, machine_lines

from composer.datasets import random_joint_problem
from composer.optimise.joint import JointSolution, solve_exact, solve_heuristic

T = TypeVar("T")
BANK = [(seed, 30 + (seed * 7) % 51) for seed in range(30)]


def timed(fn: Callable[..., T], *args: Any, repeat: int, **kw: Any) -> tuple[T, float]:
    """(result, median seconds); every repeat must return the same result."""
    out: T | None = None
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = fn(*args, **kw)
        times.append(time.perf_counter() - t0)
        if out is not None:
            assert res == out, "not deterministic"
        out = res
    assert out is not None
    return out, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="the first 8 problems only")
    args = ap.parse_args()
    bank = BANK[:8] if args.quick else BANK
    print("\n".join(f"- {line}" for line in machine_lines()))
    unit = calibrate()
    print(f"- baseline unit (20 SpMV 200k×2k, median of 5): {unit:.3f} s\n")
    print(
        "| seed | n | phases | exact F | heur. F | F ratio | exact h | heur. h | h ratio "
        "| exact s | heur. s | exact / unit | heur. / unit | heur. / exact time |"
    )
    print("|" + "---:|" * 14)
    rows = []
    for seed, n in bank:
        pr = random_joint_problem(seed, n=n)
        ex, te = timed(solve_exact, pr, repeat=args.repeat)
        he, th = timed(solve_heuristic, pr, seed=0, repeat=args.repeat)
        assert isinstance(ex, JointSolution) and ex.optimal
        assert isinstance(he, JointSolution)
        fr = he.objective / ex.objective
        same = abs(he.objective - ex.objective) <= pr.objective.slack
        hr = he.hours / ex.hours
        rows.append((seed, fr, hr if same else None, te, th))
        print(
            f"| {seed} | {n} | {pr.n_phases} | {ex.objective:.4f} | {he.objective:.4f} "
            f"| {fr:.5f} | {ex.hours:g} | {he.hours:g} | {f'{hr:.3f}' if same else '–'} "
            f"| {te:.2f} | {th:.2f} | {te / unit:.1f} | {th / unit:.1f} | {th / te:.2f} |",
            flush=True,
        )
    frs = [r[1] for r in rows]
    hrs = [r[2] for r in rows if r[2] is not None]
    worst = min(rows, key=lambda r: r[1])
    print()
    print("| problems | worst F ratio (seed) | median F ratio | below 0.99 | below 0.999 "
          "| at equal F | worst h ratio | median h ratio | exact s total | heur. s total "
          "| exact s max | heur. s max |")  # fmt: skip
    print("|" + "---:|" * 12)
    print(
        f"| {len(rows)} | {worst[1]:.5f} ({worst[0]}) | {statistics.median(frs):.5f} "
        f"| {sum(f < 0.99 for f in frs)} ({', '.join(str(r[0]) for r in rows if r[1] < 0.99)}) "
        f"| {sum(f < 0.999 for f in frs)} | {len(hrs)} | {max(hrs):.3f} "
        f"| {statistics.median(hrs):.3f} | {sum(r[3] for r in rows):.1f} "
        f"| {sum(r[4] for r in rows):.1f} | {max(r[3] for r in rows):.1f} "
        f"| {max(r[4] for r in rows):.1f} |"
    )
    print(
        f"\ntargets: worst >= 0.99: {'met' if worst[1] >= 0.99 else 'MISSED'}; "
        f"median >= 0.999: {'met' if statistics.median(frs) >= 0.999 else 'MISSED'}; "
        f"hours within 5 % at equal F: {'met' if max(hrs) <= 1.05 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
