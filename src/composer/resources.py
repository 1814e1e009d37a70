"""What composer derives from its language resources, kept once per machine:
simplemma's Danish dictionary decoded, and (through :func:`kept`) the built-in
thesaurus analysed and wordfreq's Danish list as Zipf frequencies.

simplemma ships its dictionaries front-coded and lzma-compressed; decoding the Danish one
(788,000 forms) takes about a second of pure Python in every new process: each CLI
command, notebook kernel and web worker paid it before the first word was read. The
decoded table is kept in the user's cache folder (``marshal``: a dict of bytes, loaded in
about a fifth of that time) under a name that carries simplemma's and Python's versions,
so an upgrade decodes afresh. A cache that cannot be read is decoded again and rewritten;
one that cannot be written is simply not kept. Nothing in it is personal data.

The folder is ``$COMPOSER_CACHE_DIR`` when set (an empty value keeps nothing on disk),
else the platform's cache folder: ``%LOCALAPPDATA%\\composer\\Cache`` on Windows,
``~/Library/Caches/composer`` on macOS, ``$XDG_CACHE_HOME/composer`` (default
``~/.cache/composer``) elsewhere.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "danish_table", "kept", "simplemma_danish"]

T = TypeVar("T")
R = TypeVar("R")

#: The cache file's own format; raise it when what is stored changes.
_FORMAT = 1


def cache_dir() -> Path | None:
    """Where composer keeps what it derives from its libraries' data (None: nowhere)."""
    given = os.environ.get("COMPOSER_CACHE_DIR")
    if given is not None:
        return Path(given) if given.strip() else None
    try:
        home = Path.home()
    except RuntimeError:  # no home folder (a service account): nothing is kept
        return None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / "composer" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "composer"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "composer"


def _file(folder: Path) -> Path:
    import simplemma

    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"simplemma-{simplemma.__version__}-da-py{py}-v{_FORMAT}.marshal"


def _decode() -> Mapping[str, str]:
    """The dictionary as simplemma's own factory reads it (its public Mapping)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory(cache_max_size=0).get_dictionary("da")


def _load(path: Path) -> Any:
    """What a cache file holds, or None when it cannot be read."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _table(data: Any) -> dict[bytes, bytes]:
    """A kept dictionary table, or ValueError when the file held something else."""
    if not isinstance(data, dict) or not all(
        type(k) is bytes and type(v) is bytes for k, v in islice(data.items(), 100)
    ):
        raise ValueError("not a dictionary table")
    return data


def _write(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(data))
            os.replace(tmp, path)  # whole or not at all, also with two processes at once
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        return  # a read-only home or a full disk: decode again next time


def danish_table(folder: Path | None) -> Mapping[str, str]:
    """The decoded dictionary (form → lemma), from ``folder``'s cache when it holds a
    sound one; else decoded by simplemma and, with a folder, kept there."""
    from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString

    if folder is None:
        return _decode()

    def encoded() -> dict[bytes, bytes]:
        return {k.encode(): v.encode() for k, v in _decode().items()}

    return _kept_at(_file(folder), encoded, lambda d: MappingStrToByteString(_table(d)))


def kept(name: str, build: Callable[[], T], read: Callable[[Any], R]) -> R:
    """``read(build())``, with what ``build`` gives (plain data: dicts, lists, strings)
    kept in :func:`cache_dir` as ``name.marshal``, so a later process reads it back
    instead of building it again. ``name`` must change whenever what ``build`` gives
    would (a digest of its inputs). A file ``read`` refuses (it raises ``ValueError``,
    ``TypeError``, ``KeyError`` or ``AttributeError``) is built again and rewritten."""
    folder = cache_dir()
    return _kept_at(None if folder is None else folder / f"{name}.marshal", build, read)


def _kept_at(path: Path | None, build: Callable[[], T], read: Callable[[Any], R]) -> R:
    """:func:`kept` at ``path`` (None: nothing kept)."""
    if path is not None and path.exists():
        try:
            return read(_load(path))
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    data = build()
    if path is not None:
        _write(path, data)
    return read(data)


class _Danish:
    """simplemma's ``DictionaryFactory`` protocol, for the cached Danish table only."""

    def __init__(self) -> None:
        self._found: Mapping[str, str] | None = None

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != "da":
            raise ValueError(f"only Danish is cached, not {lang!r}")
        if self._found is None:
            self._found = danish_table(cache_dir())
        return self._found


@cache
def simplemma_danish() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    """simplemma's Danish lemma of a word and whether it knows the word, as its own
    ``lemmatize(word, lang="da")`` and ``is_known(word, lang="da")`` answer, read from the
    cached table."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.utils import normalize_token

    factory = _Danish()
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    lookup = DictionaryLookupStrategy(factory)

    def lemmatise(word: str) -> str:
        return str(lemmatizer.lemmatize(word, lang="da"))

    def is_known(word: str) -> bool:
        return lookup.get_lemma(normalize_token(word), "da") is not None

    return lemmatise, is_known
