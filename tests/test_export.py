"""Exports of a composition: Excel and CSV read back, HTML escaped, formulas neutralised."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
import yaml

from composer import Composition, compose, load_brief, load_candidates
from composer.views.export import (
    composition_tables,
    composition_to_csv,
    composition_to_excel,
    composition_to_html,
    safe_cell,
    safe_frame,
)

EVIL = '=HYPERLINK("http://x")'


@pytest.fixture(scope="module")
def comp() -> Composition:
    from tests.conftest import REFERENCE

    frame = pd.read_csv(REFERENCE / "candidates.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "A01", "name"] = EVIL  # A01 is in the brief's include
    frame.loc[frame["id"] == "A01", "unit"] = "<script>alert('ø')</script>"
    return compose(load_candidates(frame), load_brief(REFERENCE / "brief.yaml"), seed=0)


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_safe_cell_prefixes_every_risky_start(first: str) -> None:
    assert safe_cell(first + "1+1") == "'" + first + "1+1"


def test_safe_cell_leaves_the_rest() -> None:
    assert [safe_cell(v) for v in ("Åse", "1-2", "", None, -3, 2.5)] == [
        "Åse", "1-2", "", None, -3, 2.5,
    ]  # fmt: skip
    frame = safe_frame(pd.DataFrame({"=x": ["@a"], "n": [1]}, index=pd.Index(["-id"])))
    assert frame.columns.tolist() == ["'=x", "n"] and frame.index.tolist() == ["'-id"]
    assert frame.iloc[0].tolist() == ["'@a", 1]


def test_tables_have_stable_keys_and_every_member(comp: Composition) -> None:
    tables = composition_tables(comp)
    assert tables["core"]["id"].tolist() == [m.id for m in comp.core]
    per_phase = tables["phase_participants"].groupby("phase", sort=False)["id"].agg(list)
    assert per_phase.to_dict() == {
        ph: [m.id for m in ms] for ph, ms in comp.phase_participants.items() if ms
    }
    plan = tables["meeting_plan"]
    assert plan["id"].tolist() == [m.id for m in comp.members]
    assert plan["total"].tolist() == [m.hours for m in comp.members]
    assert tables["needs"]["need"].tolist() == [ns.name for ns in comp.needs]
    assert tables["gaps"]["need"].tolist() == [g.need for g in comp.gaps]
    assert tables["quotas"]["count"].tolist() == [q.count for q in comp.quotas]
    en = composition_tables(comp, "en")
    assert en["core"].columns.tolist() == tables["core"].columns.tolist()  # keys, not labels
    assert set(en["core"]["role"]) == {"core participant"}
    assert set(tables["core"]["role"]) == {"kernedeltager"}
    assert "meeting_1" in plan.columns and "professional" in set(en["needs"]["kind"])


@pytest.mark.parametrize(
    ("language", "sheet", "name", "hours", "reasons"),
    [
        ("da", "Kernedeltagere", "navn", "timer", "grunde"),
        ("en", "Core", "name", "hours", "reasons"),
    ],
)
def test_excel_round_trip(
    comp: Composition,
    tmp_path: Path,
    language: str,
    sheet: str,
    name: str,
    hours: str,
    reasons: str,
) -> None:
    path = composition_to_excel(comp, tmp_path / "netværk.xlsx", language)
    sheets = pd.read_excel(path, sheet_name=None, dtype=object)
    assert len(sheets) == 8 and list(sheets)[1] == sheet and list(sheets)[-1] == "composer"
    assert next(iter(sheets)) == {"da": "Resumé", "en": "Summary"}[language]
    core = sheets[sheet].set_index("id")
    assert core.index.tolist() == [m.id for m in comp.core]
    assert core.loc["A01", name] == "'" + EVIL
    assert core[hours].astype(float).tolist() == [m.hours for m in comp.core]
    assert core.loc["A01", reasons] == " ".join(comp.member("A01").reasons)
    plan, needs = list(sheets.values())[3], list(sheets.values())[4]
    total = {"da": "i alt", "en": "total"}[language]
    assert plan.iloc[-1, 0] == total and plan.iloc[-1, -1] == comp.person_hours  # totals row
    meeting = {"da": "møde", "en": "meeting"}[language]
    assert [c for c in plan.columns if c.startswith(meeting)] == [
        f"{meeting} {k}" for k in range(1, 6)
    ]
    kind = needs.columns[1]
    assert {"da": "faglig", "en": "professional"}[language] in set(needs[kind])
    import openpyxl

    wb = openpyxl.load_workbook(path)
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)


@pytest.mark.parametrize(
    ("language", "sep", "decimal", "role", "hours", "phases", "reasons"),
    [
        ("da", ";", ",", "rolle", "timer", "faser", "grunde"),
        ("en", ",", ".", "role", "hours", "phases", "reasons"),
    ],
)
def test_csv_for_danish_and_english_excel(
    comp: Composition, tmp_path: Path, language: str, sep: str, decimal: str,
    role: str, hours: str, phases: str, reasons: str,
) -> None:  # fmt: skip
    path = tmp_path / "netværk.csv"
    text = composition_to_csv(comp, path, language)
    assert path.read_text(encoding="utf-8-sig") == text
    back = pd.read_csv(io.StringIO(text), sep=sep, decimal=decimal, index_col="id",
                       dtype={hours: float}, keep_default_na=False)  # fmt: skip
    assert back.index.tolist() == [m.id for m in comp.members]
    words = {"core": {"da": "kernedeltager", "en": "core participant"}}
    for m in comp.members:
        row = back.loc[m.id]
        assert row[hours] == m.hours
        assert row[phases].split("; ") == m.phases
        assert row[reasons] == " ".join(m.reasons)
        assert (row[role] == words["core"][language]) == (m.role == "core")
    assert back.loc["A01"].iloc[0] == "'" + EVIL
    assert "<script>alert('ø')</script>" in back.loc["A01"].tolist()
    assert composition_to_csv(comp, language="da", sep="\t").splitlines()[0].startswith("id\tnavn")


def test_html_escapes_what_the_user_wrote(comp: Composition) -> None:
    page = composition_to_html(comp)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;ø&#x27;)&lt;/script&gt;" in page
    assert "&#x27;=HYPERLINK(&quot;http://x&quot;)" in page
    assert '<html lang="da">' in page and "<h2>Behov og dækning</h2>" in page
    assert "<h2>Needs and coverage</h2>" in composition_to_html(comp, "en")


def test_a_composition_without_phase_participants(tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    data = yaml.safe_load((FIXTURES / "brief_small.yaml").read_text(encoding="utf-8"))
    data["phase_participants"] = {"per_phase_max": 0, "total_max": 0}
    comp = compose(load_candidates(FIXTURES / "good.csv"), load_brief(data))
    assert not any(comp.phase_participants.values())
    tables = composition_tables(comp)
    assert tables["phase_participants"].empty
    assert tables["phase_participants"].columns[0] == "phase"
    assert len(tables["core"]) == len(comp.core) > 0
    sheets = pd.read_excel(composition_to_excel(comp, tmp_path / "x.xlsx"), sheet_name=None)
    assert sheets["Deltagere som inddrages løbende"].empty


def test_workbook_is_styled_for_people(comp: Composition, tmp_path: Path) -> None:
    import openpyxl

    path = composition_to_excel(comp, tmp_path / "netværk.xlsx", "da")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Resumé"
    summary = {r[0].value: r[1].value for r in wb["Resumé"].iter_rows(min_row=2)}
    assert summary["Tema"] == comp.theme and " af " in summary["Dækningsmål"]
    assert summary["Metode"] == "eksakt model, bevist optimal" != comp.method  # words, not a code
    core = wb["Kernedeltagere"]
    header = {c.value: c for c in core[1]}
    assert all(c.font.bold for c in core[1]) and core.auto_filter.ref == core.dimensions
    reasons = core[header["grunde"].column_letter][1]
    assert reasons.alignment.wrap_text
    assert core[header["timer"].column_letter][1].number_format == "#,##0.0#"
    plan = wb["Mødeplan"]
    assert plan.cell(plan.max_row, 1).value == "i alt"
    assert "; " in str(core[header["faser"].column_letter][1].value)
