"""Dates: Arabic (Egyptian and Levantine months), Persian (Gregorian and
Jalali), English; ranges; bare years; year inference; what is not a date."""
import pytest

from analysis.extract import extract


def ds(text):
    return [m for m in extract(text) if m.kind == "date"]


def one(text):
    found = ds(text)
    assert len(found) == 1, [(m.text, m.date) for m in found]
    return found[0]


@pytest.mark.parametrize("text, span, date", [
    ("في 18 نوفمبر 2015 أعلن", "18 نوفمبر 2015", "2015-11-18"),
    ("في 18 تشرين الثاني 2015 أعلن", "18 تشرين الثاني 2015", "2015-11-18"),
    ("الأربعاء 18 نوفمبر/تشرين الثاني 2015:", "18 نوفمبر/تشرين الثاني 2015", "2015-11-18"),
    ("في 18 نوفمبر (تشرين الثاني) 2015", "18 نوفمبر (تشرين الثاني) 2015", "2015-11-18"),
    ("في ١٨ نوفمبر ٢٠١٥", "١٨ نوفمبر ٢٠١٥", "2015-11-18"),
    ("في الخامس والعشرين من نوفمبر 2019", "الخامس والعشرين من نوفمبر 2019", "2019-11-25"),
    ("في 3 شباط 2016", "3 شباط 2016", "2016-02-03"),
    ("في 3 آب 2016", "3 آب 2016", "2016-08-03"),
    ("في فبراير 2014", "فبراير 2014", "2014-02"),
    ("في سبتمبر الماضي 2015", "سبتمبر الماضي 2015", "2015-09"),
    ("در ۲۵ نوامبر ۲۰۱۹", "۲۵ نوامبر ۲۰۱۹", "2019-11-25"),
    ("در ۵ فوریه ۲۰۱۶", "۵ فوریه ۲۰۱۶", "2016-02-05"),
    ("on Feb. 5, 2016 it", "Feb. 5, 2016", "2016-02-05"),
    ("November 18, 2015", "November 18, 2015", "2015-11-18"),
    ("on 18 November 2015", "18 November 2015", "2015-11-18"),
    ("in November 2015", "November 2015", "2015-11"),
    ("مجلس در ۲۵ آبان ۱۳۹۸ تصویب کرد", "۲۵ آبان ۱۳۹۸", "2019-11-16"),
    ("در تاریخ ۹۸/۰۸/۲۵ تصویب شد", "۹۸/۰۸/۲۵", "2019-11-16"),
    ("در تاریخ ۱۳۹۸/۰۸/۲۵ تصویب شد", "۱۳۹۸/۰۸/۲۵", "2019-11-16"),
    ("في 25/11/2019 أعلن", "25/11/2019", "2019-11-25"),
    ("on 2019-11-25 it", "2019-11-25", "2019-11-25"),
])
def test_full_dates(text, span, date):
    m = one(text)
    assert (m.text, m.date) == (span, date)


def test_jalali_month_without_day_is_an_interval():
    m = one("در آبان ۱۳۹۸ اعلام شد")
    assert m.text == "آبان ۱۳۹۸"
    assert (m.date, m.date_alt) == ("2019-10", "2019-11")
    assert m.to_dict()["date"] == "2019-10/2019-11"


@pytest.mark.parametrize("text, expected", [
    ("في الفترة ما بين 21 و24 نوفمبر 2019", [("21", "2019-11-21"), ("24 نوفمبر 2019", "2019-11-24")]),
    ("between 21 and 24 November 2019", [("21", "2019-11-21"), ("24 November 2019", "2019-11-24")]),
    ("بين 21 و 24 تشرين الثاني 2019", [("21", "2019-11-21"), ("24 تشرين الثاني 2019", "2019-11-24")]),
])
def test_date_ranges(text, expected):
    assert [(m.text, m.date) for m in ds(text)] == expected


@pytest.mark.parametrize("text, span, date", [
    ("في عام 2013 أطلق", "2013", "2013"), ("أطلق في 2017 من خلال", "2017", "2017"),
    ("launched in 2016.", "2016", "2016"), ("by mid-2016 it", "2016", "2016"),
    ("منذ 2014 والتطبيق", "2014", "2014"), ("در سال ۲۰۱۹ منتشر شد", "۲۰۱۹", "2019"),
])
def test_bare_years(text, span, date):
    m = one(text)
    assert (m.text, m.date) == (span, date)


def test_jalali_year():
    m = one("در سال ۱۳۹۸ منتشر شد")
    assert m.to_dict()["date"] == "2019/2020"


def test_month_takes_the_year_stated_earlier():
    found = ds("في سبتمبر الماضي 2015 أضيفت خاصية، مع زيادة منذ أغسطس الماضي.")
    # "الماضي" is part of the expression (gold README), as in the first one
    assert [(m.text, m.date) for m in found] == [("سبتمبر الماضي 2015", "2015-09"),
                                                 ("أغسطس الماضي", "2015-08")]


def test_month_same_year():
    found = ds("في يناير 2016 بدأ، ثم في مارس من العام ذاته انتهى")
    assert [m.date for m in found] == ["2016-01", "2016-03"]


def test_month_takes_a_later_year_when_none_before():
    found = ds("بين 21 و24 نوفمبر أغلقت الحسابات.\n— Europol November 25, 2019")
    assert [m.date for m in found] == ["2019-11-21", "2019-11-24", "2019-11-25"]


def test_month_without_any_year_has_null_date():
    m = one("أغلقت الحسابات في نوفمبر")
    assert m.text == "نوفمبر" and m.date is None


@pytest.mark.parametrize("text", [
    "مارس الضغط على الشركة", "you may need it", "we march on", "نه، این درست نیست",
    "به تیر برق خورد", "مهر و موم شد", "واتس آب", "12 مليار رسالة",
    "https://example.com/2019/11/25", "1200 رسالة", "the 1990s",
])
def test_not_dates(text):
    assert ds(text) == []


def test_day_numbers_are_not_quantities():
    found = extract("ما بين 21 و24 نوفمبر 2019")
    assert all(m.kind == "date" for m in found)


def test_english_month_first_range():
    found = ds("between November 21 and 24, 2019")
    assert [(m.text, m.date) for m in found] == [("November 21", "2019-11-21"),
                                                 ("24, 2019", "2019-11-24")]
