"""The matching view and language identification."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from analysis.corpus.articles import load_corpus
from analysis.text.language import identify
from analysis.text.normalize import View, normalize as fold
from analysis.paths import PATHS


def test_letter_variants_digits_and_marks_fold_together():
    assert fold("تيليغرام") == fold("تیلیغرام")
    assert fold("كانال") == fold("کانال")
    assert fold("١٢٣") == fold("۱۲۳") == "123"
    assert fold("تلـــغرام") == fold("تلغرام")          # tatweel
    assert fold("مُحَمَّد") == "محمد"                     # diacritics
    assert fold("می\u200cکند") == fold("میکند")           # zero-width non-joiner
    assert fold("إنستغرام") == fold("انستغرام")
    assert fold("Telegram") == fold("TELEGRAM")


def test_view_maps_back_to_the_source():
    src = "پیام\u200cرسان‌ها و تـلـگرام ۱۲ هزار"
    view = View(src)
    i = view.norm.index(fold("تلگرام"))
    s, e = view.span(i, i + len(fold("تلگرام")))
    assert src[s:e] == "تـلـگرام"
    j = view.norm.index("12")
    assert src[slice(*view.span(j, j + 2))] == "۱۲"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ابپتيیىكکةأإآ٠١۱۲٫٬_\u064b\u0640\u200c\u00a0aBİ 1"), max_size=40)
       | st.text(max_size=60))
def test_fast_normalize_equals_the_translation_table(s):
    from analysis.text.normalize import _TABLE, _lower
    assert fold(s) == _lower(s.translate(_TABLE))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60)
       | st.text(alphabet=st.sampled_from("اب ك\u064b\u064e\u0640\u200c\u200f\ufeff1"), max_size=40))
def test_view_maps_every_character_back_in_order(s):
    from analysis.text.normalize import DELETE_RE
    view = View(s)
    assert view.norm == fold(s)
    back = [view.orig(i) for i in range(len(view.norm))]
    # each character of the view is the next character that was not deleted
    assert back == [i for i, c in enumerate(s) if not DELETE_RE.match(c)]


def test_languages_of_seed_paragraphs():
    corpus = load_corpus(PATHS)
    assert {p.lang for p in corpus.get("000").paragraphs} == {"fa"}
    for aid in ("001", "002", "003", "004"):
        assert {p.lang for p in corpus.get(aid).paragraphs} == {"ar"}, aid
    assert [t.lang for t in corpus.get("001").tweets] == ["en", "en", "ar", "ar"]


def test_identify_short_cases():
    assert identify("Telegram blocked 78 channels") == "en"
    assert identify("پلیس فتا گفت") == "fa"
    assert identify("قالت الشرطة") == "ar"
    assert identify("2019", default="fa") == "fa"  # nothing to go on: the article's language
    # a brand name in Latin script does not make an Arabic sentence English
    assert identify("عناصر داعش يهجرون Telegram ويعودون عبر TamTam") == "ar"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ابتيیىكکةأ٠۱٫_\u064b\u0640\u200cAΣΟΔİẞ 1"), max_size=40)
       | st.text(max_size=60))
def test_normalize_is_a_per_character_map(s):
    """What lets the book's search script map exactly as the Python does: a
    table of single characters (generated from these functions) is enough."""
    from analysis.text.normalize import fold as fold_case_kept
    assert fold(s) == "".join(map(fold, s))
    assert fold_case_kept(s) == "".join(map(fold_case_kept, s))
    assert fold(s) == fold(fold_case_kept(s))
    assert all(len(fold(c)) <= 1 for c in s)


def test_fold_keeps_case_and_normalize_lowers_it():
    from analysis.text.normalize import fold as fold_case_kept
    assert fold_case_kept("ISIS أ ی") == "ISIS ا ي"
    assert fold("ISIS أ ی") == "isis ا ي"
    assert fold("ΟΔΟΣ") == "οδοσ"            # per character: no final-sigma context


def test_the_character_loop_finds_the_deletions_the_variants_and_the_capitals():
    """``_scan`` (the compiled View's one loop over a text) finds what
    DELETE_RE finds, every variant of ``_REPLACE`` the text has, and its
    capitals, on every character, alone and in texts."""
    from analysis.text.normalize import _REPLACE, DELETE_RE, _lower, _lower_at, _scan
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    deleted, variants, caps = _scan(every)
    assert deleted == [m.start() for m in DELETE_RE.finditer(every)]
    assert variants == list(_REPLACE)
    assert caps is None
    for c in every:
        deleted, variants, caps = _scan("a" + c)
        assert deleted == ([1] if DELETE_RE.match(c) else []), hex(ord(c))
        assert set(variants) >= {(v, f) for v, f in _REPLACE if v == c}, hex(ord(c))
        if caps is not None:
            kept = DELETE_RE.sub("", "a" + c)
            assert _lower_at(kept, caps) == _lower(kept), hex(ord(c))
    for s in ("مُحَمَّد‌ـــ\u200fTel\u00adegram\ufeff ۱۲ x\u2066y\u2069", "ي ی ك ک ة ۀ ٫ ۱", "plain text",
              "a_b\u00a0c\u2019", "", "ISIS و ABC-DEF\u200cGH ١٢ US$ Ab", "Élan", "ΣΑ", "İ"):
        deleted, variants, caps = _scan(s)
        assert deleted == [m.start() for m in DELETE_RE.finditer(s)]
        assert set(variants) >= {(v, f) for v, f in _REPLACE if v in s}
        assert [p for p in _REPLACE if p in variants] == variants      # in _REPLACE's order
        kept = DELETE_RE.sub("", s)
        assert caps is None or _lower_at(kept, caps) == _lower(kept), s
        assert View(s).norm == fold(s), s


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("اب كAZaz_Σİé\u064b\u0640\u200c\u00ad\ufeff1٢ "), max_size=40))
def test_the_view_is_the_normalised_text(s):
    assert View(s).norm == fold(s)          # (fold: normalize, lower-cased)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("اب ك\u064b\u064e\u0640\u0670\u200c\u200f\ufeff1x"), max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=8))
def test_spans_walks_the_map_as_span_bisects_it(s, raw):
    view = View(s)
    n = len(view.norm)
    pairs = sorted((a, min(a + w, n)) for a, w in raw if a < n)
    assert view.spans(pairs) == [view.span(a, b) for a, b in pairs]
