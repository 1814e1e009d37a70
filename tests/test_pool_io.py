"""Pools written to CSV and Excel read back equal; formulas are neutralised on the way out."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer import CandidatePool, InputError, load_brief, load_candidates
from composer.cells import safe_cell, unprotect_cell
from composer.datasets import list_samples, load_sample

from .conftest import FIXTURES
from .strategies import candidate_records


def _pools(reference_dir: Path) -> list[CandidatePool]:
    pools = [load_sample(name)[0] for name in list_samples()]
    pools.append(load_candidates(reference_dir / "candidates.csv"))
    pools.append(load_candidates(FIXTURES / "good.csv"))
    return pools


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_samples_and_reference_round_trip(tmp_path: Path, reference_dir: Path, fmt: str) -> None:
    pools = _pools(reference_dir)
    assert len(pools) >= 5
    for k, pool in enumerate(pools):
        path = tmp_path / f"pool{k}.{fmt}"
        if fmt == "csv":
            pool.to_csv(path)
        else:
            pool.to_excel(path)
        again = load_candidates(path)
        pd.testing.assert_frame_equal(again.to_frame(), pool.to_frame())
        assert list(again.rows) == list(range(2, len(pool) + 2))


HOSTILE = [
    '=HYPERLINK("http://x","klik")',
    "+45 12 34 56 78",
    "-",
    "@SUM(A1)",
    "'=already protected",
    "''=twice",
    "'plain apostrophe",
    "Åse Ørnbøl",
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formulas_are_neutralised_and_read_back(tmp_path: Path, fmt: str) -> None:
    records = [
        {"id": f"F{i}", "actor_type": "borger", "name": text, "statement": text, "køn": text}
        for i, text in enumerate(HOSTILE)
    ]
    records.append({"id": "=cmd|' /C calc'!A0", "actor_type": "borger", "name": "x"})
    pool = load_candidates(records)
    path = tmp_path / f"p.{fmt}"
    if fmt == "csv":
        pool.to_csv(path)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            cells = [c for row in csv.reader(fh, delimiter=";") for c in row]
    else:
        pool.to_excel(path)
        ws = openpyxl.load_workbook(path).active
        cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert '\'=HYPERLINK("http://x","klik")' in cells
    again = load_candidates(path)
    pd.testing.assert_frame_equal(again.to_frame(), pool.to_frame())
    assert again["F0"].name == '=HYPERLINK("http://x","klik")'


@pytest.mark.parametrize("text", [*HOSTILE, "", "=", "'", "\t=1", "a=b"])
def test_safe_cell_and_unprotect_are_inverse(text: str) -> None:
    assert unprotect_cell(str(safe_cell(text))) == text
    out = str(safe_cell(text))
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("sep", [",", "\t"])
def test_other_separators_round_trip(tmp_path: Path, sep: str) -> None:
    pool = load_candidates(FIXTURES / "good.csv")
    pool.to_csv(tmp_path / "p.csv", sep=sep)
    pd.testing.assert_frame_equal(load_candidates(tmp_path / "p.csv").to_frame(), pool.to_frame())
    with pytest.raises(InputError, match=r"column 'sep': value '\|'"):
        pool.to_csv(tmp_path / "p.csv", sep="|")


def test_safe_cell_leaves_numbers_alone() -> None:
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5 and safe_cell(None) is None


def test_control_characters_are_refused_at_reading(tmp_path: Path) -> None:
    """Issue 20: no export could hold them (openpyxl refuses them), so reading does."""
    with pytest.raises(InputError, match=r"record 1, column 'background'.*U\+0001"):
        load_candidates([{"id": "A", "actor_type": "borger", "background": "a\x01b"}])


def test_records_are_the_library_format() -> None:
    pool = load_candidates(FIXTURES / "good.csv")
    rec = pool.to_records()[0]
    assert rec["id"] == "P1"
    assert rec["professional_competences"] == "demens;sundhedsfremme"
    assert rec["manager_approval"] == "ja" and rec["can_present"] == "nej"
    assert rec["phases"] == "" and rec["motivation"] == 5 and rec["hours_available"] == 20
    pd.testing.assert_frame_equal(load_candidates(pool.to_records()).to_frame(), pool.to_frame())


def test_quota_on_empty_or_absent_yes_no_column() -> None:
    pool = load_candidates(
        [
            {"id": "A", "actor_type": "borger"},
            {"id": "B", "actor_type": "borger", "can_present": "ja"},
        ]
    )
    brief = load_brief({"theme": "x"})
    assert pool.matches("can_present", "ja", brief).tolist() == [False, True]
    assert pool.matches("can_take_tasks", "ja", brief).tolist() == [False, False]
    assert pool.matches("manager_approval", "nej", brief).tolist() == [False, False]
    assert pool.matches("motivation", "3", brief).tolist() == [False, False]
    assert pool.column_values("can_present", brief).tolist() == [None, "ja"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(candidate_records(max_size=6), st.sampled_from(["csv", "xlsx"]))
def test_any_pool_round_trips(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]], fmt: str
) -> None:
    pool = load_candidates(records)
    path = tmp_path_factory.mktemp("rt") / f"pool.{fmt}"
    if fmt == "csv":
        pool.to_csv(path)
    else:
        pool.to_excel(path)
    pd.testing.assert_frame_equal(load_candidates(path).to_frame(), pool.to_frame())
