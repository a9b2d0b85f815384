"""HTML for the book: tables whose every cell is escaped.

Article text is untrusted input. Everything that reaches a page through this
module goes through ``html.escape``; text in Arabic or Persian is wrapped in
an element carrying ``dir`` and ``lang`` so browsers lay it out right to left
inside an English page.
"""
from __future__ import annotations

import html
import re
from typing import Callable, Collection, Iterable, Mapping, Sequence

import pandas as pd

from ..text.language import identify

RTL = {"ar", "fa"}
# A claim id as the annotations write it: NNN-kk (article number, claim number).
CLAIM_ID = re.compile(r"(?<![\w-])(\d{3,}-\d{2,})(?![\w-])")
_AR = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
# A run of Arabic script: from an Arabic letter to the last one before any Latin
# letter (neutral punctuation and digits between its words belong to it).
_ARABIC_RUN = re.compile(f"[{_AR}](?:[^A-Za-z\\n]*[{_AR}])?")


def text(value: object, lang: str | None = None) -> str:
    """One escaped inline fragment, marked with its language and direction. Text
    of no stated language (or "und") still has its Arabic-script runs marked."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if lang in RTL:
        return f'<span dir="rtl" lang="{lang}">{html.escape(str(value))}</span>'
    if lang and lang != "und":
        return f'<span lang="{html.escape(lang)}">{mixed(value)}</span>'
    return mixed(value)


def mixed(value: object, default: str = "ar") -> str:
    """Escaped text in which every run of Arabic script is wrapped with its own
    ``dir`` and ``lang`` (for names and titles that mix scripts: "ISNA (ایسنا)")."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    s = str(value)
    out, pos = [], 0
    for m in _ARABIC_RUN.finditer(s):
        a, b = m.span()
        # a bracket opened inside the run closes inside it too
        while s.count("(", a, b) > s.count(")", a, b) and b < len(s) and s[b] in " )" :
            b += 1
        if a < pos:
            continue
        out.append(html.escape(s[pos:a]))
        run = s[a:b]
        lang = identify(run, default)
        out.append(f'<span dir="rtl" lang="{lang if lang in RTL else default}">{html.escape(run)}</span>')
        pos = b
    out.append(html.escape(s[pos:]))
    return "".join(out)


def claim_href(claim_id: str, base: str = "articles/") -> str:
    """Where a claim is: its span on its article's page. ``base`` is the path from
    the page that links to the article pages (chapters live beside ``articles/``)."""
    return f"{base}{claim_id.split('-', 1)[0]}.html#claim-{claim_id}"


def article_link(article_id: object, base: str = "articles/", label: str | None = None) -> str:
    """A link to an article's page (``articles/<id>.html`` beside the chapters)."""
    aid = html.escape(str(article_id))
    return f'<a class="article-ref" href="{base}{aid}.html">{html.escape(label or str(article_id))}</a>'


def claim_ref(claim_id: str, base: str = "articles/", label: str | None = None) -> str:
    """Every reference to a claim in the book: a small badge linking to its span.
    (The build later gives each one an id, so the claim's page can link back.)"""
    cid = html.escape(str(claim_id))
    return (f'<a class="claim-ref" href="{html.escape(claim_href(str(claim_id), base))}" '
            f'data-claim="{cid}">{html.escape(label or str(claim_id))}</a>')


def with_claim_refs(value: object, base: str = "articles/", known: Iterable[str] | None = None) -> str:
    """Escape a text, then make every claim id in it a claim reference (only the
    ``known`` ones, when given). Nothing of the text is ever unescaped: ids are
    digits and a hyphen."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    wanted = None if known is None else set(known)
    escaped = html.escape(str(value))
    return CLAIM_ID.sub(lambda m: claim_ref(m.group(1), base)
                        if wanted is None or m.group(1) in wanted else m.group(1), escaped)


def claim_cells(known: Iterable[str] | None = None, base: str = "articles/") -> Callable[[object], str]:
    """A ``table`` cell hook that links the claim ids in a cell."""
    return lambda value: with_claim_refs(value, base, known)


def md_escape(value: object) -> str:
    """Text that Markdown and MyST take literally (for a generated heading): every
    ASCII punctuation character backslash-escaped, on one line."""
    s = " ".join(str(value).split())
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", s)


def table(df: pd.DataFrame, lang_of: Mapping[str, str] | None = None,
          caption: str | None = None, css_class: str = "data-table",
          cell_html: Mapping[str, Callable[[object], str]] | None = None,
          claim_columns: Iterable[str] = ()) -> str:
    """Escaped HTML table. ``lang_of`` maps a column to the column holding its language
    (or to a fixed language code prefixed with '='). ``cell_html`` maps a column to a
    function that renders its cells itself, and must escape what it shows. Claim ids
    in the ``claim_columns`` become claim references (``claim_ref``). Columns whose
    name starts with "_" are not shown (a language column ``lang_of`` reads, say)."""
    lang_of = lang_of or {}
    cell_html = {**{c: claim_cells() for c in claim_columns}, **(cell_html or {})}
    columns = [c for c in df.columns if not str(c).startswith("_")]   # "_lang": used, not shown
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = []
    for _, row in df.iterrows():
        cells = []
        for col in columns:
            spec = lang_of.get(col)
            lang = None
            if spec:
                lang = spec[1:] if spec.startswith("=") else str(row[spec])
            value = row[col]
            align = ' class="num"' if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
            shown = cell_html[col](value) if col in cell_html else text(value, lang)
            cells.append(f'<td{align} data-label="{html.escape(str(col))}">{shown}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="table-wrapper"><table class="{css_class}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


_NUM = ' class="num"'


def row_html(heads: Sequence[str], cells: Sequence[str], num: Collection[str] = ()) -> str:
    """One row of a table whose cells are already HTML (escaped by the caller),
    each cell with its column's name (``data-label``: a phone stacks the table
    and shows the name beside it) and the columns in ``num`` aligned as numbers."""
    return "<tr>" + "".join(
        f'<td{_NUM if h in num else ""} data-label="{html.escape(h)}">{c}</td>'
        for h, c in zip(heads, cells, strict=True)) + "</tr>"


def table_html(heads: Sequence[str], rows: Iterable[str], css_class: str,
               caption: str | None = None) -> str:
    """A table from its column names and its rows (``row_html``), as ``table`` writes one."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="table-wrapper"><table class="{css_class}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def spaced(df: pd.DataFrame, *cols: str, sep: str = "; ") -> pd.DataFrame:
    """Lists joined by ';' in the data read better, and wrap, with a space."""
    return df.assign(**{c: df[c].str.replace(";", sep, regex=False) for c in cols})


def folded(summary: str, body_html: str, open: bool = False, css_class: str = "fold") -> str:
    """A block the reader opens when they want it: ``summary`` (plain text, escaped)
    over ``body_html`` (already HTML). Nothing is removed, only folded."""
    return (f'<details class="{css_class}"{" open" if open else ""}><summary>{mixed(summary)}</summary>'
            f"{body_html}</details>")


def ratio(x: float | None, digits: int = 3) -> str:
    """A proportion as the book prints it everywhere (blank when undefined)."""
    return "" if x is None or pd.isna(x) else f"{x:.{digits}f}"


def blockquote(original: str, lang: str) -> str:
    """Quoted text in its own script and direction, escaped."""
    direction = ' dir="rtl"' if lang in RTL else ""
    return f'<blockquote{direction} lang="{html.escape(lang)}">{html.escape(original)}</blockquote>'


def quote(original: str, lang: str, translation: str = "", source: str = "",
          claim: str | None = None, grade: str = "") -> str:
    """A quotation in its original script beside its English translation.

    The original keeps its direction (``dir``/``lang`` on the blockquote);
    every part is escaped. ``source`` says where it is from (article and
    character offsets); ``claim``, the claim it is, shown as a claim reference;
    ``grade``, the claim's grade in words ("C3: fairly reliable source, possibly
    true", ``Labels.grade``). An English quotation is not translated into itself.
    """
    parts = [f'<figure class="claim-quote">{blockquote(original, lang)}']
    cap = []
    if translation and not (lang == "en" and translation.strip() == original.strip()):
        cap.append(f'<span class="translation" lang="en">{html.escape(translation)}</span>')
    if source or claim:
        ref = claim_ref(claim) + (", " if source else "") if claim else ""
        cap.append(f'<span class="source">{ref}{mixed(source)}</span>')
    if grade:
        cap.append(f'<span class="grade">grade {html.escape(grade)}</span>')
    if cap:
        parts.append("<figcaption>" + " — ".join(cap) + "</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


def source_span(article: str, start: int, end: int) -> str:
    """How the book cites a span of an article everywhere."""
    return f"article {article}, characters {start}–{end}"
