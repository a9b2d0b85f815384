"""Figures are never added or compared across measures, units or issuers."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.evidence import measures
from analysis.evidence.facts import load_facts
from analysis.evidence.measures import Figure, IncompatibleMeasures, combine, compare, difference, total
from analysis.paths import PATHS

FACTS = {f.id: f for f in load_facts(PATHS)}


def test_families_match_the_readme_table():
    text = (PATHS.reference / "README.md").read_text(encoding="utf-8")
    table = text.split("### Measure families", 1)[1].split("\n\n")[2]
    readme = {}
    for line in table.splitlines()[2:]:
        name, cell = [c.strip() for c in line.strip("|").split("|")]
        readme[name] = set(re.findall(r"`([a-z_]+)`", cell))
    ours = {fam: set(ms) for fam, ms in measures.MEASURE_FAMILIES.items()}
    assert readme.pop("other") == set(measures.OTHER_MEASURES)
    assert sorted(map(sorted, readme.values())) == sorted(map(sorted, ours.values()))


def test_telegram_two_days_add_up():
    days = [FACTS["telegram-isiswatch-2019-11-22"].figure(), FACTS["telegram-isiswatch-2019-11-23"].figure()]
    t = total(days)
    assert (t.value, t.qualifier, t.low, t.high) == (5055, "exact", 5055, 5055)
    assert t.unit == "account_or_bot" and t.measure == "banned" and t.issuer == "telegram"


def test_adding_telegram_bans_to_europol_referrals_is_refused():
    days = [FACTS["telegram-isiswatch-2019-11-22"].figure(), FACTS["telegram-isiswatch-2019-11-23"].figure()]
    with pytest.raises(IncompatibleMeasures, match=r"cannot add 'banned' \(telegram\) to 'referred' "
                                                   r"\(europol;eurojust\): different measures, units and issuers"):
        total(days + [FACTS["europol-2019-referrals"].figure()])


def test_refusal_message_says_why():
    bans = Figure.of(2096, "item", "banned", "telegram")
    refs = Figure.of(26000, "item", "referred", "europol", "at_least")
    with pytest.raises(IncompatibleMeasures) as err:
        total([bans, refs])
    assert str(err.value) == ("cannot add 'banned' (telegram) to 'referred' (europol): "
                              "different measures and issuers")


def test_bounds_are_honest():
    over = Figure.of(26000, "item", "referred", "europol", "at_least")
    five = Figure.of(5, "item", "referred", "europol")
    t = total([over, five])
    assert (t.qualifier, t.value, t.low, t.high) == ("at_least", 26005, 26005, None)
    about = Figure.of(100, "item", "referred", "europol", "approx")
    t = total([about, five])
    assert t.qualifier == "approx" and t.low == pytest.approx(95) and t.high == pytest.approx(115)
    nearly = Figure.of(5000, "item", "referred", "europol", "at_most")
    assert total([nearly, five]).qualifier == "at_most"


def test_compare_inside_a_family_only():
    delivered = FACTS["telegram-2015-10bn"].figure()
    sent = FACTS["telegram-2015-volume"].figure()
    assert compare(delivered, sent) == "consistent"   # delivered ≈ sent: one family ("over 10 billion" vs 12)
    price = FACTS["whatsapp-2014-acquisition"].figure()
    claimed = Figure.of(19e9, "usd", "acquired_for", "facebook", "approx")
    assert compare(claimed, price) == "consistent"   # acquired_for ≈ announced_price
    removed = Figure.of(26000, "item", "removed", "europol", "at_least")
    referred = Figure.of(26000, "item", "referred", "europol", "at_least")
    with pytest.raises(IncompatibleMeasures, match="different measures"):
        compare(removed, referred)
    with pytest.raises(IncompatibleMeasures, match="different issuers"):
        compare(referred, Figure.of(26000, "item", "referred", "reuters", "approx"))
    closed = Figure.of(26000, "item", "closed", "europol", "approx")
    assert compare(closed, removed) == "consistent"   # closed ≈ removed: removal family
    assert compare(Figure.of(5, "item", "sent", "t"), Figure.of(5, "item", "sent", "t")) == "equal"


def test_a_range_sentence_is_refused_across_measures_or_units():
    a = Figure.of(1000, "channel", "taken_down", "saeed", "at_least")
    b = Figure.of(26000, "item", "referred", "europol", "at_least")
    with pytest.raises(IncompatibleMeasures, match="cannot state a range .* different measures, units and issuers"):
        measures.span([a, b])
    with pytest.raises(IncompatibleMeasures, match="different measures and units"):
        measures.span([a, b], across_issuers=True)
    removed = Figure.of(26000, "item", "removed", "police", "at_least")
    offline = Figure.of(25000, "item", "taken_offline", "reuters", "approx")
    with pytest.raises(IncompatibleMeasures, match="different issuers"):
        measures.span([removed, offline])
    sp = measures.span([removed, offline], across_issuers=True)      # one act (removal), one unit
    assert (sp.least, sp.most, sp.text()) == (offline, removed, "from 25,000 to 26,000")


def test_a_ratio_is_refused_across_measures_and_when_a_bound_is_open():
    a = Figure.of(1000, "channel", "taken_down", "x", "at_least")
    b = Figure.of(26000, "item", "referred", "x", "at_least")
    with pytest.raises(IncompatibleMeasures, match="cannot state a ratio"):
        measures.ratio(b, a)
    floor = Figure.of(1000, "item", "referred", "x", "at_least")       # "1000s": a floor, no ceiling
    with pytest.raises(measures.OpenBound, match="has no upper bound"):
        measures.ratio(Figure.of(26000, "item", "referred", "x"), floor)
    assert measures.ratio(Figure.of(26000, "item", "referred", "x"), Figure.of(1000, "item", "referred", "x")) == 26


def test_difference_is_the_claimed_increase():
    d = difference(FACTS["telegram-2015-volume"].figure(), FACTS["telegram-2015-10bn"].figure())
    # 12 billion less "over 10 billion": at most 2 billion
    assert d.value == 2e9 and d.qualifier == "at_most" and d.high == 2e9 and d.low is None


def test_combine_never_mixes():
    figs = [Figure.of(2096, "account_or_bot", "banned", "telegram"),
            Figure.of(26000, "item", "referred", "europol", "at_least"),
            Figure.of(2959, "account_or_bot", "banned", "telegram")]
    out = combine(figs)
    assert [(f.value, f.measure) for f in out] == [(5055, "banned"), (26000, "referred")]


def test_families():
    assert measures.measures_conflict("referred", "removed")
    assert measures.measures_conflict("closed", "referred")
    assert not measures.measures_conflict("removed", "banned")  # both the provider acting
    assert not measures.comparable_measures("duration", "disclosures")
    assert measures.same_family("disclosed", "disclosures")
    assert measures.units_compatible("account", "account_or_bot")
    assert not measures.units_compatible("website", "channel")


values = st.integers(min_value=0, max_value=10**9)
quals = st.sampled_from(["exact", "approx", "at_least", "at_most"])


@given(st.lists(st.tuples(values, quals), min_size=1, max_size=6))
def test_total_bounds_contain_every_possible_sum(parts):
    figs = [Figure.of(v, "item", "removed", "x", q) for v, q in parts]
    t = total(figs)
    # The sum of the bounds' midpoints (a possible true total) lies within the result.
    lows = [f.low if f.low is not None else f.value for f in figs]
    assert t.low is None or t.low <= sum(lows) + 1e-6
    highs = [f.high if f.high is not None else f.value for f in figs]
    assert t.high is None or t.high >= sum(highs) - 1e-6
    assert total(list(reversed(figs))).qualifier == t.qualifier


@given(st.sampled_from(sorted(measures.KNOWN_MEASURES)), st.sampled_from(sorted(measures.KNOWN_MEASURES)))
def test_mixing_families_always_refused(m1, m2):
    a, b = Figure.of(1, "item", m1, "x"), Figure.of(1, "item", m2, "x")
    if measures.family(m1) == measures.family(m2):
        assert total([a, b]).value == 2
    else:
        with pytest.raises(IncompatibleMeasures):
            total([a, b])
