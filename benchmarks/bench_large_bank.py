"""Issue 21's bank of large problems: the heuristic's answer, its certificate and, with
``--exact``, the exact model's best answer within a time limit per stage.

The bank is 30 problems of 1,500-6,000 candidates: ``random_joint_problem(seed, n)`` and
``synthetic_pool(n, seed)`` with ``synthetic_brief(seed=seed)``, for n = 1,500, 3,000 and
6,000 and seeds 0-4. For each problem the heuristic (``solve_heuristic(seed=0)``, the
answer ``compose`` gives above ``AUTO_EXACT_MAX``) reports F, its bound (the LP
relaxation), the gap, the person-hours and its time; with ``--exact S`` the exact model
runs with ``S`` seconds a stage and reports its F, hours, dual bound and whether it
proved the answer, and the heuristic's F ratio against the best F known. Results are
printed as a Markdown table and, with ``--out FILE``, written as JSON lines (one problem
a line, appended, so a long run can be stopped and resumed with ``--skip-done``).
``--exact-from FILE`` takes the exact model's answers from earlier records instead of
running it again (the long runs of ``benchmarks/large_bank.jsonl``, 60 s a stage, are
the bank's best-known values; ``tests/test_large_bank.py`` reads them).

Usage::

    python benchmarks/bench_large_bank.py [--only random|synthetic] [--exact 60]
        [--out results.jsonl] [--skip-done] [--exact-from benchmarks/large_bank.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import machine_lines

from composer.datasets import random_joint_problem, synthetic_brief, synthetic_pool
from composer.optimise.joint import JointProblem, solve_exact, solve_heuristic
from composer.planner.model import build_plan, joint_problem

SIZES = (1500, 3000, 6000)
SEEDS = range(5)
BANK = [(family, n, seed) for family in ("random", "synthetic") for n in SIZES for seed in SEEDS]


def problem(family: str, n: int, seed: int) -> JointProblem:
    """One problem of the bank."""
    if family == "random":
        return random_joint_problem(seed, n=n)
    return joint_problem(build_plan(synthetic_pool(n, seed=seed), synthetic_brief(seed=seed)))


def run(
    family: str,
    n: int,
    seed: int,
    exact: float | None,
    stored: dict[tuple[str, int, int], dict[str, object]],
) -> dict[str, object]:
    """The heuristic's (and the exact model's, run or ``stored``) answer to one problem,
    as a record."""
    pr = problem(family, n, seed)
    out: dict[str, object] = {"family": family, "n": n, "seed": seed, "modelled": pr.n}
    t0 = time.perf_counter()
    he = solve_heuristic(pr, seed=0)
    out["heuristic_s"] = round(time.perf_counter() - t0, 2)
    if he is not None:
        out |= {"F": he.objective, "bound": he.bound, "gap": he.gap, "hours": he.hours}
    old = stored.get((family, n, seed))
    if old is not None:
        out |= {k: v for k, v in old.items() if k.startswith(("exact", "proven"))}
    elif exact is not None:
        t0 = time.perf_counter()
        ex = solve_exact(pr, time_limit=exact)
        out["exact_s"] = round(time.perf_counter() - t0, 2)
        if ex is not None:
            out |= {"exact_F": ex.objective, "exact_hours": ex.hours,
                    "exact_bound": ex.bound, "proven": ex.optimal}  # fmt: skip
    return out


def row(r: dict[str, object]) -> str:
    def f(key: str, nd: int = 3) -> str:
        v = r.get(key)
        return "–" if v is None else f"{v:.{nd}f}" if isinstance(v, float) else str(v)

    best = max((x for x in (r.get("F"), r.get("exact_F")) if isinstance(x, float)), default=None)
    ratio = "–" if best is None or not isinstance(r.get("F"), float) else f"{r['F'] / best:.4f}"  # type: ignore[operator]
    return (f"| {r['family']} | {r['n']:,} | {r['seed']} | {f('F')} | {f('bound')} | {f('gap', 4)} "
            f"| {f('hours', 1)} | {f('heuristic_s', 2)} | {f('exact_F')} | {f('exact_hours', 1)} "
            f"| {f('proven')} | {f('exact_s', 1)} | {ratio} |")  # fmt: skip


def bank(only: str | None) -> Iterator[tuple[str, int, int]]:
    return (p for p in BANK if only is None or p[0] == only)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["random", "synthetic"])
    ap.add_argument("--exact", type=float, help="seconds a stage for the exact model")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--skip-done", action="store_true")
    ap.add_argument(
        "--exact-from", type=Path, help="records whose exact answers to reuse (the long runs)"
    )
    args = ap.parse_args()
    stored = {}
    if args.exact_from:
        for line in args.exact_from.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            stored[(r["family"], r["n"], r["seed"])] = r
    done = set()
    if args.skip_done and args.out and args.out.exists():
        for line in args.out.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            done.add((r["family"], r["n"], r["seed"]))
    print("\n".join(machine_lines()))
    print()
    print("| family | n | seed | F | bound | gap | hours | heuristic s | exact F | exact hours "
          "| proven | exact s | F / best |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for family, n, seed in bank(args.only):
        if (family, n, seed) in done:
            continue
        r = run(family, n, seed, args.exact, stored)
        print(row(r), flush=True)
        if args.out:
            with args.out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
