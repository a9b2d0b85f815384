"""Issue 19, second round: phenomena found on the heldout2 set, one test per
phenomenon and language, on sentences written for these tests (none copied
from any gold set)."""
import pytest

from analysis.extract import extract


def qs(text):
    return [(m.text, m.value, m.unit, m.qualifier, m.per) for m in extract(text)
            if m.kind == "quantity"]


def ds(text, published=None):
    found = extract(text) if published is None else extract(text, published=published)
    return [(m.text, m.to_dict()["date"]) for m in found if m.kind == "date"]


def ents(text):
    return [(m.text, m.canonical) for m in extract(text)
            if m.kind in ("platform", "organization", "person")]


# --- a qualifier inside quotation marks and brackets ---------------------

@pytest.mark.parametrize("text, qualifier", [
    ('the analyst counted the groups ("almost 60", by his reckoning)', "approx"),
    ("وأحصى الباحث القنوات («نحو 60» قناة)", "approx"),
    ('پژوهشگر کانال‌ها را شمرد ("حدود ۶۰" کانال)', "approx"),
    ('("over 60" groups)', "at_least"),
])
def test_a_qualifier_after_a_quote_and_a_bracket(text, qualifier):
    assert qs(text)[0][3] == qualifier


# --- names ---------------------------------------------------------------

@pytest.mark.parametrize("text, canonical", [
    # the Arabic and the Persian spelling normalise alike: both contexts count
    ('بثّت وكالة "أعماق" تسجيلاً جديداً', "amaq"),
    ("خبرگزاری «اعماق» وابسته به داعش", "amaq"),
])
def test_a_guarded_name_keeps_every_context_of_its_spellings(text, canonical):
    assert (text.split('"')[1] if '"' in text else "اعماق", canonical) in ents(text)


@pytest.mark.parametrize("text, name", [
    ('افتتح المطورون خادماً على "روكيت.تشات" الأسبوع الماضي', "روكيت.تشات"),
    ("کانال‌ها به راکت.چت منتقل شدند", "راکت.چت"),
])
def test_a_transliterated_brand_may_keep_its_dot(text, name):
    assert (name, "rocketchat") in ents(text)


@pytest.mark.parametrize("text, spelling, n", [
    # the app is named once with its context, then alone
    ('نقلت القنوات إلى تطبيق "هوب". وبعد شهر أغلق "هوب" عشرات منها.', "هوب", 2),
    ("کانال‌ها به پیام‌رسان هوپ رفتند. مدیران هوپ بعدها ده کانال را بستند.", "هوپ", 2),
    ("Channels moved to Hoop, an encrypted app.\nThe move was noticed by researchers in "
     "several countries within weeks. Hoop later said it had closed them.", "Hoop", 2),
])
def test_an_ambiguous_name_keeps_its_sense_through_the_text(text, spelling, n):
    assert [e for e in ents(text) if e[1] == "hoop"] == [(spelling, "hoop")] * n


def test_the_common_word_stays_a_common_word():
    # lower case: a hoop, not the app, even in a text that names the app
    text = ("Channels moved to Hoop, an encrypted app.\nThe move was noticed by researchers "
            "in several countries within weeks. A child rolled a hoop down the street.")
    assert ents(text) == [("Hoop", "hoop")]
    assert ents("A child rolled a hoop down the street.") == []


@pytest.mark.parametrize("text, expected", [
    ("Riot, the encrypted app, was later renamed Element.", [("Riot", "riot"), ("Element", "riot")]),
    ('انتقلوا إلى "رايوت" الذي صار اسمه "إليمنت"', [("رايوت", "riot"), ("إليمنت", "riot")]),
    ("The periodic table has one element more.", []),
])
def test_riot_under_its_new_name(text, expected):
    assert ents(text) == expected


def test_a_description_with_its_latin_acronym_in_brackets_is_one_mention():
    text = "أحالت وحدة الإحالة على الإنترنت (EU IRU) مئات الروابط"
    assert ents(text) == [("EU IRU", "eu-iru")]
    # a name written in both scripts without brackets stays two mentions
    assert len(ents("Akhbar Al Aan أخبار الآن")) == 2


@pytest.mark.parametrize("text, canonical", [
    ("قال الباحث بينيت كليفورد إن", "bennett-clifford"),
    ("بنت کلیفورد می‌گوید", "bennett-clifford"),
    ("ويرى جيه إم برجر أن", "j-m-berger"),
    ("نیکلای دوروف، برادر پاول", "nikolai-durov"),
    ("برنامه افراط‌گرایی دانشگاه جورج واشنگتن گزارش داد", "gwu-program-on-extremism"),
])
def test_more_spellings_of_listed_names(text, canonical):
    assert canonical in [c for _, c in ents(text)]
