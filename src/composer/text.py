"""Danish-aware text helpers: tokens, a stop list, the Snowball stem (for the free-text
relevance of the score), hyphens and spaces folded, the decimal comma.

Coverage reads words through :mod:`composer.lexicon` (lemmas, not stems).

Nothing here strips accents: æ, ø and å are letters of their own in Danish.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

__all__ = ["STOP_WORDS", "number", "squash", "stem", "tokens"]

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_SQUASH = re.compile(r"[\s\-‐–—_/.,'’\"«»()]+", re.UNICODE)

#: A small Danish + English stop list for free text.
STOP_WORDS: frozenset[str] = frozenset(
    """
    og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi
    min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
    alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette
    mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos
    blive mange ad bliver hendes været thi jer sådan kan få får gerne bare helt så ved kun hver
    jeg vores vi jeres dem sig mere mest lidt godt gode god nye ny
    the a an and or of to in on for with by at from as is are was were be been being it its
    this that these those i we you he she they them our your their not no but so if then than
    can could will would should may might do does did have has had into about over also more
    most very just how what which who whom why where when
    """.split()
)


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("danish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Danish Snowball stem of a lower-case word.

    Examples
    --------
    >>> stem("kommunerne") == stem("kommune")
    True
    """
    return str(_stemmer().stemWord(word))


def tokens(text: str, stop: bool = True) -> list[str]:
    """Lower-case word tokens of ``text``; stop words dropped when ``stop``.

    Examples
    --------
    >>> tokens("Jeg vil gerne hjælpe ældre i Ølstykke")
    ['hjælpe', 'ældre', 'ølstykke']
    """
    words = _WORD.findall(text.lower())
    return [w for w in words if not (stop and w in STOP_WORDS)]


def squash(text: str) -> str:
    """Lower-case ``text`` and drop spaces, hyphens and punctuation (Danish compounds).

    Examples
    --------
    >>> squash("Borger-inddragelse") == squash("borgerinddragelse") == squash("Borger inddragelse")
    True
    """
    return _SQUASH.sub("", text.lower())


def number(x: float, language: str = "da", digits: int | None = None) -> str:
    """A number as the reader writes it: decimal comma in Danish.

    ``digits=None`` drops trailing zeros (``17.5``, ``6``); otherwise fixed decimals.

    Examples
    --------
    >>> number(17.5), number(6.0), number(0.8, "en", 2), number(0.8, "da", 2)
    ('17,5', '6', '0.80', '0,80')
    """
    text = f"{x:g}" if digits is None else f"{x:.{digits}f}"
    return text.replace(".", ",") if language == "da" else text
