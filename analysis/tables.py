"""Tables about the corpus, as pandas DataFrames (pure: corpus in, frames out)."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .corpus import Corpus
from .langid import LANGS


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
