"""The result: a :class:`Composition` of core and phase participants, with its views.

A composition is a pydantic model (its data is :class:`composer.result.CompositionData`),
so it serialises to JSON for other tools (``composition.model_dump_json()``). Each view
is a plain function in :mod:`composer.views` that takes the composition; the methods
here are thin and import their view when called (matplotlib, openpyxl and networkx load
only then). The views import the data module, never this one: no import circle.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .result import (
    CoDriver,
    CompositionData,
    Dropout,
    Gap,
    Member,
    NeedStatus,
    NetworkTies,
    QuotaStatus,
)

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .pool import CandidatePool

__all__ = [
    "CoDriver",
    "Composition",
    "Dropout",
    "Gap",
    "Member",
    "NeedStatus",
    "NetworkTies",
    "QuotaStatus",
]


class Composition(CompositionData):
    """A recommended network: core, phase participants, gaps, and how it came about."""

    def __repr__(self) -> str:
        """One line (pydantic's repr of a whole composition runs to pages)."""
        from .views.html import composition_repr

        return composition_repr(self)

    def _repr_html_(self) -> str:
        """Compact HTML for notebooks: summary, members, gaps."""
        from .views.html import composition_html

        return composition_html(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per chosen person (index ``id``)."""
        from .views.tables import members_frame

        return members_frame(self)

    def meeting_plan(self, by: Literal["person", "organisation"] = "person") -> pd.DataFrame:
        """Attendance with hours: one row per person (or organisation), one column per meeting.

        Columns ``meeting_1`` … hold the hours and ``total`` the sum, whatever the language
        (the keys are stable; exports and reports show "møde 1" / "meeting 1");
        ``by="organisation"`` adds people up per organisation, for the line-manager talks.
        """
        from .views.tables import meeting_plan

        return meeting_plan(self, by)

    def to_excel(self, path: str | Path, language: str | None = None) -> Path:
        """Write the composition to an Excel workbook (sheets: core, phase participants,
        meeting plan, needs and coverage, gaps, quotas), Danish or English headers."""
        from .views.export import composition_to_excel

        return composition_to_excel(self, path, language)

    def to_csv(
        self, path: str | Path | None = None, language: str | None = None, sep: str | None = None
    ) -> str:
        """The members as CSV for a spreadsheet in ``language`` (Danish: ``;`` and a decimal
        comma), formula-safe; written to ``path`` when given
        (:func:`composer.views.export.composition_to_csv`)."""
        from .views.export import composition_to_csv

        return composition_to_csv(self, path, language, sep)

    def to_networkx(self) -> nx.Graph:
        """Members, needs and who covers what, as a networkx graph.

        Member nodes carry ``kind="member"``, ``role``, ``actor_type``, ``orientation``;
        need nodes ``kind="need"``, ``weight``, ``count``, ``phases``; member–need edges
        ``kind="covers"`` with ``coverage``, and member–member edges ``kind="knows"`` for
        the ties in :attr:`ties`. Need node keys are ``"need:<name>"``. Every attribute
        is text, a number or a boolean, so ``nx.write_graphml`` and ``nx.write_gexf``
        take it (see :func:`composer.views.graph.composition_graph`).
        """
        from .views.graph import composition_graph

        return composition_graph(self)

    def plot(self, pool: CandidatePool | None = None, **kwargs: Any) -> Any:
        """The network picture: :func:`composer.plots.plot_network` (matplotlib extra)."""
        from .views.plots import plot_network

        return plot_network(self, pool, **kwargs)

    def plot_coverage(self, **kwargs: Any) -> Any:
        """Coverage per phase: :func:`composer.plots.plot_coverage` (matplotlib extra)."""
        from .views.plots import plot_coverage

        return plot_coverage(self, **kwargs)

    def plot_meetings(self, **kwargs: Any) -> Any:
        """The meeting plan: :func:`composer.plots.plot_meetings` (matplotlib extra)."""
        from .views.plots import plot_meetings

        return plot_meetings(self, **kwargs)

    def to_html(self) -> str:
        """The whole report (the sections of :meth:`explain`) as a standalone HTML page,
        for a screen of 1,000–1,400 px and A4 print: :func:`composer.views.page.report_html`."""
        from .views.page import report_html

        return report_html(self)

    def to_pdf(self, path: str | Path) -> Path:
        """The report as an A4 PDF (WeasyPrint, the ``pdf`` extra):
        :func:`composer.views.page.report_pdf`."""
        from .views.page import report_pdf

        return report_pdf(self, path)

    def explain(self) -> str:
        """A Markdown report: summary, core, phases, needs, quotas, gaps and advice."""
        from .views.report import explain

        return explain(self)
