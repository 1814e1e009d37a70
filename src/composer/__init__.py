"""composer: recommends who should sit in a municipal development network.

Files → validated pool and brief → encoding → coverage and scores → joint model (MILP or
iterated local search over a sparse candidate × need × phase matrix) →
composition → reports.

The public names below are imported on first use (PEP 562), so ``import composer``
loads neither scikit-learn, scipy.optimize, networkx, matplotlib nor openpyxl; the
command line's ``--help`` stays fast. ``from composer import compose`` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "ActorType",
    "Candidate",
    "CandidatePool",
    "CandidateScorer",
    "ComposerError",
    "Composition",
    "Gap",
    "InfeasibleError",
    "InputError",
    "Lottery",
    "Member",
    "Need",
    "NeedKind",
    "NetworkBrief",
    "Orientation",
    "Problem",
    "QuotaSpec",
    "alternatives",
    "compose",
    "coverage",
    "coverage_explained",
    "load_brief",
    "load_candidates",
    "lottery",
    "replace",
    "score",
    "validate",
    "verify_draw",
]

#: public name -> the module (relative to this package) that defines it
_LAZY: dict[str, str] = {
    "Composition": "composition",
    "Gap": "composition",
    "Member": "composition",
    "ComposerError": "errors",
    "InfeasibleError": "errors",
    "InputError": "errors",
    "Problem": "errors",
    "load_brief": "loaders",
    "load_candidates": "loaders",
    "ActorType": "models",
    "Candidate": "models",
    "Need": "models",
    "NeedKind": "models",
    "NetworkBrief": "models",
    "Orientation": "models",
    "QuotaSpec": "models",
    "alternatives": "planner",
    "compose": "planner",
    "replace": "planner",
    "CandidatePool": "pool",
    "CandidateScorer": "scoring",
    "coverage": "scoring",
    "coverage_explained": "scoring",
    "score": "scoring",
    "validate": "validation",
    "Lottery": "draw",
    "verify_draw": "draw",
    "lottery": "planner.lottery",
}

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ does this
    from .composition import Composition, Gap, Member
    from .draw import Lottery, verify_draw
    from .errors import ComposerError, InfeasibleError, InputError, Problem
    from .loaders import load_brief, load_candidates
    from .models import (
        ActorType,
        Candidate,
        Need,
        NeedKind,
        NetworkBrief,
        Orientation,
        QuotaSpec,
    )
    from .planner import alternatives, compose, replace
    from .planner.lottery import lottery
    from .pool import CandidatePool
    from .scoring import CandidateScorer, coverage, coverage_explained, score
    from .validation import validate


def __getattr__(name: str) -> Any:
    """Import a public name (or a submodule, e.g. ``composer.datasets``) on first use."""
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as e:
        if e.name != f"{__name__}.{name}":  # the submodule exists but an import in it failed
            raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
