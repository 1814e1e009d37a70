"""Every notebook in ``notebooks/`` runs from top to bottom without an error.

The notebooks are executed in memory (nothing is written back) with the ``python3``
kernel, in the notebooks folder, so relative paths behave as they do for a reader. One
kernel runs them all, since starting it and importing the stack took 40 % of the
notebooks' CPU time: each notebook starts with no figure open and an empty namespace
(``%reset -f``, checked below), so a name it does not define itself fails as it would
for a reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def _tree(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def test_there_are_notebooks() -> None:
    assert [p.name for p in PATHS] == [
        "01_quickstart.ipynb",
        "02_explore_pool.ipynb",
        "03_what_if.ipynb",
    ]


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for k, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {k} is stored with outputs"
            assert cell.execution_count is None, f"{path.name}: cell {k} has an execution count"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_uses_only_the_public_api(path: Path) -> None:
    import composer
    import composer.plots

    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    public = {*composer.__all__, "datasets", "plots"}
    used = set(re.findall(r"\bcomposer\.(\w+)", code))
    assert used <= public, f"{path.name} uses {sorted(used - public)}, not in composer.__all__"
    drawn = set(re.findall(r"\bplots\.(\w+)", code))
    assert drawn <= set(composer.plots.__all__), sorted(drawn - set(composer.plots.__all__))
    for m in re.findall(r"^\s*(?:from|import) (composer[.\w]*)", code, flags=re.M):
        assert m in ("composer", "composer.datasets", "composer.plots"), m


#: run before each notebook in the shared kernel: no figure open, an empty namespace
FRESH = (
    "import sys\n"
    "if 'matplotlib.pyplot' in sys.modules:\n"
    "    sys.modules['matplotlib.pyplot'].close('all')\n"
    "get_ipython().run_line_magic('reset', '-f')"
)


#: the shared kernel and the client that talks to it
Kernel = tuple[KernelManager, BlockingKernelClient]


@pytest.fixture(scope="module")
def kernel() -> Iterator[Kernel]:
    """One ``python3`` kernel, started in the notebooks folder, and its client, for
    every notebook."""
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(NOTEBOOKS))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    km.context.term()


def _client(nb: nbformat.NotebookNode, kernel: Kernel) -> NotebookClient:
    km, kc = kernel
    client = NotebookClient(nb, km=km, timeout=120)
    client.kc = kc  # the kernel's own client: nbclient then starts neither
    return client


def test_a_notebook_starts_with_an_empty_namespace(kernel: Kernel) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in ("leftover = 1", FRESH, "leftover")]
    with pytest.raises(CellExecutionError, match="NameError"):
        _client(nb, kernel).execute()


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_runs(path: Path, kernel: Kernel) -> None:
    # No warning filter is needed: with the installed stack (jupyter_core 5.9, pyzmq 27,
    # nbclient 0.11) starting the kernel emits no Python warning, so none is silenced.
    nb = nbformat.read(path, as_version=4)
    before = _tree(NOTEBOOKS)
    nb.cells.insert(0, nbformat.v4.new_code_cell(FRESH))
    client = _client(nb, kernel)
    try:
        client.execute()
    except CellExecutionError as e:
        pytest.fail(f"{path.name} failed:\n{e}", pytrace=False)
    finally:
        nb.cells.pop(0)
        left = _tree(NOTEBOOKS) - before
        for p in sorted(left, reverse=True):  # files before their folders
            if p.is_dir():
                p.rmdir()
            else:
                p.unlink()
    assert not left, f"{path.name} left files behind: {sorted(map(str, left))}"
    stderr = [
        o.text
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stderr"
    ]
    assert not stderr, f"{path.name} wrote to stderr (a warning?): {stderr}"
