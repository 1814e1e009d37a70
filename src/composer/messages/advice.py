"""Sentences of the advice a network leader acts on (issue 15): who is who, handovers,
what blocks a fragile seat's replacement; and :func:`person`, how a report names someone.

Kept in one block of their own, merged into :data:`composer.messages.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..text import number

__all__ = ["ADVICE_MESSAGES", "gap_advice", "member_named", "person"]

ADVICE_MESSAGES: dict[str, dict[str, str]] = {
    # --- who is who: a name, the unit and the id, so two of one name are told apart
    "person.full": {"da": "{name} ({unit}, {id})", "en": "{name} ({unit}, {id})"},
    "person.name": {"da": "{name} ({id})", "en": "{name} ({id})"},
    "person.unit": {"da": "{id} ({unit})", "en": "{id} ({unit})"},
    # --- handovers: a need whose only holder leaves before a later phase
    "report.handovers": {"da": "Overdragelser", "en": "Handovers"},
    "handover.to": {
        "da": "{need} ({phases}): {holder} dækker behovet i {held_in}, men er ikke med i "
        "{phases}, hvor ingen andre i netværket dækker det. Aftal, at personen overdrager til "
        "{to} (dækker det {cover}) ved møde {meeting}, gerne med et kort skriftligt resumé.",
        "en": "{need} ({phases}): {holder} covers the need in {held_in} but is not in "
        "{phases}, where no one else in the network covers it. Agree that they hand over to "
        "{to} (covers it {cover}) at meeting {meeting}, with a short written summary.",
    },
    "handover.core": {
        "da": "{need} ({phases}): {holder} dækker behovet i {held_in}, men er ikke med i "
        "{phases}, og ingen, der er med dér, dækker det. Planlæg en skriftlig overdragelse "
        "til kernen ved møde {meeting}, eller inddrag personen igen i {phases}.",
        "en": "{need} ({phases}): {holder} covers the need in {held_in} but is not in "
        "{phases}, and no one there covers it. Plan a written handover to the core at "
        "meeting {meeting}, or bring them in again for {phases}.",
    },
    "handover.written": {
        "da": "{need} ({phases}): {holder} dækker behovet i {held_in}, men kan ikke deltage i "
        "{phases}, og ingen, der er med dér, dækker det. Planlæg en skriftlig overdragelse "
        "til kernen ved møde {meeting}.",
        "en": "{need} ({phases}): {holder} covers the need in {held_in} but is not available "
        "for {phases}, and no one there covers it. Plan a written handover to the core at "
        "meeting {meeting}.",
    },
    # --- fragile seats: who could take over, and what blocks them
    "fragile.loss": {
        "da": "{who}, {role}: uden personen mister netværket {loss} af dækningsmålet "
        "({phases}; {needs}).",
        "en": "{who}, {role}: without them the network loses {loss} of the coverage "
        "objective ({phases}; {needs}).",
    },
    "fragile.partial": {
        "da": "Den bedste erstatning, {new}, vinder kun {share} tilbage.",
        "en": "The best replacement, {new}, wins back only {share}.",
    },
    "fragile.takers": {
        "da": "Kunne overtage: {people}.",
        "en": "Could take over: {people}.",
    },
    "fragile.taker": {"da": "{who} – {needs}: {why}", "en": "{who} – {needs}: {why}"},
    "fragile.nobody": {
        "da": "Ingen uden for netværket dækker {needs}: rekruttér en afløser, eller aftal, "
        "hvem i netværket der tager over.",
        "en": "No one outside the network covers {needs}: recruit a stand-in, or agree who "
        "in the network takes over.",
    },
    "gap.closest": {"da": "Nærmest i puljen: {people}.", "en": "Closest in the pool: {people}."},
    "gap.partly": {
        "da": "Delvist dækket i puljen af {people}.",
        "en": "Partly covered in the pool by {people}.",
    },
    "gap.option": {"da": "{who} – {need} {cover}: {why}", "en": "{who} – {need} {cover}: {why}"},
    "absent.core_seat": {
        "da": "den ledige plads skal gå til kernen (den skal have mindst {n}), og personen kan "
        "ikke sidde i kernen",
        "en": "the free seat must go to the core (it needs at least {n}), and they cannot sit "
        "in the core",
    },
    "absent.core_full": {
        "da": "kernen er fuld (højst {n})",
        "en": "the core is full (at most {n})",
    },
}


def person(cid: str, name: str | None, unit: str | None, language: str = "da") -> str:
    """How a report names someone: name, unit and id (what is known of them).

    Examples
    --------
    >>> person("DV27", "Mette Jensen", "Hjemmeplejen Nord")
    'Mette Jensen (Hjemmeplejen Nord, DV27)'
    >>> person("DV27", None, "Hjemmeplejen Nord"), person("DV27", "Mette Jensen", None)
    ('DV27 (Hjemmeplejen Nord)', 'Mette Jensen (DV27)')
    """
    lang = language if language in ("da", "en") else "da"
    if name and unit:
        return ADVICE_MESSAGES["person.full"][lang].format(name=name, unit=unit, id=cid)
    if name:
        return ADVICE_MESSAGES["person.name"][lang].format(name=name, id=cid)
    if unit:
        return ADVICE_MESSAGES["person.unit"][lang].format(unit=unit, id=cid)
    return cid


class _Named(Protocol):
    """What :func:`member_named` reads of a :class:`composer.result.Member`."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def unit(self) -> str | None: ...


def member_named(members: Iterable[_Named], cid: str, language: str = "da") -> str:
    """:func:`person` for the member ``cid`` of ``members`` (the bare id when it is not
    one of them): the report, the web page and the what-ifs name members this way."""
    m = next((m for m in members if m.id == cid), None)
    return person(cid, m.name if m else None, m.unit if m else None, language)


class _Option(Protocol):
    """What :func:`gap_advice` reads of a :class:`composer.result.GapOption`."""

    id: str
    name: str | None
    unit: str | None
    coverage: float
    need: str
    covers: bool
    why: str


def gap_advice(options: Sequence[_Option], language: str = "da", *, names: bool = True) -> str:
    """A gap's advice naming the people in the pool who cover it at all and why they were
    not used; ``names=False`` for texts that keep names out (id and unit only)."""
    lang = language if language in ("da", "en") else "da"
    parts = [
        ADVICE_MESSAGES["gap.option"][lang].format(
            who=person(o.id, o.name if names else None, o.unit, lang),
            need=o.need, cover=number(o.coverage, lang, 2), why=o.why,
        )
        for o in options
    ]  # fmt: skip
    code = "gap.closest" if options and options[0].covers else "gap.partly"
    return ADVICE_MESSAGES[code][lang].format(people="; ".join(parts))
