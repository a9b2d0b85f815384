"""Issue 19's tenth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set), each with a case where the rule
must not fire."""
from tests.mentions import ds, qs


def units(text):
    return [(t, u) for t, _v, u, _q, _p in qs(text)]


# --- counted nouns ----------------------------------------------------------------

def test_new_counted_nouns():
    assert units("أوقفت الشرطة 6 شبان في حي الميناء.") == [("6", "person")]
    assert units("وضبطت الدورية 4 شرائح اتصال مع الموقوفين.") == [("4", "sim")]
    assert units("نشر الجناح الإعلامي 25 مادة مصورة خلال الشهر.") == [("25", "video")]
    assert units("در این مراسم ۴۰ نمازگزار و ۱۲ زائر حضور داشتند.") == [("۴۰", "worshipper"), ("۱۲", "pilgrim")]
    assert units("این گروه ۹ نشریه منتشر کرد.") == [("۹", "publication")]
    # a plain مادة is still an item of content
    assert units("حذفت المنصة 25 مادة دعائية.") == [("25", "item")]


def test_the_arabic_partitive_of_detainees_counts_people():
    assert units("وقال البيان إن ثلاثة من الموقوفين فروا.") == [("ثلاثة", "person")]


def test_the_dari_gun_counter_is_skipped():
    assert units("پولیس ۱۵ میل سلاح را ضبط کرد.") == [("۱۵", "weapon")]
    # a counter before a noun nobody listed counts nothing
    assert units("او ۱۵ میل راه رفت.") == [("۱۵", None)]


def test_persian_adjective_money():
    assert units("او با وثیقهٔ ۳ میلیون یورویی آزاد شد.") == [("۳ میلیون", "eur")]
    assert units("قراردادی ۲ میلیون دلاری امضا شد.") == [("۲ میلیون", "usd")]


# --- money told by the country the text names --------------------------------------

def test_a_lira_is_the_currency_of_the_country_named():
    assert units("وفي بيروت، دفع المهرب 40 مليون ليرة.") == [("40 مليون", "lbp")]
    assert units("Police in Ankara seized 300,000 liras in cash.") == [("300,000", "try")]
    # no country named: Turkish
    assert units("He was fined 5,000 liras.") == [("5,000", "try")]


def test_an_arabic_pound_is_egyptian_unless_sudan_is_named():
    assert units("وفي الخرطوم، دفع كل منهم 200 ألف جنيه.") == [("200 ألف", "sdg")]
    assert units("غرّمت المحكمة المتهم 10 آلاف جنيه.") == [("10 آلاف", "egp")]
    # an English pound stays sterling
    assert units("The court in Khartoum heard he owed 500 pounds.") == [("500", "gbp")]


def test_singapore_and_australian_dollars_glued():
    assert qs("She paid about S$250 for the knife.") == [("S$250", 250, "sgd", "approx", None)]
    assert qs("He raised A$1,200 online.") == [("A$1,200", 1200, "aud", "exact", None)]
    # a one-letter sign still needs a scale word and capitals
    assert qs("They wore N95 masks.") == []


# --- qualifiers -----------------------------------------------------------------

def test_or_below_and_or_older_after_a_number():
    assert qs("The centre helped 12 boys aged 17 or below.")[-1] == ("17", 17, "year", "at_most", None)
    assert qs("The rule covers users aged 65 or older.")[-1] == ("65", 65, "year", "at_least", None)
    assert qs("The rule covers users aged 65.")[-1] == ("65", 65, "year", "exact", None)


# --- digest lines and years --------------------------------------------------------

def test_a_digest_figure_that_looks_like_a_year_is_a_count():
    text = "أرقام الأسبوع\n• ٢٠٤٥: عدد الحسابات التي أغلقتها المنصة.\n• ١٢ ألفاً: عدد المنشورات المحذوفة."
    assert units(text)[0] == ("٢٠٤٥", "account")
    assert ds(text) == []
    # a year opening a timeline line, with no "number of", stays a year
    assert qs("• 2019: the platform closed the channel.") == []


def test_a_digest_caption_may_open_with_an_average():
    text = "• ٤٠ ألفاً: متوسط عدد الحسابات التي تحذفها المنصة شهرياً."
    assert qs(text) == [("٤٠ ألفاً", 40000, "account", "exact", "month")]


def test_a_year_after_the_word_year_is_a_year_even_before_a_noun():
    assert ds("این گروه از سال ۲۰۱۶ ویدیوهای تبلیغاتی منتشر می‌کند.") == [("۲۰۱۶", "2016")]
    assert qs("این گروه از سال ۲۰۱۶ ویدیوهای تبلیغاتی منتشر می‌کند.") == []
    # no year word: a count of videos
    assert units("این گروه ۲۰۱۶ ویدیو منتشر کرد.") == [("۲۰۱۶", "video")]


def test_the_year_before_an_event_noun_is_a_year():
    assert ds("He had studied the 2017 attacks in London.") == [("2017", "2017")]
    # not an event: a count
    assert units("The 2017 accounts were closed.")[0] == ("2017", "account")


# --- numerals -------------------------------------------------------------------

def test_a_slash_is_a_decimal_mark_before_a_persian_scale_word():
    assert qs("این شبکه ۲/۵ میلیون کاربر دارد.") == [("۲/۵ میلیون", 2500000, "user", "exact", None)]
    # a date keeps its slashes
    assert qs("این حکم در تاریخ ۹۸/۰۸/۲۶ صادر شد.") == []


def test_a_scale_word_after_a_vague_plural_is_no_count():
    assert qs("این سایت ده‌ها هزار ویدیو را حذف کرد.") == []
    assert qs("حذفت المنصة عشرات الآلاف من الحسابات.") == []
    assert units("این سایت ۲۰ هزار ویدیو را حذف کرد.") == [("۲۰ هزار", "video")]
