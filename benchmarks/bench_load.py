"""Speed and peak memory of ``composer.load_candidates`` on a CSV, against ``pandas.read_csv``.

For n = 10,000, 100,000 and 1,000,000 synthetic candidates (``synthetic_frame(n)``) this
writes the table to a CSV in a temporary folder, then, in a fresh subprocess per size,
times ``composer.load_candidates(path)`` and reads that process's peak RSS (``VmHWM``;
``ru_maxrss`` would start from the parent's RSS at the fork). In the same subprocess it
then times the baseline ``pd.read_csv(path, dtype=str, keep_default_na=False)`` of the
same file and reports the ratio load / baseline. A second fresh subprocess runs only the baseline, for its peak RSS.
The issue's target: 1,000,000 rows in under 60 s and under 4 GB.

Usage::

    python benchmarks/bench_load.py [--quick] [--sizes 10000 100000 1000000] [--out FILE]

``--quick`` stops at 100,000 rows. Nothing from the file (names, free text) is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _machine import machine, peak_rss_mb

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

TARGET_N = 1_000_000
TARGET_S = 60.0
TARGET_MB = 4 * 1024.0


def _child(mode: str, path: str, repeat: int) -> None:
    """Runs in a fresh interpreter; prints one JSON line of measurements."""
    import pandas as pd

    import composer

    out: dict[str, float] = {"rss_after_import_mb": peak_rss_mb()}
    if mode == "load":
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            pool = composer.load_candidates(path)
            times.append(time.perf_counter() - t0)
            out["rows"] = len(pool)
            if len(times) == 1:
                out["peak_rss_mb"] = peak_rss_mb()  # peak of the first (cold) load
            del pool
        out["load_s"] = statistics.median(times)
        out["load_first_s"] = times[0]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        times.append(time.perf_counter() - t0)
        out["baseline_rows"] = len(df)
        if mode == "baseline" and len(times) == 1:
            out["peak_rss_mb"] = peak_rss_mb()
        del df
    out["baseline_s"] = statistics.median(times)
    print(json.dumps(out), flush=True)


def _run_child(mode: str, path: Path, repeat: int) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path)]
    cmd += ["--repeat", str(repeat)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        # the library's traceback names files and lines, never cell values
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{mode} child for {path.name} failed with exit code {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(n: int, folder: Path, seed: int) -> dict[str, float]:
    from composer.datasets import synthetic_frame

    path = folder / f"synthetic_{n}.csv"
    t0 = time.perf_counter()
    frame = synthetic_frame(n, seed)
    frame.to_csv(path, index=False)
    del frame  # keep the parent small while the children run
    t_write = time.perf_counter() - t0
    repeat = 3 if n <= 100_000 else 1
    load = _run_child("load", path, repeat)
    base = _run_child("baseline", path, repeat)
    if int(load["rows"]) != n:
        raise SystemExit(f"load_candidates returned {int(load['rows'])} rows, expected {n}")
    return {
        "n": n,
        "file_mb": path.stat().st_size / 1024**2,
        "write_s": t_write,
        "repeat": repeat,
        "load_s": load["load_s"],
        "load_first_s": load["load_first_s"],
        "baseline_s": load["baseline_s"],
        "ratio": load["load_s"] / load["baseline_s"],
        "import_mb": load["rss_after_import_mb"],
        "load_peak_mb": load["peak_rss_mb"],
        "baseline_peak_mb": base["peak_rss_mb"],
        "mem_ratio": load["peak_rss_mb"] / base["peak_rss_mb"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="stop at 100,000 rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], args.repeat)
        return 0
    sizes = [n for n in args.sizes if not (args.quick and n > 100_000)]
    lines = [
        f"Machine: {machine()}. Date: {dt.date.today().isoformat()}.",
        "",
        "| n | CSV (MB) | load_candidates (s) | pd.read_csv dtype=str (s) | load / read_csv |"
        " peak RSS load (MB) | peak RSS read_csv (MB) | RSS ratio | RSS after imports (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="composer-bench-load-") as tmp:
        for n in sizes:
            r = run(n, Path(tmp), args.seed)
            results.append(r)
            line = (
                f"| {n:,} | {r['file_mb']:.1f} | {r['load_s']:.3f} | {r['baseline_s']:.3f} | "
                f"{r['ratio']:.1f} | {r['load_peak_mb']:.0f} | {r['baseline_peak_mb']:.0f} | "
                f"{r['mem_ratio']:.1f} | {r['import_mb']:.0f} |"
            )
            lines.append(line)
            print(line, flush=True)
    notes = [
        "",
        "Times: median of 3 loads for n <= 100,000 (1 for larger), each size in a fresh"
        " process, the baseline timed in the same process after the loads. Peak RSS: the"
        " process's VmHWM after the first load (imports included), and in a second fresh"
        " process after the first read_csv.",
    ]
    for r in results:
        if r["n"] == TARGET_N:
            ok_t, ok_m = r["load_s"] < TARGET_S, r["load_peak_mb"] < TARGET_MB
            notes.append(
                f"Target {TARGET_N:,} rows < {TARGET_S:.0f} s: {'met' if ok_t else 'MISSED'}"
                f" ({r['load_s']:.1f} s, {r['load_s'] / TARGET_S:.0%} of the budget); "
                f"< 4 GB: {'met' if ok_m else 'MISSED'} ({r['load_peak_mb']:.0f} MB, "
                f"{r['load_peak_mb'] / TARGET_MB:.0%} of the budget)."
            )
    print("\n".join(notes), flush=True)
    lines += notes
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
