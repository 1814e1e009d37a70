"""The whole pipeline, stage by stage: load, score, compose, explain.

Two cases: the reference example (``../shared/reference/candidates.csv`` + ``brief.yaml``)
and 10,000 synthetic candidates (``synthetic_frame(10_000)`` loaded as ``synthetic_pool``
does, with ``synthetic_brief(15)``). Stages:

- load: ``load_candidates`` + ``load_brief`` (for the synthetic case ``load_candidates``
  of the generated frame + ``synthetic_brief(15)``; generating the frame is reported
  apart and not counted);
- score: ``CandidateScorer().fit(pool, brief)``, ``coverage``, ``transform`` with it;
- compose: ``composer.compose(pool, brief)`` (which fits its own scorer, so scoring runs
  again inside it: see the breakdown table);
- explain: ``Composition.explain()``.

The breakdown splits ``compose`` into ``planning._context`` (scoring and matrices) and
``planning._compose`` (core optimiser, phase plan, assembly), the two calls ``compose`` makes.
The issue's targets: reference under 1 s, 10,000 under 10 s (load + score + compose +
explain). ``--profile`` adds cProfile's top functions of one ``compose`` per case.

Usage::

    python benchmarks/bench_compose.py [--repeat 3] [--profile] [--out FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import machine

import composer
from composer import CandidatePool, CandidateScorer, NetworkBrief
from composer import planning as _planning
from composer.datasets import synthetic_brief, synthetic_frame

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
N_SYNTHETIC = 10_000
STAGES = ("load", "score", "compose", "explain")


Loader = Callable[[], tuple[CandidatePool, NetworkBrief]]


def pipeline(load: Loader) -> dict[str, float]:
    """One pass through the four stages; seconds per stage."""
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    pool, brief = load()
    t["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    scorer = CandidateScorer().fit(pool, brief)
    cov = scorer.coverage(pool)
    scorer.transform(pool, cov)
    t["score"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    comp = composer.compose(pool, brief)
    t["compose"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = comp.explain()
    t["explain"] = time.perf_counter() - t0
    assert report and comp.core  # never printed: it holds names and free text
    t["total"] = sum(t[s] for s in STAGES)
    return t


def breakdown(pool: CandidatePool, brief: NetworkBrief) -> dict[str, float | str]:
    """``compose`` = ``_context`` (scoring, matrices) + ``_compose`` (optimise, plan, assemble)."""
    t0 = time.perf_counter()
    ctx = _planning._context(pool, brief, None)
    t1 = time.perf_counter()
    comp = _planning._compose(ctx, seed=0, method="auto")
    t2 = time.perf_counter()
    return {"context": t1 - t0, "optimise": t2 - t1, "method": comp.method.split(" (")[0]}


def profile(pool: CandidatePool, brief: NetworkBrief, top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    composer.compose(pool, brief)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (median)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="cProfile one compose per case")
    parser.add_argument("--out", type=Path, default=None, help="also write the tables here")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    frame = synthetic_frame(N_SYNTHETIC, args.seed)
    t_generate = time.perf_counter() - t0

    def load_reference() -> tuple[CandidatePool, NetworkBrief]:
        return (
            composer.load_candidates(REFERENCE / "candidates.csv"),
            composer.load_brief(REFERENCE / "brief.yaml"),
        )

    def load_synthetic() -> tuple[CandidatePool, NetworkBrief]:
        return composer.load_candidates(frame), synthetic_brief(15)

    cases: list[tuple[str, Loader, float]] = [
        ("reference", load_reference, 1.0),
        (f"synthetic {N_SYNTHETIC:,}", load_synthetic, 10.0),
    ]
    lines = [
        f"Machine: {machine()}. Date: {dt.date.today().isoformat()}.",
        "",
        "| case | candidates | needs | load (s) | score (s) | compose (s) | explain (s) |"
        " total (s) | first run total (s) | target | met? |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    print("\n".join(lines), flush=True)
    breakdown_lines = [
        "",
        "| case | compose (s) | of which _context: scoring + matrices (s) |"
        " of which _compose: optimise + plan + assemble (s) | score stage / compose |"
        " core method |",
        "|---|---:|---:|---:|---:|---|",
    ]
    verdicts: list[str] = []
    profiles: list[str] = []
    for name, load, target in cases:
        runs = [pipeline(load) for _ in range(max(1, args.repeat))]
        med = {k: statistics.median(r[k] for r in runs) for k in (*STAGES, "total")}
        pool, brief = load()
        parts = [breakdown(pool, brief) for _ in range(max(1, args.repeat))]
        ctx_s = statistics.median(float(p["context"]) for p in parts)
        opt_s = statistics.median(float(p["optimise"]) for p in parts)
        ok = med["total"] < target
        line = (
            f"| {name} | {len(pool):,} | {len(brief.needs)} | {med['load']:.3f} | "
            f"{med['score']:.3f} | {med['compose']:.3f} | {med['explain']:.4f} | "
            f"{med['total']:.3f} | {runs[0]['total']:.3f} | < {target:g} s | "
            f"{'met' if ok else 'MISSED'} ({med['total'] / target:.0%}) |"
        )
        lines.append(line)
        print(line, flush=True)
        breakdown_lines.append(
            f"| {name} | {med['compose']:.3f} | {ctx_s:.3f} | {opt_s:.3f} | "
            f"{med['score'] / med['compose']:.2f} | {parts[0]['method']} |"
        )
        verdicts.append(
            f"Target {name} < {target:g} s: {'met' if ok else 'MISSED'} "
            f"({med['total']:.2f} s, {med['total'] / target:.0%} of the budget; "
            f"{'headroom' if ok else 'over by'} {abs(target - med['total']):.2f} s)."
        )
        if args.profile:
            profiles.append(f"\ncProfile, one compose, {name}:\n\n{profile(pool, brief, 10)}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    notes = [
        "",
        f"Times: median of {max(1, args.repeat)} runs in one process (the first run is cold:"
        f" lazy imports); generating the {N_SYNTHETIC:,}-row synthetic frame took"
        f" {t_generate:.2f} s and is not counted. Peak RSS of the process: {rss:.0f} MB.",
        *verdicts,
    ]
    print("\n".join(breakdown_lines + notes), flush=True)
    for p in profiles:
        print(p, flush=True)
    lines += breakdown_lines + notes
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
