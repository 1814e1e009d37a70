"""Danish words as coverage reads them: lemma, derivation, spelling, compound parts.

The language resources are maintained libraries, loaded once and only when first used
(``import composer`` stays fast):

- **simplemma** (Barbaresi 2021; its Danish dictionary) gives the lemma of a word:
  ``etiske`` → ``etisk``, ``demente`` → ``dement``, ``indsatser`` → ``indsats``.
- **wordfreq** (Speer 2022; its Danish word list) gives word frequencies, which decide
  whether and where a compound is split (Koehn & Knight 2003) and which words are
  known, so that ``ae``/``oe``/``aa`` are read as ``æ``/``ø``/``å`` only when that makes
  a known word, and a one-letter typo is forgiven only in a word nobody writes.

A short table of Danish derivations (:data:`DERIVATIONS`) brings adjective, verb and
agent forms onto the noun a need is written as (``etisk`` ~ ``etik``, ``evaluere`` ~
``evaluering``, ``leder`` ~ ``ledelse``, ``dement`` ~ ``demens``). Nothing is stemmed by
cutting letters off, so ``ledighed`` and ``ledelse`` never meet.

.. [1] P. Koehn and K. Knight, "Empirical methods for compound splitting", EACL 2003,
   https://doi.org/10.3115/1067807.1067833
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from itertools import islice
from typing import Any

from .resources import kept, simplemma_danish
from .text import STOP_WORDS

__all__ = [
    "DERIVATIONS",
    "IDIOMS",
    "LEMMA_FIXES",
    "PREFIXES",
    "Word",
    "analyse",
    "damerau1",
    "dictionary_lemma",
    "firsts",
    "frequency",
    "key",
    "known",
    "lemma",
    "words",
]

#: Derived forms → the noun a need is usually written as. Lemmas on the left (what
#: simplemma returns), so every inflection of a form follows it. Kept short on purpose:
#: a pair belongs here only when a Danish reader takes the two for the same competence.
DERIVATIONS: dict[str, str] = {
    "etisk": "etik",
    "evaluere": "evaluering",
    "evaluator": "evaluering",
    "leder": "ledelse",
    "lede": "ledelse",
    "dement": "demens",
    "demensramt": "demens",
    "innovativ": "innovation",
    "innovere": "innovation",
    "facilitere": "facilitering",
    "facilitator": "facilitering",
    "kommunikere": "kommunikation",
    "ensom": "ensomhed",
    "forebygge": "forebyggelse",
    "forebyggende": "forebyggelse",
    "rehabilitere": "rehabilitering",
    "rehabiliterende": "rehabilitering",
    "inkludere": "inklusion",
    "inkluderende": "inklusion",
    "psykiatrisk": "psykiatri",
    "psykiater": "psykiatri",
    "juridisk": "jura",
    "jurist": "jura",
    "kulturel": "kultur",
    "digital": "digitalisering",
    "digitalisere": "digitalisering",
    "økonomisk": "økonomi",
    "sund": "sundhed",
    "trives": "trivsel",
    "samskabe": "samskabelse",
    "samskabende": "samskabelse",
    "rekruttere": "rekruttering",
    "genoptræne": "genoptræning",
    "sagsbehandler": "sagsbehandling",
    "projektleder": "projektledelse",
    "bygge": "byggeri",
    "beskæftiget": "beskæftigelse",
    "beskæftige": "beskæftigelse",
    "ledig": "ledighed",
    "frivillighed": "frivillig",
    "trafikant": "trafik",
    "handicappet": "handicap",
    "inddrage": "inddragelse",
    "analysere": "analyse",
    "gevinstrealisere": "gevinstrealisering",
    "realisere": "realisering",
    "misbruger": "misbrug",
    "plejer": "pleje",
    "underviser": "undervisning",
    "undervise": "undervisning",
    "forske": "forskning",
    "forsker": "forskning",
    "koordinere": "koordinering",
    "koordinator": "koordinering",
    "vejleder": "vejledning",
    "vejlede": "vejledning",
    "rådgiver": "rådgivning",
    "rådgive": "rådgivning",
    "formidle": "formidling",
    "planlægge": "planlægning",
    "inkluderet": "inklusion",
}

#: Words whose simplemma lemma is another word that would collide: ``leder`` (a manager)
#: is not a form of ``led`` (a joint), ``handicap`` is not ``handicappe``, and ``ældre``
#: (older people) is kept apart from ``gammel``.
LEMMA_FIXES: dict[str, str] = {
    "leder": "leder",
    "handicap": "handicap",
    "ældre": "ældre",
    "koste": "koste",
}

#: A form of a derived verb followed by this word means something else, so it is read
#: as no competence: ``plejer at`` (usually, not caring), ``leder efter`` (looks for, not
#: leading). Keys are bases (after :data:`DERIVATIONS`); the noun itself (``ledelse
#: efter mål``) is never an idiom.
IDIOMS: dict[str, frozenset[str]] = {
    "pleje": frozenset({"at"}),
    "ledelse": frozenset({"efter"}),
}

#: Danish prefixes: a word that starts with one is a derivation, not a compound of what
#: follows (``ekskommunikation`` is not a kind of ``kommunikation``, nor ``samskabelse``
#: of ``skabelse``).
PREFIXES = frozenset("an be eks er for gen ind mis sam til ud und van".split())

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)
_LINKS = ("", "s", "e")
_RESTORE = (("aa", "å"), ("ae", "æ"), ("oe", "ø"))
#: Zipf frequency a part of a compound needs in wordfreq's Danish list.
_PART_ZIPF = 2.5
#: A word in the list is split only into common parts of this length (lexicalised
#: words such as ``forældre``, ``genetik`` or ``omkostninger`` stay whole).
_KNOWN_MIN = (4, 5, 3.0)


def _zipf() -> dict[str, float]:
    import math

    import wordfreq

    return {
        w: math.log10(f) + 9 for w, f in wordfreq.get_frequency_dict("da", wordlist="small").items()
    }


def _zipf_table(data: Any) -> dict[str, float]:
    """A kept table, or ValueError when it is not one (:func:`composer.resources.kept`
    then builds it again)."""
    if not isinstance(data, dict) or not data:
        raise ValueError("not a frequency table")
    if not all(type(k) is str and type(v) is float for k, v in islice(data.items(), 100)):
        raise ValueError("not a frequency table")
    return data


@cache
def _frequencies() -> dict[str, float]:
    """wordfreq's Danish list as Zipf frequencies, kept in the cache folder under
    wordfreq's version: a new process reads it back (0.01 s) instead of importing
    wordfreq and converting its list (0.15 s)."""
    return kept(f"wordfreq-{version('wordfreq')}-da-small-v1", _zipf, _zipf_table)


def frequency(word: str) -> float:
    """Zipf frequency of ``word`` in wordfreq's Danish list (0 when absent).

    Examples
    --------
    >>> frequency("kommune") > 4 > frequency("teknologietik")
    True
    """
    return _frequencies().get(word, 0.0)


@lru_cache(maxsize=200_000)
def known(word: str) -> bool:
    """Whether ``word`` is a Danish word (wordfreq's list or simplemma's dictionary)."""
    return frequency(word) > 0 or simplemma_danish()[1](word)


@lru_cache(maxsize=200_000)
def dictionary_lemma(word: str) -> str:
    """simplemma's own lemma of a lower-case word (without :data:`LEMMA_FIXES`,
    :data:`DERIVATIONS` or :func:`lemma`'s agent-noun rule).

    >>> dictionary_lemma("kirker"), dictionary_lemma("borgere")
    ('kirke', 'borger')
    """
    return simplemma_danish()[0](word)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of a lower-case word, through :data:`LEMMA_FIXES` and :data:`DERIVATIONS`.

    A word in ``-er`` that simplemma reads as a verb's present tense (``borger`` →
    ``borge``) is kept as the agent noun it usually is in a list of competences.

    Examples
    --------
    >>> lemma("etiske"), lemma("demente"), lemma("ledere"), lemma("ledige")
    ('etik', 'demens', 'ledelse', 'ledighed')
    """
    base = LEMMA_FIXES.get(word) or dictionary_lemma(word)
    if word.endswith("er") and base == word[:-1]:
        base = word  # an agent noun (borger, leder, forsker), not a verb's present tense
    return DERIVATIONS.get(base, base)


@lru_cache(maxsize=200_000)
def restore(word: str) -> str:
    """``ae``/``oe``/``aa`` read as ``æ``/``ø``/``å`` when only that makes a known word.

    Examples
    --------
    >>> restore("aeldre"), restore("paaroerende"), restore("ekstraarbejde")
    ('ældre', 'pårørende', 'ekstraarbejde')
    """
    if known(word) or not any(a in word for a, _ in _RESTORE):
        return word
    variants = {word}
    for a, b in _RESTORE:
        variants |= {v.replace(a, b) for v in variants}
    found = [v for v in variants - {word} if known(v) or split(v)]
    return min(found, key=lambda v: (not known(v), len(v), v)) if found else word


def _parts(word: str, min_part: int, min_zipf: float, depth: int) -> list[tuple[str, ...]]:
    """Every split of ``word`` into known parts (linking ``s``/``e`` dropped)."""
    out: list[tuple[str, ...]] = []
    if depth > 1:
        for i in range(min_part, len(word) - min_part + 1):
            first = word[:i]
            if frequency(first) < min_zipf or first in PREFIXES:
                continue
            for link in _LINKS:
                rest = word[i:]
                if link and not rest.startswith(link):
                    continue
                rest = rest[len(link) :]
                if frequency(rest) >= min_zipf and len(rest) >= min_part:
                    out.append((first, rest))
                out += [(first, *p) for p in _parts(rest, min_part, min_zipf, depth - 1)]
    return out


@lru_cache(maxsize=200_000)
def split(word: str) -> tuple[str, ...]:
    """The compound parts of ``word`` (empty when it is not split), Koehn & Knight style.

    Of all splits into parts found in wordfreq's Danish list (``s`` or ``e`` may link
    two parts), the one with the highest mean Zipf frequency (the geometric mean of the
    frequencies) wins, less one per part beyond two (whose first parts need 4+ letters,
    so that ``dem`` and ``ens`` are not read into ``demens``). A word in the list itself is split
    only into parts of 4+ letters, a head of 5+, both common (Zipf 3+). The last part is
    never a stop word (``ungevejleder`` is not ``unge`` + ``vejle`` + ``der``).

    Examples
    --------
    >>> split("teknologietik"), split("demenskoordinator"), split("genetik")
    (('teknologi', 'etik'), ('demens', 'koordinator'), ())
    >>> split("ungevejleder")
    ('unge', 'vejleder')
    """
    if frequency(word) > 0:
        min_part, min_head, min_zipf = _KNOWN_MIN
    else:
        min_part, min_head, min_zipf = 3, 3, _PART_ZIPF
    cands = [
        p
        for p in _parts(word, min_part, min_zipf, 3)
        if len(p[-1]) >= min_head
        and p[-1] not in STOP_WORDS
        and (len(p) == 2 or min(map(len, p[:-1])) >= 4)
    ]
    if not cands:
        return ()
    return max(cands, key=lambda p: (sum(map(frequency, p)) / len(p) - (len(p) - 2), p))


@dataclass(frozen=True)
class Word:
    """One word of a phrase as coverage reads it.

    ``text`` is the word as written (lower case, æ/ø/å restored), ``base`` its lemma
    through the derivations, ``head`` the base of a compound's last part and
    ``modifier`` its first parts as written, ``first`` the first part alone ("" when
    the word is not a compound).
    ``restored`` says that ``ae``/``oe``/``aa`` were read as æ/ø/å.
    """

    text: str
    base: str
    head: str = ""
    modifier: str = ""
    first: str = ""
    restored: bool = False


@lru_cache(maxsize=200_000)
def analyse(token: str) -> Word:
    """One lower-case token as a :class:`Word`.

    Examples
    --------
    >>> analyse("sårplejen")
    Word(text='sårplejen', base='sårpleje', head='pleje', modifier='sår', first='sår', restored=False)
    """
    text = restore(token)
    lem = lemma(text)
    parts = split(lem) or split(text)
    if not parts:
        return Word(text, lem, restored=text != token)
    head, modifier = lemma(parts[-1]), "".join(parts[:-1])
    base = lem if known(text) else modifier + head
    return Word(text, base, head, modifier, parts[0], text != token)


def firsts(w: Word) -> set[str]:
    """A compound's first parts, as written and as lemmas, and the last part of a
    modifier of several parts, which names what the modifier is (``kampsport`` in
    ``kampsportsskole`` is a sport, ``sporthest`` in ``sportshestepleje`` a horse).

    Examples
    --------
    >>> sorted(firsts(analyse("sportshestepleje")))
    ['hest', 'sport', 'sporthest', 'sportheste']
    """
    if not w.head:
        return set()
    out = {w.first, w.modifier, lemma(w.first), lemma(w.modifier)}
    inner = split(w.modifier) if w.modifier != w.first else ()
    if len(inner) > 1:
        out.add(lemma(inner[-1]))
    return out - {""}


def words(text: str, stop: bool = True) -> tuple[Word, ...]:
    """The words of ``text`` (hyphenated words joined), stop words left out when ``stop``.

    A verb form in an idiom (:data:`IDIOMS`) keeps its text but gets a base no need has.

    Examples
    --------
    >>> [w.base for w in words("Jeg plejer at cykle og plejer demente")]
    ['plejer at', 'cykle', 'pleje', 'demens']
    """
    toks = [t.replace("-", "") for t in _WORD.findall(text.lower())]
    out = []
    for tok, nxt in zip(toks, [*toks[1:], ""][: len(toks)], strict=True):
        if not (stop and tok in STOP_WORDS) and not tok.isdigit():
            w = analyse(tok)
            if w.text != w.base and nxt in IDIOMS.get(w.base, ()):
                w = Word(w.text, f"{w.text} {nxt}")
            out.append(w)
    return tuple(out)


def key(text: str) -> str:
    """The comparison key of a phrase: the bases of its words, joined without spaces.

    Examples
    --------
    >>> key("Borger-inddragelsen") == key("borger inddragelse") == key("borgerinddragelse")
    True
    """
    return "".join(w.base for w in words(text))


def damerau1(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one edit (insert, delete, substitute, swap).

    Examples
    --------
    >>> damerau1("evaulering", "evaluering"), damerau1("inovation", "innovation")
    (True, True)
    >>> damerau1("renovation", "innovation")
    False
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (
            a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short[i:] == long_[i + 1 :]
