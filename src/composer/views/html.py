"""Compact HTML and one-line text views of a composition and a pool, for notebooks.

Jupyter shows an object through its ``_repr_html_``; :class:`~composer.Composition` and
:class:`~composer.CandidatePool` delegate to :func:`composition_html` and
:func:`pool_html`. Every text the user gave (theme, ids, phases, advice, organisations)
is escaped with :func:`html.escape`. Names are personal data and are left out: members
are shown by id.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from ..messages import ROLES, columns, count, label, say
from ..models import ActorType, Orientation
from ..text import number
from .report import objective_text

if TYPE_CHECKING:
    import pandas as pd

    from ..result import CompositionData

__all__ = ["composition_html", "composition_repr", "pool_html"]


class _Pool(Protocol):
    """What :func:`pool_html` reads of a :class:`~composer.CandidatePool` (which calls it:
    typed by shape, so that this view does not import the pool module back)."""

    @property
    def frame(self) -> pd.DataFrame: ...

    @property
    def source(self) -> str: ...

    def __len__(self) -> int: ...


def _e(x: object) -> str:
    """Text of ``x``, escaped for HTML (``None`` is an empty cell)."""
    return "" if x is None else html.escape(str(x))


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _actor_label(key: object, language: str) -> str:
    try:
        return ActorType(str(key)).label(language)
    except ValueError:
        return str(key)


def _orientation_label(key: str, language: str) -> str:
    try:
        o = Orientation(key)
    except ValueError:
        return key
    return o.label(language)


def _phase_count(comp: CompositionData) -> int:
    return len({m.id for ms in comp.phase_participants.values() for m in ms})


def composition_repr(comp: CompositionData) -> str:
    """One line: theme, core and phase participant counts, gaps and objective.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> comp = compose(*load_sample("klimatilpasning"), seed=0)
    >>> composition_repr(comp)  # doctest: +ELLIPSIS
    "Composition(theme='Klimatilpasning i almene boligområder', core=..., phase=..., gaps=..., objective=...)"
    """
    return (
        f"Composition(theme={comp.theme!r}, core={len(comp.core)}, "
        f"phase={_phase_count(comp)}, gaps={len(comp.gaps)}, objective={comp.objective:.1f})"
    )


def composition_html(comp: CompositionData) -> str:
    """A compact HTML view: a summary line, the members, the gaps (in the brief's language).

    Members are shown by id (names are personal data), core first; every text is escaped.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> comp = compose(*load_sample("klimatilpasning"), seed=0)
    >>> page = composition_html(comp)
    >>> page.startswith("<div"), "kernedeltagere" in page, comp.core[0].id in page
    (True, True, True)
    """
    lang = comp.language
    summary = say(
        "html.summary",
        lang,
        core=count(len(comp.core), "core_member", lang),
        phase=count(_phase_count(comp), "phase_member", lang),
        gaps=count(len(comp.gaps), "gap", lang),
        objective=objective_text(comp, lang),
    )
    rows = [
        (
            m.id,
            label(ROLES, m.role, lang),
            _actor_label(m.actor_type, lang),
            _orientation_label(m.orientation, lang),
            ", ".join(m.phases),
            ", ".join(str(k) for k in m.meetings),
            number(m.hours, lang),
            "; ".join(m.flags),
        )
        for m in comp.members
    ]
    parts = [
        f"<div><p><b>{_e(comp.theme)}</b>: {_e(summary)}</p>",
        f"<p><b>{_e(say('html.members', lang))}</b></p>",
        _table(columns("html.member", lang), rows),
        f"<p><b>{_e(say('html.gaps', lang))}</b></p>",
    ]
    if comp.gaps:
        gap_rows = [
            (g.need, ", ".join(g.phases), number(g.covered, lang, 2), g.count, g.advice)
            for g in comp.gaps
        ]
        parts.append(_table(columns("html.gap", lang), gap_rows))
    else:
        parts.append(f"<p>{_e(say('report.no_gaps', lang))}</p>")
    parts.append("</div>")
    return "".join(parts)


def pool_html(pool: _Pool, language: str = "da", rows: int = 5) -> str:
    """A compact HTML view of a pool: its size, counts by actor type, the first ``rows``.

    Names, free text and ties are left out (personal data); every text is escaped.

    Examples
    --------
    >>> from composer import load_candidates
    >>> pool = load_candidates([{"id": "A1", "actor_type": "borger", "organisation": "<Bo>"},
    ...                         {"id": "A2", "actor_type": "forsker"}])
    >>> page = pool_html(pool)
    >>> "2 kandidater" in page, "&lt;Bo&gt;" in page, "<Bo>" in page
    (True, True, False)
    """
    f = pool.frame
    counts = Counter(str(a) for a in f["actor_type"])
    actor_rows = [
        (_actor_label(a, language), n)
        for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    first = f.head(rows)
    pool_rows = []
    for cid, rec in first.iterrows():
        phases = rec.get("phases")
        phases_text = (
            say("html.all_phases", language)
            if phases is None or not isinstance(phases, list)
            else ", ".join(map(str, phases))
        )
        hours = rec.get("hours_available")
        motivation = rec.get("motivation")
        pool_rows.append(
            (
                cid,
                _actor_label(rec.get("actor_type"), language),
                _text(rec.get("organisation")),
                _text(rec.get("unit")),
                phases_text,
                "" if _missing(hours) else number(float(hours), language),
                "" if _missing(motivation) else int(motivation),
            )
        )
    title = say("html.pool", language, candidates=count(len(pool), "candidate", language),
                source=pool.source)  # fmt: skip
    return (
        f"<div><p><b>{_e(title)}</b></p>"
        f"<p><b>{_e(say('html.by_actor', language))}</b></p>"
        f"{_table(columns('html.actor', language), actor_rows)}"
        f"<p><b>{_e(say('html.first', language, n=len(first)))}</b></p>"
        f"{_table(columns('html.pool', language), pool_rows)}</div>"
    )


def _missing(v: object) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN and pd.NA-like values
    except (TypeError, ValueError):
        return True


def _text(v: object) -> str:
    return "" if _missing(v) else str(v)
