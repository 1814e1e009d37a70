"""The command's input files: ``-`` for standard input, and what reading a file can raise
besides :class:`~composer.errors.InputError` as one line of bad input."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .failures import CliError

if TYPE_CHECKING:
    from ..composition import Composition
    from ..models import NetworkBrief
    from ..pool import CandidatePool

__all__ = ["Inputs", "reading", "with_language"]


# --------------------------------------------------------------------------- inputs
@dataclass
class Inputs:
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
        from ..loaders import load_candidates

        path = self._stdin_file() if arg == "-" else Path(arg)
        with reading(path, self.language):
            return load_candidates(path)

    def brief(self, arg: str, lang: str | None) -> NetworkBrief:
        from ..loaders import load_brief

        path = self._stdin_file(".yaml") if arg == "-" else Path(arg)
        with reading(path, self.language):
            brief = load_brief(path)
        return with_language(brief, lang)

    def composition(self, arg: str) -> Composition:
        from ..files import read_composition

        path = self._stdin_file(".json") if arg == "-" else Path(arg)
        with reading(path, self.language):
            return read_composition(path)


@contextmanager
def reading(path: Path, language: str) -> Iterator[None]:
    """Turn what reading ``path`` can raise besides InputError into a one-line bad input."""
    from zipfile import BadZipFile

    from ..errors import ComposerError
    from ..messages import say

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


def with_language(brief: NetworkBrief, lang: str | None) -> NetworkBrief:
    if lang is None:
        return brief
    from ..models import Language

    return brief.model_copy(update={"language": Language(lang)})
