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
command imports what it needs. The package: :mod:`.parser` (arguments and help),
:mod:`.inputs` (reading the files), :mod:`.commands`, :mod:`.output` (format and
destination), :mod:`.failures` (exit codes); nothing in the library imports it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack

from .commands import COMMANDS
from .failures import EXIT_BUG, EXIT_INFEASIBLE, EXIT_INPUT, EXIT_OK, CliError
from .inputs import Inputs
from .output import as_json as _to_json
from .output import emit, output_format
from .parser import argparse_in, build_parser

__all__ = ["build_parser", "main"]


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


def _report(err: CliError, json: bool) -> int:
    """Write ``err`` to standard error (as JSON when ``json``); the exit code."""
    if json:
        payload = {"code": err.code, "message": err.message, "problems": err.problems}
        sys.stderr.write(_to_json({"error": payload | err.extra}) + "\n")
    else:
        sys.stderr.write(err.message.rstrip("\n") + "\n")
    return err.exit_code


def _as_cli_error(e: BaseException, language: str) -> CliError:
    """Any exception as the one error the command line reports."""
    from ..errors import ComposerError, InfeasibleError
    from ..messages import say

    if isinstance(e, CliError):
        return e
    if isinstance(e, ComposerError):  # the same JSON as the web API's (files.error_json)
        from ..files import error_json

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
    from ..messages import say

    try:
        with argparse_in(language):
            args = build_parser(language).parse_args(args_list)
    except SystemExit as e:  # --help and --version print and exit 0
        return e.code if isinstance(e.code, int) else EXIT_OK
    args.fmt = output_format(args, language)
    from ..files import check_order
    from ..progress import reporting

    named = [getattr(args, k, None) for k in ("composition", "candidates", "brief")]
    if named.count("-") > 1:
        raise CliError(say("cli.one_stdin", language), code="usage")
    check_order(getattr(args, "candidates", None), getattr(args, "brief", None))
    with ExitStack() as stack:
        quiet = getattr(args, "quiet", False)
        stack.enter_context(reporting(bar=False if quiet else None, language=language))
        rendered = COMMANDS[args.command](args, Inputs(stack, language))
        emit(rendered, args, args.fmt, language)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``composer`` with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Never raises and never prints a traceback: 0 done, 1 an unexpected error, 2 bad input
    or arguments (or an output that cannot be written), 3 the brief cannot be met. Help
    and the command line's own messages are in the ``--lang`` language (Danish when not
    given). On a terminal control characters are dropped; what the console cannot encode
    shows as ?.
    """
    from ..terminal import guarded_streams

    args = list(sys.argv[1:] if argv is None else argv)
    with guarded_streams("en" if _option(args, "--lang") == "en" else "da"):
        code = _run(args)
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
        from ..messages import say

        sys.stderr.write(say("cli.interrupted", language) + "\n")
        return 130
    except Exception as e:
        try:
            return _report(_as_cli_error(e, language), as_json)
        except BrokenPipeError:
            return EXIT_INPUT
