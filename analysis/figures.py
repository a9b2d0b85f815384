"""Figures: each drawn from a table, saved beside that table (PNG + CSV)."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

# Fixed so that two builds give identical files.
plt.rcParams.update({"svg.hashsalt": "messaging-book", "figure.dpi": 100,
                     "savefig.dpi": 150, "font.size": 10})
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


def save(fig, data: pd.DataFrame, stem: Path) -> tuple[Path, Path]:
    """Save a figure as PNG and the table it was drawn from as CSV, side by side."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    png, csv = stem.with_suffix(".png"), stem.with_suffix(".csv")
    fig.savefig(png, metadata={"Software": None})
    plt.close(fig)  # the page shows the saved file, not an inline copy
    data.to_csv(csv, index=False, lineterminator="\n")
    return png, csv
