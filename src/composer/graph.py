"""The problem as a networkx graph: candidates, needs, who covers what, who knows whom.

networkx is the model and export layer: explanations and exports read the graph; the
optimiser runs on the sparse arrays :func:`compile_graph` returns, so a million
candidates never pass through networkx objects in the hot loops.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .models import ActorType, NetworkBrief
from .pool import CandidatePool

if TYPE_CHECKING:
    from .composition import Composition

__all__ = ["compile_graph", "composition_graph", "problem_graph"]

NEED_PREFIX = "need:"


def problem_graph(
    pool: CandidatePool, brief: NetworkBrief, coverage: pd.DataFrame, threshold: float = 0.0
) -> nx.Graph:
    """Candidate and need nodes, candidate–need edges weighted by coverage, ``knows`` edges.

    Parameters
    ----------
    pool, brief
    coverage : DataFrame
        From :func:`composer.coverage` (index ids, one column per need).
    threshold : float
        Edges with coverage at or below it are left out (0 keeps every positive one).

    Examples
    --------
    >>> from composer import coverage, load_brief, load_candidates
    >>> pool = load_candidates([{"id": "A", "actor_type": "borger", "knows": "B"},
    ...                         {"id": "B", "actor_type": "forsker"}])
    >>> brief = load_brief({"theme": "x", "needs": [{"name": "forsker", "kind": "actor_type"}]})
    >>> g = problem_graph(pool, brief, coverage(pool, brief))
    >>> sorted(g.edges(data="kind"))
    [('A', 'B', 'knows'), ('B', 'need:forsker', 'covers')]
    """
    g = nx.Graph(theme=brief.theme)
    orient = pool.orientation(brief)
    f = pool.frame
    for cid in sorted(f.index):
        g.add_node(
            cid,
            kind="candidate",
            actor_type=f.at[cid, "actor_type"],
            orientation=orient[cid],
            unit=f.at[cid, "unit"],
        )
    for nd in brief.needs:
        g.add_node(
            NEED_PREFIX + nd.name,
            kind="need",
            need_kind=nd.kind.value,
            weight=nd.weight,
            count=nd.count,
            phases=brief.need_phases(nd),
        )
    cov = coverage.loc[sorted(f.index)]
    rows, cols = np.nonzero(cov.to_numpy() > threshold)
    for r, c in zip(rows, cols, strict=True):
        g.add_edge(
            cov.index[r], NEED_PREFIX + cov.columns[c], kind="covers", coverage=float(cov.iat[r, c])
        )
    for cid, knows in f["knows"].items():
        for other in knows:
            g.add_edge(cid, other, kind="knows")
    return g


def compile_graph(g: nx.Graph) -> tuple[sp.csr_array, np.ndarray, np.ndarray, list[str], list[str]]:
    """The sparse arrays the optimiser runs on: (coverage, weights, demand, ids, needs).

    Candidates and needs are sorted (ids, then need order as added), so the arrays do not
    depend on the order the graph was built in.
    """
    cands = sorted(n for n, k in g.nodes(data="kind") if k == "candidate")
    needs = [n for n, k in g.nodes(data="kind") if k == "need"]
    ci = {c: k for k, c in enumerate(cands)}
    ni = {nd: k for k, nd in enumerate(needs)}
    r, c, v = [], [], []
    for a, b, data in g.edges(data=True):
        if data.get("kind") != "covers":
            continue
        cand, need = (a, b) if a in ci else (b, a)
        r.append(ci[cand])
        c.append(ni[need])
        v.append(data["coverage"])
    m = sp.csr_array((v, (r, c)), shape=(len(cands), len(needs)))
    weights = np.array([g.nodes[nd]["weight"] for nd in needs], dtype=float)
    demand = np.array([g.nodes[nd]["count"] for nd in needs], dtype=float)
    return m, weights, demand, cands, [nd.removeprefix(NEED_PREFIX) for nd in needs]


def composition_graph(
    comp: Composition, pool: CandidatePool | None = None, show_names: bool = False
) -> nx.Graph:
    """Members, needs, who covers what and who knows whom, ready for GraphML and GEXF.

    Every attribute is text, a number or a boolean (lists are ``;``-joined, missing
    values are empty text), so ``nx.write_graphml`` and ``nx.write_gexf`` accept the
    graph and Gephi opens the files.

    Parameters
    ----------
    comp : Composition
    pool : CandidatePool, optional
        Only for a composition without its own ties (:attr:`Composition.ties`): then the
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


def _add_ties(g: nx.Graph, comp: Composition, pool: CandidatePool | None) -> None:
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
