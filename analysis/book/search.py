"""Pipeline step ``search``: the book's search, indexed from the built HTML.

Why Pagefind and not a Sphinx search language
---------------------------------------------
Both were measured here (issue 17). Sphinx's search indexes whole pages and
loads its whole index on every search; a search language of our own
(``app.add_search_language``) would fix the normalisation but still lead to
pages, not passages, still need its query script patched for all-digit terms,
and grow with every article page into one file every reader downloads.
Pagefind (PyPI ``pagefind`` + ``pagefind-bin``, a 10 MB binary, no network)
takes *custom records* through its Python API, with any URL
(``articles/001.html#p-3``) and text we normalise ourselves; the browser
fetches only the index chunks a query needs (measured here: 45 KB of script
and 70 KB of wasm once, then a few KB per word). With 1,000 article pages
(the five seed articles 200 times over): 52,600 passages in 6,400 records,
a 54 MB bundle (44 MB of it the readable records, fetched one per result
shown), indexed in 114 s of CPU; a search for Telegram, in 5,800 records,
showed its first results 2.4 s after the page was opened, fetching 320 KB in
all (search page scripts and tables included), on two busy cores. The cost:
it needs HTTP, not ``file://`` (``make serve``; the search page says so).

What is indexed
---------------
Every page's ``article.bd-article`` is cut into *passages*: all text whose
nearest block-level ancestor with an ``id`` is the same element (a section, a
quote ``div#quote-001-02``, a claim card ``div#card-001-02``, an article paragraph
``p#p-3`` with the translation beside it, a tweet ``#tweet-2``); an inline
element with an id (a claim highlighted in a paragraph,
``mark#claim-001-02``, with the pieces that carry its ``data-claim``) is a
passage of its own as well; links are references, not passages. A passage is made of
*segments*: the text of one block (a paragraph, a list item, one table cell)
in one language, with its ``lang`` and ``dir`` (from the markup, or from the
script when the markup says nothing). A page's passages, in order, are packed
into Pagefind records of about ``GROUP_CHARS`` characters; a record's content
is its passages' search terms (``analysis.book.search_terms``, plus the
values and names the extractor finds in them). The readable passages are
kept apart, one small JSON file per record under ``_search/records/``
(fetched only for the results shown; Pagefind indexes whatever metadata it is
given, raw), and the browser links each result to the passages in it that
match, computing their terms as the index did.

Output, inside the built HTML directory::

    _search/pagefind/     Pagefind's bundle (script, wasm, index chunks, fragments)
    _search/records/N.json  record N: the page's URL and title, and its passages
                          (anchor, where it is, terms not in the text, segments:
                          lang, dir, text, the extractor's highlights)
    _search/terms.js      the tables book/assets/search.js maps queries with

The search page itself is the theme's (``search.html``, reached from the
search button on every page), with its body replaced by a template of this
package (``templates/search.html``); ``setup`` registers it with Sphinx.
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import search_terms as st

SEARCH_DIR = "_search"
TEMPLATES = Path(__file__).with_name("templates")
SKIP_PAGES = {"search.html", "genindex.html", "py-modindex.html"}
SKIP_DIRS = {"_static", "_sources", "_downloads", "_images", SEARCH_DIR}
# Pagefind's own interface files: the book has its own (book/assets/search.js).
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
                       "pagefind-component-ui.css", "pagefind-modular-ui.js",
                       "pagefind-modular-ui.css", "pagefind-highlight.js")

INLINE = {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i",
          "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
          "time", "u", "var", "wbr", "font"}
SKIP_TAGS = {"script", "style", "noscript", "template", "button", "svg", "math", "img", "input",
             "select", "textarea", "iframe", "object"}
# Markers that are not text: heading permalinks, paragraph numbers, note
# numbers and footnote marks (they would glue a digit to the word before).
SKIP_CLASSES = {"headerlink", "pnum", "claim-note-ref", "footnote-reference"}
RTL_LANGS = {"ar", "fa", "ur", "he", "ps", "ckb"}
# Passages per Pagefind record: Pagefind's search time grows faster than the
# number of records a word is in (measured here, 52,600 records: a word in
# half of them took 4 to 8 s; in 2,300 of them 0.1 s), so the passages of a
# page are packed into records of about this many characters, and the browser
# picks the passages of a record that match.
GROUP_CHARS = 4000
CLAIM_ID = re.compile(r"(?:claim|quote|card)-([0-9]{3}-[0-9]{2,3})")


@dataclass
class Segment:
    lang: str
    dir: str
    text: str
    hints: list[list] = field(default_factory=list)    # [utf16 start, end, term]


@dataclass
class Passage:
    anchor: str
    where: str
    segments: list[Segment]
    inline: bool = False        # inside another passage (a claim in a paragraph)


@dataclass
class Page:
    url: str
    title: str
    passages: list[Passage]


# --- passages of a page ------------------------------------------------------

def _label(anchor: str) -> str:
    if m := re.fullmatch(r"p-([0-9]+)", anchor):
        return f"¶ {m.group(1)}"
    if m := re.fullmatch(r"tweet-([0-9]+)", anchor):
        return f"tweet {m.group(1)}"
    if m := CLAIM_ID.fullmatch(anchor):
        return f"claim {m.group(1)}"
    return ""


def _heading_text(section) -> str:
    h = section.find(re.compile(r"^h[1-6]$"))
    if h is None:
        return ""
    words = [t for t in h.find_all(string=True)
             if not any("headerlink" in (a.get("class") or []) for a in t.parents if a is not h)]
    return " ".join("".join(words).split())


def _resolve(lang: str | None, direction: str | None, text: str) -> tuple[str, str]:
    from ..text.language import identify
    if lang is None:
        lang = identify(text, default="en")
        if lang == "und":
            lang = "en"
    if direction is None:
        direction = "rtl" if lang.split("-")[0] in RTL_LANGS else "ltr"
    return lang, direction


def page_passages(html: str, url: str) -> Page | None:
    """The passages of one built page (None for a page with no article body)."""
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("article.bd-article") or soup.select_one("[role=main]")
    if body is None:
        return None
    h1 = body.find("h1")
    title = (" ".join(h1.get_text(" ").replace("#", " ").split()) if h1 else "") or (
        soup.title.get_text().split(" — ")[0].strip() if soup.title else url)

    # pieces of text in document order: ((anchor, block), ...), lang, dir, text.
    # A piece belongs to the passage of its nearest block-level element with
    # an id, and to that of every inline element with an id around it (not a
    # link's: a link is a reference to a passage, not one).
    pieces: list[tuple[tuple[tuple[str, int], ...], str | None, str | None, str]] = []
    where: dict[str, str] = {"": ""}
    order: list[str] = [""]
    blocks = [0]

    def new_block() -> int:
        blocks[0] += 1
        return blocks[0]

    def note(anchor: str, section_title: str, is_section: bool) -> None:
        if anchor in where:
            return
        label = _label(anchor)
        if section_title == title:
            section_title = ""           # the result shows the page's title already
        where[anchor] = section_title if is_section or not label else (
            f"{section_title} · {label}" if section_title else label)
        order.append(anchor)

    ids = {t.get("id") for t in body.find_all(id=True)}
    inline: set[str] = set()

    def skipped(tag) -> bool:
        return (tag.name in SKIP_TAGS or tag.get("aria-hidden") == "true"
                or not SKIP_CLASSES.isdisjoint(tag.get("class") or []))

    def own_anchor(tag) -> str | None:
        """The passage an element starts: its id; for a claim highlighted in
        pieces (mark[data-claim]), the id its first piece carries; for a
        translation beside a paragraph, that paragraph's."""
        if tag.get("id"):
            return tag["id"]
        if tag.name in INLINE and tag.name != "a" and f"claim-{tag.get('data-claim')}" in ids:
            return f"claim-{tag['data-claim']}"
        if tag.name not in INLINE and "translation" in (tag.get("class") or []):
            prev = tag.find_previous_sibling(lambda t: t.has_attr("id"))
            return prev["id"] if prev is not None else None
        return None

    def walk(el, anchors, lang, direction, section_title):
        for child in el.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                pieces.append((anchors, lang, direction, str(child)))
                continue
            if not isinstance(child, Tag) or skipped(child):
                continue
            c_lang = child.get("lang") or lang
            c_dir = child.get("dir") or (None if child.get("lang") else direction)
            c_title = section_title
            if child.name == "section":
                c_title = _heading_text(child) or section_title
            ident = own_anchor(child)
            if child.name not in INLINE:
                primary = anchors[0][0]
                if ident:
                    primary = ident
                    note(ident, c_title, child.name == "section")
                c_anchors = ((primary, new_block()),)
            elif (ident and child.name != "a" and ident not in {a for a, _ in anchors}
                  and child.get_text(strip=True)):
                # in the enclosing block: a claim's pieces join into one segment
                note(ident, section_title, False)
                inline.add(ident)
                c_anchors = anchors + ((ident, anchors[0][1]),)
            else:
                c_anchors = anchors
            walk(child, c_anchors, c_lang, c_dir, c_title)

    walk(body, (("", 0),), None, None, title)

    runs: dict[str, list[list]] = {}           # anchor -> [[block, lang, dir, texts]]
    for anchors, lang, direction, text in pieces:
        for anchor, block in anchors:
            rs = runs.setdefault(anchor, [])
            if rs and rs[-1][0] == block and (not text.strip() or (rs[-1][1], rs[-1][2]) == (lang, direction)):
                rs[-1][3].append(text)
            elif text.strip():
                rs.append([block, lang, direction, [text]])
    passages = []
    for anchor in order:
        segments = []
        for _, lang, direction, texts in runs.get(anchor, []):
            text = " ".join("".join(texts).split())
            if text:
                segments.append(Segment(*_resolve(lang, direction, text), text))
        if segments:
            passages.append(Passage(anchor, where[anchor], segments, anchor in inline))
    return Page(url, title, passages)


# --- terms of a passage --------------------------------------------------------

def _utf16(text: str, i: int) -> int:
    return i + sum(1 for c in text[:i] if ord(c) > 0xFFFF)


def extractor_terms(segment: Segment) -> list[str]:
    """Terms from the extractor's normalised values: quantities (26 ألف →
    n26000n) and names (suffixed or hashtag forms); each also kept as a hint
    (a span the browser highlights when its term is searched)."""
    from ..extract import extract

    terms = []
    for m in extract(segment.text):
        if m.kind == "quantity" and m.value is not None:
            term = st.value_term(m.value)
        elif m.kind in ("platform", "organization", "person") and m.canonical:
            term = st.entity_term(m.canonical)
        else:
            term = None
        if term:
            terms.append(term)
            segment.hints.append([_utf16(segment.text, m.start), _utf16(segment.text, m.end), term])
    return terms


def anchor_terms(passage: Passage) -> list[str]:
    """A claim's id is found even where its passage does not write it."""
    m = CLAIM_ID.fullmatch(passage.anchor)
    return st.index_terms(m.group(1)) if m else []


# A text's terms and hints, by text: two thirds of the book's segments repeat
# one already indexed (a claim's quote on its article's page, its chapter and
# the register; a heading on every page), and both depend on the text alone.
_SEGMENT_TERMS: dict[str, tuple[tuple[str, ...], tuple[tuple, ...]]] = {}


def segment_terms(seg: Segment) -> list[str]:
    """``index_terms`` and ``extractor_terms`` of a segment (its hints added),
    worked out once per text."""
    known = _SEGMENT_TERMS.get(seg.text)
    if known is None:
        fresh = Segment(seg.lang, seg.dir, seg.text)
        known = (tuple(st.index_terms(seg.text) + extractor_terms(fresh)),
                 tuple(tuple(h) for h in fresh.hints))
        if len(_SEGMENT_TERMS) < 200_000:
            _SEGMENT_TERMS[seg.text] = known
    seg.hints.extend(list(h) for h in known[1])
    return list(known[0])


def passage_terms(passage: Passage) -> list[str]:
    terms = anchor_terms(passage)
    for seg in passage.segments:
        terms += segment_terms(seg)
    return list(dict.fromkeys(terms))


def groups(passages: list[Passage], chars: int = None) -> list[list[Passage]]:
    """Consecutive passages of a page packed into Pagefind records of about
    ``GROUP_CHARS`` characters (a longer passage alone); a passage inside
    another (a claim in its paragraph) stays in that one's record."""
    chars = chars or GROUP_CHARS
    out: list[list[Passage]] = []
    size = 0
    for p in passages:
        n = 0 if p.inline else sum(len(s.text) for s in p.segments)
        if out and (p.inline or size + n <= chars):
            out[-1].append(p)
            size += n
        else:
            out.append([p])
            size = n
    return out


# --- the bundle --------------------------------------------------------------------

def html_pages(html_dir: Path) -> list[Path]:
    out = []
    for p in sorted(html_dir.rglob("*.html")):
        rel = p.relative_to(html_dir)
        if rel.parts[0] in SKIP_DIRS or rel.as_posix() in SKIP_PAGES:
            continue
        out.append(p)
    return out


@dataclass
class Stats:
    pages: int
    passages: int
    records: int
    bundle_bytes: int
    seconds: float


class PagefindService:
    """Pagefind's indexing service (``pagefind --service``, the binary of PyPI
    ``pagefind-bin``), spoken to directly, one request and its answer at a
    time. The protocol is that of PyPI ``pagefind``'s own client
    (``pagefind/service``: each message base64-encoded JSON followed by a
    comma). That client waits 0.1 s before reading each answer (measured
    here: 21 s for this book's 212 passages, 30 s for 300 records, so more
    than half an hour for 20,000 article paragraphs); this one reads each
    answer as soon as it is written (under 0.1 s for the 212)."""

    def __init__(self) -> None:
        from pagefind.service import get_executable

        exe = get_executable()
        if exe is None:
            raise RuntimeError("the Pagefind binary is missing: pip install pagefind-bin (requirements.txt)")
        self._log = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([str(exe), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._log)
        self._buffer = b""
        self._id = 0

    def send(self, payload: dict) -> dict:
        self._id += 1
        message = {"message_id": self._id, "payload": payload}
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self._proc.stdin.flush()
        while b"," not in self._buffer:
            chunk = self._proc.stdout.read1(1 << 16)
            if not chunk:
                self._log.seek(0)
                raise RuntimeError("Pagefind stopped: " + self._log.read().decode("utf-8", "replace")[-500:])
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b",")
        answer = json.loads(base64.b64decode(raw))["payload"]
        if answer.get("type") == "Error":
            raise RuntimeError(f"Pagefind: {answer.get('message')}")
        return answer

    def close(self) -> None:
        # Pagefind ends by itself when its input closes (in milliseconds here),
        # after what it was asked to do; ending it with a signal could cut a
        # file it is still writing (once, under load, a build's
        # wasm.unknown.pagefind differed from the same build's again)
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.terminate()
            self._proc.wait()
        self._log.close()


def write_pagefind(records: list[tuple[str, str, dict[str, str]]], out: Path) -> None:
    """One Pagefind index (language ``en`` for all: the terms are already
    normalised, and one index is searched whatever the page's language).

    The bundle's files come back in Pagefind's answer and are written here,
    in order, each whole before the next (all but the UI files this book
    does not use), so the bundle depends on that answer alone. With
    Pagefind's own ``WriteFiles`` its process wrote them, and three runs
    under load found one file of a bundle (pagefind.js, wasm.unknown.pagefind,
    a fragment) different from the same inputs' other builds; why was not
    found (a write cut short when the service ended is the likeliest)."""
    service = PagefindService()
    try:
        index = service.send({"type": "NewIndex", "config": {"force_language": "en"}})["index_id"]
        for url, content, meta in records:
            service.send({"type": "AddRecord", "index_id": index, "url": url, "content": content,
                          "language": "en", "meta": meta, "filters": None, "sort": None})
        files = service.send({"type": "GetFiles", "index_id": index})["files"]
    finally:
        service.close()
    root = out.resolve()
    for f in sorted(files, key=lambda f: f["path"]):
        if Path(f["path"]).name in UNUSED_BUNDLE_FILES:
            continue
        path = (root / f["path"]).resolve()
        if root not in path.parents:
            raise RuntimeError(f"Pagefind: a file outside its folder: {f['path']!r}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(f["content"]))


def warm() -> None:
    """Build the tables indexing needs (the word and space classes over all of
    Unicode, the extractor's lexicon): the build calls this in a thread while
    Sphinx runs in its own process, so that indexing starts with them ready."""
    st._regexes()
    st.js_tables()
    extractor_terms(Segment("ar", "rtl", "تلغرام 3"))


def page_records(html_dir: Path, path: Path) -> tuple[int, list[tuple[list[str], list[str], str, dict]]]:
    """One page's search records: for each group of passages, its terms, its
    named (claim id) terms, its link and what is stored for its results; and
    the number of passages. Pure but for reading the page."""
    url = path.relative_to(html_dir).as_posix()
    page = page_passages(path.read_text(encoding="utf-8"), url)
    if page is None or not page.passages:
        return 0, []
    out = []
    for group in groups(page.passages):
        terms = [t for p in group for t in passage_terms(p)]
        # a claim's own passage outranks the passages that cite it: its
        # id's term counts three times
        named = [t for p in group for t in anchor_terms(p)[:1]] * 2
        href = url + (f"#{group[0].anchor}" if group[0].anchor else "")
        stored = {"url": url, "title": page.title, "passages": [
            {"anchor": p.anchor, "where": p.where, "extra": anchor_terms(p),
             "segs": [[s.lang, s.dir, s.text, s.hints] for s in p.segments]} for p in group]}
        out.append((terms, named, href, stored))
    return len(page.passages), out


def build_index(html_dir: Path, jobs: int = 1) -> Stats:
    """Index every page of the built book in ``html_dir``; write ``_search/``.

    Pages are read and their terms made in ``jobs`` processes (forked, so
    they start with ``warm``'s tables if the parent has them); records are
    numbered in page order, whatever the number of processes."""
    t0 = time.perf_counter()
    target = html_dir / SEARCH_DIR
    if target.exists():
        shutil.rmtree(target)
    (target / "records").mkdir(parents=True)
    pages = html_pages(html_dir)
    if jobs > 1 and len(pages) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            per_page = list(pool.map(partial(page_records, html_dir), pages))
    else:
        per_page = [page_records(html_dir, path) for path in pages]
    records = []
    n_pages = n_passages = 0
    for n, page in per_page:
        if not page:
            continue
        n_pages += 1
        n_passages += n
        for terms, named, href, stored in page:
            number = len(records)
            records.append((href, " ".join(list(dict.fromkeys(terms)) + named), {"record": str(number)}))
            (target / "records" / f"{number}.json").write_text(
                json.dumps(stored, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    write_pagefind(records, target / "pagefind")
    (target / "terms.js").write_text(
        "// Generated by analysis/book/search_terms.py (js_tables): do not edit.\n"
        "window.BOOK_SEARCH_TABLES = "
        + json.dumps(st.js_tables(), ensure_ascii=False, separators=(",", ":")) + ";\n",
        encoding="utf-8")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    return Stats(n_pages, n_passages, len(records), size, time.perf_counter() - t0)


# --- Sphinx: the search page ------------------------------------------------------

def _add_templates(app, config) -> None:
    # Relative to the configuration folder where it can be: an absolute path
    # would enter Sphinx's configuration digest (.buildinfo), and two copies of
    # one project would publish different books.
    folder = os.path.relpath(TEMPLATES, app.confdir)
    if folder not in config.templates_path:
        config.templates_path.insert(0, folder)


def _no_sphinx_index(app) -> None:
    """Sphinx would still index every page for its own search (``searchindex.js``,
    about a second of every build) though no page loads it: drop its indexer
    once it is made, and the search page is written without it."""
    builder = app.builder
    prepare = getattr(builder, "prepare_writing", None)
    if prepare is None or not getattr(builder, "search", False):
        return

    def prepare_writing(docnames):
        prepare(docnames)
        builder.indexer = None

    builder.prepare_writing = prepare_writing


def setup(app):
    """Registered in ``_config.yml`` (``sphinx.extra_extensions``): the search
    page's template (``templates/search.html``) replaces the theme's, which
    ran Sphinx's own search, and Sphinx's index is not made."""
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _no_sphinx_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
