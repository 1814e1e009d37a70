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

from .loaders import load_brief, load_candidates
from .models import NetworkBrief
from .pool import CandidatePool

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BriefLike", "PoolLike", "as_brief", "as_pool"]

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
