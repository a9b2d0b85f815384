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
# ## Overview
#
# The articles lead with numbers: how many accounts, channels, sites or
# "items" were closed, removed, blocked or referred, how many messages an
# analyst saw, how many people stand trial. This chapter puts every one of
# those numbers in one normalised table, draws them beside the primary-source
# figures they lean on (never adding or comparing across what was counted or
# what was done), lists every discrepancy the register computes and where
# along the chain of retelling it entered, and says what the numbers cannot
# support. It ends with the headline takedown figure recomputed under every
# definition the sources use.
#
# ## Data
#
# The claims are the stand-off annotations of the
# {glue:text}`takedown_n_articles` articles (`data/annotations/`, one row each in `data/processed/claims.csv`):
# {glue:text}`takedown_n_claims` claims, of which
# {glue:text}`takedown_n_numeric` carry a number, in
# {glue:text}`takedown_n_numeric_articles` articles
# {cite:p}`art000,art001,art002,art003,art004`. The figures they are checked
# against are the {glue:text}`takedown_n_facts_numeric` numeric rows of the
# curated facts table (`data/reference/facts.csv`,
# {glue:text}`takedown_n_facts` rows in all), each with the address where it
# was read and how (`primary`, `secondary`, `unverified`). The register,
# the one-voice table and the headline definitions are computed from these
# two tables by `analysis/evidence/register.py` and `analysis/evidence/headline.py`; nothing
# below is typed by hand.

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.display import figures, render
from analysis.evidence import measures, register
from analysis.chapters import takedowns
from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
ev = load_evidence(paths)
corpus, entities, facts, claims = ev.corpus, ev.entities, ev.facts, ev.claims
names, kinds_of = ev.names, ev.kinds
C, F, reg, one_voice, headline = ev.claims_table, ev.facts_table, ev.register, ev.voices, ev.headline
sources = takedowns.fact_sources(F, takedowns.bib_keys((paths.reference / "sources.bib").read_text("utf-8")))

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

# %% [markdown]
# ## Every numeric claim
#
# One row per claim with a number. `value`, `unit`, `qualifier` and
# `measure` are the article's own words, coded (see
# `data/reference/README.md`); `family` groups measures that are the same act
# in other words (closed and removed are removal; referred is referral, a
# different act). The `source chain` is who said it, outermost (the
# outlet the reader holds) first, down to the issuer. The Admiralty `grade`
# rates the source as read (its letter) and the information against the
# facts (its digit). The `span` locates the quote in the raw file; the claim id links to
# the quotation in its own script, further down. The downloadable table also
# has each figure with its bounds (`reads as`), as the rest of the book reads
# it.
#
# Of the {glue:text}`takedown_n_numeric` figures,
# {glue:text}`takedown_n_exact` are stated exactly,
# {glue:text}`takedown_n_approx` as "about" or "nearly", and
# {glue:text}`takedown_n_bounds` as a bound: {glue:text}`takedown_n_bounds_worded`
# with a hedge word such as "more than", and {glue:text}`takedown_n_bounds_vague`
# as a vague plural ("thousands", "dozens") read as at least its smallest
# figure, a floor the coding assigns, not one the article states; they count
# {glue:text}`takedown_n_units` different units across
# {glue:text}`takedown_n_families` measure families, and
# {glue:text}`takedown_n_no_fact` have no fact to check them against.

# %% tags=["remove-input", "full-width"]
shown = numeric.assign(value=numeric["value"].map(measures.format_number))
display(HTML(render.table(
    shown[["claim", "value", "qualifier", "unit", "measure", "family", "issuer", "grade"]],
    caption="Every numeric claim, part 1: the figure (data/processed/claims.csv, rows with a value)",
    claim_columns=["claim"])))
# The language column tells render.table how to mark each quote (an English tweet stays left-to-right).
display(HTML(render.table(
    shown[["claim", "source chain", "grade", "grade reason", "facts", "span", "quote", "language"]],
    lang_of={"quote": "language"},
    caption="Every numeric claim, part 2: who said it, its grade, the facts it leans on, and its quote",
    claim_columns=["claim"])))
Path("figures").mkdir(exist_ok=True)
_ = shown.drop(columns=["start", "end"]).to_csv(Path("figures") / "takedown_numbers-claims.csv", index=False,
                                                lineterminator="\n")

# %% [markdown]
# The two parts as one table:
# {download}`takedown_numbers-claims.csv <figures/takedown_numbers-claims.csv>`.

# %% [markdown]
# ## The figures on one page
#
# {numref}`fig-takedown-figures` draws every numeric claim beside the facts it
# leans on for its figure, on a logarithmic axis, one panel per measure
# family: a referral and a removal are never on the same axis, so no reader
# can take Europol's "over {glue:text}`takedown_referrals:,.0f`" referred and
# article 001's "about {glue:text}`takedown_referrals:,.0f`" closed for one
# quantity.
# Durations get a panel per unit. A fact linked to a claim only for context
# (a date, a party) is not drawn: its number counts something else. Where a
# claim leans on one issuer's figures for separate days, their sum is drawn
# too (computed, never typed). The figure has
# {glue:text}`takedown_n_points` points in {glue:text}`takedown_n_panels`
# panels: {glue:text}`takedown_n_point_claims` claims,
# {glue:text}`takedown_n_point_facts` facts and
# {glue:text}`takedown_n_point_sums` computed sum(s). The table it is drawn
# from is {download}`takedown_numbers-figures.csv <figures/takedown_numbers-figures.csv>`.

# %% tags=["remove-input"]
points = takedowns.chart_points(C, F)
glue("takedown_n_points", int(len(points)), display=False)
glue("takedown_n_panels", int(points["panel"].nunique()), display=False)
glue("takedown_n_point_claims", int((points["kind"] == "claim").sum()), display=False)
glue("takedown_n_point_facts", int((points["kind"] == "fact").sum()), display=False)
glue("takedown_n_point_sums", int((points["kind"] == "computed").sum()), display=False)
drawn_facts = sorted({f for p in points[points["kind"] != "claim"]["point"] for f in p.split(" + ")})
fig = takedowns.chart_figure(points)
_ = figures.save(fig, points, Path("figures") / "takedown_numbers-figures")

# %% [markdown]
# ```{figure} figures/takedown_numbers-figures.png
# :name: fig-takedown-figures
# :alt: Dot chart on logarithmic axes, one panel per measure family, with each numeric claim (orange circles) beside the facts it leans on (green squares) and computed sums (purple diamonds); lower bounds have arrows to the right, upper bounds arrows to the left, approximate figures a band.
#
# Every numeric claim (orange circle, labelled with its claim id) and the
# facts it leans on (green square, fact id), each with what it counts and
# what was done, one panel per measure family, each panel on its own
# logarithmic axis. Open markers with an arrow are bounds
# ("over N" to the right, "up to N" to the left); a band is "about N" or "almost N"
# (± {glue:text}`takedown_tolerance_pct:.0f` %); a purple diamond is a sum of one issuer's daily figures. Sources:
# the articles {cite:p}`art000,art001,art002,art003,art004`; the facts as read
# in {cite:p}`src-europediplomatic-2019,src-euroweeklynews-2019,src-politie-2019,src-euronews-reuters-2019,src-enewsfuse-telegraph-2019,src-worldmilitarynews-bbc-2019,src-thenextweb-2015,src-memri-2015-blocks,src-techcrunch-2015,src-fonearena-2015,src-upi-2014,src-worldbulletin-2018,src-trend-az`.
# Table: `figures/takedown_numbers-figures.csv`.
# ```

# %% [markdown]
# The facts drawn, with where each was read:

# %% tags=["remove-input", "full-width"]
drawn = takedowns.drawn_facts_table(F, drawn_facts, sources, C)
display(HTML(render.table(drawn, caption="Facts the numeric claims lean on (data/reference/facts.csv)",
                          claim_columns=["claims"])))

# %% [markdown]
# ## The discrepancy register
#
# The register (`data/processed/discrepancies.csv`) checks each claim against
# its facts field by field, and claims against each other. It has
# {glue:text}`takedown_reg_n_cases` cases:
# {glue:text}`takedown_reg_status_discrepancy` discrepancies (the claim is
# contradicted), {glue:text}`takedown_reg_status_disputed` disputed (co-issuers
# of the figure word it differently and the claim follows one of them),
# {glue:text}`takedown_reg_status_possible` possible (a subset
# or another counting base could explain it) and
# {glue:text}`takedown_reg_status_unresolved` unresolved (one party's word
# against another's). By kind (a case can have several):
# {glue:text}`takedown_reg_kind_value` value,
# {glue:text}`takedown_reg_kind_unit` unit,
# {glue:text}`takedown_reg_kind_measure` measure,
# {glue:text}`takedown_reg_kind_qualifier` qualifier,
# {glue:text}`takedown_reg_kind_merged` merged,
# {glue:text}`takedown_reg_kind_count` count,
# {glue:text}`takedown_reg_kind_place` place,
# {glue:text}`takedown_reg_kind_date` date,
# {glue:text}`takedown_reg_kind_attribution` attribution,
# {glue:text}`takedown_reg_kind_conflict` conflict and
# {glue:text}`takedown_reg_kind_internal` internal.

# %% tags=["remove-input"]
counts = takedowns.register_counts(reg, register.KIND_ORDER, register.STATUS_ORDER)
glue("takedown_reg_n_cases", int(len(reg)), display=False)
for s in register.STATUS_ORDER:
    glue(f"takedown_reg_status_{s}", int((reg["status"] == s).sum()), display=False)
for _, r in counts[counts["kind"] != "all cases"].iterrows():
    glue(f"takedown_reg_kind_{r['kind']}", int(r["cases"]), display=False)
display(HTML(render.table(counts, caption="Register cases per kind and status (a case with several kinds counts under each)")))

# %% [markdown]
# Every case, with where along the attribution chain the difference entered
# (`entered_at`, an entity id; `kind=id` where kinds entered at different
# links; `not located` where a link that could have made the change was not
# read; blank where the difference is no error) and the explanation the
# register generates from the typed differences:

# %% tags=["remove-input", "full-width"]
display(HTML(render.table(
    takedowns.register_shown(reg),
    caption="The discrepancy register (data/processed/discrepancies.csv)", claim_columns=["claims", "explanation"])))

# %% [markdown]
# ### How the headline figures were retold
#
# {glue:text}`takedown_n_headline_cases` cases change what was done to the
# headline count: a measure shift or a merge. For each, the table follows
# each claim from the issuer's words through the intermediaries the article
# names to the article's words. Each step is a fact read from that link (its
# `reporter` says through whom it was read); a link whose text nobody read is
# listed as not checked; a fact read from no link of the chain, whose wording
# the chain follows, is listed "off the chain". `differs from the issuer in`
# compares each step with the issuer's figure (one issuer's separate days
# added); `entered` marks where the register places each kind.
#
# In the first case Europol and Eurojust counted
# {glue:text}`takedown_referrals_worded` items *referred*; the Belgian police,
# a co-leader of the action, wrote *removed* and the wires followed them: a
# difference between co-issuers, which the register does not call an error.
# The article then made the items "sites and accounts"; where that entered is
# not located, since the wires and COPE it cites were not read. In the second, The Telegraph joined Telegram's daily
# ban counts ({glue:text}`takedown_tg_day1:,d` and
# {glue:text}`takedown_tg_day2:,d`, together
# {glue:text}`takedown_tg_sum:,d` accounts and bots *banned*) with Europol's
# referrals in one sentence under one verb, and the Arabic article relayed
# the joined pair as one removal.

# %% tags=["remove-cell"]
fx = {f.id: f for f in facts}
glue("takedown_referrals", float(fx["europol-2019-referrals"].value_low), display=False)
glue("takedown_referrals_worded", fx["europol-2019-referrals"].value, display=False)
glue("takedown_tg_day1", int(fx["telegram-isiswatch-2019-11-22"].value_low), display=False)
glue("takedown_tg_day2", int(fx["telegram-isiswatch-2019-11-23"].value_low), display=False)
two_days = measures.total([fx["telegram-isiswatch-2019-11-22"].figure(), fx["telegram-isiswatch-2019-11-23"].figure()])
glue("takedown_tg_sum", int(two_days.value), display=False)
cases = takedowns.headline_cases(reg)
glue("takedown_n_headline_cases", int(len(cases)), display=False)
by_id = numeric.set_index("claim")

# %% tags=["remove-input", "full-width"]
for _, case in cases.iterrows():
    chain = takedowns.retelling(case, C, F, names)
    for cid, steps in chain.groupby("claim", sort=False):
        steps = steps.assign(link=steps["link"] + " (" + steps["role"] + ")").drop(columns=["claim", "role"])
        display(HTML(render.table(steps, caption=f"Case {case['case']} ({case['kinds'].replace(';', ', ')}), "
                                                 f"claim {cid}: issuer → intermediaries → article")))
        r = by_id.loc[cid]
        display(HTML(render.quote(r["quote"], r["language"], r["translation"], r["span"], claim=cid)))

# %% [markdown]
# ## One voice
#
# Two sources that agree are not two confirmations when they are one voice:
# the same person behind two issuers, one issuer speaking once through a
# named person, or a relay that follows one co-issuer's wording. The table
# (`data/processed/voices.csv`) lists {glue:text}`takedown_n_voices` such
# pairs: {glue:text}`takedown_n_voices_same_person` through the same person,
# {glue:text}`takedown_n_voices_same_issuer` within one issuer and
# {glue:text}`takedown_n_voices_follows_wording` that follow a wording. The
# last explain why "removed" and "closed" spread: the articles and the wires
# follow the Belgian police, not Europol.

# %% tags=["remove-input", "full-width"]
glue("takedown_n_voices", int(len(one_voice)), display=False)
for rel in ("same_person", "same_issuer", "follows_wording"):
    glue(f"takedown_n_voices_{rel}", int((one_voice["relation"] == rel).sum()), display=False)
display(HTML(render.table(one_voice, caption="Sources that are one voice (data/processed/voices.csv)")))

# %% [markdown]
# ## What these numbers cannot support
#
# **They cannot be added across measures.** Telegram's bans and Europol's
# referrals are different acts by different issuers, counting different
# things. The book's `measures.total` refuses the sum; its message, computed
# here, is: "{glue:text}`takedown_refusal`". Telegram's own daily counts do
# add up, to {glue:text}`takedown_tg_sum:,d`. Every claim leaning on the
# figures of a refused sum is listed in the `claims` column.

# %% tags=["remove-cell"]
attempts = takedowns.addition_attempts(F, C, [
    ("Telegram's bans + Europol's referrals",
     ["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23", "europol-2019-referrals"]),
    ("Europol's referrals + the Belgian police's removals", ["europol-2019-referrals", "belgian-police-2019-removed"]),
    ("Telegram's bans, day one + day two", ["telegram-isiswatch-2019-11-22", "telegram-isiswatch-2019-11-23"]),
])
glue("takedown_refusal", attempts.loc[0, "result"], display=False)
observer = takedowns.one_observer(F, C)
isd = observer.set_index("fact")
glue("takedown_analyst_messages", int(fx["isd-tamtam-2019-messages"].value_low), display=False)
glue("takedown_analyst_channels", int(fx["isd-tamtam-2019-channels"].value_high), display=False)
glue("takedown_analyst_measure", str(fx["isd-tamtam-2019-messages"].measure), display=False)
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

# %% tags=["remove-input", "full-width"]
display(HTML(render.table(render.spaced(attempts, "facts", "claims"), caption="Sums attempted with measures.total: the result or the refusal",
                          claim_columns=["claims"])))

# %% [markdown]
# **An analyst's inbox is not a platform count.** The
# {glue:text}`takedown_analyst_messages:,d` messages on TamTam and the
# "almost {glue:text}`takedown_analyst_channels:,d`" channels are what one
# analyst found waiting for him one morning (measure
# "{glue:text}`takedown_analyst_measure`", observation family), as The Telegraph
# quoted him {cite:p}`src-enewsfuse-telegraph-2019`: they say nothing about how
# many IS messages or channels TamTam carried. Article 002 turns them into an
# impersonal detection count and flips "almost" into "more than".

# %% tags=["remove-input"]
display(HTML(render.table(render.spaced(observer, "claims"), caption="Observation figures from one person (facts with measure 'seen' and a named person)",
                          claim_columns=["claims"])))

# %% [markdown]
# **Self-reported figures cannot be checked.** Where a platform counts its
# own actions, no one outside it can verify the count; the book can only
# check that it was relayed faithfully. {glue:text}`takedown_n_self_reported`
# facts that numeric claims lean on were issued by the platform they are
# about, {glue:text}`takedown_n_self_reported_primary` of them read on the
# platform's own page; the rest reached us through a relay
# {cite:p}`src-worldmilitarynews-bbc-2019,src-thenextweb-2015,src-techcrunch-2015`.

# %% tags=["remove-input", "full-width"]
display(HTML(render.table(render.spaced(selfrep.drop(columns="person"), "claims"), caption="Self-reported facts (issuer is the platform itself) and the claims leaning on them",
                          claim_columns=["claims"])))

# %% [markdown]
# In all, these caveats touch {glue:text}`takedown_n_caveat_claims` numeric
# claims: {glue:text}`takedown_n_claims_addable` lean on figures that may not
# be added, {glue:text}`takedown_n_claims_observer` on one analyst's count and
# {glue:text}`takedown_n_claims_selfrep` on a platform's word about itself.

# %% tags=["remove-input"]
display(HTML(render.table(summary, caption="Each caveat, the facts it rests on and the claims it touches",
                          claim_columns=["claims"])))

# %% [markdown]
# ## The headline under every definition
#
# The headline figure is not one number. `analysis/evidence/headline.py` recomputes the action's
# takedown count under each definition the sources use: each issuer's figure
# per measure and unit (one issuer's days added), then the definitions only
# the articles use, then the sums across measures that a merged headline
# implies, refused. Of {glue:text}`takedown_headline_n_defs` definitions,
# {glue:text}`takedown_headline_n_figures` give a figure and
# {glue:text}`takedown_headline_n_refused` are refused sums. The figures count
# {glue:text}`takedown_headline_n_units` different things under
# {glue:text}`takedown_headline_n_families` different acts, so no range or
# ratio joins them. Asked for one, `measures.span` refuses:
# "{glue:text}`takedown_headline_refusal`". Only figures of one act and one
# thing counted are put side by side: where several sources give one
# ({glue:text}`takedown_headline_cell`), they give
# {glue:text}`takedown_headline_cell_span`. The issuers' own figures (no
# relay's sentence, no article's wording) are
# {glue:text}`takedown_headline_issued`.

# %% tags=["remove-input", "full-width"]
rng = takedowns.headline_summary(headline)
glue("takedown_headline_n_defs", rng["n_definitions"], display=False)
glue("takedown_headline_n_figures", rng["n_figures"], display=False)
glue("takedown_headline_n_refused", rng["n_refused"], display=False)
glue("takedown_headline_n_units", rng["n_units"], display=False)
glue("takedown_headline_n_families", rng["n_families"], display=False)
glue("takedown_headline_refusal", rng["refusal"], display=False)
cell = rng["cells"].iloc[0]
glue("takedown_headline_cell", f"{cell['unit']} under {cell['family']}, {cell['figures']} sources: "
                              f"{cell['definitions']}", display=False)
glue("takedown_headline_cell_span", cell["span"], display=False)
glue("takedown_headline_issued", rng["issued"], display=False)
display(HTML(render.table(takedowns.headline_matrix(headline),
                          caption="The action's count by what was counted (rows) and what was done (columns)")))
display(HTML(render.table(
    render.spaced(headline[["definition", "figure", "issuer", "sources", "claims", "note"]], "sources"),
    caption="Every definition, its sources, the claims that use it (data/processed/headline.csv)",
    claim_columns=["claims"])))

# %% [markdown]
# ## The quotations
#
# Each numeric claim in the words and script of its article, beside the
# curator's translation and its place in the raw file.

# %% tags=["remove-input"]
display(HTML(takedowns.quotations(numeric)))

# %% [markdown]
# ## Summary
#
# - {glue:text}`takedown_n_numeric` numeric claims, each normalised, graded
#   and tied to its quote and to the facts it leans on.
# - Figures are drawn and summed only within a measure family: referred is not
#   removed, banned is not referred, an analyst's inbox is not a platform count.
# - The register finds {glue:text}`takedown_reg_n_cases` cases. In the
#   headline figures, "removed" for Europol's "referred" is the Belgian
#   police's own wording (co-issuers differ; no error); the merge of different
#   issuers' counts entered at The Telegraph; where the items became "sites and
#   accounts" is not located.
# - The headline depends on its definition: {glue:text}`takedown_headline_n_figures`
#   figures of {glue:text}`takedown_headline_n_units` different things under
#   {glue:text}`takedown_headline_n_families` acts, which no range or ratio joins.
#
# ## What's next
#
# The next chapter follows the groups from platform to platform; its
# migration claims lean on the same observation figures whose limits are
# listed here.
#
# ## References
#
# The articles {cite:p}`art000,art001,art002,art003,art004`; Europol and
# Eurojust's joint text {cite:p}`src-europediplomatic-2019`; the Belgian
# Federal Police {cite:p}`src-politie-2019`; Reuters
# {cite:p}`src-euronews-reuters-2019`; The Telegraph
# {cite:p}`src-enewsfuse-telegraph-2019`; Telegram's ISIS Watch figures via
# the BBC {cite:p}`src-worldmilitarynews-bbc-2019`. The full list is on the
# {ref}`references` page.
