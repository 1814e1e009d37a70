"""composer: recommends who should sit in a municipal development network.

Files → validated pool and brief → coverage and scores → graph → optimiser →
composition → reports.
"""

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
from .pool import CandidatePool
from .scoring import CandidateScorer, coverage, score
from .validation import validate

__version__ = "0.1.0"

__all__ = [
    "ActorType",
    "Candidate",
    "CandidatePool",
    "CandidateScorer",
    "ComposerError",
    "InfeasibleError",
    "InputError",
    "Need",
    "NeedKind",
    "NetworkBrief",
    "Orientation",
    "Problem",
    "QuotaSpec",
    "coverage",
    "load_brief",
    "load_candidates",
    "score",
    "validate",
]
