"""Gazetteer mentions: spellings, clitics, handles, URLs, guards, data integrity."""
import csv

import pytest

from analysis.extract import extract
from analysis.paths import PATHS

PLATFORMS = "telegram twitter tamtam whatsapp facebook instagram google youtube vk rocketchat hoop nandbox riot".split()
ORGS = ("europol eurojust eu-iru fbi interpol isis al-qaeda isd bbc fata naja "
        "belgian-federal-police belgian-federal-prosecutor belgian-investigating-court belga "
        "reuters the-telegraph cope isna akhbar-al-aan memri daily-beast techcrunch "
        "nashir-news-agency amaq dabiq mail-ru crest gwu-program-on-extremism brookings norad "
        "us-government iran-judiciary tehran-revolutionary-court islamic-parliament-of-iran").split()
PERSONS = ("pavel-durov nikolai-durov kamal-hadianfar abu-bakr-al-baghdadi amarnath-amarasingam "
           "eric-van-der-sypt abdirahim-saeed jawad-al-sayegh bill-gortney vladimir-putin "
           "ruhollah-khomeini elham-abolfateh ahmed-sabry j-m-berger jonathon-morgan shiraz-maher "
           "charlie-winter bennett-clifford helen-powell").split()


def ents(text):
    return [(m.kind, m.text, m.canonical) for m in extract(text)
            if m.kind in ("platform", "organization", "person")]


def test_gazetteer_has_exactly_the_agreed_ids():
    with open(PATHS.gazetteer / "entities.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    got = {(r["kind"], r["id"]) for r in rows}
    want = ({("platform", i) for i in PLATFORMS} | {("organization", i) for i in ORGS}
            | {("person", i) for i in PERSONS})
    assert got == want
    with open(PATHS.gazetteer / "aliases.csv", encoding="utf-8") as fh:
        alias_ids = {r["id"] for r in csv.DictReader(fh)}
    assert alias_ids == {i for _k, i in want}   # every id has spellings


@pytest.mark.parametrize("text, span, ident", [
    ("استخدم تلغرام", "تلغرام", "telegram"), ("استخدم تليغرام", "تليغرام", "telegram"),
    ("استخدم تيليغرام", "تيليغرام", "telegram"), ("استخدم تيليجرام", "تيليجرام", "telegram"),
    ("از تلگرام", "تلگرام", "telegram"), ("uses Telegram", "Telegram", "telegram"),
    ("وتليغرام", "تليغرام", "telegram"), ("بتيليجرام", "تيليجرام", "telegram"),
    ("للتلغرام", "تلغرام", "telegram"), ("التيليغرام", "تيليغرام", "telegram"),
    ("فضای تلگرامی", "تلگرام", "telegram"), ("کانال‌های تلگرام‌ها", "تلگرام", "telegram"),
    ("تـلـغـرام", "تـلـغـرام", "telegram"),
    ("كتويتر", "تويتر", "twitter"), ("توییتر", "توییتر", "twitter"), ("توئیتر", "توئیتر", "twitter"),
    ("عبر TamTam", "TamTam", "tamtam"), ("تام تام", "تام تام", "tamtam"), ("تام‌تام", "تام‌تام", "tamtam"),
    ("واتس آب", "واتس آب", "whatsapp"), ("واتساب", "واتساب", "whatsapp"),
    ("فيسبوك", "فيسبوك", "facebook"), ("فیسبوک", "فیسبوک", "facebook"),
    ("شبكة VKontakte", "VKontakte", "vk"), ("شبكة VK", "VK", "vk"),
    ("Rocket.Chat", "Rocket.Chat", "rocketchat"), ("روكيت تشات", "روكيت تشات", "rocketchat"),
    ("راکت‌چت", "راکت‌چت", "rocketchat"), ("Hoop Messenger", "Hoop Messenger", "hoop"),
    ("تطبيق هوب للمراسلة", "هوب", "hoop"), ("nandbox", "nandbox", "nandbox"),
    ("إنستغرام", "إنستغرام", "instagram"), ("غوغل", "غوغل", "google"), ("يوتيوب", "يوتيوب", "youtube"),
])
def test_platform_spellings(text, span, ident):
    assert ("platform", span, ident) in ents(text)


@pytest.mark.parametrize("text, span, ident", [
    ("تنظيم داعش", "داعش", "isis"), ("داعشیها", "داعش", "isis"),
    ("الدولة الإسلامية", "الدولة الإسلامية", "isis"), ("تنظيم الدولة", "تنظيم الدولة", "isis"),
    ("fighters of ISIS", "ISIS", "isis"), ("the IS group", "IS", "isis"), ("#Isis has", "Isis", "isis"),
    ("يوروبول", "يوروبول", "europol"), ("with @Europol.", "@Europol", "europol"),
    ("پلیس فتای ناجا", "پلیس فتا", "fata"), ("پلیس فتای ناجا", "ناجا", "naja"),
    ("بي بي سي", "بي بي سي", "bbc"), ("ایسنا", "ایسنا", "isna"), ("وكالة بلجا", "بلجا", "belga"),
    ("صحيفة كوبي", "كوبي", "cope"), ("تنظيما الدولة الإسلامية والقاعدة", "القاعدة", "al-qaeda"),
    ("معهد الحوار الاستراتيجي", "معهد الحوار الاستراتيجي", "isd"),
    ("نشرت أعماق التابعة لداعش", "أعماق", "amaq"), ("وكالة أعماق", "وكالة أعماق", "amaq"), ("مجلة دابق", "دابق", "dabiq"),
    ("اینترپل", "اینترپل", "interpol"), ("افسران FBI", "FBI", "fbi"),
])
def test_organization_spellings(text, span, ident):
    assert ("organization", span, ident) in ents(text)


@pytest.mark.parametrize("text, span, ident", [
    ("پاول دوروف", "پاول دوروف", "pavel-durov"), ("بافل دروف", "بافل دروف", "pavel-durov"),
    ("نيكولاي دوروف", "نيكولاي دوروف", "nikolai-durov"), ("هادیانفر گفت", "هادیانفر", "kamal-hadianfar"),
    ("أبو بكر البغدادي", "أبو بكر البغدادي", "abu-bakr-al-baghdadi"),
    ("#أبو_بكر_البغدادي", "أبو_بكر_البغدادي", "abu-bakr-al-baghdadi"),
    ("فلاديمير بوتين", "فلاديمير بوتين", "vladimir-putin"), ("امام خمینی", "امام خمینی", "ruhollah-khomeini"),
    ("أحمــد صبـري", "أحمــد صبـري", "ahmed-sabry"), ("إريك فان دير سيبت", "إريك فان دير سيبت", "eric-van-der-sypt"),
])
def test_person_spellings(text, span, ident):
    assert ("person", span, ident) in ents(text)


@pytest.mark.parametrize("text", [
    "This is what it is", "pic.twitter.com/720sJDYEt2", "https://telegram.org/blog",
    "a basketball hoop", "a riot broke out", "من أعماق القلب", "فتاة صغيرة",
    "Telegram's ISIS Watch channel reported", "مجلس الأمن الدولي",
])
def test_not_entities(text):
    found = ents(text)
    if "ISIS Watch" in text:
        assert ("platform", "Telegram", "telegram") in found
        assert all(span != "ISIS" for _k, span, _i in found)
    else:
        assert found == []


def test_handles_are_mentions_with_the_at_sign():
    found = ents(".@telegram has taken down channels")
    assert found == [("platform", "@telegram", "telegram")]


def test_offsets_are_into_the_original_text():
    text = "قال مؤسس الـتَّلِيغْرَام إن"
    [(kind, span, ident)] = ents(text)
    m = [m for m in extract(text) if m.kind == "platform"][0]
    assert text[m.start:m.end] == m.text and ident == "telegram"
