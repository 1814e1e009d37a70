"""The candidate pool, held column-wise.

A pool of a million people is one validated DataFrame, not a million pydantic objects;
:class:`~composer.models.Candidate` objects are made only when a caller asks for one.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .models import ActorType, Candidate, NetworkBrief, Orientation

__all__ = ["BOOL_COLUMNS", "CONTRACT_COLUMNS", "LIST_COLUMNS", "TEXT_COLUMNS", "CandidatePool"]

#: Columns holding ``;``-separated lists.
LIST_COLUMNS = (
    "professional_competences",
    "personal_competences",
    "methodological_competences",
    "perspectives",
    "knows",
)
#: yes/no columns.
BOOL_COLUMNS = ("manager_approval", "can_present", "can_take_tasks")
#: Optional text columns (missing = None).
TEXT_COLUMNS = ("name", "organisation", "unit")
#: Free-text columns (missing = "").
FREE_TEXT_COLUMNS = ("background", "statement")
#: Every column the contract names, in the contract's order.
CONTRACT_COLUMNS = (
    "id",
    "name",
    "actor_type",
    "organisation",
    "unit",
    "professional_competences",
    "personal_competences",
    "methodological_competences",
    "perspectives",
    "background",
    "statement",
    "motivation",
    "phases",
    "hours_available",
    "manager_approval",
    "can_present",
    "can_take_tasks",
    "knows",
)


class CandidatePool:
    """A validated pool of candidates.

    Made by :func:`composer.load_candidates`; not meant to be built by hand.

    Examples
    --------
    >>> from composer import load_candidates
    >>> pool = load_candidates([
    ...     {"id": "A1", "actor_type": "Borger", "personal_competences": "pårørendeerfaring"},
    ...     {"id": "A2", "actor_type": "kommunal medarbejder", "manager_approval": "ja"},
    ... ])
    >>> len(pool), pool["A1"].actor_type.value, pool["A2"].manager_approval
    (2, 'citizen', True)
    >>> pool.to_frame().loc["A1", "personal_competences"]
    ['pårørendeerfaring']
    """

    def __init__(self, frame: pd.DataFrame, source: str, rows: np.ndarray, row_word: str = "row"):
        self._frame = frame
        self.source = source
        #: Spreadsheet row (or record number) of each candidate, aligned with the frame.
        self.rows = rows
        self.row_word = row_word

    # --- container protocol --------------------------------------------------------
    def __len__(self) -> int:
        return len(self._frame)

    def __iter__(self) -> Iterator[Candidate]:
        for cid in self._frame.index:
            yield self[cid]

    def __contains__(self, cid: object) -> bool:
        return cid in self._frame.index

    def __getitem__(self, cid: str) -> Candidate:
        try:
            rec = self._frame.loc[cid]
        except KeyError:
            raise KeyError(f"no candidate with id {cid!r} in {self.source}") from None
        data: dict[str, Any] = {"id": cid}
        attributes: dict[str, Any] = {}
        for col, val in rec.items():
            v = None if _is_missing(val) else val
            if col in CONTRACT_COLUMNS:
                if isinstance(v, np.generic):
                    v = v.item()
                if col in LIST_COLUMNS and v is None:
                    v = []
                if col in FREE_TEXT_COLUMNS and v is None:
                    v = ""
                data[str(col)] = v
            else:
                attributes[str(col)] = v
        data["attributes"] = attributes
        return Candidate.model_validate(data)

    def __repr__(self) -> str:
        return f"CandidatePool({len(self)} candidates from {self.source})"

    def _repr_html_(self) -> str:
        """Compact HTML for notebooks: size, counts by actor type, the first rows (no names)."""
        from .views.html import pool_html

        return pool_html(self)

    # --- views ---------------------------------------------------------------------
    @property
    def ids(self) -> pd.Index:
        """Candidate ids in pool order."""
        return self._frame.index

    @property
    def extra_columns(self) -> list[str]:
        """Columns beyond the contract, kept as attributes (e.g. gender, age_band)."""
        return [c for c in self._frame.columns if c not in CONTRACT_COLUMNS]

    def to_frame(self) -> pd.DataFrame:
        """A copy of the pool as a DataFrame indexed by ``id``.

        Values are normalised: actor types as keys, ``;``-lists as lists, yes/no as
        booleans or missing, ``phases`` as a list or None (= all phases).
        """
        return self._frame.copy()

    @property
    def frame(self) -> pd.DataFrame:
        """The pool's frame itself (read-only by convention; use :meth:`to_frame` to edit)."""
        return self._frame

    def to_records(self) -> list[dict[str, object]]:
        """The pool in the library's own spreadsheet form: one dict of cells per person.

        Lists are joined with ``;``, yes/no as ``ja``/``nej``, ``phases`` empty for all
        phases, missing values empty; ``motivation`` and ``hours_available`` stay numbers.
        :func:`composer.load_candidates` reads these records back into an equal pool.
        Formula-like texts are *not* neutralised here (see :meth:`to_csv`).
        """
        f = self._frame
        columns = ["id", *f.columns]
        out_cols: dict[str, list[object]] = {"id": [str(i) for i in f.index]}
        for col in f.columns:
            values = f[col].to_numpy(dtype=object)
            out_cols[col] = [_export_cell(col, v) for v in values]
        return [{c: out_cols[c][i] for c in columns} for i in range(len(f))]

    def to_csv(self, path: str | Path, *, sep: str = ";") -> None:
        """Write the pool as a CSV that :func:`composer.load_candidates` reads back equal.

        UTF-8 with a BOM (so Excel shows æøå), ``;``-separated as Danish Excel expects,
        the contract's column names, lists joined with ``;`` (quoted when needed). Texts
        that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``...) are
        written with a leading ``'`` (:func:`composer.cells.safe_cell`), which the
        loader takes off again.

        Parameters
        ----------
        path : str or Path
        sep : str
            ``;`` (default), ``,`` or tab.

        Raises
        ------
        InputError
            For another separator.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from composer import load_candidates
        >>> pool = load_candidates([{"id": "A1", "actor_type": "borger", "name": "=1+1"}])
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "pool.csv"
        >>> pool.to_csv(path)
        >>> load_candidates(path)["A1"].name
        '=1+1'
        """
        import csv

        from .cells import safe_cell
        from .errors import InputError, told

        if sep not in (",", ";", "\t"):
            raise InputError([told("<arguments>", None, "sep", sep, "sep", code="invalid_value")])
        records = self.to_records()
        columns = ["id", *self._frame.columns]
        with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=sep, lineterminator="\r\n")
            writer.writerow([safe_cell(c) for c in columns])
            for rec in records:
                writer.writerow(["" if rec[c] is None else safe_cell(rec[c]) for c in columns])

    def to_excel(self, path: str | Path, *, sheet_name: str = "kandidater") -> None:
        """Write the pool as an ``.xlsx`` workbook that loads back equal (needs openpyxl).

        One sheet, the contract's column names in the header row, numbers as numbers and
        everything else as text; formula-like texts neutralised as in :meth:`to_csv`.

        Raises
        ------
        InputError
            When a text holds control characters, which Excel cannot store.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from composer import load_candidates
        >>> pool = load_candidates([{"id": "A1", "actor_type": "borger", "hours_available": "7,5"}])
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "pool.xlsx"
        >>> pool.to_excel(path)
        >>> load_candidates(path)["A1"].hours_available
        7.5
        """
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        from .cells import safe_cell
        from .errors import InputError, told

        columns = ["id", *self._frame.columns]
        problems = []
        rows = []
        for rec in self.to_records():
            row = [None if rec[c] in (None, "") else safe_cell(rec[c]) for c in columns]
            for c, v in zip(columns, row, strict=True):
                if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v):
                    problems.append(
                        told(
                            self.source,
                            self.row_of(str(rec["id"])),
                            c,
                            None,
                            "not_excel_text",
                            row_word=self.row_word,
                        )
                    )
            rows.append(row)
        if problems:
            raise InputError(problems)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(sheet_name)
        ws.append([safe_cell(c) for c in columns])
        for row in rows:
            ws.append(row)
        wb.save(Path(path))

    def row_of(self, cid: str) -> int:
        """The spreadsheet row (or record number) where ``cid`` was read."""
        return int(self.rows[self._frame.index.get_loc(cid)])

    def orientation(self, brief: NetworkBrief) -> pd.Series:
        """Each candidate's :class:`~composer.models.Orientation` value under ``brief``.

        Examples
        --------
        >>> from composer import load_candidates, load_brief
        >>> pool = load_candidates([
        ...     {"id": "A", "actor_type": "municipal_staff", "unit": "Ældre og Sundhed"},
        ...     {"id": "B", "actor_type": "municipal_staff", "unit": "Kultur"},
        ...     {"id": "C", "actor_type": "borger"},
        ... ])
        >>> brief = load_brief({"theme": "x", "home_units": ["ældre og sundhed"]})
        >>> pool.orientation(brief).tolist()
        ['inside', 'across', 'outside']
        """
        f = self._frame
        actor = f["actor_type"].to_numpy(dtype=object)
        municipal = np.isin(
            actor, [ActorType.municipal_staff.value, ActorType.municipal_manager.value]
        )
        unit = f["unit"].astype(object).where(f["unit"].notna(), "").to_numpy(dtype=object)
        home = brief.home_unit_keys
        in_home = np.fromiter(
            (str(u).strip().lower() in home for u in unit), dtype=bool, count=len(unit)
        )
        out = np.full(len(f), Orientation.outside.value, dtype=object)
        out[actor == ActorType.other_municipality.value] = Orientation.across.value
        out[municipal] = Orientation.across.value
        out[municipal & in_home] = Orientation.inside.value
        return pd.Series(out, index=f.index, name="orientation", dtype=object)

    def column_values(self, column: str, brief: NetworkBrief) -> pd.Series:
        """A column's values as lower-case text, for quotas (``orientation`` is derived)."""
        if column == "orientation":
            return self.orientation(brief)
        if column not in self._frame.columns:
            raise KeyError(column)
        values = self._frame[column].to_numpy(dtype=object)
        if column in BOOL_COLUMNS:
            out = [None if _is_missing(v) else ("ja" if v else "nej") for v in values]
        else:
            out = [None if _is_missing(v) else str(v).strip().lower() for v in values]
        return pd.Series(out, index=self._frame.index, dtype=object)

    def matches(self, column: str, value: str, brief: NetworkBrief) -> pd.Series:
        """Who has ``value`` in ``column`` (a quota's test), as a boolean Series by id.

        Text is compared case-insensitively; ``actor_type`` takes a key or Danish label;
        yes/no columns take any yes/no spelling; number columns compare as numbers.

        Examples
        --------
        >>> from composer import load_brief, load_candidates
        >>> pool = load_candidates([{"id": "A", "actor_type": "borger", "can_present": "ja"},
        ...                         {"id": "B", "actor_type": "forsker", "can_present": "0"}])
        >>> brief = load_brief({"theme": "x"})
        >>> pool.matches("can_present", "yes", brief).tolist(), pool.matches("actor_type", "Borger", brief).tolist()
        ([True, False], [True, False])
        """
        want = value.strip().lower()
        if column == "actor_type":
            with contextlib.suppress(ValueError):
                want = ActorType.parse(want).value
        elif column in BOOL_COLUMNS:
            from .cells import parse_bool  # the loaders' reading of yes/no

            with contextlib.suppress(ValueError):
                flag = parse_bool(want)
                want = "" if flag is None else ("ja" if flag else "nej")
        elif column in ("motivation", "hours_available"):
            num = pd.to_numeric(self._frame[column], errors="coerce").astype(float)
            try:
                target = float(want.replace(",", "."))
            except ValueError:
                return pd.Series(False, index=self._frame.index)
            hit = (num == target).to_numpy(dtype=bool, na_value=False)
            return pd.Series(hit, index=self._frame.index, dtype=bool)
        vals = self.column_values(column, brief).to_numpy(dtype=object)
        return pd.Series(vals == want, index=self._frame.index, dtype=bool)

    def available_phases(self, brief: NetworkBrief) -> np.ndarray:
        """Boolean matrix candidates × brief phases: who can join which phase."""
        names = [p.lower() for p in brief.phase_names]
        out = np.ones((len(self), len(names)), dtype=bool)
        for i, ph in enumerate(self._frame["phases"].to_numpy(dtype=object)):
            if ph is not None and not _is_missing(ph):
                have = {p.lower() for p in ph}
                out[i] = [n in have for n in names]
        return out


def _is_missing(v: object) -> bool:
    if v is None or v is pd.NA:
        return True
    return isinstance(v, float) and bool(np.isnan(v))


def _export_cell(column: str, v: object) -> object:
    """One pool value as the loader reads it back (see :meth:`CandidatePool.to_records`)."""
    if isinstance(v, list):
        return ";".join(str(x) for x in v)
    if _is_missing(v):
        return ""
    if column in BOOL_COLUMNS:
        return "ja" if bool(v) else "nej"
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        return int(v) if v.is_integer() and math.isfinite(v) and abs(v) < 1e15 else v
    if isinstance(v, bool):
        return "ja" if v else "nej"
    return v
