"""The search index (analysis/book/search.py): which passages a built page is
cut into, and the bundle written beside the book. On a synthetic page of the
article pages' shape (paragraphs p-<n> with dir and lang, claims
span#claim-<NNN-kk> inside them, tweets tweet-<k>, a translation beside)."""
from __future__ import annotations

import json

from analysis.book.search import build_index, groups, page_passages, passage_terms

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Article 001 — Book</title></head><body>
<nav><p>Sidebar text that is not indexed</p></nav>
<main><article class="bd-article" role="main">
<section id="article-001"><h1>Article 001: Akhbar Al Aan<a class="headerlink" href="#article-001">#</a></h1>
<div class="article-row"><a class="pnum" href="#p-1">1</a>
  <p id="p-1" dir="rtl" lang="ar">أطلقت <mark class="claim" data-claim="001-02" id="claim-001-02">وكالة الشرطة
  الأوروبية </mark><mark class="claim" data-claim="001-02"><span class="mention">يوروبول</span></mark><mark
  class="claim" data-claim="001-02"> حملة بإغلاق حوالي 26 ألف موقع</mark><a class="claim-note-ref"
  href="#note-001-02">2</a> عبر الانترنت.</p>
  <p class="translation" lang="en">Europol launched a campaign closing about 26 thousand sites.</p>
</div>
<div class="article-row"><span aria-hidden="true" class="pnum">❝</span>
  <figure class="tweet" id="tweet-1"><blockquote dir="ltr" lang="en"><p>Telegram blocked 78 channels</p></blockquote></figure>
</div>
<div class="article-row"><p id="p-2" dir="rtl" lang="fa">پیام‌رسان تلگرام</p></div>
<section id="people"><h2>People</h2>
<table><tr><th>name</th><th>spelling</th></tr>
<tr><td>Bill Gortney</td><td>جورتني</td></tr></table>
<p>See <a class="claim-ref" data-claim="001-02" href="#claim-001-02">001-02</a>.</p>
<script>var notText = 1;</script>
</section></section></article></main></body></html>"""


def _page():
    page = page_passages(ARTICLE, "articles/001.html")
    return page, {p.anchor: p for p in page.passages}


def test_a_page_is_cut_into_passages_by_anchor():
    page, by_anchor = _page()
    assert page.title == "Article 001: Akhbar Al Aan"
    assert list(by_anchor) == ["article-001", "p-1", "claim-001-02", "tweet-1", "p-2", "people"]
    assert by_anchor["article-001"].where == ""            # the page's title is shown already
    assert by_anchor["p-1"].where == "¶ 1"
    assert by_anchor["claim-001-02"].where == "claim 001-02"
    assert by_anchor["people"].where == "People"


def test_a_paragraph_keeps_its_text_its_claims_too():
    _, by_anchor = _page()
    p1, translation = by_anchor["p-1"].segments             # the translation beside it joins it
    assert (p1.lang, p1.dir) == ("ar", "rtl")
    assert p1.text == "أطلقت وكالة الشرطة الأوروبية يوروبول حملة بإغلاق حوالي 26 ألف موقع عبر الانترنت."
    assert (translation.lang, translation.dir) == ("en", "ltr")
    (claim,) = by_anchor["claim-001-02"].segments           # its pieces joined, no reference to it
    assert claim.text == "وكالة الشرطة الأوروبية يوروبول حملة بإغلاق حوالي 26 ألف موقع"
    assert "c001x02c" in passage_terms(by_anchor["claim-001-02"])
    assert "n26000n" in passage_terms(by_anchor["p-1"])


def test_segments_carry_their_language_and_each_cell_is_its_own():
    _, by_anchor = _page()
    section = [(s.lang, s.dir, s.text) for s in by_anchor["article-001"].segments]
    assert section == [("en", "ltr", "Article 001: Akhbar Al Aan")]      # no #, 1, ❝ or sidebar
    cells = [(s.lang, s.dir, s.text) for s in by_anchor["people"].segments]
    assert cells == [("en", "ltr", "People"), ("en", "ltr", "name"), ("en", "ltr", "spelling"),
                     ("en", "ltr", "Bill Gortney"), ("ar", "rtl", "جورتني"), ("en", "ltr", "See 001-02.")]
    assert "notText" not in str(cells)
    (p2,) = by_anchor["p-2"].segments
    assert (p2.lang, p2.dir) == ("fa", "rtl")
    assert {"ebillgortneye"} <= set(passage_terms(by_anchor["people"]))
    assert "etelegrame" in passage_terms(by_anchor["p-2"])


def test_the_bundle_beside_the_book(tmp_path):
    site = tmp_path / "html"
    (site / "articles").mkdir(parents=True)
    (site / "articles" / "001.html").write_text(ARTICLE, encoding="utf-8")
    (site / "search.html").write_text(ARTICLE, encoding="utf-8")          # never indexed
    (site / "_static").mkdir()
    (site / "_static" / "x.html").write_text(ARTICLE, encoding="utf-8")   # never indexed
    stats = build_index(site)
    assert (stats.pages, stats.passages, stats.records) == (1, 6, 1)
    bundle = site / "_search"
    assert (bundle / "pagefind" / "pagefind.js").exists()
    assert (bundle / "pagefind" / "pagefind-entry.json").exists()
    assert not (bundle / "pagefind" / "pagefind-ui.js").exists()
    stored = json.loads((bundle / "records" / "0.json").read_text(encoding="utf-8"))
    assert stored["url"] == "articles/001.html"
    passages = stored["passages"]
    assert [p["anchor"] for p in passages][:3] == ["article-001", "p-1", "claim-001-02"]
    assert passages[2]["extra"] == ["c001x02c", "n001n", "n02n"]       # the claim's id, from its anchor
    lang, direction, text, hints = passages[1]["segs"][0]
    assert (lang, direction) == ("ar", "rtl") and ["n26000n"] == [h[2] for h in hints if h[2].startswith("n")]
    assert (bundle / "terms.js").read_text(encoding="utf-8").startswith("// Generated")
    again = build_index(site)                      # rebuilt from scratch, same result
    assert (again.pages, again.passages, again.records) == (1, 6, 1)


def test_passages_are_packed_into_records_in_order():
    page, _ = _page()
    assert [[p.anchor for p in g] for g in groups(page.passages, chars=170)] == [
        ["article-001", "p-1", "claim-001-02"], ["tweet-1", "p-2", "people"]]
    assert [[p.anchor for p in g] for g in groups(page.passages, chars=10)] == [
        ["article-001"], ["p-1", "claim-001-02"], ["tweet-1"], ["p-2"], ["people"]]
