"""Article pages: every article's whole text, its claims at their exact spans,
its translation, and links both ways with the chapters.

The pure parts are tested on the real corpus; the links on one shared build.
"""
from __future__ import annotations

import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.book import article_pages as ap
from analysis.book import pages
from analysis.display.labels import load_labels
from analysis.evidence.loader import load_evidence
from analysis.extract import extract
from analysis.paths import PATHS
from tests.conftest import assert_one_clear_error, run_cli

EV = load_evidence(PATHS)
LABELS = load_labels(PATHS)


class Marks(HTMLParser):
    """Text inside each ``data-claim`` mark, each element's id, the text outside markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.claim_text: dict[str, str] = {}
        self.ids: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        cid = a.get("data-claim") if tag == "mark" else None
        # claim numbers, paragraph numbers and labels are not the article's text
        skipping = tag == "a" and a.get("class", "") in ("claim-note-ref " + a.get("class", "").split(" ")[-1], "pnum") \
            or "claim-note-ref" in a.get("class", "") or a.get("class") == "pnum"
        self.stack.append((tag, cid, skipping))
        if skipping:
            self.skip += 1

    def handle_endtag(self, tag):
        while self.stack:
            t, _, skipping = self.stack.pop()
            if skipping:
                self.skip -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if self.skip:
            return
        for _, cid, _ in self.stack:
            if cid:
                self.claim_text[cid] = self.claim_text.get(cid, "") + data


def _inputs(article):
    claims = [c for c in EV.claims if c.article == article.id]
    return ap.ArticleInputs(article, claims, extract(article.raw), EV.translations[article.id], {},
                            {}, article.id)


@pytest.mark.parametrize("article", EV.corpus.articles, ids=lambda a: a.id)
def test_every_claim_is_highlighted_at_its_exact_span(article):
    body = ap.body_html(_inputs(article), LABELS)
    parser = Marks()
    parser.feed(body)
    claims = [c for c in EV.claims if c.article == article.id]
    assert claims
    for c in claims:
        shown = parser.claim_text.get(c.id, "")
        # the page shows raw text as is, except line breaks (<br>) and CRs
        assert shown == c.quote.replace("\r", "").replace("\n", ""), c.id
        assert parser.ids.count(f"claim-{c.id}") == 1, c.id


@pytest.mark.parametrize("article", EV.corpus.articles, ids=lambda a: a.id)
def test_nothing_of_the_raw_text_is_dropped(article):
    covered = set()
    for b in ap.blocks(article):
        covered.update(range(b.start, b.end))
    missing = [i for i, ch in enumerate(article.raw) if not ch.isspace() and i not in covered]
    assert not missing, article.raw[missing[0]:missing[0] + 40]


def test_every_paragraph_of_the_corpus_is_translated():
    """A missing translation does not stop the build (the page says which); this lists them."""
    untranslated = [f"{a.id} ¶{p.n}" for a in EV.corpus for p in a.paragraphs
                    if p.n not in EV.translations[a.id].paragraphs]
    untranslated += [f"{a.id} tweet {i}" for a in EV.corpus for i, t in enumerate(a.tweets, 1)
                     if t.lang != "en" and i not in EV.translations[a.id].tweets]
    assert not untranslated, "untranslated: " + ", ".join(untranslated)


def test_an_untranslated_paragraph_is_named_on_its_page():
    article = EV.corpus.get("001")
    inp = _inputs(article)
    partial = type(inp.translation)(article.id, "", {1: "x"}, {})
    notice = ap.notices_html(ap.ArticleInputs(article, inp.claims, inp.mentions, partial, {}, {}, "x"))
    assert "Not yet translated: paragraphs 2, 3, 4, 5, 6, 7, 8, 9 and tweets 3, 4." in notice


def test_mentions_show_their_normalised_value():
    body = ap.body_html(_inputs(EV.corpus.get("001")), LABELS)
    # "26 ألف" read as 26,000; platforms by name
    assert re.search(r'class="mention m-quantity" tabindex="0" data-value="about 26,000 websites"[^>]*>26 ألف<', body)
    assert 'data-value="Telegram"' in body


@pytest.mark.parametrize("bad, fragment", [
    ("  starts: 'أطلقت وكالة الشرطة الأوروبية يوروبول'\n", "paragraph 2 does not start with"),
    ("- n: 99\n  starts: x\n  en: y\n", "the article has no paragraph 99"),
    ("  en: ''\n", "the translation is empty"),
])
def test_a_wrong_translation_stops_validation_naming_file_and_line(project, bad, fragment):
    path = project.translations / "001.yaml"
    text = path.read_text(encoding="utf-8")
    if bad.startswith("- n: 99"):
        text = text.replace("paragraphs:\n", "paragraphs:\n" + bad, 1)
    elif bad.startswith("  en:"):
        text = re.sub(r"(- n: 3\n  starts: [^\n]*\n)  en: [^\n]*\n", r"\1" + bad, text, count=1)
    else:
        text = re.sub(r"(- n: 2\n)  starts: [^\n]*\n", r"\1  starts: 'وقالت يوروبول في بيان'\n", text, count=1)
        fragment = "paragraph 2 does not start with"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("validate", root=project.root)
    err = assert_one_clear_error(proc, "data/translations/001.yaml:", fragment)
    assert re.search(r"001\.yaml:\d+:", err)


def test_no_translation_file_is_fine_and_a_stray_one_is_not(project):
    (project.translations / "003.yaml").unlink()
    assert run_cli("validate", root=project.root).returncode == 0
    (project.translations / "777.yaml").write_text("article: '777'\nparagraphs: []\n", encoding="utf-8")
    assert_one_clear_error(run_cli("validate", root=project.root), "777.yaml", "no article 777")


def test_generated_markdown_cannot_be_read_as_markup():
    """The page's HTML sits in a MyST raw block: one line, no backtick, no brace."""
    for text in ("``` {eval}`1` {{ x }}\n:::\n", "<script>`x`</script>"):
        line = pages._one_line(text)
        assert "\n" not in line and "`" not in line and "{" not in line and "}" not in line


def test_many_articles_are_grouped_in_the_table_of_contents(project):
    import yaml

    ids = [f"{i:03d}" for i in range(120)]
    toc = yaml.safe_load(pages.derived_toc(project, [ids[:50], ids[50:100], ids[100:]], grouped=True))
    index = pages._find(toc, pages.INDEX)
    assert [g["file"] for g in index["sections"]] == [f"book/articles/group-{i:03d}" for i in range(3)]
    assert len(index["sections"][2]["sections"]) == 20


# --- on the built book ------------------------------------------------------------------
def _ids(path: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))


def test_every_article_has_its_page_right_to_left(built_book):
    html_dir = built_book.html / "book" / "articles"
    index = (html_dir / "index.html").read_text(encoding="utf-8")
    for a in EV.corpus:
        page = (html_dir / f"{a.id}.html").read_text(encoding="utf-8")
        assert f'href="{a.id}.html"' in index, a.id
        assert re.search(rf'<p class="original" id="p-1" dir="rtl" lang="{a.language}">', page), a.id
        claims = [c for c in EV.claims if c.article == a.id]
        assert all(f'id="claim-{c.id}"' in page and f'id="note-{c.id}"' in page for c in claims), a.id


def test_claim_references_in_the_chapters_reach_their_spans(built_book):
    root = built_book.html
    refs = 0
    for page in sorted(root.glob("book/*.html")):
        text = page.read_text(encoding="utf-8")
        for href, cid in re.findall(r'<a class="claim-ref" href="([^"]+)" data-claim="([^"]+)"', text):
            target, _, anchor = href.partition("#")
            path = (page.parent / target).resolve()
            assert path.is_file(), (page.name, href)
            assert anchor == f"claim-{cid}" and anchor in _ids(path), (page.name, href)
            refs += 1
    assert refs > 100


def test_every_claim_lists_where_it_is_used_and_the_links_resolve(built_book):
    root = built_book.html
    cited = 0
    for a in EV.corpus:
        page = root / "book" / "articles" / f"{a.id}.html"
        text = page.read_text(encoding="utf-8")
        for c in [c for c in EV.claims if c.article == a.id]:
            m = re.search(rf'<ul class="claim-uses" data-claim="{c.id}">(.*?)</ul>', text)
            assert m, c.id
            for href in re.findall(r'href="([^"]+)"', m.group(1)):
                target, _, anchor = href.partition("#")
                path = (page.parent / target).resolve()
                assert path.is_file() and anchor in _ids(path), (c.id, href)
                assert f'data-claim="{c.id}" id="{anchor}"' in path.read_text(encoding="utf-8")
                cited += 1
    assert cited > 100


def test_the_raw_file_downloads_exactly_as_received(built_book):
    for a in EV.corpus:
        page = (built_book.html / "book" / "articles" / f"{a.id}.html").read_text(encoding="utf-8")
        href = re.search(r'href="(\.\./\.\./_downloads/[0-9a-f]+/[^"]+\.txt)"', page).group(1)
        data = (built_book.html / "book" / "articles" / href).resolve().read_bytes()
        assert hashlib.sha256(data).hexdigest() == a.row.sha256, a.id


def test_the_corpus_chapter_links_to_the_articles_index(built_book):
    page = (built_book.html / "book" / "corpus.html").read_text(encoding="utf-8")
    body = page.split('<article class="bd-article">', 1)[1]   # not the sidebar
    assert re.search(r'href="articles/index\.html(#[^"]*)?"', body)
    for a in EV.corpus:
        assert f'<a class="article-ref" href="articles/{a.id}.html">{a.id}</a>' in body, a.id
