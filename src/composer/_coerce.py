"""One reading of "candidates" and "brief" for every public function.

A function that takes candidates accepts a :class:`~composer.pool.CandidatePool`, a
DataFrame, a list of records or a path; one that takes a brief accepts a
:class:`~composer.models.NetworkBrief`, a dict or a path. :func:`as_pool` and
:func:`as_brief` turn each into the validated object once, at the public boundary.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from .errors import InputError, Problem, check_seed, told
from .loaders import load_brief, load_candidates
from .models import NetworkBrief
from .pool import CandidatePool

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["METHODS", "BriefLike", "PoolLike", "as_brief", "as_pool", "check_arguments"]

#: What a function taking candidates accepts.
PoolLike: TypeAlias = (
    "CandidatePool | pd.DataFrame | str | os.PathLike[str] | Sequence[Mapping[str, Any]]"
)
#: What a function taking a brief accepts.
BriefLike: TypeAlias = "NetworkBrief | Mapping[str, Any] | str | os.PathLike[str]"


def as_pool(obj: PoolLike) -> CandidatePool:
    """A :class:`CandidatePool` from a pool (returned as it is), a DataFrame, records or a path.

    Parameters
    ----------
    obj : CandidatePool, DataFrame, list of dicts, str or path
        Anything :func:`composer.load_candidates` reads.

    Returns
    -------
    CandidatePool

    Raises
    ------
    InputError
        From :func:`composer.load_candidates`, listing every problem.

    Examples
    --------
    >>> import pandas as pd
    >>> pool = as_pool(pd.DataFrame({"id": ["A"], "actor_type": ["borger"]}))
    >>> as_pool(pool) is pool, pool["A"].actor_type.value
    (True, 'citizen')
    """
    if isinstance(obj, CandidatePool):
        return obj
    if isinstance(obj, os.PathLike):
        return load_candidates(os.fspath(obj))
    return load_candidates(obj)


def as_brief(obj: BriefLike) -> NetworkBrief:
    """A :class:`NetworkBrief` from a brief (returned as it is), a dict or a path.

    Parameters
    ----------
    obj : NetworkBrief, dict, str or path
        Anything :func:`composer.load_brief` reads.

    Returns
    -------
    NetworkBrief

    Raises
    ------
    InputError
        From :func:`composer.load_brief`, listing every problem.

    Examples
    --------
    >>> brief = as_brief({"theme": "Unges trivsel"})
    >>> as_brief(brief) is brief, brief.phase_names
    (True, ['forløb'])
    """
    if isinstance(obj, NetworkBrief):
        return obj
    if isinstance(obj, os.PathLike):
        return load_brief(os.fspath(obj))
    return load_brief(obj)


#: The optimiser's methods (``greedy`` is an older name of ``heuristic``).
METHODS = ("auto", "exact", "heuristic")


def check_arguments(
    *,
    method: object = "auto",
    seed: object = 0,
    n: object = None,
    n_max: int = 0,
    dropouts: object = None,
    scorer: object = None,
    member_id: object = "",
) -> tuple[Any, int]:
    """Check the plain arguments of ``compose``, ``alternatives`` and ``replace`` at once,
    before any work; return ``method`` and ``seed`` as the solvers take them.

    Raises
    ------
    InputError
        Listing every argument that is wrong, with what was expected.

    Examples
    --------
    >>> check_arguments(method="bogus", seed=-1)
    Traceback (most recent call last):
    ...
    composer.errors.InputError: 2 problems in the input:
      - <arguments>, column 'method': value 'bogus' – expected one of auto, exact, heuristic
      - <arguments>, column 'seed': value '-1' – expected a whole number from 0 to 4294967295
    """
    problems: list[Problem] = []
    if not isinstance(method, str) or method not in METHODS:
        problems.append(_argument("method", method, "argument_one_of", choices=", ".join(METHODS)))
    checked = 0
    try:
        checked = check_seed(seed)
    except InputError as e:
        problems += e.problems
    if n_max and (isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= n_max):
        problems.append(_argument("n", n, "argument_whole", low=1, high=n_max))
    if dropouts is not None and not isinstance(dropouts, bool):
        problems.append(_argument("dropouts", dropouts, "argument_dropouts"))
    if scorer is not None and not callable(getattr(scorer, "fit", None)):
        problems.append(_argument("scorer", type(scorer).__name__, "argument_scorer"))
    if not isinstance(member_id, str):
        problems.append(_argument("member_id", member_id, "argument_member"))
    if problems:
        raise InputError(problems)
    return method, checked


def _argument(name: str, value: object, message: str, **params: Any) -> Problem:
    return told("<arguments>", None, name, value, message, code="bad_argument", **params)
