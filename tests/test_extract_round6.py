"""Issue 19's sixth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set)."""
import pytest

from tests.mentions import ds, ents, qs


# --- dates: the year of a month written without one ------------------------

def test_a_closing_publication_line_dates_the_months_before_it():
    text = ("PESHAWAR: Police said the cell had been raising money since June and that "
            "its leader was detained on Aug 9.\n\nFive of its members were convicted in 2017."
            "\n\nPublished in Dawn, October 2nd, 2020")
    assert ds(text)[:2] == [("June", "2020-06"), ("Aug 9", "2020-08-09")]


def test_since_a_month_is_the_latest_one_before_the_dateline():
    text = "ROME, 3 March 2021 — Italy arrested 40 people in 2020 and 12 since January."
    assert ds(text)[-1] == ("January", "2021-01")


def test_last_month_after_a_month_dated_event_is_the_nearer_one():
    text = "انتقلت المجموعة إلى تام تام في كانون الثاني 2021، وأوقف زعيمها في 9 آذار الماضي."
    assert ds(text)[-1] == ("9 آذار الماضي", "2021-03-09")


def test_a_bare_year_in_an_earlier_paragraph_does_not_date_a_month():
    text = ("The trial opened on 3 May 2021.\n\nIn 2019 the group had 40 members."
            "\n\nA verdict is due on 8 June.")
    assert ds(text)[-1] == ("8 June", "2021-06-08")


def test_a_date_later_in_the_paragraph_dates_a_month_before_it():
    text = ("متهم در اسفند ۱۳۹۷ بازداشت شد.\n"
            "جلسه دادگاه در ۲ خرداد برگزار شد و رأی در تاریخ ۱۴۰۰/۰۴/۱۰ ابلاغ شد.")
    assert ds(text)[1] == ("۲ خرداد", "2021-05-23")


# --- dates: ranges and glued years ------------------------------------------

def test_a_hijri_day_takes_the_year_of_the_range_end():
    assert ds("أغلقت الحسابات في الفترة من 5 رجب إلى 20 شعبان 1442هـ") == [
        ("5 رجب", "2021-02-17"), ("20 شعبان 1442هـ", "2021-04-02")]


@pytest.mark.parametrize("text, first", [
    ("پلیس در روزهای ۱۴ و ۱۵ مارس ۲۰۲۱ بیست کانال را بست", ("۱۴", "2021-03-14")),
    ("أغلقت الشركة يومي 14 و15 مارس 2021 عشرين قناة", ("14", "2021-03-14")),
    ("The bans came on 14 and 15 March 2021, officials said", ("14", "2021-03-14")),
])
def test_two_days_joined_by_and_after_a_days_word_are_two_dates(text, first):
    assert ds(text)[0] == first


def test_end_glued_to_a_year_is_a_date():
    assert ds("The database held 9,000 entries at end-2021.") == [("2021", "2021")]


def test_a_year_like_number_joined_to_a_count_is_a_count():
    assert qs("Telegram removed 2041 and 3170 accounts that week") == [
        ("2041", 2041, "account", "exact", None), ("3170", 3170, "account", "exact", None)]


# --- quantities: currencies, nouns and qualifiers ---------------------------

@pytest.mark.parametrize("text, unit", [
    # a riyal, dirham or dinar is the currency of the country or city the text names first
    ("جدة – واس\nضبطت الشرطة 300 ألف ريال في حوزة المتهمين", "sar"),
    ("الدوحة – قنا\nضبطت الشرطة 300 ألف ريال في حوزة المتهمين", "qar"),
    ("دبي – وام\nغرّمت المحكمة المتهم 500 ألف درهم", "aed"),
    ("عمّان – بترا\nغرّمت المحكمة المتهم 3 آلاف دينار", "jod"),
])
def test_riyal_dirham_and_dinar_take_the_country_of_the_text(text, unit):
    assert [q[2] for q in qs(text)] == [unit]


@pytest.mark.parametrize("text, expected", [
    ("شرکت به پرداخت ۳۰۰ هزار روبل جریمه محکوم شد", ("۳۰۰ هزار", 300000, "rub")),
    ("the firm was fined 2 million roubles", ("2 million", 2000000, "rub")),
    ("دادگاه او را به پرداخت ۲۰ هزار سامانی محکوم کرد", ("۲۰ هزار", 20000, "tjs")),
    ("این نهاد ۳ میلیون نشانی آی‌پی را مسدود کرد", ("۳ میلیون", 3000000, "address")),
    ("five teenagers were charged", ("five", 5, "person")),
    ("the database holds 40,000 unique hashes", ("40,000", 40000, "hash")),
    ("it has tracked 150 terrorism-related prosecutions", ("150", 150, "prosecution")),
])
def test_round6_units(text, expected):
    assert qs(text)[0][:3] == expected


def test_estimated_at_is_approx():
    assert qs("ضبطت مبالغ تقدر بـ 90 ألف دولار")[0][:4] == ("90 ألف", 90000, "usd", "approx")


def test_persian_ta_before_a_number_is_at_most_but_not_inside_a_word():
    assert qs("به هر عضو تا ۲ میلیون تومان پرداخت می‌شد")[0][3] == "at_most"
    assert qs("پلیس فتا ۱۲ کانال را بست")[0][3] == "exact"


@pytest.mark.parametrize("text", [
    "دعت الشرطة المواطنين إلى الاتصال بالرقم 911 للإبلاغ",
    "people can call the hotline 116 to report it",
])
def test_a_number_after_the_number_word_is_a_label(text):
    assert qs(text) == []


# --- quantities: what a number counts, and ranges ---------------------------

def test_a_number_after_aged_counts_years_and_so_does_its_range_end():
    assert qs("the men, aged 19 to 25, were charged") == [
        ("19", 19, "year", "at_least", None), ("25", 25, "year", "at_most", None)]


def test_a_range_with_a_currency_sign_on_both_bounds():
    assert qs("donors gave between $200 and $400 a week") == [
        ("$200", 200, "usd", "at_least", "week"), ("$400", 400, "usd", "at_most", "week")]


@pytest.mark.parametrize("text, expected", [
    ("The leader faces up to 15 years, his brother up to eight.", ("eight", 8, "year")),
    ("Most posts went down within six hours, and a third within three.", ("three", 3, "hour")),
])
def test_a_noun_left_out_after_the_same_words_as_an_earlier_duration(text, expected):
    assert qs(text)[-1][:3] == expected


def test_what_a_noun_is_of_is_not_what_a_later_figure_counts():
    text = 'Twitter reported 80,000 bans of "accounts and channels" in 2019, about 6,000 a month.'
    assert qs(text)[-1][:3] == ("6,000", 6000, "ban")


# --- names --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("أغلقت الخلية 12 قناة على «تلكرام» خلال أسبوع", ("تلكرام", "telegram")),
    ("این گزارش را چارلی وینتر نوشته است", ("چارلی وینتر", "charlie-winter")),
    ("وینتر در گفت‌وگو با خبرنگاران گفت", ("وینتر", "charlie-winter")),
    ("به گفته دورف، این پیام‌رسان رشد کرده است", ("دورف", "pavel-durov")),
    ("هلن پاول، پژوهشگر دانشگاه، گفت", ("هلن پاول", "helen-powell")),
    ("گزارش تازه مرکز کرست منتشر شد", ("کرست", "crest")),
])
def test_round6_spellings(text, expected):
    assert expected in ents(text)


@pytest.mark.parametrize("text", [
    # an Arabic council (مجلس + its noun) near حملة (a campaign, not the Persian حمله "attack")
    "وأطلق مجلس القضاء الأعلى حملة لإغلاق الصفحات",
    # the generic "judicial apparatus" is not a name (the gold's call, heldout5 and heldout6)
    "سخنگوی دستگاه قضا در نشست خبری گفت",
])
def test_round6_not_names(text):
    assert ents(text) == []


def test_an_arabic_rate_adjective_before_a_qualified_number():
    assert qs("كان يتلقى مبالغ شهرية تصل إلى 900 دولار")[0] == (
        "900", 900, "usd", "at_most", "month")
