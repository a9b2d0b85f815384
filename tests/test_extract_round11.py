"""Issue 19's eleventh round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set), each with a case where the rule
must not fire."""
from tests.mentions import ds, qs


def quantities(text):
    return [(t, v, u, q) for t, v, u, q, _p in qs(text)]


# --- month names ------------------------------------------------------------------

def test_mauritanian_month_names():
    assert ds("انواكشوط، 3 دجمبر 2021 - افتتح الوزير المعرض.") == [("3 دجمبر 2021", "2021-12-03")]
    assert ds("انواكشوط، 3 دجمبر 2021 - وكان المعرض قد تأجل في أغشت الماضي.") == [
        ("3 دجمبر 2021", "2021-12-03"), ("أغشت الماضي", "2021-08")]
    # the day before an unknown word is a count, no date
    assert ds("افتتح الوزير 3 مكاتب جديدة.") == []


def test_an_ambiguous_month_after_a_word_for_part_of_a_period():
    # حمل (Aries, Hamal) and اوت (August) are also words; after ابتدای / پایان they are months
    found = ds("کابل، ۵ قوس ۱۴۰۱ - این گروه از ابتدای حمل تا پایان اسد ۴۰ حمله کرد.")
    assert ("حمل", "2022-03/2022-04") in found
    assert ds("پاریس، ۲ سپتامبر ۲۰۲۲ - این شرکت تا پایان اوت ۵۰ کانال را بست.")[-1] == ("اوت", "2022-08")
    # حمل with no such word before it is a word (carrying)
    assert ds("کابل، ۵ قوس ۱۴۰۱ - حمل سلاح ممنوع است.") == [("۵ قوس ۱۴۰۱", "2022-11-26")]


def test_since_january_is_no_later_than_the_latest_day_written():
    # no dateline the extractor reads as the publication: the latest day written is the reference
    text = ("گزارش تازه\nخبرگزاری نمونه، ۱۰ مهر ۱۴۰۲\nاین شرکت در ۲۰۲۳ گفت که از ابتدای ژانویه "
            "تا کنون ۲۰ هزار حساب را بسته است.")
    assert ("ژانویه", "2023-01") in ds(text)


# --- numeric dates ----------------------------------------------------------------

def test_a_numeric_date_is_month_first_when_its_second_part_is_no_month():
    assert ds("Posted 11/25/2022 by the desk.") == [("11/25/2022", "2022-11-25")]
    # day first otherwise, as before
    assert ds("Posted 25/11/2022 by the desk.") == [("25/11/2022", "2022-11-25")]
    assert ds("Posted 05/11/2022 by the desk.") == [("05/11/2022", "2022-11-05")]


# --- years ------------------------------------------------------------------------

def test_a_year_after_the_word_for_year_is_no_figure_reached():
    assert quantities("شمار کاربران در سال ۲۰۲۱ به ۳ میلیون رسید.") == [("۳ میلیون", 3e6, "user", "exact")]
    assert ds("تعداد حساب‌ها از ۵ هزار در سال ۲۰۲۰ به ۲ هزار در سال ۲۰۲۲ رسیده است.") == [
        ("۲۰۲۰", "2020"), ("۲۰۲۲", "2022")]
    # without the word for year, a figure reaching a year-like number is a count
    assert [q[:2] for q in quantities("شمار کانال‌ها به ۲۰۲۲ رسیده است.")] == [("۲۰۲۲", 2022)]


# --- money ------------------------------------------------------------------------

def test_saudi_riyal_and_rand_glued_signs():
    assert quantities("The fine can reach SR5 million.") == [("SR5 million", 5e6, "sar", "exact")]
    assert quantities("He received R1.5 million from the cell.") == [
        ("R1.5 million", 1.5e6, "zar", "exact")]
    # a one-letter R without a scale word stays a code (an R2 road), no money
    assert all(u != "zar" for _t, _v, u, _q in quantities("Take the R2 north for 40 kilometres."))
