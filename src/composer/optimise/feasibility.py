"""Infeasibility: say at once, before any search, which constraint cannot be met."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from composer.errors import InfeasibleError
from composer.optimise.problem import BoolArray, CoverageProblem, Quota
from composer.optimise.types import _Types


def _check_feasible(problem: CoverageProblem, types: _Types) -> None:
    """Raise InfeasibleError, naming every unmet constraint, when no selection exists."""
    n = problem.n_candidates
    inc = problem.include
    choosable = np.ones(n, dtype=bool)
    choosable[problem.exclude] = False
    in_include = np.zeros(n, dtype=bool)
    in_include[inc] = True
    reasons: list[str] = []
    relax: list[str] = []
    _check_sizes(problem, int(choosable.sum()), reasons, relax)
    for k, quota in enumerate(problem.quotas):
        _check_quota(problem, k, quota, choosable, in_include, reasons, relax)
    if reasons:
        raise InfeasibleError(reasons, relax)
    counts = types.counts_of(inc)
    avail = types.avail_of(choosable & ~in_include)
    if not types.completable(counts, int(inc.size), avail):
        # The simple checks passed but the constraints conflict together: find out how.
        _raise_joint_conflict(problem, types, counts, avail)


def _check_sizes(
    problem: CoverageProblem, n_choosable: int, reasons: list[str], relax: list[str]
) -> None:
    """Include against exclude and max_size, min_size against who can be chosen."""
    inc, exc = problem.include, problem.exclude
    max_size, min_size = problem.max_size, problem.min_size
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
    if min_size > n_choosable:
        reasons.append(f"min_size {min_size} but only {n_choosable} candidates can be chosen")
        relax.append(
            f"lower min_size to {n_choosable}" + (" or take ids out of exclude" if exc.size else "")
        )


def _check_quota(
    problem: CoverageProblem,
    k: int,
    quota: Quota,
    choosable: BoolArray,
    in_include: BoolArray,
    reasons: list[str],
    relax: list[str],
) -> None:
    """Quota ``k`` on its own: include against its max, who can be chosen against its min."""
    max_size = problem.max_size
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
            f"drop {excess} of them from include or raise the max of quota {name} to {forced.size}"
        )
    can = members[choosable[members]]
    if quota.min > can.size:
        word = "candidate" if can.size == 1 else "candidates"
        ids = f" ({problem.labels(can)})" if can.size else ""
        reasons.append(f"quota {name} min {quota.min}: only {can.size} {word} can be chosen{ids}")
        hint = " or take its members out of exclude" if can.size < members.size else ""
        relax.append(f"lower the min of quota {name} to {can.size}{hint}")
    elif quota.min > max_size:
        reasons.append(f"quota {name} min {quota.min} but max_size is {max_size}")
        relax.append(
            f"lower the min of quota {name} to {max_size} or raise max_size to {quota.min}"
        )


def _raise_joint_conflict(
    problem: CoverageProblem, types: _Types, counts: tuple[int, ...], avail: list[int]
) -> None:
    """Raise InfeasibleError for constraints that each hold alone but not together."""
    inc = problem.include
    max_size, min_size = problem.max_size, problem.min_size
    reasons: list[str] = []
    relax: list[str] = []
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


def check_feasible(problem: CoverageProblem) -> None:
    """Raise InfeasibleError, naming every unmet constraint, when ``problem`` has no selection."""
    _check_feasible(problem, _Types(problem))
