"""Search terms (analysis/book/search_terms.py): what a query and a passage
become, in Python. The browser's copy of the same rules is compared with this
one in tests/browser/test_search_js.py."""
from __future__ import annotations

import csv
import shutil

from hypothesis import given, settings, strategies as st

from analysis.book import search_terms as terms
from analysis.book.search import Segment, extractor_terms
from analysis.extract import extract
from analysis.paths import PATHS
from analysis.text import normalize as text_normalize
from analysis.text.normalize import View

q = terms.query_terms


def test_the_normalisation_is_the_extractors():
    """One function: the search's view of a text is the extractor's matching view."""
    assert terms.normalize is text_normalize.normalize
    text = "أطلقت وكالة الشرطة الأوروبية يوروبول حملة بإغلاق حوالي ٢٦ ألف موقع وحساب، می‌شود"
    assert View(text).norm == terms.normalize(text)
    assert [c.norm for c in terms.chunks(text)] == [
        w.strip("،") for w in View(text).norm.split()]


def test_spellings_of_a_name_are_one_term():
    telegram = {"etelegrame"}
    for spelling in ["تلغرام", "تليغرام", "تيليغرام", "تيليجرام", "تلگرام", "Telegram", "TELEGRAM",
                     "بتيليجرام", "وتليغرام", "«تلگرام»،", "Telegram's", "تِلِغْرَام", "تلـــغرام"]:
        assert set(q(spelling)) == telegram, spelling
    for spelling in ["داعش", "الدولة الإسلامية", "للدولة الإسلامية", "ISIS", "Daesh", "تنظيم الدولة"]:
        assert q(spelling) == ["eisise"], spelling


def test_all_capital_names_match_by_case_only():
    assert q("IS") == ["eisise"]
    assert q("is") == ["is"]
    assert q("COPE") == ["ecopee"] and q("cope") == ["cope"]


def test_every_spelling_in_the_gazetteer_is_its_name():
    """Adding a spelling to data/gazetteer/aliases.csv is all it takes."""
    with open(PATHS.gazetteer / "aliases.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["alias"].startswith("@"):
                # @handles are not names in the extractor's alias table either:
                # they are found as the words they are
                assert set(q(row["alias"])) <= set(terms.index_terms(f"عبر {row['alias']}:")), row
            else:
                assert q(row["alias"]) == [terms.entity_term(row["id"])], row


def test_a_new_spelling_becomes_searchable(tmp_path, monkeypatch):
    from analysis.extract import entities
    gaz = tmp_path / "gazetteer"
    shutil.copytree(PATHS.gazetteer, gaz)
    with open(gaz / "aliases.csv", "a", encoding="utf-8") as fh:
        fh.write("telegram,تيلغرامو,ar\n")
    monkeypatch.setattr(entities, "GAZETTEER_DIR", gaz)
    for cached in (entities.extractor, terms.names, terms._first_forms):
        cached.cache_clear()
    try:
        assert q("تيلغرامو") == ["etelegrame"]
        assert "etelegrame" in terms.index_terms("قناة على تيلغرامو")
    finally:
        monkeypatch.undo()
        for cached in (entities.extractor, terms.names, terms._first_forms):
            cached.cache_clear()
    assert q("تيلغرامو") == ["تيلغرامو"]


def test_numbers_in_any_digits_and_separators():
    for written in ["26000", "26,000", "٢٦٠٠٠", "۲۶۰۰۰", "۲۶٬۰۰۰", "٢٦٬٠٠٠"]:
        assert q(written) == ["n26000n"], written
    assert q("26000") != q("260000") and q("3.5") == ["n3d5n"] == q("٣٫٥")
    assert q("26 ألف") == ["n26n", "الف"]


def test_written_out_numbers_are_found_by_their_value():
    seg = Segment("ar", "rtl", "بإغلاق حوالي 26 ألف موقع وحساب")
    assert "n26000n" in extractor_terms(seg)
    start, end, term = seg.hints[0]
    assert term == "n26000n" and seg.text[start:end] == "26 ألف"


def test_claim_ids_and_fact_ids():
    assert q("001-02") == ["c001x02c"] == q("d-001-02")
    assert "c001x02c" in terms.index_terms("claim 001-02, article 001")
    assert q("europol-2019-referrals") == ["europol", "n2019n", "referrals"]


def test_clitics_on_words():
    assert q("والمنصات") == ["منصات"] == q("المنصات") == q("للمنصات")
    for text in ["المنصات", "والمنصات", "بالمنصات", "للمنصات", "منصات"]:
        assert "منصات" in terms.index_terms(text), text
    # single letters that begin too many words stay
    assert q("بيان") == ["بيان"] and q("لبنان") == ["لبنان"]


def test_persian_joined_and_split_forms():
    assert q("می‌شود") == q("میشود") == q("می شود") == ["ميشود"]
    assert q("کشور ها") == q("کشورها") == q("کشور‌ها")
    assert "ميشود" in terms.index_terms("این کار می شود")


def test_a_query_with_nothing_to_search_gives_no_terms():
    assert q("") == [] and q(" ،؛ - ") == [] and q("a") == []


arabic_word = st.text(alphabet=st.sampled_from("ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآءئؤ"),
                      min_size=terms.MIN_STEM, max_size=8)
prefixes = st.lists(st.sampled_from(terms.WORD_PREFIXES), max_size=3).map("".join)


@settings(max_examples=400, deadline=None)
@given(arabic_word, prefixes)
def test_a_word_finds_itself_with_prefixes_added(word, prefix):
    """The query's form of a word (of three letters or more) is (a prefix of)
    one of the forms the index keeps for the word with clitics added: recall
    never depends on them."""
    indexed = terms.index_terms(prefix + word)
    for term in q(word):
        assert any(t.startswith(term) for t in indexed), (prefix, word, term, indexed)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gives_terms_without_spaces(s):
    for t in q(s) + terms.index_terms(s):
        assert t and not any(c.isspace() for c in t)


def test_extracted_names_give_the_same_terms_as_queries():
    text = "عناصر داعش يهجرون Telegram ويعودون عبر TamTam والتلغرامية"
    found = {terms.entity_term(m.canonical) for m in extract(text) if m.canonical}
    assert found <= set(terms.index_terms(text)) | set(extractor_terms(Segment("ar", "rtl", text)))
    assert {"eisise", "etelegrame", "etamtame"} <= found
