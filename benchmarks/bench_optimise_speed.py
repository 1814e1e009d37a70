"""Speed of the greedy optimiser against one sparse matrix-vector product.

For n = 10^4, 10^5 and 10^6 candidates (2,000 needs, 5 needs each, k = 12, two quotas)
this times ``coverage @ x`` on the problem's own CSR matrix (median of several runs),
the ``CoverageProblem`` constructor (validation) and ``solve(method="greedy")`` in the
same process, and reports the ratio greedy / SpMV (the issue's target: <= 200).

Usage::

    python benchmarks/bench_optimise_speed.py [--sizes 10000 100000 1000000] [--out FILE]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from composer.optimise import CoverageProblem, Quota, solve

N_NEEDS = 2_000
PER_ROW = 5
K = 12


def make_coverage(n: int, rng: np.random.Generator) -> sp.csr_array:
    """n x 2,000 CSR matrix with 5 distinct needs per row, values in {0.5, 0.8, 1}."""
    cols = rng.integers(0, N_NEEDS, size=(n, PER_ROW))
    while True:  # redraw rows with a repeated need
        s = np.sort(cols, axis=1)
        dup = np.flatnonzero((s[:, 1:] == s[:, :-1]).any(axis=1))
        if dup.size == 0:
            break
        cols[dup] = rng.integers(0, N_NEEDS, size=(dup.size, PER_ROW))
    cols.sort(axis=1)
    values = rng.choice([0.5, 0.8, 1.0], size=n * PER_ROW)
    indptr = np.arange(0, n * PER_ROW + 1, PER_ROW)
    return sp.csr_array((values, cols.ravel(), indptr), shape=(n, N_NEEDS))


def median_time(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(n: int, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    coverage = make_coverage(n, rng)
    weights = rng.integers(1, 4, size=N_NEEDS).astype(float)
    demand = rng.integers(1, 4, size=N_NEEDS).astype(float)
    group_a = rng.random(n) < 0.2
    group_b = rng.random(n) < 0.5
    t0 = time.perf_counter()
    problem = CoverageProblem(
        coverage,
        weights,
        demand,
        scores=rng.random(n),
        score_weight=0.05,
        min_size=K,
        max_size=K,
        quotas=[
            Quota(group_a, min=4, max=6, name="a"),
            Quota(group_b, min=3, max=5, name="b"),
        ],
    )
    t_build = time.perf_counter() - t0
    x = rng.random(N_NEEDS)
    matrix = problem.coverage
    t_spmv = median_time(lambda: matrix @ x, 15)
    solve(problem, method="greedy")  # warm-up (imports, caches)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = solve(problem, method="greedy")
        times.append(time.perf_counter() - t0)
    t_greedy = statistics.median(times)
    return {
        "n": n,
        "nnz": matrix.nnz,
        "spmv_ms": 1e3 * t_spmv,
        "greedy_s": t_greedy,
        "ratio": t_greedy / t_spmv,
        "build_s": t_build,
        "objective": result.objective,
        "bound": result.upper_bound or float("nan"),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    args = parser.parse_args(argv)
    lines = [
        "| n | nnz | SpMV (ms, median of 15) | greedy (s, median of 3) | greedy / SpMV |"
        " constructor (s) | F | upper bound | peak RSS so far (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    for n in args.sizes:
        r = run(n, args.seed)
        line = (
            f"| {n:,} | {r['nnz']:,} | {r['spmv_ms']:.2f} | {r['greedy_s']:.3f} | "
            f"{r['ratio']:.0f} | {r['build_s']:.3f} | {r['objective']:.3f} | "
            f"{r['bound']:.3f} | {r['maxrss_mb']:.0f} |"
        )
        lines.append(line)
        print(line, flush=True)
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
