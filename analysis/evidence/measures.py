"""Figures that know what they count, and refuse to be added across measures.

A figure in this project is never a bare number: "over 26,000 items referred
by Europol" and "2,096 accounts and bots banned by Telegram" count different
things, done by different actors, and adding them (as article 002 relays)
produces a number nobody issued. ``Figure`` carries the unit, the measure,
the issuer and the qualifier with the number, and ``total``/``compare``
raise ``IncompatibleMeasures`` instead of mixing them; so do ``span`` and
``ratio``, which give a sentence its range ("from X to Y") or its factor.

Measure families come from ``data/reference/README.md`` ("Measure families"):
a difference inside a family is wording (delivered ≈ sent, closed ≈ removed,
acquired_for ≈ announced_price); across families it is a different measure.
The README's "other" row is a list of unrelated measures, not a family, so
each of them stands alone (only the claim-side verb ``disclosed`` is the
fact-side noun ``disclosures``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional

from ..display.labels import format_number  # noqa: F401  (one formatter, re-exported)

# The README's table, as data. tests/test_measures.py checks the two agree.
MEASURE_FAMILIES: dict[str, tuple[str, ...]] = {
    "referral": ("referred",),
    "removal": ("removed", "closed", "shut_down", "taken_down", "taken_offline", "cancelled"),
    "blocking": ("blocked", "banned", "censored", "suspended"),
    "observation": ("seen", "found", "used", "estimated", "studied"),
    "message_volume": ("delivered", "sent", "increase"),
    "price": ("announced_price", "acquired_for"),
    "prosecution": ("defendants", "on_trial"),
}
# "other" in the README: unrelated measures, each its own family.
OTHER_MEASURES = ("participants", "killed", "disclosures", "disclosed", "duration", "created",
                  "change_in_organic_posts")
# Equivalent wordings inside "other" (the claim's verb, the fact's noun).
_OTHER_ALIASES = {"disclosed": "disclosures"}

FAMILY_OF: dict[str, str] = {m: fam for fam, ms in MEASURE_FAMILIES.items() for m in ms}
FAMILY_OF.update({m: _OTHER_ALIASES.get(m, m) for m in OTHER_MEASURES})
KNOWN_MEASURES = frozenset(FAMILY_OF)

# Families that name an action taken against content. Referral (police ask a
# provider) is a different act from removal or blocking (the provider acts):
# that is discrepancy 1. Removal and blocking are both the provider acting on
# what it hosts; the README leaves their difference to the register, which
# treats it as wording (Telegram "banned", The Telegraph "shut down").
ACTION_FAMILIES = frozenset({"referral", "removal", "blocking"})
_PROVIDER_ACTS = frozenset({"removal", "blocking"})

# Units that name the same thing at a different grain (a bot is an account on
# Telegram; a group is counted with channels by the GWU study).
_UNIT_GROUPS = {
    "account_or_bot": "account",
    "channel_or_group": "channel",
    "account_or_bot_per_day": "account_per_day",
}
# Units that are head counts of participants: a different count can be a
# subset or a different counting base, not only an error.
COUNT_UNITS = frozenset({"person", "country", "provider"})

# Half-width of "about N": journalistic rounding, not a statistical interval.
APPROX_TOLERANCE = 0.10

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")


class IncompatibleMeasures(ValueError):
    """Two figures that must not be added or compared; the message says why."""


def family(measure: Optional[str]) -> Optional[str]:
    if not measure:
        return None
    return FAMILY_OF.get(measure, measure)


def unit_group(unit: Optional[str]) -> Optional[str]:
    if not unit:
        return None
    return _UNIT_GROUPS.get(unit, unit)


def same_family(a: Optional[str], b: Optional[str]) -> bool:
    return a is not None and b is not None and family(a) == family(b)


def measures_conflict(a: Optional[str], b: Optional[str]) -> bool:
    """True when two action measures are different acts (referral vs removal/blocking)."""
    fa, fb = family(a), family(b)
    if fa not in ACTION_FAMILIES or fb not in ACTION_FAMILIES or fa == fb:
        return False
    return not (fa in _PROVIDER_ACTS and fb in _PROVIDER_ACTS)


def comparable_measures(a: Optional[str], b: Optional[str]) -> bool:
    """Whether a claim's figure can be checked against a fact's at all.

    Same family, or both actions against content (then a referral/removal
    difference is itself a finding). Otherwise the fact is context (a date, a
    party) and its number says nothing about the claim's.
    """
    fa, fb = family(a), family(b)
    if fa is None or fb is None:
        return False
    return fa == fb or (fa in ACTION_FAMILIES and fb in ACTION_FAMILIES)


def units_compatible(a: Optional[str], b: Optional[str]) -> bool:
    return a is not None and b is not None and unit_group(a) == unit_group(b)


@dataclass(frozen=True)
class Figure:
    """A number with what it counts. ``low``/``high`` are bounds (None: open)."""

    value: float
    unit: str
    measure: str
    issuer: str = ""
    qualifier: str = "exact"
    low: Optional[float] = None
    high: Optional[float] = None
    source: str = ""

    @classmethod
    def of(cls, value: float, unit: str, measure: str, issuer: str = "",
           qualifier: str = "exact", value_high: Optional[float] = None,
           source: str = "", tolerance: float = APPROX_TOLERANCE) -> "Figure":
        """Bounds from a qualifier: "over N" is [N, ∞), "about N" is N ± 10 %."""
        if qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {qualifier!r}")
        if value_high is not None or qualifier == "range":
            low, high, q = value, value if value_high is None else value_high, "range"
            if low == high:
                q = "exact"
        elif qualifier == "exact":
            low, high, q = value, value, "exact"
        elif qualifier == "approx":
            spread = abs(value) * tolerance
            low, high, q = value - spread, value + spread, "approx"
        elif qualifier == "at_least":
            low, high, q = value, None, "at_least"
        else:
            low, high, q = None, value, "at_most"
        return cls(value=value, unit=unit, measure=measure, issuer=issuer, qualifier=q,
                   low=low, high=high, source=source)

    @property
    def family(self) -> Optional[str]:
        return family(self.measure)

    def overlaps(self, other: "Figure") -> bool:
        """Could both be true of one quantity? (Open bounds reach to infinity.)"""
        lo = max(x for x in (self.low, other.low, float("-inf")) if x is not None)
        hi = min(x for x in (self.high, other.high, float("inf")) if x is not None)
        return lo <= hi

    def text(self) -> str:
        return describe(self)


def describe(f: Figure) -> str:
    """'over 26,000 item (referred, europol)': how the figure reads."""
    if f.qualifier == "range" and f.low is not None and f.high is not None:
        num = f"{format_number(f.low)} to {format_number(f.high)}"
    else:
        word = {"exact": "", "approx": "about ", "at_least": "at least ", "at_most": "at most "}[f.qualifier]
        num = word + format_number(f.value)
    who = f", {f.issuer}" if f.issuer else ""
    return f"{num} {f.unit} ({f.measure}{who})"


def _why(a: Figure, b: Figure, need_issuer: bool = True) -> list[str]:
    reasons = []
    if family(a.measure) != family(b.measure):
        reasons.append("measures")
    if unit_group(a.unit) != unit_group(b.unit):
        reasons.append("units")
    if need_issuer and a.issuer != b.issuer:
        reasons.append("issuers")
    return reasons


def check_compatible(a: Figure, b: Figure, verb: str = "add") -> None:
    """Raise IncompatibleMeasures unless a and b count the same thing by the same issuer."""
    reasons = _why(a, b)
    if reasons:
        listed = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
        raise IncompatibleMeasures(
            f"cannot {verb} {a.measure!r} ({a.issuer or 'no issuer'}) {'to' if verb == 'add' else 'with'} "
            f"{b.measure!r} ({b.issuer or 'no issuer'}): different {listed}")


def total(figures: Iterable[Figure]) -> Figure:
    """Sum figures of one measure family, unit and issuer, with honest bounds.

    Bounds add: "over 26,000" + 5 is "at least 26,005"; "about 100" + 5 is
    about 105 (the approximate part's spread carries over). A sum that mixes
    measures, units or issuers is refused.
    """
    figs = list(figures)
    if not figs:
        raise ValueError("total of no figures")
    first = figs[0]
    for f in figs[1:]:
        check_compatible(first, f, "add")
    lows = [f.low for f in figs]
    highs = [f.high for f in figs]
    low = None if any(x is None for x in lows) else sum(lows)
    high = None if any(x is None for x in highs) else sum(highs)
    value = sum(f.value for f in figs)
    quals = {f.qualifier for f in figs}
    if quals == {"exact"}:
        q = "exact"
    elif low is not None and high is None:
        q, value = "at_least", low
    elif low is None and high is not None:
        q, value = "at_most", high
    elif low is not None and high is not None:
        q = "approx" if "approx" in quals else "range"
    else:
        q = "approx"  # open both ways: only the nominal sum is meaningful
    measure = first.measure if len({f.measure for f in figs}) == 1 else first.family
    return Figure(value=value, unit=first.unit, measure=measure, issuer=first.issuer, qualifier=q,
                  low=low, high=high, source=";".join(f.source for f in figs if f.source))


def combine(figures: Iterable[Figure]) -> list[Figure]:
    """Totals of every group that can be added (same family, unit, issuer); never across.

    Returns one Figure per group, in order of first appearance: the honest
    answer to "add these up" when they count different things.
    """
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        groups.setdefault((f.family, unit_group(f.unit), f.issuer), []).append(f)
    return [total(g) for g in groups.values()]


def compare(a: Figure, b: Figure) -> str:
    """Order two figures of the same measure, unit and issuer.

    Returns 'equal' (same exact value), 'consistent' (their bounds overlap),
    'less' or 'greater' (a lies wholly below or above b). Refuses figures
    that count different things.
    """
    check_compatible(a, b, "compare")
    if a.qualifier == b.qualifier == "exact" and a.value == b.value:
        return "equal"
    if a.overlaps(b):
        return "consistent"
    if a.high is not None and b.low is not None and a.high < b.low:
        return "less"
    return "greater"


@dataclass(frozen=True)
class Span:
    """The range a sentence states ("from X to Y"): its smallest and largest figure."""

    least: Figure
    most: Figure
    figures: tuple[Figure, ...]

    def text(self) -> str:
        """'26,000' when every figure gives the same number, else 'from 1,000 to 5,000'."""
        if self.least.value == self.most.value:
            return format_number(self.least.value)
        return f"from {format_number(self.least.value)} to {format_number(self.most.value)}"


class OpenBound(ValueError):
    """A ratio whose bounds leave it open: "at least 1,000" has no upper end, so "a
    factor of 26" between it and 26,000 could be any factor up to 26."""


def span(figures: Iterable[Figure], across_issuers: bool = False) -> Span:
    """The smallest and largest of figures that count one thing, for a range sentence.

    Refused (``IncompatibleMeasures``) across measure families or units, as a
    sum is: "from 1,000 taken-down channels to 26,000 referred items" is no
    range. Issuers must agree too, unless ``across_issuers`` (the sources'
    figures for one measure and unit, side by side).
    """
    figs = list(figures)
    if not figs:
        raise ValueError("span of no figures")
    for f in figs[1:]:
        reasons = _why(figs[0], f, need_issuer=not across_issuers)
        if reasons:
            listed = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
            raise IncompatibleMeasures(
                f"cannot state a range from {describe(figs[0])} to {describe(f)}: different {listed}")
    ordered = sorted(figs, key=lambda f: (f.value, f.source))
    return Span(least=ordered[0], most=ordered[-1], figures=tuple(figs))


def ratio(a: Figure, b: Figure, across_issuers: bool = False) -> float:
    """a / b, as "a factor of N" states it: refused across measures or units (and
    issuers unless ``across_issuers``), and refused (``OpenBound``) unless both
    figures are bounded on the side the ratio needs: a floor ("over", "1000s")
    in the denominator, or a ceiling in the numerator, leaves the factor open.
    Approximate figures give their nominal ratio."""
    reasons = _why(a, b, need_issuer=not across_issuers)
    if reasons:
        listed = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
        raise IncompatibleMeasures(f"cannot state a ratio of {describe(a)} to {describe(b)}: different {listed}")
    for f, side in ((a, "low"), (a, "high"), (b, "low"), (b, "high")):
        if getattr(f, side) is None:
            raise OpenBound(f"cannot state a ratio of {describe(a)} to {describe(b)}: "
                            f"{describe(f)} has no {'upper' if side == 'high' else 'lower'} bound")
    if b.value == 0:
        raise ZeroDivisionError("ratio to a zero figure")
    return a.value / b.value


def difference(later: Figure, earlier: Figure) -> Figure:
    """later − earlier, for a claimed increase (same family, unit, issuer)."""
    check_compatible(later, earlier, "subtract")
    low = None if later.low is None or earlier.high is None else later.low - earlier.high
    high = None if later.high is None or earlier.low is None else later.high - earlier.low
    q = "exact" if later.qualifier == earlier.qualifier == "exact" else (
        "approx" if low is not None and high is not None else
        "at_least" if low is not None else "at_most" if high is not None else "approx")
    return Figure(value=later.value - earlier.value, unit=later.unit, measure="increase",
                  issuer=later.issuer, qualifier=q, low=low, high=high,
                  source=f"{later.source}−{earlier.source}")


def with_issuer(f: Figure, issuer: str) -> Figure:
    return replace(f, issuer=issuer)


def check_measure(value: str | None) -> str | None:
    """Validator shared by the claim and fact schemas: a measure must be known."""
    if value is not None and value not in KNOWN_MEASURES:
        raise ValueError(f"unknown measure {value!r} (see the measure families in "
                         "data/reference/README.md)")
    return value
