"""The composed network as a networkx graph: members, needs, who covers what, who knows whom.

networkx is the export and picture layer (:meth:`composer.Composition.to_networkx`, GraphML and
GEXF for Gephi, :mod:`composer.plots`); the optimiser runs on the sparse arrays of
:mod:`composer.planner.model`, so a large pool never passes through networkx objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from ..models import ActorType
from ..pool import CandidatePool

if TYPE_CHECKING:
    from ..result import CompositionData

__all__ = ["composition_graph"]

NEED_PREFIX = "need:"


def composition_graph(
    comp: CompositionData, pool: CandidatePool | None = None, show_names: bool = False
) -> nx.Graph:
    """Members, needs, who covers what and who knows whom, ready for GraphML and GEXF.

    Every attribute is text, a number or a boolean (lists are ``;``-joined, missing
    values are empty text), so ``nx.write_graphml`` and ``nx.write_gexf`` accept the
    graph and Gephi opens the files.

    Parameters
    ----------
    comp : Composition
    pool : CandidatePool, optional
        Only for a composition without its own ties (:attr:`composer.Composition.ties`): then the
        pool's ``knows`` column gives the ``kind="knows"`` edges between members.
    show_names : bool
        Use names as node labels; by default the label is the id (names are personal data).

    Returns
    -------
    networkx.Graph
        Member nodes (key: id) with ``kind="member"``, ``label``, ``role``, ``actor_type``,
        ``actor_type_label``, ``orientation``, ``organisation``, ``unit``, ``phases``,
        ``meetings``, ``hours``; need nodes (key: ``"need:<name>"``) with ``kind="need"``,
        ``label``, ``need_kind``, ``weight``, ``count``, ``phases``, ``covered`` (the lowest
        over its phases), ``gap``; edges with ``kind`` ``"covers"`` (``coverage``,
        ``weight``) or ``"knows"``.

    Examples
    --------
    >>> import io, networkx as nx
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> g = composition_graph(compose(pool, brief, seed=0))
    >>> g.nodes["K01"]["role"], g.nodes["K01"]["phases"]
    ('core', 'afdækning;idéudvikling;afprøvning;forankring')
    >>> buf = io.BytesIO(); nx.write_graphml(g, buf); buf.getvalue()[:5]
    b'<?xml'
    """
    lang = comp.language
    g = nx.Graph(theme=comp.theme)
    for m in comp.members:
        g.add_node(
            m.id,
            kind="member",
            label=(m.name or m.id) if show_names else m.id,
            role=m.role,
            actor_type=m.actor_type,
            actor_type_label=_actor_label(m.actor_type, lang),
            orientation=m.orientation,
            organisation=m.organisation or "",
            unit=m.unit or "",
            phases=";".join(m.phases),
            meetings=";".join(str(k) for k in m.meetings),
            hours=float(m.hours),
        )
    gap_needs = {gp.need for gp in comp.gaps}
    for ns in comp.needs:
        g.add_node(
            NEED_PREFIX + ns.name,
            kind="need",
            label=ns.name,
            need_kind=ns.kind,
            weight=float(ns.weight),
            count=int(ns.count),
            phases=";".join(ns.phases),
            covered=float(min(ns.covered.values(), default=0.0)),
            gap=ns.name in gap_needs,
        )
        for cid, v in sorted(ns.covered_by.items()):
            if cid in g:
                g.add_edge(
                    cid, NEED_PREFIX + ns.name, kind="covers", coverage=float(v), weight=float(v)
                )
    _add_ties(g, comp, pool)
    return g


def _add_ties(g: nx.Graph, comp: CompositionData, pool: CandidatePool | None) -> None:
    """``kind="knows"`` edges between members: the composition's own ties, else the pool's."""
    if comp.ties is not None:
        pairs = [(a, b) for a, b in comp.ties.known_pairs if a in g and b in g]
        g.add_edges_from(pairs, kind="knows")
        return
    if pool is None:
        return
    present = {m.id for m in comp.members}
    knows = pool.frame["knows"]
    for cid in sorted(present & set(knows.index)):
        for other in knows.at[cid] or []:
            if other in present and other != cid:
                g.add_edge(cid, other, kind="knows")


def _actor_label(key: str, language: str) -> str:
    try:
        return ActorType(key).label(language)
    except ValueError:
        return key
