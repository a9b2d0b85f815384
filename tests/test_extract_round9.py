"""Issue 19's ninth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set), each with a case where the rule
must not fire."""
import pytest

from tests.mentions import ds, qs


# --- dates ------------------------------------------------------------------------

def test_a_dateline_without_a_year_takes_the_latest_year_the_text_writes():
    # the nearest dated event (since 2016) is not when the text was published
    text = ("Raids continue in the south\n\nMANILA, Oct 14 (PNA) -- Troops seized two camps. "
            "Since 2016 the unit has lost 40 men, 12 of them so far in 2021.")
    assert ds(text)[0] == ("Oct 14", "2021-10-14")


def test_a_dateline_without_a_year_is_on_or_after_the_latest_date():
    text = "LAGOS, Mar 3 (NAN) -- The court sat again. It first heard the case on 9 December 2020."
    assert ds(text)[0] == ("Mar 3", "2021-03-03")


def test_a_month_dated_aside_is_no_anchor():
    text = ("Quito, 5 May 2021 - The militia, which first appeared in November 2017, has grown. "
            "Its fighters took the town on Feb. 9 and still hold it.")
    assert ds(text)[-1] == ("Feb. 9", "2021-02-09")
    # not an aside: the month is told against the date before it
    text = "Quito, 5 May 2021 - The militia first appeared in November 2017 and took the town on Feb. 9."
    assert ds(text)[-1] == ("Feb. 9", "2018-02-09")


def test_a_flashback_beside_a_publication_day_is_no_anchor():
    text = ("مشهد – ۲۰ آبان ۱۴۰۰\nاین گروه پیش‌تر در ژوئن ۲۰۱۸ وعده داده بود کانال را ببندد، "
            "اما در آوریل آن را دوباره باز کرد.")
    assert ds(text)[-1] == ("آوریل", "2021-04")
    # with no publication day, the date before it still tells the month's year
    assert ds("The app promised earlier in June 2018 to act, and in April it removed the channel.")[-1] \
        == ("April", "2018-04")


def test_a_jalali_month_told_against_the_publication_day_counts_from_its_first_day():
    # Azar (قوس) begins in late November: told on 5 Qaws it has come already
    text = "هرات، ۵ قوس ۱۴۰۰ – پلیس گفت روز چهارشنبه، ۳ قوس، دو نفر بازداشت شدند."
    assert ds(text)[-1] == ("۳ قوس", "2021-11-24")
    # told in late October (5 Aqrab), Azar has not begun: last year's
    text = "هرات، ۵ عقرب ۱۴۰۰ – پلیس گفت روز چهارشنبه، ۳ قوس، دو نفر بازداشت شدند."
    assert ds(text)[-1] == ("۳ قوس", "2020-11-23")


def test_maart_in_a_persian_line_is_the_month_and_the_arabic_verb_is_not():
    assert ds("پلیس در مارس این کانال را بست و ۲۰ نفر را بازداشت کرد. سال ۲۰۲۱")[0] == ("مارس", "2021-03")
    assert ds("وقال إن الشرطة مارس ضغوطاً على 20 شخصاً") == []


# --- money ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("He was paid RM25,000 by the group.", ("RM25,000", 25000, "myr", "exact", None)),
    ("Police found Sh4.5 million in a bag in Nairobi.", ("Sh4.5 million", 4500000, "kes", "exact", None)),
    ("The kidnappers demanded N20 million from the family.",
     ("N20 million", 20000000, "ngn", "exact", None)),
    ("A P5 million reward was offered.", ("P5 million", 5000000, "php", "exact", None)),
    # a space after the letters: the span is the figure (and its scale word)
    ("Police found Rp 120 million in the house.", ("120 million", 120000000, "idr", "exact", None)),
    ("The trust raised Rs 3.2 lakh.", ("3.2 lakh", 320000, "inr", "exact", None)),
    ("The trust raised Rs 1.5 crore.", ("1.5 crore", 15000000, "inr", "exact", None)),
])
def test_currency_letters_and_indian_scale_words(text, expected):
    assert qs(text) == [expected]


def test_a_one_letter_code_is_no_money():
    assert qs("Staff wore N95 masks and the P2 room stayed shut.") == []
    assert qs("Nurses handed out N95 masks to 300 people.") == [("300", 300, "person", "exact", None)]


def test_a_currency_sign_is_no_counted_noun():
    assert qs("They seized two rifles and Rp 5 million.")[0] == ("two", 2, "rifle", "exact", None)


# --- qualifiers ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The offence carries a maximum sentence of 14 years.", ("14", 14, "year", "at_most", None)),
    ("ويعاقب القانون على ذلك بعقوبة تصل إلى الحبس 3 سنوات", ("3", 3, "year", "at_most", None)),
    ("She had woken up to 300 notifications.", ("300", 300, "notification", "exact", None)),
    # a sentence handed down is exact
    ("وحُكم عليه بالسجن 3 سنوات", ("3", 3, "year", "exact", None)),
])
def test_penalty_ceilings(text, expected):
    assert qs(text) == [expected]


# --- Arabic one and two ---------------------------------------------------------------

def test_arabic_one_after_its_noun_is_a_single_one_unless_qualified():
    assert qs("حذفت الشركة الحسابات في يوم واحد") == []
    assert qs("استغرق الحظر أقل من يوم واحد") == [("واحد", 1, "day", "at_most", None)]


def test_the_dual_of_an_ordinary_noun_is_no_quantity():
    assert qs("التقى الوزير شخصين من الشرطة") == []
    assert qs("أغلقت السلطات المنصة خلال يومين") == [("يومين", 2, "day", "exact", None)]


# --- elliptic counts ------------------------------------------------------------------

def test_of_them_that_only_people_are_counts_people():
    assert qs("ضبطت الشرطة 4 هواتف وأحالت 3 منهم إلى النيابة")[-1][:3] == ("3", 3, "person")
    assert qs("أوقفت الشرطة 12 عضواً وأفرجت لاحقاً عن ستة منهم")[-1][:3] == ("ستة", 6, "member")
    # منها (of them: things) keeps the thing counted
    assert qs("حذف الموقع 200 منشور، 50 منها باللغة الفرنسية")[-1][:3] == ("50", 50, "post")


# --- ages -----------------------------------------------------------------------------

def test_a_figure_in_commas_after_a_person_is_an_age():
    assert qs("Police said Ahmad Wali, 27, ran the channel.") == [("27", 27, "year", "exact", None)]
    assert qs("A Perth man, 19, was charged.")[0][:3] == ("19", 19, "year")
    assert [q[2] for q in qs("In the capital, 14, and in the north, 9.")] == [None, None]


# --- names with a number --------------------------------------------------------------

def test_a_number_in_a_name_is_no_quantity():
    text = ("Brigade 77 arrests 5 men\n\nOfficers from Brigade 77 have arrested 5 people. "
            "Brigade 77 was formed last year.")
    assert [q[0] for q in qs(text)] == ["5", "5"]


def test_a_capitalised_weekday_or_a_noun_after_the_number_is_no_name():
    assert qs("On Friday 12 were detained.")[0][:2] == ("12", 12)
    # a headline in title case: the word before is capitalised too
    assert qs("Police Arrest 23 In Raids Across Java")[0][:2] == ("23", 23)
    assert qs("Police in Kabul arrested Taliban 12 commanders.")[0][:3] == ("12", 12, "commander")


# --- counted nouns ----------------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("پلیس در پنج شهر ۲۰۰ نفر را بازداشت کرد", "city"),
    ("استمرت العملية خمسة أشهر", "month"),
    ("أوقفت الشرطة 7 عناصر من الخلية", "person"),
    ("نشر الحساب 26 عنصراً من المحتوى", "item"),
    ("عثر على ثلاثة مخابئ في الجبل", "hideout"),
    ("تعالج الخلية 120 إشعارا كل يوم", "notification"),
    ("دو لپ‌تاپ کشف شد", "laptop"),
    ("ضبطت الشرطة 4 حواسيب", "computer"),
    ("The group ran 14 Telegram chats.", "chat"),
    ("Police detained three foreigners.", "person"),
    ("The ministry blocked 11 domain names.", "domain"),
    ('اعتقلت القوات أربعة "إرهابيين" في المدينة', "terrorist"),
])
def test_round9_counted_nouns(text, unit):
    assert qs(text)[0][2] == unit


def test_a_digest_figure_after_a_qualifier_counts_its_caption():
    assert qs("بیش از ۲ میلیون – حساب‌های مسدودشده") == [("۲ میلیون", 2000000, "account", "at_least", None)]
    assert qs("more than 300 — channels removed") == [("300", 300, "channel", "at_least", None)]
    # more words than a qualifier before the figure: no digest line
    assert qs("پلیس گفت بیش از ۲ میلیون – حساب‌های مسدودشده")[0][2] is None
