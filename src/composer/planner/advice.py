"""Advice from the composition's numbers (issue 15): why someone in the pool is not
there, handovers when a need's only holder leaves, and who could take over a fragile
seat. Plain functions of the plan and the chosen network; every sentence comes from
:mod:`composer.messages`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..messages import listing, say
from ..optimise.joint.objective import member_rows, phase_coverage, presence
from ..result import Handover, Taker
from ..text import number
from .model import COVERS, Plan
from .rules import why_not

__all__ = ["GAP_TOLERANCE", "TAKERS_MAX", "Net", "handovers", "takers", "who"]

#: a shortfall below this is rounding, not a gap
GAP_TOLERANCE = 0.1

#: a fragile seat names at most this many people who could take over
TAKERS_MAX = 3


class Net:
    """The chosen network as arrays: who is present in which phase."""

    def __init__(self, plan: Plan, core: Sequence[int], phases: Mapping[int, Sequence[int]]):
        P = len(plan.brief.phases)
        self.core = sorted(int(i) for i in core)
        self.phases = {int(i): sorted(int(p) for p in ps) for i, ps in phases.items()}
        self.present = np.zeros((P, len(plan.ids)), dtype=bool)
        self.present[:, self.core] = True
        for i, ps in self.phases.items():
            self.present[ps, i] = True
        self.chosen = sorted(set(self.core) | set(self.phases))
        # need (and reach) × phase: what the people present bring
        self.cov_all = phase_coverage(plan.columns[0], P, self.core, self.phases)
        self.cov_fp = self.cov_all[: len(plan.brief.needs)]
        self.members, self.presence = presence(P, self.core, self.phases)
        self.left: set[int] = set()  # people who have left: never suggested

    def rows(self, plan: Plan) -> np.ndarray:
        """The members' rows of every column (k × columns)."""
        return member_rows(plan.columns[0], self.members)


def who(plan: Plan, i: int) -> tuple[str, str | None, str | None]:
    """Candidate ``i``'s id, name and unit (None when not given)."""
    cid = str(plan.ids[i])
    rec = plan.pool.frame.loc[cid]
    name, unit = rec.get("name"), rec.get("unit")
    return (
        cid,
        (name if isinstance(name, str) and name else None),
        (unit if isinstance(unit, str) and unit else None),
    )


#: reasons said once for all the phases they hold in ("ikke til rådighed i a og b")
_GROUPED = ("absent.not_available", "absent.added_less")


def why_absent(plan: Plan, net: Net, i: int, phases: Sequence[int]) -> str:
    """Why candidate ``i`` (who can take part) is not present in ``phases``: each reason
    once, with the phases it holds in."""
    lang = str(plan.brief.language)
    found: dict[tuple[str, tuple[tuple[str, object], ...]], list[str]] = {}
    for p in phases:
        if (reason := _absent(plan, net, i, p)) is not None:
            code, params = reason
            alone = () if code in _GROUPED else (("p", p),)  # one phase each
            key = (code, (*params.items(), *alone))
            found.setdefault(key, []).append(plan.brief.phase_names[p])
    return "; ".join(
        dict.fromkeys(
            say(code, lang, **{**dict(params), "phase": listing(names, lang)})
            for (code, params), names in found.items()
        )
    )


def _absent(plan: Plan, net: Net, i: int, p: int) -> tuple[str, dict[str, object]] | None:
    """Why ``i`` is not present in phase ``p``: a code and its parameters (None: present,
    or in the core and nothing to say)."""
    b, enc = plan.brief, plan.enc
    pp = b.phase_participants
    lang = str(b.language)
    chosen = i in net.chosen
    used = float(net.present[:, i] @ enc.phase_hours) if chosen else 0.0
    h = enc.hours[i]
    if net.present[p, i]:
        return None
    if not enc.avail[i, p]:
        return "absent.not_available", {}
    if not np.isnan(h) and used + enc.phase_hours[p] > h + 1e-9:
        return "absent.hours", {
            "have": number(h, lang), "need": number(used + enc.phase_hours[p], lang)
        }  # fmt: skip
    if i in net.core:
        return None
    if sum(p in ps for ps in net.phases.values()) >= pp.per_phase_max:
        return "absent.phase_full", {"n": pp.per_phase_max}
    if not chosen and len(net.phases) >= pp.total_max:
        return "absent.seats_used", {"n": pp.total_max}
    return "absent.added_less", {}


# ---------------------------------------------------------------- handovers
def handovers(plan: Plan, net: Net) -> list[Handover]:
    """Needs whose only holder leaves before a later phase (the rule of
    :class:`~composer.result.Handover`), one per need and holder, by need then id."""
    out: list[Handover] = []
    for f, nd in enumerate(plan.brief.needs):
        counts = np.flatnonzero(plan.enc.active[:, f])
        holds = net.present & (plan.cov[:, f] >= COVERS)[None, :]  # P × n
        by_holder: dict[int, list[int]] = {}
        for q in counts:
            if holds[q].any() or net.cov_fp[f, q] >= nd.count - GAP_TOLERANCE:
                continue
            earlier = [int(p) for p in counts if p < q and holds[p].any()]
            if earlier:  # the holder present last before q (then most coverage, then id)
                last = earlier[-1]
                rows = np.flatnonzero(holds[last])
                i = int(rows[np.lexsort((rows, -plan.cov[rows, f]))][0])
                by_holder.setdefault(i, []).append(int(q))
        out += [_handover(plan, net, f, i, qs) for i, qs in sorted(by_holder.items())]
    return out


def _handover(plan: Plan, net: Net, f: int, i: int, qs: list[int]) -> Handover:
    b = plan.brief
    held = [int(p) for p in np.flatnonzero(plan.enc.active[:, f] & net.present[:, i]) if p < qs[0]]
    last = held[-1]
    meeting = max(b.phases[last].meetings)
    # who is there both at the holder's last meeting and in the phase that lacks the need
    there = np.flatnonzero(net.present[last] & net.present[qs[0]] & (plan.cov[:, f] > 0))
    there = there[there != i]
    to = int(there[np.lexsort((there, -plan.cov[there, f]))][0]) if len(there) else None
    return Handover(
        need=b.needs[f].name,
        holder=str(plan.ids[i]),
        held_in=[b.phase_names[p] for p in held],
        phases=[b.phase_names[q] for q in qs],
        meeting=int(meeting),
        to=None if to is None else str(plan.ids[to]),
        to_coverage=0.0 if to is None else round(float(plan.cov[to, f]), 3),
        holder_free=_free(plan, net, i, qs),
    )


def _free(plan: Plan, net: Net, i: int, qs: list[int]) -> bool:
    """Whether ``i`` is free for the phases ``qs`` as well: available, and hours for them."""
    enc = plan.enc
    need = float(net.present[:, i] @ enc.phase_hours + enc.phase_hours[qs].sum())
    return bool(enc.avail[i, qs].all() and (np.isnan(enc.hours[i]) or need <= enc.hours[i] + 1e-9))


# ---------------------------------------------------------------- fragile seats
def takers(
    plan: Plan,
    others: Mapping[int, tuple[int, ...] | None],
    gone: int,
    replacement: int | None,
    needs: Sequence[str],
    loss_phases: Sequence[int],
) -> list[Taker]:
    """Who in the pool covers any of ``needs`` that ``gone``'s leaving loses, and what keeps
    each from the seat: the replacement first, then by the F they would bring back alone
    in ``loss_phases`` (rules aside), ties by id; at most :data:`TAKERS_MAX`."""
    names = [nd.name for nd in plan.brief.needs]
    lost = [names.index(n) for n in needs]
    net = Net(
        plan,
        [i for i, r in others.items() if r is None],
        {i: r for i, r in others.items() if r is not None},
    )
    free = np.ones(len(plan.ids), dtype=bool)
    free[[*others, gone]] = False
    covers = (plan.cov[:, lost] > 0).any(axis=1) if lost else np.zeros(len(free), dtype=bool)
    rows = np.flatnonzero(free & covers)
    gain = plan.needs_objective.gains(plan.cov[rows], net.cov_fp)[:, list(loss_phases)].sum(axis=1)
    gains = dict(zip(rows.tolist(), gain.tolist(), strict=True))
    order = [int(i) for i in rows[np.lexsort((rows, -gain))] if i != replacement]
    first = [] if replacement is None else [replacement]  # named even when it covers nothing lost
    lang = str(plan.brief.language)
    out = []
    for i in [*first, *order][:TAKERS_MAX]:
        cid, name, unit = who(plan, i)
        blocked = (
            ""
            if i == replacement
            else why_not(plan, i) or _blocked(plan, net, i, loss_phases, lang)
        )
        out.append(
            Taker(
                id=cid, name=name, unit=unit, gain=round(gains.get(i, 0.0), 4), blocked=blocked,
                needs=[names[f] for f in lost if plan.cov[i, f] > 0],
            )
        )  # fmt: skip
    return out


def _blocked(plan: Plan, net: Net, i: int, phases: Sequence[int], lang: str) -> str:
    """What keeps ``i`` from the phases of the loss: the one free seat is the core's, the
    core or a phase full, not free, too few hours (:func:`why_absent`), else that they
    win back less than the replacement."""
    b = plan.brief
    if len(net.core) < b.core.min and not plan.core_ok[i]:  # the one seat is the core's
        return say("absent.core_seat", lang, n=b.core.min)
    if len(phases) == len(b.phases) and plan.core_ok[i] and len(net.core) >= b.core.max:
        return say("absent.core_full", lang, n=b.core.max)
    return why_absent(plan, net, i, phases) or say(
        "absent.added_less", lang, phase=listing([b.phase_names[p] for p in phases], lang)
    )
