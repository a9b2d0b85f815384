"""The corpus chapter's logic: tables about the corpus (pure: corpus in, frames
out) and the composition figure drawn from them."""
from __future__ import annotations

from collections import Counter

import matplotlib.pyplot as plt
import pandas as pd

from ..corpus.articles import Corpus
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


def _by_language(row: pd.Series, prefix: str) -> str:
    return " / ".join(f"{lang} {row[f'{prefix}_{lang}']}" for lang in LANGS if row[f"{prefix}_{lang}"])


def articles_shown(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles table as the chapter prints it: counts per language in one
    cell, a short checksum."""
    shown = articles.assign(
        paragraphs=articles.apply(lambda r: _by_language(r, "paragraphs"), axis=1),
        tweets=articles.apply(lambda r: _by_language(r, "tweets") or "0", axis=1),
        sha256=articles["sha256"].str[:12] + "…",
    )
    return shown[["id", "language", "outlet", "title", "published", "chars_raw", "chars_clean",
                  "paragraphs", "tweets", "sha256"]].rename(columns={
        "chars_raw": "chars (raw)", "chars_clean": "chars (clean)", "tweets": "tweets quoted"})


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


def composition_figure(data: pd.DataFrame):
    fig, ax = plt.subplots(figsize=(7.5, 0.5 + 0.45 * len(data)))
    left = pd.Series(0, index=data.index, dtype=float)
    parts = [c for c in data.columns if c != "article"]
    for part in parts:
        source, _, lang = part.partition(":")
        colour = LANG_COLOURS.get(lang or "removed", "#999999")
        label = {"body": "article text", "tweet": "quoted tweets"}.get(source, part)
        label = f"{label} ({lang})" if lang else label
        ax.barh(data["article"], data[part], left=left, color=colour, label=label,
                hatch="//" if source == "tweet" else None, edgecolor="white", linewidth=0.5)
        left += data[part]
    ax.invert_yaxis()
    ax.set_xlabel("characters")
    ax.set_ylabel("article")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig
