"""One request's inputs: JSON or multipart in, validated pool, brief and options out.

The API and the pages read their inputs here, so both apply the readers' limits
(:class:`composer.reading.Limits`) and report problems as :class:`InputError`. Uploaded
files are read into memory (they are capped by the server's body limit) and handed to
the loaders as named byte streams: nothing is written to disk by composer; the spooled
files of a multipart form are closed (and removed) when the form is done.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request

from ..composition import Composition
from ..errors import InputError, check_seed, told
from ..loaders import load_brief, load_candidates, pydantic_problem
from ..models import Language, NetworkBrief
from ..planner.whatif import MAX_ALTERNATIVES
from ..pool import CandidatePool
from ..reading import Limits, read_mapping

__all__ = ["MAX_NEEDS", "METHODS", "Payload", "read_payload"]

METHODS = ("auto", "exact", "heuristic", "greedy")
#: how many files and fields one form may hold (the brief form has a few hundred fields)
MAX_FILES, MAX_FIELDS = 8, 5_000
_REQUEST = "<request>"
#: most needs in a brief the server composes (each need is a row of the optimiser's model)
MAX_NEEDS = 500


@dataclass
class Payload:
    """What one request sent: fields (JSON values or form texts) and files (name, bytes)."""

    limits: Limits
    fields: dict[str, Any] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    # ------------------------------------------------------------------ parts
    def _stream(self, key: str, fallback_name: str) -> io.BytesIO | None:
        """The file ``key``, or a text field ``key`` (from a form), as a named stream."""
        if key in self.files:
            name, data = self.files[key]
        elif isinstance(self.fields.get(key), str):
            name, data = fallback_name, self.fields[key].encode("utf-8")
        else:
            return None
        stream = io.BytesIO(data)
        stream.name = name  # the loaders name the file in every problem, and read its suffix
        return stream

    def has(self, key: str) -> bool:
        value = self.fields.get(key)
        return key in self.files or (value is not None and value != "")

    def candidates(self) -> CandidatePool:
        """The pool: records in JSON, a JSON text field, or an uploaded CSV/xlsx/JSON file."""
        records = self.fields.get("candidates")
        if isinstance(records, list | dict):
            if isinstance(records, dict):
                records = records.get("candidates", records)
            return load_candidates(records, limits=self.limits)
        stream = self._stream("candidates", "candidates.json")
        if stream is None:
            raise _missing("candidates", "request_candidates")
        sheet = self.fields.get("sheet") or None
        return load_candidates(stream, sheet=sheet, limits=self.limits)

    def brief(self, key: str = "brief") -> NetworkBrief:
        """The brief: a JSON object, or a YAML/JSON text field or file; ``lang`` overrides
        its language as the command line's ``--lang`` does."""
        value = self.fields.get(key)
        if isinstance(value, Mapping):
            brief = load_brief(value, limits=self.limits)
        else:
            stream = self._stream(key, "brief.yaml")
            if stream is None:
                raise _missing(key, "request_brief")
            brief = load_brief(stream, limits=self.limits)
        if len(brief.needs) > MAX_NEEDS:
            n = len(brief.needs)
            raise InputError(
                [told(key, None, "needs", n, "request_needs", code="limit", max=MAX_NEEDS)]
            )
        lang = self.language()
        return brief if lang is None else brief.model_copy(update={"language": Language(lang)})

    def composition(self) -> Composition:
        """A composition as ``/api/compose`` (or ``compose --format json``) returns it."""
        value = self.fields.get("composition")
        if not isinstance(value, Mapping):
            stream = self._stream("composition", "composition.json")
            if stream is None:
                raise _missing("composition", "request_composition")
            value, _ = read_mapping(stream, limits=self.limits, format="json")
        try:
            return Composition.model_validate(value)
        except ValidationError as e:
            raise InputError(
                [
                    pydantic_problem("composition", err, ".".join(map(str, err["loc"])) or None,
                                     "request_composition")
                    for err in e.errors()
                ]
            ) from None  # fmt: skip

    # ------------------------------------------------------------------ options
    def language(self) -> str | None:
        lang = self.fields.get("lang") or None
        if lang not in (None, "da", "en"):
            raise _bad("lang", lang, "argument_one_of", choices="da, en")
        return lang

    def seed(self) -> int:
        return check_seed(self.fields.get("seed", 0))

    def method(self) -> str:
        method = self.fields.get("method") or "auto"
        if method not in METHODS:
            raise _bad("method", method, "argument_one_of", choices=", ".join(METHODS))
        return str(method)

    def count(self, default: int = 3) -> int:
        n = self.fields.get("n", default)
        text = str(n).strip()
        if isinstance(n, bool) or not text.isdigit() or not 1 <= int(text) <= MAX_ALTERNATIVES:
            raise _bad("n", n, "argument_whole", low=1, high=MAX_ALTERNATIVES)
        return int(text)

    def text(self, key: str) -> str:
        value = self.fields.get(key)
        if not isinstance(value, str) or not value.strip():
            raise _missing(key, "request_text", name=key)
        return value.strip()


def _bad(key: str, value: object, message: str, **params: Any) -> InputError:
    """A bad option of a request, told by the sentence ``problem.<message>``."""
    return InputError([told(_REQUEST, None, key, value, message, code="bad_option", **params)])


def _missing(field: str, message: str, **params: Any) -> InputError:
    """A missing field of a request, told by the sentence ``problem.<message>``."""
    return InputError([told(_REQUEST, None, field, None, message, code="missing", **params)])


async def read_payload(request: Request, limits: Limits) -> Payload:
    """The request's fields and files: a JSON object, or a multipart / urlencoded form."""
    payload = Payload(limits)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        async with request.form(
            max_files=MAX_FILES, max_fields=MAX_FIELDS, max_part_size=limits.max_file_bytes
        ) as form:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    if value.filename:  # an empty file input sends a part without a name
                        payload.files[key] = (value.filename, await value.read())
                else:
                    payload.fields[key] = value
        request.state.lang = payload.fields.get("lang")
        return payload
    body = await request.body()
    if not body.strip():
        raise _missing("body", "request_body")
    stream = io.BytesIO(body)
    stream.name = "request.json"
    # the body holds the pool as well as the brief: its values are bounded by its size;
    # the brief alone is held to the brief's limit again when it is loaded
    body_limits = replace(limits, max_brief_values=limits.max_file_bytes)
    # a large body takes a while to parse: off the event loop, as the work itself
    data, _ = await run_in_threadpool(read_mapping, stream, limits=body_limits, format="json")
    if not isinstance(data, Mapping):
        raise _bad("body", type(data).__name__, "request_object")
    payload.fields.update(data)
    request.state.lang = data.get("lang")  # the errors' language (web.app._request_language)
    return payload
