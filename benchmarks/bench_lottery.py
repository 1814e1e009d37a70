"""The lottery among near-optimal networks (issue 18): LEXIMIN time, lowest probability and
support, against ``sortition-algorithms`` where it finishes.

1. *example_small_20* (200 people: 1 female/conservative, 99 female/liberal, 100
   male/conservative; a panel of 20; each category 9..20) and *example_large_200* (the
   same ×10: 1 / 999 / 1,000; a panel of 200; minimums 99), built from their counts.
   composer's LEXIMIN against ``sortition-algorithms`` (PyPI) maximin and nash with its
   default ``highspy`` backend (its LEXIMIN needs Gurobi, which is not here; its own
   code then falls back to maximin) and legacy (one panel, no probabilities). Each
   sortition run is a child process with a time limit (``--limit``, default 300 s), so a
   run that does not finish is reported as such; the ratio is its time over composer's.
2. A lottery on every sample scenario: time, the lowest positive probability, support
   size, and how many can never be chosen (the time includes one or two MILPs per such
   group to say why).

Run: ``python benchmarks/bench_lottery.py`` (``pip install sortition-algorithms`` into
the venv for the comparison; without it the comparison is skipped and said so).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

from _machine import machine

from composer import load_brief, load_candidates, lottery
from composer.datasets import list_samples, load_sample

CATS = [("gender", "kvinde"), ("gender", "mand"), ("politics", "liberal"),
        ("politics", "konservativ")]  # fmt: skip


def instance(scale: int) -> tuple[list[dict[str, str]], int, int]:
    """The records, the panel size and the minimum per category."""
    kinds = [("kvinde", "konservativ")] + [("kvinde", "liberal")] * (100 * scale - 1)
    kinds += [("mand", "konservativ")] * (100 * scale)
    records = [
        {"id": f"P{i:05d}", "actor_type": "borger", "gender": g, "politics": p}
        for i, (g, p) in enumerate(kinds)
    ]
    return records, 20 * scale, 10 * scale - 1


def run_composer(scale: int) -> dict[str, Any]:
    records, seats, least = instance(scale)
    brief = {
        "theme": "Borgerpanel",
        "core": {"min": seats, "max": seats},
        "phase_participants": {"per_phase_max": 0, "total_max": 0},
        "quotas": [{"column": c, "value": v, "min": least, "max": seats} for c, v in CATS],
    }
    pool, b = load_candidates(records), load_brief(brief)
    t = time.perf_counter()
    lot = lottery(pool, b)
    secs = time.perf_counter() - t
    p = list(lot.probability.values())
    return {"seconds": secs, "min": min(p), "max": max(p), "support": len(lot.table.rows)}


def run_sortition(scale: int, algorithm: str) -> dict[str, Any]:
    """One sortition-algorithms run (in the child process)."""
    from sortition_algorithms.committee_generation.maximin import find_distribution_maximin
    from sortition_algorithms.committee_generation.nash import find_distribution_nash
    from sortition_algorithms.core import find_random_sample
    from sortition_algorithms.features import read_in_features
    from sortition_algorithms.people import read_in_people
    from sortition_algorithms.settings import Settings

    records, seats, least = instance(scale)
    body = [{"feature": c, "value": v, "min": str(least), "max": str(seats)} for c, v in CATS]
    features, _, _ = read_in_features(["feature", "value", "min", "max"], body, seats)
    settings = Settings(id_column="id", columns_to_keep=[])
    rows = [{"id": r["id"], "gender": r["gender"], "politics": r["politics"]} for r in records]
    people, _ = read_in_people(["id", "gender", "politics"], rows, features, settings)
    t = time.perf_counter()
    if algorithm == "legacy":
        find_random_sample(features, people, seats, [], selection_algorithm="legacy")
        return {"seconds": time.perf_counter() - t, "min": None, "support": 1}
    find = find_distribution_maximin if algorithm == "maximin" else find_distribution_nash
    committees, probs, _ = find(features, people, seats, [], "highspy")
    secs = time.perf_counter() - t
    chance = dict.fromkeys(r["id"] for r in records)
    share = {i: 0.0 for i in chance}
    for committee, p in zip(committees, probs, strict=True):
        for i in committee:
            share[i] += p
    return {"seconds": secs, "min": min(share.values()), "support": len(committees)}


def sortition(scale: int, algorithm: str, limit: float) -> dict[str, Any] | str:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(scale), algorithm],
            capture_output=True, text=True, timeout=limit,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"did not finish in {limit:.0f} s"
    if out.returncode:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        return f"failed: {tail[:120]}"
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    limit = float(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 300.0
    print(f"# bench_lottery ({machine()})\n")
    print(
        "| instance | composer LEXIMIN | min p | support | sortition | time | ratio | min p | support |"
    )
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    have = subprocess.run([sys.executable, "-c", "import sortition_algorithms"]).returncode == 0
    for name, scale in (("example_small_20", 1), ("example_large_200", 10)):
        ours = run_composer(scale)
        head = (f"| {name} | {ours['seconds']:.2f} s | {100 * ours['min']:.4f} % | "
                f"{ours['support']} |")  # fmt: skip
        if not have:
            print(head + " not installed | | | | |", flush=True)
            continue
        for algorithm in ("maximin", "nash", "legacy"):
            res = sortition(scale, algorithm, limit)
            if isinstance(res, str):
                print(f"{head} {algorithm} | {res} | | | |", flush=True)
                continue
            low = "–" if res["min"] is None else f"{100 * res['min']:.4f} %"
            print(f"{head} {algorithm} | {res['seconds']:.2f} s | "
                  f"{res['seconds'] / ours['seconds']:.3g}× | {low} | {res['support']} |",
                  flush=True)  # fmt: skip
    print("\n| sample | candidates | time | min positive p | support | never chosen |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in list_samples():
        pool, brief = load_sample(name)
        t = time.perf_counter()
        lot = lottery(pool, brief)
        secs = time.perf_counter() - t
        pos = [p for p in lot.probability.values() if p > 0]
        print(f"| {name} | {len(pool)} | {secs:.2f} s | {100 * min(pos):.2f} % | "
              f"{len(lot.table.rows)} | {len(lot.never)} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    if "--child" in sys.argv:
        k = sys.argv.index("--child")
        print(json.dumps(run_sortition(int(sys.argv[k + 1]), sys.argv[k + 2])))
    else:
        main()
