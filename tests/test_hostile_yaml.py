"""Issue 20, part 3: YAML read as written. Ids, quota values, include/exclude and
co_drivers keep the text written; a count written as yes/no or text is an error."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer import InputError, load_brief

BASE = "theme: x\n"


def _yaml(text: str) -> bytes:
    return (BASE + text).encode()


@pytest.mark.parametrize("written", ["012", "0x1A", "1_000", "1:20", "0555", "1.10", "+3", "1e3"])
def test_ids_stay_the_text_written(written: str) -> None:
    brief = load_brief(_yaml(f"include: [{written}]\nexclude: [{written}7]\n"), format="yaml")
    assert brief.include == [written] and brief.exclude == [f"{written}7"]
    brief = load_brief(_yaml(f"co_drivers: [{written}]\n"), format="yaml")
    assert brief.co_drivers == [written]


def test_numbers_that_print_as_written_are_ids_too() -> None:
    brief = load_brief(_yaml("include: [12, 1.5, -4]\n"), format="yaml")
    assert brief.include == ["12", "1.5", "-4"]


@pytest.mark.parametrize("written", ["0555", "1.10", "yes", "on", "0x1A"])
def test_quota_values_stay_the_text_written(written: str) -> None:
    quota = f"quotas:\n  - {{column: postnummer, value: {written}, min: 1}}\n"
    assert load_brief(_yaml(quota), format="yaml").quotas[0].value == written


def test_true_and_false_are_still_yes_and_no() -> None:
    brief = load_brief(
        _yaml("resilience: true\nquotas: [{column: kan_holde_oplæg, value: true}]\n"), format="yaml"
    )
    assert brief.resilience is True and brief.quotas[0].value == "ja"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("needs: [{name: demens, kind: faglig, count: yes}]\n", "needs[0].count"),
        ("core: {min: no}\n", "core.min"),
        ("core: {max: '7'}\n", "core.max"),
        ("meetings: {count: 012}\n", "meetings.count"),
        ("quotas: [{column: actor_type, value: borger, min: on}]\n", "quotas[0].min"),
        ("phase_participants: {total_max: 'tre'}\n", "phase_participants.total_max"),
    ],
)
def test_a_count_as_yes_no_or_text_is_an_error(text: str, where: str) -> None:
    with pytest.raises(
        InputError, match=rf"column '{re.escape(where)}'.*expected a whole number"
    ) as info:
        load_brief(_yaml(text), format="yaml")
    assert info.value.problems[0].code == "not_a_number"


def test_a_count_as_a_json_boolean_is_an_error() -> None:
    with pytest.raises(InputError, match=r"meetings.count.*not yes/no"):
        load_brief(b'{"theme": "x", "meetings": {"count": true}}', format="json")
    with pytest.raises(InputError, match=r"phases\[0\]\.meetings\[1\]"):
        load_brief({"theme": "x", "phases": [{"name": "a", "meetings": [1, "2"]}]})


_NUMBERISH = st.from_regex(r"[0-9]([0-9_:.xobeE+-]{0,8}[0-9])?", fullmatch=True)


@given(_NUMBERISH)
def test_any_number_like_id_reads_back_as_written(written: str) -> None:
    brief = load_brief(_yaml(f"include: [{written}]\n"), format="yaml")
    assert brief.include == [written]
