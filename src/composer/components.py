"""The score components, one function each, and the reasons that explain them.

:meth:`composer.scoring.CandidateScorer.transform` computes the coverage, the free-text
similarities and the pool's encoding once and passes them here; every function returns
one array in [0, 1] (rows in pool order). Prior validation is assumed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .encoding import Encoding
from .messages import listing, say
from .models import ActorType, NeedKind, NetworkBrief, Orientation
from .progress import track
from .text import number

__all__ = [
    "COMPETENCE_KINDS",
    "Inputs",
    "availability",
    "background",
    "commitment",
    "competence",
    "core_fit",
    "perspective",
    "reasons",
]

COMPETENCE_KINDS = (
    NeedKind.professional,
    NeedKind.personal,
    NeedKind.methodological,
    NeedKind.topic,
)


@dataclass(frozen=True)
class Inputs:
    """What the components read: the frame, the brief, the encoding, the coverage matrix
    ``c`` (candidates × needs), the actor types the brief asks for, and the similarity
    of each background and statement to the brief's description (in [0, 1])."""

    frame: pd.DataFrame
    brief: NetworkBrief
    enc: Encoding
    c: np.ndarray
    asked_actors: frozenset[str]
    bg_sim: np.ndarray
    st_sim: np.ndarray

    @property
    def weights(self) -> np.ndarray:
        return np.array([nd.weight for nd in self.brief.needs], dtype=float)

    @property
    def kinds(self) -> np.ndarray:
        return np.array([nd.kind.value for nd in self.brief.needs], dtype=object)


def competence(x: Inputs) -> np.ndarray:
    """Weighted coverage of the competence needs, saturating (1 − e^(−coverage))."""
    w = x.weights
    mask = np.isin(x.kinds, [k.value for k in COMPETENCE_KINDS])
    if not mask.any():
        return np.zeros(len(x.frame))
    e = x.c[:, mask] @ w[mask]
    return 1.0 - np.exp(-e / w[mask].mean())


def background(x: Inputs) -> np.ndarray:
    """Actor type asked for, organisation and unit, background text against the theme."""
    f = x.frame
    actor_rel = np.where(np.isin(x.enc.actor, list(x.asked_actors)), 1.0, 0.4)
    orient = x.enc.orientation
    has_org = f["organisation"].notna().to_numpy()
    org_rel = np.select(
        [orient == "inside", orient == "across", has_org], [1.0, 0.7, 0.6], default=0.5
    )
    return 0.4 * x.bg_sim + 0.3 * actor_rel + 0.3 * org_rel


def _rarity(values: np.ndarray) -> np.ndarray:
    codes, uniq = pd.factorize(pd.Series(values, dtype=object))
    counts = np.bincount(codes, minlength=len(uniq))
    return 1.0 - counts[codes] / len(values)


def _tag_rarity(tags: np.ndarray) -> np.ndarray:
    n = len(tags)
    lengths = np.fromiter((len(t) for t in tags), dtype=np.int64, count=n)
    flat = [t.strip().lower() for lst in tags for t in lst]
    if not flat:
        return np.zeros(n)
    codes, _ = pd.factorize(pd.Series(flat, dtype=object))
    r = 1.0 - np.bincount(codes)[codes] / n
    rows = np.repeat(np.arange(n), lengths)
    return np.bincount(rows, weights=r, minlength=n) / np.maximum(lengths, 1)


def perspective(x: Inputs) -> np.ndarray:
    """Rarity in this pool (actor type, orientation, tags) and perspective needs covered."""
    tags = x.frame["perspectives"].to_numpy(dtype=object)
    diversity = (_rarity(x.enc.actor) + _rarity(x.enc.orientation) + _tag_rarity(tags)) / 3.0
    p_mask = x.kinds == NeedKind.perspective.value
    if not p_mask.any():
        return diversity
    w = x.weights
    pn = (x.c[:, p_mask] @ w[p_mask]) / w[p_mask].sum()
    return 0.5 * diversity + 0.5 * np.minimum(1.0, pn * p_mask.sum() / 2)


def _yes_no(f: pd.DataFrame, col: str) -> np.ndarray:
    return f[col].to_numpy(dtype=float, na_value=np.nan)


def _half_if_unknown(v: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(v), 0.5, v)


def commitment(x: Inputs) -> np.ndarray:
    """Motivation, the statement against the theme, talks, tasks, the line manager's yes."""
    f = x.frame
    mot = _yes_no(f, "motivation")
    mot_s = np.where(np.isnan(mot), 0.5, (mot - 1) / 4)
    statement = f["statement"].to_numpy(dtype=object)
    empty = np.array([not s for s in statement], dtype=bool)
    st_s = np.where(empty, 0.0, np.maximum(x.st_sim, 0.2))
    pres_s = _half_if_unknown(_yes_no(f, "can_present"))
    task_s = _half_if_unknown(_yes_no(f, "can_take_tasks"))
    appr_s = _half_if_unknown(x.enc.approval)
    parts = 0.35 * mot_s + 0.25 * st_s + 0.1 * pres_s + 0.1 * task_s
    return np.where(x.enc.municipal, parts + 0.2 * appr_s, parts / 0.8)


def _phase_share(x: Inputs) -> np.ndarray:
    meet = np.array([len(p.meetings) for p in x.brief.phases], dtype=float)
    return (x.enc.avail @ meet) / x.brief.meetings.count


def _hours_share(x: Inputs) -> np.ndarray:
    hours = x.enc.hours
    share = np.minimum(1.0, hours / x.brief.meetings.total_hours)
    return np.where(np.isnan(hours), _phase_share(x), share)


def availability(x: Inputs) -> np.ndarray:
    """Share of the meetings in the phases a person can join, and hours against all."""
    return 0.5 * _phase_share(x) + 0.5 * _hours_share(x)


def _breadth(x: Inputs) -> np.ndarray:
    """Per phase, the best weighted coverage of its needs; the mean over phases."""
    n, w = len(x.frame), x.weights
    if not len(x.brief.needs):
        return np.zeros(n)
    per_phase = [
        (x.c[:, a] * w[a]).max(axis=1) / w[a].max() if a.any() else np.zeros(n)
        for a in x.enc.active
    ]
    return np.stack(per_phase, axis=1).mean(axis=1)


def core_fit(x: Inputs, competence_: np.ndarray, commitment_: np.ndarray) -> np.ndarray:
    """How well a person carries the core: breadth, commitment, staff, competence, gated
    by availability for every phase and hours for every meeting; 0 after a manager's no."""
    enc = x.enc
    staff = np.where(enc.municipal, np.where(enc.approval == 1, 1.0, 0.7), 0.5)
    quality = 0.35 * _breadth(x) + 0.25 * commitment_ + 0.2 * staff + 0.2 * competence_
    gate = np.where(
        enc.avail.all(axis=1) & enc.core_hours_ok,
        1.0,
        0.5 * _phase_share(x) * np.minimum(1, _hours_share(x)),
    )
    return np.where(enc.manager_no, 0.0, gate * quality)


# ------------------------------------------------------------------ reasons
def reasons(x: Inputs, names: list[str], lang: str) -> list[list[str]]:
    """Short sentences per candidate from the coverage and the per-candidate signals."""
    c, f, enc = x.c, x.frame, x.enc
    statement = f["statement"].to_numpy(dtype=object)
    signals = {
        "mot": _yes_no(f, "motivation"),
        "empty_stmt": np.array([not s for s in statement], dtype=bool),
        "st_sim": x.st_sim,
        "present": _yes_no(f, "can_present"),
        "tasks": _yes_no(f, "can_take_tasks"),
        "approval": enc.approval,
        "municipal": enc.municipal,
    }
    out: list[list[str]] = []
    for i in track(range(len(c)), len(c), "reasons"):
        covered = [(names[j], c[i, j]) for j in np.flatnonzero(c[i] >= 0.5)]
        if covered:
            items = listing([f"{nm} ({number(v, lang, 2)})" for nm, v in covered[:6]], lang)
            r = [say("score.covers", lang, needs=items)]
        else:
            r = [say("score.covers_none", lang)]
        o = Orientation(str(enc.orientation[i]))
        r.append(
            say("member.actor", lang, actor=ActorType(enc.actor[i]).label(lang),
                orientation=o.label(lang))
        )  # fmt: skip
        r += _commitment_reasons(signals, i, lang)
        r += _availability_reasons(x.brief, enc, i, lang)
        out.append(r)
    return out


def _commitment_reasons(signals: dict[str, np.ndarray], i: int, lang: str) -> list[str]:
    """Motivation, statement, talks, tasks and the line manager, as sentences."""
    mot = signals["mot"][i]
    r = [
        say("score.motivation_unknown", lang)
        if np.isnan(mot)
        else say("score.motivation", lang, n=int(mot))
    ]
    if signals["empty_stmt"][i]:
        r.append(say("score.no_statement", lang))
    elif signals["st_sim"][i] >= 0.5:
        r.append(say("score.recognises", lang))
    if signals["present"][i] == 1:
        r.append(say("score.talk", lang))
    if signals["tasks"][i] == 1:
        r.append(say("score.tasks", lang))
    if signals["municipal"][i]:
        approval = signals["approval"][i]
        code = (
            "score.manager_ask"
            if np.isnan(approval)
            else ("score.manager_no" if approval == 0 else "score.manager_yes")
        )
        r.append(say(code, lang))
    return r


def _availability_reasons(brief: NetworkBrief, enc: Encoding, i: int, lang: str) -> list[str]:
    """Phases and hours, as sentences."""
    avail, hours = enc.avail[i], enc.hours[i]
    if avail.all():
        r = [say("score.all_phases", lang)]
    else:
        phases = listing([p for p, ok in zip(brief.phase_names, avail, strict=True) if ok], lang)
        r = [say("score.phases", lang, phases=phases)]
    total_h = brief.meetings.total_hours
    if np.isnan(hours):
        r.append(say("score.hours_unknown", lang))
    else:
        code = "score.hours_ok" if enc.core_hours_ok[i] else "score.hours_short"
        r.append(say(code, lang, have=number(hours, lang), need=number(total_h, lang)))
    return r
