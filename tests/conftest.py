from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles: "ci" (the CI environment variable is set) never varies between runs,
# so a red build can be rerun and seen again; "dev" explores new examples each run.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
#: the reference scenario, copied into the repo (see data/reference/README.md)
REFERENCE = ROOT / "data" / "reference"


@pytest.fixture
def reference_dir() -> Path:
    return REFERENCE
