"""A composition as a file to download: xlsx, csv, json or Markdown.

The workbook is written to a temporary folder that is removed before the answer is
sent; the other formats are made in memory.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi.responses import Response

from ..composition import Composition
from ..errors import InputError, told

__all__ = ["FORMATS", "download"]

#: format -> (file suffix, media type)
FORMATS = {
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (".csv", "text/csv; charset=utf-8"),
    "json": (".json", "application/json"),
    "md": (".md", "text/markdown; charset=utf-8"),
}


def _content(comp: Composition, fmt: str) -> bytes:
    from ..views import export

    if fmt == "xlsx":
        with tempfile.TemporaryDirectory(prefix="composer-") as folder:
            path = Path(folder) / "netvaerk.xlsx"
            export.composition_to_excel(comp, path)
            return path.read_bytes()
    if fmt == "csv":  # with a BOM, so that Excel shows æ, ø and å
        return export.composition_to_csv(comp).encode("utf-8-sig")
    if fmt == "json":
        return comp.model_dump_json(indent=2).encode("utf-8")
    return comp.explain().encode("utf-8")


def download(comp: Composition, fmt: str) -> Response:
    """``comp`` as a file ``netvaerk.<suffix>`` in ``fmt`` (xlsx, csv, json or md)."""
    if fmt not in FORMATS:
        choices = ", ".join(FORMATS)
        raise InputError([told("<request>", None, "format", fmt, "argument_one_of",
                               code="bad_option", choices=choices)])  # fmt: skip
    suffix, media = FORMATS[fmt]
    headers = {"content-disposition": f'attachment; filename="netvaerk{suffix}"'}
    return Response(_content(comp, fmt), media_type=media, headers=headers)
