"""Scoring: how well each candidate covers each need, and a score per candidate, explained.

:class:`CandidateScorer` learns the pool's vocabulary (scikit-learn style); :func:`coverage`
and :func:`score` are thin wrappers. Phrases are compared by a Danish-aware key (case,
hyphens and spaces folded, Snowball stem, synonyms), by compound containment and by
character n-gram TF-IDF (``char_wb``); free text by a word TF-IDF with a Danish + English
stop list. Accents are never stripped (æ, ø, å are letters).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from ._coerce import BriefLike, PoolLike, as_brief, as_pool
from .encoding import Encoding, encode
from .errors import InputError, Problem
from .messages import say
from .models import ACTOR_LOOKUP, ActorType, NeedKind, NetworkBrief, Orientation
from .progress import track
from .text import apply_synonyms, number, phrase_key, squash, stem, synonym_table, tokens
from .validation import validate

__all__ = ["DEFAULT_WEIGHTS", "SCORE_COLUMNS", "CandidateScorer", "coverage", "score"]

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
_PHRASE_COLUMNS = {
    NeedKind.professional: "professional_competences",
    NeedKind.personal: "personal_competences",
    NeedKind.methodological: "methodological_competences",
    NeedKind.perspective: "perspectives",
}
_COMPETENCE_KINDS = (
    NeedKind.professional,
    NeedKind.personal,
    NeedKind.methodological,
    NeedKind.topic,
)


def _analyzer(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if len(t) > 1]


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
        Extra synonym pairs (e.g. ``{"co-production": "samproduktion"}``) added to the
        built-in Danish/English table.
    text_scale : float, default 0.3
        Cosine similarity of free text to the brief's description that counts as fully
        relevant (free-text cosines are small; this maps them onto [0, 1]).
    ngram_range : tuple, default (3, 5)
        Character n-grams for phrase similarity.

    Attributes
    ----------
    brief_ : NetworkBrief
    needs_ : list of str
        Need names, the columns of :meth:`coverage`.
    phrase_vectorizer_ : TfidfVectorizer
        Character n-gram vectoriser fitted on the pool's phrases and the needs.
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
    A     0.74         0.0     1.0
    B     0.00         1.0     0.0
    """

    def __init__(
        self,
        weights: Mapping[str, float] | None = None,
        synonyms: Mapping[str, str] | None = None,
        text_scale: float = 0.3,
        ngram_range: tuple[int, int] = (3, 5),
    ) -> None:
        self.weights = weights
        self.synonyms = synonyms
        self.text_scale = text_scale
        self.ngram_range = ngram_range

    # ------------------------------------------------------------------ fitting
    def fit(self, pool: PoolLike, brief: BriefLike) -> CandidateScorer:
        """Validate ``pool`` against ``brief`` and learn the vocabulary."""
        pool, brief = as_pool(pool), as_brief(brief)
        validate(pool, brief)
        if not 0 < self.text_scale <= 1:
            raise ValueError(f"text_scale={self.text_scale} should be in (0, 1]")
        unknown = set(self.weights or {}) - set(DEFAULT_WEIGHTS)
        if unknown:
            raise ValueError(f"unknown weights {sorted(unknown)}; expected {list(DEFAULT_WEIGHTS)}")
        w = dict(DEFAULT_WEIGHTS)
        w.update({str(k): v for k, v in (brief.weights or {}).items()})
        w.update(self.weights or {})
        if any(v < 0 for v in w.values()) or sum(w.values()) <= 0:
            raise ValueError(f"weights {w} should be >= 0 with a positive sum")
        total = sum(w.values())
        self.weights_ = {k: v / total for k, v in w.items()}
        self.brief_ = brief
        self.synonym_table_ = synonym_table(self.synonyms)
        self.needs_ = [n.name for n in brief.needs]
        self.need_actor_types_ = self._actor_needs(brief)

        f = pool.frame
        phrases: set[str] = set()
        for col in _PHRASE_COLUMNS.values():
            for lst in f[col].to_numpy(dtype=object):
                phrases.update(lst)
        texts = [self._norm(p) for p in sorted(phrases)] + [self._norm(n.name) for n in brief.needs]
        self.phrase_vectorizer_ = TfidfVectorizer(
            analyzer="char_wb", ngram_range=self.ngram_range, lowercase=True, strip_accents=None
        ).fit(texts or ["-"])
        free = pd.concat([f["background"], f["statement"]]).to_numpy(dtype=object).tolist()
        free.append(f"{brief.theme} {brief.description}")
        if not any(_analyzer(t) for t in free):  # nobody wrote a word: keep a vocabulary
            free.append("netværk")
        self.text_vectorizer_ = TfidfVectorizer(
            analyzer=_analyzer, sublinear_tf=True, strip_accents=None
        ).fit(free)
        return self

    def _norm(self, phrase: str) -> str:
        return apply_synonyms(phrase, self.synonym_table_)

    def _actor_needs(self, brief: NetworkBrief) -> dict[str, ActorType]:
        out: dict[str, ActorType] = {}
        problems = []
        stems = {stem(k): a for k, a in ACTOR_LOOKUP.items()}
        for i, n in enumerate(brief.needs):
            if n.kind is not NeedKind.actor_type:
                continue
            low = self._norm(n.name).strip().lower()
            a = ACTOR_LOOKUP.get(low) or stems.get(stem(low))
            if a is None:
                problems.append(
                    Problem(
                        "<brief>",
                        None,
                        f"needs[{i}].name",
                        n.name,
                        "an actor type for a need of kind actor_type (key or Danish label)",
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
        """Similarity in [0, 1] of each phrase to ``need``.

        1.0 for the same key (case, hyphens, spaces, inflection and synonyms folded);
        0.6–1.0 when the need is a part of a compound (``demenskoordinator`` ~ ``demens``);
        0.3–0.7 when the phrase is a part of the need; otherwise the squared cosine of
        character n-gram TF-IDF vectors (so that unrelated phrases stay low).
        """
        self._check_fitted()
        if not phrases:
            return np.zeros(0)
        table = self.synonym_table_
        norm = [self._norm(p) for p in phrases]
        nn = self._norm(need)
        kn, sn = phrase_key(need, table), squash(nn)
        sq = pd.Series([squash(p) for p in norm], dtype=object)
        keys = np.array([phrase_key(p, table) for p in phrases], dtype=object)
        vec = self.phrase_vectorizer_.transform([*norm, nn])
        cos = (vec[:-1] @ vec[-1].T).toarray().ravel()
        sim = np.clip(cos, 0, 1) ** 2
        lens = sq.str.len().to_numpy(dtype=float)
        if len(sn) >= 4:
            part = sq.str.contains(sn, regex=False).to_numpy(dtype=bool)
            sim = np.where(part, np.maximum(sim, 0.6 + 0.4 * len(sn) / np.maximum(lens, 1)), sim)
            subs = {sn[a:b] for a in range(len(sn)) for b in range(a + 4, len(sn) + 1)}
            inner = sq.isin(subs).to_numpy(dtype=bool)
            sim = np.where(inner, np.maximum(sim, 0.3 + 0.4 * lens / len(sn)), sim)
        sim = np.where(keys == kn, 1.0, sim)
        return np.clip(sim, 0.0, 1.0)

    def _phrase_coverage(self, lists: np.ndarray, need: str) -> np.ndarray:
        """Max similarity over each person's phrases (lists: object array of lists)."""
        n = len(lists)
        lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=n)
        if lengths.sum() == 0:
            return np.zeros(n)
        flat = [p for lst in lists for p in lst]
        codes, uniq = pd.factorize(pd.Series(flat, dtype=object))
        s = self.phrase_similarity(list(uniq), need)[codes]
        rows = np.repeat(np.arange(n), lengths)
        out = np.zeros(n)
        np.maximum.at(out, rows, s)
        return out

    def _topic_coverage(self, f: pd.DataFrame, need: str) -> np.ndarray:
        docs = (f["background"].astype(object) + " " + f["statement"].astype(object)).to_numpy(
            dtype=object
        )
        cv = CountVectorizer(analyzer=_analyzer, binary=True)
        try:
            x = cv.fit_transform(docs)
        except ValueError:  # empty vocabulary: nobody wrote anything
            x = sp.csr_matrix((len(f), 0))
        vocab = cv.vocabulary_ if hasattr(cv, "vocabulary_") else {}
        want = [t for t in tokens(self._norm(need)) if len(t) > 1] or tokens(need, stop=False)
        per_token = []
        for t in want:
            st, raw = stem(t), t
            weights = np.zeros(x.shape[1])
            for term, j in vocab.items():
                if term == st:
                    weights[j] = 1.0
                elif len(raw) >= 4 and (raw in term or (len(st) >= 4 and st in term)):
                    weights[j] = max(weights[j], 0.7)
            if weights.any():
                per_token.append(x.multiply(weights[None, :]).max(axis=1).toarray().ravel())
            else:
                per_token.append(np.zeros(len(f)))
        words = np.mean(per_token, axis=0) if per_token else np.zeros(len(f))
        phrase = np.zeros(len(f))
        for col in _PHRASE_COLUMNS.values():
            phrase = np.maximum(phrase, self._phrase_coverage(f[col].to_numpy(dtype=object), need))
        return np.clip(np.maximum(words, phrase), 0, 1)

    def coverage(self, pool: PoolLike) -> pd.DataFrame:
        """Candidate × need coverage in [0, 1], index = ids, one column per need."""
        self._check_fitted()
        f = as_pool(pool).frame
        out = np.zeros((len(f), len(self.needs_)))
        actor = f["actor_type"].to_numpy(dtype=object)
        needs = self.brief_.needs
        for j, need in enumerate(track(needs, len(needs), "coverage", rows=len(f))):
            if need.kind is NeedKind.actor_type:
                out[:, j] = actor == self.need_actor_types_[need.name].value
            elif need.kind is NeedKind.topic:
                out[:, j] = self._topic_coverage(f, need.name)
            else:
                col = _PHRASE_COLUMNS[need.kind]
                out[:, j] = self._phrase_coverage(f[col].to_numpy(dtype=object), need.name)
        frame = pd.DataFrame(out, index=f.index.copy(), columns=list(self.needs_))
        frame.columns.name = None
        return frame

    def best_phrase(self, pool: PoolLike, cid: str, need_name: str) -> tuple[float, str | None]:
        """The phrase of ``cid`` that best matches the need ``need_name``, with its similarity."""
        self._check_fitted()
        need = next(n for n in self.brief_.needs if n.name == need_name)
        c = as_pool(pool)[cid]
        if need.kind is NeedKind.actor_type:
            ok = c.actor_type is self.need_actor_types_[need.name]
            return (1.0 if ok else 0.0), (c.actor_type.label(self.brief_.language) if ok else None)
        cols = (
            [_PHRASE_COLUMNS[need.kind]]
            if need.kind in _PHRASE_COLUMNS
            else list(_PHRASE_COLUMNS.values())
        )
        phrases = [p for col in cols for p in getattr(c, col)]
        if not phrases:
            return 0.0, None
        sims = self.phrase_similarity(phrases, need.name)
        k = int(np.argmax(sims))
        return float(sims[k]), phrases[k]

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
        """
        self._check_fitted()
        pool = as_pool(pool)
        brief = self.brief_
        lang = str(brief.language)
        f = pool.frame
        n = len(f)
        enc = encode(pool, brief) if encoding is None else encoding
        if cov is None:
            cov = self.coverage(pool)
        c = cov.to_numpy()
        needs = brief.needs
        w = np.array([nd.weight for nd in needs], dtype=float)
        kinds = np.array([nd.kind.value for nd in needs], dtype=object)

        # competence: weighted coverage of the competence needs, saturating
        comp_mask = np.isin(kinds, [k.value for k in _COMPETENCE_KINDS])
        if comp_mask.any():
            e = c[:, comp_mask] @ w[comp_mask]
            competence = 1.0 - np.exp(-e / w[comp_mask].mean())
        else:
            competence = np.zeros(n)

        # background: actor type asked for, organisation/unit, experience against the theme
        actor = enc.actor
        asked = {a.value for a in self.need_actor_types_.values()}
        actor_rel = np.where(np.isin(actor, list(asked)), 1.0, 0.4)
        orient = enc.orientation
        has_org = f["organisation"].notna().to_numpy()
        org_rel = np.select(
            [orient == "inside", orient == "across", has_org], [1.0, 0.7, 0.6], default=0.5
        )
        bg_text = self._text_similarity(f["background"].to_numpy(dtype=object))
        background = 0.4 * bg_text + 0.3 * actor_rel + 0.3 * org_rel

        # perspective: rarity in this pool + perspective needs covered
        def rarity(values: np.ndarray) -> np.ndarray:
            codes, uniq = pd.factorize(pd.Series(values, dtype=object))
            counts = np.bincount(codes, minlength=len(uniq))
            return 1.0 - counts[codes] / n

        tags = f["perspectives"].to_numpy(dtype=object)
        lengths = np.fromiter((len(t) for t in tags), dtype=np.int64, count=n)
        flat = [t.strip().lower() for lst in tags for t in lst]
        if flat:
            codes, _ = pd.factorize(pd.Series(flat, dtype=object))
            counts = np.bincount(codes)
            r = 1.0 - counts[codes] / n
            rows = np.repeat(np.arange(n), lengths)
            tag_r = np.bincount(rows, weights=r, minlength=n) / np.maximum(lengths, 1)
        else:
            tag_r = np.zeros(n)
        diversity = (rarity(actor) + rarity(orient) + tag_r) / 3.0
        p_mask = kinds == NeedKind.perspective.value
        if p_mask.any():
            pn = (c[:, p_mask] @ w[p_mask]) / w[p_mask].sum()
            perspective = 0.5 * diversity + 0.5 * np.minimum(1.0, pn * p_mask.sum() / 2)
        else:
            perspective = diversity

        # commitment
        mot = f["motivation"].to_numpy(dtype=float, na_value=np.nan)
        mot_s = np.where(np.isnan(mot), 0.5, (mot - 1) / 4)
        statement = f["statement"].to_numpy(dtype=object)
        empty_stmt = np.array([not s for s in statement], dtype=bool)
        st_sim = self._text_similarity(statement)
        st_s = np.where(empty_stmt, 0.0, np.maximum(st_sim, 0.2))

        def yn(col: str) -> np.ndarray:
            return f[col].to_numpy(dtype=float, na_value=np.nan)

        present, tasks = yn("can_present"), yn("can_take_tasks")
        approval, municipal = enc.approval, enc.municipal
        pres_s = np.where(np.isnan(present), 0.5, present)
        task_s = np.where(np.isnan(tasks), 0.5, tasks)
        appr_s = np.where(np.isnan(approval), 0.5, approval)
        parts = 0.35 * mot_s + 0.25 * st_s + 0.1 * pres_s + 0.1 * task_s
        commitment = np.where(municipal, parts + 0.2 * appr_s, parts / 0.8)
        manager_no = enc.manager_no

        # availability
        avail = enc.avail
        meet = np.array([len(p.meetings) for p in brief.phases], dtype=float)
        phase_share = (avail @ meet) / brief.meetings.count
        hours = enc.hours
        total_h = brief.meetings.total_hours
        hours_s = np.where(np.isnan(hours), phase_share, np.minimum(1.0, hours / total_h))
        availability = 0.5 * phase_share + 0.5 * hours_s

        # core fit
        all_phases = avail.all(axis=1)
        enough_hours = np.isnan(hours) | (hours >= total_h)
        active = enc.active  # phases × needs
        if len(needs):
            per_phase = np.stack(
                [
                    (c[:, a] * w[a]).max(axis=1) / w[a].max() if a.any() else np.zeros(n)
                    for a in active
                ],
                axis=1,
            )
            breadth = per_phase.mean(axis=1)
        else:
            breadth = np.zeros(n)
        staff = np.where(municipal, np.where(approval == 1, 1.0, 0.7), 0.5)
        quality = 0.35 * breadth + 0.25 * commitment + 0.2 * staff + 0.2 * competence
        gate = np.where(all_phases & enough_hours, 1.0, 0.5 * phase_share * np.minimum(1, hours_s))
        core_fit = np.where(manager_no, 0.0, gate * quality)

        wt = self.weights_
        total = (
            wt["competence"] * competence
            + wt["background"] * background
            + wt["perspective"] * perspective
            + wt["commitment"] * commitment
            + wt["availability"] * availability
        )
        out = pd.DataFrame(
            {
                "competence": competence,
                "background": background,
                "perspective": perspective,
                "commitment": commitment,
                "availability": availability,
                "total": total,
                "core_fit": core_fit,
            },
            index=f.index.copy(),
        ).clip(0.0, 1.0)
        signals = {
            "actor": actor,
            "orient": orient,
            "mot": mot,
            "empty_stmt": empty_stmt,
            "st_sim": st_sim,
            "present": present,
            "tasks": tasks,
            "approval": approval,
            "municipal": municipal,
            "avail": avail,
            "hours": hours,
        }
        out["reasons"] = self._reasons(c, signals, lang)
        return out

    def fit_transform(self, pool: PoolLike, brief: BriefLike) -> pd.DataFrame:
        """``fit(pool, brief).transform(pool)``."""
        pool = as_pool(pool)
        return self.fit(pool, brief).transform(pool)

    # ------------------------------------------------------------------ reasons
    def _reasons(self, c: np.ndarray, signals: dict[str, np.ndarray], lang: str) -> list[list[str]]:
        """Short sentences per candidate from the coverage and the per-candidate signals."""
        names = self.needs_
        out: list[list[str]] = []
        for i in track(range(len(c)), len(c), "reasons"):
            covered = [(names[j], c[i, j]) for j in np.flatnonzero(c[i] >= 0.5)]
            if covered:
                items = ", ".join(f"{nm} ({number(v, lang, 2)})" for nm, v in covered[:6])
                r = [say("score.covers", lang, needs=items)]
            else:
                r = [say("score.covers_none", lang)]
            o = Orientation(str(signals["orient"][i]))
            r.append(
                say("member.actor", lang, actor=ActorType(signals["actor"][i]).label(lang),
                    orientation=o.label(lang))
            )  # fmt: skip
            r += _commitment_reasons(signals, i, lang)
            r += _availability_reasons(self.brief_, signals, i, lang)
            out.append(r)
        return out


def _commitment_reasons(signals: dict[str, np.ndarray], i: int, lang: str) -> list[str]:
    """Motivation, statement, talks, tasks and the line manager, as sentences."""
    mot = signals["mot"][i]
    r = [
        say("score.motivation_unknown", lang)
        if np.isnan(mot)
        else say("score.motivation", lang, n=int(mot))
    ]
    if signals["empty_stmt"][i]:
        r.append(say("score.no_statement", lang))
    elif signals["st_sim"][i] >= 0.5:
        r.append(say("score.recognises", lang))
    if signals["present"][i] == 1:
        r.append(say("score.talk", lang))
    if signals["tasks"][i] == 1:
        r.append(say("score.tasks", lang))
    if signals["municipal"][i]:
        approval = signals["approval"][i]
        code = (
            "score.manager_ask"
            if np.isnan(approval)
            else ("score.manager_no" if approval == 0 else "score.manager_yes")
        )
        r.append(say(code, lang))
    return r


def _availability_reasons(
    brief: NetworkBrief, signals: dict[str, np.ndarray], i: int, lang: str
) -> list[str]:
    """Phases and hours, as sentences."""
    avail, hours = signals["avail"][i], signals["hours"][i]
    if avail.all():
        r = [say("score.all_phases", lang)]
    else:
        phases = ", ".join(p for p, ok in zip(brief.phase_names, avail, strict=True) if ok)
        r = [say("score.phases", lang, phases=phases)]
    total_h = brief.meetings.total_hours
    if np.isnan(hours):
        r.append(say("score.hours_unknown", lang))
    else:
        code = "score.hours_short" if hours < total_h else "score.hours_ok"
        r.append(say(code, lang, have=number(hours, lang), need=number(total_h, lang)))
    return r


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
