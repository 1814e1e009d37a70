"""Reports: the Markdown explanation of a composition, in the brief's language.

Every sentence comes from :mod:`composer.messages`; every text a user gave (names,
needs, phases, organisations) is escaped, so it shows as text and never as markup.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..messages import HEADERS, KIND_LABELS, ROLES, count, label, listing, member_named, person, say
from ..messages.advice import gap_advice
from ..models import ActorType, Orientation
from ..text import number
from .markdown import md

if TYPE_CHECKING:
    from ..result import CompositionData, Dropout, Member, NetworkTies, Taker

__all__ = ["explain", "method_line", "objective_text", "quota_label"]


def _who(comp: CompositionData, cid: str) -> str:
    """A member as the report names them: name, unit and id (escaped)."""
    return md(member_named(comp.members, cid, comp.language))


def _member_row(m: Member, lang: str, hours: float | None = None) -> str:
    """A member's row; ``hours``: what the table counts (a phase table: that phase's)."""
    orientation = Orientation(m.orientation)
    cells = [
        md(m.id),
        md(", ".join(x for x in (m.name, m.unit) if x)),  # two of one name told apart
        ActorType(m.actor_type).label(lang),
        orientation.label(lang),
        number(m.hours if hours is None else hours, lang),
        md(", ".join(m.needs_covered)) or "–",
        md(" ".join(m.reasons)),
        md("; ".join(m.flags)) or "–",
    ]
    return "| " + " | ".join(cells) + " |"


def objective_text(comp: CompositionData, lang: str) -> str:
    """The coverage objective with its scale: "27,75 af 28 (99 %)" (the most is the sum of
    the needs' weights: every need covered as asked in every phase it counts in)."""
    most = sum(n.weight for n in comp.brief.needs)
    if most <= 0:
        return number(comp.objective, lang, 2)
    percent = say("report.percent", lang, n=number(round(100 * comp.objective / most), lang))
    return say("report.of_max", lang, value=number(comp.objective, lang, 2),
               max=number(round(most, 2), lang), percent=percent)  # fmt: skip


def quota_label(column: str, value: str, lang: str) -> str:
    """A quota as people read it: "aktørtype = borger", "perspektiv = se ud"."""
    shown = value
    if column == "actor_type":
        shown = ActorType(value).label(lang) if value in ActorType.__members__ else value
    elif column == "orientation" and value in Orientation.__members__:
        shown = Orientation(value).label(lang)
    return f"{HEADERS[lang].get(column, column)} = {shown}"


def method_line(comp: CompositionData, lang: str) -> str:
    """How the composition was found, in words, with its certificate when not proven
    ("heuristik, mindst 99,6 % af det bedst mulige"): the report, the workbook's summary
    and the web page say it alike."""
    if comp.method.startswith("exact") and comp.optimal:
        return say("method.exact", lang)
    base = say(
        "method.exact_limit" if comp.method.startswith("exact") else "method.heuristic", lang
    )
    if comp.gap is None:
        return base
    # the certificate: how close to the best possible the network is proven to be
    share = number(math.floor(1000 * (1 - comp.gap) + 1e-9) / 10, lang, 1)  # never rounded up
    return say("method.certificate", lang, method=base, share=share)


def _hours_table(comp: CompositionData, lang: str) -> list[str]:
    """Person-hours per role and per organisation."""
    out = [f"## {say('report.hours', lang)}", ""]
    by_role: dict[str, list[float]] = {}
    by_org: dict[str, list[float]] = {}
    none = say("report.none_org", lang)
    for m in comp.members:
        by_role.setdefault(m.role, []).append(m.hours)
        by_org.setdefault(m.organisation or none, []).append(m.hours)
    for what, table, name in (
        (say("report.role", lang), by_role, lambda k: label(ROLES, k, lang)),
        (say("report.organisation", lang), by_org, md),
    ):
        out += [say("report.cols_hours", lang, what=what), "|---|---|---|"]
        for key in sorted(table):
            hs = table[key]
            out.append(f"| {name(key)} | {len(hs)} | {number(sum(hs), lang)} |")
        out.append("")
    return out


def _pairs(pairs: list[tuple[str, str]], names: dict[str, str]) -> str:
    """Pairs of people, each as the report names them (name, unit and id)."""
    return "; ".join(f"{names.get(a, md(a))} – {names.get(b, md(b))}" for a, b in pairs)


def _ties(t: NetworkTies, lang: str, first: dict[str, int], names: dict[str, str]) -> list[str]:
    """Who knows whom, who nobody knows (introduced at the first meeting they attend:
    ``first``, member id -> meeting number), the reach, the new ties across units."""
    out = [f"## {say('report.ties', lang)}", ""]
    if t.known_pairs:
        shown = _pairs(t.known_pairs[:10], names) + ("; …" if len(t.known_pairs) > 10 else "")
        out.append("- " + say("ties.known", lang, pairs=count(len(t.known_pairs), "pair", lang),
                              list=shown))  # fmt: skip
    else:
        out.append("- " + say("ties.none_known", lang))
    if t.unknown_members:
        code = "ties.unknown_one" if len(t.unknown_members) == 1 else "ties.unknown"
        who = [
            say("ties.at_meeting", lang, id=names.get(i, md(i)), n=first[i])
            if i in first
            else names.get(i, md(i))
            for i in t.unknown_members
        ]
        out.append("- " + say(code, lang, ids=listing(who, lang)))
    else:
        out.append("- " + say("ties.all_known", lang))
    units = count(len(t.units_reached), "unit", lang)
    orgs = count(len(t.organisations_reached), "organisation", lang)
    out.append("- " + say("ties.reach", lang, units=units, orgs=orgs))
    if t.new_cross_unit_pairs:
        ties = count(t.new_cross_unit_pairs, "new_tie", lang)
        examples = _pairs(t.new_cross_unit_examples, names)
        out.append("- " + say("ties.new", lang, ties=ties, examples=examples))
    else:
        out.append("- " + say("ties.no_new", lang))
    return [*out, ""]


def _co_drivers(comp: CompositionData, lang: str) -> list[str]:
    out = [f"## {say('report.co_drivers', lang)}", ""]
    if not comp.co_drivers:
        out.append(say("codriver.none", lang))
    for c in comp.co_drivers:
        out.append(f"- **{_who(comp, c.id)}**: {md(' '.join(c.reasons))}")
    return [*out, ""]


def _dropouts(comp: CompositionData, lang: str) -> list[str]:
    """The single points of failure (only when the dropouts were computed): what is lost,
    who could take over and what blocks them."""
    out = [f"## {say('report.dropouts', lang)}", ""]
    weak = [d for d in comp.dropouts if d.single_point_of_failure or not d.rules_met]
    weak.sort(key=lambda d: (-d.loss_total, d.id))
    for d in weak:
        role = label(ROLES, d.role, lang)
        if not d.rules_met:
            out.append("- " + say("dropout.rules", lang, id=_who(comp, d.id), role=role))
            continue
        out.append("- " + " ".join([_fragile_loss(comp, d, role, lang), *_fragile_advice(d, lang)]))
    if not weak:
        out.append(say("dropout.none", lang))
    swaps = [
        (d.id, _taker(d, d.replacement, lang))
        for d in comp.dropouts
        if d.replacement and d.restored
    ]
    if swaps:
        pairs = listing([f"{_who(comp, a)} → {b}" for a, b in swaps], lang)
        out += ["", say("dropout.replaced", lang, pairs=pairs)]
    return [*out, ""]


def _fragile_loss(comp: CompositionData, d: Dropout, role: str, lang: str) -> str:
    phases = listing(
        [f"{md(p)} {number(v, lang, 2)}" for p, v in d.loss.items() if v > 0.005], lang
    )
    return say("fragile.loss", lang, who=_who(comp, d.id), role=role, loss=number(d.loss_total, lang, 2),
               phases=phases, needs=md(listing(d.needs_lost, lang)))  # fmt: skip


def _fragile_advice(d: Dropout, lang: str) -> list[str]:
    """The replacement's share (never "0 %"), who else could take over and what blocks
    them, or that nobody outside the network covers what is lost."""
    out = []
    if d.replacement and round(100 * d.recovered) >= 1:
        share = say("report.percent", lang, n=number(round(100 * d.recovered), lang))
        out.append(say("fragile.partial", lang, new=_taker(d, d.replacement, lang), share=share))
    blocked = [t for t in d.takers if t.blocked]
    if blocked:
        people = "; ".join(
            say("fragile.taker", lang, who=_named(t, lang), needs=md(listing(t.needs, lang)),
                why=md(t.blocked))
            for t in blocked
        )  # fmt: skip
        out.append(say("fragile.takers", lang, people=people))
    elif not any(t.needs for t in d.takers):
        out.append(say("fragile.nobody", lang, needs=md(listing(d.needs_lost, lang))))
    return out


def _named(t: Taker, lang: str) -> str:
    return md(person(t.id, t.name, t.unit, lang))


def _taker(d: Dropout, cid: str, lang: str) -> str:
    """Someone a dropout names, by name when the dropout knows them."""
    t = next((t for t in d.takers if t.id == cid), None)
    return _named(t, lang) if t else md(cid)


def _network(comp: CompositionData, lang: str) -> list[str]:
    """Ties (when the composition holds them), co-drivers, and dropouts (when computed)."""
    first = {m.id: min(m.meetings) for m in comp.members if m.meetings}
    names = {m.id: _who(comp, m.id) for m in comp.members}
    out = _ties(comp.ties, lang, first, names) if comp.ties is not None else []
    out += _co_drivers(comp, lang)
    return out + (_dropouts(comp, lang) if comp.dropouts else [])


def explain(comp: CompositionData) -> str:
    """The Markdown report of ``comp`` (see :meth:`composer.Composition.explain`).

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> text = compose(*load_sample("klimatilpasning")).explain()
    >>> text.splitlines()[0]
    '# Netværkssammensætning: Klimatilpasning i almene boligområder'
    """
    lang = comp.language if comp.language in ("da", "en") else "da"
    b = comp.brief
    n_phase = len({m.id for ms in comp.phase_participants.values() for m in ms})
    out = [f"# {say('report.title', lang)}: {md(comp.theme)}", ""]
    out += [f"## {say('report.summary', lang)}", ""]
    out.append(
        say(
            "report.summary_line",
            lang,
            core=count(len(comp.core), "core_member", lang),
            phase=count(n_phase, "phase_member", lang),
            gaps=count(len(comp.gaps), "gap", lang),
            objective=objective_text(comp, lang),
            hours=count(comp.person_hours, "person_hour", lang),
            method=method_line(comp, lang),
        )
    )
    out.append("")
    phases = ", ".join(f"{md(p.name)} ({', '.join(map(str, p.meetings))})" for p in b.phases)
    out.append(
        say(
            "report.meetings",
            lang,
            meetings=count(b.meetings.count, "meeting", lang),
            hours=number(b.meetings.hours, lang),
            phases=phases,
        )
    )
    out.append("")
    out += [say("report.resilience", lang, worst=number(comp.worst_dropout, lang, 2)), ""]
    if b.reach is not None:
        out.append(
            say(
                "report.reach",
                lang,
                what=count(len(comp.units_reached), b.reach.by, lang),
                names=md(listing(comp.units_reached, lang)) or "–",
                value=number(comp.reach, lang, 2),
            )
        )
        out.append("")
    if comp.changes:
        out += [f"## {say('report.changes', lang)}", ""]
        out += [f"- {md(c)}" for c in comp.changes] + [""]
    out += [f"## {say('report.core', lang)}", "", say("report.cols_member", lang), "|" + "---|" * 8]
    out += [_member_row(m, lang) for m in comp.core]
    out.append("")
    out += [f"## {say('report.phases', lang)}", ""]
    if not comp.phase_participants:
        out += [say("report.none", lang), ""]
    for ph, ms in comp.phase_participants.items():
        out += [f"### {md(ph)}", "", say("report.cols_member", lang), "|" + "---|" * 8]
        phase_hours = comp.brief.phase_hours(ph)  # a phase table shows that phase's hours
        out += [_member_row(m, lang, phase_hours) for m in ms]
        out.append("")
    out += _hours_table(comp, lang)
    out += [f"## {say('report.needs', lang)}", "", say("report.cols_need", lang), "|" + "---|" * 6]
    for ns in comp.needs:
        # "; " between entries: a Danish decimal comma and a person's "(unit, id)" hold commas
        per = "; ".join(f"{md(p)}: {number(v, lang, 2)}" for p, v in ns.covered.items())
        by = "; ".join(f"{_who(comp, i)}: {number(v, lang, 2)}" for i, v in ns.covered_by.items())
        by = by or "–"
        out.append(
            f"| {md(ns.name)} | {label(KIND_LABELS, ns.kind, lang)} | {number(ns.weight, lang)} "
            f"| {ns.count} | {per} | {by} |"
        )
    out.append("")
    out += [f"## {say('report.quotas', lang)}", ""]
    if comp.quotas:
        out += [say("report.cols_quota", lang), "|" + "---|" * 6]
        for q in comp.quotas:
            scope = label(ROLES, q.scope, lang) if q.scope in ROLES else md(q.scope)
            members = "; ".join(_who(comp, i) for i in q.members)
            met = say("report.yes" if q.met else "report.no", lang)
            out.append(
                f"| {md(quota_label(q.column, q.value, lang))} | {scope} | {q.min} | "
                f"{'' if q.max is None else q.max} | {q.count}{': ' + members if members else ''} | {met} |"
            )
    else:
        out.append(say("report.none", lang))
    out.append("")
    out += _network(comp, lang)
    out += [f"## {say('report.gaps', lang)}", ""]
    if not comp.gaps:
        out.append(say("report.no_gaps", lang))
    for g in comp.gaps:
        kind = label(KIND_LABELS, g.kind, lang)
        where = ", ".join(md(p) for p in g.phases)
        out.append(
            f"- **{md(g.need)}** ({kind}; {where}): {number(g.covered, lang, 2)} / {g.count}. "
            f"{md(gap_advice(g.options, lang) if g.options else g.advice)}"
        )
    out.append("")
    out += _handovers(comp, lang)
    out += _worth_asking(comp, lang)
    return "\n".join(out)


def _worth_asking(comp: CompositionData, lang: str) -> list[str]:
    """Strong candidates left out only by a manager's no or a few hours."""
    if not comp.worth_asking:
        return []
    out = [f"## {say('report.worth_asking', lang)}", ""]
    for w in comp.worth_asking:
        who = md(person(w.id, w.name, w.unit, lang))
        out.append(
            "- " + say(
                f"ask.{w.blocked_by}", lang, who=who, needs=md(listing(w.needs, lang)),
                gain=number(w.gain, lang, 2),
            )
        )  # fmt: skip
    return [*out, ""]


def _handovers(comp: CompositionData, lang: str) -> list[str]:
    """Needs whose only holder leaves before a later phase: who hands over to whom, when."""
    if not comp.handovers:
        return []
    out = [f"## {say('report.handovers', lang)}", ""]
    for h in comp.handovers:
        words = {"need": md(h.need), "holder": _who(comp, h.holder), "meeting": h.meeting,
                 "held_in": md(listing(h.held_in, lang)), "phases": md(listing(h.phases, lang))}  # fmt: skip
        if h.to is None:
            code = "handover.core" if h.holder_free else "handover.written"
            out.append("- " + say(code, lang, **words))
        else:
            cover = number(h.to_coverage, lang, 2)
            out.append("- " + say("handover.to", lang, to=_who(comp, h.to), cover=cover, **words))
    return [*out, ""]
