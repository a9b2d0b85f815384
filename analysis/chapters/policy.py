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
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Mapping, Optional

import pandas as pd

from ..display import render
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
    (glued, never typed)."""
    by_id = facts.set_index("id")
    return {f"policy_fact_{fid}_{field}".replace("-", "_"): str(by_id.loc[fid, field])
            for fid in fact_ids}


def register_shown(cases: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Register cases as the chapter's table prints them: lists spaced, links named."""
    d = render.spaced(cases[["case", "status", "kinds", "claims", "facts", "entered_at", "explanation"]],
                      "claims", "facts", "kinds", sep=", ")
    return d.assign(entered_at=d["entered_at"].map(lambda t: names_in(t, names))).rename(
        columns={"entered_at": "entered at"})


def names_in(text: str, names: Mapping[str, str]) -> str:
    """Entity ids inside a generated text (``unit=akhbar-al-aan; measure=…``) as names."""
    return re.sub(r"[a-z0-9]+(?:-[a-z0-9]+)*", lambda m: names.get(m.group(0), m.group(0)), text or "")


def grade_words(code: str, admiralty: pd.DataFrame) -> str:
    """'C2' → 'C fairly reliable · 2 probably true' (from data/codebook/admiralty.csv)."""
    name = dict(zip(admiralty["scale"] + ":" + admiralty["code"], admiralty["name"]))
    rel, cred = code[0], code[1:]
    return f"{rel} {name.get('reliability:' + rel, '?')} · {cred} {name.get('credibility:' + cred, '?')}"


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


# --- HTML ---------------------------------------------------------------------------

STATUS_WORDS = {
    "discrepancy": "discrepancy: the claim is contradicted by the fact",
    "possible": "possible discrepancy: a subset or another counting base could explain it",
    "unresolved": "unresolved: one party's word against another's; neither can be checked, "
                  "and the book takes no side",
}


def _esc(x: object) -> str:
    return html.escape("" if x is None else str(x))


def fact_item(f: Mapping, names: Mapping[str, str]) -> str:
    """One fact as a list item: id, what it is, its issuer, confidence and addresses."""
    issuers = ", ".join(names.get(i, i) for i in ids(f["issuer"])) or "no issuer recorded"
    urls = [u.strip() for u in str(f["source_url"]).split(" ; ") if u.strip()]
    links = ", ".join(f'<a href="{_esc(u)}">{_esc(u.removeprefix("https://"))}</a>' for u in urls) \
        or "no address read"
    reporter = ", ".join(names.get(i, i) for i in ids(f["reporter"]))
    via = f", read via {_esc(reporter)}" if reporter else ""
    value = f" <strong>{_esc(f['value'])}</strong>" if f["value"] else ""
    return (f'<li><code>{_esc(f["id"])}</code>{value}: {render.text(f["fact"])} '
            f'<em>(issuer: {_esc(issuers)}{via}; {_esc(f["confidence"])}; {_esc(f["date"])})</em> '
            f"— {links}</li>")


def register_box(case: Mapping) -> str:
    status = case["status"]
    cls = "pc-register pc-unresolved" if status == "unresolved" else "pc-register"
    kinds = ", ".join(ids(case["kinds"]))
    return (f'<div class="{cls}"><strong>Register, case <code>{_esc(case["case"])}</code></strong> '
            f"({_esc(kinds)}; {_esc(STATUS_WORDS.get(status, status))}): "
            f"{render.with_claim_refs(case['explanation'])}</div>")


def date_words(date: str, precision: str) -> str:
    if not date:
        return "no date in the text"
    return f"{date} ({precision})"


def claim_card(r: Mapping, facts: Mapping[str, Mapping], names: Mapping[str, str],
               admiralty: pd.DataFrame, cases: Mapping[str, list]) -> str:
    """A claim as the chapter shows it: quote beside translation, chain, grade, facts, register."""
    lang = r["language"]
    if lang == "en":
        quote = (f'<div class="pc-quote pc-single"><div><span class="pc-label">original (English)</span>'
                 f'{render.blockquote(r["quote"], "en")}</div></div>')
    else:
        quote = (f'<div class="pc-quote"><div class="pc-translation" lang="en">'
                 f'<span class="pc-label">translation</span>{render.text(r["translation"])}</div>'
                 f'<div><span class="pc-label">original ({_esc(lang)})</span>'
                 f'{render.blockquote(r["quote"], lang)}'
                 f"</div></div>")
    also = ids(r.get("also", ""))
    also_txt = f" · also names {_esc(', '.join(names.get(p, p) for p in also))}" if also else ""
    head = (f'<div class="pc-head">{render.claim_ref(r["id"])} · '
            f'{_esc(TYPE_LABEL.get(r["type"], r["type"]))}{also_txt} · '
            f'date: {_esc(date_words(r["event_date"], r["event_date_precision"]))}'
            f'<span class="pc-grade" title="{_esc(grade_words(r["grade"], admiralty))}">'
            f'{_esc(r["grade"])}</span></div>')
    linked = [facts[i] for i in ids(r["facts"]) if i in facts]
    fact_html = (f'<ul class="pc-facts">{"".join(fact_item(f, names) for f in linked)}</ul>'
                 if linked else "none linked: no primary source was read for this claim")
    meta = [
        ("Said by", f"{_esc(chain_text(r['attribution'], names))} <em>(outermost first)</em>"),
        ("Grade", f"<strong>{_esc(r['grade'])}</strong> ({_esc(grade_words(r['grade'], admiralty))}): "
                  f"{render.text(r['grade_reason'])}"),
        ("Facts", fact_html),
        ("Where", _esc(render.source_span(r["article"], int(r["start"]), int(r["end"])))),
    ]
    if r.get("notes"):
        meta.append(("Notes", render.text(r["notes"])))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta)
    boxes = "".join(register_box(c) for c in cases.get(r["id"], []))
    return (f'<div class="policy-card" id="card-{_esc(r["id"])}">{head}{quote}<dl>{dl}</dl>'
            f"{boxes}</div>")


def cards_html(rows: pd.DataFrame, facts: pd.DataFrame, names: Mapping[str, str],
               admiralty: pd.DataFrame, register: pd.DataFrame,
               headings: bool = True) -> str:
    """Cards for a platform's claims, grouped by TYPE_GROUPS (a small heading per group)."""
    by_fact = {f["id"]: f for f in facts.to_dict("records")}
    cases = cases_by_claim(register)
    parts = []
    for group, title in TYPE_GROUPS:
        sub = rows[rows["group"] == group]
        if sub.empty:
            continue
        if headings:
            n = len(sub)
            parts.append(f'<p class="pc-group"><strong>{_esc(title)}</strong> '
                         f'({n} claim{"s" if n != 1 else ""})</p>')
        parts += [claim_card(r, by_fact, names, admiralty, cases) for r in sub.to_dict("records")]
    return "".join(parts)


def group_html(rows: pd.DataFrame, group: str, facts: pd.DataFrame, names: Mapping[str, str],
               admiralty: pd.DataFrame, register: pd.DataFrame) -> str:
    """The cards of one type group of a platform's claims, without group headings."""
    sub = rows[rows["group"] == group]
    if sub.empty:
        return "<p><em>No claims of this kind.</em></p>"
    return cards_html(sub, facts, names, admiralty, register, headings=False)


def link_claims(text: str, known: Optional[Iterable[str]] = None) -> str:
    """Escape, then turn claim ids (NNN-kk) into claim references (only the
    ``known`` ones, when given)."""
    return render.with_claim_refs(text, known=known)


def html_table(df: pd.DataFrame, caption: str, linked: Iterable[str] = (),
               known: Optional[Iterable[str]] = None) -> str:
    """render.table, with claim ids in the ``linked`` columns made into claim
    references (only the ``known`` ones, when given)."""
    known = None if known is None else set(known)
    return render.table(df, caption=caption,
                        cell_html={col: (lambda v: link_claims(v, known)) for col in linked})
