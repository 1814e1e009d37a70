"""Command line: ``composer`` (or ``python -m composer``) for network leaders and other tools.

Commands
--------
validate CANDIDATES [BRIEF]                 check the files (and that they fit together)
summary CANDIDATES BRIEF                    who is in the pool: actor types, orientation, phases
score CANDIDATES BRIEF                      every candidate's scores and reasons
compose CANDIDATES BRIEF                    compose a network
replace COMPOSITION.json MEMBER CANDIDATES BRIEF   a member declined: fill the seat
schema {brief,candidates,composition}       the JSON Schema of an input or of the result
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

__all__ = ["build_parser", "candidate_schema", "main", "pool_summary", "pool_summary_data"]

DEMO_SAMPLE = "klimatilpasning"
FORMATS = ("markdown", "json", "csv", "xlsx", "html")
_SUFFIX_FORMAT = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
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

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: error: {message} (see {self.prog} --help)", code="usage")


# --------------------------------------------------------------------------- arguments
def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {value}")
    return value


def _add_output(p: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    p.set_defaults(formats=tuple(formats), default_format=default)
    p.add_argument(
        "--format",
        choices=formats,
        default=None,
        help=f"what to write (default: from the --output suffix, else {default})",
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of standard output (needed for xlsx)",
    )


def _add_inputs(p: argparse.ArgumentParser, brief: str = "required") -> None:
    p.add_argument(
        "candidates",
        metavar="CANDIDATES",
        help="candidates: .csv, .xlsx or .json file, or - for CSV/JSON on standard input",
    )
    if brief == "required":
        p.add_argument(
            "brief",
            metavar="BRIEF",
            help="the network's brief: .yaml or .json file, or - for standard input",
        )
    elif brief == "optional":
        p.add_argument(
            "brief",
            metavar="BRIEF",
            nargs="?",
            help="optionally the brief, to check that the candidates fit it (- for stdin)",
        )


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=("da", "en"),
        help="language of reports, reasons and headers (default: the brief's, else da)",
    )


def _add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress bar (one is shown on a terminal for 10,000+ candidates)",
    )


def _add_solver(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--seed",
        type=_seed,
        default=0,
        help="seed (a whole number >= 0); same input and seed, same result (default 0)",
    )
    p.add_argument(
        "--method",
        choices=("auto", "exact", "heuristic", "greedy"),
        default="auto",
        help="how the network is chosen: exact (MILP, proven optimal), heuristic (large "
        "pools; 'greedy' is its older name), or auto (default: exact up to 1,000 modelled "
        "candidates)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``composer`` (every argument has a help text)."""
    parser = _Parser(
        prog="composer",
        description="Recommends who should sit in a municipal development network (netværk).",
        epilog="Exit codes: 0 done, 2 bad input, 3 the brief cannot be met, 1 a bug. "
        "The input contract: docs/contract.md, or `composer schema candidates|brief`.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="print the version"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check the candidates (and that they fit a brief)")
    _add_inputs(p, brief="optional")
    _add_output(p, ("markdown", "json"), "markdown")
    _add_lang(p)
    _add_quiet(p)

    p = sub.add_parser("summary", help="who is in the pool: actor types, orientation, phases")
    _add_inputs(p)
    _add_output(p, ("markdown", "json"), "markdown")
    _add_lang(p)
    _add_quiet(p)

    p = sub.add_parser("score", help="score every candidate against the brief, with reasons")
    _add_inputs(p)
    _add_output(p, FORMATS, "markdown")
    _add_lang(p)
    _add_quiet(p)

    p = sub.add_parser("compose", help="compose a network: core, phase participants, gaps")
    _add_inputs(p)
    _add_output(p, FORMATS, "markdown")
    p.add_argument("--json", action="store_true", help="the same as --format json")
    _add_lang(p)
    _add_solver(p)
    _add_quiet(p)

    p = sub.add_parser("replace", help="a member declined: keep the others, fill the seat")
    p.add_argument(
        "composition",
        metavar="COMPOSITION",
        help="the composition as JSON (from compose --format json), or - for standard input",
    )
    p.add_argument("member", metavar="MEMBER", help="the id of the member who declined")
    _add_inputs(p)
    _add_output(p, FORMATS, "markdown")
    _add_lang(p)
    _add_solver(p)
    _add_quiet(p)

    p = sub.add_parser("schema", help="print the JSON Schema of an input or of the result")
    p.add_argument(
        "what",
        choices=("brief", "candidates", "composition"),
        help="brief, candidates (one record) or composition (what compose --format json writes)",
    )
    _add_output(p, ("json",), "json")

    p = sub.add_parser("demo", help="summarise and compose the embedded sample")
    _add_output(p, FORMATS, "markdown")
    _add_lang(p)
    _add_solver(p)
    _add_quiet(p)
    return parser


# --------------------------------------------------------------------------- inputs
@dataclass
class _Inputs:
    """Reads the command's input files; ``-`` is standard input (one input at most), written
    to a temporary file so that the loaders (separators, encodings, row numbers) treat it
    as any file."""

    stack: ExitStack

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
        with _reading(path):
            return load_candidates(path)

    def brief(self, arg: str, lang: str | None) -> NetworkBrief:
        from .loaders import load_brief

        path = self._stdin_file(".yaml") if arg == "-" else Path(arg)
        with _reading(path):
            brief = load_brief(path)
        return _with_language(brief, lang)

    def composition(self, arg: str) -> Composition:
        from pydantic import ValidationError

        from .composition import Composition
        from .errors import InputError, Problem

        path = self._stdin_file(".json") if arg == "-" else Path(arg)
        with _reading(path):
            text = path.read_bytes().decode("utf-8-sig")
            try:
                return Composition.model_validate_json(text)
            except ValidationError as e:
                raise InputError(
                    [
                        Problem(
                            path.name,
                            None,
                            ".".join(map(str, err["loc"])) or None,
                            None,
                            f"a composition as compose --format json writes it ({err['msg']})",
                        )
                        for err in e.errors()
                    ]
                ) from None


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn what reading ``path`` can raise besides InputError into a one-line bad input."""
    from zipfile import BadZipFile

    from .errors import ComposerError

    try:
        yield
    except ComposerError:
        raise
    except UnicodeDecodeError:
        raise CliError(
            f"{path.name}: cannot read the text in any encoding composer knows; "
            "save it as UTF-8 (in Excel: CSV UTF-8)"
        ) from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, expected a file") from None
    except OSError as e:
        raise CliError(f"{path}: cannot read it ({e.strerror or e})") from None
    except (ValueError, EOFError, KeyError, BadZipFile) as e:  # e.g. a damaged .xlsx
        raise CliError(f"{path.name}: cannot read it ({type(e).__name__}: {e})") from None


def _with_language(brief: NetworkBrief, lang: str | None) -> NetworkBrief:
    if lang is None:
        return brief
    from .models import Language

    return brief.model_copy(update={"language": Language(lang)})


# --------------------------------------------------------------------------- outputs
#: what a command produces: text, or a function that writes a file (xlsx)
Rendered = str | Callable[[Path], object]


def _format(args: argparse.Namespace) -> str:
    """``--format``, else the one ``--output``'s suffix names (if the command writes it)."""
    fmt: str | None = "json" if getattr(args, "json", False) else args.format
    if fmt is None and args.output:
        fmt = _SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
        fmt = fmt if fmt in args.formats else None
    fmt = fmt or args.default_format
    if fmt == "xlsx" and not args.output:
        raise CliError("--format xlsx writes a file: add --output FILE.xlsx", code="usage")
    return fmt


def _emit(rendered: Rendered, args: argparse.Namespace, fmt: str) -> None:
    if args.output:
        path = Path(args.output)
        try:
            if callable(rendered):
                rendered(path)
            else:
                # CSV with a BOM so that Excel shows æ, ø and å; everything else plain UTF-8
                path.write_text(rendered, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        except OSError as e:
            raise CliError(f"{path}: cannot write it ({e.strerror or e})") from None
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

    from . import export

    if fmt == "json":
        return frame.reset_index().to_json(orient="records", force_ascii=False, indent=2)
    if fmt == "csv":
        return export.csv_text(frame)
    frame = export.with_headers(frame, language)  # for people: labels in their language
    if fmt == "xlsx":
        return lambda path: export.tables_to_excel({title: frame.reset_index()}, path)
    if fmt == "html":
        body = [f"<h1>{html.escape(title)}</h1>", export.frame_to_html(frame, language)]
        return export.html_page(title, body, language)
    return _markdown_table(frame, language)


def _markdown_table(frame: pd.DataFrame, language: str) -> str:
    from .text import number

    def cell(v: Any) -> str:
        if isinstance(v, float):
            return number(v, language, 2)
        if isinstance(v, list | tuple):
            v = " ".join(map(str, v))
        return "" if v is None else str(v).replace("|", "/").replace("\n", " ")

    cols = [frame.index.name or "", *map(str, frame.columns)]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for key, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        lines.append("| " + " | ".join(cell(v) for v in (key, *row)) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- commands
def pool_summary_data(pool: CandidatePool, brief: NetworkBrief) -> dict[str, Any]:
    """Counts of a pool under a brief: by actor type, by orientation, available per phase.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> data = pool_summary_data(*load_sample("klimatilpasning"))
    >>> sorted(data), data["candidates"] == sum(data["actor_types"].values())
    (['actor_types', 'available', 'available_all_phases', 'candidates', 'orientation', 'source', 'theme'], True)
    """
    from .models import ActorType

    counts = pool.frame["actor_type"].value_counts()
    oc = pool.orientation(brief).value_counts()
    avail = pool.available_phases(brief)
    return {
        "source": pool.source,
        "theme": brief.theme,
        "candidates": len(pool),
        "actor_types": {a.value: int(counts[a.value]) for a in ActorType if counts.get(a.value)},
        "orientation": {o: int(oc.get(o, 0)) for o in ("inside", "across", "outside")},
        "available": {ph: int(avail[:, j].sum()) for j, ph in enumerate(brief.phase_names)},
        "available_all_phases": int(avail.all(axis=1).sum()),
    }


def pool_summary(pool: CandidatePool, brief: NetworkBrief) -> str:
    """A plain-text summary of a pool under a brief: counts by actor type, orientation, phase.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> print(pool_summary(*load_sample("klimatilpasning")).splitlines()[0])  # doctest: +ELLIPSIS
    Pool: ... candidates from candidates.csv – theme: ...
    """
    from .models import ActorType

    d = pool_summary_data(pool, brief)
    lines = [f"Pool: {d['candidates']} candidates from {d['source']} – theme: {d['theme']}", ""]
    lines.append("By actor type:")
    for key, n in d["actor_types"].items():
        lines.append(f"  {ActorType(key).label_da:<24} {n:>6}")
    lines += ["", "By orientation (se ind / på tværs / se ud):"]
    lines += [f"  {o:<24} {n:>6}" for o, n in d["orientation"].items()]
    lines += ["", "Available per phase:"]
    lines += [f"  {ph:<24} {n:>6}" for ph, n in d["available"].items()]
    lines.append(f"  {'all phases':<24} {d['available_all_phases']:>6}")
    return "\n".join(lines)


def candidate_schema() -> dict[str, Any]:
    """The JSON Schema of one candidate record as other tools should send it.

    Built from :class:`composer.models.Candidate`: the contract's columns with their
    types in the strict form (``actor_type`` as a key, lists as arrays, yes/no as
    booleans; the loaders also read the spreadsheet spellings), and any other column as
    a text, number or yes/no attribute usable in quotas.

    Examples
    --------
    >>> s = candidate_schema()
    >>> s["required"], s["properties"]["motivation"]["anyOf"][0]["maximum"]
    (['id', 'actor_type'], 5)
    """
    from .models import Candidate

    schema = Candidate.model_json_schema()
    schema["properties"].pop("attributes", None)
    schema["title"] = "Candidate"
    schema["description"] = (
        "One person, as tools should write it (a JSON list of these, or "
        '{"candidates": [...]}). The loaders also read what spreadsheets hold: Danish '
        'actor type labels, ja/nej, ";"-separated lists (docs/contract.md). Any other key '
        "is kept as an attribute usable in quotas."
    )
    schema["additionalProperties"] = {
        "type": ["string", "number", "boolean", "null"],
        "description": "Any other column, e.g. gender, age_band, district.",
    }
    return schema


def _cmd_schema(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    if args.what == "candidates":
        return _json(candidate_schema())
    if args.what == "brief":
        from .models import NetworkBrief

        return _json(NetworkBrief.model_json_schema())
    from .composition import Composition

    return _json(Composition.model_json_schema())


def _cmd_validate(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    pool = inputs.candidates(args.candidates)
    data: dict[str, Any] = {"ok": True, "source": pool.source, "candidates": len(pool)}
    if args.brief is not None:
        from .validation import validate

        brief = inputs.brief(args.brief, args.lang)
        validate(pool, brief)
        data["brief"] = {"theme": brief.theme, "phases": brief.phase_names}
    if args.fmt == "json":
        return _json(data)
    text = f"OK: {len(pool)} candidates in {pool.source}"
    if args.brief is not None:
        text += f" fit the brief ({brief.theme})"
    return text + "."


def _cmd_summary(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .validation import validate

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    validate(pool, brief)
    if args.fmt == "json":
        return _json(pool_summary_data(pool, brief))
    return pool_summary(pool, brief)


def _cmd_score(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .scoring import score

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    frame = score(pool, brief)
    frame.insert(0, "name", pool.frame["name"])
    lang = str(brief.language)
    if args.fmt != "json":
        frame["reasons"] = frame["reasons"].map(" ".join)
    from .messages import say

    return _table(frame, args.fmt, lang, say("cli.scores", lang))


def _render_composition(comp: Composition, fmt: str, prefix: str = "") -> Rendered:
    from . import export

    if fmt == "json":
        return comp.model_dump_json(indent=2)
    if fmt == "csv":
        return export.composition_to_csv(comp)
    if fmt == "xlsx":
        return lambda path: export.composition_to_excel(comp, path)
    if fmt == "html":
        return export.composition_to_html(comp)
    return prefix + comp.explain()


def _cmd_compose(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .planner import compose

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    comp = compose(pool, brief, seed=args.seed, method=args.method)
    return _render_composition(comp, args.fmt)


def _cmd_replace(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .errors import InputError, Problem
    from .planner import replace

    comp = inputs.composition(args.composition)
    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    ids = [m.id for m in comp.members]
    if args.member not in ids:
        raise InputError(
            [
                Problem(
                    Path(args.composition).name if args.composition != "-" else "stdin.json",
                    None,
                    "MEMBER",
                    args.member,
                    f"the id of a member of the composition ({', '.join(ids)})",
                )
            ]
        )
    missing = [i for i in ids if i not in pool]
    if missing:
        raise InputError(
            [
                Problem(pool.source, None, "id", i, "every member of the composition in the pool")
                for i in missing
            ]
        )
    new = replace(comp, args.member, pool, brief, seed=args.seed, method=args.method)
    return _render_composition(new, args.fmt)


def _cmd_demo(args: argparse.Namespace, inputs: _Inputs) -> Rendered:
    from .datasets import load_sample
    from .planner import compose

    pool, brief = load_sample(DEMO_SAMPLE)
    brief = _with_language(brief, args.lang)
    comp = compose(pool, brief, seed=args.seed, method=args.method)
    return _render_composition(comp, args.fmt, prefix=pool_summary(pool, brief) + "\n\n")


_COMMANDS: dict[str, Callable[[argparse.Namespace, _Inputs], Rendered]] = {
    "validate": _cmd_validate,
    "summary": _cmd_summary,
    "score": _cmd_score,
    "compose": _cmd_compose,
    "replace": _cmd_replace,
    "schema": _cmd_schema,
    "demo": _cmd_demo,
}


# --------------------------------------------------------------------------- main
def _wants_json(argv: Sequence[str]) -> bool:
    """Whether errors should be JSON: ``--format json`` (or ``--json``) anywhere in argv."""
    for i, a in enumerate(argv):
        if a in ("--json", "--format=json") or (
            a == "--format" and i + 1 < len(argv) and argv[i + 1] == "json"
        ):
            return True
    return False


def _report(err: CliError, as_json: bool) -> int:
    if as_json:
        payload = {"code": err.code, "message": err.message, "problems": err.problems}
        sys.stderr.write(_json({"error": payload | err.extra}) + "\n")
    else:
        sys.stderr.write(err.message.rstrip("\n") + "\n")
    return err.exit_code


def _as_cli_error(e: BaseException) -> CliError:
    from .errors import ComposerError, InfeasibleError, InputError

    if isinstance(e, CliError):
        return e
    if isinstance(e, InputError):
        return CliError(str(e), problems=[p.as_dict() for p in e.problems])
    if isinstance(e, InfeasibleError):
        return CliError(
            str(e),
            code="infeasible",
            exit_code=EXIT_INFEASIBLE,
            problems=[{"reason": r} for r in e.reasons],
            extra={"relaxations": e.relaxations},
        )
    if isinstance(e, ComposerError):
        return CliError(str(e))
    if isinstance(e, ModuleNotFoundError) and e.name == "openpyxl":
        return CliError(str(e), code="missing_dependency")
    text = " ".join(str(e).split())
    return CliError(
        f"composer: unexpected error ({type(e).__name__}: {text}); please report it",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``composer`` with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Never raises and never prints a traceback: 0 done, 1 an unexpected error, 2 bad input
    or arguments (or an output that cannot be written), 3 the brief cannot be met. On a
    terminal control characters are dropped; what the console cannot encode shows as ?.
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
    args_list = list(sys.argv[1:] if argv is None else argv)
    as_json = _wants_json(args_list)
    try:
        try:
            args = build_parser().parse_args(args_list)
        except SystemExit as e:  # --help and --version print and exit 0
            return e.code if isinstance(e.code, int) else EXIT_OK
        args.fmt = _format(args)
        as_json = as_json or args.fmt == "json"
        from .progress import reporting

        named = [getattr(args, k, None) for k in ("composition", "candidates", "brief")]
        if named.count("-") > 1:
            raise CliError(
                "only one input can come from standard input (-); give the others as files",
                code="usage",
            )
        with ExitStack() as stack:
            stack.enter_context(reporting(bar=False if getattr(args, "quiet", False) else None))
            # (schema has no --quiet: it does no long work)
            rendered = _COMMANDS[args.command](args, _Inputs(stack))
            _emit(rendered, args, args.fmt)
        return EXIT_OK
    except BrokenPipeError:  # the reader stopped reading (| head): not an error of ours
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("composer: interrupted\n")
        return 130
    except Exception as e:
        try:
            return _report(_as_cli_error(e), as_json)
        except BrokenPipeError:
            return EXIT_INPUT
