"""Claim annotations (``data/annotations/NNN.yaml``): schema, loading, checking.

Each claim points into an article's raw text by offsets (stand-off). Loading
is the gate for the register: a claim that does not fit its schema, whose
quote is not exactly ``raw[start:end]``, or that names an unknown fact,
event or entity stops the build with one InputError naming the file, the
line and the claim id. See ``data/reference/README.md`` for the fields.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional

import pandas as pd
import yaml
from pydantic import (BaseModel, ConfigDict, Field, StrictInt, ValidationError, field_validator,
                      model_validator)

from . import facts as factsmod
from . import measures
from ..errors import InputError, validation_message
from ..text import yamlfile
from ..text.language import identify
from ..paths import PATHS, Paths

if TYPE_CHECKING:
    from ..corpus.articles import Corpus

ClaimType = Literal["takedown_count", "policy_statement", "cooperation", "non_cooperation", "migration",
                    "usage", "event", "feature", "platform_stats", "attribution", "other"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Precision = Literal["day", "month", "year", "range", "unknown"]
# Units the README allows in claims (what the article says was counted).
CLAIM_UNITS = frozenset("website_and_account website account item channel message message_per_day "
                        "language provider person usd day week year".split())
_ISO = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def _iso_part(s: str) -> Optional[str]:
    """The precision of one ISO date, month or year, or None if it is not one."""
    fmt = _ISO.get(len(s))
    if fmt is None:
        return None
    try:
        dt.datetime.strptime(s, fmt)
    except ValueError:
        return None
    return {4: "year", 7: "month", 10: "day"}[len(s)]


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """First and last day covered by an ISO date, month, year or interval A/B."""
    parts = text.split("/")
    start, end = parts[0], parts[-1]

    def first(s: str) -> dt.date:
        y, m, d = (s.split("-") + ["1", "1"])[:3]
        return dt.date(int(y), int(m), int(d))

    def last(s: str) -> dt.date:
        bits = s.split("-")
        if len(bits) == 1:
            return dt.date(int(bits[0]), 12, 31)
        if len(bits) == 2:
            y, m = int(bits[0]), int(bits[1])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return first(s)

    return first(start), last(end)


class Grade(BaseModel):
    """Admiralty code: reliability of the source as read, credibility of the information."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    reliability: Literal["A", "B", "C", "D", "E", "F"]
    credibility: StrictInt = Field(ge=1, le=6)
    reason: str = Field(min_length=3)

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


class Claim(BaseModel):
    """One annotated claim. ``article`` is filled in from the file, never from the YAML."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^\d{3,}-\d{2,}$")
    quote: str = Field(min_length=1)
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=1)
    translation: str = Field(min_length=1)
    type: ClaimType
    actors: list[str]
    platforms: list[str]
    value: Optional[float] = None
    value_high: Optional[float] = None
    unit: Optional[str] = Field(default=None, pattern=r"^[a-z_]+$")
    qualifier: Optional[Qualifier] = None
    measure: Optional[str] = Field(default=None, pattern=r"^[a-z_]+$")
    event_date: Optional[str] = None
    event_date_precision: Precision
    event: Optional[str] = None
    place: Optional[str] = None
    attribution: list[str] = Field(min_length=1)
    facts: list[str]
    grade: Grade
    notes: Optional[str] = None
    article: str = ""

    @field_validator("event_date", mode="before")
    @classmethod
    def _yaml_dates(cls, v):
        # YAML reads an unquoted 2013 as an int and 2019-10-27 as a date.
        if isinstance(v, (int, dt.date)) and not isinstance(v, bool):
            return v.isoformat() if isinstance(v, dt.date) else str(v)
        return v

    @field_validator("event_date")
    @classmethod
    def _iso(cls, v):
        if v is None:
            return v
        parts = v.split("/")
        if len(parts) > 2 or any(_iso_part(p) is None for p in parts):
            raise ValueError(f"{v!r} is not an ISO date, month or year, or an interval A/B")
        a, b = date_bounds(v)
        if a > b:
            raise ValueError(f"{v!r} ends before it starts")
        return v

    @field_validator("measure")
    @classmethod
    def _measure(cls, v):
        return measures.check_measure(v)

    @model_validator(mode="after")
    def _coherent(self) -> "Claim":
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        want = "unknown" if self.event_date is None else (
            "range" if "/" in self.event_date else _iso_part(self.event_date))
        if self.event_date_precision != want:
            raise ValueError(f"event_date_precision is {self.event_date_precision!r} but event_date "
                             f"{self.event_date!r} has precision {want!r}")
        if self.value is not None and not (self.unit and self.qualifier and self.measure):
            raise ValueError("a numeric claim needs unit, qualifier and measure")
        if self.value_high is not None and (self.value is None or self.value_high < self.value):
            raise ValueError("value_high needs a value no greater than it")
        return self

    # Derived views -----------------------------------------------------------
    @property
    def issuer(self) -> str:
        """Innermost link of the attribution chain: who originally said it."""
        return self.attribution[-1]

    @property
    def reporter(self) -> str:
        """Outermost link: the outlet the reader holds."""
        return self.attribution[0]

    @property
    def numeric(self) -> bool:
        return self.value is not None

    def figure(self) -> Optional[measures.Figure]:
        if self.value is None:
            return None
        return measures.Figure.of(self.value, self.unit, self.measure, self.issuer, self.qualifier,
                                  value_high=self.value_high, source=self.id)

    def dates(self) -> Optional[tuple[dt.date, dt.date]]:
        return date_bounds(self.event_date) if self.event_date else None


class Annotations(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article: str = Field(pattern=r"^\d{3,}$")
    file: str
    claims: list[dict]

    @field_validator("article", mode="before")
    @classmethod
    def _int_id(cls, v):
        return f"{v:03d}" if isinstance(v, int) and not isinstance(v, bool) else v


def _error_text(err: ValidationError) -> str:
    e = err.errors()[0]
    field = ".".join(str(p) for p in e["loc"])
    if e["type"] == "missing":
        return f"missing field {field!r}"
    if e["type"] == "literal_error":
        msg = e["msg"].removeprefix("Input should be ")
        return f"{field}: {e.get('input')!r} is not allowed ({msg})"
    return validation_message(err)


def _claim_lines(node) -> list[int]:
    """1-based line of each item under ``claims:`` (for error messages), from
    the document's node tree."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "claims" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def claim_field_lines(text: str) -> list[dict[str, int]]:
    """For each item under ``claims:``, the 1-based line of the item ("") and of each field."""
    return _field_lines(yamlfile.load_with_node(text)[1])


def _field_lines(node) -> list[dict[str, int]]:
    out: list[dict[str, int]] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "claims" and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    lines = {"": item.start_mark.line + 1}
                    if isinstance(item, yaml.MappingNode):
                        lines.update({k.value: k.start_mark.line + 1 for k, _ in item.value
                                      if isinstance(getattr(k, "value", None), str)})
                    out.append(lines)
    return out


def annotation_locations(paths: Paths = PATHS) -> dict[str, tuple[str, dict[str, int]]]:
    """Claim id → (annotation file, line of the claim ("") and of each of its fields).

    Read from files that have already passed ``load_claims``; used to name the
    line of a later check's breach (``codebook_rules``)."""
    out: dict[str, tuple[str, dict[str, int]]] = {}
    folder = paths.annotations
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        text = path.read_bytes().decode("utf-8-sig")
        data, node = yamlfile.load_with_node(text)
        data = data or {}
        for rec, lines in zip(data.get("claims") or [], _field_lines(node)):
            if isinstance(rec, dict) and "id" in rec:
                out[str(rec["id"])] = (str(paths.rel(path)), lines)
    return out


def _short(text: str, n: int = 60) -> str:
    return repr(text if len(text) <= n else text[:n] + "…")


def parse_annotation_file(path: Path, name: str, articles: dict[str, tuple[str, str]],
                          fact_ids: set[str], entity_kinds: dict[str, str], event_ids: set[str],
                          seen: dict[str, str]) -> list[Claim]:
    """Validate one annotation file. ``articles`` maps id → (file name, raw text).

    ``seen`` (claim id → file) is updated, so duplicates across files are caught.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(name, f"is not valid UTF-8 (byte offset {err.start})") from None
    try:
        data, node = yamlfile.load_with_node(text)
        lines = _claim_lines(node)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        ctx = getattr(err, "context", None)
        raise InputError(name, f"YAML does not parse: {problem}" + (f" ({ctx})" if ctx else ""),
                         line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise InputError(name, "expected a mapping with article, file and claims")
    try:
        ann = Annotations(**data)
    except ValidationError as err:
        raise InputError(name, _error_text(err)) from None
    if path.stem != ann.article:
        raise InputError(name, f"article {ann.article!r} does not match the file name {path.name}")
    if ann.article not in articles:
        raise InputError(name, f"article {ann.article!r} is not in data/articles.csv")
    file, raw = articles[ann.article]
    if ann.file != file:
        raise InputError(name, f"file {ann.file!r} is not the manifest's file for article "
                               f"{ann.article} ({file})")
    out = []
    for i, rec in enumerate(ann.claims):
        line = lines[i] if i < len(lines) else None
        cid = rec.get("id") if isinstance(rec, dict) else None
        where = dict(line=line, record=f"claim {cid}" if cid else f"claim #{i + 1}")
        if not isinstance(rec, dict):
            raise InputError(name, "a claim must be a mapping", **where)
        if "article" in rec:
            raise InputError(name, "unknown field 'article' (the article comes from the file)", **where)
        try:
            claim = Claim(**rec, article=ann.article)
        except ValidationError as err:
            raise InputError(name, _error_text(err), **where) from None
        if not claim.id.startswith(ann.article + "-"):
            raise InputError(name, f"id does not start with the article id {ann.article}-", **where)
        if claim.id in seen:
            raise InputError(name, f"duplicate claim id (also in {seen[claim.id]})", **where)
        seen[claim.id] = name
        there = raw[claim.start:claim.end]
        if there != claim.quote:
            hint = ""
            at = raw.find(claim.quote)
            if at >= 0:
                hint = f" (the quote is at {at}:{at + len(claim.quote)})"
            elif claim.end > len(raw):
                hint = f" (the text has only {len(raw)} characters)"
            raise InputError(name, f"quote is not the raw text at {claim.start}:{claim.end}; "
                                   f"the text there is {_short(there)}{hint}", **where)
        for field in ("actors", "attribution"):
            for eid in getattr(claim, field):
                if eid not in entity_kinds:
                    raise InputError(name, f"unknown entity id {eid!r} in {field}", **where)
        for eid in claim.platforms:
            if entity_kinds.get(eid) != "platform":
                raise InputError(name, f"{eid!r} in platforms is not a known platform id", **where)
        for fid in claim.facts:
            if fid not in fact_ids:
                raise InputError(name, f"fact {fid!r} is not in data/reference/facts.csv", **where)
        if claim.event is not None and claim.event not in event_ids:
            raise InputError(name, f"event {claim.event!r} is not in data/reference/events.csv", **where)
        if claim.unit is not None and claim.unit not in CLAIM_UNITS:
            raise InputError(name, f"unit {claim.unit!r} is not one of {', '.join(sorted(CLAIM_UNITS))}",
                             **where)
        out.append(claim)
    return out


def load_claims(paths: Paths = PATHS, corpus: "Corpus | None" = None,
                facts: Optional[list] = None) -> list[Claim]:
    """Every claim of every annotation file, validated, in (article, id) order.

    Articles without an annotation file simply have no claims (a new article
    is annotated after it is added); an annotation without an article is an error.
    """
    if corpus is None:
        from ..corpus.articles import load_corpus
        corpus = load_corpus(paths)
    entities = factsmod.load_entities(paths)
    entity_kinds = dict(zip(entities["id"], entities["kind"]))
    events = factsmod.load_events(paths)
    if facts is None:
        facts = factsmod.load_facts(paths, set(entity_kinds), events)
    articles = {a.id: (a.row.file, a.raw) for a in corpus}
    seen: dict[str, str] = {}
    claims: list[Claim] = []
    folder = paths.annotations
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        name = str(paths.rel(path))
        claims += parse_annotation_file(path, name, articles, {f.id for f in facts}, entity_kinds,
                                        set(events), seen)
    return sorted(claims, key=lambda c: (c.article, c.id))


def claims_frame(claims: list[Claim], languages: Optional[dict[str, str]] = None) -> pd.DataFrame:
    """The claims table (data/processed/claims.csv): one row per claim, lists joined by ';'.

    ``languages`` maps article id → manifest language, the fallback when the
    quote's own script does not tell (an English tweet inside an Arabic article
    is 'en').
    """
    languages = languages or {}
    rows = []
    for c in claims:
        rows.append({
            "id": c.id, "article": c.article, "type": c.type,
            "value": factsmod._fmt(c.value), "value_high": factsmod._fmt(c.value_high),
            "unit": c.unit or "", "qualifier": c.qualifier or "", "measure": c.measure or "",
            "measure_family": measures.family(c.measure) or "",
            "event": c.event or "", "event_date": c.event_date or "",
            "event_date_precision": c.event_date_precision, "place": c.place or "",
            "actors": ";".join(c.actors), "platforms": ";".join(c.platforms),
            "attribution": ";".join(c.attribution), "issuer": c.issuer, "reporter": c.reporter,
            "facts": ";".join(c.facts), "grade": c.grade.code, "reliability": c.grade.reliability,
            "credibility": c.grade.credibility, "grade_reason": c.grade.reason,
            "quote": c.quote, "start": c.start, "end": c.end, "translation": c.translation,
            "language": identify(c.quote, default=languages.get(c.article, "und")),
            "notes": c.notes or "",
        })
    return pd.DataFrame(rows, columns=CLAIMS_TABLE_COLUMNS)


CLAIMS_TABLE_COLUMNS = ["id", "article", "type", "value", "value_high", "unit", "qualifier", "measure",
                        "measure_family", "event", "event_date", "event_date_precision", "place",
                        "actors", "platforms", "attribution", "issuer", "reporter", "facts", "grade",
                        "reliability", "credibility", "grade_reason", "quote", "start", "end",
                        "translation", "language", "notes"]


CHAIN_SEP = " → "


def chain_text(attribution: object, names: Optional[dict[str, str]] = None) -> str:
    """An attribution chain ('a;b;c', outermost first) in words: 'A → B → C',
    with entity names where known."""
    names = names or {}
    return CHAIN_SEP.join(names.get(e, e) for e in factsmod.split_ids(attribution))
