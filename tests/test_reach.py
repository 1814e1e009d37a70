"""Reach as a coverage term (issue 9): units a member belongs to or is tied to count once."""

from __future__ import annotations

from typing import Any

from composer import compose

from .test_planning import _brief, _person, _pool, assert_rules


def _twins_but_ties() -> Any:
    """X1 and X2 are equal but for their ties: X2 knows K1 of the unit 'Kultur'."""
    return _pool(
        _person("C1", methodological_competences="ungeinddragelse"),
        _person("C2", "borger", perspectives="ungeperspektiv", unit=""),
        _person("X1", professional_competences="mental sundhed", unit="Sundhedspleje"),
        _person("X2", professional_competences="mental sundhed", unit="Sundhedspleje", knows="K1"),
        _person("K1", unit="Kultur", manager_approval="nej"),
    )


def test_without_reach_equal_people_go_by_id() -> None:
    comp = compose(_twins_but_ties(), _brief(core={"min": 2, "max": 3}))
    ids = {m.id for m in comp.members}
    assert "X1" in ids and "X2" not in ids
    assert comp.reach == 0 and comp.units_reached == []


def test_reach_prefers_the_one_who_brings_a_new_unit() -> None:
    pool = _twins_but_ties()
    brief = _brief(core={"min": 2, "max": 3}, reach={"by": "unit", "weight": 0.5})
    comp = compose(pool, brief)
    assert_rules(pool, brief, comp)
    ids = {m.id for m in comp.members}
    assert "X2" in ids and "X1" not in ids
    assert "Kultur" in comp.units_reached and comp.reach > 0
    for method in ("exact", "heuristic"):
        assert "X2" in {m.id for m in compose(pool, brief, method=method).members}


def test_reach_by_organisation_and_in_the_report() -> None:
    pool = _pool(
        _person("C1", methodological_competences="ungeinddragelse", organisation="Kommunen"),
        _person("C2", "borger", perspectives="ungeperspektiv", organisation="Ungeråd"),
        _person("X1", professional_competences="mental sundhed", organisation="Kommunen"),
        _person("X2", professional_competences="mental sundhed", organisation="Region"),
    )
    brief = _brief(core={"min": 2, "max": 3}, reach={"by": "organisation", "weight": 1})
    comp = compose(pool, brief)
    assert "Region" in comp.units_reached
    assert "Rækkevidde" in comp.explain()
