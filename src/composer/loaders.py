"""Loaders: candidate files and briefs in, validated pool and brief out.

Spreadsheets as Danish Excel writes them load as they are: ``,`` or ``;`` separator,
UTF-8 with or without BOM, or Windows-1252. Every problem in a file is reported at
once in one :class:`~composer.errors.InputError`, with the row as a spreadsheet counts
it (header = row 1).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from pydantic import ValidationError

from .errors import InputError, Problem
from .models import ACTOR_LOOKUP, NetworkBrief, allowed_actor_types
from .pool import (
    BOOL_COLUMNS,
    CONTRACT_COLUMNS,
    FREE_TEXT_COLUMNS,
    LIST_COLUMNS,
    TEXT_COLUMNS,
    CandidatePool,
)

__all__ = ["load_brief", "load_candidates", "parse_bool"]

YES = frozenset({"ja", "yes", "true", "1", "j", "y", "sand"})
NO = frozenset({"nej", "no", "false", "0", "n", "falsk"})
ALL_PHASES = frozenset({"all", "alle"})
REQUIRED = ("id", "actor_type")


def parse_bool(value: object) -> bool | None:
    """Read yes/no as a spreadsheet writes it; empty is None.

    Raises ValueError for anything else.

    Examples
    --------
    >>> parse_bool("Ja"), parse_bool("0"), parse_bool(""), parse_bool(True)
    (True, False, None, True)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    s = str(value).strip().lower()
    if s == "":
        return None
    if s in YES:
        return True
    if s in NO:
        return False
    raise ValueError(value)


# --------------------------------------------------------------------------- reading
def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _separator(text: str) -> str:
    """``,`` or ``;``: whichever splits the header line into more fields."""
    header = text.split("\n", 1)[0]
    counts = {sep: len(next(csv.reader([header], delimiter=sep))) for sep in (",", ";", "\t")}
    return max(counts, key=lambda s: (counts[s], s == ","))


def _cell_to_text(v: object) -> str:
    """Turn a JSON/DataFrame cell into the text a spreadsheet would hold."""
    if v is None or v is pd.NA:
        return ""
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, bool | np.bool_):
        return "true" if v else "false"
    if isinstance(v, list | tuple | np.ndarray):
        return ";".join(_cell_to_text(x) for x in v)
    if isinstance(v, np.generic):
        return _cell_to_text(v.item())
    return str(v)


def _frame_from_records(records: Sequence[Mapping[str, Any]], source: str) -> pd.DataFrame:
    problems: list[Problem] = []
    for i, r in enumerate(records):
        if not isinstance(r, Mapping):
            problems.append(
                Problem(source, i + 1, None, None, "an object with column names as keys", "record")
            )
    if problems:
        raise InputError(problems)
    columns: list[str] = []
    for r in records:
        for k in r:
            if k not in columns:
                columns.append(str(k))
    data = {c: [_cell_to_text(r.get(c)) for r in records] for c in columns}
    return pd.DataFrame(data, columns=columns, dtype=object)


def _read_raw(source: Any) -> tuple[pd.DataFrame, str, str]:
    """Read any accepted source into a frame of text cells. Returns (frame, name, row_word)."""
    if isinstance(source, pd.DataFrame):
        df = source.reset_index() if source.index.name == "id" else source
        text = pd.DataFrame(
            {str(c): _map_unique(df[c], _cell_to_text).to_numpy() for c in df.columns},
            columns=[str(c) for c in df.columns],
        )
        return text, "<DataFrame>", "record"
    if isinstance(source, list | tuple):
        return _frame_from_records(source, "<records>"), "<records>", "record"
    if isinstance(source, str | Path):
        path = Path(source)
        name = path.name
        if not path.exists():
            raise InputError([Problem(name, None, None, str(path), "an existing file")])
        suffix = path.suffix.lower()
        if suffix in (".csv", ".txt", ".tsv"):
            text = _decode(path.read_bytes())
            if not text.strip():
                raise InputError(
                    [Problem(name, None, None, None, "a header row and at least one person")]
                )
            sep = _separator(text)
            header = [
                h.strip().lower() for h in next(csv.reader([text.split("\n", 1)[0]], delimiter=sep))
            ]
            twice = sorted({h for h in header if header.count(h) > 1 and h})
            if twice:  # pandas would rename the second one silently
                raise InputError(
                    [
                        Problem(name, 1, h, None, "each column name once in the header")
                        for h in twice
                    ]
                )
            try:
                df = pd.read_csv(
                    io.StringIO(text),
                    sep=sep,
                    dtype=str,
                    keep_default_na=False,
                    na_filter=False,
                    skipinitialspace=False,
                    engine="c",
                )
            except (pd.errors.ParserError, ValueError) as e:
                raise InputError(
                    [Problem(name, None, None, None, f"a readable CSV file ({e})")]
                ) from None
            return df, name, "row"
        if suffix in (".xlsx", ".xlsm"):
            try:
                import openpyxl  # noqa: F401
            except ImportError:  # pragma: no cover - depends on the install
                raise InputError(
                    [
                        Problem(
                            name,
                            None,
                            None,
                            None,
                            "openpyxl to read Excel: pip install 'composer[excel]'",
                        )
                    ]
                ) from None
            raw = pd.read_excel(path, dtype=object, engine="openpyxl")
            df = raw.map(_cell_to_text)
            df.columns = [str(c) for c in df.columns]
            return df, name, "row"
        if suffix == ".json":
            try:
                data = json.loads(path.read_text(encoding="utf-8-sig"))
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                raise InputError([Problem(name, None, None, None, f"valid JSON ({e})")]) from None
            if isinstance(data, dict) and isinstance(data.get("candidates"), list):
                data = data["candidates"]
            if not isinstance(data, list):
                raise InputError(
                    [Problem(name, None, None, None, 'a list of records or {"candidates": [...]}')]
                )
            return _frame_from_records(data, name), name, "record"
        raise InputError([Problem(name, None, None, suffix, "a .csv, .xlsx or .json file")])
    raise InputError(
        [
            Problem(
                "<input>",
                None,
                None,
                type(source).__name__,
                "a path, a DataFrame or a list of dicts",
            )
        ]
    )


# ------------------------------------------------------------------------ normalising
def _split_list(value: str) -> list[str]:
    return [x.strip() for x in value.split(";") if x.strip()]


def _map_unique(s: pd.Series, fn: Any) -> pd.Series:
    """Apply ``fn`` once per distinct value (spreadsheets repeat themselves)."""
    values = s.to_numpy(dtype=object)
    try:
        codes, uniq = pd.factorize(values, use_na_sentinel=False)
    except TypeError:  # unhashable cells (lists from a DataFrame): one by one
        return pd.Series([fn(v) for v in values], index=s.index, dtype=object)
    mapped = np.empty(len(uniq), dtype=object)
    for k, u in enumerate(uniq):
        mapped[k] = fn(u)
    return pd.Series(mapped[codes], index=s.index, dtype=object)


def _normalise(raw: pd.DataFrame, name: str, row_word: str) -> tuple[pd.DataFrame, np.ndarray]:
    problems: list[Problem] = []
    first_row = 2 if row_word == "row" else 1
    rows = np.arange(first_row, first_row + len(raw), dtype=np.int64)

    raw = raw.rename(columns=lambda c: str(c).strip().lower().lstrip("\ufeff"))
    dup_cols = sorted({c for c in raw.columns if list(raw.columns).count(c) > 1})
    for c in dup_cols:
        problems.append(
            Problem(name, 1, c, None, "each column name once in the header", row_word="row")
        )
    for c in REQUIRED:
        if c not in raw.columns:
            problems.append(
                Problem(
                    name,
                    1,
                    c,
                    None,
                    f"a column {c!r} (found columns: {', '.join(map(str, raw.columns))})",
                )
            )
    if problems:
        raise InputError(problems)
    if len(raw) == 0:
        raise InputError([Problem(name, None, None, None, "at least one person below the header")])

    raw = raw.astype(object).fillna("")
    out: dict[str, pd.Series] = {}

    def bad(mask: np.ndarray, col: str, values: np.ndarray, expected: str) -> None:
        for i in np.flatnonzero(mask):
            problems.append(Problem(name, int(rows[i]), col, values[i], expected, row_word))

    # id
    ids = raw["id"].map(lambda v: str(v).strip()).to_numpy(dtype=object)
    bad(ids == "", "id", ids, "a non-empty id")
    dup = pd.Series(ids).duplicated(keep=False).to_numpy() & (ids != "")
    if dup.any():
        first_at: dict[str, int] = {}
        for i in np.flatnonzero(dup):
            first_at.setdefault(ids[i], int(rows[i]))
        for i in np.flatnonzero(dup):
            if int(rows[i]) != first_at[ids[i]]:
                problems.append(
                    Problem(
                        name,
                        int(rows[i]),
                        "id",
                        ids[i],
                        f"a unique id (also in {row_word} {first_at[ids[i]]})",
                        row_word,
                    )
                )

    # actor type
    at_raw = raw["actor_type"].to_numpy(dtype=object)
    at = _map_unique(raw["actor_type"], lambda v: ACTOR_LOOKUP.get(str(v).strip().lower()))
    at_vals = at.to_numpy(dtype=object)
    bad(
        np.array([v is None for v in at_vals], dtype=bool),
        "actor_type",
        at_raw,
        f"one of {allowed_actor_types()}",
    )
    out["actor_type"] = pd.Series([None if v is None else v.value for v in at_vals], dtype=object)

    for col in TEXT_COLUMNS:
        if col in raw.columns:
            out[col] = _map_unique(raw[col], lambda v: str(v).strip() or None)
        else:
            out[col] = pd.Series([None] * len(raw), dtype=object)
    for col in FREE_TEXT_COLUMNS:
        if col in raw.columns:
            out[col] = _map_unique(raw[col], lambda v: str(v).strip())
        else:
            out[col] = pd.Series([""] * len(raw), dtype=object)
    for col in LIST_COLUMNS:
        if col in raw.columns:
            out[col] = _map_unique(raw[col], lambda v: _split_list(str(v)))
        else:
            out[col] = pd.Series([[] for _ in range(len(raw))], dtype=object)

    # motivation: whole number 1-5
    if "motivation" in raw.columns:
        txt = (
            raw["motivation"].map(lambda v: str(v).strip().replace(",", ".")).to_numpy(dtype=object)
        )
        num = pd.to_numeric(pd.Series(txt), errors="coerce").to_numpy(dtype=float)
        empty = txt == ""
        ok = empty | ((num >= 1) & (num <= 5) & (np.mod(num, 1) == 0))
        bad(
            ~ok,
            "motivation",
            raw["motivation"].to_numpy(dtype=object),
            "a whole number from 1 to 5, or empty",
        )
        mot = pd.array(np.where(ok & ~empty, num, np.nan), dtype="Float64").astype("Int64")
        out["motivation"] = pd.Series(mot)
    else:
        out["motivation"] = pd.Series(pd.array([pd.NA] * len(raw), dtype="Int64"))

    # hours_available: number >= 0
    if "hours_available" in raw.columns:
        txt = (
            raw["hours_available"]
            .map(lambda v: str(v).strip().replace(",", "."))
            .to_numpy(dtype=object)
        )
        num = pd.to_numeric(pd.Series(txt), errors="coerce").to_numpy(dtype=float)
        empty = txt == ""
        ok = empty | ((num >= 0) & np.isfinite(num))
        bad(
            ~ok,
            "hours_available",
            raw["hours_available"].to_numpy(dtype=object),
            "a number of hours >= 0, or empty",
        )
        out["hours_available"] = pd.Series(np.where(ok & ~empty, num, np.nan), dtype=float)
    else:
        out["hours_available"] = pd.Series(np.full(len(raw), np.nan))

    # yes/no columns
    def _bool_or_error(v: object) -> object:
        try:
            return parse_bool(v)
        except ValueError:
            return ValueError

    for col in BOOL_COLUMNS:
        if col in raw.columns:
            vals = _map_unique(raw[col], _bool_or_error).to_numpy(dtype=object, copy=True)
            err = np.array([v is ValueError for v in vals], dtype=bool)
            bad(
                err,
                col,
                raw[col].to_numpy(dtype=object),
                "yes/no (ja/nej, true/false, 1/0) or empty",
            )
            vals[err] = None
            out[col] = pd.Series(pd.array(list(vals), dtype="boolean"))
        else:
            out[col] = pd.Series(pd.array([pd.NA] * len(raw), dtype="boolean"))

    # phases: list, or None for all
    def _phases(v: object) -> list[str] | None:
        items = _split_list(str(v))
        if not items or any(x.lower() in ALL_PHASES for x in items):
            return None
        return items

    if "phases" in raw.columns:
        out["phases"] = _map_unique(raw["phases"], _phases)
    else:
        out["phases"] = pd.Series([None] * len(raw), dtype=object)

    # knows: ids that exist
    known = set(ids.tolist())
    knows = out["knows"].to_numpy(dtype=object)
    for row, own, lst in zip(rows.tolist(), ids.tolist(), knows, strict=True):
        for k in lst:
            if k not in known:
                expected = "the id of a candidate in this file"
            elif k == own:
                expected = "the id of another candidate (not the person's own)"
            else:
                continue
            problems.append(Problem(name, row, "knows", k, expected, row_word))

    if problems:
        problems.sort(key=lambda p: p.row or 0)
        raise InputError(problems)

    frame = pd.DataFrame(
        {
            c: out[c].to_numpy()
            if c not in ("motivation", "hours_available", *BOOL_COLUMNS)
            else out[c].array
            for c in _ORDER
        },
        index=pd.Index(ids, name="id", dtype=object),
    )
    for col in raw.columns:
        if col not in frame.columns and col != "id":
            vals = raw[col].map(lambda v: str(v).strip() or None).to_numpy(dtype=object)
            frame[col] = vals
    return frame, rows


#: the pool frame's columns, in the contract's order (``id`` is the index)
_ORDER = CONTRACT_COLUMNS[1:]


def load_candidates(
    source: str | Path | pd.DataFrame | Sequence[Mapping[str, Any]],
) -> CandidatePool:
    """Load and validate a pool of candidates.

    Parameters
    ----------
    source : path, DataFrame or list of dicts
        A ``.csv`` (``,`` or ``;``; UTF-8 with or without BOM, or Windows-1252),
        ``.xlsx`` (first sheet; needs openpyxl) or ``.json`` (a list of records, or
        ``{"candidates": [...]}``) file; a DataFrame; or a list of dicts.

    Returns
    -------
    CandidatePool

    Raises
    ------
    InputError
        Listing every problem: file, row (header = row 1), column, value, expectation.

    Examples
    --------
    >>> pool = load_candidates([{"id": "B1", "actor_type": "FORSKER", "motivation": "4"}])
    >>> pool["B1"].actor_type.value, pool["B1"].motivation
    ('researcher', 4)
    >>> load_candidates([{"id": "B1", "actor_type": "astronaut"}])
    Traceback (most recent call last):
    ...
    composer.errors.InputError: 1 problem in the input:
      - <records>, record 1, column 'actor_type': value 'astronaut' – expected one of ...
    """
    raw, name, row_word = _read_raw(source)
    frame, rows = _normalise(raw, name, row_word)
    return CandidatePool(frame, name, rows, row_word)


def _brief_problems(err: ValidationError, name: str) -> list[Problem]:
    problems = []
    for e in err.errors():
        loc = ".".join(str(x) if not isinstance(x, int) else f"[{x}]" for x in e["loc"]).replace(
            ".[", "["
        )
        msg = e["msg"]
        if msg.startswith("Value error, "):
            for part in msg.removeprefix("Value error, ").split("; "):
                problems.append(
                    Problem(name, None, loc or None, None, f"a consistent brief: {part}")
                )
            continue
        value = e.get("input") if e["type"] != "missing" else None
        if e["type"] == "extra_forbidden":
            msg = "no such key (allowed keys are in the contract)"
        problems.append(
            Problem(
                name, None, loc, value if not isinstance(value, dict | list) else None, msg.lower()
            )
        )
    return problems


def load_brief(source: str | Path | Mapping[str, Any]) -> NetworkBrief:
    """Load and check a network brief.

    Parameters
    ----------
    source : path or dict
        A ``.yaml`` / ``.yml`` / ``.json`` file (YAML read with a safe loader) or a dict.

    Returns
    -------
    NetworkBrief

    Raises
    ------
    InputError
        Every problem at once, by key path: unknown keys, bad values, phases that do not
        cover meetings 1..count once each, unknown phase names, min > max.

    Examples
    --------
    >>> brief = load_brief({"theme": "Unges trivsel", "meetings": {"count": 4, "hours": 3},
    ...                     "phases": [{"name": "afdækning", "meetings": [1, 2]},
    ...                                {"name": "afprøvning", "meetings": [3, 4]}]})
    >>> brief.phase_names, brief.meetings.total_hours
    (['afdækning', 'afprøvning'], 12.0)
    """
    name = "<brief>"
    data: Any
    if isinstance(source, str | Path):
        path = Path(source)
        name = path.name
        if not path.exists():
            raise InputError([Problem(name, None, None, str(path), "an existing file")])
        try:
            text = _decode(path.read_bytes())
            if path.suffix.lower() == ".json":
                data = json.loads(text)
            elif path.suffix.lower() in (".yaml", ".yml"):
                data = yaml.safe_load(text)
            else:
                raise InputError(
                    [Problem(name, None, None, path.suffix, "a .yaml, .yml or .json file")]
                )
        except (yaml.YAMLError, json.JSONDecodeError) as e:
            raise InputError([Problem(name, None, None, None, f"valid YAML/JSON ({e})")]) from None
    else:
        data = source
    if not isinstance(data, Mapping):
        raise InputError(
            [
                Problem(
                    name,
                    None,
                    None,
                    type(data).__name__,
                    "a mapping of keys (theme, phases, needs, ...)",
                )
            ]
        )
    try:
        return NetworkBrief.model_validate(dict(data))
    except ValidationError as e:
        raise InputError(_brief_problems(e, name)) from None
