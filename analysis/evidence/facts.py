"""Reference data: primary-source facts, event keys and entity ids.

``data/reference/facts.csv`` is the curated table of what the issuers said
(see ``data/reference/README.md`` for its dictionary). Loading is strict:
any row that does not fit stops with an InputError naming the file, the line
and the fact id. ``facts_frame`` gives the normalised table that ``prepare``
writes to ``data/processed/facts.csv``.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, Optional
from urllib.parse import urlsplit

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import measures
from ..errors import InputError, validation_message
from ..paths import PATHS, Paths

FACT_COLUMNS = ("id,fact,value,value_low,value_high,unit,measure,date,date_start,date_end,"
                "date_precision,issuer,person,reporter,source_url,address_note,where_read,confidence,"
                "event").split(",")
EVENT_COLUMNS = ["id", "date_start", "date_end", "description"]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# The README keeps the place of a fact in its text, as "…; place: north-west Syria".
_PLACE = re.compile(r"place:\s*([^;()]+?)\s*$")


def has_path(url: str) -> bool:
    """A full address names a page, not only a site: ``https://upi.com`` has no path."""
    return urlsplit(url).path not in ("", "/")


@lru_cache(maxsize=None)
def lexicon_qualifiers(text: str) -> tuple[tuple[float, str], ...]:
    """(value, qualifier) of every figure in ``text``, as the extractor reads it with
    the lexicon (``data/lexicon/qualifiers.csv``): "nearly 5,000" is (5000, approx)."""
    from ..extract import extract
    return tuple((float(m.value), m.qualifier) for m in extract(text)
                 if m.kind == "quantity" and m.value is not None)


def fact_platforms(fact, kinds) -> list[str]:
    """Platforms a fact is about: its issuer if a platform, and those its words
    name (the extractor's platforms in its statement and its value). ``fact``
    is a row of the facts table (a mapping), ``kinds`` entity id -> kind."""
    from ..extract import extract

    found = {i for i in split_ids(fact["issuer"]) if kinds.get(i) == "platform"}
    text = f"{fact['fact']} ; {fact['value']}"
    found |= {m.canonical for m in extract(text) if m.kind == "platform" and m.canonical}
    return sorted(found)


def split_ids(cell: object) -> list[str]:
    """A ';'-joined cell of the curated or processed tables as a list
    (an empty or missing cell, None or NaN, is an empty list)."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return []
    return [x.strip() for x in str(cell).split(";") if x.strip()]


def read_csv_rows(path: Path, columns: list[str], paths: Paths) -> list[tuple[int, dict]]:
    """(line, row) pairs of a curated CSV with exactly ``columns`` as header."""
    name = paths.rel(path)
    if not path.is_file():
        raise InputError(name, "not found")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(name, f"is not valid UTF-8 (byte offset {err.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header != list(columns):
            raise InputError(name, f"header must be exactly {','.join(columns)} "
                                   f"(found {','.join(header or [])})", line=1)
        out = []
        for values in reader:
            if not values:
                continue
            if len(values) != len(columns):
                raise InputError(name, f"expected {len(columns)} fields, found {len(values)}",
                                 line=reader.line_num)
            out.append((reader.line_num, dict(zip(columns, values))))
    except csv.Error as err:
        raise InputError(name, f"malformed CSV ({err})", line=reader.line_num) from None
    return out


# --- entities and events ----------------------------------------------------
def load_entities(paths: Paths = PATHS) -> pd.DataFrame:
    """Every known id: the gazetteer's canonical ones plus the reference extras.

    Columns: id, kind, name_en, source (gazetteer | reference).
    """
    rows: dict[str, dict] = {}
    sources = [(paths.gazetteer / "entities.csv", "gazetteer"),
               (paths.reference / "entities-extra.csv", "reference")]
    for path, source in sources:
        name = paths.rel(path)
        if not path.is_file():
            raise InputError(name, "not found")
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for rec in reader:
                eid = (rec.get("id") or "").strip()
                if not eid:
                    continue
                if eid in rows:
                    raise InputError(name, f"id {eid!r} is already defined in {rows[eid]['source']}",
                                     line=reader.line_num)
                rows[eid] = {"id": eid, "kind": (rec.get("kind") or "").strip(),
                             "name_en": (rec.get("name_en") or eid).strip(), "source": source}
    return pd.DataFrame(sorted(rows.values(), key=lambda r: r["id"]),
                        columns=["id", "kind", "name_en", "source"])


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID_PATTERN)
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    description: str

    @field_validator("date_start", "date_end", mode="before")
    @classmethod
    def _blank(cls, v):
        return None if v == "" else v

    @property
    def window(self) -> Optional[tuple[date, date]]:
        """(first day, last day), or None for an undated event."""
        return (self.date_start, self.date_end) if self.date_start and self.date_end else None


def load_events(paths: Paths = PATHS) -> dict[str, Event]:
    path = paths.reference / "events.csv"
    out: dict[str, Event] = {}
    for line, rec in read_csv_rows(path, EVENT_COLUMNS, paths):
        try:
            ev = Event(**rec)
        except ValidationError as err:
            raise InputError(paths.rel(path), validation_message(err), line=line,
                             record=f"event {rec['id']}") from None
        if ev.id in out:
            raise InputError(paths.rel(path), f"duplicate event {ev.id}", line=line)
        out[ev.id] = ev
    return out


# --- facts ------------------------------------------------------------------
class Fact(BaseModel):
    """One row of facts.csv, with its lists split and its bounds typed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    fact: str = Field(min_length=3)
    value: str = ""
    value_low: Optional[float] = None
    value_high: Optional[float] = None
    unit: Optional[str] = Field(default=None, pattern=r"^[a-z_]+$")
    measure: Optional[str] = None
    date: str
    date_start: date
    date_end: date
    date_precision: Literal["day", "month", "year", "range"]
    issuer: list[str] = []
    person: list[str] = []
    reporter: list[str] = []
    source_url: list[str] = []
    address_note: str = ""
    where_read: str = ""
    confidence: Literal["primary", "secondary", "unverified"]
    event: str

    @field_validator("value_low", "value_high", "unit", "measure", mode="before")
    @classmethod
    def _blank_is_none(cls, v):
        return None if v == "" else v

    @field_validator("issuer", "person", "reporter", mode="before")
    @classmethod
    def _ids(cls, v):
        return split_ids(v) if isinstance(v, str) else v

    @field_validator("source_url", mode="before")
    @classmethod
    def _urls(cls, v):
        if isinstance(v, str):
            v = [u.strip() for u in v.split(" ; ") if u.strip()]
        for u in v:
            if not u.startswith("https://"):
                raise ValueError(f"address {u!r} does not start with https://")
        return v

    @field_validator("measure")
    @classmethod
    def _known_measure(cls, v):
        return measures.check_measure(v)

    @model_validator(mode="after")
    def _consistent(self) -> "Fact":
        if self.value_low is not None and self.value_high is not None and self.value_low > self.value_high:
            raise ValueError("value_low is greater than value_high")
        if (self.value_low is not None or self.value_high is not None) and not (self.unit and self.measure):
            raise ValueError("a numeric fact needs a unit and a measure")
        if self.date_start > self.date_end:
            raise ValueError("date_start is after date_end")
        # Every address names a page, or the fact says why it cannot.
        if not self.address_note.strip():
            bare = [u for u in self.source_url if not has_path(u)]
            if bare:
                raise ValueError(f"address {bare[0]!r} has no path: give the page's full address, or say "
                                 "in address_note why none exists")
            if not self.source_url:
                raise ValueError("no address: give one in source_url, or say in address_note why none exists")
        # README: unverified is "a relay of a relay, or no address".
        if not self.has_address and self.confidence != "unverified":
            raise ValueError(f"confidence {self.confidence!r} needs an address with a path "
                             "(a fact read at no full address is 'unverified')")
        return self

    # Derived views -----------------------------------------------------------
    @property
    def numeric(self) -> bool:
        return self.value_low is not None or self.value_high is not None

    @property
    def has_address(self) -> bool:
        """Read at a full address: at least one ``source_url`` names a page."""
        return any(has_path(u) for u in self.source_url)

    @cached_property       # kept with the fact, so a pickled snapshot carries it
    def qualifier(self) -> Optional[str]:
        """From the bounds (README: over N → low only; up to N → high only); equal
        bounds are ``approx`` when the lexicon reads the value's wording so ("about",
        "around", "nearly", "almost"), else ``exact``. Whether the bounds agree with
        the wording is checked by ``codebook_rules`` (the qualifier rule)."""
        lo, hi = self.value_low, self.value_high
        if lo is None and hi is None:
            return None
        if hi is None:
            return "at_least"
        if lo is None:
            return "at_most"
        if lo == hi:
            worded = lexicon_qualifiers(self.value)
            return "approx" if worded and worded[0][1] == "approx" else "exact"
        return "range"

    @property
    def place(self) -> Optional[str]:
        m = _PLACE.search(self.fact)
        return m.group(1) if m else None

    @property
    def origin(self) -> str:
        """Who the figure is from: the issuer(s), else the person(s)."""
        return ";".join(self.issuer) or ";".join(self.person)

    def figure(self) -> Optional[measures.Figure]:
        if not self.numeric:
            return None
        q = self.qualifier
        lo, hi = self.value_low, self.value_high
        value = lo if lo is not None else hi
        if q == "range":
            return measures.Figure.of(lo, self.unit, self.measure, self.origin, "range",
                                      value_high=hi, source=self.id)
        return measures.Figure.of(value, self.unit, self.measure, self.origin, q, source=self.id)


def load_facts(paths: Paths = PATHS, entity_ids: Optional[set[str]] = None,
               events: Optional[dict] = None) -> list[Fact]:
    """Validated facts in file order. Unknown entity ids and event keys are errors."""
    path = paths.reference / "facts.csv"
    name = paths.rel(path)
    if entity_ids is None:
        entity_ids = set(load_entities(paths)["id"])
    if events is None:
        events = load_events(paths)
    out: list[Fact] = []
    seen: dict[str, int] = {}
    for line, rec in read_csv_rows(path, FACT_COLUMNS, paths):
        where = dict(line=line, record=f"fact {rec['id']}")
        try:
            fact = Fact(**rec)
        except ValidationError as err:
            raise InputError(name, validation_message(err), **where) from None
        if fact.id in seen:
            raise InputError(name, f"duplicate id (first on line {seen[fact.id]})", **where)
        seen[fact.id] = line
        for col in ("issuer", "person", "reporter"):
            for eid in getattr(fact, col):
                if eid not in entity_ids:
                    raise InputError(name, f"unknown entity id {eid!r} in {col} (not in "
                                           "data/gazetteer/entities.csv or entities-extra.csv)", **where)
        if fact.event not in events:
            raise InputError(name, f"event {fact.event!r} is not in data/reference/events.csv", **where)
        out.append(fact)
    return out


def fact_lines(paths: Paths = PATHS) -> dict[str, int]:
    """Fact id → its line in data/reference/facts.csv (for a later check's breach)."""
    return {rec["id"]: line for line, rec in
            read_csv_rows(paths.reference / "facts.csv", FACT_COLUMNS, paths)}


def _fmt(x: Optional[float]) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def facts_frame(facts: list[Fact]) -> pd.DataFrame:
    """The normalised facts table (data/processed/facts.csv), sorted by id."""
    rows = []
    for f in sorted(facts, key=lambda f: f.id):
        rows.append({
            "id": f.id, "fact": f.fact, "value": f.value,
            "low": _fmt(f.value_low), "high": _fmt(f.value_high),
            "qualifier": f.qualifier or "", "unit": f.unit or "", "measure": f.measure or "",
            "measure_family": measures.family(f.measure) or "",
            "date": f.date, "date_start": f.date_start.isoformat(), "date_end": f.date_end.isoformat(),
            "date_precision": f.date_precision, "event": f.event,
            "issuer": ";".join(f.issuer), "person": ";".join(f.person), "reporter": ";".join(f.reporter),
            "place": f.place or "", "confidence": f.confidence,
            "source_url": " ; ".join(f.source_url), "address_note": f.address_note,
            "where_read": f.where_read,
        })
    return pd.DataFrame(rows, columns=FACTS_TABLE_COLUMNS)


FACTS_TABLE_COLUMNS = ["id", "fact", "value", "low", "high", "qualifier", "unit", "measure",
                       "measure_family", "date", "date_start", "date_end", "date_precision", "event",
                       "issuer", "person", "reporter", "place", "confidence", "source_url", "address_note",
                       "where_read"]
