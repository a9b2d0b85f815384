"""How far the extractor can be trusted: scores on the gold sets, as tables.

Pure: takes gold sets (document name, text, records) and returns DataFrames
for the Methods chapter. The targets are the project's, from the issue that
commissioned the extractor.
"""
from __future__ import annotations

import pandas as pd

from .evaluate import KINDS, evaluate

# Precision and recall both at least this, per kind (others: reported only).
TARGETS = {"quantity": 0.95, "platform": 0.95, "date": 0.90}


def _summary(rec: dict) -> str:
    kind = rec["kind"]
    if kind == "quantity":
        extra = "" if not rec.get("per") else f" per {rec['per']}"
        return f"{rec.get('value')} {rec.get('unit') or ''} ({rec.get('qualifier')}){extra}".replace("  ", " ")
    if kind == "date":
        alt = rec.get("date_alt")
        return f"{rec.get('date')}" + (f" / {alt}" if alt else "")
    return str(rec.get("canonical"))


def score_sets(sets: dict[str, list[tuple[str, str, list[dict]]]], extract_fn=None) -> dict:
    by_kind, by_lang, attrs, errors = [], [], [], []
    for set_name, docs in sets.items():
        if not docs:
            continue
        r = evaluate([(text, gold) for _, text, gold in docs], extract_fn)
        k = r["by_kind"].assign(set=set_name)
        k["target"] = k["kind"].map(TARGETS)
        k["meets_target"] = k.apply(
            lambda row: "" if pd.isna(row["target"]) else
            ("yes" if row["precision"] >= row["target"] and row["recall"] >= row["target"] else "NO"),
            axis=1)
        by_kind.append(k)
        by_lang.append(r["by_kind_lang"].assign(set=set_name))
        attrs.append(r["quantity_attrs"].assign(set=set_name))
        for what, recs in (("missed", r["misses"]), ("spurious", r["spurious"])):
            for rec in recs:
                errors.append({"set": set_name, "document": docs[rec["doc"]][0], "error": what,
                               "kind": rec["kind"], "lang": rec["lang"], "start": rec["start"],
                               "end": rec["end"], "text": rec["text"],
                               "expected": _summary(rec) if what == "missed" else "",
                               "extracted": _summary(rec) if what == "spurious" else ""})
    order = {k: i for i, k in enumerate(KINDS)}

    def tidy(frames, cols):
        if not frames:
            return pd.DataFrame(columns=cols)
        df = pd.concat(frames, ignore_index=True)
        df = df.assign(_k=df["kind"].map(order)).sort_values(
            [c for c in ("set", "_k", "lang") if c in df.columns or c == "_k"]).drop(columns="_k")
        return df[cols].reset_index(drop=True)

    kind_cols = ["set", "kind", "tp", "fp", "fn", "precision", "recall", "f1", "target", "meets_target"]
    lang_cols = ["set", "kind", "lang", "tp", "fp", "fn", "precision", "recall", "f1"]
    err_cols = ["set", "document", "error", "kind", "lang", "start", "end", "text", "expected", "extracted"]
    errs = pd.DataFrame(errors, columns=err_cols).sort_values(
        ["set", "document", "start", "error"]).reset_index(drop=True)
    return {
        "by_kind": tidy(by_kind, kind_cols),
        "by_kind_lang": tidy(by_lang, lang_cols),
        "quantity_attrs": (pd.concat(attrs, ignore_index=True)[["set", "matched_quantities",
                                                               "unit_accuracy", "per_accuracy"]]
                           if attrs else pd.DataFrame()),
        "errors": errs,
    }


def counts_table(sets: dict[str, list[tuple[str, str, list[dict]]]]) -> pd.DataFrame:
    """Gold mentions per set and kind (documents too)."""
    rows = []
    for set_name, docs in sets.items():
        row = {"set": set_name, "documents": len(docs)}
        for kind in KINDS:
            row[kind] = sum(1 for _, _, gold in docs for g in gold if g["kind"] == kind)
        rows.append(row)
    return pd.DataFrame(rows)
