"""The hand-curated gold for the information extractor: loading and checking.

The gold lives in ``data/gold/extract/``, one folder per set (``articles/``
for the corpus, ``general/`` for short texts written for the purpose,
``heldout/`` and any later folder for texts kept out of the design loop);
sets are found by folder, so a new one needs no code. Usage:

    python -m analysis.extract.gold          # validate everything, print counts
    python -m analysis.extract.gold -v       # also list every resolved record

    from analysis.extract.gold import load_gold
    records = load_gold(jsonl_path, text)   # each record gains "start" and "end"

A record's position is given by its exact ``text`` plus ``occurrence``: the
1-based index of that occurrence among ALL occurrences of the string in the
document, counted with ``str.find(s, previous_start + 1)`` (so occurrences
inside longer words count, and overlapping ones would too). Offsets are Python
``str`` indices into the file decoded as UTF-8.

This module imports nothing from ``analysis.extract``: the gold must stay
independent of the extractor it judges.
"""
from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from datetime import date as _date
from pathlib import Path

from ..paths import PATHS, Paths


KEYS = ("kind", "text", "occurrence", "value", "unit", "qualifier", "per", "date", "canonical")
OPTIONAL_KEYS = {"date_alt"}          # only on date records (Jalali month without day)
KINDS = ("quantity", "date", "platform", "organization", "person")
QUALIFIERS = {"exact", "approx", "at_least", "at_most"}
PERS = {None, "day", "week", "month", "year"}

def _canonical() -> dict[str, set[str]]:
    """Entity ids by kind, from the shared registry (data/gazetteer/entities.csv)."""
    import csv
    out: dict[str, set[str]] = {"platform": set(), "organization": set(), "person": set()}
    with open(PATHS.gazetteer / "entities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["kind"], set()).add(row["id"])
    return out


CANONICAL = _canonical()

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
UNIT = re.compile(r"^[a-z]+$")


class GoldError(ValueError):
    """A gold record that is malformed or cannot be located in its text."""


def occurrence_starts(text: str, s: str) -> list[int]:
    """Start offsets of every occurrence of ``s`` in ``text`` (overlapping, in order)."""
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def load_gold(jsonl_path, text: str) -> list[dict]:
    """Read a gold .jsonl file and resolve every record against ``text``.

    Returns the records (dicts, in file order) each with two added keys,
    ``start`` and ``end`` (``text[start:end] == record["text"]``).
    Raises GoldError naming the file and line if a line is not a JSON object,
    lacks ``text``/``occurrence``, or the string / its occurrence is absent.
    """
    path = Path(jsonl_path)
    records = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where}: not valid JSON ({exc})") from None
            if not isinstance(rec, dict):
                raise GoldError(f"{where}: not a JSON object")
            s, occ = rec.get("text"), rec.get("occurrence")
            if not isinstance(s, str) or not s:
                raise GoldError(f"{where}: 'text' must be a non-empty string, got {s!r}")
            if isinstance(occ, bool) or not isinstance(occ, int) or occ < 1:
                raise GoldError(f"{where}: 'occurrence' must be an int >= 1, got {occ!r}")
            starts = occurrence_starts(text, s)
            if not starts:
                raise GoldError(f"{where}: text {s!r} does not occur in the document")
            if occ > len(starts):
                raise GoldError(
                    f"{where}: text {s!r} occurs {len(starts)} time(s), occurrence {occ} requested")
            start = starts[occ - 1]
            rec = dict(rec)
            rec["start"], rec["end"] = start, start + len(s)
            records.append(rec)
    return records


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _valid_iso(d: str) -> bool:
    if not ISO_DATE.match(d):
        return False
    parts = [int(p) for p in d.split("-")]
    try:
        _date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def validate_record(rec: dict) -> list[str]:
    """Problems with one resolved record (empty list if it is fine)."""
    errs = []
    keys = set(rec) - {"start", "end"}
    missing = set(KEYS) - keys
    extra = keys - set(KEYS) - OPTIONAL_KEYS
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
    if extra:
        errs.append(f"unexpected keys {sorted(extra)}")
    if missing:
        return errs
    kind = rec["kind"]
    if kind not in KINDS:
        return errs + [f"invalid kind {kind!r}"]
    if "date_alt" in rec and kind != "date":
        errs.append("date_alt only allowed on date records")
    if rec["text"] != rec["text"].strip():
        errs.append("text has leading/trailing whitespace")

    def must_be_null(*names):
        for n in names:
            if rec[n] is not None:
                errs.append(f"{kind}: {n} must be null, got {rec[n]!r}")

    if kind == "quantity":
        if not _is_number(rec["value"]):
            errs.append(f"quantity value must be a number, got {rec['value']!r}")
        if rec["qualifier"] not in QUALIFIERS:
            errs.append(f"invalid qualifier {rec['qualifier']!r}")
        if rec["per"] not in PERS:
            errs.append(f"invalid per {rec['per']!r}")
        if rec["unit"] is not None and not (isinstance(rec["unit"], str) and UNIT.match(rec["unit"])):
            errs.append(f"unit must be a lower-case English word or null, got {rec['unit']!r}")
        must_be_null("date", "canonical")
    elif kind == "date":
        d = rec["date"]
        if not (isinstance(d, str) and _valid_iso(d)):
            errs.append(f"date must be ISO YYYY, YYYY-MM or YYYY-MM-DD, got {d!r}")
        if "date_alt" in rec:
            a = rec["date_alt"]
            if not (isinstance(a, str) and ISO_MONTH.match(a) and _valid_iso(a)):
                errs.append(f"date_alt must be YYYY-MM, got {a!r}")
            elif isinstance(d, str) and not (ISO_MONTH.match(d) and a > d):
                errs.append(f"date_alt {a!r} must be a YYYY-MM month after date {d!r}")
        must_be_null("value", "unit", "qualifier", "per", "canonical")
    else:
        if rec["canonical"] not in CANONICAL[kind]:
            errs.append(f"{kind}: canonical {rec['canonical']!r} is not in the list")
        must_be_null("value", "unit", "qualifier", "per", "date")
    return errs


# Every folder of data/gold/extract/ is a gold set, found by name: a new
# folder (a fresh held-out set) is checked, scored and shown in Methods with no
# code change. In a folder, X.jsonl is the gold for X.txt beside it, or for
# data/raw/X.txt when there is none beside it (the corpus articles).
FIRST_RUN_SUFFIX = "-first-run.csv"


def discover_sets(paths: Paths = PATHS) -> list[str]:
    """The gold sets: every folder of ``data/gold/extract/`` holding gold or
    texts, ``articles`` first, then by name (general, heldout, heldout2, ...)."""
    root = paths.gold
    if not root.is_dir():
        return []
    names = [d.name for d in root.iterdir()
             if d.is_dir() and not d.name.startswith((".", "_"))
             and (any(d.glob("*.jsonl")) or any(d.glob("*.txt")))]
    return sorted(names, key=set_order)


def set_order(name: str) -> tuple:
    """``articles`` first, then by name with numbers compared as numbers, so
    heldout2 comes before heldout10 in every table (the order they were written)."""
    parts = re.split(r"(\d+)", name)
    return (name != "articles", tuple(int(p) if p.isdigit() else p for p in parts))


def first_run_path(set_name: str, paths: Paths = PATHS) -> Path:
    """Where a set's first run is recorded (``<set>-first-run.csv``, columns
    set, kind, lang, tp, fp, fn): the unchanged extractor's score on it."""
    return paths.gold / f"{set_name}{FIRST_RUN_SUFFIX}"


def gold_pairs(paths: Paths = PATHS) -> list[tuple[str, Path, Path]]:
    """(set name, jsonl path, text path) for every gold file; a text with no
    gold beside it is listed too (with its missing jsonl path) so the checker
    names it."""
    pairs = []
    for set_name in discover_sets(paths):
        folder = paths.gold / set_name
        for jl in sorted(folder.glob("*.jsonl")):
            beside = jl.with_suffix(".txt")
            pairs.append((set_name, jl, beside if beside.exists() else paths.raw / beside.name))
        for txt in sorted(folder.glob("*.txt")):
            if not txt.with_suffix(".jsonl").exists():
                pairs.append((set_name, txt.with_suffix(".jsonl"), txt))
    return pairs


def load_set(set_name: str, paths: Paths = PATHS) -> list[tuple[str, str, list[dict]]]:
    """(document name, text, resolved gold records) for one gold set."""
    out = []
    for s, jl, txt in gold_pairs(paths):
        if s == set_name:
            text = txt.read_text(encoding="utf-8")
            out.append((jl.stem, text, load_gold(jl, text)))
    return out


def load_sets(paths: Paths = PATHS) -> dict[str, list[tuple[str, str, list[dict]]]]:
    """Every gold set by name, in ``discover_sets`` order."""
    return {name: load_set(name, paths) for name in discover_sets(paths)}


LEGACY_FIRST_RUN = "blind-run.csv"     # articles and general, all languages together
SETS_TABLE = "sets.csv"                # set, role, description
ROLES = ("tuned", "held-out")


def first_runs(paths: Paths = PATHS) -> list[dict]:
    """Every recorded first run, as rows ``set, kind, lang, tp, fp, fn, note``
    (ints for the counts; ``lang`` is ``all`` where the record has none).

    Read from ``blind-run.csv`` (the articles and general sets) and from each
    ``<set>-first-run.csv``, so a new set's first run is shown once its file
    is there."""
    import csv
    files = [paths.gold / LEGACY_FIRST_RUN] + [first_run_path(n, paths) for n in discover_sets(paths)]
    rows = []
    for f in files:
        if not f.is_file():
            continue
        with open(f, encoding="utf-8", newline="") as fh:
            for i, r in enumerate(csv.DictReader(fh), 2):
                try:
                    rows.append({"set": r["set"], "kind": r["kind"], "lang": r.get("lang") or "all",
                                 "tp": int(r["tp"]), "fp": int(r["fp"]), "fn": int(r["fn"]),
                                 "note": r.get("note") or ""})
                except (KeyError, TypeError, ValueError):
                    raise GoldError(f"{f.name}:{i}: a first-run row needs set, kind, tp, fp, fn "
                                    f"(and lang), got {dict(r)!r}") from None
    return rows


def set_roles(paths: Paths = PATHS) -> dict[str, dict[str, str]]:
    """Each set's role (``tuned``: used to design or tune the extractor;
    ``held-out``: never used to change it) and description, from
    ``sets.csv``. A folder not listed there is held-out: a new set is presumed
    unseen until someone records that it was used."""
    import csv
    listed: dict[str, dict[str, str]] = {}
    table = paths.gold / SETS_TABLE
    if table.is_file():
        with open(table, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                listed[r["set"]] = {"role": r["role"], "description": r["description"]}
    return {name: listed.get(name, {"role": "held-out", "description": ""})
            for name in discover_sets(paths)}


def check_all(verbose: bool = False, paths: Paths = PATHS) -> tuple[list[str], dict]:
    errors: list[str] = []
    counts: dict[str, Counter] = {name: Counter() for name in discover_sets(paths)}
    langs = Counter()
    for set_name, jl, txt in gold_pairs(paths):
        if not jl.exists():
            errors.append(f"{txt.name}: no gold file {jl.name}")
            continue
        if not txt.exists():
            errors.append(f"{jl.name}: text file {txt} not found")
            continue
        if set_name != "articles":
            m = re.match(r"^\d{2}_(ar|fa|en)_[a-z0-9_]+$", jl.stem)
            if not m:
                errors.append(f"{set_name}/{jl.name}: gold texts must be named NN_<ar|fa|en>_<topic>")
            elif set_name == "general":
                langs[m.group(1)] += 1
        text = txt.read_text(encoding="utf-8")
        try:
            recs = load_gold(jl, text)
        except GoldError as exc:
            errors.append(str(exc))
            continue
        seen = set()
        last = (-1, -1)
        for i, rec in enumerate(recs, 1):
            for e in validate_record(rec):
                errors.append(f"{jl.name}:{i}: {e}  [{rec.get('text')!r}]")
            key = (rec["start"], rec["end"], rec.get("kind"))
            if key in seen:
                errors.append(f"{jl.name}:{i}: duplicate record for {rec['text']!r}")
            seen.add(key)
            if (rec["start"], rec["end"]) < last:
                errors.append(f"{jl.name}:{i}: records are not sorted by position")
            last = (rec["start"], rec["end"])
            counts[set_name][rec.get("kind")] += 1
            if verbose:
                print(f"{jl.name}\t{rec['start']}\t{rec['end']}\t{rec['kind']}\t{rec['text']}")
    for name, info in set_roles(paths).items():
        if info["role"] not in ROLES:
            errors.append(f"{SETS_TABLE}: set {name!r} has role {info['role']!r}, not one of {ROLES}")
    try:
        first_runs(paths)
    except GoldError as exc:
        errors.append(str(exc))
    n_general = sum(langs.values())
    if n_general < 18:
        errors.append(f"only {n_general} general texts (need >= 18)")
    for lang in ("ar", "fa", "en"):
        if langs[lang] < 6:
            errors.append(f"only {langs[lang]} general texts in {lang} (need >= 6)")
    return errors, {"counts": counts, "langs": langs}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    errors, info = check_all(verbose="-v" in argv)
    for set_name, c in info["counts"].items():
        total = sum(c.values())
        per_kind = ", ".join(f"{k}={c[k]}" for k in KINDS)
        print(f"{set_name}: {total} mentions ({per_kind})")
    print("general texts per language:", dict(info["langs"]))
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("gold OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
