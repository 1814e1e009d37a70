"""The pages (issue 17), in-process: the state carried in the page, problems inline,
escaping, the brief form both ways, the language switch."""

from __future__ import annotations

import html
import io
import json
import re
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

from composer import load_brief
from composer.datasets import list_samples, load_sample
from composer.messages import person
from composer.web import create_app
from composer.web.briefform import brief_from_form, form_values

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found, name
    return html.unescape(found.group(1))


def _state(client: TestClient, sample: str = "klimatilpasning") -> dict[str, str]:
    page = client.post("/kandidater", data={"action": "sample", "sample": sample}).text
    return {"pool": _hidden(page, "pool"), "brief": _hidden(page, "brief"), "lang": "da"}


def _form(brief: dict[str, Any]) -> dict[str, str]:
    """What the browser posts from the Brief page for ``brief``."""
    values = form_values(brief)
    form = {f"b.{k}": v for k, v in values["fields"].items()}
    for name, rows in values["rows"].items():
        for i, row in enumerate(rows):
            form |= {f"b.{name}.{i}.{c}": v for c, v in row.items()}
    return form | {"b._rest": values["rest"], "brief_form": "1"}


@pytest.mark.parametrize("name", list_samples())
def test_the_brief_form_holds_every_sample_brief(name: str) -> None:
    _, brief = load_sample(name)
    data = brief.model_dump(mode="json", exclude_none=True)
    again = load_brief(brief_from_form(_form(data)) | {"language": data["language"]})
    assert again == brief


def test_sample_then_brief_then_composition(client: TestClient) -> None:
    state = _state(client)
    assert len(json.loads(state["pool"])) == len(load_sample("klimatilpasning")[0])
    brief_page = client.post("/brief", data=state).text
    assert 'name="b.needs.0.name"' in brief_page
    check = client.post("/fragment/brief-check", data=state).text
    assert "i orden" in check
    result = client.post("/fragment/compose", data=state).text
    comp = json.loads(_hidden(result, "composition"))
    assert 'class="decline"' in result and "data:image/png;base64," in result
    assert "<dd>eksakt model, bevist optimal</dd>" in result  # how it was found, in words
    assert re.search(r"<dd>\d+,\d\d af \d+(,\d+)? \(\d+ %\)</dd>", result)  # with its scale
    for g in comp["gaps"]:  # the people who partly cover a gap, by name, unit and id
        for o in g["options"]:
            assert html.escape(person(o["id"], o["name"], o["unit"])) in result
    members = {
        m["id"]: m for ms in [comp["core"], *comp["phase_participants"].values()] for m in ms
    }
    for c in comp["co_drivers"]:  # who is who: name, unit and id, as the report says it
        m = members[c["id"]]
        assert html.escape(person(m["id"], m["name"], m["unit"])) in result
    gone = comp["core"][0]["id"]
    replaced = client.post(
        "/fragment/replace", data=state | {"composition": json.dumps(comp), "member": gone}
    ).text
    new = json.loads(_hidden(replaced, "composition"))
    assert gone not in {m["id"] for m in new["core"]}
    assert 'id="changes"' in replaced and "meldte fra" in replaced


def test_problems_are_shown_inline_with_row_and_column(client: TestClient) -> None:
    files = {"candidates": ("bad.csv", (FIXTURES / "bad.csv").read_bytes(), "text/csv")}
    page = client.post("/kandidater", data={"action": "upload"}, files=files).text
    assert 'class="problems"' in page
    assert re.search(r'<td>bad\.csv</td><td class="num">\d+</td><td>\w+</td>', page)


def test_brief_problems_while_typing(client: TestClient) -> None:
    state = _state(client)
    form = _form(json.loads(state["brief"])) | {"b.needs.0.weight": "mange", "pool": state["pool"]}
    check = client.post("/fragment/brief-check", data=form).text
    assert "needs[0].weight" in check


def test_user_text_is_escaped(client: TestClient) -> None:
    evil = '<script>alert("x")</script>'
    csv = f"id;name;actor_type\nA1;{evil};borger\n".encode()
    files = {"candidates": ("k.csv", csv, "text/csv")}
    page = client.post("/kandidater", data={"action": "upload"}, files=files).text
    assert evil not in page and "&lt;script&gt;" in page


def test_language_switch(client: TestClient) -> None:
    state = _state(client)
    page = client.post("/brief", data=state | {"switch_lang": "en"}).text
    assert '<html lang="en">' in page and "Needs" in page
    assert '<html lang="da">' in client.post("/brief", data=state).text


def test_problems_are_told_in_the_pages_language(client: TestClient) -> None:
    """The page tells a bad upload in its own language (the switch), as the table says it."""
    from composer import InputError, load_candidates
    from composer.messages import problem_text

    csv = b"id;actor_type;motivation\nA1;borger;7\nA2;astronaut;3\n"
    with pytest.raises(InputError) as info:
        load_candidates(io.BytesIO(csv), format="csv")
    problems = info.value.problems
    assert len(problems) == 2
    pages = {}
    for lang in ("da", "en"):
        files = {"candidates": ("k.csv", csv, "text/csv")}
        data = {"action": "upload", "switch_lang": lang}
        pages[lang] = html.unescape(client.post("/kandidater", data=data, files=files).text)
        assert f'<html lang="{lang}">' in pages[lang]
    for p in problems:
        da, en = (problem_text(p.message, lang, p.params) for lang in ("da", "en"))
        assert da != en
        assert f"<td>{en}</td>" in pages["en"] and en not in pages["da"]
        assert f"<td>{da}</td>" in pages["da"] and da not in pages["en"]


def test_sheet_chooser_lists_the_workbook_sheets(client: TestClient) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Forside"
    wb.create_sheet("Kandidater")
    buf = io.BytesIO()
    wb.save(buf)
    files = {"candidates": ("k.xlsx", buf.getvalue(), "application/octet-stream")}
    fragment = client.post("/fragment/sheets", files=files).text
    assert '<option value="Forside">' in fragment and '<option value="Kandidater">' in fragment


def test_brief_downloads_as_yaml_that_loads(client: TestClient) -> None:
    state = _state(client)
    r = client.post("/brief.yaml", data=_form(json.loads(state["brief"])))
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert load_brief(r.content, format="yaml").theme == load_sample("klimatilpasning")[1].theme


def test_alternatives_and_whatif(client: TestClient) -> None:
    state = _state(client)
    comp = _hidden(client.post("/fragment/compose", data=state).text, "composition")
    alts = client.post("/fragment/alternatives", data=state | {"composition": comp}).text
    assert alts.count('class="alternative"') >= 2
    whatif = client.post(
        "/fragment/whatif", data=state | {"composition": comp, "wi.needs.0.weight": "0,01"}
    ).text
    assert 'class="summary diff"' in whatif


@pytest.mark.parametrize(
    "path",
    [
        "/kandidater",
        "/brief",
        "/sammensaetning",
        "/brief.yaml",
        "/fragment/compose",
        "/fragment/replace",
        "/fragment/alternatives",
        "/fragment/whatif",
        "/fragment/brief-check",
        "/fragment/sheets",
        "/download/xlsx",
        "/download/pdf",
    ],
)
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"pool": "not json", "brief": "{", "composition": "x", "member": "A"},
        {"pool": "[1, 2]", "brief": '{"needs": 3}', "composition": "{}", "wi.core.min": "x"},
    ],
)
def test_a_changed_or_missing_page_state_is_never_a_500(
    client: TestClient, path: str, data: dict[str, str]
) -> None:
    r = client.post(path, data=data)
    assert r.status_code < 500, r.text


def test_a_workbook_sheet_chosen_on_upload(client: TestClient) -> None:
    pool, _ = load_sample("klimatilpasning")
    records = pool.to_records()
    wb = openpyxl.Workbook()
    wb.active.title = "Forside"
    wb.active.append(["Kandidater til netværket"])
    sheet = wb.create_sheet("Kandidater")
    sheet.append(list(records[0]))
    for record in records:
        sheet.append(list(record.values()))
    buf = io.BytesIO()
    wb.save(buf)
    files = {"candidates": ("k.xlsx", buf.getvalue(), "application/octet-stream")}
    page = client.post("/kandidater", data={"action": "upload", "sheet": "Kandidater"}, files=files)
    assert len(json.loads(_hidden(page.text, "pool"))) == len(pool)
    first = client.post("/kandidater", data={"action": "upload"}, files=files).text
    assert 'class="problems"' in first  # the first sheet holds no candidates
