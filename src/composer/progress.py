"""Progress of long work: a bar on a terminal, a callback for other tools, nothing otherwise.

Loading, scoring and composing 10,000 or more candidates can take a while. Library code
wraps such work in :func:`progress` (or :func:`track`); the user decides what is shown:

- a tqdm bar on standard error, only when standard error is a terminal and the work is
  big (at least :data:`MIN_ROWS` rows), so logs, pipes, notebooks' captured output and
  tests stay clean;
- a callback ``callback(stage, done, total)`` for other tools (a web page, a log line),
  given to :func:`reporting` around any library call, or to :func:`progress` directly.

Examples
--------
A tool that wants to follow the stages of a call:

>>> from composer.progress import progress, reporting
>>> seen = []
>>> with reporting(lambda stage, done, total: seen.append((stage, done, total))):
...     with progress(2, "coverage") as bar:
...         bar.update()
...         bar.update()
>>> seen
[('coverage', 0, 2), ('coverage', 1, 2), ('coverage', 2, 2)]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import TracebackType
from typing import Any, TypeVar

__all__ = ["MIN_ROWS", "Callback", "Progress", "progress", "reporting", "track"]

#: Work on fewer rows than this shows no bar (it is over before a bar would help).
MIN_ROWS = 10_000

#: ``callback(stage, done, total)``: ``stage`` names the work (e.g. ``"coverage"``),
#: ``done`` of ``total`` steps are finished.
Callback = Callable[[str, int, int], None]

T = TypeVar("T")

_callback: ContextVar[Callback | None] = ContextVar("composer_progress_callback", default=None)
_bar: ContextVar[bool | None] = ContextVar("composer_progress_bar", default=None)
_language: ContextVar[str] = ContextVar("composer_progress_language", default="da")


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


@contextmanager
def reporting(
    callback: Callback | None = None, *, bar: bool | None = None, language: str = "da"
) -> Iterator[None]:
    """Within the block, report every stage's progress to ``callback`` and/or choose the bar.

    Parameters
    ----------
    callback : callable, optional
        Called as ``callback(stage, done, total)`` when a stage starts (``done=0``) and
        after each step.
    bar : bool, optional
        ``None`` (default): a bar when standard error is a terminal and the work is big;
        ``False``: never (the command line's ``--quiet``); ``True``: always.
    language : {"da", "en"}
        The language of the bar's labels ("dækning", "begrundelser"...); the callback
        gets the stage's key (``"coverage"``).

    Examples
    --------
    >>> from composer.progress import reporting
    >>> with reporting(bar=False):
    ...     pass  # compose(...) here shows no bar, whatever the terminal
    """
    tokens = (_callback.set(callback), _bar.set(bar), _language.set(language))
    try:
        yield
    finally:
        _language.reset(tokens[2])
        _bar.reset(tokens[1])
        _callback.reset(tokens[0])


class Progress:
    """One stage of work of ``total`` steps; made by :func:`progress`.

    Call :meth:`update` after each step (or chunk of steps). The callback hears of the
    start, of about every hundredth of the work and of the end. Used as a context
    manager it closes its bar on exit.
    """

    def __init__(
        self,
        total: int,
        stage: str,
        *,
        rows: int | None = None,
        callback: Callback | None = None,
    ) -> None:
        self.total = int(total)
        self.stage = stage
        self.done = 0
        self._reported = 0
        self._every = max(1, self.total // 100)  # at most ~100 callback calls per stage
        self._callback = callback if callback is not None else _callback.get()
        show = _bar.get()
        if show is None:
            show = _stderr_is_terminal() and (self.total if rows is None else rows) >= MIN_ROWS
        self._bar: Any = None
        if show and self.total > 0:
            from tqdm import tqdm  # only when a bar is shown

            from .messages import MESSAGES, say

            code = f"progress.{stage}"
            desc = say(code, _language.get()) if code in MESSAGES else stage
            self._bar = tqdm(total=self.total, desc=desc, file=sys.stderr, leave=False)
        if self._callback is not None:
            self._callback(self.stage, 0, self.total)

    def update(self, n: int = 1) -> None:
        """``n`` more steps are done."""
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
        if self._callback is not None and (
            self.done - self._reported >= self._every or self.done >= self.total
        ):
            self._reported = self.done
            self._callback(self.stage, self.done, self.total)

    def close(self) -> None:
        """Remove the bar (if any); the callback has had its last call."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def progress(
    total: int, stage: str, *, rows: int | None = None, callback: Callback | None = None
) -> Progress:
    """Start a stage of ``total`` steps: ``with progress(n, "coverage") as p: ... p.update()``.

    Parameters
    ----------
    total : int
        Number of steps (e.g. needs, or chunks of rows).
    stage : str
        What is being done, shown beside the bar and passed to the callback. Never put
        names or free text from the input here.
    rows : int, optional
        How many candidates the work is about, when the steps are not rows (a bar is shown
        from :data:`MIN_ROWS` rows); by default ``total``.
    callback : callable, optional
        ``callback(stage, done, total)``; by default the one given to :func:`reporting`.

    Returns
    -------
    Progress

    Examples
    --------
    >>> from composer.progress import progress
    >>> calls = []
    >>> with progress(3, "load", callback=lambda *a: calls.append(a)) as p:
    ...     p.update(3)
    >>> calls
    [('load', 0, 3), ('load', 3, 3)]
    """
    return Progress(total, stage, rows=rows, callback=callback)


def track(
    items: Iterable[T],
    total: int,
    stage: str,
    *,
    rows: int | None = None,
    callback: Callback | None = None,
) -> Iterator[T]:
    """Iterate over ``items``, reporting one step per item (see :func:`progress`).

    Examples
    --------
    >>> from composer.progress import track
    >>> calls = []
    >>> [x * 2 for x in track([1, 2], 2, "demo", callback=lambda *a: calls.append(a))]
    [2, 4]
    >>> calls[-1]
    ('demo', 2, 2)
    """
    with progress(total, stage, rows=rows, callback=callback) as p:
        for item in items:
            yield item
            p.update()
