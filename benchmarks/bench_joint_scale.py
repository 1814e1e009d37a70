"""``compose`` on a pool already in memory at 5,000 / 50,000 / 500,000 candidates.

``synthetic_pool(n)`` with ``synthetic_brief()`` (15 needs, 4 phases, core 6-9, three
quotas), built before the clock starts. The clock runs over exactly what
``compose(pool, brief)`` does, stage by stage:

- language: the first use of the language resources (simplemma's Danish dictionary,
  wordfreq's list, the thesaurus analysed), once per process: a server, a notebook or a
  batch pays it once, a single CLI command every time. The decoded dictionary and the
  thesaurus's analysis are read from the cache folder (``composer.resources.kept``),
  which the first run on a machine fills;
- build_plan: encoding and scoring (``planner.model.build_plan``);
- problem + rules: ``joint_problem`` and ``rules.check``;
- solve: ``solve_plan(problem, "auto", seed=0)`` (exact up to ``AUTO_EXACT_MAX``
  modelled candidates, else the heuristic), with ``compose``'s fallback to the exact model
  when the heuristic finds nothing;
- assemble: ``planner.assemble.assemble`` (the Composition, its reasons and gaps).

At the smallest size the script checks that this path gives ``compose``'s composition.
Each run is a fresh process (so the peak memory is that size's own); peak RSS is sampled
by psutil every 10 ms in a thread during the four stages, and also given as the growth
over the RSS before them (the pool itself is in memory before the clock starts). Speed is
also given in units of a fixed workload measured in the same process
(``_machine.calibrate``). Growth exponents: log(t50k / t5k) / log(10) and
log(t500k / t50k) / log(10). Issue 8's targets: 50,000 < 20 s, 500,000 < 5 min, exponent
<= 1.1 from 5,000 to 50,000.

Usage::

    python benchmarks/bench_joint_scale.py [--sizes 5000 50000 500000] [--repeat 2]
    python benchmarks/bench_joint_scale.py --one 50000      # one run, prints JSON
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import RssSampler, calibrate, machine_lines

STAGES = ("language", "build_plan", "problem+rules", "solve", "assemble")


def one(n: int) -> dict[str, object]:
    """One run at ``n`` candidates (in this process)."""
    from composer import compose
    from composer.datasets import synthetic_brief, synthetic_pool
    from composer.lexicon import frequency, lemma
    from composer.planner.assemble import assemble
    from composer.planner.model import build_plan, joint_problem, modelled, solve_plan
    from composer.planner.rules import check
    from composer.thesaurus import default_thesaurus

    t0 = time.perf_counter()
    pool, brief = synthetic_pool(n), synthetic_brief()
    t_pool = time.perf_counter() - t0
    unit = calibrate()
    gc.collect()
    t: dict[str, float] = {}
    with RssSampler() as rss:
        t0 = time.perf_counter()
        default_thesaurus()  # its analysis (from the cache folder after a first run)
        lemma("huse"), frequency("huse")  # the lemmatiser's table and the word list
        t["language"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        plan = build_plan(pool, brief)
        t["build_plan"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        problem = joint_problem(plan)
        check(plan, problem)
        t["problem+rules"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        sol = solve_plan(problem, "auto", 0)
        if sol is None:  # compose's fallback
            sol = solve_plan(problem, "exact", 0)
        assert sol is not None
        t["solve"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        comp = assemble(plan, sol)
        t["assemble"] = time.perf_counter() - t0
    same = None
    if n <= 5_000:
        ref = compose(pool, brief)
        same = [m.id for m in ref.members] == [m.id for m in comp.members]
    return {
        "n": n,
        "times": t,
        "total": sum(t.values()),
        "warm": sum(v for k, v in t.items() if k != "language"),
        "unit": unit,
        "method": sol.method,
        "optimal": sol.optimal,
        "modelled": modelled(problem),
        "F": comp.objective,
        "hours": comp.person_hours,
        "rss_start": rss.start_mb,
        "rss_peak": rss.peak_mb,
        "pool_s": t_pool,
        "same_as_compose": same,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[5_000, 50_000, 500_000])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--one", type=int, help="one run at this size; JSON on stdout")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print("\n".join(f"- {line}" for line in machine_lines()))
    print(f"- repeats per size: {args.repeat} (fresh process each)\n")
    print(
        "| n | run | language s | build_plan s | problem+rules s | solve s | assemble s "
        "| total s | warm s | total / unit | method | modelled | F | hours | peak RSS MB "
        "| RSS growth MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    best: dict[int, float] = {}
    for n in args.sizes:
        totals = []
        for r in range(args.repeat):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n)],
                capture_output=True,
                text=True,
                check=True,
            )
            res = json.loads(out.stdout.strip().splitlines()[-1])
            t = res["times"]
            totals.append(res["total"])
            check = res["same_as_compose"]
            print(
                f"| {n:,} | {r + 1} | "
                + " | ".join(f"{t[s]:.2f}" for s in STAGES)
                + f" | {res['total']:.2f} | {res['warm']:.2f} | {res['total'] / res['unit']:.0f}"
                f" | {res['method']}"
                f"{'' if res['optimal'] or res['method'] != 'exact' else ' (limit)'} "
                f"| {res['modelled']:,} | {res['F']:.3f} | {res['hours']:g} "
                f"| {res['rss_peak']:.0f} | {res['rss_peak'] - res['rss_start']:.0f} |"
                + ("" if check is None else f" same as compose(): {check}"),
                flush=True,
            )
        best[n] = statistics.median(totals)
    print()
    sizes = sorted(best)
    for a, b in itertools.pairwise(sizes):
        k = math.log(best[b] / best[a]) / math.log(b / a)
        print(
            f"growth exponent {a:,} -> {b:,}: {k:.2f} (median totals {best[a]:.2f} s, {best[b]:.2f} s)"
        )


if __name__ == "__main__":
    main()
