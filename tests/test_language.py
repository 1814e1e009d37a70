"""Danish from end to end (issue 19): every text of the table rendered in both languages,
and every command's output in both languages, without English words in Danish output,
without Danish words in English output, and with a plural for every counted word."""

from __future__ import annotations

import re
import string
from pathlib import Path

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
    quoted = r"`[^`]*`|'[^'\n]*'|--[\w-]+|\{[^}]*\}|[\w.-]+\.(?:csv|xlsx|yaml|json|md)"
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
