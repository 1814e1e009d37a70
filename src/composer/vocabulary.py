"""The closed vocabularies of the data contract (:mod:`composer.models`): the actor types
the leaflet names, where a person looks from, the language of the texts, what a need is
matched against; each read as its key or its Danish word. Like the contract, this module
imports nothing else of the library."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ACTOR_LOOKUP",
    "KIND_ALIASES",
    "ActorType",
    "Language",
    "NeedKind",
    "Orientation",
    "allowed_actor_types",
]


class ActorType(StrEnum):
    """The 13 kinds of actor the leaflet names; input accepted as key or Danish label."""

    municipal_staff = "municipal_staff"
    municipal_manager = "municipal_manager"
    citizen = "citizen"
    user = "user"
    relative = "relative"
    interest_organisation = "interest_organisation"
    company = "company"
    evaluation_institute = "evaluation_institute"
    union = "union"
    other_municipality = "other_municipality"
    researcher = "researcher"
    politician = "politician"
    other = "other"

    @property
    def label_da(self) -> str:
        """The Danish label, e.g. ``kommunal medarbejder``."""
        return _LABELS_DA[self]

    @property
    def label_en(self) -> str:
        """The English label, e.g. ``municipal staff``."""
        return self.value.replace("_", " ")

    def label(self, language: str = "da") -> str:
        """The label in ``language`` (``da`` or ``en``)."""
        return self.label_da if language == "da" else self.label_en

    @property
    def is_municipal(self) -> bool:
        """True for the municipality's own staff and managers (who need line-manager approval)."""
        return self in (ActorType.municipal_staff, ActorType.municipal_manager)

    @classmethod
    def parse(cls, value: object) -> ActorType:
        """Read a key or a Danish label in any case.

        Examples
        --------
        >>> ActorType.parse("Kommunal Medarbejder")
        <ActorType.municipal_staff: 'municipal_staff'>
        >>> ActorType.parse("pårørende").value
        'relative'
        """
        key = ACTOR_LOOKUP.get(str(value).strip().lower())
        if key is None:
            raise ValueError(
                f"unknown actor type {value!r}; expected one of {allowed_actor_types()}"
            )
        return key


_LABELS_DA: dict[ActorType, str] = {
    ActorType.municipal_staff: "kommunal medarbejder",
    ActorType.municipal_manager: "kommunal leder",
    ActorType.citizen: "borger",
    ActorType.user: "bruger",
    ActorType.relative: "pårørende",
    ActorType.interest_organisation: "interesseorganisation",
    ActorType.company: "virksomhed",
    ActorType.evaluation_institute: "evalueringsinstitut",
    ActorType.union: "fagforening",
    ActorType.other_municipality: "anden kommune",
    ActorType.researcher: "forsker",
    ActorType.politician: "politiker",
    ActorType.other: "anden",
}

#: lower-case key, Danish label or English label (spaces) -> ActorType
ACTOR_LOOKUP: dict[str, ActorType] = {}
for _a in ActorType:
    ACTOR_LOOKUP[_a.value] = _a
    ACTOR_LOOKUP[_a.value.replace("_", " ")] = _a
    ACTOR_LOOKUP[_LABELS_DA[_a]] = _a


def allowed_actor_types() -> str:
    """The accepted actor types as one string, for error messages: the keys (quoted) with
    their Danish names (both are read)."""
    return ", ".join(f"{a.value!r} ({a.label_da})" for a in ActorType)


class Orientation(StrEnum):
    """Where a person looks from, relative to the units that own the theme.

    ``inside``: staff or managers of the brief's ``home_units``; ``across``: other units
    of the same municipality and other municipalities; ``outside``: everyone else.
    """

    inside = "inside"
    across = "across"
    outside = "outside"

    @property
    def label_da(self) -> str:
        """Danish label from the leaflet's "se ind, se ud og på tværs"."""
        return {"inside": "se ind", "across": "på tværs", "outside": "se ud"}[self.value]

    def label(self, language: str = "da") -> str:
        """The label in ``language``: ``se ind`` … in Danish, the key in English."""
        return self.label_da if language == "da" else self.value


class Language(StrEnum):
    """Language of the texts the library writes."""

    da = "da"
    en = "en"


class NeedKind(StrEnum):
    """What a need is matched against."""

    professional = "professional"
    personal = "personal"
    methodological = "methodological"
    perspective = "perspective"
    actor_type = "actor_type"
    topic = "topic"


#: Danish need kinds a brief may write, and the kind each one means.
KIND_ALIASES = {
    "faglig": "professional",
    "personlig": "personal",
    "metodisk": "methodological",
    "perspektiv": "perspective",
    "aktørtype": "actor_type",
    "aktør": "actor_type",
    "emne": "topic",
}
