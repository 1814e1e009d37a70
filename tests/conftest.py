from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = ROOT.parent / "shared" / "reference"


@pytest.fixture
def reference_dir() -> Path:
    if not REFERENCE.exists():  # the brief promises it beside the repo, locally and in CI
        pytest.fail(f"the shared reference example is missing at {REFERENCE}")
    return REFERENCE
