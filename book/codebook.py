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
# (chapter-codebook)=
# # How claims are coded
#
# ## Overview
#
# This page is for the contributor who will annotate the next article. It
# says what counts as a claim, what each field means, how each type and
# measure is used (with a real example of each from the corpus), how claims
# are graded, and what the codes cannot capture. Its counts and examples are
# computed from the annotations at every build.
#
# ## Data
#
# The annotations are stand-off: one file per article,
# `data/annotations/NNN.yaml`, each claim pointing into the raw text by
# character offsets. There are {glue:text}`codebook_n_claims` claims in
# {glue:text}`codebook_n_files` files, {glue:text}`codebook_n_numeric` of them
# numeric. The full field list is in `data/reference/README.md`; the
# definitions below are in `data/codebook/`.

# %% tags=["parameters", "remove-cell"]
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.chapters import codebook
from analysis.display import render
from analysis.evidence.loader import load_evidence
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
claims = load_evidence(paths).claims_table.fillna("")
types, admiralty = codebook.load_definitions(paths)

glue("codebook_n_claims", int(len(claims)), display=False)
glue("codebook_n_files", int(claims["article"].nunique()), display=False)
glue("codebook_n_numeric", int((claims["value"].astype(str) != "").sum()), display=False)
glue("codebook_n_types", int(len(types)), display=False)
glue("codebook_n_measures", int(claims.loc[claims["measure"] != "", "measure"].nunique()), display=False)
glue("codebook_n_unresolved", int((claims["credibility"].astype(str) == "6").sum()), display=False)

# %% [markdown]
# ## What counts as a claim
#
# A claim is a span of an article that asserts something the three chapters
# need: a figure of takedowns or users, a platform's stance or action, a
# cooperation or a refusal, a move between platforms, a dated event, a
# feature, or who said it. Annotate:
#
# - **every figure** in the text (digits and number words, durations and
#   dates included), without exception;
# - every statement bearing on platform policy, takedown numbers or migration;
# - the non-numeric statements a check needs (a place, a date, who said it).
#
# Quote the shortest span that carries the claim, exactly as it is in the raw
# file: the build stops if `quote` is not `raw[start:end]`. Compute the
# offsets with Python (`raw.find(quote)`), never by counting. Translate it
# yourself, and keep the article's own words in the coded fields: if the
# article says "closed", the measure is `closed`, even where the source said
# "referred". The difference is what the discrepancy register computes.
#
# ## Types
#
# {glue:text}`codebook_n_types` types (`data/codebook/claim-types.csv`), each
# with its count in the corpus and its shortest example:

# %% tags=["remove-input"]
display(HTML(codebook.type_entries_html(codebook.types_table(claims, types))))

# %% [markdown]
# ## Measures
#
# A measure says what was done to what was counted, in the article's words.
# Measures fall into families; inside a family a different word is wording,
# across families it is a different act, and figures of different families
# are never added or compared as one (`analysis/evidence/measures.py` refuses to).
# Referral (police ask a platform to look at content) is not removal (the
# platform takes it down): that is the difference most often lost in the
# retelling. {glue:text}`codebook_n_measures` measures are used in the corpus:

# %% tags=["remove-input"]
display(HTML(render.table(codebook.families_table(), caption="Measure families (analysis/evidence/measures.py)")))
display(HTML(render.table(
    codebook.measures_table(claims)[["family", "measure", "claims", "example", "translation"]],
    caption="Measures used in the annotations, with an example of each (claim id and its translation)",
    claim_columns=["example"])))

# %% [markdown]
# Units name what the article says was counted, as a singular English word
# (`account`, `channel`, `item`, `website`, and `website_and_account` for
# "sites and accounts"). Qualifiers: `exact`; `approx` (about, nearly, حوالي,
# نحو); `at_least` (over, more than, أكثر من; a plural such as "thousands");
# `at_most` (up to, less than).
#
# ## Who said it, and how far to trust it
#
# `attribution` is the chain of retelling, outermost first: the outlet, then
# whom it cites, down to the original speaker or issuer. It is how the
# register finds where a figure changed on its way to the article.
#
# `grade` is the Admiralty code: a letter for the reliability of the source
# as read, a digit for the credibility of the information against the facts
# table and the other sources, and a one-line reason.

# %% tags=["remove-input"]
display(HTML(render.table(admiralty, caption="Admiralty grades as used here (data/codebook/admiralty.csv)")))
display(HTML(render.table(codebook.grades_table(claims, admiralty),
                          caption="Claims by reliability (rows) and credibility (columns)")))

# %% [markdown]
# ## The codebook as checks
#
# The rules below are written once, in `analysis/evidence/codebook_rules.py`,
# and this table is printed from there. {glue:text}`codebook_n_rules_validate`
# of them are checks that `make validate` runs on every build: a grade, a
# qualifier or a link that breaks one stops the build with one line naming the
# annotation file, the line and the claim id. The other
# {glue:text}`codebook_n_rules_register` are rules of how the discrepancy
# register computes where a difference entered; no annotation can break them,
# and the build checks the register against them too.

# %% tags=["remove-input"]
rules = codebook.rules_table()
glue("codebook_n_rules_validate", int(rules["enforced by"].str.startswith("make validate").sum()), display=False)
glue("codebook_n_rules_register", int((~rules["enforced by"].str.startswith("make validate")).sum()), display=False)
display(HTML(render.table(rules, caption="The codebook's rules (analysis/evidence/codebook_rules.py)")))

# %% [markdown]
# ## Annotating a new article
#
# 1. Add it: `make add-article FILE=... LANG=ar` (see the README).
# 2. Create `data/annotations/NNN.yaml` with `article` and `file`, and one
#    entry per claim, numbered in text order.
# 3. Link each claim that restates a primary-source figure to its row of
#    `data/reference/facts.csv` (`facts:`); add the fact, with its address,
#    if it is not there.
# 4. Run `make validate`: it names the file, line and claim id of any
#    problem. Then `make book`.
#
# ## What the codes cannot capture
#
# - Tone and framing: a claim is coded for what it asserts, not for how it
#   leans; a headline's framing (002 ties the move to TamTam to al-Baghdadi's
#   death) is only in the notes.
# - Implicit claims: what an article implies without saying is not coded.
# - The grades are one annotator's judgement against the facts known here;
#   {glue:text}`codebook_n_unresolved` claims are graded 6 (cannot be judged)
#   because nothing available can settle them.
# - An unnamed source ("an analyst") is identified only where another source
#   names the person, and the notes say so.
#
# ## Summary
#
# Every claim is a quoted span with offsets, a translation, typed fields in
# the article's own words, a chain of who said it, and a grade with a reason.
#
# ## What's next
#
# {ref}`chapter-methods` measures the automatic extraction that finds the
# figures, dates and names a contributor then codes by hand.
