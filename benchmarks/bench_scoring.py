"""Speed of scoring (coverage + score) against one character n-gram TF-IDF pass.

For 500, 10,000 and 100,000 synthetic candidates (``synthetic_pool(n)``) and
``synthetic_brief(15)`` this times one ``CandidateScorer().fit(pool, brief)``, then
``coverage(pool)``, then ``transform(pool, cov)`` with that coverage. The baseline, in the
same process, is one ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5))
.fit_transform`` over every phrase cell of the pool (the four phrase columns, flattened,
repeats kept). The issue's targets: 500 candidates under 0.5 s, 100,000 under 30 s.

Usage::

    python benchmarks/bench_scoring.py [--sizes 500 10000 100000] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _machine import machine

from composer import CandidatePool, CandidateScorer, NetworkBrief
from composer.datasets import synthetic_brief, synthetic_pool

PHRASE_COLUMNS = (
    "professional_competences",
    "personal_competences",
    "methodological_competences",
    "perspectives",
)
TARGETS = {500: 0.5, 100_000: 30.0}


def score_once(pool: CandidatePool, brief: NetworkBrief) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    scorer = CandidateScorer().fit(pool, brief)
    t1 = time.perf_counter()
    cov = scorer.coverage(pool)
    t2 = time.perf_counter()
    scores = scorer.transform(pool, cov)
    t3 = time.perf_counter()
    assert len(scores) == len(cov)
    return t1 - t0, t2 - t1, t3 - t2


def run(n: int, seed: int) -> dict[str, float]:
    pool = synthetic_pool(n, seed)
    brief = synthetic_brief(15)
    phrases = [p for col in PHRASE_COLUMNS for lst in pool.frame[col] for p in lst]
    repeat = 3 if n <= 10_000 else 1
    runs = [score_once(pool, brief) for _ in range(repeat)]
    fit, cov, tr = (statistics.median(x) for x in zip(*runs, strict=True))
    total = statistics.median(sum(r) for r in runs)
    base = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(phrases)
        base.append(time.perf_counter() - t0)
    baseline = statistics.median(base)
    return {
        "n": n,
        "phrases": len(phrases),
        "repeat": repeat,
        "fit": fit,
        "coverage": cov,
        "transform": tr,
        "total": total,
        "baseline": baseline,
        "ratio": total / baseline,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    args = parser.parse_args(argv)
    score_once(synthetic_pool(50, args.seed), synthetic_brief(15))  # warm-up: lazy imports
    lines = [
        f"Machine: {machine()}. Date: {dt.date.today().isoformat()}.",
        "",
        "| n | phrase cells | fit (s) | coverage (s) | transform (s) | total (s) |"
        " char_wb TF-IDF (s) | total / TF-IDF | growth vs previous size | peak RSS so far (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    results: list[dict[str, float]] = []
    for n in args.sizes:
        r = run(n, args.seed)
        if results:
            prev = results[-1]
            growth = f"x{r['total'] / prev['total']:.1f} time for x{n / prev['n']:.0f} candidates"
        else:
            growth = "–"
        results.append(r)
        line = (
            f"| {n:,} | {r['phrases']:,} | {r['fit']:.3f} | {r['coverage']:.3f} | "
            f"{r['transform']:.3f} | {r['total']:.3f} | {r['baseline']:.3f} | "
            f"{r['ratio']:.1f} | {growth} | {r['rss_mb']:.0f} |"
        )
        lines.append(line)
        print(line, flush=True)
    notes = [
        "",
        "Times: median of 3 runs for n <= 10,000, one run above, after a warm-up on 50"
        " candidates; building the pool is not timed.",
    ]
    for r in results:
        if r["n"] in TARGETS:
            limit = TARGETS[int(r["n"])]
            ok = r["total"] < limit
            notes.append(
                f"Target {int(r['n']):,} candidates < {limit:g} s: {'met' if ok else 'MISSED'}"
                f" ({r['total']:.2f} s, {r['total'] / limit:.0%} of the budget)."
            )
    print("\n".join(notes), flush=True)
    lines += notes
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
