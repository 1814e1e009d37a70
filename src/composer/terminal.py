"""Standard output and error as the command line writes them: safe on any terminal.

:func:`guarded_streams` puts a thin wrapper around ``sys.stdout`` and ``sys.stderr`` for
the length of one command:

- on a terminal, control characters (ESC, BEL, ...) are dropped, so a file name or an
  old file's text cannot move the cursor, retitle the window or ring the bell; line feed,
  carriage return (the progress bar) and tab stay;
- a character the console's encoding cannot show (``→`` on Windows-1252) is replaced by
  ``?`` instead of failing;
- an output that cannot be written (``/dev/full``, a closed stream) raises a
  :class:`~composer.errors.ComposerError` with code ``unwritable_output``, which the
  command line reports as bad input (exit 2). A broken pipe stays a ``BrokenPipeError``
  (the reader stopped: ``| head``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .errors import ComposerError

__all__ = ["Guarded", "guarded_streams"]

#: C0 controls but tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


class Guarded:
    """A text stream that writes through ``raw`` as described in the module."""

    def __init__(self, raw: TextIO, what: str, language: str = "da") -> None:
        self._raw = raw
        self._what = what  # "stdout" or "stderr"
        self._language = language
        self.active = True  # after the command: the raw stream's own behaviour
        try:
            self._tty = bool(raw.isatty())
        except (OSError, ValueError, AttributeError):
            self._tty = False

    def write(self, text: str) -> int:
        if not self.active:
            return int(self._raw.write(text))
        if self._tty:
            text = _CONTROLS.sub("", text)
        try:
            self._raw.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self._raw, "encoding", None) or "ascii"
            self._call(self._raw.write, text.encode(encoding, "replace").decode(encoding))
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as e:
            raise self._unwritable(e) from None
        return len(text)

    def flush(self) -> None:
        if not self.active:
            self._raw.flush()
            return
        self._call(self._raw.flush)

    def _call(self, fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as e:
            raise self._unwritable(e) from None

    def _unwritable(self, e: Exception) -> ComposerError:
        from .messages import say

        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        lang = self._language
        stream = say(f"cli.{self._what}", lang)
        return ComposerError(
            say("cli.unwritable_stream", lang, what=stream, why=why), code="unwritable_output"
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


@contextmanager
def guarded_streams(language: str = "da") -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` guarded (see the module) inside the block; an
    output that cannot be written is told in ``language``."""
    old_out, old_err = sys.stdout, sys.stderr
    guarded = Guarded(old_out, "stdout", language), Guarded(old_err, "stderr", language)
    sys.stdout, sys.stderr = guarded
    try:
        yield
    finally:
        sys.stdout, sys.stderr = old_out, old_err
        for stream in guarded:  # a logging handler may keep one: it behaves as the raw one
            stream.active = False
