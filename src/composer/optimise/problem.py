"""The coverage problem: its inputs, its result and its objective.

A :class:`CoverageProblem` validates everything once; the rest of the package assumes
clean input. The objective of a selection ``S`` is

.. math::

    F(S) = \\sum_f w_f \\min\\Bigl(1, \\frac{\\sum_{i \\in S} c_{if}}{d_f}\\Bigr)
           + \\lambda \\sum_{i \\in S} s_i,

monotone and submodular [1]_.

References
----------
.. [1] Nemhauser, G. L., Wolsey, L. A. and Fisher, M. L. (1978). "An analysis of
   approximations for maximizing submodular set functions - I". *Mathematical
   Programming* 14, 265-294. doi:10.1007/BF01588971
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]

#: How many ids an infeasibility message spells out.
MAX_IDS = 10


@dataclass(frozen=True, eq=False)
class Quota:
    """A quota: between ``min`` and ``max`` of its members must be selected.

    Parameters
    ----------
    members : array_like of int or of bool
        The candidates the quota counts: row indices into the coverage matrix, or a
        boolean mask with one entry per candidate.
    min : int, default 0
        At least this many members must be selected.
    max : int or None, default None
        At most this many members may be selected (None: no upper limit).
    name : str, default ""
        A human label used in error messages, e.g. ``"actor_type=politician"``.

    Raises
    ------
    ValueError
        If ``min`` is negative, ``max`` is below ``min``, or ``members`` is neither a
        1-D integer array nor a 1-D boolean mask.

    Examples
    --------
    >>> q = Quota([0, 2], min=1, max=1, name="orientation=inside")
    >>> q.members, q.min, q.max
    (array([0, 2]), 1, 1)
    """

    members: npt.ArrayLike
    min: int = 0
    max: int | None = None
    name: str = ""

    def __post_init__(self) -> None:
        label = f"quota {self.name!r}" if self.name else "quota"
        if isinstance(self.min, bool) or not isinstance(self.min, int | np.integer):
            raise ValueError(f"{label}: min={self.min!r} should be an int >= 0")
        if self.min < 0:
            raise ValueError(f"{label}: min={self.min} should be >= 0")
        if self.max is not None:
            if isinstance(self.max, bool) or not isinstance(self.max, int | np.integer):
                raise ValueError(f"{label}: max={self.max!r} should be an int or None")
            if self.max < self.min:
                raise ValueError(f"{label}: max={self.max} should be >= min={self.min}")
        members = np.asarray(self.members)
        if members.ndim != 1:
            raise ValueError(f"{label}: members should be 1-D, got shape {members.shape}")
        if members.size == 0:
            members = members.astype(np.intp)
        elif members.dtype != np.bool_ and not np.issubdtype(members.dtype, np.integer):
            raise ValueError(
                f"{label}: members should be candidate indices (int) or a boolean mask, "
                f"got dtype {members.dtype}"
            )
        members = members.copy()
        members.setflags(write=False)
        object.__setattr__(self, "members", members)
        object.__setattr__(self, "min", int(self.min))
        object.__setattr__(self, "max", None if self.max is None else int(self.max))


def _as_vector(name: str, value: npt.ArrayLike, size: int, minimum: float) -> FloatArray:
    """A read-only float64 vector of ``size`` finite entries >= ``minimum``; else ValueError."""
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim != 1 or arr.shape[0] != size:
        raise ValueError(f"{name} should have shape ({size},), got {arr.shape}")
    bad = np.flatnonzero(~(np.isfinite(arr) & (arr >= minimum)))
    if bad.size:
        k = int(bad[0])
        more = f" ({bad.size} entries are out of range)" if bad.size > 1 else ""
        raise ValueError(
            f"{name}[{k}]={float(arr[k])!r} should be a finite number >= {minimum:g}{more}"
        )
    arr = arr.copy()
    arr.setflags(write=False)
    return arr


def _as_indices(name: str, value: npt.ArrayLike, n: int) -> IntArray:
    """Sorted unique candidate indices from an index list or a boolean mask; else ValueError."""
    arr = np.asarray(value)
    if arr.ndim != 1:
        raise ValueError(f"{name} should be 1-D, got shape {arr.shape}")
    if arr.size == 0:
        out = np.zeros(0, dtype=np.intp)
    elif arr.dtype == np.bool_:
        if arr.shape[0] != n:
            raise ValueError(f"{name} is a boolean mask of {arr.shape[0]} entries, expected {n}")
        out = np.flatnonzero(arr).astype(np.intp)
    elif np.issubdtype(arr.dtype, np.integer):
        bad = np.flatnonzero((arr < 0) | (arr >= n))
        if bad.size:
            k = int(bad[0])
            raise ValueError(f"{name}[{k}]={arr[k]} should be in [0, {n - 1}]")
        out = np.unique(arr).astype(np.intp)
    else:
        raise ValueError(f"{name} should hold candidate indices (int) or be a boolean mask")
    out.setflags(write=False)
    return out


def _as_coverage(coverage: Any) -> Any:
    """CSR float64 copy of ``coverage`` (duplicates summed), entries in [0, 1]; else ValueError."""
    if sp.issparse(coverage):
        matrix = sp.csr_array(coverage, dtype=np.float64, copy=True)
    else:
        dense = np.asarray(coverage, dtype=np.float64)
        if dense.ndim != 2:
            raise ValueError(f"coverage should be 2-D, got shape {dense.shape}")
        matrix = sp.csr_array(dense)
    matrix.sum_duplicates()
    matrix.sort_indices()
    matrix.indptr = matrix.indptr.astype(np.int64, copy=False)
    matrix.indices = matrix.indices.astype(np.int64, copy=False)
    data = matrix.data
    bad = np.flatnonzero(~((data >= 0.0) & (data <= 1.0)))  # NaN fails both
    if bad.size:
        k = int(bad[0])
        row = int(np.searchsorted(matrix.indptr, k, side="right") - 1)
        more = f" ({bad.size} entries are out of range)" if bad.size > 1 else ""
        raise ValueError(
            f"coverage[{row}, {int(matrix.indices[k])}]={float(data[k])!r} should be in [0, 1]{more}"
        )
    return matrix


def _as_quota(k: int, quota: Any, n: int) -> Quota:
    """``quotas[k]`` with its members as sorted candidate indices; else ValueError."""
    if not isinstance(quota, Quota):
        raise ValueError(f"quotas[{k}] should be a Quota, got {type(quota).__name__}")
    label = f"quotas[{k}] ({quota.name}).members" if quota.name else f"quotas[{k}].members"
    return Quota(_as_indices(label, quota.members, n), quota.min, quota.max, quota.name)


class CoverageProblem:
    """A validated coverage problem: who covers which needs, and the rules of the choice.

    All inputs are checked once, here; :func:`solve` and :func:`objective` trust them.

    Parameters
    ----------
    coverage : scipy sparse matrix or array_like, shape (n_candidates, n_needs)
        ``coverage[i, f]`` in [0, 1]: how much candidate ``i`` covers need ``f``.
        Stored as CSR float64 (a copy, duplicates summed).
    weights : array_like, shape (n_needs,)
        Importance of each need, >= 0.
    demand : array_like, shape (n_needs,)
        Coverage a need asks for before it counts as met, >= 1 (floats allowed).
    scores : array_like, shape (n_candidates,), optional
        A per-candidate score >= 0 added with ``score_weight`` (default zeros).
    score_weight : float, default 0.0
        Weight :math:`\\lambda \\ge 0` of the scores in the objective.
    min_size, max_size : int
        Bounds on the number of candidates selected. ``max_size=None`` means no upper
        limit (all candidates).
    quotas : sequence of Quota
        Minimum and maximum counts over groups of candidates.
    include, exclude : array_like of int or of bool
        Candidates that must be / must not be selected (indices or boolean masks).
    candidate_names : sequence of str, optional
        Labels (e.g. ids) used in error messages instead of row indices.

    Attributes
    ----------
    coverage : scipy.sparse.csr_array
        The coverage matrix, CSR float64 with sorted indices and no duplicates.
    weights, demand, scores : ndarray of float64
        Read-only copies of the inputs.
    score_weight : float
    min_size, max_size : int
        ``max_size`` is the number of candidates when no limit was given.
    quotas : tuple of Quota
        The quotas with ``members`` normalised to sorted candidate indices.
    include, exclude : ndarray of intp
        Sorted unique candidate indices.
    candidate_names : tuple of str or None

    Raises
    ------
    ValueError
        On a bad shape, a value out of range (NaN included), an index out of range, or
        ``min_size > max_size``; the message shows the bad value and the allowed range.

    Examples
    --------
    >>> import numpy as np
    >>> problem = CoverageProblem(
    ...     np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0]]),
    ...     weights=[2.0, 1.0],
    ...     demand=[1, 1],
    ...     max_size=2,
    ... )
    >>> problem.n_candidates, problem.n_needs, problem.coverage.format
    (3, 2, 'csr')
    >>> CoverageProblem(np.ones((2, 2)), weights=[1, 1], demand=[1, 0.5])
    Traceback (most recent call last):
    ...
    ValueError: demand[1]=0.5 should be a finite number >= 1
    """

    def __init__(
        self,
        coverage: Any,
        weights: npt.ArrayLike,
        demand: npt.ArrayLike,
        scores: npt.ArrayLike | None = None,
        score_weight: float = 0.0,
        min_size: int = 0,
        max_size: int | None = None,
        quotas: Sequence[Quota] = (),
        include: npt.ArrayLike = (),
        exclude: npt.ArrayLike = (),
        candidate_names: Sequence[str] | None = None,
    ) -> None:
        matrix = _as_coverage(coverage)
        n, m = (int(s) for s in matrix.shape)
        self.coverage = matrix
        self.weights = _as_vector("weights", weights, m, 0.0)
        self.demand = _as_vector("demand", demand, m, 1.0)
        self.scores = _as_vector("scores", np.zeros(n) if scores is None else scores, n, 0.0)
        sw = float(score_weight)
        if not (math.isfinite(sw) and sw >= 0.0):
            raise ValueError(f"score_weight={score_weight!r} should be a finite number >= 0")
        self.score_weight = sw
        for label, size in (("min_size", min_size), ("max_size", max_size)):
            if size is not None and (
                isinstance(size, bool) or not isinstance(size, int | np.integer) or size < 0
            ):
                raise ValueError(f"{label}={size!r} should be an int >= 0")
        self.min_size = int(min_size)
        self.max_size = n if max_size is None else int(max_size)
        if self.min_size > self.max_size:
            raise ValueError(f"min_size={self.min_size} should be <= max_size={self.max_size}")
        normalised = [_as_quota(k, quota, n) for k, quota in enumerate(quotas)]
        self.quotas: tuple[Quota, ...] = tuple(normalised)
        self.include = _as_indices("include", include, n)
        self.exclude = _as_indices("exclude", exclude, n)
        if candidate_names is None:
            self.candidate_names: tuple[str, ...] | None = None
        else:
            names = tuple(str(x) for x in candidate_names)
            if len(names) != n:
                raise ValueError(f"candidate_names has {len(names)} entries, expected {n}")
            self.candidate_names = names

    @property
    def n_candidates(self) -> int:
        """Number of candidates (rows of ``coverage``)."""
        return int(self.coverage.shape[0])

    @property
    def n_needs(self) -> int:
        """Number of needs (columns of ``coverage``)."""
        return int(self.coverage.shape[1])

    def __repr__(self) -> str:
        return (
            f"CoverageProblem(n_candidates={self.n_candidates}, n_needs={self.n_needs}, "
            f"nnz={self.coverage.nnz}, min_size={self.min_size}, max_size={self.max_size}, "
            f"quotas={len(self.quotas)}, include={self.include.size}, "
            f"exclude={self.exclude.size})"
        )

    def label(self, i: int) -> str:
        """How messages name candidate ``i``: its name if names were given, else its index."""
        return self.candidate_names[i] if self.candidate_names is not None else str(i)

    def labels(self, idx: npt.ArrayLike, limit: int = MAX_IDS) -> str:
        """Up to ``limit`` candidate labels, comma-separated, with a count of the rest."""
        items = [self.label(int(i)) for i in np.asarray(idx).ravel()]
        text = ", ".join(items[:limit])
        if len(items) > limit:
            text += f" and {len(items) - limit} more"
        return text


@dataclass(frozen=True, eq=False)
class Selection:
    """The result of :func:`solve`.

    Attributes
    ----------
    selected : ndarray of intp
        The chosen candidates' row indices, sorted.
    objective : float
        :math:`F` of ``selected``, recomputed from scratch.
    method : {"greedy", "exact"}
        The method that produced ``selected``.
    optimal : bool
        True when ``selected`` is proven optimal.
    upper_bound : float or None
        A proven upper bound on the optimum when one is known: the MILP's dual bound,
        or for greedy the bound :math:`F(S) + \\sum` of the largest marginal gains [1]_.
    note : str
        How the result came about, e.g. why ``method="auto"`` kept the greedy answer.
    """

    selected: IntArray
    objective: float
    method: Literal["greedy", "exact"]
    optimal: bool
    upper_bound: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        selected = np.array(self.selected, dtype=np.intp)
        selected.setflags(write=False)
        object.__setattr__(self, "selected", selected)


def _row_positions(indptr: npt.NDArray[np.int64], rows: IntArray) -> tuple[IntArray, IntArray]:
    """Positions in ``data``/``indices`` of the given CSR rows, and each one's row number."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum())
    rowid = np.repeat(np.arange(rows.size, dtype=np.intp), lengths)
    offsets = np.cumsum(lengths) - lengths
    pos = np.arange(total, dtype=np.intp) + np.repeat(starts - offsets, lengths)
    return pos.astype(np.intp, copy=False), rowid


def _objective(problem: CoverageProblem, selected: IntArray) -> float:
    """F of a clean index array (no validation)."""
    matrix = problem.coverage
    pos, _ = _row_positions(matrix.indptr, selected)
    level = np.bincount(matrix.indices[pos], weights=matrix.data[pos], minlength=problem.n_needs)
    met = np.minimum(1.0, level / problem.demand)
    value = float(problem.weights @ met)
    return value + problem.score_weight * float(problem.scores[selected].sum())


def objective(problem: CoverageProblem, selected: npt.ArrayLike) -> float:
    """The objective :math:`F` of a selection.

    .. math::

        F(S) = \\sum_f w_f \\min(1, \\sum_{i \\in S} c_{if} / d_f)
               + \\lambda \\sum_{i \\in S} s_i

    Parameters
    ----------
    problem : CoverageProblem
    selected : array_like of int or of bool
        Candidate indices (each at most once) or a boolean mask.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If an index is out of range or appears twice.

    Examples
    --------
    >>> import numpy as np
    >>> problem = CoverageProblem(np.array([[1.0, 0.0], [0.5, 0.5]]), [2, 1], [1, 1])
    >>> objective(problem, [0])
    2.0
    >>> objective(problem, [0, 1])  # need 0 is already met: only need 1 gains
    2.5
    """
    arr = np.asarray(selected)
    idx = _as_indices("selected", arr, problem.n_candidates)
    if arr.dtype != np.bool_ and idx.size != arr.size:
        values, counts = np.unique(arr, return_counts=True)
        raise ValueError(f"selected has candidate {int(values[counts > 1][0])} more than once")
    return _objective(problem, idx)


def _replace(selection: Selection, **changes: Any) -> Selection:
    from dataclasses import replace

    return replace(selection, **changes)
