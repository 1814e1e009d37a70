"""The pictures (matplotlib, Agg backend) and the graph export they draw from."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import composer
from composer.datasets import list_samples, load_sample
from composer.views.graph import NEED_PREFIX, composition_graph

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from composer.views import plots  # noqa: E402


@pytest.fixture(scope="module")
def sample() -> tuple[composer.CandidatePool, composer.NetworkBrief, composer.Composition]:
    pool, brief = load_sample("klimatilpasning")
    return pool, brief, composer.compose(pool, brief, seed=0)


@pytest.fixture(autouse=True)
def _close_figures() -> Any:
    yield
    plt.close("all")


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def _names(pool: composer.CandidatePool) -> list[str]:
    return [n for n in pool.frame["name"].dropna() if n]


def _render(fig: Figure) -> None:
    fig.canvas.draw()  # layout and text drawing happen here (and any glyph warning)


# ------------------------------------------------------------------------- network
def test_network_draws_members_needs_and_ties(sample: tuple) -> None:
    pool, _, comp = sample
    fig = plots.plot_network(comp, pool)
    _render(fig)
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    # one collection of needs, then one per (role, actor type) of the members
    groups = {(m.role, m.actor_type) for m in comp.members}
    assert len(points) == 1 + len(groups)
    assert sum(len(c.get_offsets()) for c in points) == len(comp.needs) + len(comp.members)
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    g = composition_graph(comp, pool)
    kinds = [k for _, _, k in g.edges(data="kind")]
    assert [len(c.get_segments()) for c in lines] == [kinds.count("covers"), kinds.count("knows")]
    assert kinds.count("knows") > 0
    texts = _texts(fig)
    assert {m.id for m in comp.members} <= set(texts)
    assert {ns.name for ns in comp.needs} <= set(texts)
    assert "kernedeltager" in texts and "kender hinanden" in texts
    assert not any(n in t for t in texts for n in _names(pool))


def test_network_without_pool_draws_its_own_ties(sample: tuple) -> None:
    _, _, comp = sample
    assert comp.ties is not None and comp.ties.known_pairs
    fig = plots.plot_network(comp, language="en")
    lines = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    assert len(lines) == 2 and len(lines[1].get_segments()) == len(comp.ties.known_pairs)
    assert "know each other" in _texts(fig)


def test_network_without_ties_and_names_on_request(sample: tuple) -> None:
    _, _, comp = sample
    comp = comp.model_copy(update={"ties": None})  # as made before compositions held ties
    fig = plots.plot_network(comp, show_names=True, language="en")
    _render(fig)
    ax = fig.axes[0]
    assert len([c for c in ax.collections if isinstance(c, LineCollection)]) == 1
    texts = _texts(fig)
    assert "know each other" not in texts and "core participant" in texts
    named = [m.name for m in comp.members if m.name]
    assert named and set(named) <= set(texts)


def test_network_into_a_given_axes_is_the_same_each_run(sample: tuple) -> None:
    pool, _, comp = sample
    fig, axes = plt.subplots(1, 2)
    out = plots.plot_network(comp, pool, ax=axes[1])
    assert out is fig and not axes[0].collections
    a = plots.plot_network(comp, pool).axes[0].collections[-1].get_offsets()
    b = plots.plot_network(comp, pool).axes[0].collections[-1].get_offsets()
    assert (a == b).all()


# ------------------------------------------------------------------------ coverage
def test_coverage_has_one_panel_per_phase(sample: tuple) -> None:
    pool, brief, comp = sample
    fig = plots.plot_coverage(comp)
    _render(fig)
    panels = [ax for ax in fig.axes if ax.images]
    assert len(panels) == len(brief.phases) and len(fig.axes) == len(brief.phases) + 1
    for ax, ph in zip(panels, brief.phase_names, strict=True):
        present = [m.id for m in comp.members if ph in m.phases]
        assert [t.get_text() for t in ax.get_yticklabels()] == sorted(
            present, key=[m.id for m in plots._ordered_members(comp)].index
        )
        assert ax.images[0].get_array().shape == (len(present), len(comp.needs))
        assert ax.get_title(loc="left").startswith(ph)
    gap_frames = sum(len(ax.patches) for ax in panels)
    assert gap_frames == sum(len(g.phases) for g in comp.gaps) > 0
    assert [t.get_text() for t in panels[-1].get_xticklabels()] == [n.name for n in comp.needs]
    assert not any(n in t for t in _texts(fig) for n in _names(pool))


def test_coverage_cells_are_the_members_coverage(sample: tuple) -> None:
    _, brief, comp = sample
    fig = plots.plot_coverage(comp)
    first = brief.phase_names[0]
    data = fig.axes[0].images[0].get_array()
    rows = [m for m in plots._ordered_members(comp) if first in m.phases]
    for i, m in enumerate(rows):
        for j, ns in enumerate(comp.needs):
            if first in ns.phases:
                assert data[i, j] == pytest.approx(m.needs_covered.get(ns.name, 0.0))
            else:
                assert data.mask[i, j]


# ------------------------------------------------------------------------ meetings
def test_meeting_plan_rows_core_first_with_hours(sample: tuple) -> None:
    pool, brief, comp = sample
    fig = plots.plot_meetings(comp)
    _render(fig)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    ids = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(ids) == sorted(m.id for m in comp.members)
    assert ids[: len(comp.core)] == [m.id for m in comp.core]
    bars = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bars) == len(comp.members)
    assert sum(len(b.get_paths()) for b in bars) == sum(len(m.meetings) for m in comp.members)
    texts = _texts(fig)
    assert texts.count("3,5") >= sum(len(m.meetings) for m in comp.members)  # decimal comma
    assert "møde 1" in texts and "i alt" in texts and set(brief.phase_names) <= set(texts)
    assert not any(n in t for t in texts for n in _names(pool))


def test_meeting_plan_in_english_into_given_axes(sample: tuple) -> None:
    _, _, comp = sample
    fig, ax = plt.subplots()
    assert plots.plot_meetings(comp, ax=ax, language="en") is fig
    texts = _texts(fig)
    assert "meeting 1" in texts and "total" in texts and "3.5" in texts


# ---------------------------------------------------------------- without matplotlib
def test_a_clear_error_without_matplotlib(sample: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, comp = sample
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    for mod in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, mod)
    for draw in (plots.plot_network, plots.plot_coverage, plots.plot_meetings):
        with pytest.raises(ImportError, match=r"pip install 'netvaerk-composer\[plot\]'"):
            draw(comp)


# ------------------------------------------------------------ GraphML and GEXF export
def _edges(g: nx.Graph) -> set[frozenset[str]]:
    return {frozenset((a, b)) for a, b in g.edges()}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_written_and_read_back(sample: tuple, tmp_path: Path, fmt: str) -> None:
    pool, _, comp = sample
    g = composition_graph(comp, pool)
    path = tmp_path / f"network.{fmt}"
    getattr(nx, f"write_{fmt}")(g, path)
    back = getattr(nx, f"read_{fmt}")(path)
    assert set(back.nodes) == set(g.nodes)
    assert _edges(back) == _edges(g)
    for m in comp.members:
        node = back.nodes[m.id]
        assert node["role"] == m.role and node["actor_type"] == m.actor_type
        assert node["orientation"] == m.orientation and node["label"] == m.id
        assert node["phases"].split(";") == m.phases
    for ns in comp.needs:
        assert back.nodes[NEED_PREFIX + ns.name]["kind"] == "need"
    assert {d["kind"] for _, _, d in back.edges(data=True)} == {"covers", "knows"}


def test_graph_attributes_are_plain_values(sample: tuple) -> None:
    pool, _, comp = sample
    g = composition_graph(comp, pool)
    for _, data in [*g.nodes(data=True), *((None, d) for _, _, d in g.edges(data=True))]:
        for v in data.values():
            assert isinstance(v, str | int | float | bool), v
    assert comp.to_networkx().nodes[comp.core[0].id]["kind"] == "member"
    named = composition_graph(comp, show_names=True)
    assert named.nodes[comp.core[0].id]["label"] == (comp.core[0].name or comp.core[0].id)


def test_composition_methods_delegate(sample: tuple) -> None:
    pool, _, comp = sample
    assert len(comp.plot(pool).axes[0].collections) == len(
        plots.plot_network(comp, pool).axes[0].collections
    )
    assert len(comp.plot_coverage(language="en").axes) == len(comp.brief.phases) + 1
    assert comp.plot_meetings(show_names=True).axes[0].get_yticklabels()


# ---------------------------------------------------------------------- edge cases
def _tiny(needs: list[dict[str, Any]]) -> tuple[composer.CandidatePool, composer.Composition]:
    pool = composer.load_candidates(
        [
            {"id": "A$1", "name": "Åse $x$ Ørn", "actor_type": "borger", "knows": "B<2>"},
            {"id": "B<2>", "actor_type": "forsker", "phases": "fase $1$"},
            {"id": "C", "actor_type": "kommunal medarbejder", "professional_competences": "x"},
        ]
    )
    brief = composer.load_brief(
        {
            "theme": "Tema med $ og <b>",
            "meetings": {"count": 2, "hours": 2.5},
            "phases": [
                {"name": "fase $1$", "meetings": [1]},
                {"name": "fase 2", "meetings": [2]},
            ],
            "needs": needs,
            "core": {"min": 1, "max": 2},
        }
    )
    return pool, composer.compose(pool, brief, seed=0)


@pytest.mark.parametrize(
    "needs",
    [[], [{"name": "forsker", "kind": "actor_type", "phases": ["fase 2"]}]],
    ids=["no needs", "a need nobody can meet"],
)
def test_awkward_compositions_draw_without_warnings(needs: list[dict[str, Any]]) -> None:
    pool, comp = _tiny(needs)
    network = plots.plot_network(comp, pool, show_names=True)
    coverage = plots.plot_coverage(comp)
    meetings = plots.plot_meetings(comp, show_names=True)
    for fig in (network, coverage, meetings):
        _render(fig)  # a '$' read as mathtext would fail or warn here
    assert r"Netværket: Tema med \$ og <b>" in _texts(network)  # drawn as "$"
    shown = {(m.name or m.id).replace("$", r"\$") for m in comp.members}
    assert shown and shown <= set(_texts(meetings))
    assert any(t.startswith(r"fase \$1\$") for t in _texts(coverage))
    assert len([ax for ax in coverage.axes if ax.images]) == (2 if needs else 0)
    assert "Tema med $ og &lt;b&gt;" in comp._repr_html_()


def test_make_pictures_script_writes_the_readme_pictures(tmp_path: Path) -> None:
    import runpy

    script = Path(__file__).resolve().parents[1] / "scripts" / "make_pictures.py"
    main = runpy.run_path(str(script))["main"]
    assert main([str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["coverage.png", "meeting_plan.png", "network.png"]
    for p in tmp_path.iterdir():
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size < 400_000


# ------------------------------------------------- every sample and the reference
@pytest.mark.parametrize("name", ["reference", *list_samples()])
def test_every_scenario_draws_and_exports(
    name: str, reference_dir: Path, tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    if name == "reference":
        pool = composer.load_candidates(reference_dir / "candidates.csv")
        brief = composer.load_brief(reference_dir / "brief.yaml")
    else:
        pool, brief = load_sample(name)
    comp = composer.compose(pool, brief, seed=0)
    network = plots.plot_network(comp, pool)
    coverage = plots.plot_coverage(comp)
    meetings = plots.plot_meetings(comp)
    for fig in (network, coverage, meetings):
        _render(fig)
    assert len(network.axes) == 1 and len(meetings.axes) == 1
    assert len(coverage.axes) == len(brief.phases) + 1
    points = [c for c in network.axes[0].collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in points) == len(comp.members) + len(comp.needs)
    g = composition_graph(comp, pool)
    nx.write_graphml(g, tmp_path / "g.graphml")
    nx.write_gexf(g, tmp_path / "g.gexf")
    assert comp._repr_html_().count("<tr>") == len(comp.members) + len(comp.gaps) + 1 + bool(
        comp.gaps
    )
    assert not recwarn.list
