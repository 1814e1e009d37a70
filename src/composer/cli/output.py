"""What a command produces and where it goes: the format (``--format`` or the output
file's suffix), standard output or the file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .failures import CliError

if TYPE_CHECKING:
    from ..composition import Composition

__all__ = ["SUFFIX_FORMAT", "Rendered", "as_json", "emit", "output_format", "render_composition"]

SUFFIX_FORMAT = {
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

# --------------------------------------------------------------------------- outputs
#: what a command produces: text, or a function that writes a file (xlsx)
Rendered = str | Callable[[Path], object]


def output_format(args: argparse.Namespace, language: str) -> str:
    """``--format``, else the one ``--output``'s suffix names (if the command writes it)."""
    from ..messages import say

    fmt: str | None = "json" if getattr(args, "json", False) else args.format
    if fmt is None and args.output:
        fmt = SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
        fmt = fmt if fmt in args.formats else None
    fmt = fmt or args.default_format
    if fmt in ("xlsx", "pdf") and not args.output:
        raise CliError(say("cli.needs_file", language, format=fmt), code="usage")
    return fmt


def emit(rendered: Rendered, args: argparse.Namespace, fmt: str, language: str) -> None:
    if args.output:
        path = Path(args.output)
        try:
            if callable(rendered):
                rendered(path)
            else:
                # CSV with a BOM so that Excel shows æ, ø and å; everything else plain UTF-8
                path.write_text(rendered, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        except OSError as e:
            from ..messages import say

            why = e.strerror or str(e)
            raise CliError(say("cli.unwritable", language, path=path, why=why)) from None
        return
    assert isinstance(rendered, str)
    sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    sys.stdout.flush()


def as_json(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def render_composition(comp: Composition, fmt: str, prefix: str = "") -> Rendered:
    from ..views import export

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
