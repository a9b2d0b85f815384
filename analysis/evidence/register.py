"""The discrepancy register: computed from claims and facts, never typed.

Every claim linked to a fact is checked against it, field by field, and
claims are checked against each other (a sentence that joins figures of two
issuers; one article giving two units for one figure; an article saying a
party both did and did not cooperate). Facts of the same event are checked
against each other (two issuers counting the same thing differently).

Each difference is typed by kind:

``value``        the figure lies outside the fact's bounds, allowing both qualifiers
``unit``         what was counted differs (channels vs accounts vs sites)
``measure``      what was done differs across families (referred vs removed)
``qualifier``    the claim states a bound its source does not ("more than 100" vs
                 "almost 100", which the lexicon reads as about), or the opposite one
``merged``       one sentence presents figures of different issuers as one total
``count``        a head count differs: a subset or another counting base is possible
``place``        the place differs from the fact's
``date``         an event's date lies outside the fact's dates
``attribution``  the chain names a relay or a person the fact does not have
``conflict``     the claim contradicts an issuer's own statement about itself
``internal``     the article contradicts itself

Findings that touch the same facts (or, for internal ones, the same claims)
in one article form one case; the explanation is generated from the typed
differences by one template per kind.

A finding's status is ``discrepancy`` (the claim is contradicted),
``disputed`` (co-issuers of one figure word it differently and the claim
follows one of them: a difference, not an error), ``possible`` (a subset or
another counting base could explain it) or ``unresolved`` (one party's word
against another's). A case takes the gravest: unresolved, discrepancy,
disputed, possible.

Where a difference entered (``entered_at``) is computed here, never coded,
under three of the codebook's rules (``codebook_rules``, where the page that
prints the rules reads them). They are rules of this computation rather than
checks run over its output, because no annotation or fact can breach them: a
check of a value that only this module writes would test the module, not the
data (tests/test_register.py and tests/test_codebook_rules.py do that):

* only a difference that is an error has an entry point: a ``possible``,
  ``disputed`` or ``unresolved`` finding carries none, nor does a case of one
  of those statuses;
* an entry point names only a link whose text was read. The chain is walked
  from the source outward: the first link whose own text (a fact read from
  it) already shows the difference is where it entered; a fact off the chain
  that shows it comes next; the outermost candidate (the outlet, whose text
  is the article) only when every link between it and the last link read was
  read too. Otherwise the entry point is ``not located``, and
  ``entered_basis`` names the links nobody read;
* a verbatim embedded quotation (an embedded tweet) cannot be where a change
  entered: the outlet that embeds it reproduces it, so its candidates stop at
  the quoted author, whose text is the quote itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Callable, Iterable, Optional

import pandas as pd

from . import measures
from .claims import Claim
from .facts import Fact
from .measures import Figure

KIND_ORDER = ("value", "unit", "measure", "qualifier", "merged", "count", "place", "date",
              "attribution", "conflict", "internal")
STATUS_ORDER = ("discrepancy", "disputed", "possible", "unresolved")
# A case takes its gravest finding's status.
STATUS_RANK = ("unresolved", "discrepancy", "disputed", "possible")
# Findings that are not errors: no link introduced them, so none is named.
NO_ENTRY = frozenset({"possible", "disputed", "unresolved"})
NOT_LOCATED = "not located"
REGISTER_COLUMNS = ["case", "article", "claims", "facts", "kinds", "status", "entered_at",
                    "entered_basis", "claim_value", "claim_unit", "claim_measure", "claim_qualifier",
                    "fact_value", "fact_unit", "fact_measure", "fact_qualifier", "explanation"]
_VERBS = ("say", "present", "count", "give", "date", "credit", "place")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_DIRECTION = {"at_least": "up", "at_most": "down"}


@dataclass
class Finding:
    kind: str
    article: str
    claims: tuple[str, ...]
    facts: tuple[str, ...]
    status: str
    sentence: str
    entered_at: str = ""
    basis: str = ""


@dataclass
class Context:
    """Everything the rules read, indexed once."""

    claims: list[Claim]
    facts: dict[str, Fact]
    entity_kinds: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)
    # article id → raw spans quoted verbatim inside it (embedded tweets)
    verbatim: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def name(self, eid: str) -> str:
        return self.names.get(eid, eid)

    def names_of(self, ids: Iterable[str]) -> str:
        return ", ".join(self.name(i) for i in ids) or "no one named"


# --- small helpers ------------------------------------------------------------
def _fig_text(fig: Figure) -> str:
    return measures.describe(fig)


def _fact_fig_text(f: Fact) -> str:
    return f"{f.value} {f.unit} ({f.measure}, {f.origin or 'no issuer'})"


def _claim_fig_text(c: Claim) -> str:
    return _fig_text(c.figure()) if c.figure() else (c.measure or "")


def _dates_overlap(a, b) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _fact_dates(f: Fact):
    return (f.date_start, f.date_end)


def _same_figure(g: Fact, f: Fact) -> bool:
    """g restates f's figure: same unit, overlapping bounds (or neither is numeric)."""
    if not (g.numeric and f.numeric):
        return not g.numeric and not f.numeric
    return measures.units_compatible(g.unit, f.unit) and g.figure().overlaps(f.figure())


def _read_from(eid: str, facts: list[Fact]) -> list[Fact]:
    """Facts whose text is that link's own: issued, spoken or relayed by it."""
    return [f for f in facts if eid in f.issuer or eid in f.reporter or eid in f.person]


def embedded_verbatim(ctx: Context, claim: Claim) -> bool:
    """The claim's quote lies inside a quotation its article reproduces verbatim (a tweet)."""
    return any(s <= claim.start and claim.end <= e for s, e in ctx.verbatim.get(claim.article, ()))


def entry_point(ctx: Context, claim: Claim, reference: list[Fact],
                shows: Callable[[Fact], bool]) -> tuple[str, str]:
    """Where along the claim's chain a difference from ``reference`` entered.

    ``shows(g)`` says whether fact g (another fact linked to the claim)
    already carries the difference. Returns (link, basis), the link being
    ``NOT_LOCATED`` when a link that could have made the change was not read.
    """
    chain = claim.attribution
    linked = [ctx.facts[i] for i in claim.facts if i in ctx.facts]
    refs = {f.id for f in reference}
    # The outermost link that could have made the change: the outlet, or, for a
    # verbatim embedded quotation, its author (the outlet only reproduces it).
    first = 1 if embedded_verbatim(ctx, claim) and len(chain) > 1 else 0
    cleared: Optional[int] = None
    clearing: list[str] = []
    for i in range(len(chain) - 1, first - 1, -1):
        read = _read_from(chain[i], linked)
        showing = [g for g in read if g.id not in refs and shows(g)]
        if showing:
            return chain[i], f"{showing[0].id} ({ctx.name(chain[i])}'s own text) already shows it"
        if read:
            cleared = i
            clearing = [g.id for g in read]
    on_chain = {g.id for e in chain for g in _read_from(e, linked)}
    # Off the chain: a co-issuer or wire on the same event may have the wording first.
    events = {f.event for f in reference}
    nearby = linked + [g for g in ctx.facts.values() if g.event in events and g not in linked]
    off = [g for g in nearby if g.id not in refs and g.id not in on_chain and shows(g)]
    if off:
        rank = {"primary": 0, "secondary": 1, "unverified": 2}
        off.sort(key=lambda g: (rank[g.confidence], g.date_start, g.id))
        first = off[0]
        followers = [g.id for g in off[1:]]
        tail = f", followed by {', '.join(followers)}" if followers else ""
        return first.origin, (f"off the chain: {first.id} ({ctx.names_of(first.issuer)}) already says "
                              f"it{tail}; the chain follows that wording")
    unchecked = chain[first + 1:cleared] if cleared is not None else chain[first + 1:]
    cleared_text = (f"; {ctx.name(chain[cleared])}'s text ({', '.join(clearing)}) does not show it"
                    if cleared is not None and cleared > first else "")
    if first:
        where = (f"{ctx.name(chain[first])}'s own words, embedded verbatim by {ctx.name(chain[0])}, "
                 "which cannot have changed them")
    else:
        where = "at the outermost outlet"
    if unchecked:
        # A link nobody read could have made the change as well as the outlet.
        return NOT_LOCATED, (f"{NOT_LOCATED}: it may have entered at {', '.join(unchecked)} or "
                             f"{chain[first]}{cleared_text}; not checked: {', '.join(unchecked)}")
    return chain[first], where + cleared_text


# --- claim-against-fact rules ---------------------------------------------------
def _targets(claim: Claim, comp: list[Fact]) -> list[tuple[tuple[str, ...], Figure]]:
    """Figures the claim may restate: each fact, and sums or changes the claim implies.

    Daily counts of one issuer on different days add up (Telegram's 2,096 and
    2,959); rates and cumulative figures do not. A claimed ``increase`` is
    the difference between the latest and earliest figure of one issuer.
    """
    numeric = [f for f in comp if f.numeric]
    groups: dict[tuple, list[Fact]] = {}
    for f in numeric:
        groups.setdefault((f.origin, measures.family(f.measure), measures.unit_group(f.unit)), []).append(f)
    out = []
    for group in groups.values():
        group.sort(key=lambda f: (f.date_start, f.id))
        if claim.measure == "increase":
            if len(group) >= 2 and measures.family(group[0].measure) == measures.family(claim.measure):
                d = measures.difference(group[-1].figure(), group[0].figure())
                out.append(((group[0].id, group[-1].id), d))
            continue
        out += [((f.id,), f.figure()) for f in group]
        disjoint = all(not _dates_overlap(_fact_dates(a), _fact_dates(b)) for a, b in combinations(group, 2))
        if len(group) >= 2 and disjoint and not (group[0].unit or "").endswith("_per_day"):
            try:
                out.append((tuple(f.id for f in group), measures.total(f.figure() for f in group)))
            except measures.IncompatibleMeasures:
                pass
    return out


def check_claim(ctx: Context, claim: Claim) -> list[Finding]:
    """Every typed difference between one claim and the facts it is linked to."""
    linked = [ctx.facts[i] for i in claim.facts]
    out: list[Finding] = []
    cid, art = claim.id, claim.article
    comp = [f for f in linked if measures.comparable_measures(claim.measure, f.measure)]

    def add(kind, facts, sentence, status="discrepancy", shows=None, entered=None):
        if entered is None and status in NO_ENTRY:
            entered = ("", f"{status}: not an error, so no entry point")
        if entered is None:
            entered = entry_point(ctx, claim, [ctx.facts[i] for i in facts], shows or (lambda g: False))
        out.append(Finding(kind, art, (cid,), tuple(facts), status, sentence, *entered))

    # measure: referral is not removal (both are actions against content)
    for f in comp:
        if measures.measures_conflict(claim.measure, f.measure):
            co = co_issuer_wording(ctx, f, claim.measure)
            if co is not None:
                add("measure", [f.id, co.id],
                    f"{cid} says '{claim.measure}' ({measures.family(claim.measure)}) as {co.id} "
                    f"({ctx.names_of(co.issuer)}) says '{co.measure}', where {f.id} ({ctx.names_of(f.issuer)}) "
                    f"says '{f.measure}' ({measures.family(f.measure)}): co-issuers of one figure word it "
                    "differently, and the claim follows one of them.", "disputed",
                    entered=("", f"between co-issuers ({ctx.names_of(co.issuer)}; {ctx.names_of(f.issuer)}): "
                                 "not an error, so no entry point"))
                continue
            add("measure", [f.id],
                f"{cid} says '{claim.measure}' ({measures.family(claim.measure)}) where {f.id} "
                f"({ctx.names_of(f.issuer)}) says '{f.measure}' ({measures.family(f.measure)}): a different act.",
                shows=lambda g, f=f: (bool(g.measure) and measures.measures_conflict(g.measure, f.measure)
                                      and not measures.measures_conflict(g.measure, claim.measure)
                                      and _same_figure(g, f)))
    # unit: what was counted
    if claim.unit:
        by_unit: dict[str, list[str]] = {}
        for f in comp:
            if f.unit and not measures.units_compatible(claim.unit, f.unit):
                by_unit.setdefault(f.unit, []).append(f.id)
        for unit, ids in by_unit.items():
            add("unit", ids, f"{cid} counts '{claim.unit}' where {', '.join(ids)} "
                             f"count{'s' if len(ids) == 1 else ''} '{unit}'.",
                shows=lambda g: measures.units_compatible(g.unit, claim.unit))
    # value and qualifier, against every figure the claim may restate
    fig = claim.figure()
    if fig is not None:
        targets = [(ids, t) for ids, t in _targets(claim, comp) if measures.units_compatible(t.unit, fig.unit)]
        if targets and not any(fig.overlaps(t) for _, t in targets):
            ids, t = targets[0]
            fs = [ctx.facts[i] for i in ids]
            sub = (claim.measure not in {f.measure for f in fs}
                   and all(measures.same_family(claim.measure, f.measure) for f in fs)
                   and t.low is not None and fig.high is not None and fig.high < t.low)
            if sub:
                sentence = (f"{cid} gives {_fig_text(fig)}; {', '.join(ids)} gives {_fig_text(t)}: fewer, "
                            f"and '{claim.measure}' may count a subset of '{t.measure}', so the difference "
                            "is possible, not certain.")
                add("value", ids, sentence, "possible")
                if fig.unit in measures.COUNT_UNITS:
                    add("count", ids, f"The head count differs ({measures.format_number(fig.value)} vs {measures.format_number(t.value)} "
                                      f"{fig.unit}): a subset or another counting base is possible.", "possible")
            else:
                add("value", ids, f"{cid} gives {_fig_text(fig)}; {', '.join(ids)} gives {_fig_text(t)}: "
                                  "outside the fact's bounds even allowing both qualifiers.",
                    shows=lambda g: (g.figure() is not None and measures.units_compatible(g.unit, fig.unit)
                                     and g.figure().overlaps(fig) and not g.figure().overlaps(t)))
                if fig.unit in measures.COUNT_UNITS:
                    add("count", ids, f"The head count differs ({measures.format_number(fig.value)} vs {measures.format_number(t.value)} {fig.unit}).")
        for ids, t in targets:
            # The claim states a bound ("more than N") its source does not: the
            # opposite bound ("up to N"), or none ("almost N" is approx in the lexicon).
            a, b = _DIRECTION.get(fig.qualifier), _DIRECTION.get(t.qualifier)
            close = abs(fig.value - t.value) <= measures.APPROX_TOLERANCE * max(abs(t.value), 1)
            if a and a != b and close:
                said = f"'{ctx.facts[ids[0]].value}'" if len(ids) == 1 else _bound(t)
                add("qualifier", ids,
                    f"{cid} says {_bound(fig)} where {', '.join(ids)} says {said}: "
                    + ("the bound is flipped." if b else "a bound the source does not state."),
                    shows=lambda g: g.figure() is not None and _DIRECTION.get(g.figure().qualifier) == a)
    # conflict: the claim says something happened that the party's own statement says never did
    for f in linked:
        zero = f.numeric and f.value_low == 0 and f.value_high == 0
        if zero and (claim.type == "cooperation" or measures.same_family(claim.measure, f.measure)):
            self_report = bool(set(f.issuer) & set(claim.actors))
            status = "unresolved" if self_report and claim.issuer not in f.issuer else "discrepancy"
            add("conflict", [f.id],
                f"{cid} ({ctx.name(claim.issuer)}) says {ctx.names_of(f.issuer)} cooperated or gave data; "
                f"{f.id}, {ctx.names_of(f.issuer)}'s own statement, counts {f.value} {f.measure}" + (
                    ": one party's word against the other's, and neither can be checked." if status == "unresolved"
                    else "."), status, entered=("", "conflicting statements: not assigned"))
    # place
    for f in linked:
        if claim.place and f.place and claim.place.strip().lower() != f.place.strip().lower():
            add("place", [f.id], f"{cid} places it in {claim.place}; {f.id} has {f.place}.",
                shows=lambda g: (g.place or "").lower() == claim.place.lower())
    # date: an event claim dated outside the dates of its event's fact
    if claim.type == "event" and claim.event_date:
        cd = claim.dates()
        for f in linked:
            if f.event == claim.event and not _dates_overlap(cd, _fact_dates(f)):
                others = [g.id for g in linked if g.id != f.id and _dates_overlap(cd, _fact_dates(g))]
                also = (f"; {claim.event_date} is the date of {', '.join(others)}, another event"
                        if others else "")
                add("date", [f.id], f"{cid} dates it {claim.event_date}; {f.id} has {f.date}{also}.",
                    shows=lambda g: False)
    # attribution: a relay the fact does not have, or another person credited
    for f in linked:
        for p in f.person:
            if p in claim.attribution:
                i = claim.attribution.index(p)
                relay = claim.attribution[i - 1] if i >= 2 else None
                known = set(f.issuer) | set(f.reporter) | set(f.person)
                if relay and relay not in known and ctx.entity_kinds.get(relay) in ("organization", "outlet"):
                    where = ctx.events.get(f.event, f.event)
                    add("attribution", [f.id],
                        f"{cid} presents {ctx.name(p)}'s words through {ctx.name(relay)}; {f.id} records "
                        f"them at '{where}', with no {ctx.name(relay)} in its sources.")
        if claim.type == "event" and f.event == claim.event and f.person:
            persons = [a for a in claim.actors if ctx.entity_kinds.get(a) == "person"]
            if persons and not set(persons) & set(f.person):
                add("attribution", [f.id], f"{cid} credits {ctx.names_of(persons)}; {f.id} credits "
                                          f"{ctx.names_of(f.person)}.")
    return out


def content_finding(ctx: Context, claim: Claim) -> list[Finding]:
    """A claim graded doubtful (4) or improbable (5) against its facts that no rule
    found a difference in: what the claim names differs (a feature, a wording),
    which no coded field carries. Run after every other rule (a merge, found
    across claims, is a difference too)."""
    linked = [ctx.facts[i] for i in claim.facts]
    same = [f for f in linked if f.event == claim.event] or linked
    word = {4: "doubtful", 5: "improbable"}[claim.grade.credibility]
    ids = [f.id for f in same]
    return [Finding("value", claim.article, (claim.id,), tuple(ids), "discrepancy",
                    f"{claim.id} is graded {word} against {', '.join(ids)} and no coded field "
                    f"differs: what the claim names differs. Claim: \"{claim.translation}\"; fact: "
                    f"\"{same[0].fact}\".", *entry_point(ctx, claim, same, lambda g: False))]


def co_issuer_wording(ctx: Context, f: Fact, measure: Optional[str]) -> Optional[Fact]:
    """Another issuer's own first statement of ``f``'s figure, worded as ``measure`` is.

    Among the facts of ``f``'s event that restate its figure, the first (by
    date, then confidence) with the claim's wording; it counts when its issuer
    is not ``f``'s and it is not a relay's own sentence. The Belgian police
    (co-leader of the 2019 action) wrote "removed" the day Europol wrote
    "referred": a claim saying "closed" follows a co-issuer, it does not err.
    """
    rank = {"primary": 0, "secondary": 1, "unverified": 2}
    same = [g for g in ctx.facts.values() if g.event == f.event and g.id != f.id and g.measure
            and _same_figure(g, f) and _wording_of(g.measure) == _wording_of(measure)]
    same.sort(key=lambda g: (g.date_start, rank[g.confidence], g.id))
    if not same:
        return None
    g = same[0]
    if set(g.issuer) & set(f.issuer) or set(g.reporter) & set(g.issuer):
        return None
    return g


def _bound(f: Figure) -> str:
    word = {"at_least": "more than", "at_most": "at most", "approx": "about", "exact": "exactly",
            "range": "between"}[f.qualifier]
    return f"{word} {measures.format_number(f.value)}"


# --- rules across claims and between facts -------------------------------------
def merged_findings(ctx: Context) -> list[Finding]:
    """One sentence, one measure, figures of different issuers: presented as one total."""
    out = []
    by_article: dict[str, list[Claim]] = {}
    for c in ctx.claims:
        if c.numeric and c.event and c.facts:
            by_article.setdefault(c.article, []).append(c)
    for art, cs in by_article.items():
        cs.sort(key=lambda c: c.start)
        runs, run = [], [cs[0]]
        for a, b in zip(cs, cs[1:]):
            gap = ctx.texts.get(art, "")[a.end:b.start] if art in ctx.texts else "x"
            if (b.start >= a.end and not _SENTENCE_END.search(gap) and a.event == b.event
                    and measures.same_family(a.measure, b.measure)):
                run.append(b)
            else:
                runs.append(run)
                run = [b]
        runs.append(run)
        for run in (r for r in runs if len(r) >= 2):
            origins, relays = [], []
            for c in run:
                comp = [ctx.facts[i] for i in c.facts
                        if measures.comparable_measures(c.measure, ctx.facts[i].measure)]
                relay = [f for f in comp if set(f.issuer) & set(c.attribution[:-1])]
                origins.append([f for f in comp if f not in relay])
                relays.append(relay)
            issuer_sets = [set().union(*(set(f.issuer) for f in o)) for o in origins if o]
            if not any(not (x & y) for x, y in combinations(issuer_sets, 2)):
                continue
            ids = tuple(c.id for c in run)
            facts = tuple(sorted({f.id for o in origins + relays for f in o}))
            described = "; ".join(
                f"{c.id}: {', '.join(f'{f.id} ({ctx.names_of(f.issuer)}, {f.measure})' for f in o)}"
                for c, o in zip(run, origins))
            # Entered where one relay already joined them under one measure.
            common = set.intersection(*(set(e for f in r for e in f.issuer) for r in relays)) if all(relays) else set()
            fams = {measures.family(f.measure) for r in relays for f in r}
            if common and len(fams) == 1:
                e = sorted(common)[0]
                entered = (e, f"{', '.join(sorted(f.id for r in relays for f in r))} ({ctx.name(e)}'s own "
                              "text) already joins them under one measure")
            else:
                entered = (run[0].reporter, "at the outermost outlet")
            out.append(Finding("merged", art, ids, facts, "discrepancy",
                               f"{' and '.join(ids)} present figures of different issuers and measures as one "
                               f"'{run[0].measure}' total ({described}).", *entered))
    return out


def internal_findings(ctx: Context) -> list[Finding]:
    """An article that contradicts itself: one figure in two units; cooperation and its denial."""
    out = []
    by_article: dict[str, list[Claim]] = {}
    for c in ctx.claims:
        by_article.setdefault(c.article, []).append(c)
    for art, cs in by_article.items():
        for a, b in combinations(sorted(cs, key=lambda c: c.start), 2):
            if (a.numeric and b.numeric and a.value == b.value and a.event == b.event
                    and measures.comparable_measures(a.measure, b.measure)
                    and not measures.units_compatible(a.unit, b.unit) and set(a.facts) & set(b.facts)):
                out.append(Finding("internal", art, (a.id, b.id), tuple(sorted(set(a.facts) & set(b.facts))),
                                   "discrepancy",
                                   f"{a.id} and {b.id}, in the same article, give {measures.format_number(a.value)} as "
                                   f"'{a.unit}' and as '{b.unit}'.", a.reporter, "inside the article"))
        coop = {}
        for c in cs:
            if c.type in ("cooperation", "non_cooperation") and c.event:
                coop.setdefault(c.event, []).append(c)
        for event, group in coop.items():
            # "Did not cooperate" and "did" contradict each other only about the same
            # time: both dated, and the dates overlap. An undated refusal may be the
            # "before" of a dated "after" (000: no help before the attack, a name
            # three days after it), one qualified statement, not a contradiction.
            dated = [c for c in group if c.dates()]
            yes = [c for c in dated if c.type == "cooperation"]
            no = [c for c in dated if c.type == "non_cooperation"
                  and any(_dates_overlap(c.dates(), y.dates()) for y in yes)]
            yes = [y for y in yes if any(_dates_overlap(n.dates(), y.dates()) for n in no)]
            shared = set().union(*(set(c.actors) for c in yes)) & set().union(*(set(c.actors) for c in no)) \
                if yes and no else set()
            if shared:
                ids = tuple(sorted(c.id for c in yes + no))
                out.append(Finding("internal", art, ids, (), "unresolved",
                                   f"The article says {ctx.names_of(sorted(shared))} did not cooperate "
                                   f"({', '.join(c.id for c in no)}) and that it did ({', '.join(c.id for c in yes)}).",
                                   "", "conflicting statements inside the article: not assigned"))
    return out


def between_issuers(ctx: Context) -> list[Finding]:
    """Facts of one event, one measure and unit, from different issuers, that disagree."""
    out = []
    facts = sorted(ctx.facts.values(), key=lambda f: f.id)
    for a, b in combinations(facts, 2):
        if not (a.numeric and b.numeric) or a.event != b.event or a.measure != b.measure:
            continue
        if not measures.units_compatible(a.unit, b.unit) or set(a.issuer) & set(b.issuer):
            continue
        if a.figure().overlaps(b.figure()):
            continue
        kind = "count" if a.unit in measures.COUNT_UNITS else "value"
        out.append(Finding(kind, "", (), (a.id, b.id), "possible",
                           f"{a.id} ({ctx.names_of(a.issuer)}) has {a.value} {a.unit}; {b.id} "
                           f"({ctx.names_of(b.issuer)}) has {b.value}: issuers counting differently, a "
                           "difference to show with both sources, not an error to assign.",
                           "", "between issuers: not assigned"))
    return out


# --- assembling the register ---------------------------------------------------
def findings(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for c in ctx.claims:
        if c.facts:
            out += check_claim(ctx, c)
    out += merged_findings(ctx) + internal_findings(ctx) + between_issuers(ctx)
    found = {cid for f in out for cid in f.claims}
    for c in ctx.claims:
        if c.facts and c.id not in found and c.grade.credibility in (4, 5):
            out += content_finding(ctx, c)
    return out


def _group(fs: list[Finding]) -> list[list[Finding]]:
    """Findings of one article that touch the same facts (or, with none, the same claims)."""
    parent = list(range(len(fs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(fs)), 2):
        a, b = fs[i], fs[j]
        if a.article != b.article:
            continue
        linked = (set(a.facts) & set(b.facts)) if (a.facts and b.facts) else (
            set(a.claims) & set(b.claims) if not a.facts and not b.facts else set())
        if linked or (a.facts and b.facts and set(a.claims) & set(b.claims)):
            parent[find(i)] = find(j)
    groups: dict[int, list[Finding]] = {}
    for i, f in enumerate(fs):
        groups.setdefault(find(i), []).append(f)
    return list(groups.values())


def _sentences(group: list[Finding]) -> list[str]:
    """One sentence per typed difference; the same difference for several claims is said once."""
    merged: dict[tuple, list[str]] = {}
    order: list[tuple] = []
    for f in group:
        cid = f.claims[0] if len(f.claims) == 1 else None
        key = (f.kind, f.facts, f.sentence.replace(cid, "\x00") if cid else f.sentence)
        if key not in merged:
            merged[key] = []
            order.append(key)
        if cid and cid not in merged[key]:
            merged[key].append(cid)
    out = []
    for key in order:
        ids = merged[key]
        text = key[2]
        if len(ids) > 1:  # plural verb after a list of claims
            for verb in _VERBS:
                text = text.replace(f"\x00 {verb}s ", f"\x00 {verb} ", 1).replace(
                    f"\x00 ({{}}) {verb}s ", f"\x00 ({{}}) {verb} ", 1)
            text = re.sub(r"(\x00 \([^)]*\)) (\w+)s ", r"\1 \2 ", text, count=1)
        text = text.replace("\x00", ", ".join(ids)) if ids else text
        out.append(text)
    return out


def _join(values: Iterable[str]) -> str:
    return ";".join(v if v is not None else "" for v in values)


def context(claims: list[Claim], facts: list[Fact], entities: Optional[pd.DataFrame] = None,
            texts: Optional[dict[str, str]] = None, events: Optional[dict] = None,
            verbatim: Optional[dict[str, list[tuple[int, int]]]] = None) -> Context:
    """What the rules read, from the evidence (see ``build_register``)."""
    # Input order must not matter: the register is sorted data, not a log.
    claims = sorted(claims, key=lambda c: (c.article, c.id))
    facts = sorted(facts, key=lambda f: f.id)
    ents = entities if entities is not None else pd.DataFrame(columns=["id", "kind", "name_en"])
    return Context(claims=claims, facts={f.id: f for f in facts},
                   entity_kinds=dict(zip(ents["id"], ents["kind"])), names=dict(zip(ents["id"], ents["name_en"])),
                   texts=texts or {},
                   events={k: getattr(v, "description", v) for k, v in (events or {}).items()},
                   verbatim=verbatim or {})


def build_register(claims: list[Claim], facts: list[Fact], entities: Optional[pd.DataFrame] = None,
                   texts: Optional[dict[str, str]] = None, events: Optional[dict] = None,
                   verbatim: Optional[dict[str, list[tuple[int, int]]]] = None,
                   found: Optional[list[Finding]] = None) -> pd.DataFrame:
    """The register as a DataFrame (columns ``REGISTER_COLUMNS``), one row per case, sorted.

    ``texts`` (article id → raw text) lets the merge rule see sentence
    boundaries; ``entities`` (id, kind, name_en) and ``events`` (key → Event
    or description) name things in the explanations; ``verbatim`` (article id
    → raw spans of the quotations it embeds verbatim, its tweets) keeps an
    embedding outlet from being named as where a change entered. ``found``:
    the rules' findings for the same inputs, if already computed (``Evidence.findings``).
    """
    ctx = context(claims, facts, entities, texts, events, verbatim)
    claims = ctx.claims
    by_claim = {c.id: c for c in claims}
    rows = []
    for group in _group(list(found) if found is not None else findings(ctx)):
        group.sort(key=lambda f: (KIND_ORDER.index(f.kind), f.claims, f.facts))
        claim_ids = sorted({c for f in group for c in f.claims})
        fact_ids = sorted({x for f in group for x in f.facts})
        kinds = [k for k in KIND_ORDER if any(f.kind == k for f in group)]
        statuses = {f.status for f in group}
        status = next(s for s in STATUS_RANK if s in statuses)
        entries: dict[str, list[str]] = {}
        kind_bases: dict[str, list[str]] = {}
        for f in group:
            # a possible or unresolved case (or a disputed one) is no error: no entry
            # point, whatever its findings
            if status not in NO_ENTRY and f.entered_at and f.entered_at not in entries.setdefault(f.kind, []):
                entries[f.kind].append(f.entered_at)
            basis = f.basis if status not in NO_ENTRY or not f.entered_at else ""
            if basis and basis not in kind_bases.setdefault(f.kind, []):
                kind_bases[f.kind].append(basis)
        entries = {k: v for k, v in entries.items() if v}
        points = sorted({e for es in entries.values() for e in es})
        if len(points) == 1 and set(entries) == set(kinds):
            entered = points[0]   # every kind of the case entered at one link
            bases = list(dict.fromkeys(b for bs in kind_bases.values() for b in bs))
        elif points:
            entered = "; ".join(f"{k}={'/'.join(v)}" for k, v in entries.items())
            bases = [f"{k}: {' / '.join(v)}" for k, v in kind_bases.items() if v]
        else:
            entered = ""
            bases = list(dict.fromkeys(b for bs in kind_bases.values() for b in bs))
            if status in NO_ENTRY and not bases:
                bases = [f"{status}: not an error, so no entry point"]
        sentences = _sentences(group)
        if entered == NOT_LOCATED:
            sentences.append(f"Where it entered is not located ({'; '.join(bases)}).")
        elif entered and "=" in entered:
            sentences.append(f"Where each kind entered: {entered} ({'; '.join(bases)}).")
        elif entered:
            sentences.append(f"Entered at {entered} ({'; '.join(bases)}).")
        elif bases:
            sentences.append(f"Not assigned to a link of the chain ({'; '.join(bases)}).")
        cs = [by_claim[i] for i in claim_ids]
        fs = [ctx.facts[i] for i in fact_ids]
        article = group[0].article
        case = "d-" + (claim_ids[0] if claim_ids else fact_ids[0])
        rows.append({
            "case": case, "article": article, "claims": ";".join(claim_ids), "facts": ";".join(fact_ids),
            "kinds": ";".join(kinds), "status": status, "entered_at": entered, "entered_basis": "; ".join(bases),
            "claim_value": _join(measures.format_number(c.value) if c.value is not None else "" for c in cs),
            "claim_unit": _join(c.unit or "" for c in cs), "claim_measure": _join(c.measure or "" for c in cs),
            "claim_qualifier": _join(c.qualifier or "" for c in cs),
            "fact_value": _join(f.value for f in fs), "fact_unit": _join(f.unit or "" for f in fs),
            "fact_measure": _join(f.measure or "" for f in fs),
            "fact_qualifier": _join(f.qualifier or "" for f in fs),
            "explanation": " ".join(sentences),
        })
    rows.sort(key=lambda r: (r["article"] == "", r["article"], r["case"]))
    return pd.DataFrame(rows, columns=REGISTER_COLUMNS)


# --- one voice --------------------------------------------------------------------
VOICES_COLUMNS = ["source", "same_voice_as", "relation", "via", "note"]


def voices(claims: list[Claim], facts: list[Fact]) -> pd.DataFrame:
    """Sources that are one voice, so that they are never counted as two confirmations.

    * ``same_person``: facts from different issuers with a person in common
      (the ISD analyst and the CREST report are both Amarasingam);
    * ``same_issuer``: facts of one event from one issuer, one of them through
      a named person (Telegram's statement and Durov's figure);
    * ``follows_wording``: a fact or claim whose measure family is that of one
      co-issuer and not the other's, for the same figure (Reuters' and the
      Arabic outlets' "removed"/"closed" follow the Belgian police, not
      Europol's "referred"). The first issuer with that wording, by date, is
      the one followed.
    """
    rows = []
    fs = sorted(facts, key=lambda f: f.id)
    for a, b in combinations(fs, 2):
        if a.issuer and b.issuer and not set(a.issuer) & set(b.issuer):
            common = sorted(set(a.person) & set(b.person))
            if common:
                rows.append({"source": a.id, "same_voice_as": b.id, "relation": "same_person",
                             "via": ";".join(common), "note": f"{';'.join(a.issuer)} and {';'.join(b.issuer)} "
                                                            "speak through the same person"})
        elif set(a.issuer) & set(b.issuer) and a.event == b.event and set(a.person) != set(b.person):
            rows.append({"source": a.id, "same_voice_as": b.id, "relation": "same_issuer",
                         "via": ";".join(sorted(set(a.issuer) & set(b.issuer))),
                         "note": "one issuer, one of the two through "
                                 f"{';'.join(sorted(set(a.person) ^ set(b.person)))}"})
    # Clusters of one figure: same event, compatible unit, overlapping bounds, action measures.
    actions = [f for f in fs if f.numeric and measures.family(f.measure) in measures.ACTION_FAMILIES]
    leaders: dict[str, Fact] = {}   # fact id → first fact with its wording, per cluster
    clusters: list[list[Fact]] = []
    for f in actions:
        home = next((cl for cl in clusters if any(
            g.event == f.event and measures.units_compatible(g.unit, f.unit) and g.figure().overlaps(f.figure())
            for g in cl)), None)
        if home is None:
            clusters.append([f])
        else:
            home.append(f)
    rank = {"primary": 0, "secondary": 1, "unverified": 2}
    for cl in clusters:
        fams = {measures.family(f.measure) for f in cl}
        if not any(measures.measures_conflict(f.measure, g.measure) for f, g in combinations(cl, 2)):
            continue
        ordered = sorted(cl, key=lambda f: (f.date_start, rank[f.confidence], f.id))
        for f in ordered:
            first = next(g for g in ordered if _wording(g) == _wording(f))
            leaders[f.id] = first
            if first.id != f.id and not set(first.issuer) & set(f.issuer):
                rows.append({"source": f.id, "same_voice_as": first.id, "relation": "follows_wording",
                             "via": _wording(f), "note": f"'{f.measure}' follows {';'.join(first.issuer)}'s "
                                                         f"'{first.measure}', not the other co-issuer's wording "
                                                         f"({', '.join(sorted(fams - {_wording(f)}))})"})
    for c in sorted(claims, key=lambda c: c.id):
        # A statement with no figure restates no figure's wording: the Belgian
        # prosecutor's spokesman ("we were able to close a large number of
        # accounts") speaks for a co-leader of the action, he follows no one.
        if not c.numeric or not c.measure or measures.family(c.measure) not in measures.ACTION_FAMILIES:
            continue
        linked = [leaders[i] for i in c.facts if i in leaders]
        if not linked:
            continue
        mine = [g for g in linked if _wording(g) == _wording_of(c.measure)]
        other = [g for g in linked if measures.measures_conflict(g.measure, c.measure)]
        cluster = next((cl for cl in clusters if any(g.id in c.facts for g in cl)), [])
        if not mine:
            mine = [g for g in cluster if _wording(g) == _wording_of(c.measure)]
            mine = [leaders[g.id] for g in mine]
        if mine and (other or any(measures.measures_conflict(g.measure, c.measure) for g in cluster)):
            first = sorted(mine, key=lambda g: (g.date_start, rank[g.confidence], g.id))[0]
            rows.append({"source": c.id, "same_voice_as": first.id, "relation": "follows_wording",
                         "via": _wording_of(c.measure),
                         "note": f"'{c.measure}' follows {';'.join(first.issuer)}'s '{first.measure}'"})
    df = pd.DataFrame(rows, columns=VOICES_COLUMNS)
    return df.sort_values(["relation", "source", "same_voice_as"], kind="stable").reset_index(drop=True)


def _wording_of(measure: Optional[str]) -> str:
    """Referral apart; removal and blocking are the provider acting (one wording)."""
    fam = measures.family(measure)
    return "provider_action" if fam in ("removal", "blocking") else (fam or "")


def _wording(f: Fact) -> str:
    return _wording_of(f.measure)
