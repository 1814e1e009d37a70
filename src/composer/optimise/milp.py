"""The one wrapper through which every mixed-integer programme of composer is solved.

Every call of :func:`scipy.optimize.milp` (HiGHS) in the library goes through
:func:`run_milp`, so solver options (presolve, limits, silence) are set in one place and
nothing the solver prints reaches the user's stdout or stderr (as sortition-algorithms'
``committee_generation/solver.py`` does for its solvers).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

__all__ = ["LpOutcome", "MilpOutcome", "MilpStatus", "run_lp", "run_milp", "silenced"]

MilpStatus = Literal["optimal", "time_limit", "infeasible", "other"]

# scipy.optimize.milp's status codes: 0 optimal, 1 iteration or time limit, 2 infeasible,
# 3 unbounded, 4 other
_STATUS: dict[int, MilpStatus] = {0: "optimal", 1: "time_limit", 2: "infeasible"}


@dataclass(frozen=True, eq=False)
class MilpOutcome:
    """What HiGHS returned, in the library's words.

    Attributes
    ----------
    x : ndarray of float64 or None
        The best solution found (None when HiGHS has none).
    status : {"optimal", "time_limit", "infeasible", "other"}
        ``"time_limit"`` covers every limit HiGHS stops at (time, iterations, nodes).
    optimal : bool
        True when HiGHS proved ``x`` optimal (``status == "optimal"``).
    objective : float or None
        ``c @ x`` (the minimised objective) of ``x``, None without ``x``.
    dual_bound : float or None
        HiGHS's proven lower bound on the minimum, when it reports a finite one.
    message : str
        HiGHS's own message.
    """

    x: npt.NDArray[np.float64] | None
    status: MilpStatus
    optimal: bool
    objective: float | None
    dual_bound: float | None
    message: str


def _flush_c_stdio() -> None:
    """Flush the C library's stdio buffers (a solver may have printf'ed into them)."""
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError, TypeError):  # pragma: no cover - no C library here
        pass


class _Redirection:
    """Descriptors 1 and 2 sent to devnull while at least one :func:`silenced` is open.

    Counted under a lock, so solves in several threads (or nested) share one redirection
    and the first one to finish cannot restore the descriptors under the others (nor the
    last one restore devnull as "the original").
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.saved: list[tuple[int, int]] = []

    def enter(self) -> None:
        with self.lock:
            self.depth += 1
            if self.depth > 1:
                return
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            try:
                sink = os.open(os.devnull, os.O_WRONLY)
            except OSError:  # pragma: no cover - no devnull: nothing to redirect to
                return
            try:
                for fd in (1, 2):
                    try:
                        self.saved.append((fd, os.dup(fd)))
                    except OSError:  # not open: nothing can reach it
                        continue
                    os.dup2(sink, fd)
            finally:
                os.close(sink)

    def exit(self) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth > 0:
                return
            _flush_c_stdio()
            saved, self.saved = self.saved, []
            for fd, copy in saved:
                os.dup2(copy, fd)
                os.close(copy)


_REDIRECTION = _Redirection()


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """Send whatever is written to file descriptors 1 and 2 to :data:`os.devnull`.

    Catches output of C code (HiGHS prints with ``printf``), which redirecting
    :data:`sys.stdout` cannot. Python's and C's buffers are flushed before and after, and
    the descriptors are restored in ``finally``, when the last of the blocks open in any
    thread ends. A descriptor that is not open is left alone, so the context is safe
    where there is no console. The redirection is process-wide: output of other threads
    during the block is dropped too.

    Examples
    --------
    >>> with silenced():
    ...     _ = os.write(1, b"not shown")
    """
    _REDIRECTION.enter()
    try:
        yield
    finally:
        _REDIRECTION.exit()


def run_milp(
    c: npt.ArrayLike,
    constraints: Any,
    integrality: npt.ArrayLike,
    bounds: Any,
    *,
    time_limit: float | None = None,
    presolve: bool = True,
    mip_rel_gap: float | None = None,
) -> MilpOutcome:
    """Minimise ``c @ x`` with HiGHS (:func:`scipy.optimize.milp`), silently.

    Parameters
    ----------
    c : array_like, shape (n,)
        Costs (minimised).
    constraints : scipy.optimize.LinearConstraint or sequence of them
        As :func:`scipy.optimize.milp` takes them (an empty list: none).
    integrality : array_like, shape (n,)
        1 for an integer variable, 0 for a continuous one.
    bounds : scipy.optimize.Bounds
        Variable bounds.
    time_limit : float, optional
        Seconds HiGHS may run (None: no limit). HiGHS checks it in the branch and bound,
        not inside its presolve.
    presolve : bool, default True
        HiGHS's presolve.
    mip_rel_gap : float, optional
        Relative gap at which HiGHS stops (None: HiGHS's default; 0: prove optimality).

    Returns
    -------
    MilpOutcome

    Examples
    --------
    >>> from scipy.optimize import Bounds, LinearConstraint
    >>> out = run_milp(
    ...     [-1.0, -2.0], LinearConstraint([[1.0, 1.0]], 0, 1), [1, 1], Bounds(0, 1)
    ... )
    >>> out.status, out.x.tolist(), out.objective
    ('optimal', [0.0, 1.0], -2.0)
    """
    import scipy.optimize  # looked up at call time, so tests can stand in for HiGHS

    options: dict[str, Any] = {"disp": False, "presolve": bool(presolve)}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    if mip_rel_gap is not None:
        options["mip_rel_gap"] = float(mip_rel_gap)
    with silenced():
        res = scipy.optimize.milp(
            c, constraints=constraints, integrality=integrality, bounds=bounds, options=options
        )
    status = _STATUS.get(int(res.status), "other")
    x = None if res.x is None else np.asarray(res.x, dtype=np.float64)
    fun = getattr(res, "fun", None)
    objective = None if x is None or fun is None else float(fun)
    dual = getattr(res, "mip_dual_bound", None)
    dual_bound = None if dual is None or not np.isfinite(dual) else float(dual)
    return MilpOutcome(
        x=x,
        status=status,
        optimal=status == "optimal" and x is not None,
        objective=objective,
        dual_bound=dual_bound,
        message=str(res.message),
    )


@dataclass(frozen=True, eq=False)
class LpOutcome:
    """A linear programme's answer with its duals (HiGHS through :func:`scipy.optimize.linprog`).

    Attributes
    ----------
    x : ndarray of float64 or None
        The optimal solution (None when HiGHS found none).
    status : {"optimal", "time_limit", "infeasible", "other"}
    objective : float or None
        ``c @ x`` (minimised).
    ineq_duals, eq_duals : ndarray of float64
        The marginals of the ``<=`` and ``==`` rows: how the minimum changes per unit of
        their right-hand sides (<= 0 for a binding ``<=`` row). Empty without ``x``.
    """

    x: npt.NDArray[np.float64] | None
    status: MilpStatus
    objective: float | None
    ineq_duals: npt.NDArray[np.float64]
    eq_duals: npt.NDArray[np.float64]


def run_lp(
    c: npt.ArrayLike,
    a_ub: Any,
    b_ub: npt.ArrayLike,
    a_eq: Any,
    b_eq: npt.ArrayLike,
    bounds: Any,
) -> LpOutcome:
    """Minimise ``c @ x`` subject to ``a_ub @ x <= b_ub``, ``a_eq @ x == b_eq`` and
    ``bounds`` with HiGHS, silently, and return the duals too (column generation prices
    new columns with them).

    Examples
    --------
    >>> out = run_lp([-1.0, -1.0], [[1.0, 2.0]], [4.0], [[1.0, 0.0]], [2.0], (0, None))
    >>> out.x.tolist(), out.objective, out.ineq_duals.tolist(), out.eq_duals.tolist()
    ([2.0, 1.0], -3.0, [-0.5], [-0.5])
    """
    import scipy.optimize

    with silenced():
        res = scipy.optimize.linprog(
            c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs"
        )
    status = _STATUS.get(int(res.status), "other")
    if res.x is None or status != "optimal":
        empty = np.zeros(0)
        return LpOutcome(None, status, None, empty, empty)
    return LpOutcome(
        x=np.asarray(res.x, dtype=np.float64),
        status=status,
        objective=float(res.fun),
        ineq_duals=np.asarray(res.ineqlin.marginals, dtype=np.float64),
        eq_duals=np.asarray(res.eqlin.marginals, dtype=np.float64),
    )
