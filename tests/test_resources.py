"""simplemma's Danish dictionary is decoded once per machine and read back whole."""

from __future__ import annotations

import marshal
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from composer import resources
from composer.resources import cache_dir, danish_table, simplemma_danish

SMALL = {"huse": "hus", "etiske": "etisk"}


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A small stand-in for simplemma's decoding, counting its calls."""
    calls: list[int] = []

    def fake() -> dict[str, str]:
        calls.append(1)
        return dict(SMALL)

    monkeypatch.setattr(resources, "_decode", fake)
    return calls


def test_the_folder_is_the_users_choice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COMPOSER_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv("COMPOSER_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("COMPOSER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform not in ("win32", "darwin"):
        assert cache_dir() == tmp_path / "composer"
    monkeypatch.delenv("XDG_CACHE_HOME")
    if sys.platform not in ("win32", "darwin"):
        assert cache_dir() == Path.home() / ".cache" / "composer"


def test_decoded_once_then_read(decoded: list[int], tmp_path: Path) -> None:
    first = danish_table(tmp_path)
    assert len(list(tmp_path.iterdir())) == 1 and decoded == [1]
    again = danish_table(tmp_path)
    assert dict(again) == dict(first) == SMALL
    assert decoded == [1]  # the second came from the file
    assert dict(danish_table(None)) == SMALL and decoded == [1, 1]  # no folder: decoded, not kept
    assert len(list(tmp_path.iterdir())) == 1


def test_no_home_folder_keeps_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("COMPOSER_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", nowhere)
    assert cache_dir() is None


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xfb" * 50])
def test_a_broken_cache_is_decoded_again_and_rewritten(
    decoded: list[int], tmp_path: Path, content: bytes
) -> None:
    danish_table(tmp_path)
    (path,) = tmp_path.iterdir()
    path.write_bytes(content)
    assert dict(danish_table(tmp_path)) == SMALL
    assert decoded == [1, 1] and path.read_bytes() != content
    assert danish_table(tmp_path) and decoded == [1, 1]


def test_a_folder_that_cannot_be_written_costs_only_time(
    decoded: list[int], tmp_path: Path
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    assert dict(danish_table(blocked / "cache")) == SMALL
    assert danish_table(blocked / "cache") and decoded == [1, 1]
    assert list(tmp_path.iterdir()) == [blocked]  # no stray temporary file


def test_the_cached_table_answers_as_simplemma() -> None:
    """The lemmatiser on the cached table gives simplemma's own answers."""
    import simplemma

    lemmatise, is_known = simplemma_danish()
    forms = sorted(random.Random(7).sample(sorted(danish_table(cache_dir())), 2000))
    words = [*forms, *(w.capitalize() for w in forms[:200]), *(w + "ene" for w in forms[:200])]
    words += ["Ærø", "aeldre", "hus-og-have", "xqzvw", "Lungeforeningen", "demente"]
    assert [lemmatise(w) for w in words] == [simplemma.lemmatize(w, lang="da") for w in words]
    assert [is_known(w) for w in words] == [simplemma.is_known(w, lang="da") for w in words]


def _fresh_thesaurus() -> Any:
    from importlib import resources as files

    from composer import thesaurus

    raw = files.files("composer").joinpath("data/thesaurus.yaml").read_bytes()
    return thesaurus._parse(raw)


def test_the_thesaurus_analysed_once_then_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from composer import thesaurus

    monkeypatch.setenv("COMPOSER_CACHE_DIR", str(tmp_path))
    fresh = _fresh_thesaurus()
    calls: list[int] = []
    parse = thesaurus._parse

    def counted(raw: bytes) -> Any:
        calls.append(1)
        return parse(raw)

    monkeypatch.setattr(thesaurus, "_parse", counted)
    first = thesaurus._read_default()
    files = sorted(p.name for p in tmp_path.glob("thesaurus-*"))
    assert calls == [1] and len(files) == 1
    again = thesaurus._read_default()
    assert calls == [1]  # read from the file, nothing analysed
    for t in (first, again):
        assert t.concepts == fresh.concepts and t.outside == fresh.outside
        assert t.sources == fresh.sources and t._children == fresh._children
        assert list(t._index.items()) == list(fresh._index.items())  # order too
    # a damaged file is analysed again and rewritten
    (tmp_path / files[0]).write_bytes(b"\x00not marshal")
    assert thesaurus._read_default().concepts == fresh.concepts and calls == [1, 1]
    assert thesaurus._read_default()._index == fresh._index and calls == [1, 1]
    # no folder: analysed each time, nothing kept
    monkeypatch.setenv("COMPOSER_CACHE_DIR", "")
    assert thesaurus._read_default().outside == fresh.outside and calls == [1, 1, 1]


def test_the_thesaurus_cache_follows_its_file_and_code() -> None:
    from composer import thesaurus

    raw = b"concepts: {etik: {}}\n"
    assert thesaurus._digest(raw) == thesaurus._digest(raw)
    assert thesaurus._digest(raw) != thesaurus._digest(raw + b"\n")
    assert set(thesaurus._ANALYSIS_CODE) >= {"lexicon.py", "thesaurus.py"}


def test_parts_round_trip() -> None:
    from composer.thesaurus import Thesaurus

    fresh = _fresh_thesaurus()
    back = Thesaurus.from_parts(fresh.parts())
    assert back.parts() == fresh.parts()
    assert [x.concept for x in back.find("seniorer")] == [x.concept for x in fresh.find("seniorer")]


def test_the_word_list_kept_once_then_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from composer import lexicon

    monkeypatch.setenv("COMPOSER_CACHE_DIR", str(tmp_path))
    fresh = lexicon._zipf()
    calls: list[int] = []

    def counted() -> dict[str, float]:
        calls.append(1)
        return fresh

    monkeypatch.setattr(lexicon, "_zipf", counted)
    build = lexicon._frequencies.__wrapped__
    assert build() == fresh and calls == [1]
    (kept,) = tmp_path.iterdir()
    assert kept.name.startswith("wordfreq-") and build() == fresh and calls == [1]
    kept.write_bytes(marshal.dumps({"etik": "not a number"}))  # a wrong table: rebuilt
    assert build() == fresh and calls == [1, 1]
    assert lexicon.frequency("kommune") > 4 > lexicon.frequency("teknologietik")
