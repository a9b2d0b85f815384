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

# %% tags=["parameters", "remove-cell"]
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.chapters import methods
from analysis.display import render
from analysis.display.labels import load_labels
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
labels = load_labels(paths)
data = methods.load(paths)
scores = data.scores
by_kind = scores["by_kind"]
held = methods.sets_with_role(data, "held-out")

glue("methods_n_sets", len(data.roles), display=False)
glue("methods_n_docs", int(data.counts["documents"].sum()), display=False)
glue("methods_n_gold", int(data.counts.drop(columns=["set", "documents"]).to_numpy().sum()),
     display=False)
met, n_targeted = methods.targets_met(data, "tuned")
glue("methods_n_targets", n_targeted, display=False)
glue("methods_n_targets_met", met, display=False)
glue("methods_heldout_sentence", methods.heldout_sentence(data), display=False)
n_errors = methods.errors_by_type(scores["errors"])
glue("methods_n_missed", n_errors["missed"], display=False)
glue("methods_n_spurious", n_errors["spurious"], display=False)
glue("methods_n_wrong_unit", n_errors["wrong unit"], display=False)
glue("methods_target_quantity", float(methods.TARGET_QUANTITY), display=False)
glue("methods_target_platform", float(methods.TARGET_PLATFORM), display=False)
glue("methods_target_date", float(methods.TARGET_DATE), display=False)
glue("methods_target_unit", float(methods.TARGET_UNIT), display=False)

# The fair measure: the held-out sets, pooled (nobody changed the extractor for them).
glue("methods_heldout_names", " and ".join(held) or "none", display=False)
glue("methods_heldout_n_docs", int(data.counts.loc[data.counts["set"].isin(held), "documents"].sum()),
     display=False)
fair = methods.pooled(data, "held-out")
# today's scores, and its first run, the blind measure (changes made on other
# sets since can move today's); as text, a score just under its target keeps
# the place that shows it
for prefix, pooled in (("methods_heldout", fair),
                       ("methods_heldout_first", methods.pooled_first_run(data, "held-out"))):
    for key, text in methods.score_texts(pooled).items():
        glue(f"{prefix}_{key}", text, display=False)
glue("methods_heldout_unit", methods.score_text(float(fair["unit"]["accuracy"]),
                                                methods.TARGET_UNIT, percent=True), display=False)
held_met, held_n = methods.targets_met(data, "held-out")
glue("methods_heldout_met", held_met, display=False)
glue("methods_heldout_n", held_n, display=False)
low, high, n_first = methods.first_run_range(data, "quantity", "precision")
glue("methods_first_quantity_low", low, display=False)
glue("methods_first_quantity_high", high, display=False)
glue("methods_n_first_runs", n_first, display=False)

# %% [markdown]
# (chapter-methods)=
# # How far the automatic extraction can be trusted
#
# ## In short
#
# - **Every figure the chapters discuss was coded by a person.** Each claim
#   is quoted from its article at exact positions and checked on every build
#   ({ref}`chapter-codebook`). The automatic extraction does the rest: it
#   marks the numbers, dates and names on each article's page, finds the
#   platforms each reference fact names for the Platform policy timeline,
#   and reads articles nobody has coded yet.
# - **On texts it was never tuned on** (a held-out set of
#   {glue:text}`methods_heldout_n_docs` texts in Arabic, Persian and English,
#   written blind and kept out of its design; the tables call it
#   {glue:text}`methods_heldout_names`), it finds quantities with precision
#   {glue:text}`methods_heldout_quantity_precision` and recall
#   {glue:text}`methods_heldout_quantity_recall`, dates with
#   {glue:text}`methods_heldout_date_precision` and
#   {glue:text}`methods_heldout_date_recall`, and platforms with
#   {glue:text}`methods_heldout_platform_precision` and
#   {glue:text}`methods_heldout_platform_recall`; the counted noun
#   (accounts, channels, items) is right for
#   {glue:text}`methods_heldout_unit` of the quantities it finds.
#   Its first run, the blind measure, before changes made on other sets
#   since: quantities {glue:text}`methods_heldout_first_quantity_precision`
#   and {glue:text}`methods_heldout_first_quantity_recall`, dates
#   {glue:text}`methods_heldout_first_date_precision` and
#   {glue:text}`methods_heldout_first_date_recall`, platforms
#   {glue:text}`methods_heldout_first_platform_precision` and
#   {glue:text}`methods_heldout_first_platform_recall`.
#   {glue:text}`methods_heldout_met` of its {glue:text}`methods_heldout_n`
#   targets are met there: treat a number it marks as a pointer to read, not
#   as a figure to cite.
# - **Its first run on each new set is the blind measure**: quantity precision
#   ranged from {glue:text}`methods_first_quantity_low:.2f` to
#   {glue:text}`methods_first_quantity_high:.2f` across the
#   {glue:text}`methods_n_first_runs` sets. The sets used to change it score
#   higher now ({glue:text}`methods_n_targets_met` of
#   {glue:text}`methods_n_targets` targets met), which says little about a
#   new article.
# - **Every error is listed**: {glue:text}`methods_n_missed` missed,
#   {glue:text}`methods_n_spurious` invented and
#   {glue:text}`methods_n_wrong_unit` with the wrong counted noun, across all
#   the sets, at the end of this page.
#
# *Precision* is the share of what it found that is right; *recall* the share
# of what is there that it found.
#
# ## How it is measured
#
# People wrote the expected mentions ("gold") for
# {glue:text}`methods_n_sets` sets of texts by reading them, never by copying
# the extractor's output: {glue:text}`methods_n_docs` texts and
# {glue:text}`methods_n_gold:,.0f` mentions in all. A set is *tuned* once it has
# been used to change the extractor, and *held-out* while it never has been.
#
# A mention the extractor found counts as right when it overlaps a gold
# mention of the same kind and says the same thing: the same value and
# qualifier (exact, about, at least, at most) for a quantity, the same day,
# month or year for a date, the same platform, organisation or person for a
# name. Each gold mention matches one found mention at most. What was
# counted (accounts, channels) and the rate (a day, a month) are scored on
# their own, so that a right number with the wrong noun shows as such.

# %% tags=["remove-input"]
display(HTML(render.folded("The gold sets: what each is, its role and its size",
                           render.table(methods.sets_for_readers(data)))))

# %% [markdown]
# ## Scores
#
# Targets: precision and recall at least
# {glue:text}`methods_target_quantity:.2f` for quantities,
# {glue:text}`methods_target_platform:.2f` for platforms and
# {glue:text}`methods_target_date:.2f` for dates, and the counted noun right
# for at least {glue:text}`methods_target_unit:.2f` of the quantities found.
# {glue:text}`methods_heldout_sentence`

# %% tags=["remove-input"]
display(HTML(render.folded("Precision and recall per gold set and kind of mention",
                           render.table(methods.scores_for_readers(by_kind),
                                        caption="Precision and recall per gold set and kind of mention"))))
display(HTML(render.folded("The same per language (the language of the line a mention is on: "
                           "English tweets inside an Arabic article count as English)",
                           render.table(methods.by_language_for_readers(scores["by_kind_lang"])))))
display(HTML(render.folded("The counted noun and the rate, per set and language",
                           render.table(methods.units_for_readers(scores["units"])))))

# %% [markdown]
# ## First runs beside today's scores
#
# Each set's first run is the extractor's score on it before anything was
# changed because of it. After a first run the extractor may be changed by
# general rules learnt from the set's errors, so the first run is the blind
# measure, and today's score shows what the changes bought.

# %% tags=["remove-input"]
display(HTML(render.folded("First run beside today's score, per gold set and kind of mention",
                           render.table(methods.first_runs_for_readers(data.first_runs),
                                        caption="First run (before any change informed by the set) "
                                                "beside today's score"))))

# %% [markdown]
# ## Every error
#
# Missed: in the gold, not found. Invented: found, not in the gold. Most of
# those on the tuned sets are judgement calls the gold's notes record (for
# example whether a bare "مجلس", parliament, in a place name is a mention of
# the parliament). Open a set to see its errors.

# %% tags=["remove-input"]
errors = methods.errors_shown(scores["errors"], labels)
for name, group in errors.groupby("gold set", sort=True):
    display(HTML(render.folded(f"{name}: {len(group)} errors",
                               render.table(group.drop(columns=["gold set"]),
                                            lang_of={"as written": "_lang"}))))

# %% [markdown]
# ## How this page was made
#
# - The gold sets are folders in `data/gold/extract/` (one `.txt` and one
#   `.jsonl` per text; the rules in its `README.md`), their roles in
#   `data/gold/extract/sets.csv`; first runs in `blind-run.csv` (the first
#   two sets) and `<set>-first-run.csv`. A new folder is scored with no
#   change to this page, and counts as held-out until `sets.csv` records
#   that it was used.
# - The scores are computed on every build by `analysis/extract/quality.py`;
#   this page's logic is `analysis/chapters/methods.py`.
# - Throughput is measured by `make bench` (articles per second and peak
#   memory on synthetic corpora of growing size, on one core and on Dask
#   workers), not here: timings depend on the machine.
