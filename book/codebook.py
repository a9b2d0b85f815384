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

from analysis.chapters import codebook
from analysis.display import render
from analysis.display.labels import load_labels
from analysis.evidence.snapshot import checked_evidence
from analysis.evidence.measures import KNOWN_MEASURES
from analysis.evidence.measures import MEASURE_FAMILIES, OTHER_MEASURES
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
claims = checked_evidence(paths).claims_table.fillna("")
labels = load_labels(paths)
types, admiralty = codebook.load_definitions(paths)
type_table = codebook.types_table(claims, types)
rules = codebook.rules_table()
grades = codebook.grade_counts(claims)
top_grade = codebook.commonest_grade(claims)
credibility = claims["credibility"].astype(str)

glue("codebook_n_claims", int(len(claims)), display=False)
glue("codebook_n_files", int(claims["article"].nunique()), display=False)
glue("codebook_n_numeric", int((claims["value"].astype(str) != "").sum()), display=False)
glue("codebook_n_types", int(len(types)), display=False)
glue("codebook_top_types", codebook.top_types_text(type_table, labels), display=False)
glue("codebook_n_measures", int(claims.loc[claims["measure"] != "", "measure"].nunique()), display=False)
glue("codebook_n_families", int(len(MEASURE_FAMILIES) + len(set(OTHER_MEASURES))), display=False)
glue("codebook_n_unresolved", int((credibility == "6").sum()), display=False)
glue("codebook_n_confirmed", int((credibility == "1").sum()), display=False)
glue("codebook_n_probable", int((credibility == "2").sum()), display=False)
glue("codebook_top_grade", labels.grade(top_grade), display=False)
glue("codebook_n_top_grade", int(grades[top_grade]), display=False)
glue("codebook_n_rules", int(len(rules)), display=False)
glue("codebook_n_rules_validate", int(rules["enforced by"].str.startswith("make validate").sum()), display=False)
glue("codebook_n_rules_register", int((~rules["enforced by"].str.startswith("make validate")).sum()), display=False)

# %% [markdown]
# (chapter-codebook)=
# # How claims are coded
#
# ## In short
#
# - **Every claim can be checked against its article.** Each of the
#   {glue:text}`codebook_n_claims` claims of the
#   {glue:text}`codebook_n_files` annotated articles is an exact span of the
#   article's text, with a translation, typed fields in the article's own
#   words, a chain of who said it, and a grade with its reason (a worked
#   example: {claim}`001-02`).
# - **What the claims are about**: the most frequent of the
#   {glue:text}`codebook_n_types` types are {glue:text}`codebook_top_types`.
# - **Figures are coded in the article's words and never mixed**:
#   {glue:text}`codebook_n_numeric` claims carry a figure, with
#   {glue:text}`codebook_n_measures` different measures; measures of
#   different families are never added or compared, so a referral (police
#   ask a platform to look at content, {claim}`001-10`) is never counted as a
#   removal (the platform takes it down).
# - **Few claims are confirmed**: the commonest grade
#   is {glue:text}`codebook_top_grade` ({glue:text}`codebook_n_top_grade`
#   claims); {glue:text}`codebook_n_probable` claims are graded probably
#   true, {glue:text}`codebook_n_confirmed` confirmed by a fact, and
#   {glue:text}`codebook_n_unresolved` cannot be judged.
# - **The codebook checks itself**: {glue:text}`codebook_n_rules_validate`
#   of its {glue:text}`codebook_n_rules` rules stop the build when a coding
#   breaks one, naming the file, the line and the claim.
#
# This page is for the contributor who will annotate the next article; its
# counts and examples are computed from the annotations at every build.
#
# ## What counts as a claim
#
# A claim is a span of an article that asserts something the chapters need: a
# figure of takedowns or users, a platform's stance or action, a cooperation
# or a refusal, a move between platforms, a dated event, a feature, or who
# said it. Annotate **every figure** in the text (digits and number words,
# durations and dates included), every statement bearing on platform policy,
# takedown numbers or migration, and the statements a check needs (a place, a
# date, who said it).
#
# Quote the shortest span that carries the claim, exactly as it is in the
# article: the build stops if the quote is not the text between its offsets.
# Compute the offsets with Python, never by counting. Translate it yourself,
# and keep the article's own words in the coded fields: if the article says
# "closed", the measure is `closed`, even where the source said "referred";
# the difference is what the discrepancy register computes.
#
# ## Types
#
# {glue:text}`codebook_n_types` types, each with the code you type, its words
# in the book and its count in the corpus; open the list below for what each
# means, when to use it, and an example.

# %% tags=["remove-input"]
display(HTML(codebook.type_list_html(type_table, labels)))
display(HTML(render.folded(
    f"What each type means, when to use it, and the shortest example of each from the corpus "
    f"({len(type_table)} types)",
    codebook.type_entries_html(type_table, labels), css_class="fold net-fold")))

# %% [markdown]
# ## Measures
#
# A measure says what was done to what was counted, in the article's words.
# Measures fall into families; inside a family a different word is wording,
# across families it is a different act, and figures of different families
# are never added or compared as one: the build refuses to. Referral (police
# ask a platform to look at content) is not removal (the platform takes it
# down): that is the difference most often lost in the retelling.
# {glue:text}`codebook_n_measures` measures are used in the corpus.

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"The measure families, and the measures in each ({len(codebook.families_table())} families, "
    f"{len(KNOWN_MEASURES)} measures)", codebook.families_html(labels), css_class="fold net-fold")))
display(HTML(render.folded(
    f"Every measure used in the annotations, with an example of each "
    f"({claims.loc[claims['measure'] != '', 'measure'].nunique()} measures)",
    codebook.measures_html(claims, labels), css_class="fold net-fold")))

# %% [markdown]
# **Units** name what the article says was counted, as a singular English
# word (`account`, `channel`, `item`, `website`, and `website_and_account`
# for "sites and accounts"). **Qualifiers**: `exact`; `approx` (about,
# nearly, حوالي, نحو); `at_least` (over, more than, أكثر من; a plural such as
# "thousands"); `at_most` (up to, less than).
#
# ## Who said it, and how far to trust it
#
# `attribution` is the chain of retelling, outermost first: the outlet, then
# whom it cites, down to the original speaker or issuer. It is how the
# register finds where a figure changed on its way to the article.
#
# `grade` is the Admiralty code: a letter for the reliability of the source
# as read, a digit for the credibility of the information against the facts
# and the other sources, and a one-line reason. The book writes a grade in
# words: "C2: fairly reliable source, probably true".

# %% tags=["remove-input"]
n_scale = admiralty["scale"].value_counts()
display(HTML(render.folded(f"What each letter and digit of a grade means here "
                           f"({n_scale.get('reliability', 0)} letters, {n_scale.get('credibility', 0)} digits)",
                           codebook.admiralty_html(admiralty), css_class="fold net-fold")))
display(HTML(render.folded(f"The {len(claims)} claims by grade: reliability against credibility",
                           codebook.grades_grid_html(codebook.grades_table(claims, admiralty)),
                           css_class="fold net-fold")))

# %% [markdown]
# ## The codebook as checks
#
# The rules are written once, in the project's code, and printed here from
# there. {glue:text}`codebook_n_rules_validate` of them are checks that run on
# every build: a grade, a qualifier or a link that breaks one stops the build
# with one line naming the annotation file, the line and the claim. The other
# {glue:text}`codebook_n_rules_register` govern how the discrepancy register
# computes where a difference entered; no annotation can break them, and the
# build checks the register against them too.

# %% tags=["remove-input"]
display(HTML(render.folded(f"The codebook's rules, as a build error names them ({len(rules)} rules)",
                           codebook.rules_html(rules, labels), css_class="fold net-fold")))

# %% [markdown]
# ## Annotating a new article
#
# 1. Add it: `make add-article FILE=... LANG=ar` (see the README).
# 2. Create `data/annotations/NNN.yaml` with `article` and `file`, and one
#    entry per claim, numbered in text order.
# 3. Link each claim that restates a primary-source figure to its row of
#    `data/reference/facts.csv` (`facts:`); add the fact, with its address,
#    if it is not there.
# 4. Run `make validate`: it names the file, line and claim of any problem.
#    Then `make book`.
#
# :::{dropdown} What the codes cannot capture (four limits)
# - Tone and framing: a claim is coded for what it asserts, not for how it
#   leans; a headline's framing (one article ties the move to TamTam to
#   al-Baghdadi's death) is only in the notes.
# - Implicit claims: what an article implies without saying is not coded.
# - The grades are one annotator's judgement against the facts known here;
#   {glue:text}`codebook_n_unresolved` claims are graded 6 (cannot be judged)
#   because nothing available can settle them.
# - An unnamed source ("an analyst") is identified only where another source
#   names the person, and the notes say so.
# :::
#
# :::{dropdown} How this page was made
# The annotations are stand-off: one file per article,
# `data/annotations/NNN.yaml`, each claim pointing into the raw text by
# character offsets. There are {glue:text}`codebook_n_claims` claims in
# {glue:text}`codebook_n_files` files, {glue:text}`codebook_n_numeric` of them
# numeric. The full field list is in `data/reference/README.md`; the
# definitions on this page are in `data/codebook/` (types and grades), the
# measure families in `analysis/evidence/measures.py` and the rules in
# `analysis/evidence/codebook_rules.py`.
# :::
#
# ## What's next
#
# {ref}`chapter-methods` measures the automatic extraction that finds the
# figures, dates and names a contributor then codes by hand.
