"""From a solution of the joint model to a :class:`~composer.composition.Composition`:
members with reasons and flags, coverage per need and phase, quotas, gaps with advice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from ..composition import CoDriver, Composition, Gap, Member, NeedStatus, QuotaStatus
from ..messages import KIND_WORDS, MATCH_KINDS, label, listing, say
from ..messages.advice import gap_advice
from ..models import ActorType, NeedKind, Orientation
from ..network import network_ties, suggest_co_drivers
from ..optimise.joint import CORE, NETWORK, JointSolution
from ..result import GapOption, WorthAsking
from ..text import number
from .advice import GAP_TOLERANCE, Net, handovers, who, why_absent
from .model import COVERS, SHOWN, Plan, quota_scope
from .rules import why_not

__all__ = ["GAP_TOLERANCE", "assemble", "method_text"]


def method_text(sol: JointSolution) -> str:
    """``exact``, ``exact (time limit reached)`` or ``heuristic``."""
    return sol.method + (f" ({sol.note})" if sol.note else "")


class _Net(Net):
    """The chosen network, and the words behind the coverage of the people it names."""

    matches: _Matches | None = None


class _Matches:
    """The phrase and the kind of match behind each coverage value of the people a
    composition names (read once, from the fitted scorer)."""

    def __init__(self, plan: Plan, ids: list[str]) -> None:
        ex = plan.scorer.explained_ids(plan.pool, sorted(set(ids))) if ids else None
        self.lang = str(plan.brief.language)
        self.by: dict[tuple[str, str], tuple[str, str]] = (
            {}
            if ex is None
            else {(r.id, r.need): (r.kind, r.phrase) for r in ex.itertuples(index=False)}
        )

    def need(self, cid: str, need: str) -> str:
        """``need``, with the phrase and the kind when the person's words differ from it."""
        kind, phrase = self.by.get((cid, need), ("exact", need))
        if kind in ("exact", "actor type") or str(phrase).casefold() == need.casefold():
            return need
        return say(
            "match.via", self.lang, need=need, phrase=phrase,
            kind=label(MATCH_KINDS, kind, self.lang),
        )  # fmt: skip

    def needs(self, cid: str, names: list[str]) -> str:
        return listing([self.need(cid, n) for n in names], self.lang)


def network_objective(plan: Plan, net: _Net) -> float:
    """F of the brief's needs (:meth:`Objective.needs_value`), rounded."""
    return round(plan.objective.needs_value(net.cov_all), 6)


def assemble(
    plan: Plan,
    sol: JointSolution,
    changes: list[str] | None = None,
    method: str | None = None,
    left: Sequence[int] = (),
) -> Composition:
    """The composition of ``sol`` (data only: it never calls back into planning).

    ``left``: rows who have left (a decliner): never suggested in the advice."""
    b = plan.brief
    net = _Net(plan, sol.core, sol.phases)
    net.left = set(int(i) for i in left)
    lang = str(b.language)
    covers = {f: [i for i in net.chosen if plan.cov[i, f] >= COVERS] for f in range(len(b.needs))}
    gaps = _gap_rows(plan, net)
    named = [str(plan.ids[i]) for i in [*net.chosen, *(j for _, _, js in gaps for j in js)]]
    net.matches = _Matches(plan, named)
    core_members = [
        _member(plan, net, covers, i, "core", list(range(len(b.phases)))) for i in net.core
    ]
    phase_members: dict[str, list[Member]] = {}
    for p, name in enumerate(b.phase_names):
        people = sorted(i for i, ps in net.phases.items() if p in ps)
        if people:
            phase_members[name] = [
                _member(plan, net, covers, i, "phase", net.phases[i]) for i in people
            ]
    return Composition(
        theme=b.theme,
        language=lang,
        core=core_members,
        phase_participants=phase_members,
        gaps=_gaps(plan, net, gaps),
        handovers=handovers(plan, net),
        worth_asking=_worth_asking(plan, net),
        objective=network_objective(plan, net),
        person_hours=round(float(sol.hours), 6),
        reach=max(0.0, round(plan.objective.reach(net.cov_all), 6)),
        units_reached=_units_reached(plan, net),
        worst_dropout=round(_worst_dropout(plan, net), 6),
        fit=round(float(sol.fit), 6),
        method=method or method_text(sol),
        optimal=bool(sol.optimal),
        bound=None if sol.bound is None else round(float(sol.bound), 6),
        gap=None if sol.gap is None else round(float(sol.gap), 6),
        needs=_needs(plan, net),
        quotas=_quotas(plan, net),
        changes=changes or [],
        ties=network_ties(plan.pool.frame, [str(plan.ids[i]) for i in net.chosen]),
        co_drivers=_co_drivers(plan, net),
        brief=b,
    )


def _worst_dropout(plan: Plan, net: _Net) -> float:
    """The needs' F after the single dropout that hurts most."""
    m = len(plan.brief.needs)
    rows = net.rows(plan)[:, :m]
    return plan.needs_objective.worst_dropout(net.cov_fp, rows, net.presence)


def _units_reached(plan: Plan, net: _Net) -> list[str]:
    """With the brief's reach: the units the members reach, by membership or ties."""
    reach = plan.enc.reach
    if plan.brief.reach is None or reach.shape[1] == 0 or not net.chosen:
        return []
    hit = np.asarray(reach[net.chosen].sum(axis=0)).ravel() > 0
    return sorted(plan.enc.reach_labels[u] for u in np.flatnonzero(hit))


def _co_drivers(plan: Plan, net: _Net) -> list[CoDriver]:
    """Co-drivers from the core (:func:`composer.network.suggest_co_drivers`)."""
    b = plan.brief
    method = [f for f, nd in enumerate(b.needs) if nd.kind == NeedKind.methodological]
    frame = plan.pool.frame
    methods = {}
    for i in net.core:
        cid = str(plan.ids[i])
        covered = [b.needs[f].name for f in method if plan.cov[i, f] >= COVERS]
        methods[cid] = covered or list(frame.at[cid, "methodological_competences"] or [])
    return suggest_co_drivers(
        frame, sorted(methods), methods, named=b.co_drivers, language=str(b.language)
    )


def _needs(plan: Plan, net: _Net) -> list[NeedStatus]:
    b = plan.brief
    out = []
    for f, nd in enumerate(b.needs):
        out.append(
            NeedStatus(
                name=nd.name,
                kind=nd.kind.value,
                weight=nd.weight,
                count=nd.count,
                phases=b.need_phases(nd),
                covered={
                    b.phase_names[p]: round(float(net.cov_fp[f, p]), 4)
                    for p in range(len(b.phases))
                    if plan.enc.active[p, f]
                },
                covered_by={
                    str(plan.ids[i]): round(float(plan.cov[i, f]), 3)
                    for i in net.chosen
                    if plan.cov[i, f] >= SHOWN
                },
            )
        )
    return out


def _quotas(plan: Plan, net: _Net) -> list[QuotaStatus]:
    b = plan.brief
    names = [x.lower() for x in b.phase_names]
    out = []
    for k, q in enumerate(b.quotas):
        scope = q.scope.lower()
        if scope == "network":
            group = net.chosen
        elif scope == "core":
            group = net.core
        else:
            group = np.flatnonzero(net.present[names.index(scope)]).tolist()
        mem = plan.enc.quota_members[:, k]
        ms = [str(plan.ids[i]) for i in group if mem[i]]
        out.append(
            QuotaStatus(
                label=q.label(), column=q.column, value=q.value, scope=q.scope, min=q.min,
                max=q.max, count=len(ms), members=ms,
                met=q.min <= len(ms) <= (q.max if q.max is not None else 10**9),
            )
        )  # fmt: skip
    return out


def _member(
    plan: Plan,
    net: _Net,
    covers: dict[int, list[int]],
    i: int,
    role: Literal["core", "phase"],
    phs: list[int],
) -> Member:
    b, enc = plan.brief, plan.enc
    lang = str(b.language)
    needs = b.needs
    cid = str(plan.ids[i])
    rec = plan.pool.frame.loc[cid]
    needs_cov = {
        needs[f].name: round(float(plan.cov[i, f]), 3)
        for f in range(len(needs))
        if plan.cov[i, f] >= SHOWN and enc.active[phs, f].any()
    }
    reasons: list[str] = []
    sole = [needs[f].name for f in range(len(needs)) if covers[f] == [i]]
    other = [n for n, v in needs_cov.items() if v >= COVERS and n not in sole]
    words = net.matches.needs if net.matches else lambda _, names: listing(names, lang)
    if sole:
        reasons.append(say("member.sole", lang, needs=words(cid, sole)))
    if other:
        reasons.append(
            say("member.also" if sole else "member.covers", lang, needs=words(cid, other))
        )
    a = ActorType(enc.actor[i])
    o = Orientation(str(enc.orientation[i]))
    same = [j for j in net.chosen if enc.actor[j] == enc.actor[i]]
    o_text = o.label(lang)
    reasons.append(
        say("member.only_actor" if len(same) == 1 else "member.actor", lang,
            actor=a.label(lang), orientation=o_text)
    )  # fmt: skip
    if role == "core":
        reasons += _core_reasons(plan, net, i)
    else:
        reasons += _phase_reasons(plan, net, i, phs)
    flags: list[str] = []
    if enc.municipal[i] and np.isnan(enc.approval[i]):
        flags.append(say("flag.ask_manager", lang))
    if enc.included[i]:
        flags.append(say("flag.included", lang))
    if np.isnan(enc.hours[i]):
        flags.append(say("flag.hours_unknown", lang))
    if pd.isna(rec["motivation"]):
        flags.append(say("flag.motivation_unknown", lang))
    meetings = sorted(m for p in phs for m in b.phases[p].meetings)
    return Member(
        id=cid,
        name=rec["name"] if isinstance(rec["name"], str) else None,
        role=role,
        actor_type=a.value,
        orientation=o.value,
        organisation=rec["organisation"] if isinstance(rec["organisation"], str) else None,
        unit=rec["unit"] if isinstance(rec["unit"], str) else None,
        phases=[b.phase_names[p] for p in phs],
        meetings=meetings,
        hours=float(len(meetings) * b.meetings.hours),
        needs_covered=needs_cov,
        reasons=reasons,
        flags=flags,
    )


def _loss_by_phase(plan: Plan, net: _Net, i: int) -> np.ndarray:
    """Per phase: how much of the needs' F the network would lose without ``i``."""
    return plan.objective.loss_by_phase(net.cov_all, _row(plan, i), net.present[:, i])


def _row(plan: Plan, i: int) -> np.ndarray:
    """Candidate ``i``'s row of every column."""
    return np.asarray(plan.columns[0][[i]].toarray()).ravel()


def _binding_quotas(plan: Plan, net: _Net, i: int) -> list[str]:
    """The brief's quotas that ``i`` counts for and that are at their minimum: without
    ``i`` they would not be met."""
    b = plan.brief
    out = []
    for k, q in enumerate(b.quotas):
        members = plan.enc.quota_members[:, k]
        if not members[i] or q.min == 0:
            continue
        scope = quota_scope(b, q.scope)
        if scope == CORE:
            counted = [j for j in net.core if members[j]]
        elif scope == NETWORK:
            counted = [j for j in net.chosen if members[j]]
        else:
            counted = [j for j in net.chosen if members[j] and net.present[scope, j]]
        if i in counted and len(counted) <= q.min:
            out.append(q.label())
    return out


def _core_reasons(plan: Plan, net: _Net, i: int) -> list[str]:
    b = plan.brief
    lang = str(b.language)
    out = [say("member.core", lang, fit=number(plan.fit[i], lang, 2))]
    wide = [
        nd.name
        for f, nd in enumerate(b.needs)
        if plan.cov[i, f] >= COVERS and plan.enc.active[:, f].sum() > 1
    ]
    if wide:
        out.append(say("member.carries", lang, needs=listing(wide, lang)))
    elif not (_loss_by_phase(plan, net, i) > 1e-9).any():
        out.append(say("member.core_seat", lang, n=b.core.min))
    return out


def _phase_reasons(plan: Plan, net: _Net, i: int, phs: list[int]) -> list[str]:
    b, enc = plan.brief, plan.enc
    lang = str(b.language)
    names = listing([b.phase_names[p] for p in phs], lang)
    # the needs the network would lose in this person's phases without them: a real gain
    present = net.present[:, i]
    lost = plan.needs_objective.needs_lost(net.cov_fp, plan.cov[i], present)
    lacking = [b.needs[f].name for f in np.flatnonzero(lost)]
    quotas = _binding_quotas(plan, net, i)
    out = []
    if lacking:
        out.append(say("member.phase_lacks", lang, phases=names, needs=listing(lacking, lang)))
    elif enc.included[i]:
        out.append(say("member.phase_include", lang, phases=names))
    elif quotas:
        out.append(say("member.phase_quota", lang, phases=names, quotas=listing(quotas, lang)))
    else:
        out.append(say("member.phase_other", lang, phases=names))
    # why not in the core
    missing = [b.phase_names[p] for p in np.flatnonzero(~enc.avail[i])]
    total_h = float(enc.phase_hours.sum())
    if missing:
        out.append(say("member.not_core_available", lang, phases=listing(missing, lang)))
    elif not np.isnan(enc.hours[i]) and enc.hours[i] < total_h - 1e-9:
        out.append(
            say("member.not_core_hours", lang, have=number(enc.hours[i], lang),
                need=number(total_h, lang))
        )  # fmt: skip
    elif enc.actor[i] not in b.core.allowed_actor_types():
        actor = ActorType(enc.actor[i]).label(lang)
        out.append(say("member.not_core_type", lang, actor=actor))
    elif plan.core_ok[i] and len(net.core) >= b.core.max:
        out.append(say("member.not_core_full", lang, n=b.core.max))
    else:
        out.append(say("member.not_core_needed", lang, phases=names))
    return out


def _gap_rows(plan: Plan, net: _Net) -> list[tuple[int, list[int], list[int]]]:
    """Each need short of its count: the need, the phases where it falls short, and up to
    three people outside those phases who cover it at all (best first, ties by id)."""
    out = []
    for f, nd in enumerate(plan.brief.needs):
        short = [
            int(p)
            for p in np.flatnonzero(plan.enc.active[:, f])
            if net.cov_fp[f, p] < nd.count - GAP_TOLERANCE
        ]
        if not short:
            continue
        absent = np.asarray(~net.present[short].all(axis=0), dtype=bool)
        absent[list(net.left)] = False
        others = np.flatnonzero(absent & (plan.cov[:, f] > 0))  # every value is a real match
        others = others[np.lexsort((others, -plan.cov[others, f]))][:3]
        out.append((f, short, [int(i) for i in others]))
    return out


#: "Værd at spørge" lists at most this many people.
WORTH_ASKING_MAX = 5


def _worth_asking(plan: Plan, net: _Net) -> list[WorthAsking]:
    """People left out only by their manager's no or too few hours for every meeting, who
    would raise the coverage in the phases they are free for (best first, ties by id)."""
    enc = plan.enc
    left_out = ~np.isin(np.arange(len(plan.ids)), net.chosen) & ~enc.excluded
    left_out[list(net.left)] = False
    # free: the phases as the person says, hours and the manager set aside
    short = enc.avail.all(axis=1) & ~enc.core_hours_ok & plan.carrier
    asked = np.flatnonzero(left_out & (enc.manager_no | short))
    free = enc.avail[asked].astype(bool)
    gains = (plan.needs_objective.gains(plan.cov[asked], net.cov_fp) * free).sum(axis=1)
    out = []
    for k in np.flatnonzero(gains > plan.objective.slack).tolist():
        i, present = int(asked[k]), free[k]
        blocked = "manager_no" if enc.manager_no[i] else "hours"
        lost = plan.needs_objective.needs_lost(
            net.cov_fp + plan.cov[i][:, None] * present[None, :], plan.cov[i], present
        )
        names = [plan.brief.needs[f].name for f in np.flatnonzero(lost)]
        out.append((float(gains[k]), i, blocked, names))
    out.sort(key=lambda t: (-t[0], t[1]))
    return [
        WorthAsking(
            **dict(zip(("id", "name", "unit"), who(plan, i), strict=True)),
            blocked_by=blocked,
            needs=needs,
            gain=round(gain, 4),
        )
        for gain, i, blocked, needs in out[:WORTH_ASKING_MAX]
    ]


def _option(plan: Plan, net: _Net, i: int, f: int, short: list[int]) -> GapOption:
    """Candidate ``i`` as one who covers need ``f`` at all, and why they are not there."""
    cid, name, unit = who(plan, i)
    need = plan.brief.needs[f].name
    return GapOption(
        id=cid, name=name, unit=unit, coverage=round(float(plan.cov[i, f]), 3),
        need=net.matches.need(cid, need) if net.matches else need,
        covers=bool(plan.cov[i, f] >= COVERS),
        why=why_not(plan, i) or why_absent(plan, net, i, short),
    )  # fmt: skip


def _gaps(plan: Plan, net: _Net, rows: list[tuple[int, list[int], list[int]]]) -> list[Gap]:
    b = plan.brief
    lang = str(b.language)
    gaps = []
    for f, short, others in rows:
        nd = b.needs[f]
        got = [float(net.cov_fp[f, p]) for p in short]
        options = [_option(plan, net, i, f, short) for i in others]
        if options:
            advice = gap_advice(options, lang, names=False)
        elif nd.kind.value == "actor_type":
            advice = say("gap.recruit_actor", lang, need=nd.name)
        else:
            advice = say(
                "gap.recruit", lang, what=label(KIND_WORDS, nd.kind.value, lang), need=nd.name
            )
        gaps.append(
            Gap(
                need=nd.name,
                kind=nd.kind.value,
                phases=[b.phase_names[p] for p in short],
                covered=round(min(got), 3),
                count=nd.count,
                closest=[str(plan.ids[i]) for i in others],
                advice=advice,
                options=options,
            )
        )
    return gaps
