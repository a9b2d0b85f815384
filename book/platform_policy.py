# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# (chapter-platform-policy)=
# # Platform policy
#
# ## Overview
#
# What the articles say each platform said and did about extremists on it:
# its stated stance, whom it worked with or refused, what it took down
# itself, what it offers, and when. Each claim is shown as the article wrote
# it, in its own script, beside a translation, with the chain of who said it,
# its grade, the primary-source facts it restates, and any discrepancy the
# register found. The chapter takes no side where the sources conflict and
# nothing can settle it; it says so beside the claims.
#
# ## Data
#
# The claims come from the annotations (`data/annotations/`, table
# `claims.csv`); the facts from `data/reference/facts.csv`; the discrepancy
# cases from the computed register (`analysis/evidence/register.py`). The chapter shows
# {glue:text}`policy_n_claims` of the {glue:text}`policy_n_all_claims`
# annotated claims:
#
# - every policy statement, cooperation, non-cooperation, feature and event
#   claim that names a platform;
# - cooperation or non-cooperation claims that name none
#   ({glue:text}`policy_n_unnamed`: they are still about what platforms do);
# - takedown counts only where the takedown is a platform's own action (a
#   platform is among the claim's actors): {glue:text}`policy_n_own_takedowns`
#   claims. Counts by police and Europol are the subject of
#   {ref}`chapter-takedown-numbers`.
#
# {glue:text}`policy_n_left_out` claims of those types name no platform (police,
# prosecutors, a court, a raid); they are listed at the end. Each claim is
# filed once, under the first of its platforms that is also one of its actors
# (else the first it names), in the order Telegram, Twitter, TamTam, others;
# the other platforms it names are listed with it.

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
import datetime as dt
from pathlib import Path

import pandas as pd
from IPython.display import HTML, display
from myst_nb import glue

from analysis.chapters import codebook, policy, timeline
from analysis.display import figures, render
from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
ev = load_evidence(paths)
corpus, entities, events = ev.corpus, ev.entities, ev.events
claims, facts, register = ev.claims_table, ev.facts_table, ev.register
names, kinds = ev.names, ev.kinds
_, admiralty = codebook.load_definitions(paths)

scoped = policy.policy_claims(claims, names)
left = policy.left_out(claims)
cases = policy.cases_by_claim(register)
OUT = Path("figures")

glue("policy_n_all_claims", int(len(claims)), display=False)
glue("policy_n_claims", int(len(scoped)), display=False)
glue("policy_n_left_out", int(len(left)), display=False)
glue("policy_n_unnamed", int((scoped["platform"] == policy.UNNAMED).sum()), display=False)
glue("policy_n_own_takedowns", int((scoped["type"] == policy.TAKEDOWN).sum()), display=False)
for section in ("telegram", "twitter", "tamtam", "others"):
    glue(f"policy_n_{section}", int((scoped["section"] == section).sum()), display=False)
    glue(f"policy_articles_{section}", ", ".join(sorted(set(scoped.loc[scoped["section"] == section, "article"]))),
         display=False)
for t in policy.POLICY_TYPES + (policy.TAKEDOWN,):
    glue(f"policy_n_type_{t}", int((scoped["type"] == t).sum()), display=False)
for letter in "ABCDEF":
    glue(f"policy_n_telegram_{letter}", int(((scoped["platform"] == "telegram")
                                              & (scoped["reliability"] == letter)).sum()), display=False)
glue("policy_n_platforms", int(scoped.loc[scoped["platform"] != "", "platform"].nunique()), display=False)
in_cases = scoped["id"].isin(cases)
glue("policy_n_in_register", int(in_cases.sum()), display=False)
touching = policy.cases_touching(register, scoped["id"])
glue("policy_n_cases", int(len(touching)), display=False)
glue("policy_n_cases_unresolved", int((touching["status"] == "unresolved").sum()), display=False)
glue("policy_n_cases_discrepancy", int((touching["status"] == "discrepancy").sum()), display=False)
glue("policy_n_claims_unresolved", policy.n_claims_unresolved(scoped, cases), display=False)

# The facts' figures and dates the prose names, glued (never typed).
fact_values = policy.fact_glue(facts, (
    "telegram-2015-channels", "telegram-2015-languages", "telegram-2015-100-channels",
    "telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23", "telegram-isiswatch-typical",
    "twitter-2016-02", "twitter-2016-08-cumulative", "telegram-privacy-2018"))
fact_dates = policy.fact_glue(facts, (
    "telegram-privacy-2018", "europol-2019-telegram-rad", "tamtam-launch",
    "iran-telegram-2017-case", "iran-telegram-ban-2018", "durov-2015-disrupt",
    "telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23", "europol-2019-referrals",
    "twitter-2016-02", "twitter-2016-08-cumulative", "telegram-2015-channels-launch"), "date")
for key, value in {**fact_values, **fact_dates}.items():
    glue(key, value, display=False)

# %% [markdown]
# The {glue:text}`policy_n_claims` claims by the platform they are filed under
# and their type: Telegram {glue:text}`policy_n_telegram`, Twitter
# {glue:text}`policy_n_twitter`, TamTam {glue:text}`policy_n_tamtam`, and
# {glue:text}`policy_n_others` about other platforms or none named.

# %% tags=["remove-input"]
display(HTML(render.table(policy.counts_table(scoped, names),
                          caption="Claims shown in this chapter, by platform (filed under) and type")))
grades = pd.crosstab(scoped["platform_name"], scoped["reliability"]).reindex(
    index=[n for n in policy.counts_table(scoped, names)["platform (filed under)"] if n != "all"],
    columns=list("ABCDEF"), fill_value=0)
grades.index.name = "platform (filed under)"
display(HTML(render.table(grades.reset_index(), caption=(
    "The same claims by the reliability of the source as read (A completely reliable … "
    "F cannot be judged; see the codebook)"))))

# %% [markdown]
# Grades are Admiralty codes ({ref}`chapter-codebook`): a letter for the
# source as read (A: the issuer's own words, verbatim; F: an unnamed outlet,
# or no source), a digit for the information checked against the facts (1:
# confirmed; 6: cannot be judged). Most of what the articles say about
# Telegram comes through unnamed outlets (F) or through an interested party
# in a dispute with it (D): of Telegram's {glue:text}`policy_n_telegram`
# claims, {glue:text}`policy_n_telegram_F` are graded F and
# {glue:text}`policy_n_telegram_D` D.
#
# ## When: the timeline
#
# {numref}`fig-policy-timeline` puts the dated claims beside the dated facts,
# one row per platform, from Telegram's launch on. {glue:text}`policy_n_marks` marks:
# {glue:text}`policy_n_marks_claim` claims (articles, orange, hollow) and
# {glue:text}`policy_n_marks_fact` facts (the facts table, blue, solid; only
# {glue:text}`policy_n_marks_fact_primary` of them read on the issuer's own
# page, the rest through a named outlet or a copy, or at no page). Each
# date is drawn as precisely as it is known:
# {glue:text}`policy_n_marks_point` are dated to the day and drawn as points;
# {glue:text}`policy_n_marks_span` are a month, a year or a range and drawn as
# bars over their whole extent, with end caps, so that a month is never
# drawn as if it were its first day. Marks that would overlap are stacked;
# no date is moved. Labels name the event the marks belong to
# (`data/reference/events.csv`); a mark far from its event's own dates is
# labelled by its id. Of the chapter's claims, {glue:text}`policy_n_undated`
# give no date and are not drawn. A fact is drawn on a platform's row when the
# platform issued it or its words name the platform;
# {glue:text}`policy_n_facts_not_drawn` facts are not drawn (listed below the
# figure, with the reason).

# %% tags=["remove-input"]
marks, not_drawn = timeline.timeline_data(scoped, facts, events, names, kinds)
arranged = timeline.arrange(marks, events)
_ = figures.save(timeline.timeline_figure(arranged), arranged, OUT / "platform_policy-timeline")

glue("policy_n_marks", int(len(arranged)), display=False)
glue("policy_n_marks_claim", int((arranged["source"] == "claim").sum()), display=False)
glue("policy_n_marks_fact", int((arranged["source"] == "fact").sum()), display=False)
drawn_facts = facts[facts["id"].isin(arranged.loc[arranged["source"] == "fact", "id"])]
glue("policy_n_marks_fact_primary", int((drawn_facts["confidence"] == "primary").sum()), display=False)
glue("policy_n_marks_point", int((arranged["drawn_as"] == "point").sum()), display=False)
glue("policy_n_marks_span", int((arranged["drawn_as"] == "span").sum()), display=False)
glue("policy_n_undated", int((scoped["event_date"] == "").sum()), display=False)
glue("policy_n_dated", int((scoped["event_date"] != "").sum()), display=False)
glue("policy_n_facts_not_drawn", int((not_drawn["source"] == "fact").sum()) if len(not_drawn) else 0,
     display=False)
glue("policy_n_rows", int(arranged["platform"].nunique()), display=False)

# %% [markdown]
# ```{figure} figures/platform_policy-timeline.png
# :name: fig-policy-timeline
# :width: 100%
# :alt: Timeline from 2013 to 2021 with one row per platform (Telegram, Twitter, TamTam); in each row a lane of facts from the facts table (solid blue) above a lane of article claims (hollow orange); points for dates known to the day, bars for months, years and ranges.
#
# Dated claims and facts about each platform, from Telegram's launch on. Blue, solid: facts
# (the facts table, most of them read through a relay); orange, hollow: claims (the articles). A point is a date
# known to the day; a bar covers a month, a year or a range in full. Dotted
# lines lead from each label to its marks. Table:
# {download}`platform_policy-timeline.csv <figures/platform_policy-timeline.csv>`
# (one row per mark, with its date as written, its precision, its level and
# its label).
# ```
#
# At this scale the days of the Europol-led action cannot be told apart.
# {numref}`fig-policy-november` shows its two months alone, each
# mark named by its id: the action days with Telegram (a two-day range),
# Telegram's two daily ban counts (days), and the articles' "21 to 24
# November", "over the weekend" and "November" (ranges and a month).

# %% tags=["remove-input"]
window = (dt.date(2019, 11, 1), dt.date(2020, 1, 1))
close = timeline.arrange(timeline.within(marks, *window), events, window=window, inline=True)
_ = figures.save(timeline.timeline_figure(close, window=window, inline=True), close,
                 OUT / "platform_policy-november-2019")
glue("policy_n_close", int(len(close)), display=False)

# %% [markdown]
# ```{figure} figures/platform_policy-november-2019.png
# :name: fig-policy-november
# :width: 100%
# :alt: Close-up of November and December 2019: Telegram and TamTam rows, each mark labelled with its claim or fact id; short ranges drawn as short bars with end caps, months as bars across the whole month.
#
# November–December 2019, the same marks ({glue:text}`policy_n_close` of them)
# at the scale of days. An arrow at an edge: the range runs on beyond the
# window (001-11 starts in 2018). Table:
# {download}`platform_policy-november-2019.csv <figures/platform_policy-november-2019.csv>`.
# ```
#
# Every mark, with what it says (the claim's translation or the fact's text),
# and what was not drawn (open to read):

# %% tags=["remove-input"]
shown = arranged.assign(
    mark=arranged["source"] + " " + arranged["id"],
    drawn=arranged["drawn_as"] + " (" + arranged["precision"] + ")",
)[["platform_name", "mark", "date", "drawn", "grade_or_confidence", "what"]].rename(columns={
    "platform_name": "platform", "drawn": "drawn as", "grade_or_confidence": "grade / confidence"})
display(HTML("<details><summary>The " + str(len(shown)) + " marks of the timeline</summary>"
             + policy.html_table(shown, "Marks on the timeline (each claim links to its place in its article)",
                                 linked=["mark"], known=scoped["id"]) + "</details>"))
if len(not_drawn):
    nd = not_drawn[["source", "id", "date", "platform_name", "why"]].rename(
        columns={"platform_name": "platforms", "why": "not drawn because"})
    display(HTML("<details><summary>The " + str(len(nd)) + " claims and facts not drawn, and why</summary>"
                 + render.table(nd, caption="Claims and facts not on the timeline, and why", claim_columns=["id"])
                 + "</details>"))

# %% [markdown]
# (policy-telegram)=
# ## Telegram
#
# {glue:text}`policy_n_telegram` claims. The stories that run through them:
#
# **A privacy-first stance.** The articles quote Pavel Durov, Telegram's
# founder, putting privacy first. Article 003 has him say that "privacy,
# ultimately, is more important than our fear of bad things happening" and
# that ISIS would find another means if Telegram were not secure
# ({claim}`003-07`). The words match what he said on stage
# at TechCrunch Disrupt SF ({glue:text}`policy_fact_durov_2015_disrupt_date`),
# but the article sets them in a BBC report: the register records that as an
# attribution discrepancy (case `d-003-06`). Article 004 quotes him telling
# TechCrunch that he backed Telegram to build a channel the Russian
# authorities could not penetrate ({claim}`004-17`; the
# interview was not read), and Telegram's own site criticising Facebook and
# Google for passing private data to third parties
# ({claim}`004-09`).
#
# **The channel blocking after the Paris attacks.** Telegram said it had
# been "disturbed to learn" that the Islamic State was using its public
# channels ({claim}`004-06`), and that it had blocked
# {glue:text}`policy_fact_telegram_2015_channels_value` ISIS-related channels
# across {glue:text}`policy_fact_telegram_2015_languages_value` languages
# that week; Durov told the Daily Dot the same day that Telegram had tried to
# censor {glue:text}`policy_fact_telegram_2015_100_channels_value` channels, a
# second figure. Article 004 has the number and the languages right, but calls
# the channels "accounts" in one sentence ({claim}`004-01`)
# and "sites" in another presented as Telegram's own words
# ({claim}`004-07`): case `d-004-01`.
#
# **Iran: no cooperation, or a name three days late?** Iran's cyber-police
# chief, Kamal Hadianfar, speaking through ISNA in article 000, says that
# Telegram's manager gave Iran's police no help
# ({claim}`000-12`) and, asked whether Durov had given
# the police the terrorists' details, answers "there was no cooperation with
# us, and only after the incident…" ({claim}`000-13`):
# one of the main linchpins (سرپل, a key contact) of the Tehran
# attacks on parliament and the Khomeini mausoleum, who had left the country on the day, was identified to the police
# by Telegram three days later ({claim}`000-14`), with
# "incomplete, half-baked" information ({claim}`000-15`),
# given, he supposes, because Telegram's international reputation was at risk
# ({claim}`000-16`). Telegram's own statement on its
# privacy policy ({glue:text}`policy_fact_telegram_privacy_2018_date`) says
# it may disclose a terror suspect's IP address and phone number on a court
# order, and that this had not yet happened: it counts
# {glue:text}`policy_fact_telegram_privacy_2018_value` such disclosures. Read
# whole, the police chief's answer is one qualified account (no help before
# the attack, a late and partial name after it), not a contradiction of
# itself. The register marks its conflict with Telegram's statement
# (`d-000-14`) as **unresolved**: it is one party's word against the other's
# (Telegram's on a narrower point: court-ordered disclosures of a suspect's
# IP address and phone number), neither can be checked, and this book takes
# no side. Both accounts are shown, beside each claim. (The dispute had
# a context the facts record: a Tehran prosecutor opened a case against
# Durov on {glue:text}`policy_fact_iran_telegram_2017_case_date`, and Iran's
# judiciary ordered Telegram blocked on
# {glue:text}`policy_fact_iran_telegram_ban_2018_date`.)
#
# **The Europol-led action.** Telegram took part in Europol's Referral Action
# Days ({glue:text}`policy_fact_europol_2019_telegram_rad_date`), within the
# Belgian-led action ({glue:text}`policy_fact_europol_2019_referrals_date`). Europol's own tweet, embedded in
# article 001, says it had been working with Telegram for a year and a half
# ({claim}`001-11`, the source graded most reliable); the article reports
# Europol's praise for Telegram's help "in rooting out malicious content"
# ({claim}`001-16`). Telegram's ISIS Watch channel counted
# {glue:text}`policy_fact_telegram_isiswatch_2019_11_22_value` and
# {glue:text}`policy_fact_telegram_isiswatch_2019_11_23_value` accounts and
# bots banned on {glue:text}`policy_fact_telegram_isiswatch_2019_11_22_date` and
# {glue:text}`policy_fact_telegram_isiswatch_2019_11_23_date`, against a usual
# {glue:text}`policy_fact_telegram_isiswatch_typical_value` a day. A BBC
# Monitoring journalist's tweet in article 001 speaks of "1000s of extremist
# channels" ({claim}`001-06`) over a weekend that is not
# the days Telegram counted, so the register does not compare the two; and
# article 002, through The Telegraph, joins Telegram's bans
# and Europol's referrals into one "removed" total
# ({claim}`002-08`, case `d-002-08`).
#
# Each claim follows, by kind. Hover over a grade for its words.

# %% tags=["remove-input"]
telegram = scoped[scoped["platform"] == "telegram"]

for t in ("policy_statement", "cooperation", "takedown_count", "feature", "event"):
    n = int((telegram["group"] == t).sum())
    glue(f"policy_n_telegram_{t}", n, display=False)

# %% [markdown]
# ### What Telegram says: stance and rules
#
# {glue:text}`policy_n_telegram_policy_statement` claims.

# %% tags=["remove-input"]
display(HTML(policy.group_html(telegram, "policy_statement", facts, names, admiralty, register)))

# %% [markdown]
# ### Cooperation and refusal
#
# {glue:text}`policy_n_telegram_cooperation` claims, cooperation and
# non-cooperation together. The table of {ref}`policy-cooperation` below
# sums them up by party.

# %% tags=["remove-input"]
display(HTML(policy.group_html(telegram, "cooperation", facts, names, admiralty, register)))

# %% [markdown]
# ### Telegram's own takedowns
#
# {glue:text}`policy_n_telegram_takedown_count` claims.

# %% tags=["remove-input"]
display(HTML(policy.group_html(telegram, "takedown_count", facts, names, admiralty, register)))

# %% [markdown]
# ### Features
#
# {glue:text}`policy_n_telegram_feature` claims. What Telegram launched on
# {glue:text}`policy_fact_telegram_2015_channels_launch_date` was public channels (broadcast to unlimited subscribers);
# article 003 calls it "video broadcasting" (case `d-003-08`), then describes
# the channels without naming them.

# %% tags=["remove-input"]
display(HTML(policy.group_html(telegram, "feature", facts, names, admiralty, register)))

# %% [markdown]
# ### Events
#
# {glue:text}`policy_n_telegram_event` claims: the launch, and the Dabiq
# issue that coincided with the Paris-attacks ban. Article 004 dates the founding of
# Russia's largest social network (VK) to Telegram's launch year (case
# `d-004-05`; its counterpart is filed under VK).

# %% tags=["remove-input"]
display(HTML(policy.group_html(telegram, "event", facts, names, admiralty, register)))

# %% [markdown]
# (policy-twitter)=
# ## Twitter
#
# {glue:text}`policy_n_twitter` claims. Article 003 says Twitter's
# management "cancelled many accounts" of IS activists for promoting the
# group ({claim}`003-03`, no figure). Twitter's own counts,
# published after the article, are consistent with it but cannot confirm it:
# {glue:text}`policy_fact_twitter_2016_02_value` accounts suspended from
# mid-2015 to {glue:text}`policy_fact_twitter_2016_02_date`, and
# {glue:text}`policy_fact_twitter_2016_08_cumulative_value` by
# {glue:text}`policy_fact_twitter_2016_08_cumulative_date` (on the timeline). Iran's cyber-police chief says he reported IS activity
# on Twitter, with documents, to Twitter's manager and to Interpol
# ({claim}`000-08`), which nothing available can check.
# Twitter is also among the providers the articles say worked with Europol
# in the Europol-led action ({claim}`001-05`,
# {claim}`002-07`, filed under Telegram).

# %% tags=["remove-input"]
display(HTML(policy.cards_html(scoped[scoped["platform"] == "twitter"], facts, names, admiralty, register)))

# %% [markdown]
# (policy-tamtam)=
# ## TamTam
#
# {glue:text}`policy_n_tamtam` claims (article
# {glue:text}`policy_articles_tamtam`, relaying The Telegraph). A TamTam spokesman says the company "strongly opposes" any
# content from terrorist organisations on its service
# ({claim}`002-22`), that its rules prohibit promoting
# violence, extremism and terrorism, and asks users to report anyone who
# posts it ({claim}`002-23`). The ISD analyst says the app
# had already begun removing some accounts ({claim}`002-16`).
# TamTam was launched by Mail.Ru Group on
# {glue:text}`policy_fact_tamtam_launch_date` (the article's year is right,
# {claim}`002-12`); the article says it stands out for a
# "channels" feature like Telegram's ({claim}`002-11`).

# %% tags=["remove-input"]
display(HTML(policy.cards_html(scoped[scoped["platform"] == "tamtam"], facts, names, admiralty, register)))

# %% [markdown]
# (policy-others)=
# ## Other platforms, and platforms not named
#
# {glue:text}`policy_n_others` claims: about another platform (VK's
# founding, which article 004 credits to the wrong brother) or about
# "social networks and messaging apps" in general (the FBI officer, as
# Iran's cyber-police chief retells him, says they answer the FBI quickly;
# the next sentence, filed under Telegram, says Telegram does not).

# %% tags=["remove-input"]
others = scoped[scoped["section"] == "others"]
for platform, rows in others.groupby("platform", sort=False):
    label = names.get(platform, platform) if platform else policy.UNNAMED_LABEL.capitalize()
    display(HTML(f"<h3>{render.text(label)}</h3>"
                 + policy.cards_html(rows, facts, names, admiralty, register)))

# %% [markdown]
# (policy-cooperation)=
# ## Who cooperated with whom
#
# Every cooperation and non-cooperation claim
# ({glue:text}`policy_n_coop_claims` claims), by platform and by the party
# it did or did not cooperate with, as the claims say, with each claim's
# grade. The party is the claim's actor that is neither a platform nor one
# of its people (Durov is Telegram's voice, as `facts.csv` records him);
# where the claim names none, the table says so and names the speaker, rather
# than guess whom "us" means. {glue:text}`policy_n_coop_pairs` platform–party
# pairs; {glue:text}`policy_n_coop_unresolved` of them include a claim the
# register marks unresolved.

# %% tags=["remove-input"]
coop = policy.cooperation_rows(scoped, facts, names, kinds, register)
summary = policy.cooperation_summary(coop, names)
glue("policy_n_coop_claims", int(coop["claim"].nunique()), display=False)
glue("policy_n_coop_pairs", int(len(summary)), display=False)
glue("policy_n_coop_unresolved", int((summary["register"].str.contains("unresolved")).sum()), display=False)
coop.to_csv(OUT / "platform_policy-cooperation.csv", index=False, lineterminator="\n")
display(HTML(policy.html_table(summary, "Cooperation as the claims say: platform, party, claims and grades",
                               linked=["cooperated (claim, grade)", "did not cooperate (claim, grade)"],
                               known=scoped["id"])))

# %% [markdown]
# Read the grades with the rows: every claim about Iran's police and the FBI
# comes from one interested speaker through ISNA and an unnamed republisher
# (reliability D), and none of it can be checked (credibility 6). The Europol rows rest on Europol's own
# tweet and on outlets relaying its statement, graded accordingly. One row per claim, platform and party, with
# who said it: {download}`platform_policy-cooperation.csv <figures/platform_policy-cooperation.csv>`.
#
# ## What the register found in these claims
#
# {glue:text}`policy_n_in_register` of the chapter's claims are in
# {glue:text}`policy_n_cases` cases of the discrepancy register
# ({glue:text}`policy_n_cases_discrepancy` discrepancies,
# {glue:text}`policy_n_cases_unresolved` unresolved). Each case is shown
# beside its claims above; here they are together. An unresolved case is not
# an error found: it is a conflict the sources available cannot settle.

# %% tags=["remove-input"]
reg = policy.register_shown(touching, names)
display(HTML(policy.html_table(reg, "Register cases naming a claim of this chapter (data/processed/discrepancies.csv)",
                               linked=["claims"], known=scoped["id"])))

# %% [markdown]
# ## Claims of these types that name no platform
#
# Not shown above: {glue:text}`policy_n_left_out` claims of the same types
# about police, prosecutors, courts or a military raid.

# %% tags=["remove-input"]
display(HTML(render.table(
    left[["id", "type", "grade", "translation", "why"]].rename(columns={"why": "why not shown"}),
    caption="Claims of the chapter's types it does not show", claim_columns=["id"])))

# %% tags=["remove-cell"]
scoped.drop(columns=["group"]).to_csv(OUT / "platform_policy-claims.csv", index=False, lineterminator="\n")

# %% [markdown]
# ## Summary
#
# - {glue:text}`policy_n_claims` claims about platform policy:
#   Telegram {glue:text}`policy_n_telegram`, Twitter
#   {glue:text}`policy_n_twitter`, TamTam {glue:text}`policy_n_tamtam`,
#   others {glue:text}`policy_n_others`; {glue:text}`policy_n_dated` of them
#   dated, drawn beside {glue:text}`policy_n_marks_fact` facts.
# - Telegram's stance, as the articles quote it, puts privacy first; its
#   actions against IS channels after the Paris attacks and with Europol are
#   confirmed by its own and Europol's statements, while the articles' units
#   (accounts, sites, channels) and totals often are not.
# - Whether Telegram gave Iran's police anything is unresolved: the police
#   chief says it named a suspect three days late and gave partial data;
#   Telegram said on {glue:text}`policy_fact_telegram_privacy_2018_date` that
#   it had not yet disclosed a terror suspect's IP address or phone number on a
#   court order, a narrower statement. The book reports both.
# - TamTam's stance is known only through its spokesman's words to The
#   Telegraph; Twitter's only through its suspensions.
#
# ## What's next
#
# {ref}`chapter-takedown-numbers` follows the takedown figures from their
# issuers to the articles; {ref}`chapter-migration-networks` follows the
# moves between platforms these policies set off.
#
# ## Downloads
#
# - {download}`platform_policy-claims.csv <figures/platform_policy-claims.csv>`: the chapter's claims, with the platform each is filed under
# - {download}`platform_policy-cooperation.csv <figures/platform_policy-cooperation.csv>`: cooperation by claim, platform and party
# - {download}`platform_policy-timeline.csv <figures/platform_policy-timeline.csv>`: the marks of the timeline
# - {download}`platform_policy-november-2019.csv <figures/platform_policy-november-2019.csv>`: the close-up of November–December 2019
# - {download}`claims.csv <../data/processed/claims.csv>`, {download}`facts.csv <../data/processed/facts.csv>`, {download}`discrepancies.csv <../data/processed/discrepancies.csv>`: the full tables
