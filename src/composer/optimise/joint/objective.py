"""The objective of the joint model, in one place: F per phase, losses, the worst dropout,
person-hours and the fit tier.

Every solver (the exact model's coefficients, the heuristic's gains), every report figure
(a composition's F, a member's loss, the dropouts) and every what-if reads F from here.
For a need ``f`` with weight :math:`w_f` and count :math:`d_f` that counts in the phases
:math:`P_f`, and the coverage :math:`\\mathrm{cov}(f, p)` that the people present in
phase ``p`` bring,

.. math::

    F = \\sum_f \\frac{w_f}{|P_f|} \\sum_{p \\in P_f}
        \\min\\Bigl(1, \\frac{\\mathrm{cov}(f, p)}{d_f}\\Bigr).

Coverage is an ``m × P`` array (need × phase) throughout. Reach (the brief's ``reach``)
enters as extra columns after the ``needs`` first ones (:meth:`Objective.reach`);
resilience (the brief's ``resilience``) makes the first tier the worst F after any
single dropout (:meth:`Objective.first_tier`) — terms of the objective, not branches in
the searches.

Arrays only, like the rest of :mod:`composer.optimise`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

__all__ = [
    "F_SLACK",
    "PARTICIPANT_SCORE_SHARE",
    "Objective",
    "fit_tier",
    "person_hours",
    "phase_coverage",
    "presence",
    "twin_labels",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: An F within this share of the median need's weight of the best counts as the best
#: (then the fewest person-hours decide): half a percent of a typical need (0.01 when the
#: median weight is 2, as in the samples) never costs extra meetings, whatever the scale
#: of the weights.
F_SLACK = 0.005
#: A participant's score counts this much of a core member's fit in the third tier.
PARTICIPANT_SCORE_SHARE = 0.5


@dataclass(frozen=True, eq=False)
class Objective:
    """F of a network, from the needs' weights, counts and the phases they count in.

    Parameters
    ----------
    weights, demand : ndarray, shape (m,)
        :math:`w_f` and :math:`d_f` (``demand`` > 0).
    active : ndarray of bool, shape (P, m)
        Which need counts in which phase.
    needs : int, optional
        The first ``needs`` columns are the brief's needs; any after them are reach
        columns (default: all are needs).
    resilient : bool
        The first tier is the worst F after a single dropout (N−1) instead of F.

    Examples
    --------
    >>> obj = Objective(np.array([2.0]), np.array([2.0]), np.array([[True], [True]]))
    >>> obj.value(np.array([[1.0, 2.0]]))  # half met in phase 1, met in phase 2
    1.5
    """

    weights: FloatArray
    demand: FloatArray
    active: BoolArray
    needs: int | None = None
    resilient: bool = False

    @cached_property
    def share(self) -> FloatArray:
        """:math:`w_f / |P_f|` (0 for a need that counts in no phase)."""
        k = self.active.sum(axis=0)
        return np.where(k > 0, self.weights / np.maximum(k, 1), 0.0)

    @cached_property
    def unit(self) -> FloatArray:
        """F per unit of coverage while a need is unmet: :math:`w_f / (|P_f| d_f)`."""
        return self.share / self.demand

    @cached_property
    def mask(self) -> FloatArray:
        """``active`` as need × phase floats."""
        return np.asarray(self.active.T, dtype=float)

    @property
    def slack(self) -> float:
        """How far below the best F still counts as the best: :data:`F_SLACK` of the
        median need's weight, so the answer does not depend on the weights' scale."""
        w = self.weights[: self._needs]
        w = w[w > 0]
        return F_SLACK * float(np.median(w)) if len(w) else 0.0

    @property
    def m(self) -> int:
        """Columns (needs and reach)."""
        return len(self.weights)

    @property
    def n_phases(self) -> int:
        """Phases."""
        return int(self.active.shape[0])

    # ---------------------------------------------------------------- F
    def satisfaction(self, cov: FloatArray) -> FloatArray:
        """need × phase: :math:`\\min(1, \\mathrm{cov}/d)` where the need counts, else 0."""
        return np.minimum(1.0, cov / self.demand[:, None]) * self.mask

    def by_need_phase(self, cov: FloatArray) -> FloatArray:
        """need × phase: each cell's part of F."""
        return self.satisfaction(cov) * self.share[:, None]

    def by_phase(self, cov: FloatArray) -> FloatArray:
        """F of each phase (the needs' columns only, no reach)."""
        return np.asarray(self.by_need_phase(cov)[: self._needs].sum(axis=0), dtype=float)

    def value(self, cov: FloatArray) -> float:
        """F, reach columns included."""
        return float(self.satisfaction(cov).sum(axis=1) @ self.share)

    def values(self, covs: FloatArray) -> list[float]:
        """:meth:`value` of each of a stack of coverages (k × m × P), in one pass."""
        per_need = self.satisfaction(covs).sum(axis=2)  # broadcast over the stack
        return [float(row @ self.share) for row in per_need]

    def top(self) -> float:
        """The most F any network can have: every need (and reach column) met in every
        phase where it counts."""
        return self.value(np.repeat(self.demand[:, None], self.mask.shape[1], axis=1))

    def needs_value(self, cov: FloatArray) -> float:
        """F of the brief's needs alone (what a composition reports as its coverage)."""
        return float(self.by_phase(cov).sum())

    def reach(self, cov: FloatArray) -> float:
        """What the reach columns add to F."""
        return self.value(cov) - self.needs_value(cov)

    @property
    def _needs(self) -> int:
        return self.m if self.needs is None else self.needs

    def needs_only(self) -> Objective:
        """The same objective without reach columns or resilience."""
        n = self._needs
        return Objective(self.weights[:n], self.demand[:n], self.active[:, :n])

    # ---------------------------------------------------------------- changes
    def gains(self, rows: FloatArray, cov: FloatArray) -> FloatArray:
        """r × P: the gain in F of adding each of ``rows`` (r × m) to each phase alone."""
        resid = np.maximum(0.0, self.demand[:, None] - cov) * self.mask  # m × P
        out = np.empty((rows.shape[0], cov.shape[1]))
        for p in range(cov.shape[1]):
            out[:, p] = np.minimum(rows, resid[:, p][None, :]) @ self.unit
        return out

    def gains_alone(self, coverage: sp.sparray | sp.spmatrix) -> FloatArray:
        """n × P: the gain in F of each candidate (a sparse n × m coverage) in each phase
        of an empty network (:meth:`gains` with no coverage yet, for the whole pool in
        one sparse product per phase)."""
        c = sp.csr_array(coverage, copy=True)
        c.data = np.minimum(c.data, self.demand[c.indices])
        return np.asarray(c @ (self.unit[:, None] * self.mask), dtype=float)

    def without(self, cov: FloatArray, row: FloatArray, present: BoolArray) -> FloatArray:
        """The coverage when a person with coverage ``row`` (m) leaves the phases
        ``present`` (P bool)."""
        return np.asarray(np.maximum(0.0, cov - row[:, None] * present[None, :]), dtype=float)

    def loss_by_phase(self, cov: FloatArray, row: FloatArray, present: BoolArray) -> FloatArray:
        """Per phase: F lost (needs only) if the person leaves the phases ``present``."""
        return np.asarray(
            self.by_phase(cov) - self.by_phase(self.without(cov, row, present)), dtype=float
        )

    def needs_lost(self, cov: FloatArray, row: FloatArray, present: BoolArray) -> BoolArray:
        """Which needs lose satisfaction in some phase if the person leaves."""
        drop = self.satisfaction(cov) - self.satisfaction(self.without(cov, row, present))
        return np.asarray((drop[: self._needs] > 1e-9).any(axis=1), dtype=bool)

    def worst_dropout(self, cov: FloatArray, rows: FloatArray, presence: BoolArray) -> float:
        """F after the single dropout that hurts most (F itself for an empty network).

        ``rows`` (k × m) are the members' coverage, ``presence`` (k × P) their phases.
        """
        worst = self.value(cov)
        for row, present in zip(rows, presence, strict=True):
            worst = min(worst, self.value(self.without(cov, row, present)))
        return worst

    def first_tier(self, cov: FloatArray, rows: FloatArray, presence: BoolArray) -> float:
        """What the first tier maximises: F, or with ``resilient`` the worst dropout's F."""
        if self.resilient:
            return self.worst_dropout(cov, rows, presence)
        return self.value(cov)


def phase_coverage(
    coverage: object, n_phases: int, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> FloatArray:
    """need × phase: the coverage the people present bring (``coverage``: n × m, dense or
    a scipy sparse array)."""
    mat = _csr(coverage)
    out = np.zeros((mat.shape[1], n_phases))
    if len(core):  # the core's rows added one by one in id order, then to every phase
        out += member_rows(mat, sorted(int(i) for i in core)).sum(axis=0)[:, None]
    for row, phs in zip(member_rows(mat, list(phases)), phases.values(), strict=True):
        for p in phs:
            out[:, p] += row
    return out


def _csr(coverage: object) -> sp.csr_array:
    """``coverage`` as a CSR array (itself when it is one)."""
    return coverage if isinstance(coverage, sp.csr_array) else sp.csr_array(coverage)


def member_rows(coverage: object, members: Sequence[int]) -> FloatArray:
    """k × m: the rows ``members`` of ``coverage`` (n × m, dense or a scipy sparse array)
    as a dense array, read off the sparse arrays (indexing a sparse row is slow); entries
    stored twice add up, as ``toarray`` adds them."""
    mat = _csr(coverage)
    out = np.zeros((len(members), mat.shape[1]))
    ptr, idx, data = mat.indptr, mat.indices, mat.data
    for r, i in enumerate(members):
        a, b = ptr[int(i)], ptr[int(i) + 1]
        np.add.at(out[r], idx[a:b], data[a:b])
    return out


def presence(
    n_phases: int, core: Sequence[int], phases: Mapping[int, Sequence[int]]
) -> tuple[list[int], BoolArray]:
    """The members (core first, then participants, each sorted) and their phases (k × P)."""
    members = sorted(int(i) for i in core) + sorted(int(i) for i in phases)
    out = np.zeros((len(members), n_phases), dtype=bool)
    k = len(core)
    out[:k] = True
    for r, i in enumerate(members[k:], start=k):
        out[r, list(phases[i])] = True
    return members, out


def person_hours(
    phase_hours: FloatArray, n_core: int, phases: Mapping[int, Sequence[int]]
) -> float:
    """:math:`H = |C| \\cdot h_{\\text{all}} + \\sum_i \\sum_{p \\in S_i} h_p`."""
    part = sum(float(sum(phase_hours[p] for p in phs)) for phs in phases.values())
    return n_core * float(phase_hours.sum()) + part


def twin_labels(
    n: int, twins: Sequence[tuple[npt.NDArray[np.intp], int]]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Each candidate's near-twin group (-1: none) and each group's cap."""
    label = np.full(n, -1, dtype=np.intp)
    for g, (members, _) in enumerate(twins):
        label[members] = g
    return label, np.array([cap for _, cap in twins], dtype=np.intp)


def fit_tier(
    fit: FloatArray,
    score: FloatArray,
    in_core: BoolArray,
    is_part: BoolArray,
    twin: npt.NDArray[np.intp],
    caps: npt.NDArray[np.intp],
) -> float:
    """The third tier: the core's fit, :data:`PARTICIPANT_SCORE_SHARE` of each
    participant's score, less one per near twin beyond its group's cap in the core.

    ``in_core`` and ``is_part`` are masks over the candidates; ``twin`` and ``caps`` come
    from :func:`twin_labels`.
    """
    out = float(fit[in_core].sum()) + PARTICIPANT_SCORE_SHARE * float(score[is_part].sum())
    if len(caps):
        k = np.bincount(twin[in_core & (twin >= 0)], minlength=len(caps))
        out -= float(np.maximum(0, k - caps).sum())
    return out
