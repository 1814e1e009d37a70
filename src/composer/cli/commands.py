"""The commands: each reads its inputs and returns what it writes (text, or a function
that writes a file)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .failures import CliError
from .inputs import Inputs, reading, with_language
from .output import Rendered, as_json, render_composition

__all__ = ["COMMANDS"]

DEMO_SAMPLE = "klimatilpasning"


# --------------------------------------------------------------------------- commands
def _cmd_schema(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..schemas import schema

    return as_json(schema(args.what))


def _cmd_template(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..messages import say
    from ..template import write_template

    brief = inputs.brief(args.brief, None) if args.brief else None
    path = Path(args.file)
    try:
        write_template(path, brief)
    except OSError as e:
        why = e.strerror or str(e)
        raise CliError(say("cli.unwritable", inputs.language, path=path, why=why)) from None
    return say("cli.template_written", inputs.language, file=path.name)


def _cmd_validate(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..messages import count, say

    pool = inputs.candidates(args.candidates)
    data: dict[str, Any] = {"ok": True, "source": pool.source, "candidates": len(pool)}
    lang = inputs.language
    if args.brief is not None:
        from ..validation import validate

        brief = inputs.brief(args.brief, args.lang)
        validate(pool, brief)
        data["brief"] = {"theme": brief.theme, "phases": brief.phase_names}
        lang = args.lang or str(brief.language)
    if args.fmt == "json":
        return as_json(data)
    n = count(len(pool), "candidate", lang)
    if args.brief is None:
        return say("cli.valid", lang, candidates=n, source=pool.source)
    return say("cli.valid_brief", lang, candidates=n, source=pool.source, theme=brief.theme)


def _cmd_summary(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..validation import validate
    from ..views.summary import pool_summary, pool_summary_data

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    validate(pool, brief)
    if args.fmt == "json":
        return as_json(pool_summary_data(pool, brief))
    return pool_summary(pool, brief)


def _cmd_score(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..messages import say
    from ..scoring import score
    from ..views.export import table_as
    from ..views.tables import ranked_scores

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    frame = ranked_scores(score(pool, brief), pool.frame["name"])
    lang = str(brief.language)
    if args.fmt != "json":
        frame["reasons"] = frame["reasons"].map(" ".join)
    return table_as(frame, args.fmt, lang, say("cli.scores", lang))


def _cmd_compose(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..planner import compose

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    comp = compose(pool, brief, seed=args.seed, method=args.method)
    return render_composition(comp, args.fmt)


def _cmd_replace(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..files import check_replacement
    from ..planner import replace

    comp = inputs.composition(args.composition)
    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    source = Path(args.composition).name if args.composition != "-" else "stdin.json"
    check_replacement(comp, args.member, pool, source)
    new = replace(comp, args.member, pool, brief, seed=args.seed, method=args.method)
    return render_composition(new, args.fmt)


def _cmd_demo(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..datasets import load_sample
    from ..planner import compose
    from ..views.summary import pool_summary

    pool, brief = load_sample(DEMO_SAMPLE)
    brief = with_language(brief, args.lang)
    comp = compose(pool, brief, seed=args.seed, method=args.method)
    return render_composition(comp, args.fmt, prefix=pool_summary(pool, brief) + "\n\n")


def _cmd_serve(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    """Run the web app (``composer.web``, started by name: the CLI imports none of it)."""
    import ipaddress

    from ..messages import say

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


def _cmd_thesaurus(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..thesaurus import as_thesaurus, lookup_lines

    return "\n".join(lookup_lines(args.word, as_thesaurus(args.thesaurus), args.lang or "da"))


def _cmd_lottery(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..planner.lottery import lottery

    pool = inputs.candidates(args.candidates)
    brief = inputs.brief(args.brief, args.lang)
    lot = lottery(pool, brief, epsilon=args.epsilon, seed=args.seed)
    return lot.model_dump_json(indent=2) if args.fmt == "json" else lot.explain()


def _cmd_verify(args: argparse.Namespace, inputs: Inputs) -> Rendered:
    from ..draw import verify_draw
    from ..messages import say

    with reading(Path(args.table), inputs.language):
        drawn = verify_draw(Path(args.table), args.seed)
    if args.fmt == "json":
        return drawn.model_dump_json(indent=2)
    phases = "; ".join(f"{i} ({', '.join(p)})" for i, p in drawn.phases.items())
    return say(
        "cli.verified", inputs.language, seed=drawn.seed, hash=drawn.hash, ticket=drawn.ticket,
        row=drawn.row + 1, core=", ".join(drawn.core), phases=phases,
    )  # fmt: skip


COMMANDS: dict[str, Callable[[argparse.Namespace, Inputs], Rendered]] = {
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
