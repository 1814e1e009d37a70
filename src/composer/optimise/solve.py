"""Solve a coverage problem: greedy, exact, or both.

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

import time
from typing import Literal

import numpy as np

from composer.optimise.exact import _exact
from composer.optimise.feasibility import _check_feasible
from composer.optimise.greedy import _greedy
from composer.optimise.problem import CoverageProblem, Selection, _replace
from composer.optimise.types import _Types

__all__ = ["solve"]

#: ``method="auto"`` skips the exact search above this many candidates.
AUTO_EXACT_MAX_CANDIDATES = 200_000
#: Default time limit (seconds) of the exact search inside ``method="auto"``.
AUTO_TIME_LIMIT = 5.0


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
    >>> from composer.optimise import CoverageProblem, Quota
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
