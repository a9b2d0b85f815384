"""Cleaning: what it removes from the seeds, and that its offset map is exact."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from analysis.corpus.cleaning import clean, load_boilerplate
from analysis.corpus.articles import load_corpus
from analysis.paths import PATHS

RULES = load_boilerplate(PATHS.cleaning_rules)
CORPUS = load_corpus(PATHS)


def _rules_used(article_id):
    return sorted({e.rule for e in CORPUS.get(article_id).clean.edits})


def test_stray_ampersands_removed_from_003():
    a = CORPUS.get("003")
    assert "&" in a.raw and "&" not in a.clean.text
    assert a.clean.text.startswith("يبدو ان انصار")
    assert "تقريرا لفتت" in a.clean.text


def test_masthead_and_caption_fragment_removed_from_002():
    a = CORPUS.get("002")
    assert "الإشراف العام" not in a.clean.text and "رئيس التحرير" not in a.clean.text
    assert a.clean.text.lstrip().startswith("بعد تصفية أبو بكر البغدادي")
    # the truncated caption goes, the full caption stays
    assert a.clean.text.count("أفراد داعش يتجهون") == 1
    assert _rules_used("002") == ["caption_fragment", "masthead"]


def test_read_also_stub_and_tweets_removed_from_001():
    a = CORPUS.get("001")
    assert not a.clean.text.rstrip().endswith("اقرأ أيضا:")
    assert "pic.twitter.com" not in a.clean.text and "(@Europol)" not in a.clean.text
    assert "وقالت: «نتيجة لذلك" in a.clean.text  # prose between tweets is kept


def test_tweets_become_quoted_sources():
    tweets = CORPUS.get("001").tweets
    assert [(t.author, t.handle, t.date, t.lang) for t in tweets] == [
        ("Abdirahim Saeed", "AbdirahimS", "2019-11-25", "en"),
        ("Europol", "Europol", "2019-11-25", "en"),
        ("Akhbar Al Aan أخبار الآن", "akhbar", "2019-11-21", "ar"),
        ("Akhbar Al Aan أخبار الآن", "akhbar", "2019-11-17", "ar"),
    ]
    raw = CORPUS.get("001").raw
    assert raw[tweets[1].text_start:tweets[1].text_end].startswith(".@telegram was the online")
    assert tweets[1].links == ("https://t.co/CbJsSKU9cV",)
    assert tweets[1].url == "https://twitter.com/Europol"


def test_republisher_disclaimer_removed_from_000_but_source_line_kept():
    a = CORPUS.get("000")
    assert "لزوماً به معنای تایید" not in a.clean.text
    assert "منبع: ایسنا" in a.clean.text


def test_004_needs_no_cleaning():
    a = CORPUS.get("004")
    assert a.clean.text == a.raw and a.clean.edits == []


def test_every_cleaned_character_maps_to_itself_in_raw():
    for a in CORPUS:
        ct = a.clean
        replaced = {(e.start, e.end) for e in ct.edits if e.replacement}
        for i, ch in enumerate(ct.text):
            s, e = ct.to_raw(i, i + 1)
            if (s, e) not in replaced:
                assert a.raw[s] == ch


def test_any_word_found_in_clean_text_is_at_its_raw_offset():
    for a in CORPUS:
        for m in re.finditer(r"\w+", a.clean.text):
            s, e = a.clean.to_raw(m.start(), m.end())
            assert a.raw[s:e] == m.group()


_pieces = st.sampled_from(["تلغرام", "word", " ", "\n", "\r\n", "&", "&nbsp;", "&amp;",
                           "AT&T", "ـ", "١٢", "اقرأ أيضا:", "\r"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, max_size=40))
def test_offset_map_is_monotone_and_exact(parts):
    raw = "".join(parts)
    ct, _ = clean(raw, RULES)
    replaced = {(e.start, e.end) for e in ct.edits if e.replacement}
    prev = 0
    for i in range(len(ct.text)):
        s, e = ct.to_raw(i, i + 1)
        assert prev <= s < e <= len(raw)
        prev = s
        if (s, e) not in replaced:
            assert e - s == 1 and raw[s] == ct.text[i]
    # and the whole cleaned text maps to a span inside the raw text
    assert ct.to_raw(0, len(ct.text))[1] <= len(raw)


def test_html_entities_decode_and_real_ampersands_stay():
    ct, _ = clean("AT&T and R&D&nbsp;here &amp; &لفتت", RULES)
    assert ct.text == "AT&T and R&D here & لفتت"
    s, e = ct.to_raw(ct.text.index(" here"), ct.text.index(" here") + 1)
    assert (s, e) == (12, 18)  # the space maps to the whole "&nbsp;"
