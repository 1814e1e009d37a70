"""A composition (or any table) written for people: Excel, CSV and HTML.

Spreadsheet exports are safe to open: every text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is prefixed with ``'`` (:func:`safe_cell`), so a
candidate called ``=HYPERLINK("http://x")`` stays text in Excel (OWASP's advice on CSV
injection). HTML escapes every text the user gave. Lists are written in the library's
own ``;``-separated form, the way :func:`composer.load_candidates` reads them.

Column keys are stable (``id``, ``role``, ``hours`` ...); Danish or English headers are
labels for display, in Excel and HTML only.
"""

from __future__ import annotations

import html
import io
import numbers
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..cells import FORMULA_TRIGGERS
from ..messages import EXPORT_WORDS as _WORDS
from ..messages import HEADERS, SHEETS, say
from ..models import ActorType, Orientation
from ..text import number
from .markdown import markdown_table
from .tables import meeting_plan, members_frame

if TYPE_CHECKING:
    from ..result import CompositionData

__all__ = [
    "HEADERS",
    "SHEETS",
    "composition_tables",
    "composition_to_csv",
    "composition_to_excel",
    "composition_to_html",
    "csv_text",
    "frame_to_html",
    "html_page",
    "safe_cell",
    "safe_frame",
    "table_as",
    "tables_to_excel",
    "with_headers",
]

_RISKY = FORMULA_TRIGGERS  # with the fullwidth and small forms (＝, ﹦, ...)


def _word(value: object, language: str) -> object:
    """``value`` as shown in ``language`` (unknown values, e.g. phase names, as they are)."""
    return _WORDS[language].get(value, value)


def safe_cell(value: Any) -> Any:
    """``value``, with text that a spreadsheet would run as a formula made harmless.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'``; anything else (numbers included) is returned as it is.

    Examples
    --------
    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("-3"), safe_cell(-3), safe_cell("Åse")
    ('\\'=HYPERLINK("http://x")', "'-3", -3, 'Åse')
    """
    if isinstance(value, str) and value.startswith(_RISKY):
        return "'" + value
    return value


def _flat(value: Any) -> Any:
    """Lists and tuples as ``"; "``-separated text (the loaders read it back); other
    values as they are."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` fit for a spreadsheet: lists joined by ``;``, every cell, header
    and index label passed through :func:`safe_cell`.

    Examples
    --------
    >>> import pandas as pd
    >>> safe_frame(pd.DataFrame({"name": ["=1+1"], "phases": [["a", "b"]]})).iloc[0].tolist()
    ["'=1+1", 'a; b']
    """
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: safe_cell(_flat(v)))
    out.columns = [safe_cell(str(c)) for c in out.columns]
    out.index = out.index.map(lambda v: safe_cell(_flat(v)))
    return out


def _label(key: str, language: str) -> str:
    """The header of column ``key`` (``meeting_3`` is "møde 3"; phase names as they are)."""
    if key.startswith("meeting_") and key[8:].isdigit():
        return f"{HEADERS[language]['meeting']} {key[8:]}"
    return HEADERS[language].get(key, key)


def with_headers(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """A copy of ``frame`` whose column keys are replaced by labels in ``language`` (for
    display; data keeps the keys).

    Examples
    --------
    >>> import pandas as pd
    >>> with_headers(pd.DataFrame({"hours": [3.5], "core_fit": [0.8]}), "da").columns.tolist()
    ['timer', 'egnethed til kernen']
    """
    out = frame.copy()
    out.columns = [_label(str(c), language) for c in out.columns]
    if out.index.name:
        out.index.name = _label(str(out.index.name), language)
    return out


def _members(comp: CompositionData, language: str | None = None) -> pd.DataFrame:
    """:meth:`composer.Composition.to_frame` with reasons and flags as text; with ``language``,
    role, actor type and orientation as labels in that language."""
    frame = members_frame(comp)
    for col in ("reasons", "flags"):
        frame[col] = frame[col].map(" ".join)
    if language is not None:
        frame["role"] = frame["role"].map(lambda r: _word(r, language))
        frame["actor_type"] = frame["actor_type"].map(lambda a: ActorType(a).label(language))
        frame["orientation"] = frame["orientation"].map(lambda o: Orientation(o).label(language))
    return frame


def composition_tables(
    comp: CompositionData, language: str | None = None
) -> dict[str, pd.DataFrame]:
    """The composition as six tables with stable column keys, by table key.

    Keys: ``core``, ``phase_participants`` (one row per person and phase),
    ``meeting_plan`` (hours per person and meeting: ``meeting_1`` ...), ``needs``
    (coverage per phase), ``gaps``, ``quotas``. Values shown to people (actor types,
    orientation, roles, need kinds, scopes, yes/no) are in ``language`` (default: the
    composition's); :func:`with_headers` gives the column labels.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> tables = composition_tables(compose(*load_sample("klimatilpasning")))
    >>> list(tables)
    ['core', 'phase_participants', 'meeting_plan', 'needs', 'gaps', 'quotas']
    >>> tables["core"].columns[:4].tolist()
    ['id', 'name', 'role', 'actor_type']
    """
    lang = language or comp.language
    lang = lang if lang in _WORDS else "da"
    members = _members(comp, lang)
    core = members.loc[[m.id for m in comp.core]].reset_index()
    phases = pd.concat(
        [members.loc[[m.id for m in ms]].reset_index() for ms in comp.phase_participants.values()]
        or [members.iloc[:0].reset_index()],
        ignore_index=True,
    )
    phases.insert(0, "phase", [ph for ph, ms in comp.phase_participants.items() for _ in ms])
    if "hours" in phases.columns and len(phases):  # a phase's row: the hours of that phase
        phases["hours"] = [comp.brief.phase_hours(ph) for ph in phases["phase"]]

    plan = meeting_plan(comp).reset_index()
    names = {m.id: m.name for m in comp.members}
    plan.insert(1, "name", plan["id"].map(names))
    plan["role"] = plan["role"].map(lambda r: _word(r, lang))

    phase_names = comp.brief.phase_names
    needs = pd.DataFrame(
        [
            {
                "need": ns.name,
                "kind": _word(ns.kind, lang),
                "weight": ns.weight,
                "count": ns.count,
                "phases": ns.phases,
                **{ph: ns.covered.get(ph) for ph in phase_names},
                "covered_by": [f"{i} ({number(v, lang, 2)})" for i, v in ns.covered_by.items()],
            }
            for ns in comp.needs
        ],
        columns=["need", "kind", "weight", "count", "phases", *phase_names, "covered_by"],
    )
    gaps = pd.DataFrame(
        [g.model_dump() | {"kind": _word(g.kind, lang)} for g in comp.gaps],
        columns=["need", "kind", "phases", "covered", "count", "closest", "advice"],
    )
    quotas = pd.DataFrame(
        [
            {
                "quota": q.label,
                "column": q.column,
                "value": q.value,
                "scope": _word(q.scope, lang),
                "min": q.min,
                "max": q.max,
                "count": q.count,
                "members": q.members,
                "met": _word(q.met, lang),
            }
            for q in comp.quotas
        ],
        columns=["quota", "column", "value", "scope", "min", "max", "count", "members", "met"],
    )
    return {
        "core": core,
        "phase_participants": phases,
        "meeting_plan": plan,
        "needs": needs,
        "gaps": gaps,
        "quotas": quotas,
    }


def _need_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ModuleNotFoundError(
            "writing Excel needs openpyxl: pip install 'netvaerk-composer[excel]'",
            name="openpyxl",
        ) from None


def tables_to_excel(
    tables: Mapping[str, pd.DataFrame],
    path: str | Path,
    language: str = "da",
    data: str | None = None,
) -> Path:
    """Write one sheet per table (sheet name -> frame), made safe by :func:`safe_frame`.

    Headers bold and frozen, an autofilter, long text (reasons, advice) wrapped, numbers
    with a number format, columns widened to their text (at most 60).
    Needs openpyxl (``pip install 'netvaerk-composer[excel]'``).
    """
    _need_openpyxl()
    from .workbook import write_workbook

    safe = {sheet: safe_frame(frame) for sheet, frame in tables.items()}
    return write_workbook(safe, Path(path), language if language in HEADERS else "da", data)


def composition_to_excel(
    comp: CompositionData, path: str | Path, language: str | None = None
) -> Path:
    """Write ``comp`` as an Excel workbook: core, phase participants, meeting plan, needs
    and coverage, gaps, quotas, with Danish or English sheet names and headers.

    Parameters
    ----------
    comp : Composition
    path : str or Path
        The ``.xlsx`` file to write.
    language : {"da", "en"}, optional
        Headers and labels; default the composition's language.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> comp = compose(*load_sample("klimatilpasning"))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = composition_to_excel(comp, pathlib.Path(d) / "netværk.xlsx")
    ...     list(pd.read_excel(path, sheet_name=None))
    ['Resumé', 'Kernedeltagere', 'Deltagere som inddrages løbende', 'Mødeplan', 'Behov og dækning', 'Huller', 'Kvoter', 'composer']
    """
    from .workbook import summary_rows, with_totals

    lang = language or comp.language
    lang = lang if lang in SHEETS else "da"
    tables = {k: with_headers(t, lang) for k, t in composition_tables(comp, lang).items()}
    tables["meeting_plan"] = with_totals(tables["meeting_plan"], lang)
    sheets = {SHEETS[lang]["summary"]: summary_rows(comp, lang)}
    sheets |= {SHEETS[lang][k]: t for k, t in tables.items()}
    return tables_to_excel(sheets, path, lang, data=comp.model_dump_json())


def composition_to_csv(
    comp: CompositionData,
    path: str | Path | None = None,
    language: str | None = None,
    sep: str | None = None,
) -> str:
    """One row per chosen person (core first), for a spreadsheet; returns the text.

    Columns as :meth:`composer.Composition.to_frame` (id, name, role, actor type,
    orientation, organisation, unit, phases, meetings, hours, what they cover, flags,
    reasons), with headers and values (roles, actor types, orientation) in ``language``
    (default: the composition's). Danish files use ``;`` between fields and a decimal
    comma, as Danish Excel opens them; English files ``,`` and a point (``sep`` to
    choose). Lists are "; "-separated; reasons and flags are sentences joined by spaces.
    Written to ``path`` (UTF-8 with BOM, so that Excel shows æ, ø and å) when given.
    JSON (``model_dump_json``) is the form for other tools.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> comp = compose(*load_sample("klimatilpasning"))
    >>> composition_to_csv(comp).splitlines()[0]
    'id;navn;rolle;aktørtype;perspektiv;organisation;enhed;faser;møder;timer;dækker;at gøre;grunde'
    >>> composition_to_csv(comp, language="en").splitlines()[0]
    'id,name,role,actor type,orientation,organisation,unit,phases,meetings,hours,covers,to do,reasons'
    """
    lang = language or comp.language
    lang = lang if lang in HEADERS else "da"
    text = csv_text(_members(comp, lang), lang, sep)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8-sig")
    return text


def frame_to_html(frame: pd.DataFrame, language: str = "da", *, index: bool = True) -> str:
    """An HTML ``<table>`` of ``frame``: every cell escaped, numbers with the language's
    decimal mark, lists ``;``-separated.

    Examples
    --------
    >>> import pandas as pd
    >>> frame_to_html(pd.DataFrame({"navn": ["<b>Åse</b>"], "timer": [17.5]}), index=False)
    '<table>\\n<thead><tr><th>navn</th><th>timer</th></tr></thead>\\n<tbody>\\n<tr><td>&lt;b&gt;Åse&lt;/b&gt;</td><td class="num">17,5</td></tr>\\n</tbody>\\n</table>'
    """

    def cell(v: Any, tag: str = "td") -> str:
        if v is None or (isinstance(v, float) and v != v):
            return f"<{tag}></{tag}>"
        if isinstance(v, bool | np.bool_):
            return f"<{tag}>{_word(bool(v), language)}</{tag}>"
        if isinstance(v, numbers.Real):
            x = float(v)
            text = str(int(x)) if x.is_integer() else number(round(x, 2), language)
            return f'<{tag} class="num">{text}</{tag}>'
        return f"<{tag}>{html.escape(str(safe_cell(_flat(v))))}</{tag}>"

    heads = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    lines = ["<table>", "<thead><tr>" + "".join(cell(h, "th") for h in heads) + "</tr></thead>"]
    lines.append("<tbody>")
    for key, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells = ([cell(key, "th")] if index else []) + [cell(v) for v in row]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


_CSS = """body{font-family:system-ui,sans-serif;margin:2em;line-height:1.4}
table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:0.3em
0.5em;vertical-align:top;text-align:left}td.num{text-align:right}thead th{background:#eee}"""


def html_page(title: str, body: Iterable[str], language: str = "da") -> str:
    """A complete HTML page (UTF-8) around ``body``; ``title`` is escaped here."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{html.escape(language)}">',
            '<head><meta charset="utf-8">',
            f"<title>{html.escape(title)}</title>",
            f"<style>{_CSS}</style></head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def composition_to_html(comp: CompositionData, language: str | None = None) -> str:
    """A standalone HTML page of ``comp``: the six tables of :func:`composition_tables`.

    Every text from the input (names, reasons, need and phase names, the theme) is
    escaped with :func:`html.escape`.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> page = composition_to_html(compose(*load_sample("klimatilpasning")))
    >>> page.startswith("<!DOCTYPE html>"), "<h2>Kernedeltagere</h2>" in page
    (True, True)
    """
    lang = language or comp.language
    lang = lang if lang in SHEETS else "da"
    title = f"{say('report.title', lang)}: {comp.theme}"
    body = [f"<h1>{html.escape(title)}</h1>"]
    for key, table in composition_tables(comp, lang).items():
        body.append(f"<h2>{html.escape(SHEETS[lang][key])}</h2>")
        body.append(frame_to_html(with_headers(table, lang), lang, index=False))
    return html_page(title, body, lang)


def csv_text(frame: pd.DataFrame, language: str | None = None, sep: str | None = None) -> str:
    """``frame`` as CSV text, made safe by :func:`safe_frame`.

    With ``language``, for people: headers in that language, and for Danish ``;`` between
    fields and a decimal comma (``sep`` overrides the separator); without, the column
    keys, ``,`` and a decimal point.
    """
    buf = io.StringIO()
    from ..messages.export import CSV_STYLE

    safe = safe_frame(frame if language is None else with_headers(frame, language))
    fields, decimal = CSV_STYLE.get(language or "en", CSV_STYLE["en"])
    safe.to_csv(buf, sep=sep or fields, decimal=decimal, lineterminator="\n")
    return buf.getvalue()


def table_as(
    frame: pd.DataFrame, fmt: str, language: str, title: str
) -> str | Callable[[Path], object]:
    """A table (index ``id``) in ``fmt``: JSON and CSV keep the column keys, the formats for
    people (Markdown through the one writer, HTML, Excel) show labels in ``language``; an
    Excel workbook is a function that writes it to a path."""
    if fmt == "json":
        return frame.reset_index().to_json(orient="records", force_ascii=False, indent=2)
    if fmt == "csv":
        return csv_text(frame, language)
    frame = with_headers(frame, language)  # for people: labels in their language
    if fmt == "xlsx":
        return lambda path: tables_to_excel({title: frame.reset_index()}, path, language)
    if fmt == "html":
        body = [f"<h1>{html.escape(title)}</h1>", frame_to_html(frame, language)]
        return html_page(title, body, language)
    return markdown_table(frame, language)
