"""The browser maps text to search terms exactly as Python does: the same
strings are fed to book/assets/search.js (as built, with its generated
_search/terms.js) and to analysis/book/search_terms.py, and must give the
same normalised text and the same terms, query side and index side."""
from __future__ import annotations

import csv
import json
import random

import pytest

from analysis.book import search_terms as terms
from analysis.paths import PATHS

SAMPLES = [
    "تلغرام", "تليغرام", "تيليغرام", "تيليجرام", "تلگرام", "Telegram", "TELEGRAM", "Telegram's",
    "بتيليجرام", "وتليغرام", "«تلگرام»،", "تِلِغْرَام", "تلـــغرام", "داعش", "الدولة الإسلامية",
    "للدولة الإسلامية", "ISIS", "IS", "is", "Isis", "Daesh", "تنظيم الدولة", "26000", "26,000",
    "٢٦٠٠٠", "۲۶۰۰۰", "۲۶٬۰۰۰", "26 ألف", "3.5%", "٣٫٥", "1,2,3", "US$26", "001-02", "d-001-02",
    "quote-001-02", "Gortney", "Rocket.Chat", "europol-2019-referrals", "می‌شود", "میشود", "می شود",
    "کشور ها", "پیام‌رسان‌های", "والمنصات", "بالمنصات", "للمنصات", "بيان", "لبنان", "حوالى",
    "الأوروبية", "إأآٱ", "ىیيك ک ة ه", "\u200f\u202bمرحبا\u202c", "ΟΔΟΣ", "İstanbul", "straße",
    "𝐀𝐁𝐂 𝟏𝟐", "😀 emoji", "tab\tnew\nline\u00a0nbsp\u2009thin", "#أبو_بكر_البغدادي", "@telegram",
    "", " ", "a", "-", "٫٬", "x" * 300,
]


def _random_texts(n: int, seed: int = 17) -> list[str]:
    alphabet = ("ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآءئؤپچژگکی"
                "\u064b\u064e\u0650\u0651\u0652\u0640\u200c\u200d\u200f"
                "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹,.٫٬-_'’«»()#@%$:،؛؟!"
                "abcdeIISTZΣİ   \t\n\u00a0")
    rng = random.Random(seed)
    words = ["و", "ال", "بال", "لل", "مي", "ها", "تلغرام", "Telegram", "داعش", "الدولة", "الإسلامية",
             "001-02", "26,000", "IS", "ISIS", "Rocket.Chat", "تام تام", "می"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.4:
                parts.append(rng.choice(words))
            else:
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))))
        out.append(rng.choice([" ", "", "  ", "\u200c"]).join(parts))
    return out


def _aliases() -> list[str]:
    with open(PATHS.gazetteer / "aliases.csv", encoding="utf-8", newline="") as fh:
        return [r["alias"] for r in csv.DictReader(fh)]


def _book_texts(book_html) -> list[str]:
    """Every segment of every passage of the built book."""
    out = []
    for f in sorted((book_html / "_search" / "records").glob("*.json")):
        record = json.loads(f.read_text(encoding="utf-8"))
        out.append(record["title"])
        for passage in record["passages"]:
            out += [passage["where"]] + [seg[2] for seg in passage["segs"]]
    return list(dict.fromkeys(out))


@pytest.fixture
def search_page(book_page):
    book_page.goto("search.html")
    book_page.page.wait_for_function("() => window.bookSearch !== undefined")
    return book_page.page


def _js(page, fn: str, texts: list[str]) -> list:
    return page.evaluate(f"texts => texts.map(t => window.bookSearch.{fn}(t))", texts)


def test_normalize_and_fold_are_the_same_on_every_character(search_page):
    """Every code point, one at a time (both are per-character maps: a
    property test in tests/test_text_views.py checks the Python one)."""
    changed = search_page.evaluate("""() => {
      const out = {normalize: [], fold: []};
      for (let cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const c = String.fromCodePoint(cp);
        const n = window.bookSearch.normalize(c), f = window.bookSearch.fold(c);
        if (n !== c) out.normalize.push([cp, n]);
        if (f !== c) out.fold.push([cp, f]);
      }
      return out;
    }""")
    for name, fn in (("normalize", terms.normalize), ("fold", terms.fold)):
        expected = {}
        for c in terms.every_character():
            m = fn(c)
            if m != c:
                expected[ord(c)] = m
        assert dict(map(tuple, changed[name])) == expected, name
    mixed = "".join(SAMPLES) + "".join(_random_texts(200))
    assert search_page.evaluate("s => window.bookSearch.normalize(s)", mixed) == terms.normalize(mixed)


def _compare(page, js_fn, py_fn, texts):
    js = _js(page, js_fn, texts)
    bad = [(t, j, p) for t, j, p in zip(texts, js, map(py_fn, texts)) if j != p]
    assert not bad, f"{len(bad)} of {len(texts)} differ, e.g. {bad[:3]}"


def test_query_terms_are_the_same(search_page, book_html):
    texts = SAMPLES + _aliases() + _random_texts(1500) + _book_texts(book_html)
    _compare(search_page, "queryTerms", terms.query_terms, texts)


def test_query_words_as_written_are_the_same(search_page):
    """Without names (the search ranks passages that write a name as typed first)."""
    texts = SAMPLES + _aliases() + _random_texts(300)
    js = search_page.evaluate("texts => texts.map(t => window.bookSearch.queryTerms(t, false))", texts)
    assert js == [terms.query_terms(t, names_too=False) for t in texts]


def test_index_terms_are_the_same(search_page, book_html):
    texts = SAMPLES + _aliases() + _random_texts(1500) + _book_texts(book_html)
    _compare(search_page, "indexTerms", terms.index_terms, texts)


def test_chunks_point_back_into_the_text(search_page):
    """Highlighting relies on each chunk's offsets in the text as written."""
    texts = SAMPLES + _random_texts(300)
    got = search_page.evaluate(
        "texts => texts.map(t => window.bookSearch.chunks(t).map(c => [c.norm, t.slice(c.start, c.end)]))",
        texts)
    for text, chunks in zip(texts, got):
        assert [norm for norm, _ in chunks] == [c.norm for c in terms.chunks(text)]
        for norm, written in chunks:
            assert terms.normalize(written) == norm, (text, written, norm)
