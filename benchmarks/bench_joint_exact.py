"""The exact joint MILP on pools of 1,000 candidates and more: presolve on or off.

Two kinds of problem:

- ``synthetic``: ``synthetic_pool(n, seed)`` with ``synthetic_brief(seed=seed)`` through
  ``build_plan`` and ``joint_problem`` (what ``compose`` solves; scoring not timed);
- ``random``: ``random_joint_problem(seed, n=n)`` (arrays only, denser and harder).

Each problem is solved by ``solve_exact`` with HiGHS's presolve on and off
(``composer.optimise.joint.exact.PRESOLVE`` patched), ``--repeat`` times each (default 2;
the table gives the median and, in brackets, the slowest). ``modelled`` is the number of
candidates the MILP holds (``planner.model.modelled``, the size ``method="auto"`` goes
by). Speed is also given in units of a fixed workload measured in the same process
(``_machine.calibrate``). The safety valve is ``--limit`` seconds per stage (default 60);
a run that reaches it says so in the "optimal" column.

Usage::

    python benchmarks/bench_joint_exact.py [--sizes 1000 2000 5000] [--seeds 0 1]
        [--kinds synthetic random] [--repeat 2] [--limit 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import calibrate, machine_lines

import composer.optimise.joint.exact as exact
from composer.datasets import random_joint_problem, synthetic_brief, synthetic_pool
from composer.optimise.joint import JointProblem
from composer.planner.model import build_plan, joint_problem, modelled


def make(kind: str, n: int, seed: int) -> JointProblem:
    if kind == "random":
        return random_joint_problem(seed, n=n)
    return joint_problem(build_plan(synthetic_pool(n, seed=seed), synthetic_brief(seed=seed)))


@dataclass
class Runs:
    median: float
    slowest: float
    optimal: bool
    keys: set[tuple[float, float]]  # (F, hours) of each run

    def cell(self) -> str:
        return f"{self.median:.2f} ({self.slowest:.2f}) | {'yes' if self.optimal else 'NO'}"


def run(problem: JointProblem, presolve: bool, repeat: int, limit: float) -> Runs:
    exact.PRESOLVE = presolve
    times, keys, optimal = [], set(), True
    for _ in range(repeat):
        t0 = time.perf_counter()
        sol = exact.solve_exact(problem, time_limit=limit)
        times.append(time.perf_counter() - t0)
        assert sol is not None
        optimal &= sol.optimal
        keys.add((round(sol.objective, 6), sol.hours))
    return Runs(statistics.median(times), max(times), optimal, keys)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    ap.add_argument("--kinds", nargs="+", default=["synthetic", "random"])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=float, default=60.0)
    args = ap.parse_args()
    print("\n".join(f"- {line}" for line in machine_lines()))
    print(f"- safety valve: {args.limit:g} s per stage; repeats: {args.repeat}\n")
    print(
        "| kind | n | seed | modelled | phases | F | hours | presolve on s | optimal "
        "| presolve off s | optimal | on / unit | off / unit | faster |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|:-:|---:|:-:|---:|---:|:-:|")
    default = exact.PRESOLVE
    for kind in args.kinds:
        for n in args.sizes:
            for seed in args.seeds:
                pr = make(kind, n, seed)
                unit = calibrate()
                on = run(pr, True, args.repeat, args.limit)
                off = run(pr, False, args.repeat, args.limit)
                keys = on.keys | off.keys
                f_val, h_val = sorted(keys)[-1]
                same = "" if len(keys) == 1 else f" (runs differ: {sorted(keys)})"
                print(
                    f"| {kind} | {n:,} | {seed} | {modelled(pr):,} | {pr.n_phases} "
                    f"| {f_val:.4f}{same} | {h_val:g} | {on.cell()} | {off.cell()} "
                    f"| {on.median / unit:.1f} | {off.median / unit:.1f} "
                    f"| {'on' if on.median < off.median else 'off'} |",
                    flush=True,
                )
    exact.PRESOLVE = default


if __name__ == "__main__":
    main()
