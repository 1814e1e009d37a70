"""Labels and titles of the pictures (:mod:`composer.views.plots`), in Danish and English;
part of the one table (:mod:`composer.messages`)."""

from __future__ import annotations

__all__ = ["PLOT_TEXT"]

#: Labels and titles of the pictures (plots.py).
PLOT_TEXT: dict[str, dict[str, str]] = {
    "da": {
        "core": "kernedeltager",
        "phase": "deltager som inddrages løbende",
        "need": "behov",
        "need_gap": "behov med hul",
        "covers": "dækker behov",
        "knows": "kender hinanden",
        "network": "Netværket: {theme}",
        "coverage": "Dækning pr. fase: hvem dækker hvilket behov",
        "coverage_bar": "dækning (0–1)",
        "not_in_phase": "grå: behovet gælder ikke i fasen; rød ramme: hul",
        "no_needs": "netværksbeskrivelsen nævner ingen behov",
        "meeting": "møde {k}",
        "meetings": "Mødeplan: timer pr. person og møde",
        "hours": "timer",
        "total": "i alt",
        "phase_title": "{phase} (møde {meetings})",
    },
    "en": {
        "core": "core participant",
        "phase": "phase participant",
        "need": "need",
        "need_gap": "need with a gap",
        "covers": "covers a need",
        "knows": "know each other",
        "network": "The network: {theme}",
        "coverage": "Coverage by phase: who covers which need",
        "coverage_bar": "coverage (0–1)",
        "not_in_phase": "grey: the need does not count in the phase; red frame: gap",
        "no_needs": "the brief names no needs",
        "meeting": "meeting {k}",
        "meetings": "Meeting plan: hours per person and meeting",
        "hours": "hours",
        "total": "total",
        "phase_title": "{phase} (meetings {meetings})",
    },
}
