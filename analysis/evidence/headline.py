"""The headline takedown figure of an action, under each definition the sources use.

"26,000" is what the articles lead with, but it is a count of items Europol
*referred*; the Belgian police say *removed*; Telegram's own count is of
*accounts and bots banned* (5,055 over two days); the articles also say
"sites and accounts", "channels" and "accounts". This recomputes the
figure under each definition from the facts (adding only what may be added)
and lists the claims that use each, so the chapter can show how much the
headline depends on the definition (a limitation as a computation).
"""
from __future__ import annotations

from itertools import combinations

import pandas as pd

from . import measures
from .claims import Claim
from .facts import Fact

HEADLINE_COLUMNS = ["definition", "figure", "value", "low", "high", "qualifier", "unit", "measure",
                    "family", "issuer", "sources", "claims", "note"]


def _fmt(x) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _row(definition: str, fig: measures.Figure | None, sources: list[str], claims: list[str],
         note: str = "", **over) -> dict:
    row = {"definition": definition, "figure": measures.describe(fig) if fig else "",
           "value": _fmt(fig.value) if fig else "", "low": _fmt(fig.low) if fig else "",
           "high": _fmt(fig.high) if fig else "", "qualifier": fig.qualifier if fig else "",
           "unit": fig.unit if fig else "", "measure": fig.measure if fig else "",
           "family": (measures.family(fig.measure) or "") if fig else "",
           "issuer": fig.issuer if fig else "", "sources": ";".join(sources),
           "claims": ";".join(sorted(set(claims))), "note": note}
    row.update(over)
    return row


def headline_definitions(facts: list[Fact], claims: list[Claim],
                         event: str = "2019-11-action-day") -> pd.DataFrame:
    """One row per definition of the action's takedown count (columns ``HEADLINE_COLUMNS``).

    From the facts: each issuer's figure per measure and unit, daily counts
    of one issuer totalled (never across issuers or measures). From the
    claims: the definitions only the articles use. Last, the sum the
    articles imply across measures, refused with the reason.
    """
    facts = sorted(facts, key=lambda f: f.id)
    claims = sorted(claims, key=lambda c: (c.article, c.id))
    acts = [f for f in facts if f.event == event and f.numeric
            and measures.family(f.measure) in measures.ACTION_FAMILIES
            and not (f.unit or "").endswith("_per_day")]  # rates are not counts of the action
    groups: dict[tuple, list[Fact]] = {}
    for f in sorted(acts, key=lambda f: (f.date_start, f.id)):
        groups.setdefault((f.origin, f.measure, measures.unit_group(f.unit)), []).append(f)
    numeric_claims = [c for c in claims if c.event == event and c.numeric
                      and measures.family(c.measure) in measures.ACTION_FAMILIES]
    rows = []
    worded: set[tuple] = set()   # (family, unit group) some source's definition uses
    for (origin, measure, _), fs in groups.items():
        fig = measures.total(f.figure() for f in fs) if len(fs) > 1 else fs[0].figure()
        # The claims that lean on this definition's figures: those linked to its facts,
        # whatever their own wording (a claim's link, not a likeness, ties it to a source).
        leaning = [c.id for c in numeric_claims if set(c.facts) & {f.id for f in fs}]
        worded.add((measures.family(measure), measures.unit_group(fs[0].unit)))
        days = f" ({len(fs)} days added)" if len(fs) > 1 else ""
        relay = bool(set(fs[0].reporter) & set(fs[0].issuer))
        read = ", ".join(sorted({r for f in fs for r in f.reporter})) or "the issuer's own page"
        rows.append(_row(f"{measure} {fs[0].unit}{days}", fig, [f.id for f in fs], leaning,
                         ("the relay's own sentence" if relay else f"{fs[0].confidence}, read via {read}")))
    # Definitions only the articles use (no source counted that thing under that act).
    # They are the article's wording, not the issuer's: labelled with the outlet,
    # and the note says to whom the article attributes them.
    only: dict[tuple, list[Claim]] = {}
    for c in numeric_claims:
        if (measures.family(c.measure), measures.unit_group(c.unit)) not in worded:
            only.setdefault((c.measure, c.unit), []).append(c)
    for (measure, unit), cs in sorted(only.items()):
        outlets = ";".join(sorted({c.reporter for c in cs}))
        said_by = ";".join(sorted({c.issuer for c in cs}))
        rows.append(_row(f"{measure} {unit} (as reported)", measures.with_issuer(cs[0].figure(), outlets), [],
                         [c.id for c in cs],
                         f"no issuer counted this: the wording of {outlets}, which attributes it to {said_by}",
                         issuer=outlets))
    # The sum across measures that a merged headline implies: refused.
    firsts = [(k, fs) for k, fs in groups.items() if not set(fs[0].reporter) & set(fs[0].issuer)]
    for (ka, fa), (kb, fb) in combinations(firsts, 2):
        if ka[0] != kb[0] and measures.measures_conflict(ka[1], kb[1]):
            a = measures.total(f.figure() for f in fa) if len(fa) > 1 else fa[0].figure()
            b = measures.total(f.figure() for f in fb) if len(fb) > 1 else fb[0].figure()
            try:
                measures.total([a, b])
                note = "addable"
            except measures.IncompatibleMeasures as err:
                note = f"refused: {err}"
            rows.append(_row(f"{ka[1]} + {kb[1]} (added across measures)", None,
                             [f.id for f in fa + fb], [], note, figure="not a figure"))
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)
