from __future__ import annotations

import subprocess
import sys

import numpy as np

import composer
from composer import coverage, load_brief, load_candidates
from composer.graph import compile_graph, problem_graph

PUBLIC = [
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


def test_all_is_pinned() -> None:
    assert composer.__all__ == PUBLIC
    for name in PUBLIC:
        assert getattr(composer, name) is not None


def test_errors_share_one_base() -> None:
    assert issubclass(composer.InputError, composer.ComposerError)
    assert issubclass(composer.InfeasibleError, composer.ComposerError)


def test_import_is_light() -> None:
    code = "import sys, composer; print('matplotlib' in sys.modules, 'openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_graph_compiles_to_the_coverage_matrix() -> None:
    pool = load_candidates(
        [
            {"id": "B", "actor_type": "borger", "knows": "A", "perspectives": "borgerperspektiv"},
            {"id": "A", "actor_type": "forsker", "methodological_competences": "evaluering"},
            {"id": "C", "actor_type": "kommunal leder", "methodological_competences": "Evaluation"},
        ]
    )
    brief = load_brief(
        {
            "theme": "x",
            "needs": [
                {"name": "evaluering", "kind": "methodological", "weight": 2, "count": 2},
                {"name": "borger", "kind": "actor_type"},
                {"name": "borgerperspektiv", "kind": "perspective"},
            ],
        }
    )
    cov = coverage(pool, brief)
    g = problem_graph(pool, brief, cov)
    m, w, d, ids, needs = compile_graph(g)
    assert ids == ["A", "B", "C"] and needs == ["evaluering", "borger", "borgerperspektiv"]
    np.testing.assert_allclose(m.toarray(), cov.loc[ids, needs].to_numpy())
    assert w.tolist() == [2.0, 1.0, 1.0] and d.tolist() == [2.0, 1.0, 1.0]
    assert g.edges["A", "B"]["kind"] == "knows"


def test_cli_compose_json_and_errors(tmp_path: object) -> None:
    from pathlib import Path

    from composer.datasets import sample_path

    folder = sample_path("rekruttering_omsorg")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "composer",
            "compose",
            str(folder / "candidates.csv"),
            str(folder / "brief.yaml"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    comp = composer.Composition.model_validate_json(out.stdout)
    assert comp.core
    bad = Path(str(tmp_path)) / "bad.csv"
    bad.write_text("id,actor_type\nA,astronaut\n", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "composer", "summary", str(bad), str(folder / "brief.yaml")],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2 and "bad.csv, row 2, column 'actor_type'" in res.stderr


def test_cli_schema() -> None:
    import json

    out = subprocess.run(
        [sys.executable, "-m", "composer", "schema", "brief"],
        capture_output=True,
        text=True,
        check=True,
    )
    schema = json.loads(out.stdout)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["theme"]["description"]
