"""Who is in a pool under a brief: counts by actor type, orientation and phase."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..messages import count, say
from ..models import ActorType, Orientation
from .markdown import md, md_rows

if TYPE_CHECKING:
    from ..models import NetworkBrief
    from ..pool import CandidatePool

__all__ = ["pool_summary", "pool_summary_data"]


def pool_summary_data(pool: CandidatePool, brief: NetworkBrief) -> dict[str, Any]:
    """Counts of a pool under a brief: by actor type, by orientation, available per phase.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> data = pool_summary_data(*load_sample("klimatilpasning"))
    >>> sorted(data), data["candidates"] == sum(data["actor_types"].values())
    (['actor_types', 'available', 'available_all_phases', 'candidates', 'orientation', 'source', 'theme'], True)
    """
    counts = pool.frame["actor_type"].value_counts()
    oc = pool.orientation(brief).value_counts()
    avail = pool.available_phases(brief)
    return {
        "source": pool.source,
        "theme": brief.theme,
        "candidates": len(pool),
        "actor_types": {a.value: int(counts[a.value]) for a in ActorType if counts.get(a.value)},
        "orientation": {o.value: int(oc.get(o.value, 0)) for o in Orientation},
        "available": {ph: int(avail[:, j].sum()) for j, ph in enumerate(brief.phase_names)},
        "available_all_phases": int(avail.all(axis=1).sum()),
    }


def pool_summary(pool: CandidatePool, brief: NetworkBrief, language: str | None = None) -> str:
    """The summary as Markdown, in ``language`` (default: the brief's).

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> print(pool_summary(*load_sample("klimatilpasning")).splitlines()[0])  # doctest: +ELLIPSIS
    # Pulje: ... kandidater fra candidates.csv
    """
    lang = language or str(brief.language)
    d = pool_summary_data(pool, brief)
    n = say("summary.count", lang)
    title = say("summary.title", lang, candidates=count(d["candidates"], "candidate", lang),
                source=md(d["source"]))  # fmt: skip
    out = [f"# {title}", "", say("summary.theme", lang, theme=md(d["theme"])), ""]
    out += [f"## {say('summary.by_actor', lang)}", ""]
    actors = [[ActorType(k).label(lang), str(v)] for k, v in d["actor_types"].items()]
    out += [*md_rows([say("summary.actor", lang), n], actors), ""]
    out += [f"## {say('summary.by_orientation', lang)}", ""]
    orient = [[Orientation(k).label(lang), str(v)] for k, v in d["orientation"].items()]
    out += [*md_rows([say("summary.orientation", lang), n], orient), ""]
    out += [f"## {say('summary.by_phase', lang)}", ""]
    phases = [[md(k), str(v)] for k, v in d["available"].items()]
    phases.append([say("summary.all_phases", lang), str(d["available_all_phases"])])
    out += md_rows([say("summary.phase", lang), n], phases)
    return "\n".join(out)
