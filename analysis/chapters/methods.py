"""The Methods chapter's logic: the extractor's scores as the chapter prints them.

The scores themselves are computed in ``analysis.extract.quality``; this only
formats them (proportions to three places, blank where undefined).
"""
from __future__ import annotations

import pandas as pd

from ..display.render import ratio


def _ratios(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    return df.assign(**{c: df[c].map(ratio) for c in cols})


def scores_shown(by_kind: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 per set and kind, with each target to two places."""
    return _ratios(by_kind, "precision", "recall", "f1").assign(
        target=by_kind["target"].map(lambda t: "" if pd.isna(t) else f"{t:.2f}"))


def by_language_shown(by_kind_lang: pd.DataFrame) -> pd.DataFrame:
    return _ratios(by_kind_lang, "precision", "recall", "f1")


def attributes_shown(quantity_attrs: pd.DataFrame) -> pd.DataFrame:
    return _ratios(quantity_attrs, "unit_accuracy", "per_accuracy")


def blind_run_shown(blind: pd.DataFrame) -> pd.DataFrame:
    """The first run before any tuning (``blind-run.csv``: counts), with its
    precision and recall."""
    b = blind.copy()
    for col in ("tp", "fp", "fn"):
        b[col] = b[col].astype(int)
    b["precision"] = (b["tp"] / (b["tp"] + b["fp"])).map(ratio)
    b["recall"] = (b["tp"] / (b["tp"] + b["fn"])).map(ratio)
    return b[["set", "kind", "tp", "fp", "fn", "precision", "recall"]]
