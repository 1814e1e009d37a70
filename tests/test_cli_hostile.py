"""Every hostile input of issue 11 through the command line: exit 2, a message naming the
file, never a traceback."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from composer.cli import main

Capsys = pytest.CaptureFixture[str]
HEADER = "id;actor_type\n"


def _workbook(path: Path, cells: dict[str, str]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return path.read_bytes()


def _far_cell(tmp: Path) -> bytes:
    return _workbook(tmp / "x.xlsx", {"A1": "id", "B1": "actor_type", "A2": "A1", "B2": "borger", "XFD1048576": "x"})  # fmt: skip


def _truncated(tmp: Path) -> bytes:
    data = _workbook(tmp / "y.xlsx", {"A1": "id", "B1": "actor_type", "A2": "A1", "B2": "borger"})
    return data[: len(data) // 2]


def _duplicate_header(tmp: Path) -> bytes:
    return _workbook(tmp / "z.xlsx", {"A1": "id", "B1": "actor_type", "C1": "id", "A2": "A1", "B2": "borger", "C2": "x"})  # fmt: skip


def _bad_xml(tmp: Path) -> bytes:
    data = _workbook(tmp / "w.xlsx", {"A1": "id", "B1": "actor_type", "A2": "A1", "B2": "borger"})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            zout.writestr(
                info.filename, body[: len(body) // 2] if "sheet1" in info.filename else body
            )
    return out.getvalue()


CANDIDATE_FILES: dict[str, Callable[[Path], bytes]] = {
    "undefined_cp1252.csv": lambda _: (HEADER + "A1;borger \x81\n").encode("latin-1"),
    "huge_header.csv": lambda _: ("id;actor_type;" + "x" * 140_000 + "\nA1;borger;1\n").encode(),
    "not_a_zip.xlsx": lambda _: b"id;actor_type\nA1;borger\n",
    "empty.xlsx": lambda _: b"",
    "truncated.xlsx": _truncated,
    "bad_xml.xlsx": _bad_xml,
    "far_cell.xlsx": _far_cell,
    "duplicate_header.xlsx": _duplicate_header,
    "deep.json": lambda _: ("[" * 1000 + "]" * 1000).encode(),
    "big_int.json": lambda _: (
        '[{"id": "A1", "actor_type": "borger", "motivation": ' + "9" * 5000 + "}]"
    ).encode(),
    "duplicate_key.json": lambda _: b'[{"id": "A1", "id": "A2", "actor_type": "borger"}]',
    "row_too_long.csv": lambda _: (HEADER + "A1;borger;extra\n").encode(),
    "mixed_encodings.csv": lambda _: (
        HEADER.encode() + "A1;borger Ærø\n".encode() + "A2;borger Ærø\n".encode("cp1252")
    ),
    "lookalike_ids.csv": lambda _: (HEADER + "A1;borger\n\u04101;borger\n").encode(),
    "duplicated_column.csv": lambda _: b"id;actor_type;id\nA1;borger;A2\n",
}


@pytest.mark.parametrize("name", sorted(CANDIDATE_FILES))
def test_hostile_candidate_files_exit_2(tmp_path: Path, capsys: Capsys, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CANDIDATE_FILES[name](tmp_path))
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 2, (name, out, err)
    assert "Traceback" not in err and name in err
    code = main(["validate", str(path), "--format", "json"])
    _, err = capsys.readouterr()
    assert code == 2 and json.loads(err)["error"]["code"]


BRIEFS = {
    "deep.yaml": "theme: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "duplicate.yaml": "theme: a\ntheme: b\n",
    "weight_inf.yaml": "theme: a\nneeds: [{name: x, kind: topic, weight: .inf}]\n",
    "count_huge.yaml": "theme: a\nneeds: [{name: x, kind: topic, count: 1e18}]\n",
    "blank_need.yaml": "theme: a\nneeds: [{name: '   ', kind: topic}]\n",
}


@pytest.mark.parametrize("name", sorted(BRIEFS))
def test_hostile_briefs_exit_2(
    tmp_path: Path, capsys: Capsys, name: str, reference_dir: Path
) -> None:
    path = tmp_path / name
    path.write_text(BRIEFS[name], encoding="utf-8")
    code = main(["validate", str(reference_dir / "candidates.csv"), str(path)])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err and name in err, err


def test_a_folder_and_a_negative_seed_exit_2(
    tmp_path: Path, capsys: Capsys, reference_dir: Path
) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    brief = str(reference_dir / "brief.yaml")
    cands = str(reference_dir / "candidates.csv")
    assert main(["compose", cands, brief, "--seed", "-1"]) == 2
    _, err = capsys.readouterr()
    assert "Traceback" not in err
