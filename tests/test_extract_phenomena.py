"""Issue 19's phenomena, one test per phenomenon and language, on sentences
written for these tests (none copied from any gold set)."""
import pytest

from tests.mentions import ds, ents, qs


# --- qualifiers that are not next to their number --------------------------

@pytest.mark.parametrize("text, expected", [
    # before a verb and its subject
    ("وقد تخطّى عدد المشتركين في القناة 5000 بحلول الصيف", ("5000", 5000, "subscriber", "at_least")),
    ("ولم تتجاوز حصة الحسابات المحذوفة 12 في المئة", ("12 في المئة", 12, "percent", "at_most")),
    ("يفوق عدد المتابعين الجدد 700 متابع", ("700", 700, "follower", "at_least")),
    ("وقارب عدد الرسائل المتداولة 900 رسالة", ("900", 900, "message", "approx")),
    # after the counted noun, maybe past an adjective
    ("أغلقت الشركة سبع قنوات على الأقل", ("سبع", 7, "channel", "at_least")),
    ("حذفت 40 مجموعة سرية على الأقل", ("40", 40, "group", "at_least")),
    ("removed 90 accounts at least", ("90", 90, "account", "at_least")),
    # before the noun a number follows
    ("استغرق الأمر أقل من يوم واحد", ("واحد", 1, "day", "at_most")),
    ("the server went dark in less than one hour", ("one", 1, "hour", "at_most")),
])
def test_qualifier_away_from_its_number(text, expected):
    assert qs(text)[0][:4] == expected


@pytest.mark.parametrize("text, expected", [
    # the qualifier belongs to the next number, not this one
    ("the group shared 650 videos across nearly 30 channels",
     [("650", 650, "video", "exact", None), ("30", 30, "channel", "approx", None)]),
    ("نشر التنظيم 650 مقطعاً عبر قرابة 30 قناة",
     [("650", 650, "video", "exact", None), ("30", 30, "channel", "approx", None)]),
    ("پلیس ۶۵۰ پیام را در نزدیک به ۳۰ کانال یافت",
     [("۶۵۰", 650, "message", "exact", None), ("۳۰", 30, "channel", "approx", None)]),
])
def test_a_qualifier_does_not_reach_back(text, expected):
    assert qs(text) == expected


@pytest.mark.parametrize("text, qualifier", [
    ("a maximum of 15 years", "at_most"), ("as many as 400 accounts", "at_most"),
    ("no fewer than 20 channels", "at_least"), ("تا سقف ۲۰ سال", "at_most"),
    ("دست کم ۲۰ کانال", "at_least"), ("بما يزيد على 20 قناة", "at_least"),
    ("ما لا يزيد عن 20 قناة", "at_most"), ("did not exceed 300 users", "at_most"),
])
def test_more_qualifier_phrasings_and_negation(text, qualifier):
    assert qs(text)[0][3] == qualifier


# --- numbers that look like years ----------------------------------------

@pytest.mark.parametrize("text, value", [
    ("أغلقت 1500 حساب في فبراير و2041 في مارس", 2041),
    ("the bureau flagged 1987 in March alone", 1987),
    ("پلیس ۱۹۵۰ در اردیبهشت شناسایی کرد", 1950),
])
def test_a_year_like_count_before_a_month(text, value):
    assert value in [q[1] for q in qs(text)]
    assert str(value) not in [d for _, d in ds(text)]


def test_a_year_is_still_a_year():
    assert ds("أطلق التطبيق في 2015 ثم توسع") == [("2015", "2015")]
    assert qs("أطلق التطبيق في 2015 ثم توسع") == []


# --- number words after the noun, mixed digits and words ------------------

@pytest.mark.parametrize("text, value, unit", [
    ("خلال الأيام العشرة الماضية", 10, "day"),
    ("في الأشهر الثلاثة الأخيرة", 3, "month"),
    ("على مدى الساعات الست التالية", 6, "hour"),
    ("أغلقت القنوات الخمس", 5, "channel"),
])
def test_arabic_number_word_after_its_definite_noun(text, value, unit):
    assert [(q[1], q[2]) for q in qs(text)] == [(value, unit)]


@pytest.mark.parametrize("text", ["يوم الاثنين الماضي", "المرحلة الثانية", "العشرات من الحسابات"])
def test_definite_words_that_are_not_counts(text):
    assert qs(text) == []


@pytest.mark.parametrize("text, span, value", [
    ("حذف ٣ مئة و٢١ حساباً", "٣ مئة و٢١", 321),
    ("حذف 4 آلاف و300 حساب", "4 آلاف و300", 4300),
    ("حذف 2 مليون و500 ألف حساب", "2 مليون و500 ألف", 2500000),
    ("۳ هزار و ۲۰۰ کاربر", "۳ هزار و ۲۰۰", 3200),
])
def test_digits_mixed_with_number_words(text, span, value):
    assert [(q[0], q[1]) for q in qs(text)] == [(span, value)]


# --- thousands with spaces and narrow no-break spaces --------------------

@pytest.mark.parametrize("text, span, value", [
    ("supprimé 40 000 comptes", "40 000", 40000),
    ("أغلقت 40\u202f000 حساب", "40\u202f000", 40000),
    ("removed 1\u00a0200\u00a0000 posts", "1\u00a0200\u00a0000", 1200000),
    ("حذف ١ ٢٠٠ ٠٠٠ منشور", "١ ٢٠٠ ٠٠٠", 1200000),
])
def test_space_separated_thousands(text, span, value):
    assert [(q[0], q[1]) for q in qs(text)] == [(span, value)]


def test_two_numbers_with_a_space_are_not_joined_unless_groups_of_three():
    assert [q[1] for q in qs("بين 15 و 20 حساب")] == [15, 20]
    assert [q[1] for q in qs("in 2019 300 accounts were removed")] == [300]


# --- Persian و compounds after a scale word -------------------------------

@pytest.mark.parametrize("text, value", [
    ("۳۱۲ هزار و ۴۵ کاربر", 312045), ("یک میلیون و ۲۰ هزار کاربر", 1020000),
    ("دو میلیون و ۳۰۰ هزار و ۱۵ پیام", 2300015), ("۴ میلیارد و ۵۰۰ میلیون پیام", 4500000000),
])
def test_persian_compounds_after_a_scale_word(text, value):
    assert [q[1] for q in qs(text)] == [value]


# --- ranges and money ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("خلال 5-7 أيام", [(5, "day", "at_least"), (7, "day", "at_most")]),
    ("some 1,000–2,000 accounts", [(1000, "account", "at_least"), (2000, "account", "at_most")]),
    ("۱۰-۱۵ کانال", [(10, "channel", "at_least"), (15, "channel", "at_most")]),
])
def test_hyphen_ranges(text, expected):
    assert [(q[1], q[2], q[3]) for q in qs(text)] == expected


@pytest.mark.parametrize("text", ["the 2019-2020 season", "score 3-1 in the match", "call 555-0199"])
def test_hyphens_that_are_not_ranges(text):
    assert [q for q in qs(text) if q[3] in ("at_least", "at_most")] == []


@pytest.mark.parametrize("text, value, unit", [
    ("raised $4.2m from donors", 4200000, "usd"), ("a budget of $3bn", 3000000000, "usd"),
    ("fined €1.5m", 1500000, "eur"), ("جمع 4.2 مليون دولار", 4200000, "usd"),
    ("۴٫۲ میلیون دلار", 4200000, "usd"), ("$19 billion deal", 19000000000, "usd"),
])
def test_money_short_forms(text, value, unit):
    assert [(q[1], q[2]) for q in qs(text)] == [(value, unit)]


def test_a_glued_m_without_a_currency_is_not_millions():
    assert qs("a 5m cable") == []


# --- units: normalised from data, further away, borrowed ----------------

@pytest.mark.parametrize("text, unit", [
    ("eight other online service providers", "provider"),
    ("120 of the network's most active accounts", "account"),
    ("9 من أبرز القنوات", "channel"), ("a 12-page report", "page"),
    ("an eight-month investigation", "month"), ("300 bans a day", "ban"),
    ("۹ ارائه‌دهنده خدمات", "provider"), ("۴۰ میلیون ایرانی", "person"),
    ("٢٠ مشتبهاً به", "suspect"), ("3 خوادم", "server"), ("25 ألف مشاهدة", "view"),
    ("مليون متابع", "follower"), ("٤٠٠ موظف", "employee"), ("مليوني تغريدة", "tweet"),
])
def test_units_from_the_table(text, unit):
    assert qs(text)[0][2] == unit


@pytest.mark.parametrize("text, units", [
    ("It counted 4,000 posts that month, about 130 a day.", ["post", "post"]),
    ("Researchers found 5,000 accounts. Another 2,000 more were suspended later.",
     ["account", "account"]),
    ("uploads rose from 90 a week to 300 a week", ["upload", "upload"]),
    ("ارتفع عدد القنوات من 140 إلى 600", ["channel", "channel"]),
    ("قتل 300 مقاتل، 40 منهم من أوروبا", ["fighter", "fighter"]),
])
def test_a_number_without_its_noun_borrows_the_one_being_counted(text, units):
    assert [q[2] for q in qs(text)] == units


def test_durations_are_not_borrowed():
    assert [q[2] for q in qs("خلال 3 أيام، ثم بلغ 300 في النهاية")] == ["day", None]


@pytest.mark.parametrize("text, per", [
    ("مليارا رسالة صوتية شهرياً", "month"), ("۲۰۰ میلیون کاربر فعال ماهانه", "month"),
    ("62 million monthly active users", "month"), ("500 reports from users every week", "week"),
    ("۱٫۲ میلیون دنبال‌کننده داشتند و روزانه ۴۰۰ پست", None),
])
def test_rates_past_an_adjective_or_before_the_noun(text, per):
    assert qs(text)[0][4] == per


# --- not quantities ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "nearly three-quarters of them", "two-thirds of the accounts", "several hundred channels",
    "a few thousand users", "under 18 U.S.C. 2339B", "the 2010s",
])
def test_not_quantities(text):
    assert qs(text) == []


# --- dates: Jalali with ماه and beside a Gregorian date ----------------------

@pytest.mark.parametrize("text, expected", [
    ("این کانال در بهمن ماه ۱۳۹۸ بسته شد", [("بهمن ماه ۱۳۹۸", "2020-01/2020-02")]),
    ("در ۱۰ دی ماه ۱۳۹۹ اعلام شد", [("۱۰ دی ماه ۱۳۹۹", "2020-12-30")]),
    ("روز ۲۵ آبان ۱۳۹۸ (۱۶ نوامبر ۲۰۱۹) اعلام شد",
     [("۲۵ آبان ۱۳۹۸", "2019-11-16"), ("۱۶ نوامبر ۲۰۱۹", "2019-11-16")]),
    ("روز ۱۶ نوامبر ۲۰۱۹ (۲۵ آبان) اعلام شد",
     [("۱۶ نوامبر ۲۰۱۹", "2019-11-16"), ("۲۵ آبان", "2019-11-16")]),
])
def test_jalali_month_with_mah_and_in_brackets(text, expected):
    assert ds(text) == expected
    assert qs(text) == []          # no stray number from the bracket


def test_a_jalali_year_in_brackets_is_not_a_count():
    assert qs("در سال ۲۰۲۰ (۱۳۹۹) اعلام شد") == []


# --- dates: implicit and relative years ----------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The cell was formed in late December 2016, and on the second of January it struck.",
     [("December 2016", "2016-12"), ("second of January", "2017-01-02")]),
    ("The report is dated March 3, 2021. The channels grew since December.",
     [("March 3, 2021", "2021-03-03"), ("December", "2020-12")]),
    ("أطلقت الحملة في أكتوبر 2018، ثم توقفت في يناير",
     [("أكتوبر 2018", "2018-10"), ("يناير", "2019-01")]),
    ("در بهمن ۱۳۹۷ آغاز شد و در فروردین پایان یافت",
     [("بهمن ۱۳۹۷", "2019-01/2019-02"), ("فروردین", "2019-03/2019-04")]),
    ("وفي عام 2013 أطلق التطبيق، وفي مارس من العام ذاته توسع",
     [("2013", "2013"), ("مارس من العام ذاته", "2013-03")]),
])
def test_implicit_years_follow_the_story(text, expected):
    assert ds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("صدر البيان في 12 آذار 2019، وكان النشاط قد بلغ ذروته في تشرين الثاني الماضي",
     [("12 آذار 2019", "2019-03-12"), ("تشرين الثاني الماضي", "2018-11")]),
    ("گزارش ۵ مهر ۱۴۰۰ منتشر شد؛ این کانال از آذر گذشته فعال بود",
     [("۵ مهر ۱۴۰۰", "2021-09-27"), ("آذر گذشته", "2020-11/2020-12")]),
    ("In a statement on 4 May 2020, police said the cell had been active since last September.",
     [("4 May 2020", "2020-05-04"), ("September", "2019-09")]),
])
def test_last_month_is_before_the_reference_date(text, expected):
    assert ds(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("أغلقت القنوات الشهر الماضي", "2019-03-12", [("الشهر الماضي", "2019-02")]),
    ("کانال‌ها ماه گذشته بسته شدند", "2020-01", [("ماه گذشته", "2019-12")]),
    ("the channels closed last month", "2021-07-01", [("last month", "2021-06")]),
    ("أغلقت القنوات في نوفمبر الماضي", "2019-03-12", [("نوفمبر الماضي", "2018-11")]),
])
def test_relative_months_against_the_publication_date(text, published, expected):
    assert ds(text, published=published) == expected


@pytest.mark.parametrize("text", ["أغلقت القنوات الشهر الماضي", "the channels closed last month",
                                  "أغلقت القنوات في نوفمبر الماضي"])
def test_relative_dates_with_nothing_to_go_on_are_left_out(text):
    assert [d for _, d in ds(text) if d is not None] == []


# --- dates: ordinal-word day ranges, lower-case English, Hijri ----------

@pytest.mark.parametrize("text, expected", [
    ("بين الخامس والسابع من أكتوبر 2018", [("الخامس", "2018-10-05"), ("السابع من أكتوبر 2018", "2018-10-07")]),
    ("بين الخامس والعشرين من نوفمبر 2019", [("الخامس والعشرين من نوفمبر 2019", "2019-11-25")]),
    ("from the third to the ninth of May 2020", [("third", "2020-05-03"), ("ninth of May 2020", "2020-05-09")]),
    ("از پنجم تا هفتم مهر ۱۳۹۹", [("پنجم", "2020-09-26"), ("هفتم مهر ۱۳۹۹", "2020-09-28")]),
])
def test_ordinal_word_day_ranges(text, expected):
    assert ds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("on 5 march 2019 the app", [("5 march 2019", "2019-03-05")]),
    ("posted on june 12, 2020", [("june 12, 2020", "2020-06-12")]),
    ("in october 2017", [("october 2017", "2017-10")]),
])
def test_lower_case_english_months_with_a_day_or_year(text, expected):
    assert ds(text) == expected


@pytest.mark.parametrize("text", ["you may need it", "we march on", "in may we trust"])
def test_lower_case_words_that_are_not_months(text):
    assert ds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("في رمضان 1440 هـ", [("رمضان 1440 هـ", "2019-05/2019-06")]),
    ("في 1 رمضان 1440", [("1 رمضان 1440", "2019-05-06")]),
    ("في ذي الحجة 1441", [("ذي الحجة 1441", "2020-07/2020-08")]),
])
def test_hijri_months_with_a_year(text, expected):
    assert ds(text) == expected


@pytest.mark.parametrize("text", ["خلال شهر رمضان", "العدد صفر", "قال رجب إن"])
def test_hijri_month_names_without_a_year_are_not_dates(text):
    assert ds(text) == []


# --- platforms: rarer spellings with particles -----------------------------

@pytest.mark.parametrize("text, span, ident", [
    ("انتقلوا بالفيسبوك إلى", "فيسبوك", "facebook"),
    ("دعوا للواتساب", "واتساب", "whatsapp"), ("روجوا لإنستجرام", "إنستجرام", "instagram"),
    ("نشروا على الفايسبوك", "فايسبوك", "facebook"), ("وعبر إنستاغرام", "إنستاغرام", "instagram"),
    ("استخدموا روكت تشات", "روكت تشات", "rocketchat"), ("على منصة هووب", "هووب", "hoop"),
    ("ولجأوا لليوتوب", "يوتوب", "youtube"), ("نقلوا المحتوى للتام تام", "تام تام", "tamtam"),
    ("در اینستا فعال بودند", "اینستا", "instagram"), ("از واتس‌آپ استفاده", "واتس‌آپ", "whatsapp"),
    ("moved to Nandbox and Tamtam", "Tamtam", "tamtam"),
])
def test_rarer_platform_spellings_with_particles(text, span, ident):
    assert (span, ident) in ents(text)


def test_a_capitalised_ambiguous_name_inside_a_sentence_is_the_platform():
    assert ("Riot", "riot") in ents("Tips went to the police, and Riot's developers shut it down.")
    assert ents("Riot police were deployed.") == []
    assert ents("a riot broke out") == []


def test_a_description_with_an_adjective_before_the_name_is_one_mention():
    found = ents("قال مكتب التحقيقات الفيدرالي الأمريكي «إف بي آي» إن")
    assert found == [("إف بي آي", "fbi")]


# --- found by probing new sentences -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("در دی‌ماه ۱۳۹۸ اعلام شد", [("دی\u200cماه ۱۳۹۸", "2019-12/2020-01")]),
    ("In Ramadan 1440 the channels grew", [("Ramadan 1440", "2019-05/2019-06")]),
])
def test_glued_mah_and_english_hijri_names(text, expected):
    assert ds(text) == expected
    assert qs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Europol flagged 1,200 accounts; another 800 followed in May.", ["account", "account"]),
    ("It raised $1.2bn, and at least 300 of its members were arrested.", ["usd", "member"]),
    ("وقال إن الشبكة تضم 150 عضواً، بينهم 20 امرأة", ["member", "person"]),
])
def test_more_borrowing_rules(text, expected):
    assert [q[2] for q in qs(text)] == expected


def test_a_decimal_with_a_glued_m_is_millions():
    assert [(q[1], q[2]) for q in qs("removed 4.5m posts, up from 3.1m")] == [
        (4500000, "post"), (3100000, "post")]


def test_a_jalali_month_of_the_same_year_takes_the_jalali_year():
    assert ds("او از فروردین ۱۳۹۸ تا خرداد همان سال فعال بود") == [
        ("فروردین ۱۳۹۸", "2019-03/2019-04"), ("خرداد همان سال", "2019-05/2019-06")]


@pytest.mark.parametrize("text, qualifier", [
    ("تعداد اعضا از ۵ هزار نفر فراتر رفت", "at_least"), ("۲۰ کانال یا بیشتر", "at_least"),
    ("۲۰ کانال یا کمتر", "at_most"),
])
def test_persian_qualifiers_after_the_noun(text, qualifier):
    assert qs(text)[0][3] == qualifier


@pytest.mark.parametrize("text, expected", [
    ("وفي عام 2019م أغلقت الشركة الحسابات", [("2019", "2019")]),
    ("في الأسبوع الأول من ديسمبر 2019", [("ديسمبر 2019", "2019-12")]),
    ("في النصف الثاني من مارس 2020", [("مارس 2020", "2020-03")]),
])
def test_calendar_letters_and_ordinals_of_weeks(text, expected):
    assert ds(text) == expected
