"""The command line, run in-process through ``cli.main(argv)``: every command, format and exit code."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

import composer
from composer import Composition, cli

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        code = cli.main([str(a) for a in argv])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ref(reference_dir: Path) -> tuple[Path, Path]:
    return reference_dir / "candidates.csv", reference_dir / "brief.yaml"


@pytest.fixture(scope="module")
def comp_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import REFERENCE

    path = tmp_path_factory.mktemp("comp") / "composition.json"
    code = cli.main(
        [
            "compose",
            str(REFERENCE / "candidates.csv"),
            str(REFERENCE / "brief.yaml"),
            "--output",
            str(path),
        ]
    )
    assert code == 0
    return path


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err


# ------------------------------------------------------------------ parser, help, version
def test_version(capsys: Capsys) -> None:
    assert run(capsys, "--version") == (0, f"composer {composer.__version__}\n", "")


def test_every_argument_has_help() -> None:
    def walk(parser: argparse.ArgumentParser, where: str) -> list[str]:
        missing = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    missing += walk(sub, f"{where} {name}")
                for choice in action._choices_actions:
                    if not choice.help:
                        missing.append(f"{where} {choice.dest}")
            elif not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{where} {action.dest}")
        return missing

    parser = cli.build_parser()
    assert walk(parser, "composer") == []
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == {
        "validate",
        "summary",
        "score",
        "compose",
        "replace",
        "schema",
        "serve",
        "template",
        "thesaurus",
        "demo",
        "lottery",
        "verify",
    }


def test_help_exits_0(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "compose", "--help")
    assert code == 0 and "--format" in out and "standard input" in out


def test_usage_errors_exit_2(capsys: Capsys, ref: tuple[Path, Path]) -> None:
    code, out, err = run(capsys, "compose", *ref, "--seed", "-1", "--lang", "en")
    assert code == 2 and out == ""
    assert "argument --seed: expected a whole number >= 0, got '-1'" in err
    code, _, err = run(capsys, "compose", *ref, "--seed", "two")
    assert code == 2 and "forventede et helt tal >= 0, fik 'two'" in err
    code, _, err = run(capsys, "nonsense")
    assert code == 2 and "ugyldigt valg: 'nonsense'" in err
    code, _, err = run(capsys, "compose", *ref, "--format", "xlsx")
    assert code == 2 and "tilføj --output FIL.xlsx" in err
    code, _, err = run(capsys, "compose", *ref, "--seed", "-1", "--format", "json")
    error = json.loads(err)["error"]
    assert code == 2 and error["code"] == "usage" and "--seed" in error["message"]


# ------------------------------------------------------------------ validate and summary
def test_validate(capsys: Capsys, ref: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, "validate", ref[0])
    assert (code, out) == (0, "OK: 45 kandidater i candidates.csv.\n")
    code, out, _ = run(capsys, "validate", ref[0], "--lang", "en")
    assert (code, out) == (0, "OK: 45 candidates in candidates.csv.\n")
    code, out, _ = run(capsys, "validate", *ref)
    assert code == 0 and "passer til netværksbeskrivelsen (Ensomhed blandt ældre)" in out
    code, out, _ = run(capsys, "validate", *ref, "--format", "json")
    assert json.loads(out) == {
        "ok": True,
        "source": "candidates.csv",
        "candidates": 45,
        "brief": {
            "theme": "Ensomhed blandt ældre",
            "phases": ["afdækning", "idéudvikling", "afprøvning", "forankring"],
        },
    }


def test_bad_input_exit_2_plain_and_json(capsys: Capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,actor_type,motivation\nA,astronaut,3\nB,borger,7\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", bad)
    assert code == 2 and out == ""
    assert "bad.csv, række 2, kolonne 'actor_type': værdien 'astronaut'" in err  # --lang da
    assert "bad.csv, række 3, kolonne 'motivation': værdien '7'" in err
    code, out, err = run(capsys, "validate", bad, "--format", "json")
    error = json.loads(err)["error"]
    assert code == 2 and error["code"] == "bad_input" and out == ""
    assert error["message"].startswith("2 problemer i input:")  # told in the chosen language
    assert [(p["row"], p["column"], p["value"]) for p in error["problems"]] == [
        (2, "actor_type", "astronaut"),
        (3, "motivation", "7"),
    ]


def test_brief_that_does_not_fit_exit_2(
    capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path
) -> None:
    brief = yaml.safe_load(ref[1].read_text(encoding="utf-8"))
    brief["include"] = ["NOBODY"]
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    code, _, err = run(capsys, "validate", ref[0], path)
    assert code == 2 and "kolonne 'include': værdien 'NOBODY'" in err


def test_files_that_cannot_be_read_exit_2(
    capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "validate", tmp_path / "missing.csv")
    assert code == 2 and "missing.csv" in err and "en fil, der findes" in err
    code, _, err = run(capsys, "validate", tmp_path)
    assert code == 2 and err.strip()
    garbage = tmp_path / "damaged.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a workbook")
    code, _, err = run(capsys, "validate", garbage)
    assert code == 2 and "damaged.xlsx" in err
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "validate", binary)
    assert code == 2 and "binary.csv" in err
    # whatever decoding the loaders do, an undecodable file is bad input, not a crash
    from composer.reading import csv_table

    def undecodable(data: bytes, name: str) -> str:
        raise UnicodeDecodeError("cp1252", data, 0, 1, "character maps to <undefined>")

    monkeypatch.setattr(csv_table, "decode_text", undecodable)
    code, _, err = run(capsys, "validate", *ref)
    assert code == 2 and "candidates.csv: teksten kan ikke læses" in err
    for e in (err,):
        _no_traceback(e)


def test_summary(capsys: Capsys, ref: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, "summary", *ref)
    assert code == 0 and out.startswith("# Pulje: 45 kandidater fra candidates.csv")
    code, en, _ = run(capsys, "summary", *ref, "--lang", "en")
    assert code == 0 and en.startswith("# Pool: 45 candidates from candidates.csv")
    assert "pårørende" in out
    code, out, _ = run(capsys, "summary", *ref, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["candidates"] == 45 == sum(data["actor_types"].values())
    assert sum(data["orientation"].values()) == 45
    assert list(data["available"]) == ["afdækning", "idéudvikling", "afprøvning", "forankring"]
    assert data["available_all_phases"] <= min(data["available"].values())


# ------------------------------------------------------------------ score
def test_score_in_every_format(capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "score", *ref)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("| placering | id | navn | kompetence |")
    assert len(lines) == 47 and lines[2].startswith("| 1 |")
    assert "0," in out  # Danish decimal comma
    code, out, _ = run(capsys, "score", *ref, "--lang", "en")
    assert out.startswith("| rank | id | name | competence |")
    code, out, _ = run(capsys, "score", *ref, "--format", "json")
    records = json.loads(out)
    assert len(records) == 45 and [r["rank"] for r in records] == list(range(1, 46))
    totals = [(-r["total"], r["id"]) for r in records]
    assert totals == sorted(totals)  # ranked by total, ties by id
    assert isinstance(records[0]["reasons"], list) and 0 <= records[0]["total"] <= 1
    code, out, _ = run(capsys, "score", *ref, "--format", "csv", "--lang", "en")
    frame = pd.read_csv(io.StringIO(out), index_col="id")
    assert len(frame) == 45 and frame["reasons"].str.contains("Motivation").all()
    assert "Takes part as" in out
    code, out, _ = run(capsys, "score", *ref, "--format", "csv")
    assert out.startswith("placering;id;navn;") and ";0," in out
    code, out, _ = run(capsys, "score", *ref, "--format", "html")
    assert out.startswith("<!DOCTYPE html>") and "<h1>Vurdering af kandidaterne</h1>" in out
    xlsx = tmp_path / "scores.xlsx"
    assert run(capsys, "score", *ref, "--output", xlsx)[0] == 0
    back = pd.read_excel(xlsx, sheet_name=None)
    assert (
        list(back) == ["Vurdering af kandidaterne"] and len(back["Vurdering af kandidaterne"]) == 45
    )


# ------------------------------------------------------------------ compose
def test_compose_markdown_and_language(capsys: Capsys, ref: tuple[Path, Path]) -> None:
    code, out, err = run(capsys, "compose", *ref)
    assert code == 0 and err == ""
    assert out.startswith("# Netværkssammensætning: Ensomhed blandt ældre")
    code, out, _ = run(capsys, "compose", *ref, "--lang", "en")
    assert code == 0 and out.startswith("# Network composition: Ensomhed blandt ældre")


def test_compose_json_validates_against_the_schema_and_loads_back(
    capsys: Capsys, ref: tuple[Path, Path]
) -> None:
    import jsonschema

    code, out, _ = run(capsys, "compose", *ref, "--format", "json", "--seed", "3")
    assert code == 0
    _, schema, _ = run(capsys, "schema", "composition")
    jsonschema.validate(json.loads(out), json.loads(schema))
    comp = Composition.model_validate_json(out)
    assert comp.model_dump_json(indent=2) == out.rstrip("\n")
    assert comp == composer.compose(*ref_objects(ref), seed=3)
    assert (
        run(capsys, "compose", *ref, "--json")[1]
        == run(capsys, "compose", *ref, "--format", "json")[1]
    )


def ref_objects(ref: tuple[Path, Path]) -> tuple[Any, Any]:
    return composer.load_candidates(ref[0]), composer.load_brief(ref[1])


def test_compose_csv_html_xlsx(capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path) -> None:
    comp = composer.compose(*ref_objects(ref))
    code, out, _ = run(capsys, "compose", *ref, "--format", "csv")
    frame = pd.read_csv(io.StringIO(out), sep=";", index_col="id", keep_default_na=False)
    assert code == 0 and frame.index.tolist() == [m.id for m in comp.members]
    assert frame.loc["A01", "faser"].split("; ") == comp.member("A01").phases
    html_file = tmp_path / "netværk.html"
    assert run(capsys, "compose", *ref, "-o", html_file) == (0, "", "")  # format from suffix
    page = html_file.read_text(encoding="utf-8")
    assert "<h2>Kernedeltagere (med i alle faser)</h2>" in page and "Ældre og Sundhed" in page
    xlsx = tmp_path / "netværk.xlsx"
    assert (
        run(capsys, "compose", *ref, "--format", "xlsx", "--output", xlsx, "--lang", "en")[0] == 0
    )
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert sheets.pop("composer") is not None  # the hidden sheet replace reads back
    assert list(sheets) == [
        "Summary",
        "Core",
        "Phase participants",
        "Meeting plan",
        "Needs and coverage",
        "Gaps",
        "Quotas",
    ]
    assert sheets["Core"]["id"].tolist() == [m.id for m in comp.core]
    csv_file = tmp_path / "netværk.csv"
    assert run(capsys, "compose", *ref, "--output", csv_file)[0] == 0
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbfid;navn")  # BOM: Excel shows æøå


def test_formulas_are_neutralised(capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path) -> None:
    frame = pd.read_csv(ref[0], dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "A01", "name"] = '=HYPERLINK("http://x")'
    frame.loc[frame["id"] == "A01", "organisation"] = "@SUM(1+1)"
    path = tmp_path / "kandidater.csv"
    frame.to_csv(path, index=False)
    code, out, _ = run(capsys, "compose", path, ref[1], "--format", "csv")
    assert code == 0 and '"\'=HYPERLINK(""http://x"")"' in out and "'@SUM(1+1)" in out
    xlsx = tmp_path / "out.xlsx"
    assert run(capsys, "compose", path, ref[1], "-o", xlsx)[0] == 0
    import openpyxl

    ws = openpyxl.load_workbook(xlsx)["Kernedeltagere"]
    names = [c.value for c in ws["B"]]
    assert '\'=HYPERLINK("http://x")' in names
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    code, out, _ = run(capsys, "compose", path, ref[1], "--format", "html")
    assert "=HYPERLINK(&quot;http://x&quot;)" in out and '"http://x"' not in out


def test_impossible_brief_exit_3(capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path) -> None:
    brief = yaml.safe_load(ref[1].read_text(encoding="utf-8"))
    brief["quotas"].append({"column": "actor_type", "value": "politiker", "min": 5})
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    code, out, err = run(capsys, "compose", ref[0], path)
    assert code == 3 and out == "" and err.startswith("The request cannot be met:")
    code, out, err = run(capsys, "compose", ref[0], path, "--format", "json")
    error = json.loads(err)["error"]
    assert code == 3 and error["code"] == "infeasible" and error["problems"]
    assert all("reason" in p for p in error["problems"]) and "relaxations" in error
    # each reason also as its sentence's code and parameters (infeasible.<message>), in
    # the brief's language (Danish here)
    from composer.messages import say

    for p in error["problems"]:
        assert p["text"] == p["reason"] == say(f"infeasible.{p['message']}", "da", **p["params"])


def test_json_problems_add_their_sentence_code_params_and_text(
    capsys: Capsys, tmp_path: Path
) -> None:
    """Each problem of the JSON error keeps its English ``expected`` and adds the
    sentence's code, its parameters and the sentence in the chosen language."""
    from composer.messages import problem_text

    bad = tmp_path / "bad.csv"
    bad.write_text("id,actor_type,motivation\nA,astronaut,3\nB,borger,7\n", encoding="utf-8")
    told = {}
    for lang in ("da", "en"):
        code, _, err = run(capsys, "validate", bad, "--format", "json", "--lang", lang)
        assert code == 2
        told[lang] = json.loads(err)["error"]["problems"]
        for p in told[lang]:
            assert {"source", "row", "column", "value", "expected", "code"} <= set(p)
            assert p["text"] == problem_text(p["message"], lang, p["params"])
    da, en = told["da"], told["en"]
    assert [p["expected"] for p in da] == [p["expected"] for p in en] == [p["text"] for p in en]
    assert all(d["text"] != e["text"] for d, e in zip(da, en, strict=True))
    assert [p["message"] for p in da] == [p["message"] for p in en] and da[0]["params"]


# ------------------------------------------------------------------ replace
def test_replace(capsys: Capsys, ref: tuple[Path, Path], comp_json: Path) -> None:
    comp = Composition.model_validate_json(comp_json.read_text(encoding="utf-8"))
    leaving = comp.core[1].id
    code, out, _ = run(capsys, "replace", comp_json, leaving, *ref, "--format", "json")
    new = Composition.model_validate_json(out)
    assert code == 0 and leaving not in {m.id for m in new.members}
    assert f"{leaving}) meldte fra" in new.changes[0]  # named: name (unit, id)
    code, out, _ = run(capsys, "replace", "-", leaving, *ref, stdin=comp_json.read_bytes())
    assert code == 0 and "meldte fra" in out


def test_replace_unknown_member_exit_2(
    capsys: Capsys, ref: tuple[Path, Path], comp_json: Path
) -> None:
    code, out, err = run(capsys, "replace", comp_json, "ZZZ", *ref)
    assert code == 2 and out == ""
    assert "composition.json: værdien 'ZZZ'" in err and "id på en deltager i sammensætningen" in err
    assert "kolonne" not in err  # a member is not a column
    code, _, err = run(capsys, "replace", comp_json, "ZZZ", *ref, "--format", "json")
    assert code == 2 and json.loads(err)["error"]["problems"][0]["value"] == "ZZZ"
    _no_traceback(err)


def test_replace_bad_composition_exit_2(
    capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path
) -> None:
    path = tmp_path / "comp.json"
    path.write_text('{"theme": "x"}', encoding="utf-8")
    code, _, err = run(capsys, "replace", path, "A01", *ref)
    assert code == 2 and "comp.json, kolonne 'core'" in err


# ------------------------------------------------------------------ standard input
def test_candidates_and_brief_from_standard_input(capsys: Capsys, ref: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, "validate", "-", ref[1], stdin=ref[0].read_bytes())
    assert (code, out) == (
        0,
        "OK: 45 kandidater i stdin.csv passer til netværksbeskrivelsen (Ensomhed blandt ældre).\n",
    )
    records = pd.read_csv(ref[0], dtype=str, keep_default_na=False).to_dict(orient="records")
    data = json.dumps(records, ensure_ascii=False).encode("utf-8")
    assert run(capsys, "validate", "-", ref[1], stdin=data)[1].startswith(
        "OK: 45 kandidater i stdin.json"
    )
    code, out, _ = run(capsys, "compose", ref[0], "-", stdin=ref[1].read_bytes())
    assert code == 0 and out.startswith("# Netværkssammensætning: Ensomhed blandt ældre")
    code, _, err = run(capsys, "compose", "-", "-", stdin=b"")
    assert code == 2 and "kun ét input kan komme fra standard input" in err


def test_bad_candidates_on_stdin_name_the_row(capsys: Capsys) -> None:
    code, _, err = run(
        capsys, "validate", "-", stdin="id;actor_type\nA;borger\nB;rumvæsen\n".encode()
    )
    assert code == 2 and "stdin.csv, række 3, kolonne 'actor_type': værdien 'rumvæsen'" in err


# ------------------------------------------------------------------ schema and demo
def test_schema(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "schema", "brief")
    schema = json.loads(out)
    assert code == 0 and schema["additionalProperties"] is False
    assert schema["properties"]["theme"]["description"]
    code, out, _ = run(capsys, "schema", "candidates")
    cand = json.loads(out)
    assert cand["required"] == ["id", "actor_type"] and "attributes" not in cand["properties"]
    assert json.loads(run(capsys, "schema", "composition")[1])["title"] == "Composition"


def test_candidate_schema_accepts_what_the_loader_reads() -> None:
    import jsonschema

    schema = __import__("composer.schemas").schemas.candidate_schema()
    record = {
        "id": "A1",
        "name": "Åse Ørum",
        "actor_type": "citizen",
        "professional_competences": ["demens", "pårørende"],
        "motivation": 4,
        "phases": None,
        "manager_approval": True,
        "gender": "kvinde",
    }
    jsonschema.validate(record, schema)
    assert composer.load_candidates([record])["A1"].attributes == {"gender": "kvinde"}
    with pytest.raises(jsonschema.ValidationError, match="6 is greater than the maximum of 5"):
        jsonschema.validate(record | {"motivation": 6}, schema)
    with pytest.raises(jsonschema.ValidationError, match="'astronaut' is not one of"):
        jsonschema.validate(record | {"actor_type": "astronaut"}, schema)


def test_demo(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "demo", "--lang", "en")
    assert code == 0 and out.startswith("# Pool: ") and "# Network composition:" in out


# ------------------------------------------------------------------ never a traceback
def test_unexpected_error_is_one_line_exit_1(
    capsys: Capsys, ref: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from composer import planner

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(planner, "compose", boom)
    code, out, err = run(capsys, "compose", *ref)
    assert code == 1 and out == ""
    assert err == "composer: uventet fejl (RuntimeError: something broke); meld den venligst\n"


def test_missing_openpyxl_exit_2(
    capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    code, _, err = run(capsys, "compose", *ref, "-o", tmp_path / "x.xlsx", "--format", "json")
    assert code == 0  # --format wins over the suffix
    code, _, err = run(capsys, "compose", *ref, "-o", tmp_path / "x.xlsx")
    assert code == 2 and "pip install 'netvaerk-composer[excel]'" in err


def test_broken_pipe_is_quiet(
    capsys: Capsys, ref: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert cli.main(["validate", str(ref[0])]) == 0
    assert capsys.readouterr().err == ""


def test_broken_pipe_under_head(tmp_path: Path) -> None:
    from composer.datasets import synthetic_brief, synthetic_frame

    # 300 rows write about 120 KB, twice what a pipe holds: the writer meets the closed end
    synthetic_frame(300, seed=1).to_csv(tmp_path / "pool.csv", index=False)
    (tmp_path / "brief.yaml").write_text(
        yaml.safe_dump(synthetic_brief().model_dump(mode="json"), allow_unicode=True),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "composer", "score", "pool.csv", "brief.yaml", "--format", "csv"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait() == 0
    assert first.startswith(b"placering;id;navn;kompetence") and err == ""


def test_a_problem_on_many_rows_is_one_line(
    capsys: Capsys, ref: tuple[Path, Path], tmp_path: Path
) -> None:
    brief = yaml.safe_load(ref[1].read_text(encoding="utf-8"))
    for key in ("phases", "phase_participants"):
        brief.pop(key, None)
    for need in brief.get("needs", []):
        need.pop("phases", None)
    brief["quotas"] = [q for q in brief.get("quotas", []) if q.get("scope") in (None, "core")]
    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    code, _, err = run(capsys, "validate", ref[0], path, "--lang", "en")
    lines = err.splitlines()
    phases = [line for line in lines if "column 'phases'" in line]
    assert code == 2 and len(phases) == 1 and " times, e.g. " in phases[0]
    code, _, err = run(capsys, "validate", ref[0], path, "--format", "json")
    assert len(json.loads(err)["error"]["problems"]) > 3  # every problem stays in the data


def test_swapped_arguments_are_recognised(capsys: Capsys, ref: tuple[Path, Path]) -> None:
    code, _, err = run(capsys, "compose", ref[1], ref[0], "--lang", "en")
    assert code == 2 and "the candidates first, then the brief" in err
