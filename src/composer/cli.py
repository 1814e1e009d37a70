"""Command line: ``composer`` (or ``python -m composer``) for network leaders and other tools.

Commands
--------
validate CANDIDATES [BRIEF]                 check the files (and that they fit together)
summary CANDIDATES BRIEF                    who is in the pool: actor types, orientation, phases
score CANDIDATES BRIEF                      every candidate's scores and reasons
compose CANDIDATES BRIEF                    compose a network
replace COMPOSITION.json MEMBER CANDIDATES BRIEF   a member declined: fill the seat
schema {brief,candidates,composition}       the JSON Schema of an input or of the result
template FILE.xlsx [--brief BRIEF]          an empty candidate list with drop-downs and a Brief sheet
thesaurus lookup WORD                       what a word matches in the coverage thesaurus
serve [--host H] [--port P] [--token T]     the web page and the HTTP API (the web extra)
lottery CANDIDATES BRIEF --seed N           a fair lottery among near-optimal networks
verify TABLE.json --seed N                  draw again from a published lottery table
demo                                        compose the embedded sample

Every command takes ``--format``, ``--output FILE`` (the format follows the file's
suffix when ``--format`` is not given) and ``-`` for standard input (candidates as CSV
or JSON, a brief as YAML or JSON; one of them at a time). ``--lang`` overrides the
brief's language.

Exit codes: 0 done, 2 bad input (or bad arguments), 3 the brief cannot be met, 1 an
unexpected error (a bug: please report it). No traceback is ever printed; with
``--format json`` errors are JSON on standard error:
``{"error": {"code": ..., "message": ..., "problems": [...]}}``.

Only argparse is imported at start, so ``--help`` and ``--version`` are quick; each
command imports what it needs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import __version__

if TYPE_CHECKING:
    import pandas as pd

    from .composition import Composition
    from .models import NetworkBrief
    from .pool import CandidatePool

__all__ = ["build_parser", "main"]

DEMO_SAMPLE = "klimatilpasning"
FORMATS = ("markdown", "json", "csv", "xlsx", "html")
#: what a composition can be written as: the tables' formats and the report as PDF
REPORT_FORMATS = (*FORMATS, "pdf")
_SUFFIX_FORMAT = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}

EXIT_OK, EXIT_BUG, EXIT_INPUT, EXIT_INFEASIBLE = 0, 1, 2, 3


# --------------------------------------------------------------------------- errors
class CliError(Exception):
    """An error the command line reports in one message (and, with JSON, as an object)."""

    def __init__(
        self,
        message: str,
        code: str = "bad_input",
        exit_code: int = EXIT_INPUT,
        problems: Sequence[dict[str, Any]] = (),
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.exit_code = exit_code
        self.problems = list(problems)
        self.extra = extra or {}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is raised (so ``main`` returns 2 in the chosen format)."""

    def __init__(self, *args: Any, language: str = "da", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def error(self, message: str) -> NoReturn:
        from .messages import say

        raise CliError(say("cli.usage", self.language, prog=self.prog, message=message), "usage")


# --------------------------------------------------------------------------- arguments
def _seed_type(language: str) -> Callable[[str], int]:
    """The type of ``--seed``: a whole number >= 0 (the error in ``language``)."""

    def seed(text: str) -> int:
        from .messages import say

        value = int(text) if text.strip().isdigit() else -1
        if value < 0:
            raise argparse.ArgumentTypeError(say("cli.seed", language, value=repr(text)))
        return value

    return seed


def _help(code: str, language: str, **params: Any) -> str:
    from .messages import say

    return say(f"help.{code}", language, **params).replace("%", "%%")  # argparse formats help


def _meta(argument: str, language: str) -> str:
    from .messages.cli import METAVARS

    return METAVARS[language][argument]


@contextmanager
def _argparse_in(language: str) -> Iterator[None]:
    """argparse's own words (usage, options, its errors) in ``language`` while it runs."""
    from .messages.cli import ARGPARSE

    table = ARGPARSE.get(language)
    if table is None:
        yield
        return
    english = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: table.get(text, english(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]


def _epsilon_type(language: str) -> Callable[[str], float]:
    """The type of ``--epsilon``: a number >= 0 (decimal comma too; the error in
    ``language``)."""

    def epsilon(text: str) -> float:
        from .messages import say

        try:
            value = float(text.strip().replace(",", "."))
        except ValueError:
            value = -1.0
        if not value >= 0:
            raise argparse.ArgumentTypeError(say("cli.epsilon", language, value=repr(text)))
        return value

    return epsilon


def _add_output(
    p: argparse.ArgumentParser, formats: Sequence[str], default: str, lang: str
) -> None:
    p.set_defaults(formats=tuple(formats), default_format=default)
    p.add_argument(
        "--format", choices=formats, default=None, help=_help("format", lang, default=default)
    )
    out_help = _help("output_file" if "xlsx" in formats else "output", lang)
    p.add_argument("--output", "-o", metavar=_meta("output", lang), help=out_help)


def _add_inputs(p: argparse.ArgumentParser, lang: str, brief: str = "required") -> None:
    p.add_argument("candidates", metavar=_meta("candidates", lang), help=_help("candidates", lang))
    if brief == "required":
        p.add_argument("brief", metavar=_meta("brief", lang), help=_help("brief", lang))
    elif brief == "optional":
        p.add_argument(
            "brief", metavar=_meta("brief", lang), nargs="?", help=_help("brief_optional", lang)
        )


def _add_common(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument("--lang", choices=("da", "en"), help=_help("lang", lang))
    p.add_argument("--quiet", "-q", action="store_true", help=_help("quiet", lang))


def _add_solver(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument(
        "--seed",
        type=_seed_type(lang),
        default=0,
        metavar=_meta("seed", lang),
        help=_help("seed", lang),
    )
    p.add_argument(
        "--method",
        choices=("auto", "exact", "heuristic"),
        default="auto",
        help=_help("method", lang),
    )


#: command -> (inputs: "required" / "optional" brief / none, formats, solver options)
_SPECS: dict[str, tuple[str | None, tuple[str, ...], bool]] = {
    "validate": ("optional", ("markdown", "json"), False),
    "summary": ("required", ("markdown", "json"), False),
    "score": ("required", FORMATS, False),
    "compose": ("required", REPORT_FORMATS, True),
    "replace": ("required", REPORT_FORMATS, True),
    "demo": (None, REPORT_FORMATS, True),
}


def build_parser(language: str = "da") -> argparse.ArgumentParser:
    """The argument parser of ``composer``; every argument has a help text in ``language``."""
    lang = language if language in ("da", "en") else "da"
    parser = _Parser(
        prog="composer",
        description=_help("description", lang),
        epilog=_help("epilog", lang),
        language=lang,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_help("version", lang),
    )
    parser.add_argument("--lang", dest="help_lang", choices=("da", "en"), help=_help("lang", lang))
    sub = parser.add_subparsers(dest="command", required=True, metavar=_meta("command", lang))
    for name, (brief, formats, solver) in _SPECS.items():
        p = sub.add_parser(
            name, help=_help(name, lang), description=_help(name, lang), language=lang
        )
        if name == "replace":
            p.add_argument(
                "composition", metavar=_meta("composition", lang), help=_help("composition", lang)
            )
            p.add_argument("member", metavar=_meta("member", lang), help=_help("member", lang))
        if brief is not None:
            _add_inputs(p, lang, brief)
        _add_output(p, formats, "markdown", lang)
        if name == "compose":
            p.add_argument("--json", action="store_true", help=_help("json", lang))
        _add_common(p, lang)
        if solver:
            _add_solver(p, lang)
    p = sub.add_parser(
        "template", help=_help("template", lang), description=_help("template", lang), language=lang
    )
    p.add_argument("file", metavar=_meta("output", lang), help=_help("template_file", lang))
    p.add_argument("--brief", metavar=_meta("brief", lang), help=_help("template_brief", lang))
    p.set_defaults(formats=("markdown",), default_format="markdown", format=None, output=None)
    p.add_argument("--lang", choices=("da", "en"), help=_help("lang", lang))
    p = sub.add_parser(
        "schema", help=_help("schema", lang), description=_help("schema", lang), language=lang
    )
    p.add_argument(
        "what", choices=("brief", "candidates", "composition"), help=_help("schema_what", lang)
    )
    _add_output(p, ("json",), "json", lang)
    p = sub.add_parser(
        "serve", help=_help("serve", lang), description=_help("serve", lang), language=lang
    )
    p.add_argument("--host", default="127.0.0.1", help=_help("serve_host", lang))
    p.add_argument("--port", type=int, default=8000, help=_help("serve_port", lang))
    p.add_argument("--token", default=None, help=_help("serve_token", lang))
    p.add_argument("--max-upload-mb", type=float, default=50.0, help=_help("serve_upload", lang))
    p.set_defaults(formats=("markdown",), default_format="markdown", output=None, format=None)
    p = sub.add_parser(
        "thesaurus",
        help=_help("thesaurus", lang),
        description=_help("thesaurus", lang),
        language=lang,
    )
    p.add_argument("action", choices=("lookup",), help=_help("thesaurus_action", lang))
    p.add_argument("word", metavar=_meta("word", lang), help=_help("thesaurus_word", lang))
    p.add_argument("--thesaurus", metavar=_meta("output", lang), help=_help("thesaurus_file", lang))
    _add_output(p, ("markdown",), "markdown", lang)
    p.add_argument("--lang", choices=("da", "en"), help=_help("lang", lang))
    _add_lottery(sub, lang)
    return parser


def _add_lottery(sub: Any, lang: str) -> None:
    """``lottery`` and ``verify`` (see :mod:`composer.draw`)."""
    p = sub.add_parser(
        "lottery", help=_help("lottery", lang), description=_help("lottery", lang), language=lang
    )
    _add_inputs(p, lang)
    _add_output(p, ("markdown", "json"), "markdown", lang)
    _add_common(p, lang)
    p.add_argument(
        "--seed", type=_seed_type(lang), default=0, metavar=_meta("seed", lang),
        help=_help("lottery_seed", lang),
    )  # fmt: skip
    p.add_argument("--epsilon", type=_epsilon_type(lang), default=None, help=_help("epsilon", lang))
    p = sub.add_parser(
        "verify", help=_help("verify", lang), description=_help("verify", lang), language=lang
    )
    p.add_argument("table", metavar=_meta("table", lang), help=_help("verify_table", lang))
    p.add_argument(
        "--seed", type=_seed_type(lang), required=True, metavar=_meta("seed", lang),
        help=_help("verify_seed", lang),
    )  # fmt: skip
    _add_output(p, ("markdown", "json"), "markdown", lang)
    p.add_argument("--lang", choices=("da", "en"), help=_help("lang", lang))


# --------------------------------------------------------------------------- inputs
@dataclass
class _Inputs:
    """Reads the command's input files; ``-`` is standard input (one input at most), written
    to a temporary file so that the loaders (separators, encodings, row numbers) treat it
    as any file."""

    stack: ExitStack
    language: str = "da"

    def _stdin_file(self, suffix: str | None = None) -> Path:
        data = sys.stdin.buffer.read()
        if suffix is None:  # candidates: JSON starts with [ or {, anything else is CSV
            head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
            suffix = ".json" if head in (b"[", b"{") else ".csv"
        folder = Path(self.stack.enter_context(tempfile.TemporaryDirectory()))
        path = folder / f"stdin{suffix}"
        path.write_bytes(data)
        return path

    def candidates(self, arg: str) -> CandidatePool:
        from .loaders import load_candidates

        path = self._stdin_file() if arg == "-" else Path(arg)
        with _reading(path, self.language):
            return load_candidates(path)

    def brief(self, arg: str, lang: str | None) -> NetworkBrief:
        from .loaders import load_brief

        path = self._stdin_file(".yaml") if arg == "-" else Path(arg)
        with _reading(path, self.language):
            brief = load_brief(path)
        return _with_language(brief, lang)

    def composition(self, arg: str) -> Composition:
        from .files import read_composition

        path = self._stdin_file(".json") if arg == "-" else Path(arg)
        with _reading(path, self.language):
            return read_composition(path)


@contextmanager
def _reading(path: Path, language: str) -> Iterator[None]:
    """Turn what reading ``path`` can raise besides InputError into a one-line bad input."""
    from zipfile import BadZipFile

    from .errors import ComposerError
    from .messages import say

    try:
        yield
    except ComposerError:
        raise
    except UnicodeDecodeError:
        raise CliError(say("cli.undecodable", language, name=path.name)) from None
    except IsADirectoryError:
        raise CliError(say("cli.folder", language, path=path)) from None
    except OSError as e:
        why = e.strerror or str(e)
        raise CliError(say("cli.unreadable", language, path=path, why=why)) from None
    except (ValueError, EOFError, KeyError, BadZipFile) as e:  # e.g. a damaged .xlsx
        why = f"{type(e).__name__}: {e}"
        raise CliError(say("cli.unreadable", language, path=path.name, why=why)) from None


def _with_language(brief: NetworkBrief, lang: str | None) -> NetworkBrief:
    if lang is None:
        return brief
    from .models import Language

    return brief.model_copy(update={"language": Language(lang)})


# --------------------------------------------------------------------------- outputs
#: what a command produces: text, or a function that writes a file (xlsx)
Rendered = str | Callable[[Path], object]


def _format(args: argparse.Namespace, language: str) -> str:
    """``--format``, else the one ``--output``'s suffix names (if the command writes it)."""
    from .messages import say

    fmt: str | None = "json" if getattr(args, "json", False) else args.format
    if fmt is None and args.output:
        fmt = _SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
        fmt = fmt if fmt in args.formats else None
    fmt = fmt or args.default_format
    if fmt in ("xlsx", "pdf") and not args.output:
        raise CliError(say("cli.needs_file", language, format=fmt), code="usage")
    return fmt


def _emit(rendered: Rendered, args: argparse.Namespace, fmt: str, language: str) -> None:
    if args.output:
        path = Path(args.output)
        try:
            if callable(rendered):
                rendered(path)
            else:
                # CSV with a BOM so that Excel shows æ, ø and å; everything else plain UTF-8
                path.write_text(rendered, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        except OSError as e:
            from .messages import say

            why = e.strerror or str(e)
            raise CliError(say("cli.unwritable", language, path=path, why=why)) from None
        return
    assert isinstance(rendered, str)
    sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    sys.stdout.flush()


def _json(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def _table(frame: pd.DataFrame, fmt: str, language: str, title: str) -> Rendered:
    """A table (index ``id``) in any format: JSON and CSV keep the column keys, the
    formats for people (Markdown, HTML, Excel) show labels in ``language``."""
    import html

    from .views import export
    from .views.markdown import markdown_table

    if fmt == "json":
        return frame.reset_index().to_json(orient="records", force_ascii=False, indent=2)
    if fmt == "csv":
        return export.csv_text(frame, language)
    frame = export.with_headers(frame, language)  # for people: labels in their language
    if fmt == "xlsx":
        return lambda path: export.tables_to_excel({title: frame.reset_index()}, path, language)
    if fmt == "html":
        body = [f"<h1>{html.escape(title)}</h1>", export.frame_to_html(frame, language)]
        return export.html_page(title, body, language)
    return markdown_table(frame, language)


# --------------------------------------------------------------------------- commands
def _cmd_schema(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .schemas import schema

    return _json(schema(args.what))


def _cmd_template(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .messages import say
    from .template import write_template

    brief = inputs.brief(args.brief, None) if args.brief else None
    path = Path(args.file)
    try:
        write_template(path, brief)
    except OSError as e:
        why = e.strerror or str(e)
        raise CliError(say("cli.unwritable", inputs.language, path=path, why=why)) from None
    return say("cli.template_written", inputs.language, file=path.name)


def _cmd_validate(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .messages import count, say

    pool = inputs.candidates(args.candidates)
    data: dict[str, Any] = {"ok": True, "source": pool.source, "candidates": len(pool)}
    lang = inputs.language
    if args.brief is not None:
        from .validation import validate

        brief = inputs.brief(args.brief, args.lang)
        validate(pool, brief)
        data["brief"] = {"theme": brief.theme, "phases": brief.phase_names}
        lang = args.lang or str(brief.language)
    if args.fmt == "json":
        return _json(data)
    n = count(len(pool), "candidate", lang)
    if args.brief is None:
        return say("cli.valid", lang, candidates=n, source=pool.source)
    return say("cli.valid_brief", lang, candidates=n, source=pool.source, theme=brief.theme)


def _cmd_summary(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .validation import validate
    from .views.summary import pool_summary, pool_summary_data

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    validate(pool, brief)
    if args.fmt == "json":
        return _json(pool_summary_data(pool, brief))
    return pool_summary(pool, brief)


def _cmd_score(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .messages import say
    from .scoring import score
    from .views.tables import ranked_scores

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    frame = ranked_scores(score(pool, brief), pool.frame["name"])
    lang = str(brief.language)
    if args.fmt != "json":
        frame["reasons"] = frame["reasons"].map(" ".join)
    return _table(frame, args.fmt, lang, say("cli.scores", lang))


def _render_composition(comp: Composition, fmt: str, prefix: str = "") -> Rendered:
    from .views import export

    if fmt == "json":
        return comp.model_dump_json(indent=2)
    if fmt == "csv":
        return export.composition_to_csv(comp)
    if fmt == "xlsx":
        return lambda path: export.composition_to_excel(comp, path)
    if fmt == "html":
        return comp.to_html()
    if fmt == "pdf":
        return comp.to_pdf
    return prefix + comp.explain()


def _cmd_compose(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .planner import compose

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    comp = compose(pool, brief, seed=args.seed, method=args.method)
    return _render_composition(comp, args.fmt)


def _cmd_replace(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .files import check_replacement
    from .planner import replace

    comp = inputs.composition(args.composition)
    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    source = Path(args.composition).name if args.composition != "-" else "stdin.json"
    check_replacement(comp, args.member, pool, source)
    new = replace(comp, args.member, pool, brief, seed=args.seed, method=args.method)
    return _render_composition(new, args.fmt)


def _cmd_demo(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .datasets import load_sample
    from .planner import compose
    from .views.summary import pool_summary

    pool, brief = load_sample(DEMO_SAMPLE)
    brief = _with_language(brief, args.lang)
    comp = compose(pool, brief, seed=args.seed, method=args.method)
    return _render_composition(comp, args.fmt, prefix=pool_summary(pool, brief) + "\n\n")


def _cmd_serve(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    """Run the web app (``composer.web``, started by name: the CLI imports none of it)."""
    import ipaddress

    from .messages import say

    lang = inputs.language
    try:
        import uvicorn
    except ImportError:
        raise CliError(say("cli.serve_extra", lang), code="missing_dependency") from None
    token = args.token or os.environ.get("COMPOSER_TOKEN") or None
    try:
        loopback = ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = args.host == "localhost"
    if not loopback and token is None:
        raise CliError(say("cli.serve_token", lang, host=args.host), code="usage")
    if token is not None:
        os.environ["COMPOSER_TOKEN"] = token
    os.environ["COMPOSER_MAX_UPLOAD_MB"] = str(args.max_upload_mb)
    sys.stderr.write(say("cli.serving", lang, url=f"http://{args.host}:{args.port}/") + "\n")
    uvicorn.run(
        "composer.web.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
    )
    return ""


def _cmd_thesaurus(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .thesaurus import as_thesaurus, lookup_lines

    return "\n".join(lookup_lines(args.word, as_thesaurus(args.thesaurus), args.lang or "da"))


def _cmd_lottery(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .planner.lottery import lottery

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    lot = lottery(pool, brief, epsilon=args.epsilon, seed=args.seed)
    return lot.model_dump_json(indent=2) if args.fmt == "json" else lot.explain()


def _cmd_verify(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .draw import verify_draw
    from .messages import say

    with _reading(Path(args.table), inputs.language):
        drawn = verify_draw(Path(args.table), args.seed)
    if args.fmt == "json":
        return drawn.model_dump_json(indent=2)
    phases = "; ".join(f"{i} ({', '.join(p)})" for i, p in drawn.phases.items())
    return say(
        "cli.verified", inputs.language, seed=drawn.seed, hash=drawn.hash, ticket=drawn.ticket,
        row=drawn.row + 1, core=", ".join(drawn.core), phases=phases,
    )  # fmt: skip


_COMMANDS: dict[str, Callable[[argparse.Namespace, _Inputs], Rendered]] = {
    "validate": _cmd_validate,
    "summary": _cmd_summary,
    "score": _cmd_score,
    "compose": _cmd_compose,
    "replace": _cmd_replace,
    "schema": _cmd_schema,
    "serve": _cmd_serve,
    "template": _cmd_template,
    "thesaurus": _cmd_thesaurus,
    "lottery": _cmd_lottery,
    "verify": _cmd_verify,
    "demo": _cmd_demo,
}


# --------------------------------------------------------------------------- main
def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of option ``name`` in ``argv`` (``--lang en`` or ``--lang=en``), if any."""
    for i, a in enumerate(argv):
        if a.startswith(name + "="):
            return a.split("=", 1)[1]
        if a == name and i + 1 < len(argv):
            return argv[i + 1]
    return None


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether errors should be JSON: ``--format json`` (or ``--json``) anywhere in argv."""
    output = _option(argv, "--output") or _option(argv, "-o") or ""
    fmt = _option(argv, "--format")
    return "--json" in argv or fmt == "json" or (fmt is None and output.endswith(".json"))


def _report(err: CliError, as_json: bool) -> int:
    if as_json:
        payload = {"code": err.code, "message": err.message, "problems": err.problems}
        sys.stderr.write(_json({"error": payload | err.extra}) + "\n")
    else:
        sys.stderr.write(err.message.rstrip("\n") + "\n")
    return err.exit_code


def _as_cli_error(e: BaseException, language: str) -> CliError:
    from .errors import ComposerError, InfeasibleError
    from .messages import say

    if isinstance(e, CliError):
        return e
    if isinstance(e, ComposerError):  # the same JSON as the web API's (files.error_json)
        from .files import error_json

        data = error_json(e, language)
        return CliError(
            data.pop("message"),
            code=data.pop("code"),
            exit_code=EXIT_INFEASIBLE if isinstance(e, InfeasibleError) else EXIT_INPUT,
            problems=data.pop("problems"),
            extra=data,
        )
    if isinstance(e, ModuleNotFoundError) and e.name in ("openpyxl", "weasyprint"):
        return CliError(str(e), code="missing_dependency")
    text = " ".join(str(e).split())
    return CliError(
        say("cli.bug", language, error=f"{type(e).__name__}: {text}"),
        code="internal",
        exit_code=EXIT_BUG,
    )


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so Python's exit flush stays silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor
        pass


def _execute(args_list: list[str], language: str) -> int:
    """Parse, run the command, write its output (errors raised to :func:`_run`)."""
    from .messages import say

    try:
        with _argparse_in(language):
            args = build_parser(language).parse_args(args_list)
    except SystemExit as e:  # --help and --version print and exit 0
        return e.code if isinstance(e.code, int) else EXIT_OK
    args.fmt = _format(args, language)
    from .files import check_order
    from .progress import reporting

    named = [getattr(args, k, None) for k in ("composition", "candidates", "brief")]
    if named.count("-") > 1:
        raise CliError(say("cli.one_stdin", language), code="usage")
    check_order(getattr(args, "candidates", None), getattr(args, "brief", None))
    with ExitStack() as stack:
        quiet = getattr(args, "quiet", False)
        stack.enter_context(reporting(bar=False if quiet else None, language=language))
        rendered = _COMMANDS[args.command](args, _Inputs(stack, language))
        _emit(rendered, args, args.fmt, language)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``composer`` with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Never raises and never prints a traceback: 0 done, 1 an unexpected error, 2 bad input
    or arguments (or an output that cannot be written), 3 the brief cannot be met. Help
    and the command line's own messages are in the ``--lang`` language (Danish when not
    given). On a terminal control characters are dropped; what the console cannot encode
    shows as ?.
    """
    from .terminal import guarded_streams

    with guarded_streams():
        code = _run(argv)
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # /dev/full, a closed stream: reported already
        _quiet_stdout()
    return code


def _run(argv: Sequence[str] | None) -> int:
    """:func:`_execute`, with every failure turned into a message and an exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    as_json = _wants_json(args_list)
    language = "en" if _option(args_list, "--lang") == "en" else "da"
    try:
        return _execute(args_list, language)
    except BrokenPipeError:  # the reader stopped reading (| head): not an error of ours
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        from .messages import say

        sys.stderr.write(say("cli.interrupted", language) + "\n")
        return 130
    except Exception as e:
        try:
            return _report(_as_cli_error(e, language), as_json)
        except BrokenPipeError:
            return EXIT_INPUT
