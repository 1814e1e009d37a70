"""Coverage against the judged set (issue 14), and its speed against one TF-IDF pass.

Quality: every row of ``tests/data/judged_coverage.csv`` through ``composer.coverage``;
prints, for each batch of the set (``build``, ``held-out``, ``held-out-2``,
``held-out-3``, ``held-out-4``, ``held-out-5``) and for all rows, mean absolute error, Spearman, false cover (> 0.3 on
a 0), crumbs (> 0 on a 0), missed (< 0.7 on a 1) and, per category, rows, MAE and hits
(within 0.3 of the judgement). Speed: ``coverage`` on ``synthetic_pool(n)`` ×
``synthetic_brief(15)`` (fit included, a fresh process has the language resources
still to load), as a ratio
to one word ``TfidfVectorizer`` fit_transform over the same text (every phrase cell
and the free text), in the same process.

Usage::

    python benchmarks/bench_coverage_quality.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np
from _machine import machine
from sklearn.feature_extraction.text import TfidfVectorizer

import composer
from composer.datasets import synthetic_brief, synthetic_pool
from tests.judged import figures, load_judged, per_category, scored

COLUMNS = (
    "professional_competences",
    "personal_competences",
    "methodological_competences",
    "perspectives",
)


def quality() -> None:
    rows = load_judged()
    value = scored(rows, composer.coverage)
    print(f"judged set: {len(rows)} pairs, {rows['need'].nunique()} needs")
    judged = rows["judgement"].to_numpy()
    for batch in (*dict.fromkeys(rows["batch"]), "all"):
        sel = np.ones(len(rows), bool) if batch == "all" else (rows["batch"] == batch).to_numpy()
        f = figures(judged[sel], value[sel])
        print(
            f"{batch:>10} ({sel.sum():>3} pairs): MAE {f['mae']:.3f}  Spearman {f['spearman']:.3f}"
            f"  false cover {f['false_cover']:.1%}  crumbs {f['crumbs']:.1%}"
            f"  missed {f['missed']:.1%}"
        )
    print(per_category(rows, value).round(3).to_string())


def speed(n: int) -> None:
    pool, brief = synthetic_pool(n, seed=0), synthetic_brief(15)
    f = pool.frame
    text = [p for c in COLUMNS for lst in f[c] for p in lst]
    text += [t for c in ("background", "statement") for t in f[c] if t]
    t0 = time.perf_counter()
    TfidfVectorizer().fit_transform(text)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    composer.coverage(pool, brief)
    took = time.perf_counter() - t0
    print(f"n={n:>7,}: coverage {took:6.2f} s, TF-IDF pass {base:5.2f} s, ratio {took / base:5.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    args = ap.parse_args()
    print(machine())
    quality()
    for n in args.sizes:
        speed(n)


if __name__ == "__main__":
    main()
