"""Migration networks: which platforms extremists (and ordinary users) moved between.

Two graphs, both built only from the curated claims and facts:

* the **migration graph**, a ``networkx.MultiDiGraph`` of platforms. One edge
  per move per source: each article that tells of a move, and each fact that
  lists destinations, gives its own edge, so parallel edges are independent
  tellings (or, where ``voices.csv`` says so, not independent);
* the **actor–platform graph**, bipartite: actors × platforms named together
  in a claim, weighted by the number of claims.

No edge is typed here. The direction of a move, which claims support it,
its kind and its date come from the data by the rules below; every edge
records the rules that made it (column ``rule``).

Direction and membership rules
------------------------------
``notes_arrow``
    A ``migration`` claim whose curator notes write ``A → B`` (``WhatsApp
    users → Telegram``), A and B being the English names of two platforms in
    the claim's ``platforms``, gives the edge A → B of its article. The order
    of the ``platforms`` list is *not* used: it is the order of mention, and a
    claim can name the destination first (003-12).
``same_event``
    A ``migration`` or ``usage`` claim with no arrow joins the edge of the
    same article whose event key is its own and whose two platforms include
    all of its platforms (a claim that names only the destination, or tells
    what the movers did there). It adds evidence, never an edge.
``fact_destinations``
    A fact whose ``value`` is a list of platform names (resolved through the
    gazetteer) gives one edge per named platform, from the origin of the
    claim edges of the fact's event (there must be exactly one origin), with
    their kind.
``fact_destinations_hedged``
    A platform the fact's text names after "probably" gives an edge of the
    same kind marked ``certainty=probable``.

Kind
----
The movers are the claim's actors that are organisations, outside its
attribution chain and not platforms. A move with movers is
``extremist_migration`` (in this corpus the movers are Islamic State); a move
with none is a move of ordinary users: ``user_privacy`` when the claim gives
privacy as the reason (its translation or notes say "privacy"), else
``user_migration``.

Date
----
``claims``: the span of the edge's claims' ``event_date``\\s; else ``event``:
the dates of its event key (``events.csv``); else ``before:<claim>``: an
undated move is bounded by the earliest-ending dated claim of the same
article in which the movers use the destination (written ``../YYYY-MM-DD``,
precision ``before``: the move had happened by then); else ``unknown``. An
edge from a fact is dated by the fact (``fact``): ``../`` its last day, the
move had been made by the time the source said so.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from typing import Iterable, Mapping

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from ..display import render
from ..display.dates import in_words
from ..display.labels import Labels
from ..evidence.claims import chain_text, date_bounds
from ..evidence.facts import split_ids

EXTREMIST = "extremist_migration"
USER_PRIVACY = "user_privacy"
USER = "user_migration"
KINDS = (EXTREMIST, USER_PRIVACY, USER)

EDGE_COLUMNS = ["from", "to", "key", "kind", "movers", "source", "date", "date_precision", "date_rule",
                "claims", "direction_claims", "facts", "articles", "attribution", "grade", "confidence",
                "certainty", "rule"]
AP_EDGE_COLUMNS = ["actor", "platform", "weight", "claims", "articles"]
UNPLACED_COLUMNS = ["claim", "article", "type", "platforms", "event", "reason"]

_ARROW = re.compile(r"→")
_PROBABLY = re.compile(r"\bprobably\s+([A-Za-z][\w.]*(?:\s+[A-Z][\w.]*)?)")


# --- names -------------------------------------------------------------------
def load_aliases(gazetteer_dir) -> pd.DataFrame:
    """``data/gazetteer/aliases.csv`` (id, alias, lang): the spellings of each entity."""
    return pd.read_csv(gazetteer_dir / "aliases.csv", dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")


def platform_names(entities: pd.DataFrame, aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Platforms with their English canonical name and first Arabic and Persian spelling."""
    plats = entities[entities["kind"] == "platform"][["id", "name_en"]].copy()
    first = {}
    if aliases is not None and len(aliases):
        for lang in ("ar", "fa"):
            sub = aliases[aliases["lang"] == lang].drop_duplicates("id")
            first[lang] = dict(zip(sub["id"], sub["alias"]))
    for lang in ("ar", "fa"):
        plats[f"name_{lang}"] = plats["id"].map(first.get(lang, {})).fillna("")
    return plats.sort_values("id").reset_index(drop=True)


def _lookup(entities: pd.DataFrame, aliases: pd.DataFrame | None) -> dict[str, str]:
    """Lower-cased English name or alias → platform id."""
    plats = entities[entities["kind"] == "platform"]
    out = {n.lower(): i for i, n in zip(plats["id"], plats["name_en"])}
    if aliases is not None and len(aliases):
        for i, a in zip(aliases["id"], aliases["alias"]):
            if i in set(plats["id"]):
                out.setdefault(a.lower().lstrip("@"), i)
    return out


# --- rules -------------------------------------------------------------------
_split = split_ids


def arrow_direction(notes: str, platforms: list[str], names: Mapping[str, str]) -> tuple[str, str] | None:
    """(from, to) from a curator's note ``A → B`` where A and B name two of ``platforms``.

    ``names`` maps platform id → English name. The nearest platform name on
    each side of the arrow is taken (so ``WhatsApp users → Telegram`` works).
    """
    if not notes:
        return None
    for m in _ARROW.finditer(notes):
        left, right = notes[:m.start()], notes[m.end():]
        before = [(left.rfind(names[p]), p) for p in platforms if names.get(p) and names[p] in left]
        after = [(right.find(names[p]), p) for p in platforms if names.get(p) and names[p] in right]
        if before and after:
            a, b = max(before)[1], min(after)[1]
            if a != b:
                return a, b
    return None


def movers(actors: list[str], platforms: list[str], attribution: list[str],
           kinds: Mapping[str, str]) -> list[str]:
    """Who moves: actors that are organisations, not platforms, not in the attribution chain."""
    return [a for a in actors if kinds.get(a) == "organization" and a not in platforms
            and a not in attribution]


def move_kind(mover_ids: list[str], text: str) -> str:
    if mover_ids:
        return EXTREMIST
    return USER_PRIVACY if "privacy" in text.lower() else USER


def _span(start: dt.date, end: dt.date) -> tuple[str, str]:
    """An ISO date, month, year or interval for [start, end], with its precision."""
    if start == end:
        return start.isoformat(), "day"
    nxt = end + dt.timedelta(days=1)
    if start.day == 1 and nxt.day == 1:
        if start.month == 1 and nxt.month == 1 and nxt.year == start.year + 1:
            return f"{start.year}", "year"
        if (nxt.year, nxt.month) == (start.year + (start.month == 12), start.month % 12 + 1):
            return f"{start:%Y-%m}", "month"
    return f"{start.isoformat()}/{end.isoformat()}", "range"


def _claim_bounds(row, events: Mapping) -> tuple[dt.date, dt.date] | None:
    if row["event_date"]:
        return date_bounds(row["event_date"])
    ev = events.get(row["event"]) if row["event"] else None
    return ev.window if ev is not None else None


def _best_grade(grades: Iterable[str]) -> str:
    """Admiralty: A before F, 1 before 6 (the strongest telling of the move)."""
    g = sorted(set(grades), key=lambda s: (s[0], int(s[1:])))
    return g[0] if g else ""


# --- the migration edges -----------------------------------------------------
def migration_edges(claims: pd.DataFrame, facts: pd.DataFrame, entities: pd.DataFrame,
                    events: Mapping, aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per edge of the migration graph (columns ``EDGE_COLUMNS``), sorted."""
    kinds = dict(zip(entities["id"], entities["kind"]))
    names = dict(zip(entities["id"], entities["name_en"]))
    c = claims.copy()
    for col in ("event", "event_date", "notes", "translation"):
        c[col] = c[col].fillna("")
    # Claim edges: article × (from, to) × kind, from the notes' arrows.
    groups: dict[tuple, dict] = {}
    for _, r in c[c["type"] == "migration"].iterrows():
        plats = _split(r["platforms"])
        d = arrow_direction(r["notes"], plats, names)
        if d is None:
            continue
        mv = movers(_split(r["actors"]), plats, _split(r["attribution"]), kinds)
        kind = move_kind(mv, r["translation"] + " " + r["notes"])
        key = (r["article"], d[0], d[1], kind)
        g = groups.setdefault(key, {"events": set(), "movers": set(), "direction": [], "claims": [],
                                    "rules": {"notes_arrow"}})
        g["events"].add(r["event"])
        g["movers"].update(mv)
        g["direction"].append(r["id"])
        g["claims"].append(r["id"])
    # same_event: undirected migration/usage claims join their article's edge.
    for _, r in c[c["type"].isin(["migration", "usage"])].iterrows():
        if any(r["id"] in g["claims"] for g in groups.values()) or not r["event"]:
            continue
        plats = set(_split(r["platforms"]))
        for (art, a, b, _k), g in sorted(groups.items()):
            if art == r["article"] and r["event"] in g["events"] and plats and plats <= {a, b}:
                g["claims"].append(r["id"])
                g["rules"].add("same_event")
    by_id = c.set_index("id")
    rows = []
    for (art, a, b, kind), g in sorted(groups.items()):
        sub = by_id.loc[sorted(g["claims"])]
        date, prec, rule = _edge_date(sub, g, events, c, art, b)
        rows.append({
            "from": a, "to": b, "key": art, "kind": kind, "movers": ";".join(sorted(g["movers"])),
            "source": f"article {art}", "date": date, "date_precision": prec, "date_rule": rule,
            "claims": ";".join(sorted(g["claims"])), "direction_claims": ";".join(sorted(g["direction"])),
            "facts": ";".join(sorted({f for x in sub["facts"] for f in _split(x)})),
            "articles": art,
            "attribution": ";".join(sorted({x.replace(";", ">") for x in sub["attribution"]})),
            "grade": _best_grade(by_id.loc[g["direction"], "grade"]), "confidence": "",
            "certainty": "stated", "rule": ";".join(sorted(g["rules"])), "_ev": g["events"],
        })
    rows += _fact_edges(facts, entities, events, aliases, rows)
    df = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return df.sort_values(["from", "to", "key"]).reset_index(drop=True)


def _edge_date(sub: pd.DataFrame, g: dict, events: Mapping, claims: pd.DataFrame, article: str,
               dest: str) -> tuple[str, str, str]:
    dated = [date_bounds(x) for x in sub["event_date"] if x]
    if dated:
        text, prec = _span(min(d[0] for d in dated), max(d[1] for d in dated))
        return text, prec, "claims"
    evs = [events[e] for e in sorted(g["events"]) if e in events]
    spans = [(e.date_start, e.date_end) for e in evs if e.date_start and e.date_end]
    if spans:
        text, prec = _span(min(s[0] for s in spans), max(s[1] for s in spans))
        return text, prec, "event"
    # Undated move: the movers were on the destination by the earliest dated use of it.
    best = None
    for _, r in claims[claims["article"] == article].iterrows():
        if dest not in _split(r["platforms"]) or not set(_split(r["actors"])) & g["movers"]:
            continue
        b = _claim_bounds(r, events)
        if b is not None and (best is None or (b[1], r["id"]) < (best[0][1], best[1])):
            best = (b, r["id"])
    if best is not None:
        return f"../{best[0][1].isoformat()}", "before", f"before:{best[1]}"
    return "", "unknown", "unknown"


def _fact_edges(facts: pd.DataFrame, entities: pd.DataFrame, events: Mapping,
                aliases: pd.DataFrame | None, claim_rows: list[dict]) -> list[dict]:
    lookup = _lookup(entities, aliases)
    out = []
    for _, f in facts.sort_values("id").iterrows():
        items = [x.strip() for x in str(f["value"]).split(",")]
        listed = [lookup.get(x.lower()) for x in items]
        if not items or not all(listed):
            continue  # not a list of platforms
        hedged = [lookup[m.lower()] for m in _PROBABLY.findall(str(f["fact"])) if m.lower() in lookup]
        # Origin and kind from the claim edges told of the same event.
        ev_claims = _event_edges(claim_rows, f["event"])
        origins = {(r["from"], r["kind"]) for r in ev_claims}
        if len(origins) != 1:
            continue
        origin, kind = origins.pop()
        # Dated by the fact itself, not by its event key: the list says where channels
        # went by the time it was published (CREST, Jan 2021), not when (the event key
        # 2019-12-tamtam dates The Telegraph's telling, not CREST's).
        date, prec, drule = f"../{f['date_end']}", "before", "fact"
        chain = ">".join(filter(None, [f["reporter"].replace(";", "+"), f["issuer"].replace(";", "+")]))
        persons = f["person"].replace(";", "+")
        for plat, certainty, rule in ([(p, "listed", "fact_destinations") for p in listed]
                                      + [(p, "probable", "fact_destinations_hedged") for p in hedged]):
            if plat == origin:
                continue
            out.append({
                "from": origin, "to": plat, "key": f["id"], "kind": kind, "movers": "",
                "source": f"fact {f['id']}", "date": date, "date_precision": prec, "date_rule": drule,
                "claims": "", "direction_claims": "", "facts": f["id"], "articles": "",
                "attribution": chain + (f" ({persons})" if persons else ""), "grade": "",
                "confidence": f["confidence"], "certainty": certainty, "rule": rule,
            })
    return out


def _event_edges(claim_rows: list[dict], event: str) -> list[dict]:
    """The claim edges whose claims carry ``event`` (``_ev`` is dropped from the table)."""
    return [r for r in claim_rows if event and event in r.get("_ev", ())]


def unplaced_claims(claims: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Migration claims on no edge, and why (no second platform, no edge of their event)."""
    placed = {x for cell in edges["claims"] for x in _split(cell)}
    rows = []
    for _, r in claims[(claims["type"] == "migration") & ~claims["id"].isin(placed)].iterrows():
        plats = _split(r["platforms"])
        reason = ("names one platform and no direction; its article has no move of the same event"
                  if len(plats) < 2 else "no arrow in the notes and no move of the same event")
        rows.append({"claim": r["id"], "article": r["article"], "type": r["type"],
                     "platforms": r["platforms"], "event": r["event"] or "", "reason": reason})
    return pd.DataFrame(rows, columns=UNPLACED_COLUMNS)


def order_check(claims: pd.DataFrame, entities: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """For each two-platform migration claim: does the order of ``platforms`` give the
    direction of the edge it ended on? (Why the order is not used as a rule.)"""
    names = dict(zip(entities["id"], entities["name_en"]))
    on_edge = {}
    for _, e in edges.iterrows():
        for cid in _split(e["claims"]):
            on_edge[cid] = (e["from"], e["to"])
    rows = []
    for _, r in claims[claims["type"] == "migration"].iterrows():
        plats = _split(r["platforms"])
        if len(plats) != 2:
            continue
        edge = on_edge.get(r["id"])
        rows.append({"claim": r["id"], "order": " then ".join(names.get(p, p) for p in plats),
                     "edge": f"{names.get(edge[0])} → {names.get(edge[1])}" if edge else "",
                     "agrees": bool(edge) and tuple(plats) == edge})
    return pd.DataFrame(rows, columns=["claim", "order", "edge", "agrees"])


# --- graphs ------------------------------------------------------------------
def migration_graph(edges: pd.DataFrame, platforms: pd.DataFrame) -> nx.MultiDiGraph:
    """The platform graph: nodes are the platforms on an edge, edges keyed by their source."""
    g = nx.MultiDiGraph(name="migration")
    info = platforms.set_index("id")
    for pid in sorted(set(edges["from"]) | set(edges["to"])):
        row = info.loc[pid] if pid in info.index else None
        g.add_node(pid, label=str(row["name_en"]) if row is not None else pid,
                   name_ar=str(row["name_ar"]) if row is not None else "",
                   name_fa=str(row["name_fa"]) if row is not None else "", kind="platform")
    for rec in edges.to_dict("records"):
        attrs = {k: ("" if pd.isna(v) else str(v)) for k, v in rec.items() if k not in ("from", "to", "key")}
        g.add_edge(rec["from"], rec["to"], key=rec["key"], **attrs)
    return g


def actor_platform_edges(claims: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Actor × platform co-mentions within a claim, weighted by the number of claims.

    Actors that are platforms (Telegram the company) are left out: they are
    on the platform side already, and a platform co-mentioned with itself says nothing.
    """
    kinds = dict(zip(entities["id"], entities["kind"]))
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    arts: dict[tuple[str, str], set] = defaultdict(set)
    for _, r in claims.iterrows():
        for a in sorted(set(_split(r["actors"]))):
            if kinds.get(a) == "platform":
                continue
            for p in sorted(set(_split(r["platforms"]))):
                pairs[(a, p)].append(r["id"])
                arts[(a, p)].add(r["article"])
    rows = [{"actor": a, "platform": p, "weight": len(ids), "claims": ";".join(sorted(ids)),
             "articles": ";".join(sorted(arts[(a, p)]))} for (a, p), ids in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=AP_EDGE_COLUMNS)


def actor_platform_graph(ap_edges: pd.DataFrame, entities: pd.DataFrame) -> nx.Graph:
    """Bipartite graph; node ids are prefixed (``actor:``/``platform:``) so the sides never clash."""
    info = entities.set_index("id")
    g = nx.Graph(name="actor_platform")
    for a in sorted(set(ap_edges["actor"])):
        g.add_node(f"actor:{a}", label=str(info.loc[a, "name_en"]) if a in info.index else a,
                   entity=a, kind=str(info.loc[a, "kind"]) if a in info.index else "", bipartite=0)
    for p in sorted(set(ap_edges["platform"])):
        g.add_node(f"platform:{p}", label=str(info.loc[p, "name_en"]) if p in info.index else p,
                   entity=p, kind="platform", bipartite=1)
    for rec in ap_edges.to_dict("records"):
        g.add_edge(f"actor:{rec['actor']}", f"platform:{rec['platform']}", weight=int(rec["weight"]),
                   claims=rec["claims"], articles=rec["articles"])
    return g


# --- tables ------------------------------------------------------------------
def platform_centrality(g: nx.MultiDiGraph) -> pd.DataFrame:
    """In/out degree (edges, parallel ones counted), distinct neighbours, betweenness.

    Betweenness is computed on the graph with parallel edges merged: a second
    telling of the same move adds no new path.
    """
    simple = nx.DiGraph(g)
    bc = nx.betweenness_centrality(simple, normalized=True)
    rows = [{"platform": n, "name": g.nodes[n]["label"], "in_degree": int(g.in_degree(n)),
             "out_degree": int(g.out_degree(n)), "from_platforms": int(simple.in_degree(n)),
             "to_platforms": int(simple.out_degree(n)), "betweenness": round(float(bc[n]), 4)}
            for n in g.nodes]
    df = pd.DataFrame(rows)
    return df.sort_values(["betweenness", "in_degree", "out_degree", "platform"],
                          ascending=[False, False, False, True]).reset_index(drop=True)


def bipartite_degree(g: nx.Graph) -> pd.DataFrame:
    """Degree (distinct neighbours) and weighted degree (claims) of every node."""
    rows = [{"node": g.nodes[n]["entity"], "name": g.nodes[n]["label"],
             "side": "platform" if g.nodes[n]["bipartite"] else "actor", "kind": g.nodes[n]["kind"],
             "degree": int(g.degree(n)), "claims": int(g.degree(n, weight="weight"))} for n in g.nodes]
    df = pd.DataFrame(rows)
    return df.sort_values(["side", "claims", "degree", "node"],
                          ascending=[False, False, False, True]).reset_index(drop=True)


def shared_voices(edges: pd.DataFrame) -> pd.DataFrame:
    """Parallel edges (the same move told by several sources) and the entities their
    attribution chains share: a shared person means the tellings are not independent."""
    rows = []
    for (a, b), grp in edges.groupby(["from", "to"], sort=True):
        if len(grp) < 2:
            continue
        tokens = [set(filter(None, re.split(r"[;>+() ]+", x))) for x in grp["attribution"]]
        shared = set.intersection(*tokens)
        rows.append({"from": a, "to": b, "sources": ";".join(grp["key"]), "tellings": int(len(grp)),
                     "shared": ";".join(sorted(shared))})
    return pd.DataFrame(rows, columns=["from", "to", "sources", "tellings", "shared"])


def counts_by_kind(edges: pd.DataFrame) -> dict[str, int]:
    return {k: int((edges["kind"] == k).sum()) for k in KINDS}


# --- exports -----------------------------------------------------------------
def graphml_bytes(g: nx.Graph) -> bytes:
    """GraphML with string/number attributes only (lists were joined with ';')."""
    return ("\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n").encode("utf-8")


def node_link_bytes(g: nx.Graph) -> bytes:
    data = nx.node_link_data(g, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def build(claims: pd.DataFrame, facts: pd.DataFrame, entities: pd.DataFrame, events: Mapping,
          aliases: pd.DataFrame | None = None) -> dict:
    """Everything the chapter and ``prepare`` need, from the claims and facts tables."""
    platforms = platform_names(entities, aliases)
    edges = migration_edges(claims, facts, entities, events, aliases)
    g = migration_graph(edges, platforms)
    ap = actor_platform_edges(claims, entities)
    b = actor_platform_graph(ap, entities)
    return {"edges": edges, "graph": g, "platforms": platforms, "ap_edges": ap, "bipartite": b}


def outputs(net: dict) -> dict[str, bytes]:
    """File name in data/processed/ → bytes (see data/DATA-DICTIONARY.md)."""
    csv = lambda df: df.to_csv(index=False, lineterminator="\n").encode("utf-8")  # noqa: E731
    return {
        "migration_edges.csv": csv(net["edges"]),
        "migration_graph.graphml": graphml_bytes(net["graph"]),
        "migration_graph.json": node_link_bytes(net["graph"]),
        "actor_platform_edges.csv": csv(net["ap_edges"]),
        "actor_platform_graph.graphml": graphml_bytes(net["bipartite"]),
        "actor_platform_graph.json": node_link_bytes(net["bipartite"]),
    }


# --- words for readers ---------------------------------------------------------
# This module defines the kinds and rules above, so it words them here, once.
KIND_WORDS = {EXTREMIST: "extremists' move", USER_PRIVACY: "ordinary users' move, for privacy",
              USER: "ordinary users' move"}
WHO_WORDS = {EXTREMIST: "extremists", USER_PRIVACY: "ordinary users, for privacy", USER: "ordinary users"}
RULE_WORDS = {"notes_arrow": "the curator's arrow in a claim's notes",
              "same_event": "claims of the same article and event join it",
              "fact_destinations": "a fact that lists destination platforms",
              "fact_destinations_hedged": "a platform the fact names only as 'probably'"}
CERTAINTY_WORDS = {"stated": "stated", "listed": "listed", "probable": "named only as 'probably'"}
HEDGED_MARK = " (?)"


def when_words(edge: Mapping, fact_dates: Mapping[str, str] | None = None) -> str:
    """When a move happened, in words: 'February 2014'; 'by 7 June 2017' (the move
    had happened by then); for an edge from a fact, 'by' the fact's own date at its
    own precision ('by January 2021', never a day the fact does not give); 'undated'."""
    date, prec = str(edge.get("date") or ""), str(edge.get("date_precision") or "")
    if edge.get("date_rule") == "fact" and fact_dates and fact_dates.get(edge.get("key")):
        return "by " + in_words(fact_dates[edge["key"]])
    if prec == "before" and "/" in date:
        return "by " + in_words(date.split("/", 1)[1])
    if prec == "unknown" or not date:
        return "undated"
    return in_words(date)


def dated_by_words(edge: Mapping, names: Mapping[str, str]) -> str:
    """How an edge was dated (its ``date_rule``), in words; a claim id stays an id
    for the table to make a badge of."""
    rule = str(edge.get("date_rule") or "")
    if rule == "claims":
        return "the dates its claims give"
    if rule == "event":
        return "the dates of the event its claims tell"
    if rule.startswith("before:"):
        dest = names.get(edge["to"], edge["to"])
        return f"bounded by the earliest dated use of {dest} in the same article ({rule.split(':', 1)[1]})"
    if rule == "fact":
        return "bounded by the date of the source that lists it"
    return "no source dates it"


def _telling(edge: Mapping) -> tuple:
    """The edges told together: an article's move, or every destination one fact lists."""
    if edge["claims"]:
        return (edge["key"], edge["from"], edge["to"], edge["kind"])
    return (edge["key"], edge["from"], "", edge["kind"])


def _last_day(date: str) -> str:
    return date.split("/")[-1] if date else "9999"


def tellings_table(edges: pd.DataFrame, labels: Labels, article_names: Mapping[str, str],
                   fact_dates: Mapping[str, str], confidence: Mapping[str, str]) -> pd.DataFrame:
    """One row per telling of a move (an article's move, or one fact's list of
    destinations), numbered in the order of the moves' dates, every column in words.
    ``edges`` says which edges each number covers (``from>to>key``, ';'-joined)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for e in edges.to_dict("records"):  # 'from' is a keyword: no itertuples
        groups[_telling(e)].append(e)
    name = labels.name
    rows = []
    for (key, origin, _to, kind), es in groups.items():
        es = sorted(es, key=lambda e: (e["certainty"] == "probable", name(e["to"]).lower()))
        stated = [name(e["to"]) for e in es if e["certainty"] != "probable"]
        hedged = [name(e["to"]) for e in es if e["certainty"] == "probable"]
        dests = ", ".join(stated[:-1]) + (" and " if len(stated) > 1 else "") + (stated[-1] if stated else "")
        if hedged:
            dests = ", ".join(stated) + (" and, probably, " if stated else "probably ") + " and ".join(hedged)
        movers = sorted({m for e in es for m in split_ids(e["movers"])})
        from_fact = not es[0]["claims"]
        whens = list(dict.fromkeys(when_words(e, fact_dates) for e in es))
        if from_fact:
            told_by = labels.fact(key)
            conf = confidence.get(es[0]["confidence"], es[0]["confidence"])
            grade = f"not graded: a fact {conf}" if conf else "not graded: a fact"
        else:
            told_by = article_names.get(key, key)
            grade = labels.grade(es[0]["grade"]) if es[0]["grade"] else "not graded"
        direction = [c for e in es for c in split_ids(e["direction_claims"])]
        others = [c for e in es for c in split_ids(e["claims"]) if c not in direction]
        facts = list(dict.fromkeys(f for e in es for f in split_ids(e["facts"])))
        rows.append({
            "_sort": (min(_last_day(e["date"]) for e in es), name(origin).lower(), key),
            "move": f"{name(origin)} → {dests}",
            "who": ", ".join(name(m) for m in movers) or WHO_WORDS.get(kind, kind),
            "kind": kind,
            "when": "; ".join(whens),
            "verb": "listed by" if from_fact else "told by",
            "told_by": told_by,
            "article": "" if from_fact else key,
            "fact": key if from_fact else "",
            "grade": grade,
            "direction_claims": ";".join(direction),
            "claims": ";".join(direction + others),
            "facts": ";".join(facts),
            "hedged": bool(hedged),
            "edges": ";".join(f"{e['from']}>{e['to']}>{e['key']}" for e in es),
        })
    rows.sort(key=lambda r: r.pop("_sort"))
    for i, r in enumerate(rows, 1):
        r["number"] = i
        mark = HEDGED_MARK if r["hedged"] else ""
        r["key_text"] = (f"{r['move']}{mark}: {r['who']}, {r['when']}. "
                         f"{r['verb'][0].upper()}{r['verb'][1:]} {r['told_by']}.")
    cols = ["number", "move", "who", "kind", "when", "verb", "told_by", "article", "fact", "grade",
            "direction_claims", "claims", "facts", "hedged", "edges", "key_text"]
    return pd.DataFrame(rows, columns=cols)


def telling_of_edges(tellings: pd.DataFrame) -> dict[tuple[str, str, str], int]:
    """(from, to, key) of every edge → the number of its telling."""
    return {tuple(x.split(">")): int(n) for n, cell in zip(tellings["number"], tellings["edges"])
            for x in split_ids(cell)}


# --- drawing -----------------------------------------------------------------
KIND_STYLE = {EXTREMIST: {"color": "#b2182b", "linestyle": "-"},
              USER_PRIVACY: {"color": "#2166ac", "linestyle": "--"},
              USER: {"color": "#4d4d4d", "linestyle": "--"}}
LAYOUT_SEED = 7  # spring layouts (graphs with a cycle) are seeded so figures are stable
# Okabe–Ito colours, one per platform of the actor–platform figure (busiest first).
PLATFORM_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                    "#7f7f7f")


def _centre_out(nodes: list, g, top_first: bool = False) -> list:
    """Busiest nodes in the middle of their column, the rest alternating outwards."""
    ranked = sorted(nodes, key=lambda n: (-g.degree(n), n))
    col: list = []
    for i, n in enumerate(ranked):
        col = ([n] + col if i % 2 else col + [n]) if top_first else (col + [n] if i % 2 else [n] + col)
    return col


def _layers(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Left to right by topological generation (origins first); spring layout if cyclic."""
    simple = nx.DiGraph(g)
    if not nx.is_directed_acyclic_graph(simple):
        return {n: tuple(map(float, p)) for n, p in nx.spring_layout(simple, seed=LAYOUT_SEED).items()}
    pos = {}
    gens = [list(gen) for gen in nx.topological_generations(simple)]
    height = 1.7 * max(len(gen) for gen in gens)  # every column spread over the same height
    for x, gen in enumerate(gens):
        col = _centre_out(gen, g)
        for i, n in enumerate(col):
            pos[n] = (float(x) * 4.4, height / 2 - (i + 0.5) * height / len(col))
    return pos


def _phone_layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Two columns for a narrow screen: every platform something leaves on the left,
    the platforms only moved to on the right, the busiest in the middle of each.
    Coordinates are inches of the phone figure."""
    simple = nx.DiGraph(g)
    sinks = [n for n in simple if simple.out_degree(n) == 0]
    left = [n for n in simple if simple.out_degree(n) > 0]
    if not sinks or not left:  # no platform only moved to (a cycle): one column
        left, sinks = sorted(simple), []
    left = _centre_out(left, g, top_first=True)
    right = _centre_out(sinks, g)
    pos = {}
    for col, x, step in ((left, -1.15 if right else 0.0, 1.6), (right, 1.2, 1.05)):
        for i, n in enumerate(col):
            pos[n] = (x, ((len(col) - 1) / 2 - i) * step)
    return pos


def migration_figure_data(g: nx.MultiDiGraph, tellings: pd.DataFrame) -> pd.DataFrame:
    """The table the platform figures are drawn from: one row per edge, with the
    number of its telling, its label in words and its positions in both figures
    (``x_``/``y_``: the wide figure; ``px_``/``py_``: the phone figure)."""
    pos, phone = _layers(g), _phone_layout(g)
    number = telling_of_edges(tellings)
    by_number = tellings.set_index("number")
    rows = []
    for u, v, k, d in sorted(g.edges(keys=True, data=True)):
        n = number[(u, v, k)]
        t = by_number.loc[n]
        label = f"{g.nodes[u]['label']} → {g.nodes[v]['label']}, {t['when']}, {t['verb']} {t['told_by']}"
        if d["certainty"] == "probable":
            label += HEDGED_MARK
        rows.append({"from": u, "to": v, "key": k, "kind": d["kind"], "certainty": d["certainty"],
                     "number": int(n), "label": label, "text": t["key_text"],
                     "x_from": pos[u][0], "y_from": pos[u][1], "x_to": pos[v][0], "y_to": pos[v][1],
                     "px_from": phone[u][0], "py_from": phone[u][1],
                     "px_to": phone[v][0], "py_to": phone[v][1],
                     "from_label": g.nodes[u]["label"], "to_label": g.nodes[v]["label"],
                     "from_native": " / ".join(filter(None, [g.nodes[u]["name_ar"], g.nodes[u]["name_fa"]])),
                     "to_native": " / ".join(filter(None, [g.nodes[v]["name_ar"], g.nodes[v]["name_fa"]]))})
    return pd.DataFrame(rows)


def _wrap(text: str, width: int) -> list[str]:
    import textwrap
    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


def migration_figure(data: pd.DataFrame, phone: bool = False):
    """Platforms as labelled boxes, one arrow per edge (parallel edges bent apart),
    each marked with the number of its telling; under the graph, a legend and the
    key of the numbers in words. ``phone``: the narrow, taller variant with larger
    text, for screens up to 640 px wide."""
    records = data.to_dict("records")  # 'from' is a keyword: no itertuples
    px, py = ("px", "py") if phone else ("x", "y")
    nodes = {}
    for side in ("from", "to"):
        for r in records:
            nodes[r[side]] = (r[f"{px}_{side}"], r[f"{py}_{side}"], r[f"{side}_label"], r[f"{side}_native"])
    xs = [p[0] for p in nodes.values()]
    ys = [p[1] for p in nodes.values()]
    if phone:
        width, fs_node, fs_num, fs_key, wrap_at = 4.2, 10, 10, 10, 40
        x_lim = (-2.1, 2.1)
        y_lim = (min(ys) - 0.45, max(ys) + 0.45)
        graph_h = (y_lim[1] - y_lim[0]) * width / (x_lim[1] - x_lim[0])
    else:
        width, fs_node, fs_num, fs_key, wrap_at = 8.6, 11, 10.5, 11, 96
        x_lim = (min(xs) - 0.85, max(xs) + 0.95)
        y_lim = (min(ys) - 0.8, max(ys) + 0.8)
        graph_h = min(7.4, (y_lim[1] - y_lim[0]) * width / (x_lim[1] - x_lim[0]))
    key = data.drop_duplicates("number").sort_values("number")
    key_lines = [(int(r["number"]), _wrap(r["text"], wrap_at)) for _, r in key.iterrows()]
    line_h = fs_key / 72 * 1.4
    legend_h = (3 if phone else 1) * line_h + 0.15
    key_h = legend_h + sum(len(lines) for _, lines in key_lines) * line_h + 0.12 * len(key_lines) + 0.2
    height = graph_h + key_h
    # At the dpi it is saved at: the arrows are clipped to the boxes as last drawn.
    dpi = plt.rcParams["savefig.dpi"]
    fig = plt.figure(figsize=(width, height), dpi=dpi if isinstance(dpi, (int, float)) else None)
    ax = fig.add_axes((0, key_h / height, 1, graph_h / height))
    boxes = {}
    for pid, (x, y, label, native) in sorted(nodes.items()):
        text = label + (f"\n{native}" if native else "")
        boxes[pid] = ax.text(x, y, text, ha="center", va="center", fontsize=fs_node, zorder=5,
                             bbox=dict(boxstyle="round,pad=0.4", fc="#f7f7f7", ec="#555555"))
    seen: dict[tuple, int] = defaultdict(int)
    total = data.groupby(["from", "to"]).size().to_dict()
    spread = 0.3 if phone else 0.2
    for r in records:
        pair = (r["from"], r["to"])
        (x1, y1), (x2, y2) = nodes[pair[0]][:2], nodes[pair[1]][:2]
        n, i = total[pair], seen[pair]
        seen[pair] += 1
        rad = 0.0 if n == 1 else (-spread + 2 * spread * i / (n - 1))
        style = dict(KIND_STYLE[r["kind"]])
        if r["certainty"] == "probable":
            style.update(linestyle=":")
        # Arrows stop at the boxes' edges (patchA/patchB), whatever the label's size.
        ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), connectionstyle=f"arc3,rad={rad}",
                                     arrowstyle="-|>", mutation_scale=18, lw=1.8, shrinkA=2, shrinkB=3,
                                     patchA=boxes[pair[0]].get_bbox_patch(),
                                     patchB=boxes[pair[1]].get_bbox_patch(), **style))
        # The telling's number on the curve (arc3's quadratic Bézier, control point as
        # matplotlib sets it), a little past the middle, where fanned-out edges part.
        cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
        t = 0.5 if abs(x2 - x1) < 1e-9 else 0.56
        mx = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * x2
        my = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * y2
        ax.text(mx, my, str(r["number"]), fontsize=fs_num, ha="center", va="center", color="white",
                weight="bold", zorder=6,
                bbox=dict(boxstyle="circle,pad=0.25", fc=style["color"], ec="white", lw=1))
    ax.set_xlim(*x_lim)
    ax.set_ylim(*y_lim)
    if not phone:
        ax.set_aspect("equal", adjustable="box")
    ax.axis("off")
    # Legend and key, below the graph: nothing covers an edge.
    kax = fig.add_axes((0, 0, 1, key_h / height))
    kax.axis("off")
    kax.set_xlim(0, width)
    kax.set_ylim(0, key_h)
    handles = [Line2D([], [], lw=2, **KIND_STYLE[k], label=KIND_WORDS[k]) for k in KINDS if k in set(data["kind"])]
    if (data["certainty"] == "probable").any():
        handles.append(Line2D([], [], lw=2, color=KIND_STYLE[EXTREMIST]["color"], linestyle=":",
                              label="(?) named only as 'probably'"))
    kax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.02, 1.0), fontsize=fs_key,
               frameon=False, ncol=1 if phone else len(handles), handlelength=2.2, borderaxespad=0.2)
    y = key_h - legend_h - line_h * 0.5
    left, indent = (0.12, 0.45) if phone else (0.25, 0.6)
    for number, lines in key_lines:
        colour = KIND_STYLE[data.loc[data["number"] == number, "kind"].iloc[0]]["color"]
        kax.text(left + 0.12, y, str(number), fontsize=fs_key, ha="center", va="center", color="white",
                 weight="bold", bbox=dict(boxstyle="circle,pad=0.2", fc=colour, ec="none"))
        for j, line in enumerate(lines):
            kax.text(indent, y - j * line_h, line, fontsize=fs_key, ha="left", va="center")
        y -= len(lines) * line_h + 0.12
    # Draw once so that the boxes have their place and size before the arrows are
    # clipped to them (an arrow clipped to boxes not yet measured loses its head).
    fig.canvas.draw()
    return fig


def bipartite_figure_data(g: nx.Graph) -> pd.DataFrame:
    """One row per actor–platform edge with the two-column positions it is drawn at."""
    def order(side):
        ns = [n for n in g.nodes if g.nodes[n]["bipartite"] == side]
        return sorted(ns, key=lambda n: (-g.degree(n, weight="weight"), g.nodes[n]["label"]))
    pos = {}
    for side, x in ((0, 0.0), (1, 1.0)):
        ns = order(side)
        for i, n in enumerate(ns):
            pos[n] = (x, 1 - (i + 0.5) / len(ns))
    rows = [{"actor": g.nodes[a]["entity"], "platform": g.nodes[p]["entity"],
             "actor_label": g.nodes[a]["label"], "platform_label": g.nodes[p]["label"],
             "weight": int(d["weight"]), "x_actor": pos[a][0], "y_actor": pos[a][1],
             "x_platform": pos[p][0], "y_platform": pos[p][1]}
            for a, p, d in ((a, p, d) if g.nodes[a]["bipartite"] == 0 else (p, a, d)
                            for a, p, d in g.edges(data=True))]
    return pd.DataFrame(rows).sort_values(["actor", "platform"]).reset_index(drop=True)


def _platform_colours(data: pd.DataFrame) -> dict[str, str]:
    """One colour per platform, the busiest first (grey past the palette)."""
    order = data.groupby("platform")["weight"].sum().sort_values(ascending=False, kind="stable")
    order = sorted(order.index, key=lambda p: (-order[p], p))
    return {p: PLATFORM_COLOURS[min(i, len(PLATFORM_COLOURS) - 1)] for i, p in enumerate(order)}


def bipartite_figure(data: pd.DataFrame, phone: bool = False):
    """Actors against the platforms named with them. Wide: two columns of names,
    each line in its platform's colour (so it can be followed to its platform),
    its width the number of claims. ``phone``: the same edges as a grid, actors
    by rows and platforms by columns, each edge a dot with its number of claims."""
    if phone:
        return _bipartite_grid(data)
    n_left = data["actor"].nunique()
    fig, ax = plt.subplots(figsize=(7.5, 0.6 + 0.3 * n_left))
    colours = _platform_colours(data)
    wmax = data["weight"].max()
    for r in data.sort_values("weight").itertuples():
        ax.plot([r.x_actor, r.x_platform], [r.y_actor, r.y_platform], color=colours[r.platform],
                lw=0.8 + 4.0 * r.weight / wmax, alpha=0.7, solid_capstyle="round")
    for side, label_col in (("actor", "actor_label"), ("platform", "platform_label")):
        pts = data.drop_duplicates(side)
        w = data.groupby(side)["weight"].sum()
        for r in pts.itertuples():
            x, y = getattr(r, f"x_{side}"), getattr(r, f"y_{side}")
            colour = colours[r.platform] if side == "platform" else "#8c510a"
            ax.plot([x], [y], "o" if side == "actor" else "s", ms=7, color=colour)
            text = f"{getattr(r, label_col)} ({w[getattr(r, side)]})"
            ax.text(x + (0.03 if side == "platform" else -0.03), y, text, fontsize=10,
                    ha="left" if side == "platform" else "right", va="center")
    ax.text(0, 1.0, "actors", ha="right", va="bottom", fontsize=10, weight="bold")
    ax.text(1, 1.0, "platforms", ha="left", va="bottom", fontsize=10, weight="bold")
    ax.set_xlim(-1.05, 1.45)
    ax.set_ylim(-0.02, 1.04)
    ax.axis("off")
    fig.tight_layout()
    return fig


def _bipartite_grid(data: pd.DataFrame):
    actors = data.groupby(["actor", "actor_label"])["weight"].sum().reset_index()
    actors = actors.sort_values(["weight", "actor_label"], ascending=[False, True]).reset_index(drop=True)
    plats = data.groupby(["platform", "platform_label"])["weight"].sum().reset_index()
    plats = plats.sort_values(["weight", "platform_label"], ascending=[False, True]).reset_index(drop=True)
    labels = [_wrap(f"{r.actor_label} ({r.weight})", 22) for r in actors.itertuples()]
    row_h = [0.2 + 0.17 * len(lines) for lines in labels]
    label_w, col_w, head_h = 1.75, 0.33, 1.15
    width = 4.2
    height = head_h + sum(row_h) + 0.1
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    colours = _platform_colours(data)
    x_of = {p: label_w + (j + 0.5) * col_w for j, p in enumerate(plats["platform"])}
    for p, lab, w in plats[["platform", "platform_label", "weight"]].itertuples(index=False):
        ax.text(x_of[p], height - head_h + 0.08, f"{lab} ({w})", rotation=90, ha="center", va="bottom",
                fontsize=9)
    y = height - head_h
    y_of = {}
    for (a, lines), h in zip(zip(actors["actor"], labels), row_h):
        y_of[a] = y - h / 2
        ax.text(label_w - 0.08, y - h / 2, "\n".join(lines), ha="right", va="center", fontsize=9,
                linespacing=1.1)
        ax.plot([label_w, label_w + col_w * len(plats)], [y, y], color="#dddddd", lw=0.6)
        y -= h
    wmax = data["weight"].max()
    for r in data.itertuples():
        size = 0.09 + 0.06 * (r.weight / wmax) ** 0.5
        ax.add_patch(plt.Circle((x_of[r.platform], y_of[r.actor]), size, color=colours[r.platform],
                                alpha=0.85))
        ax.text(x_of[r.platform], y_of[r.actor], str(r.weight), ha="center", va="center", fontsize=9,
                color="white" if colours[r.platform] not in ("#E69F00", "#56B4E9") else "black",
                weight="bold")
    return fig


# --- HTML for the chapter -----------------------------------------------------------------
def tellings_html(tellings: pd.DataFrame, fact_cites: Mapping[str, str] | None = None) -> str:
    """The numbered key of the migration figure, as a list: each telling's move, who
    moved and when, who tells it (a link to the article), its grade in words and its
    evidence (claim badges; the facts by title)."""
    items = []
    for t in tellings.to_dict("records"):
        mark = render.text(HEDGED_MARK) if t["hedged"] else ""
        source = (render.article_link(t["article"], label=t["told_by"]) if t["article"]
                  else render.text(t["told_by"]))
        evidence = [render.claim_ref(c) for c in split_ids(t["claims"])]
        bits = [f'<span class="net-move">{render.text(t["move"])}{mark}</span>: '
                f'{render.text(t["who"])}, {render.text(t["when"])}. ',
                f'{render.text(t["verb"]).capitalize()} {source}; '
                f'<span class="net-grade">{render.text(t["grade"])}</span>.']
        if evidence:
            bits.append(f'<span class="net-evidence">Claims: {" ".join(evidence)}</span>')
        items.append(f'<li value="{int(t["number"])}" class="net-{render.text(t["kind"]).replace("_", "-")}">'
                     + "".join(bits) + "</li>")
    return f'<ol class="net-tellings">{"".join(items)}</ol>'


def edges_shown(edges: pd.DataFrame, tellings: pd.DataFrame, labels: Labels,
                fact_dates: Mapping[str, str]) -> pd.DataFrame:
    """Every edge of the migration graph, one row each, in words (for a folded table)."""
    number = telling_of_edges(tellings)
    by_number = tellings.set_index("number")
    rows = []
    for e in edges.to_dict("records"):
        n = number[(e["from"], e["to"], e["key"])]
        rows.append({
            "#": n,
            "move": f"{labels.name(e['from'])} → {labels.name(e['to'])}",
            "kind": KIND_WORDS.get(e["kind"], e["kind"]),
            "source": by_number.loc[n, "told_by"],
            "when": when_words(e, fact_dates),
            "dated by": dated_by_words(e, labels.names),
            "grade": by_number.loc[n, "grade"],
            "certainty": CERTAINTY_WORDS.get(e["certainty"], e["certainty"]),
            "made by": "; ".join(RULE_WORDS.get(x, x) for x in split_ids(e["rule"])),
            "facts": "; ".join(labels.fact(f) for f in split_ids(e["facts"])),
        })
    return pd.DataFrame(rows).sort_values(["#", "move"], kind="stable").reset_index(drop=True)


def voices_shown(voices: pd.DataFrame, labels: Labels, article_names: Mapping[str, str]) -> pd.DataFrame:
    """Moves told by several sources, named, with who their tellings share."""
    def source(key: str) -> str:
        return article_names[key] if key in article_names else labels.fact(key)
    return pd.DataFrame({
        "move": voices["from"].map(labels.name) + " → " + voices["to"].map(labels.name),
        "tellings": voices["tellings"],
        "told by": voices["sources"].map(lambda s: "; ".join(source(k) for k in split_ids(s))),
        "shared in the attribution": voices["shared"].map(
            lambda s: ", ".join(labels.name(x) for x in split_ids(s)) or "no one"),
    })


def order_shown(order: pd.DataFrame) -> pd.DataFrame:
    return order.assign(agrees=order["agrees"].map({True: "yes", False: "no"})).rename(
        columns={"order": "order of mention", "edge": "the move it is on", "agrees": "same as the move"})


def unplaced_shown(unplaced: pd.DataFrame, labels: Labels, article_names: Mapping[str, str],
                   events: Mapping) -> pd.DataFrame:
    """Migration claims on no edge, in words: who tells them, what they name, why."""
    def event(e: str) -> str:
        ev = events.get(e) if e else None
        if ev is None:
            return "none"
        what = re.split(r"[;(]", ev.description, maxsplit=1)[0].strip()
        if not ev.window:
            return what
        a, b = ev.window
        return f"{what}, {in_words(a.isoformat() if a == b else f'{a.isoformat()}/{b.isoformat()}')}"
    return pd.DataFrame({
        "claim": unplaced["claim"],
        "told by": unplaced["article"].map(lambda a: article_names.get(a, a)),
        "platforms it names": unplaced["platforms"].map(lambda s: ", ".join(labels.name(p) for p in split_ids(s))),
        "event": unplaced["event"].map(event),
        "why on no move": unplaced["reason"],
    })


def centrality_shown(centrality: pd.DataFrame) -> pd.DataFrame:
    return centrality.drop(columns=["platform"]).rename(columns={
        "name": "platform", "in_degree": "moves in", "out_degree": "moves out",
        "from_platforms": "from (platforms)", "to_platforms": "to (platforms)",
        "betweenness": "betweenness"})


def bipartite_shown(bdeg: pd.DataFrame) -> pd.DataFrame:
    return bdeg.drop(columns=["node"]).rename(columns={
        "degree": "linked to", "claims": "claims"})


def claim_quote(claim: Mapping, role: str, labels: Labels) -> str:
    """One claim: its quote in its own script beside its translation, its badge (a link
    to its span), its role on the move, its grade in words and who it is attributed to."""
    source = f"{role}; grade {labels.grade(claim['grade'])}; {chain_text(claim['attribution'], labels.names)}"
    return render.quote(claim["quote"], claim["language"], claim["translation"], source, claim=claim["id"])


def claims_quotes_html(claim_ids: Iterable[str], claims: pd.DataFrame, role: str, labels: Labels) -> str:
    """The quotes of ``claim_ids``, each in the same ``role``."""
    by_id = claims.set_index("id", drop=False)
    return "".join(claim_quote(by_id.loc[cid], role, labels) for cid in claim_ids)


def evidence_folds_html(tellings: pd.DataFrame, claims: pd.DataFrame, labels: Labels) -> str:
    """For each telling told by claims, a fold: its summary says the telling's number,
    the move and how many claims are inside; inside, every claim, direction first."""
    by_id = claims.set_index("id", drop=False)
    parts = []
    for t in tellings.to_dict("records"):
        ids = split_ids(t["claims"])
        if not ids:
            continue
        direction = set(split_ids(t["direction_claims"]))
        body = "".join(claim_quote(by_id.loc[c], "gives the direction" if c in direction else
                                   "same article and event", labels) for c in ids)
        n_dir = len(direction)
        summary = (f"{t['number']}. {t['move']}: {len(ids)} claim{'s' if len(ids) != 1 else ''}"
                   f" ({n_dir} giving the direction)")
        parts.append(render.folded(summary, body, css_class="fold net-fold"))
    return "".join(parts)


def fact_folds_html(tellings: pd.DataFrame, facts: pd.DataFrame, labels: Labels) -> str:
    """For each telling that a fact makes (a list of destinations), a fold with the
    fact as it was read: what it says, its list, its date, who issued it, where and
    how it was read."""
    by_id = facts.set_index("id", drop=False)
    parts = []
    for t in tellings.to_dict("records"):
        if not t["fact"] or t["fact"] not in by_id.index:
            continue
        f = by_id.loc[t["fact"]]
        who = ", ".join(labels.name(x) for x in split_ids(f["issuer"]))
        people = ", ".join(labels.name(x) for x in split_ids(f["person"]))
        rows = [("What it says", labels.plain(f["fact"])),
                ("The list", str(f["value"])),
                ("Dated", in_words(f["date"])),
                ("Issued by", who + (f" ({people})" if people else "")),
                ("Read", labels.plain(f["where_read"]) or "not recorded")]
        body = "".join(f"<dt>{render.text(k)}</dt><dd>{render.text(v)}</dd>" for k, v in rows)
        if f["source_url"]:
            url = render.text(f["source_url"])
            body += f'<dt>Address</dt><dd><a href="{url}">{url}</a></dd>'
        summary = f"{t['number']}. {t['move']}: 1 fact, as it was read"
        parts.append(render.folded(summary, f'<dl class="net-fact">{body}</dl>', css_class="fold net-fold"))
    return "".join(parts)


def best_grade(grades: Iterable[str]) -> str:
    """The strongest of Admiralty grades (A before F, 1 before 6); '' for none."""
    return _best_grade(g for g in grades if g)


def claim_cell(value: object) -> str:
    """A table cell whose claim ids become badges, kept as one element: a phone lays a
    table cell out as a grid of its children, and text around a badge would split."""
    return f"<span>{render.with_claim_refs(value)}</span>"
