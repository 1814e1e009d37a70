"""Property tests of compose: any pool and brief either compose by every rule or say why.

Pools and briefs come from hypothesis strategies (``tests/strategies.py``), so a failure
shrinks to a small example. The checker reads the composition's JSON and the raw input
records with its own normalisation: it trusts nothing of the library's own checks.
Derandomised under CI (see ``conftest.py``); ``-m slow`` runs thousands of examples.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer import InfeasibleError, InputError, compose, load_brief, load_candidates

from .strategies import ACTOR_INPUTS, MUNICIPAL, briefs, candidate_records

LABELS = {
    "kommunal medarbejder": "municipal_staff",
    "kommunal leder": "municipal_manager",
    "borger": "citizen",
    "bruger": "user",
    "pårørende": "relative",
    "interesseorganisation": "interest_organisation",
    "virksomhed": "company",
    "evalueringsinstitut": "evaluation_institute",
    "fagforening": "union",
    "anden kommune": "other_municipality",
    "forsker": "researcher",
    "politiker": "politician",
    "anden": "other",
}
YES = {"ja", "yes", "true", "1"}
NO = {"nej", "no", "false", "0"}
assert {a.lower() for a in ACTOR_INPUTS} >= set(LABELS)


def _actor(v: str) -> str:
    v = v.strip().lower()
    return LABELS.get(v, v.replace(" ", "_"))


def _split(v: str) -> list[str]:
    return [x.strip() for x in (v or "").split(";") if x.strip()]


class _Raw:
    """The raw records and brief, read the way a network leader means them."""

    def __init__(self, records: list[dict[str, Any]], brief: dict[str, Any]) -> None:
        self.rows = {r["id"]: r for r in records}
        self.brief = brief
        self.phases = [p["name"] for p in brief["phases"]]
        self.meetings_of = {p["name"]: len(p["meetings"]) for p in brief["phases"]}
        self.hours = float(brief["meetings"]["hours"])
        self.home = {u.lower() for u in brief["home_units"]}

    def avail(self, i: str) -> set[str]:
        named = _split(self.rows[i]["phases"])
        if not named or any(x.lower() in ("all", "alle") for x in named):
            return set(self.phases)
        return set(named)

    def given_hours(self, i: str) -> float:
        h = self.rows[i]["hours_available"].strip()
        return float(h) if h else float("inf")

    def value(self, i: str, column: str) -> str:
        r = self.rows[i]
        if column == "actor_type":
            return _actor(r["actor_type"])
        if column == "orientation":
            a = _actor(r["actor_type"])
            if a in ("municipal_staff", "municipal_manager"):
                return "inside" if r["unit"].strip().lower() in self.home else "across"
            return "across" if a == "other_municipality" else "outside"
        if column == "can_present":
            return "ja" if r["can_present"].strip().lower() in YES else "nej"
        return r[column].strip().lower()


def check_composition(text: str, records: list[dict[str, Any]], brief: dict[str, Any]) -> None:
    """Every rule of a composition, from its JSON and the raw records."""
    comp = json.loads(text)
    raw = _Raw(records, brief)
    core = [m["id"] for m in comp["core"]]
    part = {ph: [m["id"] for m in ms] for ph, ms in comp["phase_participants"].items()}
    # a participant of several phases is listed under each of them: count people once
    members = {m["id"]: m for m in comp["core"]}
    for ms in comp["phase_participants"].values():
        members.update({m["id"]: m for m in ms})
    assert all(m["reasons"] for m in members.values())
    assert comp["person_hours"] == pytest.approx(sum(m["hours"] for m in members.values()))
    _check_sizes(raw, core, part)
    _check_people(raw, core, part)
    _check_quotas(raw, core, part)


def _check_sizes(raw: _Raw, core: list[str], part: dict[str, list[str]]) -> None:
    in_phases = {i for ms in part.values() for i in ms}
    assert len(core) == len(set(core)) and not set(core) & in_phases
    assert raw.brief["core"]["min"] <= len(core) <= raw.brief["core"]["max"]
    pp = raw.brief["phase_participants"]
    assert all(len(ms) <= pp["per_phase_max"] for ms in part.values())
    assert len(in_phases) <= pp["total_max"]


def _check_people(raw: _Raw, core: list[str], part: dict[str, list[str]]) -> None:
    everyone = set(core) | {i for ms in part.values() for i in ms}
    for i in core:
        assert raw.avail(i) == set(raw.phases)
        assert raw.given_hours(i) >= raw.hours * raw.brief["meetings"]["count"] - 1e-9
    for i in everyone - set(core):
        mine = [ph for ph, ms in part.items() if i in ms]
        assert set(mine) <= raw.avail(i) and 0 < len(mine) < len(raw.phases)
        assert raw.given_hours(i) >= raw.hours * sum(raw.meetings_of[p] for p in mine) - 1e-9
    for i in everyone:
        if raw.value(i, "actor_type").startswith("municipal_"):
            assert raw.rows[i]["manager_approval"].strip().lower() not in NO
    assert set(raw.brief["include"]) <= everyone and not set(raw.brief["exclude"]) & everyone


def _check_quotas(raw: _Raw, core: list[str], part: dict[str, list[str]]) -> None:
    everyone = set(core) | {i for ms in part.values() for i in ms}
    for q in raw.brief["quotas"]:
        if q["scope"] == "network":
            ids = everyone
        elif q["scope"] == "core":
            ids = set(core)
        else:
            ids = set(core) | set(part.get(q["scope"], []))
        want = _actor(q["value"]) if q["column"] == "actor_type" else q["value"].lower()
        n = sum(raw.value(i, q["column"]) == want for i in ids)
        assert q["min"] <= n and (q["max"] is None or n <= q["max"]), (q, n)


@st.composite
def scenarios(draw: Any) -> tuple[list[dict[str, Any]], dict[str, Any], str]:
    records = draw(candidate_records(min_size=10, max_size=16))
    free = [  # carriers free for every meeting with their manager's yes: core material
        r["id"]
        for r in records
        if r["phases"] in ("", "alle")
        and r["hours_available"] in ("", "40", "24")
        and r["actor_type"] in MUNICIPAL
        and r["manager_approval"] not in ("nej", "no", "0")
    ]
    brief = draw(briefs([r["id"] for r in records], free))
    method = draw(st.sampled_from(["auto", "exact", "heuristic"]))
    return records, brief, method


Scenario = tuple[list[dict[str, Any]], dict[str, Any], str]
#: the strategies are drawn so that most scenarios compose (the default test's fixed
#: examples: see its comment; the rest are impossible briefs, said with their reasons);
#: fewer than this share means the tests have drifted to checking messages only
MOST = 0.7


@pytest.fixture(scope="module")
def outcomes() -> Iterator[list[bool]]:
    """Whether each scenario of the module's property tests composed; at the end, most
    must have (asserted when the tests ran at least 30 of them)."""
    seen: list[bool] = []
    yield seen
    if len(seen) >= 30:
        share = sum(seen) / len(seen)
        assert share >= MOST, f"only {sum(seen)} of {len(seen)} scenarios composed"
        print(f"\n{sum(seen)} of {len(seen)} scenarios composed")  # shown with -s


def _compose_and_check(scenario: Scenario) -> bool:
    """Check the composition by every rule; False when the brief is impossible (said with
    its reasons) or the input is refused."""
    records, raw, method = scenario
    try:
        pool = load_candidates(records)
        brief = load_brief(raw)
        comp = compose(pool, brief, seed=0, method=method, dropouts=False)  # type: ignore[arg-type]
    except InfeasibleError as e:
        assert e.reasons and e.causes and len(e.reasons) == len(e.relaxations)
        return False
    except InputError as e:
        assert e.problems and str(e).strip()
        return False
    check_composition(comp.model_dump_json(), records, raw)
    return True


# derandomised always: the share that composes is then the same on every run (37 of these
# 40; random runs of 120 spread from about 60 % to 90 %: hypothesis explores regions, not
# iid draws); the slow test below keeps exploring at random, 3,000 scenarios
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
@given(scenarios())
def test_any_pool_and_brief_compose_by_the_rules_or_say_why(
    outcomes: list[bool], scenario: Scenario
) -> None:
    outcomes.append(_compose_and_check(scenario))


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_thousands_of_pools_and_briefs(outcomes: list[bool], scenario: Scenario) -> None:
    outcomes.append(_compose_and_check(scenario))


# ----------------------------------------------------------- the checker checks itself
def _planted(records: list[dict[str, Any]], raw: dict[str, Any]) -> dict[str, Any]:
    """A valid composition's JSON, to plant violations in."""
    comp = compose(load_candidates(records), load_brief(raw), dropouts=False)
    out: dict[str, Any] = json.loads(comp.model_dump_json())
    return out


def _records(n: int) -> list[dict[str, Any]]:
    blank = dict.fromkeys(
        ["name", "organisation", "unit", "background", "statement", "motivation",
         "phases", "hours_available", "manager_approval", "can_present", "can_take_tasks",
         "knows", "gender", "personal_competences", "methodological_competences",
         "perspectives"],
        "",
    )  # fmt: skip
    return [
        {**blank, "id": f"P{k}", "actor_type": "borger", "professional_competences": "demens"}
        for k in range(n)
    ]


def test_the_checker_catches_planted_violations() -> None:
    records = _records(6)
    raw = {
        "theme": "Ensomhed",
        "home_units": ["Ældre og Sundhed"],
        "description": "Ældre borgere skal have flere fællesskaber.",
        "meetings": {"count": 4, "hours": 3},
        "phases": [{"name": p, "meetings": [k + 1]} for k, p in enumerate(["a", "b", "c", "d"])],
        "needs": [{"name": "demens", "kind": "professional", "count": 2}],
        "core": {"min": 2, "max": 3},
        "phase_participants": {"per_phase_max": 1, "total_max": 2},
        "quotas": [],
        "include": [],
        "exclude": ["P5"],
    }
    good = _planted(records, raw)
    check_composition(json.dumps(good), records, raw)  # the real one passes
    core_ids = [m["id"] for m in good["core"]]
    plants = {
        "excluded in the core": lambda c: c["core"].append({**c["core"][0], "id": "P5"}),
        "core too large": lambda c: c["core"].extend(
            {**c["core"][0], "id": f"P{k}"} for k in range(6) if f"P{k}" not in core_ids
        ),
        "someone twice": lambda c: c["core"].append(dict(c["core"][0])),
        "a phase over its limit": lambda c: c["phase_participants"].update(
            {"a": [{**c["core"][0], "id": "P3"}, {**c["core"][0], "id": "P4"}]}
        ),
        "hours that do not add up": lambda c: c.update({"person_hours": c["person_hours"] + 3}),
    }
    for name, plant in plants.items():
        bad = json.loads(json.dumps(good))
        plant(bad)
        with pytest.raises(AssertionError):
            check_composition(json.dumps(bad), records, raw)
        assert name  # every plant was caught
