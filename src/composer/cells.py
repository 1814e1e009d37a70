"""Single cells of text: formula neutralising for exports, Unicode cleaning, look-alike keys.

Used by the readers (what comes in) and by every export (what goes out), so the two
stay each other's inverse: a cell written by :func:`safe_cell` reads back unchanged
through :func:`unprotect_cell`.
"""

from __future__ import annotations

import math
import unicodedata

import numpy as np

__all__ = [
    "FORMULA_TRIGGERS",
    "NO",
    "YES",
    "clean_text",
    "lookalike_key",
    "parse_bool",
    "safe_cell",
    "unprotect_cell",
]

#: A spreadsheet treats a cell starting with one of these as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: White space and invisible characters stripped from both ends of ids, names, phrases.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_STRIP = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE
)

#: Cyrillic and Greek letters that look like Latin ones (after case folding).
_CONFUSABLE = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ӏ": "l",
        "ѡ": "w",
        "ɡ": "g",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "ζ": "z",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "μ": "m",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ϲ": "c",
        "ϳ": "j",
    }
)


def safe_cell(value: object) -> object:
    """Neutralise a text cell a spreadsheet would run as a formula; other values pass.

    A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after any
    apostrophes) gets one leading ``'``, which Excel and LibreOffice show as text.
    :func:`unprotect_cell` takes exactly that apostrophe off again, so exports read back
    unchanged. Use it on every user-given text written to CSV or Excel.

    Parameters
    ----------
    value : object
        A cell value; only ``str`` is changed.

    Returns
    -------
    object

    Examples
    --------
    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("-5"), safe_cell(-5), safe_cell("Åse")
    ('\\'=HYPERLINK("http://x")', "'-5", -5, 'Åse')
    >>> safe_cell("'=1")  # an apostrophe that was already there survives the round trip
    "''=1"
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unprotect_cell(text: str) -> str:
    """Undo :func:`safe_cell`: drop one leading ``'`` that protects a formula-like text.

    Examples
    --------
    >>> unprotect_cell("'=1+1"), unprotect_cell("''=1"), unprotect_cell("'ikke formel")
    ('=1+1', "'=1", "'ikke formel")
    """
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def clean_text(text: str) -> str:
    """NFC-normalise and strip white space and invisible characters from both ends.

    ``Søren`` typed on a Mac (NFD, ``o`` + combining stroke) and on Windows (NFC) become
    the same text; a trailing zero-width space or no-break space goes.

    Examples
    --------
    >>> clean_text("  A\\u030a1\\u200b ") == "Å1"
    True
    >>> clean_text("\\u200b \\ufeff")
    ''
    """
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip(_STRIP)


def lookalike_key(text: str) -> str:
    """A key equal for texts a reader cannot tell apart: case, width, look-alike letters.

    Compatibility-normalised (NFKC), case-folded, invisible format characters removed and
    common Cyrillic and Greek look-alikes of Latin letters mapped to them. Two different
    ids with the same key are reported by the loader.

    Examples
    --------
    >>> lookalike_key("A1") == lookalike_key("\\u04101") == lookalike_key("a\\u200b1")
    True
    >>> lookalike_key("Søren") == lookalike_key("Soren")
    False
    """
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold().replace("o\u0338", "ø")
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return visible.translate(_CONFUSABLE)


YES = frozenset({"ja", "yes", "true", "1", "j", "y", "sand"})
NO = frozenset({"nej", "no", "false", "0", "n", "falsk"})


def parse_bool(value: object) -> bool | None:
    """Read yes/no as a spreadsheet writes it; empty is None.

    Raises ValueError for anything else.

    Examples
    --------
    >>> parse_bool("Ja"), parse_bool("0"), parse_bool(""), parse_bool(True)
    (True, False, None, True)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    s = str(value).strip().lower()
    if s == "":
        return None
    if s in YES:
        return True
    if s in NO:
        return False
    raise ValueError(value)
