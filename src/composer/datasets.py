"""Sample scenarios shipped with the package, and synthetic pools for tests and benchmarks."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .loaders import load_brief, load_candidates
from .models import ActorType, NetworkBrief
from .pool import CandidatePool

if TYPE_CHECKING:
    from .optimise.joint import JointProblem

__all__ = [
    "list_samples",
    "load_sample",
    "random_joint_problem",
    "sample_path",
    "synthetic_brief",
    "synthetic_frame",
    "synthetic_pool",
]


def list_samples() -> list[str]:
    """Names of the shipped sample scenarios.

    Examples
    --------
    >>> "klimatilpasning" in list_samples()
    True
    """
    root = resources.files("composer") / "data" / "samples"
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


def sample_path(name: str) -> Path:
    """Folder of the sample ``name`` (holding ``candidates.csv`` and ``brief.yaml``)."""
    if name not in list_samples():
        raise KeyError(f"no sample called {name!r}; expected one of {list_samples()}")
    return Path(str(resources.files("composer") / "data" / "samples" / name))


def load_sample(name: str) -> tuple[CandidatePool, NetworkBrief]:
    """Load a shipped sample scenario: its pool and its brief.

    Examples
    --------
    >>> pool, brief = load_sample("klimatilpasning")
    >>> len(pool) >= 40, bool(brief.needs)
    (True, True)
    """
    folder = sample_path(name)
    return load_candidates(folder / "candidates.csv"), load_brief(folder / "brief.yaml")


# ------------------------------------------------------------------ synthetic data
PROFESSIONAL = [
    "demens",
    "sundhedsfremme",
    "frivilligkoordinering",
    "forebyggende hjemmebesøg",
    "socialpsykiatri",
    "hverdagsrehabilitering",
    "klimatilpasning",
    "regnvandshåndtering",
    "boligsocialt arbejde",
    "inklusion",
    "specialpædagogik",
    "rekruttering",
    "arbejdsmiljø",
    "ergoterapi",
    "sygepleje",
    "velfærdsteknologi",
    "ernæring",
    "misbrug",
    "ungdomsuddannelse",
    "beskæftigelse",
    "byplanlægning",
    "kulturformidling",
    "idræt",
    "sagsbehandling",
]
PERSONAL = [
    "egen erfaring med ensomhed",
    "pårørendeerfaring",
    "tosproget",
    "lokalkendskab",
    "netværksskabende",
    "erfaring som bruger",
    "frivillig besøgsven",
    "ung med psykisk sårbarhed",
]
METHODOLOGICAL = [
    "borgerinddragelse",
    "designtænkning",
    "evaluering",
    "dataanalyse",
    "facilitering",
    "projektledelse",
    "aktionsforskning",
    "motiverende samtale",
    "samskabelse",
    "prototyping",
]
PERSPECTIVES = [
    "borgerperspektiv",
    "civilsamfund",
    "fagligt",
    "ledelse",
    "politisk",
    "erhverv",
    "forskning",
    "pårørendeperspektiv",
    "tværkommunalt",
    "brugerperspektiv",
]
UNITS = [
    "Ældre og Sundhed",
    "Børn og Unge",
    "Kultur og Fritid",
    "Teknik og Miljø",
    "Social og Handicap",
]
PHASES = ["afdækning", "idéudvikling", "afprøvning", "forankring"]
WORDS = [
    "ældre",
    "borgere",
    "ensomhed",
    "fællesskab",
    "hjemmeplejen",
    "frivillige",
    "kommunen",
    "samarbejde",
    "trivsel",
    "unge",
    "familier",
    "boligområdet",
    "erfaring",
    "tilbud",
    "indsats",
    "udvikling",
    "løsninger",
]


def _pick_lists(rng: np.random.Generator, vocab: list[str], n: int, lo: int, hi: int) -> list[str]:
    k = rng.integers(lo, hi + 1, size=n)
    # skewed popularity: earlier phrases are more common
    p = 1.0 / np.arange(1, len(vocab) + 1)
    p /= p.sum()
    idx = rng.choice(len(vocab), size=(n, hi), p=p)
    out = []
    for row, kk in zip(idx, k, strict=True):
        out.append(";".join(dict.fromkeys(vocab[j] for j in row[:kk])))
    return out


def synthetic_frame(n: int, seed: int = 0) -> pd.DataFrame:
    """A raw candidate table (text cells, as a spreadsheet holds them) of ``n`` people.

    Valid under :func:`synthetic_brief`; used to benchmark the loaders from CSV.
    """
    rng = np.random.default_rng(seed)
    actors = np.array([a.value for a in ActorType], dtype=object)
    share = np.array([30, 8, 12, 8, 6, 6, 5, 3, 3, 5, 5, 3, 6], dtype=float)
    at = actors[rng.choice(len(actors), size=n, p=share / share.sum())]
    municipal = np.isin(at, ["municipal_staff", "municipal_manager"])
    units = np.array(UNITS, dtype=object)[rng.integers(0, len(UNITS), size=n)]
    phase_sets = np.array(
        [
            "",
            "alle",
            "afdækning",
            "idéudvikling;afprøvning",
            "afdækning;idéudvikling",
            "forankring",
        ],
        dtype=object,
    )
    phases = phase_sets[rng.choice(len(phase_sets), size=n, p=[0.35, 0.15, 0.15, 0.15, 0.1, 0.1])]
    words = np.array(WORDS, dtype=object)
    texts = [" ".join(words[rng.integers(0, len(words), size=8)]) for _ in range(min(n, 997))]
    approval = np.array(["ja", "nej", ""], dtype=object)[rng.choice(3, size=n, p=[0.6, 0.1, 0.3])]
    yn = np.array(["ja", "nej", ""], dtype=object)
    ids = np.array([f"C{i:07d}" for i in range(n)], dtype=object)
    return pd.DataFrame(
        {
            "id": ids,
            "name": [f"Person {i}" for i in range(n)],
            "actor_type": at,
            "organisation": np.where(municipal, "Eksempel Kommune", ""),
            "unit": np.where(municipal, units, ""),
            "professional_competences": _pick_lists(rng, PROFESSIONAL, n, 0, 3),
            "personal_competences": _pick_lists(rng, PERSONAL, n, 0, 2),
            "methodological_competences": _pick_lists(rng, METHODOLOGICAL, n, 0, 2),
            "perspectives": _pick_lists(rng, PERSPECTIVES, n, 1, 2),
            "background": [texts[i % len(texts)] for i in range(n)],
            "statement": [texts[(i * 7 + 3) % len(texts)] for i in range(n)],
            "motivation": rng.integers(1, 6, size=n).astype(str),
            "phases": phases,
            "hours_available": rng.integers(4, 41, size=n).astype(str),
            "manager_approval": np.where(municipal, approval, ""),
            "can_present": yn[rng.integers(0, 3, size=n)],
            "can_take_tasks": yn[rng.integers(0, 3, size=n)],
            "knows": "",
            "gender": np.array(["kvinde", "mand"], dtype=object)[rng.integers(0, 2, size=n)],
        }
    )


def synthetic_pool(n: int, seed: int = 0) -> CandidatePool:
    """A valid synthetic pool of ``n`` people (Danish phrases, skewed popularity).

    Examples
    --------
    >>> pool = synthetic_pool(100, seed=1)
    >>> len(pool)
    100
    """
    return load_candidates(synthetic_frame(n, seed))


def synthetic_brief(
    n_needs: int = 15, seed: int = 0, core: tuple[int, int] = (6, 9)
) -> NetworkBrief:
    """A valid brief over the synthetic vocabulary with ``n_needs`` needs of every kind.

    Examples
    --------
    >>> brief = synthetic_brief(15)
    >>> len(brief.needs), brief.phase_names
    (15, ['afdækning', 'idéudvikling', 'afprøvning', 'forankring'])
    """
    rng = np.random.default_rng(seed)
    pools = [
        ("professional", PROFESSIONAL),
        ("personal", PERSONAL),
        ("methodological", METHODOLOGICAL),
        ("perspective", PERSPECTIVES),
        ("actor_type", ["borger", "forsker", "virksomhed", "politiker", "bruger"]),
        ("topic", ["fællesskab", "trivsel", "frivillige"]),
    ]
    needs: list[dict[str, object]] = []
    used: set[str] = set()
    k = 0
    while len(needs) < n_needs and k < 10 * n_needs:
        kind, vocab = pools[k % len(pools)] if k < 6 else pools[int(rng.integers(0, 4))]
        k += 1
        name = str(vocab[int(rng.integers(0, min(len(vocab), 8)))])
        if name in used:
            continue
        used.add(name)
        need: dict[str, object] = {
            "name": name,
            "kind": kind,
            "weight": int(rng.integers(1, 4)),
            "count": int(rng.integers(1, 3)),
        }
        if rng.random() < 0.3:
            need["phases"] = [PHASES[int(rng.integers(0, 4))]]
        needs.append(need)
    return load_brief(
        {
            "theme": "Syntetisk netværk",
            "description": "Netværket skal udvikle nye fællesskaber og tilbud til ældre borgere og unge familier.",
            "home_units": ["Ældre og Sundhed"],
            "meetings": {"count": 5, "hours": 3.5},
            "phases": [
                {"name": "afdækning", "meetings": [1, 2]},
                {"name": "idéudvikling", "meetings": [3]},
                {"name": "afprøvning", "meetings": [4]},
                {"name": "forankring", "meetings": [5]},
            ],
            "needs": needs,
            "core": {"min": core[0], "max": core[1]},
            "phase_participants": {"per_phase_max": 3, "total_max": 8},
            "quotas": [
                {"column": "actor_type", "value": "citizen", "min": 1},
                {"column": "orientation", "value": "inside", "max": 4, "scope": "core"},
                {"column": "gender", "value": "mand", "min": 2},
            ],
        }
    )


def random_joint_problem(seed: int, n: int | None = None) -> JointProblem:
    """A random joint problem (arrays only) for solver tests and benchmarks.

    Sizes follow the leaflet: a core of 3–9, 2–4 participants a phase, 3–8 in all,
    2–5 phases of one or two meetings; sparse coverage (about one need in eight per
    person), a third with unknown hours, some not available for some phases, a few
    blocked, and 0–2 quotas of random scope.

    Examples
    --------
    >>> p = random_joint_problem(0)
    >>> p.core_min <= p.core_max, p.coverage.shape[0] == len(p.names)
    (True, True)
    """
    import scipy.sparse as sp

    from .optimise.joint import CORE, NETWORK, JointProblem, JointQuota

    rng = np.random.default_rng(seed)
    n = int(rng.integers(30, 120)) if n is None else n
    m = int(rng.integers(5, 16))
    P = int(rng.integers(2, 6))
    ph = (rng.integers(1, 3, size=P) * 3.0).astype(np.float64)
    dense = np.where(rng.random((n, m)) < 0.12, np.round(rng.uniform(0.3, 1.0, (n, m)), 2), 0.0)
    active = np.zeros((P, m), dtype=bool)
    for f in range(m):
        if rng.random() < 0.4:
            active[rng.choice(P, size=int(rng.integers(1, P + 1)), replace=False), f] = True
        else:
            active[:, f] = True
    avail = rng.random((n, P)) < 0.8
    avail[rng.random(n) < 0.5] = True
    hours = np.where(
        rng.random(n) < 0.3, np.nan, rng.choice([3.0, 6.0, 9.0, 12.0, 20.0, 40.0], size=n)
    )
    blocked = rng.random(n) < 0.05
    free = np.isnan(hours)
    core_ok = avail.all(axis=1) & (free | (hours >= ph.sum())) & ~blocked
    phase_ok = avail & (free[:, None] | (hours[:, None] >= ph[None, :])) & ~blocked[:, None]
    core_min = int(rng.integers(3, 7))
    quotas = [
        JointQuota(
            rng.random(n) < 0.3,
            int(rng.integers(0, 3)),
            None if rng.random() < 0.5 else int(rng.integers(2, 5)),
            int(rng.choice([NETWORK, CORE, *range(P)])),
            f"q{k}",
        )
        for k in range(int(rng.integers(0, 3)))
    ]
    return JointProblem(
        coverage=sp.csr_array(dense),
        weights=rng.integers(1, 4, size=m).astype(float),
        demand=rng.integers(1, 3, size=m).astype(float),
        active=active,
        phase_hours=ph,
        hours=hours,
        core_ok=core_ok,
        phase_ok=phase_ok,
        core_min=core_min,
        core_max=core_min + int(rng.integers(0, 4)),
        per_phase_max=int(rng.integers(2, 5)),
        total_max=int(rng.integers(3, 9)),
        quotas=quotas,
        fit=rng.random(n),
        score=rng.random(n),
        names=[f"c{i:03d}" for i in range(n)],
    )
