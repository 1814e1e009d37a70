"""The rules of a composition, checked before any search: what no network can meet.

Each check raises :class:`~composer.errors.InfeasibleError` naming the brief's rule
(``core.min``, ``phase_participants.total_max``, a quota), its numbers, the people it
concerns and what would relax it. :func:`explain_failure` says why when the solvers
found no network although every single check passed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..errors import InfeasibleError, InputError, Problem
from ..messages import say
from ..optimise import CoverageProblem, Quota
from ..optimise.feasibility import check_feasible
from ..optimise.joint import CORE, NETWORK, JointProblem
from ..text import number
from .model import Plan

__all__ = ["check", "co_driver_seats", "explain_failure", "why_not"]

BoolArray = npt.NDArray[np.bool_]


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
    reasons, fixes = [], []
    P = problem.n_phases
    must_join: list[int] = []
    for i in problem.include.tolist():
        if not problem.core_ok[i] and not problem.phase_ok[i].any():
            why = why_not(plan, i, "en") or "not available"
            reasons.append(f"include {problem.label(i)}: cannot take part in any phase ({why})")
            fixes.append(f"remove {problem.label(i)} from include, or resolve: {why}")
        elif not problem.core_ok[i]:
            must_join.append(i)
    pp = plan.brief.phase_participants
    for i in must_join:
        phases = [plan.brief.phase_names[p] for p in np.flatnonzero(problem.phase_ok[i])]
        if pp.per_phase_max == 0 or P == 1:
            limit = "phase_participants.per_phase_max is 0" if P > 1 else "the brief has one phase"
            reasons.append(
                f"include {problem.label(i)} can only join as a phase participant "
                f"({', '.join(phases)}), but {limit}"
            )
            fixes.append(
                "raise phase_participants.per_phase_max to 1"
                if P > 1
                else "split the meetings into phases"
            )
    core_inc = [i for i in problem.include.tolist() if problem.core_ok[i]]
    extra = len(core_inc) - problem.core_max
    if extra > 0 and (pp.per_phase_max == 0 or P == 1 or len(must_join) + extra > pp.total_max):
        reasons.append(
            f"core max {problem.core_max}: include puts {len(core_inc)} core-qualified people in "
            f"the network, and the {extra} the core cannot hold cannot all join as phase "
            f"participants (per_phase_max {pp.per_phase_max}, total_max {pp.total_max})"
        )
        fixes.append(
            f"raise core.max to {len(core_inc)}, raise the phase limits, or drop {extra} "
            "ids from include"
        )
    if len(must_join) > pp.total_max:
        reasons.append(
            f"phase_participants.total_max {pp.total_max}: include needs {len(must_join)} phase "
            f"participants ({problem.labels(must_join)})"
        )
        fixes.append(f"raise phase_participants.total_max to {len(must_join)}")
    if reasons:
        raise InfeasibleError(reasons, fixes)


def _scope_can(problem: JointProblem, scope: int) -> tuple[BoolArray, str]:
    """Who can count for a quota of ``scope``, and the words for it."""
    if scope == NETWORK:
        return problem.core_ok | problem.phase_ok.any(axis=1), "can take part"
    if scope == CORE:
        return problem.core_ok, "qualify for the core"
    return problem.core_ok | problem.phase_ok[:, scope], "can take part in {phase}"


def _check_quotas(plan: Plan, problem: JointProblem) -> None:
    """Each quota's minimum against who can take part at all in its scope."""
    reasons, fixes = [], []
    for q in problem.quotas:
        can, where = _scope_can(problem, q.scope)
        if q.scope >= 0:
            where = where.format(phase=plan.brief.phase_names[q.scope])
        ids = np.flatnonzero(q.members & can)
        if len(ids) < q.min:
            shown = problem.labels(ids) if len(ids) else "nobody"
            reasons.append(
                f"quota {q.name} min {q.min}: only {len(ids)} candidates {where} ({shown})"
            )
            fixes.append(
                f"lower the min of quota {q.name} to {len(ids)}, or recruit more such people"
            )
    if reasons:
        raise InfeasibleError(reasons, fixes)


def _check_core(plan: Plan, problem: JointProblem) -> None:
    """The core alone: enough people who qualify, and its quotas (core and network maxima)."""
    b = plan.brief
    cand = np.flatnonzero(problem.core_ok)
    if len(cand) < problem.core_min:
        raise InfeasibleError(
            [
                f"core min {problem.core_min}: only {len(cand)} candidates qualify for the core "
                f"(available for all phases, at least {b.meetings.total_hours:g} hours or hours "
                f"not given, no line-manager 'no', not excluded): {problem.labels(cand, 50) or 'nobody'}"
            ],
            [
                f"lower core.min to {len(cand)}, or recruit core candidates available for every phase"
            ],
        )
    pos = np.full(problem.n, -1, dtype=np.intp)
    pos[cand] = np.arange(len(cand))
    quotas = []
    for q in problem.quotas:
        members = np.flatnonzero(q.members[cand])
        if q.scope == CORE:
            quotas.append(Quota(members, min=q.min, max=q.max, name=q.name))
        elif q.max is not None:  # every core member counts in every scope
            quotas.append(Quota(members, max=q.max, name=q.name))
    fixed_core = [i for i, role in problem.fixed.items() if role is None]
    core_problem = CoverageProblem(
        np.zeros((len(cand), 0)),
        np.zeros(0),
        np.ones(0),
        min_size=problem.core_min,
        max_size=min(problem.core_max, len(cand)),
        quotas=quotas,
        include=pos[fixed_core],
        candidate_names=[problem.label(int(i)) for i in cand],
    )
    try:
        check_feasible(core_problem)
    except InfeasibleError as e:

        def words(text: str) -> str:
            return text.replace("min_size", "core.min").replace("max_size", "core.max")

        raise InfeasibleError(
            [f"core: {words(r)}" for r in e.reasons], [words(r) for r in e.relaxations]
        ) from None


def _check_quota_shares(plan: Plan, problem: JointProblem) -> None:
    """A quota's minimum against what the core can hold plus the seats for participants."""
    pp = plan.brief.phase_participants
    reasons, fixes = [], []
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
            reasons.append(
                f"quota {q.name} min {q.min}: the core can hold {in_core} and at most {cap} more "
                f"can join as phase participants (per_phase_max {pp.per_phase_max}, total_max "
                f"{pp.total_max}; candidates: {problem.labels(np.flatnonzero(can)) or 'nobody'})"
            )
            fixes.append(
                f"lower the min of quota {q.name} to {in_core + cap}, or raise "
                "phase_participants.per_phase_max / total_max, or recruit more such people"
            )
    if reasons:
        raise InfeasibleError(reasons, fixes)


def explain_failure(plan: Plan, problem: JointProblem) -> InfeasibleError:
    """Why no network exists although every single rule passed :func:`check`."""
    pp = plan.brief.phase_participants
    reasons, fixes = [], []
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
            reasons.append(
                f"quota {q.name} min {q.min}: the core has {in_core}, include brings {brought} "
                f"and at most {most - in_core - brought} more can join as phase participants "
                f"(total_max {pp.total_max}, of which {int(forced.sum())} taken by include; "
                f"candidates: {problem.labels(can) or 'nobody'})"
            )
            fixes.append(
                f"lower the min of quota {q.name} to {most}, raise the phase limits, "
                "or recruit more such people"
            )
    if not reasons:
        reasons.append(
            f"core.min {problem.core_min} / core.max {problem.core_max}, per_phase_max "
            f"{pp.per_phase_max}, total_max {pp.total_max}, the hours people can give, include "
            "and the quotas cannot all be met together"
        )
        fixes.append(
            "raise phase_participants.total_max or per_phase_max, widen the core's size, "
            "or lower the quotas' minimums"
        )
    return InfeasibleError(reasons, fixes)


def co_driver_seats(plan: Plan, forbid: Sequence[int] = ()) -> dict[int, None]:
    """The brief's ``co_drivers`` as rows fixed in the core (those in ``forbid`` left out).

    Raises
    ------
    InputError
        When a co-driver is not in the pool.
    InfeasibleError
        When a co-driver cannot sit in the core, saying why.
    """
    ids = [str(i) for i in plan.ids]
    where = {cid: k for k, cid in enumerate(ids)}
    unknown = [cid for cid in plan.brief.co_drivers if cid not in where]
    if unknown:
        expected = f"the id of a candidate in {plan.pool.source}"
        raise InputError([Problem("<brief>", None, "co_drivers", c, expected) for c in unknown])
    rows = [where[cid] for cid in plan.brief.co_drivers if where[cid] not in set(forbid)]
    if len(rows) > plan.brief.core.max:
        raise InfeasibleError(
            [
                f"co_drivers: {len(rows)} co-drivers must sit in the core, but core.max is "
                f"{plan.brief.core.max}"
            ],
            [f"raise core.max to {len(rows)}, or name fewer co_drivers"],
        )
    barred = [i for i in rows if not plan.enc.core_ok[i]]
    if barred:
        reasons = [
            f"co_drivers {ids[i]}: a co-driver must sit in the core, but {ids[i]} cannot "
            f"({why_not(plan, i, 'en') or _not_core(plan, i)})"
            for i in barred
        ]
        fixes = [f"remove {ids[i]} from co_drivers, or resolve that" for i in barred]
        raise InfeasibleError(reasons, fixes)
    return dict.fromkeys(rows)


def _not_core(plan: Plan, i: int) -> str:
    """Why ``i``, who can join some phase, cannot sit in the core (in English)."""
    enc = plan.enc
    missing = [plan.brief.phase_names[p] for p in np.flatnonzero(~enc.avail[i])]
    if missing:
        return f"not available for {', '.join(missing)}"
    return f"has {enc.hours[i]:g} hours; every meeting takes {enc.total_hours:g}"
