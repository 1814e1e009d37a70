"""The web application: settings, the guards every request passes, errors as JSON.

Every request passes three guards (plain ASGI middleware, outermost first): security
headers (a strict Content-Security-Policy: scripts, styles and images from this server
only, images also as ``data:``; no framing, no referrer), the token (when the server has
one) and the body limit (a larger body is refused with 413 before anything is parsed).
"""

from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .. import __version__
from ..errors import ComposerError, InfeasibleError, InputError, told
from ..files import error_json
from ..loaders import pydantic_problem
from ..matching import KEEP_JUDGED
from ..messages import say
from ..reading import Limits

__all__ = [
    "CSP",
    "MAX_UPLOAD_BYTES",
    "TOKEN_COOKIE",
    "TOKEN_ENV",
    "Settings",
    "app_from_env",
    "create_app",
    "error_response",
]

log = logging.getLogger("composer.web")

#: the environment variable holding the token (``composer serve`` reads it too)
TOKEN_ENV = "COMPOSER_TOKEN"
TOKEN_COOKIE = "composer_token"
#: the largest request body the server reads (an upload, or the page's posted state)
MAX_UPLOAD_BYTES = 50 * 2**20
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Settings:
    """What one server was started with."""

    token: str | None = None
    max_upload_bytes: int = MAX_UPLOAD_BYTES

    @property
    def limits(self) -> Limits:
        """The readers' limits, with the file size capped at what the server accepts."""
        return Limits(max_file_bytes=self.max_upload_bytes)


# --------------------------------------------------------------------------- errors
def _status(err: ComposerError) -> int:
    if isinstance(err, InfeasibleError):
        return 422
    if isinstance(err, InputError) and any(p.code == "limit" for p in err.problems):
        return 413
    return 400


def error_response(
    err: ComposerError, status: int | None = None, code: str | None = None, lang: str = "da"
) -> JSONResponse:
    """The command line's JSON error (:func:`composer.files.error_json`, told in
    ``lang``) with its HTTP status: 400 bad input, 413 over a limit, 422 a brief that
    cannot be met (and ``code`` for what only a server has: unauthorized, not_found...)."""
    payload = error_json(err, lang) | ({"code": code} if code else {})
    return JSONResponse({"error": payload}, status_code=status or _status(err))


def _problem(code: str, message: str, value: object = None, **params: Any) -> InputError:
    """A problem with the request itself, told by the sentence ``problem.<message>``."""
    return InputError([told("<request>", None, None, value, message, code=code, **params)])


def _request_language(request: Request) -> str:
    """The language a request asked for: its ``lang`` field (kept by
    :func:`composer.web.inputs.read_payload`) or ``?lang=``; Danish otherwise."""
    lang = getattr(request.state, "lang", None)
    return lang if lang in ("da", "en") else _query_language(request.scope)


def _query_language(scope: Scope) -> str:
    """``?lang=`` of a request not read yet (the guards answer before the app runs)."""
    lang = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", ["da"])[0]
    return lang if lang in ("da", "en") else "da"


async def _composer_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ComposerError)
    return error_response(exc, lang=_request_language(request))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        pydantic_problem("<request>", e, ".".join(map(str, e["loc"])), "request_field")
        for e in exc.errors()
    ]
    return error_response(InputError(problems), 400, lang=_request_language(request))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = f"http_{exc.status_code}"
    known = exc.status_code in (404, 405)
    message = f"http_{exc.status_code}" if known else "http_other"
    err = _problem(code, message, request.url.path, why=str(exc.detail))
    code = "bad_input" if exc.status_code == 400 else code
    return error_response(err, exc.status_code, code, _request_language(request))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("unexpected %s on %s", type(exc).__name__, request.url.path)  # no message: data
    lang = _request_language(request)  # the command line's sentence for a bug
    err = ComposerError(say("cli.bug", lang, error=type(exc).__name__))
    return error_response(err, 500, "internal", lang)


# --------------------------------------------------------------------------- guards
def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class KeepNothing:
    """Every request runs with :data:`composer.matching.KEEP_JUDGED` off: the need
    matchers judge its candidates' phrases and sentences without keeping them for later
    requests (the server holds no state between requests)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = KEEP_JUDGED.set(False)
        try:
            await self.app(scope, receive, send)
        finally:
            KEEP_JUDGED.reset(token)


class TokenGuard:
    """With a token, every request but the static files must carry it: the header
    ``Authorization: Bearer TOKEN`` (tools), or the cookie that ``?token=TOKEN`` sets
    (browsers: open the page once with the token in the address)."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    def _given(self, scope: Scope) -> tuple[str | None, bool]:
        """The token the request carries, and whether it came in the address."""
        headers = _headers(scope)
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip(), False
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if query.get("token"):
            return query["token"][0], True
        cookie = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
        morsel = cookie.get(TOKEN_COOKIE)
        return (morsel.value if morsel else None), False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.token is None or scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        given, in_address = self._given(scope)
        if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
            await _refuse(scope, receive, send)
            return
        if not in_address:
            await self.app(scope, receive, send)
            return
        cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/".encode()

        async def set_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
            await send(message)

        await self.app(scope, receive, set_cookie)


async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
    from .pages import token_page

    if scope["path"].startswith("/api/") or scope["path"] == "/openapi.json":
        err = _problem("unauthorized", "request_token")
        response: Response = error_response(err, 401, "unauthorized", _query_language(scope))
    else:
        response = token_page()
    await response(scope, receive, send)


def _too_large(size: int, limit: int) -> InputError:
    return _problem("limit", "request_size", f"{size:,} bytes", max=limit)


class BodyLimit:
    """Refuses a request body over ``limit`` bytes with 413: by its Content-Length before
    anything is read (the body is then read and dropped, so the client gets the answer),
    or, without one, as soon as the streamed body passes the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _headers(scope).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            more = True
            while more:  # drain what is still coming, keeping none of it
                message = await receive()
                more = message.get("more_body", False) and message["type"] == "http.request"
            too_large = _too_large(int(length), self.limit)
            await error_response(too_large, lang=_query_language(scope))(scope, receive, send)
            return
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:  # the app's error handler answers 413
                raise _too_large(seen, self.limit)
            return message

        await self.app(scope, counting, send)


# --------------------------------------------------------------------------- the app
def create_app(token: str | None = None, *, max_upload_bytes: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """The web application: the pages, the HTTP API and its OpenAPI description.

    Parameters
    ----------
    token : str, optional
        When given, every request must carry it (see :class:`TokenGuard`).
    max_upload_bytes : int
        The largest request body read; the readers' file limit is set to the same.

    Examples
    --------
    >>> paths = create_app().openapi()["paths"]
    >>> sorted(p for p in paths if p.startswith("/api/"))[:2]
    ['/api/alternatives', '/api/compose']
    """
    from . import api, pages

    settings = Settings(token=token or None, max_upload_bytes=max_upload_bytes)
    app = FastAPI(
        title="composer",
        version=__version__,
        summary="Recommends who should sit in a municipal development network (netværk).",
        docs_url=None,  # Swagger UI loads from a CDN: /docs is served from here instead
        redoc_url=None,
    )
    app.state.settings = settings
    app.add_exception_handler(ComposerError, _composer_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    app.mount("/static", StaticFiles(packages=[("composer.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    # added last = outermost: headers on every answer, then the token, then the size
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.add_middleware(TokenGuard, token=settings.token)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(KeepNothing)
    return app


def app_from_env() -> FastAPI:
    """The app ``composer serve`` runs (uvicorn's factory): the token and the upload
    limit come from ``COMPOSER_TOKEN`` and ``COMPOSER_MAX_UPLOAD_MB``."""
    mb = os.environ.get("COMPOSER_MAX_UPLOAD_MB", "")
    limit = int(float(mb) * 2**20) if mb else MAX_UPLOAD_BYTES
    return create_app(os.environ.get(TOKEN_ENV) or None, max_upload_bytes=limit)
