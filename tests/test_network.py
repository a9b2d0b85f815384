"""Migration and actor–platform graphs: built from the real claims and facts as
the chapter says, and each rule checked on small synthetic cases."""
from __future__ import annotations

import datetime as dt
import io
import json

import networkx as nx
import pandas as pd
import pytest

from analysis.chapters import network
from analysis.display.labels import article_labels, confidence_words, load_labels
from analysis.evidence.loader import load_evidence
from analysis.evidence.facts import Event
from analysis.paths import PATHS

EV = load_evidence(PATHS)
CORPUS, ENTITIES, EVENTS, FACT_LIST = EV.corpus, EV.entities, EV.events, EV.facts
CLAIMS, FACTS = EV.claims_table, EV.facts_table
ALIASES = network.load_aliases(PATHS.gazetteer)
NET = network.build(CLAIMS, FACTS, ENTITIES, EVENTS, ALIASES)
EDGES = NET["edges"]
LABELS = load_labels(PATHS)
ARTICLES = load_labels(PATHS).article_names((a.id, a.row.outlet, a.row.published) for a in CORPUS)
FACT_DATES = dict(zip(FACTS["id"], FACTS["date"]))
TELLINGS = network.tellings_table(EDGES, LABELS, ARTICLES, FACT_DATES, confidence_words(PATHS))


def _edge(a, b, key):
    rows = EDGES[(EDGES["from"] == a) & (EDGES["to"] == b) & (EDGES["key"] == key)]
    assert len(rows) == 1, (a, b, key, EDGES[["from", "to", "key"]])
    return rows.iloc[0]


# --- the real graph ----------------------------------------------------------
def test_moves_the_sources_tell():
    pairs = {(r["from"], r["to"], r["key"]) for _, r in EDGES.iterrows()}
    assert {("twitter", "telegram", "000"), ("twitter", "telegram", "003"),
            ("whatsapp", "telegram", "003"), ("telegram", "tamtam", "002")} <= pairs
    crest = {b for a, b, k in pairs if k == "crest-2021-destinations"}
    assert crest == {"tamtam", "rocketchat", "nandbox", "hoop", "riot"}
    assert all(a == "telegram" for a, b, k in pairs if k == "crest-2021-destinations")
    # Nobody tells a move back to Twitter (003-12 names Telegram first).
    assert ("telegram", "twitter") not in {(a, b) for a, b, _ in pairs}


def test_kinds_keep_users_apart():
    assert _edge("whatsapp", "telegram", "003")["kind"] == network.USER_PRIVACY
    assert _edge("whatsapp", "telegram", "003")["movers"] == ""
    others = EDGES[~((EDGES["from"] == "whatsapp") & (EDGES["to"] == "telegram"))]
    assert set(others["kind"]) == {network.EXTREMIST}
    assert set(EDGES.loc[EDGES["claims"] != "", "movers"]) - {""} == {"isis"}
    assert network.counts_by_kind(EDGES) == {network.EXTREMIST: len(EDGES) - 1, network.USER_PRIVACY: 1,
                                             network.USER: 0}


def test_hedged_destination_is_marked():
    riot = _edge("telegram", "riot", "crest-2021-destinations")
    assert riot["certainty"] == "probable" and riot["rule"] == "fact_destinations_hedged"
    assert (EDGES.loc[EDGES["to"] != "riot", "certainty"] != "probable").all()


def test_claims_on_edges_and_roles():
    e = _edge("telegram", "tamtam", "002")
    assert network._split(e["direction_claims"]) == ["002-02", "002-06"]
    assert {"002-03", "002-05", "002-14", "002-15", "002-17", "002-21"} <= set(network._split(e["claims"]))
    assert "002-10" not in e["claims"]  # another event (London Bridge)
    t3 = _edge("twitter", "telegram", "003")
    assert "003-12" in network._split(t3["claims"]) and "003-12" not in t3["direction_claims"]
    assert "003-15" not in t3["claims"]  # the users' move is its own edge
    # Every claim on an edge exists and belongs to the edge's article.
    ids = set(CLAIMS["id"])
    for _, r in EDGES.iterrows():
        for cid in network._split(r["claims"]):
            assert cid in ids and cid.startswith(r["articles"] + "-")


def test_every_migration_claim_is_placed_or_explained():
    placed = {c for cell in EDGES["claims"] for c in network._split(cell)}
    unplaced = network.unplaced_claims(CLAIMS, EDGES)
    mig = set(CLAIMS.loc[CLAIMS["type"] == "migration", "id"])
    assert mig == (mig & placed) | set(unplaced["claim"])
    assert not set(unplaced["claim"]) & placed
    assert set(unplaced["claim"]) == {"004-03", "004-11", "004-12"}


def test_platform_order_is_not_the_direction():
    order = network.order_check(CLAIMS, ENTITIES, EDGES)
    assert list(order.loc[~order["agrees"], "claim"]) == ["003-12"]


def test_dates_and_grades():
    w = _edge("whatsapp", "telegram", "003")
    assert (w["date"], w["date_precision"], w["date_rule"]) == ("2014-02", "month", "claims")
    assert w["facts"] == "whatsapp-2014-acquisition" and w["grade"] == "F2"
    t = _edge("telegram", "tamtam", "002")
    assert (t["date"], t["date_precision"], t["grade"]) == ("2019-12", "month", "C2")
    t3 = _edge("twitter", "telegram", "003")
    assert t3["date_precision"] == "before" and t3["date"].startswith("../2015-")
    assert t3["date_rule"] == "before:003-05"
    # 000's move is bounded by the attack its users planned on Telegram, not by the trial a year later
    t0 = _edge("twitter", "telegram", "000")
    assert (t0["date"], t0["date_precision"], t0["date_rule"]) == ("../2017-06-07", "before", "before:000-11")
    # CREST's list is dated by CREST (published Jan 2021: tried by then), not by an event key
    crest = EDGES[EDGES["key"] == "crest-2021-destinations"]
    assert set(crest["date"]) == {"../2021-01-31"} and set(crest["date_rule"]) == {"fact"}
    assert set(crest["date_precision"]) == {"before"}
    assert set(crest["grade"]) == {""} and set(crest["confidence"]) == {"secondary"}


def test_shared_voice_between_parallel_tellings():
    v = network.shared_voices(EDGES).set_index(["from", "to"])
    assert v.loc[("telegram", "tamtam"), "shared"] == "amarnath-amarasingam"
    assert v.loc[("twitter", "telegram"), "shared"] == ""


def test_centrality():
    c = network.platform_centrality(NET["graph"]).set_index("platform")
    assert c.index[0] == "telegram" and c.loc["telegram", "betweenness"] > 0
    assert (c.drop(index="telegram")["betweenness"] == 0).all()
    assert c["in_degree"].sum() == c["out_degree"].sum() == len(EDGES)
    assert c.loc["telegram", "in_degree"] == 3 and c.loc["telegram", "to_platforms"] == 5


def test_actor_platform_weights_match_the_claims():
    ap = NET["ap_edges"].set_index(["actor", "platform"])
    direct = sum(1 for _, r in CLAIMS.iterrows()
                 if "isis" in r["actors"].split(";") and "telegram" in r["platforms"].split(";"))
    assert ap.loc[("isis", "telegram"), "weight"] == direct > 0
    platform_ids = set(ENTITIES.loc[ENTITIES["kind"] == "platform", "id"])
    assert not set(NET["ap_edges"]["actor"]) & platform_ids
    b = NET["bipartite"]
    assert nx.is_bipartite(b)
    deg = network.bipartite_degree(b)
    assert deg.loc[deg["side"] == "actor", "claims"].sum() == NET["ap_edges"]["weight"].sum()


# --- exports -----------------------------------------------------------------
def test_exports_round_trip_and_are_deterministic():
    out = network.outputs(NET)
    again = network.outputs(network.build(CLAIMS, FACTS, ENTITIES, EVENTS, ALIASES))
    assert out == again
    g = nx.read_graphml(io.BytesIO(out["migration_graph.graphml"]), force_multigraph=True)
    assert g.number_of_edges() == len(EDGES) and g.is_directed()
    for _, _, d in g.edges(data=True):
        assert all(isinstance(v, (str, int, float)) for v in d.values())
    data = json.loads(out["migration_graph.json"])
    assert len(data["edges"]) == len(EDGES) and data["multigraph"] is True
    bg = nx.read_graphml(io.BytesIO(out["actor_platform_graph.graphml"]))
    assert sorted(int(d["weight"]) for *_, d in bg.edges(data=True)) == sorted(NET["ap_edges"]["weight"])
    table = pd.read_csv(io.BytesIO(out["migration_edges.csv"]), dtype=str, keep_default_na=False)
    assert list(table.columns) == network.EDGE_COLUMNS
    assert table[["from", "to", "key"]].equals(table[["from", "to", "key"]].sort_values(
        ["from", "to", "key"]).reset_index(drop=True))


def test_figures_draw_from_their_tables():
    data = network.migration_figure_data(NET["graph"], TELLINGS)
    assert len(data) == len(EDGES)
    assert data.loc[data["to"] == "riot", "label"].str.endswith("(?)").all()
    fig = network.migration_figure(data)
    assert fig.axes
    assert network.migration_figure(data, phone=True).axes
    bdata = network.bipartite_figure_data(NET["bipartite"])
    assert bdata["weight"].sum() == NET["ap_edges"]["weight"].sum()
    assert network.bipartite_figure(bdata).axes
    assert network.bipartite_figure(bdata, phone=True).axes


def test_phone_figures_are_narrow_and_their_text_large_enough():
    """At 375 px a phone shows a figure about 340 px wide: the phone variants are drawn
    so that their text is at least 9 px tall there."""
    import matplotlib.pyplot as plt
    data = network.migration_figure_data(NET["graph"], TELLINGS)
    bdata = network.bipartite_figure_data(NET["bipartite"])
    for fig in (network.migration_figure(data, phone=True), network.bipartite_figure(bdata, phone=True)):
        width_in = fig.get_size_inches()[0]
        sizes = [t.get_fontsize() for ax in fig.axes for t in ax.texts]
        # points → inches → fraction of the figure's width → px of a 340 px wide image
        assert min(sizes) / 72 / width_in * 340 >= 9, (width_in, min(sizes))
        plt.close(fig)


def test_tellings_number_every_edge_in_words():
    assert list(TELLINGS["number"]) == list(range(1, len(TELLINGS) + 1))
    number = network.telling_of_edges(TELLINGS)
    assert set(number) == {(r["from"], r["to"], r["key"]) for _, r in EDGES.iterrows()}
    # In the order of the moves' dates: WhatsApp (2014) first, CREST's list (2021) last.
    assert TELLINGS.iloc[0]["move"] == "WhatsApp → Telegram" and TELLINGS.iloc[0]["when"] == "February 2014"
    last = TELLINGS.iloc[-1]
    assert last["fact"] == "crest-2021-destinations" and last["when"] == "by January 2021"
    assert last["move"].endswith("and, probably, Riot") and last["grade"].startswith("not graded")
    t0 = TELLINGS[TELLINGS["article"] == "000"].iloc[0]
    assert (t0["when"], t0["who"]) == ("by 7 June 2017", "Islamic State")
    assert t0["grade"] == LABELS.grade("D2") and t0["told_by"] == ARTICLES["000"]
    assert split_first(t0["claims"]) == "000-09"  # the claims giving the direction come first


def split_first(cell: str) -> str:
    return network._split(cell)[0]


@pytest.mark.parametrize("edge,want", [
    ({"date": "2014-02", "date_precision": "month", "date_rule": "claims", "key": "003"}, "February 2014"),
    ({"date": "../2017-06-07", "date_precision": "before", "date_rule": "before:000-11", "key": "000"},
     "by 7 June 2017"),
    ({"date": "../2021-01-31", "date_precision": "before", "date_rule": "fact", "key": "f"}, "by January 2021"),
    ({"date": "", "date_precision": "unknown", "date_rule": "unknown", "key": "x"}, "undated"),
    ({"date": "2019-11-21/2019-12-03", "date_precision": "range", "date_rule": "claims", "key": "x"},
     "21 November – 3 December 2019"),
])
def test_when_in_words(edge, want):
    assert network.when_words(edge, {"f": "2021-01"}) == want


def test_reader_tables_name_no_codes():
    import sys
    sys.path.insert(0, str(PATHS.root / "tests"))
    from test_reader_text import codes_in
    shown = [network.edges_shown(EDGES, TELLINGS, LABELS, FACT_DATES).drop(columns=["dated by"]),
             network.voices_shown(network.shared_voices(EDGES), LABELS, ARTICLES),
             network.centrality_shown(network.platform_centrality(NET["graph"])),
             network.bipartite_shown(network.bipartite_degree(NET["bipartite"])),
             TELLINGS[["move", "who", "when", "told_by", "grade", "key_text"]]]
    for df in shown:
        for col in df.columns:
            for value in df[col].astype(str):
                assert not codes_in(value), (col, value, codes_in(value))


# --- rules on synthetic data -------------------------------------------------
NAMES = {"twitter": "Twitter", "telegram": "Telegram", "whatsapp": "WhatsApp", "signal": "Signal"}


@pytest.mark.parametrize("notes,plats,want", [
    ("Twitter → Telegram.", ["twitter", "telegram"], ("twitter", "telegram")),
    ("WhatsApp users → Telegram, for privacy.", ["whatsapp", "telegram"], ("whatsapp", "telegram")),
    ("Telegram → Twitter", ["twitter", "telegram"], ("telegram", "twitter")),
    ("First half of a Twitter → Telegram statement", ["twitter"], None),  # one end not in the claim
    ("Twitter and Telegram", ["twitter", "telegram"], None),
    ("", ["twitter", "telegram"], None),
])
def test_arrow_direction(notes, plats, want):
    assert network.arrow_direction(notes, plats, NAMES) == want


def test_movers_and_kind():
    kinds = {"isis": "organization", "telegram": "platform", "bbc": "organization", "jo": "person"}
    assert network.movers(["isis", "telegram", "jo"], ["telegram"], ["bbc"], kinds) == ["isis"]
    assert network.movers(["bbc"], [], ["bbc"], kinds) == []
    assert network.move_kind(["isis"], "privacy") == network.EXTREMIST
    assert network.move_kind([], "users' Privacy worries") == network.USER_PRIVACY
    assert network.move_kind([], "users left") == network.USER


@pytest.mark.parametrize("a,b,want", [
    ("2019-12-01", "2019-12-31", ("2019-12", "month")),
    ("2019-02-01", "2019-02-28", ("2019-02", "month")),
    ("2014-01-01", "2014-12-31", ("2014", "year")),
    ("2019-11-21", "2019-11-21", ("2019-11-21", "day")),
    ("2019-11-21", "2019-12-03", ("2019-11-21/2019-12-03", "range")),
])
def test_span(a, b, want):
    assert network._span(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) == want


def _claim(cid, typ, actors, plats, notes="", event="", date="", translation="x", grade="C2"):
    return {"id": cid, "article": cid[:3], "type": typ, "actors": actors, "platforms": plats,
            "attribution": "outlet", "event": event, "event_date": date, "notes": notes,
            "translation": translation, "facts": "", "grade": grade}


SYN_ENTITIES = pd.DataFrame([
    {"id": "twitter", "kind": "platform", "name_en": "Twitter"},
    {"id": "telegram", "kind": "platform", "name_en": "Telegram"},
    {"id": "signal", "kind": "platform", "name_en": "Signal"},
    {"id": "rocketchat", "kind": "platform", "name_en": "Rocket.Chat"},
    {"id": "riot", "kind": "platform", "name_en": "Riot"},
    {"id": "isis", "kind": "organization", "name_en": "Islamic State"},
    {"id": "outlet", "kind": "outlet", "name_en": "An outlet"},
])
SYN_EVENTS = {"ev": Event(id="ev", date_start=dt.date(2019, 12, 1), date_end=dt.date(2019, 12, 31),
                          description="x"),
              "undated": Event(id="undated", description="y")}


def _fact(fid, value, fact, event):
    return {"id": fid, "value": value, "fact": fact, "event": event, "date": "2021-01",
            "date_end": "2021-01-31", "date_precision": "month", "issuer": "crest", "person": "", "reporter": "",
            "confidence": "secondary"}


def test_synthetic_graph_rules():
    claims = pd.DataFrame([
        _claim("100-01", "migration", "isis", "telegram;signal", "Telegram → Signal", "ev", grade="C3"),
        _claim("100-02", "migration", "isis", "telegram;signal", "Telegram → Signal", "ev", grade="B2"),
        _claim("100-03", "usage", "isis", "signal", event="ev", date="2019-12-05"),
        _claim("100-04", "usage", "isis", "signal", event="other"),          # other event: not joined
        _claim("101-01", "migration", "isis", "signal", event="ev"),         # other article: not joined
        _claim("102-01", "migration", "", "twitter;telegram", "Twitter → Telegram", "undated",
               translation="users moved"),
    ])
    facts = pd.DataFrame([
        _fact("f-list", "Rocket.Chat, Signal", "platforms tried (one lost, probably Riot)", "ev"),
        _fact("f-text", "about 12", "not a list of platforms", "ev"),
        _fact("f-orphan", "Rocket.Chat", "no claim edge of this event", "undated-2"),
    ])
    edges = network.migration_edges(claims, facts, SYN_ENTITIES, SYN_EVENTS)
    got = {(r["from"], r["to"], r["key"]): r for _, r in edges.iterrows()}
    # The fact's Signal is a second, parallel telling of the claim edge's move.
    assert set(got) == {("telegram", "signal", "100"), ("twitter", "telegram", "102"),
                        ("telegram", "rocketchat", "f-list"), ("telegram", "signal", "f-list"),
                        ("telegram", "riot", "f-list")}
    e = got[("telegram", "signal", "100")]
    assert e["claims"] == "100-01;100-02;100-03" and e["direction_claims"] == "100-01;100-02"
    assert e["grade"] == "B2" and e["rule"] == "notes_arrow;same_event"
    assert (e["date"], e["date_precision"], e["date_rule"]) == ("2019-12-05", "day", "claims")
    u = got[("twitter", "telegram", "102")]
    assert u["kind"] == network.USER and (u["date_precision"], u["date_rule"]) == ("unknown", "unknown")
    assert got[("telegram", "riot", "f-list")]["certainty"] == "probable"
    listed = got[("telegram", "rocketchat", "f-list")]
    assert (listed["date"], listed["date_precision"], listed["date_rule"]) == ("../2021-01-31", "before", "fact")
    unplaced = network.unplaced_claims(claims, edges)
    assert list(unplaced["claim"]) == ["101-01"]


def test_fact_with_two_origins_is_not_placed():
    claims = pd.DataFrame([
        _claim("100-01", "migration", "isis", "twitter;signal", "Twitter → Signal", "ev"),
        _claim("101-01", "migration", "isis", "telegram;signal", "Telegram → Signal", "ev"),
    ])
    facts = pd.DataFrame([_fact("f-list", "Rocket.Chat", "x", "ev")])
    edges = network.migration_edges(claims, facts, SYN_ENTITIES, SYN_EVENTS)
    assert "f-list" not in set(edges["key"])
