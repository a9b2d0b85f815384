"""The discrepancy register finds every expected discrepancy, by computation, and no false ones.

The first tests read ``data/reference/discrepancies-expected.csv`` and check
both directions. The rest run each rule on small synthetic claims and facts,
so that a regression in one rule fails a test named after it.
"""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from analysis.evidence import facts as factsmod
from analysis.evidence.claims import Claim, load_claims
from analysis.corpus.articles import load_corpus
from analysis.evidence.facts import Fact
from analysis.evidence.headline import headline_definitions
from analysis.paths import PATHS
from analysis.evidence.register import REGISTER_COLUMNS, build_register, voices

ENTITIES = factsmod.load_entities(PATHS)
EVENTS = factsmod.load_events(PATHS)
FACTS = factsmod.load_facts(PATHS)
CLAIMS = load_claims(PATHS, facts=FACTS)
TEXTS = {a.id: a.raw for a in load_corpus(PATHS)}
REGISTER = build_register(CLAIMS, FACTS, ENTITIES, TEXTS, EVENTS)


def _expected():
    with (PATHS.reference / "discrepancies-expected.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _matches(exp: dict):
    """Register rows for one expected case: same article, a shared fact, at least its kinds."""
    want_facts = set(exp["fact_ids"].split(";"))
    out = []
    for row in REGISTER.itertuples():
        if row.article != exp["article"] or not want_facts & set(row.facts.split(";")):
            continue
        out.append(row)
    return out


@pytest.mark.parametrize("exp", [e for e in _expected() if e["expected"] != "no_flag"], ids=lambda e: e["case"])
def test_every_expected_discrepancy_is_found(exp):
    rows = _matches(exp)
    assert rows, f"case {exp['case']} not found"
    kinds = set(exp["kind"].split(";"))
    hits = [r for r in rows if kinds <= set(r.kinds.split(";"))]
    assert hits, (exp["case"], kinds, [(r.case, r.kinds) for r in rows])
    want = {"unresolved"} if exp["expected"] == "unresolved" else {"discrepancy", "possible"}
    assert any(r.status in want for r in hits), [(r.case, r.status) for r in hits]


@pytest.mark.parametrize("exp", [e for e in _expected() if e["expected"] == "no_flag"], ids=lambda e: e["case"])
def test_no_false_discrepancy(exp):
    assert not _matches(exp), _matches(exp)


def test_entry_points_follow_the_chain():
    by_claim = {c: r for r in REGISTER.itertuples() for c in r.claims.split(";") if c}
    # case 2: The Telegraph merged them; 002-09's "removed" follows a co-issuer (no entry point)
    assert by_claim["002-08"].entered_at == "merged=the-telegraph"
    assert by_claim["002-15"].entered_at == "sada-el-balad"          # case 3: the Telegraph has "almost 100"
    # case 1: "removed" for "referred" is a dispute between co-issuers (the Belgian police wrote
    # it), not an error; where items became "sites and accounts" is not located: the wires
    # and COPE were not read
    assert by_claim["001-02"].entered_at == "unit=not located"
    assert "between co-issuers" in by_claim["001-02"].entered_basis
    assert "co-issuers of one figure word it differently" in by_claim["001-02"].explanation
    # case 5: The Telegraph's text on the raid was not read, so it cannot be told
    assert by_claim["002-20"].entered_at == "not located"
    assert "not checked: the-telegraph" in by_claim["002-20"].entered_basis
    assert by_claim["000-15"].entered_at == ""                       # case 10: not assigned
    assert by_claim["000-10"].status == "possible"                   # case 6: possibly a subset,
    assert by_claim["000-10"].entered_at == ""                       # so no entry point


def test_between_issuers_row():
    row = REGISTER[REGISTER.facts == "europol-2019-states;reuters-2019-countries"].iloc[0]
    assert row.article == "" and row.kinds == "count" and row.status == "possible"
    assert "12" in row.explanation and "11" in row.explanation


def test_register_is_deterministic_and_explained():
    assert list(REGISTER.columns) == REGISTER_COLUMNS
    again = build_register(list(reversed(CLAIMS)), list(reversed(FACTS)), ENTITIES, TEXTS, EVENTS)
    assert again.equals(REGISTER)
    assert REGISTER["case"].is_unique
    for row in REGISTER.itertuples():
        assert row.explanation.strip()
        for cid in filter(None, row.claims.split(";")):
            assert cid in row.explanation


def test_voices():
    v = voices(CLAIMS, FACTS)
    pairs = {(r.source, r.same_voice_as, r.relation) for r in v.itertuples()}
    assert ("crest-2021-posts", "isd-tamtam-2019-channels", "same_person") in pairs
    assert ("reuters-2019-items", "belgian-police-2019-removed", "follows_wording") in pairs
    assert ("002-09", "belgian-police-2019-removed", "follows_wording") in pairs
    assert ("001-02", "belgian-police-2019-removed", "follows_wording") in pairs
    assert not any(s == "europol-2019-referrals" for s, _, rel in pairs if rel == "follows_wording")


def test_headline_under_other_definitions():
    h = headline_definitions(FACTS, CLAIMS).set_index("definition")
    assert h.loc["referred item", "value"] == "26000" and h.loc["referred item", "qualifier"] == "at_least"
    banned = h.loc["banned account_or_bot (2 days added)"]
    assert banned.value == "5055" and banned.qualifier == "exact"
    assert "001-02" in h.loc["closed website_and_account (as reported)", "claims"]
    # the article's own wording is labelled with the outlet, not with the issuer it cites
    assert h.loc["closed website_and_account (as reported)", "issuer"] == "akhbar-al-aan"
    assert "attributes it to europol" in h.loc["closed website_and_account (as reported)", "note"]
    # a definition's claims are those linked to its facts: 001-02 leans on Europol's, the
    # police's and Reuters' figures; 002-09 is not linked to Reuters'
    for d in ("referred item", "removed item", "taken_offline item"):
        assert "001-02" in h.loc[d, "claims"].split(";"), d
    assert "002-09" not in h.loc["taken_offline item", "claims"].split(";")
    refused = h[h.index.str.contains("added across measures")]
    assert refused["note"].str.startswith("refused: cannot add").all() and len(refused) >= 1


# --- each rule on synthetic data --------------------------------------------------
D = dt.date(2019, 11, 22)


def fact(id="f-1", value="", low=None, high=None, unit=None, measure=None, issuer=("telegram",),
         person=(), reporter=(), event="e", start=D, end=D, text="a fact", confidence="secondary"):
    return Fact(id=id, fact=text, value=value, value_low=low, value_high=high, unit=unit, measure=measure,
                date=str(start), date_start=start, date_end=end, date_precision="day", issuer=list(issuer),
                person=list(person), reporter=list(reporter), confidence=confidence, event=event,
                source_url=[f"https://example.org/{id}"])


def claim(id="900-01", facts=("f-1",), value=None, unit=None, qualifier=None, measure=None, type="takedown_count",
          chain=("outlet", "telegram"), event="e", event_date=None, place=None, actors=("telegram",),
          start=0, end=5, credibility=2):
    prec = "unknown" if event_date is None else {4: "year", 7: "month", 10: "day"}[len(event_date)]
    return Claim(id=id, quote="x" * (end - start), start=start, end=end, translation="t", type=type,
                 actors=list(actors), platforms=[], value=value, unit=unit, qualifier=qualifier, measure=measure,
                 event_date=event_date, event_date_precision=prec, event=event, place=place,
                 attribution=list(chain), facts=list(facts),
                 grade={"reliability": "C", "credibility": credibility, "reason": "test"}, article="900")


def run(claims, facts, text=None, verbatim=None):
    kinds = {"outlet": "outlet", "relay": "organization", "bbc": "organization", "telegram": "platform",
             "europol": "organization", "durov": "person", "nikolai": "person", "iran-police": "person",
             "police": "organization", "journalist": "person"}
    import pandas as pd
    ents = pd.DataFrame({"id": list(kinds), "kind": list(kinds.values()), "name_en": list(kinds)})
    return build_register(claims, facts, ents, {"900": text} if text else {}, {},
                          {"900": verbatim} if verbatim else {})


def kinds_of(reg):
    return [set(k.split(";")) for k in reg["kinds"]]


def test_rule_value():
    f = fact(value="78", low=78, high=78, unit="channel", measure="blocked")
    assert kinds_of(run([claim(value=50, unit="channel", qualifier="exact", measure="blocked")], [f])) == [{"value"}]
    assert run([claim(value=78, unit="channel", qualifier="exact", measure="blocked")], [f]).empty


def test_rule_value_allows_the_claims_own_qualifier():
    f = fact(value="over 26,000", low=26000, unit="item", measure="referred", issuer=("europol",))
    c = claim(value=26000, unit="item", qualifier="approx", measure="referred", chain=("outlet", "europol"))
    assert run([c], [f]).empty   # "about 26 thousand" vs "over 26,000": not a value difference


def test_rule_unit():
    f = fact(value="78", low=78, high=78, unit="channel", measure="blocked")
    reg = run([claim(value=78, unit="account", qualifier="exact", measure="blocked")], [f])
    assert kinds_of(reg) == [{"unit"}] and "'account'" in reg.explanation[0]


def test_rule_measure():
    f = fact(value="over 26,000", low=26000, unit="item", measure="referred", issuer=("europol",))
    reg = run([claim(value=26000, unit="item", qualifier="at_least", measure="removed",
                     chain=("outlet", "europol"))], [f])
    assert kinds_of(reg) == [{"measure"}]
    same_family = claim(value=26000, unit="item", qualifier="at_least", measure="closed", chain=("outlet", "europol"))
    assert run([same_family], [fact(value="over 26,000", low=26000, unit="item", measure="removed",
                                    issuer=("europol",))]).empty


def test_rule_qualifier_flip():
    f = fact(value="up to 100", high=100, unit="channel", measure="seen")
    reg = run([claim(value=100, unit="channel", qualifier="at_least", measure="seen")], [f])
    assert kinds_of(reg) == [{"qualifier"}] and "the bound is flipped" in reg.explanation[0]
    assert run([claim(value=100, unit="channel", qualifier="approx", measure="seen")], [f]).empty


def test_rule_qualifier_bound_the_source_does_not_state():
    # "almost 100" is approx in the lexicon (so the fact's bounds are both 100): "more than
    # 100" states a lower bound the source never gave (case 3)
    f = fact(value="almost 100", low=100, high=100, unit="channel", measure="seen")
    assert f.qualifier == "approx"
    reg = run([claim(value=100, unit="channel", qualifier="at_least", measure="seen")], [f])
    assert kinds_of(reg) == [{"qualifier"}]
    assert "says 'almost 100': a bound the source does not state" in reg.explanation[0]
    assert run([claim(value=100, unit="channel", qualifier="approx", measure="seen")], [f]).empty
    far = fact(value="almost 100", low=100, high=100, unit="channel", measure="seen")
    assert kinds_of(run([claim(value=1000, unit="channel", qualifier="at_least", measure="seen")], [far])) \
        == [{"value"}]   # not close: a value difference, not a qualifier one


def test_rule_merged():
    text = "nearly 5,000 accounts and 26,000 items removed."
    bans = fact("f-bans", value="2,096", low=2096, high=2096, unit="account_or_bot", measure="banned")
    refs = fact("f-refs", value="over 26,000", low=26000, unit="item", measure="referred", issuer=("europol",))
    a = claim("900-01", facts=("f-bans",), value=5000, unit="account", qualifier="approx", measure="removed",
              start=0, end=21)
    b = claim("900-02", facts=("f-refs",), value=26000, unit="item", qualifier="approx", measure="removed",
              chain=("outlet", "europol"), start=22, end=47)
    reg = run([a, b], [bans, refs], text)
    assert "merged" in set().union(*kinds_of(reg))
    text2 = "nearly 5,000 accounts.\n26,000 items removed."     # two sentences: no merge
    reg2 = run([a, b], [bans, refs], text2)
    assert "merged" not in set().union(set(), *kinds_of(reg2))


def test_rule_count_possible_subset():
    f = fact(value="26", low=26, high=26, unit="person", measure="defendants", issuer=("court",))
    reg = run([claim(value=24, unit="person", qualifier="exact", measure="on_trial", chain=("outlet", "x"))], [f])
    assert kinds_of(reg) == [{"value", "count"}] and reg.status[0] == "possible"


def test_rule_place():
    f = fact(text="killed in a raid; place: north-west Syria", issuer=("us",))
    reg = run([claim(type="event", place="north-east Syria")], [f])
    assert kinds_of(reg) == [{"place"}]
    assert run([claim(type="event", place="North-West Syria")], [f]).empty


def test_rule_date():
    vk = fact("f-vk", start=dt.date(2006, 1, 1), end=dt.date(2006, 12, 31), issuer=(), person=("durov",))
    tg = fact("f-tg", start=dt.date(2013, 1, 1), end=dt.date(2013, 12, 31), event="other")
    reg = run([claim(type="event", facts=("f-vk", "f-tg"), event_date="2013", actors=("durov",))], [vk, tg])
    assert kinds_of(reg) == [{"date"}] and "f-tg" in reg.explanation[0]
    assert run([claim(type="event", facts=("f-vk",), event_date="2006", actors=("durov",))], [vk]).empty


def test_rule_attribution():
    said = fact(issuer=("telegram",), person=("durov",))
    reg = run([claim(type="attribution", chain=("outlet", "bbc", "durov"))], [said])
    assert kinds_of(reg) == [{"attribution"}] and "through bbc" in reg.explanation[0]
    assert run([claim(type="attribution", chain=("outlet", "durov"))], [said]).empty
    founder = fact(issuer=(), person=("durov",))
    reg = run([claim(type="event", actors=("nikolai",), chain=("outlet",))], [founder])
    assert kinds_of(reg) == [{"attribution"}]


def test_rule_conflict_unresolved():
    none = fact(value="0", low=0, high=0, unit="disclosure", measure="disclosures")
    reg = run([claim(type="cooperation", measure="disclosed", chain=("outlet", "iran-police"),
                     actors=("telegram",))], [none])
    assert kinds_of(reg) == [{"conflict"}] and reg.status[0] == "unresolved" and reg.entered_at[0] == ""


def test_rule_internal_units():
    f = fact(value="78", low=78, high=78, unit="channel", measure="blocked")
    a = claim("900-01", value=78, unit="account", qualifier="exact", measure="blocked")
    b = claim("900-02", value=78, unit="website", qualifier="exact", measure="blocked", start=10, end=15)
    reg = run([a, b], [f])
    assert len(reg) == 1 and kinds_of(reg) == [{"unit", "internal"}]


def test_rule_between_issuers():
    a = fact("f-a", value="12", low=12, high=12, unit="country", measure="participants", issuer=("europol",))
    b = fact("f-b", value="11", low=11, high=11, unit="country", measure="participants", issuer=("reuters",))
    reg = run([], [a, b])
    assert kinds_of(reg) == [{"count"}] and reg.article[0] == "" and reg.status[0] == "possible"


def test_rule_increase_and_sums_are_not_flagged():
    aug = fact("f-aug", value="10 billion", low=10e9, high=10e9, unit="message_per_day", measure="delivered",
               start=dt.date(2015, 8, 1), end=dt.date(2015, 8, 31))
    sep = fact("f-sep", value="12 billion", low=12e9, high=12e9, unit="message_per_day", measure="sent",
               start=dt.date(2015, 9, 21), end=dt.date(2015, 9, 21))
    inc = claim(facts=("f-aug", "f-sep"), value=2e9, unit="message_per_day", qualifier="exact", measure="increase")
    assert run([inc], [aug, sep]).empty
    wrong = claim(facts=("f-aug", "f-sep"), value=5e9, unit="message_per_day", qualifier="exact", measure="increase")
    assert kinds_of(run([wrong], [aug, sep])) == [{"value"}]
    d1 = fact("f-d1", value="2,096", low=2096, high=2096, unit="account_or_bot", measure="banned")
    d2 = fact("f-d2", value="2,959", low=2959, high=2959, unit="account_or_bot", measure="banned",
              start=dt.date(2019, 11, 23), end=dt.date(2019, 11, 23))
    both = claim(facts=("f-d1", "f-d2"), value=5000, unit="account", qualifier="approx", measure="removed")
    assert run([both], [d1, d2]).empty   # 5,055 is about 5,000


def test_rule_content_falls_back_to_the_grade():
    f = fact(text="public channels launched")
    reg = run([claim(type="feature", credibility=5)], [f])
    assert kinds_of(reg) == [{"value"}] and "graded improbable" in reg.explanation[0]
    assert run([claim(type="feature", credibility=1)], [f]).empty


# --- where a difference entered (the codebook's register rules) -------------------------------
def test_entry_point_is_not_located_behind_an_unread_relay():
    f = fact(value="78", low=78, high=78, unit="channel", measure="blocked")
    # outlet → relay (never read) → telegram (read: 78 channels)
    c = claim(value=78, unit="account", qualifier="exact", measure="blocked", chain=("outlet", "relay", "telegram"))
    reg = run([c], [f])
    assert reg.entered_at[0] == "not located" and "not checked: relay" in reg.entered_basis[0]
    assert "Where it entered is not located" in reg.explanation[0]
    # with nothing unread between the issuer and the outlet, the outlet is the only candidate
    direct = claim(value=78, unit="account", qualifier="exact", measure="blocked")
    assert run([direct], [f]).entered_at[0] == "outlet"
    # a relay whose own text shows it is where it entered
    relayed = fact("f-2", value="78", low=78, high=78, unit="account", measure="blocked", issuer=("relay",),
                   reporter=("relay",))   # the relay's own sentence
    c2 = claim(facts=("f-1", "f-2"), value=78, unit="account", qualifier="exact", measure="blocked",
               chain=("outlet", "relay", "telegram"))
    assert run([c2], [f, relayed]).entered_at[0] == "relay"


def test_a_verbatim_embedded_quotation_is_not_where_a_change_entered():
    f = fact(value="2,096", low=2096, high=2096, unit="account_or_bot", measure="banned")
    tweet = claim(value=1000, unit="channel", qualifier="at_least", measure="taken_down",
                  chain=("outlet", "journalist"), start=10, end=30)
    plain = run([tweet], [f])
    assert plain.entered_at[0] == "not located"            # the outlet's prose: the outlet or the unread journalist
    embedded = run([tweet], [f], verbatim=[(5, 40)])       # the same words inside an embedded tweet
    assert embedded.entered_at[0] == "journalist"
    assert "embedded verbatim by outlet" in embedded.entered_basis[0]
    assert "outlet" not in embedded.entered_at[0]


def test_a_possible_or_disputed_difference_carries_no_entry_point():
    f = fact(value="26", low=26, high=26, unit="person", measure="defendants", issuer=("court",))
    reg = run([claim(value=24, unit="person", qualifier="exact", measure="on_trial", chain=("outlet", "x"))], [f])
    assert reg.status[0] == "possible" and reg.entered_at[0] == ""
    # a co-issuer's own wording, first said, followed by the claim: disputed, not an error
    refs = fact("f-refs", value="over 26,000", low=26000, unit="item", measure="referred", issuer=("europol",))
    police = fact("f-police", value="over 26,000", low=26000, unit="item", measure="removed", issuer=("police",),
                  confidence="primary", start=D, end=D)
    c = claim(facts=("f-refs", "f-police"), value=26000, unit="item", qualifier="approx", measure="closed",
              chain=("outlet", "europol"))
    reg = run([c], [refs, police])
    assert kinds_of(reg) == [{"measure"}] and reg.status[0] == "disputed" and reg.entered_at[0] == ""
    assert "co-issuers of one figure word it differently" in reg.explanation[0]
    # without the co-issuer's statement, the same wording is an error of the chain
    alone = run([claim(facts=("f-refs",), value=26000, unit="item", qualifier="approx", measure="closed",
                       chain=("outlet", "europol"))], [refs])
    assert alone.status[0] == "discrepancy" and alone.entered_at[0] == "outlet"


def test_cooperation_and_its_denial_contradict_only_at_the_same_time():
    def coop(cid, typ, date, start):
        return claim(cid, facts=(), type=typ, event_date=date, chain=("outlet", "iran-police"),
                     actors=("telegram",), start=start, end=start + 5)
    # "no help" (undated: before the attack) and "a name three days after": one qualified account
    assert run([coop("900-01", "non_cooperation", None, 0), coop("900-02", "cooperation", "2017-06-10", 10)],
               []).empty
    both = run([coop("900-01", "non_cooperation", "2017-06", 0), coop("900-02", "cooperation", "2017-06-10", 10)], [])
    assert kinds_of(both) == [{"internal"}] and both.status[0] == "unresolved"


def test_rule_content_falls_back_to_a_doubtful_grade_too():
    f = fact(text="public channels launched")
    reg = run([claim(type="feature", credibility=4)], [f])
    assert kinds_of(reg) == [{"value"}] and "graded doubtful" in reg.explanation[0]
