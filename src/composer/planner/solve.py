"""One way through the solvers: check the rules, solve, or say why no network exists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..composition import Composition
from ..optimise.joint import NETWORK, JointProblem, JointSolution
from ..optimise.joint.refill import refillable, solve_refill
from .model import Method, Plan, joint_problem, solve_plan
from .rules import check, co_driver_seats, explain_failure

__all__ = ["refill_or_none", "refill_seat", "roles_in", "roles_of", "solve_for"]

#: Members as plan rows: None for the core, else their phases.
_Roles = Mapping[int, tuple[int, ...] | None]
#: An extra quota of ``joint_problem``'s ``avoid``: (members, max, scope).
_Avoid = tuple[npt.NDArray[np.bool_], int, int]


def solve_for(
    plan: Plan,
    *,
    method: Method,
    seed: int,
    forbid: Sequence[int] = (),
    fixed: Mapping[int, tuple[int, ...] | None] | None = None,
    avoid: Sequence[tuple[npt.NDArray[np.bool_], int, int]] = (),
    newcomers: npt.NDArray[np.bool_] | None = None,
) -> JointSolution:
    """Check the rules, solve the joint problem, or raise InfeasibleError saying why.

    The brief's co-drivers (unless forbidden) are fixed in the core. ``newcomers``: the
    problem is one seat's refill (see :func:`_solve`).
    """
    problem = _problem(plan, forbid, fixed, avoid)
    check(plan, problem)
    sol = _solve(problem, method, seed, newcomers)
    if sol is None:
        raise explain_failure(plan, problem)
    return sol


def _problem(
    plan: Plan, forbid: Sequence[int], fixed: _Roles | None, avoid: Sequence[_Avoid]
) -> JointProblem:
    seats = co_driver_seats(plan, forbid)
    return joint_problem(plan, forbid=forbid, fixed={**seats, **(fixed or {})}, avoid=avoid)


def _solve(
    problem: JointProblem,
    method: Method,
    seed: int,
    newcomers: npt.NDArray[np.bool_] | None = None,
) -> JointSolution | None:
    """The network by ``method``. A refill of one seat (everyone else fixed, at most one
    of ``newcomers`` joins: :func:`_seat`) by enumeration
    (:mod:`composer.optimise.joint.refill`), which is exact and cheaper."""
    if newcomers is not None and refillable(problem, newcomers):
        return solve_refill(problem)
    sol = solve_plan(problem, method, seed)
    if sol is None and method != "exact":
        # the heuristic found no network: the exact model settles whether one exists
        sol = solve_plan(problem, "exact", seed)
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
    takes the free seat (the model of :func:`composer.replace`); InfeasibleError says
    why when no one can."""
    forbid, fixed, avoid = _seat(plan, others, gone)
    return solve_for(
        plan, method=method, seed=seed, forbid=forbid, fixed=fixed, avoid=avoid,
        newcomers=avoid[0][0],
    )  # fmt: skip


def refill_or_none(
    plan: Plan,
    others: Mapping[int, tuple[int, ...] | None],
    gone: int,
    *,
    method: Method,
    seed: int,
) -> JointSolution | None:
    """:func:`refill_seat`'s network, or None when there is none (the dropouts need to
    know only that: the rules are not checked one by one first, nor the failure
    explained, which saves a quarter of the solves)."""
    forbid, fixed, avoid = _seat(plan, others, gone)
    return _solve(_problem(plan, forbid, fixed, avoid), method, seed, avoid[0][0])


def _seat(plan: Plan, others: _Roles, gone: int) -> tuple[list[int], _Roles, list[_Avoid]]:
    """The refill as ``forbid``, ``fixed`` and ``avoid``: ``gone`` out, everyone else kept,
    at most one newcomer."""
    newcomer = np.ones(len(plan.ids), dtype=bool)
    newcomer[[*others, gone]] = False
    return [gone], others, [(newcomer, 1, NETWORK)]
