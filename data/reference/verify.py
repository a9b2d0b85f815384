"""Check the curated reference data and the stand-off claim annotations.

Run from anywhere:  python data/reference/verify.py   (exit status 1 on any problem)

Checks
  * annotations: schema (pydantic), quote == raw[start:end], claim ids unique
    and well formed, canonical ids known, facts ids exist, event keys known,
    numeric claims complete, every numeric figure in each article covered by
    at least one claim span (uncovered figures are listed);
  * facts.csv: exact header, unique ids, numeric bounds parse, ISO dates,
    known ids in issuer/person/reporter, known event keys;
  * discrepancies-expected.csv / discrepancies-additional.csv: fact ids exist,
    kinds and expected values allowed, articles exist;
  * sources.bib: entries art000..art004, and one entry for every address in
    facts.csv source_url.
Reads only files under data/ (raw articles read-only).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
RAW = DATA / "raw"
ANN = DATA / "annotations"

CANONICAL = {
    "platform": "telegram twitter tamtam whatsapp facebook instagram google youtube vk rocketchat hoop nandbox riot",
    "organization": "europol eurojust eu-iru fbi interpol isis al-qaeda isd bbc fata naja belgian-federal-police "
                    "belgian-federal-prosecutor belgian-investigating-court belga reuters the-telegraph cope isna "
                    "akhbar-al-aan memri daily-beast techcrunch nashir-news-agency amaq dabiq mail-ru crest "
                    "gwu-program-on-extremism brookings norad us-government iran-judiciary tehran-revolutionary-court "
                    "islamic-parliament-of-iran",
    "person": "pavel-durov nikolai-durov kamal-hadianfar abu-bakr-al-baghdadi amarnath-amarasingam eric-van-der-sypt "
              "abdirahim-saeed jawad-al-sayegh bill-gortney vladimir-putin ruhollah-khomeini elham-abolfateh ahmed-sabry "
              "j-m-berger jonathon-morgan shiraz-maher charlie-winter bennett-clifford helen-powell",
}
PLATFORMS = set(CANONICAL["platform"].split())

FACT_COLS = ("id,fact,value,value_low,value_high,unit,measure,date,date_start,date_end,date_precision,"
             "issuer,person,reporter,source_url,where_read,confidence,event").split(",")
DISC_COLS = "case,article,claim_hint,fact_ids,kind,expected".split(",")
KINDS = set("value unit measure qualifier merged count place date attribution conflict".split())
EXPECTED = {"flag", "unresolved", "no_flag"}

ClaimType = Literal["takedown_count", "policy_statement", "cooperation", "non_cooperation", "migration", "usage",
                    "event", "feature", "platform_stats", "attribution", "other"]
ID_RE = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Grade(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reliability: Literal["A", "B", "C", "D", "E", "F"]
    credibility: int = Field(ge=1, le=6)
    reason: str = Field(min_length=3)


class Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^\d{3}-\d{2}$")
    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    translation: str = Field(min_length=1)
    type: ClaimType
    actors: list[str]
    platforms: list[str]
    value: Optional[float] = None
    value_high: Optional[float] = None
    unit: Optional[str] = Field(default=None, pattern=r"^[a-z_]+$")
    qualifier: Optional[Literal["exact", "approx", "at_least", "at_most"]] = None
    measure: Optional[str] = Field(default=None, pattern=r"^[a-z_]+$")
    event_date: Optional[str] = None
    event_date_precision: Literal["day", "month", "year", "range", "unknown"]
    event: Optional[str] = None
    place: Optional[str] = None
    attribution: list[str] = Field(min_length=1)
    facts: list[str]
    grade: Grade
    notes: Optional[str] = None


class Annotation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article: str = Field(pattern=r"^\d{3}$")
    file: str
    claims: list[Claim]


# --- figures ------------------------------------------------------------------
DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*")
SKIP = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|@\w+")  # digits inside links and handles are not figures
NUMBER_WORDS = {
    # Arabic cardinals, duals and multipliers (ordinals such as ثالث / الأول are not figures)
    "واحد", "واحدة", "أحد", "إحدى", "اثنان", "اثنين", "اثنتين", "عامين", "عامان", "سنتين", "يومين", "أسبوعين", "شهرين",
    "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة", "ثماني", "ثمانية", "تسع", "تسعة",
    "عشر", "عشرة", "عشرات", "عشرين", "عشرون", "مئة", "مائة", "مئات", "ألف", "آلاف", "الاف", "ألفا", "مليون", "ملايين",
    "مليونا", "مليار", "مليارا", "مليارات", "نصف",
    # Persian
    "یک", "یکی", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده", "صد", "هزار", "میلیون", "میلیارد", "نیم",
    # English
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundred",
    "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "half",
}
PROCLITICS = "وبلفك"
WORD = re.compile(r"[\w\u0640\u064B-\u065F\u0670]+")  # words keep their vowel marks and tatweel...
MARKS = re.compile(r"[\u0640\u064B-\u065F\u0670]")  # ...which are dropped before the look-up


def figures(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of every numeric figure in the text (digits or number words)."""
    masked = SKIP.sub(lambda m: " " * len(m.group()), text)
    found = [(m.start(), m.end(), m.group()) for m in DIGITS.finditer(masked)]
    for m in WORD.finditer(masked):
        w = MARKS.sub("", m.group()).lower()
        if w in NUMBER_WORDS or (len(w) > 2 and w[0] in PROCLITICS and w[1:] in NUMBER_WORDS):
            found.append((m.start(), m.end(), m.group()))
    return sorted(found)


# --- helpers ------------------------------------------------------------------
def read_csv(path: Path, cols: list[str], problems: list[str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != cols:
            problems.append(f"{path.name}: header {rd.fieldnames} != {cols}")
        return list(rd)


def iso_ok(s: str) -> bool:
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(s, fmt)
            return True
        except ValueError:
            pass
    return False


def event_date_ok(s: str) -> bool:
    return all(iso_ok(p) for p in s.split("/")) and 1 <= len(s.split("/")) <= 2


def split_ids(s: str) -> list[str]:
    return [x.strip() for x in s.split(";") if x.strip()]


def main() -> int:
    problems: list[str] = []
    warnings: list[str] = []

    extra = read_csv(HERE / "entities-extra.csv", ["id", "kind", "name_en", "name_native", "notes"], problems)
    known = {i for v in CANONICAL.values() for i in v.split()}
    for e in extra:
        if e["id"] in known:
            problems.append(f"entities-extra.csv: {e['id']} duplicates a canonical id")
        if e["kind"] not in ("platform", "organization", "person", "outlet"):
            problems.append(f"entities-extra.csv: {e['id']} has kind {e['kind']!r}")
        if not re.match(ID_RE, e["id"]):
            problems.append(f"entities-extra.csv: bad id {e['id']!r}")
    known |= {e["id"] for e in extra}
    platforms = PLATFORMS | {e["id"] for e in extra if e["kind"] == "platform"}
    events = {r["id"] for r in read_csv(HERE / "events.csv", ["id", "date_start", "date_end", "description"], problems)}

    # facts.csv
    facts = read_csv(HERE / "facts.csv", FACT_COLS, problems)
    fact_ids = [r["id"] for r in facts]
    for d in {i for i in fact_ids if fact_ids.count(i) > 1}:
        problems.append(f"facts.csv: duplicate id {d}")
    urls: set[str] = set()
    for r in facts:
        where = f"facts.csv ({r['id']})"
        if not re.match(ID_RE, r["id"]):
            problems.append(f"{where}: bad id")
        for c in ("value_low", "value_high"):
            if r[c]:
                try:
                    float(r[c])
                except ValueError:
                    problems.append(f"{where}: {c} {r[c]!r} is not a number")
        if r["value_low"] and r["value_high"] and float(r["value_low"]) > float(r["value_high"]):
            problems.append(f"{where}: value_low > value_high")
        if (r["value_low"] or r["value_high"]) and not (r["unit"] and r["measure"]):
            problems.append(f"{where}: numeric fact without unit or measure")
        for c in ("date_start", "date_end"):
            try:
                dt.date.fromisoformat(r[c])
            except ValueError:
                problems.append(f"{where}: {c} {r[c]!r} is not an ISO date")
        if r["date_start"] > r["date_end"]:
            problems.append(f"{where}: date_start after date_end")
        if r["date_precision"] not in ("day", "month", "year", "range"):
            problems.append(f"{where}: date_precision {r['date_precision']!r}")
        if r["confidence"] not in ("primary", "secondary", "unverified"):
            problems.append(f"{where}: confidence {r['confidence']!r}")
        for c in ("issuer", "person", "reporter"):
            for i in split_ids(r[c]):
                if i not in known:
                    problems.append(f"{where}: unknown id {i!r} in {c}")
        if r["event"] not in events:
            problems.append(f"{where}: event {r['event']!r} not in events.csv")
        for u in [x.strip() for x in r["source_url"].split(" ; ") if x.strip()]:
            if not u.startswith("https://"):
                problems.append(f"{where}: url without https:// {u!r}")
            urls.add(u)
    fact_set = set(fact_ids)

    # discrepancies
    articles = {p.name[:3]: p for p in sorted(RAW.glob("*.txt"))}
    for name in ("discrepancies-expected.csv", "discrepancies-additional.csv"):
        path = HERE / name
        if not path.exists():
            if name == "discrepancies-expected.csv":
                problems.append(f"{name}: missing")
            continue
        cols = DISC_COLS + (["note"] if name.endswith("additional.csv") else [])
        for r in read_csv(path, cols, problems):
            where = f"{name} (case {r['case']})"
            for f_ in split_ids(r["fact_ids"]):
                if f_ not in fact_set:
                    problems.append(f"{where}: unknown fact id {f_!r}")
            for k in split_ids(r["kind"]):
                if k not in KINDS:
                    problems.append(f"{where}: unknown kind {k!r}")
            if r["expected"] not in EXPECTED:
                problems.append(f"{where}: expected {r['expected']!r}")
            for a in split_ids(r["article"]):
                if a not in articles:
                    problems.append(f"{where}: unknown article {a!r}")

    # sources.bib
    bib = (HERE / "sources.bib").read_text(encoding="utf-8")
    keys = re.findall(r"@\w+\{([^,\s]+),", bib)
    for d in {k for k in keys if keys.count(k) > 1}:
        problems.append(f"sources.bib: duplicate key {d}")
    for k in ("art000", "art001", "art002", "art003", "art004"):
        if k not in keys:
            problems.append(f"sources.bib: no entry {k}")
    bib_urls = set(re.findall(r"url\s*=\s*\{([^}]*)\}", bib))
    for u in sorted(urls - bib_urls):
        problems.append(f"sources.bib: no entry for facts.csv address {u}")

    # annotations
    claim_ids: set[str] = set()
    n_claims = n_numeric = 0
    uncovered_all: list[str] = []
    for aid, path in articles.items():
        apath = ANN / f"{aid}.yaml"
        if not apath.exists():
            problems.append(f"{apath.name}: missing")
            continue
        try:
            ann = Annotation.model_validate(yaml.safe_load(apath.read_text(encoding="utf-8")))
        except ValidationError as err:
            problems.append(f"{apath.name}: schema: {err}")
            continue
        raw = path.read_bytes().decode("utf-8")
        if ann.article != aid or ann.file != path.name:
            problems.append(f"{apath.name}: article/file {ann.article}/{ann.file} != {aid}/{path.name}")
        spans = []
        for c in ann.claims:
            where = f"{apath.name} ({c.id})"
            n_claims += 1
            if not c.id.startswith(aid + "-"):
                problems.append(f"{where}: id does not start with {aid}-")
            if c.id in claim_ids:
                problems.append(f"{where}: duplicate claim id")
            claim_ids.add(c.id)
            if raw[c.start:c.end] != c.quote:
                problems.append(f"{where}: quote != raw[{c.start}:{c.end}] ({raw[c.start:c.end]!r})")
            elif raw.count(c.quote) > 1:
                warnings.append(f"{where}: quote occurs {raw.count(c.quote)} times; offsets pick one")
            spans.append((c.start, c.end))
            for i in c.actors + c.attribution:
                if i not in known:
                    problems.append(f"{where}: unknown id {i!r}")
            for i in c.platforms:
                if i not in platforms:
                    problems.append(f"{where}: unknown platform {i!r}")
            for f_ in c.facts:
                if f_ not in fact_set:
                    problems.append(f"{where}: unknown fact {f_!r}")
            if c.event is not None and c.event not in events:
                problems.append(f"{where}: event {c.event!r} not in events.csv")
            if c.event_date is None:
                if c.event_date_precision != "unknown":
                    problems.append(f"{where}: precision {c.event_date_precision} without event_date")
            else:
                if not event_date_ok(c.event_date):
                    problems.append(f"{where}: event_date {c.event_date!r} is not ISO (or A/B)")
                want = "range" if "/" in c.event_date else {10: "day", 7: "month", 4: "year"}.get(len(c.event_date))
                if c.event_date_precision != want:
                    problems.append(f"{where}: precision {c.event_date_precision} but event_date {c.event_date}")
            if c.value is not None:
                n_numeric += 1
                if not (c.unit and c.qualifier and c.measure):
                    problems.append(f"{where}: numeric claim needs unit, qualifier and measure")
                if c.value_high is not None and c.value_high < c.value:
                    problems.append(f"{where}: value_high < value")
        for s, e, surface in figures(raw):
            if not any(a <= s and e <= b for a, b in spans):
                line = raw[:s].count("\n") + 1
                uncovered_all.append(f"{path.name}:{line}: figure {surface!r} at {s}-{e} is in no claim")
    problems += uncovered_all

    for w in warnings:
        print("warning:", w)
    for p in problems:
        print("PROBLEM:", p)
    print(f"facts: {len(facts)}  claims: {n_claims}  numeric claims: {n_numeric}  "
          f"problems: {len(problems)}  uncovered figures: {len(uncovered_all)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
