"""A template and a brief in Excel (issue 19.5): the template's drop-down lists and Brief
sheet, the samples as workbooks, and replace from the composition's workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from composer import cli, compose, load_brief, load_candidates, replace
from composer.datasets import list_samples, load_sample, sample_path
from composer.template import TEMPLATE_HEADERS, write_template
from tests.conftest import REFERENCE


def test_template_has_danish_headers_drop_downs_and_a_brief_sheet(tmp_path: Path) -> None:
    brief = load_brief(REFERENCE / "brief.yaml")
    path = write_template(tmp_path / "kandidater.xlsx", brief)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Kandidater" and "Brief" in wb.sheetnames
    ws = wb["Kandidater"]
    assert [c.value for c in ws[1]] == list(TEMPLATE_HEADERS)
    formulas = sorted(str(dv.formula1) for dv in ws.data_validations.dataValidation)
    assert any("Lister!$A$1" in f for f in formulas) and any("Lister!$C$1" in f for f in formulas)
    lists = wb["Lister"]
    assert lists.sheet_state == "hidden" and lists["B1"].value == "ja"
    assert [c.value for c in lists["C"] if c.value] == [*brief.phase_names, "alle"]
    assert load_brief(path) == brief  # the Brief sheet reads back as the brief


def test_a_filled_template_loads(tmp_path: Path) -> None:
    path = write_template(tmp_path / "kandidater.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Kandidater"]
    row = {"ID": "A1", "Aktørtype": "borger", "Faser": "afdækning; afprøvning",
           "Leders godkendelse": "nej", "Motivation (1-5)": 4}  # fmt: skip
    for header, value in row.items():
        ws.cell(row=2, column=TEMPLATE_HEADERS.index(header) + 1, value=value)
    wb.save(path)
    pool = load_candidates(path)
    assert pool.frame.loc["A1", "phases"] == ["afdækning", "afprøvning"]
    assert pool.frame.loc["A1", "manager_approval"] == False  # noqa: E712


@pytest.mark.parametrize("name", list_samples())
def test_samples_ship_as_workbooks(name: str) -> None:
    pool, brief = load_sample(name)
    book = sample_path(name) / "kandidater.xlsx"
    assert load_brief(book) == brief
    assert load_candidates(book).frame.equals(pool.frame)


def test_replace_reads_the_composition_workbook(tmp_path: Path) -> None:
    pool = load_candidates(REFERENCE / "candidates.csv")
    brief = load_brief(REFERENCE / "brief.yaml")
    comp = compose(pool, brief, seed=0)
    book = comp.to_excel(tmp_path / "netværk.xlsx")
    member = comp.core[0].id
    want = replace(comp, member, pool, brief, seed=0).explain()
    out = tmp_path / "ny.md"
    argv = ["replace", str(book), member, str(REFERENCE / "candidates.csv"),
            str(REFERENCE / "brief.yaml"), "-o", str(out), "--quiet"]  # fmt: skip
    assert cli.main(argv) == 0
    assert out.read_text(encoding="utf-8").rstrip("\n") == want.rstrip("\n")


def test_template_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kandidater.xlsx"
    assert cli.main(["template", str(path), "--brief", str(REFERENCE / "brief.yaml")]) == 0
    assert "kandidater.xlsx" in capsys.readouterr().out
    assert load_brief(path) == load_brief(REFERENCE / "brief.yaml")
