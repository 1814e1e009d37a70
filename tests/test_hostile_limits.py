"""Issue 20, part 1: limits that hold before the work.

Each hostile file of the issue, built small (``tests/hostile.py``; the benchmark builds
them at the issue's sizes), must be refused by the check that runs *before* the costly
step: the parse of JSON or YAML, openpyxl's walk over a sheet, the read of a device.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer import InputError, load_brief, load_candidates
from composer.reading import Limits, read_table

from . import hostile


def _refused(fn: Any, *args: Any, match: str, **kwargs: Any) -> InputError:
    with pytest.raises(InputError, match=match) as info:
        fn(*args, **kwargs)
    return info.value


# ------------------------------------------------------------------ devices and pipes
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero (POSIX)")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_symlink_to_a_device_is_refused_unread(tmp_path: Path, device: str) -> None:
    for fn, name in [(load_candidates, "k.csv"), (load_brief, "brief.yaml")]:
        link = tmp_path / name
        link.unlink(missing_ok=True)
        link.symlink_to(device)
        err = _refused(fn, link, match=f"{name}: expected a regular file, but this is a device")
        assert err.problems[0].code == "not_a_file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "k.csv"
    os.mkfifo(fifo)
    _refused(load_candidates, fifo, match="a device, a pipe or a socket")


def test_bytes_are_counted_as_they_are_read(tmp_path: Path) -> None:
    class Endless:
        name = "endless.csv"

        def __init__(self) -> None:
            self.read_bytes = 0

        def read(self, n: int = -1) -> bytes:
            self.read_bytes += n
            return b"x" * n

    stream = Endless()
    _refused(load_candidates, stream, limits=Limits(max_file_bytes=3 << 20), match="at most 3,1")
    assert stream.read_bytes <= 5 << 20  # stopped one chunk past the limit


def test_a_workbook_is_opened_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue: a workbook deleted between the reader's two opens crashed it."""
    import composer.reading.files as files

    path = hostile.workbook(tmp_path / "k.xlsx", hostile.HEADER_ROW + hostile.person(2, "A1"))
    opened: list[str] = []
    real_open = os.open

    def counting_open(p: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(str(p))
        fd = real_open(p, *args, **kwargs)
        if str(p) == str(path):
            os.unlink(p)  # gone after the first open: a second would fail
        return fd

    monkeypatch.setattr(files.os, "open", counting_open)
    assert list(load_candidates(path).ids) == ["A1"]
    assert opened == [str(path)]


# ----------------------------------------------------------------------- JSON, YAML
def test_a_big_json_brief_is_refused_by_its_size(tmp_path: Path) -> None:
    p = hostile.json_brief_of_strings(tmp_path / "brief.json", 3_000)
    err = _refused(load_brief, p, limits=Limits(max_brief_bytes=10_000), match="at most 10,000")
    assert "max_brief_bytes" in str(err)


def test_json_values_are_counted_before_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import composer.reading.structured as structured

    def no_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("parsed a file over the limit")

    brief = hostile.json_brief_of_strings(tmp_path / "brief.json", 2_000)
    records = hostile.json_empty_records(tmp_path / "k.json", 2_000)
    monkeypatch.setattr(structured.json, "loads", no_parse)
    _refused(load_brief, brief, limits=Limits(max_brief_values=1_000), match="1,000 values")
    _refused(load_candidates, records, limits=Limits(max_json_values=1_000), match="1,000 values")


def test_yaml_values_are_counted_before_anything_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import composer.reading.structured as structured

    def no_build(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("constructed a file over the limit")

    p = hostile.yaml_brief_of_values(tmp_path / "brief.yaml", 2_000)
    monkeypatch.setattr(structured._TextLoader, "get_single_data", no_build)
    _refused(load_brief, p, limits=Limits(max_brief_values=1_000), match="at most 1,000 values")


def test_yaml_aliases_are_counted_each_time_they_are_used(tmp_path: Path) -> None:
    lines = ["theme: x", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    p = tmp_path / "laughs.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused(load_brief, p, match="at most 100,000 values")


# -------------------------------------------------------------------------- workbooks
def test_a_row_numbered_99999999999_is_refused_at_once(tmp_path: Path) -> None:
    p = hostile.far_row_workbook(tmp_path / "far.xlsx")
    err = _refused(load_candidates, p, match=r"row 3: expected a row number from 1 to 1,048,576")
    assert err.problems[0].code == "bad_sheet"


def test_a_row_of_too_many_cells_is_refused_before_openpyxl(tmp_path: Path) -> None:
    p = hostile.wide_row_workbook(tmp_path / "wide.xlsx", 16_000)
    _refused(load_candidates, p, match=r"row 3: expected at most 1,000 cells in a row")
    assert len(load_candidates(p, limits=Limits(max_columns=20_000))) == 1  # empty: dropped
    p = hostile.wide_row_workbook(tmp_path / "wider.xlsx", 16_385)
    _refused(
        load_candidates,
        p,
        limits=Limits(max_columns=20_000),
        match=r"row 3: expected cells within Excel's 16,384 columns",
    )


@pytest.mark.parametrize(
    ("rows", "match"),
    [
        ([3, 2], r"row 2: expected rows in rising order.*row 2 is written after row 3"),
        ([2, 2], r"row 2: expected rows in rising order.*row 2 is written twice"),
        ([0], r"expected a row number from 1 to 1,048,576.*numbered '0'"),
        (["-5"], r"expected a row number from 1 to 1,048,576.*numbered '-5'"),
    ],
)
def test_rows_must_rise(tmp_path: Path, rows: list[Any], match: str) -> None:
    body = hostile.HEADER_ROW + "".join(
        hostile.person(r, f"P{k}") if str(r).isdigit() and int(r) else f'<row r="{r}"/>'
        for k, r in enumerate(rows)
    )
    _refused(load_candidates, hostile.workbook(tmp_path / "k.xlsx", body), match=match)


def test_a_cell_written_twice_is_refused_with_its_place(tmp_path: Path) -> None:
    twice = hostile.row(
        "2",
        hostile.cell("A2", "A1"),
        hostile.cell("A2", "Åse"),
        hostile.cell("B2", "borger"),
    )
    p = hostile.workbook(tmp_path / "k.xlsx", hostile.HEADER_ROW + twice)
    err = _refused(load_candidates, p, match=r"row 2, column 'A': expected each cell once")
    assert "cell A2 is written twice" in str(err)
    other_row = hostile.row("2", hostile.cell("A3", "A1"))
    p = hostile.workbook(tmp_path / "k.xlsx", hostile.HEADER_ROW + other_row)
    _refused(load_candidates, p, match=r"row 2: expected a cell reference of row 2")


@given(st.lists(st.integers(1, 40), min_size=1, max_size=8))
def test_any_order_of_rows_loads_only_when_it_rises(tmp_path_factory: Any, rows: list[int]) -> None:
    path = tmp_path_factory.mktemp("rows") / "k.xlsx"
    body = [hostile.person(r + 1, f"P{r}") for r in rows]
    hostile.workbook(path, [hostile.HEADER_ROW, *body])
    if all(a < b for a, b in itertools.pairwise(rows)):
        table = read_table(path)
        assert table.rows.tolist() == [r + 1 for r in rows]  # every person, at their row
    else:
        with pytest.raises(InputError) as info:
            read_table(path)
        assert info.value.problems[0].code == "bad_sheet"


def test_a_big_shared_strings_table_is_refused(tmp_path: Path) -> None:
    import zipfile

    p = hostile.workbook(tmp_path / "k.xlsx", hostile.HEADER_ROW + hostile.person(2, "A1"))
    with zipfile.ZipFile(p, "a") as z:
        z.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 50 + "</sst>")
    _refused(load_candidates, p, limits=Limits(max_cells=40), match="shared-strings table")
