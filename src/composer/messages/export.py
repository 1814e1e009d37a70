"""Words of the files composer writes for people (the workbook's summary sheet, extra
headers). Merged into :data:`composer.messages.MESSAGES` and ``HEADERS``."""

from __future__ import annotations

__all__ = ["CSV_STYLE", "EXPORT_HEADERS", "EXPORT_MESSAGES"]

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
