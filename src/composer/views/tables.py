"""The members and the meeting plan of a composition as pandas tables (stable column keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from ..messages import say

if TYPE_CHECKING:
    from ..result import CompositionData

__all__ = ["meeting_plan", "members_frame", "ranked_scores"]


def members_frame(comp: CompositionData) -> pd.DataFrame:
    """One row per chosen person (index ``id``): :meth:`composer.Composition.to_frame`."""
    rows = [
        {
            "id": m.id,
            "name": m.name,
            "role": m.role,
            "actor_type": m.actor_type,
            "orientation": m.orientation,
            "organisation": m.organisation,
            "unit": m.unit,
            "phases": m.phases,
            "meetings": m.meetings,
            "hours": m.hours,
            "needs_covered": sorted(m.needs_covered),
            "flags": m.flags,
            "reasons": m.reasons,
        }
        for m in comp.members
    ]
    return pd.DataFrame(rows).set_index("id")


def meeting_plan(
    comp: CompositionData, by: Literal["person", "organisation"] = "person"
) -> pd.DataFrame:
    """Attendance with hours: :meth:`composer.Composition.meeting_plan`."""
    if by not in ("person", "organisation"):
        raise ValueError(f"by={by!r} should be 'person' or 'organisation'")
    b = comp.brief
    cols = [f"meeting_{k}" for k in range(1, b.meetings.count + 1)]
    rows = []
    for m in comp.members:
        row: dict[str, Any] = {
            "id": m.id,
            "role": m.role,
            "organisation": m.organisation or say("report.none_org", comp.language),
        }
        for k in range(1, b.meetings.count + 1):
            row[cols[k - 1]] = b.meetings.hours if k in m.meetings else 0.0
        rows.append(row)
    plan = pd.DataFrame(rows, columns=["id", "role", "organisation", *cols])
    plan["total"] = plan[cols].sum(axis=1)
    if by == "organisation":
        out = plan.groupby("organisation", sort=True)[[*cols, "total"]].sum()
        out["people"] = plan.groupby("organisation", sort=True)["id"].count()
        return out
    return plan.set_index("id")


def ranked_scores(scores: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """``composer score``'s table (the CLI and the web API alike): every candidate's
    scores with their name, ranked by total (ties by id), index ``rank`` from 1."""
    frame = scores.copy()
    frame.insert(0, "name", names)
    frame = frame.rename_axis("id").reset_index()
    frame = frame.sort_values(["total", "id"], ascending=[False, True], kind="mergesort")
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame.set_index("rank")
