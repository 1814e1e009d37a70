"""One way through the solvers: check the rules, solve, or say why no network exists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..composition import Composition
from ..optimise.joint import NETWORK, JointSolution
from .model import Method, Plan, joint_problem, solve_plan
from .rules import check, co_driver_seats, explain_failure

__all__ = ["refill_seat", "roles_in", "roles_of", "solve_for"]


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


def roles_in(sol: JointSolution) -> dict[int, tuple[int, ...] | None]:
    """A solution's members as plan rows: None for the core, else their phases."""
    return {i: None for i in sol.core} | {i: tuple(p) for i, p in sol.phases.items()}


def roles_of(comp: Composition, plan: Plan) -> dict[int, tuple[int, ...] | None]:
    """A composition's members as plan rows, in its order (for one given back by a user:
    ``replace``, ``dropouts``; ``compose`` uses :func:`roles_in` of its own solution)."""
    where = {str(cid): k for k, cid in enumerate(plan.ids)}
    names = [p.lower() for p in plan.brief.phase_names]
    roles: dict[int, tuple[int, ...] | None] = {}
    for m in comp.members:
        if m.id not in where:
            raise KeyError(f"{m.id!r} from the composition is not in the pool")
        roles[where[m.id]] = (
            None if m.role == "core" else tuple(sorted(names.index(p.lower()) for p in m.phases))
        )
    return roles


def refill_seat(
    plan: Plan,
    others: Mapping[int, tuple[int, ...] | None],
    gone: int,
    *,
    method: Method,
    seed: int,
) -> JointSolution:
    """``gone`` leaves; everyone in ``others`` keeps their role; at most one newcomer
    takes the free seat (the model of :func:`composer.replace` and of dropouts)."""
    newcomer = np.ones(len(plan.ids), dtype=bool)
    newcomer[[*others, gone]] = False
    seat = [(newcomer, 1, NETWORK)]
    return solve_for(plan, method=method, seed=seed, forbid=[gone], fixed=others, avoid=seat)
