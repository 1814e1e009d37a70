"""The result as data: members, gaps, quotas, ties, co-drivers, dropouts.

These pydantic models are what a composition holds; they serialise to JSON for other
tools. The views (:mod:`composer.views`) read them, and :class:`composer.Composition`
adds the views as thin methods, so this module imports no view (no import circle).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import NetworkBrief

__all__ = [
    "CoDriver",
    "CompositionData",
    "Dropout",
    "Gap",
    "GapOption",
    "Handover",
    "Member",
    "NeedStatus",
    "NetworkTies",
    "QuotaStatus",
    "Taker",
    "WorthAsking",
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


class GapOption(BaseModel):
    """A person in the pool who covers a gap's need at all, and why they were not used."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Candidate id.")
    name: str | None = Field(None, description="The candidate's name (the report shows it).")
    unit: str | None = Field(None, description="The candidate's unit.")
    coverage: float = Field(description="How much the candidate covers the need (0-1).")
    need: str = Field(description="The need, with the candidate's own words behind it.")
    covers: bool = Field(description="True when the candidate covers the need (not only partly).")
    why: str = Field(description="Why the candidate is not there where the need falls short.")


class Gap(BaseModel):
    """A need the network does not cover as fully as its ``count`` asks."""

    model_config = ConfigDict(extra="forbid")

    need: str = Field(description="Need name.")
    kind: str = Field(description="Need kind.")
    phases: list[str] = Field(description="Phases where the need falls short.")
    covered: float = Field(description="Coverage reached (the lowest over those phases).")
    count: int = Field(description="Coverage asked for (the need's count).")
    closest: list[str] = Field(default_factory=list, description="Ids in the pool closest to it.")
    advice: str = Field(description="What to do about it (people by id and unit).")
    options: list[GapOption] = Field(
        default_factory=list, description="The people behind ``closest``, with why not."
    )


class Handover(BaseModel):
    """A need whose only holder in the network leaves before a later phase where it counts.

    It fires for a need *f* and a phase *q* it counts in when (1) nobody present in *q*
    covers *f* (coverage at least 0.5), (2) the coverage of *f* in *q* is short of its
    count by more than the gap tolerance, and (3) a member who covers *f* was present in
    an earlier phase where *f* counts and is not present in *q*. The holder should hand
    over, at their last meeting before *q*, to ``to``: the member present both then and
    in *q* who covers *f* most (ties by id), or, when nobody there covers it at all, to
    the core in writing (or, when the holder is free for *q*, to bring them in again).
    """

    model_config = ConfigDict(extra="forbid")

    need: str = Field(description="Need name.")
    holder: str = Field(description="Member id of the person who covers the need and leaves.")
    held_in: list[str] = Field(description="Earlier phases where the holder covers it.")
    phases: list[str] = Field(description="Later phases where nobody present covers it.")
    meeting: int = Field(description="The holder's last meeting before those phases.")
    to: str | None = Field(
        None, description="Member id to hand over to (None: a written summary to the core)."
    )
    to_coverage: float = Field(0.0, description="How much ``to`` covers the need.")
    holder_free: bool = Field(
        False, description="True when the holder is free for those phases (could come again)."
    )


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


class WorthAsking(BaseModel):
    """A strong candidate left out only because of their manager's no or a few hours: the
    network leader may ask (the manager, or the person for more time)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Candidate id.")
    name: str | None = Field(None, description="The candidate's name (the report shows it).")
    unit: str | None = Field(None, description="The candidate's unit.")
    blocked_by: Literal["manager_no", "hours"] = Field(
        description="What keeps them out: the line manager's no, or too few hours."
    )
    needs: list[str] = Field(description="Needs they would add to (where the network is short).")
    gain: float = Field(description="How much the coverage objective would rise with them.")


class Taker(BaseModel):
    """Someone in the pool who covers what a member's leaving loses, and what blocks them."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Candidate id.")
    name: str | None = Field(None, description="The candidate's name (the report shows it).")
    unit: str | None = Field(None, description="The candidate's unit.")
    needs: list[str] = Field(description="The lost needs they cover at all.")
    gain: float = Field(
        description="F they would bring back alone in the phases of the loss, rules aside."
    )
    blocked: str = Field(
        "",
        description="What keeps them from the seat (phase full, not free, a manager's "
        "no, too few hours); empty for the replacement.",
    )


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
    takers: list[Taker] = Field(
        default_factory=list,
        description="Who in the pool could take over what is lost (the replacement first, "
        "then by gain, ties by id; at most three), and what blocks each.",
    )
    single_point_of_failure: bool = Field(
        description="They carry coverage and no replacement restores it."
    )


class CompositionData(BaseModel):
    """A recommended network as data: core, phase participants, gaps, and how it came about.

    :class:`composer.Composition` adds the views as methods; every view is a plain function
    of :mod:`composer.views` that takes this data.
    """

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
    handovers: list[Handover] = Field(
        default_factory=list,
        description="Needs whose only holder leaves before a later phase where they count.",
    )
    worth_asking: list[WorthAsking] = Field(
        default_factory=list,
        description="Strong candidates left out only because of a manager's no or a few "
        "missing hours, best first (at most five).",
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
