"""Reports: the Markdown explanation of a composition, in the brief's language."""

from __future__ import annotations

from .composition import Composition, Member
from .models import ActorType, Orientation
from .text import number

__all__ = ["explain"]

_T = {
    "da": {
        "title": "Netværkssammensætning",
        "summary": "Resumé",
        "core": "Kernedeltagere (med i alle faser)",
        "phases": "Deltagere der inddrages løbende",
        "needs": "Behov og dækning",
        "quotas": "Kvoter",
        "gaps": "Huller og råd",
        "changes": "Ændringer",
        "none": "Ingen.",
        "no_gaps": "Alle behov er dækket som briefen beder om.",
        "cols_member": "| id | navn | aktør | perspektiv | timer | dækker | grunde | at gøre |",
        "cols_need": "| behov | type | vægt | antal | dækning pr. fase | dækket af |",
        "cols_quota": "| kvote | omfang | min | max | antal | opfyldt |",
        "yes": "ja",
        "no": "nej",
        "summary_line": (
            "{core} kernedeltagere og {phase} deltagere der inddrages løbende; "
            "{gaps} huller. Dækningsmål {objective} (kernen valgt med {method}{optimal})."
        ),
        "optimal": ", bevist optimal",
        "theme": "Tema",
        "meetings": "{count} møder à {hours} timer, faser: {phases}.",
    },
    "en": {
        "title": "Network composition",
        "summary": "Summary",
        "core": "Core participants (all phases)",
        "phases": "Phase participants",
        "needs": "Needs and coverage",
        "quotas": "Quotas",
        "gaps": "Gaps and advice",
        "changes": "Changes",
        "none": "None.",
        "no_gaps": "Every need is covered as the brief asks.",
        "cols_member": "| id | name | actor | perspective | hours | covers | reasons | to do |",
        "cols_need": "| need | kind | weight | count | coverage per phase | covered by |",
        "cols_quota": "| quota | scope | min | max | count | met |",
        "yes": "yes",
        "no": "no",
        "summary_line": (
            "{core} core participants and {phase} phase participants; {gaps} gaps. "
            "Coverage objective {objective} (core chosen by {method}{optimal})."
        ),
        "optimal": ", proven optimal",
        "theme": "Theme",
        "meetings": "{count} meetings of {hours} hours, phases: {phases}.",
    },
}


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _member_row(m: Member, lang: str) -> str:
    a = ActorType(m.actor_type)
    return (
        "| "
        + " | ".join(
            _cell(x)
            for x in [
                m.id,
                m.name or "",
                a.label(lang),
                Orientation(m.orientation).label_da if lang == "da" else m.orientation,
                number(m.hours, lang),
                ", ".join(m.needs_covered) or "–",
                " ".join(m.reasons),
                "; ".join(m.flags) or "–",
            ]
        )
        + " |"
    )


def explain(comp: Composition) -> str:
    """The Markdown report of ``comp`` (see :meth:`Composition.explain`).

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> text = compose(*load_sample("klimatilpasning")).explain()
    >>> text.splitlines()[0]
    '# Netværkssammensætning: Klimatilpasning i almene boligområder'
    """
    lang = comp.language if comp.language in _T else "da"
    t = _T[lang]
    b = comp.brief
    n_phase = len({m.id for ms in comp.phase_participants.values() for m in ms})
    out = [f"# {t['title']}: {comp.theme}", ""]
    out += [f"## {t['summary']}", ""]
    out.append(
        t["summary_line"].format(
            core=len(comp.core),
            phase=n_phase,
            gaps=len(comp.gaps),
            objective=number(comp.objective, lang, 2),
            method=comp.method.split(" (")[0],
            optimal=t["optimal"] if comp.optimal else "",
        )
    )
    out.append("")
    out.append(
        t["meetings"].format(
            count=b.meetings.count,
            hours=number(b.meetings.hours, lang),
            phases=", ".join(f"{p.name} ({', '.join(map(str, p.meetings))})" for p in b.phases),
        )
    )
    out.append("")
    if comp.changes:
        out += [f"## {t['changes']}", ""] + [f"- {c}" for c in comp.changes] + [""]
    out += [f"## {t['core']}", "", t["cols_member"], "|" + "---|" * 8]
    out += [_member_row(m, lang) for m in comp.core]
    out.append("")
    out += [f"## {t['phases']}", ""]
    if not comp.phase_participants:
        out += [t["none"], ""]
    for ph, ms in comp.phase_participants.items():
        out += [f"### {ph}", "", t["cols_member"], "|" + "---|" * 8]
        out += [_member_row(m, lang) for m in ms]
        out.append("")
    out += [f"## {t['needs']}", "", t["cols_need"], "|" + "---|" * 6]
    for ns in comp.needs:
        per = ", ".join(f"{p}: {number(v, lang, 2)}" for p, v in ns.covered.items())
        by = ", ".join(f"{i} ({number(v, lang, 2)})" for i, v in ns.covered_by.items()) or "–"
        out.append(
            f"| {_cell(ns.name)} | {ns.kind} | {number(ns.weight, lang)} | {ns.count} | {per} | {by} |"
        )
    out.append("")
    out += [f"## {t['quotas']}", ""]
    if comp.quotas:
        out += [t["cols_quota"], "|" + "---|" * 6]
        for q in comp.quotas:
            out.append(
                f"| {q.column}={q.value} | {q.scope} | {q.min} | {'' if q.max is None else q.max} | "
                f"{q.count} ({', '.join(q.members) or '–'}) | {t['yes'] if q.met else t['no']} |"
            )
    else:
        out.append(t["none"])
    out.append("")
    out += [f"## {t['gaps']}", ""]
    if not comp.gaps:
        out.append(t["no_gaps"])
    for g in comp.gaps:
        out.append(
            f"- **{g.need}** ({g.kind}; {', '.join(g.phases)}): {number(g.covered, lang, 2)} / {g.count}. {g.advice}"
        )
    out.append("")
    return "\n".join(out)
