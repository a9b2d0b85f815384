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
# (chapter-corpus)=
# # The corpus
#
# ## Overview
#
# This chapter lists the news articles the book is built from, says what
# language each paragraph is in, which tweets the articles quote, and what
# cleaning removed before anything was counted. Read it first: every later
# number points back to a character span of one of these files.
#
# ## Data
#
# The corpus is {glue:text}`corpus_n_articles` articles
# ({glue:text}`corpus_n_ar` in Arabic, {glue:text}`corpus_n_fa` in Persian),
# kept byte for byte in `data/raw/` and described in `data/articles.csv`
# (outlet, title, date, and how the date was inferred). The build stops if any
# file's sha256 differs from the manifest. Offsets are character offsets into
# the file decoded as UTF-8.

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.display import figures, render
from analysis.chapters import corpus_tables as tables
from analysis.corpus.articles import load_corpus
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
corpus = load_corpus(paths)
articles = tables.articles_table(corpus)
paragraphs = tables.paragraphs_table(corpus)
tweets = tables.tweets_table(corpus)
cleaning = tables.cleaning_table(corpus)

glue("corpus_n_articles", int(len(articles)), display=False)
glue("corpus_n_ar", int((articles["language"] == "ar").sum()), display=False)
glue("corpus_n_fa", int((articles["language"] == "fa").sum()), display=False)
glue("corpus_n_en", int((articles["language"] == "en").sum()), display=False)
glue("corpus_n_dated", int((articles["published"] != "").sum()), display=False)
glue("corpus_n_undated", int((articles["published"] == "").sum()), display=False)
glue("corpus_n_tweets", int(len(tweets)), display=False)
glue("corpus_n_tweets_en", int((tweets["lang"] == "en").sum()), display=False)
glue("corpus_n_tweet_articles", int(tweets["article"].nunique()), display=False)
glue("corpus_n_edits", int(len(cleaning)), display=False)
glue("corpus_chars_removed", int(cleaning["chars_removed"].sum()), display=False)
glue("corpus_n_paragraphs", int((paragraphs["source"] == "body").sum()), display=False)

# %% [markdown]
# ## The articles
#
# Every article can be read in full on its own page, in its own script beside
# the project's English translation, with its claims highlighted where they
# stand: see [the Articles index](articles/index.md), or follow an article's
# number in the table below.
#
# {glue:text}`corpus_n_dated` articles carry a date that the text shows (to
# the month at best); {glue:text}`corpus_n_undated` do not, and are left
# undated rather than guessed. The `dated by` column says how each date was
# inferred. Paragraph counts are per language; tweets are counted apart,
# because they are quoted sources, not the outlet's own words.

# %% tags=["remove-input"]
shown = tables.articles_shown(articles)
display(HTML(render.table(shown, lang_of={"title": "language"},
                          caption="The articles (data/articles.csv); each number opens the article's page",
                          cell_html={"id": render.article_link})))

# %% [markdown]
# How each article is dated, and what else the manifest notes about it:

# %% tags=["remove-input"]
notes = articles[["id", "published", "date_precision", "dated_by", "notes"]].rename(
    columns={"date_precision": "precision", "dated_by": "dated by"})
display(HTML(render.table(notes, caption="Dates and notes (data/articles.csv)")))

# %% [markdown]
# ## What is in each article
#
# {numref}`fig-corpus-composition` shows how many characters of each article
# are its own text, by language, how many are quoted tweets, and how many
# cleaning removed. The figure is drawn from
# {download}`corpus-composition.csv <figures/corpus-composition.csv>`.

# %% tags=["remove-input"]
composition = tables.composition_data(articles, paragraphs)
fig = tables.composition_figure(composition)
_ = figures.save(fig, composition, Path("figures") / "corpus-composition")

# %% [markdown]
# ```{figure} figures/corpus-composition.png
# :name: fig-corpus-composition
# :alt: Horizontal stacked bars, one per article, of characters by language, quoted tweets and removed text.
#
# Characters per article: the outlet's own text by paragraph language, quoted
# tweets (hatched), and what cleaning removed (grey). Source: `data/raw/`,
# `data/articles.csv`; table: `figures/corpus-composition.csv`.
# ```

# %% [markdown]
# ## What cleaning found
#
# Cleaning never changes `data/raw/`. It computes edits, and keeps a map from
# every character of the cleaned text back to its raw offset, so a span found
# in the cleaned text is always reported at its true place in the file.
# Across the corpus it made {glue:text}`corpus_n_edits` edits and removed
# {glue:text}`corpus_chars_removed` characters. The rules: stray `&` left by
# broken HTML entities, mastheads repeated at the top of a page, truncated
# caption lines, "read also" stubs and a republisher's disclaimer
# (`data/cleaning/boilerplate.csv`), and embedded tweets, which move to the
# next section as quoted sources.

# %% tags=["remove-input"]
summary = tables.cleaning_summary(cleaning, list(articles["id"]))
display(HTML(render.table(summary, caption="Edits and characters removed, per article and rule")))

# %% [markdown]
# Every edit, with the raw span it covers (what was removed is shown as text,
# never interpreted):

# %% tags=["remove-input"]
lang_by_article = dict(zip(articles["id"], articles["language"]))
edits = cleaning.assign(
    language=cleaning["article"].map(lang_by_article),
    replaced=cleaning["replaced"].str.replace("\n", " ⏎ ", regex=False).str.slice(0, 90),
)[["article", "rule", "raw_start", "raw_end", "chars_removed", "replaced", "note", "language"]]
display(HTML(render.table(edits.drop(columns="language"), lang_of={"replaced": "=und"},
                          caption="Cleaning edits (data/processed/cleaning.csv)")))

# %% [markdown]
# ## Quoted tweets
#
# {glue:text}`corpus_n_tweets` tweets are embedded in
# {glue:text}`corpus_n_tweet_articles` article(s), {glue:text}`corpus_n_tweets_en`
# of them in English inside Arabic text. Each is kept as a quoted source with
# its author, handle, date and links, and its raw span.

# %% tags=["remove-input"]
display(HTML(render.table(
    tweets[["article", "author", "handle", "date", "lang", "raw_start", "raw_end", "text", "links"]],
    lang_of={"text": "lang"}, caption="Tweets quoted in the articles (data/processed/tweets.csv)")))

# %% [markdown]
# ## Summary
#
# - {glue:text}`corpus_n_articles` articles, {glue:text}`corpus_n_paragraphs`
#   paragraphs of the outlets' own text, {glue:text}`corpus_n_tweets` quoted tweets.
# - Raw files are checksummed; cleaning is a reversible view, not an edit.
# - Dates are recorded only as precisely as the texts allow.
#
# ## What's next
#
# The later chapters read claims out of these texts and check them against
# the primary sources they lean on.
#
# ## Downloads
#
# - {download}`articles.csv <../data/processed/articles.csv>`: the table above
# - {download}`paragraphs.csv <../data/processed/paragraphs.csv>`: every paragraph with its language and raw span
# - {download}`tweets.csv <../data/processed/tweets.csv>`: the quoted tweets
# - {download}`cleaning.csv <../data/processed/cleaning.csv>`: every cleaning edit
