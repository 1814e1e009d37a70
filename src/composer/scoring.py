"""Scoring: how well each candidate covers each need, and a score per candidate, explained.

:class:`CandidateScorer` learns the brief's needs (scikit-learn style); :func:`coverage`,
:func:`coverage_explained` and :func:`score` are thin wrappers. A coverage value is a
justified match of a named kind (:mod:`composer.matching`: exact, inflection, spelling,
compound head or modifier, synonym, translation, narrower, broader, related, free text)
or 0; Danish words are read through :mod:`composer.lexicon` (simplemma lemmas, wordfreq
compounds) and :mod:`composer.thesaurus`. The score's free-text relevance to the brief is
a word TF-IDF with a Danish + English stop list. Accents are never stripped.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from ._coerce import BriefLike, PoolLike, as_brief, as_pool
from .components import (
    Inputs,
    availability,
    background,
    commitment,
    competence,
    core_fit,
    perspective,
    reasons,
)
from .encoding import Encoding, encode
from .errors import InputError, told
from .matching import Match, Sentences, matcher
from .models import ActorType, NeedKind, NetworkBrief
from .pool import CandidatePool
from .progress import track
from .text import stem, tokens
from .thesaurus import Concept, Thesaurus, as_thesaurus
from .validation import validate
from .vocabulary import ACTOR_LOOKUP

__all__ = [
    "DEFAULT_WEIGHTS",
    "EXPLAINED_COLUMNS",
    "SCORE_COLUMNS",
    "CandidateScorer",
    "coverage",
    "coverage_explained",
    "score",
]

#: Default weights of the components in ``total``; a brief's ``weights`` overrides them.
DEFAULT_WEIGHTS: dict[str, float] = {
    "competence": 0.35,
    "background": 0.15,
    "perspective": 0.15,
    "commitment": 0.20,
    "availability": 0.15,
}
SCORE_COLUMNS = (
    "competence",
    "background",
    "perspective",
    "commitment",
    "availability",
    "total",
    "core_fit",
    "reasons",
)
#: Columns of :func:`coverage_explained`: one row per non-zero cell of the coverage.
EXPLAINED_COLUMNS = ("id", "need", "value", "kind", "phrase", "column")
_PHRASE_COLUMNS = {
    NeedKind.professional: "professional_competences",
    NeedKind.personal: "personal_competences",
    NeedKind.methodological: "methodological_competences",
    NeedKind.perspective: "perspectives",
}
_TEXT_COLUMNS = ("background", "statement")
#: One cell of the coverage: the best match (or None) and the column it was found in.
_Cell = tuple[Match | None, str]


def _analyzer(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if len(t) > 1]


def _synonym_concepts(synonyms: Mapping[str, str]) -> Thesaurus:
    """Extra synonym pairs ``{phrase: Danish term}`` as concepts that extend a thesaurus."""
    found: dict[str, list[str]] = {}
    for k, v in synonyms.items():
        found.setdefault(str(v).strip().lower(), []).append(str(k))
    return Thesaurus({t: Concept(t, alt=tuple(a)) for t, a in sorted(found.items())})


class CandidateScorer(BaseEstimator):
    """Scores a pool against a brief (a scikit-learn estimator).

    ``get_params``, ``set_params``, :func:`sklearn.base.clone` and
    :func:`sklearn.utils.validation.check_is_fitted` work as for any estimator. Every
    method that takes candidates accepts a pool, a DataFrame, records or a path; the
    brief may be a :class:`NetworkBrief`, a dict or a path.

    Parameters
    ----------
    weights : mapping, optional
        Weights of ``competence``, ``background``, ``perspective``, ``commitment`` and
        ``availability`` in ``total`` (missing keys keep their defaults). The brief's own
        ``weights`` take precedence over the defaults, these over the brief's.
    synonyms : mapping, optional
        Extra synonym pairs (e.g. ``{"co-production": "samproduktion"}``): the phrase
        becomes a label of the Danish term's concept in the thesaurus.
    thesaurus : Thesaurus, path or mapping, optional
        The domain thesaurus: ``None`` for the built-in one
        (``composer/data/thesaurus.yaml``), a :class:`~composer.thesaurus.Thesaurus`, or a
        YAML/JSON file or mapping that extends it (``extends: false`` replaces it). A
        brief's ``thesaurus`` key extends this one.
    text_scale : float, default 0.3
        Cosine similarity of free text to the brief's description that counts as fully
        relevant (free-text cosines are small; this maps them onto [0, 1]).
    reasons : bool, default True
        Write the ``reasons`` column of :meth:`transform`; with False it holds empty
        lists (for callers that read only the numbers).

    Attributes
    ----------
    brief_ : NetworkBrief
    needs_ : list of str
        Need names, the columns of :meth:`coverage`.
    thesaurus_ : Thesaurus
        The thesaurus used (built-in, extended by ``thesaurus``, ``synonyms`` and the brief).
    matchers_ : dict
        Need name → :class:`~composer.matching.NeedMatcher` (not for actor-type needs).
    text_vectorizer_ : TfidfVectorizer
        Word vectoriser fitted on the pool's free text and the brief's description.
    weights_ : dict
        The weights used for ``total``, normalised to sum 1.

    Examples
    --------
    >>> from composer import load_candidates, load_brief
    >>> pool = load_candidates([
    ...     {"id": "A", "actor_type": "borger", "professional_competences": "Demens-koordinator"},
    ...     {"id": "B", "actor_type": "forsker", "methodological_competences": "evaluation"},
    ... ])
    >>> brief = load_brief({"theme": "Ensomhed", "needs": [
    ...     {"name": "demens", "kind": "professional"},
    ...     {"name": "evaluering", "kind": "methodological"},
    ...     {"name": "borger", "kind": "actor_type"}]})
    >>> CandidateScorer().fit(pool, brief).coverage(pool).round(2)
        demens  evaluering  borger
    id
    A      0.9         0.0     1.0
    B      0.0         1.0     0.0
    """

    def __init__(
        self,
        weights: Mapping[str, float] | None = None,
        synonyms: Mapping[str, str] | None = None,
        thesaurus: Thesaurus | str | Path | Mapping[str, Any] | None = None,
        text_scale: float = 0.3,
        reasons: bool = True,
    ) -> None:
        self.weights = weights
        self.synonyms = synonyms
        self.thesaurus = thesaurus
        self.text_scale = text_scale
        self.reasons = reasons

    # ------------------------------------------------------------------ fitting
    def fit(self, pool: PoolLike, brief: BriefLike) -> CandidateScorer:
        """Validate ``pool`` against ``brief``, read the needs and learn the vocabulary."""
        pool, brief = as_pool(pool), as_brief(brief)
        validate(pool, brief)
        return self.fit_validated(pool, brief)

    def fit_validated(self, pool: CandidatePool, brief: NetworkBrief) -> CandidateScorer:
        """:meth:`fit` for a pool and brief the caller has validated already (the planner
        validates once, with the need counts, before it scores)."""
        if not 0 < self.text_scale <= 1:
            raise ValueError(f"text_scale={self.text_scale} should be in (0, 1]")
        self.weights_ = self._weights(brief)
        self.brief_ = brief
        th = as_thesaurus(self.thesaurus, [brief.thesaurus] if brief.thesaurus else [])
        self.thesaurus_ = th.merged(_synonym_concepts(self.synonyms)) if self.synonyms else th
        self.needs_ = [n.name for n in brief.needs]
        self.need_actor_types_ = self._actor_needs(brief)
        self.matchers_ = {
            n.name: matcher(n.name, self.thesaurus_)
            for n in brief.needs
            if n.kind is not NeedKind.actor_type
        }
        f = pool.frame
        free = pd.concat([f["background"], f["statement"]]).to_numpy(dtype=object).tolist()
        free.append(f"{brief.theme} {brief.description}")
        if not any(_analyzer(t) for t in free):  # nobody wrote a word: keep a vocabulary
            free.append("netværk")
        self.text_vectorizer_ = TfidfVectorizer(
            analyzer=_analyzer, sublinear_tf=True, strip_accents=None
        ).fit(free)
        return self

    def _weights(self, brief: NetworkBrief) -> dict[str, float]:
        unknown = set(self.weights or {}) - set(DEFAULT_WEIGHTS)
        if unknown:
            raise ValueError(f"unknown weights {sorted(unknown)}; expected {list(DEFAULT_WEIGHTS)}")
        w = dict(DEFAULT_WEIGHTS)
        w.update({str(k): v for k, v in (brief.weights or {}).items()})
        w.update(self.weights or {})
        if any(v < 0 for v in w.values()) or sum(w.values()) <= 0:
            raise ValueError(f"weights {w} should be >= 0 with a positive sum")
        total = sum(w.values())
        return {k: v / total for k, v in w.items()}

    def _actor_needs(self, brief: NetworkBrief) -> dict[str, ActorType]:
        out: dict[str, ActorType] = {}
        problems = []
        stems = {stem(k): a for k, a in ACTOR_LOOKUP.items()}
        synonyms = {k.lower(): v for k, v in (self.synonyms or {}).items()}
        for i, n in enumerate(brief.needs):
            if n.kind is not NeedKind.actor_type:
                continue
            low = " ".join(n.name.lower().split())
            low = synonyms.get(low, low)
            a = ACTOR_LOOKUP.get(low) or stems.get(stem(low))
            if a is None:
                problems.append(
                    told(
                        "<brief>",
                        None,
                        f"needs[{i}].name",
                        n.name,
                        "need_actor_type",
                        code="invalid_value",
                    )
                )
            else:
                out[n.name] = a
        if problems:
            raise InputError(problems)
        return out

    def _check_fitted(self) -> None:
        # NotFittedError is a ValueError: callers catching ValueError keep working
        check_is_fitted(
            self, "brief_", msg="This %(name)s is not fitted yet; call fit(pool, brief) first."
        )

    # ------------------------------------------------------------------ coverage
    def phrase_similarity(self, phrases: list[str], need: str) -> np.ndarray:
        """Coverage in [0, 1] of ``need`` by each listed phrase (0 where nothing matches)."""
        self._check_fitted()
        m = self.matchers_.get(need) or matcher(need, self.thesaurus_)
        return np.array([_value(m.phrase(p)) for p in phrases], dtype=float)

    def _matches(self, f: pd.DataFrame, sentences: Sentences, need: Any) -> list[_Cell]:
        """The best match of every candidate for one need, with the column it comes from."""
        m = self.matchers_[need.name]
        cols = (
            [_PHRASE_COLUMNS[need.kind]]
            if need.kind in _PHRASE_COLUMNS
            else list(_PHRASE_COLUMNS.values())
        )
        best: list[_Cell] = [(None, "")] * len(f)
        for col in cols:
            for i, lst in enumerate(f[col].to_numpy(dtype=object)):
                for p in lst:
                    best[i] = _better(best[i], m.phrase(p), col)
        for col in _TEXT_COLUMNS:
            # each distinct text judged once (many candidates leave the same words)
            codes, texts = pd.factorize(f[col].to_numpy(dtype=object))
            judged = [m.free_text(t, sentences) if t else None for t in texts]
            for i, k in enumerate(codes.tolist()):
                if k >= 0 and judged[k] is not None:
                    best[i] = _better(best[i], judged[k], col)
        return best

    def _cells(self, f: pd.DataFrame) -> list[list[_Cell]]:
        """Per need, every candidate's best match (free text tokenised once for all needs)."""
        self._check_fitted()
        sentences = Sentences(self.thesaurus_)
        actor = f["actor_type"].to_numpy(dtype=object)
        lang = str(self.brief_.language)
        out = []
        needs = self.brief_.needs
        for need in track(needs, len(needs), "coverage", rows=len(f)):
            if need.kind is NeedKind.actor_type:
                a = self.need_actor_types_[need.name]
                hit = Match(1.0, "actor type", a.label(lang))
                none: _Cell = (None, "")
                out.append([(hit, "actor_type") if x == a.value else none for x in actor])
            else:
                out.append(self._matches(f, sentences, need))
        return out

    def coverage(self, pool: PoolLike) -> pd.DataFrame:
        """Candidate × need coverage in [0, 1], index = ids, one column per need."""
        self._check_fitted()
        f = as_pool(pool).frame
        cells = self._cells(f)
        out = np.array([[_value(m) for m, _ in col] for col in cells], dtype=float).T
        frame = pd.DataFrame(
            out.reshape(len(f), len(self.needs_)), index=f.index.copy(), columns=list(self.needs_)
        )
        frame.columns.name = None
        return frame

    def explained(self, pool: PoolLike) -> pd.DataFrame:
        """Every non-zero cell of :meth:`coverage` with the kind and the phrase behind it.

        Columns :data:`EXPLAINED_COLUMNS`: ``id``, ``need``, ``value``, ``kind`` (exact,
        inflection, spelling, synonym, translation, narrower, compound head, compound
        modifier, broader, related, free text, actor type), ``phrase`` (the listed phrase,
        or the quoted words of a sentence) and ``column`` (where it was found); sorted
        by id, then need in the brief's order.
        """
        self._check_fitted()
        return self._explained(as_pool(pool).frame)

    def _explained(self, f: pd.DataFrame) -> pd.DataFrame:
        cells = self._cells(f)
        rows = [
            (cid, need, m.value, m.kind, m.phrase, col)
            for need, col_cells in zip(self.needs_, cells, strict=True)
            for cid, (m, col) in zip(f.index, col_cells, strict=True)
            if m is not None
        ]
        out = pd.DataFrame(rows, columns=list(EXPLAINED_COLUMNS))
        order = {n: j for j, n in enumerate(self.needs_)}
        out["_n"] = out["need"].map(order)
        return (
            out.sort_values(["id", "_n"], kind="stable").drop(columns="_n").reset_index(drop=True)
        )

    def explained_ids(self, pool: CandidatePool, ids: list[str]) -> pd.DataFrame:
        """:meth:`explained` for the candidates ``ids`` of ``pool`` only (a report reads
        the matches of the people it names, not of the whole pool)."""
        self._check_fitted()
        return self._explained(pool.frame.loc[list(ids)])

    def best_phrase(self, pool: PoolLike, cid: str, need_name: str) -> tuple[float, str | None]:
        """The phrase (or quoted words) of ``cid`` that best covers ``need_name``, with its value."""
        self._check_fitted()
        ex = self._explained(as_pool(pool).frame.loc[[cid]])
        hit = ex[ex["need"] == need_name]
        if hit.empty:
            return 0.0, None
        return float(hit["value"].iloc[0]), str(hit["phrase"].iloc[0])

    # ------------------------------------------------------------------ scores
    def _text_similarity(self, texts: np.ndarray) -> np.ndarray:
        desc = f"{self.brief_.theme} {self.brief_.description}"
        x = normalize(self.text_vectorizer_.transform(list(texts)))
        d = normalize(self.text_vectorizer_.transform([desc]))
        cos = (x @ d.T).toarray().ravel()
        return np.clip(cos / self.text_scale, 0.0, 1.0)

    def transform(
        self,
        pool: PoolLike,
        cov: pd.DataFrame | None = None,
        encoding: Encoding | None = None,
    ) -> pd.DataFrame:
        """Score every candidate; columns ``competence`` … ``total``, ``core_fit``, ``reasons``.

        ``cov`` may pass a coverage frame already computed by :meth:`coverage`, and
        ``encoding`` the pool's :func:`~composer.encoding.encode` (rows in pool order).
        One function per component (:mod:`composer.components`).
        """
        self._check_fitted()
        pool = as_pool(pool)
        f = pool.frame
        x = Inputs(
            frame=f,
            brief=self.brief_,
            enc=encode(pool, self.brief_) if encoding is None else encoding,
            c=(self.coverage(pool) if cov is None else cov).to_numpy(),
            asked_actors=frozenset(a.value for a in self.need_actor_types_.values()),
            bg_sim=self._text_similarity(f["background"].to_numpy(dtype=object)),
            st_sim=self._text_similarity(f["statement"].to_numpy(dtype=object)),
        )
        parts = {
            "competence": competence(x),
            "background": background(x),
            "perspective": perspective(x),
            "commitment": commitment(x),
            "availability": availability(x),
        }
        parts["total"] = np.sum([self.weights_[k] * v for k, v in parts.items()], axis=0)
        parts["core_fit"] = core_fit(x, parts["competence"], parts["commitment"])
        out = pd.DataFrame(parts, index=f.index.copy()).clip(0.0, 1.0)
        lang = str(self.brief_.language)
        out["reasons"] = (
            reasons(x, self.needs_, lang) if self.reasons else [[] for _ in range(len(f))]
        )
        return out

    def fit_transform(self, pool: PoolLike, brief: BriefLike) -> pd.DataFrame:
        """``fit(pool, brief).transform(pool)``."""
        pool = as_pool(pool)
        return self.fit(pool, brief).transform(pool)


def _value(m: Match | None) -> float:
    return 0.0 if m is None else m.value


def _better(cell: _Cell, hit: Match | None, col: str) -> _Cell:
    """``(hit, col)`` when it is worth more than ``cell`` (the first of equals stays)."""
    if hit is not None and (cell[0] is None or hit.value > cell[0].value):
        return hit, col
    return cell


def coverage(pool: PoolLike, brief: BriefLike, **params: Any) -> pd.DataFrame:
    """How well each candidate covers each need: index = ids, one column per need, in [0, 1].

    ``pool`` may be a pool, a DataFrame, records or a path; ``brief`` a brief, a dict or
    a path. Other parameters are passed to :class:`CandidateScorer`.

    Examples
    --------
    >>> from composer import load_candidates, load_brief
    >>> pool = load_candidates([{"id": "A", "actor_type": "borger",
    ...                          "methodological_competences": "Borger-inddragelse"}])
    >>> brief = load_brief({"theme": "x", "needs": [{"name": "borgerinddragelse", "kind": "methodological"}]})
    >>> float(coverage(pool, brief).loc["A", "borgerinddragelse"])
    1.0
    """
    pool = as_pool(pool)
    return CandidateScorer(**params).fit(pool, brief).coverage(pool)


def coverage_explained(pool: PoolLike, brief: BriefLike, **params: Any) -> pd.DataFrame:
    """Every non-zero coverage cell with its kind and the phrase behind it.

    One row per (candidate, need) with a value above 0: columns ``id``, ``need``,
    ``value`` (as in :func:`coverage`), ``kind`` (exact, inflection, spelling, synonym,
    translation, narrower, compound head, compound modifier, broader, related, free
    text, actor type), ``phrase`` (the listed phrase, or the quoted words of a sentence)
    and ``column`` (where it was found). Other parameters go to :class:`CandidateScorer`.

    Examples
    --------
    >>> from composer import load_candidates, load_brief
    >>> pool = load_candidates([{"id": "A", "actor_type": "forsker",
    ...                          "professional_competences": "teknologietik; genetik"}])
    >>> brief = load_brief({"theme": "x", "needs": [{"name": "etik", "kind": "professional"}]})
    >>> coverage_explained(pool, brief).to_dict("records")
    [{'id': 'A', 'need': 'etik', 'value': 0.9, 'kind': 'narrower', 'phrase': 'teknologietik', 'column': 'professional_competences'}]
    """
    pool = as_pool(pool)
    return CandidateScorer(**params).fit(pool, brief).explained(pool)


def score(pool: PoolLike, brief: BriefLike, **params: Any) -> pd.DataFrame:
    """Score each candidate: ``competence``, ``background``, ``perspective``, ``commitment``,
    ``availability``, ``total``, ``core_fit`` (all in [0, 1]) and ``reasons``.

    ``pool`` may be a pool, a DataFrame, records or a path; ``brief`` a brief, a dict or
    a path. Other parameters are passed to :class:`CandidateScorer`.

    Examples
    --------
    >>> from composer import load_candidates, load_brief
    >>> pool = load_candidates([{"id": "A", "actor_type": "kommunal medarbejder",
    ...                          "manager_approval": "nej"}])
    >>> s = score(pool, load_brief({"theme": "x"}))
    >>> float(s.loc["A", "core_fit"]), "Personalelederen har sagt nej – kan ikke vælges." in s.loc["A", "reasons"]
    (0.0, True)
    """
    return CandidateScorer(**params).fit_transform(pool, brief)
