"""The codebook as checks: each rule written once, here, as a small pure function.

A report whose selling point is "every number traceable" cannot carry a grade
its own codebook forbids. Each rule below has a name, a one-sentence
statement (the codebook page prints ``RULES`` from here, so the page and the
check never differ) and a function over the claims, the facts and the
computed register that returns its breaches. ``enforce`` runs them inside
``load_evidence``, step 1 of every build (``make validate``), and stops with
one line per breach naming the annotation file, the line of the field at
fault and the claim id (or the facts.csv line and the fact id).

Two kinds of rule, said in ``Rule.enforced``:

``validate``
    A coding the curator writes can breach it (a grade, a qualifier, a link to
    a fact, a measure): ``make validate`` refuses the breach.
``register``
    It is about where a difference entered (``entered_at``), which the
    register computes and no one codes. These rules live in
    ``register.entry_point`` and ``register.build_register``: that is how the
    entry point is computed, so no annotation can breach them, and a check
    over the output would only test that module. Their functions here are
    guards: ``enforce`` runs them too, so a change to the register that broke
    one would stop the build naming the claim (tests/test_codebook_rules.py
    shows each guard catching a forged register row).

The lexicon (``data/lexicon/``) is the one reading of hedge words, units and
duration cues, through the extractor, as everywhere else in the project.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Optional

import pandas as pd

from . import measures
from .claims import Claim
from .facts import Fact, lexicon_qualifiers, split_ids

if TYPE_CHECKING:
    from .loader import Evidence

# README ("value"): vague plurals are at least their smallest figure ("1000s",
# "thousands" = 1000, "dozens" = 20), with no hedge word.
VAGUE_PLURALS = ("1000s", "thousands", "hundreds", "dozens", "آلاف", "الآلاف", "مئات", "عشرات",
                 "هزاران", "صدها", "ده‌ها", "دهها")
TIME_UNITS = ("day", "week", "month", "year", "hour", "minute")
# Credibility digits a claim may carry, by the status of the register case it is in.
ALLOWED_CREDIBILITY = {
    "discrepancy": (3, 4, 5),   # contradicted: not confirmed, not "probably true", not unjudged
    "disputed": (2, 3, 4),      # co-issuers differ: neither confirmed nor contradicted
    "possible": (2, 3, 4),
    "unresolved": (6,),         # one party's word against another's
    None: (1, 2, 3, 6),         # in no case: nothing the register found makes it doubtful
}


@dataclass(frozen=True)
class Breach:
    rule: str
    kind: str        # "claim" or "fact"
    id: str
    field: str       # the field at fault, for the line number
    message: str


@dataclass(frozen=True)
class Inputs:
    """What the rules read: the validated claims and facts, and the computed register."""

    claims: tuple[Claim, ...]
    facts: dict[str, Fact]
    register: pd.DataFrame
    verbatim: dict[str, list[tuple[int, int]]]

    @classmethod
    def of(cls, ev: "Evidence") -> "Inputs":
        return cls(tuple(ev.claims), {f.id: f for f in ev.facts}, ev.register, ev.verbatim)

    def cases_of(self, claim_id: str) -> pd.DataFrame:
        return self.register[self.register["claims"].map(lambda s: claim_id in split_ids(s))]


@dataclass(frozen=True)
class Rule:
    name: str
    statement: str
    enforced: str            # "validate" | "register"
    check: Callable[[Inputs], list[Breach]]


# --- helpers ----------------------------------------------------------------------------
def _read_at_address(f: Fact) -> bool:
    return f.has_address and f.confidence != "unverified"


def _joined(claim_id: str, fact_id: str, inp: Inputs) -> bool:
    """The register puts the claim and the fact in one case: it found a difference."""
    return any(fact_id in split_ids(r.facts) for r in inp.cases_of(claim_id).itertuples())


def agreeing_facts(claim: Claim, inp: Inputs) -> list[Fact]:
    """Linked facts the claim agrees with.

    A numeric claim: a figure the claim may restate (a fact, one issuer's days
    added, a claimed increase computed; as the register reads them) whose
    bounds overlap the claim's, in a comparable measure and unit. A claim with
    no figure: a fact of the same event. Either way, the register must find no
    difference between them.
    """
    from .register import _targets  # the register's own reading of what a claim restates

    linked = [inp.facts[i] for i in claim.facts if i in inp.facts]
    fig = claim.figure()
    if fig is not None:
        comp = [f for f in linked if measures.comparable_measures(claim.measure, f.measure)]
        out: dict[str, Fact] = {}
        for ids, t in _targets(claim, comp):
            if measures.units_compatible(t.unit, fig.unit) and fig.overlaps(t):
                out.update({i: inp.facts[i] for i in ids})
        agreeing = list(out.values())
    else:
        agreeing = [f for f in linked if claim.event and f.event == claim.event]
    return [f for f in agreeing if not _joined(claim.id, f.id, inp)]


# --- the rules a coding can breach ------------------------------------------------------------
def confirmed_needs_an_agreeing_fact(inp: Inputs) -> list[Breach]:
    out = []
    for c in inp.claims:
        if c.grade.credibility == 1 and not agreeing_facts(c, inp):
            linked = ", ".join(c.facts) or "none"
            out.append(Breach("confirmed-needs-an-agreeing-fact", "claim", c.id, "grade",
                              f"graded {c.grade.code} (confirmed) but no linked fact agrees with it "
                              f"(linked: {linked}); grade it 2 or 3, or link the fact that confirms it"))
    return out


def unaddressed_facts_support_neither_1_nor_5(inp: Inputs) -> list[Breach]:
    out = []
    for c in inp.claims:
        if c.grade.credibility == 1:
            support = agreeing_facts(c, inp)
            word = "confirm"
        elif c.grade.credibility == 5:
            support = [inp.facts[i] for i in c.facts if i in inp.facts and _joined(c.id, i, inp)]
            word = "contradict"
        else:
            continue
        if support and not any(_read_at_address(f) for f in support):
            why = "; ".join(f"{f.id} ({f.confidence}, " + ("an address with no page" if f.source_url
                                                          else "no address") + ")" for f in support)
            out.append(Breach("unaddressed-facts-support-neither-1-nor-5", "claim", c.id, "grade",
                              f"graded {c.grade.code}, but the facts that {word} it were not read at a "
                              f"page: {why}; a fact with no address or marked unverified supports "
                              "neither a 1 nor a 5"))
    return out


def grade_agrees_with_the_register(inp: Inputs) -> list[Breach]:
    order = ("unresolved", "discrepancy", "disputed", "possible")
    out = []
    for c in inp.claims:
        statuses = set(inp.cases_of(c.id)["status"])
        status = next((s for s in order if s in statuses), None)
        allowed = ALLOWED_CREDIBILITY[status]
        if c.grade.credibility not in allowed:
            cases = ", ".join(inp.cases_of(c.id)["case"]) or "no case"
            where = f"the register's {status} case {cases}" if status else "no register case"
            out.append(Breach("grade-agrees-with-the-register", "claim", c.id, "grade",
                              f"graded {c.grade.code}, which contradicts {where}: a claim there is graded "
                              f"{' or '.join(map(str, allowed))}"))
    return out


@lru_cache(maxsize=None)
def _lexicon_tables() -> tuple[dict[str, str], dict[str, str], tuple[str, ...], dict[str, str]]:
    from ..extract.lexicon import _rows, key, lexicon

    lex = lexicon()
    cues = tuple(sorted(lex.cues.get("duration_cue", set()), key=len, reverse=True))
    units = {key(r["form"]): r["unit"] for r in _rows("units.csv")
             if r["unit"] in TIME_UNITS and r["dual"] == "0"}
    return lex.qual_before, lex.qual_after, cues, units


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def vague_plural(quote: str) -> Optional[str]:
    """The vague plural in a quote ("thousands", "عشرات"), if any."""
    from ..extract.lexicon import key

    text = key(quote)
    return next((w for w in VAGUE_PLURALS if _has_phrase(text, key(w))), None)


def hedge(claim: Claim) -> tuple[Optional[str], str]:
    """(qualifier the lexicon gives the claim's figure, how it was read).

    The extractor reads the quote with the lexicon; the figure is the mention
    whose value is the claim's. A vague plural is at least its figure. When
    the extractor does not find the figure ("a year and a half", "after a
    week"), None: any hedge phrase of the quote then decides (see the rule).
    """
    for value, qualifier in lexicon_qualifiers(claim.quote):
        if claim.value is not None and abs(value - claim.value) < 1e-9 * max(1.0, abs(claim.value)):
            return qualifier, "the lexicon's reading of the figure"
    if vague_plural(claim.quote):
        return "at_least", "a vague plural"
    return None, ""


def qualifiers_follow_the_lexicon(inp: Inputs) -> list[Breach]:
    from ..extract.lexicon import key

    before, after, _, _ = _lexicon_tables()
    out = []
    for c in inp.claims:
        if c.value is None:
            continue
        want, how = hedge(c)
        if want is None:
            # The figure is not one the extractor finds: a non-exact qualifier needs a
            # hedge word of that kind somewhere in the quote.
            text = key(c.quote)
            kinds = {q for p, q in list(before.items()) + list(after.items()) if _has_phrase(text, p)}
            if c.qualifier == "exact" or c.qualifier in kinds:
                continue
            out.append(Breach("qualifiers-follow-the-lexicon", "claim", c.id, "qualifier",
                              f"qualifier {c.qualifier} but the quote has no hedge word the lexicon reads as "
                              f"{c.qualifier} (data/lexicon/qualifiers.csv): code it exact"))
        elif c.qualifier != want:
            out.append(Breach("qualifiers-follow-the-lexicon", "claim", c.id, "qualifier",
                              f"qualifier {c.qualifier} but {how} in the quote gives {want} "
                              "(data/lexicon/qualifiers.csv)"))
    for f in inp.facts.values():
        q = f.qualifier
        if q in (None, "range"):
            continue
        nominal = f.value_low if f.value_low is not None else f.value_high
        for where, text in (("value", f.value), ("fact", f.fact)):
            for value, said in lexicon_qualifiers(text):
                if abs(value - nominal) < 1e-9 * max(1.0, abs(nominal)) and said != q:
                    out.append(Breach("qualifiers-follow-the-lexicon", "fact", f.id,
                                      "value_low" if where == "value" else "fact",
                                      f"its bounds make it {q}, but the lexicon reads {said} in its {where} "
                                      f"({text if where == 'value' else 'the quoted wording'}): set value_low/"
                                      "value_high as data/reference/README.md says"))
                    break
            else:
                continue
            break
    return out


def durations_in(quote: str) -> list[tuple[int, int, Optional[float], str]]:
    """Durations in a quote: (start, end, value or None, unit), offsets into the quote.

    A figure of a time unit the extractor finds ("سه روز", "عامين"), and a bare
    time unit after a duration cue of the lexicon (``cues.csv``, role
    ``duration_cue``): "بعد أسبوع", "after a week" (one of the unit).
    """
    from ..extract import extract
    from ..text.normalize import View

    out = [(m.start, m.end, float(m.value), m.unit) for m in extract(quote)
           if m.kind == "quantity" and m.unit in TIME_UNITS and not m.per and m.value is not None]
    _, _, cues, units = _lexicon_tables()
    if cues and units:
        view = View(quote)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")\s+(?:(?:a|an|one)\s+)?("
                             + "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + r")(?!\w)")
        for m in pattern.finditer(view.norm):
            s, e = view.span(m.start(), m.end())
            if not any(a < e and s < b for a, b, _, _ in out):
                out.append((s, e, 1.0, units[m.group(1)]))
    return sorted(out)


def durations_are_coded(inp: Inputs) -> list[Breach]:
    out = []
    by_article: dict[str, list[Claim]] = {}
    for c in inp.claims:
        by_article.setdefault(c.article, []).append(c)
    for c in inp.claims:
        for s, e, value, unit in durations_in(c.quote):
            start, end = c.start + s, c.start + e
            coded = [d for d in by_article[c.article] if d.start <= start and end <= d.end
                     and d.measure == "duration" and d.unit == unit
                     and (value is None or d.value is None or abs(d.value - value) < 1e-9)]
            if not coded:
                out.append(Breach("durations-are-coded", "claim", c.id, "measure",
                                  f"'{c.quote[s:e]}' is a duration ({measures.format_number(value)} {unit}) "
                                  "that no claim covering it codes as one (measure duration, unit "
                                  f"{unit}); code it here or in a claim of its own"))
    return out


# --- guards over the register's entry points (rules of its computation) --------------------
def _entries(entered_at: str) -> list[str]:
    if not entered_at:
        return []
    return [p.split("=", 1)[1] if "=" in p else p for p in (x.strip() for x in entered_at.split(";"))]


def _embedded(c: Claim, inp: Inputs) -> bool:
    return any(s <= c.start and c.end <= e for s, e in inp.verbatim.get(c.article, ()))


def embedded_quotes_are_no_entry_point(inp: Inputs) -> list[Breach]:
    by_id = {c.id: c for c in inp.claims}
    out = []
    for r in inp.register.itertuples():
        for cid in split_ids(r.claims):
            c = by_id.get(cid)
            if c and _embedded(c, inp) and len(c.attribution) > 1 and c.attribution[0] in _entries(r.entered_at):
                out.append(Breach("embedded-quotes-are-no-entry-point", "claim", cid, "attribution",
                                  f"case {r.case} says the change entered at {c.attribution[0]}, which only "
                                  "embeds this quotation verbatim"))
    return out


def no_entry_point_for_what_is_no_error(inp: Inputs) -> list[Breach]:
    out = []
    for r in inp.register.itertuples():
        if r.status in ("possible", "disputed", "unresolved") and r.entered_at:
            for cid in split_ids(r.claims) or []:
                out.append(Breach("no-entry-point-for-what-is-no-error", "claim", cid, "attribution",
                                  f"case {r.case} is {r.status} but names an entry point ({r.entered_at})"))
    return out


def entry_points_were_read(inp: Inputs) -> list[Breach]:
    from .register import NOT_LOCATED

    by_id = {c.id: c for c in inp.claims}
    out = []
    for r in inp.register.itertuples():
        claims = [by_id[c] for c in split_ids(r.claims) if c in by_id]
        facts = [inp.facts[f] for f in split_ids(r.facts) if f in inp.facts]
        read = {e for f in facts for e in (*f.issuer, *f.reporter, *f.person)}
        # the article is the outlet's own text; an embedded quotation is its author's
        read |= {c.attribution[1] if _embedded(c, inp) and len(c.attribution) > 1 else c.attribution[0]
                 for c in claims}
        for link in _entries(r.entered_at):
            if link != NOT_LOCATED and link not in read:
                for c in claims or []:
                    out.append(Breach("entry-points-were-read", "claim", c.id, "attribution",
                                      f"case {r.case} says the change entered at {link}, whose text was not "
                                      f"read; it must say '{NOT_LOCATED}'"))
    return out


RULES: tuple[Rule, ...] = (
    Rule("confirmed-needs-an-agreeing-fact",
         "A credibility of 1 (confirmed) needs a linked fact that agrees with the claim: its figure "
         "overlaps the claim's in a comparable measure and unit (or, with no figure, it is of the same "
         "event), and the register finds no difference between them.",
         "validate", confirmed_needs_an_agreeing_fact),
    Rule("unaddressed-facts-support-neither-1-nor-5",
         "A fact with no address that names a page, or marked unverified, cannot support a 1 or a 5: "
         "the fact that confirms a 1, or that the register finds a 5 differs from, must have been read "
         "at a page.",
         "validate", unaddressed_facts_support_neither_1_nor_5),
    Rule("grade-agrees-with-the-register",
         "A grade must not contradict the register's status for the same claim: in a discrepancy case "
         "it is 3, 4 or 5; in a disputed or possible case 2, 3 or 4; in an unresolved case 6; in no "
         "case it is not 4 or 5.",
         "validate", grade_agrees_with_the_register),
    Rule("qualifiers-follow-the-lexicon",
         "A claim's or a fact's qualifier is what the lexicon gives for the hedge word on its figure, in "
         "the claim's quote or the fact's wording: 'nearly' and 'almost' (ما يقرب من, نزدیک به) are approx, "
         "'over N' and 'more than N' are at_least, a vague plural ('thousands') is at least its "
         "figure, and no hedge word is exact.",
         "validate", qualifiers_follow_the_lexicon),
    Rule("durations-are-coded",
         "A duration in a quote ('three days', 'two years', 'after a week') is coded as one: a claim "
         "whose span covers it has measure duration, its unit and its value.",
         "validate", durations_are_coded),
    Rule("embedded-quotes-are-no-entry-point",
         "A verbatim embedded quotation (an embedded tweet) cannot be the place a change entered: the "
         "outlet that embeds it only reproduces it.",
         "register", embedded_quotes_are_no_entry_point),
    Rule("no-entry-point-for-what-is-no-error",
         "A possible case carries no entry point, nor does a disputed or an unresolved one: none of "
         "them is an error that a link of the chain introduced.",
         "register", no_entry_point_for_what_is_no_error),
    Rule("entry-points-were-read",
         "An entry point names only a link whose text was read; where a link that could have made the "
         "change was not read, it says 'not located'.",
         "register", entry_points_were_read),
)


def breaches(inp: Inputs, rules: Iterable[Rule] = RULES) -> list[Breach]:
    out: list[Breach] = []
    for rule in rules:
        out += rule.check(inp)
    return out


def rules_table() -> pd.DataFrame:
    """The rules as the codebook page prints them."""
    where = {"validate": "make validate (a coding that breaks it stops the build)",
             "register": "the register's computation of entry points (no coding can break it)"}
    return pd.DataFrame([{"rule": r.name, "statement": r.statement, "enforced by": where[r.enforced]}
                         for r in RULES])


def enforce(ev: "Evidence") -> None:
    """Run every rule; raise one InputError per breach (as InputErrors), each naming the
    annotation file and the line of the field at fault (or the facts.csv line) and the id."""
    from ..errors import InputError, InputErrors
    from .claims import annotation_locations
    from .facts import fact_lines

    found = breaches(Inputs.of(ev))
    if not found:
        return
    paths = ev.paths
    claim_at = annotation_locations(paths)
    fact_at = fact_lines(paths)
    facts_file = str(paths.rel(paths.reference / "facts.csv"))
    errors = []
    for b in found:
        text = f"{b.message} [codebook rule {b.rule}]"
        if b.kind == "claim" and b.id in claim_at:
            file, lines = claim_at[b.id]
            errors.append(InputError(file, text, line=lines.get(b.field, lines[""]), record=f"claim {b.id}"))
        elif b.kind == "fact":
            errors.append(InputError(facts_file, text, line=fact_at.get(b.id), record=f"fact {b.id}"))
        else:
            errors.append(InputError(b.kind, text, record=f"{b.kind} {b.id}"))
    errors.sort(key=lambda e: (e.file, e.line or 0, e.message))
    raise InputErrors(errors)
