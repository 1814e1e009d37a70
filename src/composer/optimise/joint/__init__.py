"""The joint model of a network's core and phase participants, exact and heuristic.

See :mod:`composer.optimise.joint.problem` for the model and its rules,
:mod:`~composer.optimise.joint.objective` for F, person-hours and the fit, :mod:`~composer.optimise.joint.exact` for the MILP and
:mod:`~composer.optimise.joint.heuristic` for large pools.
"""

from .exact import solve_exact
from .heuristic import solve_heuristic
from .objective import F_SLACK, Objective
from .problem import (
    CORE,
    NETWORK,
    JointProblem,
    JointQuota,
    JointSolution,
    evaluate,
    rule_violations,
)

__all__ = [
    "CORE",
    "F_SLACK",
    "NETWORK",
    "JointProblem",
    "JointQuota",
    "JointSolution",
    "Objective",
    "evaluate",
    "rule_violations",
    "solve_exact",
    "solve_heuristic",
]
