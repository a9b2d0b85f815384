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
# ## In short
#
# - **Mostly Telegram; {glue:text}`policy_telegram_F_share_lower` of it second-hand.** Of the
#   {glue:text}`policy_n_claims` claims on what platforms said and did,
#   {glue:text}`policy_n_telegram` are about Telegram: {glue:text}`policy_n_telegram_F`
#   come through unnamed outlets or name no source (graded F), and
#   {glue:text}`policy_n_telegram_D` from Iran's cyber-police chief, an
#   interested party (graded D).
# - **What Telegram did is confirmed; the articles' counts of it often are
#   not.** After the Paris attacks it blocked
#   {glue:text}`policy_fact_telegram_2015_channels_value` IS channels in
#   {glue:text}`policy_fact_telegram_2015_languages_value` languages; one
#   article calls them "accounts", then "sites" ({claim}`004-01`,
#   {claim}`004-07`). Working with Europol ({claim}`001-11`), it banned
#   {glue:text}`policy_fact_telegram_isiswatch_2019_11_22_value` and
#   {glue:text}`policy_fact_telegram_isiswatch_2019_11_23_value` accounts and
#   bots on two days of the action, against a usual
#   {glue:text}`policy_fact_telegram_isiswatch_typical_value` a day; another
#   article adds those bans to Europol's referrals as one "removed" total
#   ({claim}`002-08`).
# - **Iran: unresolved.** Iran's cyber-police chief says Telegram gave no help
#   before the Tehran attacks and named a suspect three days after them, with
#   partial data ({claim}`000-14`, {claim}`000-15`); Telegram said on
#   {glue:text}`policy_fact_telegram_privacy_2018_date` that it had made
#   {glue:text}`policy_fact_telegram_privacy_2018_value` court-ordered
#   disclosures. Neither can be checked; the book takes no side.
# - **TamTam's stance** is known only through its spokesman, speaking to The
#   Telegraph ({claim}`002-22`); **Twitter's** only through its own counts of
#   suspended accounts ({glue:text}`policy_fact_twitter_2016_02_value` by
#   {glue:text}`policy_fact_twitter_2016_02_date`).
# - **The register** holds {glue:text}`policy_n_in_register` of these claims in
#   {glue:text}`policy_n_cases` cases: {glue:text}`policy_n_cases_discrepancy`
#   discrepancies and {glue:text}`policy_n_cases_unresolved` unresolved
#   conflict ({ref}`below <policy-register>`).
#
# ## Reading this chapter
#
# Each claim is a card: the article's words in their own script, the project's
# translation, who said it (the outermost link of the chain first), its grade
# and the primary-source facts it restates. A grade has a letter for the source
# as read (A, the issuer's own words, down to F, an unnamed outlet or no source)
# and a digit for the information checked against the facts (1, confirmed, down
# to 6, cannot be judged): {ref}`chapter-codebook` explains them. A badge such as
# {claim}`004-06` opens the claim where it stands in its article. The cards are
# grouped by platform and kind, and folded: open a group to read it. Where the
# sources conflict and nothing can settle it, the chapter says so beside the
# claims and takes no side.
#
# :::{dropdown} How this chapter was made
# The chapter shows {glue:text}`policy_n_claims` of the
# {glue:text}`policy_n_all_claims` claims coded in the
# {glue:text}`policy_n_articles` articles:
#
# - every policy statement, cooperation, refusal, feature and event claim that
#   names a platform;
# - cooperation or refusal claims that name none
#   ({glue:text}`policy_n_unnamed`: they are still about what platforms do);
# - takedown counts only where the takedown is a platform's own action (a
#   platform is among the claim's actors): {glue:text}`policy_n_own_takedowns`
#   claims. Counts by police and Europol are the subject of
#   {ref}`chapter-takedown-numbers`.
#
# {glue:text}`policy_n_left_out` claims of those kinds name no platform (police,
# prosecutors, a court, a raid); they are listed at the end. Each claim is filed
# once, under the first of its platforms that is also one of its actors (else
# the first it names), in the order Telegram, Twitter, TamTam, others; the
# other platforms it names are listed with it.
#
# The claims are the project's annotations of the articles; the facts are the
# primary-source figures and events the project read (each with its address);
# the discrepancy cases are computed by the register, which compares each
# claim with the facts it restates. Nothing in the chapter is typed by hand:
# every number is counted from those tables when the book is built.
# :::

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
import datetime as dt
from pathlib import Path

import pandas as pd
from IPython.display import HTML, display
from myst_nb import glue

from analysis.chapters import policy, timeline
from analysis.display import figures, render
from analysis.display.dates import in_words
from analysis.display.labels import share
from analysis.evidence.snapshot import checked_evidence
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
ev = checked_evidence(paths)
corpus, entities, events = ev.corpus, ev.entities, ev.events
claims, facts, register = ev.claims_table, ev.facts_table, ev.register
names, kinds = ev.names, ev.kinds

scoped = policy.policy_claims(claims, names)
left = policy.left_out(claims)
cases = policy.cases_by_claim(register)
words = policy.load_words(paths, corpus, set(events) | set(register["case"]))
OUT = Path("figures")

glue("policy_n_all_claims", int(len(claims)), display=False)
glue("policy_n_articles", int(len(corpus)), display=False)
glue("policy_n_claims", int(len(scoped)), display=False)
glue("policy_n_left_out", int(len(left)), display=False)
glue("policy_n_unnamed", int((scoped["platform"] == policy.UNNAMED).sum()), display=False)
glue("policy_n_own_takedowns", int((scoped["type"] == policy.TAKEDOWN).sum()), display=False)
for section in ("telegram", "twitter", "tamtam", "others"):
    glue(f"policy_n_{section}", int((scoped["section"] == section).sum()), display=False)
    glue(f"policy_articles_{section}", ", ".join(words.article(a) for a in sorted(
        set(scoped.loc[scoped["section"] == section, "article"]))), display=False)
for letter in "ABCDEF":
    glue(f"policy_n_telegram_{letter}", int(((scoped["platform"] == "telegram")
                                              & (scoped["reliability"] == letter)).sum()), display=False)
n_telegram = int((scoped["platform"] == "telegram").sum())
n_telegram_f = int(((scoped["platform"] == "telegram") & (scoped["reliability"] == "F")).sum())
glue("policy_telegram_F_share", share(n_telegram_f, n_telegram), display=False)
glue("policy_telegram_F_share_lower", share(n_telegram_f, n_telegram).lower(), display=False)
in_cases = scoped["id"].isin(cases)
glue("policy_n_in_register", int(in_cases.sum()), display=False)
touching = policy.cases_touching(register, scoped["id"])
glue("policy_n_cases", int(len(touching)), display=False)
glue("policy_n_cases_unresolved", int((touching["status"] == "unresolved").sum()), display=False)
glue("policy_n_cases_discrepancy", int((touching["status"] == "discrepancy").sum()), display=False)

# The facts' figures and dates the prose names, glued (never typed); dates in words.
fact_values = policy.fact_glue(facts, (
    "telegram-2015-channels", "telegram-2015-languages", "telegram-2015-100-channels",
    "telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23", "telegram-isiswatch-typical",
    "twitter-2016-02", "twitter-2016-08-cumulative", "telegram-privacy-2018"))
fact_dates = policy.fact_glue(facts, (
    "telegram-privacy-2018", "europol-2019-telegram-rad", "tamtam-launch", "telegram-2015-channels",
    "iran-telegram-2017-case", "iran-telegram-ban-2018", "durov-2015-disrupt",
    "telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23", "europol-2019-referrals",
    "twitter-2016-02", "twitter-2016-08-cumulative", "telegram-2015-channels-launch"), "date")
for key, value in {**fact_values, **fact_dates}.items():
    glue(key, value, display=False)

# %% tags=["remove-input"]
counts = policy.counts_table(scoped, names)
grades = pd.crosstab(scoped["platform_name"], scoped["reliability"]).reindex(
    index=[n for n in counts["platform (filed under)"] if n != "all"], columns=list("ABCDEF"), fill_value=0)
grades.index.name = "platform (filed under)"
display(HTML(render.folded(
    f"The {len(scoped)} claims counted by platform and kind, and by the reliability of their source "
    "(two tables)",
    render.table(counts, caption="Claims shown in this chapter, by platform (filed under) and kind",
                 css_class=policy.TABLE_CLASS)
    + render.table(grades.reset_index(), css_class=policy.TABLE_CLASS, caption=(
        "The same claims by the reliability of the source as read (A completely reliable … "
        "F cannot be judged)")), css_class="pp-fold")))

# %% [markdown]
# ## When: the timeline
#
# {numref}`fig-policy-timeline` puts the {glue:text}`policy_n_marks_claim` dated
# claims (orange, hollow) beside {glue:text}`policy_n_marks_fact` dated facts
# (blue, solid), one row per platform, from Telegram's launch on. A point is a
# date known to the day; a bar covers a month, a year or a range in full.
# {numref}`fig-policy-november` shows the Europol-led action of November 2019
# day by day.

# %% tags=["remove-input"]
mark_names = policy.mark_names(scoped, facts, words)
marks, not_drawn = timeline.timeline_data(scoped, facts, events, names, kinds, mark_names=mark_names,
                                          platforms_of=ev.fact_platforms)
arranged = timeline.arrange(marks, events)
_ = figures.save(timeline.timeline_figure(arranged), arranged, OUT / "platform_policy-timeline")
# The phone drawing places the same marks' labels for a narrow page; its data
# is the wide figure's table, offered once.
arranged_phone = timeline.arrange(marks, events, style=timeline.PHONE)
_ = figures.save_variant(timeline.timeline_figure(arranged_phone, style=timeline.PHONE),
                         OUT / "platform_policy-timeline", "phone")

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

# %% [markdown]
# ::::{figure} figures/platform_policy-timeline.png
# :name: fig-policy-timeline
# :width: 100%
# :class: pp-wide
# :figclass: pp-figure
# :alt: Timeline from 2013 to 2021 with one row per platform (Telegram, Twitter, TamTam); in each row a lane of facts (solid blue) above a lane of article claims (hollow orange), labelled by the events they belong to; points for dates known to the day, bars for months, years and ranges.
#
# Dated claims and facts about each platform, from Telegram's launch on. Blue,
# solid: facts; orange, hollow: claims. A point is a date known to the day; a
# bar covers a month, a year or a range in full. Dotted lines lead from each
# label to its marks. Open the image for its full size. Table:
# {download}`platform_policy-timeline.csv <figures/platform_policy-timeline.csv>`.
#
# :::{image} figures/platform_policy-timeline-phone.png
# :width: 100%
# :class: pp-narrow
# :alt: The same timeline drawn narrower for a phone, with larger text: one row per platform (Telegram, Twitter, TamTam), facts in solid blue above claims in hollow orange, each event's label above its marks.
# :::
# ::::
#
# :::{dropdown} How the timeline is drawn
# There are {glue:text}`policy_n_marks` marks: {glue:text}`policy_n_marks_claim`
# claims from the articles and {glue:text}`policy_n_marks_fact` facts (only
# {glue:text}`policy_n_marks_fact_primary` of them read on the issuer's own page,
# the rest through a named outlet or a copy, or at no page). Each date is drawn
# as precisely as it is known: {glue:text}`policy_n_marks_point` are dated to
# the day and drawn as points; {glue:text}`policy_n_marks_span` are a month, a
# year or a range and drawn as bars over their whole extent, with end caps, so
# that a month is never drawn as if it were its first day. Marks that would
# overlap are stacked; no date is moved. Labels name the event the marks belong
# to; a mark far from its event's own dates is named by itself (a fact by its
# title, a claim by its article and its first words). Of the chapter's claims,
# {glue:text}`policy_n_undated` give no date and are not drawn. A fact is drawn
# on a platform's row when the platform issued it or its words name the
# platform; {glue:text}`policy_n_facts_not_drawn` facts are not drawn (listed
# below, with the reason). On a phone the figure is drawn narrower, with larger
# text.
# :::

# %% tags=["remove-input"]
window = (dt.date(2019, 11, 1), dt.date(2020, 1, 1))
close = timeline.closeup_table(marks, *window)
action = events["2019-11-action-day"]
action_days = in_words(f"{action.date_start.isoformat()}/{action.date_end.isoformat()}")
band = (action.date_start, action.date_end, f"Europol-led action, {action_days}")
_ = figures.save(timeline.closeup_figure(close, window, style=timeline.CLOSEUP_DESKTOP, band=band), close,
                 OUT / "platform_policy-november-2019")
_ = figures.save_variant(timeline.closeup_figure(close, window, style=timeline.CLOSEUP_PHONE, band=band),
                         OUT / "platform_policy-november-2019", "phone")
glue("policy_n_close", int(len(close)), display=False)
glue("policy_action_days", action_days, display=False)

# %% [markdown]
# ::::{figure} figures/platform_policy-november-2019.png
# :name: fig-policy-november
# :width: 100%
# :class: pp-wide
# :figclass: pp-figure
# :alt: Close-up of November and December 2019, day by day: the action days of 21 to 24 November shaded; under Telegram and TamTam, each fact and claim on its own line, named in words with its date, drawn as a point or a bar over its days.
#
# November and December 2019 day by day: the same marks
# ({glue:text}`policy_n_close` of them), each on its own line with its name and
# date, under the action days ({glue:text}`policy_action_days`, shaded). An
# arrow at an edge: the range runs on beyond the window. Table:
# {download}`platform_policy-november-2019.csv <figures/platform_policy-november-2019.csv>`.
#
# :::{image} figures/platform_policy-november-2019-phone.png
# :width: 100%
# :class: pp-narrow
# :alt: The same close-up drawn narrower for a phone: each fact and claim on its own line with its name and date above its point or bar, days labelled every week, the action days shaded.
# :::
# ::::

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"Every mark of the timeline, with what it says ({len(arranged)} marks)",
    timeline.marks_html(arranged, words, "Marks on the timeline (each claim links to its place in its article)"),
    css_class="pp-fold")))
if len(not_drawn):
    display(HTML(render.folded(
        f"The claims and facts not drawn, and why ({len(not_drawn)})",
        timeline.not_drawn_html(not_drawn, words, "Claims and facts not on the timeline, and why"),
        css_class="pp-fold")))

# %% [markdown]
# (policy-telegram)=
# ## Telegram
#
# {glue:text}`policy_n_telegram` claims. The stories that run through them:
#
# **A privacy-first stance.** The articles quote Pavel Durov, Telegram's
# founder, putting privacy first. [An undated article by Jawad
# al-Sayegh](articles/003.md) (its outlet unnamed) has him say that "privacy,
# ultimately, is more important than our fear of bad things happening" and
# that ISIS would find another means if Telegram were not secure
# ({claim}`003-07`). The words match what he said on stage at TechCrunch
# Disrupt SF ({glue:text}`policy_fact_durov_2015_disrupt_date`), but the
# article sets them in a BBC report: the register records that as
# <a href="#case-d-003-06">a discrepancy of attribution</a>.
# [An unnamed outlet's article of November 2015](articles/004.md) quotes him
# telling TechCrunch that he backed Telegram to build a channel the Russian
# authorities could not penetrate ({claim}`004-17`; the interview was not
# read), and Telegram's own site criticising Facebook and Google for passing
# private data to third parties ({claim}`004-09`).
#
# **The channel blocking after the Paris attacks.** Telegram said it had
# been "disturbed to learn" that the Islamic State was using its public
# channels ({claim}`004-06`), and that it had blocked
# {glue:text}`policy_fact_telegram_2015_channels_value` ISIS-related channels
# across {glue:text}`policy_fact_telegram_2015_languages_value` languages
# that week; Durov told the Daily Dot the same day that Telegram had tried to
# censor {glue:text}`policy_fact_telegram_2015_100_channels_value` channels, a
# second figure. The November 2015 article has the number and the languages
# right, but calls the channels "accounts" in one sentence ({claim}`004-01`)
# and "sites" in another presented as Telegram's own words ({claim}`004-07`):
# <a href="#case-d-004-01">a discrepancy of what was counted</a>.
#
# **Iran: no cooperation, or a name three days late?** Iran's cyber-police
# chief, Kamal Hadianfar, speaking through ISNA in [an article republished by
# an unnamed site](articles/000.md), says that Telegram's manager gave Iran's
# police no help ({claim}`000-12`) and, asked whether Durov had given the
# police the terrorists' details, answers "there was no cooperation with us,
# and only after the incident…" ({claim}`000-13`): one of the main linchpins
# (سرپل, a key contact) of the Tehran attacks on parliament and the Khomeini
# mausoleum, who had left the country on the day, was identified to the police
# by Telegram three days later ({claim}`000-14`), with "incomplete,
# half-baked" information ({claim}`000-15`), given, he supposes, because
# Telegram's international reputation was at risk ({claim}`000-16`).
# Telegram's own statement on its privacy policy
# ({glue:text}`policy_fact_telegram_privacy_2018_date`) says it may disclose a
# terror suspect's IP address and phone number on a court order, and that this
# had not yet happened: it counts
# {glue:text}`policy_fact_telegram_privacy_2018_value` such disclosures. Read
# whole, the police chief's answer is one qualified account (no help before
# the attack, a late and partial name after it), not a contradiction of
# itself. The register marks its conflict with Telegram's statement as
# <a href="#case-d-000-14">unresolved</a>: it is one party's word against the
# other's (Telegram's on a narrower point: court-ordered disclosures of a
# suspect's IP address and phone number), neither can be checked, and this
# book takes no side. Both accounts are shown, beside each claim. (The dispute
# had a context the facts record: a Tehran prosecutor opened a case against
# Durov on {glue:text}`policy_fact_iran_telegram_2017_case_date`, and Iran's
# judiciary ordered Telegram blocked on
# {glue:text}`policy_fact_iran_telegram_ban_2018_date`.)
#
# **The Europol-led action.** Telegram took part in Europol's Referral Action
# Days ({glue:text}`policy_fact_europol_2019_telegram_rad_date`), within the
# Belgian-led action ({glue:text}`policy_fact_europol_2019_referrals_date`).
# Europol's own tweet, embedded in [Akhbar Al Aan's article](articles/001.md),
# says it had been working with Telegram for a year and a half
# ({claim}`001-11`, the source graded most reliable); the article reports
# Europol's praise for Telegram's help "in rooting out malicious content"
# ({claim}`001-16`). Telegram's ISIS Watch channel counted
# {glue:text}`policy_fact_telegram_isiswatch_2019_11_22_value` and
# {glue:text}`policy_fact_telegram_isiswatch_2019_11_23_value` accounts and
# bots banned on {glue:text}`policy_fact_telegram_isiswatch_2019_11_22_date`
# and {glue:text}`policy_fact_telegram_isiswatch_2019_11_23_date`, against a
# usual {glue:text}`policy_fact_telegram_isiswatch_typical_value` a day. A BBC
# Monitoring journalist's tweet in the same article speaks of "1000s of
# extremist channels" ({claim}`001-06`) over a weekend that is not the days
# Telegram counted, so the register does not compare the two; and
# [an undated article relaying The Telegraph](articles/002.md) joins
# Telegram's bans and Europol's referrals into one "removed" total
# ({claim}`002-08`, <a href="#case-d-002-08">a discrepancy: figures merged</a>).
#
# Telegram's {glue:text}`policy_n_telegram` claims, by kind (open a group to
# read its cards):

# %% tags=["remove-input"]
telegram = scoped[scoped["platform"] == "telegram"]
display(HTML(policy.folded_groups_html(telegram, facts, register, words, "Telegram")))

# %% [markdown]
# Of Telegram's features, what it launched on
# {glue:text}`policy_fact_telegram_2015_channels_launch_date` was public
# channels (broadcast to unlimited subscribers); Jawad al-Sayegh's article calls
# it "video broadcasting" (<a href="#case-d-003-08">a discrepancy</a>), then
# describes the channels without naming them. Among its events, the November
# 2015 article dates the founding of Russia's largest social network (VK) to
# Telegram's launch year (<a href="#case-d-004-05">a discrepancy</a>; its
# counterpart is filed under VK).
#
# (policy-twitter)=
# ## Twitter
#
# {glue:text}`policy_n_twitter` claims. Jawad al-Sayegh's article says
# Twitter's management "cancelled many accounts" of IS activists for promoting
# the group ({claim}`003-03`, no figure). Twitter's own counts, published after
# the article, are consistent with it but cannot confirm it:
# {glue:text}`policy_fact_twitter_2016_02_value` accounts suspended from
# mid-2015 to {glue:text}`policy_fact_twitter_2016_02_date`, and
# {glue:text}`policy_fact_twitter_2016_08_cumulative_value` by
# {glue:text}`policy_fact_twitter_2016_08_cumulative_date` (on the timeline).
# Iran's cyber-police chief says he reported IS activity on Twitter, with
# documents, to Twitter's manager and to Interpol ({claim}`000-08`), which
# nothing available can check. Twitter is also among the providers the articles
# say worked with Europol in the Europol-led action ({claim}`001-05`,
# {claim}`002-07`, filed under Telegram).

# %% tags=["remove-input"]
display(HTML(policy.folded_cards_html(scoped[scoped["platform"] == "twitter"], facts, register, words,
                                      "Twitter's claims")))

# %% [markdown]
# (policy-tamtam)=
# ## TamTam
#
# {glue:text}`policy_n_tamtam` claims, all from one article
# ({glue:text}`policy_articles_tamtam`), relaying The Telegraph. A TamTam
# spokesman says the company "strongly opposes" any content from terrorist
# organisations on its service ({claim}`002-22`), that its rules prohibit
# promoting violence, extremism and terrorism, and asks users to report anyone
# who posts it ({claim}`002-23`). The ISD analyst says the app had already
# begun removing some accounts ({claim}`002-16`). TamTam was launched by
# Mail.Ru Group on {glue:text}`policy_fact_tamtam_launch_date` (the article's
# year is right, {claim}`002-12`); the article says it stands out for a
# "channels" feature like Telegram's ({claim}`002-11`).

# %% tags=["remove-input"]
display(HTML(policy.folded_cards_html(scoped[scoped["platform"] == "tamtam"], facts, register, words,
                                      "TamTam's claims")))

# %% [markdown]
# (policy-others)=
# ## Other platforms, and platforms not named
#
# {glue:text}`policy_n_others` claims: about another platform (VK's founding,
# which the November 2015 article credits to the wrong brother) or about
# "social networks and messaging apps" in general (the FBI officer, as Iran's
# cyber-police chief retells him, says they answer the FBI quickly; the next
# sentence, filed under Telegram, says Telegram does not).

# %% tags=["remove-input"]
others = scoped[scoped["section"] == "others"]
display(HTML("".join(
    policy.folded_cards_html(rows, facts, register, words,
                             (f"About {names.get(platform, platform)}" if platform
                              else f"About {policy.UNNAMED_LABEL}"))
    for platform, rows in others.groupby("platform", sort=False))))

# %% [markdown]
# (policy-cooperation)=
# ## Who cooperated with whom
#
# Every cooperation and refusal claim ({glue:text}`policy_n_coop_claims`
# claims), by platform and by the party it did or did not cooperate with, as
# the claims say, with each claim's grade. The party is the claim's actor that
# is neither a platform nor one of its people (Durov is Telegram's voice, as
# the facts record him); where the claim names none, the table says so and
# names the speaker, rather than guess whom "us" means.
# {glue:text}`policy_n_coop_pairs` platform–party pairs;
# {glue:text}`policy_n_coop_unresolved` of them include a claim the register
# marks unresolved.

# %% tags=["remove-input"]
coop = policy.cooperation_rows(scoped, facts, names, kinds, register)
summary = policy.cooperation_summary(coop, names)
glue("policy_n_coop_claims", int(coop["claim"].nunique()), display=False)
glue("policy_n_coop_pairs", int(len(summary)), display=False)
glue("policy_n_coop_unresolved", int((summary["register"].str.contains("unresolved")).sum()), display=False)
coop.to_csv(OUT / "platform_policy-cooperation.csv", index=False, lineterminator="\n")
display(HTML(policy.cooperation_html(summary, words,
                                     "Cooperation as the claims say: platform, party, claims and grades")))

# %% [markdown]
# Read the grades with the rows: every claim about Iran's police and the FBI
# comes from one interested speaker through ISNA and an unnamed republisher
# (reliability D), and none of it can be checked (credibility 6). The Europol
# rows rest on Europol's own tweet and on outlets relaying its statement,
# graded accordingly. One row per claim, platform and party, with who said it:
# {download}`platform_policy-cooperation.csv <figures/platform_policy-cooperation.csv>`.
#
# (policy-register)=
# ## What the register found in these claims
#
# {glue:text}`policy_n_in_register` of the chapter's claims are in
# {glue:text}`policy_n_cases` cases of the discrepancy register
# ({glue:text}`policy_n_cases_discrepancy` discrepancies,
# {glue:text}`policy_n_cases_unresolved` unresolved). Each case is shown here
# once; the cards above link to it. An unresolved case is not an error found:
# it is a conflict the sources available cannot settle.

# %% tags=["remove-input"]
display(HTML(policy.register_html(touching, words)))

# %% [markdown]
# ## Claims of these kinds that name no platform
#
# Not shown above: {glue:text}`policy_n_left_out` claims of the same kinds
# about police, prosecutors, courts or a military raid.

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"The {len(left)} claims of the chapter's kinds it does not show, and why",
    policy.left_out_html(left, words, "Claims of the chapter's kinds it does not show"), css_class="pp-fold")))

# %% tags=["remove-cell"]
scoped.drop(columns=["group"]).to_csv(OUT / "platform_policy-claims.csv", index=False, lineterminator="\n")

# %% [markdown]
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
