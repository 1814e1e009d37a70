from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
#: the reference scenario, copied into the repo (see data/reference/README.md)
REFERENCE = ROOT / "data" / "reference"


@pytest.fixture
def reference_dir() -> Path:
    return REFERENCE
