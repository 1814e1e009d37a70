"""``lottery``: a fair, verifiable lottery among networks as good as the recommendation.

When several networks are equally good for the brief (40 volunteers for three citizen
seats), :func:`~composer.planner.compose.compose` picks by id: the same people every
time. :func:`lottery` instead draws among every network whose coverage is within
``epsilon`` of the best and whose person-hours are at most the recommendation's (plus
``hours_slack``), with the LEXIMIN probabilities of Flanigan et al. (2021): the lowest
chance of anyone who can be in such a network is as high as possible, then the next
lowest, and so on (:mod:`composer.optimise.joint.leximin`). The table and the draw are
data (:mod:`composer.draw`): anyone can check a draw from the table and the seed.

A brief with no needs and one phase (only sizes and quotas) is a citizens' panel: every
valid panel counts as equally good, and the lottery is the panel lottery of the paper.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from .._coerce import BriefLike, PoolLike, as_brief, as_pool
from ..draw import FORMAT, SCALE, Lottery, LotteryTable, NeverChosen, draw_table
from ..errors import InputError, check_seed, told
from ..messages import say
from ..optimise.joint.leximin import Leximin, Solution, leximin
from ..scoring import CandidateScorer
from ..text import number
from .model import Plan, build_plan, joint_problem
from .rules import check, co_driver_seats, explain_failure, why_not

__all__ = ["lottery"]


def lottery(
    pool: PoolLike,
    brief: BriefLike,
    epsilon: float | None = None,
    seed: int = 0,
    *,
    hours_slack: float = 0.0,
    scorer: CandidateScorer | None = None,
) -> Lottery:
    """A LEXIMIN lottery among near-optimal networks, and the draw for ``seed``.

    Parameters
    ----------
    pool : CandidatePool
    brief : NetworkBrief
    epsilon : float, optional
        How far below the best coverage objective F a network may be (default
        the objective's slack (:attr:`~composer.optimise.joint.Objective.slack`), the
        tolerance ``compose`` uses; 0: only
        the best F).
    seed : int, default 0
        The seed of :attr:`Lottery.drawn`; draw others with :meth:`Lottery.draw`.
    hours_slack : float, default 0
        Person-hours a network may have above the fewest at that F (0: never more
        meetings than the recommendation).
    scorer : CandidateScorer, optional

    Returns
    -------
    Lottery

    Raises
    ------
    InputError, InfeasibleError
        As :func:`composer.compose`.

    Examples
    --------
    >>> import pandas as pd
    >>> pool = pd.DataFrame({"id": [f"B{i}" for i in range(8)], "actor_type": "citizen"})
    >>> brief = {"theme": "Borgerpanel", "core": {"min": 2, "max": 2}}
    >>> lot = lottery(pool, brief, seed=1)
    >>> sorted(set(lot.probability.values())), len(lot.draw(5).core)
    ([0.25], 2)
    """
    seed = check_seed(seed)
    bad = [
        told("<arguments>", None, name, value, "argument_at_least", code="invalid_value", low=0)
        for name, value in (("epsilon", epsilon), ("hours_slack", hours_slack))
        if value is not None and not float(value) >= 0
    ]
    if bad:
        raise InputError(bad)
    b = as_brief(brief)
    plan = build_plan(as_pool(pool), b, scorer)
    problem = joint_problem(plan, fixed=co_driver_seats(plan))
    check(plan, problem)
    # compose's own tolerance (the objective's slack) unless the caller says otherwise
    eps = problem.objective.slack if epsilon is None else float(epsilon)
    lex = leximin(problem, epsilon=eps, hours_slack=hours_slack)
    if lex is None:
        raise explain_failure(plan, problem)
    table = _table(plan, lex)
    digest = table.sha256()
    chance, by_role = _chances(plan, table)
    return Lottery(
        table=table,
        hash=digest,
        probability=chance,
        by_role=by_role,
        never=_never(plan, lex, eps),
        epsilon=eps,
        best=lex.near.best,
        hours=lex.near.hours,
        hours_slack=float(hours_slack),
        optimal=lex.optimal,
        language=str(b.language),
        seed=seed,
        drawn=draw_table(table, digest, seed),
    )


def _integers(p: np.ndarray) -> np.ndarray:
    """Whole numbers out of SCALE summing exactly: largest remainders, ties by order."""
    raw = p * SCALE
    out = np.floor(raw).astype(np.int64)
    rest = int(SCALE - out.sum())
    order = np.lexsort((np.arange(len(p)), -(raw - out)))
    out[order[:rest]] += 1
    return out


def _table(plan: Plan, lex: Leximin) -> LotteryTable:
    """The support in canonical order, groups renumbered by their first id."""
    names = list(plan.brief.phase_names)
    ids = [str(i) for i in plan.ids]
    weights = _integers(lex.probabilities)
    used = sorted({g for s in lex.solutions for g, _, _ in s.key})
    members = {g: [ids[i] for i in np.flatnonzero(lex.group == g)] for g in used}
    used.sort(key=lambda g: members[g][0])
    number_of = {g: k for k, g in enumerate(used)}

    def seats(sol: Solution) -> list[list[object]]:
        rows: list[list[object]] = [
            [number_of[g], "core" if not role else [names[p] for p in role], n]
            for g, role, n in sol.key
        ]
        return sorted(rows, key=lambda s: json.dumps(s, ensure_ascii=False))

    rows = [
        {"probability": int(w), "seats": seats(s)}
        for s, w in zip(lex.solutions, weights, strict=True)
        if w > 0
    ]
    rows.sort(key=lambda r: json.dumps(r["seats"], ensure_ascii=False))
    return LotteryTable(
        format=FORMAT, scale=SCALE, phases=names, groups=[members[g] for g in used], rows=rows
    )


def _chances(
    plan: Plan, table: LotteryTable
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Each candidate's probability in any role and per role, from the table's integers."""
    ids = [str(i) for i in plan.ids]
    roles = ["core", *table.phases]
    by_role = {i: dict.fromkeys(roles, 0.0) for i in ids}
    chance = dict.fromkeys(ids, 0.0)
    for row in table.rows:
        w = int(row["probability"]) / table.scale
        for g, role, n in row["seats"]:
            group = table.groups[g]
            share = w * n / len(group)
            for i in group:
                chance[i] += share
                for r in ["core"] if role == "core" else role:
                    by_role[i][r] += share
    return chance, by_role


def _never(plan: Plan, lex: Leximin, eps: float) -> list[NeverChosen]:
    """Who can never be chosen, and why: a rule, the coverage or the hours they cost."""
    out = []
    for g in np.flatnonzero(~lex.reachable).tolist():
        who = np.flatnonzero(lex.group == g)
        reason = _reason(plan, lex, int(who[0]), eps)
        out += [NeverChosen(id=str(plan.ids[i]), **reason) for i in who.tolist()]
    return sorted(out, key=lambda n: n.id)


def _reason(plan: Plan, lex: Leximin, i: int, eps: float) -> dict[str, Any]:
    langs = ("da", "en")
    if why_not(plan, i):
        return {"reason": "cannot_take_part", "text": {k: why_not(plan, i, k) for k in langs}}
    top, low = lex.near.forced(i)
    best = lex.near.best
    if top is None:
        return {"reason": "rules", "text": {k: say("lottery.never_rules", k) for k in langs}}
    if low is None or top < best - eps - 1e-6:
        loss = best - top
        text = {
            k: say("lottery.never_coverage", k, value=_n(top, k), loss=_n(loss, k)) for k in langs
        }
        return {"reason": "coverage", "loss": loss, "text": text}
    extra = low - lex.near.hours
    text = {k: say("lottery.never_hours", k, extra=_n(extra, k)) for k in langs}
    return {"reason": "hours", "extra_hours": extra, "text": text}


def _n(x: float, lang: str) -> str:
    return number(round(x, 3), lang)
