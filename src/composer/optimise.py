"""Choose the group that covers the most weighted needs.

The optimiser works on plain matrices, so other tools can use it without pools or
briefs. Row ``i`` of the coverage matrix says how much candidate ``i`` covers each need
(a value in [0, 1]); a need ``f`` is fully met once the chosen candidates' coverage adds
up to its ``demand[f]``. The objective of a selection ``S`` is

.. math::

    F(S) = \\sum_f w_f \\min\\Bigl(1, \\frac{\\sum_{i \\in S} c_{if}}{d_f}\\Bigr)
           + \\lambda \\sum_{i \\in S} s_i,

with ``weights`` :math:`w`, ``demand`` :math:`d`, ``scores`` :math:`s` and
``score_weight`` :math:`\\lambda`. :math:`F` is monotone and submodular: a second
person for a need that is already met adds nothing (diminishing returns).

:func:`solve` maximises :math:`F` under size limits, quotas, and forced inclusions and
exclusions, either with a lazy greedy [2]_ (the classic :math:`1 - 1/e` algorithm of [1]_
made fast) improved by a local search (one-in-one-out swaps, two-out-two-in moves and
seeded perturbation rounds), or with an exact mixed-integer programme (HiGHS through
:func:`scipy.optimize.milp`), or with both (``method="auto"``).

The hot paths are vectorised over the sparse matrix: the gains of all candidates on
their own are one sparse matrix-vector product, candidates are ranked block by block
(``np.partition``) so only the top of a large pool is ever sorted, lazy re-evaluations
read one CSR row each, and the swap scan stops at the first candidate whose gain on its
own cannot beat the smallest loss (submodularity).

Quotas are checked on their *types*: a candidate's type is the set of quotas it belongs
to. Whether a partial selection can still be completed depends only on the per-quota
counts, the free slots and how many candidates of each type are left, so every greedy
step and every swap is checked exactly on that small problem, and the search never ends
in a dead end.

References
----------
.. [1] Nemhauser, G. L., Wolsey, L. A. and Fisher, M. L. (1978). "An analysis of
   approximations for maximizing submodular set functions - I". *Mathematical
   Programming* 14, 265-294. doi:10.1007/BF01588971
.. [2] Minoux, M. (1978). "Accelerated greedy algorithms for maximizing submodular set
   functions". In *Optimization Techniques*, Lecture Notes in Control and Information
   Sciences 7, 234-243. doi:10.1007/BFb0006528
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from composer.errors import InfeasibleError

__all__ = ["CoverageProblem", "Quota", "Selection", "objective", "solve"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]

#: ``method="auto"`` skips the exact search above this many candidates.
AUTO_EXACT_MAX_CANDIDATES = 200_000
#: Default time limit (seconds) of the exact search inside ``method="auto"``.
AUTO_TIME_LIMIT = 5.0
#: How many ids an infeasibility message spells out.
MAX_IDS = 10
#: Search nodes the type-level completion check may visit before it asks HiGHS instead.
_DFS_NODE_BUDGET = 20_000
#: Candidates ranked by the first block of the greedy's sorted order (it grows 4x a block).
_FIRST_BLOCK = 1024
#: Rounds of the perturbation search (iterated local search) after the swaps.
_KICK_ROUNDS = 30
#: At most this share of the selection is dropped in one perturbation round.
_KICK_FRACTION = 0.5
#: The two-out-two-in search looks at most at this many candidates (highest g0 first)...
_PAIR_POOL = 5000
#: ...and tries this many first additions for each pair dropped.
_PAIR_LOOKAHEAD = 5
#: Pair moves are tried only on selections of at most this many (66 pairs at 12).
_PAIR_MAX_SIZE = 40


# --------------------------------------------------------------------------- inputs


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
        normalised = []
        for k, quota in enumerate(quotas):
            if not isinstance(quota, Quota):
                raise ValueError(f"quotas[{k}] should be a Quota, got {type(quota).__name__}")
            label = f"quotas[{k}] ({quota.name}).members" if quota.name else f"quotas[{k}].members"
            members = _as_indices(label, quota.members, n)
            normalised.append(Quota(members, quota.min, quota.max, quota.name))
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


# ------------------------------------------------------------------------ objective


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


# ----------------------------------------------------------------- quota type model


class _Budget(Exception):
    """The completion check's search went over its node budget."""


class _Types:
    """The quotas seen through candidate types (the set of quotas a candidate is in).

    Prior validation of the problem is assumed.
    """

    def __init__(self, problem: CoverageProblem) -> None:
        n = problem.n_candidates
        self.problem = problem
        # Quotas that can bind; the others are ignored by the search.
        self.quota_ids = [
            k
            for k, q in enumerate(problem.quotas)
            if q.min > 0 or (q.max is not None and q.max < min(n, problem.max_size))
        ]
        quotas = [problem.quotas[k] for k in self.quota_ids]
        self.lo = tuple(q.min for q in quotas)
        self.hi = tuple(q.max for q in quotas)
        self.lo_arr = np.array(self.lo, dtype=np.int64)
        self.hi_arr = np.array([np.inf if h is None else h for h in self.hi], dtype=np.float64)
        n_q = len(quotas)
        member: npt.NDArray[Any]
        if n_q <= 16:
            code = np.zeros(n, dtype=np.int64)
            for bit, q in enumerate(quotas):
                code[np.asarray(q.members, dtype=np.intp)] |= np.int64(1) << bit
            present = np.flatnonzero(np.bincount(code, minlength=1 << n_q))
            lut = np.full(1 << n_q, -1, dtype=np.intp)
            lut[present] = np.arange(present.size)
            self.type_of: IntArray = lut[code]
            bits = np.arange(n_q, dtype=np.int64)
            member = (present[:, None] >> bits[None, :]) & 1
        else:  # many quotas (e.g. one per group of near-identical candidates)
            flags = np.zeros((n, n_q), dtype=bool)
            for bit, q in enumerate(quotas):
                flags[np.asarray(q.members, dtype=np.intp), bit] = True
            packed = np.packbits(flags, axis=1, bitorder="little")
            rows, inverse = np.unique(packed, axis=0, return_inverse=True)
            self.type_of = inverse.reshape(-1).astype(np.intp)
            member = np.unpackbits(rows, axis=1, count=n_q, bitorder="little")
        #: ``member[t, q]`` is 1 when type ``t`` belongs to quota ``q``.
        self.member: npt.NDArray[np.int64] = np.asarray(member, dtype=np.int64)
        self.type_quotas = [tuple(np.flatnonzero(row).tolist()) for row in self.member]
        # Memberships in quotas with a max: the scarce resource when completing a selection.
        self.n_capped = self.member[:, np.isfinite(self.hi_arr)].sum(axis=1)
        # Search order: types in many quotas first, the type in none last.
        self.order = sorted(range(self.n_types), key=lambda t: (-len(self.type_quotas[t]), t))
        self._cache: dict[tuple[tuple[int, ...], int, tuple[int, ...]], bool] = {}
        self._allowed_cache: dict[tuple[tuple[int, ...], int, tuple[int, ...]], list[int]] = {}

    @property
    def n_types(self) -> int:
        return int(self.member.shape[0])

    def counts_of(self, idx: IntArray) -> tuple[int, ...]:
        """Per active quota, how many of ``idx`` are members."""
        per_type = np.bincount(self.type_of[idx], minlength=self.n_types)
        return tuple(int(c) for c in per_type @ self.member)

    def avail_of(self, mask: BoolArray) -> list[int]:
        """Per type, how many candidates ``mask`` marks."""
        return [int(k) for k in np.bincount(self.type_of[mask], minlength=self.n_types)]

    def plus(self, counts: Sequence[int], t: int, sign: int = 1) -> tuple[int, ...]:
        new = list(counts)
        for q in self.type_quotas[t]:
            new[q] += sign
        return tuple(new)

    def valid(self, counts: Sequence[int]) -> bool:
        """Whether the counts meet every quota's min and max."""
        return all(
            lo <= c and (hi is None or c <= hi)
            for c, lo, hi in zip(counts, self.lo, self.hi, strict=True)
        )

    def valid_after(self, counts: Sequence[int]) -> BoolArray:
        """Per type ``t``: whether ``counts`` plus one member of type ``t`` meets every quota."""
        new = np.asarray(counts, dtype=np.int64) + self.member
        return np.asarray(((new >= self.lo_arr) & (new <= self.hi_arr)).all(axis=1))

    def allowed(self, counts: tuple[int, ...], size: int, avail: Sequence[int]) -> list[int]:
        """Types one more of which keeps a selection with these counts completable.

        Decided for all types at once where possible: a type is surely out when it
        would break a max or leave too few slots for the minimums, surely in when it
        extends a completion found greedily; only the rest get the exact check.
        """
        problem = self.problem
        room = problem.max_size - size
        if room <= 0:
            return []
        capped = tuple(min(a, room) for a in avail)
        key = (counts, size, capped)
        hit = self._allowed_cache.get(key)
        if hit is not None:
            return hit
        av = np.asarray(capped, dtype=np.int64)
        cnt = np.asarray(counts, dtype=np.int64)
        new = cnt + self.member
        maybe = (av > 0) & (new <= self.hi_arr).all(axis=1)
        short = np.maximum(self.lo_arr - new, 0).max(axis=1, initial=0)
        maybe &= np.maximum(short, problem.min_size - size - 1) <= room - 1
        sure = np.zeros(self.n_types, dtype=bool)
        extra = self._complete(cnt, size, av)
        if extra is not None:
            sure |= extra > 0  # part of that completion
            total = int(extra.sum())
            if size + 1 + total <= problem.max_size:
                with_extra = cnt + extra @ self.member + self.member
                sure |= (av - extra >= 1) & (with_extra <= self.hi_arr).all(axis=1)
        sure &= maybe
        out = [int(t) for t in np.flatnonzero(maybe)]
        out = [t for t in out if sure[t] or self._extends(counts, size, capped, t)]
        self._allowed_cache[key] = out
        return out

    def _extends(self, counts: tuple[int, ...], size: int, avail: Sequence[int], t: int) -> bool:
        """Whether one more of type ``t`` keeps the selection completable (exact)."""
        after = self.plus(counts, t)
        left = list(avail)
        left[t] -= 1
        arr = np.asarray(left, dtype=np.int64)
        if self._complete(np.asarray(after, dtype=np.int64), size + 1, arr) is not None:
            return True
        return self.completable(after, size + 1, left)

    def _complete(
        self, counts: npt.NDArray[np.int64], size: int, avail: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64] | None:
        """Extra members per type that complete the selection, built greedily, or None.

        Meets the minimums first with types that count for the most unmet quotas (and
        use the least capped quota room), then min_size with the least constrained
        types. None when this greedy construction fails, which does not prove that no
        completion exists.
        """
        problem = self.problem
        member, hi = self.member, self.hi_arr
        cnt = counts.copy()
        left = avail.copy()
        extra = np.zeros(self.n_types, dtype=np.int64)
        total = size
        while True:
            short = self.lo_arr - cnt > 0
            if not short.any() and total >= problem.min_size:
                return extra
            if total >= problem.max_size:
                return None
            ok = (left > 0) & (cnt + member <= hi).all(axis=1)
            if short.any():
                helps = member[:, short].sum(axis=1)
                ok &= helps > 0
                score = helps * (self.n_capped.max(initial=0) + 1) - self.n_capped
            else:
                score = -self.n_capped
            if not ok.any():
                return None
            if not short.any():  # only min_size is left: take uncapped types in bulk
                free = np.flatnonzero(ok & (self.n_capped == 0))
                if free.size:
                    before = np.cumsum(left[free]) - left[free]
                    take = np.clip(problem.min_size - total - before, 0, left[free])
                    extra[free] += take
                    left[free] -= take
                    total += int(take.sum())
                    continue
            t = int(np.argmax(np.where(ok, score, np.iinfo(np.int64).min)))
            extra[t] += 1
            left[t] -= 1
            cnt += member[t]
            total += 1

    def completable(self, counts: tuple[int, ...], size: int, avail: Sequence[int]) -> bool:
        """Whether a selection with these quota counts and size can be completed.

        ``avail[t]`` is the number of unselected, choosable candidates of type ``t``.
        """
        problem = self.problem
        room = problem.max_size - size
        if room < 0 or any(h is not None and c > h for c, h in zip(counts, self.hi, strict=True)):
            return False
        capped = tuple(min(a, room) for a in avail)
        key = (counts, size, capped)
        hit = self._cache.get(key)
        if hit is None:
            need = problem.min_size - size
            try:
                hit = self._dfs(counts, room, need, capped)
            except _Budget:
                hit = self._ilp(counts, room, need, capped, None) is not None
            self._cache[key] = hit
        return hit

    def _dfs(self, counts: tuple[int, ...], room: int, need: int, avail: tuple[int, ...]) -> bool:
        lo, hi, tq = self.lo, self.hi, self.type_quotas
        order = [t for t in self.order if avail[t] > 0]
        n_q, n_t = len(lo), len(order)
        with_min = [q for q in range(n_q) if lo[q] > 0]
        suffix = [[0] * n_q for _ in range(n_t + 1)]
        suffix_all = [0] * (n_t + 1)
        for pos in range(n_t - 1, -1, -1):
            t = order[pos]
            suffix[pos] = list(suffix[pos + 1])
            for q in tq[t]:
                suffix[pos][q] += avail[t]
            suffix_all[pos] = suffix_all[pos + 1] + avail[t]
        failed: set[tuple[int, tuple[int, ...], int]] = set()
        visited = 0

        def rec(pos: int, cnt: tuple[int, ...], total: int) -> bool:
            nonlocal visited
            left = room - total
            met = True
            for q in with_min:
                deficit = lo[q] - cnt[q]
                if deficit > 0:
                    if deficit > left or deficit > suffix[pos][q]:
                        return False
                    met = False
            if need - total > min(left, suffix_all[pos]):
                return False
            if (met and total >= need) or pos == n_t:  # the maxes hold all along
                return True
            key = (pos, cnt, total)
            if key in failed:
                return False
            visited += 1
            if visited > _DFS_NODE_BUDGET:
                raise _Budget
            t = order[pos]
            top = min(avail[t], left)
            for q in tq[t]:
                h = hi[q]
                if h is not None:
                    top = min(top, h - cnt[q])
            for x in range(top, -1, -1):
                new = list(cnt)
                for q in tq[t]:
                    new[q] += x
                if rec(pos + 1, tuple(new), total + x):
                    return True
            failed.add(key)
            return False

        return rec(0, counts, 0)

    def _ilp(
        self,
        counts: Sequence[int],
        room: int | None,
        need: int,
        avail: Sequence[int],
        sense: int | None,
        quota_subset: Sequence[int] | None = None,
    ) -> int | None:
        """Solve the type-level problem with HiGHS.

        Returns the min (``sense=1``) or max (``sense=-1``) number of extra candidates,
        or any feasible number (``sense=None``); None when infeasible.
        """
        from scipy.optimize import Bounds, LinearConstraint, milp

        n_t = self.n_types
        qs = list(range(len(self.lo)) if quota_subset is None else quota_subset)
        cnt = np.asarray(counts, dtype=np.float64)[qs]
        rows = np.vstack([self.member[:, qs].T.astype(np.float64), np.ones((1, n_t))])
        lbs = np.append(self.lo_arr[qs] - cnt, max(need, 0))
        ubs = np.append(self.hi_arr[qs] - cnt, np.inf if room is None else room)
        res = milp(
            c=np.full(n_t, 0.0 if sense is None else float(sense)),
            constraints=LinearConstraint(rows, lbs, ubs),
            integrality=np.ones(n_t),
            bounds=Bounds(np.zeros(n_t), np.asarray(avail, dtype=np.float64)),
        )
        if res.status != 0 or res.x is None:
            return None
        return round(float(np.sum(res.x)))


# ---------------------------------------------------------------- infeasibility


def _check_feasible(problem: CoverageProblem, types: _Types) -> None:
    """Raise InfeasibleError, naming every unmet constraint, when no selection exists."""
    n = problem.n_candidates
    inc, exc = problem.include, problem.exclude
    max_size, min_size = problem.max_size, problem.min_size
    reasons: list[str] = []
    relax: list[str] = []

    both = np.intersect1d(inc, exc)
    if both.size:
        who = problem.labels(both)
        verb = "is" if both.size == 1 else "are"
        word = "candidate" if both.size == 1 else "candidates"
        reasons.append(f"{word} {who} {verb} in both include and exclude")
        relax.append(f"remove {who} from include or from exclude")
    if inc.size > max_size:
        excess = inc.size - max_size
        reasons.append(f"include has {inc.size} candidates but max_size is {max_size}")
        relax.append(
            f"drop {excess} id{'s' if excess > 1 else ''} from include "
            f"or raise max_size to {inc.size}"
        )
    choosable = np.ones(n, dtype=bool)
    choosable[exc] = False
    n_choosable = int(choosable.sum())
    if min_size > n_choosable:
        reasons.append(f"min_size {min_size} but only {n_choosable} candidates can be chosen")
        relax.append(
            f"lower min_size to {n_choosable}" + (" or take ids out of exclude" if exc.size else "")
        )
    in_include = np.zeros(n, dtype=bool)
    in_include[inc] = True
    for k, quota in enumerate(problem.quotas):
        name = quota.name or f"#{k}"
        members = np.asarray(quota.members, dtype=np.intp)
        forced = members[in_include[members]]
        if quota.max is not None and forced.size > quota.max:
            excess = forced.size - quota.max
            reasons.append(
                f"quota {name} max {quota.max}: include already has {forced.size} of its "
                f"members ({problem.labels(forced)})"
            )
            relax.append(
                f"drop {excess} of them from include or raise the max of quota {name} "
                f"to {forced.size}"
            )
        can = members[choosable[members]]
        if quota.min > can.size:
            word = "candidate" if can.size == 1 else "candidates"
            ids = f" ({problem.labels(can)})" if can.size else ""
            reasons.append(
                f"quota {name} min {quota.min}: only {can.size} {word} can be chosen{ids}"
            )
            hint = " or take its members out of exclude" if can.size < members.size else ""
            relax.append(f"lower the min of quota {name} to {can.size}{hint}")
        elif quota.min > max_size:
            reasons.append(f"quota {name} min {quota.min} but max_size is {max_size}")
            relax.append(
                f"lower the min of quota {name} to {max_size} or raise max_size to {quota.min}"
            )
    if reasons:
        raise InfeasibleError(reasons, relax)

    counts = types.counts_of(inc)
    pool = choosable & ~in_include
    avail = types.avail_of(pool)
    if types.completable(counts, int(inc.size), avail):
        return
    # The simple checks passed but the constraints conflict together: find out how.
    fewest = types._ilp(counts, None, 0, avail, 1)
    if fewest is None:
        _raise_quota_conflict(problem, types, counts, avail)
    assert fewest is not None
    if inc.size + fewest > max_size:
        need = int(inc.size) + fewest
        reasons.append(f"quotas together need at least {need} people but max_size is {max_size}")
        relax.append(f"raise max_size to {need} or lower the quotas' minimums")
    else:
        most = types._ilp(counts, None, 0, avail, -1)
        most_total = int(inc.size) + (most or 0)
        if most is not None and most_total < min_size:
            reasons.append(
                f"the quotas' maximums allow at most {most_total} people but min_size is {min_size}"
            )
            relax.append(f"lower min_size to {most_total} or raise the quotas' maximums")
        else:  # pragma: no cover - the checks above cover every case found so far
            reasons.append("sizes, quotas, include and exclude cannot all be met together")
            relax.append("relax max_size, min_size or a quota")
    raise InfeasibleError(reasons, relax)


def _raise_quota_conflict(
    problem: CoverageProblem, types: _Types, counts: Sequence[int], avail: Sequence[int]
) -> None:
    """Raise InfeasibleError naming a pair of quotas that cannot both be met."""
    names = [problem.quotas[k].name or f"#{k}" for k in types.quota_ids]

    def describe(q: int) -> str:
        hi = types.hi[q]
        return f"{names[q]} (min {types.lo[q]}, max {'none' if hi is None else hi})"

    n_q = len(types.lo)
    for a in range(n_q):
        for b in range(n_q):
            if b == a or (types.lo[b] > 0 and b < a) or types.lo[a] == 0:
                continue  # a conflict needs a minimum; each pair is tried once
            if types._ilp(counts, None, 0, avail, None, (a, b)) is None:
                raise InfeasibleError(
                    [
                        f"quotas {describe(a)} and {describe(b)} cannot both be met "
                        "with the candidates that can be chosen"
                    ],
                    ["lower the min of one of them or raise the max of the other"],
                )
    raise InfeasibleError(  # pragma: no cover - needs three mutually conflicting quotas
        ["the quotas cannot all be met together with the candidates that can be chosen"],
        ["lower a quota's min or raise a quota's max"],
    )


# ------------------------------------------------------------------ greedy search


class _Sorted:
    """Candidates of one type in descending initial gain (ties: lowest index first).

    Sorted block by block with ``np.partition``, so only the top of a large type is ever
    sorted; the sorted prefix is kept and shared by every pass of the search.
    """

    def __init__(self, candidates: IntArray, g0: FloatArray, block: int) -> None:
        self._rest = candidates  # ascending indices not sorted yet
        self._g0 = g0
        self._block = block
        self.order: IntArray = np.zeros(0, dtype=np.intp)
        self._neg: FloatArray = np.zeros(0)  # -g0 along order (ascending)

    def get(self, pos: int) -> int | None:
        """The candidate at rank ``pos`` (0 = highest g0), or None past the end."""
        while pos >= self.order.size:
            if not self._refill():
                return None
        return int(self.order[pos])

    def above(self, threshold: float) -> IntArray:
        """Every candidate whose g0 exceeds ``threshold``."""
        while self._rest.size and (self.order.size == 0 or self._g0[self.order[-1]] > threshold):
            self._refill()
        return self.order[: int(np.searchsorted(self._neg, -threshold, side="left"))]

    def _refill(self) -> bool:
        rest = self._rest
        if rest.size == 0:
            return False
        values = self._g0[rest]
        if rest.size <= self._block:
            take = np.ones(rest.size, dtype=bool)
        else:
            kth = rest.size - self._block
            threshold = np.partition(values, kth)[kth]
            take = values > threshold
            ties = np.flatnonzero(values == threshold)[: self._block - int(take.sum())]
            take[ties] = True
        chosen = rest[take]
        rank = np.argsort(-values[take], kind="stable")
        self._rest = rest[~take]
        self.order = np.concatenate([self.order, chosen[rank]])
        self._neg = np.concatenate([self._neg, -values[take][rank]])
        self._block *= 4
        return True


def _entries_of(
    sorted_needs: npt.NDArray[Any], by_need: IntArray, needs: npt.NDArray[Any]
) -> IntArray:
    """Positions (into the arrays ``by_need`` sorts) of the entries whose need is in ``needs``."""
    lo = np.searchsorted(sorted_needs, needs, side="left")
    hi = np.searchsorted(sorted_needs, needs, side="right")
    return np.concatenate([by_need[s:e] for s, e in zip(lo, hi, strict=True)] or [by_need[:0]])


class _Search:
    """Greedy, swap and perturbation search state. Prior validation is assumed."""

    def __init__(
        self,
        problem: CoverageProblem,
        types: _Types,
        rng: np.random.Generator,
        deadline: float | None,
    ) -> None:
        matrix = problem.coverage
        n = problem.n_candidates
        self.problem = problem
        self.types = types
        self.rng = rng
        self.deadline = deadline
        self.indptr: npt.NDArray[np.int64] = matrix.indptr
        self.indices: npt.NDArray[np.int64] = matrix.indices
        self.data: FloatArray = matrix.data
        self.w = problem.weights
        self.inv_d = 1.0 / problem.demand
        self.bonus = problem.score_weight * problem.scores
        # Gain of each candidate on its own: one sparse matrix-vector product (c <= 1 <= d).
        self.g0: FloatArray = matrix @ (self.w * self.inv_d) + self.bonus
        self.level = np.zeros(problem.n_needs)  # sum over S of c / d, per need
        self.in_s = np.zeros(n, dtype=bool)
        self.blocked = np.zeros(n, dtype=bool)
        self.blocked[problem.exclude] = True
        self.fixed = np.zeros(n, dtype=bool)
        self.fixed[problem.include] = True
        choosable = ~self.blocked & ~self.fixed
        self.avail = types.avail_of(choosable)
        self.ranked = _Sorted(np.flatnonzero(choosable), self.g0, _FIRST_BLOCK)
        self.selected: list[int] = []
        self.counts: tuple[int, ...] = tuple(0 for _ in types.lo)
        self.value = 0.0
        self.max_size = min(problem.max_size, n)
        self.swaps = 0
        self.kicks = 0
        self.pairs = 0
        for i in problem.include:
            self._add(int(i), self._gain(int(i)))

    # -- one candidate at a time -------------------------------------------------

    def _row(self, i: int) -> tuple[npt.NDArray[np.int64], FloatArray]:
        lo, hi = self.indptr[i], self.indptr[i + 1]
        needs = self.indices[lo:hi]
        return needs, self.data[lo:hi] * self.inv_d[needs]

    def _gain(self, i: int) -> float:
        """F(S + i) - F(S)."""
        needs, a = self._row(i)
        lv = self.level[needs]
        met = np.minimum(1.0, lv + a) - np.minimum(1.0, lv)
        return float(self.w[needs] @ met) + float(self.bonus[i])

    def _loss(self, j: int) -> float:
        """F(S) - F(S - j)."""
        needs, a = self._row(j)
        lv = self.level[needs]
        met = np.minimum(1.0, lv) - np.minimum(1.0, lv - a)
        return float(self.w[needs] @ met) + float(self.bonus[j])

    def _add(self, i: int, gain: float) -> None:
        needs, a = self._row(i)
        self.level[needs] += a
        self.in_s[i] = True
        self.selected.append(i)
        t = int(self.types.type_of[i])
        self.counts = self.types.plus(self.counts, t)
        if not self.fixed[i]:
            self.avail[t] -= 1
        self.value += gain

    def _remove(self, j: int, loss: float) -> None:
        needs, a = self._row(j)
        self.level[needs] -= a
        self.in_s[j] = False
        self.selected.remove(j)
        t = int(self.types.type_of[j])
        self.counts = self.types.plus(self.counts, t, -1)
        self.avail[t] += 1
        self.value -= loss

    def _reset(self, target: Sequence[int]) -> None:
        """Make ``target`` the selection, recomputing the levels and F from scratch."""
        current, wanted = set(self.selected), set(target)
        for j in current - wanted:
            self._remove(j, 0.0)
        for i in sorted(wanted - current):
            self._add(i, 0.0)
        rows = np.array(sorted(wanted), dtype=np.intp)
        _, needs, a = self._pool_rows(rows)
        self.level = np.bincount(needs, weights=a, minlength=self.problem.n_needs).astype(
            np.float64
        )
        self.value = float(self.w @ np.minimum(1.0, self.level)) + float(self.bonus[rows].sum())

    def _allowed(self) -> set[int]:
        """Types one more of which keeps the selection completable."""
        if len(self.selected) >= self.max_size:
            return set()
        return set(self.types.allowed(self.counts, len(self.selected), self.avail))

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.perf_counter() > self.deadline

    def _pool_rows(self, pool: IntArray) -> tuple[IntArray, npt.NDArray[np.int64], FloatArray]:
        pos, rowid = _row_positions(self.indptr, pool)
        needs = self.indices[pos]
        return rowid, needs, self.data[pos] * self.inv_d[needs]

    # -- phases --------------------------------------------------------------------

    def add_phase(self, tabu: BoolArray | None = None) -> None:
        """Lazy greedy [2]_: add the best allowed candidate while one can be added.

        Candidates come in descending ``g0`` order; a candidate's last computed gain
        stays an upper bound while the selection grows (submodularity), so only the top
        of the heap is ever recomputed. Candidates of a type that may not be added now
        are parked until it may again. Candidates marked in ``tabu`` are skipped.
        """
        allowed = self._allowed()
        ranked, cursor = self.ranked, 0
        heap: list[tuple[float, int, int]] = []
        parked: dict[int, list[tuple[float, int, int]]] = {}
        type_of = self.types.type_of
        step = 0
        while allowed:
            while True:
                while heap and self.in_s[heap[0][1]]:
                    heapq.heappop(heap)
                head = ranked.get(cursor)
                while head is not None and (self.in_s[head] or (tabu is not None and tabu[head])):
                    cursor += 1
                    head = ranked.get(cursor)
                if head is not None and (not heap or (-float(self.g0[head]), head) < heap[0][:2]):
                    entry = (-float(self.g0[head]), head, -1)
                    cursor += 1
                elif heap:
                    entry = heapq.heappop(heap)
                else:
                    return
                i = entry[1]
                t = int(type_of[i])
                if t not in allowed:
                    parked.setdefault(t, []).append(entry)
                elif entry[2] == step:  # fresh: no other candidate can beat it
                    break
                else:
                    heapq.heappush(heap, (-self._gain(i), i, step))
            self._add(i, -entry[0])
            step += 1
            allowed = self._allowed()
            for t in allowed & parked.keys():
                for item in parked.pop(t):
                    heapq.heappush(heap, item)

    def swap_phase(self) -> None:
        """Best-improvement one-in-one-out swaps until no swap improves F.

        Only candidates whose ``g0`` exceeds the smallest loss can improve on a swap
        (their gain given ``S - j`` is at most ``g0``), so the scan stops there; the
        gains given ``S - j`` are those given ``S`` corrected on the needs of ``j``.
        """
        types = self.types
        type_of = types.type_of
        one = np.minimum
        shift = np.zeros(self.problem.n_needs)
        while not self.out_of_time():
            removable = [j for j in sorted(self.selected) if not self.fixed[j]]
            if not removable:
                return
            losses = [self._loss(j) for j in removable]
            tol = 1e-10 * (1.0 + abs(self.value))
            pool = np.sort(self.ranked.above(min(losses) + tol))
            pool = pool[~self.in_s[pool]]
            if pool.size == 0:
                return
            rowid, needs, a = self._pool_rows(pool)
            lv = self.level[needs]
            base = self.w[needs] * (one(1.0, lv + a) - one(1.0, lv))
            gains = np.bincount(rowid, weights=base, minlength=pool.size) + self.bonus[pool]
            by_need = np.argsort(needs, kind="stable")
            sorted_needs = needs[by_need]
            pool_types = type_of[pool]
            pool_g0 = self.g0[pool]
            best_gain, best_j, best_i = tol, -1, -1
            ok_after: dict[int, BoolArray] = {}  # per type leaving: may each candidate enter?
            for j, loss in zip(removable, losses, strict=True):
                if not (pool_g0 > loss + best_gain).any():
                    continue
                tj = int(type_of[j])
                if tj not in ok_after:
                    ok_after[tj] = types.valid_after(types.plus(self.counts, tj, -1))[pool_types]
                ok_in = ok_after[tj]
                j_needs, j_a = self._row(j)
                pos = _entries_of(sorted_needs, by_need, j_needs)
                trial = gains.copy()
                if pos.size:
                    shift[j_needs] = j_a
                    f = needs[pos]
                    old = lv[pos]
                    new = old - shift[f]
                    shift[j_needs] = 0.0
                    aa = a[pos]
                    delta = self.w[f] * (
                        (one(1.0, new + aa) - one(1.0, new)) - (one(1.0, old + aa) - one(1.0, old))
                    )
                    np.add.at(trial, rowid[pos], delta)
                gain = trial - loss
                gain[~ok_in] = -np.inf
                k = int(np.argmax(gain))
                if gain[k] > best_gain:
                    best_gain, best_j, best_i = float(gain[k]), j, int(pool[k])
            if best_j < 0:
                return
            self._remove(best_j, self._loss(best_j))
            self._add(best_i, self._gain(best_i))
            self.swaps += 1
            if len(self.selected) < self.max_size:
                self.add_phase()

    def perturb_phase(self, rounds: int) -> None:
        """Iterated local search: drop a few members at random, refill greedily, swap.

        The members to drop are drawn (with the seeded generator) from the selection
        ranked by ``g0``, not by row index, so the result does not depend on row order.
        A round is kept only when it improves F.
        """
        best = sorted(self.selected)
        best_value = self.value
        tabu = np.zeros(self.problem.n_candidates, dtype=bool)
        for _ in range(rounds):
            if self.out_of_time():
                break
            removable = sorted(
                (j for j in self.selected if not self.fixed[j]),
                key=lambda j: (-self.g0[j], j),
            )
            if not removable:
                break
            most = max(2, math.ceil(len(removable) * _KICK_FRACTION))
            size = min(len(removable), int(self.rng.integers(1, most + 1)))
            out = [removable[q] for q in sorted(self.rng.choice(len(removable), size, False))]
            for j in out:
                self._remove(j, self._loss(j))
            tabu[out] = True
            self.add_phase(tabu)
            tabu[out] = False
            self.add_phase()  # completes the quotas if the tabu list blocked them
            self.swap_phase()
            if self.value > best_value + 1e-10 * (1.0 + abs(best_value)):
                best, best_value = sorted(self.selected), self.value
                self.kicks += 1
            else:
                self._reset(best)
        if sorted(self.selected) != best:
            self._reset(best)

    def pair_phase(self) -> None:
        """Two-out-two-in moves: drop each pair, add the best pair a short lookahead finds.

        For every pair of members dropped, the first addition is tried among the
        ``_PAIR_LOOKAHEAD`` best gains and the second is the best given the first, over
        the candidates whose ``g0`` exceeds half the smallest pair loss (at most
        ``_PAIR_POOL`` of them). A heuristic neighbourhood: it is not exhaustive.
        """
        types = self.types
        type_of = types.type_of
        one = np.minimum
        while not self.out_of_time():
            removable = [j for j in sorted(self.selected) if not self.fixed[j]]
            if not 2 <= len(removable) <= _PAIR_MAX_SIZE:
                return
            rows = {j: self._row(j) for j in removable}
            pairs = []
            for x in range(len(removable)):
                for y in range(x + 1, len(removable)):
                    j1, j2 = removable[x], removable[y]
                    lv = self.level.copy()
                    for j in (j1, j2):
                        lv[rows[j][0]] -= rows[j][1]
                    drop = float(self.w @ (one(1.0, self.level) - one(1.0, lv)))
                    drop += float(self.bonus[j1] + self.bonus[j2])
                    pairs.append((drop, j1, j2, lv))
            tol = 1e-10 * (1.0 + abs(self.value))
            floor = min(p[0] for p in pairs) / 2.0
            pool = np.sort(self.ranked.above(floor + tol))
            pool = pool[~self.in_s[pool]]
            if pool.size < 2:
                return
            if pool.size > _PAIR_POOL:
                keep = np.lexsort((pool, -self.g0[pool]))[:_PAIR_POOL]
                pool = np.sort(pool[keep])
            rowid, needs, a = self._pool_rows(pool)
            pool_types = type_of[pool]
            by_need = np.argsort(needs, kind="stable")
            sorted_needs = needs[by_need]
            best = (tol, -1, -1, -1, -1)
            for drop, j1, j2, lv in pairs:
                base_counts = types.plus(
                    types.plus(self.counts, int(type_of[j1]), -1), int(type_of[j2]), -1
                )
                low = lv[needs]
                met = self.w[needs] * (one(1.0, low + a) - one(1.0, low))
                gains = np.bincount(rowid, weights=met, minlength=pool.size) + self.bonus[pool]
                if gains.max() * 2 <= drop + best[0]:
                    continue
                top = np.argsort(-gains, kind="stable")[:_PAIR_LOOKAHEAD]
                for k1 in top:
                    i1 = int(pool[k1])
                    c1 = types.plus(base_counts, int(pool_types[k1]))
                    ok = types.valid_after(c1)
                    i_needs, i_a = self._row(i1)
                    pos = _entries_of(sorted_needs, by_need, i_needs)
                    trial = gains.copy()
                    if pos.size:
                        add = np.zeros(self.problem.n_needs)
                        add[i_needs] = i_a
                        f = needs[pos]
                        old = lv[f]
                        new = old + add[f]
                        aa = a[pos]
                        delta = self.w[f] * (
                            (one(1.0, new + aa) - one(1.0, new))
                            - (one(1.0, old + aa) - one(1.0, old))
                        )
                        np.add.at(trial, rowid[pos], delta)
                    trial[k1] = -np.inf
                    trial[~ok[pool_types]] = -np.inf
                    k2 = int(np.argmax(trial))
                    total = float(gains[k1] + trial[k2] - drop)
                    if total > best[0]:
                        best = (total, j1, j2, i1, int(pool[k2]))
            if best[1] < 0:
                return
            _, j1, j2, i1, i2 = best
            for j in (j1, j2):
                self._remove(j, self._loss(j))
            for i in (i1, i2):
                self._add(i, self._gain(i))
            self.pairs += 1
            self.swap_phase()

    def upper_bound(self) -> float:
        """F(S) plus the largest marginal gains [1]_: no feasible selection beats it.

        Scans candidates in descending ``g0`` (an upper bound on each gain) and stops as
        soon as the ``k``-th best exact gain is at least the next ``g0``.
        """
        k = self.max_size - int(self.fixed.sum())
        pool = np.flatnonzero(~self.blocked & ~self.in_s).astype(np.intp)
        k = min(k, pool.size)
        if k <= 0:
            return self.value
        ranked = _Sorted(pool, self.g0, max(_FIRST_BLOCK, 4 * k))
        found = np.zeros(0)
        done = 0
        while True:
            head = ranked.get(done)
            if head is None or (found.size >= k and found[-k] >= self.g0[head]):
                break
            block = ranked.order[done:]
            done = ranked.order.size
            rowid, needs, a = self._pool_rows(block)
            lv = self.level[needs]
            contrib = self.w[needs] * (np.minimum(1.0, lv + a) - np.minimum(1.0, lv))
            exact = np.bincount(rowid, weights=contrib, minlength=block.size) + self.bonus[block]
            found = np.sort(np.concatenate([found, exact]))[-k:]
        return self.value + float(found[-k:].sum())


def _greedy(
    problem: CoverageProblem, types: _Types, rng: np.random.Generator, deadline: float | None
) -> Selection:
    search = _Search(problem, types, rng, deadline)
    search.add_phase()
    search.swap_phase()
    swaps = search.swaps
    search.pair_phase()
    pairs = search.pairs
    search.perturb_phase(_KICK_ROUNDS)
    selected = np.array(sorted(search.selected), dtype=np.intp)
    value = _objective(problem, selected)
    bound = max(search.upper_bound(), value)
    optimal = bound - value <= 1e-9 * (1.0 + abs(value))
    note = (
        f"lazy greedy, {swaps} improving swaps, {pairs} pair moves, "
        f"{search.kicks} of {_KICK_ROUNDS} perturbation rounds kept"
    )
    if search.out_of_time():
        note += "; the local search stopped at the time limit"
    return Selection(selected, value, "greedy", optimal, bound, note)


# --------------------------------------------------------------------- exact MILP


def _is_feasible(problem: CoverageProblem, types: _Types, selected: IntArray) -> bool:
    """Whether ``selected`` meets the sizes, quotas, include and exclude."""
    chosen = np.zeros(problem.n_candidates, dtype=bool)
    chosen[selected] = True
    return (
        problem.min_size <= selected.size <= problem.max_size
        and bool(chosen[problem.include].all())
        and not bool(chosen[problem.exclude].any())
        and types.valid(types.counts_of(selected))
    )


def _exact(
    problem: CoverageProblem, types: _Types, time_limit: float | None
) -> tuple[Selection | None, float | None, str]:
    """Solve the MILP. Returns (selection or None, proven upper bound or None, message)."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = problem.n_candidates
    used = np.flatnonzero(problem.weights > 0)
    k = used.size
    coverage_t = sp.csr_array(problem.coverage.T)[used]
    # demand[f] * y_f - sum_i c_if x_i <= 0
    need_rows = sp.hstack(
        [-coverage_t, sp.diags_array(problem.demand[used], format="csr")], format="csr"
    )
    blocks = [need_rows]
    lbs = [np.full(k, -np.inf)]
    ubs = [np.zeros(k)]
    size_row = sp.csr_array(np.concatenate([np.ones(n), np.zeros(k)])[None, :])
    blocks.append(size_row)
    lbs.append(np.array([float(problem.min_size)]))
    ubs.append(np.array([float(problem.max_size)]))
    for q in types.quota_ids:
        quota = problem.quotas[q]
        members = np.asarray(quota.members, dtype=np.intp)
        row = sp.csr_array(
            (np.ones(members.size), (np.zeros(members.size, dtype=np.intp), members)),
            shape=(1, n + k),
        )
        blocks.append(row)
        lbs.append(np.array([float(quota.min)]))
        ubs.append(np.array([np.inf if quota.max is None else float(quota.max)]))
    matrix = sp.vstack(blocks, format="csr")
    lower = np.zeros(n + k)
    upper = np.ones(n + k)
    lower[problem.include] = 1.0
    upper[problem.exclude] = 0.0
    cost = -np.concatenate([problem.score_weight * problem.scores, problem.weights[used]])
    options: dict[str, Any] = {"mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    integrality = np.concatenate([np.ones(n), np.zeros(k)])
    if cost.size == 0:  # no candidates and no needs: the empty selection
        empty = np.zeros(0, dtype=np.intp)
        return Selection(empty, 0.0, "exact", True, 0.0, "nothing to choose"), 0.0, ""
    res = milp(
        cost,
        constraints=LinearConstraint(matrix, np.concatenate(lbs), np.concatenate(ubs)),
        integrality=integrality,
        bounds=Bounds(lower, upper),
        options=options,
    )
    dual = getattr(res, "mip_dual_bound", None)
    bound = None if dual is None or not np.isfinite(dual) else -float(dual)
    if res.x is None:
        return None, bound, f"HiGHS: {res.message}"
    selected = np.flatnonzero(res.x[:n] > 0.5).astype(np.intp)
    if not _is_feasible(problem, types, selected):  # pragma: no cover - HiGHS tolerances
        return None, bound, f"HiGHS returned a selection that breaks a constraint ({res.message})"
    value = _objective(problem, selected)
    optimal = res.status == 0
    if optimal:
        bound = value if bound is None else max(bound, value)
    elif bound is not None:
        bound = max(bound, value)
    gap = "" if bound is None else f" (upper bound {bound:.6g})"
    message = "HiGHS proved optimality" if optimal else f"HiGHS stopped: {res.message}{gap}"
    return Selection(selected, value, "exact", optimal, bound, message), bound, message


# ------------------------------------------------------------------------- solve


def solve(
    problem: CoverageProblem,
    method: Literal["auto", "greedy", "exact"] = "auto",
    seed: int | np.random.Generator | None = 0,
    time_limit: float | None = None,
) -> Selection:
    """Choose the selection that maximises the coverage objective :math:`F`.

    Parameters
    ----------
    problem : CoverageProblem
    method : {"auto", "greedy", "exact"}, default "auto"
        ``"greedy"``: lazy greedy [2]_ that never makes a quota or size unreachable and
        fills up to ``max_size``; then one-in-one-out swaps until no swap improves
        :math:`F`, two-out-two-in moves, and 30 seeded perturbation rounds (drop a few
        members, refill greedily, swap again; kept only when :math:`F` improves).
        Include is in from the start, exclude never; ties go to the lowest index.
        ``"exact"``: a MILP solved by HiGHS (``mip_rel_gap=0``), proven optimal when it
        finishes; at the time limit it returns its incumbent with the dual bound, or
        the greedy answer when it has none. ``"auto"``: greedy, then the MILP within
        ``time_limit`` (default 5 s) unless there are more than 200,000 candidates or
        greedy's own bound already proves it optimal; returns the MILP's answer when it
        proves optimality, otherwise the greedy answer (an unproven incumbent depends on
        the clock, the greedy answer does not) with the tighter bound, and says what
        happened in ``note``.
    seed : int, numpy Generator or None, default 0
        Normalised once with :func:`numpy.random.default_rng`; drives the perturbation
        rounds. The same seed gives the same selection, and which members a round drops
        is drawn from the selection ranked by gain, so row order does not matter.
    time_limit : float, optional
        Seconds allowed for the MILP (``"exact"``, ``"auto"``) or for the local search
        (``"greedy"``, which then returns its best selection so far).

    Returns
    -------
    Selection

    Raises
    ------
    InfeasibleError
        At once, before any search, when no selection satisfies the sizes, quotas,
        include and exclude; it names each constraint that cannot be met and the
        smallest relaxation known.
    ValueError
        On an unknown ``method`` or a negative ``time_limit``.

    Notes
    -----
    For monotone submodular :math:`F` under a size limit, greedy is within
    :math:`1 - 1/e` of the optimum [1]_; the local search brings it much closer in
    practice (worst greedy/exact ratio above 0.99 on the benchmark bank in
    ``benchmarks/bench_optimise_quality.py``), and ``Selection.upper_bound`` says how
    close it is on the problem at hand.

    The exact method needs memory and time that grow with the number of candidates;
    beyond a few tens of thousands use ``"greedy"``.

    Examples
    --------
    Two identical candidates cover need 0; a second one adds nothing, so the greedy
    takes one of them (the lowest index) and the candidate for need 1:

    >>> import numpy as np
    >>> problem = CoverageProblem(
    ...     np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 0.6]]),
    ...     weights=[2.0, 1.0],
    ...     demand=[1, 1],
    ...     max_size=2,
    ... )
    >>> result = solve(problem, method="greedy")
    >>> result.selected, round(result.objective, 6)
    (array([0, 2]), 2.6)
    >>> solve(problem, method="exact").objective == result.objective
    True

    A quota that cannot be met fails at once:

    >>> solve(CoverageProblem(np.eye(2), [1, 1], [1, 1], quotas=[Quota([0], min=2, name="x")]))
    Traceback (most recent call last):
    ...
    composer.errors.InfeasibleError: The request cannot be met:
      - quota x min 2: only 1 candidate can be chosen (0)
    What would make it possible:
      - lower the min of quota x to 1
    """
    if method not in ("auto", "greedy", "exact"):
        raise ValueError(f"method={method!r} should be one of 'auto', 'greedy', 'exact'")
    if time_limit is not None and not time_limit >= 0:
        raise ValueError(f"time_limit={time_limit!r} should be >= 0 or None")
    rng = np.random.default_rng(seed)
    types = _Types(problem)
    _check_feasible(problem, types)
    start = time.perf_counter()
    if method == "exact":
        result, _, message = _exact(problem, types, time_limit)
        if result is not None:
            return result
        greedy = _greedy(problem, types, rng, None)
        return _replace(greedy, note=f"the MILP found no selection ({message}); {greedy.note}")
    if method == "greedy":
        deadline = None if time_limit is None else start + time_limit
        return _greedy(problem, types, rng, deadline)
    greedy = _greedy(problem, types, rng, None)
    if greedy.optimal:
        return _replace(greedy, note=f"{greedy.note}; its upper bound proves it optimal")
    n = problem.n_candidates
    if n > AUTO_EXACT_MAX_CANDIDATES:
        return _replace(
            greedy,
            note=f"{greedy.note}; exact skipped: {n} candidates > {AUTO_EXACT_MAX_CANDIDATES}",
        )
    limit = AUTO_TIME_LIMIT if time_limit is None else time_limit
    exact, bound, message = _exact(problem, types, limit)
    bounds = [b for b in (bound, greedy.upper_bound) if b is not None]
    best_bound = min(bounds) if bounds else None
    if exact is not None and exact.optimal:
        if exact.objective >= greedy.objective:
            return exact
        return _replace(
            greedy,
            optimal=True,
            upper_bound=exact.upper_bound,
            note=f"{message}; greedy matched it",
        )
    # an unproven MILP incumbent depends on how far the clock let HiGHS get; the greedy
    # answer does not, so auto keeps it (same input and seed, same result)
    found = ""
    if exact is not None and exact.objective > greedy.objective:
        found = f" (its incumbent {exact.objective:.6g} was better but is not proven; use method='exact' with a longer time_limit)"
    return _replace(
        greedy,
        upper_bound=best_bound,
        note=f"{greedy.note}; {message}, no proof of optimality within the time limit{found}",
    )


def _replace(selection: Selection, **changes: Any) -> Selection:
    from dataclasses import replace

    return replace(selection, **changes)
