"""The rules of a composition, checked before any search: what no network can meet.

Each check raises :class:`~composer.errors.InfeasibleError` naming the brief's rule
(``core.min``, ``phase_participants.total_max``, a quota), its numbers, the people it
concerns and what would relax it, in the brief's language; every sentence is a code of
:mod:`composer.messages` (``infeasible.<code>`` and ``relax.<code>``) and the error
carries the codes and their parameters (:attr:`InfeasibleError.causes`).
:func:`explain_failure` says why when the solvers found no network although every
single check passed. The checks read the joint model's own arrays
(:class:`~composer.optimise.joint.JointProblem`); the core's sizes and quotas are
settled by a small integer programme over the kinds of candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..encoding import HOURS_EPS
from ..errors import InfeasibleError
from ..messages import count, listing, say
from ..models import ActorType
from ..optimise.joint import CORE, NETWORK, JointProblem, JointQuota
from ..text import number
from .core_check import core_feasible, fewest_and_most
from .model import Plan

__all__ = ["check", "co_driver_seats", "explain_failure", "why_not"]

BoolArray = npt.NDArray[np.bool_]
#: ids shown in a sentence before "and N more"
SHOWN_IDS = 10


class _Why:
    """The reasons a brief cannot be met, collected as codes, said in its language."""

    def __init__(self, plan: Plan) -> None:
        self.lang = str(plan.brief.language)
        self.causes: list[tuple[str, dict[str, Any]]] = []

    def add(self, code: str, **params: Any) -> None:
        self.causes.append((code, params))

    def error(self) -> InfeasibleError:
        return InfeasibleError(
            [say(f"infeasible.{c}", self.lang, **p) for c, p in self.causes],
            [say(f"relax.{_relax(c)}", self.lang, **p) for c, p in self.causes],
            params={"causes": [{"code": c, "params": p} for c, p in self.causes]},
        )

    def raise_any(self) -> None:
        if self.causes:
            raise self.error()

    def ids(self, problem: JointProblem, idx: npt.ArrayLike, limit: int = SHOWN_IDS) -> str:
        """Up to ``limit`` ids, comma-separated ("nobody" when there are none)."""
        rows = [int(i) for i in np.asarray(idx).ravel()]
        if not rows:
            return say("list.nobody", self.lang)
        text = ", ".join(problem.label(i) for i in rows[:limit])
        if len(rows) > limit:
            return say("list.more", self.lang, ids=text, n=len(rows) - limit)
        return text

    def who(self, n: int) -> str:
        """``n`` candidates, in the right number."""
        return count(n, "candidate", self.lang)


def _relax(code: str) -> str:
    """The relaxation's code (the three quota minimums share one)."""
    return "quota_min" if code.startswith("quota_min_") else code


def why_not(plan: Plan, i: int, language: str | None = None) -> str:
    """Why candidate ``i`` cannot take part at all ("" when they can), in ``language``."""
    enc, b = plan.enc, plan.brief
    lang = language or str(b.language)
    if enc.excluded[i]:
        return say("absent.excluded", lang)
    if enc.manager_no[i]:
        return say("absent.manager_no", lang)
    if not enc.phase_ok[i].any() and not enc.core_ok[i]:
        open_ = np.flatnonzero(enc.avail[i])
        p = int(open_[np.argmin(enc.phase_hours[open_])]) if len(open_) else 0
        return say(
            "absent.hours_any", lang, have=number(enc.hours[i], lang),
            phase=b.phase_names[p], need=number(enc.phase_hours[p], lang),
        )  # fmt: skip
    return ""


def check(plan: Plan, problem: JointProblem) -> None:
    """Raise InfeasibleError when a single rule of ``problem`` cannot be met."""
    _check_includes(plan, problem)
    _check_quotas(plan, problem)
    _check_core(plan, problem)
    _check_quota_shares(plan, problem)


def _check_includes(plan: Plan, problem: JointProblem) -> None:
    why = _Why(plan)
    P = problem.n_phases
    pp = plan.brief.phase_participants
    must_join: list[int] = []
    for i in problem.include.tolist():
        if not problem.core_ok[i] and not problem.phase_ok[i].any():
            reason = why_not(plan, i) or say("absent.unavailable", why.lang)
            why.add("include_absent", id=problem.label(i), why=reason)
        elif not problem.core_ok[i]:
            must_join.append(i)
            phases = listing(
                [plan.brief.phase_names[p] for p in np.flatnonzero(problem.phase_ok[i])], why.lang
            )
            if P == 1:
                why.add("include_one_phase", id=problem.label(i), phases=phases)
            elif pp.per_phase_max == 0:
                why.add("include_no_phase_seats", id=problem.label(i), phases=phases)
    core_inc = [i for i in problem.include.tolist() if problem.core_ok[i]]
    extra = len(core_inc) - problem.core_max
    if extra > 0 and (pp.per_phase_max == 0 or P == 1 or len(must_join) + extra > pp.total_max):
        why.add(
            "include_core_max", core_max=problem.core_max, n=len(core_inc), extra=extra,
            per_phase_max=pp.per_phase_max, total_max=pp.total_max,
        )  # fmt: skip
    if len(must_join) > pp.total_max:
        why.add(
            "include_total_max", total_max=pp.total_max, n=len(must_join),
            ids=why.ids(problem, must_join),
        )  # fmt: skip
    why.raise_any()


def _scope_can(problem: JointProblem, scope: int) -> BoolArray:
    """Who can count for a quota of ``scope``."""
    if scope == NETWORK:
        return np.asarray(problem.core_ok | problem.phase_ok.any(axis=1), dtype=bool)
    if scope == CORE:
        return problem.core_ok
    return np.asarray(problem.core_ok | problem.phase_ok[:, scope], dtype=bool)


def _check_quotas(plan: Plan, problem: JointProblem) -> None:
    """Each quota's minimum against who can take part at all in its scope."""
    why = _Why(plan)
    for q in problem.quotas:
        ids = np.flatnonzero(q.members & _scope_can(problem, q.scope))
        if len(ids) >= q.min:
            continue
        said = dict(name=q.name, min=q.min, n=len(ids), who=why.who(len(ids)))
        said["ids"] = why.ids(problem, ids)
        if q.scope == NETWORK:
            why.add("quota_min_network", **said)
        elif q.scope == CORE:
            why.add("quota_min_core", **said)
        else:
            why.add("quota_min_phase", phase=plan.brief.phase_names[q.scope], **said)
    why.raise_any()


def _core_quotas(problem: JointProblem) -> list[JointQuota]:
    """The quotas that bind the core alone: a core quota, and every maximum (a core
    member counts in every scope)."""
    out = []
    for q in problem.quotas:
        if q.scope == CORE:
            out.append(q)
        elif q.max is not None:
            out.append(JointQuota(q.members, 0, q.max, CORE, q.name))
    return out


def _check_core(plan: Plan, problem: JointProblem) -> None:
    """The core alone: enough people who qualify, and its sizes and quotas together."""
    why = _Why(plan)
    cand = np.flatnonzero(problem.core_ok)
    if len(cand) < problem.core_min:  # who may sit there: Plan.core_ok
        why.add(
            "core_min", min=problem.core_min, n=len(cand), who=why.who(len(cand)),
            hours=number(plan.brief.meetings.total_hours, why.lang),
            ids=why.ids(problem, cand, 50),
        )  # fmt: skip
        why.raise_any()
    fixed = np.zeros(problem.n, dtype=bool)
    fixed[[i for i, role in problem.fixed.items() if role is None]] = True
    quotas = _core_quotas(problem)
    sizes = (problem.core_min, problem.core_max)
    if core_feasible(problem.core_ok, fixed, quotas, sizes):
        return
    _explain_core(why, problem, fixed, quotas)
    why.raise_any()


def _explain_core(
    why: _Why, problem: JointProblem, fixed: BoolArray, quotas: Sequence[JointQuota]
) -> None:
    """Why the core's sizes, quotas and fixed members cannot all hold (one cause at least)."""
    for q in quotas:
        held = np.flatnonzero(q.members & fixed)
        if q.max is not None and len(held) > q.max:
            why.add(
                "core_quota_max_fixed", name=q.name, max=q.max, n=len(held),
                ids=why.ids(problem, held),
            )  # fmt: skip
    if why.causes:
        return
    fewest, most = fewest_and_most(problem.core_ok, fixed, quotas, len(problem.core_ok))
    if fewest is not None and fewest > problem.core_max:
        why.add("core_quotas_need", need=fewest, max=problem.core_max)
    elif most is not None and most < problem.core_min:
        why.add("core_quotas_allow", most=most, min=problem.core_min)
    else:
        sizes = (problem.core_min, problem.core_max)
        for a, qa in enumerate(quotas):
            for qb in quotas[a + 1 :]:
                if not core_feasible(problem.core_ok, fixed, [qa, qb], sizes):
                    why.add("core_quota_pair", a=qa.name, b=qb.name)
                    return
        why.add("core_conflict")


def _check_quota_shares(plan: Plan, problem: JointProblem) -> None:
    """A quota's minimum against what the core can hold plus the seats for participants."""
    pp = plan.brief.phase_participants
    why = _Why(plan)
    for q in problem.quotas:
        if q.scope == CORE:
            continue
        if q.scope == NETWORK:
            per_phase = [
                min(pp.per_phase_max, int((q.members & problem.phase_ok[:, p]).sum()))
                for p in range(problem.n_phases)
            ]
            can = q.members & problem.phase_ok.any(axis=1)
            cap = min(pp.total_max, int(can.sum()), sum(per_phase))
        else:
            can = q.members & problem.phase_ok[:, q.scope]
            cap = min(pp.per_phase_max, pp.total_max, int(can.sum()))
        if problem.n_phases == 1:
            cap = 0
        in_core = min(int((q.members & problem.core_ok).sum()), problem.core_max)
        if q.min > in_core + cap:
            why.add(
                "quota_share", name=q.name, min=q.min, in_core=in_core, cap=cap,
                most=in_core + cap, per_phase_max=pp.per_phase_max, total_max=pp.total_max,
                ids=why.ids(problem, np.flatnonzero(can)),
            )  # fmt: skip
    why.raise_any()


def explain_failure(plan: Plan, problem: JointProblem) -> InfeasibleError:
    """Why no network exists although every single rule passed :func:`check`."""
    pp = plan.brief.phase_participants
    why = _Why(plan)
    forced = np.zeros(problem.n, dtype=bool)
    forced[[i for i in problem.include.tolist() if not problem.core_ok[i]]] = True
    free = max(0, pp.total_max - int(forced.sum()))
    for q in problem.quotas:
        if q.scope != NETWORK or q.min == 0:
            continue
        in_core = min(int((q.members & problem.core_ok).sum()), problem.core_max)
        brought = int((q.members & forced).sum())
        can = np.flatnonzero(q.members & problem.phase_ok.any(axis=1) & ~problem.core_ok & ~forced)
        most = in_core + brought + min(len(can), free)
        if most < q.min:
            why.add(
                "quota_taken", name=q.name, min=q.min, in_core=in_core, brought=brought,
                more=most - in_core - brought, total_max=pp.total_max, taken=int(forced.sum()),
                most=most, ids=why.ids(problem, can),
            )  # fmt: skip
    if not why.causes:
        why.add(
            "together", core_min=problem.core_min, core_max=problem.core_max,
            per_phase_max=pp.per_phase_max, total_max=pp.total_max,
        )  # fmt: skip
    return why.error()


def co_driver_seats(plan: Plan, forbid: Sequence[int] = ()) -> dict[int, None]:
    """The brief's ``co_drivers`` as rows fixed in the core (those in ``forbid`` left out).

    :func:`composer.validate` has checked that every co-driver is in the pool.

    Raises
    ------
    InfeasibleError
        When a co-driver cannot sit in the core, saying why.
    """
    where = {str(cid): k for k, cid in enumerate(plan.ids)}
    rows = [where[cid] for cid in plan.brief.co_drivers if where[cid] not in set(forbid)]
    why = _Why(plan)
    if len(rows) > plan.brief.core.max:
        why.add("co_drivers_core_max", n=len(rows), max=plan.brief.core.max)
        why.raise_any()
    for i in rows:
        if not plan.core_ok[i]:
            reason = why_not(plan, i) or _not_core(plan, i)
            why.add("co_driver_barred", id=str(plan.ids[i]), why=reason)
    why.raise_any()
    return dict.fromkeys(rows)


def _not_core(plan: Plan, i: int) -> str:
    """Why ``i``, who can join some phase, cannot sit in the core."""
    enc, lang = plan.enc, str(plan.brief.language)
    missing = [plan.brief.phase_names[p] for p in np.flatnonzero(~enc.avail[i])]
    if missing:
        return say("absent.not_all_phases", lang, phases=listing(missing, lang))
    if not np.isnan(enc.hours[i]) and enc.hours[i] < enc.total_hours - HOURS_EPS:
        return say(
            "absent.hours_core", lang, have=number(enc.hours[i], lang),
            need=number(enc.total_hours, lang),
        )  # fmt: skip
    if enc.actor[i] not in plan.brief.core.allowed_actor_types():
        return say("absent.core_type", lang, actor=ActorType(enc.actor[i]).label(lang))
    return say("absent.not_carrier", lang)
