"""What a reader sees is words, not the project's codes (issue 16).

Scans the text of every built page (prose, table cells, captions, cards,
notes), outside the Data page and outside code, for what a reader should
never have to decode: ISO dates (2019-11-21), snake_case codes
(website_and_account, at_least), and the project's ids (fact slugs such as
telegram-isiswatch-2019-11-22, entity and event ids, register case ids).
Claim ids are allowed only as the small claim-reference badges. Figure
labels are checked through the tables the figures are drawn from.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS

EV = load_evidence(PATHS)
ISO = re.compile(r"(?<![\w/-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")
# (a hashtag's words are joined by underscores too: #Baghdadi's_end is not a code)
SNAKE = re.compile(r"(?<![\w./'#-])[a-z]+(?:_[a-z0-9]+)+(?![\w.-])")
CLAIM = re.compile(r"(?<![\w-])\d{3}-\d{2}(?![\w-])")
EXEMPT_PAGES = {"book/data.html"}               # the Data page names files and columns on purpose


def _ids() -> set[str]:
    ids = set(EV.facts_table["id"]) | set(EV.events) | set(EV.register["case"])
    ids |= {e for e in EV.entities["id"] if "-" in e}
    return ids


IDS = _ids()
ID_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, IDS), key=len, reverse=True)) + r")(?![\w-])")


class ReaderText(HTMLParser):
    """The article body's text, without code, badges, scripts or the sidebar."""

    SKIP = {"code", "pre", "script", "style", "kbd", "samp"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside skipped elements
        self.inside = False     # inside the article body
        self.stack: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "bd-article" in (a.get("class") or ""):
            self.inside = True
        classes = (a.get("class") or "").split()
        skip = tag in self.SKIP or "claim-ref" in classes or "headerlink" in classes
        if tag in ("br", "img", "hr", "input", "meta", "link", "source", "wbr"):
            return
        self.stack.append(skip)
        self.depth += skip

    def handle_endtag(self, tag):
        if tag in ("br", "img", "hr", "input", "meta", "link", "source", "wbr"):
            return
        if tag == "article":
            self.inside = False
        if self.stack:
            self.depth -= self.stack.pop()

    def handle_data(self, data):
        if self.inside and not self.depth and data.strip():
            self.text.append(data)


def reader_text(html: str) -> str:
    p = ReaderText()
    p.feed(html)
    return " ".join(p.text)


def codes_in(text: str) -> list[str]:
    found = [f"ISO date {m}" for m in ISO.findall(text)]
    found += [f"code {m}" for m in SNAKE.findall(text)]
    found += [f"id {m}" for m in ID_RE.findall(text)]
    found += [f"bare claim id {m}" for m in CLAIM.findall(text)]
    return found


def test_the_scan_catches_each_kind_of_code():
    html = ('<article class="bd-article"><p>On 2019-11-21 about 26,000 website_and_account were closed '
            '(telegram-isiswatch-2019-11-22, case d-001-02, claim 001-02).</p>'
            '<p><code>website_and_account</code> <a class="claim-ref" href="#">001-02</a></p></article>')
    found = codes_in(reader_text(html))
    assert found == ["ISO date 2019-11-21", "code website_and_account", "id telegram-isiswatch-2019-11-22",
                     "id d-001-02", "bare claim id 001-02"], found


def _pages() -> list[str]:
    """Every page a reader can open: the table of contents' files, the article pages."""
    import yaml

    files = []

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(yaml.safe_load((PATHS.root / "_toc.yml").read_text(encoding="utf-8")))
    files += [f"book/articles/{a.id}" for a in EV.corpus]
    return sorted(f"{f}.html" for f in set(files))


# Pages whose text still carries codes: each is rewritten for readers in its own
# change, which removes it from here (strict: a page that passes must leave the list).
PENDING: set[str] = set()


@pytest.mark.parametrize("page", [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="not yet rewritten"))
                                  if p in PENDING else p for p in _pages()])
def test_no_codes_in_what_readers_read(built_book, page):
    if page in EXEMPT_PAGES:
        return
    found = sorted(set(codes_in(reader_text((built_book.html / page).read_text(encoding="utf-8")))))
    assert not found, f"{page}: {len(found)} codes in reader text: " + ", ".join(found[:40])


FIGURE_CHAPTERS = ("corpus", "platform_policy", "takedown_numbers", "migration_networks")
PENDING_FIGURES: set[str] = set()


@pytest.mark.parametrize("chapter", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="not yet rewritten"))
                                     if c in PENDING_FIGURES else c for c in FIGURE_CHAPTERS])
def test_figure_tables_have_no_codes_in_their_labels(built_book, chapter):
    """Figures are drawn from these tables; their label columns are what a figure prints."""
    problems = []
    for csv in sorted((built_book.book / "figures").glob(f"{chapter}*.csv")):
        df = pd.read_csv(csv, dtype=str, keep_default_na=False)
        for col in [c for c in df.columns if c in ("label", "labels", "title", "text", "what", "name")]:
            for value in df[col]:
                for code in codes_in(value):
                    problems.append(f"{csv.name}[{col}]: {code}")
    assert not problems, "\n".join(sorted(set(problems))[:60])
