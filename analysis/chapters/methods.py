"""The Methods chapter's logic: the extractor's scores as the chapter prints them.

The scores themselves are computed in ``analysis.extract.quality`` and the
gold sets are found by folder in ``analysis.extract.gold``; this gathers them
for the chapter and formats them (proportions to three places, blank where
undefined), so that a new gold set folder shows up with no edit to the chapter.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..display.dates import in_words
from ..display.labels import LANGUAGE_NAMES, Labels, format_number
from ..display.render import ratio
from ..extract import gold
from ..extract.quality import (TARGETS, UNIT_TARGET, counts_table,
                               first_run_beside_current, score_sets)
from ..paths import Paths


@dataclass
class MethodsData:
    roles: dict[str, dict[str, str]]      # set -> role, description
    counts: pd.DataFrame                  # gold mentions per set and kind
    scores: dict                          # quality.score_sets
    first_runs: pd.DataFrame              # first run beside current score


def load(paths: Paths) -> MethodsData:
    """Every gold set under ``paths``, scored, with every recorded first run."""
    sets = gold.load_sets(paths)
    scores = score_sets(sets)
    first = first_run_beside_current(gold.first_runs(paths), scores["by_kind"],
                                     scores["by_kind_lang"])
    return MethodsData(gold.set_roles(paths), counts_table(sets), scores, first)


def _ratios(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    return df.assign(**{c: df[c].map(ratio) for c in cols})


def _target(t) -> str:
    return "" if pd.isna(t) else f"{t:.2f}"


def score_text(value: float, target: float, percent: bool = False) -> str:
    """A score as a reader sees it beside its target: two places (a whole
    percent), or one more where rounding would put it on the other side of
    the target (0.949 against 0.95 reads 0.949, not 0.95)."""
    if pd.isna(value):
        return "not measured"
    places = 0 if percent else 2
    for p in (places, places + 1, places + 2):
        shown = round(value * 100, p) / 100 if percent else round(value, p)
        if (shown >= target) == (value >= target):
            break
    return f"{value:.{p}%}" if percent else f"{value:.{p}f}"


def sets_shown(data: MethodsData) -> pd.DataFrame:
    """One row per gold set: its role, size and what it is."""
    c = data.counts.copy()
    c.insert(1, "role", c["set"].map(lambda s: data.roles[s]["role"]))
    c["description"] = c["set"].map(
        lambda s: data.roles[s]["description"] or f"not described yet (see data/gold/extract/{s}/)")
    return c


def sets_with_role(data: MethodsData, role: str) -> list[str]:
    return [s for s, info in data.roles.items() if info["role"] == role]


def targets_met(data: MethodsData, role: str) -> tuple[int, int]:
    """(targeted scores that meet their target, targeted scores) on the sets of
    a role: each kind with a target, and the counted noun's share (issue 19's
    four targets), per set."""
    sets = sets_with_role(data, role)
    bk = data.scores["by_kind"]
    rows = bk[bk["target"].notna() & bk["set"].isin(sets)]
    u = data.scores["units"]
    units = u[u["set"].isin(sets) & (u["lang"] == "all") & (u["matched"] > 0)]
    met = (rows["meets_target"] == "yes").sum() + (units["meets_target"] == "yes").sum()
    return int(met), int(len(rows) + len(units))


def heldout_sentence(data: MethodsData) -> str:
    """What the held-out sets say, as one sentence for the prose (glued: the
    sets and numbers change as sets are added or used)."""
    held = sets_with_role(data, "held-out")
    if not held:
        return ("No set is held out at the moment: every set above has been used to "
                "change the extractor, so its scores are optimistic for new text, and the "
                "first runs below are the fairer estimate.")
    met, n = targets_met(data, "held-out")
    names = ", ".join(held)
    return (f"On the held-out {'set' if len(held) == 1 else 'sets'} ({names}), which nobody "
            f"tuned on, {met} of {n} targeted scores meet their target: that is the fairer "
            f"estimate for a new article.")


def scores_shown(by_kind: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 per set and kind, with each target to two places."""
    return _ratios(by_kind, "precision", "recall", "f1").assign(
        target=by_kind["target"].map(_target))


def by_language_shown(by_kind_lang: pd.DataFrame) -> pd.DataFrame:
    out = _ratios(by_kind_lang, "precision", "recall", "f1")
    if "target" in out.columns:
        out = out.assign(target=out["target"].map(_target))
    return out


def units_shown(units: pd.DataFrame) -> pd.DataFrame:
    """Unit (and rate) accuracy on matched quantities, per set and language."""
    return _ratios(units, "unit_accuracy", "per_accuracy").assign(
        target=units["target"].map(_target))


def attributes_shown(quantity_attrs: pd.DataFrame) -> pd.DataFrame:
    return _ratios(quantity_attrs, "unit_accuracy", "per_accuracy")


def first_runs_shown(first_runs: pd.DataFrame) -> pd.DataFrame:
    """Each set's first run beside its current precision and recall."""
    out = _ratios(first_runs, "first_precision", "first_recall", "precision", "recall")
    out = out.assign(target=first_runs["target"].map(_target))
    return out[["set", "kind", "lang", "first_tp", "first_fp", "first_fn", "first_precision",
                "first_recall", "precision", "recall", "target"]].rename(columns={
                    "first_tp": "first tp", "first_fp": "first fp", "first_fn": "first fn",
                    "first_precision": "first precision", "first_recall": "first recall",
                    "precision": "precision now", "recall": "recall now"})


def errors_by_type(errors: pd.DataFrame) -> dict[str, int]:
    return {what: int((errors["error"] == what).sum())
            for what in ("missed", "spurious", "wrong unit")}


# --- for readers: findings first, columns and values in words ----------------------

KIND_WORDS = {"quantity": "quantities", "date": "dates", "platform": "platforms",
              "organization": "organisations", "person": "people"}
COLUMNS = {"set": "gold set", "role": "role", "documents": "texts", "kind": "kind of mention",
           "lang": "language", "tp": "found", "fp": "invented", "fn": "missed",
           "precision": "precision", "recall": "recall", "f1": "F1", "target": "target",
           "meets_target": "meets target", "matched": "quantities matched",
           "unit_right": "unit right", "unit_accuracy": "share with unit right",
           "per_right": "rate right", "per_accuracy": "share with rate right",
           "description": "what it is", "document": "text", "text": "as written", "error": "error",
           "expected": "in the gold", "extracted": "extracted"}


def pooled(data: MethodsData, role: str) -> dict[str, dict[str, float]]:
    """Precision and recall per kind, and the unit score, over all sets of a role
    pooled (mentions added up, then divided): {kind: {"precision", "recall"}, "unit": {...}}."""
    sets = sets_with_role(data, role)
    bk = data.scores["by_kind"]
    out = _pooled_counts(bk[bk["set"].isin(sets)], "tp", "fp", "fn")
    u = data.scores["units"]
    u = u[u["set"].isin(sets) & (u["lang"] == "all")][["matched", "unit_right"]].sum()
    out["unit"] = {"accuracy": u["unit_right"] / u["matched"] if u["matched"] else float("nan")}
    return out


def score_texts(pooled_scores: dict, kinds=("quantity", "date", "platform")) -> dict[str, str]:
    """``{"<kind>_<precision|recall>": text}`` for the prose, each score as
    ``score_text`` shows it beside its target ("not measured" where missing)."""
    return {f"{k}_{m}": score_text(float(pooled_scores.get(k, {}).get(m, float("nan"))), TARGETS[k])
            for k in kinds for m in ("precision", "recall")}


def pooled_first_run(data: MethodsData, role: str) -> dict[str, dict[str, float]]:
    """Like ``pooled``, for the recorded first runs of the sets of a role."""
    f = data.first_runs
    f = f[f["set"].isin(sets_with_role(data, role)) & (f["lang"] == "all")]
    return _pooled_counts(f, "first_tp", "first_fp", "first_fn")


def _pooled_counts(rows: pd.DataFrame, tp: str, fp: str, fn: str) -> dict[str, dict[str, float]]:
    """Precision and recall per kind from the counts in columns ``tp``, ``fp``
    and ``fn`` of ``rows``, added up per kind first (NaN where undefined)."""
    out = {}
    for k, r in rows.groupby("kind")[[tp, fp, fn]].sum().iterrows():
        t, f_, n = r[tp], r[fp], r[fn]
        out[k] = {"precision": t / (t + f_) if t + f_ else float("nan"),
                  "recall": t / (t + n) if t + n else float("nan")}
    return out


def first_run_range(data: MethodsData, kind: str, measure: str) -> tuple[float, float, int]:
    """The lowest and highest first-run precision or recall of a kind across the
    sets with a first run, and how many sets that is."""
    f = data.first_runs
    f = f[(f["kind"] == kind) & (f["lang"] == "all")]
    col = f"first_{measure}"
    return float(f[col].min()), float(f[col].max()), int(len(f))


def _lang(code: str) -> str:
    return "all languages" if code == "all" else LANGUAGE_NAMES.get(code, code)


def _words(df: pd.DataFrame) -> pd.DataFrame:
    """Kinds and languages in words, columns renamed for readers."""
    out = df.copy()
    if "kind" in out.columns:
        out["kind"] = out["kind"].map(lambda k: KIND_WORDS.get(k, k))
    if "lang" in out.columns:
        out["lang"] = out["lang"].map(_lang)
    if "meets_target" in out.columns:
        out["meets_target"] = out["meets_target"].map({"yes": "yes", "NO": "no"}).fillna("")
    return out.rename(columns=COLUMNS)


def mention_words(error: str, record: dict, side: str, labels: Labels) -> str:
    """One side ("expected": the gold's, "extracted": the extractor's) of an error
    row in words, from the mention itself: 'at least 1,000 items', 'May 2018',
    'Islamic Parliament of Iran'; a wrong-unit row gives each side's unit."""
    if error == "wrong unit":
        return labels.unit(record.get("unit" if side == "expected" else "got_unit"))
    if (error == "missed") != (side == "expected"):
        return ""                        # a missed mention has no extracted side, and so on
    kind = record.get("kind")
    if kind == "quantity":
        text = labels.figure(record.get("value"), record.get("unit"), record.get("qualifier"))
        return text + (f" a {record['per']}" if record.get("per") else "")
    if kind == "date":
        parts = [record.get("date"), record.get("date_alt")]
        return " or ".join(in_words(d) for d in parts if d)
    return labels.name(record["canonical"]) if record.get("canonical") else ""


def errors_shown(errors: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Every error, its values in words; the text in its own script (``_lang``)."""
    out = errors.copy()
    for side in ("expected", "extracted"):
        out[side] = [mention_words(e, r, side, labels) for e, r in zip(out["error"], out["_record"])]
    out["_lang"] = out["lang"]
    out = out.drop(columns=["start", "end", "_record"])
    return _words(out)


def sets_for_readers(data: MethodsData) -> pd.DataFrame:
    return _words(sets_shown(data))


def scores_for_readers(by_kind: pd.DataFrame) -> pd.DataFrame:
    return _words(scores_shown(by_kind))


def by_language_for_readers(by_kind_lang: pd.DataFrame) -> pd.DataFrame:
    return _words(by_language_shown(by_kind_lang))


def units_for_readers(units: pd.DataFrame) -> pd.DataFrame:
    return _words(units_shown(units))


def first_runs_for_readers(first_runs: pd.DataFrame) -> pd.DataFrame:
    shown = first_runs_shown(first_runs)
    shown = shown[shown["lang"] == "all"].drop(columns=["lang"])
    return _words(shown).rename(columns={"first tp": "first run: found", "first fp": "first run: invented",
                                         "first fn": "first run: missed"})


TARGET_QUANTITY = TARGETS["quantity"]
TARGET_PLATFORM = TARGETS["platform"]
TARGET_DATE = TARGETS["date"]
TARGET_UNIT = UNIT_TARGET
