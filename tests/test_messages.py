"""The one table of sentences: both languages, the same parameters, right plurals, and no
sentence chosen by language anywhere else."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from composer import compose, load_brief, load_candidates
from composer.messages import COLUMNS, MESSAGES, WORDS, count, say

SRC = Path(__file__).resolve().parents[1] / "src" / "composer"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_sentence_in_both_languages_with_the_same_parameters(code: str) -> None:
    entry = MESSAGES[code]
    assert set(entry) == {"da", "en"}
    assert _fields(entry["da"]) == _fields(entry["en"]), code


def test_word_tables_have_both_languages() -> None:
    for table in (WORDS, COLUMNS):
        for key, entry in table.items():
            assert set(entry) == {"da", "en"}, key
    for key, entry in COLUMNS.items():
        assert len(entry["da"]) == len(entry["en"]), key


@pytest.mark.parametrize(
    ("n", "word", "lang", "expected"),
    [
        (0, "gap", "da", "0 huller"),
        (1, "gap", "da", "1 hul"),
        (2, "gap", "da", "2 huller"),
        (1, "gap", "en", "1 gap"),
        (2, "gap", "en", "2 gaps"),
        (1, "core_member", "da", "1 kernedeltager"),
        (7, "core_member", "da", "7 kernedeltagere"),
        (164.5, "person_hour", "da", "164,5 persontimer"),
        (1, "unit", "en", "1 unit"),
    ],
)
def test_singular_plural_and_decimal_comma(n: float, word: str, lang: str, expected: str) -> None:
    assert count(n, word, lang) == expected


def test_unknown_language_falls_back_to_danish() -> None:
    assert say("report.title", "xx") == say("report.title", "da")


def test_no_module_chooses_a_sentence_by_language() -> None:
    """Outside messages.py no code compares the language with "da" to pick a sentence;
    label methods of the contract's vocabularies (``ActorType.label``, ``Orientation.label``) and
    the decimal comma (``text.number``) are the only comparisons allowed, with the cached
    dictionary's check that simplemma asks for the Danish one (no sentence there)."""
    allowed = {
        ("vocabulary.py", "label"),
        ("text.py", "number"),
        ("resources.py", "get_dictionary"),
    }
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.parent.name == "messages":  # the table itself
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if (
                    isinstance(node, ast.Compare)
                    and any(
                        isinstance(c, ast.Constant) and c.value == "da" for c in node.comparators
                    )
                    and (path.name, func.name) not in allowed
                ):
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} ({func.name})")
    assert found == []


def test_danish_report_has_no_english_keys(reference_dir: Path) -> None:
    comp = compose(
        load_candidates(reference_dir / "candidates.csv"), load_brief(reference_dir / "brief.yaml")
    )
    text = comp.explain()
    for key in ("professional", "network", "actor_type=", "per_phase_max", "total_max",
                "exact", "heuristic", "include", " core", "phase participant"):  # fmt: skip
        assert key not in text, key
    assert "kernedeltagere" in text and "persontimer" in text


def test_both_languages_take_the_same_parameters() -> None:
    """A sentence's Danish and English texts are filled from the same parameters."""
    import string

    from composer.messages import MESSAGES

    def names(text: str) -> set[str]:
        return {n for _, n, _, _ in string.Formatter().parse(text) if n}

    differ = {k: (names(v["da"]), names(v["en"])) for k, v in MESSAGES.items()}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}
