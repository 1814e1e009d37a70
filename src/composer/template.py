"""A workbook to start from, and a brief written in Excel.

:func:`write_template` writes an empty candidate list with Danish headers and drop-down
lists (actor type, ja/nej, phases, motivation 1–5) and a "Brief" sheet; the network
leader fills both in Excel. :func:`brief_from_workbook` reads the "Brief" sheet back as
the dict :func:`composer.load_brief` checks (``load_brief("kandidater.xlsx")`` does it).

The "Brief" sheet is rows of ``key | value`` (``tema``, ``antal møder``, ``timer pr.
møde``, ``kerne mindst``, ``medtag``...; lists with "; ") and three small tables, each
started by its header row: ``fase | møder``, ``behov | type | vægt | antal | faser`` and
``kvote | værdi | mindst | højst | omfang``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .aliases import header_key
from .messages import KIND_LABELS, label
from .models import ActorType

if TYPE_CHECKING:
    import pandas as pd

    from .models import NetworkBrief

__all__ = [
    "BRIEF_SHEET",
    "TEMPLATE_HEADERS",
    "brief_from_workbook",
    "write_template",
    "write_workbook",
]

BRIEF_SHEET = "Brief"
#: The contract's columns in the order of :data:`TEMPLATE_HEADERS`.
CONTRACT_ORDER = (
    "id", "name", "actor_type", "organisation", "unit", "professional_competences",
    "personal_competences", "methodological_competences", "perspectives", "background",
    "statement", "motivation", "phases", "hours_available", "manager_approval",
    "can_present", "can_take_tasks", "knows",
)  # fmt: skip
#: The candidate sheet's headers (Danish; each is an alias of a contract column).
TEMPLATE_HEADERS = (
    "ID", "Navn", "Aktørtype", "Organisation", "Enhed", "Faglige kompetencer",
    "Personlige kompetencer", "Metodiske kompetencer", "Perspektiver", "Baggrund",
    "Udtalelse", "Motivation (1-5)", "Faser", "Timer til rådighed", "Leders godkendelse",
    "Kan holde oplæg", "Kan tage opgaver", "Kender",
)  # fmt: skip
_YES_NO = ("Leders godkendelse", "Kan holde oplæg", "Kan tage opgaver")
_ROWS = 500  # rows with drop-down lists

#: "key | value" rows of the Brief sheet -> the brief's key path (a list when "; ")
_FLAT: dict[str, tuple[tuple[str, ...], bool]] = {
    "tema": (("theme",), False),
    "beskrivelse": (("description",), False),
    "hjemmeenheder": (("home_units",), True),
    "periode måneder": (("period_months",), False),
    "antal møder": (("meetings", "count"), False),
    "timer pr møde": (("meetings", "hours"), False),
    "kerne mindst": (("core", "min"), False),
    "kerne højst": (("core", "max"), False),
    "løbende pr fase højst": (("phase_participants", "per_phase_max"), False),
    "løbende i alt højst": (("phase_participants", "total_max"), False),
    "medtag": (("include",), True),
    "udelad": (("exclude",), True),
    "co drivere": (("co_drivers",), True),
    "sprog": (("language",), False),
    "robusthed": (("resilience",), False),
}
#: the tables of the Brief sheet: first header -> (brief key, column keys, list columns)
_TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "fase": ("phases", ("name", "meetings"), ("meetings",)),
    "behov": ("needs", ("name", "kind", "weight", "count", "phases"), ("phases",)),
    "kvote": ("quotas", ("column", "value", "min", "max", "scope"), ()),
}
_TABLE_HEADERS = {
    "fase": ("fase", "møder"),
    "behov": ("behov", "type", "vægt", "antal", "faser"),
    "kvote": ("kvote", "værdi", "mindst", "højst", "omfang"),
}


def _example_brief() -> NetworkBrief:
    """A small brief to overwrite: the template's Brief sheet when none is given."""
    from .models import NetworkBrief as Brief

    return Brief.model_validate(
            {"theme": "Skriv netværkets tema her", "meetings": {"count": 5, "hours": 3.5},
             "phases": [{"name": "afdækning", "meetings": [1, 2]},
                        {"name": "idéudvikling", "meetings": [3]},
                        {"name": "afprøvning", "meetings": [4, 5]}],
             "needs": [{"name": "borgerinddragelse", "kind": "methodological", "weight": 2}]}
    )  # fmt: skip


def _brief_rows(brief: NetworkBrief) -> list[tuple[Any, ...]]:
    """The Brief sheet's rows (see the module note)."""
    j = "; ".join
    rows: list[tuple[Any, ...]] = [
        ("nøgle", "værdi"),
        ("tema", brief.theme),
        ("beskrivelse", brief.description),
        ("hjemmeenheder", j(brief.home_units)),
        ("periode måneder", brief.period_months),
        ("antal møder", brief.meetings.count),
        ("timer pr. møde", brief.meetings.hours),
        ("kerne mindst", brief.core.min),
        ("kerne højst", brief.core.max),
        ("løbende pr. fase højst", brief.phase_participants.per_phase_max),
        ("løbende i alt højst", brief.phase_participants.total_max),
        ("medtag", j(brief.include)),
        ("udelad", j(brief.exclude)),
        ("co-drivere", j(brief.co_drivers)),
        ("robusthed", brief.resilience),
        ("sprog", str(brief.language)),
        (),
        _TABLE_HEADERS["fase"],
        *[(p.name, j(map(str, p.meetings))) for p in brief.phases],
        (),
        _TABLE_HEADERS["behov"],
        *[
            (n.name, label(KIND_LABELS, str(n.kind), "da"), n.weight, n.count, j(n.phases or []))
            for n in brief.needs
        ],
        (),
        _TABLE_HEADERS["kvote"],
        *[(q.column, q.value, q.min, q.max, q.scope) for q in brief.quotas],
    ]
    return rows


def write_template(path: str | Path, brief: NetworkBrief | None = None) -> Path:
    """Write an empty candidate workbook with drop-down lists and a "Brief" sheet.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write.
    brief : NetworkBrief, optional
        Fills the Brief sheet and the phases' drop-down list; without it, an example.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from composer import load_brief
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = write_template(pathlib.Path(d) / "kandidater.xlsx")
    ...     load_brief(path).phase_names
    ['afdækning', 'idéudvikling', 'afprøvning']
    """
    from openpyxl import Workbook

    brief = brief or _example_brief()
    wb = Workbook()
    _candidate_sheet(wb, brief)
    _brief_sheet(wb, brief)
    path = Path(path)
    wb.save(path)
    return path


def _candidate_sheet(wb: Any, brief: NetworkBrief) -> None:
    """The "Kandidater" sheet: Danish headers, drop-down lists from a hidden "Lister"."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.active
    ws.title = "Kandidater"
    ws.append(list(TEMPLATE_HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    lists = wb.create_sheet("Lister")
    columns = {
        "A": [a.label("da") for a in ActorType],
        "B": ["ja", "nej"],
        "C": [*brief.phase_names, "alle"],
    }
    for letter, values in columns.items():
        for k, v in enumerate(values, start=1):
            lists[f"{letter}{k}"] = v
    lists.sheet_state = "hidden"

    def validate(header: str, dv: DataValidation) -> None:
        col = ws.cell(row=1, column=TEMPLATE_HEADERS.index(header) + 1).column_letter
        dv.add(f"{col}2:{col}{_ROWS}")
        ws.add_data_validation(dv)

    def drop_down(letter: str, strict: bool = True) -> DataValidation:
        n = len(columns[letter])
        return DataValidation(type="list", formula1=f"=Lister!${letter}$1:${letter}${n}",
                              allow_blank=True, showErrorMessage=strict)  # fmt: skip

    validate("Aktørtype", drop_down("A"))
    for header in _YES_NO:
        validate(header, drop_down("B"))
    validate("Faser", drop_down("C", strict=False))  # several phases: "a; b"
    validate("Motivation (1-5)", DataValidation(type="whole", operator="between",
             formula1="1", formula2="5", allow_blank=True))  # fmt: skip
    for k, header in enumerate(TEMPLATE_HEADERS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=k).column_letter].width = len(header) + 6


def _brief_sheet(wb: Any, brief: NetworkBrief) -> None:
    from openpyxl.styles import Font

    sheet = wb.create_sheet(BRIEF_SHEET)
    for row in _brief_rows(brief):
        sheet.append(list(row))
    bold = {"nøgle", *(h[0] for h in _TABLE_HEADERS.values())}
    for cell in sheet["A"]:
        if cell.value in bold:
            for c in sheet[cell.row]:
                c.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 40


def write_workbook(path: str | Path, rows: pd.DataFrame, brief: NetworkBrief) -> Path:
    """The template filled in: ``rows`` (contract columns, text) under the Danish headers,
    other columns after them, and the brief in its sheet (how the samples ship as xlsx)."""
    from openpyxl import load_workbook

    from .cells import safe_cell

    path = write_template(path, brief)
    wb = load_workbook(path)
    ws = wb["Kandidater"]
    contract = dict(zip(CONTRACT_ORDER, TEMPLATE_HEADERS, strict=True))
    extra = [c for c in rows.columns if c not in contract]
    for k, column in enumerate(extra, start=len(TEMPLATE_HEADERS) + 1):
        ws.cell(row=1, column=k, value=column)
    order = [c for c in CONTRACT_ORDER if c in rows.columns] + extra
    columns = {c: (list(contract).index(c) + 1 if c in contract else
                   len(TEMPLATE_HEADERS) + 1 + extra.index(c)) for c in order}  # fmt: skip
    for r, record in enumerate(rows.to_dict(orient="records"), start=2):
        for c, k in columns.items():
            value = record[c]
            if value not in (None, ""):
                ws.cell(row=r, column=k, value=safe_cell(value))
    wb.save(path)
    return path


def _cell(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    parts = [p.strip() for p in str(value).split(";") if p.strip()]
    return [int(p) if p.isdigit() else p for p in parts]


def _set(data: dict[str, Any], keys: tuple[str, ...], value: Any) -> None:
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    data[keys[-1]] = value


def brief_from_rows(rows: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """The brief (a dict for :func:`composer.load_brief`) in the Brief sheet's rows."""
    data: dict[str, Any] = {}
    table: str | None = None
    for raw in rows:
        row = [_cell(v) for v in raw]
        if not any(v not in (None, "") for v in row):
            continue
        first = header_key(str(row[0] or ""))
        if first in _TABLES:
            table = first
            continue
        if first in ("nøgle", "key"):
            table = None
            continue
        if table is None:
            keys, is_list = _FLAT.get(first, ((str(row[0]),), False))
            value = row[1] if len(row) > 1 else None
            if value not in (None, ""):
                _set(data, keys, _list(value) if is_list else value)
            continue
        key, names, lists = _TABLES[table]
        record = {n: v for n, v in zip(names, row, strict=False) if v not in (None, "")}
        data.setdefault(key, []).append(
            {n: _list(v) if n in lists else v for n, v in record.items()}
        )
    return data


def brief_from_workbook(path: str | Path) -> dict[str, Any]:
    """The brief in the "Brief" sheet of the workbook at ``path`` (see the module note)."""
    from openpyxl import load_workbook

    wb = load_workbook(Path(path), read_only=True, data_only=True)
    try:
        if BRIEF_SHEET not in wb.sheetnames:
            from .errors import InputError, told

            raise InputError([told(Path(path).name, None, None, None, "brief_sheet",
                                   code="invalid_value", sheet=BRIEF_SHEET)])  # fmt: skip
        return brief_from_rows(wb[BRIEF_SHEET].iter_rows(values_only=True))
    finally:
        wb.close()
