# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# (chapter-migration-networks)=
# # Migration networks
#
# ## Overview
#
# The articles tell of moves: Islamic State's supporters leaving Twitter for
# Telegram, and later Telegram for TamTam; ordinary users leaving WhatsApp for
# Telegram after Facebook bought it. This chapter turns those tellings into
# two graphs. The **migration graph** has platforms as nodes and one directed
# edge per move per source, so that two articles telling the same move are two
# parallel edges, each carrying its claims, dates, sources and grade. The
# **actor–platform graph** links every actor to every platform named with it
# in a claim. Both are built from the annotated claims and the facts table
# only: no edge is typed by hand, and every edge says which rule made it.
#
# ## Data
#
# The claims of `data/annotations/` (see the {ref}`chapter-corpus` chapter
# for the texts) and the primary-source facts of `data/reference/facts.csv`.
# {glue:text}`network_n_migration_claims` claims are annotated as migration
# claims and {glue:text}`network_n_usage_claims` as usage claims; the facts
# table has {glue:text}`network_n_destination_facts` fact that lists
# destination platforms: the CREST report's list of platforms jihadist
# channels tried after the Telegram purge {cite:p}`src-crest-2021` (tried,
# not settled on). The graphs are written
# by `python -m analysis prepare` into `data/processed/` (downloads at the
# end of the chapter); the logic is in `analysis/chapters/network.py`.

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.display import figures, render
from analysis.chapters import network
from analysis.evidence.loader import load_evidence
from analysis.evidence.facts import split_ids as split
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
ev = load_evidence(paths)
corpus, entities, events = ev.corpus, ev.entities, ev.events
claims, facts = ev.claims_table, ev.facts_table
aliases = network.load_aliases(paths.gazetteer)

net = network.build(claims, facts, entities, events, aliases)
edges, G, B = net["edges"], net["graph"], net["bipartite"]
unplaced = network.unplaced_claims(claims, edges)
order = network.order_check(claims, entities, edges)
centrality = network.platform_centrality(G)
bdeg = network.bipartite_degree(B)
voices = network.shared_voices(edges)
name = ev.names

mig = claims[claims["type"] == "migration"]
on_edges = {c for cell in edges["claims"] for c in split(cell)}
direction = {c for cell in edges["direction_claims"] for c in split(cell)}
claim_edges = edges[edges["claims"] != ""]
fact_edges = edges[edges["facts"].isin(facts["id"]) & (edges["claims"] == "")]
kinds = network.counts_by_kind(edges)

glue("network_n_migration_claims", int(len(mig)), display=False)
glue("network_n_usage_claims", int((claims["type"] == "usage").sum()), display=False)
glue("network_n_destination_facts", int(fact_edges["key"].nunique()), display=False)
glue("network_n_edges", int(G.number_of_edges()), display=False)
glue("network_n_platforms", int(G.number_of_nodes()), display=False)
glue("network_n_pairs", int(len(set(zip(edges["from"], edges["to"])))), display=False)
glue("network_n_extremist", kinds[network.EXTREMIST], display=False)
glue("network_n_user_privacy", kinds[network.USER_PRIVACY], display=False)
glue("network_n_user_other", kinds[network.USER], display=False)
glue("network_n_claim_edges", int(len(claim_edges)), display=False)
glue("network_n_fact_edges", int(len(fact_edges)), display=False)
glue("network_n_hedged", int((edges["certainty"] == "probable").sum()), display=False)
glue("network_n_quoted_edges", int((edges["certainty"] != "probable").sum()), display=False)
glue("network_n_direction_claims", int(len(direction)), display=False)
glue("network_n_claims_on_edges", int(len(on_edges)), display=False)
glue("network_n_same_event", int(len(on_edges - direction)), display=False)
glue("network_n_usage_joined", int(claims[claims["id"].isin(on_edges)]["type"].eq("usage").sum()),
     display=False)
glue("network_n_migration_joined",
     int(mig["id"].isin(on_edges - direction).sum()), display=False)
glue("network_n_unplaced", int(len(unplaced)), display=False)
glue("network_n_order_claims", int(len(order)), display=False)
glue("network_n_order_agree", int(order["agrees"].sum()), display=False)
glue("network_n_order_disagree", int((~order["agrees"]).sum()), display=False)
glue("network_order_disagree_ids", ", ".join(order.loc[~order["agrees"], "claim"]), display=False)
glue("network_n_parallel_pairs", int(len(voices)), display=False)
glue("network_n_shared_voice_pairs", int((voices["shared"] != "").sum()), display=False)
glue("network_shared_voice_names",
     ", ".join(sorted({name.get(x, x) for cell in voices["shared"] for x in split(cell)})), display=False)
glue("network_n_articles_with_moves", int(claim_edges["articles"].nunique()), display=False)
glue("network_edge_articles", ", ".join(sorted(claim_edges["articles"].unique())), display=False)
glue("network_unplaced_articles", ", ".join(sorted(unplaced["article"].unique())), display=False)

hub = centrality.iloc[0]
glue("network_hub", str(hub["name"]), display=False)
glue("network_hub_betweenness", float(hub["betweenness"]), display=False)
glue("network_hub_in", int(hub["in_degree"]), display=False)
glue("network_hub_out", int(hub["out_degree"]), display=False)
glue("network_hub_from", int(hub["from_platforms"]), display=False)
glue("network_hub_to", int(hub["to_platforms"]), display=False)
glue("network_movers", ", ".join(sorted({name.get(m, m) for cell in edges["movers"] for m in split(cell)})),
     display=False)
glue("network_n_bridges", int((centrality["betweenness"] > 0).sum()), display=False)

# Dates of the moves, as the edge table gives them.
before = edges[edges["date_precision"] == "before"]
glue("network_n_dated_claims", int((edges["date_rule"] == "claims").sum()), display=False)
glue("network_n_dated_event", int((edges["date_rule"] == "event").sum()), display=False)
glue("network_n_dated_before", int(len(before)), display=False)
glue("network_n_undated", int((edges["date_precision"] == "unknown").sum()), display=False)

actors = bdeg[bdeg["side"] == "actor"]
ap_platforms = bdeg[bdeg["side"] == "platform"]
glue("network_n_actors", int(len(actors)), display=False)
glue("network_n_ap_platforms", int(len(ap_platforms)), display=False)
glue("network_n_ap_edges", int(B.number_of_edges()), display=False)
ap_claims = {c for cell in net["ap_edges"]["claims"] for c in split(cell)}
glue("network_n_ap_claims", int(len(ap_claims)), display=False)
glue("network_n_claims", int(len(claims)), display=False)
top_actor = actors.iloc[0]
glue("network_top_actor", str(top_actor["name"]), display=False)
glue("network_top_actor_claims", int(top_actor["claims"]), display=False)
glue("network_top_actor_degree", int(top_actor["degree"]), display=False)
top_platform = ap_platforms.iloc[0]
glue("network_top_platform", str(top_platform["name"]), display=False)
glue("network_top_platform_degree", int(top_platform["degree"]), display=False)
glue("network_n_single_actors", int((actors["claims"] == 1).sum()), display=False)

# %% [markdown]
# ## How an edge is made
#
# A migration claim says that someone moved, but the annotation records the
# platforms it names as a list, not as a from and a to. The direction comes
# from one of these rules (each edge lists the rules that made it, in the
# `rule` column):
#
# - **`notes_arrow`**: the curator's notes on a migration claim write the
#   move as `A → B` ("Twitter → Telegram", "WhatsApp users → Telegram"), A
#   and B being two platforms the claim names. Each article's claims with
#   the same arrow and kind make one edge.
#   {glue:text}`network_n_direction_claims` claims give a direction this way.
# - **`same_event`**: a migration or usage claim with no arrow joins the edge
#   of its own article that has its event key and whose two platforms include
#   every platform it names: the caption "Daesh members turn to using
#   TamTam" joins the Telegram → TamTam edge of its article, the analyst's
#   messages seen on TamTam join it as evidence of use after the move.
#   {glue:text}`network_n_same_event` claims join an edge this way
#   ({glue:text}`network_n_migration_joined` migration claims and
#   {glue:text}`network_n_usage_joined` usage claims). They add evidence,
#   never an edge.
# - **`fact_destinations`**: a fact whose value is a list of platform names
#   (resolved through the gazetteer) gives one edge to each, from the origin
#   of the claim edges of the fact's event. CREST's list of platforms tried
#   after the Telegram purge gives edges from Telegram.
# - **`fact_destinations_hedged`**: a platform the fact names after
#   "probably" (the CREST platform lost in the copy read) gives an edge
#   marked `certainty = probable`, drawn dotted.
#
# The order of a claim's `platforms` list is **not** used. It is the order of
# mention: of the {glue:text}`network_n_order_claims` migration claims naming
# two platforms, {glue:text}`network_n_order_agree` list them origin first,
# and {glue:text}`network_n_order_disagree` ({glue:text}`network_order_disagree_ids`)
# names the destination first ("a lethal tool … that may soon topple
# Twitter"): a rule on the order would have drawn a move from Telegram to
# Twitter that no article tells.
#
# The **kind** of an edge comes from the claim too. The movers are the
# claim's actors that are organisations, outside its attribution chain and
# not platforms. A move with movers is an `extremist_migration` (here the
# movers are: {glue:text}`network_movers`); a move with none is one of ordinary users,
# `user_privacy` when the claim gives privacy as the reason. The **date** is
# the span of the claims' event dates; failing that, the dates of the event
# key; failing that, for a move no text dates, the earliest-ending dated
# claim of the same article in which the movers use the destination bounds
# it (`../date`, precision `before`: the move had happened by then). An edge
# from a fact is dated by the fact, not by an event key: CREST's list bounds
# the moves by its own publication (`before`), since it does not say when
# each platform was tried.

# %% tags=["remove-input"]
display(HTML(render.table(
    order.assign(agrees=order["agrees"].map({True: "yes", False: "no"})).rename(
        columns={"order": "order in platforms", "edge": "edge it is on", "agrees": "order = direction"}),
    caption="Migration claims naming two platforms: the order of mention against the direction",
    claim_columns=["claim"])))

# %% [markdown]
# ## The migration graph
#
# The graph has {glue:text}`network_n_platforms` platforms and
# {glue:text}`network_n_edges` edges between {glue:text}`network_n_pairs`
# ordered pairs of platforms: {glue:text}`network_n_extremist` extremist
# migrations and {glue:text}`network_n_user_privacy` privacy-driven move of
# ordinary users ({glue:text}`network_n_user_other` other moves of users).
# {glue:text}`network_n_claim_edges` edges come from claims, in
# {glue:text}`network_n_articles_with_moves` articles
# {cite:p}`art000,art002,art003`, and {glue:text}`network_n_fact_edges` from
# the CREST fact, {glue:text}`network_n_hedged` of them hedged.
# {numref}`fig-network-migration` draws it; it is drawn from
# {download}`migration_networks-platforms.csv <figures/migration_networks-platforms.csv>`.

# %% tags=["remove-input"]
fig_data = network.migration_figure_data(G)
_ = figures.save(network.migration_figure(fig_data), fig_data,
                 Path("figures") / "migration_networks-platforms")

# %% [markdown]
# ```{figure} figures/migration_networks-platforms.png
# :name: fig-network-migration
# :alt: Directed graph of platforms. Twitter and WhatsApp point to Telegram; Telegram points to TamTam, Rocket.Chat, nandbox, Hoop Messenger and, dotted, Riot.
#
# The migration graph. Boxes are platforms (English canonical name, with the
# first Arabic and Persian spellings of the gazetteer); each arrow is one
# move as one source tells it, labelled with the source and the date
# ("by" = the move had happened by then). Solid red: extremist migration;
# dashed blue: ordinary users' privacy-driven move; dotted, marked (?): a destination the
# source names only as probable. Sources: the claims of
# `data/annotations/` and the facts of `data/reference/facts.csv` listed in
# the edge table below; table: `figures/migration_networks-platforms.csv`.
# ```

# %% [markdown]
# Every edge, with its claims (the claims that give the direction first),
# facts, date and grade. The grade is the best Admiralty grade among the
# claims that state the direction (the strongest telling of the move in that
# source); edges from facts carry the fact's confidence instead.

# %% tags=["remove-input"]
shown = edges.assign(
    move=edges["from"].map(name) + " → " + edges["to"].map(name),
    date=edges["date"] + " (" + edges["date_precision"] + ")",
    grade=edges["grade"].where(edges["grade"] != "", edges["confidence"]),
    rule=edges["rule"].str.replace(";", ", "),
)[["move", "kind", "source", "date", "date_rule", "grade", "certainty", "rule"]].rename(
    columns={"date_rule": "dated by", "grade": "grade / confidence"})
display(HTML(render.table(shown, caption="Edges of the migration graph (data/processed/migration_edges.csv)")))

# %% [markdown]
# The evidence on each edge: the claims that give the direction, every claim
# on the edge, and the facts linked to them.

# %% tags=["remove-input"]
evidence = edges.assign(
    move=edges["from"].map(name) + " → " + edges["to"].map(name),
    direction_claims=edges["direction_claims"].str.replace(";", ", "),
    claims=edges["claims"].str.replace(";", ", "),
    facts=edges["facts"].str.replace(";", ", "),
)[["move", "source", "direction_claims", "claims", "facts"]].rename(
    columns={"direction_claims": "direction from", "claims": "all claims"})
display(HTML(render.table(evidence, caption="Claims and facts on each edge",
                          claim_columns=["direction from", "all claims"])))

# %% [markdown]
# {glue:text}`network_n_parallel_pairs` pairs of platforms carry parallel
# edges, the same move told by more than one source. Parallel edges are not
# always independent: in {glue:text}`network_n_shared_voice_pairs` pair the
# attribution chains of the two tellings share a person
# ({glue:text}`network_shared_voice_names`, the ISD analyst The Telegraph
# quoted and the lead author of the CREST report; see `voices.csv`), so the
# CREST edge confirms article 002's Telegram → TamTam less than two
# separate lines suggest.

# %% tags=["remove-input"]
display(HTML(render.table(
    network.voices_shown(voices, name),
    caption="Moves told by several sources, and who their tellings share")))

# %% [markdown]
# ## Degree and betweenness
#
# {glue:text}`network_hub` is the hub: {glue:text}`network_hub_in` edges in
# (from {glue:text}`network_hub_from` platforms) and
# {glue:text}`network_hub_out` out (to {glue:text}`network_hub_to`), and
# betweenness {glue:text}`network_hub_betweenness:.3f`;
# {glue:text}`network_n_bridges` platform(s) lie on a path between two
# others. Degrees count parallel edges (each telling); the neighbour counts
# and betweenness merge them, since a second telling of a move adds no new
# path.

# %% tags=["remove-input"]
display(HTML(render.table(
    centrality.rename(columns={"in_degree": "in (edges)", "out_degree": "out (edges)",
                               "from_platforms": "in (platforms)", "to_platforms": "out (platforms)"}),
    caption="In/out degree and betweenness (normalised) of each platform in the migration graph")))

# %% [markdown]
# ## The migration claims
#
# The claims on each edge, in the article's own script beside the curator's
# translation, with the claim id, its role on the edge, its span in the raw
# text, its grade and who it is attributed to (outlet first).
# {glue:text}`network_n_claims_on_edges` claims lie on the edges; the
# {glue:text}`network_n_unplaced` migration claims on none are listed after
# them.

# %% tags=["remove-input"]
display(HTML(network.edge_quotes_html(claim_edges, claims, name)))

# %% [markdown]
# The migration claims on no edge (article(s)
# {glue:text}`network_unplaced_articles`): each names only the platform moved
# to, here Islamic State's call to its members after the Paris attacks to use
# Telegram {cite:p}`art004`, and no platform moved from, and its article
# tells no move of the same event. They are kept out rather than joined to
# the Twitter → Telegram edge of another article.

# %% tags=["remove-input"]
display(HTML(render.table(unplaced, caption="Migration claims on no edge, and why", claim_columns=["claim"])))
display(HTML(network.claims_quotes_html(unplaced["claim"], claims, "on no edge", name)))

# %% [markdown]
# ## Actors and platforms
#
# The second graph is bipartite: every actor a claim is about, against every
# platform the same claim names, weighted by the number of claims.
# {glue:text}`network_n_ap_claims` of the {glue:text}`network_n_claims`
# claims name both; they link {glue:text}`network_n_actors` actors to
# {glue:text}`network_n_ap_platforms` platforms by
# {glue:text}`network_n_ap_edges` edges. Platform companies that appear as
# actors (Telegram, Twitter…) are on the platform side only.
# {glue:text}`network_top_actor` is in {glue:text}`network_top_actor_claims`
# claims with a platform, across {glue:text}`network_top_actor_degree`
# platforms; {glue:text}`network_top_platform` is linked to
# {glue:text}`network_top_platform_degree` actors;
# {glue:text}`network_n_single_actors` actors appear with a platform in one
# claim only. {numref}`fig-network-actors` draws it, from
# {download}`migration_networks-actors.csv <figures/migration_networks-actors.csv>`.

# %% tags=["remove-input"]
bip_data = network.bipartite_figure_data(B)
_ = figures.save(network.bipartite_figure(bip_data), bip_data, Path("figures") / "migration_networks-actors")

# %% [markdown]
# ```{figure} figures/migration_networks-actors.png
# :name: fig-network-actors
# :alt: Bipartite graph with actors on the left and platforms on the right; Islamic State's thick lines go to Telegram, Twitter and TamTam.
#
# Actors (left) and the platforms named with them in a claim (right). Line
# width: the number of claims; in brackets: each node's claims (weighted
# degree). Source: every claim of `data/annotations/`;
# table: `figures/migration_networks-actors.csv`.
# ```

# %% tags=["remove-input"]
display(HTML(render.table(
    bdeg.rename(columns={"degree": "degree (neighbours)", "claims": "weighted degree (claims)"}),
    caption="Degree of each node of the actor–platform graph")))

# %% [markdown]
# ## Downloads
#
# - {download}`migration_edges.csv <../data/processed/migration_edges.csv>`:
#   the edge table above (columns in `data/DATA-DICTIONARY.md`)
# - {download}`migration_graph.graphml <../data/processed/migration_graph.graphml>`
#   and {download}`migration_graph.json <../data/processed/migration_graph.json>`
#   (node-link): the migration graph, lists joined by `;`
# - {download}`actor_platform_edges.csv <../data/processed/actor_platform_edges.csv>`,
#   {download}`actor_platform_graph.graphml <../data/processed/actor_platform_graph.graphml>`
#   and {download}`actor_platform_graph.json <../data/processed/actor_platform_graph.json>`:
#   the actor–platform graph
#
# ## Summary
#
# - {glue:text}`network_n_edges` moves between {glue:text}`network_n_platforms`
#   platforms, none typed by hand: {glue:text}`network_n_quoted_edges` from a
#   source that can be quoted (the claims of
#   {glue:text}`network_n_articles_with_moves` articles,
#   {glue:text}`network_edge_articles`, and the platforms
#   {glue:text}`network_n_destination_facts` research fact lists as tried), and
#   {glue:text}`network_n_hedged` the curator's reading of a name lost in the
#   copy read ("probably"), drawn dotted.
# - {glue:text}`network_hub` is the hub of every telling: the destination of
#   the first moves, the origin of the later ones.
# - Ordinary users' move for privacy is kept apart from the extremists' moves.
# - Two tellings of one move can be one voice; the edge table says whose.
#
# ## What's next
#
# The dates of the Twitter → Telegram moves are bounds, not dates: a source
# dating that move (Twitter's suspension figures are in the facts table) would
# need a claim that ties the move to them. Any new migration claim with an
# arrow in its notes adds an edge with no change to the code.
#
# ## References
#
# The articles {cite:p}`art000,art002,art003,art004` and the CREST report
# {cite:p}`src-crest-2021`; The Telegraph's report relayed by article 002 was
# read in a copy {cite:p}`src-enewsfuse-telegraph-2019`, and Facebook's
# purchase of WhatsApp in its announcement {cite:p}`src-upi-2014`. Full
# entries are on the {ref}`references` page.
