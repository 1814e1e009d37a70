"""The identity rule of ids: which ids are one person written two ways.

Two ids look alike when :func:`composer.cells.lookalike_keys` gives them a key in
common: NFKC, default-ignorable code points removed, Unicode's TR39 confusable skeleton,
dashes folded, case folded. The loaders report such pairs, naming both rows.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from .cells import lookalike_keys
from .errors import Problem, shorten, told

__all__ = ["AlikeIds", "lookalike_problems", "spell"]


def lookalike_problems(
    ids: np.ndarray, rows: np.ndarray, name: str, row_word: str
) -> list[Problem]:
    """Ids that differ only by case, width, invisible characters, dashes or look-alike
    letters (the identity rule: :func:`composer.cells.lookalike_keys`)."""
    codes, uniq = pd.factorize(pd.Series(ids, dtype=object), use_na_sentinel=False)
    unique_keys = [lookalike_keys(str(u)) for u in uniq]  # once per distinct id
    keys = [unique_keys[c] for c in codes]
    first: list[dict[str, tuple[str, int]]] = [{}, {}]
    problems = []
    for cid, pair, row in zip(ids.tolist(), keys, rows.tolist(), strict=True):
        if not cid:
            continue
        seen = [by_key.setdefault(key, (cid, row)) for by_key, key in zip(first, pair, strict=True)]
        other = next((s for s in seen if s[0] != cid), None)
        if other is not None:
            problems.append(
                told(
                    name,
                    row,
                    "id",
                    cid,
                    "lookalike_id_record" if row_word == "record" else "lookalike_id",
                    code="lookalike_id",
                    row_word=row_word,
                    other=shorten(other[0], 60),
                    at=other[1],
                    spelled=spell(cid + other[0]),
                )
            )
    return problems


class AlikeIds:
    """The pool's ids by look-alike key, built on first use (only when ``knows`` is wrong)."""

    def __init__(self, ids: np.ndarray) -> None:
        self._ids = ids
        self._by_key: dict[str, str] | None = None

    def get(self, text: str) -> str | None:
        if self._by_key is None:
            self._by_key = {}
            for cid in self._ids.tolist():
                for key in lookalike_keys(cid) if cid else ():
                    self._by_key.setdefault(key, cid)
        return next((self._by_key[k] for k in lookalike_keys(text) if k in self._by_key), None)


def spell(text: str) -> str:
    odd = sorted({ch for ch in text if not ch.isascii()})[:4]
    names = [f"{ch!r} = {unicodedata.name(ch, f'U+{ord(ch):04X}')}" for ch in odd]
    return (": " + "; ".join(names)) if names else ""
