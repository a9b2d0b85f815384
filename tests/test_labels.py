"""Words for codes: every unit, measure, qualifier and claim type a reader could meet
has its words in data, and labels, dates and numbers read as the book prints them."""
from __future__ import annotations

import csv

import pytest

from analysis.display.dates import in_words
from analysis.display.labels import article_labels, load_labels, outlet_name
from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS

LABELS = load_labels(PATHS)
EV = load_evidence(PATHS)


def test_every_code_in_the_data_has_words():
    claims, facts = EV.claims_table, EV.facts_table
    with open(PATHS.data / "lexicon" / "units.csv", encoding="utf-8", newline="") as fh:
        extractor_units = {r["unit"] for r in csv.DictReader(fh)}
    # a dinar or rupee becomes the currency of the country the text names
    with open(PATHS.data / "lexicon" / "currencies.csv", encoding="utf-8", newline="") as fh:
        extractor_units |= {r["currency"] for r in csv.DictReader(fh)}
    units = (set(claims["unit"]) | set(facts["unit"]) | extractor_units) - {""}
    measures = (set(claims["measure"]) | set(facts["measure"])) - {""}
    qualifiers = (set(claims["qualifier"]) | set(facts["qualifier"])) - {""}
    assert not units - set(LABELS.units), sorted(units - set(LABELS.units))
    assert not measures - set(LABELS.measures), sorted(measures - set(LABELS.measures))
    assert not qualifiers - set(LABELS.qualifiers), sorted(qualifiers - set(LABELS.qualifiers))
    assert not set(claims["type"]) - set(LABELS.types)
    assert not set(facts["id"]) - set(LABELS.facts), sorted(set(facts["id"]) - set(LABELS.facts))
    ids = {e for col in ("actors", "platforms", "attribution") for cell in claims[col]
           for e in str(cell).split(";") if e}
    assert not ids - set(LABELS.names), sorted(ids - set(LABELS.names))


def test_every_unit_the_extractor_gives_on_the_project_texts_has_words():
    # a unit from the lexicon or a currency needs its row (above); the only other
    # units are English nouns nobody listed, given as their singular (hostages:
    # hostage): plain lower-case words that read as themselves
    import re

    from analysis.extract import extract
    from analysis.extract.gold import set_roles
    from analysis.extract.lexicon import lexicon
    lex = lexicon()
    listed = set(lex.units.values()) | set(lex.dual_units.values()) | {"percent"}
    # the corpus and the gold sets already used to tune the extractor (a held-out
    # set's texts stay unread)
    tuned = [n for n, info in set_roles(PATHS).items() if info["role"] == "tuned"]
    texts = sorted(PATHS.raw.glob("*.txt")) + sorted(
        t for n in tuned for t in (PATHS.gold / n).glob("*.txt"))
    unlabelled = {m.unit for t in texts for m in extract(t.read_text(encoding="utf-8"))
                  if m.kind == "quantity" and m.unit and m.unit not in LABELS.units}
    assert not unlabelled & listed, sorted(unlabelled & listed)
    assert all(re.fullmatch(r"[a-z]+", u) for u in unlabelled), sorted(unlabelled)


def test_a_noun_with_no_row_reads_as_itself_in_the_plural():
    # what the extractor guessed for an English noun nobody listed (hostages)
    assert "hostage" not in LABELS.units and "pharmacy" not in LABELS.units
    assert LABELS.unit("hostage", 1) == "hostage"
    assert LABELS.figure(3, "hostage") == "3 hostages"
    assert LABELS.figure(2, "pharmacy", "approx") == "about 2 pharmacies"
    # a code with no row is shown as it is (and the test above fails on it)
    assert LABELS.unit("website_or_thing", 3) == "website_or_thing"


def test_figures_read_as_words():
    assert LABELS.figure(26000, "website_and_account", "approx", "closed") == \
        "about 26,000 websites and accounts closed"
    assert LABELS.figure(1, "channel", "exact", "blocked") == "1 channel blocked"
    assert LABELS.figure(200, "account_or_bot_per_day", "range", "banned", 300) == \
        "200 to 300 accounts and bots a day banned"
    assert LABELS.grade("C3") == "C3: fairly reliable source, possibly true"


@pytest.mark.parametrize("iso, words", [
    ("2019-11", "November 2019"), ("2019-11-21/2019-11-24", "21–24 November 2019"),
    ("2018-05/2019-11", "May 2018 – November 2019"), ("2015", "2015"), ("", "undated"),
    ("2019-11-30/2019-12-02", "30 November – 2 December 2019"), ("2020-12/2021-01", "December 2020 – January 2021"),
    ("2017-06-07", "7 June 2017"), ("2014/2016", "2014–2016"), ("2019-05/2019-06", "May–June 2019"),
])
def test_dates_in_words(iso, words):
    assert in_words(iso) == words


def test_article_labels_name_outlet_and_date_and_never_collide():
    labels = article_labels([("001", "Akhbar Al Aan (أخبار الآن)", "2019-11"), ("002", "", ""),
                             ("003", "", ""), ("004", "", "2015-11")])
    assert labels == {"001": "Akhbar Al Aan, November 2019", "002": "Unnamed outlet, undated (article 002)",
                      "003": "Unnamed outlet, undated (article 003)", "004": "Unnamed outlet, November 2015"}
    assert outlet_name("ISNA (ایسنا), republished by an unnamed site") == "ISNA, republished by an unnamed site"


def test_curated_article_labels_come_first_and_every_article_has_a_distinct_name():
    names = LABELS.article_names((a.id, a.row.outlet, a.row.published) for a in EV.corpus)
    assert names["003"] == "Jawad al-Sayegh, unnamed outlet (undated)"      # data/labels/articles.csv
    assert names["001"] == "Akhbar Al Aan, November 2019"                    # outlet and date
    assert len(set(names.values())) == len(names)
    assert not [n for n in names.values() if "(article" in n]                # no number needed


@pytest.mark.parametrize("part, whole, word", [
    (28, 28, "All"), (15, 28, "Most"), (14, 28, "Half"), (13, 28, "Fewer than half"),
    (1, 3, "Fewer than half"), (2, 3, "Most"), (0, 5, "None")])
def test_a_headline_share_is_the_word_the_counts_allow(part, whole, word):
    # "most" only for more than half: 14 of 28 is half (the platform chapter said "mostly")
    from analysis.display.labels import share
    assert share(part, whole) == word


def test_a_share_of_nothing_or_more_than_the_whole_is_refused():
    from analysis.display.labels import share
    for part, whole in ((1, 0), (5, 4), (-1, 3)):
        with pytest.raises(ValueError):
            share(part, whole)
