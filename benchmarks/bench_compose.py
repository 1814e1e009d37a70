"""The whole pipeline through the planner, stage by stage: load, compose, explain.

Two cases: the reference example (``data/reference/candidates.csv`` + ``brief.yaml``)
and 10,000 synthetic candidates (``synthetic_frame(10_000)`` loaded as
``synthetic_pool`` does, with ``synthetic_brief(15)``; generating the frame is reported
apart and not counted). Stages, each timed on its own:

- load: ``load_candidates`` + ``load_brief`` (synthetic: ``load_candidates`` of the
  frame + ``synthetic_brief(15)``);
- build_plan: encoding and scoring (``planner.model.build_plan``);
- solve: ``joint_problem``, ``rules.check`` and ``solve_plan(problem, "auto", 0)`` with
  ``compose``'s fallback (what ``planner.compose.solve_for`` does);
- assemble: ``planner.assemble.assemble`` (the Composition, its reasons and gaps);
- explain: ``Composition.explain()``.

build_plan + solve + assemble is exactly ``compose(pool, brief)``; the script checks that
it gives the same members. Times are the median of ``--repeat`` runs (default 3) in one
process, after one warm-up run (lazy imports); the first-run total is given too. Speed is
also given in units of a fixed workload measured in the same process
(``_machine.calibrate``). Targets (issue 1): reference < 1 s, 10,000 < 10 s in total.
``--profile`` adds cProfile's top functions of one ``compose`` per case.

Usage::

    python benchmarks/bench_compose.py [--repeat 3] [--profile] [--out FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import calibrate, machine_lines, peak_rss_mb

import composer
from composer import CandidatePool, NetworkBrief
from composer.datasets import synthetic_brief, synthetic_frame
from composer.planner.assemble import assemble
from composer.planner.compose import solve_for
from composer.planner.model import build_plan

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
N_SYNTHETIC = 10_000
STAGES = ("load", "build_plan", "solve", "assemble", "explain")

Loader = Callable[[], tuple[CandidatePool, NetworkBrief]]


def pipeline(load: Loader) -> tuple[dict[str, float], list[str], str]:
    """One pass through the stages: seconds per stage, the members' ids, the method."""
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    pool, brief = load()
    t["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    plan = build_plan(pool, brief)
    t["build_plan"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    sol = solve_for(plan, method="auto", seed=0)
    t["solve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    comp = assemble(plan, sol)
    t["assemble"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = comp.explain()
    t["explain"] = time.perf_counter() - t0
    assert report and comp.core  # never printed: it holds names and free text
    t["total"] = sum(t[s] for s in STAGES)
    return t, [m.id for m in comp.members], comp.method


def profile(pool: CandidatePool, brief: NetworkBrief, top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    composer.compose(pool, brief)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
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
    lines = [*(f"- {line}" for line in machine_lines())]
    lines += [
        "",
        "| case | candidates | needs | "
        + " | ".join(f"{s} (s)" for s in STAGES)
        + " | total (s) | total / unit | first run total (s) | method | target | met? |",
        "|---|---:|---:|" + "---:|" * (len(STAGES) + 3) + "---|---:|---|",
    ]
    print("\n".join(lines), flush=True)
    notes: list[str] = []
    profiles: list[str] = []
    for name, load, target in cases:
        first, members, method = pipeline(load)
        unit = calibrate()
        runs = []
        for _ in range(max(1, args.repeat)):
            t, again, _ = pipeline(load)
            assert again == members, "not deterministic"
            runs.append(t)
        med = {k: statistics.median(r[k] for r in runs) for k in (*STAGES, "total")}
        pool, brief = load()
        same = [m.id for m in composer.compose(pool, brief).members] == members
        ok = med["total"] < target
        line = (
            f"| {name} | {len(pool):,} | {len(brief.needs)} | "
            + " | ".join(f"{med[s]:.3f}" for s in STAGES)
            + f" | {med['total']:.3f} | {med['total'] / unit:.1f} | {first['total']:.3f} "
            f"| {method} | < {target:g} s | {'met' if ok else 'MISSED'} "
            f"({med['total'] / target:.0%}) |"
        )
        lines.append(line)
        print(line, flush=True)
        notes.append(
            f"{name}: compose() gives the same members as the stages: {same}; "
            f"baseline unit {unit:.3f} s; runs' totals: "
            + ", ".join(f"{r['total']:.3f}" for r in runs)
        )
        if args.profile:
            profiles.append(f"\ncProfile, one compose, {name}:\n\n{profile(pool, brief, 15)}")
    notes += [
        f"Times: median of {max(1, args.repeat)} runs after a warm-up; generating the "
        f"{N_SYNTHETIC:,}-row synthetic frame took {t_generate:.2f} s and is not counted. "
        f"Peak RSS of the process: {peak_rss_mb():.0f} MB.",
    ]
    print("\n" + "\n".join(notes), flush=True)
    for p in profiles:
        print(p, flush=True)
    lines += ["", *notes]
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
