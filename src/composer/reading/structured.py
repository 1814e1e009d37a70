"""JSON and YAML: parsed within limits on size, nesting and values, keys written twice refused.

The limits hold before the parse builds anything large: a JSON text is pre-scanned for
an upper bound of its values (commas and opening brackets, a C-speed count), a YAML text's
event stream (libyaml's C parser when PyYAML has it) is counted and its nesting measured
before a single object is constructed.

YAML is read with the YAML 1.2 core schema and one rule more: a plain scalar becomes a
number only when the number prints back as it was written. ``012``, ``0x1A``, ``1_000``,
``1:20``, ``0555`` and ``1.10`` stay the text written (PyYAML's YAML 1.1 reads them as
10, 26, 1000, 80, 365 and 1.1), and so do ``yes``, ``no``, ``on`` and ``off`` (only
``true``/``false`` are booleans).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any, ClassVar

import yaml

from ..cells import UNSAFE_TEXT
from ..errors import InputError, Problem, told
from .limits import Limits, error, over
from .table import unsafe_problem

__all__ = ["load_json", "load_yaml", "walk"]


class _KeyedDict(dict[str, Any]):
    """A JSON object that remembers keys it saw twice."""

    duplicate_keys: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = _KeyedDict()
    dups = []
    for k, v in pairs:
        if k in d:
            dups.append(k)
        d[k] = v
    if dups:
        d.duplicate_keys = tuple(dups)
    return d


class _Constant(ValueError):
    """NaN, Infinity or -Infinity in JSON (Python's reader would take them)."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token


def _no_constant(token: str) -> Any:
    raise _Constant(token)


def load_json(text: str, name: str, limits: Limits, cap: tuple[str, int]) -> Any:
    """Parse JSON once its values (an upper bound) are within ``cap`` = (limit, value)."""
    _json_depth_ok(text, name, limits)
    bound = 1 + text.count(",") + text.count("[") + text.count("{")
    if bound > cap[1]:
        raise error(name, **_values_limit(cap, bound), code="limit")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise error(
            name,
            "bad_json",
            row=e.lineno,
            row_word="line",
            code="bad_json",
            why=e.msg,
            at=e.colno,
        ) from None
    except RecursionError:
        raise error(name, **_depth_limit(limits), code="limit") from None
    except _Constant as e:
        raise error(name, "json_constant", code="bad_json", token=e.token) from None
    except ValueError as e:  # 5,000-digit numbers
        raise error(name, "bad_json_numbers", code="bad_json", why=str(e)) from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
#: Tokens the depth pre-scan reads at most (deep nesting shows early; walk() checks the rest)
_DEPTH_SCAN_TOKENS = 200_000


def _json_depth_ok(text: str, name: str, limits: Limits) -> None:
    """Refuse nesting deeper than the limit before parsing (strings skipped, not counted)."""
    depth = 0
    for n, match in enumerate(_JSON_TOKEN.finditer(text)):
        if n > _DEPTH_SCAN_TOKENS:
            return
        ch = text[match.start()]
        if ch in "[{":
            depth += 1
            if depth > limits.max_depth:
                line = text.count("\n", 0, match.start()) + 1
                raise error(name, **_depth_limit(limits), row=line, row_word="line", code="limit")
        elif ch in "]}":
            depth -= 1


def _values_limit(cap: tuple[str, int], found: int | None = None) -> dict[str, Any]:
    if found is None:  # YAML: counted exactly
        return {"message": "limit_yaml_values", **over(*cap)}
    return {"message": "limit_json_values", "found": found, **over(*cap)}


def _depth_limit(limits: Limits) -> dict[str, Any]:
    return {"message": "limit_depth", **over("max_depth", limits.max_depth)}


_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class _TextLoader(_BaseLoader):
    """A safe loader with the YAML 1.2 core schema, numbers that print as written, and a
    note of every key written twice in one mapping."""

    # PyYAML's class registries, ours alone (the YAML 1.1 resolvers are not inherited)
    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}
    yaml_constructors: ClassVar[dict[Any, Any]] = dict(yaml.SafeLoader.yaml_constructors)

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            for key_node, _ in node.value:
                if (
                    isinstance(key_node, yaml.ScalarNode)
                    and key_node.tag != "tag:yaml.org,2002:merge"
                ):
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        self.duplicates.append((key_node.value, key_node.start_mark.line + 1))
                    seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _int_as_written(loader: Any, node: Any) -> int | str:
    text = str(loader.construct_scalar(node))
    number = int(text)
    return number if str(number) == text else text


def _float_as_written(loader: Any, node: Any) -> float | str:
    text = str(loader.construct_scalar(node))
    special = {".inf": math.inf, "-.inf": -math.inf, "+.inf": math.inf, ".nan": math.nan}
    if text.lower() in special:
        return special[text.lower()]
    number = float(text)
    return number if repr(number) == text else text


for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_INT, r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        _FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
):
    _TextLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
_TextLoader.add_constructor(_INT, _int_as_written)
_TextLoader.add_constructor(_FLOAT, _float_as_written)


def _yaml_within_limits(text: str, name: str, limits: Limits, cap: tuple[str, int]) -> None:
    """Count YAML events (values) and measure nesting before anything is constructed."""
    depth = values = 0
    loader = _BaseLoader(text)
    try:
        while loader.check_event():
            ev = loader.get_event()
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    line = ev.start_mark.line + 1 if ev.start_mark else None
                    raise error(
                        name, **_depth_limit(limits), row=line, row_word="line", code="limit"
                    )
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if isinstance(ev, yaml.NodeEvent):
                values += 1
                if values > cap[1]:
                    raise error(name, **_values_limit(cap), code="limit")
    except yaml.YAMLError as e:
        if "nesting depth" in str(getattr(e, "problem", "")):  # libyaml's own limit, 1,000
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            deep = _depth_limit(limits)
            raise error(name, **deep, row=line, row_word="line", code="limit") from None
        raise _yaml_problem(e, name) from None
    finally:
        loader.dispose()


def _yaml_problem(e: Exception, name: str) -> InputError:
    mark = getattr(e, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(e, "problem", None) or type(e).__name__
    return InputError([told(name, line, None, None, "bad_yaml", row_word="line", why=what)])


def load_yaml(text: str, name: str, limits: Limits, cap: tuple[str, int]) -> Any:
    """Parse YAML once its values (aliases once each) are within ``cap`` and its nesting
    within the limit; :func:`walk` then counts aliases each time they are used."""
    _yaml_within_limits(text, name, limits, cap)
    loader = _TextLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        raise _yaml_problem(e, name) from None
    except RecursionError:
        raise error(name, **_depth_limit(limits), code="limit") from None
    except (ValueError, TypeError, OverflowError) as e:
        raise error(name, "bad_yaml_values", code="bad_yaml", why=str(e)) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise InputError(
            [
                told(
                    name,
                    line,
                    key,
                    None,
                    "key_twice_mapping",
                    code="duplicate_key",
                    row_word="line",
                )
                for key, line in loader.duplicates
            ]
        )
    return data


def walk(
    data: Any, name: str, limits: Limits, max_values: int | None, records: bool = False
) -> None:
    """Check depth, size and duplicate keys of parsed data without recursion.

    With ``records``, keys written twice inside a record are left to the record reader,
    which names the record by its number.
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    count = 0
    while stack:
        item, depth, path = stack.pop()
        count += 1
        if max_values is not None and count > max_values:
            raise error(
                name,
                "limit_brief_values",
                code="limit",
                **over("max_brief_values", max_values),
            )
        if isinstance(item, Mapping | list | tuple) and depth > limits.max_depth:
            raise error(name, **_depth_limit(limits), column=path or None, code="limit")
        # inside records, the record reader names record and column itself
        if not (records and path.startswith(("[", "candidates["))):
            problems += _item_problems(item, path, name)
        if isinstance(item, Mapping):
            for k, v in item.items():
                stack.append((v, depth + 1, f"{path}.{k}" if path else str(k)))
        elif isinstance(item, list | tuple):
            for i, v in enumerate(item):
                stack.append((v, depth + 1, f"{path}[{i}]"))
    if problems:
        raise InputError(problems)


def _item_problems(item: Any, path: str, name: str) -> list[Problem]:
    """A text's unsafe character, a mapping's keys written twice."""
    if isinstance(item, str) and UNSAFE_TEXT.search(item):
        return [unsafe_problem(name, None, path or None, item)]
    return [
        told(
            name,
            None,
            f"{path}.{key}" if path else str(key),
            None,
            "key_twice_object",
            code="duplicate_key",
        )
        for key in (getattr(item, "duplicate_keys", ()) if isinstance(item, Mapping) else ())
    ]
