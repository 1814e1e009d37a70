"""Every notebook in ``notebooks/`` runs from top to bottom without an error.

The notebooks are executed in memory (nothing is written back) with the ``python3``
kernel, in the notebooks folder, so relative paths behave as they do for a reader.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def _tree(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def test_there_are_notebooks() -> None:
    assert PATHS, f"no notebooks found in {NOTEBOOKS}"


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_runs(path: Path) -> None:
    # No warning filter is needed: with the installed stack (jupyter_core 5.9, pyzmq 27,
    # nbclient 0.11) starting the kernel emits no Python warning, so none is silenced.
    nb = nbformat.read(path, as_version=4)
    before = _tree(NOTEBOOKS)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    try:
        client.execute()
    except CellExecutionError as e:
        pytest.fail(f"{path.name} failed:\n{e}", pytrace=False)
    finally:
        left = _tree(NOTEBOOKS) - before
        for p in sorted(left, reverse=True):  # files before their folders
            if p.is_dir():
                p.rmdir()
            else:
                p.unlink()
    assert not left, f"{path.name} left files behind: {sorted(map(str, left))}"
