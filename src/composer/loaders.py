"""Loaders: candidate files and briefs in, validated pool and brief out.

Reading happens behind one guarded entrance (:mod:`composer.reading`): spreadsheets as
Danish Excel writes them load as they are (``,``, ``;`` or tab; UTF-8 ± BOM, UTF-16,
Windows-1252, Mac Roman; Danish headers), and nothing but an
:class:`~composer.errors.InputError` leaves it. This module turns the text cells into
the pool's typed columns. Every problem in a file is reported at once, with the row as a
spreadsheet counts it (header = row 1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
from pydantic import ValidationError

from .aliases import (
    HEADER_ALIASES,
    header_key,
    looks_like_composition,
    probable_column,
    rename_brief_keys,
)
from .brief_text import count_problems, ids_as_written
from .cells import clean_text, parse_bool
from .errors import InputError, Problem, check_seed, shorten, told
from .identity import AlikeIds, lookalike_problems, spell
from .messages import MESSAGES
from .models import NetworkBrief
from .pool import (
    BOOL_COLUMNS,
    CONTRACT_COLUMNS,
    FREE_TEXT_COLUMNS,
    LIST_COLUMNS,
    TEXT_COLUMNS,
    CandidatePool,
)
from .progress import progress
from .reading import Limits, RawTable, read_mapping, read_table
from .vocabulary import ACTOR_LOOKUP, allowed_actor_types

__all__ = [
    "HEADER_ALIASES",
    "Limits",
    "check_seed",
    "column_key",
    "load_brief",
    "load_candidates",
    "parse_bool",
    "pydantic_problem",
]

ALL_PHASES = frozenset({"all", "alle"})
REQUIRED = ("id", "actor_type")


# --------------------------------------------------------------------------- headers
def _header_key(header: str) -> str:
    return header_key(clean_text(header))


_CONTRACT_KEYS = {_header_key(c): c for c in CONTRACT_COLUMNS}


def column_key(header: str) -> str:
    """The pool's name for a column header: a contract name, or the header lower-cased.

    Danish headers (``Navn``, ``Aktørtype``, ``Timer til rådighed``...) map to the
    contract's names; any other header is kept (lower-cased, stripped) as an attribute.

    Examples
    --------
    >>> column_key(" Aktør type "), column_key("Timer til rådighed"), column_key("Køn")
    ('actor_type', 'hours_available', 'køn')
    >>> column_key("Actor Type"), column_key("HOURS_AVAILABLE")
    ('actor_type', 'hours_available')
    """
    key = _header_key(header)
    if key in _CONTRACT_KEYS:
        return _CONTRACT_KEYS[key]
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    return clean_text(header).lower()


# ------------------------------------------------------------------------ normalising
def _split_list(value: str) -> list[str]:
    return [y for y in (clean_text(x) for x in value.split(";")) if y]


def _map_unique(s: pd.Series, fn: Any) -> pd.Series:
    """Apply ``fn`` once per distinct value (spreadsheets repeat themselves)."""
    return pd.Series(_map_values(s.to_numpy(dtype=object), fn), index=s.index, dtype=object)


def _map_values(values: np.ndarray, fn: Any) -> np.ndarray:
    """:func:`_map_unique` on an object array (no Series per column for wide tables)."""
    try:
        codes, uniq = pd.factorize(values, use_na_sentinel=False)
    except TypeError:  # unhashable cells (lists from a DataFrame): one by one
        out = np.empty(len(values), dtype=object)
        for k, v in enumerate(values):
            out[k] = fn(v)  # one by one: a list stays one cell
        return out
    mapped = np.empty(len(uniq), dtype=object)
    for k, u in enumerate(uniq):
        mapped[k] = fn(u)
    return np.asarray(mapped[codes], dtype=object)


def _header_problems(table: RawTable, extra: Sequence[str] = ()) -> tuple[list[str], list[Problem]]:
    """The pool's column names for the table's header, and the header's problems."""
    keys = [column_key(h) for h in table.header]
    problems = _near_columns(table, keys, extra)
    if any(p.code == "composition_as_pool" for p in problems):
        return keys, problems  # the one thing to say about this table
    spelled: dict[str, list[str]] = {}
    for h, k in zip(table.header, keys, strict=True):
        spelled.setdefault(k, []).append(h)
    for k, hs in spelled.items():
        if not k:
            problems.append(
                told(table.source, table.header_row, None, None, "empty_column_name",
                     code="unnamed_column")
            )  # fmt: skip
        elif len(hs) > 1:
            shown = [repr(shorten(h.strip(), 60)) for h in hs[:3]]
            problems.append(
                told(table.source, table.header_row, k, None, "duplicate_column", names=shown,
                     key=k)
            )  # fmt: skip
    found = shorten(", ".join(h.strip() for h in table.header))
    for c in REQUIRED:
        if c not in spelled:
            problems.append(
                told(table.source, table.header_row, c, None, "missing_column", name=c,
                     found=found)
            )  # fmt: skip
    return keys, problems


def _near_columns(table: RawTable, keys: list[str], extra: Sequence[str]) -> list[Problem]:
    """Extra columns that look like a contract column the table lacks (a misspelt or
    unknown Danish header would otherwise be read silently as an attribute)."""
    declared = {_header_key(e) for e in extra}
    if looks_like_composition(table.header):
        return [told(table.source, None, None, None, "composition_as_pool")]
    problems = []
    for h, k in zip(table.header, keys, strict=True):
        column = None if k in CONTRACT_COLUMNS or _header_key(h) in declared else probable_column(h)
        if column is not None and column not in keys:
            problems.append(
                told(table.source, table.header_row, h.strip(), None, "near_column",
                     wanted=column, header=h.strip())
            )  # fmt: skip
    return problems


def _normalise(table: RawTable, extra: Sequence[str] = ()) -> tuple[pd.DataFrame, np.ndarray]:
    keys, problems = _header_problems(table, extra)
    if problems:
        raise InputError(problems)
    if len(table.frame) == 0:
        raise InputError([told(table.source, None, None, None, "no_candidates")])
    cols = _Columns(table, table.frame.set_axis(keys, axis=1))
    ids = cols.ids()
    cols.actor_types()
    cols.texts()
    cols.numbers()
    cols.booleans()
    cols.phases()
    cols.knows(ids)
    if cols.problems:
        cols.problems.sort(key=lambda p: p.row or 0)
        raise InputError(cols.problems)
    out = cols.out
    frame = pd.DataFrame(
        {
            c: out[c].to_numpy()
            if c not in ("motivation", "hours_available", *BOOL_COLUMNS)
            else out[c].array
            for c in _ORDER
        },
        index=pd.Index(ids, name="id", dtype=object),
    )
    raw = cols.raw
    contract = set(CONTRACT_COLUMNS)
    cells = raw.to_numpy(dtype=object)  # one array: a wide table is not 10,000 Series
    extras = {
        col: _map_values(cells[:, k], lambda v: clean_text(v) or None)
        for k, col in enumerate(raw.columns)
        if col not in contract
    }
    if extras:  # one concat, not one insert per column (10,000 columns stay linear)
        frame = pd.concat([frame, pd.DataFrame(extras, index=frame.index)], axis=1)
    return frame, table.rows


class _Columns:
    """The contract's columns read from a raw table, one kind of column per method; every
    problem is collected with its row, none raised until all are known."""

    def __init__(self, table: RawTable, raw: pd.DataFrame) -> None:
        self.name, self.row_word, self.rows = table.source, table.row_word, table.rows
        self.raw = raw
        self.n = len(raw)
        self.problems: list[Problem] = []
        self.out: dict[str, pd.Series] = {}

    def bad(
        self, mask: np.ndarray, col: str, values: np.ndarray, message: str, **params: Any
    ) -> None:
        """A problem (``problem.<message>``) for each row of ``mask``."""
        for i in np.flatnonzero(mask):
            self.problems.append(
                told(self.name, int(self.rows[i]), col, values[i], message,
                     code="invalid_value", row_word=self.row_word, **params)
            )  # fmt: skip

    def ids(self) -> np.ndarray:
        """Clean, non-empty, unique ids that do not look alike."""
        rows, row_word = self.rows, self.row_word
        ids = _map_unique(self.raw["id"], clean_text).to_numpy(dtype=object)
        self.bad(ids == "", "id", ids, "empty_id")
        dup = pd.Series(ids).duplicated(keep=False).to_numpy() & (ids != "")
        first_at: dict[str, int] = {}
        for i in np.flatnonzero(dup):
            first_at.setdefault(ids[i], int(rows[i]))
        self.problems += [
            told(
                self.name,
                int(rows[i]),
                "id",
                ids[i],
                "duplicate_id_record" if row_word == "record" else "duplicate_id",
                code="duplicate_id",
                row_word=row_word,
                first=first_at[ids[i]],
            )
            for i in np.flatnonzero(dup)
            if int(rows[i]) != first_at[ids[i]]
        ]
        self.problems += lookalike_problems(ids, rows, self.name, row_word)
        return ids

    def actor_types(self) -> None:
        at_raw = self.raw["actor_type"].to_numpy(dtype=object)
        at = _map_unique(self.raw["actor_type"], lambda v: ACTOR_LOOKUP.get(clean_text(v).lower()))
        vals = at.to_numpy(dtype=object)
        missing = np.array([v is None for v in vals], dtype=bool)
        self.bad(
            missing,
            "actor_type",
            at_raw,
            "actor_type",
            allowed=allowed_actor_types(),
        )
        self.out["actor_type"] = pd.Series(
            [None if v is None else v.value for v in vals], dtype=object
        )

    def texts(self) -> None:
        """Text, free text and ``;``-list columns (empty when the column is absent)."""
        kinds: list[tuple[tuple[str, ...], Any, Any]] = [
            (TEXT_COLUMNS, lambda v: clean_text(v) or None, lambda: None),
            (FREE_TEXT_COLUMNS, clean_text, lambda: ""),
            (LIST_COLUMNS, lambda v: _split_list(str(v)), list),
        ]
        for columns, read, empty in kinds:
            for col in columns:
                if col in self.raw.columns:
                    self.out[col] = _map_unique(self.raw[col], read)
                else:
                    self.out[col] = pd.Series([empty() for _ in range(self.n)], dtype=object)

    def _number(self, col: str, ok_of: Any, message: str) -> tuple[np.ndarray, np.ndarray]:
        """The column as numbers with a decimal comma allowed; ``ok_of(num)`` tells the
        valid ones (empty is valid and NaN)."""
        txt = self.raw[col].map(lambda v: str(v).strip().replace(",", ".")).to_numpy(dtype=object)
        num = pd.to_numeric(pd.Series(txt), errors="coerce").to_numpy(dtype=float)
        empty = txt == ""
        with np.errstate(invalid="ignore"):  # 1e400 reads as inf
            ok = empty | ok_of(num)
        self.bad(~ok, col, self.raw[col].to_numpy(dtype=object), message)
        return np.where(ok & ~empty, num, np.nan), ok

    def numbers(self) -> None:
        """``motivation`` (a whole number 1-5) and ``hours_available`` (hours >= 0)."""
        if "motivation" in self.raw.columns:
            mot, _ = self._number(
                "motivation",
                lambda x: (x >= 1) & (x <= 5) & (np.mod(x, 1) == 0),
                "motivation",
            )
            self.out["motivation"] = pd.Series(pd.array(mot, dtype="Float64").astype("Int64"))
        else:
            self.out["motivation"] = pd.Series(pd.array([pd.NA] * self.n, dtype="Int64"))
        if "hours_available" in self.raw.columns:
            hours, _ = self._number(
                "hours_available",
                lambda x: (x >= 0) & np.isfinite(x),
                "hours",
            )
            self.out["hours_available"] = pd.Series(hours, dtype=float)
        else:
            self.out["hours_available"] = pd.Series(np.full(self.n, np.nan))

    def booleans(self) -> None:
        """Yes/no columns (ja/nej, true/false, 1/0) or empty."""

        def read(v: object) -> object:
            try:
                return parse_bool(v)
            except ValueError:
                return ValueError

        for col in BOOL_COLUMNS:
            if col not in self.raw.columns:
                self.out[col] = pd.Series(pd.array([pd.NA] * self.n, dtype="boolean"))
                continue
            vals = _map_unique(self.raw[col], read).to_numpy(dtype=object, copy=True)
            err = np.array([v is ValueError for v in vals], dtype=bool)
            self.bad(
                err,
                col,
                self.raw[col].to_numpy(dtype=object),
                "yes_no",
            )
            vals[err] = None
            self.out[col] = pd.Series(pd.array(list(vals), dtype="boolean"))

    def phases(self) -> None:
        """A list of phases, or None for all (empty, ``all`` or ``alle``)."""

        def read(v: object) -> list[str] | None:
            items = _split_list(str(v))
            if not items or any(x.lower() in ALL_PHASES for x in items):
                return None
            return items

        if "phases" in self.raw.columns:
            self.out["phases"] = _map_unique(self.raw["phases"], read)
        else:
            self.out["phases"] = pd.Series([None] * self.n, dtype=object)

    def knows(self, ids: np.ndarray) -> None:
        """Every ``knows`` entry is the id of another candidate in the file."""
        known = set(ids.tolist())
        alike_ids = AlikeIds(ids)
        lists = self.out["knows"].to_numpy(dtype=object)
        for row, own, lst in zip(self.rows.tolist(), ids.tolist(), lists, strict=True):
            for k in lst:
                if k in known and k != own:
                    continue
                alike = None if k == own else alike_ids.get(k)
                params = (
                    {}
                    if alike is None
                    else {"alike": shorten(alike, 60), "spelled": spell(k + alike)}
                )
                message = "knows_self" if k == own else "knows_alike" if params else "knows_unknown"
                self.problems.append(
                    told(self.name, row, "knows", k, message, code="invalid_value",
                         row_word=self.row_word, **params)
                )  # fmt: skip


#: the pool frame's columns, in the contract's order (``id`` is the index)
_ORDER = CONTRACT_COLUMNS[1:]


def load_candidates(
    source: str | Path | bytes | BinaryIO | pd.DataFrame | Sequence[Mapping[str, Any]],
    *,
    sheet: str | int | None = None,
    limits: Limits | None = None,
    format: str | None = None,
    extra_columns: Sequence[str] = (),
) -> CandidatePool:
    """Load and validate a pool of candidates.

    Parameters
    ----------
    source : path, DataFrame or list of dicts
        A ``.csv``/``.txt``/``.tsv`` (``,``, ``;`` or tab; UTF-8 with or without BOM,
        UTF-16, Windows-1252 or Mac Roman, found by charset-normalizer), ``.xlsx``
        (needs openpyxl) or ``.json`` (a list of records, or ``{"candidates": [...]}``)
        file; a DataFrame; or a list of dicts. Headers may be the contract's names or
        their Danish forms (``Navn``, ``Aktørtype``, ``Timer til rådighed``, ...: see
        :data:`HEADER_ALIASES`).
        The bytes of such a file, or an open binary file (``sys.stdin.buffer``), are
        read too when ``format`` says which.
    sheet : str or int, optional
        The worksheet of a workbook, by name or by number from 0 (default: the first).
    extra_columns : sequence of str
        Headers that are extra attributes although they look like a contract column
        (:func:`composer.aliases.probable_column`); without this they are an error.
    limits : composer.reading.Limits, optional
        Size limits (file size, cells, columns, cell length, nesting depth); raise them
        to read a larger genuine file.
    format : {"csv", "xlsx", "json"}, optional
        The format, when the file name does not say it (bytes, standard input).

    Returns
    -------
    CandidatePool

    Raises
    ------
    InputError
        Listing every problem: file, row (header = row 1, blank rows counted), column,
        value, expectation. Nothing else escapes, whatever the file holds.

    Notes
    -----
    Nothing is silently changed: text stays text (``NA``, ``null``, ``#N/A`` are kept),
    a column named twice, a row with more cells than the header, a file mixing text
    encodings and a key written twice in a JSON record are errors. Ids and phrases are
    NFC-normalised and stripped of surrounding white space and invisible characters;
    ids that differ only by case or look-alike letters (Latin ``A1``, Cyrillic ``А1``)
    are reported. A leading ``'`` that protects a formula-like cell (``'=...``, as
    :func:`composer.cells.safe_cell` writes it) is dropped in CSV and Excel files.

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
    table = read_table(source, sheet=sheet, limits=limits, format=format)
    # the file is read; checking and normalising the rows is the part worth a bar
    with progress(1, "load", rows=len(table.frame)) as bar:
        frame, rows = _normalise(table, extra_columns)
        bar.update()
    return CandidatePool(frame, table.source, rows, table.row_word)


def _brief_problems(err: ValidationError, name: str) -> list[Problem]:
    problems = []
    for e in err.errors():
        loc = ".".join(str(x) if not isinstance(x, int) else f"[{x}]" for x in e["loc"]).replace(
            ".[", "["
        )
        if e["type"] == "brief_rules":  # the brief's own checks (NetworkBrief._check)
            problems += [
                told(
                    name,
                    None,
                    rule["at"],
                    None,
                    rule["message"],
                    code="invalid_value",
                    **rule["params"],
                )
                for rule in e.get("ctx", {}).get("problems", [])
            ]
            continue
        problems.append(pydantic_problem(name, e, loc))
    return problems


def pydantic_problem(
    name: str, e: Mapping[str, Any], loc: str | None, fallback: str | None = None
) -> Problem:
    """One of pydantic's errors ``e`` as a problem: told by its type's sentence
    (``problem.pydantic_<type>``, its context as parameters), else by the sentence
    ``fallback`` (or pydantic's own English words when there is none)."""
    value = e.get("input") if e["type"] != "missing" else None
    ctx = e.get("ctx", {})
    params = {k: f"{v:g}" if isinstance(v, float) else str(v) for k, v in ctx.items()}
    if "expected" in params:  # pydantic's "'a', 'b' or 'c'": the choices, listed alike
        params["expected"] = params["expected"].replace("' or '", "', '")
    code = f"pydantic_{e['type']}"
    shown = value if not isinstance(value, dict | list) else None
    if f"problem.{code}" in MESSAGES:  # told in the reader's language (composer.messages)
        return told(name, None, loc, shown, code, **params)
    if fallback is not None:
        return told(name, None, loc, shown, fallback, code="invalid_value")
    return Problem(name, None, loc, shown, str(e["msg"]).lower(), code="invalid_value")


def load_brief(
    source: str | Path | bytes | BinaryIO | Mapping[str, Any],
    *,
    limits: Limits | None = None,
    format: str | None = None,
) -> NetworkBrief:
    """Load and check a network brief.

    Parameters
    ----------
    source : path or dict
        A ``.yaml`` / ``.yml`` / ``.json`` file (YAML read with a safe loader) or a dict.
        The bytes of such a file or an open binary file are read too, with ``format``.
    limits : composer.reading.Limits, optional
        Size limits (file size, nesting depth, number of values).
    format : {"yaml", "json"}, optional
        The format, when the file name does not say it (bytes, standard input).

    Returns
    -------
    NetworkBrief

    Raises
    ------
    InputError
        Every problem at once, by key path: unknown keys, keys written twice, bad values,
        phases that do not cover meetings 1..count once each, unknown phase names,
        min > max, weights and counts out of bounds; and anything that cannot be read.

    Examples
    --------
    >>> brief = load_brief({"theme": "Unges trivsel", "meetings": {"count": 4, "hours": 3},
    ...                     "phases": [{"name": "afdækning", "meetings": [1, 2]},
    ...                                {"name": "afprøvning", "meetings": [3, 4]}]})
    >>> brief.phase_names, brief.meetings.total_hours
    (['afdækning', 'afprøvning'], 12.0)
    """
    if isinstance(source, str | Path) and Path(source).suffix.lower() in (".xlsx", ".xlsm"):
        from .template import brief_from_workbook  # the "Brief" sheet of a workbook

        data, name = brief_from_workbook(source), Path(source).name
    else:
        data, name = read_mapping(source, limits=limits, format=format)
    if not isinstance(data, Mapping):
        raise InputError(
            [told(name, None, None, type(data).__name__, "brief_not_mapping", code="invalid_value")]
        )
    bad_keys = [k for k in data if not isinstance(k, str)]
    if bad_keys:
        raise InputError(
            [told(name, None, None, k, "brief_keys", code="invalid_value") for k in bad_keys]
        )
    if counts := count_problems(data, name):
        raise InputError(counts)
    try:
        return NetworkBrief.model_validate(ids_as_written(rename_brief_keys(dict(data))))
    except ValidationError as e:
        raise InputError(_brief_problems(e, name)) from None
    except (TypeError, ValueError, OverflowError) as e:  # a value pydantic cannot even compare
        raise InputError(
            [
                told(
                    name,
                    None,
                    None,
                    None,
                    "brief_values",
                    code="invalid_value",
                    why=type(e).__name__,
                )
            ]
        ) from None
