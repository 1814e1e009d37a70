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

from .models import NetworkBrief
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


def composition_graph(comp: Composition) -> nx.Graph:
    """Members, needs and who covers what (see :meth:`Composition.to_networkx`)."""
    g = nx.Graph(theme=comp.theme)
    for m in comp.members:
        g.add_node(
            m.id,
            kind="member",
            role=m.role,
            actor_type=m.actor_type,
            orientation=m.orientation,
            unit=m.unit,
            phases=m.phases,
        )
    for ns in comp.needs:
        g.add_node(
            NEED_PREFIX + ns.name,
            kind="need",
            need_kind=ns.kind,
            weight=ns.weight,
            count=ns.count,
            phases=ns.phases,
        )
        for cid, v in ns.covered_by.items():
            g.add_edge(cid, NEED_PREFIX + ns.name, kind="covers", coverage=v)
    return g
