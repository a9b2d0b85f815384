"""The discrepancy register as a reader reads it: each case in words.

The register (``analysis.evidence.register``) writes an ``explanation`` for
its data file, with the project's codes in it (claim and fact ids, entity
ids, snake_case units). A reader gets the same findings in words: each
sentence is built here from the register's structured columns and its typed
findings, the claims and facts they name, and the labels (``data/labels/``:
units, measures, qualifiers, fact titles; ``register.csv``: kinds and
statuses; ``families.csv``: measure families). Claim ids stay, as the badges
``render.claim_ref`` makes of them; nothing else of the codes reaches the page.

What a case says is the register's: which claims and facts, which kinds,
which status, where it entered. Only the wording is made here.
"""
from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Optional

import pandas as pd

from ..display import render
from ..display.dates import in_words
from ..display.labels import Labels, format_number, load_labels
from ..evidence import measures, register
from ..evidence.claims import Claim
from ..evidence.facts import Fact, split_ids
from ..evidence.measures import Figure
from ..paths import Paths

# "not located: it may have entered at a, b or c; X's text (…) does not show it; not checked: a, b"
_MAY_HAVE = re.compile(r"it may have entered at ([a-z0-9, -]+?) or ([a-z0-9-]+)(?:;|$)")
_NOT_CHECKED = re.compile(r"not checked: ([a-z0-9, -]+)$")
_ARTICLE_NO = re.compile(r"\s*\(article \d+\)")


def _csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def join_words(items: Iterable[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


@dataclass(frozen=True)
class Words:
    """Everything a sentence about the evidence needs to say codes in words."""

    labels: Labels
    articles: Mapping[str, str]                 # article id → "Akhbar Al Aan, November 2019"
    kinds: Mapping[str, tuple[str, str]]        # register kind → (words, meaning)
    statuses: Mapping[str, tuple[str, str]]     # register status → (words, meaning)
    families: Mapping[str, str]                 # measure family → words
    entity_kinds: Mapping[str, str] = field(default_factory=dict)   # entity id → platform, person…
    relations: Mapping[str, str] = field(default_factory=dict)      # one-voice relation → words

    # --- names -------------------------------------------------------------------------
    def name(self, entity: str) -> str:
        """An entity by name; an unnamed outlet without the article number its name carries
        ('the unnamed Arabic-language outlet')."""
        name = _ARTICLE_NO.sub("", self.labels.name(entity))
        return f"the {name}" if name[:1].islower() and not name.startswith("the ") else name

    def names(self, ids: object, last: str = "and") -> str:
        ids = split_ids(ids) if isinstance(ids, str) else list(ids or [])
        return join_words([self.name(e) for e in ids], last)

    def fact(self, fact_id: str) -> str:
        return self.labels.fact(fact_id)

    def article(self, article_id: str) -> str:
        return self.articles.get(article_id, article_id)

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind, (kind, ""))[0]

    def status(self, status: str) -> str:
        return self.statuses.get(status, (status, ""))[0]

    def status_meaning(self, status: str) -> str:
        return self.statuses.get(status, ("", status))[1]

    def relation(self, relation: str) -> str:
        """How two sources are one voice ('same_person' → 'the same person')."""
        return self.relations.get(relation, relation)

    def family(self, fam: Optional[str]) -> str:
        return self.families.get(fam or "", fam or "")

    def unit(self, unit: Optional[str], value: Optional[float] = None) -> str:
        return self.labels.unit(unit, value)

    def measure(self, measure: Optional[str]) -> str:
        return self.labels.measure(measure)

    # --- figures -----------------------------------------------------------------------
    def figure(self, fig: Optional[Figure], issuer: bool = False) -> str:
        """'about 26,000 websites and accounts closed' (with ', by Europol' when asked)."""
        if fig is None:
            return ""
        measure = self.said_measure(fig.unit, fig.measure)
        if self.noun(measure):
            return self.labels.figure(fig.value, None, fig.qualifier, measure)
        if fig.qualifier == "range":
            text = self.labels.figure(fig.low, fig.unit, "range", measure, fig.high)
        else:
            text = self.labels.figure(fig.value, fig.unit, fig.qualifier, measure)
        if issuer and fig.issuer:
            text += f" ({self.names(fig.issuer)})"
        return text

    def fact_figure(self, f: Fact) -> str:
        """A fact's figure in its source's own words for the number ('almost 100 channels seen')."""
        if not f.numeric:
            return ""
        number = f.value or format_number(f.value_low if f.value_low is not None else f.value_high)
        value = f.value_low if f.value_low is not None else f.value_high
        measure = self.said_measure(f.unit, f.measure)
        unit = "" if self.noun(measure) else self.unit(f.unit, value)
        return " ".join(p for p in (number, unit, self.measure(measure)) if p)

    def said_measure(self, unit: Optional[str], measure: Optional[str]) -> Optional[str]:
        """The measure, unless saying it repeats the unit ('3 days lasting', '0 disclosures
        disclosures'): a duration or a count of the thing itself says it all."""
        if measure == "duration" or (unit and self.measure(measure) in (self.unit(unit), self.unit(unit, 1))):
            return None
        return measure

    def noun(self, measure: Optional[str]) -> bool:
        """A measure worded as a plural noun names what was counted ('26 defendants')."""
        return bool(measure) and self.measure(measure) == measure and measure.endswith("s")

    def counted(self, unit: Optional[str], measure: Optional[str]) -> str:
        """What a figure counts and what was done, for a chart row: 'items · referred',
        'days' (a duration), 'defendants'."""
        said = self.said_measure(unit, measure)
        if self.noun(said):
            return self.measure(said)
        return " · ".join(p for p in (self.unit(unit), self.measure(said)) if p)

    def fact_date(self, f: Fact) -> str:
        s, e = f.date_start.isoformat(), f.date_end.isoformat()
        if f.date_precision == "year":
            return s[:4]
        if f.date_precision == "month":
            return in_words(s[:7])
        return in_words(s if s == e else f"{s}/{e}")

    def plain(self, text: object, ids: bool = False) -> str:
        """Text written for the data with codes in it (a grade's reason, a computed
        message): fact ids by title, entity ids by name, units and measures in words,
        dates in words. ``measures.describe``'s figures ('at least 26,000 item
        (referred, europol;eurojust)') are rewritten whole first. With ``ids``, the
        text is known to be generated, and every lower-case word that is an entity id
        ('read via bbc', 'crest and isd') is a name too."""
        if text is None:
            return ""
        s = _DESCRIBED.sub(self._described, str(text))
        s = _PAREN_IDS.sub(lambda m: "(" + self.names(m.group(1).replace(", ", ";")) + ")"
                           if all(i in self.labels.names for i in re.split(r";|, ", m.group(1))) else m.group(0), s)
        if ids:
            s = re.sub(r"(?<![\w'-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w'-])",
                       lambda m: self.name(m.group(0)) if m.group(0) in self.labels.names else m.group(0), s)
        return self.labels.plain(s)

    def _described(self, m: re.Match) -> str:
        qual = {"at least": "at_least", "at most": "at_most", "about": "approx"}.get(m.group("q") or "", "exact")
        value = float(m.group("v").replace(",", ""))
        fig = self.labels.figure(value, m.group("u"), qual, m.group("m"))
        who = m.group("i")
        return f"{fig} ({self.names(who)})" if who and who != "no issuer" else fig


# measures.describe: "[at least |at most |about ]N unit (measure, issuer)"
_DESCRIBED = re.compile(r"(?:(?P<q>at least|at most|about) )?(?P<v>\d[\d,]*(?:\.\d+)?) (?P<u>[a-z_]+) "
                        r"\((?P<m>[a-z_]+), (?P<i>[a-z0-9;-]+|no issuer)\)")
# an entity list in brackets: "(europol;eurojust)", "(telegram)"
_PAREN_IDS = re.compile(r"\(([a-z0-9-]+(?:(?:;|, )[a-z0-9-]+)*)\)")


def load_words(paths: Paths, corpus=None, entity_kinds: Optional[Mapping[str, str]] = None) -> Words:
    """The words for every code the register and the takedown chapter show (articles
    named from ``corpus``'s manifest rows)."""
    labels = load_labels(paths)
    reg = _csv(paths.data / "labels" / "register.csv")
    kinds = {r["code"]: (r["words"], r["meaning"]) for r in reg if r["field"] == "kind"}
    statuses = {r["code"]: (r["words"], r["meaning"]) for r in reg if r["field"] == "status"}
    relations = {r["code"]: r["words"] for r in reg if r["field"] == "relation"}
    families = {r["family"]: r["words"] for r in _csv(paths.data / "labels" / "families.csv")}
    arts = labels.article_names((a.id, a.row.outlet, a.row.published) for a in corpus) if corpus is not None else {}
    return Words(labels, arts, kinds, statuses, families, dict(entity_kinds or {}), relations)


def words_for(ev) -> Words:
    """``load_words`` for a loaded ``Evidence``."""
    return load_words(ev.paths, ev.corpus, ev.kinds)


# --- the register's findings, case by case ------------------------------------------------
def case_findings(ev) -> dict[str, list[register.Finding]]:
    """The register's typed findings (kind, claims, facts, status, entry point) under
    the case each belongs to, computed as ``build_register`` computes them."""
    out: dict[str, list[register.Finding]] = {c: [] for c in ev.register["case"]}
    cases = [(r["case"], r["article"], set(split_ids(r["claims"])), set(split_ids(r["facts"])))
             for _, r in ev.register.iterrows()]
    for f in ev.findings:
        home = [case for case, art, cs, fs in cases
                if art == f.article and set(f.claims) <= cs and set(f.facts) <= fs]
        if len(home) != 1:
            raise ValueError(f"finding {f.kind} {f.claims} {f.facts} belongs to {len(home)} register cases")
        out[home[0]].append(f)
    return out


@dataclass
class CaseText:
    """One register case in words. ``sentences`` and ``entered`` hold claim ids, which
    ``case_html`` makes into badges; nothing else in them is a code."""

    case: str
    anchor: str
    article: str
    status: str
    status_meaning: str
    kinds: list[str]
    claims: list[str]
    facts: list[str]                # fact titles
    sentences: list[str]
    entered: list[str]


def case_anchor(case_id: str) -> str:
    """The HTML id of a case ('d-001-02' → 'case-001-02'; a case between issuers keeps its key)."""
    return "case-" + re.sub(r"^d-", "", case_id)


def said(measure: Optional[str]) -> str:
    """A measure as the source words it, in quotation marks ('“shut down”')."""
    return f"“{(measure or '').replace('_', ' ')}”"


def _say(ids: list[str], one: str, many: str) -> str:
    return f"{join_words(ids)} {one if len(ids) == 1 else many}"


def _bound(fig: Figure) -> str:
    word = {"at_least": "more than", "at_most": "at most", "approx": "about", "exact": "exactly",
            "range": "between"}[fig.qualifier]
    return f"{word} {format_number(fig.value)}"


def merge_findings(found: list[register.Finding]) -> list[register.Finding]:
    """The same difference found for several claims is said once, for all of them
    (as the register's explanation does)."""
    merged: dict[tuple, register.Finding] = {}
    for f in found:
        if len(f.claims) == 1:
            key = (f.kind, f.facts, f.status, f.sentence.replace(f.claims[0], "\x00"))
        else:
            key = (f.kind, f.facts, f.status, f.sentence, f.claims)
        if key in merged:
            g = merged[key]
            merged[key] = replace(g, claims=tuple(dict.fromkeys(g.claims + f.claims)))
        else:
            merged[key] = f
    return list(merged.values())


def finding_sentence(f: register.Finding, claims: Mapping[str, Claim], facts: Mapping[str, Fact],
                     w: Words) -> str:
    """One typed finding in words (the register's template for its kind, said with labels)."""
    cs = [claims[i] for i in f.claims]
    fs = [facts[i] for i in f.facts]
    ids = list(f.claims)
    c = cs[0] if cs else None

    def src(x: Fact) -> str:   # who a fact is from
        return w.names(x.origin) or f"the source («{w.fact(x.id)}»)"

    def titled(x: Fact) -> str:
        return f"the source («{w.fact(x.id)}»)"

    if f.kind == "measure":
        fam = lambda m: w.family(measures.family(m))
        if f.status == "disputed" and len(fs) == 2:
            other, followed = fs
            return (f"{_say(ids, 'says', 'say')} {said(c.measure)} as {src(followed)} "
                    f"{'says' if len(followed.issuer) <= 1 else 'say'} {said(followed.measure)}, where "
                    f"{src(other)} {'says' if len(other.issuer) <= 1 else 'say'} {said(other.measure)} "
                    f"(a {fam(other.measure)}): co-issuers of one figure word it differently, and the claim "
                    "follows one of them.")
        other = fs[0]
        return (f"{_say(ids, 'says', 'say')} {said(c.measure)} (a {fam(c.measure)}) where {src(other)} "
                f"{'says' if len(other.issuer) <= 1 else 'say'} {said(other.measure)} "
                f"(a {fam(other.measure)}): a different act.")
    if f.kind == "unit":
        units = join_words(list(dict.fromkeys(w.unit(x.unit) for x in fs)), "or")
        return (f"{_say(ids, 'counts', 'count')} {w.unit(c.unit)} where {join_words([src(x) for x in fs])} "
                f"{'count' if len(fs) > 1 or len(fs[0].issuer) > 1 else 'counts'} {units}.")
    if f.kind == "value" and "is graded" in f.sentence:      # no coded field differs
        word = {4: "doubtful", 5: "improbable"}.get(c.grade.credibility, "doubtful")
        return (f"{ids[0]} is graded {word} against {join_words(['«' + w.fact(x.id) + '»' for x in fs])} and "
                "no coded field differs: what the claim names differs. The claim: "
                f"“{c.translation}”; the source: “{fs[0].fact}”.")
    if f.kind in ("value", "count") and not cs:       # between issuers
        a, b = fs
        return (f"{src(a)} {'has' if len(a.issuer) <= 1 else 'have'} {w.fact_figure(a)}; {src(b)} "
                f"{'has' if len(b.issuer) <= 1 else 'have'} {w.fact_figure(b)}: issuers counting "
                "differently, a difference to show with both sources, not an error to assign.")
    if f.kind == "value":
        target = _target(fs)
        told = w.figure(target)
        who = join_words([src(x) for x in fs]) if len({x.origin for x in fs}) > 1 else src(fs[0])
        if f.status == "possible":
            return (f"{ids[0]} gives {w.figure(c.figure())}; {who} gives {told}: fewer, and "
                    f"{said(c.measure)} may count a subset of {said(target.measure)}, so the "
                    "difference is possible, not certain.")
        return (f"{ids[0]} gives {w.figure(c.figure())}; {who} gives {told}: outside the source's bounds "
                "even allowing both qualifiers.")
    if f.kind == "count":
        target = _target(fs)
        tail = ": a subset or another counting base is possible." if f.status == "possible" else "."
        return (f"The head count differs ({format_number(c.value)} against {format_number(target.value)} "
                f"{w.unit(c.unit)}){tail}")
    if f.kind == "qualifier":
        target = _target(fs)
        stated = f"“{fs[0].value}”" if len(fs) == 1 else _bound(target)
        flipped = target.qualifier in ("at_least", "at_most")
        return (f"{ids[0]} says {_bound(c.figure())} where {join_words([src(x) for x in fs])} says {stated}: "
                + ("the bound is flipped." if flipped else "a bound the source does not state."))
    if f.kind == "merged":
        parts = []
        for cl in cs:
            own = [x for x in fs if x.id in cl.facts and not set(x.issuer) & set(cl.attribution[:-1])]
            parts.append(f"{cl.id}: " + ", ".join(f"«{w.fact(x.id)}»" for x in own))
        return (f"{join_words(ids)} present figures of different issuers and measures as one "
                f"{said(cs[0].measure)} total ({'; '.join(parts)}).")
    if f.kind == "conflict":
        x = fs[0]
        who = w.name(c.issuer)
        tail = (": one party's word against the other's, and neither can be checked."
                if f.status == "unresolved" else ".")
        return (f"{join_words(ids)} ({who}) {'says' if len(ids) == 1 else 'say'} {w.names(x.issuer)} cooperated "
                f"or gave data; {w.names(x.issuer)}'s own statement ({w.fact(x.id)}) counts "
                f"{w.fact_figure(x)}{tail}")
    if f.kind == "place":
        x = fs[0]
        return f"{ids[0]} places it in {c.place}; {titled(x)} has {x.place}."
    if f.kind == "date":
        x = fs[0]
        others = [g for g in facts.values() if g.id != x.id and g.id in c.facts
                  and c.dates() and g.date_start <= c.dates()[1] and c.dates()[0] <= g.date_end]
        also = "".join(f"; {in_words(c.event_date)} is the date of «{w.fact(g.id)}», another event" for g in others[:1])
        return f"{ids[0]} dates it {in_words(c.event_date)}; {titled(x)} has {w.fact_date(x)}{also}."
    if f.kind == "attribution":
        x = fs[0]
        if "words through" in f.sentence:
            for p in x.person:
                if p in c.attribution:
                    i = c.attribution.index(p)
                    relay = c.attribution[i - 1]
                    return (f"{_say(ids, 'presents', 'present')} {w.name(p)}'s words through {w.name(relay)}; "
                            f"{titled(x)} has no {w.name(relay)} among its sources.")
        persons = [a for a in c.actors if w.entity_kinds.get(a) == "person"]
        return f"{ids[0]} credits {w.names(persons)}; {titled(x)} credits {w.names(x.person)}."
    if f.kind == "internal":
        if all(cl.numeric for cl in cs) and len(cs) == 2:
            a, b = cs
            return (f"{a.id} and {b.id}, in the same article, give {format_number(a.value)} as "
                    f"{w.unit(a.unit)} and as {w.unit(b.unit)}.")
        no = [cl.id for cl in cs if cl.type == "non_cooperation"]
        yes = [cl.id for cl in cs if cl.type == "cooperation"]
        shared = set.intersection(*(set(cl.actors) for cl in cs)) if cs else set()
        return (f"The article says {w.names(sorted(shared)) or 'a party'} did not cooperate ({join_words(no)}) "
                f"and that it did ({join_words(yes)}).")
    return w.plain(f.sentence)


def _target(fs: list[Fact]) -> Figure:
    """The figure a claim was checked against: one fact's, or one issuer's days added."""
    figs = [x.figure() for x in fs if x.numeric]
    if len(figs) == 1:
        return figs[0]
    try:
        return measures.total(figs)
    except measures.IncompatibleMeasures:
        return figs[0]


def entered_sentences(case: pd.Series, found: list[register.Finding], claims: Mapping[str, Claim],
                      facts: Mapping[str, Fact], w: Words) -> list[str]:
    """Where the difference entered the chain of retelling, in words (the register's
    ``entered_at`` and the basis of each finding)."""
    entered = case["entered_at"]
    status = case["status"]
    outlet = claims[split_ids(case["claims"])[0]].attribution[0] if case["claims"] else ""
    by_kind: dict[str, list[register.Finding]] = {}
    for f in found:
        by_kind.setdefault(f.kind, []).append(f)

    def at(link: str, basis: str) -> str:
        if link == register.NOT_LOCATED:
            m, n = _MAY_HAVE.search(basis), _NOT_CHECKED.search(basis)
            if m and n:
                maybe = [w.name(e) for e in m.group(1).split(", ")] + [w.name(m.group(2))]
                unread = [w.name(e) for e in n.group(1).split(", ")]
                return (f"not located: it may have entered at {join_words(maybe, 'or')}; the text of "
                        f"{join_words(unread)} was not read, so the change cannot be placed.")
            return "not located: a link that could have made the change was not read."
        if "already joins them" in basis:
            return f"entered at {w.name(link)}, whose own text already joins them under one measure."
        if "already shows it" in basis:
            return f"entered at {w.name(link)}, whose own text already shows it."
        if basis.startswith("off the chain"):
            return (f"entered at {w.name(link)}, off the chain of retelling: its own text says it first, "
                    "and the chain follows that wording.")
        if "inside the article" in basis and "outermost" not in basis:
            return f"entered inside the article ({w.name(link)})."
        if link == outlet or "outermost outlet" in basis:
            return (f"entered at {w.name(link)}, the article's own outlet: the sources it relays, as read, "
                    "do not show it.")
        return f"entered at {w.name(link)}."

    def unassigned(basis: str, fs: list[register.Finding]) -> str:
        if basis.startswith("between co-issuers"):
            pair = next((f.facts for f in fs if f.kind == "measure" and len(f.facts) == 2), ())
            who = "; ".join(w.names(facts[i].origin) for i in reversed(pair)) if pair else "two co-issuers"
            return f"a difference between co-issuers ({who}), not an error, so no link is named."
        if basis.startswith("conflicting statements"):
            return "conflicting statements: neither side is taken, so no link is named."
        if basis.startswith("between issuers"):
            return "issuers counting differently: nothing to assign to a link."
        return f"{w.status(status)}: not an error, so no link is named."

    out = []
    if entered and "=" in entered:
        points = dict(p.strip().split("=", 1) for p in entered.split(";"))
        for kind in split_ids(case["kinds"]):
            fs = by_kind.get(kind, [])
            if kind in points:
                basis = next((f.basis for f in fs if f.entered_at == points[kind]), "")
                out.append(f"{w.kind(kind).capitalize()}: {at(points[kind], basis)}")
            else:
                basis = next((f.basis for f in fs if f.basis), "")
                out.append(f"{w.kind(kind).capitalize()}: {unassigned(basis, fs)}")
        return out
    if entered:
        basis = "; ".join(dict.fromkeys(f.basis for f in found if f.entered_at == entered))
        text = at(entered, basis)
    else:
        text = unassigned(next((f.basis for f in found if f.basis), ""), found)
    return [text[0].upper() + text[1:]]


def case_text(case: pd.Series, found: list[register.Finding], claims: Mapping[str, Claim],
              facts: Mapping[str, Fact], w: Words) -> CaseText:
    sentences = list(dict.fromkeys(finding_sentence(f, claims, facts, w) for f in merge_findings(found)))
    fact_ids = split_ids(case["facts"])
    return CaseText(
        case=case["case"], anchor=case_anchor(case["case"]),
        article=w.article(case["article"]) if case["article"] else "between the sources",
        status=w.status(case["status"]), status_meaning=w.status_meaning(case["status"]),
        kinds=[w.kind(k) for k in split_ids(case["kinds"])], claims=split_ids(case["claims"]),
        facts=[w.fact(i) for i in fact_ids], sentences=sentences,
        entered=entered_sentences(case, found, claims, facts, w))


def register_texts(ev, w: Words) -> list[CaseText]:
    """Every register case in words, in the register's order."""
    found = case_findings(ev)
    claims = {c.id: c for c in ev.claims}
    facts = {f.id: f for f in ev.facts}
    return [case_text(r, found[r["case"]], claims, facts, w) for _, r in ev.register.iterrows()]


def with_badges(text: str, known: Iterable[str], base: str = "articles/") -> str:
    """Escaped text (Arabic runs marked) whose claim ids are claim badges."""
    wanted = set(known)
    return render.CLAIM_ID.sub(lambda m: render.claim_ref(m.group(1), base) if m.group(1) in wanted
                               else m.group(1), render.mixed(text))


def status_class(status_words: str) -> str:
    """A CSS class for a status ('possible difference' → 'td-st-possible-difference')."""
    return "td-st-" + re.sub(r"[^a-z]+", "-", status_words.lower()).strip("-")


def case_html(ct: CaseText, base: str = "articles/", head: bool = True) -> str:
    """One case as a card: status and what differs, the article and its claims (the
    head; without it, only the claims), each finding, where it entered, the sources."""
    badges = " ".join(render.claim_ref(c, base) for c in ct.claims)
    if head:
        top = (f'<p class="td-case-head"><span class="td-status {status_class(ct.status)}">'
               f'{html.escape(ct.status.capitalize())}</span> <span class="td-case-kinds">'
               f'{html.escape(join_words(ct.kinds))}</span> · <span class="td-case-article">'
               f'{render.mixed(ct.article)}</span>{" " + badges if badges else ""}</p>')
    else:
        top = f'<p class="td-case-head">Claims: {badges}</p>' if badges else ""
    body = "".join(f"<p>{with_badges(s, ct.claims, base)}</p>" for s in ct.sentences)
    where = "".join(f'<p class="td-case-entered"><strong>Where it entered.</strong> '
                    f"{with_badges(s, ct.claims, base)}</p>" for s in ct.entered[:1])
    where += "".join(f'<p class="td-case-entered">{with_badges(s, ct.claims, base)}</p>' for s in ct.entered[1:])
    sources = (f'<p class="td-case-facts"><strong>Sources checked:</strong> '
               f'{html.escape("; ".join(ct.facts))}.</p>') if ct.facts else ""
    return (f'<section class="td-case" id="{html.escape(ct.anchor)}" aria-label="{html.escape(ct.status)}: '
            f'{html.escape(ct.article)}">{top}{body}{where}{sources}</section>')


def case_summary(ct: CaseText) -> str:
    """A case in one line, for the summary of its fold: status, what differs, the article."""
    return f"{ct.status.capitalize()}: {join_words(ct.kinds)} ({ct.article})"


def case_fold(ct: CaseText, base: str = "articles/") -> str:
    """A case folded under its one-line summary. The case keeps its anchor inside the
    fold: a link to it opens the fold (browsers reveal a target inside a closed
    ``details``)."""
    return render.folded(case_summary(ct), case_html(ct, base, head=False),
                         css_class=f"fold td-case-fold {status_class(ct.status)}")
