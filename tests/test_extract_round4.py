"""Issue 19's fourth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set)."""
import pytest

from tests.mentions import ds, ents, qs


@pytest.mark.parametrize("text, expected", [
    # a negation governs "more than" past its verb, subject and preposition
    ("لم يحتج المهاجمون إلى أكثر من 12 ساعة", ("12", 12, "hour", "at_most")),
    ("لا تستغرق المراجعة أكثر من ثلاثة أيام", ("ثلاثة", 3, "day", "at_most")),
    # but not past a joining word or لا سيما
    ("لم تعلق الشركة لكن أكثر من 40 قناة أغلقت", ("40", 40, "channel", "at_least")),
    ("ولا سيما أن أكثر من 40 قناة أغلقت", ("40", 40, "channel", "at_least")),
])
def test_a_negation_reaches_its_qualifier_past_the_verb(text, expected):
    assert qs(text)[0][:4] == expected


@pytest.mark.parametrize("text", [
    "وفق للفصل 14 من المجلة الجزائية",
    "call the hotline on 01234 to report content",
])
def test_numbering_words_behind_a_proclitic_and_leading_zeros_are_no_counts(text):
    assert qs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("the forum had 2,000-odd users", ("2,000", 2000, "user", "approx")),
    ("تیمی پنج‌نفره پیام‌ها را بررسی می‌کند", ("پنج", 5, "person", "exact")),
    ("این ویدئو ۲۰ هزار بار دیده شد", ("۲۰ هزار", 20000, "view", "exact")),
    ("experts from 9 member states took part", ("9", 9, "country", "exact")),
    ("he admitted four terrorism offences", ("four", 4, "offence", "exact")),
])
def test_round4_units_and_qualifiers(text, expected):
    assert qs(text)[0][:4] == expected


def test_one_before_a_noun_is_an_indefinite_but_one_hour_a_duration():
    assert qs("One account, named after a fighter, posted the video") == []
    assert qs("the video stayed up for one hour")[0][:3] == ("one", 1, "hour")


@pytest.mark.parametrize("text, expected", [
    ("اعلام شد که در ۲۰ قوس ۱۳۹۸ بازداشت شدند", [("۲۰ قوس ۱۳۹۸", "2019-12-11")]),
    ("این گروه از ثور ۱۳۹۷ فعال بود", [("ثور ۱۳۹۷", "2018-04/2018-05")]),
    ("او در کار خود بسیار جدی است", []),
])
def test_afghan_solar_months(text, expected):
    assert ds(text) == expected


def test_a_weekday_before_either_day_of_a_range():
    assert ds("بين الاثنين 4 والجمعة 8 آذار 2019") == [("4", "2019-03-04"), ("8 آذار 2019", "2019-03-08")]
    assert qs("بين الاثنين 4 والجمعة 8 آذار 2019") == []


def test_a_month_after_late_year_and_after_a_starting_point():
    assert ds("The channels opened in late 2016 and were still active in February.") == [
        ("2016", "2016"), ("February", "2017-02")]
    assert ds("في 5 أكتوبر 2018 أعلنت الشرطة ذلك. وكان التنظيم نشطاً منذ مارس 2017، "
              "كما ذكر تقرير نشر في يوليو.") == [
        ("5 أكتوبر 2018", "2018-10-05"), ("مارس 2017", "2017-03"), ("يوليو", "2018-07")]


def test_round4_names():
    assert ("Pavel", "pavel-durov") in ents("the app founded by Pavel and Nikolai Durov")
    assert ents("به گفته جی. ام. برگر، پژوهشگر") == [("جی. ام. برگر", "j-m-berger")]
