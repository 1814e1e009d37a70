"""Draw the README's pictures from the shipped sample ``klimatilpasning``.

Run from the repository root (needs the ``plot`` extra)::

    python scripts/make_pictures.py            # writes docs/img/*.png
    python scripts/make_pictures.py OUT_DIR

Writes ``network.png``, ``coverage.png`` and ``meeting_plan.png``. People are shown by
id (names are personal data); the layout is seeded, so reruns give the same pictures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import composer
from composer import plots
from composer.datasets import load_sample

DPI = 100
OUT = Path(__file__).resolve().parents[1] / "docs" / "img"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    pool, brief = load_sample("klimatilpasning")
    comp = composer.compose(pool, brief, seed=0)
    figures = {
        "network.png": plots.plot_network(comp, pool),
        "coverage.png": plots.plot_coverage(comp),
        "meeting_plan.png": plots.plot_meetings(comp),
    }
    for name, fig in figures.items():
        # Fixed metadata, so an unchanged picture gives an unchanged file.
        fig.savefig(out / name, dpi=DPI, metadata={"Software": None})
        plt.close(fig)
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
