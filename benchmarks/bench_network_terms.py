"""What reach and resilience cost: compose with and without them.

Two tables:

1. On the reference scenario and every sample (exact model): F (the needs' coverage),
   the worst F after a single dropout, person-hours and time, for the plain brief, with
   ``reach: {by: unit, weight: 0.5}`` and with ``resilience: true``.
2. On synthetic pools of 500 and 5,000 candidates (``method="auto"``: exact at 500,
   the heuristic at 5,000): the same figures, time as a ratio to the plain compose of
   the same pool in the same process (each measured twice, the faster kept).

Run: ``python benchmarks/bench_network_terms.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from _machine import machine

import composer
from composer.datasets import list_samples, load_sample, synthetic_brief, synthetic_pool
from composer.models import Reach

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
VARIANTS = {
    "plain": {},
    "reach": {"reach": Reach(by="unit", weight=0.5)},
    "resilience": {"resilience": True},
}


def _run(pool: Any, brief: Any, **update: Any) -> tuple[Any, float]:
    best = None
    for _ in range(2):
        start = time.perf_counter()
        comp = composer.compose(pool, brief.model_copy(update=update), dropouts=False)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    assert best is not None
    return comp, best


def main() -> None:
    print(f"machine: {machine()}; {time.strftime('%Y-%m-%d')}\n")
    scenarios = [
        (
            "reference",
            composer.load_candidates(REFERENCE / "candidates.csv"),
            composer.load_brief(REFERENCE / "brief.yaml"),
        )
    ]
    scenarios += [(name, *load_sample(name)) for name in list_samples()]
    print("| scenario | brief | F (needs) | worst F after one dropout | person-hours | s |")
    print("|---|---|---:|---:|---:|---:|")
    for name, pool, brief in scenarios:
        for variant, update in VARIANTS.items():
            comp, took = _run(pool, brief, **update)
            print(
                f"| {name} | {variant} | {comp.objective:.2f} | {comp.worst_dropout:.2f} "
                f"| {comp.person_hours:g} | {took:.2f} |"
            )
    print()
    print("| candidates | brief | method | F (needs) | worst F | person-hours | s | × plain |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for n in (500, 5_000):
        pool, brief = synthetic_pool(n, seed=1), synthetic_brief(seed=1)
        base = None
        for variant, update in VARIANTS.items():
            comp, took = _run(pool, brief, **update)
            base = took if base is None else base
            print(
                f"| {n:,} | {variant} | {comp.method} | {comp.objective:.2f} "
                f"| {comp.worst_dropout:.2f} | {comp.person_hours:g} | {took:.2f} "
                f"| {took / base:.1f} |"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
