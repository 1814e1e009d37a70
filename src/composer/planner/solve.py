"""One way through the solvers: check the rules, solve, or say why no network exists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..optimise.joint import JointSolution
from .model import Method, Plan, joint_problem, solve_plan
from .rules import check, co_driver_seats, explain_failure

__all__ = ["solve_for"]


def solve_for(
    plan: Plan,
    *,
    method: Method,
    seed: int,
    forbid: Sequence[int] = (),
    fixed: Mapping[int, tuple[int, ...] | None] | None = None,
    avoid: Sequence[tuple[npt.NDArray[np.bool_], int, int]] = (),
) -> JointSolution:
    """Check the rules, solve the joint problem, or raise InfeasibleError saying why.

    The brief's co-drivers (unless forbidden) are fixed in the core.
    """
    seats = co_driver_seats(plan, forbid)
    problem = joint_problem(plan, forbid=forbid, fixed={**seats, **(fixed or {})}, avoid=avoid)
    check(plan, problem)
    sol = solve_plan(problem, method, seed)
    if sol is None and method != "exact":
        # the heuristic found no network: the exact model settles whether one exists
        sol = solve_plan(problem, "exact", seed)
    if sol is None:
        raise explain_failure(plan, problem)
    return sol
