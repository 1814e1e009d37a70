"""HiGHS presolve on and off on the exact coverage model of the planner's core problem.

For synthetic pools of 1,000 / 10,000 / 30,000 / 100,000 candidates (``synthetic_pool``
and ``synthetic_brief(15)``) the core's coverage problem is taken exactly as ``compose``
builds it (the call of ``solve`` inside the planner is intercepted before it runs), and
the exact MILP (``composer.optimise.exact._exact``, ``mip_rel_gap=0``) is solved with
presolve on and off, alternating, ``--repeat`` times each; the table gives the median
wall time, whether HiGHS proved optimality, and the ratio on / off (both measured in the
same process). One more run with presolve on and ``time_limit=5`` shows whether HiGHS
keeps the limit. The greedy's time and whether its F equals the proven optimum are
given for the ``method="auto"`` threshold.

``--scan`` instead times the exact MILP as ``solve`` runs it (presolve off) once per
pool size and seed, for the size threshold of ``method="auto"``
(``composer.optimise.solve.AUTO_EXACT_MAX_NNZ``): hardness varies between seeds of one
size far more than between sizes, so the threshold is set where the slowest seed still
proves optimality within a few seconds.

Usage::

    python benchmarks/bench_milp_presolve.py [--pools 1000 10000 30000 100000]
        [--repeat 2] [--out FILE]
    python benchmarks/bench_milp_presolve.py --scan [--pools 5000 10000 15000 20000 25000]
        [--seeds 0 1 2 3 4] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import machine, peak_rss_mb

import composer
from composer import planning
from composer.datasets import synthetic_brief, synthetic_pool
from composer.optimise import CoverageProblem, solve
from composer.optimise.exact import _exact
from composer.optimise.types import _Types

LIMIT_PROBE = 5.0  # seconds: the time_limit whose overrun the last column shows


class _Captured(Exception):
    def __init__(self, problem: CoverageProblem) -> None:
        super().__init__("captured")
        self.problem = problem


def core_problem(n: int, seed: int) -> CoverageProblem:
    """The coverage problem ``compose`` would solve for the core of a synthetic pool."""
    real = planning.solve

    def capture(problem: CoverageProblem, **kwargs: Any) -> Any:
        raise _Captured(problem)

    planning.solve = capture  # type: ignore[assignment]
    try:
        composer.compose(synthetic_pool(n, seed), synthetic_brief(15), seed=seed)
    except _Captured as got:
        return got.problem
    finally:
        planning.solve = real
    raise RuntimeError("compose did not call solve")  # pragma: no cover


def timed_exact(
    problem: CoverageProblem, types: _Types, presolve: bool, time_limit: float | None
) -> tuple[float, bool, float | None]:
    t0 = time.perf_counter()
    sel, _, _ = _exact(problem, types, time_limit, presolve=presolve)
    seconds = time.perf_counter() - t0
    return seconds, bool(sel is not None and sel.optimal), None if sel is None else sel.objective


def run(n: int, seed: int, repeat: int) -> dict[str, Any]:
    problem = core_problem(n, seed)
    types = _Types(problem)
    times: dict[bool, list[float]] = {True: [], False: []}
    proven: dict[bool, bool] = {True: True, False: True}
    values: dict[bool, float | None] = {}
    for _ in range(repeat):
        for presolve in (False, True):  # alternate, so load hits both alike
            seconds, optimal, value = timed_exact(problem, types, presolve, None)
            times[presolve].append(seconds)
            proven[presolve] &= optimal
            values[presolve] = value
            print(f"  n={n} presolve={presolve}: {seconds:.2f} s", file=sys.stderr, flush=True)
    probe, probe_optimal, _ = timed_exact(problem, types, True, LIMIT_PROBE)
    t0 = time.perf_counter()
    greedy = solve(problem, method="greedy", seed=seed)
    t_greedy = time.perf_counter() - t0
    on, off = statistics.median(times[True]), statistics.median(times[False])
    best = values[False]
    return {
        "pool": n,
        "n": problem.n_candidates,
        "m": problem.n_needs,
        "nnz": problem.coverage.nnz,
        "quotas": len(problem.quotas),
        "off": off,
        "off_all": times[False],
        "off_proven": proven[False],
        "on": on,
        "on_all": times[True],
        "on_proven": proven[True],
        "ratio": on / off,
        "probe": probe,
        "probe_optimal": probe_optimal,
        "same_f": values[True] is not None
        and best is not None
        and abs(values[True] - best) <= 1e-9 * (1 + abs(best)),
        "greedy": t_greedy,
        "greedy_opt": best is not None and abs(greedy.objective - best) <= 1e-9 * (1 + abs(best)),
        "rss": peak_rss_mb(),
    }


def table(rows: list[dict[str, Any]], repeat: int) -> str:
    def runs(xs: list[float]) -> str:
        return ", ".join(f"{x:.2f}" for x in xs)

    out = [
        f"| pool | n (core candidates) | needs | nnz | quotas | presolve off: s (median of {repeat}; runs) "
        f"| proven | presolve on: s (median of {repeat}; runs) | proven | on / off "
        f"| on with time_limit={LIMIT_PROBE:g}: s | same F | greedy s | greedy F = optimum |",
        "|---:|---:|---:|---:|---:|---:|:---:|---:|:---:|---:|---:|:---:|---:|:---:|",
    ]
    yes = {True: "yes", False: "no"}
    for r in rows:
        out.append(
            f"| {r['pool']:,} | {r['n']:,} | {r['m']} | {r['nnz']:,} | {r['quotas']:,} "
            f"| {r['off']:.2f} ({runs(r['off_all'])}) | {yes[r['off_proven']]} "
            f"| {r['on']:.2f} ({runs(r['on_all'])}) | {yes[r['on_proven']]} | {r['ratio']:.1f} "
            f"| {r['probe']:.1f}{'' if r['probe_optimal'] else ' (stopped)'} "
            f"| {yes[r['same_f']]} | {r['greedy']:.2f} | {yes[r['greedy_opt']]} |"
        )
    return "\n".join(out)


def scan(pools: list[int], seeds: list[int]) -> str:
    """One exact solve (presolve off, as ``solve`` runs it) per pool size and seed."""
    out = [
        "| pool | seed | n | nnz | quotas | exact s (presolve off) | proven |",
        "|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    worst: dict[int, tuple[int, float]] = {}
    for n in pools:
        for seed in seeds:
            problem = core_problem(n, seed)
            seconds, optimal, _ = timed_exact(problem, _Types(problem), False, 120.0)
            nnz = int(problem.coverage.nnz)
            out.append(
                f"| {n:,} | {seed} | {problem.n_candidates:,} | {nnz:,} | {len(problem.quotas):,} "
                f"| {seconds:.2f} | {'yes' if optimal else 'no'} |"
            )
            print(out[-1], file=sys.stderr, flush=True)
            worst[n] = (
                max(worst.get(n, (0, 0.0))[0], nnz),
                max(worst.get(n, (0, 0.0))[1], seconds),
            )
    out += ["", "| pool | largest nnz | slowest proof (s) |", "|---:|---:|---:|"]
    out += [f"| {n:,} | {nnz:,} | {sec:.2f} |" for n, (nnz, sec) in worst.items()]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pools", type=int, nargs="+", default=None)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--scan", action="store_true", help="the auto threshold scan")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    args = parser.parse_args(argv)
    if args.scan:
        body = scan(args.pools or [5000, 10_000, 15_000, 20_000, 25_000], args.seeds)
    else:
        pools = args.pools or [1000, 10_000, 30_000, 100_000]
        body = table([run(n, args.seed, args.repeat) for n in pools], args.repeat)
    text = f"{machine()}; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n\n{body}\n"
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
