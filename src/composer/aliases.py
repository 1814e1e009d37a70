"""Other names for the contract's columns and the brief's keys (Danish first), and the
check that keeps a misspelt contract column from being read as an extra attribute.

A header is compared by its *key*: case folded, ``_``, ``-``, ``.``, ``:`` and runs of
spaces read as one space. A header that is neither a contract column nor an alias is an
extra attribute, unless it looks like a contract column (:func:`probable_column`): then
reading it silently as an attribute would lose data (a line manager's "nej" unread), so
it is an error naming the column it probably means, unless the user declares it extra.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

__all__ = [
    "BRIEF_ALIASES",
    "COLUMN_ALIASES",
    "HEADER_ALIASES",
    "header_key",
    "looks_like_composition",
    "probable_column",
    "rename_brief_keys",
]

#: Contract column -> the other headers accepted for it (compared by :func:`header_key`).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("nr", "nummer", "kandidat id", "kandidatnummer"),
    "name": ("navn", "fulde navn", "full name"),
    "actor_type": ("aktørtype", "aktør type", "aktør", "type af aktør", "actor"),
    "organisation": ("organisation", "organization", "arbejdsplads", "arbejdsgiver"),
    "unit": ("enhed", "afdeling", "institution"),
    "professional_competences": (
        "faglige kompetencer",
        "faglig kompetence",
        "fagkompetencer",
        "professional competence",
    ),
    "personal_competences": (
        "personlige kompetencer",
        "personlig kompetence",
        "personal competence",
    ),
    "methodological_competences": (
        "metodiske kompetencer",
        "metodisk kompetence",
        "metodekompetencer",
        "methodological competence",
    ),
    "perspectives": ("perspektiver", "perspektiv", "perspective"),
    "background": ("baggrund",),
    "statement": (
        "udtalelse",
        "motivation tekst",
        "motivationstekst",
        "begrundelse",
        "hvorfor vil du være med",
    ),
    "motivation": ("motivation 1 5", "motivationsgrad"),
    "phases": ("faser", "fase", "kan deltage i faser", "phase"),
    "hours_available": (
        "timer",
        "timer til rådighed",
        "timetal",
        "antal timer",
        "hours",
    ),
    "manager_approval": (
        "ledergodkendelse",
        "leders godkendelse",
        "lederens godkendelse",
        "leder godkendelse",
        "godkendt af leder",
        "godkendt af lederen",
        "godkendt af personaleleder",
        "godkendt af personalelederen",
        "leder godkendt",
        "leder godkender",
        "personaleleder godkendt",
        "personaleleder godkender",
        "personaleleders godkendelse",
        "personalelederens godkendelse",
        "personaleleder godkendelse",
        "godkendelse fra leder",
        "godkendelse fra personaleleder",
        "aftalt med leder",
        "aftalt med personaleleder",
        "manager approved",
        "line manager approval",
        "approved by manager",
    ),
    "can_present": ("kan holde oplæg", "vil holde oplæg", "oplæg", "can give a talk"),
    "can_take_tasks": (
        "kan tage opgaver",
        "kan løse opgaver",
        "vil løse opgaver",
        "opgaver",
        "can take tasks",
    ),
    "knows": ("kender", "kender id", "arbejder sammen med", "relationer"),
}

#: Word stems that belong to one column: a header holding one of them is probably that
#: column (``Godkendelse (leder)``, ``Timer i alt``, ``Faser (kan deltage)``); the first
#: column whose stem is found wins (``personaleleder`` before ``personal``).
_STEMS: dict[str, tuple[str, ...]] = {
    "manager_approval": ("godkend", "approv", "personaleleder"),
    "hours_available": ("timer", "timetal", "hours"),
    "phases": ("fase", "phase"),
    "motivation": ("motivation",),
    "actor_type": ("aktør", "actor"),
    "can_present": ("oplæg", "present"),
    "can_take_tasks": ("opgave", "task"),
    "knows": ("kender", "knows"),
    "professional_competences": ("faglig", "professional"),
    "personal_competences": ("personlig", "personal"),
    "methodological_competences": ("metodisk", "metode", "methodolog"),
    "perspectives": ("perspektiv", "perspective"),
}

_SEPARATORS = re.compile(r"[\s_\-.:/()\[\]]+")


def header_key(header: str) -> str:
    """The form headers are compared in: NFC, case folded, separators as one space.

    Examples
    --------
    >>> header_key(" Leders_Godkendelse: "), header_key("Motivation (1-5)")
    ('leders godkendelse', 'motivation 1 5')
    """
    text = unicodedata.normalize("NFC", str(header)).casefold()
    return " ".join(_SEPARATORS.sub(" ", text).split())


#: Every accepted header key -> its contract column.
HEADER_ALIASES: dict[str, str] = {
    header_key(alias): column for column, aliases in COLUMN_ALIASES.items() for alias in aliases
}


#: Every contract name and alias, as keys, with its column (the near-miss candidates),
#: by length (in the order they are listed, so ties go to the first as before).
_NAMES_BY_LENGTH: dict[int, list[tuple[int, str, str]]] = {}
for _k, (_name, _column) in enumerate(
    [(header_key(c), c) for c in COLUMN_ALIASES] + list(HEADER_ALIASES.items())
):
    _NAMES_BY_LENGTH.setdefault(len(_name), []).append((_k, _name, _column))


def probable_column(header: str) -> str | None:
    """The contract column an unknown ``header`` probably means, or None.

    By a stem that belongs to one column, or by a spelling close to a contract name or an
    alias (``manger_aproval``, ``Ledergodkendlse``).

    Examples
    --------
    >>> probable_column("Godkendelse (leder)"), probable_column("Ledergodkendlse")
    ('manager_approval', 'manager_approval')
    >>> probable_column("Køn"), probable_column("alder"), probable_column("bydel")
    (None, None, None)
    """
    key = header_key(header)
    if not key:
        return None
    for column, stems in _STEMS.items():
        if any(s in key for s in stems):
            return column
    if len(key) < 4:
        return None
    best, score = None, 0.0
    matcher = SequenceMatcher(None, b=key)  # the header is analysed once, the names vary
    # a ratio of at least 0.85 needs lengths within 0.85/1.15 of each other (difflib's
    # real_quick_ratio), so only names of such lengths are compared
    low, high = len(key) * 0.85 / 1.15 - 1e-9, len(key) * 1.15 / 0.85 + 1e-9
    near = sorted(
        entry
        for length in range(math.ceil(low), math.floor(high) + 1)
        for entry in _NAMES_BY_LENGTH.get(length, ())
    )  # in the order the names are listed: a tie goes to the first, as it always did
    for _, name, column in near:
        matcher.set_seq1(name)
        if matcher.quick_ratio() < 0.85:  # the next cheapest upper bound
            continue
        ratio = matcher.ratio()
        if ratio > score:
            best, score = column, ratio
    return best if score >= 0.85 else None


#: Danish (and other) keys of a brief -> the contract's key, by level: ``""`` is the
#: top level, ``"meetings"`` the mapping under ``meetings`` and so on.
BRIEF_ALIASES: dict[str, dict[str, str]] = {
    "": {
        "tema": "theme",
        "netværkstema": "theme",
        "beskrivelse": "description",
        "hjemmeenheder": "home_units",
        "enheder": "home_units",
        "periode": "period_months",
        "periode måneder": "period_months",
        "måneder": "period_months",
        "møder": "meetings",
        "faser": "phases",
        "behov": "needs",
        "kerne": "core",
        "kernedeltagere": "core",
        "deltagere som inddrages løbende": "phase_participants",
        "løbende deltagere": "phase_participants",
        "kvoter": "quotas",
        "medtag": "include",
        "skal med": "include",
        "udelad": "exclude",
        "fravalgt": "exclude",
        "co drivere": "co_drivers",
        "co drivers": "co_drivers",
        "sprog": "language",
        "vægte": "weights",
        "robusthed": "resilience",
        "rækkevidde": "reach",
    },
    "meetings": {"antal": "count", "timer": "hours"},
    "phases": {"navn": "name", "møder": "meetings"},
    "needs": {
        "navn": "name",
        "type": "kind",
        "art": "kind",
        "vægt": "weight",
        "antal": "count",
        "faser": "phases",
    },
    "core": {"mindst": "min", "højst": "max"},
    "phase_participants": {"pr fase højst": "per_phase_max", "i alt højst": "total_max"},
    "quotas": {
        "kolonne": "column",
        "værdi": "value",
        "mindst": "min",
        "højst": "max",
        "omfang": "scope",
    },
    "reach": {"efter": "by", "vægt": "weight"},
}


def rename_brief_keys(data: dict[str, Any], level: str = "") -> dict[str, Any]:
    """``data`` with the Danish keys of :data:`BRIEF_ALIASES` replaced by the contract's
    (at every level; a key given both ways is left for the brief's check to report).

    Examples
    --------
    >>> rename_brief_keys({"tema": "Unges trivsel", "møder": {"antal": 4},
    ...                    "behov": [{"navn": "demens", "vægt": 2}]})
    {'theme': 'Unges trivsel', 'meetings': {'count': 4}, 'needs': [{'name': 'demens', 'weight': 2}]}
    """
    table = BRIEF_ALIASES.get(level, {})
    out: dict[str, Any] = {}
    for key, value in data.items():
        new = table.get(header_key(key), key) if isinstance(key, str) else key
        new = key if new in data or new in out else new
        out[new] = _renamed(value, new if level == "" else "")
    return out


def _renamed(value: Any, level: str) -> Any:
    if level not in BRIEF_ALIASES or level == "":
        return value
    if isinstance(value, dict):
        return rename_brief_keys(value, level)
    if isinstance(value, list):
        return [rename_brief_keys(v, level) if isinstance(v, dict) else v for v in value]
    return value


_COMPOSITION_HEADERS = ({"rolle", "grunde"}, {"role", "reasons"})
#: the first header of a composition workbook's summary sheet (composer.views.workbook)
_COMPOSITION_TITLES = {"netværkssammensætning", "network composition"}


def looks_like_composition(header: Sequence[str]) -> bool:
    """Whether a table's header is that of a composition composer wrote (role, reasons).

    Examples
    --------
    >>> looks_like_composition(["id", "navn", "rolle", "grunde"]), looks_like_composition(["id"])
    (True, False)
    """
    keys = {header_key(h) for h in header}
    first = header_key(header[0]) if len(header) else ""
    return first in _COMPOSITION_TITLES or any(marks <= keys for marks in _COMPOSITION_HEADERS)
