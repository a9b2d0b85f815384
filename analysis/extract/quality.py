"""How far the extractor can be trusted: scores on the gold sets, as tables.

Pure: takes gold sets (document name, text, records) and returns DataFrames
for the Methods chapter. The targets are the project's, from the issues that
commissioned the extractor (issue 19 raised them and added the unit score).
"""
from __future__ import annotations

import pandas as pd

from .evaluate import KINDS, evaluate
from .gold import set_order


def _by_set(col: pd.Series) -> pd.Series:
    """Sort key for tables: sets in their written order (heldout2 before
    heldout10), every other column as it is."""
    return col.map(set_order) if col.name == "set" else col

# Precision and recall both at least this, per kind (others: reported only).
TARGETS = {"quantity": 0.95, "platform": 0.97, "date": 0.93}
# Share of matched quantities whose counted noun (``unit``) is right.
UNIT_TARGET = 0.90


def _summary(rec: dict) -> str:
    kind = rec["kind"]
    if kind == "quantity":
        extra = "" if not rec.get("per") else f" per {rec['per']}"
        return f"{rec.get('value')} {rec.get('unit') or ''} ({rec.get('qualifier')}){extra}".replace("  ", " ")
    if kind == "date":
        alt = rec.get("date_alt")
        return f"{rec.get('date')}" + (f" / {alt}" if alt else "")
    return str(rec.get("canonical"))


def _meets(p: float, r: float, target: float) -> str:
    if pd.isna(target):
        return ""
    return "yes" if p >= target and r >= target else "NO"


def score_sets(sets: dict[str, list[tuple[str, str, list[dict]]]], extract_fn=None) -> dict:
    """Scores of every set: ``by_kind``, ``by_kind_lang`` (each with its
    target and whether it is met), ``quantity_attrs``, ``units`` (unit
    accuracy per set and language, with ``all``, against ``UNIT_TARGET``) and
    ``errors`` (every missed, spurious and wrong-unit mention)."""
    by_kind, by_lang, attrs, units, errors = [], [], [], [], []
    for set_name, docs in sets.items():
        if not docs:
            continue
        r = evaluate([(text, gold) for _, text, gold in docs], extract_fn)
        k = r["by_kind"].assign(set=set_name)
        k["target"] = k["kind"].map(TARGETS)
        k["meets_target"] = [_meets(p, rc, t) for p, rc, t in
                             zip(k["precision"], k["recall"], k["target"])]
        by_kind.append(k)
        kl = r["by_kind_lang"].assign(set=set_name)
        kl["target"] = kl["kind"].map(TARGETS)
        kl["meets_target"] = [_meets(p, rc, t) for p, rc, t in
                              zip(kl["precision"], kl["recall"], kl["target"])]
        by_lang.append(kl)
        attrs.append(r["quantity_attrs"].assign(set=set_name))
        u = r["units"]
        total = pd.DataFrame([{"lang": "all", "matched": int(u["matched"].sum()),
                               "unit_right": int(u["unit_right"].sum()),
                               "per_right": int(u["per_right"].sum())}])
        units.append(pd.concat([u, total], ignore_index=True).assign(set=set_name))
        for what, recs in (("missed", r["misses"]), ("spurious", r["spurious"]),
                           ("wrong unit", r["wrong_unit"])):
            for rec in recs:
                errors.append({"set": set_name, "document": docs[rec["doc"]][0], "error": what,
                               "kind": rec["kind"], "lang": rec["lang"], "start": rec["start"],
                               "end": rec["end"], "text": rec["text"],
                               "expected": (_summary(rec) if what == "missed" else
                                            str(rec.get("unit")) if what == "wrong unit" else ""),
                               "extracted": (_summary(rec) if what == "spurious" else
                                             str(rec.get("got_unit")) if what == "wrong unit" else ""),
                               # the mention itself, for a reader's table (methods.errors_shown)
                               "_record": rec})
    order = {k: i for i, k in enumerate(KINDS)}

    def tidy(frames, cols):
        if not frames:
            return pd.DataFrame(columns=cols)
        df = pd.concat(frames, ignore_index=True)
        df = df.assign(_k=df["kind"].map(order)).sort_values(
            [c for c in ("set", "_k", "lang") if c in df.columns or c == "_k"],
            key=_by_set).drop(columns="_k")
        return df[cols].reset_index(drop=True)

    kind_cols = ["set", "kind", "tp", "fp", "fn", "precision", "recall", "f1", "target", "meets_target"]
    lang_cols = ["set", "kind", "lang", "tp", "fp", "fn", "precision", "recall", "f1",
                 "target", "meets_target"]
    err_cols = ["set", "document", "error", "kind", "lang", "start", "end", "text", "expected", "extracted",
                "_record"]
    errs = pd.DataFrame(errors, columns=err_cols).sort_values(
        ["set", "document", "start", "error"], key=_by_set).reset_index(drop=True)
    unit_cols = ["set", "lang", "matched", "unit_right", "unit_accuracy", "per_right",
                 "per_accuracy", "target", "meets_target"]
    if units:
        un = pd.concat(units, ignore_index=True)
        un["unit_accuracy"] = un["unit_right"] / un["matched"].where(un["matched"] > 0)
        un["per_accuracy"] = un["per_right"] / un["matched"].where(un["matched"] > 0)
        un["target"] = UNIT_TARGET
        un["meets_target"] = ["" if pd.isna(a) else "yes" if a >= UNIT_TARGET else "NO"
                              for a in un["unit_accuracy"]]
        un = un[unit_cols].reset_index(drop=True)
    else:
        un = pd.DataFrame(columns=unit_cols)
    return {
        "by_kind": tidy(by_kind, kind_cols),
        "by_kind_lang": tidy(by_lang, lang_cols),
        "quantity_attrs": (pd.concat(attrs, ignore_index=True)[["set", "matched_quantities",
                                                               "unit_accuracy", "per_accuracy"]]
                           if attrs else pd.DataFrame()),
        "units": un,
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


def first_run_beside_current(first: list[dict], by_kind: pd.DataFrame,
                             by_kind_lang: pd.DataFrame) -> pd.DataFrame:
    """Each recorded first run (``gold.first_runs``) beside the same set's
    current score, per kind and language; a first run recorded per language
    also gets its ``all`` row (the sum), so every set can be read at a glance."""
    cols = ["set", "kind", "lang", "first_tp", "first_fp", "first_fn", "first_precision",
            "first_recall", "tp", "fp", "fn", "precision", "recall", "target"]
    if not first:
        return pd.DataFrame(columns=cols)
    fr = pd.DataFrame(first)
    per_lang = fr[fr["lang"] != "all"]
    if len(per_lang):
        summed = per_lang.groupby(["set", "kind"], as_index=False)[["tp", "fp", "fn"]].sum()
        have_all = set(zip(fr.loc[fr["lang"] == "all", "set"], fr.loc[fr["lang"] == "all", "kind"]))
        summed = summed[[(s, k) not in have_all for s, k in zip(summed["set"], summed["kind"])]]
        fr = pd.concat([fr, summed.assign(lang="all")], ignore_index=True)
    fr = fr.rename(columns={"tp": "first_tp", "fp": "first_fp", "fn": "first_fn"})
    fr["first_precision"] = fr["first_tp"] / (fr["first_tp"] + fr["first_fp"]).where(
        fr["first_tp"] + fr["first_fp"] > 0)
    fr["first_recall"] = fr["first_tp"] / (fr["first_tp"] + fr["first_fn"]).where(
        fr["first_tp"] + fr["first_fn"] > 0)
    now = pd.concat([by_kind.assign(lang="all"), by_kind_lang], ignore_index=True)[
        ["set", "kind", "lang", "tp", "fp", "fn", "precision", "recall"]]
    out = fr.merge(now, on=["set", "kind", "lang"], how="left")
    out["target"] = out["kind"].map(TARGETS)
    order = {k: i for i, k in enumerate(KINDS)}
    out = out.assign(_k=out["kind"].map(order), _l=out["lang"].map(lambda l: (l != "all", l)))
    out = out.sort_values(["set", "_k", "_l"], key=_by_set).drop(columns=["_k", "_l"])
    for c in ("tp", "fp", "fn"):
        out[c] = out[c].astype("Int64")
    return out[cols].reset_index(drop=True)


def first_run_csv(set_name: str, paths=None) -> str:
    """The extractor's score on one gold set as ``<set>-first-run.csv`` rows
    (``set,kind,lang,tp,fp,fn``): run it on a new set before anything is
    changed because of it, and commit the file beside the set."""
    import csv
    import io

    from . import gold
    from ..paths import PATHS
    docs = gold.load_set(set_name, paths or PATHS)
    r = evaluate([(text, g) for _, text, g in docs])["by_kind_lang"]
    order = {k: i for i, k in enumerate(KINDS)}
    r = r.assign(_k=r["kind"].map(order)).sort_values(["_k", "lang"])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["set", "kind", "lang", "tp", "fp", "fn"])
    for _, row in r.iterrows():
        w.writerow([set_name, row["kind"], row["lang"], int(row["tp"]), int(row["fp"]), int(row["fn"])])
    return out.getvalue()


if __name__ == "__main__":
    import sys
    if len(sys.argv) != 3 or sys.argv[1] != "--first-run":
        sys.exit("usage: python -m analysis.extract.quality --first-run SET > "
                 "data/gold/extract/SET-first-run.csv")
    sys.stdout.write(first_run_csv(sys.argv[2]))
