"""The platform-policy chapter: which claims, under which platform, how shown, and the timeline."""
from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd

from analysis.chapters import policy, timeline
from analysis.display import figures
from analysis.evidence import facts as factsmod
from analysis.paths import PATHS
from analysis.evidence.loader import load_evidence
from analysis.book.prepare import reference_tables
from tests.conftest import run_cli

TABLES = reference_tables(load_evidence(PATHS))
CLAIMS, FACTS, REGISTER = TABLES["claims.csv"], TABLES["facts.csv"], TABLES["discrepancies.csv"]
ENTITIES = factsmod.load_entities(PATHS)
NAMES = dict(zip(ENTITIES["id"], ENTITIES["name_en"]))
KINDS = dict(zip(ENTITIES["id"], ENTITIES["kind"]))
EVENTS = factsmod.load_events(PATHS)
EV = load_evidence(PATHS)
SCOPED = policy.policy_claims(CLAIMS, NAMES)
BY_ID = SCOPED.set_index("id")
WORDS = policy.load_words(PATHS, EV.corpus, set(EVENTS) | set(REGISTER["case"]))


# --- which claims, under which platform ---------------------------------------------
def test_the_chapter_and_the_left_out_partition_the_claims_of_its_types():
    left = policy.left_out(CLAIMS)
    kinds = CLAIMS[CLAIMS["type"].isin(policy.POLICY_TYPES + (policy.TAKEDOWN,))]
    assert SCOPED["id"].is_unique                                        # each claim once
    assert set(SCOPED["id"]) | set(left["id"]) == set(kinds["id"])
    assert not set(SCOPED["id"]) & set(left["id"])
    assert set(SCOPED["type"]) <= set(policy.POLICY_TYPES + (policy.TAKEDOWN,))


def test_takedowns_only_where_a_platform_acts():
    for cid in ("001-06", "001-13", "002-08", "002-16", "003-03", "004-01", "004-07", "004-08"):
        assert cid in BY_ID.index, cid
    for cid in ("001-02", "001-17", "002-09"):        # Europol, the Belgian prosecutor
        assert cid not in BY_ID.index, cid
    for r in SCOPED[SCOPED["type"] == policy.TAKEDOWN].to_dict("records"):
        assert set(policy.ids(r["platforms"])) & set(policy.ids(r["actors"])), r["id"]


def test_policy_claims_naming_no_platform_are_left_out_but_cooperation_is_kept():
    assert "002-13" not in BY_ID.index and "001-04" not in BY_ID.index
    assert BY_ID.loc["000-02", "platform"] == policy.UNNAMED
    assert BY_ID.loc["000-02", "section"] == "others"


def test_filed_under_the_acting_platform_with_the_others_listed():
    assert BY_ID.loc["002-11", "platform"] == "tamtam"           # TamTam's channels, like Telegram's
    assert BY_ID.loc["001-05", "platform"] == "telegram"
    assert policy.ids(BY_ID.loc["001-05", "also"]) == ["twitter", "google", "instagram"]
    assert BY_ID.loc["004-15", "platform"] == "vk" and BY_ID.loc["004-15", "section"] == "others"
    assert BY_ID.loc["000-08", "section"] == "twitter"
    assert list(dict.fromkeys(SCOPED["section"])) == ["telegram", "twitter", "tamtam", "others"]


def test_platform_order():
    assert policy.platform_order(["vk", "tamtam", "instagram", "telegram", "twitter"], NAMES) == [
        "telegram", "twitter", "tamtam", "instagram", "vk"]
    assert policy.primary_platform([], ["fbi"], NAMES) == policy.UNNAMED


def test_counts_table_adds_up():
    t = policy.counts_table(SCOPED, NAMES).set_index("platform (filed under)")
    assert t.loc["all", "all"] == len(SCOPED)
    assert t.loc["Telegram", "all"] == (SCOPED["platform"] == "telegram").sum()
    assert t.drop(index="all")["all"].sum() == len(SCOPED)


# --- cooperation -----------------------------------------------------------------------
COOP = policy.cooperation_rows(SCOPED, FACTS, NAMES, KINDS, REGISTER)


def test_durov_is_telegrams_voice_not_a_party():
    assert policy.platform_people(FACTS, KINDS)["pavel-durov"] == "telegram"
    assert "pavel-durov" not in set(COOP["counterpart"])


def test_who_cooperated_with_whom():
    s = policy.cooperation_summary(COOP, NAMES)
    europol = s[(s["platform"] == "Telegram") & (s["with"] == "Europol")].iloc[0]
    assert "001-11 (A2)" in europol["cooperated (claim, grade)"]   # no fact gives "a year and a half"
    assert europol["did not cooperate (claim, grade)"] == ""
    fata = s[(s["platform"] == "Telegram") & (s["with"] == "FATA")].iloc[0]
    assert fata["register"] == "unresolved"
    unnamed = s[s["with"].str.startswith("not named")]
    assert len(unnamed) == 1 and "Kamal Hadianfar" in unnamed.iloc[0]["with"]
    assert "000-12 (D6)" in unnamed.iloc[0]["did not cooperate (claim, grade)"]
    # every platform a cooperation claim names gets a row (Europol's providers)
    assert {"Twitter", "Google", "Instagram", "Facebook"} <= set(s["platform"])
    assert set(COOP["claim"]) == set(SCOPED.loc[SCOPED["type"].isin(policy.COOPERATION_TYPES), "id"])


# --- how a claim is shown ------------------------------------------------------------
def _card(cid: str) -> str:
    return policy.cards_html(SCOPED[SCOPED["id"] == cid], FACTS, REGISTER, WORDS, headings=False)


def test_card_quotes_in_its_script_with_the_translation():
    # the shared quote component (render.quote): the original in its script, the translation
    # as its caption (side by side on a wide screen, by the chapter's stylesheet)
    card = _card("000-14")
    assert re.search(r'<figure class="claim-quote"><blockquote dir="rtl" lang="fa">[^<]*سه روز بعد', card)
    assert re.search(r'<span class="translation" lang="en">[^<]*identified to us by Telegram three days after',
                     card)
    tweet = _card("001-11")                                    # English: not translated into itself
    assert 'dir="rtl"' not in tweet and '<blockquote lang="en">' in tweet
    assert 'class="translation"' not in tweet


def test_card_shows_the_chain_grade_and_facts_in_words_with_issuer_and_address():
    card = _card("004-06")
    assert "unnamed Arabic-language outlet → Telegram" in card          # no '(article 004)' tag
    assert "<strong>F1</strong> cannot be judged source, confirmed" in card
    assert "Telegram: IS channels blocked after the Paris attacks" in card and "issuer: Telegram" in card
    assert "telegram-2015-channels" not in card
    assert 'href="https://thenextweb.com/news/telegram-says-it-shut-down-78-isis-related-channels-this-week"' in card
    assert 'href="articles/004.html">Unnamed outlet, November 2015</a>, characters 533–686' in card
    assert "18 November 2015" in card and "2015-11-18" not in card


def test_the_unresolved_conflict_is_linked_beside_each_of_its_claims_and_shown_once():
    for cid in ("000-14", "000-15", "000-16"):
        card = _card(cid)
        assert 'href="#case-d-000-14"' in card and "pc-unresolved" in card, cid
        assert "takes no side" in card
        assert "Telegram&#x27;s privacy policy on court-ordered disclosure" in card
    # 000-12 is no contradiction of 000-14: "no help" before the attack, a late, partial name after
    # it, one qualified statement (issue 15); the card shows no register case for it
    assert "Register" not in _card("000-12") and "Register" not in _card("000-13")
    assert 'href="#case-d-004-01"' in _card("004-01") and "pc-unresolved" not in _card("004-01")
    assert "Register" not in _card("002-22")
    # the case itself once, where the cards link
    cases = policy.register_html(policy.cases_touching(REGISTER, SCOPED["id"]), WORDS)
    assert cases.count('id="case-d-000-14"') == 1
    assert re.search(r'id="case-d-000-14"><p class="pp-case-head">Unresolved: conflicting statements', cases)
    for case in policy.cases_touching(REGISTER, SCOPED["id"])["case"]:
        assert f'id="case-{case}"' in cases


def test_annotator_notes_are_folded_with_their_codes_marked_as_code():
    card = _card("000-14")
    assert '<details class="pc-notes"><summary>Notes for annotators</summary>' in card
    assert "<code>event_date</code>" in card and "<code>tehran-2017-attacks</code>" in card
    assert "7 June 2017" in card and "2017-06-07" not in card
    # the grade's reason is reader text: fact ids by their titles, no curation numbers
    reason = _card("003-07").split("<dt>Grade</dt>")[1].split("</dd>")[0]
    assert "«Durov at TechCrunch Disrupt: privacy over fear»" in reason and "discrepancy 9" not in reason


def test_card_escapes_hostile_text():
    row = SCOPED[SCOPED["id"] == "002-22"].copy()
    row["quote"] = '<script>alert(1)</script>'
    row["grade_reason"] = '"><img src=x onerror=alert(1)>'
    row["notes"] = '<b onmouseover=alert(1)>x</b> event_date'
    card = policy.cards_html(row, FACTS, REGISTER, WORDS)
    assert "<script>" not in card and "<img" not in card and "<b " not in card
    assert "&lt;script&gt;" in card


def test_cards_are_grouped_in_folds_that_say_what_and_how_many():
    telegram = SCOPED[SCOPED["platform"] == "telegram"]
    html = policy.folded_groups_html(telegram, FACTS, REGISTER, WORDS, "Telegram")
    summaries = re.findall(r"<summary>([^<]*)</summary>", html)
    folds = [s for s in summaries if s != "Notes for annotators"]
    assert folds[0].startswith("What Telegram says: stance and rules: ")
    assert sum(int(re.search(r": (\d+) claims?", s).group(1)) for s in folds) == len(telegram)
    assert html.count('class="policy-card"') == len(telegram)


def test_every_register_kind_status_confidence_and_precision_has_words():
    from analysis.display.labels import evidence_words
    from analysis.evidence.register import KIND_ORDER, STATUS_ORDER

    words = evidence_words(PATHS)
    wanted = {("kind", k) for k in KIND_ORDER} | {("status", s) for s in STATUS_ORDER}
    wanted |= {("confidence", c) for c in FACTS["confidence"]}
    wanted |= {("precision", p) for p in set(CLAIMS["event_date_precision"]) | set(FACTS["date_precision"]) if p}
    assert not wanted - set(words), sorted(wanted - set(words))


def test_curators_remarks_and_file_names_leave_reader_text():
    said, notes = policy.split_curation(FACTS.set_index("id").loc["telegram-2013-launch", "fact"])
    assert said == "Telegram launched in 2013" and "discrepancy 8" in notes[0]
    card = _card("004-14")                        # the fact's remark is folded for annotators
    reader = re.sub(r'<details class="pc-notes">.*?</details>', "", card, flags=re.S)
    assert "curator" not in reader and "curator addition" in card
    assert WORDS.plain("not in facts.csv") == "not in the facts table"
    assert "<code>reference-facts.md</code>" in WORDS.note_html("Not a discrepancy (reference-facts.md)")


def test_dates_written_by_hand_in_words():
    from analysis.display.dates import as_written

    assert as_written("2019-11-21 to 2019-11-24") == "21–24 November 2019"
    assert as_written("2015-09 (21–23 Sep)") == "September 2015 (21–23 Sep)"
    assert as_written("2018-04-28 to 2018-07") == "28 April 2018 – July 2018"
    assert as_written("") == "undated" and as_written("about then") == "about then"


def test_claims_and_grades_in_the_cooperation_table_are_badges_with_grades():
    cell = policy.claim_grades_html("001-05 (C2), 001-11 (A2)", WORDS)
    assert cell.count('class="claim-ref"') == 2
    assert '<abbr title="A2: completely reliable source, probably true">A2</abbr>' in cell


def test_claim_links_only_to_known_claims_and_reach_their_article_page():
    html = policy.link_claims("003-06, 003-07", known=["003-07"])
    assert 'href="articles/003.html#claim-003-07"' in html and "#claim-003-06" not in html


# --- the timeline --------------------------------------------------------------------
MARK_NAMES = policy.mark_names(SCOPED, FACTS, WORDS)
MARKS, NOT_DRAWN = timeline.timeline_data(SCOPED, FACTS, EVENTS, NAMES, KINDS, mark_names=MARK_NAMES)
ARRANGED = timeline.arrange(MARKS, EVENTS)


def _mark(mid: str, platform: str | None = None) -> dict:
    rows = ARRANGED[ARRANGED["id"] == mid]
    if platform:
        rows = rows[rows["platform"] == platform]
    assert len(rows) == 1, mid
    return rows.iloc[0].to_dict()


def test_timeline_has_claims_and_facts_on_one_row_per_platform():
    assert set(ARRANGED["source"]) == {"claim", "fact"}
    assert list(dict.fromkeys(ARRANGED["platform"])) == ["telegram", "twitter", "tamtam"]
    dated = SCOPED[(SCOPED["event_date"] != "") & (SCOPED["platform"] != "")]
    assert set(ARRANGED.loc[ARRANGED["source"] == "claim", "id"]) == set(dated["id"])


def test_dates_are_drawn_at_their_precision():
    m = _mark("001-05")                       # "November 2019": the whole month
    assert (m["start"], m["end"], m["drawn_as"]) == ("2019-11-01", "2019-11-30", "span")
    m = _mark("telegram-2013-launch")
    assert (m["start"], m["end"], m["drawn_as"]) == ("2013-01-01", "2013-12-31", "span")
    m = _mark("002-08")
    assert (m["start"], m["end"], m["drawn_as"]) == ("2019-11-21", "2019-11-24", "span")
    assert _mark("000-14")["drawn_as"] == "point" and _mark("telegram-2015-channels")["drawn_as"] == "point"
    assert set(ARRANGED.loc[ARRANGED["drawn_as"] == "point", "precision"]) == {"day"}


def test_nothing_before_2013_and_everything_left_out_says_why():
    assert min(ARRANGED["end"]) >= "2013-01-01"
    why = NOT_DRAWN.set_index("id")["why"]
    assert why["vk-2006-founding"] == "before 2013"
    assert why["europol-2019-referrals"] == "names no platform"
    assert why["whatsapp-2014-acquisition"].startswith("about a platform with no policy claim")
    drawn_facts = set(ARRANGED.loc[ARRANGED["source"] == "fact", "id"])
    assert drawn_facts | set(NOT_DRAWN.loc[NOT_DRAWN["source"] == "fact", "id"]) == set(FACTS["id"])


def test_fact_platforms_from_issuer_and_words():
    f = FACTS.set_index("id")
    assert timeline.fact_platforms(f.loc["twitter-2016-02"].to_dict() | {"id": "x"}, KINDS) == ["twitter"]
    assert timeline.fact_platforms(f.loc["europol-2019-telegram-rad"].to_dict(), KINDS) == ["telegram"]
    assert timeline.fact_platforms(f.loc["europol-2019-referrals"].to_dict(), KINDS) == []


def test_marks_of_a_lane_never_overlap():
    layout = timeline.Layout(*timeline.extent(ARRANGED))
    pad = layout.pad_days()
    for _, g in ARRANGED.groupby(["platform", "source", "level"]):
        spans = sorted((dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in zip(g["start"], g["end"]))
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert (b0 - a1).days > 2 * pad - 1, (g["id"].tolist())


def test_labels_of_a_row_never_overlap():
    layout = timeline.Layout(*timeline.extent(ARRANGED))
    labels = ARRANGED.drop_duplicates(["platform", "label"])
    sizes = timeline.measure(list(labels["label"]), layout.label_font)
    for _, g in labels.groupby(["platform", "label_level"]):
        boxes = []
        for r in g.to_dict("records"):
            x = (dt.date.fromisoformat(r["label_x"]) - layout.lo).days
            w = sizes[r["label"]][0] * layout.days_per_in
            boxes.append((x, x + w) if r["label_ha"] == "left" else (x - w, x))
        boxes.sort()
        for (a0, a1), (b0, b1) in zip(boxes, boxes[1:]):
            assert b0 > a1, g["label"].tolist()


def test_labels_name_the_event_or_the_mark_in_words():
    assert _mark("004-06")["label"] == timeline.short_label(EVENTS["2015-11-telegram-ban"].description)
    # far from its 2019 event: named by its short title, not its id
    assert _mark("crest-2021-posts")["label"] == timeline.wrap_label(
        "CREST: change in IS channels' own posts after the action")
    # dated 2013, its event is VK's 2006: named by its article and its first words
    assert _mark("004-05")["label"].replace("\n", " ") == \
        "Unnamed outlet, November 2015: “The app, launched by two Russian brothers…”"
    for label in ARRANGED["label"]:
        assert not re.search(r"\d{3}-\d{2}|\d{4}-\d{2}|[a-z]+-[a-z0-9]+-", label), label
    assert timeline.short_label("Telegram blocks 78 ISIS channels in 12 languages (Durov: over 100)") == \
        "Telegram blocks 78 ISIS\nchannels in 12 languages"


def test_close_up_keeps_spans_whole_and_marks_the_cut():
    window = (dt.date(2019, 11, 1), dt.date(2020, 1, 1))
    close = timeline.within(MARKS, *window)
    assert close.set_index("id").loc["001-11", "clipped"] == "left"
    assert close.set_index("id").loc["001-11", "start"] == "2018-05-01"
    assert "crest-2021-posts" not in set(close["id"])


def test_close_up_names_each_mark_in_words_with_its_date():
    window = (dt.date(2019, 11, 1), dt.date(2020, 1, 1))
    close = timeline.closeup_table(MARKS, *window).set_index("id")
    assert close.loc["telegram-isiswatch-2019-11-22", "label"] == \
        "Telegram's ISIS Watch: accounts and bots banned on 22 November · 22 November 2019"
    assert close.loc["001-11", "label"] == \
        "Akhbar Al Aan, November 2019: “Over the past year and a half…” · May 2018 – November 2019"
    assert close.loc["002-08", "label"].endswith("about 5,000 accounts removed · 21–24 November 2019")
    assert list(dict.fromkeys(close["platform"])) == ["telegram", "tamtam"]


def test_phone_figures_keep_their_text_at_least_9_px_on_a_375_px_screen():
    # a figure shown 343 px wide (375 px less the page's margins): a point is 343 / (72 * width) px
    for style in (timeline.PHONE, timeline.CLOSEUP_PHONE):
        px = 343 / (72 * style["width_in"])
        for key in ("label_font", "tick_font", "name_font", "lane_font"):
            assert style[key] * px >= 9, (key, style[key] * px)


def test_figure_and_its_table_are_saved_together_and_reproducibly(tmp_path):
    png1, csv1 = figures.save(timeline.timeline_figure(ARRANGED), ARRANGED, tmp_path / "a" / "timeline")
    png2, csv2 = figures.save(timeline.timeline_figure(ARRANGED), ARRANGED, tmp_path / "b" / "timeline")
    assert png1.read_bytes() == png2.read_bytes() and csv1.read_bytes() == csv2.read_bytes()
    back = pd.read_csv(csv1, dtype=str, keep_default_na=False)
    assert len(back) == len(ARRANGED) and {"start", "end", "precision", "drawn_as", "level"} <= set(back.columns)


# --- the chapter, executed --------------------------------------------------------------
def test_chapter_executes_glues_its_counts_and_saves_its_figures(project):
    proc = run_cli("execute", "platform_policy", root=project.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    nb = json.loads((project.book / "platform_policy.ipynb").read_text(encoding="utf-8"))
    glued, html = {}, []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            key = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if key:
                glued[key] = data.get("application/papermill.record/text/plain")
            html.append(data.get("text/html", ""))
    html = "".join("".join(h) if isinstance(h, list) else h for h in html)
    assert glued["policy_n_claims"] == str(len(SCOPED))
    assert glued["policy_n_telegram"] == str((SCOPED["section"] == "telegram").sum())
    assert glued["policy_n_marks"] == str(len(ARRANGED))
    # case 10 alone: 000's "no help" before the attack does not contradict its late, partial name
    assert glued["policy_n_cases_unresolved"] == "1"
    # every glue key the prose uses is defined
    src = (project.notebooks_src / "platform_policy.py").read_text(encoding="utf-8")
    for key in set(re.findall(r"\{glue:text\}`([A-Za-z0-9_]+)", src)):
        assert key in glued, key
    assert len(re.findall(r'class="policy-card" id="card-', html)) == len(SCOPED)
    for stem in ("platform_policy-timeline", "platform_policy-november-2019"):
        assert (project.book / "figures" / f"{stem}.png").exists()
        assert (project.book / "figures" / f"{stem}.csv").exists()
        # the phone drawing beside it, its table the same one, offered once
        assert (project.book / "figures" / f"{stem}-phone.png").exists()
        assert not (project.book / "figures" / f"{stem}-phone.csv").exists()
    assert (project.book / "figures" / "platform_policy-cooperation.csv").exists()
