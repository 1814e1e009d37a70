"""Packaging: the distribution's name, version, licence, command and a complete sdist."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

import pytest

import composer

ROOT = Path(__file__).resolve().parents[1]
DIST = "netvaerk-composer"  # "composer" on the Python Package Index is someone else's


def test_distribution_metadata() -> None:
    meta = metadata.metadata(DIST)
    assert meta["Name"] == DIST
    assert metadata.version(DIST) == composer.__version__
    assert meta["License-Expression"] == "MIT"
    assert "tqdm" in " ".join(metadata.requires(DIST) or [])
    (script,) = [e for e in metadata.entry_points(group="console_scripts") if e.name == "composer"]
    assert script.value == "composer.cli:main"


def test_license_file() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 composer contributors" in text


def test_no_hint_names_the_wrong_distribution() -> None:
    owned = [ROOT / "README.md", ROOT / "docs" / "contract.md", *(ROOT / "src").rglob("*.py")]
    wrong = [p.name for p in owned if "install 'composer[" in p.read_text(encoding="utf-8")]
    assert not wrong, wrong


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_sdist_is_complete(tmp_path: Path) -> None:
    # --no-isolation: build with the installed setuptools, no index needed (about 2 s)
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (archive,) = tmp_path.glob("netvaerk_composer-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    expected = {
        "LICENSE",
        "README.md",
        "Makefile",
        "pyproject.toml",
        "docs/contract.md",
        "data/reference/candidates.csv",
        "data/reference/brief.yaml",
        "scripts/acceptance.py",
        "tests/conftest.py",
        "tests/strategies.py",
        "tests/fixtures/good.csv",
        "tests/test_cli.py",
        "src/composer/py.typed",
        "src/composer/data/samples/klimatilpasning/candidates.csv",
        *(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb")),
    }
    assert expected <= names, sorted(expected - names)
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
