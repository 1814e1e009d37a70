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

#: ``method="auto"`` solves the exact MILP when the coverage matrix has at most this many
#: nonzero entries, and keeps the greedy answer above. The choice depends on the problem's
#: size only, never on a clock. Set from ``benchmarks/bench_milp_presolve.py --scan`` on
#: the 2-core benchmark machine (``benchmarks/README.md``), the planner's core problems
#: with 15 needs, 5 seeds a size, without presolve. Slowest proof of the 5 seeds: 0.9 s
#: at ~16,000 entries (pools of 10,000), 2.0 s at ~24,000, 5.2 s at ~31,000, 5.9 s at
#: ~39,000 (in an earlier run under heavier load: 2.9 s, 5.0 s, 9.8 s, 9.3 s), while the
#: fastest stayed under 0.5 s: hardness varies more than size. 20,000 keeps every proof
#: seen below it under 3 s, a twentieth of the safety valve.
AUTO_EXACT_MAX_NNZ = 20_000
#: Safety valve (seconds) of the exact search inside ``method="auto"``. At or below the
#: size threshold HiGHS proves optimality far within it on the benchmark machine; should it
#: ever be reached, auto keeps the greedy answer (which does not depend on the clock) and
#: says so in ``Selection.note``.
AUTO_TIME_LIMIT = 60.0


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
        the greedy answer when it has none. HiGHS runs without presolve (faster on
        these models, and HiGHS does not check the time limit inside its presolve).
        ``"auto"`` chooses by the problem's size, never by a clock: greedy, then, unless
        greedy's own bound already proves it optimal, the MILP when the coverage matrix
        has at most ``AUTO_EXACT_MAX_NNZ`` nonzero entries (a threshold measured so that
        HiGHS proves optimality within a few seconds on the benchmark machine). Above
        it, the greedy answer. ``time_limit`` (default ``AUTO_TIME_LIMIT`` = 60 s) is only
        a safety valve: if the MILP reaches it, auto returns the greedy answer (which
        does not depend on the clock) with the tighter bound and says so in ``note``.
    seed : int, numpy Generator or None, default 0
        Normalised once with :func:`numpy.random.default_rng`; drives the perturbation
        rounds. The same seed gives the same selection, and which members a round drops
        is drawn from the selection ranked by gain, so row order does not matter.
    time_limit : float, optional
        Seconds allowed for the MILP (``"exact"``; the safety valve of ``"auto"``) or
        for the local search (``"greedy"``, which then returns its best selection so
        far and says so in ``note``).

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

    The exact method needs memory and time that grow with the number of candidates and
    vary with how hard the instance is; ``"auto"`` uses it only below its size threshold.

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
    return _auto(problem, types, rng, AUTO_TIME_LIMIT if time_limit is None else time_limit)


def _auto(
    problem: CoverageProblem, types: _Types, rng: np.random.Generator, limit: float
) -> Selection:
    """Greedy; then, when the problem is small enough, the exact MILP (see :func:`solve`)."""
    greedy = _greedy(problem, types, rng, None)
    if greedy.optimal:
        return _replace(greedy, note=f"{greedy.note}; its upper bound proves it optimal")
    size = int(problem.coverage.nnz)
    if size > AUTO_EXACT_MAX_NNZ:
        return _replace(
            greedy,
            note=f"{greedy.note}; exact not tried: the coverage matrix has {size} entries, "
            f"more than auto's threshold of {AUTO_EXACT_MAX_NNZ}",
        )
    exact, bound, message = _exact(problem, types, limit)
    if exact is not None and exact.optimal:
        if exact.objective >= greedy.objective:
            return exact
        return _replace(
            greedy,
            optimal=True,
            upper_bound=exact.upper_bound,
            note=f"{message}; greedy matched it",
        )
    # The safety valve was reached (or HiGHS failed): an unproven MILP incumbent depends on
    # how far the clock let HiGHS get; the greedy answer does not, so auto keeps it.
    bounds = [b for b in (bound, greedy.upper_bound) if b is not None]
    found = ""
    if exact is not None and exact.objective > greedy.objective:
        found = (
            f" (its incumbent {exact.objective:.6g} was better but is not proven; "
            "use method='exact' with a longer time_limit)"
        )
    return _replace(
        greedy,
        upper_bound=min(bounds) if bounds else None,
        note=f"{greedy.note}; safety valve: the exact search stopped without a proof of "
        f"optimality within the time limit of {limit:g} s ({message}), so auto kept the "
        f"greedy answer{found}",
    )
