"""The data contract: candidates, actor types, orientation and the network brief.

Pydantic models are the public contract (``extra="forbid"`` on what the user writes,
enums for closed vocabularies, a description on every field so that the exported JSON
Schema documents itself). The enums (actor types, orientations, languages, need kinds)
are kept in :mod:`composer.vocabulary` and importable from here as before. Candidate
data itself is held column-wise by :class:`composer.pool.CandidatePool`;
:class:`Candidate` objects are made on access.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .cells import clean_text
from .vocabulary import (
    KIND_ALIASES,
    ActorType,
    Language,
    NeedKind,
    Orientation,
    allowed_actor_types,
)

__all__ = [
    "MAX_COUNT",
    "MAX_CO_DRIVERS",
    "MAX_WEIGHT",
    "ActorType",
    "Candidate",
    "CoreLimits",
    "Language",
    "Meetings",
    "Need",
    "NeedKind",
    "NetworkBrief",
    "Orientation",
    "Phase",
    "PhaseParticipantLimits",
    "QuotaSpec",
    "Reach",
]


#: Largest weight a brief may give a need or a score component.
MAX_WEIGHT = 1e6
#: Largest ``count`` of a need (how many people should cover it).
MAX_COUNT = 1_000
#: Most co-drivers a brief may name (the leaflet's model: one or two).
MAX_CO_DRIVERS = 2
#: A broken rule of a brief: (its sentence in composer.messages, the key, the parameters).
_Rule = tuple[str, str, dict[str, Any]]
#: Largest size limit or quota bound in a brief.
MAX_SIZE = 1_000_000


def _clean(v: object) -> object:
    """Text from the user: NFC, surrounding white space and invisible characters stripped."""
    return clean_text(v) if isinstance(v, str) else v


class Candidate(BaseModel):
    """One person in the pool, normalised (made on access from the column-wise pool)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Unique, non-empty identifier.")
    name: str | None = Field(None, description="Display name (personal data: never logged).")
    actor_type: ActorType = Field(description="Kind of actor.")
    organisation: str | None = Field(None, description="Employer or organisation.")
    unit: str | None = Field(None, description="Department or institution in the organisation.")
    professional_competences: list[str] = Field(
        default_factory=list, description="Faglige kompetencer."
    )
    personal_competences: list[str] = Field(
        default_factory=list, description="Personlige kompetencer, lived experience."
    )
    methodological_competences: list[str] = Field(
        default_factory=list, description="Metodiske kompetencer."
    )
    perspectives: list[str] = Field(default_factory=list, description="Perspective tags.")
    background: str = Field("", description="Education, job, experience (free text).")
    statement: str = Field("", description="Why they want to join (free text).")
    motivation: int | None = Field(None, ge=1, le=5, description="Motivation 1-5.")
    phases: list[str] | None = Field(
        None, description="Phases the person can join; None = all phases."
    )
    hours_available: float | None = Field(
        None, ge=0, description="Hours the person can give over the whole period."
    )
    manager_approval: bool | None = Field(
        None, description="Line manager's answer; None = not yet asked."
    )
    can_present: bool | None = Field(None, description="Willing to give a talk (oplæg).")
    can_take_tasks: bool | None = Field(
        None, description="Willing to solve tasks between meetings."
    )
    knows: list[str] = Field(default_factory=list, description="Ids of candidates they work with.")
    attributes: dict[str, Any] = Field(
        default_factory=dict, description="Any other column, usable in quotas."
    )


class Meetings(BaseModel):
    """How many meetings the network holds and how long each is."""

    model_config = ConfigDict(extra="forbid")

    count: int = Field(5, ge=1, le=50, description="Number of meetings (the leaflet: 4-6).")
    hours: float = Field(
        3.5, gt=0, le=24, allow_inf_nan=False, description="Hours per meeting (the leaflet: 3-4)."
    )

    @property
    def total_hours(self) -> float:
        """Hours of all meetings together."""
        return self.count * self.hours


class Phase(BaseModel):
    """A phase of the network's work and the meetings it spans (numbered from 1)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, description="Phase name, e.g. afdækning.")
    meetings: list[int] = Field(min_length=1, description="Meeting numbers in this phase.")

    @field_validator("name", mode="before")
    @classmethod
    def _clean_name(cls, v: object) -> object:
        return _clean(v)


class Need(BaseModel):
    """Something the network must cover."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(
        min_length=1,
        description="The need, as a phrase (Danish or English); white space and invisible "
        "characters around it are dropped.",
    )
    kind: NeedKind = Field(description="What the need is matched against.")
    weight: float = Field(
        1.0,
        gt=0,
        le=MAX_WEIGHT,
        allow_inf_nan=False,
        description=f"Importance (default 1, at most {MAX_WEIGHT:g}).",
    )
    count: int = Field(
        1,
        ge=1,
        le=MAX_COUNT,
        description=f"How many people should cover the need (at most {MAX_COUNT}).",
    )
    phases: list[str] | None = Field(None, description="Phases where the need counts; None = all.")

    @field_validator("name", mode="before")
    @classmethod
    def _clean_name(cls, v: object) -> object:
        return _clean(v)

    @field_validator("phases", mode="before")
    @classmethod
    def _clean_phases(cls, v: object) -> object:
        return [_clean(x) for x in v] if isinstance(v, list) else v

    @field_validator("kind", mode="before")
    @classmethod
    def _danish_kind(cls, v: object) -> object:
        if isinstance(v, str):
            low = v.strip().lower()
            return KIND_ALIASES.get(low, low)
        return v


#: Who may sit in the core when the brief does not say: every actor type but companies,
#: who come for the phases where their knowledge counts (the leaflet's model).
CORE_ACTOR_TYPES_DEFAULT: tuple[str, ...] = tuple(
    a.value for a in ActorType if a is not ActorType.company
)


class CoreLimits(BaseModel):
    """Size of the core (kernedeltagere), and who may sit in it."""

    model_config = ConfigDict(extra="forbid")

    min: int = Field(6, ge=0, le=MAX_SIZE, description="Fewest core participants.")
    max: int = Field(9, ge=1, le=MAX_SIZE, description="Most core participants.")
    actor_types: list[ActorType] | None = Field(
        None,
        description="The actor types that may sit in the core (keys or Danish labels). "
        "Default: every type but companies (virksomhed), who come for the phases where "
        "their knowledge counts. Whatever the list, a core seat also needs a carrier: "
        "municipal staff or a manager, or someone whose needs count in more than one phase.",
    )

    @field_validator("actor_types", mode="before")
    @classmethod
    def _parse_actor_types(cls, v: object) -> object:
        if not isinstance(v, list):
            return v
        try:
            return [ActorType.parse(x) if isinstance(x, str) else x for x in v]
        except ValueError as e:  # told by composer.messages (problem.pydantic_actor_type)
            ctx = {"why": str(e), "allowed": allowed_actor_types()}
            raise PydanticCustomError("actor_type", "{why}", ctx) from None

    def allowed_actor_types(self) -> tuple[str, ...]:
        """The actor types (keys) that may sit in the core."""
        if self.actor_types is None:
            return CORE_ACTOR_TYPES_DEFAULT
        return tuple(a.value for a in self.actor_types)


class PhaseParticipantLimits(BaseModel):
    """Limits on participants brought in for some phases (deltagere der inddrages løbende)."""

    model_config = ConfigDict(extra="forbid")

    per_phase_max: int = Field(
        3, ge=0, le=MAX_SIZE, description="Most phase participants in one phase."
    )
    total_max: int = Field(
        8, ge=0, le=MAX_SIZE, description="Most phase participants in all (people)."
    )


class QuotaSpec(BaseModel):
    """A quota on any column or derived attribute (``orientation``)."""

    model_config = ConfigDict(extra="forbid")

    column: str = Field(min_length=1, description="Column, e.g. actor_type, orientation, gender.")
    value: str = Field(description="Value counted (case-insensitive).")
    min: int = Field(0, ge=0, le=MAX_SIZE, description="At least this many.")
    max: int | None = Field(
        None, ge=0, le=MAX_SIZE, description="At most this many; None = no limit."
    )
    scope: str = Field("network", description="network (everyone), core, or a phase name.")

    @field_validator("column", "scope", mode="before")
    @classmethod
    def _clean_text(cls, v: object) -> object:
        return _clean(v)

    @field_validator("value", mode="before")
    @classmethod
    def _as_text(cls, v: object) -> object:
        if isinstance(v, bool):
            return "ja" if v else "nej"
        if isinstance(v, int | float):
            return str(v)
        return _clean(v)

    def label(self) -> str:
        """Short label, e.g. ``actor_type=citizen (core)``."""
        scope = "" if self.scope == "network" else f" ({self.scope})"
        return f"{self.column}={self.value}{scope}"


ScoreComponent = Literal["competence", "background", "perspective", "commitment", "availability"]


class Reach(BaseModel):
    """Reach as a need: every distinct unit (or organisation) a member belongs to or is
    tied to by ``knows`` counts once, with ``weight``, like a need with count 1."""

    model_config = ConfigDict(extra="forbid")

    by: Literal["unit", "organisation"] = Field(
        "unit", description="Count units (enheder) or organisations."
    )
    weight: float = Field(
        0.5, gt=0, le=MAX_WEIGHT, allow_inf_nan=False, description="Weight of each one reached."
    )


class NetworkBrief(BaseModel):
    """One network's brief (netværksbeskrivelse): theme, meetings, phases, needs, limits.

    The brief checks itself: phases cover meetings 1..count once each, needs and quotas
    name existing phases, min <= max everywhere.
    """

    model_config = ConfigDict(extra="forbid")

    theme: str = Field(min_length=1, description="The network's theme (netværkstema).")
    description: str = Field("", description="What the network must solve (free text).")
    home_units: list[str] = Field(
        default_factory=list, description="Units that own the theme (for orientation inside)."
    )
    period_months: float = Field(
        6, gt=0, le=120, allow_inf_nan=False, description="Length of the network's work in months."
    )
    meetings: Meetings = Field(default_factory=Meetings, description="Meetings.")
    phases: list[Phase] = Field(
        default_factory=list,
        description="Ordered phases; empty = one phase 'forløb' spanning all meetings.",
    )
    needs: list[Need] = Field(default_factory=list, description="What the network must cover.")
    core: CoreLimits = Field(default_factory=CoreLimits, description="Core size.")
    phase_participants: PhaseParticipantLimits = Field(
        default_factory=PhaseParticipantLimits, description="Phase participant limits."
    )
    quotas: list[QuotaSpec] = Field(default_factory=list, description="Quotas.")
    include: list[str] = Field(default_factory=list, description="Ids that must be in.")
    exclude: list[str] = Field(default_factory=list, description="Ids that must not be in.")
    co_drivers: list[str] = Field(
        default_factory=list,
        description="Ids of one or two people who co-drive the network with its leader; they "
        "must sit in the core.",
    )
    language: Language = Field(Language.da, description="Language of texts the library writes.")
    weights: dict[ScoreComponent, float] | None = Field(
        None, description="Override of the score weights (competence, background, ...)."
    )
    resilience: bool = Field(
        False,
        description="Maximise the coverage left after the worst single dropout (N-1) "
        "instead of the coverage itself (off by default).",
    )
    reach: Reach | None = Field(
        None,
        description="Optional: prefer members who bring the network into more units or "
        "organisations (off by default).",
    )
    thesaurus: str | None = Field(
        None,
        description="Optional: path of a thesaurus file (YAML or JSON, the form of "
        "composer/data/thesaurus.yaml) whose concepts extend the built-in thesaurus that "
        "coverage reads; relative paths are read from the working directory.",
    )

    @field_validator("include", "exclude", "home_units", "co_drivers", mode="before")
    @classmethod
    def _ids_as_text(cls, v: object) -> object:
        if isinstance(v, list):
            return [
                clean_text(str(x)) if isinstance(x, str | int) and not isinstance(x, bool) else x
                for x in v
            ]
        return v

    @field_validator("theme", mode="before")
    @classmethod
    def _clean_theme(cls, v: object) -> object:
        return _clean(v)

    @model_validator(mode="after")
    def _check(self) -> NetworkBrief:
        if not self.phases:
            self.phases = [Phase(name="forløb", meetings=list(range(1, self.meetings.count + 1)))]
        rules = [*self._phase_problems(), *self._need_problems(), *self._quota_problems(),
                 *self._size_problems(), *self._weight_problems()]  # fmt: skip
        if rules:  # told by composer.messages (problem.<message>) where the brief is loaded
            problems = [{"message": m, "at": at, "params": p} for m, at, p in rules]
            codes = ", ".join(f"{at}: {m}" for m, at, _ in rules)
            raise PydanticCustomError("brief_rules", "the brief breaks its own rules ({codes})",
                                      {"codes": codes, "problems": problems})  # fmt: skip
        return self

    def _phase_problems(self) -> list[_Rule]:
        lower = [p.name.lower() for p in self.phases]
        twice = sorted(n for n, k in Counter(lower).items() if k > 1)
        problems: list[_Rule] = [("brief_phase_twice", "phases", {"name": n}) for n in twice]
        count = self.meetings.count
        seen: dict[int, str] = {}
        for p in self.phases:
            for m in p.meetings:
                if not 1 <= m <= count:
                    at: dict[str, Any] = {"phase": p.name, "meeting": m, "count": count}
                    problems.append(("brief_meeting_range", "phases", at))
                elif m in seen:
                    at = {"meeting": m, "first": seen[m], "second": p.name}
                    problems.append(("brief_meeting_twice", "phases", at))
                else:
                    seen[m] = p.name
        if missing := [m for m in range(1, count + 1) if m not in seen]:
            at = {"meetings": missing, "count": count}
            one = "brief_meeting_missing" if len(missing) == 1 else "brief_meetings_missing"
            problems.append((one, "phases", at))
        return problems

    def _need_problems(self) -> list[_Rule]:
        names = [p.name for p in self.phases]
        lower = [n.lower() for n in names]
        need_names = [n.name.strip().lower() for n in self.needs]
        twice = sorted(n for n, k in Counter(need_names).items() if k > 1)
        problems: list[_Rule] = [("brief_need_twice", "needs", {"name": n}) for n in twice]
        problems += [
            ("brief_need_phase", f"needs[{i}]",
             {"phase": ph, "need": need.name, "phases": ", ".join(names)})
            for i, need in enumerate(self.needs)
            for ph in need.phases or []
            if ph.lower() not in lower
        ]  # fmt: skip
        return problems

    def _quota_problems(self) -> list[_Rule]:
        names = [p.name for p in self.phases]
        scopes = {"network", "core", *(n.lower() for n in names)}
        problems: list[_Rule] = []
        for i, q in enumerate(self.quotas):
            if q.scope.lower() not in scopes:
                at: dict[str, Any] = {
                    "scope": q.scope,
                    "quota": q.label(),
                    "phases": ", ".join(names),
                }
                problems.append(("brief_quota_scope", f"quotas[{i}]", at))
            if q.max is not None and q.min > q.max:
                at = {"min": q.min, "max": q.max, "quota": q.label()}
                problems.append(("brief_quota_order", f"quotas[{i}]", at))
        groups: dict[tuple[str, str, str], list[QuotaSpec]] = {}
        for q in self.quotas:
            groups.setdefault((q.column, q.value.strip().lower(), q.scope.lower()), []).append(q)
        for (col, val, scope), qs in groups.items():
            lo = max(q.min for q in qs)
            hi = min((q.max for q in qs if q.max is not None), default=None)
            if len(qs) > 1 and hi is not None and lo > hi:
                at = {"quota": f"{col}={val} ({scope})", "min": lo, "max": hi}
                problems.append(("brief_quota_clash", "quotas", at))
        return problems

    def _size_problems(self) -> list[_Rule]:
        problems: list[_Rule] = []
        if self.core.min > self.core.max:
            at: dict[str, Any] = {"min": self.core.min, "max": self.core.max}
            problems.append(("brief_core_order", "core", at))
        if both := sorted(set(self.include) & set(self.exclude)):
            problems.append(("brief_include_exclude", "include", {"ids": both}))
        if barred := sorted(set(self.co_drivers) & set(self.exclude)):
            problems.append(("brief_co_driver_exclude", "co_drivers", {"ids": barred}))
        drivers = list(self.co_drivers)
        if len(drivers) > MAX_CO_DRIVERS or len(set(drivers)) < len(drivers):
            at = {"ids": drivers, "max": MAX_CO_DRIVERS}
            problems.append(("brief_co_drivers", "co_drivers", at))
        return problems

    def _weight_problems(self) -> list[_Rule]:
        if self.weights is None:
            return []
        problems: list[_Rule] = [
            ("brief_weight", "weights", {"key": k, "weight": f"{w:g}", "max": f"{MAX_WEIGHT:g}"})
            for k, w in self.weights.items()
            if not (math.isfinite(w) and 0 <= w <= MAX_WEIGHT)
        ]
        if self.weights and sum(self.weights.values()) <= 0:
            problems.append(("brief_weights_zero", "weights", {}))
        return problems

    # --- helpers used downstream (data only, no I/O) -------------------------------
    @property
    def phase_names(self) -> list[str]:
        """Phase names in order."""
        return [p.name for p in self.phases]

    def phase(self, name: str) -> Phase:
        """The phase called ``name`` (case-insensitive)."""
        for p in self.phases:
            if p.name.lower() == name.lower():
                return p
        raise KeyError(name)

    def canonical_phase(self, name: str) -> str:
        """The brief's spelling of a phase name given in any case."""
        return self.phase(name).name

    def need_phases(self, need: Need) -> list[str]:
        """The phases where ``need`` counts (all phases when it names none)."""
        if need.phases is None:
            return self.phase_names
        return [self.canonical_phase(p) for p in need.phases]

    def phase_hours(self, name: str) -> float:
        """Meeting hours in the phase ``name``."""
        return len(self.phase(name).meetings) * self.meetings.hours

    @property
    def home_unit_keys(self) -> set[str]:
        """The home units, lower-cased and stripped."""
        return {u.strip().lower() for u in self.home_units}
