"""The HTTP API (issue 17): the library's answers, the command line's errors, the guards.

In-process with FastAPI's TestClient: no server, no network.
"""

from __future__ import annotations

import ast
import io
import json
import logging
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import composer
from composer import cli
from composer.datasets import list_samples, load_sample
from composer.web import create_app
from composer.web.app import CSP
from composer.web.inputs import MAX_NEEDS

from .conftest import FIXTURES, REFERENCE, ROOT
from .test_web_pages import _hidden

SRC = ROOT / "src" / "composer"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _body(name: str, **extra: Any) -> dict[str, Any]:
    pool, brief = load_sample(name)
    return {
        "candidates": pool.to_records(),
        "brief": brief.model_dump(mode="json", exclude_none=True),
        **extra,
    }


def _library(comp: composer.Composition) -> Any:
    return json.loads(comp.model_dump_json())


def _reference_files() -> dict[str, tuple[str, bytes, str]]:
    return {
        "candidates": ("candidates.csv", (REFERENCE / "candidates.csv").read_bytes(), "text/csv"),
        "brief": ("brief.yaml", (REFERENCE / "brief.yaml").read_bytes(), "application/yaml"),
    }


# --------------------------------------------------------------------------- answers
@pytest.mark.parametrize("name", list_samples())
def test_compose_equals_the_library_on_every_sample(client: TestClient, name: str) -> None:
    r = client.post("/api/compose", json=_body(name))
    assert r.status_code == 200, r.text
    assert r.json() == _library(composer.compose(*load_sample(name), seed=0))


def test_compose_equals_the_library_on_the_reference_uploaded_as_files(
    client: TestClient,
) -> None:
    r = client.post("/api/compose", files=_reference_files(), data={"seed": "3"})
    assert r.status_code == 200, r.text
    pool = composer.load_candidates(REFERENCE / "candidates.csv")
    brief = composer.load_brief(REFERENCE / "brief.yaml")
    assert r.json() == _library(composer.compose(pool, brief, seed=3))


def _judged_kept() -> int:
    from composer.thesaurus import default_thesaurus

    kept = default_thesaurus().memo.get("matchers", {}).values()
    return sum(len(m._phrases) + len(m._texts) for m in kept)


def test_the_server_keeps_no_candidates_words_between_requests(client: TestClient) -> None:
    from composer.thesaurus import default_thesaurus

    default_thesaurus().memo.clear()
    for route, body in (
        ("/api/compose", _body("klimatilpasning")),
        ("/api/score", _body("klimatilpasning")),
    ):
        assert client.post(route, json=body).status_code == 200
    assert default_thesaurus().memo.get("matchers")  # the needs' matchers are kept ...
    assert _judged_kept() == 0  # ... but not what they judged
    page = client.post("/kandidater", data={"action": "sample", "sample": "klimatilpasning"})
    state = {k: _hidden(page.text, k) for k in ("pool", "brief")}
    assert 'name="composition"' in client.post("/fragment/compose", data=state).text
    assert _judged_kept() == 0
    composer.compose(*load_sample("klimatilpasning"))  # the library keeps them
    assert _judged_kept() > 0


def test_lang_overrides_the_brief_language(client: TestClient) -> None:
    r = client.post("/api/compose", json=_body("klimatilpasning", lang="en"))
    assert r.status_code == 200
    assert r.json()["language"] == "en"


def test_replace_and_alternatives_equal_the_library(client: TestClient) -> None:
    pool, brief = load_sample("klimatilpasning")
    comp = composer.compose(pool, brief)
    gone = comp.core[0].id
    body = _body("klimatilpasning", composition=_library(comp), member=gone)
    r = client.post("/api/replace", json=body)
    assert r.status_code == 200, r.text
    assert r.json() == _library(composer.replace(comp, gone, pool, brief))
    assert gone not in {m["id"] for m in r.json()["core"]}
    r = client.post("/api/alternatives", json=_body("klimatilpasning", n=2))
    assert r.status_code == 200, r.text
    assert r.json() == [_library(c) for c in composer.alternatives(pool, brief, n=2)]


def test_validate_and_score_answer_as_the_cli_does(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _reference_files()
    r = client.post("/api/validate", files=files)
    assert r.status_code == 200
    args = [str(REFERENCE / "candidates.csv"), str(REFERENCE / "brief.yaml"), "--format", "json"]
    assert cli.main(["validate", *args]) == 0
    assert r.json() == json.loads(capsys.readouterr().out)
    r = client.post("/api/score", files=files)
    assert r.status_code == 200
    assert cli.main(["score", *args]) == 0
    assert r.json() == json.loads(capsys.readouterr().out)


# --------------------------------------------------------------------------- errors
def test_bad_candidates_are_the_clis_json_error_with_400(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _reference_files()
    files["candidates"] = ("bad.csv", (FIXTURES / "bad.csv").read_bytes(), "text/csv")
    r = client.post("/api/compose", files=files)
    assert r.status_code == 400
    code = cli.main(
        ["compose", str(FIXTURES / "bad.csv"), str(REFERENCE / "brief.yaml"), "--format", "json"]
    )
    assert code == cli.EXIT_INPUT
    assert r.json() == json.loads(capsys.readouterr().err)
    problems = r.json()["error"]["problems"]
    assert problems and all(p["source"] == "bad.csv" and p["row"] for p in problems)


def test_infeasible_brief_is_422_with_reasons_and_relaxations(client: TestClient) -> None:
    body = _body("klimatilpasning")
    body["brief"]["quotas"] = [{"column": "actor_type", "value": "citizen", "min": 40}]
    r = client.post("/api/compose", json=body)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "infeasible"
    assert error["problems"] and error["relaxations"]


@pytest.mark.parametrize(
    ("body", "column"),
    [
        ({"candidates": [{"id": "A", "actor_type": "astronaut"}], "brief": {"theme": "x"}}, None),
        (_body("klimatilpasning", method="fast"), "method"),
        (_body("klimatilpasning", seed=-1), "seed"),
        (_body("klimatilpasning", n=0), "n"),
        ({"brief": {"theme": "x"}}, "candidates"),
        ([1, 2, 3], "body"),
    ],
)
def test_bad_options_are_400(client: TestClient, body: Any, column: str | None) -> None:
    path = "/api/alternatives" if isinstance(body, dict) and "n" in body else "/api/compose"
    r = client.post(path, json=body)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["code"] == "bad_input" and error["problems"]
    if column is not None:
        assert error["problems"][0]["column"] == column


def test_junk_and_a_broken_workbook_are_400(client: TestClient) -> None:
    r = client.post(
        "/api/compose", content=b"\x00\xff junk {", headers={"content-type": "application/json"}
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_input"
    files = _reference_files()
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook><broken")
    files["candidates"] = ("kandidater.xlsx", broken.getvalue()[:-7], "application/octet-stream")
    r = client.post("/api/compose", files=files)
    assert r.status_code == 400
    assert r.json()["error"]["problems"][0]["source"] == "kandidater.xlsx"


def test_replace_of_someone_not_in_the_network_is_400(client: TestClient) -> None:
    comp = composer.compose(*load_sample("klimatilpasning"))
    body = _body("klimatilpasning", composition=_library(comp), member="nobody")
    r = client.post("/api/replace", json=body)
    assert r.status_code == 400
    assert r.json()["error"]["problems"][0]["column"] == "member"


def test_too_large_is_413_and_the_server_keeps_serving() -> None:
    small = TestClient(create_app(max_upload_bytes=10_000))
    r = small.post("/api/compose", files=_reference_files())
    assert r.status_code == 413
    assert r.json()["error"]["problems"][0]["code"] == "limit"
    brief = {"theme": "x", "needs": [{"name": f"n{i}", "kind": "topic"} for i in range(10**4)]}
    r = TestClient(create_app()).post(
        "/api/compose", json={"candidates": [{"id": "A", "actor_type": "borger"}], "brief": brief}
    )
    assert r.status_code == 413
    assert str(MAX_NEEDS) in r.json()["error"]["problems"][0]["expected"]
    tiny = {"candidates": [{"id": "A", "actor_type": "borger"}], "brief": {"theme": "x"}}
    assert small.post("/api/validate", json=tiny).status_code == 200


def test_a_request_without_content_length_is_counted_as_it_streams() -> None:
    small = TestClient(create_app(max_upload_bytes=1_000))

    def chunks() -> Any:
        for _ in range(10):
            yield b"x" * 500

    r = small.post("/api/compose", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


# --------------------------------------------------------------------------- guards
def test_token_is_checked_on_every_request() -> None:
    c = TestClient(create_app(token="s3cret"))
    assert c.post("/api/validate", json={}).status_code == 401
    assert c.post("/api/validate", json={}).json()["error"]["code"] == "unauthorized"
    assert c.get("/kandidater").status_code == 401
    assert c.get("/openapi.json").status_code == 401
    bad = {"authorization": "Bearer wrong"}
    assert c.post("/api/validate", json={}, headers=bad).status_code == 401
    good = {"authorization": "Bearer s3cret"}
    tiny = {"candidates": [{"id": "A", "actor_type": "borger"}]}
    assert c.post("/api/validate", json=tiny, headers=good).status_code == 200
    assert c.get("/static/htmx.min.js").status_code == 200  # no data in the static files
    r = c.get("/kandidater?token=s3cret")
    assert r.status_code == 200
    assert "s3cret" not in r.text
    assert "adgangstegnet" in r.text  # the page says every request needs the token
    assert c.get("/kandidater").status_code == 200  # the cookie the address set


def test_serve_refuses_an_open_host_without_a_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMPOSER_TOKEN", raising=False)
    assert cli.main(["serve", "--host", "0.0.0.0"]) == cli.EXIT_INPUT
    assert "--token" in capsys.readouterr().err


def test_every_answer_has_the_strict_csp_and_pages_ask_nothing_from_outside(
    client: TestClient,
) -> None:
    for r in (client.get("/kandidater"), client.get("/docs"), client.post("/api/compose")):
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    page = client.post("/kandidater", data={"action": "sample", "sample": "klimatilpasning"})
    assert "http://" not in page.text and "https://" not in page.text
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/compose"]["post"]["requestBody"]["content"]["application/json"]
    ref = body["schema"]["properties"]["brief"]["$ref"].rsplit("/", 1)[-1]
    assert spec["components"]["schemas"][ref]["title"] == "NetworkBrief"


def test_logs_hold_counts_and_timings_never_names(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    pool, _ = load_sample("klimatilpasning")
    with caplog.at_level(logging.INFO, logger="composer.web"):
        assert client.post("/api/compose", json=_body("klimatilpasning")).status_code == 200
    text = caplog.text
    assert "compose" in text
    names = [str(n) for n in pool.frame["name"].dropna()]
    assert not any(n in text for n in names)


def test_no_module_of_the_library_imports_the_web_app() -> None:
    for path in SRC.rglob("*.py"):
        if "web" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith(("composer.web", "web")), path
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("composer.web") for a in node.names), path


def test_downloads_leave_no_temporary_file(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    comp = composer.compose(*load_sample("klimatilpasning"))
    for fmt in ("xlsx", "csv", "json", "md"):
        r = client.post(f"/download/{fmt}", data={"composition": comp.model_dump_json()})
        assert r.status_code == 200 and r.content
    assert list(tmp_path.iterdir()) == []
    with zipfile.ZipFile(io.BytesIO(client.post("/download/xlsx", data={
        "composition": comp.model_dump_json()}).content)) as zf:  # fmt: skip
        assert "xl/workbook.xml" in zf.namelist()


def test_an_unexpected_error_is_500_in_the_requests_language() -> None:
    """A bug answers 500 with the command line's sentence for it, in ``?lang=``."""
    app = create_app()

    @app.get("/api/boom")
    async def boom() -> None:
        raise RuntimeError("secret data")

    c = TestClient(app, raise_server_exceptions=False)
    texts = {}
    for lang in ("da", "en"):
        r = c.get(f"/api/boom?lang={lang}")
        assert r.status_code == 500 and r.json()["error"]["code"] == "internal"
        texts[lang] = r.json()["error"]["message"]
        assert "RuntimeError" in texts[lang] and "secret" not in texts[lang]
    assert "uventet fejl" in texts["da"] and "unexpected error" in texts["en"]


def test_errors_are_told_in_the_requests_language() -> None:
    """The guards (token, size) answer in ``?lang=``; the work's errors in the body's
    ``lang`` field; Danish otherwise. Each problem's ``text`` is its sentence there."""
    from composer.messages import problem_text

    guarded = TestClient(create_app(token="s3cret", max_upload_bytes=1_000))
    bad = {"candidates": [{"id": "A", "actor_type": "astronaut"}], "brief": {"theme": "x"}}
    answers = {
        lang: [
            guarded.post(f"/api/validate?lang={lang}", json={}),
            guarded.post(f"/api/validate?lang={lang}", content=b"x" * 2_000,
                         headers={"authorization": "Bearer s3cret"}),
            TestClient(create_app()).post("/api/validate", json=bad | {"lang": lang}),
        ]
        for lang in ("da", "en")
    }  # fmt: skip
    for lang, rs in answers.items():
        assert [r.status_code for r in rs] == [401, 413, 400]
        for r in rs:
            p = r.json()["error"]["problems"][0]
            assert p["text"] == problem_text(p["message"], lang, p["params"])
    for da, en in zip(answers["da"], answers["en"], strict=True):
        assert (
            da.json()["error"]["problems"][0]["text"] != en.json()["error"]["problems"][0]["text"]
        )
        assert da.json()["error"]["message"] != en.json()["error"]["message"]
