"""Issue 20, part 2: one identity rule for ids (NFKC, default-ignorables removed, TR39
skeleton, dashes folded). Two ids with one key are an error naming both rows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer import InputError, load_candidates
from composer.cells import _IGNORABLE_RANGES, lookalike_keys

#: The 14 pairs of the issue that loaded as two people.
ISSUE_PAIRS = [
    ("A1", "A\u034f1"),  # COMBINING GRAPHEME JOINER
    ("A1", "A1\ufe0f"),  # VARIATION SELECTOR-16
    ("A1", "A\u180b1"),  # MONGOLIAN FREE VARIATION SELECTOR ONE
    ("A1", "A\u31641"),  # HANGUL FILLER
    ("A1", "A\uffa01"),  # HALFWIDTH HANGUL FILLER
    ("A1", "A\u28001"),  # BRAILLE PATTERN BLANK
    ("A1", "A\u17b41"),  # KHMER VOWEL INHERENT AQ
    ("A1", "\u13aa1"),  # CHEROKEE LETTER GO
    ("A1", "\ua4ee1"),  # LISU LETTER A
    ("a1", "\u02511"),  # LATIN SMALL LETTER ALPHA
    ("i7", "\u01317"),  # LATIN SMALL LETTER DOTLESS I
    ("o7", "\u05857"),  # ARMENIAN SMALL LETTER OH
    ("A-1", "A\u20131"),  # EN DASH
    ("A-1", "A\u20111"),  # NON-BREAKING HYPHEN
]


def _alike(a: str, b: str) -> bool:
    return any(x == y for x, y in zip(lookalike_keys(a), lookalike_keys(b), strict=True))


@pytest.mark.parametrize(("first", "second"), ISSUE_PAIRS)
def test_the_issue_pairs_are_one_person(first: str, second: str) -> None:
    records = [
        {"id": first, "actor_type": "borger"},
        {"id": "B9", "actor_type": "borger"},
        {"id": second, "actor_type": "forsker"},
    ]
    with pytest.raises(InputError, match=r"record 3, column 'id'.*looks like") as info:
        load_candidates(records)
    (problem,) = info.value.problems
    assert problem.code == "lookalike_id" and "record 1" in problem.expected


def test_danish_letters_and_ordinary_ids_stay_apart() -> None:
    for a, b in [("Søren", "Soren"), ("Åse", "Ase"), ("A1", "A2"), ("A1", "A7"), ("Ærø", "Ørø")]:
        assert not _alike(a, b), (a, b)
    assert _alike("A1", "AI") and _alike("A1", "Al") and _alike("A0", "AO")  # TR39 says so


_IGNORABLE = st.sampled_from(
    [chr(code) for first, last in _IGNORABLE_RANGES[:-1] for code in range(first, last + 1)]
)
_LOOKALIKES = {
    "a": ["а", "ɑ", "α"],
    "A": ["А", "Ꭺ", "ꓮ", "Α"],
    "o": ["о", "օ", "ο"],
    "e": ["е"],
    "-": ["\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\ufe63", "\uff0d"],
    "1": ["l", "I"],
}


@st.composite
def _disguised(draw: st.DrawFn) -> tuple[str, str]:
    plain = draw(st.text(alphabet="aAoe-1BKZ79", min_size=1, max_size=8))
    out = []
    for ch in plain:
        if ch in _LOOKALIKES and draw(st.booleans()):
            ch = draw(st.sampled_from(_LOOKALIKES[ch]))
        out.append(ch)
        if draw(st.booleans()):
            out.append(draw(_IGNORABLE))
    return plain, "".join(out)


@given(_disguised())
def test_a_disguised_id_has_the_key_of_the_plain_one(pair: tuple[str, str]) -> None:
    plain, disguised = pair
    assert _alike(plain, disguised)


@given(st.sets(st.integers(0, 10**6), min_size=2, max_size=30))
def test_numbered_ids_never_collide(numbers: set[int]) -> None:
    ids = [f"P{n:07d}" for n in numbers]
    assert len({lookalike_keys(i) for i in ids}) == len(ids)
    assert len(load_candidates([{"id": i, "actor_type": "borger"} for i in ids])) == len(ids)
