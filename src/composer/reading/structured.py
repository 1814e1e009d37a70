"""JSON and YAML: parsed with limits on depth and size, keys written twice refused."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any

import yaml

from ..errors import InputError, Problem
from .limits import Limits, error, over

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


def _no_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number; write null or a number")


def load_json(text: str, name: str, limits: Limits) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise error(
            name,
            f"valid JSON ({e.msg}, column {e.colno})",
            row=e.lineno,
            row_word="line",
            code="bad_json",
        ) from None
    except RecursionError:
        raise error(name, _depth_sentence(limits), code="limit") from None
    except ValueError as e:  # 5,000-digit numbers, NaN
        raise error(name, f"valid JSON numbers ({e})", code="bad_json") from None


def _depth_sentence(limits: Limits) -> str:
    return over("max_depth", limits.max_depth, "lists and objects nested at most {} deep")


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader that also notes keys written twice in one mapping."""

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


def _yaml_depth_ok(text: str, name: str, limits: Limits) -> None:
    """Walk YAML events (no recursion) and refuse nesting deeper than the limit."""
    depth = 0
    try:
        for ev in yaml.parse(io.StringIO(text), Loader=yaml.SafeLoader):
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    line = ev.start_mark.line + 1 if ev.start_mark else None
                    raise error(
                        name, _depth_sentence(limits), row=line, row_word="line", code="limit"
                    )
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as e:
        raise _yaml_problem(e, name) from None


def _yaml_problem(e: Exception, name: str) -> InputError:
    mark = getattr(e, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(e, "problem", None) or type(e).__name__
    return InputError(
        [Problem(name, line, None, None, f"valid YAML ({what})", row_word="line", code="bad_yaml")]
    )


def load_yaml(text: str, name: str, limits: Limits) -> Any:
    _yaml_depth_ok(text, name, limits)
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        raise _yaml_problem(e, name) from None
    except RecursionError:
        raise error(name, _depth_sentence(limits), code="limit") from None
    except (ValueError, TypeError, OverflowError) as e:
        raise error(name, f"valid YAML values ({e})", code="bad_yaml") from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    key,
                    None,
                    "each key once in a mapping (the later one would silently win)",
                    row_word="line",
                    code="duplicate_key",
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
                over(
                    "max_brief_values",
                    max_values,
                    "a brief of at most {} values (aliases counted each time)",
                ),
                code="limit",
            )
        if isinstance(item, Mapping | list | tuple) and depth > limits.max_depth:
            raise error(name, _depth_sentence(limits), column=path or None, code="limit")
        if isinstance(item, Mapping):
            in_record = records and path.startswith(("[", "candidates["))
            for key in () if in_record else getattr(item, "duplicate_keys", ()):
                problems.append(
                    Problem(
                        name,
                        None,
                        f"{path}.{key}" if path else str(key),
                        None,
                        "each key once in an object (the later one would silently win)",
                        code="duplicate_key",
                    )
                )
            for k, v in item.items():
                stack.append((v, depth + 1, f"{path}.{k}" if path else str(k)))
        elif isinstance(item, list | tuple):
            for i, v in enumerate(item):
                stack.append((v, depth + 1, f"{path}[{i}]"))
    if problems:
        raise InputError(problems)
