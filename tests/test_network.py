"""The composed network as a network: ties, co-drivers, dropouts and the graph export."""

from __future__ import annotations

import io
import itertools
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer import (
    CandidatePool,
    InfeasibleError,
    InputError,
    compose,
    load_brief,
    load_candidates,
    replace,
)
from composer.composition import Composition
from composer.datasets import list_samples, load_sample
from composer.messages import person
from composer.models import Language, NetworkBrief
from composer.network import network_ties, suggest_co_drivers
from composer.planner.dropouts import dropouts, with_dropouts

from .conftest import REFERENCE

PHASES = [{"name": "afdækning", "meetings": [1, 2]}, {"name": "afprøvning", "meetings": [3, 4]}]


def _brief(**kw: Any) -> NetworkBrief:
    base: dict[str, Any] = {
        "theme": "Ensomhed",
        "meetings": {"count": 4, "hours": 3},
        "phases": PHASES,
        "needs": [{"name": "demens", "kind": "professional", "weight": 3}],
        "core": {"min": 2, "max": 3},
        "phase_participants": {"per_phase_max": 1, "total_max": 1},
    }
    base.update(kw)
    return load_brief(base)


def _person(cid: str, **kw: Any) -> dict[str, Any]:
    rec = {
        "id": cid,
        "actor_type": "kommunal medarbejder",
        "organisation": "Kommunen",
        "unit": "Ældre",
        "manager_approval": "ja",
        "hours_available": "20",
    }
    rec.update(kw)
    return rec


def _pool(*records: dict[str, Any]) -> CandidatePool:
    return load_candidates(list(records))


@pytest.fixture(scope="module")
def reference() -> tuple[CandidatePool, NetworkBrief, Composition]:
    pool = load_candidates(REFERENCE / "candidates.csv")
    brief = load_brief(REFERENCE / "brief.yaml")
    return pool, brief, compose(pool, brief, seed=0)


# ------------------------------------------------------------------------------ ties
TIE_POOL = [
    _person("A", knows="B"),
    _person("B", unit="Ældre"),
    _person("C", unit="Kultur", knows="X"),
    _person("D", unit="Sundhed"),
    _person("X", unit="Skole", organisation="Skolen"),
    _person("Y", unit="Teknik", knows="D"),  # lists D: a tie in the other direction
]


def test_ties_who_knows_whom_and_who_nobody_knows() -> None:
    pool = _pool(*TIE_POOL)
    t = network_ties(pool.frame, ["D", "C", "B", "A"])
    assert t.known_pairs == [("A", "B")]
    assert t.unknown_members == ["C", "D"]
    assert t.units == ["Kultur", "Sundhed", "Ældre"]
    # C knows X (Skole, Skolen); Y lists D, so D reaches Teknik
    assert t.units_reached == ["Kultur", "Skole", "Sundhed", "Teknik", "Ældre"]
    assert t.organisations == ["Kommunen"]
    assert t.organisations_reached == ["Kommunen", "Skolen"]
    # cross-unit pairs among members who do not know each other: A-C A-D B-C B-D C-D
    assert t.new_cross_unit_pairs == 5
    assert t.new_cross_unit_examples == [("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]


def test_ties_do_not_depend_on_row_order() -> None:
    a = network_ties(_pool(*TIE_POOL).frame, ["A", "B", "C", "D"])
    b = network_ties(_pool(*reversed(TIE_POOL)).frame, ["D", "C", "B", "A"])
    assert a == b


IDS = [f"P{k}" for k in range(8)]
UNITS = ["Ældre", "ældre ", "Kultur", "Skole", None]


@st.composite
def tie_pools(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[str]]:
    records = [
        _person(
            cid,
            unit=draw(st.sampled_from(UNITS)),
            knows=";".join(
                draw(st.lists(st.sampled_from([i for i in IDS if i != cid]), max_size=3))
            ),
        )
        for cid in IDS
    ]
    members = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True))
    return draw(st.permutations(records)), members


@settings(max_examples=60)
@given(tie_pools())
def test_ties_match_a_brute_force_graph(case: tuple[list[dict[str, Any]], list[str]]) -> None:
    records, members = case
    g = nx.Graph()
    g.add_nodes_from(r["id"] for r in records)
    g.add_edges_from((r["id"], k) for r in records for k in r["knows"].split(";") if k)
    unit = {r["id"]: (r["unit"] or "").strip().lower() for r in records}
    t = network_ties(_pool(*records).frame, members)
    sub = g.subgraph(members)
    assert t.known_pairs == sorted(tuple(sorted(e)) for e in sub.edges)
    assert t.unknown_members == sorted(m for m in members if sub.degree(m) == 0)
    reach = set(members).union(*(g[m] for m in members))
    assert len(t.units_reached) == len({unit[i] for i in reach} - {""})
    cross = [
        (a, b)
        for a, b in itertools.combinations(sorted(members), 2)
        if unit[a] and unit[b] and unit[a] != unit[b] and not g.has_edge(a, b)
    ]
    assert t.new_cross_unit_pairs == len(cross) and t.new_cross_unit_examples == cross[:5]


def test_a_member_nobody_knows_is_reported(reference: tuple) -> None:
    pool, _, comp = reference
    assert comp.ties is not None
    members = {m.id for m in comp.members}
    knows = {m: set(pool.frame.at[m, "knows"]) & members for m in members}
    alone = sorted(m for m in members if not knows[m] and not any(m in v for v in knows.values()))
    assert alone and comp.ties.unknown_members == alone
    line = next(x for x in comp.explain().splitlines() if "præsentér dem ved det første møde" in x)
    assert all(m in line for m in alone)
    # each is introduced at the first meeting they attend, by name, unit and id
    first = {m.id: min(m.meetings) for m in comp.members}
    who = {m.id: person(m.id, m.name, m.unit) for m in comp.members}
    assert all(f"{who[m]} (møde {first[m]})" in line for m in alone)


def test_ties_in_a_composed_network_report_the_lonely_member() -> None:
    pool = _pool(
        _person("A", professional_competences="demens", knows="B"),
        _person("B", professional_competences="demens"),
        _person("C", unit="Kultur", professional_competences="demens"),
    )
    comp = compose(pool, _brief(needs=[{"name": "demens", "kind": "professional", "count": 3}]))
    assert comp.ties is not None and comp.ties.unknown_members == ["C"]
    assert comp.ties.new_cross_unit_pairs == 2
    need = {"name": "demens", "kind": "professional", "count": 3}
    en = compose(pool, _brief(language="en", needs=[need])).explain()
    assert (
        "Nobody in the network knows C (Kultur) (meeting 1): introduce them at the first meeting"
        in en
    )
    assert (
        "Ingen i netværket kender C (Kultur) (møde 1): præsentér personen ved det første møde, personen "
        "er med til." in comp.explain()
    )


def test_the_network_analysis_does_not_depend_on_row_order(reference: tuple) -> None:
    import pandas as pd

    pool, brief, comp = reference
    frame = pd.read_csv(REFERENCE / "candidates.csv", dtype=str, keep_default_na=False)
    shuffled = load_candidates(frame.sample(frac=1, random_state=3))
    other = compose(shuffled, brief, seed=0, dropouts=False)  # worked out below
    assert (other.ties, other.co_drivers) == (comp.ties, comp.co_drivers)
    assert dropouts(other, shuffled) == dropouts(comp, pool)


# ------------------------------------------------------------------------ co-drivers
def test_co_drivers_differ_in_unit_when_possible() -> None:
    pool = _pool(
        _person("A", motivation="5", can_present="ja", can_take_tasks="ja"),
        _person("B", motivation="5", can_present="ja", can_take_tasks="ja"),
        _person("C", unit="Kultur", motivation="3"),
        _person("D", unit="Kultur", manager_approval=None),  # no signal at all
    )
    picks = suggest_co_drivers(pool.frame, ["A", "B", "C", "D"], {}, language="da")
    assert [c.id for c in picks] == ["A", "C"]
    assert "Fra en anden enhed end A (Ældre)." in picks[1].reasons  # id and unit, no name
    same = suggest_co_drivers(pool.frame, ["A", "B"], {"B": ["evaluering"]}, language="en")
    assert [c.id for c in same] == ["B", "A"]  # one unit only: the two best
    assert "Methodological competence: evaluering." in same[0].reasons
    backwards = _pool(*reversed([_person(c) for c in "ABCD"]))  # equal signals: ties by id
    assert [c.id for c in suggest_co_drivers(backwards.frame, ["D", "B", "C", "A"], {})] == [
        "A",
        "B",
    ]
    lone = _pool(_person("D", manager_approval=None))
    assert suggest_co_drivers(lone.frame, ["D"], {}) == []


def test_co_drivers_come_from_the_core(reference: tuple) -> None:
    _, _, comp = reference
    core = {m.id: m.unit for m in comp.core}
    assert 1 <= len(comp.co_drivers) <= 2
    assert all(c.id in core and not c.named and c.reasons for c in comp.co_drivers)
    if len(comp.co_drivers) == 2 and len(set(core.values())) > 1:
        assert comp.co_drivers[0].unit != comp.co_drivers[1].unit


def _outside_core(reference: tuple, core_ok: bool) -> str:
    from composer.planner.model import build_plan

    pool, brief, comp = reference
    plan = build_plan(pool, brief)
    core = {m.id for m in comp.core}
    ok = plan.enc.core_ok if core_ok else plan.enc.phase_ok.any(axis=1) & ~plan.enc.core_ok
    return next(str(c) for c, k in zip(plan.ids, ok, strict=True) if k and c not in core)


def test_a_named_co_driver_sits_in_the_core(reference: tuple) -> None:
    pool, brief, _ = reference
    cid = _outside_core(reference, core_ok=True)
    comp = compose(pool, brief.model_copy(update={"co_drivers": [cid]}), dropouts=False)
    assert cid in {m.id for m in comp.core}
    assert [(c.id, c.named) for c in comp.co_drivers] == [(cid, True)]
    assert comp.co_drivers[0].reasons[0] == "Udpeget som co-driver i netværksbeskrivelsen."


def test_a_co_driver_who_cannot_be_core_is_infeasible(reference: tuple) -> None:
    pool, brief, _ = reference
    cid = _outside_core(reference, core_ok=False)
    with pytest.raises(InfeasibleError, match=f"co_drivers {cid}: ") as info:
        compose(pool, brief.model_copy(update={"co_drivers": [cid]}))
    assert [c["code"] for c in info.value.causes] == ["co_driver_barred"]
    assert info.value.causes[0]["params"]["id"] == cid


def test_co_drivers_unknown_too_many_or_excluded() -> None:
    pool = _pool(_person("A"), _person("B"))
    with pytest.raises(InputError, match="co_drivers"):
        compose(pool, _brief(co_drivers=["Z"]))
    with pytest.raises(
        InfeasibleError, match=r"co_drivers: 2 co-driver(s|e) .* `?core\.max`? (is|er) 1"
    ):
        compose(pool, _brief(co_drivers=["A", "B"], core={"min": 1, "max": 1}))
    with pytest.raises(ValueError, match=r"'co_drivers': .* at most 2 different ids"):
        _brief(co_drivers=["A", "B", "C"])
    with pytest.raises(ValueError, match=r"co_drivers and exclude both name A$"):
        _brief(co_drivers=["A"], exclude=["A"])


# -------------------------------------------------------------------------- dropouts
def test_the_sole_holder_without_replacement_is_a_single_point_of_failure() -> None:
    pool = _pool(
        _person("A", professional_competences="demens"),
        _person("B"),
        _person("C"),
    )
    comp = compose(pool, _brief())
    assert {m.id for m in comp.core} >= {"A"}
    out = {d.id: d for d in dropouts(comp, pool)}
    a = out["A"]
    assert a.single_point_of_failure and not a.restored and a.loss_total == pytest.approx(3.0)
    assert a.loss == {"afdækning": 1.5, "afprøvning": 1.5} and a.needs_lost == ["demens"]
    assert a.recovered == 0.0
    others = [d for d in out.values() if d.id != "A"]
    assert all(d.loss_total == 0 and not d.single_point_of_failure for d in others)
    text = with_dropouts(comp, pool).explain()
    section = text.split("## Sårbare pladser")[1].split("## ")[0]
    assert (
        "- A (Ældre), kernedeltager: uden personen mister netværket 3,00 af dækningsmålet"
        in section
    )
    assert "Ingen uden for netværket dækker demens: rekruttér en afløser" in section


def test_a_second_holder_restores_the_seat() -> None:
    pool = _pool(
        _person("A", professional_competences="demens"),
        _person("B"),
        _person("E", professional_competences="demens", hours_available="12"),
    )
    comp = compose(pool, _brief(core={"min": 1, "max": 2}, include=["A"]))
    assert [m.id for m in comp.core] == ["A"] and comp.members == comp.core
    (d,) = dropouts(comp, pool)
    assert (d.replacement, d.restored, d.single_point_of_failure) == ("E", True, False)
    assert d.loss_total == pytest.approx(3.0) and d.recovered > 0.9
    text = with_dropouts(comp, pool).explain()
    assert "Hver plads kan genbesættes fra puljen, så dækningen holder." in text
    assert "Kan genbesættes: A (Ældre) → E (Ældre)." in text


def test_a_seat_no_one_can_take_breaks_the_rules() -> None:
    pool = _pool(_person("A", professional_competences="demens"), _person("B"))
    comp = compose(pool, _brief())
    out = {d.id: d for d in dropouts(comp, pool)}
    assert not out["B"].rules_met and out["B"].replacement is None and not out["B"].restored
    text = with_dropouts(comp, pool).explain()
    assert (
        "B (Ældre), kernedeltager: uden personen kan netværksbeskrivelsens regler ikke overholdes."
        in text
    )


def test_dropouts_follow_the_members_and_the_loss_is_the_objective(reference: tuple) -> None:
    pool, brief, comp = reference
    out = dropouts(comp, pool, brief)
    assert [d.id for d in out] == [m.id for m in comp.members]
    member = {m.id for m in comp.members}
    assert all(d.replacement is None or d.replacement not in member for d in out)
    for d in out:
        assert d.loss_total == pytest.approx(sum(d.loss.values()), abs=1e-3)
        assert d.single_point_of_failure == (d.loss_total > 0.01 and not d.restored)
    assert any(d.single_point_of_failure for d in out)


def _objective(plan: Any, roles: dict[int, list[int] | None]) -> float:
    """F by its definition, one need and phase at a time (the brute force)."""
    total = 0.0
    for f in range(len(plan.brief.needs)):
        ps = [p for p in range(len(plan.brief.phases)) if plan.enc.active[p, f]]
        cov = [sum(plan.cov[i, f] for i, r in roles.items() if r is None or p in r) for p in ps]
        sat = [min(1.0, c / plan.demand[f]) for c in cov]
        total += plan.weights[f] * sum(sat) / max(len(ps), 1)
    return total


def test_the_loss_is_the_objective_without_the_member(reference: tuple) -> None:
    from composer.planner.model import build_plan

    pool, brief, comp = reference
    plan = build_plan(pool, brief)
    row = {str(c): k for k, c in enumerate(plan.ids)}
    names = [p.lower() for p in brief.phase_names]
    roles: dict[int, list[int] | None] = {
        row[m.id]: None if m.role == "core" else [names.index(p.lower()) for p in m.phases]
        for m in comp.members
    }
    full = _objective(plan, roles)
    assert full == pytest.approx(comp.objective, abs=1e-5)
    for d in dropouts(comp, pool):
        less = _objective(plan, {i: r for i, r in roles.items() if i != row[d.id]})
        assert d.loss_total == pytest.approx(full - less, abs=1e-3)


def test_dropouts_choose_what_replace_chooses() -> None:
    pool, brief = load_sample("klimatilpasning")
    comp = compose(pool, brief, seed=0)
    before = {m.id for m in comp.members}
    for d in dropouts(comp, pool):
        after = replace(comp, d.id, pool)
        new = sorted({m.id for m in after.members} - before)
        assert d.replacement == (new[0] if new else None)


# ---------------------------------------------------------------------------- export
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_round_trip_keeps_nodes_edges_and_ties(reference: tuple, fmt: str) -> None:
    _, _, comp = reference
    g = comp.to_networkx()
    assert comp.ties is not None
    ties = {frozenset(e) for e in comp.ties.known_pairs}
    assert ties and {frozenset((a, b)) for a, b, k in g.edges(data="kind") if k == "knows"} == ties
    buf = io.BytesIO()
    getattr(nx, f"write_{fmt}")(g, buf)
    buf.seek(0)
    back = getattr(nx, f"read_{fmt}")(buf)
    assert set(back.nodes) == set(g.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in g.edges}
    kinds = {frozenset((a, b)): k for a, b, k in back.edges(data="kind")}
    assert {e for e, k in kinds.items() if k == "knows"} == ties


def test_ties_survive_json(reference: tuple) -> None:
    _, _, comp = reference
    back = Composition.model_validate_json(comp.model_dump_json())
    assert back.ties == comp.ties and back.co_drivers == comp.co_drivers
    assert nx.utils.graphs_equal(back.to_networkx(), comp.to_networkx())


# ------------------------------------------------------- every scenario, both languages
SECTIONS = {
    "da": ("## Relationer i netværket", "## Co-drivere", "## Sårbare pladser"),
    "en": ("## Ties in the network", "## Co-drivers", "## Single points of failure"),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", ["reference", *list_samples()])
def test_every_scenario_composes_with_the_new_sections(name: str, lang: str) -> None:
    if name == "reference":
        pool = load_candidates(REFERENCE / "candidates.csv")
        brief = load_brief(REFERENCE / "brief.yaml")
    else:
        pool, brief = load_sample(name)
    brief = brief.model_copy(update={"language": Language(lang)})
    comp = with_dropouts(compose(pool, brief, seed=0), pool)
    text = comp.explain()
    assert all(s in text for s in SECTIONS[lang])
    assert comp.co_drivers and {c.id for c in comp.co_drivers} <= {m.id for m in comp.core}
    assert len(comp.dropouts) == len(comp.members)
    assert not any(w in text for w in ("ties.", "codriver.", "dropout.", "{", "}"))
    if lang == "da":
        assert not any(w in text for w in (" pairs", " units", "replacement", "Willing"))
    assert comp.ties is not None
    edges = comp.to_networkx().edges(data="kind")
    assert sorted(comp.ties.known_pairs) == sorted(
        (min(a, b), max(a, b)) for a, b, k in edges if k == "knows"
    )
