"""The takedown-numbers chapter's computations, on the real data and on small synthetic cases."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.evidence import measures, register
from analysis.chapters import register_text, takedowns
from analysis.display import render
from analysis.evidence.claims import CHAIN_SEP
from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS

EV = load_evidence(PATHS)
CORPUS, ENTITIES, EVENTS, FACTS, CLAIMS = EV.corpus, EV.entities, EV.events, EV.facts, EV.claims
NAMES, KINDS = EV.names, EV.kinds
# claims_table is what `prepare` writes to data/processed/claims.csv.
C, F, REG, HEADLINE = EV.claims_table, EV.facts_table, EV.register, EV.headline
NUMERIC = takedowns.numeric_claims(C, NAMES)
POINTS = takedowns.chart_points(C, F)
WORDS = register_text.words_for(EV)
POINTS_IN_WORDS = takedowns.chart_points(C, F, WORDS)
RAW = {a.id: a.raw for a in CORPUS}


# --- 1. the normalised table ----------------------------------------------------------
def _numeric_ids(frame: pd.DataFrame) -> set[str]:
    return set(frame.loc[frame["value"].astype(str) != "", "id"])


def test_every_numeric_claim_is_in_the_table():
    assert set(NUMERIC["claim"]) == _numeric_ids(C) and NUMERIC["claim"].is_unique
    assert len(NUMERIC) == sum(c.value is not None for c in CLAIMS) > 0
    processed = PATHS.processed / "claims.csv"
    if processed.is_file():   # the file the build wrote, when there is one
        on_disk = pd.read_csv(processed, dtype=str, keep_default_na=False)
        assert set(NUMERIC["claim"]) == _numeric_ids(on_disk)


def test_table_rows_restate_the_claims():
    by_id = {c.id: c for c in CLAIMS}
    for _, row in NUMERIC.iterrows():
        r = row.rename({"source chain": "chain"})
        c = by_id[r.claim]
        assert (r.value, r.unit, r.qualifier, r.measure) == (c.value, c.unit, c.qualifier, c.measure)
        assert r.family == measures.family(c.measure)
        assert r.issuer == c.attribution[-1] and r.grade == c.grade.code
        assert r.quote == RAW[r.article][r.start:r.end] == c.quote
        assert r.span == f"article {r.article}, characters {r.start}–{r.end}"
        assert r.chain.split(CHAIN_SEP) == [NAMES.get(e, e) for e in c.attribution]
    assert NUMERIC.set_index("claim").loc["001-02", "reads as"].startswith("about 26,000 website_and_account")


def test_claim_ids_link_to_their_article_page_without_unescaping_anything():
    df = pd.DataFrame({"a": ["001-02"], "b": ["001-02 <b>"], "c": ["<script>"], "d": ["999-99"]})
    out = render.table(df, cell_html={c: render.claim_cells(known=["001-02"]) for c in df.columns})
    assert out.count('<a class="claim-ref" href="articles/001.html#claim-001-02" data-claim="001-02">') == 2
    assert "&lt;b&gt;</td>" in out and '<td data-label="c">&lt;script&gt;</td>' in out and "<b>" not in out
    assert '<td data-label="d">999-99</td>' in out   # not a known claim: left alone


def test_quotations_keep_script_direction_and_escape():
    q = takedowns.quotations(NUMERIC)
    assert q.count('<div id="quote-') == len(NUMERIC)
    assert 'dir="rtl" lang="ar"' in q and 'lang="fa"' in q
    fake = NUMERIC.head(1).assign(quote="<img src=x>", language="ar")
    assert "<img" not in takedowns.quotations(fake) and "&lt;img src=x&gt;" in takedowns.quotations(fake)


# --- 2. the chart ------------------------------------------------------------------------
def test_every_numeric_claim_is_drawn_and_facts_are_labelled():
    claims_drawn = set(POINTS.loc[POINTS["kind"] == "claim", "point"])
    assert claims_drawn == set(NUMERIC["claim"])
    assert {"europol-2019-referrals", "belgian-police-2019-removed", "isd-tamtam-2019-channels"} <= set(POINTS["point"])
    assert POINTS["point"].is_unique and (POINTS["value"] > 0).all()


def test_no_panel_mixes_measure_families():
    for panel, sub in POINTS.groupby("panel"):
        assert sub["family"].nunique() == 1, panel
        assert all(measures.family(m) == sub["family"].iloc[0] for m in sub["measure"]), panel
    panel_of = dict(zip(POINTS["point"], POINTS["panel"]))
    assert panel_of["europol-2019-referrals"] == "referral"
    assert panel_of["belgian-police-2019-removed"] == panel_of["001-02"] == "removal"
    assert panel_of["telegram-isiswatch-2019-11-22"] == "blocking"
    # days and years are one family but never one axis
    assert panel_of["000-14"] == "duration (day)" and panel_of["001-11"] == "duration (year)"


def test_bounds_are_kept_as_bounds():
    p = POINTS.set_index("point")
    over = p.loc["europol-2019-referrals"]
    assert over["qualifier"] == "at_least" and over["low"] == 26000 and pd.isna(over["high"])
    almost = p.loc["isd-tamtam-2019-channels"]          # "almost" is approx in the lexicon
    assert almost["qualifier"] == "approx" and almost["low"] < 100 < almost["high"]
    about = p.loc["001-02"]
    assert about["qualifier"] == "approx" and about["low"] < 26000 < about["high"]
    assert about["text"] == "≈26,000" and over["text"] == "≥26,000" and almost["text"] == "≈100"


def test_one_issuers_days_are_summed_but_context_facts_are_not_drawn():
    sums = POINTS[POINTS["kind"] == "computed"]
    assert list(sums["value"]) == [5055]
    assert sums.iloc[0]["point"] == "telegram-isiswatch-2019-11-22 + telegram-isiswatch-2019-11-23"
    # 000-14 (3 days) is linked to Telegram's "0 disclosures" only as context
    assert "telegram-privacy-2018" not in set(POINTS["point"])


def _frames(claim_rows, fact_rows):
    cols_c = ["id", "article", "value", "value_high", "unit", "qualifier", "measure", "measure_family",
              "issuer", "facts"]
    cols_f = ["id", "low", "high", "qualifier", "unit", "measure", "measure_family", "issuer", "date_start",
              "date_end"]
    return pd.DataFrame(claim_rows, columns=cols_c), pd.DataFrame(fact_rows, columns=cols_f)


def test_chart_points_synthetic():
    c, f = _frames(
        [["900-01", "900", "10", "", "item", "exact", "removed", "removal", "x", "f-ref;f-zero;f-a;f-b"]],
        [["f-ref", "12", "12", "exact", "item", "referred", "referral", "y", "2019-01-01", "2019-01-01"],
         ["f-zero", "0", "0", "exact", "item", "removed", "removal", "x", "2019-01-01", "2019-01-01"],
         ["f-a", "3", "3", "exact", "item", "removed", "removal", "z", "2019-01-01", "2019-01-01"],
         ["f-b", "4", "4", "exact", "item", "removed", "removal", "z", "2019-01-02", "2019-01-02"]])
    pts = takedowns.chart_points(c, f).set_index("point")
    assert pts.loc["f-ref", "panel"] == "referral" and pts.loc["900-01", "panel"] == "removal"
    assert "f-zero" not in pts.index            # a zero cannot sit on a log axis
    assert pts.loc["f-a + f-b", "value"] == 7   # one issuer's two days, added
    # same days overlap: no sum
    f.loc[f["id"] == "f-b", ["date_start", "date_end"]] = "2019-01-01"
    assert "f-a + f-b" not in takedowns.chart_points(c, f)["point"].tolist()


@pytest.mark.parametrize("layout", ["desktop", "phone"])
def test_chart_figure_has_a_panel_per_family_and_saves_deterministically(tmp_path, layout):
    from analysis.display import figures
    fig = takedowns.chart_figure(POINTS_IN_WORDS, layout)
    # (issue 16) every axes is a panel: each row is labelled above its marker, not by a y tick
    assert len(fig.axes) == POINTS["panel"].nunique()
    assert all(ax.get_xscale() == "log" for ax in fig.axes)
    labels = [t.get_text() for ax in fig.axes for t in ax.texts]
    # (issue 16) labels in words: the article by outlet and date, the source by its title
    assert any(lbl.startswith("Akhbar Al Aan, November 2019") for lbl in labels)
    assert any(lbl.startswith("Europol and Eurojust: IS content referred") for lbl in labels)
    assert not any(re.search(r"\d{3}-\d{2}|[a-z]+_[a-z]+|isiswatch", lbl) for lbl in labels), labels
    png, csv = figures.save(fig, POINTS_IN_WORDS, tmp_path / "a")
    png2, _ = figures.save(takedowns.chart_figure(POINTS_IN_WORDS, layout), POINTS_IN_WORDS, tmp_path / "b")
    assert png.read_bytes() == png2.read_bytes()
    assert len(pd.read_csv(csv)) == len(POINTS)


def test_without_words_the_chart_still_names_its_points():
    fig = takedowns.chart_figure(POINTS)
    labels = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(lbl.startswith("001-02") for lbl in labels)
    assert any(lbl.startswith("europol-2019-referrals") for lbl in labels)


# The article column at 375 px: the viewport less the theme's margins (measured: 343 px).
PHONE_COLUMN_PX = 343


def test_phone_chart_text_is_at_least_9px_at_375px_and_the_legend_covers_no_data():
    fig = takedowns.chart_figure(POINTS_IN_WORDS, "phone")
    scale = PHONE_COLUMN_PX / (fig.get_figwidth() * 72)          # css px per point
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
             if t.get_text().strip()]
    assert texts and min(t.get_fontsize() for t in texts) * scale >= 9, \
        min((t.get_fontsize() * scale, t.get_text()) for t in texts)
    fig.canvas.draw()
    legend = fig.legends[0].get_window_extent()
    assert all(legend.y0 > ax.get_window_extent().y1 for ax in fig.axes)


def test_labels_and_short_figures():
    assert takedowns.abbreviate(["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23"]) == \
        "telegram-isiswatch-2019-11-22 + -23"
    assert takedowns._short(measures.Figure.of(12e9, "message_per_day", "sent", qualifier="approx")) == "≈12 bn"
    assert takedowns._short(measures.Figure.of(17, "person", "killed", qualifier="range", value_high=18)) == "17–18"
    assert takedowns._short(measures.Figure.of(100, "channel", "seen", qualifier="at_most")) == "≤100"


# --- 3. the register ------------------------------------------------------------------------
def test_register_counts_add_up():
    counts = takedowns.register_counts(REG, register.KIND_ORDER, register.STATUS_ORDER).set_index("kind")
    assert counts.loc["all cases", "cases"] == len(REG)
    assert counts.loc["all cases", list(register.STATUS_ORDER)].sum() == len(REG)
    for kind in register.KIND_ORDER:
        assert counts.loc[kind, "cases"] == sum(kind in k.split(";") for k in REG["kinds"])
    assert counts.loc["merged", "discrepancy"] == 1 and counts.loc["conflict", "unresolved"] == 1
    synthetic = pd.DataFrame({"kinds": ["unit;measure", "unit", "count"],
                              "status": ["discrepancy", "discrepancy", "possible"]})
    s = takedowns.register_counts(synthetic, ["unit", "measure", "count"], ["discrepancy", "possible"]).set_index("kind")
    assert s.loc["unit", "discrepancy"] == 2 and s.loc["count", "possible"] == 1 and s.loc["all cases", "cases"] == 3


def test_headline_cases_are_the_measure_and_merge_cases():
    assert list(takedowns.headline_cases(REG)["case"]) == ["d-001-02", "d-002-08"]


def _chain(case_id):
    case = REG.set_index("case").loc[case_id].copy()
    case["case"] = case_id
    return takedowns.retelling(case, C, F, NAMES)


def test_retelling_of_the_merged_figure():
    chain = _chain("d-002-08")
    acc = chain[chain["claim"] == "002-08"].reset_index(drop=True)
    assert list(acc["role"]) == ["issuer", "issuer", "issuer", "relay", "article"]
    assert acc.loc[2, "figure"].startswith("5,055 account_or_bot (banned")        # Telegram's days added
    assert acc.loc[3, "source"] == "telegraph-2019-merged-accounts"
    assert acc.loc[3, "entered"] == "merged"             # The Telegraph (its "shut down" follows a co-issuer)
    assert acc.loc[4, "source"] == "002-08" and acc.loc[4, "link"] == NAMES["sada-el-balad"]
    assert "measure (blocking → removal)" in acc.loc[4, "differs from the issuer in"]
    items = chain[chain["claim"] == "002-09"].reset_index(drop=True)
    assert items.loc[0, "source"] == "europol-2019-referrals"
    assert "measure (referral → removal)" in items.loc[1, "differs from the issuer in"]


def test_retelling_names_unchecked_links_and_the_wording_followed():
    chain = _chain("d-001-02")
    assert set(chain["claim"]) == {"001-02"}                     # 001-03 has no number
    unchecked = chain[chain["words"].str.contains("not checked")]
    assert set(unchecked["link"]) == {NAMES["cope"], NAMES["wires"]}
    police = chain[chain["source"] == "belgian-police-2019-removed"].iloc[0]
    # the police are a co-issuer: their "removed" is a dispute with Europol's "referred", no entry point
    assert police["role"] == "off the chain" and police["entered"] == ""
    last = chain.iloc[-1]
    # where items became "sites and accounts" is not located (wires and COPE unread): no link marked
    assert last["role"] == "article" and last["entered"] == "" and (chain["entered"] == "").all()
    assert "unit (item → website_and_account)" in last["differs from the issuer in"]


# --- 4. what the numbers cannot support ---------------------------------------------------
def test_addition_attempts_show_the_refusal_message():
    a = takedowns.addition_attempts(F, C, [
        ("bans + referrals", ["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23",
                              "europol-2019-referrals"]),
        ("two days", ["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23"])]).set_index("attempt")
    fx = {f.id: f for f in FACTS}
    with pytest.raises(measures.IncompatibleMeasures) as err:
        measures.total([fx["telegram-isiswatch-2019-11-22"].figure(), fx["europol-2019-referrals"].figure()])
    assert a.loc["bans + referrals", "refused"] == "yes" and a.loc["bans + referrals", "result"] == str(err.value)
    assert a.loc["two days", "refused"] == "no" and a.loc["two days", "result"].startswith("5,055")
    # 001-06 (a journalist's "1000s of channels") is no longer linked to Telegram's counts
    assert set(a.loc["bans + referrals", "claims"].split(";")) == {"001-02", "002-08", "002-09"}


def test_one_observer_is_the_analysts_inbox():
    o = takedowns.one_observer(F, C).set_index("fact")
    assert set(o.index) == {"isd-tamtam-2019-messages", "isd-tamtam-2019-channels"}
    assert o.loc["isd-tamtam-2019-messages", "claims"] == "002-14"   # not 002-24: a week's delay, not his count
    assert o.loc["isd-tamtam-2019-channels", "claims"] == "002-15"
    assert (o["person"] == "amarnath-amarasingam").all()


def test_self_reported_are_platform_issued_facts():
    s = takedowns.self_reported(F, C, KINDS).set_index("fact")
    assert {"telegram-isiswatch-2019-11-22", "telegram-2015-channels", "telegram-2015-volume"} <= set(s.index)
    assert "europol-2019-referrals" not in s.index and "belgian-police-2019-removed" not in s.index
    assert all(c for c in s["claims"])                   # only facts some claim leans on for its figure
    # Facebook's announced price is no platform counting itself; 000-14's "three days" does not
    # lean on Telegram's "0 disclosures" for its figure, so that fact touches no numeric claim
    assert "whatsapp-2014-acquisition" not in s.index and "telegram-privacy-2018" not in s.index
    assert s.loc["telegram-isiswatch-2019-11-22", "claims"] == "002-08"
    every = takedowns.self_reported(F, C, KINDS, leaned_only=False)
    assert {"twitter-2016-02", "telegram-privacy-2018"} <= set(every["fact"]) and len(every) > len(s)
    assert "whatsapp-2014-acquisition" not in set(every["fact"])
    summary = takedowns.caveat_summary([("self", s.reset_index())])
    assert summary.loc[0, "n_claims"] == len({c for v in s["claims"] for c in v.split(";")})


# --- 5. the headline ------------------------------------------------------------------------
def test_the_headline_has_no_range_or_ratio_across_measures():
    r = takedowns.headline_summary(HEADLINE)
    assert r["refusal"].startswith("cannot state a range from") and "different measures and units" in r["refusal"]
    assert (r["n_figures"], r["n_units"], r["n_families"]) == (8, 4, 3)
    assert r["n_refused"] == (HEADLINE["figure"] == "not a figure").sum() >= 1
    figs = {row["definition"]: takedowns.headline_figure(row) for _, row in HEADLINE[HEADLINE["value"] != ""].iterrows()}
    # the sentence "runs from 1,000 (taken_down channel) to 26,000 (referred item), a factor of 26"
    # cannot be written again: measures refuses its range and its ratio
    channel, referred = figs["taken_down channel (as reported)"], figs["referred item"]
    with pytest.raises(measures.IncompatibleMeasures, match="different measures and units"):
        measures.span([channel, referred], across_issuers=True)
    with pytest.raises(measures.IncompatibleMeasures, match="cannot state a ratio"):
        measures.ratio(referred, channel, across_issuers=True)
    assert "factor of" not in (PATHS.notebooks_src / "takedown_numbers.py").read_text("utf-8")
    # within one act and one thing counted, the sources' figures are put side by side
    cells = r["cells"]
    assert list(zip(cells["family"], cells["unit"])) == [("removal", "item")] and cells.loc[0, "span"] == "26,000"
    # the issuers' own figures are listed, not ranged; no article's or relay's wording among them
    assert "5,055 account_or_bot (banned, telegram)" in r["issued"]
    assert "akhbar-al-aan" not in r["issued"] and "the-telegraph" not in r["issued"]


def test_bound_words_tell_a_vague_plural_from_a_hedge_word():
    b = takedowns.bound_words(NUMERIC, CLAIMS).set_index("claim")
    assert b.loc["002-15", "read as"] == "a hedge word"                  # أكثر من, more than
    assert b.loc["001-06", "word"] == "1000s" and b.loc["003-17", "word"] == "آلاف"
    assert set(b.index) == set(NUMERIC.loc[NUMERIC["qualifier"].isin(["at_least", "at_most"]), "claim"])


def test_headline_matrix():
    m = takedowns.headline_matrix(HEADLINE).set_index("counted")
    assert "referred" in m.loc["item", "referral"] and "removed" in m.loc["item", "removal"]
    assert m.loc["account_or_bot", "referral"] == "—" and "5,055" in m.loc["account_or_bot", "blocking"]


# --- sources -----------------------------------------------------------------------------
def test_every_drawn_fact_has_a_source_and_the_caption_cites_it():
    keys = takedowns.bib_keys((PATHS.reference / "sources.bib").read_text("utf-8"))
    sources = takedowns.fact_sources(F, keys)
    drawn = {f for p in POINTS.loc[POINTS["kind"] != "claim", "point"] for f in p.split(" + ")}
    text = (PATHS.notebooks_src / "takedown_numbers.py").read_text("utf-8")
    caption = text.split(":name: fig-takedown-figures", 1)[1].split("```", 1)[0]
    cited = {k for m in re.finditer(r"\{cite:p\}`([^`]*)`", caption) for k in m.group(1).split(",")}
    for f in drawn:
        assert sources[f], f
        assert set(sources[f]) <= cited, (f, sources[f])
    assert {"art000", "art001", "art002", "art003", "art004"} <= cited


# --- for readers (issue 16): the register and the tables in words -------------------------------
CODE = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])|\d{4}-\d{2}")
TEXTS = {t.case: t for t in register_text.register_texts(EV, WORDS)}


def _codes(text: str) -> list[str]:
    """Codes a reader should not meet, once claim ids (shown as badges) are set aside."""
    text = render.CLAIM_ID.sub("", text)
    ids = set(F["id"]) | set(REG["case"]) | {e for e in ENTITIES["id"] if "-" in e or "_" in e}
    found = [m for m in CODE.findall(text) if m in ids or "_" in m or re.fullmatch(r"\d{4}-\d{2}", m)]
    return found


def test_every_kind_status_relation_and_family_has_words():
    assert set(register.KIND_ORDER) <= set(WORDS.kinds) and set(register.STATUS_ORDER) <= set(WORDS.statuses)
    assert set(EV.voices["relation"]) <= set(WORDS.relations)
    families = set(measures.MEASURE_FAMILIES) | set(measures.FAMILY_OF.values())
    assert families <= set(WORDS.families), sorted(families - set(WORDS.families))


def test_every_finding_belongs_to_one_case_and_every_case_is_said():
    found = register_text.case_findings(EV)
    assert set(found) == set(REG["case"]) and all(found.values())
    assert sum(len(v) for v in found.values()) == len(register.findings(register.Context(
        claims=sorted(CLAIMS, key=lambda c: (c.article, c.id)), facts={f.id: f for f in FACTS},
        entity_kinds=dict(zip(ENTITIES["id"], ENTITIES["kind"])), names=dict(zip(ENTITIES["id"], ENTITIES["name_en"])),
        texts=EV.texts, events={k: v.description for k, v in EVENTS.items()}, verbatim=EV.verbatim)))
    for case, t in TEXTS.items():
        row = REG.set_index("case").loc[case]
        said = " ".join(t.sentences)
        # the same claims as the register's case, each named in what is said
        assert t.claims == [c for c in row["claims"].split(";") if c]
        assert all(c in said for c in t.claims), (case, said)
        assert len(t.kinds) == len(row["kinds"].split(";")) and t.sentences and t.entered
        assert not _codes(" ".join(t.sentences + t.entered + t.facts + [t.article])), (case, t)


def test_cases_in_words_say_what_the_register_says():
    q = TEXTS["d-002-15"]
    assert "002-15 says more than 100 where" in q.sentences[0] and "“almost 100”" in q.sentences[0]
    assert q.entered == ["Entered at Sada El Balad, the article's own outlet: the sources it relays, as read, "
                         "do not show it."]
    c = TEXTS["d-001-02"]
    assert c.status == "discrepancy" and c.kinds == ["what was counted", "what was done"]
    assert any("counts websites and accounts where" in s and "count items" in s for s in c.sentences)
    unit, measure = c.entered
    assert unit.startswith("What was counted: not located") and "COPE" in unit and "was not read" in unit
    assert measure.startswith("What was done: a difference between co-issuers")
    m = TEXTS["d-002-08"]
    assert any(s.startswith("Figures merged: entered at The Telegraph") for s in m.entered)
    # the same difference for several claims is said once, for all of them
    assert sum("Kamal Hadianfar" in s for s in TEXTS["d-000-14"].sentences) == 1
    html = register_text.case_fold(q)
    assert '<details class="fold td-case-fold td-st-discrepancy">' in html and 'id="case-002-15"' in html
    assert '<a class="claim-ref" href="articles/002.html#claim-002-15"' in html


def test_claim_cards_give_the_figure_grade_and_sources_in_words():
    chains = {c.id: c.attribution for c in CLAIMS}
    cases = takedowns.cases_by_claim(TEXTS.values())
    cards = takedowns.quotations(NUMERIC, WORDS, chains, cases)
    assert cards.count('<div id="quote-') == len(NUMERIC)
    assert "about 26,000 websites and accounts closed" in cards
    assert "grade C3: fairly reliable source, possibly true" in cards
    assert 'href="#case-001-02"' in cards and "Akhbar Al Aan, November 2019, characters 37–165" in cards
    # an English tweet is not translated into itself
    tweet = NUMERIC[NUMERIC["claim"] == "001-06"]
    assert 'class="translation"' not in takedowns.quotations(tweet, WORDS, chains, cases)
    folds = takedowns.claims_by_family(NUMERIC, WORDS, chains, cases)
    assert folds.count("<details") == NUMERIC["family"].nunique()
    assert "Removal: 4 claims (" in folds


def test_tables_for_readers_carry_no_codes():
    drawn = {f for p in POINTS.loc[POINTS["kind"] != "claim", "point"] for f in p.split(" + ")}
    fx = {f.id: f for f in FACTS}
    attempts = takedowns.addition_attempts(F, C, [("bans + referrals", ["telegram-isiswatch-2019-11-22",
                                                                        "europol-2019-referrals"])])
    tables = [takedowns.drawn_facts_for_readers(drawn, fx, C, WORDS).drop(columns="address"),
              takedowns.counts_for_readers(takedowns.register_counts(REG, register.KIND_ORDER,
                                                                     register.STATUS_ORDER), WORDS),
              takedowns.voices_for_readers(EV.voices, WORDS), takedowns.caveat_for_readers(attempts, WORDS),
              takedowns.caveat_for_readers(takedowns.one_observer(F, C), WORDS),
              takedowns.caveat_for_readers(takedowns.self_reported(F, C, KINDS), WORDS),
              takedowns.headline_matrix_for_readers(HEADLINE, WORDS), takedowns.headline_for_readers(HEADLINE, WORDS)]
    for t in tables:
        text = " ".join(map(str, t.columns)) + " " + " ".join(str(v) for v in t.to_numpy().ravel())
        assert not _codes(text), _codes(text)
    for _, case in takedowns.headline_cases(REG).iterrows():
        steps = takedowns.retelling(case, C, F, words=WORDS)
        assert not _codes(" ".join(str(v) for v in steps.drop(columns="claim").to_numpy().ravel()))
    assert "what was counted (items → websites and accounts)" in " ".join(
        takedowns.retelling(REG[REG["case"] == "d-001-02"].iloc[0], C, F, words=WORDS)["differs from the issuer in"])
    assert WORDS.plain(takedowns.headline_summary(HEADLINE)["refusal"]) == (
        "cannot state a range from at least 26,000 items referred (Europol and Eurojust) to 5,055 accounts and "
        "bots banned (Telegram): different measures and units")
