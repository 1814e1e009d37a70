"""The hostile files of issue 20 at the sizes the issue measured: each must answer (load
or a clear InputError) within 2 s and 300 MB.

Every file is loaded in a fresh Python process, so that its peak memory is its own; the
same process first loads the reference candidates and brief (the baseline), so the time
is also stated as a ratio against that ordinary load. Peak memory is the process's
``VmHWM`` (everything: Python, pandas, numpy, the imports), and the growth over the
baseline's peak.

Run: ``.venv/bin/python benchmarks/bench_hostile.py`` (about a minute; ``--quick`` skips
the three largest files).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine  # noqa: E402

from tests import hostile  # noqa: E402

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from _machine import peak_rss_mb
import composer
from composer import InputError

ref = Path({ref!r})
t0 = time.perf_counter()
composer.load_candidates(ref / "candidates.csv")
composer.load_brief(ref / "brief.yaml")
base = time.perf_counter() - t0
base_peak = peak_rss_mb()
fn = composer.load_brief if sys.argv[2] == "brief" else composer.load_candidates
t0 = time.perf_counter()
try:
    fn(sys.argv[1])
    answer = "loaded"
except InputError as e:
    answer = str(e.problems[0])[:150]
took = time.perf_counter() - t0
peak = peak_rss_mb()
print(json.dumps({{"s": took, "ratio": took / base, "peak": peak, "growth": peak - base_peak,
                  "answer": answer}}))
"""


def _link(target: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(target)
        return path

    return make


def _write(text_of: Callable[[], str]) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_text(text_of(), encoding="utf-8")
        return path

    return make


def _laughs() -> str:
    lines = ["theme: x", "a0: &a0 [" + ", ".join(["x"] * 10) + "]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


#: (what the issue said, file name, kind, builder, large)
CASES: list[tuple[str, str, str, Callable[[Path], Path], bool]] = [
    ("symlink to /dev/zero (3.7 GB, MemoryError)", "k.csv", "pool", _link("/dev/zero"), False),
    ("/dev/urandom as a brief", "b.yaml", "brief", _link("/dev/urandom"), False),
    (
        "120 MB JSON brief, 30 million strings (3.9 GB)",
        "b.json",
        "brief",
        lambda p: hostile.json_brief_of_strings(p, 30_000_000),
        True,
    ),
    (
        "xlsx, one row of a million cells (25 s, 721 MB)",
        "k.xlsx",
        "pool",
        lambda p: hostile.wide_row_workbook(p, 1_000_000),
        False,
    ),
    (
        "xlsx, one row of 10 million cells (killed at 150 s)",
        "k.xlsx",
        "pool",
        lambda p: hostile.wide_row_workbook(p, 10_000_000),
        True,
    ),
    ('xlsx with <row r="99999999999"/> (33 s)', "k.xlsx", "pool", hostile.far_row_workbook, False),
    (
        "45 MB JSON list of empty records (2.6 GB)",
        "k.json",
        "pool",
        lambda p: hostile.json_empty_records(p, 15_000_000),
        True,
    ),
    (
        "0.4 MB YAML brief (35 s)",
        "b.yaml",
        "brief",
        lambda p: hostile.yaml_brief_of_values(p, 50_000),
        False,
    ),
    (
        "2 MB YAML brief (killed at 150 s)",
        "b.yaml",
        "brief",
        lambda p: hostile.yaml_brief_of_values(p, 250_000),
        False,
    ),
    ("YAML aliases, 10^10 values when expanded", "b.yaml", "brief", _write(_laughs), False),
]


def main() -> None:
    quick = "--quick" in sys.argv
    child = CHILD.format(bench=str(ROOT / "benchmarks"), ref=str(ROOT / "data" / "reference"))
    print(machine())
    print("| file (the issue's figure) | size | answer | time | × baseline | peak RSS | growth |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for k, (what, name, kind, build, large) in enumerate(CASES):
            if quick and large:
                continue
            path = build(Path(tmp) / f"{k}_{name}")
            size = path.lstat().st_size if path.is_symlink() else path.stat().st_size
            out = subprocess.run(
                [sys.executable, "-c", child, str(path), kind],
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            )
            r = json.loads(out.stdout)
            print(
                f"| {what} | {size / 1e6:.3g} MB | {r['answer']} | {r['s']:.2f} s "
                f"| {r['ratio']:.1f} | {r['peak']:.0f} MB | {r['growth']:+.0f} MB |"
            )
            path.unlink()


if __name__ == "__main__":
    main()
