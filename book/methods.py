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
# (chapter-methods)=
# # Methods: how far the extraction can be trusted
#
# ## Overview
#
# The chapters lean on numbers, dates and names found in the articles. Most of
# them are found by an extractor (`analysis/extract/`), which also runs on any
# article a contributor adds. This chapter measures it against hand-written
# expected output ("gold"), per kind of mention and per language, and lists
# every mention it missed, every one it invented and every quantity whose
# counted noun it got wrong, so that a reader can judge each figure it produced.
#
# ## Data
#
# {glue:text}`methods_n_sets` gold sets, one folder each in
# `data/gold/extract/`, each written by reading the texts (never by copying
# the extractor's output): {glue:text}`methods_n_docs` documents and
# {glue:text}`methods_n_gold` gold mentions in all. A set is *tuned* when it
# has been used to change the extractor, and *held-out* when it never has; a
# new folder is found and scored with no change to this chapter, and counts as
# held-out until `data/gold/extract/sets.csv` records that it was used.

# %% tags=["parameters", "remove-cell"]
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.chapters import methods
from analysis.display import render
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
data = methods.load(paths)
scores = data.scores
by_kind = scores["by_kind"]

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

# %% tags=["remove-input"]
display(HTML(render.table(methods.sets_shown(data),
                          caption="The gold sets: role, size and gold mentions per kind")))

# %% [markdown]
# ## How a mention is judged
#
# An extracted mention matches a gold one when they are of the same kind and
# their spans overlap, and: for a quantity, the value and the qualifier
# (exact, approximate, at least, at most) are equal; for a date, the ISO date
# is equal; for a platform, organisation or person, the canonical id is
# equal. Each gold mention matches at most one extracted mention. The unit
# (what was counted) and the rate (per day, per month) are not part of the
# match: the unit is scored on its own, as the share of matched quantities
# whose unit is right, so that a right number with a wrong unit shows as such.
#
# ## Scores
#
# Targets: precision and recall at least
# {glue:text}`methods_target_quantity:.2f` for quantities,
# {glue:text}`methods_target_platform:.2f` for platforms and
# {glue:text}`methods_target_date:.2f` for dates, and the unit right for at
# least {glue:text}`methods_target_unit:.2f` of matched quantities, on every
# set. On the tuned sets {glue:text}`methods_n_targets_met` of the
# {glue:text}`methods_n_targets` targeted scores meet their target.
# {glue:text}`methods_heldout_sentence`

# %% tags=["remove-input"]
display(HTML(render.table(methods.scores_shown(by_kind), caption="Precision and recall per gold set and kind of mention")))

# %% [markdown]
# Per language (the language of the line a mention is on, so the English
# tweets inside an Arabic article count as English):

# %% tags=["remove-input"]
display(HTML(render.table(
    methods.by_language_shown(scores["by_kind_lang"]),
    caption="Precision and recall per gold set, kind and language")))

# %% [markdown]
# ## Units
#
# The counted noun of each matched quantity (`account`, `channel`, `day`,
# `percent`, `usd`...), normalised through `data/lexicon/units.csv`, as its
# own score per set and language; the rate (per day, per month) beside it:

# %% tags=["remove-input"]
display(HTML(render.table(methods.units_shown(scores["units"]),
                          caption="Unit and rate right on matched quantities, per set and language")))

# %% [markdown]
# ## First runs beside today's scores
#
# Each set's first run is the extractor's score on it before anything was
# changed because of it, kept in `data/gold/extract/blind-run.csv` (the
# articles and general sets) and `data/gold/extract/<set>-first-run.csv` (one
# file per later set, found by name). After a first run the extractor may be
# changed by general rules learnt from the set's errors, so the first run is
# the blind measure and today's score shows what the changes bought.

# %% tags=["remove-input"]
display(HTML(render.table(methods.first_runs_shown(data.first_runs),
                          caption="First run (before any change informed by the set) beside today's score")))

# %% [markdown]
# ## Every error
#
# {glue:text}`methods_n_missed` missed, {glue:text}`methods_n_spurious`
# spurious and {glue:text}`methods_n_wrong_unit` wrong-unit mentions across
# the sets. Most that remain are judgement calls the gold's README records
# (for example whether a bare "مجلس", parliament, in a place name is a
# mention of the parliament).

# %% tags=["remove-input"]
err = scores["errors"]
display(HTML(render.table(err, lang_of={"text": "lang"},
                          caption="Missed (in the gold, not extracted), spurious (extracted, not in the gold) and wrong-unit mentions")))

# %% [markdown]
# ## Summary
#
# - The extractor is measured on every build, against gold written by hand,
#   on every gold set found in `data/gold/extract/`.
# - Scores are reported per kind and language, the unit as its own score, with
#   every error listed.
# - A set's first run, and any held-out set, are the fair measure of how it
#   does on new articles.
#
# ## What's next
#
# Throughput is measured by `make bench` (articles per second and peak
# memory on synthetic corpora of growing size, on one core and on Dask
# workers), not here: timings depend on the machine.
