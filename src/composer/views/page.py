"""The whole report as a page to send: HTML (1,000–1,400 px on screen, A4 in print) and PDF.

The page is the Markdown report (:func:`composer.views.report.explain`) turned into HTML,
so both have the same sections by construction. The Markdown is composer's own, a small
closed subset (headings, paragraphs, "- " lists, pipe tables, ``**bold**``, backslash
escapes), so :func:`markdown_html` converts exactly that subset, escaping every text
with :func:`html.escape`; no Markdown library is needed. The PDF is WeasyPrint's
rendering of the same page (``pip install 'netvaerk-composer[pdf]'``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import say
from .report import explain

if TYPE_CHECKING:
    from ..result import CompositionData

__all__ = ["CSS", "markdown_html", "report_html", "report_pdf"]

#: Screen: a column of at most 1,400 px that reads from 1,000 px; long words and lists
#: wrap instead of widening tables. Print: A4 with margins, table headers repeated.
CSS = """
:root{--ink:#1f2933;--line:#cbd2d9;--head:#eef2f6;--accent:#0b5394}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0 auto;padding:24px 32px;max-width:1400px}
h1{font-size:1.6em;color:var(--accent);margin:0 0 .6em}
h2{font-size:1.25em;border-bottom:2px solid var(--line);padding-bottom:.2em;margin:1.6em 0 .6em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
p,li{max-width:75em}
table{border-collapse:collapse;width:100%;table-layout:auto;margin:.4em 0 1.2em;
font-size:.9em}
th,td{border:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top;
overflow-wrap:anywhere;word-break:normal;hyphens:auto}
th.s,td.s{white-space:nowrap;overflow-wrap:normal}
thead th{background:var(--head)}
tbody tr:nth-child(even){background:#f8fafc}
@media print{
@page{size:A4;margin:14mm 12mm}
body{font-size:9.5pt;padding:0;max-width:none}
h2{break-after:avoid}h3{break-after:avoid}
table{font-size:8pt;table-layout:fixed}col{width:var(--w)}
thead{display:table-header-group}tr{break-inside:avoid}
}
"""

_ESCAPED = re.compile(r"\\(.)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    """One line of Markdown as HTML: ``**bold**``, backslash escapes, all else escaped."""
    out = []
    for k, part in enumerate(_BOLD.split(text)):
        plain = html.escape(_ESCAPED.sub(r"\1", part))
        out.append(f"<strong>{plain}</strong>" if k % 2 else plain)
    return "".join(out)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELL_SPLIT.split(line.strip())[1:-1]]


#: cells up to this many characters never wrap (ids, hours, "se ind"); longer ones wrap
#: anywhere, so a long word or list cannot widen the page
_SHORT = 14


def _size(text: str) -> int:
    """The characters a cell shows (backslash escapes counted once)."""
    return len(_ESCAPED.sub(r"\1", text))


def _cell(tag: str, text: str) -> str:
    shown = _inline(text)
    short = ' class="s"' if _size(text) <= _SHORT else ""
    return f"<{tag}{short}>{shown}</{tag}>"


def _table(lines: list[str]) -> str:
    rows = [_cells(lines[0]), *(_cells(row) for row in lines[2:])]
    head = "".join(_cell("th", c) for c in rows[0])
    body = "".join("<tr>" + "".join(_cell("td", c) for c in row) + "</tr>" for row in rows[1:])
    cols = "".join(f'<col style="--w:{w:.1f}%">' for w in _widths(rows))
    return (
        f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


#: Characters in a line of a printed table (A4 at 8 pt), and what a cell's padding and
#: border take of them, for :func:`_widths`.
_PRINT_LINE, _PAD = 120, 3


def _widths(rows: list[list[str]]) -> list[float]:
    """Each column's share (%) of a printed table, as an automatic layout gives it: a
    short cell whole (it never wraps), then the rest of the line by how much longer the
    column's longest cell is (a long one wraps anywhere). Print lays tables out with
    these fixed widths: WeasyPrint measured every cell again for an automatic layout,
    which took four times as long.

    Examples
    --------
    >>> _widths([["id", "grunde"], ["A01", "Dækker: demens og ensomhed"]])
    [17.1, 82.9]
    >>> _widths([["id", "grunde", "at gøre"], ["A01", "Dækker: demens. " * 20, "Spørg. " * 9]])
    [5.0, 74.8, 20.2]
    """
    n = max(len(row) for row in rows)
    least = [_PAD] * n
    most = [_PAD] * n
    for row in rows:
        for j, cell in enumerate(row):
            size = _size(cell)
            least[j] = max(least[j], _PAD + (size if size <= _SHORT else _SHORT // 2))
            most[j] = max(most[j], _PAD + size)
    if sum(most) <= _PRINT_LINE:
        width = [float(x) for x in most]
    else:
        room = max(0, _PRINT_LINE - sum(least))
        extra = [b - a for a, b in zip(least, most, strict=True)]
        width = [a + room * e / max(1, sum(extra)) for a, e in zip(least, extra, strict=True)]
    return [round(100 * w / sum(width), 1) for w in width]


def _blocks(text: str) -> Iterator[list[str]]:
    """Runs of lines that belong together: a table, a list, a heading, a paragraph."""
    block: list[str] = []
    for line in text.splitlines():
        kind = line[:1] if line[:1] in "|-#" else "p"
        if not line.strip() or (block and (kind == "#" or kind != _kind(block[0]))):
            if block:
                yield block
            block = []
        if line.strip():
            block.append(line)
    if block:
        yield block


def _kind(line: str) -> str:
    return line[:1] if line[:1] in "|-#" else "p"


def markdown_html(text: str) -> str:
    """composer's Markdown report as HTML (see the module's note on the subset).

    Examples
    --------
    >>> print(markdown_html("## Kvoter\\n\\n- **A1**: \\\\<b\\\\> ja\\n\\n| a | b \\\\| c |\\n|---|---|\\n| 1 | 2 |"))
    <h2>Kvoter</h2>
    <ul><li><strong>A1</strong>: &lt;b&gt; ja</li></ul>
    <table><colgroup><col style="--w:33.3%"><col style="--w:66.7%"></colgroup><thead><tr><th class="s">a</th><th class="s">b | c</th></tr></thead><tbody><tr><td class="s">1</td><td class="s">2</td></tr></tbody></table>
    """
    out = []
    for block in _blocks(text):
        first = block[0]
        if first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            out.append(f"<h{level}>{_inline(first[level:].strip())}</h{level}>")
        elif first.startswith("|"):
            out.append(_table(block))
        elif first.startswith("- "):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in block)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{_inline(' '.join(block))}</p>")
    return "\n".join(out)


def report_html(comp: CompositionData) -> str:
    """The whole report (the sections of :meth:`composer.Composition.explain`) as one
    standalone HTML page, in the composition's language.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> page = report_html(compose(*load_sample("klimatilpasning")))
    >>> page.startswith("<!DOCTYPE html>"), page.count("<h2>") >= 8, "<h2>Resumé</h2>" in page
    (True, True, True)
    """
    lang = comp.language if comp.language in ("da", "en") else "da"
    title = f"{say('report.title', lang)}: {comp.theme}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)}</title>",
            f"<style>{CSS}</style></head>",
            "<body>",
            markdown_html(explain(comp)),
            "</body>",
            "</html>",
            "",
        ]
    )


def report_pdf(comp: CompositionData, path: str | Path) -> Path:
    """Write the report as a PDF (A4) with WeasyPrint; returns the path.

    Needs the ``pdf`` extra: ``pip install 'netvaerk-composer[pdf]'``.
    """
    try:
        from weasyprint import HTML
    except ImportError:
        raise ModuleNotFoundError(
            "writing PDF needs WeasyPrint: pip install 'netvaerk-composer[pdf]'",
            name="weasyprint",
        ) from None
    path = Path(path)
    HTML(string=report_html(comp)).write_pdf(path)
    return path
