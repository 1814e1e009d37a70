"""No import circle among the package's modules, counting imports inside functions and
under ``TYPE_CHECKING`` (issue 16): read from the source with :mod:`ast`."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1] / "src" / "composer"


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not node.level:
        return [f"{node.module}.{a.name}" for a in node.names] + [node.module or ""]
    base = module if is_package else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        base = base.rpartition(".")[0]
    base = f"{base}.{node.module}" if node.module else base
    return [f"{base}.{a.name}" for a in node.names] + [base]


def import_graph() -> nx.DiGraph:
    """module -> modules it imports (anywhere in the file); a package's own ``__init__``
    seen from inside it (``from . import __version__``) is not an edge."""
    modules = _modules()
    g = nx.DiGraph()
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _targets(module, is_package, node):
                while target not in modules and "." in target:
                    target = target.rpartition(".")[0]
                inside = module.startswith(target + ".")
                if target in modules and target != module and not inside:
                    g.add_edge(module, target)
    return g


def test_the_graph_sees_imports_inside_functions_and_type_checking() -> None:
    g = import_graph()
    assert g.has_edge("composer.composition", "composer.views.report")  # inside a method
    assert g.has_edge("composer.views.report", "composer.result")  # under TYPE_CHECKING


def test_no_import_circle() -> None:
    cycles = sorted(sorted(c) for c in nx.simple_cycles(import_graph()))
    assert cycles == []


def test_views_do_not_import_the_composition_class_or_the_planner() -> None:
    g = import_graph()
    for view in [m for m in g if m.startswith("composer.views.")]:
        reach = nx.descendants(g, view)
        assert "composer.composition" not in reach, view
        assert not any(m.startswith("composer.planner") for m in reach), view


def test_nothing_imports_the_command_line() -> None:
    """The CLI (``composer.cli``, a package) sits on top: only ``python -m composer`` starts
    it, and its modules import the library, never the other way round."""
    g = import_graph()
    cli = {m for m in g if m == "composer.cli" or m.startswith("composer.cli.")}
    assert "composer.cli.commands" in cli  # the graph sees the package's modules
    importers = {m for c in cli for m in g.predecessors(c)} - cli
    assert importers == {"composer.__main__"}, importers
