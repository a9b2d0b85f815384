"""Scoring extracted mentions against gold mentions.

Matching rule: same kind and overlapping spans; for quantities also equal
value and qualifier; for dates equal ``date`` (a predicted ISO interval
``A/B`` equals gold ``date == A`` with ``date_alt == B``, or gold ``A/B``);
for platform/organization/person equal ``canonical``.  Each gold mention
matches at most one predicted mention (greedy, in text order).  Unit and
``per`` are not part of the match: their accuracy on matched quantities is
reported separately, so a right number with a wrong unit is visible as such.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import pandas as pd

from ..text.language import identify

KINDS = ("quantity", "date", "platform", "organization", "person")


def _gold_date(g: dict) -> str | None:
    d = g.get("date")
    alt = g.get("date_alt")
    if d is not None and alt and "/" not in str(d):
        return f"{d}/{alt}"
    return d


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return a == b


def matches(p: dict, g: dict) -> bool:
    if p.get("kind") != g.get("kind"):
        return False
    if not (p["start"] < g["end"] and g["start"] < p["end"]):
        return False
    kind = g["kind"]
    if kind == "quantity":
        return _same_value(p.get("value"), g.get("value")) and \
            (p.get("qualifier") or "exact") == (g.get("qualifier") or "exact")
    if kind == "date":
        return p.get("date") == _gold_date(g)
    return p.get("canonical") == g.get("canonical")


def score(predicted: list[dict], gold: list[dict]) -> dict:
    """Precision/recall/F1 plus matched pairs, misses and spurious mentions."""
    used = [False] * len(predicted)
    pairs, misses = [], []
    for g in sorted(gold, key=lambda d: (d["start"], d["end"])):
        hit = None
        for i, p in enumerate(predicted):
            if not used[i] and matches(p, g):
                hit = i
                break
        if hit is None:
            misses.append(g)
        else:
            used[hit] = True
            pairs.append((predicted[hit], g))
    spurious = [p for i, p in enumerate(predicted) if not used[i]]
    tp = len(pairs)
    prec = tp / len(predicted) if predicted else (1.0 if not gold else 0.0)
    rec = tp / len(gold) if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    qpairs = [(p, g) for p, g in pairs if g["kind"] == "quantity"]
    unit_ok = sum(1 for p, g in qpairs if p.get("unit") == g.get("unit"))
    per_ok = sum(1 for p, g in qpairs if p.get("per") == g.get("per"))
    return {
        "tp": tp, "fp": len(spurious), "fn": len(misses),
        "precision": prec, "recall": rec, "f1": f1,
        "quantity_matched": len(qpairs),
        "unit_accuracy": unit_ok / len(qpairs) if qpairs else None,
        "per_accuracy": per_ok / len(qpairs) if qpairs else None,
        "pairs": pairs, "misses": misses, "spurious": spurious,
    }


def language_at(text: str, start: int) -> str:
    """'ar', 'fa' or 'en' of the line around an offset (one Arabic article
    embeds English tweets, so the document's language is not enough); a line
    with nothing to go on takes the document's language."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    line = text[a:b if b >= 0 else len(text)]
    return identify(line, default=identify(text, default="en"))


def evaluate(pairs: Iterable[tuple[str, list[dict]]], extract_fn=None) -> dict:
    """Score extraction over (text, gold) pairs.

    Returns ``by_kind`` and ``by_kind_lang`` DataFrames (tp, fp, fn,
    precision, recall, f1), ``quantity_attrs`` (unit and per accuracy on
    matched quantities), ``units`` (the same per language: matched, unit_right,
    per_right), and ``misses`` / ``spurious`` / ``wrong_unit`` lists (each
    record with ``doc`` index and ``lang`` added; a wrong unit is the gold
    record with the extracted ``unit`` as ``got_unit``).
    """
    if extract_fn is None:
        from . import extract as extract_fn
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    units: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])   # matched, unit ok, per ok
    misses, spurious, wrong_unit = [], [], []
    for doc, (text, gold) in enumerate(pairs):
        pred = [m.to_dict() if hasattr(m, "to_dict") else m for m in extract_fn(text)]
        r = score(pred, gold)
        for p, g in r["pairs"]:
            lang = language_at(text, g["start"])
            counts[(g["kind"], lang)][0] += 1
            if g["kind"] == "quantity":
                u = units[lang]
                u[0] += 1
                u[1] += p.get("unit") == g.get("unit")
                u[2] += p.get("per") == g.get("per")
                if p.get("unit") != g.get("unit"):
                    wrong_unit.append({**g, "doc": doc, "lang": lang, "got_unit": p.get("unit")})
        for p in r["spurious"]:
            lang = language_at(text, p["start"])
            counts[(p["kind"], lang)][1] += 1
            spurious.append({**p, "doc": doc, "lang": lang})
        for g in r["misses"]:
            lang = language_at(text, g["start"])
            counts[(g["kind"], lang)][2] += 1
            misses.append({**g, "doc": doc, "lang": lang})

    def frame(rows: dict) -> pd.DataFrame:
        recs = []
        for k, (tp, fp, fn) in sorted(rows.items()):
            p = tp / (tp + fp) if tp + fp else float("nan")
            r_ = tp / (tp + fn) if tp + fn else float("nan")
            f = 2 * p * r_ / (p + r_) if tp else 0.0
            recs.append((*k, tp, fp, fn, p, r_, f))
        return pd.DataFrame(recs, columns=["kind", "lang", "tp", "fp", "fn",
                                           "precision", "recall", "f1"])

    by_kl = frame(counts)
    agg: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for (kind, _lang), v in counts.items():
        a = agg[(kind, "all")]
        for i in range(3):
            a[i] += v[i]
    by_kind = frame(agg).drop(columns="lang")
    qmatched = sum(u[0] for u in units.values())
    unit_ok = sum(u[1] for u in units.values())
    per_ok = sum(u[2] for u in units.values())
    attrs = pd.DataFrame([{
        "matched_quantities": qmatched,
        "unit_accuracy": unit_ok / qmatched if qmatched else float("nan"),
        "per_accuracy": per_ok / qmatched if qmatched else float("nan"),
    }])
    unit_frame = pd.DataFrame(
        [(lang, m, uo, po) for lang, (m, uo, po) in sorted(units.items())],
        columns=["lang", "matched", "unit_right", "per_right"])
    return {"by_kind": by_kind, "by_kind_lang": by_kl, "quantity_attrs": attrs,
            "units": unit_frame, "misses": misses, "spurious": spurious,
            "wrong_unit": wrong_unit}
