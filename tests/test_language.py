"""Danish from end to end (issue 19): every text of the table rendered in both languages,
and every command's output in both languages, without English words in Danish output,
without Danish words in English output, and with a plural for every counted word."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest

from composer import cli
from composer.messages import (
    COLUMNS,
    EXPORT_WORDS,
    HEADERS,
    KIND_LABELS,
    KIND_WORDS,
    MESSAGES,
    PLOT_TEXT,
    ROLES,
    SHEETS,
    WORDS,
    count,
    say,
)
from composer.messages.cli import CLI_MESSAGES

#: English words that must not stand in a Danish text (words of our own sentences;
#: "co-driver" is the leaflet's Danish word, ids, file names and keys are not words here).
ENGLISH = {
    "the", "and", "of", "with", "from", "in", "is", "are", "not", "no", "yes",
    "brief", "briefs", "candidate", "candidates", "core", "phase", "phases", "meeting",
    "meetings", "need", "needs", "hours", "hour", "gap", "gaps", "quota", "quotas",
    "pool", "summary", "score", "scores", "error", "expected", "value", "row", "column",
    "covers", "network", "participant", "participants", "member", "members", "total",
    "none", "all", "available", "approval", "manager", "fit", "point", "points",
    "orientation", "actor", "inside", "outside", "across", "reasons", "advice",
    "or", "least", "most", "should", "must", "but", "each", "every", "only", "number",
    "text", "list", "empty", "found", "limit", "key", "keys", "cell", "cells", "sheet",
}  # fmt: skip
#: Danish words of our own sentences that must not stand in an English text.
DANISH = {
    "og", "ikke", "kandidater", "kandidat", "kernedeltager", "kernedeltagere", "inddrages",
    "netværksbeskrivelsen", "netværksbeskrivelse", "persontimer", "huller", "hul",
    "dækningsmål", "kvoter", "personalelederen", "møder", "faser", "pulje", "deltagere",
    "timer", "antal", "rolle", "aktørtype", "perspektiv", "grunde",
}  # fmt: skip
#: Words composer leaves as they are in both languages (keys of commands and formats).
KEEP = {"json", "csv", "xlsx", "html", "markdown", "yaml", "ok", "id", "co-driver",
        "co-drivere", "schema", "auto", "exact", "heuristic", "greedy", "file", "stdin", "utf-8", "milp",
        "validate", "summary", "score", "compose", "replace", "demo"}  # command names  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def _words(text: str) -> set[str]:
    quoted = r"`[^`]*`|'[^'\n]*'|»[^«]*«|--[\w-]+|\{[^}]*\}|[\w.-]+\.(?:csv|xlsx|yaml|json|md)"
    text = re.sub(quoted, " ", text)  # names, keys, values and files are data, not words
    return {w.casefold() for w in _WORD.findall(text)}


def _strange(text: str, language: str) -> set[str]:
    other = ENGLISH if language == "da" else DANISH
    return (_words(text) & other) - KEEP


def _filled(template: str) -> str:
    names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
    return template.format(**dict.fromkeys(names, "7"))


def _every_text(language: str) -> dict[str, str]:
    out = {f"message {code}": _filled(entry[language]) for code, entry in MESSAGES.items()}
    out |= {f"word {w}": " ".join(forms[language]) for w, forms in WORDS.items()}
    for name, table in (("sheet", SHEETS), ("header", HEADERS), ("plot", PLOT_TEXT)):
        out |= {f"{name} {k}": _filled(str(v)) for k, v in table[language].items()}
    out |= {f"value {k}": v for k, v in EXPORT_WORDS[language].items()}
    out |= {f"columns {k}": " ".join(v[language]) for k, v in COLUMNS.items()}
    for name, table2 in (("role", ROLES), ("kind", KIND_LABELS), ("kind words", KIND_WORDS)):
        out |= {f"{name} {k}": v[language] for k, v in table2.items()}
    return out


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_text_of_the_table_reads_in_its_language(language: str) -> None:
    texts = _every_text(language)
    assert len(texts) > 250
    bad = {where: _strange(text, language) for where, text in texts.items()}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_checks_can_fail() -> None:
    assert _strange("3 candidates in the pool", "da") == {"candidates", "in", "the", "pool"}
    assert _strange("3 kandidater og 2 huller", "en") == {"kandidater", "og", "huller"}
    assert _strange("se `core.min` i --lang og brief.yaml", "da") == set()


def test_every_counted_word_has_a_plural_and_both_languages() -> None:
    for word, forms in WORDS.items():
        assert set(forms) == {"da", "en"}, word
        for language, (one, many) in forms.items():
            assert one and many, word
            assert count(1, word, language).endswith(" " + one)
            assert count(2, word, language).endswith(" " + many)
        assert forms["en"][0] != forms["en"][1], word  # English always changes


def test_the_message_table_is_one_table() -> None:
    """The parts (messages/cli.py) define each code once and are all in MESSAGES."""
    from composer.messages import __file__ as init

    text = Path(init).read_text(encoding="utf-8")
    own = set(re.findall(r'^    "([\w.]+)": \{', text, flags=re.M))
    assert not own & set(CLI_MESSAGES), own & set(CLI_MESSAGES)
    assert set(CLI_MESSAGES) <= set(MESSAGES)
    assert (
        say("cli.valid", "da", candidates="1 kandidat", source="x.csv") == "OK: 1 kandidat i x.csv."
    )


# ----------------------------------------------------------------- every command's output
@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """What every command writes (standard output and error) in both languages."""
    import contextlib
    import io

    from tests.conftest import REFERENCE

    folder = tmp_path_factory.mktemp("language")
    cands, brief = str(REFERENCE / "candidates.csv"), str(REFERENCE / "brief.yaml")
    comp = folder / "netværk.json"
    assert cli.main(["compose", cands, brief, "-o", str(comp), "--quiet"]) == 0
    commands = {
        "validate": ["validate", cands, brief],
        "summary": ["summary", cands, brief],
        "score": ["score", cands, brief],
        "compose": ["compose", cands, brief],
        "replace": ["replace", str(comp), "A01", cands, brief],
        "demo": ["demo"],
        "template": ["template", str(folder / "kandidater.xlsx")],
        "help": ["--help"],
        "compose help": ["compose", "--help"],
        "usage error": ["compose", cands, brief, "--seed", "x"],
        "swapped": ["compose", brief, cands],
        "missing member": ["replace", str(comp), "ZZZ", cands, brief],
    }
    out = {}
    for language in ("da", "en"):
        for name, argv in commands.items():
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                cli.main([*argv, "--lang", language, "--quiet"] if name != "help" else
                         ["--lang", language, *argv])  # fmt: skip
            out[(name, language)] = stdout.getvalue() + stderr.getvalue()
    return out


COMMANDS = ["validate", "summary", "score", "compose", "replace", "demo", "template", "help",
            "compose help", "usage error", "swapped", "missing member"]  # fmt: skip


def _data_words() -> set[str]:
    """Words of the input itself (names, units, phases, needs): not ours to translate."""
    from tests.conftest import REFERENCE

    files = [REFERENCE / "candidates.csv", REFERENCE / "brief.yaml"]
    from composer.datasets import sample_path

    files += [sample_path("klimatilpasning") / n for n in ("candidates.csv", "brief.yaml")]
    return set().union(*(_words(f.read_text(encoding="utf-8")) for f in files))


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_speaks_one_language(
    outputs: dict[tuple[str, str], str], command: str, language: str
) -> None:
    text = outputs[(command, language)]
    assert text.strip()
    assert _strange(text, language) - _data_words() == set(), command
    assert outputs[(command, "da")] != outputs[(command, "en")]


def test_pydantic_messages_of_a_brief_are_translated() -> None:
    """Every pydantic error a brief can raise is told from the table, in both languages."""
    from composer import InputError, load_brief
    from composer.files import summarise_problems

    bad = [{"theme": ""}, {}, {"theme": "x", "meetings": {"count": 0, "hours": -1}},
           {"theme": "x", "meetings": {"count": "fem"}}, {"theme": "x", "resilience": "måske"},
           {"theme": "x", "nope": 1}, {"theme": "x", "needs": [{"name": "a", "kind": "w"}]},
           {"theme": "x", "needs": "a"}, {"theme": "x", "meetings": {"count": 2.5}},
           {"theme": "x", "period_months": "a"}, {"theme": "x", "reach": {"by": "x"}},
           {"theme": 5}, {"theme": "x", "meetings": {"count": 100}}]  # fmt: skip
    codes = set()
    for brief in bad:
        with pytest.raises(InputError) as info:
            load_brief(brief)
        problems = info.value.problems
        codes |= {p.code for p in problems}
        # pydantic's checks, and the brief's own check that a count is written as a number
        assert all(p.code.startswith("pydantic_") or p.code == "not_a_number" for p in problems)
        for language in ("da", "en"):
            text = summarise_problems(problems, language)
            assert "Input should" not in text and "Field required" not in text
            body = text.split(":", 1)[1]  # what follows "N problemer i input:"
            keys = {"brief"}  # the source "<brief>"
            assert _strange(body, language) - keys == set(), text
    assert len(codes) >= 10


# ------------------------------------------------------------ errors of the input, told
def _input_errors(tmp: Path) -> dict[str, list[Any]]:
    """The problems of many kinds of bad input: files that cannot be read, tables with bad
    rows and headers, size limits, briefs that break their own rules, candidates and a
    brief that do not fit together."""
    from composer import InputError, load_brief, load_candidates, validate
    from composer.reading import Limits

    good = "id;actor_type;motivation\nA1;borger;4\nB2;forsker;3\n"
    brief = {"theme": "x", "meetings": {"count": 4, "hours": 3},
             "phases": [{"name": "a", "meetings": [1, 2]}, {"name": "b", "meetings": [3, 4]}]}  # fmt: skip
    files = {
        "values.csv": "id;actor_type;motivation;hours_available;can_present;knows\n"
        "A;astronaut;7;-1;måske;A\n;borger;;;;ZZ\nB;borger;;;;\nB;borger;;;;\nА;borger;;;;\n",
        "header.csv": "id;navn;Navn;Leders godkendelse\nA;x;y;ja\n",
        "noactor.csv": "id;motivation\nA;3\n",
        "long.csv": "id;actor_type\nA;borger;x;y\n",
        "empty.csv": "",
        "quotes.csv": 'id;actor_type\n"A;borger\n',
        "nul.csv": "id;actor_type\nA\x00;borger\n",
        "unnamed.csv": "id;actor_type;\nA;borger;x\n",
        "control.csv": "id;actor_type\nA\x07;borger\n",
        "comp.csv": "id;role;reasons;name\nA;core;x;y\n",
        "ok.csv": good,
        "old.xls": good,
        "brief.yaml": "theme: x\ntheme: y\n",
        "broken.yaml": "theme: [x\n",
        "nan.json": '[{"id": "A", "actor_type": "borger", "motivation": NaN}]',
        "bad.json": '[{"id": "A",}]',
        "top.json": '{"candidates": [], "other": 1}',
        "deep.json": "[" * 40 + "]" * 40,
    }
    (tmp / "mappe").mkdir()
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
    pool = load_candidates(tmp / "ok.csv")
    attempts: dict[str, Any] = {n: (load_candidates, tmp / n) for n in files if n != "ok.csv"}
    attempts |= {
        "brief.yaml": (load_brief, tmp / "brief.yaml"),
        "broken.yaml": (load_brief, tmp / "broken.yaml"),
        "missing": (load_candidates, tmp / "missing.csv"),
        "folder": (load_candidates, tmp / "mappe"),
        "suffix": (load_candidates, tmp / "brief.yaml"),
        "records": (load_candidates, [{"id": "A", "actor_type": {"x": 1}}, 5]),
        "columns": (lambda p: load_candidates(p, limits=Limits(max_columns=2)), tmp / "values.csv"),
        "bytes": (lambda p: load_candidates(p, limits=Limits(max_file_bytes=5)), tmp / "ok.csv"),
        "rules": (load_brief, {**brief, "phases": [{"name": "a", "meetings": [1, 2, 7]},
                  {"name": "a", "meetings": [2]}], "needs": [{"name": "n", "kind": "topic",
                  "phases": ["c"]}, {"name": "n", "kind": "topic"}],
                  "quotas": [{"column": "gender", "value": "m", "min": 3, "max": 1, "scope": "d"},
                  {"column": "orientation", "value": "inside", "min": 2},
                  {"column": "orientation", "value": "Inside", "max": 1}],
                  "core": {"min": 5, "max": 2}, "include": ["A"], "exclude": ["A", "B"],
                  "co_drivers": ["B", "C", "D"], "weights": {"competence": -1}}),
        "weights": (load_brief, {**brief, "weights": {"competence": 0}}),
        "actor types": (load_brief, {**brief, "core": {"actor_types": ["astronaut"]}}),
        "not a mapping": (load_brief, ["x"]),
        "fit": (lambda b: validate(pool, load_brief(b)), {**brief, "include": ["Z"],
                "needs": [{"name": "n", "kind": "topic", "count": 9}],
                "quotas": [{"column": "nope", "value": "x", "min": 1},
                           {"column": "actor_type", "value": "astronaut", "min": 1},
                           {"column": "orientation", "value": "up", "min": 1},
                           {"column": "can_present", "value": "måske", "min": 1}]}),
    }  # fmt: skip
    out = {}
    for name, (fn, arg) in attempts.items():
        with pytest.raises(InputError) as info:
            fn(arg)
        out[name] = info.value.problems
    return out


def test_input_errors_are_told_in_both_languages(tmp_path: Path) -> None:
    """Every problem the readers, the loaders, the brief's checks and validate raise has a
    sentence in the table, and reads in Danish without an English word (and back)."""
    from composer.files import _told, summarise_problems

    errors = _input_errors(tmp_path)
    messages = {p.message for ps in errors.values() for p in ps}
    assert len(messages) >= 39, sorted(messages)
    for name, problems in errors.items():
        assert all(_told(p) for p in problems), (name, [p for p in problems if not _told(p)])
        for language in ("da", "en"):
            text = summarise_problems(problems, language)
            body = text.split(":", 1)[1]
            strange = _strange(body, language) - {"brief", "records", "input"}
            assert strange == set(), (name, language, text)
        assert summarise_problems(problems, "da") != summarise_problems(problems, "en")


def test_the_input_check_can_fail() -> None:
    """A problem written in English only is caught: not told, and English in Danish."""
    from composer.errors import Problem
    from composer.files import _told, summarise_problems

    p = Problem("k.csv", 2, "id", "x", "a value the table does not know")
    assert not _told(p)
    assert _strange(summarise_problems([p], "da").split(":", 1)[1], "da")


# ------------------------------------- errors of a thesaurus, a lottery, replace, the web
def _other_errors(tmp: Path) -> dict[str, list[Any]]:
    """The problems of a user's thesaurus file, a published lottery table and its draw,
    the lottery's arguments, a stale composition given to replace, and requests to the
    web page and API that the server refuses itself."""
    from fastapi.testclient import TestClient

    from composer import InputError, compose, lottery, replace, verify_draw
    from composer.datasets import load_sample
    from composer.loaders import pydantic_problem
    from composer.models import NetworkBrief
    from composer.reading import Limits
    from composer.thesaurus import Thesaurus
    from composer.web import create_app
    from composer.web.api import check_replace
    from composer.web.app import _problem, _too_large
    from composer.web.downloads import download
    from composer.web.inputs import Payload

    (tmp / "tesaurus.yaml").write_text("concepts: [x\n", encoding="utf-8")
    table = {"phases": ["forløb"], "groups": [["A"], ["B"]], "rows": [
        {"probability": 500000, "seats": [[0, "core", 1]]},
        {"probability": 500000, "seats": [[1, "core", 1]]}]}  # fmt: skip
    drawn = verify_draw(table, 7).model_dump(mode="json")
    pool, brief = load_sample("klimatilpasning")
    comp = compose(pool, brief, dropouts=False)
    first, second = comp.core[0].id, comp.core[1].id
    changed = NetworkBrief.model_validate({**brief.model_dump(), "exclude": [second]})
    fewer = [r | {"knows": ""} for r in pool.to_records() if r["id"] != second]
    request = Payload(Limits(), fields={"lang": "fr", "method": "x", "n": 0, "candidates": None})
    attempts: dict[str, Any] = {
        "thesaurus": lambda: Thesaurus.from_mapping({"concepts": 5}),
        "concepts": lambda: Thesaurus.from_mapping(
            {"concepts": {"a": 5, "b": {"broader": ["zz"]}},
             "outside": {"x": 5, "y": {"words": ["ord"], "inside": ["qq"]}}}),
        "outside": lambda: Thesaurus.from_mapping({"concepts": {}, "outside": 5}),
        "thesaurus file": lambda: Thesaurus.load(tmp / "tesaurus.yaml"),
        "table": lambda: verify_draw({"phases": 5, "rows": [{"seats": 1}]}, 1),
        "sums": lambda: verify_draw({"table": {**table, "rows": [{"probability": 5, "seats":
                                     [[7, "core", 1]]}]}, "hash": "abc"}, 1),
        "json": lambda: verify_draw("{nej", 1),
        "drawn": lambda: verify_draw({"table": table, "drawn": drawn | {"row": 1 - drawn["row"],
                                      "core": ["A", "B"]}}, 7),
        "lottery": lambda: lottery(pool, brief, epsilon=-1, hours_slack=-2),
        "stale": lambda: replace(comp, first, pool, changed),
        "gone": lambda: replace(comp, first, fewer, brief),
        "unknown member": lambda: replace(comp, "ZZZ", pool, brief),
        "lang": request.language, "method": request.method, "n": request.count,
        "candidates": request.candidates, "brief": request.brief,
        "composition": request.composition, "text": lambda: request.text("member"),
        "composition fields": lambda: Payload(Limits(), fields={"composition": {"x": 1}})
        .composition(),
        "member": lambda: check_replace(comp, "ZZZ", ["A"]),
        "format": lambda: download(comp, "docx"),
        "size": lambda: (_ for _ in ()).throw(_too_large(2_000_000, 1_000_000)),
        "token": lambda: (_ for _ in ()).throw(_problem("unauthorized", "request_token")),
        "needs": lambda: Payload(Limits(), fields={"brief": {"theme": "x", "needs": [
            {"name": f"n{i}", "kind": "topic"} for i in range(501)]}}).brief(),
        "other pydantic": lambda: (_ for _ in ()).throw(InputError([pydantic_problem(
            "<request>", {"type": "new", "loc": ("x",), "msg": "New", "input": 1}, "x", fallback)
            for fallback in ("request_field", "lottery_table")])),
    }  # fmt: skip
    out = {}
    for name, fn in attempts.items():
        with pytest.raises(InputError) as info:
            fn()
        out[name] = info.value.problems
    client = TestClient(create_app())
    for name, answer in {
        "not found": client.get("/api/nope"),
        "method": client.get("/api/compose"),
        "page json": client.post("/kandidater", data={"pool": "{nej"}),
        "body": client.post("/api/compose", content=b" ", headers={"content-type": "application/json"}),
        "object": client.post("/api/compose", json=[1]),
    }.items():  # fmt: skip
        assert answer.status_code >= 400, name
        out[f"http {name}"] = answer.json()["error"]["problems"]
    return out


def test_other_errors_are_told_in_both_languages(tmp_path: Path) -> None:
    """Every problem of a thesaurus file, a lottery table, replace and the web server has
    a sentence in the table and reads in Danish without an English word (and back)."""
    from composer.errors import Problem
    from composer.files import _told, summarise_problems
    from composer.messages import problem_text

    errors = _other_errors(tmp_path)
    seen = set()
    for name, problems in errors.items():
        if problems and isinstance(problems[0], dict):  # the web's JSON: told in Danish
            for p in problems:
                text = problem_text(p["message"], "da", p["params"])
                assert p["text"] == text and _strange(text, "da") == set(), (name, p)
                seen.add(p["message"])
            continue
        assert all(isinstance(p, Problem) and _told(p) for p in problems), (name, problems)
        seen |= {p.message for p in problems}
        for language in ("da", "en"):
            text = summarise_problems(problems, language)
            body = text.split(":", 1)[1]
            strange = _strange(body, language) - {"input", "brief", "seed", "candidates"}
            assert strange == set(), (name, language, text)
        assert summarise_problems(problems, "da") != summarise_problems(problems, "en")
    assert len(seen) >= 30, sorted(seen)
