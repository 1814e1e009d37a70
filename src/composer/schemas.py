"""JSON Schemas of the inputs and of the result (``composer schema ...``)."""

from __future__ import annotations

from typing import Any

__all__ = ["candidate_schema", "schema"]


def candidate_schema() -> dict[str, Any]:
    """The JSON Schema of one candidate record as other tools should send it.

    Built from :class:`composer.models.Candidate`: the contract's columns with their
    types in the strict form (``actor_type`` as a key, lists as arrays, yes/no as
    booleans; the loaders also read the spreadsheet spellings), and any other column as
    a text, number or yes/no attribute usable in quotas.

    Examples
    --------
    >>> s = candidate_schema()
    >>> s["required"], s["properties"]["motivation"]["anyOf"][0]["maximum"]
    (['id', 'actor_type'], 5)
    """
    from .models import Candidate

    schema = Candidate.model_json_schema()
    schema["properties"].pop("attributes", None)
    schema["title"] = "Candidate"
    schema["description"] = (
        "One person, as tools should write it (a JSON list of these, or "
        '{"candidates": [...]}). The loaders also read what spreadsheets hold: Danish '
        'actor type labels, ja/nej, ";"-separated lists (docs/contract.md). Any other key '
        "is kept as an attribute usable in quotas."
    )
    schema["additionalProperties"] = {
        "type": ["string", "number", "boolean", "null"],
        "description": "Any other column, e.g. gender, age_band, district.",
    }
    return schema


def schema(what: str) -> dict[str, Any]:
    """The JSON Schema of ``candidates`` (one record), ``brief`` or ``composition``."""
    if what == "candidates":
        return candidate_schema()
    if what == "brief":
        from .models import NetworkBrief

        return NetworkBrief.model_json_schema()
    from .composition import Composition

    return Composition.model_json_schema()
