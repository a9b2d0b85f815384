"""The platform-policy chapter: which claims it shows, under which platform, and how.

Pure functions over the tables ``prepare`` computes (claims, facts, the
discrepancy register, entities): nothing here is typed per claim.

Which claims (``policy_claims``):

* every ``policy_statement``, ``cooperation``, ``non_cooperation``,
  ``feature`` and ``event`` claim that names a platform;
* a ``cooperation`` or ``non_cooperation`` claim that names none (the FBI's
  "social networks and messaging apps reply quickly"): it is still about
  what platforms do, and is filed under "platforms not named";
* a ``takedown_count`` only where it is a platform's own action: one of the
  claim's platforms is also one of its actors (Telegram "has taken down",
  TamTam "began removing"). Police and Europol counts are left to the
  takedown-numbers chapter.

The other claims of those types (police, courts, a raid) are listed apart by
``left_out``, with the reason.

Under which platform (``primary_platform``): each claim is shown once, under
the first of its platforms (in chapter order: Telegram, Twitter, TamTam,
then the others by name) that is also one of its actors, else under the
first of its platforms; the other platforms it names are listed with it.
TamTam's "channels like Telegram's" (002-11) is TamTam's, not Telegram's.

How they are shown, for readers: every code in words (``Words``: names,
fact titles, articles by outlet and date, grades, the register's kinds and
statuses, all from data); a claim as a card (``claim_card``: the shared quote
component, its kind, date and grade in words, who said it, the facts it
restates, a link to its register case, the annotators' notes folded); a
platform's cards grouped by kind in folds that say what they hold and how
many; each register case shown once (``register_html``), where the cards
link.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

import pandas as pd

from ..display import render
from ..display.dates import as_written, in_words
from ..display.labels import Labels, evidence_words, load_labels
from ..evidence.claims import chain_text
from ..evidence.facts import split_ids

POLICY_TYPES = ("policy_statement", "cooperation", "non_cooperation", "feature", "event")
COOPERATION_TYPES = ("cooperation", "non_cooperation")
TAKEDOWN = "takedown_count"
MAIN_PLATFORMS = ("telegram", "twitter", "tamtam")
UNNAMED = ""   # section key of claims that name no platform
UNNAMED_LABEL = "platforms not named"
# Order of the subsections inside a platform's section, and their headings.
TYPE_GROUPS = (
    ("policy_statement", "What it says: stance and rules"),
    ("cooperation", "Cooperation and refusal"),
    (TAKEDOWN, "Its own takedowns"),
    ("feature", "Features"),
    ("event", "Events"),
)
TYPE_LABEL = {"policy_statement": "policy statement", "cooperation": "cooperation",
              "non_cooperation": "non-cooperation", "feature": "feature", "event": "event",
              TAKEDOWN: "takedown (platform's own)"}
_GROUP_OF = {"non_cooperation": "cooperation"}


ids = split_ids  # a ';'-joined cell as a list


# --- which claims, under which platform -------------------------------------------
def own_action(platforms: Iterable[str], actors: Iterable[str]) -> bool:
    """A takedown is a platform's own when one of its platforms is also one of its actors."""
    return bool(set(platforms) & set(actors))


def in_chapter(row: Mapping) -> bool:
    platforms, actors = ids(row["platforms"]), ids(row["actors"])
    if row["type"] in COOPERATION_TYPES:
        return True
    if row["type"] in POLICY_TYPES:
        return bool(platforms)
    if row["type"] == TAKEDOWN:
        return own_action(platforms, actors)
    return False


def platform_order(platform_ids: Iterable[str], names: Mapping[str, str]) -> list[str]:
    """Telegram, Twitter, TamTam, then any other platform by its English name."""
    present = set(platform_ids) - {UNNAMED}
    main = [p for p in MAIN_PLATFORMS if p in present]
    others = sorted(present - set(MAIN_PLATFORMS), key=lambda p: (names.get(p, p).lower(), p))
    return main + others


def primary_platform(platforms: list[str], actors: list[str], names: Mapping[str, str]) -> str:
    """The platform a claim is filed under ('' when it names none)."""
    order = platform_order(platforms, names)
    acting = [p for p in order if p in set(actors)]
    return (acting or order or [UNNAMED])[0]


def policy_claims(claims: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """The chapter's claims, with ``platform`` (filed under), ``also`` (other platforms
    named), ``section`` (a main platform id, or 'others') and ``group`` (TYPE_GROUPS),
    in display order: platform, group, then claim id (text order)."""
    rows = claims[claims.apply(in_chapter, axis=1)].copy()
    rows["platform"] = [primary_platform(ids(p), ids(a), names)
                        for p, a in zip(rows["platforms"], rows["actors"])]
    rows["platform_name"] = rows["platform"].map(lambda p: names.get(p, p) if p else UNNAMED_LABEL)
    rows["also"] = [";".join(q for q in platform_order(ids(ps), names) if q != p)
                    for ps, p in zip(rows["platforms"], rows["platform"])]
    rows["section"] = rows["platform"].where(rows["platform"].isin(MAIN_PLATFORMS), "others")
    rows["group"] = rows["type"].map(lambda t: _GROUP_OF.get(t, t))
    order = {p: i for i, p in enumerate(platform_order(rows["platform"], names))}
    order[UNNAMED] = len(order)
    group_order = {g: i for i, (g, _) in enumerate(TYPE_GROUPS)}
    # inside a group, text order (article, then claim): an article's account stays together
    rows = (rows.assign(_p=rows["platform"].map(order), _g=rows["group"].map(group_order))
                .sort_values(["_p", "_g", "id"], kind="stable")
                .drop(columns=["_p", "_g"]).reset_index(drop=True))
    return rows


def left_out(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims of the chapter's types that it does not show, and why."""
    kinds = claims["type"].isin(POLICY_TYPES + (TAKEDOWN,))
    out = claims[kinds & ~claims.apply(in_chapter, axis=1)].copy()
    out["why"] = out["type"].map(
        lambda t: "a takedown by police or Europol, not by a platform (see the takedown-numbers chapter)"
        if t == TAKEDOWN else "names no platform: police, prosecutors, courts or a military raid")
    return out.reset_index(drop=True)


def counts_table(scoped: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Claims per platform (rows, in chapter order) and type (columns), with totals."""
    types = ["policy_statement", "cooperation", "non_cooperation", TAKEDOWN, "feature", "event"]
    order = platform_order(scoped["platform"], names) + ([UNNAMED] if (scoped["platform"] == UNNAMED).any() else [])
    grid = pd.crosstab(scoped["platform"], scoped["type"]).reindex(index=order, columns=types, fill_value=0)
    grid.columns = [TYPE_LABEL[t] for t in types]
    grid["all"] = grid.sum(axis=1)
    grid.index = [names.get(p, p) if p else UNNAMED_LABEL for p in grid.index]
    grid.loc["all"] = grid.sum(axis=0)
    grid.index.name = "platform (filed under)"
    return grid.reset_index()


# --- register, facts, grades ------------------------------------------------------
def cases_by_claim(register: pd.DataFrame) -> dict[str, list[dict]]:
    """Claim id → the register cases that name it (in register order)."""
    out: dict[str, list[dict]] = {}
    for rec in register.to_dict("records"):
        for cid in ids(rec["claims"]):
            out.setdefault(cid, []).append(rec)
    return out


def cases_touching(register: pd.DataFrame, claim_ids: Iterable[str]) -> pd.DataFrame:
    """Register cases that name at least one of ``claim_ids``."""
    wanted = set(claim_ids)
    return register[register["claims"].map(lambda c: bool(set(ids(c)) & wanted))]


def n_claims_unresolved(scoped: pd.DataFrame, cases: Mapping[str, list]) -> int:
    """Claims of the chapter that are in an unresolved register case."""
    return int(scoped["id"].map(
        lambda i: any(c["status"] == "unresolved" for c in cases.get(i, []))).sum())


def fact_glue(facts: pd.DataFrame, fact_ids: Iterable[str], field: str = "value") -> dict[str, str]:
    """A fact's figure or date for the prose, keyed ``policy_fact_<id>_<field>``
    (glued, never typed); dates in words ("21–22 November 2019")."""
    by_id = facts.set_index("id")
    shown = as_written if field == "date" else str
    return {f"policy_fact_{fid}_{field}".replace("-", "_"): shown(by_id.loc[fid, field])
            for fid in fact_ids}


def platform_people(facts: pd.DataFrame, kinds: Mapping[str, str]) -> dict[str, str]:
    """Person → platform, for people whose figures a platform issued (Durov → Telegram).

    Taken from facts.csv (an issuer that is a platform, a named person behind
    it), so that Durov is never read as the party Telegram cooperated with.
    """
    out: dict[str, str] = {}
    for issuer, person in zip(facts["issuer"], facts["person"]):
        for i in ids(issuer):
            if kinds.get(i) == "platform":
                for p in ids(person):
                    out.setdefault(p, i)
    return out


# --- who cooperated with whom -----------------------------------------------------
COOP_COLUMNS = ["platform", "platform_name", "counterpart", "counterpart_name", "stance", "claim",
                "grade", "issuer", "issuer_name", "said_by", "translation", "cases", "status"]


def cooperation_rows(scoped: pd.DataFrame, facts: pd.DataFrame, names: Mapping[str, str],
                     kinds: Mapping[str, str], register: pd.DataFrame) -> pd.DataFrame:
    """One row per cooperation or non-cooperation claim, platform and counterpart.

    The counterpart is an actor of the claim that is neither a platform nor
    one of its people; where the claim names none, the row says so and names
    the speaker (the claim's issuer): the table never guesses whom "us" means.
    """
    people = platform_people(facts, kinds)
    cases = cases_by_claim(register)
    rows = []
    for r in scoped[scoped["type"].isin(COOPERATION_TYPES)].to_dict("records"):
        platforms = platform_order(ids(r["platforms"]), names) or [UNNAMED]
        others = [a for a in ids(r["actors"]) if kinds.get(a) != "platform" and a not in people]
        counterparts = others or [""]
        cs = cases.get(r["id"], [])
        for p in platforms:
            for c in counterparts:
                rows.append({
                    "platform": p, "platform_name": names.get(p, p) if p else UNNAMED_LABEL,
                    "counterpart": c,
                    "counterpart_name": names.get(c, c) if c else f"not named (the speaker: {names.get(r['issuer'], r['issuer'])})",
                    "stance": "cooperated" if r["type"] == "cooperation" else "did not cooperate",
                    "claim": r["id"], "grade": r["grade"], "issuer": r["issuer"],
                    "issuer_name": names.get(r["issuer"], r["issuer"]),
                    "said_by": chain_text(r["attribution"], names), "translation": r["translation"],
                    "cases": ";".join(c_["case"] for c_ in cs),
                    "status": ";".join(sorted({c_["status"] for c_ in cs})),
                })
    return pd.DataFrame(rows, columns=COOP_COLUMNS)


def cooperation_summary(rows: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Platform × counterpart: the claims that say it cooperated, and that it did not,
    each with its grade, and the register's status where one of them is in a case."""
    order = {p: i for i, p in enumerate(platform_order(rows["platform"], names))}
    order[UNNAMED] = len(order)
    out = []
    for (p, c), g in rows.groupby(["platform", "counterpart_name"], sort=False):
        def listed(stance: str) -> str:
            sub = g[g["stance"] == stance].drop_duplicates("claim")
            return ", ".join(f"{i} ({gr})" for i, gr in zip(sub["claim"], sub["grade"]))
        statuses = sorted({s for v in g["status"] for s in ids(v)})
        out.append({"_o": order.get(p, len(order)), "platform": g["platform_name"].iloc[0],
                    "with": c, "cooperated (claim, grade)": listed("cooperated"),
                    "did not cooperate (claim, grade)": listed("did not cooperate"),
                    "said by": "; ".join(dict.fromkeys(g["issuer_name"])),
                    "register": "; ".join(statuses) if statuses else ""})
    df = pd.DataFrame(out)
    if df.empty:
        return df
    return df.sort_values(["_o", "with"], kind="stable").drop(columns="_o").reset_index(drop=True)


# --- words for the reader ----------------------------------------------------------
_ARTICLE_TAG = re.compile(r"\s*\(article \d{3,}\)")
_DISCREPANCY_NO = re.compile(r"\s*\(discrepancy \d+\)")
_CODE = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")
_ISO = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?:/\d{4}-\d{2}(?:-\d{2})?)?(?![\w-])")
_FILE = re.compile(r"(?<![\w./-])[\w-]+\.(?:csv|md|yaml|py)(?![\w-])")
# The project's files a generated or curated text may name, in words for readers.
_FILE_WORDS = {"facts.csv": "the facts table", "reference-facts.md": "the reference list of facts",
               "events.csv": "the events table", "discrepancies.csv": "the register"}
_FILE_WORDS_RE = re.compile(r"(?<![\w./-])(?:" + "|".join(map(re.escape, _FILE_WORDS)) + r")(?![\w-])")
# A curator's remark inside a fact's text: a bracket, or a clause, that names the curator.
_CURATION = re.compile(r"\s*\((?:[^()]*\bcurator\b[^()]*)\)|;\s*[^;()]*\bby the curator\b[^;()]*")


def split_curation(text: object) -> tuple[str, list[str]]:
    """A fact's text for readers, and the curator's remarks taken out of it (shown to
    annotators: 'curator addition from … discrepancy 8')."""
    s = "" if text is None else str(text)
    notes = [m.group(0).strip(" ;()") for m in _CURATION.finditer(s)]
    return _CURATION.sub("", s).strip(), notes


@dataclass(frozen=True)
class Words:
    """What the chapter says instead of a code: names, fact titles, articles by outlet
    and date, the register's kinds and statuses, grades (all from data, through
    ``analysis.display.labels``)."""

    labels: Labels
    articles: Mapping[str, str]                         # article id → 'Akhbar Al Aan, November 2019'
    evidence: Mapping[tuple[str, str], tuple[str, str]]  # (field, code) → (short, words)
    ids: frozenset = frozenset()                        # every id of the project a note may name

    def name(self, entity: str) -> str:
        """An entity's name; an unnamed outlet without its '(article NNN)' tag (the
        claim's article is always said beside it)."""
        return _ARTICLE_TAG.sub("", self.labels.name(entity))

    def chain(self, attribution: object) -> str:
        return " → ".join(self.name(e) for e in ids(attribution))

    def article(self, article_id: str) -> str:
        return self.articles.get(article_id, article_id)

    def fact(self, fact_id: str) -> str:
        return self.labels.fact(fact_id)

    def grade(self, code: str) -> str:
        return self.labels.grade(code)

    def said(self, field: str, code: str, long: bool = False) -> str:
        short, words = self.evidence.get((field, code), (code, code))
        return words if long else short

    def plain(self, text: object) -> str:
        """Generated text (grade reasons, fact texts, the register's reasoning) in words."""
        s = _ARTICLE_TAG.sub("", self.labels.plain(text))
        return _FILE_WORDS_RE.sub(lambda m: _FILE_WORDS[m.group(0)], s)

    def html(self, text: object) -> str:
        """``plain``, escaped, with each claim id a claim reference."""
        return render.with_claim_refs(self.plain(text))

    def generated(self, text: object) -> str:
        """Text the register generates, in words: ``plain``, and the one-word entity
        ids it writes in lower case ('bbc', 'wires') by their names."""
        return re.sub(r"(?<![\w-])[a-z]+(?![\w-])",
                      lambda m: self.name(m.group(0)) if m.group(0) in self.labels.names else m.group(0),
                      self.plain(text))

    def note_html(self, text: object) -> str:
        """A note written for annotators, escaped: dates in words, claim ids as claim
        references, and the project's ids and field names set as code (annotators
        need them; they are not prose)."""
        s = "" if text is None else str(text)
        out, pos = [], 0
        pattern = re.compile(f"{_FILE.pattern}|{_CODE.pattern}|{_ISO.pattern}|{render.CLAIM_ID.pattern}")
        for m in pattern.finditer(s):
            token = m.group(0)
            if _FILE.fullmatch(token):
                shown = f"<code>{_esc(token)}</code>"
            elif _CODE.fullmatch(token):
                shown = f"<code>{_esc(token)}</code>" if ("_" in token or token in self.ids) else _esc(token)
            elif _ISO.fullmatch(token):
                shown = _esc(in_words(token))
            else:
                shown = render.claim_ref(token)
            out.append(render.mixed(s[pos:m.start()]) + shown)     # Arabic runs keep dir and lang
            pos = m.end()
        out.append(render.mixed(s[pos:]))
        return "".join(out)


def load_words(paths, corpus, project_ids: Iterable[str] = ()) -> Words:
    """The chapter's words, from the data (``paths``) and the manifest (``corpus``)."""
    labels = load_labels(paths)
    articles = labels.article_names((a.id, a.row.outlet, a.row.published) for a in corpus)
    every = set(project_ids) | set(labels.facts) | set(labels.names)
    return Words(labels, articles, evidence_words(paths), frozenset(every))


def figure_words(r: Mapping, w: Words) -> str:
    """A claim's figure in words ('about 5,000 accounts removed'), or ''."""
    if not str(r.get("value", "") or "").strip():
        return ""
    high = str(r.get("value_high", "") or "").strip()
    try:
        return w.labels.figure(float(r["value"]), r.get("unit"), r.get("qualifier"), r.get("measure"),
                               float(high) if high else None)
    except ValueError:
        return ""


_LIGHT = {"a", "an", "the", "and", "or", "of", "that", "to", "in", "on", "by", "for", "with", "has", "is", "it"}


def first_words(text: str, n: int = 7) -> str:
    """The first ``n`` words of a text (without a trailing 'a', 'the', 'that'…),
    quoted, with an ellipsis when cut."""
    words = str(text or "").strip(" '\"‘’“”.…").split()
    head = words[:n]
    while len(head) > 1 and len(words) > n and head[-1].lower().strip(",;:") in _LIGHT:
        head.pop()
    cut = " ".join(head).rstrip(",;:.")
    return f"“{cut}{'…' if len(words) > len(head) else ''}”"


def claim_name(r: Mapping, w: Words) -> str:
    """A claim in a few words, for a figure: its article, and the figure taken down
    (a takedown count) or its first words."""
    gist = figure_words(r, w) if r["type"] == TAKEDOWN else ""
    return f"{w.article(r['article'])}: {gist or first_words(r['translation'])}"


def mark_names(scoped: pd.DataFrame, facts: pd.DataFrame, w: Words) -> dict[str, str]:
    """Id → words for every claim and fact a timeline can draw."""
    out = {fid: w.fact(fid) for fid in facts["id"]}
    out.update({r["id"]: claim_name(r, w) for r in scoped.to_dict("records")})
    return out


# --- HTML ---------------------------------------------------------------------------
TABLE_CLASS = "data-table pp-table"   # the book's table, with the chapter's own touches (policy.css)

def _esc(x: object) -> str:
    return html.escape("" if x is None else str(x))


def _s(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def fact_item(f: Mapping, w: Words) -> str:
    """One fact as a list item: its title and figure, what it says, its issuer, how it
    was read, its date and its addresses."""
    issuers = ", ".join(w.name(i) for i in ids(f["issuer"])) or "no issuer recorded"
    urls = [u.strip() for u in str(f["source_url"]).split(" ; ") if u.strip()]
    links = ", ".join(f'<a href="{_esc(u)}">{_esc(u.removeprefix("https://"))}</a>' for u in urls) \
        or "no address read"
    reporter = ", ".join(w.name(i) for i in ids(f["reporter"]))
    via = f", read via {_esc(reporter)}" if reporter else ""
    value = f": <strong>{_esc(f['value'])}</strong>" if f["value"] else ""
    said, curation = split_curation(f["fact"])
    notes = (render.folded("Notes for annotators", "<p>" + w.note_html("; ".join(curation)) + "</p>",
                           css_class="pc-notes") if curation else "")
    return (f'<li><span class="pc-fact-title">{_esc(w.fact(f["id"]))}</span>{value}. {w.html(said)} '
            f'<em>(issuer: {_esc(issuers)}{via}; {_esc(w.said("confidence", f["confidence"], long=True))}; '
            f'{_esc(as_written(f["date"]))})</em> — {links}{notes}</li>')


def case_title(case: Mapping, w: Words) -> str:
    """A register case in words: its status and what differs."""
    kinds = ", ".join(w.said("kind", k) for k in ids(case["kinds"]))
    status = w.said("status", case["status"])
    return f"{status[0].upper() + status[1:]}: {kinds}"


def register_line(case: Mapping, w: Words) -> str:
    """The register case beside a claim: one line that links to the case, shown once
    in the chapter's register section."""
    cls = "pc-register pc-unresolved" if case["status"] == "unresolved" else "pc-register"
    kinds = ", ".join(w.said("kind", k) for k in ids(case["kinds"]))
    return (f'<div class="{cls}"><strong>Register:</strong> '
            f'{_esc(w.said("status", case["status"], long=True))} ({_esc(kinds)}). '
            f'<a href="#case-{_esc(case["case"])}">See the case below</a>.</div>')


def claim_card(r: Mapping, facts: Mapping[str, Mapping], w: Words, cases: Mapping[str, list]) -> str:
    """A claim as the chapter shows it: the shared quote component (original in its
    script, translation), kind, date and grade in words, who said it, the grade's
    reason, the facts it restates, where it stands, its register case (a link), and
    the annotators' notes folded."""
    also = ids(r.get("also", ""))
    also_txt = (f'<span class="pc-also">also names {_esc(", ".join(w.name(p) for p in also))}</span>'
                if also else "")
    code, _, grade_said = w.grade(r["grade"]).partition(": ")
    head = (f'<div class="pc-head">{render.claim_ref(r["id"])}'
            f'<span class="pc-kind">{_esc(w.labels.type(r["type"]))}</span>'
            f'<span class="pc-date">{_esc(in_words(r["event_date"], "no date in the text"))}</span>'
            f'{also_txt}<span class="pc-grade"><strong>{_esc(code)}</strong> {_esc(grade_said)}</span></div>')
    linked = [facts[i] for i in ids(r["facts"]) if i in facts]
    fact_html = (f'<ul class="pc-facts">{"".join(fact_item(f, w) for f in linked)}</ul>'
                 if linked else "none linked: no primary source was read for this claim")
    where = render.article_link(r["article"], label=w.article(r["article"]))
    meta = [
        ("Said by", f"{_esc(w.chain(r['attribution']))} <em>(outermost first)</em>"),
        ("Grade", f"<strong>{_esc(r['grade'])}</strong>: {w.html(_DISCREPANCY_NO.sub('', r['grade_reason']))}"),
        ("Facts", fact_html),
        ("In", f"{where}, characters {int(r['start'])}–{int(r['end'])}"),
    ]
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta)
    boxes = "".join(register_line(c, w) for c in cases.get(r["id"], []))
    notes = (render.folded("Notes for annotators", f'<p>{w.note_html(r["notes"])}</p>', css_class="pc-notes")
             if r.get("notes") else "")
    return (f'<div class="policy-card" id="card-{_esc(r["id"])}">{head}'
            f'{render.quote(r["quote"], r["language"], r["translation"])}<dl>{dl}</dl>{boxes}{notes}</div>')


def cards_html(rows: pd.DataFrame, facts: pd.DataFrame, register: pd.DataFrame, w: Words,
               headings: bool = True) -> str:
    """Cards for claims, grouped by TYPE_GROUPS (a small heading per group)."""
    by_fact = {f["id"]: f for f in facts.to_dict("records")}
    cases = cases_by_claim(register)
    parts = []
    for group, title in TYPE_GROUPS:
        sub = rows[rows["group"] == group]
        if sub.empty:
            continue
        if headings:
            parts.append(f'<p class="pc-group"><strong>{_esc(title)}</strong> ({_s(len(sub), "claim")})</p>')
        parts += [claim_card(r, by_fact, w, cases) for r in sub.to_dict("records")]
    return "".join(parts)


def folded_groups_html(rows: pd.DataFrame, facts: pd.DataFrame, register: pd.DataFrame, w: Words,
                       platform: str) -> str:
    """A platform's claims, one fold per kind, each saying what it holds and how many."""
    parts = []
    for group, title in TYPE_GROUPS:
        sub = rows[rows["group"] == group]
        if sub.empty:
            continue
        titled = title.replace("What it says", f"What {platform} says").replace("Its own", f"{platform}'s own")
        summary = f"{titled}: {_s(len(sub), 'claim')}, {_articles(sub, w)}"
        parts.append(render.folded(summary, cards_html(sub, facts, register, w, headings=False),
                                   css_class="pp-fold"))
    return "".join(parts)


def folded_cards_html(rows: pd.DataFrame, facts: pd.DataFrame, register: pd.DataFrame, w: Words,
                      what: str) -> str:
    """All of ``rows`` as cards (with kind headings) in one fold: '<what>: N claims, from …'."""
    summary = f"{what}: {_s(len(rows), 'claim')}, {_articles(rows, w)}"
    return render.folded(summary, cards_html(rows, facts, register, w), css_class="pp-fold")


def _articles(rows: pd.DataFrame, w: Words) -> str:
    arts = list(dict.fromkeys(rows["article"]))
    if len(arts) == 1:
        label = w.article(arts[0])
        return "from " + (label[0].lower() + label[1:] if label.startswith("Unnamed") else label)
    return f"from {len(arts)} articles"


def entered_words(case: Mapping, w: Words) -> str:
    """Where the register says a difference entered the chain, in words."""
    entered = str(case["entered_at"] or "")
    if not entered:
        return w.generated(case["entered_basis"]) or "not assigned"
    parts = []
    for item in entered.split("; "):
        kind, sep, where = item.partition("=")
        parts.append(f"{w.said('kind', kind)}: {w.generated(where)}" if sep else w.generated(item))
    return "; ".join(parts)


def register_html(cases: pd.DataFrame, w: Words) -> str:
    """Each register case once, with an anchor the cards link to: what differs, the
    claims and facts it names, where the difference entered, and the register's
    reasoning (folded)."""
    out = []
    for c in cases.to_dict("records"):
        cls = "pp-case pp-unresolved" if c["status"] == "unresolved" else "pp-case"
        claims = " ".join(render.claim_ref(i) for i in ids(c["claims"]))
        arts = ", ".join(dict.fromkeys(w.article(i.split("-")[0]) for i in ids(c["claims"])))
        facts = "; ".join(w.fact(f) for f in ids(c["facts"])) or "none"
        kinds = "; ".join(w.said("kind", k, long=True) for k in ids(c["kinds"]))
        rows = [("Claims", f"{claims} ({_esc(arts)})"), ("Facts", _esc(facts)), ("What differs", _esc(kinds)),
                ("Status", _esc(w.said("status", c["status"], long=True))),
                ("Where it entered", _esc(entered_words(c, w)))]
        dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        reasoning = render.folded("The register's reasoning, in full",
                                  f"<p>{render.with_claim_refs(w.generated(c['explanation']))}</p>",
                                  css_class="pc-notes")
        out.append(f'<div class="{cls}" id="case-{_esc(c["case"])}"><p class="pp-case-head">'
                   f'{_esc(case_title(c, w))}</p><dl>{dl}</dl>{reasoning}</div>')
    return "".join(out)


_CLAIM_GRADE = re.compile(r"(\d{3,}-\d{2,}) \(([A-F][1-6])\)")


def claim_grades_html(value: object, w: Words) -> str:
    """'001-05 (C2), 001-11 (A2)' as claim references, each with its grade (its words
    on the code, as a title; the cards give them in full), in one block."""
    items = "".join(f'<li>{render.claim_ref(cid)} <abbr title="{_esc(w.grade(g))}">{_esc(g)}</abbr></li>'
                    for cid, g in _CLAIM_GRADE.findall(str(value or "")))
    return f'<ul class="pp-claim-list">{items}</ul>' if items else ""


def cooperation_html(summary: pd.DataFrame, w: Words, caption: str) -> str:
    cols = ["cooperated (claim, grade)", "did not cooperate (claim, grade)"]
    shown = summary.rename(columns={"register": "register case"})
    return render.table(shown, caption=caption, css_class=TABLE_CLASS,
                        cell_html={c: (lambda v: claim_grades_html(v, w)) for c in cols})


def left_out_html(left: pd.DataFrame, w: Words, caption: str) -> str:
    d = pd.DataFrame({
        "claim": left["id"], "article": left["article"].map(w.article),
        "kind": left["type"].map(w.labels.type), "grade": left["grade"].map(w.grade),
        "translation": left["translation"], "why not shown": left["why"],
    })
    return render.table(d, caption=caption, claim_columns=["claim"], css_class=TABLE_CLASS)


def link_claims(text: str, known: Optional[Iterable[str]] = None) -> str:
    """Escape, then turn claim ids (NNN-kk) into claim references (only the
    ``known`` ones, when given)."""
    return render.with_claim_refs(text, known=known)
