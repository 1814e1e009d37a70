"""Pictures of the report to send, from the shipped sample ``klimatilpasning``.

Run from the repository root (needs the ``pdf`` extra, Debian's ``chromium`` and
``poppler-utils``)::

    python scripts/make_report_pictures.py            # writes docs/img/report_*.png
    python scripts/make_report_pictures.py OUT_DIR

Writes ``report_html.png`` (the HTML page in chromium at 1,280 px, the first 1,600 px of
it) and ``report_pdf.png`` (the first page of the PDF, by pdftoppm).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import composer
from composer.datasets import load_sample

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]  # fmt: skip


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    comp = composer.compose(*load_sample("klimatilpasning"), seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(comp.to_html(), encoding="utf-8")
        shot = (out / "report_html.png").resolve()
        subprocess.run(["chromium", *FLAGS, "--window-size=1280,1600", f"--screenshot={shot}",
                        page.as_uri()], check=True, capture_output=True, cwd=tmp)  # fmt: skip
        pdf = comp.to_pdf(Path(tmp) / "report.pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(out / "report_pdf")], check=True)  # fmt: skip
    print(f"wrote {shot.name} and report_pdf.png to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
