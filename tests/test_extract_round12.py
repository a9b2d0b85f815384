"""Issue 19's twelfth round: one test per phenomenon, on sentences written for
these tests (none copied from any gold set), each with a case where the rule
must not fire."""
import pytest

from analysis.extract.entities import EntityExtractor
from tests.mentions import ents, qs


def twitter(text):
    return [t for t, c in ents(text) if c == "twitter"]


# --- X, the platform once called Twitter -------------------------------------------

@pytest.mark.parametrize("text", [
    "The governor announced the curfew on X late on Friday.",
    "Police shared the suspect's photo via X and asked for help.",
    "The militants ran dozens of X accounts before the ban.",
    "On the platform X, the clip drew 2 million views.",
    "X, which Elon Musk bought in 2022, kept the video up.",
    "The video stayed on X (formerly Twitter) for a week.",
    "Regulators wrote to YouTube, X and TikTok last month.",
    "X Corp lost its appeal against the regulator.",
    "An X post by the ministry listed the names.",
])
def test_english_x_is_twitter_with_a_cue(text):
    # "Twitter" beside it is a mention of its own
    assert twitter(text)[:1] == ["X"]


@pytest.mark.parametrize("text", [
    "نشرت الشرطة صورة المطلوب على منصة إكس.",
    "وأعلن الناطق الخبر في تغريدة عبر إكس مساء الجمعة.",
    "أغلقت «إكس» (تويتر سابقاً) مئات الحسابات.",
    "وتنشط الخلية على تلغرام وإكس منذ عامين.",
    "وقال في حسابه على إكس إن التحقيق مستمر.",
])
def test_arabic_iks_is_twitter_with_a_cue(text):
    assert twitter(text)[:1] == ["إكس"]


@pytest.mark.parametrize("text", [
    "پلیس عکس متهم را در ایکس منتشر کرد.",
    "این ویدئو در پلتفرم ایکس دست‌به‌دست شد.",
    "ایکس (توییتر سابق) صدها حساب را مسدود کرد.",
    "این گروه در تلگرام و ایکس کانال داشت.",
])
def test_persian_iks_is_twitter_with_a_cue(text):
    assert twitter(text)[:1] == ["ایکس"]


@pytest.mark.parametrize("text", [
    # the letter in other names and uses
    "The wounded man needed an X-ray at the clinic on Telegram Street.",
    "Doctors relied on X-rays to find the shrapnel.",
    "Malcolm X was quoted in the group's Telegram posts.",
    "Members of Generation X users were surveyed about Telegram.",
    "Under Article X of the charter, a channel may be closed.",
    "Suspect X told the court he ran a Telegram channel.",
    "Chapter X of the report describes the platform in detail.",
    "The court heard the case of Mr X, who ran 3 channels.",
    "They based the count on X number of channels.",
    "SpaceX launched a rocket on Tuesday.",
    # lower case is never the platform, and a capital alone is no cue
    "A 3 x 4 grid of images was posted on Telegram.",
    "The file was posted on x.",
    "Investigators say X, the defendant, was 19.",
])
def test_a_bare_or_other_english_x_is_not_twitter(text):
    assert twitter(text) == []


@pytest.mark.parametrize("text", [
    "أظهرت صور أشعة إكس كسوراً في الضلوع.",
    "أطلقت شركة سبيس إكس صاروخاً جديداً.",
    "اشترى جهاز إكس بوكس لابنه.",
    "تصویر اشعه ایکس شکستگی را نشان داد.",
    "شرکت اسپیس ایکس موشک تازه‌ای پرتاب کرد.",
    "نسل ایکس کمتر از تلگرام استفاده می‌کند.",
])
def test_arabic_and_persian_x_in_other_names_is_not_twitter(text):
    assert twitter(text) == []


def test_once_x_is_the_platform_later_bare_mentions_are_too():
    text = ("The ministry said X, formerly Twitter, removed 50 accounts.\n"
            "X did not reply to questions.")
    assert twitter(text) == ["X", "Twitter", "X"]
    # with no cue anywhere, a bare X stays a letter
    assert twitter("X did not reply to questions.") == []


def test_guarded_cues_are_data(tmp_path, monkeypatch):
    """A cue word before or after a guarded name comes from guarded.csv's
    before and after columns; a blocked phrase that holds only a guarded
    name is checked where that name stands."""
    (tmp_path / "entities.csv").write_text("id,kind,name_en,notes\nhoop,platform,Hoop,\n",
                                           encoding="utf-8")
    (tmp_path / "aliases.csv").write_text("id,alias,lang\n", encoding="utf-8")
    (tmp_path / "guarded.csv").write_text(
        "id,alias,lang,context,before,after\nhoop,Hoop,en,,via,users\n", encoding="utf-8")
    (tmp_path / "blocked.csv").write_text("phrase,reason\nHoop Street,\n", encoding="utf-8")
    from analysis.extract import entities
    monkeypatch.setattr(entities, "GAZETTEER_DIR", tmp_path)
    ex = EntityExtractor()
    guard = ex.guards["hoop"][1]
    assert guard.before.search("sent via ")
    assert guard.after.match(" users", 0)
    assert not guard.before.search("sent over ")
    assert guard.blocked.search("hoop street")
    assert ex.blocked == []


# --- the dollar of the country the story is set in ---------------------------------

def money_units(text):
    return [(t, u) for t, _v, u, _q, _p in qs(text)]


def test_a_bare_dollar_is_the_currency_of_the_story_setting():
    assert money_units("Calgary man fined over extremist posts\nHe was ordered to pay $2,500.") == [
        ("$2,500", "cad")]
    assert money_units("Brisbane court jails recruiter\nThe cell raised $40,000 online.") == [
        ("$40,000", "aud")]
    assert money_units("Wellington police seize phones\nThe group sent $900 abroad.") == [
        ("$900", "nzd")]
    # no setting named: US dollars, as before
    assert money_units("The cell raised $40,000 online.") == [("$40,000", "usd")]


def test_a_country_named_deep_in_the_story_is_no_setting():
    filler = "The researchers followed the channels for months and counted their posts. " * 6
    text = "Extremists move to new apps\n" + filler + "Its Canadian owner raised $3m."
    assert money_units(text)[-1] == ("$3m", "usd")
    # and an Arabic or Persian dollar stays the US dollar (a local one is named: دولار كندي)
    assert money_units("سيدني - دفع المتهم 500 دولار للخلية.") == [("500", "usd")]
