from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from composer import InputError, load_brief, load_candidates, validate
from composer.cells import safe_cell
from composer.datasets import list_samples, load_sample

from .conftest import FIXTURES
from .strategies import candidate_records


def test_good_csv_normalised() -> None:
    pool = load_candidates(FIXTURES / "good.csv")
    assert len(pool) == 3
    f = pool.to_frame()
    assert list(f.index) == ["P1", "P2", "P3"]
    assert f.loc["P1", "actor_type"] == "municipal_staff"
    assert f.loc["P3", "actor_type"] == "researcher"
    assert f.loc["P1", "professional_competences"] == ["demens", "sundhedsfremme"]
    assert f.loc["P1", "phases"] is None
    assert f.loc["P2", "phases"] == ["afdækning", "afprøvning"]
    assert bool(f.loc["P1", "manager_approval"]) is True
    assert bool(f.loc["P1", "can_present"]) is False
    assert pd.isna(f.loc["P2", "manager_approval"])
    assert f.loc["P1", "statement"] == 'Jeg vil gerne "hjælpe"; også med æøå'
    assert pd.isna(f.loc["P3", "motivation"])
    assert f.loc["P1", "gender"] == "kvinde"
    c = pool["P1"]
    assert c.name == "Åse Ørnbøl" and c.attributes == {"gender": "kvinde"}
    assert [x.id for x in pool] == ["P1", "P2", "P3"]


def test_every_defect_reported_with_row_and_column() -> None:
    with pytest.raises(InputError) as info:
        load_candidates(FIXTURES / "bad.csv")
    msgs = [str(p) for p in info.value.problems]
    text = str(info.value)
    expected = [
        ("row 2", "motivation", "'7'"),
        ("row 3", "id", "'P1'"),
        ("row 3", "actor_type", "'astronaut'"),
        ("row 3", "hours_available", "'-2'"),
        ("row 3", "manager_approval", "'måske'"),
        ("row 3", "knows", "'P9'"),
        ("row 4", "id", "''"),
        ("row 4", "motivation", "'tre'"),
        ("row 4", "hours_available", "'ti'"),
        ("row 5", "motivation", "'2.5'"),
        ("row 5", "knows", "'P4'"),
    ]
    for row, col, val in expected:
        assert any(m.startswith(f"bad.csv, {row}, column '{col}': value {val}") for m in msgs), (
            row,
            col,
            val,
            msgs,
        )
    assert len(msgs) == len(expected)
    assert "also in row 2" in text
    assert "expected a whole number from 1 to 5" in text


def test_missing_required_column(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("id,navn\nA,Bo\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x.csv, row 1, column 'actor_type': expected a column"):
        load_candidates(p)


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("kommunal medarbejder", "municipal_staff"),
        ("KOMMUNAL LEDER", "municipal_manager"),
        ("Borger", "citizen"),
        ("bruger", "user"),
        ("PÅRØRENDE", "relative"),
        ("Interesseorganisation", "interest_organisation"),
        ("virksomhed", "company"),
        ("Evalueringsinstitut", "evaluation_institute"),
        ("fagforening", "union"),
        ("Anden Kommune", "other_municipality"),
        ("forsker", "researcher"),
        ("Politiker", "politician"),
        ("anden", "other"),
        ("Municipal_Staff", "municipal_staff"),
        ("other municipality", "other_municipality"),
    ],
)
def test_actor_labels_any_case(label: str, key: str) -> None:
    pool = load_candidates([{"id": "X", "actor_type": label}])
    assert pool.to_frame().loc["X", "actor_type"] == key


def _write(tmp_path: Path, text: str, encoding: str, name: str = "c.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


@pytest.mark.parametrize("sep", [",", ";"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_danish_excel_csv_variants(tmp_path: Path, sep: str, encoding: str) -> None:
    rows = [
        ["id", "actor_type", "professional_competences", "background", "hours_available"],
        ["Æ1", "Pårørende", "demens; sorg", "Bor i Ølstykke, gift", "12,5"],
        ["Ø2", "kommunal medarbejder", "", "Sygeplejerske", "20"],
    ]
    text = (
        "\r\n".join(sep.join(f'"{c}"' if sep in c or "," in c else c for c in r) for r in rows)
        + "\r\n"
    )
    pool = load_candidates(_write(tmp_path, text, encoding))
    f = pool.to_frame()
    assert list(f.index) == ["Æ1", "Ø2"]
    assert f.loc["Æ1", "actor_type"] == "relative"
    assert f.loc["Æ1", "background"] == "Bor i Ølstykke, gift"
    assert f.loc["Æ1", "hours_available"] == 12.5
    assert f.loc["Æ1", "professional_competences"] == ["demens", "sorg"]


def test_excel_input(tmp_path: Path) -> None:
    p = tmp_path / "kandidater.xlsx"
    pd.DataFrame(
        {
            "id": ["A1", "A2"],
            "actor_type": ["Borger", "Forsker"],
            "motivation": [4, None],
            "manager_approval": [True, None],
            "perspectives": ["borgerperspektiv; civilsamfund", None],
        }
    ).to_excel(p, index=False)
    f = load_candidates(p).to_frame()
    assert f.loc["A1", "motivation"] == 4
    assert bool(f.loc["A1", "manager_approval"]) is True
    assert f.loc["A1", "perspectives"] == ["borgerperspektiv", "civilsamfund"]
    assert pd.isna(f.loc["A2", "motivation"])


def test_excel_errors_name_the_row(tmp_path: Path) -> None:
    p = tmp_path / "kandidater.xlsx"
    pd.DataFrame({"id": ["A1", "A2"], "actor_type": ["Borger", "rumvæsen"]}).to_excel(
        p, index=False
    )
    with pytest.raises(
        InputError, match=r"kandidater.xlsx, row 3, column 'actor_type': value 'rumvæsen'"
    ):
        load_candidates(p)


def test_json_input(tmp_path: Path) -> None:
    p = tmp_path / "c.json"
    records = [
        {
            "id": "J1",
            "actor_type": "user",
            "perspectives": ["brugerperspektiv"],
            "can_present": True,
        },
        {"id": "J2", "actor_type": "politiker", "motivation": 5, "hours_available": 6.5},
    ]
    p.write_text(json.dumps({"candidates": records}, ensure_ascii=False), encoding="utf-8")
    f = load_candidates(p).to_frame()
    assert f.loc["J1", "perspectives"] == ["brugerperspektiv"]
    assert bool(f.loc["J1", "can_present"]) is True
    assert f.loc["J2", "motivation"] == 5 and f.loc["J2", "hours_available"] == 6.5
    bad = tmp_path / "b.json"
    bad.write_text(
        json.dumps([{"id": "J1", "actor_type": "user", "motivation": 9}]), encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"b.json, record 1, column 'motivation': value '9'"):
        load_candidates(bad)


def test_dataframe_round_trip_of_to_frame() -> None:
    pool = load_candidates(FIXTURES / "good.csv")
    again = load_candidates(pool.to_frame())
    pd.testing.assert_frame_equal(again.to_frame(), pool.to_frame())


def test_unreadable_sources(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected an existing file"):
        load_candidates(tmp_path / "nope.csv")
    (tmp_path / "x.txt2").write_text("x")
    with pytest.raises(InputError, match=r"expected a .csv, .xlsx or .json file"):
        load_candidates(tmp_path / "x.txt2")
    with pytest.raises(InputError, match="expected a path, a DataFrame or a list of dicts"):
        load_candidates(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- briefs
def test_brief_loads_and_defaults() -> None:
    b = load_brief(FIXTURES / "brief_small.yaml")
    assert b.phase_names == ["afdækning", "afprøvning"]
    assert b.language.value == "da"
    assert b.needs[1].kind.value == "actor_type" and b.needs[1].weight == 2
    assert b.need_phases(b.needs[0]) == ["afdækning", "afprøvning"]
    assert b.phase_hours("afprøvning") == 6


def test_brief_accepts_danish_kind_names() -> None:
    b = load_brief({"theme": "x", "needs": [{"name": "demens", "kind": "Faglig"}]})
    assert b.needs[0].kind.value == "professional"


def test_brief_self_checks_report_everything() -> None:
    raw = {
        "theme": "x",
        "meetings": {"count": 4, "hours": 3},
        "phases": [{"name": "a", "meetings": [1, 2]}, {"name": "b", "meetings": [2, 5]}],
        "needs": [{"name": "demens", "kind": "professional", "phases": ["c"]}],
        "quotas": [{"column": "gender", "value": "mand", "min": 3, "max": 1, "scope": "d"}],
        "core": {"min": 5, "max": 2},
        "include": ["A"],
        "exclude": ["A"],
    }
    with pytest.raises(InputError) as info:
        load_brief(raw)
    text = str(info.value)
    for part in [
        "meeting 2 is in both 'a' and 'b'",
        "names meeting 5, but meetings are numbered 1..4",
        "meetings [3, 4] belong to no phase",
        "unknown phase 'c'",
        "unknown scope 'd'",
        "min 3 > max 1",
        "core: min 5 > max 2",
        "include and exclude both name ['A']",
    ]:
        assert part in text, part


def test_brief_unknown_keys_and_bad_values(tmp_path: Path) -> None:
    p = tmp_path / "brief.yaml"
    p.write_text(
        "theme: x\nmeetngs: 4\nneeds:\n  - {name: a, kind: faglig, weight: -1}\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        load_brief(p)
    text = str(info.value)
    assert "brief.yaml, column 'meetngs'" in text and "no such key" in text
    assert "needs[0].weight" in text and "'-1'" in text
    with pytest.raises(InputError, match="expected a mapping"):
        load_brief([1, 2])  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"theme"):
        load_brief({})


def test_validate_pool_against_brief() -> None:
    pool = load_candidates(
        [
            {"id": "A", "actor_type": "borger", "phases": "afdækning; AFPRØVNING"},
            {"id": "B", "actor_type": "borger", "phases": "idéudvikling"},
        ]
    )
    brief = load_brief(
        {
            **json.loads(
                json.dumps(load_brief(FIXTURES / "brief_small.yaml").model_dump(mode="json"))
            ),
            "include": ["A", "Q"],
            "exclude": ["R"],
            "quotas": [{"column": "køn", "value": "mand", "min": 1}],
        }
    )
    with pytest.raises(InputError) as info:
        validate(pool, brief)
    msgs = [str(p) for p in info.value.problems]
    assert msgs[0].startswith("<records>, record 2, column 'phases': value 'idéudvikling'")
    assert any("'include': value 'Q'" in m for m in msgs)
    assert any("'exclude': value 'R'" in m for m in msgs)
    assert any("'quotas': value 'køn'" in m for m in msgs)
    assert len(msgs) == 4


def test_reference_and_samples_load(reference_dir: Path) -> None:
    pool = load_candidates(reference_dir / "candidates.csv")
    brief = load_brief(reference_dir / "brief.yaml")
    validate(pool, brief)
    assert len(pool) == 45
    names = list_samples()
    assert len(names) >= 3
    actor_types: set[str] = set()
    for name in names:
        pool, brief = load_sample(name)
        validate(pool, brief)
        assert len(pool) >= 40, name
        actor_types |= set(pool.to_frame()["actor_type"])
    assert len(actor_types) == 13


def test_error_never_raw() -> None:
    with pytest.raises(
        InputError, match=re.escape("record 1, column 'id': value '' – expected a non-empty id")
    ):
        load_candidates([{"id": " ", "actor_type": "borger"}])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(candidate_records(max_size=8))
def test_csv_round_trip(tmp_path_factory: Any, records: list[dict[str, Any]]) -> None:
    pool = load_candidates(records)
    path = tmp_path_factory.mktemp("rt") / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(records[0].keys()))
        w.writeheader()
        # as every export does: a formula-like text is protected with a leading '
        w.writerows([{k: safe_cell(v) for k, v in r.items()} for r in records])
    again = load_candidates(path)
    pd.testing.assert_frame_equal(again.to_frame(), pool.to_frame())
    # and the normalised frame written back out reads back the same
    path2 = path.with_name("c2.csv")
    pool.to_frame().map(lambda v: safe_cell(";".join(v) if isinstance(v, list) else v)).to_csv(
        path2, encoding="utf-8-sig"
    )
    pd.testing.assert_frame_equal(load_candidates(path2).to_frame(), pool.to_frame())


def test_brief_rejects_contradictory_quotas() -> None:
    raw = {
        "theme": "x",
        "quotas": [
            {"column": "orientation", "value": "inside", "min": 2},
            {"column": "orientation", "value": "Inside", "max": 1},
        ],
    }
    with pytest.raises(
        InputError,
        match=r"orientation=inside \(network\) asks for at least 2 and at most 1 at once",
    ):
        load_brief(raw)


def test_validate_quota_values() -> None:
    pool = load_candidates([{"id": "A", "actor_type": "borger", "can_present": "ja"}])
    brief = load_brief(
        {
            "theme": "x",
            "quotas": [
                {"column": "actor_type", "value": "astronaut", "min": 1},
                {"column": "orientation", "value": "udenfor", "min": 1},
                {"column": "can_present", "value": "måske", "min": 1},
                {"column": "actor_type", "value": "Borger", "min": 1},
                {"column": "can_present", "value": "yes", "min": 1},
            ],
        }
    )
    with pytest.raises(InputError) as info:
        validate(pool, brief)
    msgs = [str(p) for p in info.value.problems]
    assert len(msgs) == 3
    assert msgs[0].startswith(
        "<brief>, column 'quotas (actor_type)': value 'astronaut' – expected an actor type"
    )
    assert "value 'udenfor' – expected inside, across or outside" in msgs[1]
    assert "value 'måske' – expected yes or no (ja/nej)" in msgs[2]


def test_duplicate_header_named(tmp_path: Path) -> None:
    p = tmp_path / "dup.csv"
    p.write_text("id;actor_type;Motivation;motivation\nA;borger;3;4\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"dup.csv, row 1, column 'motivation': expected each column name once"
    ):
        load_candidates(p)
