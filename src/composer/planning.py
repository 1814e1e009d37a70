"""Composing a network: core by the coverage optimiser, then phase participants, gaps, reasons.

The core is chosen by :func:`composer.optimise.solve` over every need (a need limited to
some phases counts for the core too, since the core attends them) with ``core_fit`` as
the candidate score. Phase participants are then planned by one small MILP (HiGHS, via
``scipy.optimize.milp``) over person × phase pairs: each phase gets the people who best
cover what it still lacks, within ``per_phase_max`` and ``total_max`` (a person counts
once), the hours each person can give, and the quotas by scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint

from .composition import Composition, Gap, Member, NeedStatus, QuotaStatus
from .errors import InfeasibleError
from .models import ActorType, NetworkBrief, Orientation, QuotaSpec
from .optimise import CoverageProblem, Quota, objective, solve
from .optimise.milp import run_milp
from .pool import CandidatePool
from .scoring import CandidateScorer
from .text import number

__all__ = ["alternatives", "compose", "replace"]

Method = Literal["auto", "greedy", "exact"]
#: coverage at or above this counts as "covers" in reasons and graphs
COVERS = 0.5
SHOWN = 0.3
#: core members whose removal loses less than this share of the mean need weight are
#: trimmed (down to core.min), so the core is not padded with redundant people
TRIM_SHARE = 0.15
PHASE_TIME_LIMIT = 20.0
PHASE_CANDIDATES = 40


@dataclass
class _Context:
    pool: CandidatePool
    brief: NetworkBrief
    ids: np.ndarray  # sorted ids
    frame: pd.DataFrame  # pool frame in id order
    cov: np.ndarray  # n × m
    scores: pd.DataFrame  # in id order
    w: np.ndarray
    d: np.ndarray
    active: np.ndarray  # P × m: need counts in phase
    avail: np.ndarray  # n × P
    hours: np.ndarray
    phase_hours: np.ndarray  # P
    municipal: np.ndarray
    approval: np.ndarray
    manager_no: np.ndarray
    excluded: np.ndarray
    core_ok: np.ndarray
    phase_ok: np.ndarray  # n × P
    orientation: np.ndarray
    quota_members: list[np.ndarray]
    include: list[int]
    lam: float

    def index_of(self, cid: str) -> int:
        return int(np.searchsorted(self.ids, cid))


def _context(pool: CandidatePool, brief: NetworkBrief, scorer: CandidateScorer | None) -> _Context:
    scorer = (scorer or CandidateScorer()).fit(pool, brief)
    cov_frame = scorer.coverage(pool)
    scores = scorer.transform(pool, cov_frame)
    ids = np.array(sorted(pool.ids.tolist()), dtype=object)
    frame = pool.frame.loc[ids]
    cov = cov_frame.loc[ids].to_numpy(dtype=float)
    scores = scores.loc[ids]
    P = len(brief.phases)
    avail = pool.available_phases(brief)[pool.ids.get_indexer(ids)]
    hours = frame["hours_available"].to_numpy(dtype=float)
    phase_hours = np.array([brief.phase_hours(p) for p in brief.phase_names], dtype=float)
    actor = frame["actor_type"].to_numpy(dtype=object)
    municipal = np.isin(actor, [ActorType.municipal_staff.value, ActorType.municipal_manager.value])
    approval = frame["manager_approval"].to_numpy(dtype=float, na_value=np.nan)
    manager_no = municipal & (approval == 0)
    excluded = np.isin(ids, list(brief.exclude))
    total_h = brief.meetings.total_hours
    blocked = manager_no | excluded
    core_ok = avail.all(axis=1) & (np.isnan(hours) | (hours >= total_h - 1e-9)) & ~blocked
    phase_ok = (
        avail
        & (np.isnan(hours)[:, None] | (hours[:, None] >= phase_hours[None, :] - 1e-9))
        & ~blocked[:, None]
    )
    active = np.array(
        [[ph in brief.need_phases(nd) for nd in brief.needs] for ph in brief.phase_names],
        dtype=bool,
    ).reshape(P, len(brief.needs))
    orient = pool.orientation(brief).loc[ids].to_numpy(dtype=object)
    quota_members = []
    for q in brief.quotas:
        quota_members.append(pool.matches(q.column, q.value, brief).loc[ids].to_numpy(dtype=bool))
    w = np.array([n.weight for n in brief.needs], dtype=float)
    d = np.array([n.count for n in brief.needs], dtype=float)
    include = sorted(int(np.searchsorted(ids, i)) for i in set(brief.include))
    lam = 0.25 * float(w.mean()) if len(w) else 1.0
    return _Context(
        pool, brief, ids, frame, cov, scores, w, d, active, avail, hours, phase_hours, municipal,
        approval, manager_no, excluded, core_ok, phase_ok, orient, quota_members, include, lam,
    )  # fmt: skip


# ---------------------------------------------------------------------- feasibility
def _why_not(ctx: _Context, i: int, language: str | None = None) -> str:
    """Why candidate ``i`` cannot take part at all ("" when they can), in ``language``."""
    da = (language or ctx.brief.language.value) == "da"
    if ctx.excluded[i]:
        return "står på briefens exclude" if da else "is in the brief's exclude"
    if ctx.manager_no[i]:
        return "personalelederen har sagt nej" if da else "the line manager said no"
    h = ctx.hours[i]
    if not ctx.phase_ok[i].any():
        lang = "da" if da else "en"
        open_ = np.flatnonzero(ctx.avail[i])
        p = int(open_[np.argmin(ctx.phase_hours[open_])]) if len(open_) else 0
        name, need = ctx.brief.phase_names[p], number(ctx.phase_hours[p], lang)
        return (
            f"har {number(h, lang)} timer; selv {name} kræver {need}"
            if da
            else f"has {number(h, lang)} hours; even {name} takes {need}"
        )
    return ""


def _check_includes(ctx: _Context) -> None:
    reasons, fixes = [], []
    for i in ctx.include:
        if not ctx.core_ok[i] and not ctx.phase_ok[i].any():
            reasons.append(
                f"include {ctx.ids[i]}: cannot take part in any phase ({_why_not(ctx, i)})"
            )
            fixes.append(f"remove {ctx.ids[i]} from include, or resolve: {_why_not(ctx, i)}")
    if reasons:
        raise InfeasibleError(reasons, fixes)


def _check_quotas(ctx: _Context, forbid: np.ndarray) -> None:
    """Each quota's minimum against who can take part at all in its scope."""
    b = ctx.brief
    names = [x.lower() for x in b.phase_names]
    reasons, fixes = [], []
    for q, mem in zip(b.quotas, ctx.quota_members, strict=True):
        scope = q.scope.lower()
        if scope == "network":
            can = ctx.core_ok | ctx.phase_ok.any(axis=1)
            where = "can take part"
        elif scope == "core":
            can = ctx.core_ok
            where = "qualify for the core"
        else:
            can = ctx.core_ok | ctx.phase_ok[:, names.index(scope)]
            where = f"can take part in {b.canonical_phase(scope)}"
        ids = ctx.ids[mem & can & ~forbid].tolist()
        if len(ids) < q.min:
            shown = ", ".join(ids[:10]) + (" ..." if len(ids) > 10 else "") if ids else "nobody"
            reasons.append(
                f"{_quota_label(q)} min {q.min}: only {len(ids)} candidates {where} ({shown})"
            )
            fixes.append(
                f"lower the min of {_quota_label(q)} to {len(ids)}, or recruit more such people"
            )
    if reasons:
        raise InfeasibleError(reasons, fixes)


def _quota_label(q: QuotaSpec) -> str:
    return f"quota {q.label()}"


def _core_quotas(
    ctx: _Context, forbid: np.ndarray, strict: bool = False
) -> list[tuple[np.ndarray, int, int | None, str]]:
    """Quotas the core must respect: core scope as given; network and phase scope as the
    share the phase participants cannot make up, and their maxima. ``strict``: the core
    takes as much of every minimum as it can hold (used when the phases could not).

    Raises InfeasibleError when that share exceeds who qualifies for the core.
    """
    b = ctx.brief
    pp = b.phase_participants
    names = [x.lower() for x in b.phase_names]
    out = []
    reasons, fixes = [], []
    for q, mem in zip(b.quotas, ctx.quota_members, strict=True):
        scope = q.scope.lower()
        if scope == "core":
            out.append((mem, q.min, q.max, q.label()))
            continue
        joinable = mem & ~forbid
        if scope == "network":
            per_phase = [
                min(pp.per_phase_max, int((joinable & ctx.phase_ok[:, p]).sum()))
                for p in range(len(names))
            ]
            can = joinable & ctx.phase_ok.any(axis=1)
            cap = min(pp.total_max, int(can.sum()), sum(per_phase))
        else:
            p = names.index(scope)
            can = joinable & ctx.phase_ok[:, p]
            cap = min(pp.per_phase_max, pp.total_max, int(can.sum()))
        need_core = max(0, q.min - cap)
        in_core = int((mem & ctx.core_ok & ~forbid).sum())
        if need_core > min(in_core, b.core.max):
            ids = ", ".join(ctx.ids[can].tolist()[:10]) or "nobody"
            reasons.append(
                f"{_quota_label(q)} min {q.min}: the core can hold {min(in_core, b.core.max)} and at "
                f"most {cap} more can join as phase participants (per_phase_max "
                f"{pp.per_phase_max}, total_max {pp.total_max}; candidates: {ids})"
            )
            fixes.append(
                f"lower the min of {_quota_label(q)} to {min(in_core, b.core.max) + cap}, or raise "
                "phase_participants.per_phase_max / total_max, or recruit more such people"
            )
        if strict:
            need_core = max(need_core, min(q.min, in_core, b.core.max))
        out.append((mem, need_core, q.max, q.label()))
    if reasons:
        raise InfeasibleError(reasons, fixes)
    return out


# ---------------------------------------------------------------------- the core
def _choose_core(
    ctx: _Context,
    method: Method,
    seed: int,
    fixed: list[int],
    forbid: np.ndarray,
    size: int | None = None,
    avoid: list[list[int]] | None = None,
    trim: bool = True,
    strict: bool = False,
) -> tuple[list[int], Any]:
    b = ctx.brief
    cand = np.flatnonzero(ctx.core_ok & ~forbid)
    lo, hi = (b.core.min, b.core.max) if size is None else (size, size)
    must = sorted({i for i in [*fixed, *ctx.include] if ctx.core_ok[i] and not forbid[i]})
    if len(cand) < lo:
        qual = ", ".join(ctx.ids[cand].tolist()) or "nobody"
        raise InfeasibleError(
            [
                f"core min {lo}: only {len(cand)} candidates qualify for the core "
                f"(available for all phases, at least {b.meetings.total_hours:g} hours or hours not "
                f"given, no line-manager 'no', not excluded): {qual}"
            ],
            [
                f"lower core.min to {len(cand)}, or recruit core candidates available for every phase"
            ],
        )
    if len(must) > hi:
        raise InfeasibleError(
            [f"core max {hi}: include puts {len(must)} core-qualified people in the core"],
            [f"raise core.max to {len(must)}, or drop {len(must) - hi} ids from include"],
        )
    pos = {int(c): k for k, c in enumerate(cand)}
    quotas = []
    for mem, qmin, qmax, label in _core_quotas(ctx, forbid, strict):
        quotas.append(Quota(np.flatnonzero(mem[cand]), min=qmin, max=qmax, name=label))
    for k, prev in enumerate(avoid or []):
        members = [pos[i] for i in prev if i in pos]
        quotas.append(
            Quota(members, max=max(0, len(prev) - 2), name=f"differs from alternative {k + 1}")
        )
    must_set = set(must)
    twins = [
        Quota(
            [pos[i] for i in group],
            max=max(cap, len(must_set.intersection(group))),
            name=f"near twins {', '.join(ctx.ids[group])}",
        )
        for group, cap in _twin_groups(ctx, cand)
    ]

    def problem_with(extra: list[Quota]) -> CoverageProblem:
        return CoverageProblem(
            sp.csr_array(ctx.cov[cand]),
            ctx.w,
            ctx.d,
            scores=ctx.scores["core_fit"].to_numpy(dtype=float)[cand],
            score_weight=ctx.lam,
            min_size=lo,
            max_size=min(hi, len(cand)),
            quotas=[*quotas, *extra],
            include=[pos[i] for i in must],
            candidate_names=list(ctx.ids[cand]),
        )

    problem = problem_with(twins)
    try:
        sel = solve(problem, method=method, seed=seed)
    except InfeasibleError as e:
        if not twins:
            raise _core_error(e) from None
        # one seat per near-twin group is a preference, never a reason to fail
        problem = problem_with([])
        try:
            sel = solve(problem, method=method, seed=seed)
        except InfeasibleError as e2:
            raise _core_error(e2) from None
    quotas = list(problem.quotas)
    chosen = [int(cand[k]) for k in sel.selected]
    if trim and size is None:
        chosen = _trim(ctx, problem, cand, sel.selected.tolist(), set(must), quotas)
    return sorted(chosen), sel


def _core_error(e: InfeasibleError) -> InfeasibleError:
    """The optimiser's infeasibility in the brief's words (core.min / core.max)."""

    def words(text: str) -> str:
        return text.replace("min_size", "core.min").replace("max_size", "core.max")

    return InfeasibleError(
        [f"core: {words(r)}" for r in e.reasons], [words(r) for r in e.relaxations]
    )


def _twin_groups(ctx: _Context, cand: np.ndarray) -> list[tuple[list[int], int]]:
    """Groups of near-identical core candidates and how many of each the core may take.

    Near-identical: same actor type, unit and perspectives, and coverage rows equal to
    one decimal. The core takes one of them, unless a need they cover asks (``count``)
    for more than the rest of the pool can give.
    """
    groups: dict[tuple[Any, ...], list[int]] = {}
    persp = ctx.frame["perspectives"].to_numpy(dtype=object)
    unit = ctx.frame["unit"].to_numpy(dtype=object)
    actor = ctx.frame["actor_type"].to_numpy(dtype=object)
    for i in cand.tolist():
        row = ctx.cov[i]
        if not (row >= COVERS).any():
            continue
        key = (
            actor[i],
            str(unit[i]).strip().lower(),
            tuple(sorted(t.lower() for t in persp[i])),
            tuple(np.round(row, 1).tolist()),
        )
        groups.setdefault(key, []).append(i)
    out = []
    can_all = ctx.core_ok | ctx.phase_ok.any(axis=1)
    for group in groups.values():
        if len(group) < 2:
            continue
        cap = 1
        others = can_all.copy()
        others[group] = False
        for f in np.flatnonzero(ctx.cov[group[0]] >= COVERS):
            supply = float(ctx.cov[others, f].sum())
            lacking = ctx.d[f] - supply
            if lacking > 1 - 1e-9:
                cap = max(cap, min(len(group), int(np.ceil(lacking))))
        if cap < len(group):
            out.append((sorted(group), cap))
    return out


def _trim(
    ctx: _Context,
    problem: CoverageProblem,
    cand: np.ndarray,
    local: list[int],
    must: set[int],
    quotas: list[Quota],
) -> list[int]:
    """Drop core members who add (almost) no coverage, down to core.min."""
    zero = CoverageProblem(
        problem.coverage, problem.weights, problem.demand, min_size=0, max_size=len(cand)
    )
    tau = TRIM_SHARE * float(ctx.w.mean()) if len(ctx.w) else 0.0
    sel = list(local)
    while len(sel) > ctx.brief.core.min:
        base = objective(zero, sel)
        best = None
        for j in sorted(sel):
            if int(cand[j]) in must:
                continue
            rest = [x for x in sel if x != j]
            if any(np.isin(rest, np.asarray(q.members)).sum() < q.min for q in quotas):
                continue
            loss = base - objective(zero, rest)
            if loss < tau and (best is None or loss < best[0]):
                best = (loss, j)
        if best is None:
            break
        sel.remove(best[1])
    return [int(cand[j]) for j in sel]


# ---------------------------------------------------------------------- the phases
def _residual(ctx: _Context, core: list[int]) -> np.ndarray:
    """P × m: demand each phase still lacks after the core."""
    have = ctx.cov[core].sum(axis=0) if core else np.zeros(len(ctx.w))
    res = np.maximum(0.0, ctx.d - have)[None, :] * ctx.active
    return res


def _plan_phases(
    ctx: _Context,
    core: list[int],
    forbid: np.ndarray,
    fixed: dict[int, list[int]] | None = None,
) -> dict[int, list[int]]:
    """Person -> phase indices, for the phase participants."""
    b = ctx.brief
    pp = b.phase_participants
    P = len(b.phases)
    fixed = fixed or {}
    in_core = np.zeros(len(ctx.ids), dtype=bool)
    in_core[core] = True
    ok = ctx.phase_ok & ~in_core[:, None] & ~forbid[:, None]
    res = _residual(ctx, core)
    mean_w = float(ctx.w.mean()) if len(ctx.w) else 1.0
    total = ctx.scores["total"].to_numpy(dtype=float)
    # prefilter: the best per phase by what it lacks, quota members, includes, fixed
    keep = np.zeros_like(ok)
    for p in range(P):
        r = res[p]
        gain = (np.minimum(ctx.cov, r[None, :] if r.any() else 0) * (ctx.w * (r > 0))).sum(axis=1)
        cand = np.flatnonzero(ok[:, p])
        order = cand[np.lexsort((cand, -total[cand], -gain[cand]))]
        keep[order[:PHASE_CANDIDATES], p] = True
        for mem in ctx.quota_members:
            qc = cand[mem[cand]]
            qo = qc[np.lexsort((qc, -total[qc], -gain[qc]))]
            keep[qo[:10], p] = True
    must = [i for i in ctx.include if not in_core[i]]
    for i in must:
        keep[i] = ok[i]
    for i, phs in fixed.items():
        keep[i, phs] = True
    pairs = [
        (int(i), int(p))
        for i, p in zip(*np.nonzero(keep & (ok | _fixed_mask(fixed, ok.shape))), strict=True)
    ]
    pairs.sort()
    persons = sorted({i for i, _ in pairs})
    if not pairs and not any(q.min for q in b.quotas) and not must:
        return {}
    upos = {i: k for k, i in enumerate(persons)}
    needs_fp = [(f, p) for p in range(P) for f in range(len(ctx.w)) if res[p, f] > 1e-9]
    nz, nu, ny = len(pairs), len(persons), len(needs_fp)
    nv = nz + nu + ny
    # costs: a seat in a phase costs a little more than the best score can repay, and a
    # person a little more again, so nobody joins a phase where they add no coverage
    # (unless a quota or include asks for them); among equals the higher score wins
    c = np.zeros(nv)
    for k, (i, _p) in enumerate(pairs):
        c[k] = mean_w * (0.06 - 0.05 * total[i])
    c[nz : nz + nu] = 0.05 * mean_w
    n_phases_of = np.maximum(ctx.active.sum(axis=0), 1)
    for k, (f, p) in enumerate(needs_fp):
        c[nz + nu + k] = -(ctx.w[f] / n_phases_of[f]) * (res[p, f] / ctx.d[f])
    rows: list[tuple[dict[int, float], float, float]] = []
    pair_of_phase: dict[int, list[int]] = {p: [] for p in range(P)}
    pairs_of_person: dict[int, list[int]] = {i: [] for i in persons}
    for k, (i, p) in enumerate(pairs):
        pair_of_phase[p].append(k)
        pairs_of_person[i].append(k)
    for k, (f, p) in enumerate(needs_fp):
        row = {nz + nu + k: float(res[p, f])}
        for kk in pair_of_phase[p]:
            v = ctx.cov[pairs[kk][0], f]
            if v > 0:
                row[kk] = -float(v)
        rows.append((row, -np.inf, 0.0))
    for k, (i, _) in enumerate(pairs):
        rows.append(({k: 1.0, nz + upos[i]: -1.0}, -np.inf, 0.0))
    for i in persons:
        row = {nz + upos[i]: 1.0}
        for kk in pairs_of_person[i]:
            row[kk] = -1.0
        rows.append((row, -np.inf, 0.0))
        if P > 1 and len(pairs_of_person[i]) == P:  # in every phase is the core's role
            rows.append(({kk: 1.0 for kk in pairs_of_person[i]}, -np.inf, float(P - 1)))
        if not np.isnan(ctx.hours[i]):
            rows.append(
                (
                    {kk: float(ctx.phase_hours[pairs[kk][1]]) for kk in pairs_of_person[i]},
                    -np.inf,
                    float(ctx.hours[i]),
                )
            )
    for p in range(P):
        if pair_of_phase[p]:
            rows.append(({kk: 1.0 for kk in pair_of_phase[p]}, -np.inf, float(pp.per_phase_max)))
    if nu:
        rows.append(({nz + k: 1.0 for k in range(nu)}, -np.inf, float(pp.total_max)))
    names = [x.lower() for x in b.phase_names]
    quota_rows: list[str] = []
    for q, mem in zip(b.quotas, ctx.quota_members, strict=True):
        scope = q.scope.lower()
        if scope == "core":
            continue
        have = int(mem[core].sum()) if core else 0
        hi = np.inf if q.max is None else q.max - have
        lo = q.min - have
        if scope == "network":
            row = {nz + upos[i]: 1.0 for i in persons if mem[i]}
        else:
            p = names.index(scope)
            row = {kk: 1.0 for kk in pair_of_phase[p] if mem[pairs[kk][0]]}
        rows.append((row, float(lo), float(hi)))
        quota_rows.append(q.label())
    lb = np.zeros(nv)
    ub = np.ones(nv)
    for i in must:
        if i in upos:
            lb[nz + upos[i]] = 1.0
    for k, (i, p) in enumerate(pairs):
        if p in fixed.get(i, []):
            lb[k] = 1.0
    integrality = np.r_[np.ones(nz + nu), np.zeros(ny)]
    # a row with no variable holds or fails on its own (e.g. a quota nobody can join)
    if any(not row and not lo <= 0 <= hi for row, lo, hi in rows):
        _raise_phase_infeasible(ctx, core, forbid, must)
    rows = [r for r in rows if r[0]]
    if nv == 0:
        return {}
    if rows:
        A = sp.lil_array((len(rows), nv))
        for r, (row, _, _) in enumerate(rows):
            for col, v in row.items():
                A[r, col] = v
        cons = [LinearConstraint(sp.csr_array(A), [r[1] for r in rows], [r[2] for r in rows])]
    else:
        cons = []
    res_m = run_milp(
        c, cons, integrality, Bounds(lb, ub), time_limit=PHASE_TIME_LIMIT, presolve=True
    )
    if res_m.x is None:
        _raise_phase_infeasible(ctx, core, forbid, must)
    assert res_m.x is not None  # _raise_phase_infeasible always raises
    x = np.round(res_m.x).astype(int)
    out: dict[int, list[int]] = {}
    for k, (i, p) in enumerate(pairs):
        if x[k]:
            out.setdefault(i, []).append(p)
    return out


def _fixed_mask(fixed: dict[int, list[int]], shape: tuple[int, ...]) -> np.ndarray:
    m = np.zeros(shape, dtype=bool)
    for i, phs in fixed.items():
        m[i, phs] = True
    return m


def _raise_phase_infeasible(
    ctx: _Context, core: list[int], forbid: np.ndarray, must: list[int]
) -> None:
    b = ctx.brief
    pp = b.phase_participants
    reasons, fixes = [], []
    in_core = np.zeros(len(ctx.ids), dtype=bool)
    in_core[core] = True
    names = [x.lower() for x in b.phase_names]
    fixed = np.zeros(len(ctx.ids), dtype=bool)
    fixed[[i for i in must if not in_core[i]]] = True
    free = max(0, pp.total_max - int(fixed.sum()))
    for q, mem in zip(b.quotas, ctx.quota_members, strict=True):
        scope = q.scope.lower()
        if scope == "core":
            continue
        have = int(mem[core].sum())
        if scope == "network":
            brought = int((mem & fixed).sum())
            can = np.flatnonzero(mem & ctx.phase_ok.any(axis=1) & ~in_core & ~forbid & ~fixed)
            most = have + brought + min(len(can), free)
            seats = f"total_max {pp.total_max}, of which {int(fixed.sum())} taken by include"
        else:
            p = names.index(scope)
            brought = 0
            can = np.flatnonzero(mem & ctx.phase_ok[:, p] & ~in_core & ~forbid)
            most = have + min(len(can), pp.per_phase_max, pp.total_max)
            seats = f"per_phase_max {pp.per_phase_max}, total_max {pp.total_max}"
        if most < q.min:
            ids = ", ".join(ctx.ids[can].tolist()[:10]) or "nobody"
            reasons.append(
                f"{_quota_label(q)} min {q.min}: the core has {have}, include brings {brought} "
                f"and at most {most - have - brought} more can join as phase participants "
                f"({seats}; candidates: {ids})"
            )
            fixes.append(
                f"lower the min of {_quota_label(q)} to {most}, raise the phase limits, "
                "or recruit more such people"
            )
        if q.max is not None and have > q.max:
            reasons.append(f"{_quota_label(q)} max {q.max}: the core alone has {have}")
            fixes.append(f"raise the max of {_quota_label(q)} to {have}")
    for i in np.flatnonzero(fixed):
        open_phases = [b.phase_names[p] for p in np.flatnonzero(ctx.phase_ok[i])]
        if pp.per_phase_max == 0:
            reasons.append(
                f"include {ctx.ids[i]} can only join as a phase participant ({', '.join(open_phases)}), "
                "but phase_participants.per_phase_max is 0"
            )
            fixes.append("raise phase_participants.per_phase_max to 1")
    if len([i for i in must if not in_core[i]]) > pp.total_max:
        reasons.append(
            f"phase_participants.total_max {pp.total_max}: include needs more phase participants"
        )
        fixes.append("raise phase_participants.total_max")
    if not reasons:
        reasons.append(
            f"phase participants: per_phase_max {pp.per_phase_max}, total_max {pp.total_max}, the hours "
            "people can give and the quotas cannot all be met together"
        )
        fixes.append(
            "raise phase_participants.total_max or per_phase_max, or lower the quotas' minimums"
        )
    raise InfeasibleError(reasons, fixes)


# ---------------------------------------------------------------------- assembling
def _phase_meetings(brief: NetworkBrief, phases: list[int]) -> list[int]:
    return sorted(m for p in phases for m in brief.phases[p].meetings)


def _assemble(
    ctx: _Context,
    core: list[int],
    phase_of: dict[int, list[int]],
    sel: Any,
    changes: list[str] | None = None,
) -> Composition:
    b = ctx.brief
    da = b.language.value == "da"
    P = len(b.phases)
    names = b.phase_names
    present = np.zeros((P, len(ctx.ids)), dtype=bool)
    present[:, core] = True
    for i, phs in phase_of.items():
        present[phs, i] = True
    chosen = sorted(set(core) | set(phase_of))
    needs_status = []
    # who covers each need among the chosen
    covers = {f: [i for i in chosen if ctx.cov[i, f] >= COVERS] for f in range(len(ctx.w))}
    for f, nd in enumerate(b.needs):
        per_phase = {
            names[p]: round(float(ctx.cov[present[p], f].sum()), 4)
            for p in range(P)
            if ctx.active[p, f]
        }
        needs_status.append(
            NeedStatus(
                name=nd.name,
                kind=nd.kind.value,
                weight=nd.weight,
                count=nd.count,
                phases=b.need_phases(nd),
                covered=per_phase,
                covered_by={
                    str(ctx.ids[i]): round(float(ctx.cov[i, f]), 3)
                    for i in chosen
                    if ctx.cov[i, f] >= SHOWN
                },
            )
        )
    actor = ctx.frame["actor_type"].to_numpy(dtype=object)
    lacking_after_core = _residual(ctx, core)

    def member(i: int, role: Literal["core", "phase"], phs: list[int]) -> Member:
        cid = str(ctx.ids[i])
        rec = ctx.frame.iloc[i]
        needs_cov = {
            b.needs[f].name: round(float(ctx.cov[i, f]), 3)
            for f in range(len(ctx.w))
            if ctx.cov[i, f] >= SHOWN and any(ctx.active[p, f] for p in phs)
        }
        reasons: list[str] = []
        sole = [b.needs[f].name for f in range(len(ctx.w)) if covers[f] == [i]]
        other = [n for n, v in needs_cov.items() if v >= COVERS and n not in sole]
        if sole:
            reasons.append(
                (
                    "Eneste i netværket, der dækker: "
                    if da
                    else "The only one in the network covering: "
                )
                + ", ".join(sole)
                + "."
            )
        if other:
            head = (
                ("Dækker også: " if da else "Also covers: ")
                if sole
                else ("Dækker: " if da else "Covers: ")
            )
            reasons.append(head + ", ".join(other) + ".")
        a = ActorType(actor[i])
        same = [j for j in chosen if actor[j] == actor[i]]
        o = str(ctx.orientation[i])
        o_da = Orientation(o).label_da
        if len(same) == 1:
            reasons.append(
                f"Eneste {a.label_da} i netværket ({o_da})."
                if da
                else f"The only {a.label_en} in the network (looks {o})."
            )
        else:
            reasons.append(
                f"Bidrager som {a.label_da} ({o_da})."
                if da
                else f"Takes part as {a.label_en} (looks {o})."
            )
        hrs = len(_phase_meetings(b, phs)) * b.meetings.hours
        if role == "core":
            reasons.append(
                f"Kernedeltager: med i alle faser (kernefit {number(ctx.scores['core_fit'].iloc[i], 'da', 2)})."
                if da
                else f"Core participant: in every phase (core fit {ctx.scores['core_fit'].iloc[i]:.2f})."
            )
        else:
            lacking = [
                b.needs[f].name
                for f in range(len(ctx.w))
                if ctx.cov[i, f] >= SHOWN and any(lacking_after_core[p, f] > 0 for p in phs)
            ]
            ph = ", ".join(names[p] for p in phs)
            if lacking:
                reasons.append(
                    f"Inddrages i {ph}, hvor netværket mangler: {', '.join(lacking)}."
                    if da
                    else f"Brought in for {ph}, where the network lacks: {', '.join(lacking)}."
                )
            else:
                reasons.append(
                    f"Inddrages i {ph} for at opfylde briefens kvoter."
                    if da
                    else f"Brought in for {ph} to meet the brief's quotas."
                )
        flags: list[str] = []
        if ctx.municipal[i] and np.isnan(ctx.approval[i]):
            flags.append("Spørg personalelederen" if da else "Ask the line manager")
        if i in ctx.include:
            flags.append("Med efter briefens include" if da else "In by the brief's include")
        if np.isnan(ctx.hours[i]):
            flags.append(
                "Timetal ikke oplyst – aftal timer" if da else "Hours not given – agree hours"
            )
        if pd.isna(rec["motivation"]):
            flags.append("Motivation ikke oplyst" if da else "Motivation not given")
        return Member(
            id=cid,
            name=rec["name"] if isinstance(rec["name"], str) else None,
            role=role,
            actor_type=a.value,
            orientation=o,
            organisation=rec["organisation"] if isinstance(rec["organisation"], str) else None,
            unit=rec["unit"] if isinstance(rec["unit"], str) else None,
            phases=[names[p] for p in phs],
            meetings=_phase_meetings(b, phs),
            hours=float(hrs),
            needs_covered=needs_cov,
            reasons=reasons,
            flags=flags,
        )

    core_members = [member(i, "core", list(range(P))) for i in core]
    phase_members: dict[str, list[Member]] = {}
    for p in range(P):
        people = sorted(i for i, phs in phase_of.items() if p in phs)
        if people:
            phase_members[names[p]] = [member(i, "phase", sorted(phase_of[i])) for i in people]
    gaps = _gaps(ctx, present, chosen)
    quotas = []
    names_l = [x.lower() for x in names]
    for q, mem in zip(b.quotas, ctx.quota_members, strict=True):
        scope = q.scope.lower()
        if scope == "network":
            group = chosen
        elif scope == "core":
            group = core
        else:
            group = sorted(np.flatnonzero(present[names_l.index(scope)]).tolist())
        ms = [str(ctx.ids[i]) for i in group if mem[i]]
        quotas.append(
            QuotaStatus(
                label=q.label(),
                column=q.column,
                value=q.value,
                scope=q.scope,
                min=q.min,
                max=q.max,
                count=len(ms),
                members=ms,
                met=q.min <= len(ms) <= (q.max if q.max is not None else 10**9),
            )
        )
    obj = _network_objective(ctx, present)
    method = f"{sel.method}" + (f" ({sel.note})" if getattr(sel, "note", "") else "")
    return Composition(
        theme=b.theme,
        language=b.language.value,
        core=core_members,
        phase_participants=phase_members,
        gaps=gaps,
        objective=obj,
        core_objective=round(float(sel.objective), 6),
        method=method,
        optimal=bool(sel.optimal),
        needs=needs_status,
        quotas=quotas,
        changes=changes or [],
        brief=b,
    )


def _network_objective(ctx: _Context, present: np.ndarray) -> float:
    """Σ_f weight · mean over the need's phases of min(1, coverage present / count)."""
    total = 0.0
    for f in range(len(ctx.w)):
        ps = np.flatnonzero(ctx.active[:, f])
        if len(ps) == 0:
            continue
        vals = [min(1.0, float(ctx.cov[present[p], f].sum()) / ctx.d[f]) for p in ps]
        total += ctx.w[f] * float(np.mean(vals))
    return round(total, 6)


def _why_absent(
    ctx: _Context, i: int, phases: list[int], present: np.ndarray, chosen: set[int]
) -> str:
    """Why candidate ``i`` (who can take part) is not present in ``phases``, phase by phase."""
    b = ctx.brief
    pp = b.phase_participants
    da = b.language.value == "da"
    used = float(present[:, i] @ ctx.phase_hours) if i in chosen else 0.0
    in_core = bool(present[:, i].all()) and i in chosen
    seats = present.sum(axis=1) - (present[:, list(chosen)].all(axis=0).sum() if chosen else 0)
    people = len(chosen) - int(present[:, list(chosen)].all(axis=0).sum()) if chosen else 0
    out = []
    for p in phases:
        if present[p, i]:
            continue
        name = b.phase_names[p]
        h = ctx.hours[i]
        if not ctx.avail[i, p]:
            out.append(f"ikke til rådighed i {name}" if da else f"not available for {name}")
        elif not np.isnan(h) and used + ctx.phase_hours[p] > h + 1e-9:
            need = number(used + ctx.phase_hours[p], b.language.value)
            have = number(h, b.language.value)
            out.append(
                f"har {have} timer, {name} ville kræve {need}"
                if da
                else f"has {have} hours, {name} would take {need}"
            )
        elif in_core:
            continue
        elif seats[p] >= pp.per_phase_max:
            out.append(
                f"{name} er fuld (per_phase_max {pp.per_phase_max})"
                if da
                else f"{name} is full (per_phase_max {pp.per_phase_max})"
            )
        elif i not in chosen and people >= pp.total_max:
            out.append(
                f"alle {pp.total_max} pladser til fasedeltagere er brugt (total_max)"
                if da
                else f"all {pp.total_max} phase-participant seats are used (total_max)"
            )
        else:
            out.append(
                f"kan inddrages i {name}; gav mindre end de valgte"
                if da
                else f"could join {name}; added less than those chosen"
            )
    return "; ".join(dict.fromkeys(out))


#: a shortfall below this is rounding, not a gap
GAP_TOLERANCE = 0.1


def _gaps(ctx: _Context, present: np.ndarray, chosen: list[int]) -> list[Gap]:
    b = ctx.brief
    da = b.language.value == "da"
    gaps = []
    chosen_set = set(chosen)
    kind_da = {
        "professional": "faglig kompetence i",
        "personal": "personlig erfaring med",
        "methodological": "metodisk kompetence i",
        "perspective": "perspektivet",
        "topic": "viden om",
    }
    for f, nd in enumerate(b.needs):
        short, got = [], []
        for p in np.flatnonzero(ctx.active[:, f]):
            v = float(ctx.cov[present[p], f].sum())
            if v < nd.count - GAP_TOLERANCE:
                short.append(int(p))
                got.append(v)
        if not short:
            continue
        absent = ~present[short].all(axis=0)
        others = np.flatnonzero(absent & (ctx.cov[:, f] >= SHOWN))
        others = others[np.lexsort((others, -ctx.cov[others, f]))][:3]
        short_names = [b.phase_names[p] for p in short]
        if len(others):
            parts = []
            for i in others.tolist():
                why = _why_not(ctx, i) or _why_absent(ctx, i, short, present, chosen_set)
                parts.append(f"{ctx.ids[i]} ({number(ctx.cov[i, f], b.language.value, 2)}: {why})")
            advice = (
                ("Nærmest i puljen: " if da else "Closest in the pool: ") + "; ".join(parts) + "."
            )
        elif nd.kind.value == "actor_type":
            advice = (
                f"Ingen i puljen kan dække det: rekruttér en {nd.name}."
                if da
                else f"No one in the pool can cover it: recruit a {nd.name}."
            )
        else:
            what = kind_da.get(nd.kind.value, "") if da else nd.kind.value
            advice = (
                f"Ingen i puljen kan dække det: rekruttér en person med {what} »{nd.name}«."
                if da
                else f"No one in the pool can cover it: recruit someone with {what} '{nd.name}'."
            )
        gaps.append(
            Gap(
                need=nd.name,
                kind=nd.kind.value,
                phases=short_names,
                covered=round(min(got), 3),
                count=nd.count,
                closest=[str(ctx.ids[i]) for i in others],
                advice=advice,
            )
        )
    return gaps


# ---------------------------------------------------------------------- public API
def compose(
    pool: CandidatePool,
    brief: NetworkBrief,
    *,
    seed: int = 0,
    method: Method = "auto",
    scorer: CandidateScorer | None = None,
) -> Composition:
    """Compose a network: a core for all phases, phase participants, gaps and reasons.

    Parameters
    ----------
    pool : CandidatePool
    brief : NetworkBrief
    seed : int, default 0
        Same input and seed, same composition; row order never matters (ties by id).
    method : {"auto", "greedy", "exact"}
        How the core is optimised (see :func:`composer.optimise.solve`).
    scorer : CandidateScorer, optional
        A configured (unfitted) scorer, e.g. with extra synonyms or weights.

    Returns
    -------
    Composition

    Raises
    ------
    InputError
        When the pool does not fit the brief (see :func:`composer.validate`).
    InfeasibleError
        At once when the brief cannot be met, naming the rule, its numbers and what
        would relax it.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> comp = compose(pool, brief)
    >>> brief.core.min <= len(comp.core) <= brief.core.max
    True
    >>> all(m.reasons for m in comp.members)
    True
    """
    ctx = _context(pool, brief, scorer)
    return _compose(ctx, seed=seed, method=method)


def _compose(
    ctx: _Context,
    *,
    seed: int,
    method: Method,
    forbid_ids: set[int] | None = None,
    fixed_core: list[int] | None = None,
    fixed_phase: dict[int, list[int]] | None = None,
    core_size: int | None = None,
    avoid: list[list[int]] | None = None,
    changes: list[str] | None = None,
) -> Composition:
    _check_includes(ctx)
    forbid = np.zeros(len(ctx.ids), dtype=bool)
    for i in forbid_ids or ():
        forbid[i] = True
    _check_quotas(ctx, forbid)
    core, sel = _choose_core(ctx, method, seed, fixed_core or [], forbid, core_size, avoid)
    try:
        phase_of = _plan_phases(ctx, core, forbid, fixed_phase)
    except InfeasibleError as first:
        # the phases cannot make up what the core left of the quotas: let the core take
        # as much of every quota as it can hold, then plan the phases again
        try:
            core, sel = _choose_core(
                ctx, method, seed, fixed_core or [], forbid, core_size, avoid, strict=True
            )
            phase_of = _plan_phases(ctx, core, forbid, fixed_phase)
        except InfeasibleError:
            raise first from None
    return _assemble(ctx, core, phase_of, sel, changes)


def alternatives(
    pool: CandidatePool,
    brief: NetworkBrief,
    n: int = 3,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> list[Composition]:
    """Up to ``n`` good compositions whose cores differ by at least two people, best first.

    Each next core is optimised with one more constraint: it shares at most
    ``len(core) - 2`` people with every earlier core. "Best" is the optimiser's
    objective of the core (``core_objective``), so the first is :func:`compose`'s answer.

    Already-accepted people are given as the brief's ``include``. Fewer than ``n`` are
    returned when no further core differs enough (for example when include fixes most
    of the core).

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> alts = alternatives(*load_sample("klimatilpasning"), n=2)
    >>> len(alts), len({m.id for m in alts[0].core} ^ {m.id for m in alts[1].core}) >= 2
    (2, True)
    """
    if n < 1:
        raise ValueError(f"n={n} should be >= 1")
    ctx = _context(pool, brief, None)
    out: list[Composition] = []
    cores: list[list[int]] = []
    for _ in range(n):
        try:
            comp = _compose(ctx, seed=seed, method=method, avoid=cores)
        except InfeasibleError:
            if not out:
                raise
            break
        out.append(comp)
        cores.append([ctx.index_of(m.id) for m in comp.core])
    # best first by what the optimiser maximises (stable: the first found wins ties)
    return sorted(out, key=lambda c: -c.core_objective)


def replace(
    composition: Composition,
    member_id: str,
    pool: CandidatePool,
    brief: NetworkBrief,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> Composition:
    """``member_id`` declined: keep everyone else, fill the freed seat as well as possible.

    Returns a new composition whose ``changes`` say who replaced whom and how the
    coverage of each need changed.
    """
    member = composition.member(member_id)
    ctx = _context(pool, brief, None)
    idx = {cid: ctx.index_of(cid) for cid in (m.id for m in composition.members)}
    for cid in idx:
        if cid not in pool:
            raise KeyError(f"{cid!r} from the composition is not in the pool")
    gone = idx[member_id]
    ctx.include = [i for i in ctx.include if i != gone]
    keep_core = [idx[m.id] for m in composition.core if m.id != member_id]
    keep_phase: dict[int, list[int]] = {}
    names = [x.lower() for x in brief.phase_names]
    for m in composition.members:
        if m.role == "phase" and m.id != member_id:
            keep_phase[idx[m.id]] = [names.index(p.lower()) for p in m.phases]
    before = {ns.name: ns.covered for ns in composition.needs}
    if member.role == "core":
        size = len(composition.core)
        comp = _compose(
            ctx, seed=seed, method=method, forbid_ids={gone}, fixed_core=keep_core,
            fixed_phase=keep_phase, core_size=size,
        )  # fmt: skip
    else:
        forbid = np.zeros(len(ctx.ids), dtype=bool)
        forbid[gone] = True
        phase_of = _plan_phases(ctx, keep_core, forbid, keep_phase)

        class _Kept:
            method = "core kept"
            note = ""
            optimal = composition.optimal
            objective = composition.core_objective

        comp = _assemble(ctx, sorted(keep_core), phase_of, _Kept())
    da = brief.language.value == "da"
    old = {m.id for m in composition.members}
    new = [m.id for m in comp.members if m.id not in old]
    changes = [
        (
            f"{member_id} meldte fra; erstattet af {', '.join(new)}."
            if new
            else f"{member_id} meldte fra; ingen erstatning fundet."
        )
        if da
        else (
            f"{member_id} declined; replaced by {', '.join(new)}."
            if new
            else f"{member_id} declined; no replacement found."
        )
    ]
    for ns in comp.needs:
        was = before.get(ns.name, {})
        for ph, v in ns.covered.items():
            if abs(v - was.get(ph, 0.0)) > 1e-6:
                lang = brief.language.value
                changes.append(
                    f"{ns.name} ({ph}): {number(was.get(ph, 0.0), lang, 2)} → {number(v, lang, 2)}"
                )
    return comp.model_copy(update={"changes": changes})
