"""The edges of issue 11 that are not readers: what-ifs keep every rule, limits on what
one may ask, markup in user text, seeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer import (
    InputError,
    alternatives,
    compose,
    load_brief,
    load_candidates,
    replace,
    validate,
)
from composer.datasets import load_sample

from .test_planning import _brief, _person, _pool, assert_rules


def _reference(reference_dir: Path) -> tuple[Any, Any]:
    return (
        load_candidates(reference_dir / "candidates.csv"),
        load_brief(reference_dir / "brief.yaml"),
    )


def test_replace_keeps_every_rule_and_one_role_per_person(reference_dir: Path) -> None:
    pool, brief = _reference(reference_dir)
    comp = compose(pool, brief, dropouts=False)
    for m in comp.members:
        new = replace(comp, m.id, pool, brief)
        ids = [x.id for x in new.members]
        assert m.id not in ids and len(ids) == len(set(ids))
        core = {x.id for x in new.core}
        phase = {x.id for ms in new.phase_participants.values() for x in ms}
        assert not core & phase
        # everyone else kept their role and phases
        for old in comp.members:
            if old.id != m.id:
                kept = new.member(old.id)
                assert (kept.role, kept.phases) == (old.role, old.phases)
        # at most one newcomer takes the free seat
        assert len(set(ids) - {x.id for x in comp.members}) <= 1
        exclude = [*brief.exclude, m.id]
        include = [i for i in brief.include if i != m.id]
        assert_rules(pool, brief.model_copy(update={"exclude": exclude, "include": include}), new)


def test_alternatives_differ_even_with_an_empty_core() -> None:
    pool = _pool(
        *[_person(f"S{k}", professional_competences="mental sundhed") for k in range(3)],
        *[
            _person(f"B{k}", "borger", perspectives="ungeperspektiv", phases="afdækning")
            for k in range(4)
        ],
    )
    brief = _brief(core={"min": 0, "max": 1})
    alts = alternatives(pool, brief, n=4)
    keys = [
        (tuple(m.id for m in a.core), tuple((m.id, tuple(m.phases)) for m in a.members))
        for a in alts
    ]
    assert len(set(keys)) == len(keys) >= 2
    for a in alts:
        assert_rules(pool, brief, a)


def test_alternatives_refuse_absurd_counts() -> None:
    pool, brief = load_sample("klimatilpasning")
    with pytest.raises(
        InputError, match=r"column .n.: value .1000000. – expected a whole number from 1 to 20"
    ):
        alternatives(pool, brief, n=10**6)


def test_a_need_asking_for_more_people_than_the_pool_holds() -> None:
    pool = _pool(_person("S1"), _person("S2"), _person("S3"))
    needs = [{"name": "mental sundhed", "kind": "professional", "count": 50}]
    comp = compose(pool, _brief(needs=needs))  # a gap, not an error (issue 20)
    (gap,) = [g for g in comp.gaps if g.need == "mental sundhed"]
    assert gap.covered < 1
    with pytest.raises(InputError, match=r"needs\[0\]\.count"):
        validate(pool, _brief(needs=needs), counts=True)  # still there when asked for


@pytest.mark.parametrize("seed", [-1, 1.5, "x", True])
def test_bad_seeds_are_input_errors(seed: object) -> None:
    pool, brief = load_sample("klimatilpasning")
    with pytest.raises(InputError, match="seed"):
        compose(pool, brief, seed=seed)  # type: ignore[arg-type]


def test_markup_in_user_text_stays_text_in_the_report() -> None:
    evil = "<img src=x onerror=alert(1)>"
    pool = _pool(
        _person("S1", name=evil, professional_competences="mental sundhed"),
        _person("S2", "borger", name="[klik](http://x)", perspectives="ungeperspektiv"),
        _person("S3", organisation="*Fed* | kolonne"),
    )
    comp = compose(pool, _brief())
    text = comp.explain()
    assert evil not in text and "\\<img src=x onerror=alert(1)\\>" in text
    assert "[klik](http://x)" not in text and "\\[klik\\](http://x)" in text
    # every table row keeps its columns: a '|' in user text cannot add a cell
    for line in text.splitlines():
        if line.startswith("| S3 "):
            assert line.count(" | ") == 7


def test_json_output_is_the_composition_and_nothing_else(
    reference_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from composer.cli import main

    code = main(
        [
            "compose",
            str(reference_dir / "candidates.csv"),
            str(reference_dir / "brief.yaml"),
            "--format",
            "json",
            "--method",
            "exact",
        ]
    )
    out, _ = capfd.readouterr()
    assert code == 0
    assert json.loads(out)["theme"] == "Ensomhed blandt ældre"


def test_compose_reports_its_stages_to_a_callback() -> None:
    from composer.progress import reporting

    seen: list[tuple[str, int, int]] = []
    with reporting(lambda stage, done, total: seen.append((stage, done, total))):
        compose(*load_sample("klimatilpasning"))
    assert [s for s in seen if s[0] == "compose"] == [("compose", k, 3) for k in range(4)]


def test_loading_reports_to_a_callback(reference_dir: Path) -> None:
    from composer.progress import reporting

    seen: list[tuple[str, int, int]] = []
    with reporting(lambda stage, done, total: seen.append((stage, done, total))):
        load_candidates(reference_dir / "candidates.csv")
    assert [s for s in seen if s[0] == "load"] == [("load", 0, 1), ("load", 1, 1)]


def test_a_tiny_meeting_length_composes_without_a_warning(tmp_path: Path) -> None:
    """meetings.hours 5e-324 once printed numpy's RuntimeWarning (warnings are errors in
    the tests)."""
    brief = {
        "theme": "x",
        "meetings": {"count": 4, "hours": 5e-324},
        "needs": [{"name": "demens", "kind": "professional"}],
        "core": {"min": 1, "max": 2},
    }
    pool = [{"id": "A1", "actor_type": "kommunal medarbejder"}]
    comp = compose(pool, brief)
    assert [m.id for m in comp.core] == ["A1"]


def test_score_markdown_escapes_html_and_links(tmp_path: Path) -> None:
    from composer.cli import main

    cands = tmp_path / "c.csv"
    cands.write_text(
        "id,name,actor_type,professional_competences\n"
        'A1,"<img src=x onerror=alert(1)> [klik](javascript:alert(1))",borger,demens\n',
        encoding="utf-8",
    )
    brief = tmp_path / "b.yaml"
    brief.write_text("theme: x\ncore: {min: 1, max: 2}\n", encoding="utf-8")
    out = tmp_path / "s.md"
    assert main(["score", str(cands), str(brief), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\\<img" in text and "<img" not in text.replace("\\<img", "")
    assert "](javascript:" not in text.replace("\\](", "")  # the bracket is escaped: no link


@settings(max_examples=4, deadline=None)
@given(st.sampled_from([1e-3, 0.37, 7.0, 1e3]))
def test_the_answer_does_not_depend_on_the_weights_scale(factor: float) -> None:
    """Multiplying every weight by one constant changes no one's role (issue 20)."""
    pool, brief = load_sample("rekruttering_omsorg")
    raw = brief.model_dump(mode="json")
    for need in raw["needs"]:
        need["weight"] *= factor
    base = compose(pool, brief, dropouts=False)
    scaled = compose(pool, raw, dropouts=False)
    assert [m.id for m in scaled.core] == [m.id for m in base.core]
    assert [(m.id, m.phases) for m in scaled.members] == [(m.id, m.phases) for m in base.members]
