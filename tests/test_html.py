"""HTML and one-line views of a composition and a pool (what a notebook shows)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import composer
from composer.datasets import load_sample
from composer.views.html import composition_html, composition_repr, pool_html

EVIL = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def sample() -> tuple[composer.CandidatePool, composer.NetworkBrief, composer.Composition]:
    pool, brief = load_sample("klimatilpasning")
    return pool, brief, composer.compose(pool, brief, seed=0)


class _Cells(HTMLParser):
    """Collects the text of every table cell and counts tags."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def _parse(page: str) -> _Cells:
    p = _Cells()
    p.feed(page)
    p.close()
    return p


def test_repr_is_one_short_line(sample: tuple) -> None:
    _, _, comp = sample
    text = repr(comp)
    assert text == composition_repr(comp)
    assert "\n" not in text and len(text) < 200
    assert re.fullmatch(
        r"Composition\(theme='Klimatilpasning i almene boligområder', core=\d+, phase=\d+, "
        r"gaps=\d+, objective=\d+\.\d\)",
        text,
    )
    assert f"core={len(comp.core)}" in text and f"gaps={len(comp.gaps)}" in text


def test_composition_html_lists_every_member_once_core_first(sample: tuple) -> None:
    _, _, comp = sample
    page = comp._repr_html_()
    assert page == composition_html(comp)
    cells = _parse(page)
    assert cells.tags.count("table") == 1 + bool(comp.gaps)
    ids = [c for c in cells.cells if c in {m.id for m in comp.members}]
    assert ids == [m.id for m in comp.members]
    shown = f"{comp.objective:.2f}".replace(".", ",")  # Danish decimal comma, with the scale
    most = sum(n.weight for n in comp.brief.needs)
    assert "kernedeltagere" in page and f"dækningsmål {shown} af {most:g} (" in page
    assert "kommunal leder" in cells.cells and "se ind" in cells.cells
    for g in comp.gaps:
        assert g.need in cells.cells


def test_composition_html_never_shows_names(sample: tuple) -> None:
    pool, _, comp = sample
    page = comp._repr_html_()
    names = [n for n in pool.frame["name"].dropna() if n]
    assert names and not any(n in page for n in names)


def test_composition_html_in_english(sample: tuple) -> None:
    pool, brief, _ = sample
    english = composer.NetworkBrief.model_validate({**brief.model_dump(), "language": "en"})
    comp = composer.compose(pool, english, seed=0)
    page = comp._repr_html_()
    assert "core participants" in page and "municipal manager" in page
    assert "kernedeltagere" not in page


def test_user_text_is_escaped(sample: tuple) -> None:
    _, _, comp = sample
    member = comp.core[0].model_copy(update={"id": EVIL, "flags": ["=HYPERLINK(1) & <b>"]})
    evil = comp.model_copy(update={"theme": EVIL, "core": [member, *comp.core[1:]]})
    page = evil._repr_html_()
    assert "<script>" not in page and "<b>" + "=HYPER" not in page
    cells = _parse(page)
    assert EVIL in cells.cells and "=HYPERLINK(1) & <b>" in cells.cells
    assert "&lt;script&gt;" in page


def test_no_gaps_says_so(sample: tuple) -> None:
    _, _, comp = sample
    page = comp.model_copy(update={"gaps": []})._repr_html_()
    assert "Alle behov er dækket" in page
    assert _parse(page).tags.count("table") == 1
    assert "gaps=0" in repr(comp.model_copy(update={"gaps": []}))


def test_pool_html_counts_and_first_rows(sample: tuple) -> None:
    pool, _, _ = sample
    page = pool._repr_html_()
    assert page == pool_html(pool)
    cells = _parse(page)
    assert f"{len(pool)} kandidater" in page
    counts = pool.frame["actor_type"].value_counts()
    label = composer.ActorType(counts.index[0]).label_da
    at = cells.cells.index(label)
    assert cells.cells[at + 1] == str(counts.iloc[0])
    assert [c for c in cells.cells if c in set(pool.ids)] == list(pool.ids[:5])
    names = [n for n in pool.frame["name"].dropna() if n]
    assert not any(n in page for n in names)


def test_pool_html_escapes_and_handles_missing_values() -> None:
    pool = composer.load_candidates(
        [
            {"id": "A<1>", "actor_type": "borger", "organisation": EVIL, "phases": "afdækning"},
            {"id": "B", "actor_type": "forsker", "hours_available": "7,5", "motivation": "4"},
        ]
    )
    page = pool_html(pool, language="en", rows=10)
    assert "<script>" not in page and "A&lt;1&gt;" in page
    cells = _parse(page)
    assert EVIL in cells.cells and "citizen" in cells.cells and "all" in cells.cells
    assert "7.5" in cells.cells and "4" in cells.cells
    assert "2 candidates" in page
