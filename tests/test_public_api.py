from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import composer
from composer import CandidateScorer, coverage

PUBLIC = [
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


def test_all_is_pinned() -> None:
    assert composer.__all__ == PUBLIC
    for name in PUBLIC:
        assert getattr(composer, name) is not None


def test_errors_share_one_base() -> None:
    assert issubclass(composer.InputError, composer.ComposerError)
    assert issubclass(composer.InfeasibleError, composer.ComposerError)


HEAVY = ("sklearn", "scipy.optimize", "networkx", "matplotlib", "openpyxl")


def _heavy_loaded(code: str) -> list[str]:
    """The heavy modules loaded after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_import_is_light() -> None:
    assert _heavy_loaded("import composer") == []
    # the probe itself can see a heavy module load
    assert _heavy_loaded("import composer; composer.compose") == ["sklearn", "scipy.optimize"]


def test_help_and_version_stay_light() -> None:
    for argv in (["--help"], ["--version"], ["compose", "--help"]):
        code = (
            "import contextlib, io\n"
            "from composer.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main({argv!r}) == 0"
        )
        assert _heavy_loaded(code) == [], argv


def test_lazy_names_match_the_modules_that_define_them() -> None:
    import importlib

    assert set(composer._LAZY) == set(PUBLIC)
    for name, module in composer._LAZY.items():
        defined = getattr(importlib.import_module(f"composer.{module}"), name)
        assert getattr(composer, name) is defined
    assert set(PUBLIC) <= set(dir(composer))
    assert composer.datasets.load_sample is not None  # submodules too, as before
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = composer.nothing_here


def test_public_functions_take_a_pool_a_frame_or_a_path() -> None:
    from composer.datasets import load_sample, sample_path

    folder = sample_path("klimatilpasning")
    pool, brief = load_sample("klimatilpasning")
    want = coverage(pool, brief)
    frame = pool.to_frame()
    for p in (frame, folder / "candidates.csv", str(folder / "candidates.csv")):
        for b in (brief, folder / "brief.yaml", brief.model_dump(mode="json")):
            pd.testing.assert_frame_equal(coverage(p, b), want)
    s = composer.score(folder / "candidates.csv", folder / "brief.yaml")
    assert s.index.tolist() == pool.ids.tolist()
    fitted = CandidateScorer().fit(frame, folder / "brief.yaml")
    pd.testing.assert_frame_equal(fitted.coverage(str(folder / "candidates.csv")), want)
    assert fitted.transform(frame)["total"].between(0, 1).all()
    assert fitted.best_phrase(frame, pool.ids[0], brief.needs[0].name)[0] >= 0


def test_scorer_is_a_scikit_learn_estimator() -> None:
    from sklearn.base import BaseEstimator, clone
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    from composer.datasets import load_sample

    scorer = CandidateScorer(weights={"competence": 2.0}, text_scale=0.5)
    assert isinstance(scorer, BaseEstimator)
    assert scorer.get_params() == {
        "reasons": True,
        "synonyms": None,
        "text_scale": 0.5,
        "thesaurus": None,
        "weights": {"competence": 2.0},
    }
    copy = clone(scorer)
    assert copy is not scorer and copy.get_params() == scorer.get_params()
    assert copy.set_params(text_scale=0.2) is copy and copy.text_scale == 0.2
    assert scorer.text_scale == 0.5
    with pytest.raises(ValueError, match="Invalid parameter 'nonsense'"):
        scorer.set_params(nonsense=1)
    with pytest.raises(NotFittedError, match="not fitted yet"):
        check_is_fitted(scorer)
    with pytest.raises(NotFittedError, match="not fitted yet; call fit"):
        scorer.coverage(load_sample("klimatilpasning")[0])
    scorer.fit(*load_sample("klimatilpasning"))
    check_is_fitted(scorer)
    assert not hasattr(clone(scorer), "brief_")  # clone gives an unfitted copy
