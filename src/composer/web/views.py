"""What the pages show of a composition: tables, pictures as data URIs, differences.

Tables come from :func:`composer.views.export.composition_tables` (the workbook's sheets, with
their labels), pictures from :mod:`composer.plots` as PNG inlined as ``data:`` URIs (the
Content-Security-Policy allows images from ``data:`` and nothing from outside).
"""

from __future__ import annotations

import base64
import io
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..text import number
from ..views.export import composition_tables, frame_to_html, with_headers

if TYPE_CHECKING:
    import pandas as pd

    from ..composition import Composition
    from ..pool import CandidatePool

__all__ = ["Difference", "difference", "member_rows", "pictures", "pool_rows", "tables_html"]

#: pyplot keeps global state: one picture at a time, whatever the number of worker threads
_PLOT_LOCK = threading.Lock()
#: columns of the member tables on the page (the rest is in the downloads)
MEMBER_COLUMNS = ("id", "name", "actor_type", "orientation", "unit", "phases", "hours", "flags")
POOL_COLUMNS = ("id", "name", "actor_type", "organisation", "unit", "motivation", "phases")


def _png(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=80)
    finally:
        plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def pictures(comp: Composition, pool: CandidatePool) -> dict[str, str]:
    """The network picture and the coverage heatmap as ``data:image/png`` URIs (by id,
    never by name: the pictures may be shared)."""
    import matplotlib

    matplotlib.use("Agg")
    from ..plots import plot_coverage, plot_network

    with _PLOT_LOCK:
        return {
            "network": _png(plot_network(comp, pool)),
            "coverage": _png(plot_coverage(comp)),
        }


def _text(value: Any, language: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return number(value, language)
    return str(value)


def _rows(frame: pd.DataFrame, columns: tuple[str, ...], language: str) -> dict[str, Any]:
    """Labels and text cells of ``columns`` (those ``frame`` has), for a template."""
    cols = [c for c in columns if c in frame.columns]
    labels = with_headers(frame[cols].iloc[:0], language).columns.tolist()
    rows = [[_text(v, language) for v in row] for row in frame[cols].itertuples(index=False)]
    return {"labels": labels, "rows": rows}


def member_rows(comp: Composition) -> dict[str, dict[str, Any]]:
    """The core and the phase participants as rows of text (the first cell is the id),
    with the reasons of each member in the last cell."""
    tables = composition_tables(comp)
    out = {}
    for key in ("core", "phase_participants"):
        frame = tables[key]
        cols = ("phase", *MEMBER_COLUMNS) if key == "phase_participants" else MEMBER_COLUMNS
        out[key] = _rows(frame, cols, comp.language)
        out[key]["reasons"] = frame["reasons"].tolist()
        out[key]["ids"] = frame["id"].tolist()
    return out


def tables_html(comp: Composition) -> dict[str, Markup]:
    """The meeting plan, needs, gaps and quotas as escaped HTML tables (by table key)."""
    tables = composition_tables(comp)
    lang = comp.language
    # frame_to_html escapes every cell, so its table is safe to insert as it is
    return {
        key: Markup(frame_to_html(with_headers(tables[key], lang), lang, index=False))
        for key in ("meeting_plan", "needs", "gaps", "quotas")
    }


def pool_rows(pool: CandidatePool, language: str) -> dict[str, Any]:
    """The pool as rows of text for the Kandidater page (actor types as labels)."""
    from ..models import ActorType

    frame = pool.frame.reset_index()
    frame["actor_type"] = frame["actor_type"].map(lambda a: ActorType(a).label(language))
    return _rows(frame, POOL_COLUMNS, language)


@dataclass
class Difference:
    """How one composition differs from another: who joined, who left, who changed role."""

    joined: list[str]
    left: list[str]
    moved: list[str]
    objective: tuple[float, float]
    person_hours: tuple[float, float]


def difference(before: Composition, after: Composition) -> Difference:
    """Who is new in ``after``, who left, who changed role or phases (ids, sorted)."""
    old = {m.id: (m.role, tuple(m.phases)) for m in before.members}
    new = {m.id: (m.role, tuple(m.phases)) for m in after.members}
    return Difference(
        joined=sorted(set(new) - set(old)),
        left=sorted(set(old) - set(new)),
        moved=sorted(i for i in set(old) & set(new) if old[i] != new[i]),
        objective=(before.objective, after.objective),
        person_hours=(before.person_hours, after.person_hours),
    )
