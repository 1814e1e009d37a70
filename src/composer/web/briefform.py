"""The Brief page's form: a brief (as a dict) to form values and back.

The form's names are the brief's key paths: ``b.theme``, ``b.meetings.count``, and for
the lists ``b.needs.0.name``, ``b.needs.0.weight``... Empty fields are left out (the
brief's defaults apply); numbers take a decimal comma; lists are written with ``;``.
What the form holds is checked by :func:`composer.load_brief` as any brief is, so a
problem is reported with its key path (``needs[2].weight``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["BLANK_ROWS", "FIELDS", "ROWS", "brief_from_form", "form_values"]

PREFIX = "b."
#: the brief's single fields and their kind
FIELDS: dict[str, str] = {
    "theme": "text",
    "description": "text",
    "home_units": "list",
    "period_months": "number",
    "meetings.count": "number",
    "meetings.hours": "number",
    "core.min": "number",
    "core.max": "number",
    "phase_participants.per_phase_max": "number",
    "phase_participants.total_max": "number",
    "include": "list",
    "exclude": "list",
    "co_drivers": "list",
    "reach.by": "text",
    "reach.weight": "number",
    "resilience": "bool",
}
#: the brief's lists of rows and the kind of each column
ROWS: dict[str, dict[str, str]] = {
    "phases": {"name": "text", "meetings": "numbers"},
    "needs": {
        "name": "text",
        "kind": "text",
        "weight": "number",
        "count": "number",
        "phases": "list",
    },
    "quotas": {
        "column": "text",
        "value": "text",
        "min": "number",
        "max": "number",
        "scope": "text",
    },
}
#: empty rows shown under each list, to add to it
BLANK_ROWS = 2
#: the key holding what the form does not show (score weights), as JSON
REST = "b._rest"


def _number(text: str) -> Any:
    """``"3,5"`` -> 3.5, ``"4"`` -> 4; anything else stays text (the brief reports it)."""
    t = text.strip().replace(",", ".")
    try:
        x = float(t)
    except ValueError:
        return text.strip()
    return int(x) if x.is_integer() and "." not in t else x


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def _value(kind: str, text: str) -> Any:
    if kind == "number":
        return _number(text)
    if kind == "list":
        return _split(text)
    if kind == "numbers":
        return [_number(p) for p in _split(text.replace(" ", ","))]
    return text.strip()


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for key in parents:
        target = target.setdefault(key, {})
    target[last] = value


def _rows(form: Mapping[str, Any], name: str, columns: Mapping[str, str]) -> list[dict[str, Any]]:
    """The list ``name``'s rows (``b.needs.0.name``, ...), empty rows left out."""
    rows = []
    i = 0
    while any(f"{PREFIX}{name}.{i}.{c}" in form for c in columns):
        row = {}
        for col, kind in columns.items():
            text = form.get(f"{PREFIX}{name}.{i}.{col}")
            if isinstance(text, str) and text.strip():
                row[col] = _value(kind, text)
        if row:
            rows.append(row)
        i += 1
    return rows


def brief_from_form(form: Mapping[str, Any]) -> dict[str, Any]:
    """The brief the form describes, as a dict (not yet checked).

    Examples
    --------
    >>> brief_from_form({"b.theme": "Trivsel", "b.meetings.hours": "3,5",
    ...                  "b.needs.0.name": "demens", "b.needs.0.kind": "professional",
    ...                  "b.needs.1.name": "", "b.include": "A1; A2"})
    {'theme': 'Trivsel', 'meetings': {'hours': 3.5}, 'include': ['A1', 'A2'], 'needs': [{'name': 'demens', 'kind': 'professional'}]}
    """
    rest = form.get(REST) or "{}"
    try:
        brief: dict[str, Any] = dict(json.loads(rest))
    except (ValueError, TypeError):
        brief = {}
    for path, kind in FIELDS.items():
        text = form.get(PREFIX + path)
        if kind == "bool":
            if text:
                brief[path] = True
        elif isinstance(text, str) and text.strip():
            _put(brief, path, _value(kind, text))
    if brief.get("reach", {}).get("by") in (None, "", "none"):
        brief.pop("reach", None)
    for name, columns in ROWS.items():
        rows = _rows(form, name, columns)
        if rows:
            brief[name] = rows
    return brief


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(_show, value))
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _get(brief: Mapping[str, Any], path: str) -> Any:
    value: Any = brief
    for key in path.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def form_values(brief: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values for ``brief`` (a dict, checked or not): single fields by key
    path, each list as rows of texts (with :data:`BLANK_ROWS` empty rows), and what the
    form does not show as JSON.

    Examples
    --------
    >>> v = form_values({"theme": "Trivsel", "needs": [{"name": "demens", "weight": 2.5}]})
    >>> v["fields"]["theme"], v["rows"]["needs"][0]["weight"], len(v["rows"]["needs"])
    ('Trivsel', '2,5', 3)
    """
    fields = {path: _show(_get(brief, path)) for path in FIELDS}
    rows = {}
    for name, columns in ROWS.items():
        given = brief.get(name)
        listed = [r for r in given if isinstance(r, Mapping)] if isinstance(given, list) else []
        rows[name] = [{c: _show(r.get(c)) for c in columns} for r in listed]
        rows[name] += [dict.fromkeys(columns, "") for _ in range(BLANK_ROWS)]
    shown = {p.split(".")[0] for p in FIELDS} | set(ROWS)
    rest = {k: v for k, v in brief.items() if k not in shown and k != "language"}
    return {"fields": fields, "rows": rows, "rest": json.dumps(rest, ensure_ascii=False)}
