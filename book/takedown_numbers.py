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
# (chapter-takedown-numbers)=
# # Takedown numbers
#
# ## In short
#
# - **The headline "{glue:text}`takedown_referrals:,.0f`" counts items *referred*, not sites closed.** Europol
#   and Eurojust counted {glue:text}`takedown_referrals_worded` items of IS
#   content referred to online service providers in the action of
#   {glue:text}`takedown_action_month`.
#   The Belgian police, co-leader of the action, wrote *removed*, and Akhbar Al
#   Aan turned the items into "about {glue:text}`takedown_claim_001_02_value:,.0f`
#   websites and accounts closed" {claim}`001-02`; where items became websites
#   and accounts cannot be located, since the wires it cites were not read.
# - **Two issuers' counts became one removal.** Telegram banned
#   {glue:text}`takedown_tg_day1:,d` and {glue:text}`takedown_tg_day2:,d`
#   accounts and bots on successive days; The Telegraph put them in one sentence
#   with Europol's referrals, under one verb, and an Arabic article relayed the
#   pair as one removal {claim}`002-08` {claim}`002-09`.
# - **{glue:text}`takedown_reg_n_cases` differences from the sources**, computed,
#   not typed: {glue:text}`takedown_reg_status_discrepancy` discrepancies,
#   {glue:text}`takedown_reg_status_possible` possible and
#   {glue:text}`takedown_reg_status_unresolved` unresolved
#   ({ref}`the register <takedown-register>`).
# - **There is no one headline figure.** The action's count is
#   {glue:text}`takedown_headline_n_figures` figures of
#   {glue:text}`takedown_headline_n_units` different things under
#   {glue:text}`takedown_headline_n_families` different acts, and no range or
#   ratio joins them ({ref}`every definition <takedown-headline>`).
# - **An analyst's inbox is not a platform count.** The
#   {glue:text}`takedown_analyst_messages:,d` messages and "almost
#   {glue:text}`takedown_analyst_channels:,d`" channels one analyst found on
#   TamTam one morning say nothing about TamTam as a whole; one article made
#   "almost" into "more than" {claim}`002-15`.
#
# ## Reading this chapter
#
# The articles lead with numbers: accounts, channels, sites or "items" closed,
# removed, blocked or referred; messages an analyst saw; people on trial. This
# chapter sets each of them beside the sources it leans on, never adding or
# comparing across what was counted or what was done, and says where each
# retelling went wrong. A badge such as {claim}`001-02` opens the claim,
# highlighted in its own script, on its article's page. Each claim is graded on
# the Admiralty scale: the letter rates the source as the article presents it,
# the digit the information against the sources. "About N" is read as N ±
# {glue:text}`takedown_tolerance_pct:.0f` %, and "over N" or "thousands" as at
# least N. Folded blocks hold the detail; each says what it holds.
#
# :::{dropdown} How this chapter was made
# The claims are the stand-off annotations of the
# {glue:text}`takedown_n_articles` articles: {glue:text}`takedown_n_claims`
# claims, of which {glue:text}`takedown_n_numeric` carry a number, in
# {glue:text}`takedown_n_numeric_articles` articles
# {cite:p}`art000,art001,art002,art003,art004`. The figures they are checked
# against are the {glue:text}`takedown_n_facts_numeric` numeric rows of the
# curated table of sources ({glue:text}`takedown_n_facts` rows in all), each
# with the address where it was read and how: *primary* (on the issuer's own
# page), *secondary* (through a relay) or *unverified* (at no page). The
# discrepancy register, the table of sources that are one voice and the
# headline's definitions are computed from these two tables; nothing below is
# typed by hand. Every table is on the {ref}`Data page <data-downloads>`.
# :::

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.display import figures, render
from analysis.display.dates import in_words
from analysis.evidence import measures, register
from analysis.chapters import register_text, takedowns
from analysis.evidence.snapshot import checked_evidence
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
ev = checked_evidence(paths)
corpus, entities, facts, claims = ev.corpus, ev.entities, ev.facts, ev.claims
names, kinds_of = ev.names, ev.kinds
C, F, reg, one_voice, headline = ev.claims_table, ev.facts_table, ev.register, ev.voices, ev.headline
words = register_text.words_for(ev)
fx = {f.id: f for f in facts}
chains = {c.id: c.attribution for c in claims}
case_texts = register_text.register_texts(ev, words)
case_of = takedowns.cases_by_claim(case_texts)

numeric = takedowns.numeric_claims(C, names)
glue("takedown_n_claims", int(len(C)), display=False)
glue("takedown_n_articles", int(len(corpus)), display=False)
glue("takedown_tolerance_pct", float(measures.APPROX_TOLERANCE * 100), display=False)
glue("takedown_n_numeric", int(len(numeric)), display=False)
glue("takedown_n_numeric_articles", int(numeric["article"].nunique()), display=False)
glue("takedown_n_facts", int(len(F)), display=False)
glue("takedown_n_facts_numeric", int(((F["low"] != "") | (F["high"] != "")).sum()), display=False)
glue("takedown_n_families", int(numeric["family"].nunique()), display=False)
glue("takedown_n_units", int(numeric["unit"].nunique()), display=False)
glue("takedown_n_bounds", int(numeric["qualifier"].isin(["at_least", "at_most"]).sum()), display=False)
bound_words = takedowns.bound_words(numeric, claims)
glue("takedown_n_bounds_worded", int((bound_words["read as"] == "a hedge word").sum()), display=False)
glue("takedown_n_bounds_vague", int((bound_words["read as"] == "a vague plural").sum()), display=False)
glue("takedown_n_approx", int((numeric["qualifier"] == "approx").sum()), display=False)
glue("takedown_n_exact", int((numeric["qualifier"] == "exact").sum()), display=False)
glue("takedown_n_no_fact", int((numeric["facts"] == "").sum()), display=False)
glue("takedown_claim_001_02_value", float(numeric.set_index("claim").loc["001-02", "value"]), display=False)

glue("takedown_referrals", float(fx["europol-2019-referrals"].value_low), display=False)
glue("takedown_referrals_worded", fx["europol-2019-referrals"].value, display=False)
glue("takedown_action_month", in_words(fx["europol-2019-referrals"].date_start.strftime("%Y-%m")), display=False)
glue("takedown_tg_day1", int(fx["telegram-isiswatch-2019-11-22"].value_low), display=False)
glue("takedown_tg_day2", int(fx["telegram-isiswatch-2019-11-23"].value_low), display=False)
two_days = measures.total([fx["telegram-isiswatch-2019-11-22"].figure(), fx["telegram-isiswatch-2019-11-23"].figure()])
glue("takedown_tg_sum", int(two_days.value), display=False)
glue("takedown_analyst_messages", int(fx["isd-tamtam-2019-messages"].value_low), display=False)
glue("takedown_analyst_channels", int(fx["isd-tamtam-2019-channels"].value_high), display=False)
glue("takedown_analyst_measure", words.measure(fx["isd-tamtam-2019-messages"].measure), display=False)

counts = takedowns.register_counts(reg, register.KIND_ORDER, register.STATUS_ORDER)
glue("takedown_reg_n_cases", int(len(reg)), display=False)
for s in register.STATUS_ORDER:
    glue(f"takedown_reg_status_{s}", int((reg["status"] == s).sum()), display=False)
for _, r in counts[counts["kind"] != "all cases"].iterrows():
    glue(f"takedown_reg_kind_{r['kind']}", int(r["cases"]), display=False)

rng = takedowns.headline_summary(headline)
glue("takedown_headline_n_defs", rng["n_definitions"], display=False)
glue("takedown_headline_n_figures", rng["n_figures"], display=False)
glue("takedown_headline_n_refused", rng["n_refused"], display=False)
glue("takedown_headline_n_units", rng["n_units"], display=False)
glue("takedown_headline_n_families", rng["n_families"], display=False)
glue("takedown_headline_refusal", words.plain(rng["refusal"]), display=False)
cell = rng["cells"].iloc[0]
glue("takedown_headline_cell", takedowns.headline_cell_words(cell, words), display=False)
glue("takedown_headline_cell_span", cell["span"], display=False)
glue("takedown_headline_issued", words.plain(rng["issued"]), display=False)

# %% [markdown]
# (takedown-retold)=
# ## How the headline figures were retold
#
# {glue:text}`takedown_n_headline_cases` register cases change what was done to
# the headline count: a shift of measure, or a merge. In the first, Europol and
# Eurojust counted {glue:text}`takedown_referrals_worded` items *referred*; the
# Belgian police, a co-leader of the action, wrote *removed* and the wires
# followed them: a difference between co-issuers, which the register does not
# call an error. The article then made the items "sites and accounts"; where
# that entered is not located, since the wires and COPE it cites were not read.
# In the second, The Telegraph joined Telegram's daily ban counts
# ({glue:text}`takedown_tg_day1:,d` and {glue:text}`takedown_tg_day2:,d`,
# together {glue:text}`takedown_tg_sum:,d` accounts and bots *banned*) with
# Europol's referrals in one sentence under one verb, and the Arabic article
# relayed the joined pair as one removal.
#
# Each fold below follows one claim from the issuer's words, through the
# intermediaries the article names, to the article's words. Each step is a
# source read from that link (and through whom it was read); a link whose text
# nobody read is listed as not checked; a source read from no link of the chain,
# whose wording the chain follows, is listed "off the chain". Each step says how
# it differs from the issuer's figure (one issuer's days added), and where the
# register places the change.

# %% tags=["remove-input"]
cases = takedowns.headline_cases(reg)
glue("takedown_n_headline_cases", int(len(cases)), display=False)
display(HTML(takedowns.retelling_folds(cases, C, F, numeric, words, {t.case: t for t in case_texts})))

# %% [markdown]
# ## The figures on one page
#
# {numref}`fig-takedown-figures` draws every numeric claim beside the sources it
# leans on for its figure, on a logarithmic axis, one panel per kind of act:
# a referral and a removal are never on the same axis, so no reader can take
# Europol's "over {glue:text}`takedown_referrals:,.0f`" referred and Akhbar Al
# Aan's "about {glue:text}`takedown_claim_001_02_value:,.0f`" closed for one
# quantity. Durations get a panel per unit. A source linked to a claim only for
# context (a date, a party) is not drawn: its number counts something else.
# Where a claim leans on one issuer's figures for separate days, their sum is
# drawn too (computed, never typed). The figure has
# {glue:text}`takedown_n_points` points in {glue:text}`takedown_n_panels`
# panels: {glue:text}`takedown_n_point_claims` claims,
# {glue:text}`takedown_n_point_facts` sources and
# {glue:text}`takedown_n_point_sums` computed sum(s). Its table:
# {download}`takedown_numbers-figures.csv <figures/takedown_numbers-figures.csv>`.

# %% tags=["remove-cell"]
points = takedowns.chart_points(C, F, words)
glue("takedown_n_points", int(len(points)), display=False)
glue("takedown_n_panels", int(points["panel"].nunique()), display=False)
glue("takedown_n_point_claims", int((points["kind"] == "claim").sum()), display=False)
glue("takedown_n_point_facts", int((points["kind"] == "fact").sum()), display=False)
glue("takedown_n_point_sums", int((points["kind"] == "computed").sum()), display=False)
drawn_facts = sorted({f for p in points[points["kind"] != "claim"]["point"] for f in p.split(" + ")})
glue("takedown_n_drawn_facts", int(len(drawn_facts)), display=False)
Path("figures").mkdir(exist_ok=True)
_ = figures.save(takedowns.chart_figure(points), points, Path("figures") / "takedown_numbers-figures")
_ = figures.save_variant(takedowns.chart_figure(points, "phone"), Path("figures") / "takedown_numbers-figures", "phone")

# %% [markdown]
# ```{image} figures/takedown_numbers-figures-phone.png
# :alt: The same dot chart laid out for a narrow screen: one panel under another, each row's label above its marker.
# :class: td-fig-phone
# :width: 100%
# ```
#
# ```{figure} figures/takedown_numbers-figures.png
# :name: fig-takedown-figures
# :alt: Dot chart on logarithmic axes, one panel per kind of act, with each numeric claim (orange circles) beside the sources it leans on (green squares) and computed sums (purple diamonds); lower bounds have arrows to the right, upper bounds arrows to the left, approximate figures a band.
# :width: 100%
# :figclass: td-fig
#
# Every numeric claim (orange circle, labelled with its article) beside the
# sources it leans on (green square), with what each counts and what was done,
# one panel per kind of act, each on its own logarithmic axis. An open marker
# with an arrow is a bound; a band is "about N" or "almost N" (±
# {glue:text}`takedown_tolerance_pct:.0f` %); a purple diamond, one issuer's
# daily figures added. Select the chart to open it full size. Sources: the
# articles {cite:p}`art000,art001,art002,art003,art004`; the figures as read in
# {cite:p}`src-europediplomatic-2019,src-euroweeklynews-2019,src-politie-2019,src-euronews-reuters-2019,src-enewsfuse-telegraph-2019,src-worldmilitarynews-bbc-2019,src-thenextweb-2015,src-memri-2015-blocks,src-techcrunch-2015,src-fonearena-2015,src-upi-2014,src-worldbulletin-2018,src-trend-az`.
# ```

# %% tags=["remove-input"]
drawn = takedowns.drawn_facts_for_readers(drawn_facts, fx, C, words)
display(HTML(render.folded(
    f"The {len(drawn)} sources drawn: figure, date, who issued and relayed it, where it was read",
    render.table(drawn, caption="Sources the numeric claims lean on, with the address where each was read",
                 cell_html={"claims": takedowns.claim_cell, "address": takedowns.address_cell}),
    css_class="fold td-fold")))

# %% [markdown]
# (takedown-register)=
# ## The discrepancy register
#
# The register checks each claim against its sources, field by field, and
# claims against each other. It finds {glue:text}`takedown_reg_n_cases` cases:
# {glue:text}`takedown_reg_status_discrepancy` discrepancies (the claim is
# contradicted), {glue:text}`takedown_reg_status_disputed` disputed (co-issuers
# of the figure word it differently and the claim follows one of them),
# {glue:text}`takedown_reg_status_possible` possible (a subset or another
# counting base could explain it) and {glue:text}`takedown_reg_status_unresolved`
# unresolved (one party's word against another's). By what differs (a case can
# differ in several ways): {glue:text}`takedown_reg_kind_value` in the figure,
# {glue:text}`takedown_reg_kind_unit` in what was counted,
# {glue:text}`takedown_reg_kind_measure` in what was done,
# {glue:text}`takedown_reg_kind_qualifier` in the hedge,
# {glue:text}`takedown_reg_kind_merged` in a merge of different issuers'
# figures, {glue:text}`takedown_reg_kind_count` in a head count,
# {glue:text}`takedown_reg_kind_place` in the place,
# {glue:text}`takedown_reg_kind_date` in the date,
# {glue:text}`takedown_reg_kind_attribution` in who said it,
# {glue:text}`takedown_reg_kind_conflict` against a party's own statement and
# {glue:text}`takedown_reg_kind_internal` where the article contradicts itself.
#
# Each case below opens to say, in words, what differs and where along the
# chain of retelling the difference entered: at a named link; "not located"
# where a link that could have made the change was not read; or at no link,
# where the difference is no error.

# %% tags=["remove-input"]
display(HTML('<div class="td-cases">' + takedowns.register_cards(case_texts) + "</div>"))
display(HTML(render.folded(
    f"Cases counted by what differs and by status ({len(counts) - 1} ways to differ)",
    render.table(takedowns.counts_for_readers(counts, words),
                 caption="Register cases by what differs and by status (a case that differs in several ways "
                         "counts under each)"),
    css_class="fold td-fold")))

# %% [markdown]
# ## What these numbers cannot support
#
# **They cannot be added across measures.** Telegram's bans and Europol's
# referrals are different acts by different issuers, counting different things.
# The book's addition refuses the sum; its message, computed here, is:
# "{glue:text}`takedown_refusal`". Telegram's own daily counts do add up, to
# {glue:text}`takedown_tg_sum:,d`.

# %% tags=["remove-cell"]
attempts = takedowns.addition_attempts(F, C, [
    ("Telegram's bans + Europol's referrals",
     ["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23", "europol-2019-referrals"]),
    ("Europol's referrals + the Belgian police's removals", ["europol-2019-referrals", "belgian-police-2019-removed"]),
    ("Telegram's bans, day one + day two", ["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23"]),
])
glue("takedown_refusal", words.plain(attempts.loc[0, "result"]), display=False)
glue("takedown_n_attempts", int(len(attempts)), display=False)
observer = takedowns.one_observer(F, C)
selfrep = takedowns.self_reported(F, C, kinds_of)
glue("takedown_n_self_reported", int(len(selfrep)), display=False)
glue("takedown_n_self_reported_primary", int((selfrep["confidence"] == "primary").sum()), display=False)
summary = takedowns.caveat_summary([
    ("not addable across measures", attempts[attempts["refused"] == "yes"]),
    ("one analyst's inbox, not a platform count", observer),
    ("self-reported by the platform", selfrep),
])
glue("takedown_n_caveat_claims", int(len({c for v in summary["claims"] for c in v.split("; ") if c})), display=False)
for key, n in zip(("addable", "observer", "selfrep"), summary["n_claims"]):
    glue(f"takedown_n_claims_{key}", int(n), display=False)

# %% tags=["remove-input"]
display(HTML(takedowns.caveat_fold(
    f"The {len(attempts)} sums attempted: the figures, the result or the refusal, the claims leaning on them",
    attempts, words,
    "Sums attempted with the book's addition: the result or the refusal")))

# %% [markdown]
# **An analyst's inbox is not a platform count.** The
# {glue:text}`takedown_analyst_messages:,d` messages on TamTam and the "almost
# {glue:text}`takedown_analyst_channels:,d`" channels are what one analyst found
# waiting for him one morning (what was done: "{glue:text}`takedown_analyst_measure`",
# an observation), as The Telegraph quoted him
# {cite:p}`src-enewsfuse-telegraph-2019`: they say nothing about how many IS
# messages or channels TamTam carried. An Arabic article turns them into an
# impersonal count of what was detected and makes "almost" into "more than"
# {claim}`002-15`.

# %% tags=["remove-input"]
display(HTML(takedowns.caveat_fold(
    f"The {len(observer)} figures one person saw, and the claims that relay them",
    observer, words,
    "Figures one named person saw (an observation, not a count of the platform)")))

# %% [markdown]
# **Self-reported figures cannot be checked.** Where a platform counts its own
# actions, no one outside it can verify the count; the book can only check that
# it was relayed faithfully. {glue:text}`takedown_n_self_reported` figures that
# numeric claims lean on were issued by the platform they are about,
# {glue:text}`takedown_n_self_reported_primary` of them read on the platform's
# own page; the rest reached us through a relay
# {cite:p}`src-worldmilitarynews-bbc-2019,src-thenextweb-2015,src-techcrunch-2015`.
#
# In all, these caveats touch {glue:text}`takedown_n_caveat_claims` numeric
# claims: {glue:text}`takedown_n_claims_addable` lean on figures that may not be
# added, {glue:text}`takedown_n_claims_observer` on one analyst's count and
# {glue:text}`takedown_n_claims_selfrep` on a platform's word about itself.

# %% tags=["remove-input"]
display(HTML(takedowns.caveat_fold(
    f"The {len(selfrep)} self-reported figures, how each was read, and the claims leaning on them",
    selfrep.drop(columns="person"), words,
    "Self-reported figures (the issuer is the platform itself) and the claims leaning on them")))
display(HTML(takedowns.caveat_fold(
    f"Each of the {len(summary)} caveats, the sources it rests on and the claims it touches",
    summary, words,
    "Each caveat, the sources it rests on and the claims it touches")))

# %% [markdown]
# ## One voice
#
# Two sources that agree are not two confirmations when they are one voice: the
# same person behind two issuers, one issuer speaking once through a named
# person, or a relay that follows one co-issuer's wording. There are
# {glue:text}`takedown_n_voices` such pairs:
# {glue:text}`takedown_n_voices_same_person` through the same person,
# {glue:text}`takedown_n_voices_same_issuer` within one issuer and
# {glue:text}`takedown_n_voices_follows_wording` that follow a wording. The last
# explain why "removed" and "closed" spread: the articles and the wires follow
# the Belgian police, not Europol.

# %% tags=["remove-input"]
glue("takedown_n_voices", int(len(one_voice)), display=False)
for rel in ("same_person", "same_issuer", "follows_wording"):
    glue(f"takedown_n_voices_{rel}", int((one_voice["relation"] == rel).sum()), display=False)
display(HTML(render.folded(
    f"The {len(one_voice)} pairs of sources that are one voice",
    render.table(takedowns.voices_for_readers(one_voice, words), caption="Sources that are one voice",
                 cell_html={"source": takedowns.claim_cell}),
    css_class="fold td-fold")))

# %% [markdown]
# (takedown-headline)=
# ## The headline under every definition
#
# The headline figure is not one number. The book recomputes the action's
# takedown count under each definition the sources use: each issuer's figure
# per act and thing counted (one issuer's days added), then the definitions
# only the articles use, then the sums across acts that a merged headline
# implies, refused. Of {glue:text}`takedown_headline_n_defs` definitions,
# {glue:text}`takedown_headline_n_figures` give a figure and
# {glue:text}`takedown_headline_n_refused` are refused sums. The figures count
# {glue:text}`takedown_headline_n_units` different things under
# {glue:text}`takedown_headline_n_families` different acts, so no range or ratio
# joins them. Asked for one, the book refuses:
# "{glue:text}`takedown_headline_refusal`". Only figures of one act and one thing
# counted are put side by side: where several sources give one
# ({glue:text}`takedown_headline_cell`), they give
# {glue:text}`takedown_headline_cell_span`. The issuers' own figures (no relay's
# sentence, no article's wording) are {glue:text}`takedown_headline_issued`.

# %% tags=["remove-input"]
display(HTML(render.table(takedowns.headline_matrix_for_readers(headline, words),
                          caption="The action's count by what was counted (rows) and what was done (columns)")))
display(HTML(render.folded(
    f"All {len(headline)} definitions: figure, issuer, sources, the claims that use each",
    render.table(takedowns.headline_for_readers(headline, words),
                 caption="Every definition of the headline, its sources and the claims that use it",
                 cell_html={"claims": takedowns.claim_cell}),
    css_class="fold td-fold")))

# %% [markdown]
# (takedown-claims)=
# ## Every numeric claim
#
# Of the {glue:text}`takedown_n_numeric` figures,
# {glue:text}`takedown_n_exact` are stated exactly,
# {glue:text}`takedown_n_approx` as "about" or "nearly", and
# {glue:text}`takedown_n_bounds` as a bound: {glue:text}`takedown_n_bounds_worded`
# with a hedge word such as "more than", and {glue:text}`takedown_n_bounds_vague`
# as a vague plural ("thousands", "dozens") read as at least its smallest
# figure, a floor the coding assigns, not one the article states. They count
# {glue:text}`takedown_n_units` different things across
# {glue:text}`takedown_n_families` kinds of act, and
# {glue:text}`takedown_n_no_fact` have no source to check them against.
#
# Each claim below, folded by what was done, gives its figure in words, the
# quote in its article's script beside the project's translation, its grade in
# words and why, who said it (the outlet the reader holds first, down to the
# issuer), the sources it was checked against and, where it has one, its case in
# the register. All of it in one table, with each figure's bounds:
# {download}`takedown_numbers-claims.csv <figures/takedown_numbers-claims.csv>`.

# %% tags=["remove-input"]
display(HTML(takedowns.claims_by_family(numeric, words, chains, case_of)))
_ = numeric.drop(columns=["start", "end"]).assign(value=numeric["value"].map(measures.format_number)).to_csv(
    Path("figures") / "takedown_numbers-claims.csv", index=False, lineterminator="\n")

# %% [markdown]
# ## What's next
#
# The next chapter follows the groups from platform to platform; its migration
# claims lean on the same observation figures whose limits are set out here.
#
# ## References
#
# The articles {cite:p}`art000,art001,art002,art003,art004`; Europol and
# Eurojust's joint text {cite:p}`src-europediplomatic-2019`; the Belgian Federal
# Police {cite:p}`src-politie-2019`; Reuters {cite:p}`src-euronews-reuters-2019`;
# The Telegraph {cite:p}`src-enewsfuse-telegraph-2019`; Telegram's ISIS Watch
# figures via the BBC {cite:p}`src-worldmilitarynews-bbc-2019`. The full list is
# on the {ref}`references` page.
