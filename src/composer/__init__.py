"""composer: recommends who should sit in a municipal development network.

Files → validated pool and brief → coverage and scores → graph → optimiser →
composition → reports.
"""

from .composition import Composition, Gap, Member
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
from .optimise import CoverageProblem, Quota, Selection, solve
from .planner import alternatives, compose, replace
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
    "Composition",
    "CoverageProblem",
    "Gap",
    "InfeasibleError",
    "InputError",
    "Member",
    "Need",
    "NeedKind",
    "NetworkBrief",
    "Orientation",
    "Problem",
    "Quota",
    "QuotaSpec",
    "Selection",
    "alternatives",
    "compose",
    "coverage",
    "load_brief",
    "load_candidates",
    "replace",
    "score",
    "solve",
    "validate",
]
