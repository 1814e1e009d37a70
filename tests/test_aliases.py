"""Nothing read silently wrong (issue 19): Danish headers and brief keys, near misses of a
contract column, a composition workbook given as a pool, and the Danish-Excel round trip."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from composer import InputError, compose, load_brief, load_candidates
from composer.aliases import COLUMN_ALIASES, HEADER_ALIASES, header_key, probable_column
from composer.pool import CONTRACT_COLUMNS
from tests.conftest import REFERENCE

#: The reference file's headers as a Danish municipality writes them.
DANISH = {
    "id": "ID",
    "name": "Navn",
    "actor_type": "Aktørtype",
    "organisation": "Arbejdsplads",
    "unit": "Enhed",
    "professional_competences": "Faglige kompetencer",
    "personal_competences": "Personlige kompetencer",
    "methodological_competences": "Metodiske kompetencer",
    "perspectives": "Perspektiver",
    "background": "Baggrund",
    "statement": "Udtalelse",
    "motivation": "Motivation (1-5)",
    "phases": "Faser",
    "hours_available": "Timer til rådighed",
    "manager_approval": "Leders godkendelse",
    "can_present": "Kan holde oplæg",
    "can_take_tasks": "Kan tage opgaver",
    "knows": "Kender",
}


def test_every_contract_column_has_danish_aliases_and_they_are_documented() -> None:
    contract = (Path(__file__).parents[1] / "docs" / "contract.md").read_text(encoding="utf-8")
    assert set(COLUMN_ALIASES) == set(CONTRACT_COLUMNS)
    for column, aliases in COLUMN_ALIASES.items():
        assert aliases, column
        for alias in aliases:
            assert HEADER_ALIASES[header_key(alias)] == column
            assert f"`{alias}`" in contract, alias
    for header in ("Leders godkendelse", "Godkendt af leder", "Personaleleder godkender"):
        assert HEADER_ALIASES[header_key(header)] == "manager_approval"


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Godkendelse (leder)", "manager_approval"),
        ("Ledergodkendlse", "manager_approval"),
        ("manger_aproval", "manager_approval"),
        ("Timer i alt", "hours_available"),
        ("Faser hvor personen kan", "phases"),
        ("Køn", None),
        ("age_band", None),
        ("bydel", None),
        ("Alder", None),
    ],
)
def test_probable_column(header: str, column: str | None) -> None:
    assert probable_column(header) == column


def _reference_rows() -> pd.DataFrame:
    return pd.read_csv(REFERENCE / "candidates.csv", dtype=str, keep_default_na=False)


def test_a_header_close_to_a_contract_column_is_an_error_unless_declared_extra(
    tmp_path: Path,
) -> None:
    frame = _reference_rows().rename(columns={"manager_approval": "Godkendelse (leder)"})
    path = tmp_path / "kandidater.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(InputError, match="manager_approval") as info:
        load_candidates(path)
    assert [p.code for p in info.value.problems] == ["near_column"]
    assert info.value.problems[0].column == "Godkendelse (leder)"
    pool = load_candidates(path, extra_columns=["Godkendelse (leder)"])
    assert pool.frame["manager_approval"].isna().all()  # the user said so


def test_leders_godkendelse_is_read(tmp_path: Path) -> None:
    frame = _reference_rows().rename(columns={"manager_approval": "Leders godkendelse"})
    path = tmp_path / "kandidater.csv"
    frame.to_csv(path, index=False)
    pool = load_candidates(path)
    original = load_candidates(REFERENCE / "candidates.csv")
    assert pool.frame["manager_approval"].equals(original.frame["manager_approval"])
    assert (original.frame["manager_approval"] == False).any()  # noqa: E712 - a "no" to keep


def test_danish_excel_round_trip_composes_as_the_original(tmp_path: Path) -> None:
    """``;``, Windows-1252, decimal comma, Danish headers incl. ``Leders godkendelse``."""
    frame = _reference_rows()
    hours = frame["hours_available"]
    frame["hours_available"] = hours.where(hours == "", hours + ",0").str.replace(".", ",")
    frame = frame.rename(columns=DANISH)
    path = tmp_path / "kandidater.csv"
    path.write_bytes(frame.to_csv(sep=";", index=False).encode("cp1252"))
    assert b";Leders godkendelse;" in path.read_bytes() and b"\xe6" in path.read_bytes()
    brief = load_brief(REFERENCE / "brief.yaml")
    danish = compose(load_candidates(path), brief, seed=0, dropouts=False)
    original = compose(load_candidates(REFERENCE / "candidates.csv"), brief, seed=0, dropouts=False)
    assert danish.model_dump() == original.model_dump()


def test_a_brief_with_danish_keys_loads_as_the_english_one() -> None:
    english = yaml.safe_load((REFERENCE / "brief.yaml").read_text(encoding="utf-8"))
    keys = {"theme": "tema", "meetings": "møder", "phases": "faser", "needs": "behov"}
    danish = {keys.get(k, k): v for k, v in english.items()}
    danish["møder"] = {"antal": english["meetings"]["count"], "timer": english["meetings"]["hours"]}
    danish["behov"] = [
        {{"name": "navn", "weight": "vægt", "count": "antal"}.get(k, k): v for k, v in need.items()}
        for need in english["needs"]
    ]
    assert load_brief(danish) == load_brief(english)


def test_a_composition_workbook_is_refused_as_a_pool(tmp_path: Path) -> None:
    comp = compose(load_candidates(REFERENCE / "candidates.csv"), REFERENCE / "brief.yaml")
    path = comp.to_excel(tmp_path / "netværk.xlsx")
    with pytest.raises(InputError, match="composition that composer wrote") as info:
        load_candidates(path)
    assert [p.code for p in info.value.problems] == ["composition_as_pool"]
    with pytest.raises(InputError, match="composition that composer wrote"):
        load_candidates(comp.to_csv(tmp_path / "netværk.csv") and tmp_path / "netværk.csv")
