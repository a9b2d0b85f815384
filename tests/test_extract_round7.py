"""Issue 19's seventh round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set)."""
import pytest

from analysis.display.labels import plural
from analysis.extract.numbers import singular
from tests.mentions import ds, ents, qs


# --- the counted noun: forms nobody listed --------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an Arabic sound plural of a listed singular (مهاجم)
    ("قتلت القوات 3 مهاجمين قرب الحدود", ("3", 3, "attacker")),
    # a number after its definite plural noun
    ("وفرّ المهاجمون الثلاثة بعد الهجوم", ("الثلاثة", 3, "attacker")),
    # a Persian plural of a listed singular (هوادار) in a digest caption
    ("۴۰ هزار: شمار هواداران این کانال در سال گذشته", ("۴۰ هزار", 40000, "supporter")),
])
def test_a_plural_is_found_by_its_singular(text, expected):
    assert qs(text)[0][:3] == expected


@pytest.mark.parametrize("text, units", [
    ("بازداشت ۴ استاد و ۹ دانشجو در مشهد", ["lecturer", "student"]),
    ("أوقفت الشرطة 7 صحفيين و12 ناشطاً", ["journalist", "activist"]),
    ("وقالت الوزارة إن 40 متخصصاً يراجعون المحتوى", ["specialist"]),
    ("The blasts hit two churches and a hotel", ["church"]),
    ("the hotline received 900 calls in a week", ["call"]),
])
def test_round7_role_and_place_nouns(text, units):
    assert [q[2] for q in qs(text)][:len(units)] == units


@pytest.mark.parametrize("text, expected", [
    # the first plural noun of the phrase after an English number, made singular
    ("The blasts damaged four bridges and two pharmacies in the old town",
     [("four", 4, "bridge"), ("two", 2, "pharmacy")]),
    ("Gunmen held 14 hostages in a basement", [("14", 14, "hostage")]),
    ("the group ran 25 so-called news outlets", [("25", 25, "outlet")]),
    # a capitalised nationality counts people
    ("Police questioned 6 Malaysians and 5 Lebanese", [("6", 6, "person"), ("5", 5, "person")]),
])
def test_an_english_noun_nobody_listed_is_its_own_singular(text, expected):
    assert [q[:3] for q in qs(text)] == expected


def test_the_guess_leaves_verbs_and_years_alone():
    assert qs("Raiders burned 3 warehouses near the port.")[0][2] == "warehouse"
    # a verb after the number: its noun was left out (the videos)
    assert qs("He shared 40 videos, including three showing beheadings.")[-1][2] == "video"
    # a noun after a year does not make it a count
    assert ds("The 2019 elections were calm.") == [("2019", "2019")]
    assert qs("The 2019 elections were calm.") == []


def test_a_singular_noun_before_a_plural_is_a_modifier():
    assert qs("Twitter closed 5 million user accounts")[0][2] == "account"
    assert qs("the 60 official and unofficial channels")[0][2] == "channel"


@pytest.mark.parametrize("word", ["hostage", "city", "church", "box", "bridge", "pharmacy",
                                  "outlet", "attorney", "hero", "address"])
def test_singular_undoes_the_plural_the_book_prints(word):
    assert singular(plural(word)) == word


# --- digests, lists and figures with no noun of their own -------------------------

@pytest.mark.parametrize("text, expected", [
    ("۳۰۰ هزار: شمار کانال‌هایی که در سال ۱۴۰۰ بسته شد", ("۳۰۰ هزار", 300000, "channel", "exact", None)),
    ("۴۵ میلیون: برآورد شمار کاربران روبیکا", ("۴۵ میلیون", 45000000, "user", "approx", None)),
    ("12m — Signal's monthly active users in 2021", ("12m", 12000000, "user", "exact", "month")),
    ("• 4,100 — the most \"extremist bots\" removed in one week",
     ("4,100", 4100, "bot", "exact", None)),
    ("۲ میلیون: شمار حساب‌هایی که هر ماه مسدود می‌شود", ("۲ میلیون", 2000000, "account", "exact", "month")),
])
def test_a_digest_line_counts_what_its_caption_names(text, expected):
    assert qs(text)[0] == expected


def test_a_list_item_with_no_noun_counts_what_the_item_before_counted():
    text = "أرقام\n\n• 120 ألف حساب: حصيلة 2018.\n• 95 ألفاً في 2019، وفق الشركة."
    assert [q[2] for q in qs(text)] == ["account", "account"]


@pytest.mark.parametrize("text, unit", [
    ("Some 2 million of the region's 9 million residents use the app", "person"),
    ("About 300 of its estimated 2,000 fighters were foreigners", "fighter"),
    ("حدود ۳ میلیون از ۱۰ میلیون کاربر این برنامه ایرانی‌اند", "user"),
])
def test_a_part_of_a_figure_counts_what_the_figure_counts(text, unit):
    assert qs(text)[0][2] == unit


def test_the_noun_a_number_is_of_is_not_what_it_counts():
    assert qs("Police said 41 people were held, down from a count of 55 on Monday.")[1][2] == "person"


@pytest.mark.parametrize("text, unit", [
    ("تلگرام روز بعد ۹۰۰ کانال را بست، در حالی که میانگین پیش از حمله ۱۵۰ بود", "channel"),
    ("The site removed 800 posts in the week after the raid and 120 the week before.", "post"),
])
def test_a_noun_after_before_or_after_is_when_not_what(text, unit):
    assert qs(text)[-1][2] == unit


def test_a_figure_describing_a_noun_is_not_what_a_later_figure_counts():
    text = "The network ran 45 channels in 9 languages; officials said it had planned more than 60."
    assert qs(text)[-1][:3] == ("60", 60, "channel")


def test_a_glued_m_after_another_in_its_paragraph_is_millions():
    assert qs("Signal had 40m users in 2021, up from 20m a year earlier.") == [
        ("40m", 40000000, "user", "exact", None), ("20m", 20000000, "user", "exact", None)]
    assert qs("The wall is 5m high.") == []


# --- qualifiers and rates -----------------------------------------------------------

def test_an_arabic_negation_five_words_before_its_qualifier():
    assert qs("لم يبق المحتوى على المنصة طويلاً أكثر من 5 ساعات")[0][3] == "at_most"


def test_persian_zir_before_a_number_is_at_most():
    assert qs("بیشتر اعضای این شبکه زیر ۲۵ سال سن دارند")[0][:4] == ("۲۵", 25, "year", "at_most")


@pytest.mark.parametrize("text, pers", [
    # a rate phrase that says when, not how often
    ("أغلق الموقع 1500 حساب يوم الاثنين و1800 في اليوم التالي", [None, None]),
    # a daily average in the number's clause; the rate is the range's
    ("وكان المعدل اليومي يتراوح بين 50 و70 حساباً", ["day", "day"]),
    ("روزانه به‌طور میانگین ۲۰ پیام ثبت می‌شود", ["day"]),
    ("روزانه ۱۰ تا ۲۰ گزارش می‌رسد", ["day", "day"]),
    ("این شرکت هر ماه حدود ۳ هزار کانال را می‌بندد", ["month"]),
])
def test_round7_rates(text, pers):
    assert [q[4] for q in qs(text)] == pers


# --- dates ------------------------------------------------------------------------

def test_two_names_of_one_month_without_a_slash():
    assert ds("وقال المتحدث يوم 3 مارس آذار 2018 إن الحظر رفع") == [("3 مارس آذار 2018", "2018-03-03")]


@pytest.mark.parametrize("text, expected", [
    ("نفذت الخلية هجمات منذ آذار 2015، بينها تفجير في يناير من ذلك العام",
     ("يناير من ذلك العام", "2015-01")),
    ("He ran the channel from May 2018 until his arrest on 9 October that year.",
     ("9 October that year", "2018-10-09")),
])
def test_that_year_after_a_month_is_the_year_before_it(text, expected):
    assert ds(text)[-1] == expected


def test_a_jalali_month_name_with_a_spaced_mah_is_a_month():
    text = "پلیس در ۱۲ فروردین ۱۳۹۹ اعلام کرد که در مهر ماه ۲۰ نفر را بازداشت کرده است"
    assert ds(text)[-1] == ("مهر ماه", "2019-09/2019-10")


def test_ordinal_days_with_the_before_each():
    assert ds("between the 3rd and the 5th of May 2020") == [
        ("3rd", "2020-05-03"), ("5th of May 2020", "2020-05-05")]


# --- names ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("وفق دراسة أعدها جوناثان مورغان", ("جوناثان مورغان", "jonathon-morgan")),
    ("اریک فان در سیپت به خبرنگاران گفت", ("اریک فان در سیپت", "eric-van-der-sypt")),
])
def test_round7_spellings(text, expected):
    assert expected in ents(text)
