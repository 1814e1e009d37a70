"""A domain thesaurus of Danish municipal work: concepts, labels and their relations.

Each concept has a Danish preferred label (its id), alternative Danish labels, English
labels, and ``broader`` / ``related`` links (``narrower`` is the inverse of ``broader``),
as in SKOS. The built-in thesaurus ships as ``data/thesaurus.yaml``; users extend or
replace it (:meth:`Thesaurus.load`, ``CandidateScorer(thesaurus=...)``, the brief's
``thesaurus`` key). Labels are compared by :func:`composer.lexicon.key`, so every
inflection and spelling of a label finds its concept.

Besides concepts, a thesaurus lists **senses outside municipal work** (``outside``):
classes of words (vehicles, animals, plants and gardens, ...) that, as the first part of
a compound or as another word of a phrase, put a need's word in another sense
(``bilpleje``, ``pleje af bilen``, ``bakteriekultur``, ``rehabilitering af bygninger``).
Each class names the concepts it is *inside* of (vehicles are inside ``trafik``, so
``biltrafik`` is traffic), where it does not apply.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem, told
from .lexicon import firsts, frequency, key, known, lemma, words
from .messages import count, say
from .resources import kept
from .text import squash

__all__ = [
    "BROADER",
    "NARROWER",
    "RELATED",
    "Concept",
    "Label",
    "Outside",
    "Thesaurus",
    "as_thesaurus",
    "default_thesaurus",
    "lookup_lines",
]

#: Coverage of a need by a concept narrower than the need's (a kind of it).
NARROWER = 0.9
#: Coverage of a need by a broader concept (the field the need belongs to).
BROADER = 0.5
#: Coverage of a need by a related concept.
RELATED = 0.5


@dataclass(frozen=True)
class Concept:
    """One concept: preferred label ``id``, Danish ``alt`` labels, ``en`` labels, links."""

    id: str
    alt: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[tuple[str, str], ...]:
        """(label, language) pairs, the preferred label first."""
        return ((self.id, "da"), *((a, "da") for a in self.alt), *((e, "en") for e in self.en))


@dataclass(frozen=True)
class Outside:
    """A class of words whose compounds and phrases lie outside municipal work, except
    for needs at or below the concepts it is ``inside`` of. ``words`` holds each word as written and as its lemma key."""

    name: str
    words: frozenset[str]
    inside: tuple[str, ...] = ()


@dataclass(frozen=True)
class Label:
    """A label found for a text: the concept, the label as written, its language."""

    concept: str
    label: str
    language: str


@dataclass
class Thesaurus:
    """Concepts by id, with a label index and the relations between concepts.

    Examples
    --------
    >>> t = Thesaurus.from_mapping({"concepts": {
    ...     "etik": {"en": ["ethics"], "broader": ["filosofi"]},
    ...     "teknologietik": {"broader": ["etik"]},
    ...     "filosofi": {}}})
    >>> [x.concept for x in t.find("Ethics")]
    ['etik']
    >>> t.relation("teknologietik", "etik"), t.relation("filosofi", "etik")
    (('narrower', 0.9), ('broader', 0.5))
    """

    concepts: dict[str, Concept]
    sources: tuple[str, ...] = ()
    outside: dict[str, Outside] = field(default_factory=dict)
    _index: dict[str, list[Label]] = field(default_factory=dict, repr=False)
    _children: dict[str, set[str]] = field(default_factory=dict, repr=False)
    #: what is derived from this thesaurus once per process (the need matchers of
    #: :func:`composer.matching.matcher`, with what they have judged)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._index:  # given whole (:meth:`from_parts`)
            return
        for c in self.concepts.values():
            for label, lang in c.labels:
                k = key(label)
                if k and all(x.concept != c.id for x in self._index.get(k, [])):
                    self._index.setdefault(k, []).append(Label(c.id, label, lang))
            for b in c.broader:
                self._children.setdefault(b, set()).add(c.id)

    # ------------------------------------------------------------------ building
    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<thesaurus>") -> Thesaurus:
        """A thesaurus from ``{"concepts": {id: {alt, en, broader, related}}}``."""
        raw = data.get("concepts") if isinstance(data, Mapping) else None
        if not isinstance(raw, Mapping):
            raise InputError([_wrong(source, "concepts", "", "thesaurus_concepts")])
        concepts, problems = {}, []
        for cid, spec in raw.items():
            spec = spec or {}
            if not isinstance(spec, Mapping):
                problems.append(
                    _wrong(source, f"concepts.{cid}", str(spec)[:80], "thesaurus_concept")
                )
                continue
            fields = {
                f: tuple(str(x) for x in spec.get(f, []) or [])
                for f in ("alt", "en", "broader", "related")
            }
            concepts[str(cid)] = Concept(str(cid), **fields)
        for c in concepts.values():
            for link in (*c.broader, *c.related):
                if link not in concepts:
                    problems.append(_wrong(source, f"concepts.{c.id}", link, "thesaurus_link"))
        outside = _read_outside(data.get("outside"), source, concepts, problems)
        if problems:
            raise InputError(problems)
        return cls(concepts, tuple(str(s) for s in data.get("sources", []) or []), outside)

    def parts(self) -> dict[str, Any]:
        """Everything this thesaurus holds, its label index included, as plain data
        (dicts, lists, strings) that :meth:`from_parts` reads back without analysing a
        word again."""
        return {
            "concepts": {
                c.id: [list(c.alt), list(c.en), list(c.broader), list(c.related)]
                for c in self.concepts.values()
            },
            "sources": list(self.sources),
            "outside": {o.name: [sorted(o.words), list(o.inside)] for o in self.outside.values()},
            "index": {
                k: [[x.concept, x.label, x.language] for x in v] for k, v in self._index.items()
            },
            "children": {k: sorted(v) for k, v in self._children.items()},
        }

    @classmethod
    def from_parts(cls, parts: Mapping[str, Any]) -> Thesaurus:
        """The thesaurus :meth:`parts` describes."""
        concepts = {
            str(cid): Concept(str(cid), *(tuple(str(x) for x in f) for f in fields))
            for cid, fields in parts["concepts"].items()
        }
        outside = {
            str(n): Outside(str(n), frozenset(words), tuple(inside))
            for n, (words, inside) in parts["outside"].items()
        }
        index = {str(k): [Label(*x) for x in v] for k, v in parts["index"].items()}
        children = {str(k): set(v) for k, v in parts["children"].items()}
        return cls(concepts, tuple(parts["sources"]), outside, index, children)

    @classmethod
    def load(cls, path: str | Path) -> Thesaurus:
        """A thesaurus file (YAML or JSON); it extends the built-in one unless it says
        ``extends: false``."""
        p = Path(path)
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            why = type(e).__name__
            raise InputError([_wrong(p.name, None, "", "thesaurus_unreadable", why=why)]) from None
        own = cls.from_mapping(data, p.name)
        return own if data.get("extends", True) is False else default_thesaurus().merged(own)

    def merged(self, other: Thesaurus) -> Thesaurus:
        """This thesaurus with ``other``'s concepts added (labels and links of a shared id joined)."""
        out = dict(self.concepts)
        for cid, c in other.concepts.items():
            old = out.get(cid)
            if old is None:
                out[cid] = c
            else:
                out[cid] = Concept(
                    cid,
                    *(
                        tuple(dict.fromkeys(getattr(old, f) + getattr(c, f)))
                        for f in ("alt", "en", "broader", "related")
                    ),
                )
        outside = dict(self.outside)
        for name, o in other.outside.items():
            had = outside.get(name)
            outside[name] = (
                o
                if had is None
                else Outside(name, had.words | o.words, tuple(dict.fromkeys(had.inside + o.inside)))
            )
        return Thesaurus(out, tuple(dict.fromkeys(self.sources + other.sources)), outside)

    # ------------------------------------------------------------------ reading
    def find(self, text: str) -> list[Label]:
        """The concepts one of whose labels is ``text`` (in any inflection or spelling)."""
        return list(self._index.get(key(text), []))

    def find_key(self, k: str) -> list[Label]:
        """Like :meth:`find`, for a key already computed by :func:`composer.lexicon.key`."""
        return self._index.get(k, [])

    def narrower(self, cid: str, depth: int = 3) -> set[str]:
        """Concepts below ``cid`` (up to ``depth`` links down)."""
        out: set[str] = set()
        level = {cid}
        for _ in range(depth):
            level = {c for x in level for c in self._children.get(x, ())} - out - {cid}
            out |= level
        return out

    def broader(self, cid: str, depth: int = 2) -> set[str]:
        """Concepts above ``cid`` (up to ``depth`` links up)."""
        out: set[str] = set()
        level = {cid}
        for _ in range(depth):
            level = {b for x in level for b in self.concepts[x].broader} - out - {cid}
            out |= level
        return out

    def related(self, cid: str) -> set[str]:
        """Concepts related to ``cid`` (in either direction)."""
        mine = set(self.concepts[cid].related)
        return mine | {c.id for c in self.concepts.values() if cid in c.related}

    def relation(self, phrase: str, need: str) -> tuple[str, float] | None:
        """How concept ``phrase`` covers concept ``need``: narrower, broader or related."""
        if phrase in self.narrower(need):
            return "narrower", NARROWER
        if phrase in self.broader(need):
            return "broader", BROADER
        if phrase in self.related(need):
            return "related", RELATED
        return None

    def outside_words(self, concepts: Iterable[str]) -> frozenset[str]:
        """The words that put a need of these ``concepts`` in another sense: every class
        of :attr:`outside` that none of the concepts (or the concepts above them) is
        inside of."""
        mine = set(concepts)
        for c in list(mine):
            mine |= self.broader(c, depth=4)
        found = [o.words for o in self.outside.values() if not mine.intersection(o.inside)]
        return frozenset().union(*found)

    def describe(self, cid: str) -> dict[str, list[str]]:
        """A concept's labels and neighbours, for ``composer thesaurus lookup``."""
        c = self.concepts[cid]
        return {
            "da": [c.id, *c.alt],
            "en": list(c.en),
            "broader": sorted(c.broader),
            "narrower": sorted(self._children.get(cid, ())),
            "related": sorted(self.related(cid)),
        }

    def __len__(self) -> int:
        return len(self.concepts)

    def label_count(self) -> int:
        """How many labels (preferred, alternative and English) the thesaurus holds."""
        return sum(len(c.labels) for c in self.concepts.values())


def _wrong(source: str, column: str | None, value: object, message: str, **params: Any) -> Problem:
    """A problem in a thesaurus file, told by the sentence ``problem.<message>``."""
    return told(source, None, column, value, message, code="invalid_value", **params)


#: Danish noun endings (indefinite and definite, singular and plural): an ``outside`` word
#: is found in every form even where the lemmatiser does not know it (``facader``). A
#: noun in ``-e`` takes the first (``facader``, ``facaden``, ``facaderne``), any other
#: noun the second (``biler``, ``bilen``, ``hunde``, ``træet``, ``bilerne``).
_NOUN_ENDINGS = (("r", "n", "ne", "rne"), ("e", "er", "en", "et", "ene", "erne"))
#: A form this much more frequent (Zipf) than its word is another word, not a form of it.
_HOMOGRAPH_ZIPF = 0.5


def _noun_forms(word: str) -> set[str]:
    """``word`` as its lemma key and in every noun form (``facade``: ``facader``, ...).

    A form that is a commoner word of its own, which the lemmatiser does not read back
    to ``word``, is left out: ``føl`` is not read in ``føle``/``føler``, ``tag`` not in
    ``tage``/``tager``, ``løg`` not in ``løgn``, ``bøg`` not in ``bøger`` (books).

    >>> sorted(_noun_forms("føl"))
    ['føl', 'følen', 'følene', 'følerne', 'følet']
    >>> {"facader", "facaden"} <= _noun_forms("facade"), "kone" in _noun_forms("ko")
    (True, False)
    """
    w, k = squash(word), key(word)
    out = {k, w}
    for e in _NOUN_ENDINGS[0] if w.endswith("e") else _NOUN_ENDINGS[1]:
        f = w + e
        if known(f) and frequency(f) >= frequency(w) + _HOMOGRAPH_ZIPF and lemma(f) not in {w, k}:
            continue
        out.add(f)
    return out


def _read_outside(
    raw: Any, source: str, concepts: Mapping[str, Concept], problems: list[Problem]
) -> dict[str, Outside]:
    """The ``outside`` classes: ``{name: {words: [...], inside: [concept ids]}}``."""
    out: dict[str, Outside] = {}
    if raw is None:
        return out
    if not isinstance(raw, Mapping):
        problems.append(_wrong(source, "outside", str(raw)[:80], "thesaurus_outside"))
        return out
    for name, spec in raw.items():
        if not isinstance(spec, Mapping) or not isinstance(spec.get("words"), list):
            problems.append(_wrong(source, f"outside.{name}", str(spec)[:80], "thesaurus_class"))
            continue
        inside = tuple(str(x) for x in spec.get("inside", []) or [])
        problems.extend(
            _wrong(source, f"outside.{name}", x, "thesaurus_link")
            for x in inside
            if x not in concepts
        )
        found = {f.lower() for w in spec["words"] for f in _noun_forms(str(w))}
        out[str(name)] = Outside(str(name), frozenset(found - {""}), inside)
    return out


def _parse(raw: bytes) -> Thesaurus:
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(raw.decode("utf-8"), Loader=loader)
    return Thesaurus.from_mapping(data, "composer/data/thesaurus.yaml")


#: The modules whose code decides how a label is analysed (lemmas, compounds, forms).
_ANALYSIS_CODE = ("lexicon.py", "text.py", "thesaurus.py")


def _digest(raw: bytes) -> str:
    """A name for the analysis of ``raw`` (the built-in thesaurus file): it changes with
    the file, the code that analyses it and the language resources' versions."""
    h = hashlib.sha256(raw)
    here = Path(__file__).parent
    for name in _ANALYSIS_CODE:
        h.update((here / name).read_bytes())
    for dist in ("simplemma", "wordfreq"):
        h.update(version(dist).encode())
    h.update(f"{sys.version_info[0]}.{sys.version_info[1]}".encode())
    return h.hexdigest()[:20]


def _read_default() -> Thesaurus:
    """The built-in thesaurus; its analysis (every label's key, every ``outside`` word's
    forms: about a quarter of a second) is kept in the cache folder
    (:func:`composer.resources.kept`) and read back by later processes."""
    raw = resources.files("composer").joinpath("data/thesaurus.yaml").read_bytes()
    return kept(f"thesaurus-{_digest(raw)}", lambda: _parse(raw).parts(), Thesaurus.from_parts)


@cache
def default_thesaurus() -> Thesaurus:
    """The built-in thesaurus (``composer/data/thesaurus.yaml``), read once."""
    return _read_default()


def as_thesaurus(
    value: Thesaurus | str | Path | Mapping[str, Any] | None, extra: Iterable[str | Path] = ()
) -> Thesaurus:
    """A thesaurus from ``None`` (the built-in one), a :class:`Thesaurus`, a path or a
    mapping, extended by the files in ``extra`` (a brief's ``thesaurus`` key)."""
    if value is None:
        out = default_thesaurus()
    elif isinstance(value, Thesaurus):
        out = value
    elif isinstance(value, Mapping):
        own = Thesaurus.from_mapping(value)
        out = own if value.get("extends", True) is False else default_thesaurus().merged(own)
    else:
        out = Thesaurus.load(value)
    for path in extra:
        out = out.merged(Thesaurus.load(path))
    return out


def _outside_lines(word: str, thesaurus: Thesaurus, language: str) -> list[str]:
    """Which word of ``word`` belongs to a class of :attr:`Thesaurus.outside`, and where
    that class does not apply."""
    out = []
    for w in words(word):
        forms = firsts(w) if w.head else {w.base}
        forms.add(w.text)
        for o in sorted(thesaurus.outside.values(), key=lambda o: o.name):
            part = min(forms & o.words, default="")
            if not part:
                continue
            out.append(say("thesaurus.outside", language, part=part, text=w.text, name=o.name))
            if o.inside:
                out.append(say("thesaurus.outside_inside", language, items=", ".join(o.inside)))
    return out


def lookup_lines(word: str, thesaurus: Thesaurus, language: str = "da") -> list[str]:
    """What ``word`` matches in ``thesaurus`` and why, as lines (``composer thesaurus lookup``).

    Examples
    --------
    >>> print("\\n".join(lookup_lines("seniorer", default_thesaurus(), "en")[:3]))
    'seniorer' (key 'senior') is a label of 1 concept.
      'seniorer': lemma 'senior'
    ældre: label 'seniorer' (da)
    """
    found = thesaurus.find(word)
    read = [
        say("thesaurus.compound", language, text=w.text, modifier=w.modifier, head=w.head)
        if w.head
        else say("thesaurus.word", language, text=w.text, base=w.base)
        for w in words(word)
    ]
    read += _outside_lines(word, thesaurus, language)
    lines = [
        say(
            "thesaurus.found",
            language,
            word=word,
            key=key(word),
            concepts=count(len(found), "concept", language),
        ),
        *read,
    ]
    for hit in found:
        d = thesaurus.describe(hit.concept)
        lines.append(
            say(
                "thesaurus.concept",
                language,
                concept=hit.concept,
                label=hit.label,
                lang=hit.language,
            )
        )
        for rel in ("da", "en", "broader", "narrower", "related"):
            if d[rel]:
                lines.append(say(f"thesaurus.{rel}", language, items=", ".join(d[rel])))
    return lines
