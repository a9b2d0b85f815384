"""Words for the project's codes: what a reader sees instead of an id.

One place gives every code a display label, from data (``data/labels/`` for
units, measures and qualifiers; ``data/codebook/`` for claim types and grades;
``data/gazetteer/entities.csv`` and ``data/reference/entities-extra.csv`` for
names), so the chapters and pages cannot each spell them their own way. A
code with no label is shown as it is, and ``tests/test_labels.py`` fails on it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import Paths
from .dates import in_words

UNNAMED_OUTLET = "unnamed outlet"
LANGUAGE_NAMES = {"ar": "Arabic", "fa": "Persian", "en": "English", "und": "undetermined"}
# An ISO date, month or interval; a code: a hyphen- or underscore-joined lower-case id.
_ISO_SPAN = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?:/\d{4}-\d{2}(?:-\d{2})?)?(?![\w-])")
_CODE = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")


_PLAIN_NOUN = re.compile(r"[a-z]+")


def plural(noun: str) -> str:
    """The regular English plural of a singular noun: hostage -> hostages,
    city -> cities, church -> churches, bus -> buses."""
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def format_number(x: float) -> str:
    """A figure as the book prints it: thousands separators, no trailing zeros."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def share(part: int, whole: int) -> str:
    """How much of a whole a count is, in the one word a headline may use for it
    ("most" only for more than half): All, Most, Half, Fewer than half, None."""
    if whole <= 0 or part < 0 or part > whole:
        raise ValueError(f"share of {part} in {whole}")
    if part == whole:
        return "All"
    if part == 0:
        return "None"
    if 2 * part == whole:
        return "Half"
    return "Most" if 2 * part > whole else "Fewer than half"


@dataclass(frozen=True)
class Labels:
    units: dict[str, tuple[str, str]]      # unit → (one, many)
    measures: dict[str, str]
    qualifiers: dict[str, str]
    types: dict[str, tuple[str, str]]      # claim type → (words, highlight group)
    grades: dict[str, str]                 # "A" → "completely reliable", "1" → "confirmed"
    names: dict[str, str]                  # entity id → name
    facts: dict[str, str]                  # fact id → short title
    article_overrides: dict[str, str]      # article id → a curated label (data/labels/articles.csv)

    def unit(self, unit: str | None, value: float | None = None) -> str:
        """The unit's words for ``value`` of it. A plain English noun with no
        row (the extractor gives the singular of a counted English noun it
        has no row for: hostage) reads as itself, in the plural when more
        than one; any other code as it is."""
        if not unit:
            return ""
        words = self.units.get(unit)
        if words is None:
            words = (unit, plural(unit) if _PLAIN_NOUN.fullmatch(unit) else unit)
        one, many = words
        return one if value == 1 else many

    def measure(self, measure: str | None) -> str:
        return self.measures.get(measure or "", measure or "")

    def qualifier(self, qualifier: str | None) -> str:
        return self.qualifiers.get(qualifier or "", qualifier or "")

    def type(self, claim_type: str) -> str:
        return self.types.get(claim_type, (claim_type, "other"))[0]

    def highlight(self, claim_type: str) -> str:
        return self.types.get(claim_type, (claim_type, "source"))[1]

    def name(self, entity: str) -> str:
        return self.names.get(entity, entity)

    def article_names(self, articles) -> dict[str, str]:
        """Each article's label, from (id, outlet, published) rows: a curated one
        where ``data/labels/articles.csv`` has it, else outlet and date."""
        return article_labels(list(articles), self.article_overrides)

    def fact(self, fact_id: str) -> str:
        return self.facts.get(fact_id, fact_id)

    def plain(self, text: object) -> str:
        """Generated text with the project's codes in it, in words: fact ids by title,
        entity ids by name, snake_case units and measures in words, ISO dates in
        words. A fallback for text made for the data files; prefer building the
        sentence from labels in the first place."""
        if text is None:
            return ""
        s = str(text)
        s = _ISO_SPAN.sub(lambda m: in_words(m.group(0)), s)
        s = _CODE.sub(lambda m: self._code_words(m.group(0)), s)
        return s

    def _code_words(self, code: str) -> str:
        if code in self.facts:
            return f"«{self.facts[code]}»"
        if code in self.names:
            return self.names[code]
        if code in self.units:
            return self.units[code][1]
        if code in self.measures:
            return self.measures[code]
        if code in self.qualifiers and self.qualifiers[code]:
            return self.qualifiers[code]
        if code in self.types:
            return self.types[code][0]
        return code

    def grade(self, code: str) -> str:
        """'C3' → 'C3: fairly reliable source, possibly true'."""
        if len(code) != 2:
            return code
        return f"{code}: {self.grades.get(code[0], code[0])} source, {self.grades.get(code[1], code[1])}"

    def figure(self, value: float | None, unit: str | None = None, qualifier: str | None = None,
               measure: str | None = None, value_high: float | None = None) -> str:
        """'about 26,000 websites and accounts closed'."""
        if value is None:
            return ""
        if value_high is not None and value_high != value:
            num = f"{format_number(value)} to {format_number(value_high)}"
        else:
            word = self.qualifier(qualifier)
            num = f"{word} {format_number(value)}".strip()
        return " ".join(p for p in (num, self.unit(unit, value), self.measure(measure)) if p)


@lru_cache(maxsize=4)
def _load(root: str) -> Labels:
    paths = Paths(Path(root))
    units = {r["unit"]: (r["one"], r["many"]) for r in _rows(paths.data / "labels" / "units.csv")}
    measures = {r["measure"]: r["words"] for r in _rows(paths.data / "labels" / "measures.csv")}
    qualifiers = {r["qualifier"]: r["words"] for r in _rows(paths.data / "labels" / "qualifiers.csv")}
    types = {r["type"]: (r["words"], r["highlight"])
             for r in _rows(paths.data / "codebook" / "claim-types.csv")}
    grades = {r["code"]: r["name"] for r in _rows(paths.data / "codebook" / "admiralty.csv")}
    names = {r["id"]: r["name_en"] for r in _rows(paths.gazetteer / "entities.csv")}
    extra = paths.reference / "entities-extra.csv"
    if extra.is_file():
        names.update({r["id"]: r["name_en"] for r in _rows(extra) if r.get("name_en")})
    facts = {r["fact"]: r["title"] for r in _rows(paths.data / "labels" / "facts.csv")}
    arts = paths.data / "labels" / "articles.csv"
    overrides = {r["article"]: r["label"] for r in _rows(arts)} if arts.is_file() else {}
    return Labels(units, measures, qualifiers, types, grades, names, facts, overrides)


def load_labels(paths: Paths) -> Labels:
    return _load(str(paths.root))


def outlet_name(outlet: str) -> str:
    """The outlet as a short name: the manifest's text without its Arabic-script
    gloss ("Akhbar Al Aan (أخبار الآن)" → "Akhbar Al Aan"), or 'unnamed outlet'."""
    name = re.sub(r"\s*\([^)]*[\u0600-\u06ff][^)]*\)", "", outlet or "").strip(" ,")
    return " ".join(name.split()) or UNNAMED_OUTLET


def article_labels(articles: list[tuple[str, str, str]], overrides: dict[str, str] | None = None) -> dict[str, str]:
    """How the book names each article, from (id, outlet, published): 'Akhbar Al
    Aan, November 2019', or the curated label in ``overrides``; the article
    number is added where two would still read alike."""
    plain = {}
    for aid, outlet, published in articles:
        label = (overrides or {}).get(aid) or f"{outlet_name(outlet)}, {in_words(published)}"
        plain[aid] = label[0].upper() + label[1:]
    counts: dict[str, int] = {}
    for label in plain.values():
        counts[label] = counts.get(label, 0) + 1
    return {aid: f"{label} (article {aid})" if counts[label] > 1 else label
            for aid, label in plain.items()}


def confidence_words(paths: Paths) -> dict[str, str]:
    """A fact's ``confidence`` (primary, secondary, unverified) in words, from
    ``data/labels/confidence.csv``."""
    path = paths.data / "labels" / "confidence.csv"
    return {r["confidence"]: r["words"] for r in _rows(path)} if path.is_file() else {}


@lru_cache(maxsize=4)
def _evidence_words(root: str) -> dict[tuple[str, str], tuple[str, str]]:
    path = Paths(Path(root)).data / "labels" / "evidence.csv"
    return {(r["field"], r["code"]): (r["short"], r["words"]) for r in _rows(path)}


def evidence_words(paths: Paths) -> dict[tuple[str, str], tuple[str, str]]:
    """(field, code) → (short, words) for the evidence's own vocabulary
    (``data/labels/evidence.csv``): register kinds and statuses, fact confidences,
    date precisions. 'unresolved' → ('unresolved', "unresolved: one party's word …")."""
    return _evidence_words(str(paths.root))
