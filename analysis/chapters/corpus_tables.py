"""The corpus chapter's logic: tables about the corpus (pure: corpus in, frames
out) and the composition figure drawn from them."""
from __future__ import annotations

import re
import textwrap
from collections import Counter

import pandas as pd

from ..corpus.articles import Corpus
from ..display import render
from ..display.dates import in_words

from ..text.language import LANGS


def articles_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article: metadata and what is in it."""
    rows = []
    for a in corpus:
        body = Counter(p.lang for p in a.paragraphs)
        quoted = Counter(t.lang for t in a.tweets)
        rows.append({
            "id": a.id,
            "file": a.row.file,
            "language": a.language,
            "outlet": a.row.outlet,
            "title": a.row.title,
            "published": a.row.published,
            "date_precision": a.row.date_precision,
            "dated_by": a.row.dated_by,
            "chars_raw": len(a.raw),
            "chars_clean": len(a.clean.text),
            "paragraphs": len(a.paragraphs),
            **{f"paragraphs_{lang}": body.get(lang, 0) for lang in LANGS},
            "tweets": len(a.tweets),
            **{f"tweets_{lang}": quoted.get(lang, 0) for lang in LANGS},
            "sha256": a.row.sha256,
            "notes": a.row.notes,
        })
    return pd.DataFrame(rows)


_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
LANGUAGE_WORDS = {"ar": "Arabic", "fa": "Persian", "en": "English", "und": "undetermined"}
RULE_WORDS = {"line_end": "line ends", "html_entity": "HTML entities and stray '&'",
              "masthead": "a masthead repeated at the top", "caption_fragment": "a truncated caption line",
              "boilerplate": "boilerplate (a 'read also' stub, a disclaimer)", "tweet": "embedded tweets"}


def _by_language(row: pd.Series, prefix: str) -> str:
    return ", ".join(f"{row[f'{prefix}_{lang}']} {LANGUAGE_WORDS[lang]}" for lang in LANGS
                     if row[f"{prefix}_{lang}"])


def article_names(articles: pd.DataFrame, labels) -> dict[str, str]:
    """Each article's label: outlet and date in words ('Akhbar Al Aan, November 2019'),
    or its curated label (``Labels.article_names``)."""
    return labels.article_names(zip(articles["id"], articles["outlet"], articles["published"]))


def article_cell(names: dict[str, str]):
    """A table cell hook: an article id shown as its label, linked to its page."""
    return lambda aid: render.article_link(aid, label=names.get(str(aid), str(aid)))


def articles_shown(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles as the chapter shows them: named, dated in words, counts in words."""
    return pd.DataFrame({
        "article": articles["id"],
        "language": articles["language"].map(LANGUAGE_WORDS),
        "date": articles["published"].map(in_words),
        "paragraphs": articles.apply(lambda r: _by_language(r, "paragraphs"), axis=1),
        "tweets quoted": articles.apply(lambda r: _by_language(r, "tweets") or "none", axis=1),
        "characters": articles["chars_raw"].map(lambda n: f"{int(n):,}"),
        "headline": articles["title"].where(articles["title"] != "", "(none in the text)"),
    })


def dating_shown(articles: pd.DataFrame) -> pd.DataFrame:
    """How each article is dated, and what else the manifest notes about it."""
    return pd.DataFrame({
        "article": articles["id"],
        "date": articles["published"].map(in_words),
        "how it was dated": articles["dated_by"].where(articles["dated_by"] != "", "(the text shows no date)"),
        "notes": articles["notes"],
    })


def cleaning_shown(cleaning: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Edits and characters set aside, per article and rule, in words."""
    if cleaning.empty:
        return pd.DataFrame({"article": article_ids})
    out = []
    for aid in article_ids:
        sub = cleaning[cleaning["article"] == aid]
        parts = [f"{RULE_WORDS.get(rule, rule)}: {len(g)} edit{'s' if len(g) != 1 else ''}, "
                 f"{int(g['chars_removed'].sum()):,} characters"
                 for rule, g in sub.groupby("rule", sort=False)]
        out.append({"article": aid, "what cleaning set aside": "; ".join(parts) or "nothing",
                    "characters": f"{int(sub['chars_removed'].sum()):,}"})
    return pd.DataFrame(out)


def edits_shown(cleaning: pd.DataFrame) -> pd.DataFrame:
    """Every edit, with the raw span it covers; the removed text shown as text."""
    return pd.DataFrame({
        "article": cleaning["article"],
        "rule": cleaning["rule"].map(lambda r: RULE_WORDS.get(r, r)),
        "characters (raw span)": cleaning["raw_start"].astype(str) + "–" + cleaning["raw_end"].astype(str),
        "removed": cleaning["chars_removed"],
        "text": cleaning["replaced"].str.replace("\n", " ⏎ ", regex=False).str.slice(0, 90),
        "note": cleaning["note"].map(lambda n: _ISO.sub(lambda m: in_words(m.group()), str(n))),
    })


def tweets_shown(tweets: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "article": tweets["article"], "by": tweets["author"] + " (" + tweets["handle"] + ")",
        "date": tweets["date"].map(in_words), "language": tweets["lang"].map(LANGUAGE_WORDS),
        "tweet": tweets["text"], "_lang": tweets["lang"],
    })


def paragraphs_table(corpus: Corpus) -> pd.DataFrame:
    rows = []
    for a in corpus:
        for p in a.paragraphs:
            rows.append({"article": a.id, "n": p.n, "source": "body", "lang": p.lang,
                         "raw_start": p.raw_start, "raw_end": p.raw_end,
                         "chars": p.end - p.start})
        for i, t in enumerate(a.tweets, 1):
            rows.append({"article": a.id, "n": i, "source": "tweet", "lang": t.lang,
                         "raw_start": t.text_start, "raw_end": t.text_end,
                         "chars": t.text_end - t.text_start})
    return pd.DataFrame(rows, columns=["article", "n", "source", "lang", "raw_start",
                                       "raw_end", "chars"])


def tweets_table(corpus: Corpus) -> pd.DataFrame:
    rows = []
    for a in corpus:
        for t in a.tweets:
            rows.append({"article": a.id, "author": t.author, "handle": "@" + t.handle,
                         "date": t.date, "lang": t.lang, "links": " ".join(t.links),
                         "profile": t.url, "raw_start": t.text_start, "raw_end": t.text_end,
                         "text": t.text})
    return pd.DataFrame(rows, columns=["article", "author", "handle", "date", "lang", "links",
                                       "profile", "raw_start", "raw_end", "text"])


def cleaning_table(corpus: Corpus) -> pd.DataFrame:
    """Every edit cleaning made, with the raw text it removed or replaced."""
    rows = []
    for a in corpus:
        for e in a.clean.edits:
            rows.append({"article": a.id, "rule": e.rule, "raw_start": e.start,
                         "raw_end": e.end, "chars_removed": e.end - e.start - len(e.replacement),
                         "replaced": a.raw[e.start:e.end], "by": e.replacement, "note": e.note})
    return pd.DataFrame(rows, columns=["article", "rule", "raw_start", "raw_end",
                                       "chars_removed", "replaced", "by", "note"])


def cleaning_summary(cleaning: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Edits and characters removed per article and rule (zeros shown, not hidden)."""
    if cleaning.empty:
        return pd.DataFrame({"article": article_ids})
    counts = cleaning.pivot_table(index="article", columns="rule", values="chars_removed",
                                  aggfunc=["count", "sum"], fill_value=0)
    counts.columns = [f"{rule} ({'edits' if agg == 'count' else 'chars'})"
                      for agg, rule in counts.columns]
    return counts.reindex(article_ids, fill_value=0).reset_index().rename(
        columns={"index": "article"})


LANG_COLOURS = {"ar": "#1b9e77", "fa": "#d95f02", "en": "#7570b3", "removed": "#bbbbbb"}


def composition_data(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Characters per article by language of the paragraph, body and quoted tweets,
    plus what cleaning removed."""
    chars = (paragraphs.assign(part=paragraphs["source"] + ":" + paragraphs["lang"])
             .pivot_table(index="article", columns="part", values="chars", aggfunc="sum",
                          fill_value=0))
    chars = chars.reindex(articles["id"], fill_value=0)
    chars.index.name = "article"
    # Tweets leave the cleaned text but are kept as quotes: count them once.
    tweet_chars = chars[[c for c in chars.columns if c.startswith("tweet:")]].sum(axis=1)
    a = articles.set_index("id").reindex(chars.index)
    chars["removed by cleaning"] = (a["chars_raw"] - a["chars_clean"] - tweet_chars).values
    return chars.reset_index()


def composition_figure(data: pd.DataFrame, names: dict[str, str] | None = None):
    """Characters per article, by what they are. Drawn to be read on a phone as on a
    desktop: about 5 inches wide with 11-point text (at 375 px, text stays above
    9 px), the articles named, the legend under the bars, not on them."""
    names = names or {}
    import matplotlib.pyplot as plt   # here: prepare uses this module's tables, not its figure

    fig, ax = plt.subplots(figsize=(5.2, 1.9 + 0.55 * len(data)))
    left = pd.Series(0, index=data.index, dtype=float)
    parts = [c for c in data.columns if c != "article"]
    labels = [textwrap.fill(names.get(a, a), 20) for a in data["article"]]
    for part in parts:
        source, _, lang = part.partition(":")
        colour = LANG_COLOURS.get(lang or "removed", "#999999")
        label = {"body": "the outlet's text", "tweet": "quoted tweets"}.get(source, part)
        label = f"{label} ({LANGUAGE_WORDS.get(lang, lang)})" if lang else label
        ax.barh(labels, data[part], left=left, color=colour, label=label,
                hatch="//" if source == "tweet" else None, edgecolor="white", linewidth=0.5)
        left += data[part]
    ax.invert_yaxis()
    ax.set_xlabel("characters", fontsize=11)
    ax.tick_params(labelsize=11)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{int(x):,}"))
    ax.spines[["top", "right"]].set_visible(False)
    handles, names_ = ax.get_legend_handles_labels()
    fig.tight_layout(rect=(0, 0.22, 1, 1))          # the lowest fifth holds the legend
    fig.legend(handles, names_, loc="lower center", ncol=2, fontsize=10, frameon=False)
    return fig
