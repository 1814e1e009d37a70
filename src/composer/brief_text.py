"""A brief read as its author wrote it: whole numbers are numbers, ids are text.

The YAML reader keeps ``012``, ``0x1A``, ``1_000``, ``1:20`` and ``yes`` as the text
written (see :mod:`composer.reading.structured`); here a count written as yes/no or as
text is refused instead of being read as a number, and a number where an id is expected
becomes the text it was written as.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .errors import Problem

__all__ = ["count_problems", "ids_as_written"]

#: Keys whose items are ids or unit names: text, even when written as a number.
_TEXT_LISTS = ("include", "exclude", "co_drivers", "home_units")


#: The brief's whole numbers: (section, key) of a mapping, or of each item of a list.
_COUNTS = (
    ("meetings", "count"),
    ("core", "min"),
    ("core", "max"),
    ("phase_participants", "per_phase_max"),
    ("phase_participants", "total_max"),
)
_COUNTS_PER_ITEM = (("needs", "count"), ("quotas", "min"), ("quotas", "max"))


def _counts(data: Mapping[str, Any]) -> Iterator[tuple[str, object]]:
    """(key path, value) of every whole number the brief gives."""
    for section, key in _COUNTS:
        part = data.get(section)
        if isinstance(part, Mapping) and key in part:
            yield f"{section}.{key}", part[key]
    for section, key in (*_COUNTS_PER_ITEM, ("phases", "meetings")):
        items = data.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            value = item.get(key) if isinstance(item, Mapping) else None
            if section == "phases" and isinstance(value, list):
                yield from ((f"phases[{i}].meetings[{j}]", v) for j, v in enumerate(value))
            elif value is not None:
                yield f"{section}[{i}].{key}", value


def count_problems(data: Mapping[str, Any], name: str) -> list[Problem]:
    """A count written as yes/no or as text is refused (YAML 1.1 read ``yes`` as 1 and
    pydantic reads ``"3"`` as 3: neither is what the brief's author wrote)."""
    return [
        Problem(
            name,
            None,
            path,
            value,
            "a whole number written as a number (not yes/no, true/false or text in quotes)",
            code="not_a_number",
        )
        for path, value in _counts(data)
        if isinstance(value, bool | str)
    ]


def ids_as_written(data: Mapping[str, Any]) -> dict[str, Any]:
    """The brief with numbers in id lists as text (the YAML reader makes a scalar a number
    only when the number prints as it was written, so ``str`` gives the text back)."""
    out = dict(data)
    for key in _TEXT_LISTS:
        items = out.get(key)
        if isinstance(items, list):
            out[key] = [
                repr(x)
                if isinstance(x, float)
                else str(x)
                if isinstance(x, int) and not isinstance(x, bool)
                else x
                for x in items
            ]
    return out
