"""One page per article: the whole text in its own script, the evidence marked in place.

Pure functions: an article, its claims, the extractor's mentions and the
project's translation in; the page's HTML out. The page walks the raw text
in order, so nothing is silently dropped: each paragraph of the cleaned text
(with its language), each embedded tweet (as a quotation), and each block
cleaning removed (folded, with the reason); a character cleaning removed
inside a paragraph is shown struck through. Curated claims are highlighted
at their exact raw spans (colour by kind of claim, and an underline style as
a second cue), each with ``id="claim-<id>"`` and a numbered note under the
text; the extractor's mentions are marked lightly, their normalised value
shown on focus.

Article text, titles, outlets and file names are untrusted: everything that
reaches the page is escaped here, and the page's HTML is one line with no
backtick or brace, so that MyST (which sees it inside a ``raw`` block) can
neither end the block nor read a role in it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..corpus.articles import Article
from ..corpus.translations import Translation
from ..display import render
from ..display.dates import in_words
from ..display.labels import LANGUAGE_NAMES, UNNAMED_OUTLET, Labels, outlet_name
from ..evidence.claims import Claim, chain_text
from ..extract import Mention

# Cleaning rules that remove whole lines (shown as folded blocks) and what to call them.
BLOCK_RULES = {"masthead": "a masthead repeated at the top of the page",
               "caption_fragment": "a truncated copy of the next line (a caption)",
               "boilerplate": "boilerplate"}
INLINE_WORDS = {"html_entity": "an HTML entity or a stray '&' left by one",
                "line_end": "a carriage return"}


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _attr(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def lang_attrs(lang: str, fallback: str) -> str:
    """``dir`` and ``lang`` for a block in ``lang`` (``und`` takes the article's)."""
    if lang not in LANGUAGE_NAMES or lang == "und":
        return f' dir="auto" lang="{_attr(fallback)}"'
    direction = "rtl" if lang in render.RTL else "ltr"
    return f' dir="{direction}" lang="{_attr(lang)}"'


# --- what the text is made of ----------------------------------------------------------
@dataclass(frozen=True)
class Block:
    start: int          # raw span
    end: int
    kind: str           # paragraph | tweet | removed | other
    n: int = 0          # paragraph number, tweet index
    lang: str = ""
    note: str = ""      # why a block was removed


def blocks(article: Article) -> list[Block]:
    """The raw text as a reader meets it, in order: paragraphs, tweets, removed
    blocks, and any other non-blank text (there should be none: kept, not dropped)."""
    out = [Block(p.raw_start, p.raw_end, "paragraph", p.n, p.lang) for p in article.paragraphs]
    out += [Block(t.start, t.end, "tweet", i, t.lang) for i, t in enumerate(article.tweets, 1)]
    out += [Block(e.start, e.end, "removed", note=f"{BLOCK_RULES[e.rule]}"
                  + (f" ({e.note})" if e.note else ""))
            for e in article.clean.edits if e.rule in BLOCK_RULES]
    out.sort(key=lambda b: (b.start, b.end))
    raw, pos, filled = article.raw, 0, []
    for b in out:
        if b.start > pos and raw[pos:b.start].strip():
            filled.append(Block(pos, b.start, "other", lang=article.language))
        filled.append(b)
        pos = max(pos, b.end)
    if raw[pos:].strip():
        filled.append(Block(pos, len(raw), "other", lang=article.language))
    return filled


# --- marks inside a span -----------------------------------------------------------------
@dataclass(frozen=True)
class ClaimMark:
    id: str
    start: int
    end: int
    number: int         # its place in the numbered list under the text
    group: str          # highlight group (colour and underline style)
    tip: str            # what focus shows: translation, grade, figure


def mention_words(m: Mention, labels: Labels) -> str:
    """A mention's normalised value in words: '26,000', 'about 300 channels', '10 June 2017'."""
    if m.kind == "quantity":
        if m.value is None:
            return m.text
        shown = labels.figure(m.value, m.unit, m.qualifier)
        return shown + (f" a {m.per}" if m.per else "")
    if m.kind == "date":
        return in_words(m.iso_date())
    return labels.name(m.canonical) if m.canonical else m.text


def render_span(raw: str, start: int, end: int, claims: Sequence[ClaimMark],
                mentions: Sequence[tuple[int, int, str, str]], inline: Sequence[tuple[int, int, str]],
                runs: bool = False) -> str:
    """Escaped HTML for ``raw[start:end]`` with claims, mentions and inline cleaning
    edits marked. ``mentions`` are (start, end, kind, words); ``inline`` (start, end, why).
    ``runs``: the span sits in left-to-right text, so its Arabic-script runs get
    their own ``dir`` and ``lang``."""
    escape = render.mixed if runs else esc
    cuts = {start, end}
    for c in claims:
        cuts.update(x for x in (c.start, c.end) if start < x < end)
    for s, e, *_ in mentions:
        cuts.update(x for x in (s, e) if start < x < end)
    for s, e, _ in inline:
        cuts.update(x for x in (s, e) if start < x < end)
    points = sorted(cuts)
    parts = []
    for a, b in zip(points, points[1:]):
        text = escape(raw[a:b]).replace("\r", "").replace("\n", "<br>")
        edit = next((w for s, e, w in inline if s <= a and b <= e), None)
        if edit is not None:
            text = f'<del class="cleaned" title="{_attr("removed by cleaning: " + edit)}">{text or "⏎"}</del>'
        mention = next(((k, w) for s, e, k, w in mentions if s <= a and b <= e), None)
        if mention is not None:
            kind, words = mention
            text = (f'<span class="mention m-{kind}" tabindex="0" data-value="{_attr(words)}" '
                    f'title="{_attr(words)}">{text}</span>')
        for c in sorted((c for c in claims if c.start <= a and b <= c.end),
                        key=lambda c: (c.start, -c.end), reverse=True):
            first = ' id="claim-' + _attr(c.id) + '"' if a == c.start else ""
            text = f'<mark class="claim hl-{c.group}" data-claim="{_attr(c.id)}"{first}>{text}</mark>'
        ends = [c for c in claims if c.end == b]
        for c in sorted(ends, key=lambda c: c.number):
            text += (f'<a class="claim-note-ref hl-{c.group}" href="#note-{_attr(c.id)}" '
                     f'data-tip="{_attr(c.tip)}" aria-label="{_attr("claim " + str(c.number) + ": " + c.tip)}">'
                     f'{c.number}</a>')
        parts.append(text)
    return "".join(parts)


# --- the page -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleInputs:
    article: Article
    claims: Sequence[Claim]
    mentions: Sequence[Mention]
    translation: Translation
    cases: Mapping[str, list[dict]]         # claim id → register cases naming it
    facts: Mapping[str, Mapping]            # fact id → row of the facts table
    label: str


def claim_marks(claims: Sequence[Claim], labels: Labels) -> list[ClaimMark]:
    marks = []
    for i, c in enumerate(sorted(claims, key=lambda c: (c.start, c.end)), 1):
        figure = labels.figure(c.value, c.unit, c.qualifier, c.measure, c.value_high)
        tip = "; ".join(p for p in (c.translation, labels.grade(c.grade.code), figure) if p)
        marks.append(ClaimMark(c.id, c.start, c.end, i, labels.highlight(c.type), tip))
    return marks


def _clip(marks: Iterable[ClaimMark], start: int, end: int) -> list[ClaimMark]:
    return [m for m in marks if m.start < end and m.end > start]


def _mentions_in(mentions: Sequence[tuple[int, int, str, str]], start: int, end: int):
    return [m for m in mentions if m[0] < end and m[1] > start]


def _inline_edits(article: Article) -> list[tuple[int, int, str]]:
    out = []
    for e in article.clean.edits:
        if e.rule in INLINE_WORDS:
            why = INLINE_WORDS[e.rule] + (f": {e.note}" if e.note else "")
            out.append((e.start, e.end, why))
    return out


def body_html(inp: ArticleInputs, labels: Labels) -> str:
    """The text, block by block, each paragraph beside its translation."""
    a, tr = inp.article, inp.translation
    marks = claim_marks(inp.claims, labels)
    mentions = [(m.start, m.end, m.kind, mention_words(m, labels)) for m in inp.mentions]
    inline = _inline_edits(a)
    out = []
    for b in blocks(a):
        span = render_span(a.raw, b.start, b.end, _clip(marks, b.start, b.end),
                           _mentions_in(mentions, b.start, b.end), [e for e in inline if e[0] < b.end and e[1] > b.start])
        if b.kind == "paragraph":
            en = tr.paragraphs.get(b.n)
            translation = (f'<p class="translation" lang="en">{render.mixed(en)}</p>' if en else
                           '<p class="translation untranslated" lang="en">Not yet translated.</p>')
            out.append(f'<div class="article-row"><a class="pnum" href="#p-{b.n}" '
                       f'aria-label="paragraph {b.n}">{b.n}</a>'
                       f'<p class="original" id="p-{b.n}"{lang_attrs(b.lang, a.language)}>{span}</p>'
                       f"{translation}</div>")
        elif b.kind == "tweet":
            tweet = a.tweets[b.n - 1]
            body = render_span(a.raw, tweet.text_start, tweet.text_end,
                               _clip(marks, tweet.text_start, tweet.text_end),
                               _mentions_in(mentions, tweet.text_start, tweet.text_end),
                               [e for e in inline if e[0] < tweet.text_end and e[1] > tweet.text_start])
            signature = render_span(a.raw, tweet.text_end, b.end, _clip(marks, tweet.text_end, b.end),
                                    _mentions_in(mentions, tweet.text_end, b.end),
                                    [e for e in inline if e[0] < b.end and e[1] > tweet.text_end], runs=True)
            en = tr.tweets.get(b.n)
            if tweet.lang == "en":
                translation = ""
            elif en:
                translation = f'<p class="translation" lang="en">{render.mixed(en)}</p>'
            else:
                translation = '<p class="translation untranslated" lang="en">Not yet translated.</p>'
            out.append(f'<div class="article-row"><span class="pnum" aria-hidden="true">❝</span>'
                       f'<figure class="tweet" id="tweet-{b.n}"><blockquote{lang_attrs(tweet.lang, a.language)} '
                       f'cite="{_attr(tweet.url)}">{body}</blockquote>'
                       f'<figcaption dir="ltr">Embedded tweet: {signature}</figcaption></figure>'
                       f"{translation}</div>")
        elif b.kind == "removed":
            out.append(f'<details class="removed-block"><summary>Removed by cleaning: {esc(b.note)}'
                       f'</summary><div{lang_attrs(a.language, a.language)}>{span}</div></details>')
        else:
            out.append(f'<div class="article-row"><span class="pnum" aria-hidden="true">·</span>'
                       f'<p class="original other"{lang_attrs(b.lang, a.language)}>{span}</p>'
                       f'<p class="translation untranslated" lang="en">Text outside any paragraph.</p></div>')
    return '<div class="article-text">' + "".join(out) + "</div>"


def fact_date(f: Mapping) -> str:
    """A fact's date in words, as precise as the fact is."""
    start, end, precision = str(f.get("date_start", "")), str(f.get("date_end", "")), f.get("date_precision")
    if not start:
        return "undated"
    if precision == "day" or start == end:
        return in_words(start)
    if precision == "month":
        return in_words(start[:7])
    if precision == "year":
        return in_words(start[:4])
    return in_words(f"{start}/{end}")


def _fact_item(f: Mapping, labels: Labels) -> str:
    urls = [u.strip() for u in str(f.get("source_url", "")).split(" ; ") if u.strip()]
    where = ", ".join(f'<a href="{_attr(u)}">{esc(u.removeprefix("https://"))}</a>' for u in urls) \
        or "no address read"
    issuer = ", ".join(labels.name(i) for i in str(f.get("issuer", "")).split(";") if i)
    return (f"<li>{esc(labels.fact(f['id']))}: {render.mixed(labels.plain(f['fact']))} "
            f"<span class=\"muted\">({esc(issuer or 'no issuer recorded')}, {esc(fact_date(f))}; "
            f"{esc(f.get('confidence', ''))}; {where})</span></li>")


def notes_html(inp: ArticleInputs, labels: Labels) -> str:
    """The numbered list of the article's claims, under the text."""
    if not inp.claims:
        return ""
    marks = {m.id: m for m in claim_marks(inp.claims, labels)}
    items = []
    for c in sorted(inp.claims, key=lambda c: (c.start, c.end)):
        m = marks[c.id]
        figure = labels.figure(c.value, c.unit, c.qualifier, c.measure, c.value_high)
        rows = [("Says", f'<span lang="en">{render.mixed(c.translation)}</span>'),
                ("Grade", f"{esc(labels.grade(c.grade.code))}: {render.mixed(labels.plain(c.grade.reason))}")]
        if figure:
            rows.append(("Figure", esc(figure)))
        if c.event_date:
            rows.append(("When", esc(in_words(c.event_date))))
        rows.append(("Said by", f"{esc(chain_text(';'.join(c.attribution), labels.names))} "
                                '<span class="muted">(outermost first)</span>'))
        linked = [inp.facts[f] for f in c.facts if f in inp.facts]
        if linked:
            rows.append(("Facts", "<ul>" + "".join(_fact_item(f, labels) for f in linked) + "</ul>"))
        for case in inp.cases.get(c.id, []):
            rows.append(("Register", f"{esc(case['status'])}: "
                                     f"{render.with_claim_refs(labels.plain(case['explanation']), base='')}"))
        rows.append(("Used in", f'<ul class="claim-uses" data-claim="{_attr(c.id)}">'
                                "<li>not cited in the chapters</li></ul>"))
        dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        items.append(f'<li id="note-{_attr(c.id)}" class="claim-note hl-{m.group}">'
                     f'<p class="claim-note-head"><a class="claim-ref claim-back" href="#claim-{_attr(c.id)}" '
                     f'aria-label="back to claim {esc(c.id)} in the text">↑ {esc(c.id)}</a> · '
                     f"{esc(labels.type(c.type))}</p><dl>{dl}</dl></li>")
    return ('<section class="claim-notes" aria-labelledby="claims-heading">'
            f'<h2 id="claims-heading">The claims in this article ({len(inp.claims)})</h2>'
            f'<ol class="claim-notes-list">{"".join(items)}</ol></section>')


def header_html(inp: ArticleInputs) -> str:
    a, row = inp.article, inp.article.row
    title = ""
    if row.title:
        title = f'<span{lang_attrs(a.language, a.language)}>{esc(row.title)}</span>'
        if inp.translation.title:
            title += f'<br><span class="translation" lang="en">{render.mixed(inp.translation.title)}</span>'
    else:
        title = '<span class="muted">No headline in the text.</span>'
    outlet = render.mixed(row.outlet) if row.outlet else (
        f"{UNNAMED_OUTLET} <span class=\"muted\">(the text does not name it; see the notes)</span>")
    date = (f"{esc(in_words(row.published))} <span class=\"muted\">({esc(row.dated_by)})</span>"
            if row.published else "undated <span class=\"muted\">(the text shows no date; see the notes)</span>")
    body_langs = sorted({p.lang for p in a.paragraphs})
    languages = esc(LANGUAGE_NAMES.get(a.language, a.language))
    if a.tweets:
        quoted = sorted({t.lang for t in a.tweets})
        languages += esc(f"; {len(a.tweets)} embedded tweets in "
                         + " and ".join(LANGUAGE_NAMES.get(x, x) for x in quoted))
    if [x for x in body_langs if x != a.language]:
        languages += esc(f"; paragraphs in {', '.join(LANGUAGE_NAMES.get(x, x) for x in body_langs)}")
    rows = [("Outlet", outlet), ("Title", title), ("Date", date), ("Language", languages)]
    if row.notes:
        rows.append(("Notes", render.mixed(row.notes)))
    rows.append(("File", f"<code>{esc(row.file)}</code>, {len(a.raw):,} characters; "
                         f'sha256 <code class="sha">{esc(row.sha256)}</code>'))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="article-meta">{dl}</dl>'


def notices_html(inp: ArticleInputs) -> str:
    a, tr = inp.article, inp.translation
    out = []
    if not inp.claims:
        out.append("This article's claims are not yet coded: the marks below are the "
                   "extractor's mentions only. CONTRIBUTING.md says how to annotate it.")
    missing = [p.n for p in a.paragraphs if p.n not in tr.paragraphs]
    missing_tweets = [i for i, t in enumerate(a.tweets, 1) if t.lang != "en" and i not in tr.tweets]
    if missing or missing_tweets:
        parts = []
        if missing:
            parts.append(f"paragraph{'s' if len(missing) > 1 else ''} {', '.join(map(str, missing))}")
        if missing_tweets:
            parts.append(f"tweet{'s' if len(missing_tweets) > 1 else ''} {', '.join(map(str, missing_tweets))}")
        out.append(f"Not yet translated: {' and '.join(parts)}.")
    return "".join(f'<p class="article-notice">{esc(t)}</p>' for t in out)


LEGEND = (
    '<details class="article-legend"><summary>How to read this page</summary>'
    "<p>Each paragraph is shown as the outlet published it, in its own script, beside the "
    "project's own English translation (not the outlet's). Highlighted passages are the claims "
    "the project coded; each has a colour and an underline of its own kind, and a number that "
    "leads to its note under the text (focus or tap the number to see the claim's translation, "
    "grade and figure):</p><ul class=\"legend-list\">"
    '<li><mark class="claim hl-figure">figures</mark> (takedown counts, platform figures)</li>'
    '<li><mark class="claim hl-policy">policy and cooperation</mark></li>'
    '<li><mark class="claim hl-migration">moves between platforms and use of platforms</mark></li>'
    '<li><mark class="claim hl-event">events and platform features</mark></li>'
    '<li><mark class="claim hl-source">who said it, and other claims</mark></li></ul>'
    '<p>Lightly underlined words are what the automatic extractor found (<span class="mention m-quantity" '
    'tabindex="0" data-value="the number it reads" title="the number it reads">figures</span>, dates, '
    "platforms, organisations and people); focus or tap one to see how it was read (a Persian date "
    'as its Gregorian day, "<span dir="rtl" lang="ar">26 ألف</span>" as 26,000). Text that cleaning removed is kept: '
    "single characters are struck through, whole blocks folded where they stood.</p></details>")


def page_html(inp: ArticleInputs, labels: Labels) -> tuple[str, str]:
    """The page as two HTML fragments around the download link: the header, and
    everything after it (notices, legend, text, claims)."""
    head = header_html(inp)
    rest = notices_html(inp) + LEGEND + body_html(inp, labels) + notes_html(inp, labels)
    return head, rest
