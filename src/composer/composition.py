"""The result: a :class:`Composition` of core and phase participants, with its views.

A composition is a pydantic model, so it serialises to JSON for other tools
(``composition.model_dump_json()``); the views (:meth:`Composition.to_frame`,
:meth:`Composition.meeting_plan`, :meth:`Composition.to_networkx`,
:meth:`Composition.explain`) read only what it holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from .messages import say
from .models import NetworkBrief

if TYPE_CHECKING:
    import networkx as nx

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


class Member(BaseModel):
    """A chosen person: their role, phases, meetings and hours, and why they are in."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Candidate id.")
    name: str | None = Field(None, description="Display name, for invitations.")
    role: Literal["core", "phase"] = Field(description="core (all phases) or phase participant.")
    actor_type: str = Field(description="Actor type key.")
    orientation: str = Field(description="inside / across / outside.")
    organisation: str | None = Field(None, description="Organisation.")
    unit: str | None = Field(None, description="Unit.")
    phases: list[str] = Field(description="Phases the person attends.")
    meetings: list[int] = Field(description="Meeting numbers the person attends.")
    hours: float = Field(description="Meeting hours the person gives.")
    needs_covered: dict[str, float] = Field(
        default_factory=dict, description="Need name -> coverage (>= 0.3 only)."
    )
    reasons: list[str] = Field(description="Plain-language reasons: what the person adds.")
    flags: list[str] = Field(default_factory=list, description="Things to act on.")


class Gap(BaseModel):
    """A need the network does not cover as fully as its ``count`` asks."""

    model_config = ConfigDict(extra="forbid")

    need: str = Field(description="Need name.")
    kind: str = Field(description="Need kind.")
    phases: list[str] = Field(description="Phases where the need falls short.")
    covered: float = Field(description="Coverage reached (the lowest over those phases).")
    count: int = Field(description="Coverage asked for (the need's count).")
    closest: list[str] = Field(default_factory=list, description="Ids in the pool closest to it.")
    advice: str = Field(description="What to do about it.")


class QuotaStatus(BaseModel):
    """How a quota of the brief is met."""

    model_config = ConfigDict(extra="forbid")

    label: str
    column: str
    value: str
    scope: str
    min: int
    max: int | None
    count: int
    members: list[str]
    met: bool


class NeedStatus(BaseModel):
    """Coverage of a need, per phase, by the people present in that phase."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: str
    weight: float
    count: int
    phases: list[str]
    covered: dict[str, float] = Field(description="Phase -> coverage of the people present.")
    covered_by: dict[str, float] = Field(description="Member id -> coverage (>= 0.3).")


class NetworkTies(BaseModel):
    """Who already knows whom in the network, and what it reaches (``knows``, both ways)."""

    model_config = ConfigDict(extra="forbid")

    known_pairs: list[tuple[str, str]] = Field(
        default_factory=list, description="Pairs of members who know each other (ids, sorted)."
    )
    unknown_members: list[str] = Field(
        default_factory=list,
        description="Members nobody else in the network knows: introduce them at the first "
        "meeting.",
    )
    units: list[str] = Field(default_factory=list, description="The members' own units.")
    units_reached: list[str] = Field(
        default_factory=list,
        description="Units of the members and of the people in the pool they know.",
    )
    organisations: list[str] = Field(
        default_factory=list, description="The members' own organisations."
    )
    organisations_reached: list[str] = Field(
        default_factory=list,
        description="Organisations of the members and of the people in the pool they know.",
    )
    new_cross_unit_pairs: int = Field(
        0,
        description="Pairs of members from different units who do not know each other yet: "
        "the ties across units the network creates.",
    )
    new_cross_unit_examples: list[tuple[str, str]] = Field(
        default_factory=list, description="A few of those pairs (ids, first by id)."
    )


class CoDriver(BaseModel):
    """A core member suggested (or named in the brief) to co-drive with the leader."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Member id (a core member).")
    unit: str | None = Field(None, description="The member's unit.")
    named: bool = Field(False, description="True when the brief names them (co_drivers).")
    score: float = Field(0.0, description="Sum of the co-driver signals (see composer.network).")
    reasons: list[str] = Field(default_factory=list, description="The signals, in words.")


class Dropout(BaseModel):
    """What the network loses if one member leaves, and who could take the seat."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Member id.")
    role: Literal["core", "phase"] = Field(description="The member's role.")
    loss: dict[str, float] = Field(
        description="Phase -> drop in the coverage objective F in that phase without them."
    )
    loss_total: float = Field(description="Drop in F without them (the sum over the phases).")
    needs_lost: list[str] = Field(
        default_factory=list, description="Needs whose coverage drops without them."
    )
    replacement: str | None = Field(
        None, description="The best newcomer from the pool under every rule (None: nobody)."
    )
    recovered: float = Field(
        0.0, description="Share of the loss the replacement wins back (1: all, or no loss)."
    )
    restored: bool = Field(
        description="True when the replacement wins back (almost) all of the loss."
    )
    rules_met: bool = Field(
        True, description="False when no network without them meets the brief's rules."
    )
    single_point_of_failure: bool = Field(
        description="They carry coverage and no replacement restores it."
    )


class Composition(BaseModel):
    """A recommended network: core, phase participants, gaps, and how it came about."""

    model_config = ConfigDict(extra="forbid")

    theme: str = Field(description="The brief's theme.")
    language: str = Field("da", description="Language of the texts.")
    core: list[Member] = Field(description="Core participants (kernedeltagere), by id.")
    phase_participants: dict[str, list[Member]] = Field(
        description="Phase name -> participants brought in for it (deltagere der inddrages løbende)."
    )
    gaps: list[Gap] = Field(default_factory=list, description="Needs not fully covered.")
    objective: float = Field(
        description="Weighted coverage of the whole network: Σ weight · mean over the need's "
        "phases of min(1, coverage of the people present / count)."
    )
    person_hours: float = Field(
        0.0,
        description="Meeting hours of everyone together (core: all meetings; "
        "participants: their phases).",
    )
    fit: float = Field(
        0.0,
        description="The third tier of the model: the core's fit plus half of each "
        "participant's score, less one per near twin beyond one in the core.",
    )
    worst_dropout: float = Field(
        0.0,
        description="The objective left after the single dropout that hurts most (the "
        "model maximises it instead of the objective when the brief asks for resilience).",
    )
    reach: float = Field(
        0.0,
        description="What the brief's reach added to the optimiser's objective: each unit "
        "(or organisation) the members bring the network into, by membership or ties.",
    )
    units_reached: list[str] = Field(
        default_factory=list,
        description="With the brief's reach: the units (or organisations) the network reaches.",
    )
    method: str = Field(
        "", description="How the network was chosen (exact / heuristic) and any note."
    )
    optimal: bool = Field(False, description="True when the network is proven optimal.")
    bound: float | None = Field(
        None,
        description="A proven upper bound on what the model maximises first (the objective "
        "plus reach; with resilience, the objective left after the worst dropout): the "
        "exact model's dual bound, or the LP relaxation's optimum for the heuristic. None "
        "when none was computed.",
    )
    gap: float | None = Field(
        None,
        description="How far below the bound the network may be, as a share of the bound "
        "(0 when proven optimal): the network reaches at least 1 - gap of the best possible.",
    )
    needs: list[NeedStatus] = Field(default_factory=list, description="Coverage of every need.")
    quotas: list[QuotaStatus] = Field(default_factory=list, description="How each quota is met.")
    changes: list[str] = Field(default_factory=list, description="What a what-if changed.")
    ties: NetworkTies | None = Field(
        None, description="Who knows whom, and the units and organisations the network reaches."
    )
    co_drivers: list[CoDriver] = Field(
        default_factory=list, description="Up to two core members to co-drive with the leader."
    )
    dropouts: list[Dropout] = Field(
        default_factory=list,
        description="Per member: the loss if they leave and the best replacement (filled by "
        "composer.planner.dropouts.with_dropouts for larger ones).",
    )
    brief: NetworkBrief = Field(description="The brief this composition answers.")

    # ------------------------------------------------------------------ access
    @property
    def members(self) -> list[Member]:
        """Everyone chosen, once each: the core first, then phase participants by id."""
        seen: dict[str, Member] = {m.id: m for m in self.core}
        for ms in self.phase_participants.values():
            for m in ms:
                seen.setdefault(m.id, m)
        return list(seen.values())

    def member(self, cid: str) -> Member:
        """The member with id ``cid``."""
        for m in self.members:
            if m.id == cid:
                return m
        raise KeyError(f"{cid!r} is not in this composition")

    def __repr__(self) -> str:
        """One line (pydantic's repr of a whole composition runs to pages)."""
        from .html import composition_repr

        return composition_repr(self)

    def _repr_html_(self) -> str:
        """Compact HTML for notebooks: summary, members, gaps."""
        from .html import composition_html

        return composition_html(self)

    # ------------------------------------------------------------------ views
    def to_frame(self) -> pd.DataFrame:
        """One row per chosen person (index ``id``)."""
        rows = []
        for m in self.members:
            rows.append(
                {
                    "id": m.id,
                    "name": m.name,
                    "role": m.role,
                    "actor_type": m.actor_type,
                    "orientation": m.orientation,
                    "organisation": m.organisation,
                    "unit": m.unit,
                    "phases": m.phases,
                    "meetings": m.meetings,
                    "hours": m.hours,
                    "needs_covered": sorted(m.needs_covered),
                    "flags": m.flags,
                    "reasons": m.reasons,
                }
            )
        return pd.DataFrame(rows).set_index("id")

    def meeting_plan(self, by: Literal["person", "organisation"] = "person") -> pd.DataFrame:
        """Attendance with hours: one row per person (or organisation), one column per meeting.

        Columns ``meeting_1`` … hold the hours and ``total`` the sum, whatever the language
        (the keys are stable; exports and reports show "møde 1" / "meeting 1");
        ``by="organisation"`` adds people up per organisation, for the line-manager talks.
        """
        b = self.brief
        cols = [f"meeting_{k}" for k in range(1, b.meetings.count + 1)]
        rows = []
        for m in self.members:
            row: dict[str, Any] = {
                "id": m.id,
                "role": m.role,
                "organisation": m.organisation or say("report.none_org", self.language),
            }
            for k in range(1, b.meetings.count + 1):
                row[cols[k - 1]] = b.meetings.hours if k in m.meetings else 0.0
            rows.append(row)
        plan = pd.DataFrame(rows, columns=["id", "role", "organisation", *cols])
        plan["total"] = plan[cols].sum(axis=1)
        if by == "organisation":
            out = plan.groupby("organisation", sort=True)[[*cols, "total"]].sum()
            out["people"] = plan.groupby("organisation", sort=True)["id"].count()
            return out
        if by != "person":
            raise ValueError(f"by={by!r} should be 'person' or 'organisation'")
        return plan.set_index("id")

    def to_excel(self, path: str | Path, language: str | None = None) -> Path:
        """Write the composition to an Excel workbook (sheets: core, phase participants,
        meeting plan, needs and coverage, gaps, quotas), Danish or English headers."""
        from .export import composition_to_excel

        return composition_to_excel(self, path, language)

    def to_csv(self, path: str | Path | None = None) -> str:
        """The members as CSV (``;``-lists, formula-safe); written to ``path`` when given."""
        from .export import composition_to_csv

        return composition_to_csv(self, path)

    def to_networkx(self) -> nx.Graph:
        """Members, needs and who covers what, as a networkx graph.

        Member nodes carry ``kind="member"``, ``role``, ``actor_type``, ``orientation``;
        need nodes ``kind="need"``, ``weight``, ``count``, ``phases``; member–need edges
        ``kind="covers"`` with ``coverage``, and member–member edges ``kind="knows"`` for
        the ties in :attr:`ties`. Need node keys are ``"need:<name>"``. Every attribute
        is text, a number or a boolean, so ``nx.write_graphml`` and ``nx.write_gexf``
        take it (see :func:`composer.graph.composition_graph`).
        """
        from .graph import composition_graph

        return composition_graph(self)

    def plot(self, pool: CandidatePool | None = None, **kwargs: Any) -> Any:
        """The network picture: :func:`composer.plots.plot_network` (matplotlib extra)."""
        from .plots import plot_network

        return plot_network(self, pool, **kwargs)

    def plot_coverage(self, **kwargs: Any) -> Any:
        """Coverage per phase: :func:`composer.plots.plot_coverage` (matplotlib extra)."""
        from .plots import plot_coverage

        return plot_coverage(self, **kwargs)

    def plot_meetings(self, **kwargs: Any) -> Any:
        """The meeting plan: :func:`composer.plots.plot_meetings` (matplotlib extra)."""
        from .plots import plot_meetings

        return plot_meetings(self, **kwargs)

    def explain(self) -> str:
        """A Markdown report: summary, core, phases, needs, quotas, gaps and advice."""
        from .report import explain

        return explain(self)
