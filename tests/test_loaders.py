from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from composer import CandidatePool, InputError, load_brief, load_candidates, validate
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
        "meetings 3 and 4 belong to no phase",
        "unknown phase 'c'",
        "unknown scope 'd'",
        "min 3 > max 1",
        "column 'core': expected a consistent brief: min 5 > max 2",
        "include and exclude both name A",
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


# ============================================================ hostile and unusual input
# Every input named in issue 11 ("Raw exceptions", "Denial of service", "Silent data
# loss") that concerns a reader: a clear InputError or a correct load.

HEADER = "id;actor_type;name\n"


def _raises_input_error(fn: Any, *args: Any, match: str, **kwargs: Any) -> InputError:
    with pytest.raises(InputError, match=match) as info:
        fn(*args, **kwargs)
    return info.value


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_bytes_undefined_in_windows_1252(tmp_path: Path, byte: bytes) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(HEADER.encode() + b"A1;borger;S" + byte + b"ren\n")
    try:
        pool = load_candidates(p)
    except InputError as e:  # refusing is fine, when it says what to do
        assert "UTF-8" in str(e)
    else:  # or it is Mac Roman, where every byte means a letter
        assert pool["A1"].name == "S" + byte.decode("mac_roman") + "ren"
    b = tmp_path / "brief.yaml"
    b.write_bytes(b"theme: Ensomhed " + byte + b"\n")
    try:
        load_brief(b)
    except InputError as e:
        assert "UTF-8" in str(e)


def test_header_longer_than_the_csv_module_allows(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("id;actor_type;" + "x" * 140_000 + "\nA;borger;1\n", encoding="utf-8")
    _raises_input_error(
        load_candidates, p, match=r"c.csv, row 1: expected a cell of at most 32,767 characters"
    )
    from composer.reading import Limits

    pool = load_candidates(p, limits=Limits(max_cell_chars=200_000))
    assert pool.extra_columns == ["x" * 140_000]


def _workbook(tmp_path: Path, rows: list[list[Any]], name: str = "k.xlsx") -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    wb.save(path)
    return path


def _rezip(src: Path, dst: Path, change: Any) -> Path:
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def test_every_broken_workbook_is_an_input_error(tmp_path: Path) -> None:
    good = _workbook(tmp_path, [["id", "actor_type"], ["A1", "borger"]])
    assert len(load_candidates(good)) == 1
    data = good.read_bytes()
    broken = {
        "notzip.xlsx": b"id;actor_type\nA1;borger\n",
        "empty.xlsx": b"",
        "truncated.xlsx": data[: len(data) // 2],
    }
    for name, content in broken.items():
        (tmp_path / name).write_bytes(content)
    # bad deflate: flip bytes inside the compressed sheet
    flipped = bytearray(data)
    at = flipped.find(b"xl/worksheets/sheet1.xml") + 40
    for k in range(at, at + 60):
        flipped[k] ^= 0x5A
    (tmp_path / "deflate.xlsx").write_bytes(bytes(flipped))
    _rezip(
        good,
        tmp_path / "badxml.xlsx",
        lambda n, d: d[: len(d) // 2] if n.endswith("sheet1.xml") else d,
    )
    _rezip(good, tmp_path / "nopart.xlsx", lambda n, d: None if n == "xl/workbook.xml" else d)
    _rezip(
        good,
        tmp_path / "nosheet.xlsx",
        lambda n, d: None if n.endswith("sheet1.xml") else d,
    )
    names = [*broken, "deflate.xlsx", "badxml.xlsx", "nopart.xlsx", "nosheet.xlsx"]
    for name in names:
        err = _raises_input_error(load_candidates, tmp_path / name, match=re.escape(name))
        assert "save it again" in str(err) or "expected" in str(err), name
        assert err.problems[0].row is None or err.problems[0].row >= 1


def test_json_and_yaml_nested_too_deep(tmp_path: Path) -> None:
    deep_json = tmp_path / "deep.json"
    deep_json.write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    _raises_input_error(load_candidates, deep_json, match="nested at most 32 deep")
    _raises_input_error(load_brief, deep_json, match="nested at most 32 deep")
    very_deep = tmp_path / "verydeep.json"
    very_deep.write_text('{"theme": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    _raises_input_error(load_brief, very_deep, match="nested at most 32 deep")
    deep_yaml = tmp_path / "deep.yaml"
    deep_yaml.write_text("theme: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    _raises_input_error(load_brief, deep_yaml, match=r"deep.yaml, line 1: .*nested at most 32")
    nested: dict[str, Any] = {}
    cur = nested
    for _ in range(100):
        cur["x"] = {}
        cur = cur["x"]
    _raises_input_error(load_brief, nested, match="nested at most 32 deep")
    looped: dict[str, Any] = {"theme": "x"}
    looped["self"] = looped
    _raises_input_error(load_brief, looped, match="nested at most 32 deep")


def test_json_number_of_5000_digits(tmp_path: Path) -> None:
    p = tmp_path / "c.json"
    p.write_text(
        '[{"id": "A", "actor_type": "borger", "motivation": ' + "1" * 5000 + "}]",
        encoding="utf-8",
    )
    _raises_input_error(load_candidates, p, match="valid JSON numbers")
    b = tmp_path / "b.json"
    b.write_text('{"theme": "x", "period_months": ' + "9" * 5000 + "}", encoding="utf-8")
    _raises_input_error(load_brief, b, match="valid JSON numbers")
    nan = tmp_path / "nan.json"
    nan.write_text('[{"id": "A", "actor_type": "borger", "motivation": NaN}]', encoding="utf-8")
    _raises_input_error(load_candidates, nan, match="NaN is not a JSON number")


def test_folders_missing_files_and_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kandidater.csv"
    folder.mkdir()
    _raises_input_error(load_candidates, folder, match="this is a folder")
    _raises_input_error(load_candidates, tmp_path, match="this is a folder")
    _raises_input_error(load_brief, tmp_path, match="this is a folder")
    _raises_input_error(load_brief, tmp_path / "nope.yaml", match="expected an existing file")
    _raises_input_error(load_candidates, tmp_path / "nope.xlsx", match="expected an existing file")
    _raises_input_error(load_candidates, tmp_path / "nope.xls", match="save this old .xls")
    locked = tmp_path / "locked.csv"
    locked.write_text("id;actor_type\nA;borger\n", encoding="utf-8")
    locked.with_suffix(".yaml").write_text("theme: x\n", encoding="utf-8")
    locked.with_suffix(".xlsx").write_bytes(b"PK")

    def denied(path: Any, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    import composer.reading.files

    # the readers open a path once, with os.open (root may read any file: say it cannot)
    monkeypatch.setattr(composer.reading.files.os, "open", denied)
    for fn, path in [
        (load_candidates, locked),
        (load_candidates, locked.with_suffix(".xlsx")),
        (load_brief, locked.with_suffix(".yaml")),
    ]:
        _raises_input_error(fn, path, match="permission denied")


def test_dataframe_with_a_duplicated_column() -> None:
    df = pd.DataFrame([["A", "borger", "x"]], columns=["id", "actor_type", "id"])
    _raises_input_error(
        load_candidates, df, match=r"<DataFrame>, column 'id': expected each column name once"
    )
    df2 = pd.DataFrame([["A", "borger", "x", "y"]], columns=["id", "actor_type", "Navn", "name"])
    _raises_input_error(load_candidates, df2, match=r"'Navn' and 'name' all mean 'name'")


def test_dataframe_cells_of_every_kind() -> None:
    import datetime as dt

    df = pd.DataFrame(
        {
            "id": ["A", "B"],
            "actor_type": ["borger", "forsker"],
            "motivation": [np.int64(4), None],
            "hours_available": [np.float32(7.5), np.nan],
            "can_present": [np.bool_(True), pd.NA],
            "knows": [["B"], ("A",)],
            "start": [pd.Timestamp("2026-01-05"), dt.date(2026, 2, 1)],
        }
    )
    f = load_candidates(df).to_frame()
    assert f.loc["A", "motivation"] == 4 and f.loc["A", "hours_available"] == 7.5
    assert bool(f.loc["A", "can_present"]) and f.loc["B", "knows"] == ["A"]
    assert f.loc["A", "start"] == "2026-01-05" and f.loc["B", "start"] == "2026-02-01"
    bad = pd.DataFrame({"id": ["A"], "actor_type": ["borger"], "x": [{"a": 1}]})
    _raises_input_error(load_candidates, bad, match=r"record 1, column 'x'.*not a dict")


@pytest.mark.parametrize(
    "brief",
    [
        {"theme": "x", "needs": [{"name": "a", "kind": "topic", "weight": float("inf")}]},
        {"theme": "x", "needs": [{"name": "a", "kind": "topic", "weight": float("nan")}]},
        {
            "theme": "x",
            "needs": [
                {"name": "a", "kind": "topic", "weight": 1e308},
                {"name": "b", "kind": "topic", "weight": 1e308},
            ],
        },
        {"theme": "x", "needs": [{"name": "a", "kind": "topic", "count": 10**18}]},
        {"theme": "x", "needs": [{"name": "a", "kind": "topic", "count": 1e18}]},
        {"theme": "x", "weights": {"competence": float("inf")}},
        {"theme": "x", "period_months": float("inf")},
        {"theme": "x", "core": {"min": 1, "max": 10**12}},
    ],
)
def test_brief_numbers_have_bounds(brief: dict[str, Any]) -> None:
    with pytest.raises(InputError, match=r"needs\[|weights|period_months|core"):
        load_brief(brief)


def test_brief_weight_inf_in_yaml(tmp_path: Path) -> None:
    p = tmp_path / "b.yaml"
    p.write_text("theme: x\nneeds:\n  - {name: a, kind: topic, weight: .inf}\n", encoding="utf-8")
    _raises_input_error(load_brief, p, match=r"needs\[0\]\.weight.*finite")


def test_need_count_above_the_pool_is_reported() -> None:
    pool = load_candidates([{"id": "A", "actor_type": "borger"}])
    brief = load_brief({"theme": "x", "needs": [{"name": "demens", "kind": "faglig", "count": 3}]})
    validate(pool, brief)  # scoring a small pool is fine
    _raises_input_error(
        validate,
        pool,
        brief,
        counts=True,
        match=r"needs\[0\]\.count': value '3' – expected at most the number of candidates",
    )


def test_need_names_are_cleaned_and_empty_ones_refused() -> None:
    b = load_brief({"theme": " x ", "needs": [{"name": "\u200bdemens\u00a0", "kind": "faglig"}]})
    assert b.needs[0].name == "demens" and b.theme == "x"
    for name in ["   ", "\u200b", "\ufeff \u200d"]:
        _raises_input_error(
            load_brief,
            {"theme": "x", "needs": [{"name": name, "kind": "topic"}]},
            match=r"needs\[0\]\.name.*non-empty text",
        )
    nfd = load_brief({"theme": "x", "include": ["A\u030a1"]})
    assert nfd.include == ["Å1"]


_PEAK_SCRIPT = """
import sys
from composer import InputError, load_candidates
from composer.reading import Limits

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM")

before = peak_mb()
for limits in (None, Limits(max_columns=20_000)):
    try:
        load_candidates(sys.argv[1], limits=limits)
    except InputError as e:
        print(e.problems[0])
print(peak_mb() - before)
"""


def test_far_cell_workbook_is_refused_quickly_and_small(tmp_path: Path) -> None:
    import subprocess
    import sys

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "id", "actor_type", "A1", "borger"
    ws["XFD1048576"] = "x"
    p = tmp_path / "far.xlsx"
    wb.save(p)
    assert p.stat().st_size < 10_000
    _raises_input_error(
        load_candidates,
        p,
        match=r"far.xlsx, row 1048576, column 'XFD': expected values in at most 1,000 columns",
    )
    # in a fresh process, so that the peak memory is this load's own
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, str(p)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.splitlines()
    assert "expected values in at most 1,000 columns" in out[0]
    assert re.search(r"row 1048576: expected a column name in the header \(row 1\).*XFD", out[1])
    assert float(out[2]) < 200, out  # a grid would be 17 billion cells


def test_a_lying_sheet_dimension_is_not_trusted(tmp_path: Path) -> None:
    good = _workbook(tmp_path, [["id", "actor_type"], ["A1", "borger"], ["A2", "forsker"]])

    def lie(name: str, data: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            return re.sub(
                rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data
            )
        return data

    liar = _rezip(good, tmp_path / "liar.xlsx", lie)
    assert b"XFD1048576" in __import__("zipfile").ZipFile(liar).read("xl/worksheets/sheet1.xml")
    assert list(load_candidates(liar).ids) == ["A1", "A2"]


def test_ten_thousand_columns(tmp_path: Path) -> None:
    from composer.reading import Limits

    n = 10_000
    p = tmp_path / "wide.csv"
    p.write_text(
        "id;actor_type;"
        + ";".join(f"c{i}" for i in range(n))
        + "\nA;borger;"
        + ";".join(str(i) for i in range(n))
        + "\n",
        encoding="utf-8",
    )
    _raises_input_error(
        load_candidates, p, match=r"expected at most 1,000 columns \(found 10,002\)"
    )
    huge = tmp_path / "huge.csv"
    huge.write_text("id;actor_type;" + ";".join(["x"] * 100_000) + "\nA;borger\n", encoding="utf-8")
    _raises_input_error(load_candidates, huge, match=r"at most 1,000 columns \(found 100,002\)")
    allowed = tmp_path / "allowed.csv"  # a raised limit lets a wide file in (2,500 extras)
    header, row = (line.split(";")[:2502] for line in p.read_text("utf-8").splitlines())
    allowed.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    pool = load_candidates(allowed, limits=Limits(max_columns=5_000))
    assert len(pool.extra_columns) == 2_500 and pool.to_frame().loc["A", "c2499"] == "2499"
    with pytest.raises(InputError, match=r"at most 2,000 columns \(found 2,502\)"):
        load_candidates(allowed, limits=Limits(max_columns=2_000))


@pytest.mark.parametrize(
    ("limits", "match"),
    [
        ({"max_file_bytes": 10}, r"a file of at most 10 bytes \(found"),
        ({"max_cells": 5}, r"a table of at most 5 cells"),
        ({"max_columns": 2}, r"at most 2 columns \(found 3\)"),
        ({"max_cell_chars": 3}, r"row 2, column 'name'|row 1: expected a cell of at most 3"),
    ],
)
def test_limits_say_the_limit_and_how_to_raise_it(
    tmp_path: Path, limits: dict[str, int], match: str
) -> None:
    from composer.reading import Limits

    p = tmp_path / "c.csv"
    p.write_text(HEADER + "A1;borger;Åse Ørnbøl\n", encoding="utf-8")
    err = _raises_input_error(load_candidates, p, limits=Limits(**limits), match=match)
    key = next(iter(limits))
    assert f"limits=Limits({key}=...)" in str(err)
    assert err.problems[0].code == "limit"
    assert len(load_candidates(p)) == 1


def test_limits_on_records_frames_and_workbooks(tmp_path: Path) -> None:
    from composer.reading import Limits

    recs = [{"id": "A", "actor_type": "borger", "x": "y" * 50}]
    _raises_input_error(
        load_candidates, recs, limits=Limits(max_cell_chars=10), match="record 1, column 'x'"
    )
    _raises_input_error(
        load_candidates, pd.DataFrame(recs), limits=Limits(max_columns=2), match="at most 2"
    )
    wb = _workbook(tmp_path, [["id", "actor_type", "x"], ["A", "borger", "y"]])
    _raises_input_error(load_candidates, wb, limits=Limits(max_cells=3), match="at most 3 cells")
    _raises_input_error(
        load_candidates, wb, limits=Limits(max_unpacked_bytes=100), match="unpacks to at most 100"
    )


def test_a_two_megabyte_cell(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(HEADER + "A1;borger;" + "Å" * 2_000_000 + "\n", encoding="utf-8")
    err = _raises_input_error(
        load_candidates, p, match=r"c.csv, row 2: expected a cell of at most 32,767 characters"
    )
    assert len(str(err)) < 500


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append("theme: x")
    p = tmp_path / "bomb.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _raises_input_error(load_brief, p, match="a brief of at most 100,000 values")


# ------------------------------------------------------------------ silent data loss
NA_TEXTS = ["NA", "N/A", "null", "None", "nan", "#N/A", "-", "NULL!", "1.#QNAN", "<NA>"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_na_texts_stay_text(tmp_path: Path, fmt: str) -> None:
    rows = [["id", "actor_type", "name", "køn"]] + [
        [t, "borger", t, t] for t in NA_TEXTS if t != "-"
    ]
    if fmt == "xlsx":
        path = _workbook(tmp_path, rows)
    elif fmt == "csv":
        path = tmp_path / "c.csv"
        path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        path = tmp_path / "c.json"
        path.write_text(json.dumps([dict(zip(rows[0], r, strict=True)) for r in rows[1:]]))
    f = load_candidates(path).to_frame()
    expected = [t for t in NA_TEXTS if t != "-"]
    assert list(f.index) == expected
    assert f["name"].tolist() == expected and f["køn"].tolist() == expected


def test_xlsx_error_cells_and_types_stay_as_shown(tmp_path: Path) -> None:
    import datetime as dt

    path = _workbook(
        tmp_path,
        [
            ["id", "actor_type", "motivation", "hours_available", "can_present", "start"],
            ["A1", "borger", 4, 12.5, True, dt.datetime(2026, 3, 1)],
            [7, "forsker", None, 20, False, "#N/A"],
        ],
    )
    f = load_candidates(path).to_frame()
    assert list(f.index) == ["A1", "7"]
    assert f.loc["A1", "motivation"] == 4 and f.loc["A1", "hours_available"] == 12.5
    assert bool(f.loc["A1", "can_present"]) and not bool(f.loc["7", "can_present"])
    assert f.loc["A1", "start"] == "2026-03-01" and f.loc["7", "start"] == "#N/A"


def test_xlsx_duplicated_header_is_an_error(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["id", "actor_type", "Køn", "køn"], ["A", "borger", "k", "m"]])
    _raises_input_error(
        load_candidates,
        path,
        match=r"k.xlsx, row 1, column 'køn': expected each column name once.*'Køn' and 'køn'",
    )


def test_row_longer_than_the_header(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "id;actor_type\nA;borger\nB;borger;Hemmelig Person\n\nC;borger;x;y\nD;borger;\n",
        encoding="utf-8",
    )
    err = _raises_input_error(load_candidates, p, match=r"c.csv, row 3: expected at most 2 cells")
    assert [pr.row for pr in err.problems] == [3, 5]
    assert "Hemmelig" not in str(err)  # never another person's fields
    ok = tmp_path / "ok.csv"
    ok.write_text("id;actor_type\nA;borger;\nB;borger;;\n", encoding="utf-8")
    assert list(load_candidates(ok).ids) == ["A", "B"]  # empty trailing cells lose nothing


def test_every_row_one_field_longer_than_the_header(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("id,actor_type\nX,A1,borger\nY,A2,borger\n", encoding="utf-8")
    err = _raises_input_error(load_candidates, p, match="expected at most 2 cells")
    assert [pr.row for pr in err.problems] == [2, 3]


def test_row_numbers_count_blank_lines(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        '\n\nid;actor_type;statement\n\nA;borger;"to\nlinjer"\n;;\nB;astronaut;x\n',
        encoding="utf-8",
    )
    _raises_input_error(load_candidates, p, match=r"c.csv, row 7, column 'actor_type'")
    p.write_text("id;actor_type\n\n\nA;borger\nB;astronaut\n", encoding="utf-8")
    _raises_input_error(load_candidates, p, match=r"c.csv, row 5, column 'actor_type'")
    p.write_text("id;actor_type\r\n\r\nA;borger\r\nB;borger\r\n", encoding="utf-8")
    assert load_candidates(p).rows.tolist() == [3, 4]
    wb = _workbook(tmp_path, [["id", "actor_type"], [], [], ["A", "borger"], ["B", "astronaut"]])
    _raises_input_error(load_candidates, wb, match=r"k.xlsx, row 5, column 'actor_type'")


def test_mixed_encodings_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(
        "id;actor_type;name\nA;borger;Søren\n".encode()
        + "B;borger;Bjørn\n".encode("cp1252")
        + "C;borger;Åse\n".encode()
    )
    _raises_input_error(
        load_candidates,
        p,
        match=r"c.csv, line 3: expected one text encoding .* line 2 is UTF-8 and line 3 is not",
    )


def test_duplicate_keys_in_json_and_yaml(tmp_path: Path) -> None:
    c = tmp_path / "c.json"
    c.write_text('[{"id": "A", "actor_type": "borger", "id": "B"}]', encoding="utf-8")
    _raises_input_error(
        load_candidates, c, match=r"c.json, record 1, column 'id': expected each key"
    )
    wrapped = tmp_path / "w.json"
    wrapped.write_text('{"candidates": [{"id": "A", "actor_type": "borger", "id": "B"}]}')
    _raises_input_error(load_candidates, wrapped, match=r"w.json, record 1, column 'id'")
    twice = tmp_path / "t.json"
    twice.write_text('{"candidates": [], "candidates": [{"id": "A", "actor_type": "borger"}]}')
    _raises_input_error(load_candidates, twice, match=r"t.json, column 'candidates': expected each")
    b = tmp_path / "b.json"
    b.write_text('{"theme": "x", "core": {"min": 1, "min": 2}}', encoding="utf-8")
    _raises_input_error(load_brief, b, match=r"column 'core\.min': expected each key once")
    y = tmp_path / "b.yaml"
    y.write_text("theme: x\nneeds:\n  - name: a\n    kind: topic\n    name: b\n", encoding="utf-8")
    _raises_input_error(load_brief, y, match=r"b.yaml, line 5, column 'name': expected each key")
    recs: list[Any] = [{"id": "A", "actor_type": "borger"}, "not a record"]
    _raises_input_error(load_candidates, recs, match="record 2: expected an object")


@pytest.mark.parametrize(
    ("first", "second", "match"),
    [
        ("A1", "\u04101", "CYRILLIC CAPITAL LETTER A"),
        ("A1", "a1", "differ only in case"),
        ("P01", "Ρ01", "GREEK CAPITAL LETTER RHO"),
        ("A1", "Ａ1", "FULLWIDTH"),
        ("S\u00f8ren", "So\u0338ren", "COMBINING LONG SOLIDUS OVERLAY"),
    ],
)
def test_lookalike_ids_are_reported(first: str, second: str, match: str) -> None:
    err = _raises_input_error(
        load_candidates,
        [{"id": first, "actor_type": "borger"}, {"id": second, "actor_type": "borger"}],
        match=rf"record 2, column 'id'.*looks like '{first}' in record 1.*{match}",
    )
    assert err.problems[0].code == "lookalike_id"


def test_knows_a_lookalike_id_says_which() -> None:
    _raises_input_error(
        load_candidates,
        [
            {"id": "A1", "actor_type": "borger"},
            {"id": "B1", "actor_type": "borger", "knows": "\u04101"},
        ],
        match=r"column 'knows': value 'А1' – expected the id of a candidate in this file "
        r"\(it looks like 'A1': 'А' = CYRILLIC CAPITAL LETTER A\)",
    )


@pytest.mark.parametrize("second", ["A\u030a1", "Å1\u200b", " Å1\u00a0", "\ufeffÅ1"])
def test_invisible_differences_make_the_same_id(second: str) -> None:
    err = _raises_input_error(
        load_candidates,
        [{"id": "Å1", "actor_type": "borger"}, {"id": second, "actor_type": "borger"}],
        match=r"record 2, column 'id': value 'Å1' – expected a unique id",
    )
    assert err.problems[0].code == "duplicate_id"
    pool = load_candidates(
        [{"id": second, "actor_type": "borger"}, {"id": "B", "actor_type": "borger", "knows": "Å1"}]
    )
    assert list(pool.ids) == ["Å1", "B"]


# --------------------------------------------------------------------------- encodings
DANISH_ROWS = [
    ["id", "navn", "aktørtype", "faglige kompetencer", "timer til rådighed"],
    ["Æ1", "Åse Ørnbøl", "pårørende", "demens; sorg", "12,5"],
    ["Ø2", "Søren Å. Blå", "kommunal medarbejder", "ældrepleje", "20"],
]


def _check_danish(pool: CandidatePool) -> None:
    f = pool.to_frame()
    assert list(f.index) == ["Æ1", "Ø2"]
    assert f.loc["Æ1", "name"] == "Åse Ørnbøl" and f.loc["Ø2", "name"] == "Søren Å. Blå"
    assert f.loc["Æ1", "actor_type"] == "relative"
    assert f.loc["Æ1", "professional_competences"] == ["demens", "sorg"]
    assert f.loc["Ø2", "professional_competences"] == ["ældrepleje"]
    assert f.loc["Æ1", "hours_available"] == 12.5


@pytest.mark.parametrize(
    ("encoding", "sep"),
    [
        ("utf-16", "\t"),  # Excel's "Unicode text": UTF-16 LE with BOM, tab-separated
        ("utf-16-le", "\t"),  # no BOM
        ("utf-16-be", ";"),
        ("mac_roman", ";"),
        ("cp1252", "\t"),
        ("utf-8-sig", ","),
        ("utf-8", "\t"),
    ],
)
def test_encodings_and_separators(tmp_path: Path, encoding: str, sep: str) -> None:
    text = "\r\n".join(
        sep.join(f'"{c}"' if sep in c or "," in c else c for c in r) for r in DANISH_ROWS
    )
    p = tmp_path / "kandidater.txt"
    p.write_bytes((text + "\r\n").encode(encoding))
    _check_danish(load_candidates(p))


def test_utf16_json_and_brief(tmp_path: Path) -> None:
    p = tmp_path / "c.json"
    p.write_bytes(json.dumps([{"id": "Æ1", "actor_type": "borger"}]).encode("utf-16"))
    assert list(load_candidates(p).ids) == ["Æ1"]
    b = tmp_path / "b.yaml"
    b.write_bytes("theme: Ældre og ensomhed\n".encode("mac_roman"))
    assert load_brief(b).theme == "Ældre og ensomhed"


def test_binary_files_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(b"id;actor_type\nA;bor\x00ger\n")
    _raises_input_error(load_candidates, p, match="NUL characters")


# ----------------------------------------------------------------------- Danish headers
@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Navn", "name"),
        ("Aktørtype", "actor_type"),
        ("Aktør type", "actor_type"),
        ("Organisation", "organisation"),
        ("Enhed", "unit"),
        ("Afdeling", "unit"),
        ("Faglige kompetencer", "professional_competences"),
        ("Personlige kompetencer", "personal_competences"),
        ("Metodiske kompetencer", "methodological_competences"),
        ("Perspektiver", "perspectives"),
        ("Baggrund", "background"),
        ("Udtalelse", "statement"),
        ("Motivation tekst", "statement"),
        ("Motivation", "motivation"),
        ("Faser", "phases"),
        ("Timer", "hours_available"),
        ("Timer til rådighed", "hours_available"),
        ("Ledergodkendelse", "manager_approval"),
        ("Personaleleder godkendt", "manager_approval"),
        ("Kan holde oplæg", "can_present"),
        ("Kan tage opgaver", "can_take_tasks"),
        ("Kender", "knows"),
        ("  KAN   HOLDE  OPLÆG ", "can_present"),
        ("Actor Type", "actor_type"),
        ("HOURS_AVAILABLE", "hours_available"),
    ],
)
def test_danish_headers(header: str, key: str) -> None:
    values = {
        "name": "Åse",
        "organisation": "Kommunen",
        "unit": "Ældre",
        "background": "x",
        "statement": "y",
        "motivation": "4",
        "phases": "afdækning",
        "hours_available": "3",
        "manager_approval": "ja",
        "can_present": "ja",
        "can_take_tasks": "nej",
        "knows": "B",
        "actor_type": "borger",
    }
    rec = {"ID": "A", "Aktørtype": "borger", header: values.get(key, "demens")}
    other = {"ID": "B", "Aktørtype": "borger", header: ""}
    if key == "actor_type":
        rec, other = {"ID": "A", header: "borger"}, {"ID": "B", header: "borger"}
    pool = load_candidates([rec, other])
    got = pool.to_frame().loc["A", key]
    assert got is not None and not (isinstance(got, float) and np.isnan(got))
    assert key not in pool.extra_columns


def test_header_given_as_key_and_alias(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("id;Aktørtype;actor_type\nA;borger;borger\n", encoding="utf-8")
    _raises_input_error(
        load_candidates,
        p,
        match=r"row 1, column 'actor_type': .*'Aktørtype' and 'actor_type' all mean 'actor_type'",
    )


# ------------------------------------------------------------------------------ sheets
def test_sheet_by_name_or_number(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Noter"
    ws.append(["Kun noter her"])
    ws2 = wb.create_sheet("Kandidater")
    ws2.append(["id", "actor_type"])
    ws2.append(["K1", "borger"])
    p = tmp_path / "k.xlsx"
    wb.save(p)
    assert list(load_candidates(p, sheet="Kandidater").ids) == ["K1"]
    assert list(load_candidates(p, sheet="kandidater ").ids) == ["K1"]
    assert list(load_candidates(p, sheet=1).ids) == ["K1"]
    _raises_input_error(load_candidates, p, match=r"k.xlsx, row 1, column 'id': expected")
    _raises_input_error(
        load_candidates,
        p,
        sheet="Ark1",
        match=r"'Ark1' – expected a worksheet.*'Noter', 'Kandidater'",
    )
    _raises_input_error(load_candidates, p, sheet=5, match="expected a worksheet")
    _raises_input_error(
        load_candidates, FIXTURES / "good.csv", sheet="x", match="only workbooks have sheets"
    )


# ------------------------------------------------------------- bytes and standard input
def test_bytes_and_open_files_with_format(tmp_path: Path) -> None:
    import io

    from composer.reading import Limits

    csv_bytes = "id;navn;aktørtype\nÆ1;Åse;borger\n".encode("cp1252")
    assert load_candidates(io.BytesIO(csv_bytes), format="csv")["Æ1"].name == "Åse"
    assert list(load_candidates(csv_bytes, format="CSV").ids) == ["Æ1"]
    book = _workbook(tmp_path, [["id", "actor_type"], ["X1", "forsker"]])
    with book.open("rb") as fh:
        assert list(load_candidates(fh).ids) == ["X1"]  # the open file's name says .xlsx
    assert list(load_candidates(book.read_bytes(), format="xlsx").ids) == ["X1"]
    records = json.dumps([{"id": "J1", "actor_type": "user"}]).encode()
    assert list(load_candidates(records, format="json").ids) == ["J1"]
    other = tmp_path / "kandidater.dat"
    other.write_bytes(csv_bytes)
    assert list(load_candidates(other, format="csv").ids) == ["Æ1"]
    brief = load_brief(io.BytesIO("theme: Ældre\n".encode()), format="yaml")
    assert brief.theme == "Ældre"
    assert load_brief(b'{"theme": "x"}', format="json").theme == "x"
    _raises_input_error(load_candidates, csv_bytes, match=r"<bytes>.*say which with format=")
    _raises_input_error(load_candidates, csv_bytes, format="pdf", match=r"format= one of")
    _raises_input_error(load_candidates, io.StringIO("id"), format="csv", match="binary stream")
    _raises_input_error(load_brief, b"theme: x", match=r"\.yaml, \.yml or \.json file")
    _raises_input_error(
        load_candidates,
        io.BytesIO(csv_bytes),
        format="csv",
        limits=Limits(max_file_bytes=5),
        match="a file of at most 5 bytes",
    )


@pytest.mark.parametrize("name", ["danish_headers.csv", "excel_unicode_text.txt", "mac_roman.csv"])
def test_danish_fixture_files(name: str) -> None:
    f = load_candidates(FIXTURES / name).to_frame()
    assert list(f.index) == ["D1", "D2"]
    assert f.loc["D1", "name"] == "Åse Ørnbøl" and f.loc["D2", "name"] == "Søren Æbelø"
    assert (
        f.loc["D1", "actor_type"] == "municipal_staff" and f.loc["D2", "actor_type"] == "relative"
    )
    assert f.loc["D1", "unit"] == "Ældre og Sundhed"
    assert f.loc["D1", "professional_competences"] == ["demens", "sundhedsfremme"]
    assert f.loc["D1", "hours_available"] == 12.5
    assert bool(f.loc["D1", "manager_approval"]) and bool(f.loc["D2", "can_present"])
    assert f.loc["D1", "knows"] == ["D2"] and f.loc["D2", "køn"] == "mand"


def test_formulas_read_as_their_values_or_refused_when_never_calculated(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "actor_type", "motivation"])
    ws.append(["A1", "borger", "=2+2"])  # openpyxl stores no computed value
    p = tmp_path / "formel.xlsx"
    wb.save(p)
    err = _raises_input_error(
        load_candidates, p, match=r"formel.xlsx, row 2, column 'C': expected a value, but"
    )
    assert err.problems[0].code == "uncomputed_formula"

    def computed(name: str, data: bytes) -> bytes:  # as Excel saves it: formula and value
        if name.endswith("sheet1.xml"):
            return data.replace(b"<f>2+2</f><v></v>", b"<f>2+2</f><v>4</v>").replace(
                b"<f>2+2</f><v />", b"<f>2+2</f><v>4</v>"
            )
        return data

    saved = _rezip(p, tmp_path / "saved.xlsx", computed)
    assert b"<v>4</v>" in __import__("zipfile").ZipFile(saved).read("xl/worksheets/sheet1.xml")
    assert load_candidates(saved)["A1"].motivation == 4


@pytest.mark.parametrize("value", ["1e400", "-1e400", "nan", "inf", "9" * 400])
def test_numbers_beyond_float_are_bad_values(value: str) -> None:
    _raises_input_error(
        load_candidates,
        [{"id": "A", "actor_type": "borger", "motivation": value, "hours_available": value}],
        match=r"column 'motivation'.*\n.*column 'hours_available'",
    )
