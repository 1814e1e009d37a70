"""The shared acceptance check, when the workspace's ``shared/`` folder sits beside the repo.

usage: python scripts/acceptance.py

A user's clone has no ``shared/`` beside it: then this says so and exits 0 (the tests run
on the copy in ``data/reference/``). Where it is present, the shared check runs on the
shared reference scenario, and a copy in ``data/reference/`` that differs from it is
reported on stderr (the tests would be running on stale files: copy it again).
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CHECK = SHARED / "acceptance" / "check_reference.py"
COPY = ROOT / "data" / "reference"


def main() -> int:
    if not CHECK.exists():
        print(f"acceptance: no shared check at {CHECK}; skipped (tests use {COPY})")
        return 0
    scenario = SHARED / "reference"
    for name in ("candidates.csv", "brief.yaml"):
        if not filecmp.cmp(scenario / name, COPY / name, shallow=False):
            print(
                f"acceptance: warning: data/reference/{name} differs from {scenario / name}; "
                "copy it again so that the tests run on the current scenario",
                file=sys.stderr,
            )
    return subprocess.run([sys.executable, str(CHECK), str(scenario)], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
