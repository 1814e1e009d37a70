"""The arguments of ``composer``: every command, option and help text (in the ``--lang``
language), and argparse's own words translated while it parses."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from .. import __version__
from .failures import CliError

__all__ = ["FORMATS", "REPORT_FORMATS", "argparse_in", "build_parser"]

FORMATS = ("markdown", "json", "csv", "xlsx", "html")
#: what a composition can be written as: the tables' formats and the report as PDF
REPORT_FORMATS = (*FORMATS, "pdf")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is raised (so ``main`` returns 2 in the chosen format)."""

    def __init__(self, *args: Any, language: str = "da", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def error(self, message: str) -> NoReturn:
        from ..messages import say

        raise CliError(say("cli.usage", self.language, prog=self.prog, message=message), "usage")


# --------------------------------------------------------------------------- arguments
def _seed_type(language: str) -> Callable[[str], int]:
    """The type of ``--seed``: a whole number >= 0 (the error in ``language``)."""

    def seed(text: str) -> int:
        from ..messages import say

        value = int(text) if text.strip().isdigit() else -1
        if value < 0:
            raise argparse.ArgumentTypeError(say("cli.seed", language, value=repr(text)))
        return value

    return seed


def _help(code: str, language: str, **params: Any) -> str:
    from ..messages import say

    return say(f"help.{code}", language, **params).replace("%", "%%")  # argparse formats help


def _meta(argument: str, language: str) -> str:
    from ..messages.cli import METAVARS

    return METAVARS[language][argument]


@contextmanager
def argparse_in(language: str) -> Iterator[None]:
    """argparse's own words (usage, options, its errors) in ``language`` while it runs."""
    from ..messages.cli import ARGPARSE

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
        from ..messages import say

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
