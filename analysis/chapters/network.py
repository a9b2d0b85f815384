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


# --- drawing -----------------------------------------------------------------
KIND_STYLE = {EXTREMIST: {"color": "#b2182b", "linestyle": "-"},
              USER_PRIVACY: {"color": "#2166ac", "linestyle": "--"},
              USER: {"color": "#4d4d4d", "linestyle": "--"}}
LAYOUT_SEED = 7  # spring layouts (graphs with a cycle) are seeded so figures are stable


def _layers(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Left to right by topological generation (origins first); spring layout if cyclic."""
    simple = nx.DiGraph(g)
    if not nx.is_directed_acyclic_graph(simple):
        return {n: tuple(map(float, p)) for n, p in nx.spring_layout(simple, seed=LAYOUT_SEED).items()}
    pos = {}
    gens = [list(gen) for gen in nx.topological_generations(simple)]
    height = 1.7 * max(len(gen) for gen in gens)  # every column spread over the same height
    for x, gen in enumerate(gens):
        # Busiest nodes in the middle of their column, the rest alternating outwards.
        ranked = sorted(gen, key=lambda n: (-g.degree(n), n))
        col: list = []
        for i, n in enumerate(ranked):
            col = col + [n] if i % 2 else [n] + col
        for i, n in enumerate(col):
            pos[n] = (float(x) * 4.4, height / 2 - (i + 0.5) * height / len(col))
    return pos


def _short_date(date: str, precision: str) -> str:
    if precision == "before":
        return "by " + date[3:10]
    return date.replace("/", "–") if date else "undated"


def migration_figure_data(g: nx.MultiDiGraph) -> pd.DataFrame:
    """The table the platform figure is drawn from: one row per edge, with positions."""
    pos = _layers(g)
    rows = []
    for u, v, k, d in sorted(g.edges(keys=True, data=True)):
        src = f"art. {k}" if d["source"].startswith("article") else d["attribution"].split(" ")[0].upper()
        label = f"{src}, {_short_date(d['date'], d['date_precision'])}"
        if d["certainty"] == "probable":
            label += " (?)"
        rows.append({"from": u, "to": v, "key": k, "kind": d["kind"], "certainty": d["certainty"],
                     "label": label, "x_from": pos[u][0], "y_from": pos[u][1],
                     "x_to": pos[v][0], "y_to": pos[v][1],
                     "from_label": g.nodes[u]["label"], "to_label": g.nodes[v]["label"],
                     "from_native": " / ".join(filter(None, [g.nodes[u]["name_ar"], g.nodes[u]["name_fa"]])),
                     "to_native": " / ".join(filter(None, [g.nodes[v]["name_ar"], g.nodes[v]["name_fa"]]))})
    return pd.DataFrame(rows)


def migration_figure(data: pd.DataFrame):
    """Platforms as labelled boxes, one curved arrow per edge (parallel edges bent apart)."""
    fig, ax = plt.subplots(figsize=(10.5, 7.4))
    records = data.to_dict("records")  # 'from' is a keyword: no itertuples
    nodes = {}
    for side in ("from", "to"):
        for r in records:
            nodes[r[side]] = (r[f"x_{side}"], r[f"y_{side}"], r[f"{side}_label"], r[f"{side}_native"])
    boxes = {}
    for pid, (x, y, label, native) in sorted(nodes.items()):
        text = label + (f"\n{native}" if native else "")
        boxes[pid] = ax.text(x, y, text, ha="center", va="center", fontsize=12, zorder=5,
                             bbox=dict(boxstyle="round,pad=0.4", fc="#f7f7f7", ec="#555555"))
    seen: dict[tuple, int] = defaultdict(int)
    total = data.groupby(["from", "to"]).size().to_dict()
    for r in records:
        pair = (r["from"], r["to"])
        (x1, y1), (x2, y2) = nodes[pair[0]][:2], nodes[pair[1]][:2]
        n, i = total[pair], seen[pair]
        seen[pair] += 1
        rad = 0.0 if n == 1 else (-0.2 + 0.4 * i / (n - 1))
        style = dict(KIND_STYLE[r["kind"]])
        if r["certainty"] == "probable":
            style.update(linestyle=":", alpha=0.8)
        # Arrows stop at the boxes' edges (patchA/patchB), whatever the label's size.
        ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), connectionstyle=f"arc3,rad={rad}",
                                     arrowstyle="-|>", mutation_scale=16, lw=1.8, shrinkA=2, shrinkB=3,
                                     patchA=boxes[pair[0]].get_bbox_patch(),
                                     patchB=boxes[pair[1]].get_bbox_patch(), **style))
        # Label at the middle of the curve (arc3's quadratic Bézier, control point as
        # matplotlib sets it).
        cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
        t = 0.5
        mx = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * x2
        my = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * y2
        ax.text(mx, my, r["label"], fontsize=10.5, ha="center", va="center", color=style["color"],
                bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.9), zorder=4)
    xs = [p[0] for p in nodes.values()]
    ys = [p[1] for p in nodes.values()]
    ax.set_xlim(min(xs) - 0.85, max(xs) + 0.95)
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.8)
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [Line2D([], [], lw=2, **KIND_STYLE[k], label=k.replace("_", " "))
               for k in KINDS if k in set(data["kind"])]
    if (data["certainty"] == "probable").any():
        handles.append(Line2D([], [], lw=2, color="#b2182b", linestyle=":",
                              label="(?) probable: hedged in the source"))
    ax.legend(handles=handles, loc="lower left", fontsize=10.5, frameon=False)
    fig.tight_layout()
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


def bipartite_figure(data: pd.DataFrame):
    n_left = data["actor"].nunique()
    fig, ax = plt.subplots(figsize=(7.5, 0.6 + 0.3 * n_left))
    wmax = data["weight"].max()
    for r in data.itertuples():
        ax.plot([r.x_actor, r.x_platform], [r.y_actor, r.y_platform], color="#35978f",
                lw=0.6 + 4.0 * r.weight / wmax, alpha=0.55, solid_capstyle="round")
    for side, label_col in (("actor", "actor_label"), ("platform", "platform_label")):
        pts = data.drop_duplicates(side)
        w = data.groupby(side)["weight"].sum()
        for r in pts.itertuples():
            x, y = getattr(r, f"x_{side}"), getattr(r, f"y_{side}")
            ax.plot([x], [y], "o", ms=6, color="#01665e" if side == "platform" else "#8c510a")
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


# --- HTML for the chapter -----------------------------------------------------------------
def voices_shown(voices: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Moves told by several sources, named, with who their tellings share."""
    return voices.assign(
        move=voices["from"].map(names) + " → " + voices["to"].map(names),
        shared=voices["shared"].map(lambda s: ", ".join(names.get(x, x) for x in split_ids(s)) or "none"),
    )[["move", "tellings", "sources", "shared"]].rename(columns={"shared": "shared in the attribution"})


def claim_quote(claim: Mapping, role: str, names: Mapping[str, str]) -> str:
    """One claim on an edge: its quote beside its translation, with its id, role,
    span, grade and who it is attributed to."""
    source = (f"{role}, {render.source_span(claim['article'], int(claim['start']), int(claim['end']))}, "
              f"grade {claim['grade']}, {chain_text(claim['attribution'], names)}")
    return render.quote(claim["quote"], claim["language"], claim["translation"], source, claim=claim["id"])


def claims_quotes_html(claim_ids: Iterable[str], claims: pd.DataFrame, role: str,
                       names: Mapping[str, str]) -> str:
    """The quotes of ``claim_ids``, each in the same ``role``."""
    by_id = claims.set_index("id", drop=False)
    return "".join(claim_quote(by_id.loc[cid], role, names) for cid in claim_ids)


def edge_quotes_html(claim_edges: pd.DataFrame, claims: pd.DataFrame, names: Mapping[str, str]) -> str:
    """Each edge told by claims, as a heading and the quotes of its claims."""
    by_id = claims.set_index("id", drop=False)
    parts = []
    for e in claim_edges.to_dict("records"):  # 'from' is a keyword: no itertuples
        parts.append(f"<h3>{render.text(names[e['from']])} → {render.text(names[e['to']])}: "
                     f"article {render.text(e['articles'])} ({render.text(e['kind'].replace('_', ' '))})</h3>")
        direction = split_ids(e["direction_claims"])
        for cid in split_ids(e["claims"]):
            role = "gives the direction" if cid in direction else "same event"
            parts.append(claim_quote(by_id.loc[cid], role, names))
    return "".join(parts)
