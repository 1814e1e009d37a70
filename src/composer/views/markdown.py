"""The one Markdown writer: literal text (:func:`md`) and tables (:func:`markdown_table`).

Every text a user gave is escaped, so it shows as text and never as markup; numbers are
written with the language's decimal mark, lists joined with "; ".
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..messages import say
from ..text import number

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["markdown_table", "md", "md_cell", "md_rows"]

#: Markup characters; ``_`` only where it could start or end emphasis (not inside a word,
#: so ``actor_type`` stays readable as plain text).
_MARKUP = re.compile(r"([\\`*\[\]<>|~#]|(?<!\w)_|_(?!\w))")


def md(text: object) -> str:
    """``text`` as literal Markdown: markup characters escaped, one line.

    Examples
    --------
    >>> print(md("<img src=x onerror=alert(1)> *fed*"))
    \\<img src=x onerror=alert(1)\\> \\*fed\\*
    >>> print(md("actor_type = _citizen_"))
    actor_type = \\_citizen\\_
    """
    return _MARKUP.sub(r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")


def md_cell(value: Any, language: str = "da") -> str:
    """One table cell: empty for missing, ja/nej, a number in the language, lists with "; ".

    Examples
    --------
    >>> md_cell(0.8660391544, "da"), md_cell(["a|b", "c"]), md_cell(True, "en"), md_cell(None)
    ('0,87', 'a\\\\|b; c', 'yes', '')
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return say("report.yes" if value else "report.no", language)
    if isinstance(value, numbers.Integral):
        return number(int(value), language)
    if isinstance(value, numbers.Real):
        return number(round(float(value), 2), language, 2)
    if isinstance(value, list | tuple):
        return md("; ".join(map(str, value)))
    return md(value)


def md_rows(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table from a header and rows whose cells are already Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def markdown_table(frame: pd.DataFrame, language: str = "da", *, index: bool = True) -> str:
    """``frame`` as a Markdown table; headers and cells escaped (:func:`md_cell`).

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"navn": ["*Åse*"], "total": [0.5]}, index=pd.Index(["A1"], name="id"))
    >>> print(markdown_table(f))
    | id | navn | total |
    |---|---|---|
    | A1 | \\*Åse\\* | 0,50 |
    """
    header = ([md(frame.index.name or "")] if index else []) + [md(c) for c in frame.columns]
    rows = [
        ([md_cell(key, language)] if index else []) + [md_cell(v, language) for v in row]
        for key, row in zip(frame.index, frame.itertuples(index=False), strict=True)
    ]
    return "\n".join(md_rows(header, rows))
