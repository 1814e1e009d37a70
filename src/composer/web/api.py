"""The HTTP API for other tools: the command line's commands as ``POST /api/...``.

Each endpoint takes a JSON object (candidates as records, the brief as an object) or a
multipart form (the same names as files or fields) and answers with the JSON the
command line writes with ``--format json``; errors are the command line's JSON errors
(:func:`composer.files.error_json`) with 400, 413 or 422. The work runs in a
worker thread, so the server keeps answering while one network is composed. Only
counts and timings are logged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from ..composition import Composition
from ..errors import InputError, told
from ..planner.whatif import MAX_ALTERNATIVES
from .inputs import Payload, read_payload

__all__ = ["router"]

log = logging.getLogger("composer.web")


class Inputs(BaseModel):
    """The body of every endpoint (as JSON; or the same names in a multipart form, with
    ``candidates`` and ``brief`` as files: .csv/.xlsx/.json and .yaml/.json)."""

    model_config = ConfigDict(extra="forbid")

    candidates: list[dict[str, Any]] = Field(
        description="The candidates as records (`composer schema candidates`: one object "
        "per person with id, actor_type, ...), or the spreadsheet spellings the loaders read."
    )
    brief: dict[str, Any] = Field(description="The network's brief (`composer schema brief`).")
    lang: Literal["da", "en"] | None = Field(
        None, description="Language of reasons and texts (default: the brief's)."
    )
    sheet: str | None = Field(None, description="The worksheet of an uploaded .xlsx.")


class ValidateInputs(Inputs):
    brief: dict[str, Any] | None = Field(  # type: ignore[assignment]
        None, description="Optionally the brief, to check that the candidates fit it."
    )


class ComposeInputs(Inputs):
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Same input and seed, same result.")
    method: Literal["auto", "exact", "heuristic", "greedy"] = Field(
        "auto", description="exact (MILP), heuristic (large pools) or auto."
    )


class ReplaceInputs(ComposeInputs):
    composition: dict[str, Any] = Field(description="The composition /api/compose returned.")
    member: str = Field(description="The id of the member who declined.")
    brief: dict[str, Any] | None = Field(  # type: ignore[assignment]
        None, description="The brief (default: the one inside the composition)."
    )


class AlternativesInputs(ComposeInputs):
    n: int = Field(3, ge=1, le=MAX_ALTERNATIVES, description="How many compositions at most.")


class Validated(BaseModel):
    ok: bool
    source: str
    candidates: int
    brief: dict[str, Any] | None = None


class ErrorBody(BaseModel):
    code: str = Field(description="bad_input, infeasible, unauthorized, internal, ...")
    message: str
    problems: list[dict[str, Any]] = Field(
        description="Each problem: source, row (header = row 1), column, value, expected, code."
    )


class Error(BaseModel):
    error: ErrorBody


def _doc(model: type[BaseModel], answer: Any, summary: str) -> dict[str, Any]:
    """The route's OpenAPI: its JSON body, the multipart form, and the error answers."""
    schema = model.model_json_schema()
    # the brief is documented by the library's own model (a component FastAPI adds for the
    # Composition the endpoints answer with, which holds its brief)
    brief = schema["properties"]["brief"]
    brief.pop("anyOf", None)
    brief.pop("type", None)
    brief.pop("additionalProperties", None)
    brief["$ref"] = "#/components/schemas/NetworkBrief"
    form = {
        "type": "object",
        "properties": {
            key: {"type": "string", "format": "binary"}
            if key in ("candidates", "brief", "composition")
            else {"type": "string"}
            for key in schema["properties"]
        },
    }
    return {
        "summary": summary,
        "responses": {
            200: {"model": answer},
            400: {"model": Error, "description": "Bad input (every problem, with row and column)"},
            413: {"model": Error, "description": "Over a size limit"},
            422: {"model": Error, "description": "The brief cannot be met"},
        },
        "openapi_extra": {
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": schema},
                    "multipart/form-data": {"schema": form},
                },
            }
        },
    }


router = APIRouter(prefix="/api", tags=["api"])


async def _run(request: Request, what: str, work: Callable[[Payload], str]) -> Response:
    """Read the request, do ``work`` in a worker thread, answer with its JSON text."""
    started = time.perf_counter()
    payload = await read_payload(request, request.app.state.settings.limits)
    text = await run_in_threadpool(work, payload)
    log.info("%s: %d bytes in %.3f s", what, len(text), time.perf_counter() - started)
    return Response(text, media_type="application/json")


def validate_work(payload: Payload) -> str:
    """What ``composer validate --format json`` writes."""
    from ..validation import validate

    pool = payload.candidates()
    data: dict[str, Any] = {"ok": True, "source": pool.source, "candidates": len(pool)}
    if payload.has("brief"):
        brief = payload.brief()
        validate(pool, brief)
        data["brief"] = {"theme": brief.theme, "phases": brief.phase_names}
    return Validated(**data).model_dump_json(exclude_none=True)


def score_work(payload: Payload) -> str:
    """What ``composer score --format json`` writes: one record per candidate."""
    from ..scoring import score
    from ..views.tables import ranked_scores

    pool, brief = payload.candidates(), payload.brief()
    frame = ranked_scores(score(pool, brief), pool.frame["name"])
    return str(frame.reset_index().to_json(orient="records", force_ascii=False))


def compose_work(payload: Payload) -> str:
    """What ``composer compose --format json`` writes."""
    from ..planner import compose

    pool, brief = payload.candidates(), payload.brief()
    seed, method = payload.seed(), payload.method()
    return compose(pool, brief, seed=seed, method=method).model_dump_json()  # type: ignore[arg-type]


def replace_work(payload: Payload) -> str:
    """What ``composer replace --format json`` writes."""
    from ..planner import replace

    comp = payload.composition()
    member = payload.text("member")
    pool = payload.candidates()
    brief = payload.brief() if payload.has("brief") else comp.brief
    check_replace(comp, member, pool.ids)
    new = replace(comp, member, pool, brief, seed=payload.seed(), method=payload.method())  # type: ignore[arg-type]
    return new.model_dump_json()


def check_replace(comp: Composition, member: str, pool_ids: Any) -> None:
    """``replace`` needs ``member`` in the composition and every member in the pool."""
    ids = [m.id for m in comp.members]
    problems = []
    if member not in ids:
        problems.append(told("<request>", None, "member", member, "not_a_member", ids=ids,
                             code="invalid_value"))  # fmt: skip
    known = set(pool_ids)
    problems += [
        told("candidates", None, "id", i, "member_not_in_pool", code="invalid_value")
        for i in ids
        if i not in known
    ]
    if problems:
        raise InputError(problems)


def alternatives_work(payload: Payload) -> str:
    """A JSON list of compositions, best first."""
    from ..planner import alternatives

    pool, brief = payload.candidates(), payload.brief()
    n, seed, method = payload.count(), payload.seed(), payload.method()
    comps = alternatives(pool, brief, n=n, seed=seed, method=method)  # type: ignore[arg-type]
    return "[" + ",".join(c.model_dump_json() for c in comps) + "]"


@router.post("/validate", **_doc(ValidateInputs, Validated, "Check the candidates (and the brief)"))
async def api_validate(request: Request) -> Response:
    return await _run(request, "validate", validate_work)


@router.post("/score", **_doc(Inputs, list[dict[str, Any]], "Every candidate's scores"))
async def api_score(request: Request) -> Response:
    return await _run(request, "score", score_work)


@router.post("/compose", **_doc(ComposeInputs, Composition, "Compose a network"))
async def api_compose(request: Request) -> Response:
    return await _run(request, "compose", compose_work)


@router.post("/replace", **_doc(ReplaceInputs, Composition, "A member declined: fill the seat"))
async def api_replace(request: Request) -> Response:
    return await _run(request, "replace", replace_work)


@router.post(
    "/alternatives",
    **_doc(AlternativesInputs, list[Composition], "Compositions that differ by two or more"),
)
async def api_alternatives(request: Request) -> Response:
    return await _run(request, "alternatives", alternatives_work)
