"""The pages for network leaders: Kandidater, Brief, Sammensætning.

The server keeps nothing between requests. Each page is one form that carries the
state in hidden fields — the pool as JSON records, the brief as JSON (on the Brief page:
the brief's own fields), the composition as JSON once there is one — and every button
posts it back, so the state lives in the browser's page and dies with it. htmx (served
from this package) swaps parts of the page: validation as you type, the sheet chooser,
the composition, "melder fra", alternatives and what-if.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader
from starlette.concurrency import run_in_threadpool

from ..composition import Composition
from ..errors import ComposerError, InputError, told
from ..files import error_json
from ..messages import KIND_LABELS, label, member_named, say
from ..messages.advice import gap_advice
from ..models import NeedKind
from ..pool import CandidatePool
from ..text import number
from ..views.report import method_line, objective_text
from . import downloads
from .api import check_replace, log
from .briefform import brief_from_form, form_values
from .inputs import Payload, read_payload
from .views import difference, member_rows, pictures, pool_rows, tables_html

__all__ = ["router", "token_page"]

router = APIRouter(include_in_schema=False)
_ENV = Environment(loader=PackageLoader("composer.web", "templates"), autoescape=True)


def render(name: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template in ``lang``: ``t(code, **params)`` is :func:`composer.messages.say`,
    ``num(x)`` a number with the language's decimal mark, ``who(comp, id)`` a member's
    name, unit and id, ``method(comp)`` how it was found, ``objective(comp)`` the coverage
    objective with its scale, ``advice(gap)`` a gap's advice naming people."""

    def t(code: str, **params: Any) -> str:
        return say(code, lang, **params)

    def num(value: float, digits: int | None = None) -> str:
        return number(value, lang, digits)

    def who(comp: Any, cid: str) -> str:  # name, unit and id, as the report names people
        return member_named(comp.members, cid, lang)

    def method(comp: Any) -> str:  # in words, with the certificate, as the report says it
        return method_line(comp, lang)

    def objective(comp: Any) -> str:  # with its scale: "27,75 af 28 (99 %)"
        return objective_text(comp, lang)

    def advice(gap: Any) -> str:  # who partly covers it, by name, as the report says it
        return gap_advice(gap.options, lang) if gap.options else str(gap.advice)

    html = _ENV.get_template(name).render(
        lang=lang,
        t=t,
        num=num,
        who=who,
        method=method,
        objective=objective,
        advice=advice,
        **context,
    )
    return HTMLResponse(html, status_code=status)


def token_page() -> Response:
    """What a browser without the server's token sees (status 401)."""
    return render("token.html", "da", status=401)


# --------------------------------------------------------------------------- state
async def _read(request: Request) -> tuple[Payload, str]:
    """The posted page: fields as the API names them (``candidates``, ``brief``), the
    language (a switch wins), and the brief from the Brief page's fields when posted."""
    payload = await read_payload(request, request.app.state.settings.limits)
    fields = payload.fields
    lang = fields.pop("switch_lang", None) or fields.get("lang") or "da"
    lang = lang if lang in ("da", "en") else "da"
    fields["lang"] = lang
    pool_text = fields.pop("pool", "")
    if pool_text:
        fields["candidates"] = _parse(pool_text, "pool")
    if fields.get("brief_form"):
        fields["brief"] = brief_from_form(fields)
    elif fields.get("brief"):
        fields["brief"] = _parse(fields["brief"], "brief")
    else:
        fields.pop("brief", None)
    return payload, lang


def _parse(text: str, name: str) -> Any:
    """A hidden field's JSON (the page wrote it; a changed one is bad input)."""
    try:
        return json.loads(text)
    except ValueError:
        raise InputError(
            [told("<page>", None, name, None, "request_page_json", code="bad_json")]
        ) from None


def _hidden(payload: Payload, pool: CandidatePool | None = None) -> dict[str, str]:
    """The state to carry in the page's hidden fields."""
    records = pool.to_records() if pool is not None else payload.fields.get("candidates")
    brief = payload.fields.get("brief")
    return {
        "pool": json.dumps(records, ensure_ascii=False) if records else "",
        "brief": json.dumps(brief, ensure_ascii=False) if brief else "",
    }


def _try(work: Callable[[], Any], lang: str) -> tuple[Any, dict[str, Any] | None]:
    """``work()``, or its error as the API's JSON error told in the page's language."""
    try:
        return work(), None
    except ComposerError as e:
        return None, error_json(e, lang)


def _lang(payload: Payload) -> str:
    """The page's language, as :func:`_read` put it among the fields."""
    return str(payload.fields.get("lang") or "da")


def _page(
    request: Request, name: str, payload: Payload, lang: str, here: str, **context: Any
) -> HTMLResponse:
    """A whole page: the state in its hidden fields, and whether the server needs a token."""
    return render(
        name,
        lang,
        here=here,
        state=context.pop("state", None) or _hidden(payload),
        token_required=request.app.state.settings.token is not None,
        **context,
    )


# --------------------------------------------------------------------------- pages
@router.get("/")
async def home() -> Response:
    return RedirectResponse("/kandidater", status_code=303)


@router.get("/kandidater")
async def candidates_get(request: Request, lang: str = "da") -> Response:
    lang = lang if lang in ("da", "en") else "da"
    return _candidates_page(request, Payload(request.app.state.settings.limits), lang)


@router.post("/kandidater")
async def candidates_post(request: Request) -> Response:
    payload, lang = await _read(request)
    action = payload.fields.get("action")
    if action == "upload":
        payload.fields.pop("candidates", None)
    elif action == "sample":
        _sample(payload)
    return await run_in_threadpool(_candidates_page, request, payload, lang)


def _sample(payload: Payload) -> None:
    """Start from a shipped sample: its pool and its brief."""
    from ..datasets import list_samples, load_sample

    name = payload.fields.get("sample")
    if name in list_samples():
        pool, brief = load_sample(str(name))
        payload.fields["candidates"] = pool.to_records()
        payload.fields["brief"] = brief.model_dump(mode="json", exclude_none=True)


def _candidates_page(request: Request, payload: Payload, lang: str) -> HTMLResponse:
    from ..datasets import list_samples

    pool, problems = (None, None)
    if payload.has("candidates"):
        pool, problems = _try(payload.candidates, lang)
    state = _hidden(payload, pool)
    if problems:  # a failed upload leaves no pool: the problems say why
        state["pool"] = ""
    return _page(
        request,
        "kandidater.html",
        payload,
        lang,
        "/kandidater",
        state=state,
        pool=pool_rows(pool, lang) if pool is not None else None,
        count=len(pool) if pool is not None else 0,
        problems=problems,
        samples=list_samples(),
        sample=payload.fields.get("sample"),
    )


@router.post("/fragment/sheets")
async def sheets(request: Request) -> Response:
    """The sheet chooser: the worksheets of the chosen workbook."""
    payload, lang = await _read(request)
    names = await run_in_threadpool(_sheet_names, payload)
    return render("_sheets.html", lang, sheets=names)


def _sheet_names(payload: Payload) -> list[str]:
    name, data = payload.files.get("candidates", ("", b""))
    if not name.lower().endswith((".xlsx", ".xlsm")):
        return []
    import io

    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, keep_links=False)
    except Exception:  # a damaged workbook: the upload itself says what is wrong
        return []
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


@router.post("/brief")
async def brief_page(request: Request) -> Response:
    payload, lang = await _read(request)
    problems = None
    if payload.fields.get("action") == "load_brief" and "brief_file" in payload.files:
        payload.files["brief"] = payload.files.pop("brief_file")
        payload.fields.pop("brief", None)
        brief, problems = _try(payload.brief, lang)
        if brief is not None:
            payload.fields["brief"] = brief.model_dump(mode="json", exclude_none=True)
    values = form_values(payload.fields.get("brief") or {})
    return _page(
        request,
        "brief.html",
        payload,
        lang,
        "/brief",
        form=values,
        kinds=[(k.value, label(KIND_LABELS, k.value, lang)) for k in NeedKind],
        problems=problems,
    )


@router.post("/fragment/brief-check")
async def brief_check(request: Request) -> Response:
    """Validation as you type: the brief's problems, and whether the pool fits it."""
    payload, lang = await _read(request)
    return render("_check.html", lang, check=await run_in_threadpool(_check, payload))


def _check(payload: Payload) -> dict[str, Any]:
    from ..validation import validate

    brief, problems = _try(payload.brief, _lang(payload))
    if problems is None and payload.has("candidates"):
        _, problems = _try(lambda: validate(payload.candidates(), brief), _lang(payload))
    return {"ok": problems is None, "problems": problems}


@router.post("/brief.yaml")
async def brief_yaml(request: Request) -> Response:
    """The form's brief as a YAML file (what ``composer compose`` reads)."""
    import yaml

    payload, _ = await _read(request)
    text = yaml.safe_dump(payload.fields.get("brief") or {}, allow_unicode=True, sort_keys=False)
    headers = {"content-disposition": 'attachment; filename="brief.yaml"'}
    return Response(text, media_type="application/yaml; charset=utf-8", headers=headers)


@router.post("/sammensaetning")
async def composition_page(request: Request) -> Response:
    payload, lang = await _read(request)
    return _page(
        request,
        "sammensaetning.html",
        payload,
        lang,
        "/sammensaetning",
    )


# --------------------------------------------------------------------------- fragments
def _result(payload: Payload, make: Callable[[], Composition]) -> dict[str, Any]:
    """Everything the result part of the Sammensætning page shows of one composition."""
    started = time.perf_counter()
    comp, problems = _try(make, _lang(payload))
    if comp is None:
        return {"problems": problems, "infeasible": problems and problems["code"] == "infeasible"}
    pool = payload.candidates()
    log.info(
        "page composition: %d members in %.3f s", len(comp.members), time.perf_counter() - started
    )
    return {
        "comp": comp,
        "composition_json": comp.model_dump_json(),
        "members": member_rows(comp),
        "tables": tables_html(comp),
        "pictures": pictures(comp, pool),
        "new": set(),
    }


def _compose(payload: Payload) -> Composition:
    from ..planner import compose

    return compose(payload.candidates(), payload.brief(), seed=payload.seed())


@router.post("/fragment/compose")
async def compose_fragment(request: Request) -> Response:
    payload, lang = await _read(request)
    result = await run_in_threadpool(_result, payload, lambda: _compose(payload))
    return render("_result.html", lang, **result)


def _replace(payload: Payload) -> Composition:
    from ..planner import replace

    comp = payload.composition()
    member = payload.text("member")
    pool = payload.candidates()
    check_replace(comp, member, pool.ids)
    return replace(comp, member, pool, payload.brief(), seed=payload.seed())


@router.post("/fragment/replace")
async def replace_fragment(request: Request) -> Response:
    """ "Melder fra": the member declined; the others keep their roles."""
    payload, lang = await _read(request)
    result = await run_in_threadpool(_result, payload, lambda: _replace(payload))
    if "comp" in result:
        before = payload.composition()
        result["diff"] = difference(before, result["comp"])
        result["new"] = set(result["diff"].joined)
    return render("_result.html", lang, **result)


@router.post("/fragment/alternatives")
async def alternatives_fragment(request: Request) -> Response:
    payload, lang = await _read(request)
    comps, problems = await run_in_threadpool(_try, lambda: _alternatives(payload), lang)
    return render("_alternatives.html", lang, comps=comps or [], problems=problems)


def _alternatives(payload: Payload) -> list[Composition]:
    from ..planner import alternatives

    return alternatives(payload.candidates(), payload.brief(), n=3, seed=payload.seed())


@router.post("/fragment/whatif")
async def whatif_fragment(request: Request) -> Response:
    """What if a weight, a size or a quota were different: recompose and compare."""
    payload, lang = await _read(request)
    comp, problems = await run_in_threadpool(_try, lambda: _whatif(payload), lang)
    diff = difference(payload.composition(), comp) if comp is not None else None
    return render("_whatif.html", lang, diff=diff, problems=problems)


def _whatif(payload: Payload) -> Composition:
    """Compose again with the what-if panel's weights, core size and quota bounds."""
    from ..planner import compose

    brief = payload.brief().model_dump(mode="json", exclude_none=True)
    changed = payload.fields
    for i, need in enumerate(brief["needs"]):
        _change(need, "weight", changed.get(f"wi.needs.{i}.weight"))
    for i, quota in enumerate(brief["quotas"]):
        for key in ("min", "max"):
            _change(quota, key, changed.get(f"wi.quotas.{i}.{key}"))
    for key in ("min", "max"):
        _change(brief["core"], key, changed.get(f"wi.core.{key}"))
    payload.fields["brief"] = brief
    return compose(payload.candidates(), payload.brief(), seed=payload.seed())


def _change(target: dict[str, Any], key: str, text: object) -> None:
    """Set ``target[key]`` from a what-if field (decimal comma accepted); empty: unchanged."""
    if isinstance(text, str) and text.strip():
        target[key] = text.strip().replace(",", ".")


@router.post("/download/{fmt}")
async def download(request: Request, fmt: str) -> Response:
    payload, _ = await _read(request)
    return await run_in_threadpool(downloads.download, payload.composition(), fmt)


@router.get("/docs")
async def docs(request: Request, lang: str = "da") -> Response:
    """The API's description, from its OpenAPI document, served from here (no CDN)."""
    spec = request.app.openapi()
    return render("docs.html", lang if lang in ("da", "en") else "da", spec=spec)
