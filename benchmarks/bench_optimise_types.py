"""Cost of one quota-type check of the local search: sparse per-type tables against dense.

The greedy's local search asks, at every swap, which types may enter
(``_Types.valid_after``). The planner gives every group of near-identical candidates a
quota, so the number of quotas, and of types, grows with the pool. This times
``valid_after`` on the core problem ``compose`` builds for synthetic pools (the planner's
call of ``solve`` is intercepted, as in ``bench_milp_presolve.py``) against the dense
formula it replaced (``counts + member`` over a types x quotas matrix, the implementation
before commit c274420), in the same process, alternating, ``--repeat`` rounds of
``--calls`` calls on count vectors of random feasible-size selections; both must agree.

Usage::

    python benchmarks/bench_optimise_types.py [--pools 5000 50000] [--repeat 5] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import machine
from bench_milp_presolve import core_problem

from composer.optimise.types import _Types


def dense_valid_after(
    member: npt.NDArray[np.int64], lo: npt.NDArray[np.int64], hi: npt.NDArray[np.float64]
) -> object:
    def check(counts: tuple[int, ...]) -> npt.NDArray[np.bool_]:
        new = np.asarray(counts, dtype=np.int64) + member
        return np.asarray(((new >= lo) & (new <= hi)).all(axis=1))

    return check


def run(n: int, repeat: int, calls: int, seed: int) -> dict[str, float]:
    problem = core_problem(n, seed)
    types = _Types(problem)
    member = np.asarray(types.member.toarray(), dtype=np.int64)
    dense = dense_valid_after(member, types.lo_arr, types.hi_arr)
    rng = np.random.default_rng(seed)
    counts = [
        types.counts_of(rng.choice(problem.n_candidates, problem.max_size, replace=False))
        for _ in range(calls)
    ]
    for c in counts:  # the same answers
        assert np.array_equal(types.valid_after(c), dense(c))  # type: ignore[operator]
    sparse_t, dense_t = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for c in counts:
            dense(c)  # type: ignore[operator]
        dense_t.append((time.perf_counter() - t0) / calls)
        t0 = time.perf_counter()
        for c in counts:
            types.valid_after(c)
        sparse_t.append((time.perf_counter() - t0) / calls)
    return {
        "pool": n,
        "n": problem.n_candidates,
        "quotas": len(types.lo),
        "types": types.n_types,
        "memberships": int(types.member.nnz),
        "dense_ms": 1000 * statistics.median(dense_t),
        "sparse_ms": 1000 * statistics.median(sparse_t),
        "ratio": statistics.median(d / s for d, s in zip(dense_t, sparse_t, strict=True)),
        "dense_mb": member.nbytes / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pools", type=int, nargs="+", default=[5000, 50_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    lines = [
        "| pool | n | active quotas | types | memberships | dense valid_after (ms/call) "
        "| sparse (ms/call) | dense / sparse (median of rounds) | dense table (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in args.pools:
        r = run(n, args.repeat, args.calls, args.seed)
        lines.append(
            f"| {r['pool']:,} | {r['n']:,} | {r['quotas']:,} | {r['types']:,} "
            f"| {r['memberships']:,} | {r['dense_ms']:.3f} | {r['sparse_ms']:.3f} "
            f"| {r['ratio']:.0f} | {r['dense_mb']:.1f} |"
        )
    text = f"{machine()}; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n\n" + "\n".join(lines)
    print(text)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
