"""Words of the files composer writes for people: sheet names, column headers, values,
the workbook's summary sheet, the CSV conventions per language. Its sentences are merged
into :data:`composer.messages.MESSAGES`; the tables are re-exported there."""

from __future__ import annotations

__all__ = ["CSV_STYLE", "EXPORT_HEADERS", "EXPORT_MESSAGES", "EXPORT_WORDS", "HEADERS", "SHEETS"]

EXPORT_MESSAGES: dict[str, dict[str, str]] = {
    "xlsx.theme": {"da": "Tema", "en": "Theme"},
    "xlsx.core": {"da": "Kernedeltagere", "en": "Core participants"},
    "xlsx.phase": {"da": "Deltagere som inddrages løbende", "en": "Phase participants"},
    "xlsx.gaps": {"da": "Huller", "en": "Gaps"},
    "xlsx.objective": {"da": "Dækningsmål", "en": "Coverage objective"},
    "xlsx.hours": {"da": "Persontimer i alt", "en": "Person-hours in all"},
    "xlsx.meetings": {"da": "Møder", "en": "Meetings"},
    "xlsx.method": {"da": "Metode", "en": "Method"},
    "xlsx.resilience": {
        "da": "Dækningsmål efter det værste frafald",
        "en": "Coverage objective after the worst dropout",
    },
    "xlsx.meeting_line": {"da": "{meetings} à {hours} timer", "en": "{meetings} of {hours} hours"},
    "xlsx.value": {"da": "Værdi", "en": "Value"},
}

#: Headers of columns added for people (by column key).
EXPORT_HEADERS: dict[str, dict[str, str]] = {
    "da": {"rank": "placering", "people": "personer", "total_row": "i alt"},
    "en": {"rank": "rank", "people": "people", "total_row": "total"},
}

#: How a spreadsheet in the language reads CSV: (field separator, decimal mark).
CSV_STYLE: dict[str, tuple[str, str]] = {"da": (";", ","), "en": (",", ".")}

# ---------------------------------------------------------------- exports (export.py)
#: Sheet names (≤ 31 characters, as Excel allows) by table key.
SHEETS = {
    "da": {
        "core": "Kernedeltagere",
        "phase_participants": "Deltagere som inddrages løbende",
        "meeting_plan": "Mødeplan",
        "needs": "Behov og dækning",
        "gaps": "Huller",
        "quotas": "Kvoter",
        "summary": "Resumé",
    },
    "en": {
        "core": "Core",
        "phase_participants": "Phase participants",
        "meeting_plan": "Meeting plan",
        "needs": "Needs and coverage",
        "gaps": "Gaps",
        "quotas": "Quotas",
        "summary": "Summary",
    },
}

#: Header labels by column key (columns not named here keep their key, e.g. phase names).
HEADERS = {
    "da": {
        "id": "id",
        "name": "navn",
        "role": "rolle",
        "phase": "fase",
        "actor_type": "aktørtype",
        "orientation": "perspektiv",
        "organisation": "organisation",
        "unit": "enhed",
        "phases": "faser",
        "meetings": "møder",
        "hours": "timer",
        "needs_covered": "dækker",
        "reasons": "grunde",
        "flags": "at gøre",
        "need": "behov",
        "kind": "type",
        "weight": "vægt",
        "count": "antal",
        "covered": "dækning",
        "covered_by": "dækket af",
        "closest": "nærmest i puljen",
        "advice": "råd",
        "quota": "kvote",
        "column": "kolonne",
        "value": "værdi",
        "scope": "omfang",
        "min": "min",
        "max": "max",
        "members": "medlemmer",
        "met": "opfyldt",
        "total": "i alt",
        "meeting": "møde",
        "competence": "kompetence",
        "background": "baggrund",
        "perspective": "perspektiv",
        "commitment": "engagement",
        "availability": "tilgængelighed",
        "core_fit": "egnethed til kernen",
    },
}
HEADERS["da"] |= EXPORT_HEADERS["da"]
HEADERS["en"] = (
    {key: key.replace("_", " ") for key in HEADERS["da"]}
    | EXPORT_HEADERS["en"]
    | {
        "needs_covered": "covers",
        "flags": "to do",
        "closest": "closest in the pool",
    }
)

#: Values shown to people: roles, yes/no, need kinds and quota scopes (data keeps keys).
EXPORT_WORDS: dict[str, dict[object, str]] = {
    "da": {
        "core": "kernedeltager",
        "phase": "deltager som inddrages løbende",
        "network": "netværk",
        True: "ja",
        False: "nej",
        "professional": "faglig",
        "personal": "personlig",
        "methodological": "metodisk",
        "perspective": "perspektiv",
        "actor_type": "aktørtype",
        "topic": "emne",
    },
    "en": {"core": "core participant", "phase": "phase participant", True: "yes", False: "no"},
}
