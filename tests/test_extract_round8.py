"""Issue 19's eighth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set)."""
import pytest

from tests.mentions import ds, qs


# --- dates ------------------------------------------------------------------------

def test_a_month_told_against_the_publication_day_is_already_past():
    text = "Berlin, 14 November 2019 - The group opened the channel in March and lost it in June."
    assert ds(text)[1:] == [("March", "2019-03"), ("June", "2019-06")]


def test_a_month_the_sentence_puts_ahead_is_the_next_one():
    text = "Paris, 3 October 2021 - The trial opened last week.\n\nThe judge will rule on June 12."
    assert ds(text)[-1] == ("June 12", "2022-06-12")


def test_a_dateline_without_a_year_is_the_publication_day():
    text = ("Teen charged over channel\n\nPERTH, Nov 4 AAP - Police say he opened it in April.\n\n"
            "He has been on bail since January 2021.")
    assert ds(text)[:2] == [("Nov 4", "2021-11-04"), ("April", "2021-04")]


def test_a_dash_before_a_digit_is_a_range_not_a_dateline():
    # (a guard: passes before this round, would fail with a dateline read here)
    text = ("Reports after the Oct. 3-5, 2019 raids agree. One counted 400 posts between "
            "December and mid-March.")
    assert [d for _, d in ds(text)][-2:] == ["2019-12", "2020-03"]


@pytest.mark.parametrize("text, expected", [
    ("لندن – 20 ديسمبر 2021\n\nحذفت المنصة المقاطع بين فبراير (شباط) ومايو (أيار) 2021",
     ("فبراير (شباط)", "2021-02")),
    ("Lagos, 2 February 2022 - He received the money between May and November last year.",
     ("May", "2021-05")),
])
def test_the_first_month_of_a_range_takes_the_second_months_year(text, expected):
    assert expected in ds(text)


def test_since_the_beginning_of_a_month_is_a_starting_point():
    text = "تهران – ۱۰ آبان ۱۴۰۰\n\nاین شرکت از ابتدای فوریه تاکنون ۲۰ هزار حساب را بسته است."
    assert ds(text)[-1] == ("فوریه", "2021-02")


def test_the_month_as_a_modifier_is_the_month_dated_before():
    text = ("The raid came on 4 June 2018. A report in March 2020 said traffic fell after "
            "the June raid.")
    assert ds(text)[-1] == ("June", "2018-06")


def test_a_year_in_a_which_clause_is_no_anchor():
    text = ("Kano, 9 December 2020 - The cell, which formed in 2014, grew fast. "
            "In August it kidnapped two traders.")
    assert ds(text)[-1] == ("August", "2020-08")


def test_an_arabic_month_name_persian_does_not_write_is_no_date_in_persian():
    assert ds("پلیس ۲۰ جوان را در این شهر بازداشت کرد") == []
    assert qs("پلیس ۲۰ جوان را در این شهر بازداشت کرد")[0][:2] == ("۲۰", 20)


def test_a_year_after_an_indefinite_article_is_a_year():
    text = "A 2018 report by the institute counted 40 channels."
    assert ds(text) == [("2018", "2018")]
    assert [q[0] for q in qs(text)] == ["40"]


# --- the counted noun --------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("نشر الحساب 300 تدوينة خلال شهر", "post"),
    ("بينهم 9 قاصرين", "minor"),
    ("استمرت المحاكمة 12 جلسة", "session"),
    ("وقّعت 8 شركات على الميثاق", "company"),
    ("حمله‌ای که ۱۵ کشته برجای گذاشت", "person"),
    ("با سه فرماندهٔ این گروه در تماس بود", "commander"),
    ("پلیس ۶ ملک را بازرسی کرد", "property"),
    ("حدود ۲۰۰ مأمور در عملیات شرکت داشتند", "officer"),
    ("The 45-second video spread fast", "second"),
    ("this court sat for 30 hearings", "session"),
])
def test_round8_counted_nouns(text, unit):
    assert qs(text)[0][2] == unit


def test_a_persian_noun_with_a_glued_copula():
    assert [q[2] for q in qs("این افراد ۲۵ تا ۲۸ ساله‌اند")] == ["year", "year"]
