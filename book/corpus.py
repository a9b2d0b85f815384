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
# ## In short
#
# - The book reads {glue:text}`corpus_n_articles` news articles:
#   {glue:text}`corpus_n_ar` in Arabic and {glue:text}`corpus_n_fa` in Persian.
#   {glue:text}`corpus_n_named` name their outlet; {glue:text}`corpus_n_unnamed`
#   do not, and stay unnamed here rather than guessed. Each can be read in full
#   on its own page, beside the project's English translation: see
#   [the Articles index](articles/index.md).
# - {glue:text}`corpus_n_dated` carry a date the text shows, to the month at
#   best; {glue:text}`corpus_n_undated` are undated.
# - They quote {glue:text}`corpus_n_tweets` tweets
#   ({glue:text}`corpus_n_tweets_en` in English): the only primary sources
#   embedded word for word.
# - Before anything was counted, cleaning set aside
#   {glue:text}`corpus_chars_removed:,` characters (mastheads, a truncated
#   caption, boilerplate, stray `&`) without changing a byte of the files:
#   each article's page shows them where they stood.
#
# :::{dropdown} How this chapter was made
# The articles are kept byte for byte in `data/raw/` and described in
# `data/articles.csv` (outlet, title, date, and how the date was inferred);
# the build stops if any file's sha256 differs from the manifest. Every
# position in the book is a character offset into a file decoded as UTF-8, so
# a quotation is always an exact slice of what the outlet published. Cleaning
# computes edits and keeps a map from every character of the cleaned text
# back to its place in the file; it never edits the file. A paragraph's
# language is read from its script (Persian and Arabic letters, Latin for
# English).
# :::

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.display import figures, render
from analysis.display.labels import load_labels
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
glue("corpus_n_named", int((articles["outlet"] != "").sum()), display=False)
glue("corpus_n_unnamed", int((articles["outlet"] == "").sum()), display=False)
names = tables.article_names(articles, load_labels(paths))
named = tables.article_cell(names)

# %% [markdown]
# ## The articles
#
# Each article by its outlet and date (follow one to read it), its language,
# how many paragraphs of its own text and of quoted tweets it holds, and its
# headline as printed.

# %% tags=["remove-input"]
display(HTML(render.table(tables.articles_shown(articles), lang_of={"headline": "=" + "und"},
                          caption="The articles; each opens on its own page", cell_html={"article": named})))
display(HTML(render.folded(
    "How each article is dated, and what else is known about it",
    render.table(tables.dating_shown(articles), caption="Dates and notes, from the manifest",
                 cell_html={"article": named}))))

# %% [markdown]
# ## What is in each article
#
# How many characters of each article are the outlet's own text, in which
# language, how many are quoted tweets, and how many cleaning set aside
# (drawn from {download}`corpus-composition.csv <figures/corpus-composition.csv>`).

# %% tags=["remove-input"]
composition = tables.composition_data(articles, paragraphs)
fig = tables.composition_figure(composition, names)
_ = figures.save(fig, composition, Path("figures") / "corpus-composition")

# %% [markdown]
# ```{figure} figures/corpus-composition.png
# :name: fig-corpus-composition
# :alt: Horizontal stacked bars, one per article, of characters: the outlet's own text by language, quoted tweets (hatched), and text cleaning set aside (grey).
#
# Characters per article: the outlet's own text by paragraph language, quoted
# tweets (hatched), and what cleaning set aside (grey). Open the image for
# full size.
# ```

# %% [markdown]
# ## What cleaning set aside
#
# {glue:text}`corpus_n_edits` edits across the corpus, by article. Nothing is
# deleted from the files: the article pages show each edit where it stands.

# %% tags=["remove-input"]
display(HTML(render.folded(
    "What cleaning set aside, article by article",
    render.table(tables.cleaning_shown(cleaning, list(articles["id"])),
                 caption="What cleaning set aside, per article", cell_html={"article": named}))))
display(HTML(render.folded(
    f"Every edit ({len(cleaning)}), with the place in the file it covers",
    render.table(tables.edits_shown(cleaning), lang_of={"text": "=und"},
                 caption="Cleaning edits: what was set aside, shown as text", cell_html={"article": named}))))

# %% [markdown]
# ## Quoted tweets
#
# {glue:text}`corpus_n_tweets` tweets are embedded in
# {glue:text}`corpus_n_tweet_articles` article(s), {glue:text}`corpus_n_tweets_en`
# of them in English inside Arabic text. Each is kept as a quoted source with
# its author and date; the article's page shows it in place.

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"The {len(tweets)} tweets, with their authors and dates",
    render.table(tables.tweets_shown(tweets), lang_of={"tweet": "_lang"},
                 caption="Tweets quoted in the articles", cell_html={"article": named}))))

# %% [markdown]
# ## What's next
#
# The chapters read claims out of these texts and check them against the
# primary sources they lean on: {ref}`chapter-platform-policy`,
# {ref}`chapter-takedown-numbers` and {ref}`chapter-migration-networks`.
#
# ## Downloads
#
# - {download}`articles.csv <../data/processed/articles.csv>`: the articles
# - {download}`paragraphs.csv <../data/processed/paragraphs.csv>`: every paragraph with its language and place in its file
# - {download}`tweets.csv <../data/processed/tweets.csv>`: the quoted tweets
# - {download}`cleaning.csv <../data/processed/cleaning.csv>`: every cleaning edit
