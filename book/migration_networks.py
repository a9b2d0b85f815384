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

# %% tags=["parameters", "remove-cell"]
# papermill replaces this with the data directory of the build.
data_dir = None

# %% tags=["remove-cell"]
from pathlib import Path

from IPython.display import HTML, display
from myst_nb import glue

from analysis.display import figures, render
from analysis.display.labels import confidence_words, load_labels
from analysis.chapters import network
from analysis.evidence.snapshot import checked_evidence
from analysis.evidence.facts import split_ids as split
from analysis.paths import PATHS, Paths

paths = Paths(Path(data_dir).resolve().parent) if data_dir else PATHS
ev = checked_evidence(paths)
labels = load_labels(paths)
corpus, entities, events = ev.corpus, ev.entities, ev.events
claims, facts = ev.claims_table, ev.facts_table
aliases = network.load_aliases(paths.gazetteer)
articles = labels.article_names((a.id, a.row.outlet, a.row.published) for a in corpus)
fact_dates = dict(zip(facts["id"], facts["date"]))

net = network.build(claims, facts, entities, events, aliases)
edges, G, B = net["edges"], net["graph"], net["bipartite"]
tellings = network.tellings_table(edges, labels, articles, fact_dates, confidence_words(paths))
unplaced = network.unplaced_claims(claims, edges)
order = network.order_check(claims, entities, edges)
centrality = network.platform_centrality(G)
bdeg = network.bipartite_degree(B)
voices = network.shared_voices(edges)
name = labels.name

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
glue("network_n_tellings", int(len(tellings)), display=False)
glue("network_n_extremist", kinds[network.EXTREMIST], display=False)
glue("network_n_user_privacy", kinds[network.USER_PRIVACY], display=False)
glue("network_n_user_other", kinds[network.USER], display=False)
glue("network_n_claim_edges", int(len(claim_edges)), display=False)
glue("network_n_fact_edges", int(len(fact_edges)), display=False)
glue("network_n_hedged", int((edges["certainty"] == "probable").sum()), display=False)
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
glue("network_n_parallel_pairs", int(len(voices)), display=False)
glue("network_n_shared_voice_pairs", int((voices["shared"] != "").sum()), display=False)
glue("network_shared_voice_names",
     ", ".join(sorted({name(x) for cell in voices["shared"] for x in split(cell)})), display=False)
glue("network_n_articles_with_moves", int(claim_edges["articles"].nunique()), display=False)

hub = centrality.iloc[0]
glue("network_hub", str(hub["name"]), display=False)
glue("network_hub_betweenness", float(hub["betweenness"]), display=False)
glue("network_hub_in", int(hub["in_degree"]), display=False)
glue("network_hub_out", int(hub["out_degree"]), display=False)
glue("network_hub_from", int(hub["from_platforms"]), display=False)
glue("network_hub_to", int(hub["to_platforms"]), display=False)
n_hub_edges = int(((edges["from"] == hub["platform"]) | (edges["to"] == hub["platform"])).sum())
glue("network_hub_share", f"every one of their {len(edges)} arrows" if n_hub_edges == len(edges)
     else f"{n_hub_edges} of their {len(edges)} arrows", display=False)
glue("network_n_articles", int(len(corpus)), display=False)
glue("network_movers", ", ".join(sorted({name(m) for cell in edges["movers"] for m in split(cell)})),
     display=False)
glue("network_n_bridges", int((centrality["betweenness"] > 0).sum()), display=False)

# The tellings the findings name, by their move and source.
when = {(r["from"], r["to"], r["key"]): network.when_words(r, fact_dates) for r in edges.to_dict("records")}
glue("network_when_twitter_003", when[("twitter", "telegram", "003")], display=False)
glue("network_when_twitter_000", when[("twitter", "telegram", "000")], display=False)
glue("network_when_tamtam_002", when[("telegram", "tamtam", "002")], display=False)
glue("network_when_whatsapp", when[("whatsapp", "telegram", "003")], display=False)
glue("network_n_twitter_tellings", int(((edges["from"] == "twitter") & (edges["to"] == "telegram")).sum()),
     display=False)
crest = edges[edges["key"] == "crest-2021-destinations"]
glue("network_crest_n_others", int(((crest["to"] != "tamtam") & (crest["certainty"] != "probable")).sum()),
     display=False)
glue("network_crest_hedged", " and ".join(name(p) for p in crest.loc[crest["certainty"] == "probable", "to"]),
     display=False)
graded = claim_edges.loc[claim_edges["grade"] != "", "grade"]
best = network.best_grade(graded)
glue("network_best_grade", labels.grade(best), display=False)
glue("network_best_grade_headline", "A move is confirmed" if best.endswith("1") else "No move is confirmed",
     display=False)
glue("network_best_grade_move", " and ".join(
    f"{name(r['from'])} → {name(r['to'])}" for r in claim_edges[claim_edges["grade"] == best].to_dict("records")),
    display=False)

# Dates of the moves, as the edge table gives them.
glue("network_n_dated_claims", int((edges["date_rule"] == "claims").sum()), display=False)
glue("network_n_dated_event", int((edges["date_rule"] == "event").sum()), display=False)
glue("network_n_dated_before", int((edges["date_precision"] == "before").sum()), display=False)
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
top_pair = net["ap_edges"][net["ap_edges"]["actor"] == top_actor["node"]].sort_values(
    ["weight", "platform"], ascending=[False, True]).iloc[0]
glue("network_top_actor_platform", name(top_pair["platform"]), display=False)
glue("network_top_actor_platform_claims", int(top_pair["weight"]), display=False)
top_platform = ap_platforms.iloc[0]
glue("network_top_platform", str(top_platform["name"]), display=False)
glue("network_top_platform_degree", int(top_platform["degree"]), display=False)
glue("network_n_single_actors", int((actors["claims"] == 1).sum()), display=False)

# The figures: each in a wide and a phone variant, drawn from the same table.
fig_data = network.migration_figure_data(G, tellings)
_ = figures.save(network.migration_figure(fig_data), fig_data, Path("figures") / "migration_networks-platforms")
_ = figures.save_variant(network.migration_figure(fig_data, phone=True),
                         Path("figures") / "migration_networks-platforms", "phone")
bip_data = network.bipartite_figure_data(B)
_ = figures.save(network.bipartite_figure(bip_data), bip_data, Path("figures") / "migration_networks-actors")
_ = figures.save_variant(network.bipartite_figure(bip_data, phone=True),
                         Path("figures") / "migration_networks-actors", "phone")

# %% [markdown]
# (chapter-migration-networks)=
# # Migration networks
#
# ## In short
#
# - **Telegram is the hub.** The articles and
#   {glue:text}`network_n_destination_facts` research report tell
#   {glue:text}`network_n_tellings` moves between
#   {glue:text}`network_n_platforms` platforms, and
#   {glue:text}`network_hub_share` starts or ends at
#   {glue:text}`network_hub` ({numref}`fig-network-migration`).
# - **Islamic State's supporters left Twitter for Telegram**, as
#   {glue:text}`network_n_twitter_tellings` articles tell it
#   ({claim}`003-02`, {claim}`000-09`), but neither dates the move: it had
#   happened {glue:text}`network_when_twitter_003` in one and
#   {glue:text}`network_when_twitter_000` in the other.
# - **After the crackdown on Telegram they tried TamTam**: an Arabic site
#   relays The Telegraph's report of the move
#   ({glue:text}`network_when_tamtam_002`, {claim}`002-06`), and a research
#   report lists TamTam and {glue:text}`network_crest_n_others` other
#   platforms that jihadist channels tried, and
#   {glue:text}`network_crest_hedged` only as "probably"
#   {cite:p}`src-crest-2021`.
# - **Those two tellings of the move to TamTam are not independent**: they
#   share a voice, {glue:text}`network_shared_voice_names`, the analyst The
#   Telegraph quoted and one of the report's authors.
# - **Ordinary users moved from WhatsApp to Telegram for privacy** after
#   Facebook bought WhatsApp ({glue:text}`network_when_whatsapp`,
#   {claim}`003-15`); the chapter keeps that move apart from the extremists'.
# - **{glue:text}`network_best_grade_headline`**: the best grade of any
#   article's telling of a move is {glue:text}`network_best_grade` (the move
#   {glue:text}`network_best_grade_move`).
# - **Across all {glue:text}`network_n_claims` claims**,
#   {glue:text}`network_top_actor` is named with a platform in
#   {glue:text}`network_top_actor_claims`, {glue:text}`network_top_actor_platform_claims`
#   of them with {glue:text}`network_top_actor_platform`
#   ({numref}`fig-network-actors`).
#
# ## The moves
#
# Each arrow is one move as one source tells it, so that two sources telling
# the same move are two arrows; the number on an arrow is its telling in the
# list under the figure. "By" a date means the move had happened by then: no
# source dates it more closely. Grades are the Admiralty grades of the claims
# (see {ref}`chapter-codebook`).
#
# ````{figure} figures/migration_networks-platforms.png
# :name: fig-network-migration
# :figclass: net-figure
# :class: net-wide
# :target: ../_images/migration_networks-platforms.png
# :alt: Directed graph of platforms. Twitter (twice) and WhatsApp point to Telegram; Telegram points to TamTam (twice), Rocket.Chat, nandbox, Hoop Messenger and, dotted, Riot. Each arrow carries the number of its telling, listed under the graph.
#
# The migration graph: platforms (with their Arabic and Persian spellings)
# and moves, numbered by telling as in the key and the list below. Select the
# image to open it full size; it is drawn from
# {download}`this table <figures/migration_networks-platforms.csv>`.
#
# ```{image} figures/migration_networks-platforms-phone.png
# :class: net-narrow
# :target: ../_images/migration_networks-platforms-phone.png
# :alt: Directed graph of platforms, drawn for a narrow screen: Twitter (twice) and WhatsApp point to Telegram; Telegram points to TamTam (twice), Rocket.Chat, nandbox, Hoop Messenger and, dotted, Riot. Each arrow carries the number of its telling, listed under the graph.
# ```
# ````

# %% tags=["remove-input"]
display(HTML(network.tellings_html(tellings)))

# %% [markdown]
# ## The evidence for each move
#
# The claims behind each telling, in the article's own words beside the
# project's translation, with their grade and who they are attributed to;
# each badge leads to the claim in its article. The claims that give the
# direction come first; the others are claims of the same article and event.

# %% tags=["remove-input"]
display(HTML(network.evidence_folds_html(tellings, claims, labels)
             + network.fact_folds_html(tellings, facts, labels)))
display(HTML(render.folded(
    f"Migration claims on no move, and why ({len(unplaced)} claims)",
    render.table(network.unplaced_shown(unplaced, labels, articles, events),
                 cell_html={"claim": network.claim_cell})
    + network.claims_quotes_html(unplaced["claim"], claims, "on no move", labels),
    css_class="fold net-fold")))

# %% [markdown]
# The {glue:text}`network_n_unplaced` migration claims on no move each name
# only the platform moved to, Telegram, in Islamic State's call to its
# members after the Paris attacks {cite:p}`art004`, and no platform moved
# from; their article tells no move of the same event, so they are kept out
# rather than joined to another article's move from Twitter.
#
# ## Tellings that share a voice
#
# {glue:text}`network_n_parallel_pairs` pairs of platforms carry more than
# one telling. Tellings are not always independent: in
# {glue:text}`network_n_shared_voice_pairs` pair the chains of who said what
# share a person ({glue:text}`network_shared_voice_names`, the analyst of the
# Institute for Strategic Dialogue whom The Telegraph quoted, and one of the
# report's authors), so the report's list confirms the Arabic article's move
# to TamTam less than two separate arrows suggest.

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"Moves told by more than one source, and who their tellings share ({len(voices)} moves)",
    render.table(network.voices_shown(voices, labels, articles)), css_class="fold net-fold")))

# %% [markdown]
# ## Telegram, the hub
#
# {glue:text}`network_hub` has {glue:text}`network_hub_in` arrows in (from
# {glue:text}`network_hub_from` platforms) and {glue:text}`network_hub_out`
# out (to {glue:text}`network_hub_to`), and the highest betweenness,
# {glue:text}`network_hub_betweenness:.3f` (platforms on a path between two
# others: {glue:text}`network_n_bridges` of {glue:text}`network_n_platforms`). Arrows count every telling; the
# counts of platforms and the betweenness merge parallel arrows, since a
# second telling of a move adds no new path.

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"Arrows in and out, and betweenness, of each platform ({len(centrality)} platforms)",
    render.table(network.centrality_shown(centrality)), css_class="fold net-fold")))

# %% [markdown]
# ## Actors and platforms
#
# The second graph links every actor a claim is about to every platform the
# same claim names, weighted by the number of claims.
# {glue:text}`network_n_ap_claims` of the {glue:text}`network_n_claims`
# claims name both; they link {glue:text}`network_n_actors` actors to
# {glue:text}`network_n_ap_platforms` platforms by
# {glue:text}`network_n_ap_edges` links. Platform companies that appear as
# actors (Telegram, Twitter…) are on the platform side only.
# {glue:text}`network_top_actor` is in {glue:text}`network_top_actor_claims`
# claims with a platform, across {glue:text}`network_top_actor_degree`
# platforms; {glue:text}`network_top_platform` is linked to
# {glue:text}`network_top_platform_degree` actors;
# {glue:text}`network_n_single_actors` actors appear with a platform in one
# claim only.
#
# ````{figure} figures/migration_networks-actors.png
# :name: fig-network-actors
# :figclass: net-figure
# :class: net-wide
# :target: ../_images/migration_networks-actors.png
# :alt: Actors on the left joined to platforms on the right by lines in each platform's colour; Islamic State's thick lines go to Telegram, Twitter and TamTam.
#
# Actors and the platforms named with them in a claim: lines in each
# platform's colour, as wide as their number of claims (on a phone, a grid of
# dots marked with it); in brackets, each name's claims. Select the image to
# open it full size; it is drawn from
# {download}`this table <figures/migration_networks-actors.csv>`.
#
# ```{image} figures/migration_networks-actors-phone.png
# :class: net-narrow
# :target: ../_images/migration_networks-actors-phone.png
# :alt: A grid of actors (rows) and platforms (columns), a dot with the number of claims where an actor is named with a platform; Islamic State has 25 claims with Telegram, 9 with Twitter and 8 with TamTam.
# ```
# ````

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"Every actor and platform of the graph, with its links and claims ({len(bdeg)} nodes)",
    render.table(network.bipartite_shown(bdeg)), css_class="fold net-fold")))

# %% [markdown]
# ## How this chapter was made
#
# :::{dropdown} The data, and how a move is drawn from claims
# **Data.** The annotated claims of the {glue:text}`network_n_articles`
# articles (see {ref}`chapter-corpus`)
# and the primary-source facts (see {ref}`data-downloads`).
# {glue:text}`network_n_migration_claims` claims are coded as moves between
# platforms and {glue:text}`network_n_usage_claims` as uses of a platform;
# {glue:text}`network_n_destination_facts` fact lists destination platforms:
# the list of platforms jihadist channels tried after the Telegram purge in
# the CREST report {cite:p}`src-crest-2021` (tried, not settled on). No arrow
# is drawn by hand: each says which rule made it.
#
# **Direction.** A claim of a move records the platforms it names as a list,
# not as a from and a to. The direction comes from one of these rules:
#
# - *The curator's arrow*: the curator's notes on the claim write the move as
#   "A → B" ("Twitter → Telegram", "WhatsApp users → Telegram"), A and B being
#   two platforms the claim names. An article's claims with the same arrow and
#   kind make one arrow; {glue:text}`network_n_direction_claims` claims give a
#   direction this way.
# - *Same article, same event*: a claim of a move or of a use with no arrow
#   joins the arrow of its own article that has its event and whose two
#   platforms include every platform it names: the caption "Daesh members
#   turn to using TamTam" joins its article's move from Telegram to TamTam,
#   and the analyst's messages seen on TamTam join it as evidence of use after
#   the move. {glue:text}`network_n_same_event` claims join an arrow this way
#   ({glue:text}`network_n_migration_joined` moves and
#   {glue:text}`network_n_usage_joined` uses). They add evidence, never an
#   arrow.
# - *A fact's list of destinations*: a fact whose value is a list of platform
#   names gives one arrow to each, from the origin of the arrows that claims
#   tell of the same event: the CREST list gives arrows from Telegram.
# - *"Probably"*: a platform the fact names after "probably" (the platform
#   lost in the copy of the report that was read) gives an arrow marked (?),
#   drawn dotted.
#
# The order in which a claim names its platforms is **not** used: of the
# {glue:text}`network_n_order_claims` claims of a move naming two platforms,
# {glue:text}`network_n_order_agree` name the origin first and
# {glue:text}`network_n_order_disagree` names the destination first
# ({claim}`003-12`, "a lethal tool … that may soon topple Twitter"): a rule on
# the order would have drawn a move from Telegram to Twitter that no article
# tells.
#
# **Kind.** The movers are the claim's actors that are organisations, not in
# its chain of who said it and not platforms. A move with movers is an
# extremists' move (here the movers are {glue:text}`network_movers`); a move
# with none is one of ordinary users, for privacy when the claim gives
# privacy as the reason.
#
# **Date.** The span of the dates the claims give
# ({glue:text}`network_n_dated_claims` arrows); failing that, the dates of
# their event ({glue:text}`network_n_dated_event`); failing that, for a move
# no text dates, the earliest dated claim of the same article in which the
# movers use the destination bounds it ("by", the move had happened by then).
# An arrow from a fact is bounded by the fact's own date: the CREST list by
# the report's publication, since it does not say when each platform was
# tried. {glue:text}`network_n_dated_before` arrows are bounded this way and
# {glue:text}`network_n_undated` is undated.
# :::

# %% tags=["remove-input"]
display(HTML(render.folded(
    f"The claims of a move naming two platforms: the order of mention against the direction "
    f"({len(order)} claims)",
    render.table(network.order_shown(order), cell_html={"claim": network.claim_cell}), css_class="fold net-fold")))
display(HTML(render.folded(
    f"Every arrow in full: its source, date, how it was dated, grade and rule ({len(edges)} arrows)",
    render.table(network.edges_shown(edges, tellings, labels, fact_dates),
                 cell_html={"dated by": network.claim_cell}),
    css_class="fold net-fold")))

# %% [markdown]
# ## Downloads
#
# - {download}`migration_edges.csv <../data/processed/migration_edges.csv>`:
#   every arrow with its claims, facts, date, grade and rule (the columns are
#   described on the {ref}`data-downloads` page)
# - {download}`migration_graph.graphml <../data/processed/migration_graph.graphml>`
#   and {download}`migration_graph.json <../data/processed/migration_graph.json>`
#   (node-link): the migration graph, lists joined by semicolons
# - {download}`actor_platform_edges.csv <../data/processed/actor_platform_edges.csv>`,
#   {download}`actor_platform_graph.graphml <../data/processed/actor_platform_graph.graphml>`
#   and {download}`actor_platform_graph.json <../data/processed/actor_platform_graph.json>`:
#   the actor–platform graph
#
# ## What's next
#
# The moves from Twitter to Telegram are bounded, not dated: a source dating
# that move (Twitter's suspension figures are among the facts) would need a
# claim that ties the move to them. Any new claim of a move with an arrow in
# its notes adds an arrow with no change to the code.
#
# ## References
#
# The articles {cite:p}`art000,art002,art003,art004` and the CREST report
# {cite:p}`src-crest-2021`; The Telegraph's report relayed by the Arabic
# article {cite:p}`art002` was read in a copy
# {cite:p}`src-enewsfuse-telegraph-2019`, and Facebook's purchase of WhatsApp
# in its announcement {cite:p}`src-upi-2014`. Full entries are on the
# {ref}`references` page.
