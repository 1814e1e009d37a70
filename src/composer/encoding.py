"""The encoding: pool + brief turned into arrays and id maps, once.

Scoring and planning read the same derived facts (orientation, who can join which
phase, the line manager's "no", which need counts in which phase) from one
:class:`Encoding`, as openreview-matcher's encoder turns domain objects into the arrays
its solvers see. Rows follow the pool's order; :meth:`Encoding.by_id` gives the same
encoding with the rows sorted by id, which is the order every optimiser works in (ties
are broken by index, so by id, and the row order of the input never matters).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.sparse as sp

from .models import ActorType, NetworkBrief
from .pool import CandidatePool

__all__ = ["Encoding", "encode"]

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

#: Hours are compared with this tolerance (3.5 · 5 may be 17.499999…).
HOURS_EPS = 1e-9


@dataclass(frozen=True, eq=False)
class Encoding:
    """Per-candidate arrays (one row per candidate) and per-brief tables.

    Attributes
    ----------
    ids : ndarray of str
        Candidate ids, in row order.
    rows : ndarray of int
        Position of each row in the pool's own order.
    actor : ndarray of str
        Actor type keys.
    orientation : ndarray of str
        ``inside`` / ``across`` / ``outside`` under the brief.
    municipal : ndarray of bool
        Municipal staff or manager (who need the line manager's yes).
    approval : ndarray of float
        The line manager's answer: 1 yes, 0 no, NaN not asked.
    manager_no : ndarray of bool
        Municipal and the line manager said no: cannot be chosen.
    excluded : ndarray of bool
        On the brief's ``exclude``.
    included : ndarray of bool
        On the brief's ``include``.
    avail : ndarray of bool, shape (n, P)
        Who can join which phase.
    hours : ndarray of float
        Hours each person can give (NaN: not given, treated as enough).
    phase_hours : ndarray of float, shape (P,)
        Meeting hours of each phase.
    active : ndarray of bool, shape (P, m)
        Which need counts in which phase.
    core_ok : ndarray of bool
        Can sit in the core: available for every phase, hours for every meeting (or not
        given), no line-manager "no", not excluded.
    phase_ok : ndarray of bool, shape (n, P)
        Can join phase ``p`` alone: available, hours for its meetings, not blocked.
    quota_members : ndarray of bool, shape (n, Q)
        Who counts for each of the brief's quotas.
    reach : scipy sparse array, shape (n, U)
        With the brief's ``reach``: 1 where a candidate belongs to unit (or organisation)
        ``u`` or is tied to someone who does by ``knows`` (either way); else no columns.
    reach_labels : list of str
        The units (or organisations) of ``reach``'s columns, as first written.
    """

    ids: npt.NDArray[np.object_]
    rows: npt.NDArray[np.intp]
    actor: npt.NDArray[np.object_]
    orientation: npt.NDArray[np.object_]
    municipal: BoolArray
    approval: FloatArray
    manager_no: BoolArray
    excluded: BoolArray
    included: BoolArray
    avail: BoolArray
    hours: FloatArray
    phase_hours: FloatArray
    active: BoolArray
    core_ok: BoolArray
    phase_ok: BoolArray
    quota_members: BoolArray
    reach: sp.csr_array
    reach_labels: list[str]

    #: fields that are not per candidate (not permuted by :meth:`by_id`)
    _SHARED = frozenset({"phase_hours", "active", "reach_labels"})

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def total_hours(self) -> float:
        """Hours of all meetings."""
        return float(self.phase_hours.sum())

    @property
    def core_hours_ok(self) -> BoolArray:
        """Hours for every meeting (or none given): the one hours rule of the core, with
        :data:`HOURS_EPS` of tolerance, for scoring and planning alike."""
        return np.asarray(
            np.isnan(self.hours) | (self.hours >= self.total_hours - HOURS_EPS), dtype=bool
        )

    @property
    def can_join(self) -> BoolArray:
        """Can take part at all (in the core or in at least one phase)."""
        return self.core_ok | self.phase_ok.any(axis=1)

    def take(self, order: npt.ArrayLike) -> Encoding:
        """The same encoding with its candidate rows taken in ``order``."""
        idx = np.asarray(order, dtype=np.intp)
        changes = {
            f.name: getattr(self, f.name)[idx] for f in fields(self) if f.name not in self._SHARED
        }
        return replace(self, **changes)


def encode(pool: CandidatePool, brief: NetworkBrief) -> Encoding:
    """Encode ``pool`` under ``brief`` (rows in the pool's order; see :meth:`Encoding.by_id`).

    The pool is assumed validated against the brief (:func:`composer.validate`).

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> enc = encode(pool, brief)
    >>> enc.avail.shape == (len(pool), len(brief.phases)), bool(enc.core_ok.any())
    (True, True)
    """
    f = pool.frame
    n = len(f)
    ids = pool.ids.to_numpy(dtype=object)
    actor = f["actor_type"].to_numpy(dtype=object)
    municipal = np.isin(actor, [ActorType.municipal_staff.value, ActorType.municipal_manager.value])
    approval = f["manager_approval"].to_numpy(dtype=float, na_value=np.nan)
    manager_no = municipal & (approval == 0)
    excluded = np.isin(ids, list(brief.exclude))
    included = np.isin(ids, list(brief.include))
    avail = pool.available_phases(brief)
    hours = f["hours_available"].to_numpy(dtype=float, na_value=np.nan)
    phase_hours = np.array([brief.phase_hours(p) for p in brief.phase_names], dtype=float)
    blocked = manager_no | excluded
    enough = np.isnan(hours) | (hours >= phase_hours.sum() - HOURS_EPS)
    core_type = np.isin(actor, list(brief.core.allowed_actor_types()))
    core_ok = avail.all(axis=1) & enough & ~blocked & core_type
    phase_fits = np.isnan(hours)[:, None] | (hours[:, None] >= phase_hours[None, :] - HOURS_EPS)
    phase_ok = avail & phase_fits & ~blocked[:, None]
    active = np.zeros((len(brief.phases), len(brief.needs)), dtype=bool)
    names = brief.phase_names
    for j, need in enumerate(brief.needs):
        for ph in brief.need_phases(need):
            active[names.index(ph), j] = True
    quota_members = np.zeros((n, len(brief.quotas)), dtype=bool)
    for k, q in enumerate(brief.quotas):
        quota_members[:, k] = pool.matches(q.column, q.value, brief).to_numpy(dtype=bool)
    reach, reach_labels = _reach(pool, brief)
    return Encoding(
        ids=ids,
        rows=np.arange(n, dtype=np.intp),
        actor=actor,
        orientation=pool.orientation(brief).to_numpy(dtype=object),
        municipal=municipal,
        approval=approval,
        manager_no=manager_no,
        excluded=excluded,
        included=included,
        avail=avail,
        hours=hours,
        phase_hours=phase_hours,
        active=active,
        core_ok=core_ok,
        phase_ok=phase_ok,
        quota_members=quota_members,
        reach=reach,
        reach_labels=reach_labels,
    )


def _reach(pool: CandidatePool, brief: NetworkBrief) -> tuple[sp.csr_array, list[str]]:
    """The reach matrix (see :class:`Encoding`); no columns without the brief's ``reach``."""
    n = len(pool)
    if brief.reach is None:
        return sp.csr_array((n, 0)), []
    f = pool.frame
    column = "unit" if brief.reach.by == "unit" else "organisation"
    text = f[column].map(lambda v: str(v).strip() if isinstance(v, str) else "")
    codes, labels = pd.factorize(text.str.lower())
    first = text.groupby(codes).first()  # the label as first written
    codes = np.where(text.to_numpy() == "", -1, codes)
    pos = pool.ids.get_indexer
    src, dst = [], []
    for i, lst in enumerate(f["knows"].to_numpy(dtype=object)):
        if lst:
            js = pos(list(lst))
            js = js[js >= 0]
            src += [i] * len(js) + js.tolist()
            dst += js.tolist() + [i] * len(js)
    rows = np.concatenate([np.arange(n), np.asarray(src, dtype=np.intp)])
    cols = np.concatenate([codes, codes[np.asarray(dst, dtype=np.intp)]])
    keep = cols >= 0
    mat = sp.csr_array((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=(n, len(labels)))
    mat.sum_duplicates()
    mat.data[:] = 1.0  # reached is reached, however many ties lead there
    return mat, [str(first.get(k, "")) for k in range(len(labels))]
