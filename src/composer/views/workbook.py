"""Workbooks a municipality can share: bold headers, filters, wrapped long text, number
formats, a summary sheet and totals (openpyxl, the ``excel`` extra)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..messages import HEADERS, count, say
from ..text import number
from .report import method_line, objective_text

if TYPE_CHECKING:
    from ..result import CompositionData

__all__ = ["DATA_SHEET", "read_data", "summary_rows", "with_totals", "write_workbook"]

#: a hidden sheet that holds the composition as JSON, so that ``replace`` can read the
#: workbook back exactly (a cell holds at most 32,767 characters: the text is split)
DATA_SHEET = "composer"
_CHUNK = 32_000

#: columns (by key) of long text: wrapped and wide
WRAP = ("reasons", "advice", "flags", "closest", "covered_by", "background", "statement")
#: at most this wide (characters); long text wraps within it
MAX_WIDTH = 60


def summary_rows(comp: CompositionData, language: str) -> pd.DataFrame:
    """The "Resumé" sheet: one row per figure (theme, sizes, gaps, coverage, hours)."""
    lang = language
    b = comp.brief
    n_phase = len({m.id for ms in comp.phase_participants.values() for m in ms})
    meetings = count(b.meetings.count, "meeting", lang)
    hours = number(b.meetings.hours, lang)
    rows = [
        ("xlsx.theme", comp.theme),
        ("xlsx.core", len(comp.core)),
        ("xlsx.phase", n_phase),
        ("xlsx.gaps", len(comp.gaps)),
        ("xlsx.objective", objective_text(comp, lang)),
        ("xlsx.resilience", number(comp.worst_dropout, lang, 2)),
        ("xlsx.hours", comp.person_hours),
        ("xlsx.meetings", say("xlsx.meeting_line", lang, meetings=meetings, hours=hours)),
        ("xlsx.method", method_line(comp, lang)),
    ]
    return pd.DataFrame(
        [(say(code, lang), value) for code, value in rows],
        columns=[say("report.title", lang), say("xlsx.value", lang)],  # the title marks it
    )


def with_totals(plan: pd.DataFrame, language: str) -> pd.DataFrame:
    """The meeting plan (labels as headers) with a last row of totals per meeting."""
    numeric = plan.select_dtypes("number").columns
    total = {c: plan[c].sum() for c in numeric}
    first = plan.columns[0]
    total[first] = HEADERS[language]["total_row"]
    return pd.concat([plan, pd.DataFrame([total])], ignore_index=True)


def write_workbook(
    tables: Mapping[str, pd.DataFrame], path: Path, language: str, data: str | None = None
) -> Path:
    """Write the (already safe) frames, one sheet each, and style them for people; with
    ``data`` (JSON), a hidden sheet holding it (:func:`read_data`)."""
    from openpyxl.styles import Alignment, Font

    wrap_labels = {HEADERS[language].get(k, k) for k in WRAP}
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for sheet, frame in tables.items():
            frame.to_excel(writer, sheet_name=sheet[:31], index=False)
            ws = writer.sheets[sheet[:31]]
            ws.freeze_panes = "A2"
            if len(frame.columns):
                ws.auto_filter.ref = ws.dimensions
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for j, col in enumerate(frame.columns, start=1):
                letter = ws.cell(row=1, column=j).column_letter
                texts = [str(col), *(str(v) for v in frame[col].tolist())]
                wrap = str(col) in wrap_labels
                ws.column_dimensions[letter].width = min(MAX_WIDTH, max(map(len, texts)) + 2)
                numeric = pd.api.types.is_float_dtype(frame[col])
                for cell in ws[letter][1:]:
                    if wrap:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                    elif numeric:
                        cell.number_format = "#,##0.0#"
        if data is not None:
            _data_sheet(writer.book, data)
    return path


def _data_sheet(book: object, data: str) -> None:
    ws = book.create_sheet(DATA_SHEET)  # type: ignore[attr-defined]
    for k in range(0, len(data), _CHUNK):
        ws.cell(row=k // _CHUNK + 1, column=1, value=data[k : k + _CHUNK])
    ws.sheet_state = "hidden"


def read_data(path: Path) -> str | None:
    """The JSON in the hidden sheet of a workbook composer wrote, or None."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if DATA_SHEET not in wb.sheetnames:
            return None
        return "".join(str(r[0] or "") for r in wb[DATA_SHEET].iter_rows(values_only=True))
    finally:
        wb.close()
