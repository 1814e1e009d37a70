"""Write each shipped sample as one Excel workbook: ``kandidater.xlsx`` beside its CSV and
YAML, with the candidates under Danish headers (drop-down lists as in ``composer
template``) and the brief in the "Brief" sheet.

Run from the repository root (needs the ``excel`` extra)::

    python scripts/make_sample_workbooks.py
"""

from __future__ import annotations

import sys

import pandas as pd

from composer.datasets import list_samples, load_sample, sample_path
from composer.template import write_workbook


def main() -> int:
    for name in list_samples():
        folder = sample_path(name)
        rows = pd.read_csv(folder / "candidates.csv", dtype=str, keep_default_na=False)
        write_workbook(folder / "kandidater.xlsx", rows, load_sample(name)[1])
        print(f"wrote {folder.name}/kandidater.xlsx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
