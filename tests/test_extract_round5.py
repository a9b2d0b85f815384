"""Issue 19's fifth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set)."""
import pytest

from tests.mentions import ds, qs


@pytest.mark.parametrize("text, unit", [
    # a dinar or rupee is the currency of the country or city the text names first
    ("الموصل – وكالات\nصادرت الشرطة 5 ملايين دينار", "iqd"),
    ("تونس – وكالات\nصادرت الشرطة 5 ملايين دينار", "tnd"),
    ("KARACHI: police recovered 70,000 rupees from the suspects", "pkr"),
    ("NEW DELHI: police recovered 70,000 rupees from the suspects", "inr"),
])
def test_a_shared_currency_name_takes_the_country_of_the_text(text, unit):
    assert [q[2] for q in qs(text)] == [unit]


def test_a_glued_rs_is_a_currency_sign_with_its_qualifier_before_it():
    assert qs("Quetta police said they found about Rs450,000 in a bag") == [
        ("Rs450,000", 450000, "pkr", "approx", None)]


@pytest.mark.parametrize("text, expected", [
    ("the app now counts 3,400+ groups", ("3,400+", 3400, "group", "at_least")),
    ("a backlog of ~12k posts", ("~12k", 12000, "post", "approx")),
    ("we found 40+ pro and anti IS channels", ("40+", 40, "channel", "at_least")),
])
def test_glued_tilde_and_plus_are_in_the_span_and_give_the_qualifier(text, expected):
    assert qs(text)[0][:4] == expected


def test_a_number_before_a_slash_numbers_a_thread_post():
    assert qs("1/ Police closed 30 channels.\n2/ More soon.") == [
        ("30", 30, "channel", "exact", None)]


@pytest.mark.parametrize("text, expected", [
    ("پلیس ۳۰ شبکه را شناسایی کرد", ("۳۰", 30, "network", "exact")),
    ("عثر على 4 أجهزة حاسب", ("4", 4, "computer", "exact")),
    ("أوقفت الشرطة 12 خلية", ("12", 12, "cell", "exact")),
    ("کاربران بالای ۲۰ سال", ("۲۰", 20, "year", "at_least")),
    ("she woke up to 300 messages", ("300", 300, "message", "exact")),
    ("the court heard 9 witnesses", ("9", 9, "witness", "exact")),
])
def test_round5_units_and_qualifiers(text, expected):
    assert qs(text)[0][:4] == expected


def test_persian_yek_before_a_noun_is_an_indefinite():
    assert qs("پلیس یک شبکه را شناسایی کرد") == []


def test_a_dari_month_name_is_a_gregorian_month():
    assert [d[1] for d in ds("این حکم روز ۵ فبروری ۲۰۲۰ صادر شد")] == ["2020-02-05"]


def test_an_ambiguous_month_paired_with_a_month_is_a_month():
    assert [d[0] for d in ds("در سال ۱۳۹۸ در مهر و آبان ۵۰ کانال بسته شد")][:3] == [
        "۱۳۹۸", "مهر", "آبان"]
