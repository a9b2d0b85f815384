"""HTML for the book: tables whose every cell is escaped.

Article text is untrusted input. Everything that reaches a page through this
module goes through ``html.escape``; text in Arabic or Persian is wrapped in
an element carrying ``dir`` and ``lang`` so browsers lay it out right to left
inside an English page.
"""
from __future__ import annotations

import html
from typing import Callable, Mapping

import pandas as pd

RTL = {"ar", "fa"}


def text(value: object, lang: str | None = None) -> str:
    """One escaped inline fragment, marked with its language and direction."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    s = html.escape(str(value))
    if lang in RTL:
        return f'<span dir="rtl" lang="{lang}">{s}</span>'
    if lang:
        return f'<span lang="{html.escape(lang)}">{s}</span>'
    return s


def table(df: pd.DataFrame, lang_of: Mapping[str, str] | None = None,
          caption: str | None = None, css_class: str = "data-table",
          cell_html: Mapping[str, Callable[[object], str]] | None = None) -> str:
    """Escaped HTML table. ``lang_of`` maps a column to the column holding its language
    (or to a fixed language code prefixed with '='). ``cell_html`` maps a column to a
    function that renders its cells itself, and must escape what it shows."""
    lang_of = lang_of or {}
    cell_html = cell_html or {}
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    body = []
    for _, row in df.iterrows():
        cells = []
        for col in df.columns:
            spec = lang_of.get(col)
            lang = None
            if spec:
                lang = spec[1:] if spec.startswith("=") else str(row[spec])
            value = row[col]
            align = ' class="num"' if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
            shown = cell_html[col](value) if col in cell_html else text(value, lang)
            cells.append(f"<td{align}>{shown}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="table-wrapper"><table class="{css_class}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def spaced(df: pd.DataFrame, *cols: str, sep: str = "; ") -> pd.DataFrame:
    """Lists joined by ';' in the data read better, and wrap, with a space."""
    return df.assign(**{c: df[c].str.replace(";", sep, regex=False) for c in cols})


def ratio(x: float | None, digits: int = 3) -> str:
    """A proportion as the book prints it everywhere (blank when undefined)."""
    return "" if x is None or pd.isna(x) else f"{x:.{digits}f}"


def blockquote(original: str, lang: str) -> str:
    """Quoted text in its own script and direction, escaped."""
    direction = ' dir="rtl"' if lang in RTL else ""
    return f'<blockquote{direction} lang="{html.escape(lang)}">{html.escape(original)}</blockquote>'


def quote(original: str, lang: str, translation: str = "", source: str = "") -> str:
    """A quotation in its original script beside its English translation.

    The original keeps its direction (``dir``/``lang`` on the blockquote);
    every part is escaped. ``source`` says where it is from (article and
    character offsets, or the claim id).
    """
    parts = [f'<figure class="claim-quote">{blockquote(original, lang)}']
    cap = []
    if translation:
        cap.append(f'<span class="translation" lang="en">{html.escape(translation)}</span>')
    if source:
        cap.append(f'<span class="source">{html.escape(source)}</span>')
    if cap:
        parts.append("<figcaption>" + " — ".join(cap) + "</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


def source_span(article: str, start: int, end: int) -> str:
    """How the book cites a span of an article everywhere."""
    return f"article {article}, characters {start}–{end}"
