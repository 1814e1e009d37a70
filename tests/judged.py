"""The judged coverage set (``tests/data/judged_coverage.csv``) and its figures.

Shared by ``tests/test_coverage_quality.py`` and ``benchmarks/bench_coverage_quality.py``.
Each row is one (need, phrase) pair judged 1 (covers), 0.5 (partly) or 0 (does not) by the
rules in ``docs/scoring.md``; ``batch`` says when it was written: ``build`` (before the
matcher was built), ``held-out`` (false friends and compound heads added before the
sense rules, which were then written without tuning on them), ``held-out-2`` (after the
sense rules were frozen), ``held-out-3`` (before the sense classes were broadened),
``held-out-4`` (before the rules of positive evidence, in words of no ``outside`` class)
or ``held-out-5`` (before the compound, genitive and derived-adjective rules, in words of
no ``outside`` class).
The phrase goes into the competence column of the need's kind
(or into ``background`` when the row's kind is ``free_text``), one candidate per row, and
``composer.coverage`` scores every row in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

JUDGED = Path(__file__).parent / "data" / "judged_coverage.csv"

_COLUMN = {
    "professional": "professional_competences",
    "methodological": "methodological_competences",
    "perspective": "perspectives",
    "topic": "professional_competences",
    "free_text": "background",
}


def load_judged(batch: str | None = None) -> pd.DataFrame:
    """The judged rows (need, kind, phrase, judgement, category, batch), of one ``batch``
    or all of them."""
    rows = pd.read_csv(JUDGED, dtype={"judgement": float}, keep_default_na=False)
    return rows if batch is None else rows[rows["batch"] == batch].reset_index(drop=True)


def judged_inputs(rows: pd.DataFrame) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One candidate per row and a brief with every need (kind from its listed rows)."""
    kinds = rows[rows["kind"] != "free_text"].groupby("need", sort=True)["kind"].first()
    records = [
        {"id": f"R{i:04d}", "actor_type": "kommunal medarbejder", _COLUMN[r.kind]: r.phrase}
        for i, r in enumerate(rows.itertuples())
    ]
    brief = {
        "theme": "Kommunalt udviklingsnetværk",
        "needs": [{"name": n, "kind": k} for n, k in kinds.items()],
    }
    return records, brief


def scored(rows: pd.DataFrame, cover: Callable[..., pd.DataFrame]) -> np.ndarray:
    """The coverage value of every row through ``cover(pool, brief)``."""
    records, brief = judged_inputs(rows)
    cov = cover(records, brief)
    ids = [r["id"] for r in records]
    return np.array([cov.at[i, n] for i, n in zip(ids, rows["need"], strict=True)], dtype=float)


def figures(judged: np.ndarray, value: np.ndarray) -> dict[str, float]:
    """MAE, Spearman, false cover, crumbs and missed (the issue-14 measures)."""
    zero, one = judged == 0, judged == 1
    return {
        "mae": float(np.abs(judged - value).mean()),
        "spearman": float(spearmanr(judged, value).statistic),
        "false_cover": float((value[zero] > 0.3).mean()),
        "crumbs": float((value[zero] > 0).mean()),
        "missed": float((value[one] < 0.7).mean()),
    }


def per_category(rows: pd.DataFrame, value: np.ndarray) -> pd.DataFrame:
    """Per category: rows, MAE, and hits (|value - judgement| <= 0.3)."""
    err = np.abs(rows["judgement"].to_numpy() - value)
    frame = pd.DataFrame({"category": rows["category"], "err": err, "hit": err <= 0.3})
    return frame.groupby("category").agg(
        rows=("err", "size"), mae=("err", "mean"), hits=("hit", "sum")
    )
