"""Takedown numbers: every numeric claim, normalised, drawn and checked.

Pure functions over the processed tables (``claims_frame``, ``facts_frame``,
the register, ``headline_definitions``): data in, data or a figure out. The
chapter ``takedown_numbers`` calls them and glues what they return.

Figures are never added or placed on one axis across measure families: the
chart has one panel per family (and, for durations, per unit, since days and
years would read as one scale), and every sum goes through
``measures.total``, which refuses to mix measures, units or issuers.
"""
from __future__ import annotations

import html
import re
import textwrap
from itertools import combinations
from typing import Iterable, Mapping, Optional

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
import pandas as pd

from ..evidence import measures
from ..display import render
from ..evidence.claims import chain_text
from ..evidence.facts import split_ids
from ..evidence.measures import Figure
from .register_text import CaseText, Words, join_words

# Families whose units are clock time: 3 days and 1.5 years must not share an axis.
TIME_FAMILIES = frozenset({"duration"})
# Panels in the order a reader meets them: the takedown acts first.
PANEL_ORDER = ("referral", "removal", "blocking", "observation", "created", "message_volume",
               "price", "prosecution", "participants", "duration")
KIND_STYLE = {  # claims, facts and sums computed from facts are told apart by shape and colour
    "claim": {"marker": "o", "color": "#d95f02", "label": "claim (article)"},
    "fact": {"marker": "s", "color": "#1b9e77", "label": "source (issuer, relay)"},
    "computed": {"marker": "D", "color": "#7570b3", "label": "sum (computed)"},
}
POINT_COLUMNS = ["panel", "family", "point", "kind", "article", "value", "low", "high", "qualifier", "unit",
                 "measure", "issuer", "text", "claims", "label", "what", "title"]
# Text on the chart is darker than its marker, for contrast on white.
TEXT_COLOUR = {"claim": "#a84300", "fact": "#11684f", "computed": "#4d4a8c"}


_split = split_ids


def _float(x) -> Optional[float]:
    if x is None or x == "" or (isinstance(x, float) and pd.isna(x)):
        return None
    return float(x)


def _num(x: Optional[float]) -> str:
    return "" if x is None else measures.format_number(x)


# --- 1. the normalised table -------------------------------------------------------
def claim_figure(row) -> Figure:
    """The Figure a claims-table row states (bounds from its qualifier)."""
    return Figure.of(float(row["value"]), row["unit"], row["measure"], row["issuer"], row["qualifier"],
                     value_high=_float(row["value_high"]), source=row["id"])


def fact_figure(row) -> Optional[Figure]:
    """The Figure a facts-table row states, or None for a non-numeric fact."""
    low, high = _float(row["low"]), _float(row["high"])
    if low is None and high is None:
        return None
    q = row["qualifier"]
    if q == "range":
        return Figure.of(low, row["unit"], row["measure"], row["issuer"], "range", value_high=high,
                         source=row["id"])
    return Figure.of(low if low is not None else high, row["unit"], row["measure"], row["issuer"], q,
                     source=row["id"])


def numeric_claims(claims: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every claim with a value, normalised: one row per claim, in claim order."""
    rows = []
    for _, r in claims[claims["value"].astype(str) != ""].iterrows():
        fig = claim_figure(r)
        rows.append({
            "claim": r["id"], "article": r["article"], "value": fig.value,
            "value_high": _float(r["value_high"]), "unit": r["unit"], "qualifier": r["qualifier"],
            "measure": r["measure"], "family": r["measure_family"], "reads as": measures.describe(fig),
            "issuer": r["issuer"], "source chain": chain_text(r["attribution"], names),
            "grade": r["grade"], "grade reason": r["grade_reason"], "facts": r["facts"].replace(";", "; "),
            "span": render.source_span(r["article"], int(r["start"]), int(r["end"])),
            "start": int(r["start"]), "end": int(r["end"]),
            "quote": r["quote"], "translation": r["translation"], "language": r["language"],
        })
    return pd.DataFrame(rows)


def bound_words(numeric: pd.DataFrame, claims: Iterable) -> pd.DataFrame:
    """Each claim coded as a bound, and what in its quote makes it one: a vague plural
    ("thousands", "1000s", "عشرات": at least its smallest figure, a floor the coding
    assigns) or a hedge word of the lexicon ("more than", "أكثر من")."""
    from ..evidence.codebook_rules import vague_plural

    by_id = {c.id: c for c in claims}
    rows = []
    for _, r in numeric[numeric["qualifier"].isin(["at_least", "at_most"])].iterrows():
        word = vague_plural(by_id[r["claim"]].quote)
        rows.append({"claim": r["claim"], "qualifier": r["qualifier"],
                     "read as": "a vague plural" if word else "a hedge word", "word": word or ""})
    return pd.DataFrame(rows, columns=["claim", "qualifier", "read as", "word"])


def quote_anchor(claim_id: str) -> str:
    return f"quote-{claim_id}"


def quotations(numeric: pd.DataFrame, words: Optional[Words] = None,
               chains: Optional[Mapping[str, list[str]]] = None,
               cases: Optional[Mapping[str, CaseText]] = None) -> str:
    """Each numeric claim's quote in its own script, beside its translation, with an anchor.
    With ``words``, each is a card: the figure in words, the quote, the grade in
    words, who said it (``chains``: claim id → attribution ids), the sources it was
    checked against and the register case that names it (``cases``: claim id → case)."""
    parts = []
    for _, r in numeric.iterrows():
        cid = r["claim"]
        if words is None:
            body = render.quote(r["quote"], r["language"], r["translation"], r["span"], claim=cid)
        else:
            body = claim_card(r, words, (chains or {}).get(cid, []), (cases or {}).get(cid))
        parts.append(f'<div id="{quote_anchor(cid)}">{body}</div>')
    return "".join(parts)


def claim_span(article: str, start: int, end: int, words: Words) -> str:
    """Where a quote is, as a reader names it: 'Akhbar Al Aan, November 2019, characters 37–165'."""
    return f"{words.article(article)}, characters {start}–{end}"


def claim_figure_words(r: Mapping, words: Words) -> str:
    """A numeric-claims row's figure in words ('about 26,000 websites and accounts closed')."""
    high = r.get("value_high")
    high = None if high is None or (isinstance(high, float) and pd.isna(high)) else high
    fig = Figure.of(float(r["value"]), r["unit"], r["measure"], r["issuer"], r["qualifier"], value_high=high)
    return words.figure(fig)


def claim_card(r: Mapping, words: Words, chain: list[str], case: Optional[CaseText] = None) -> str:
    """One numeric claim as the chapter shows it: its figure in words, then the one claim
    component (``render.quote``: the original with its direction, the translation, the
    badge to its span, the grade in words), then who said it, why the grade, what it
    was checked against and the register case that names it (a link, not a copy)."""
    facts = [words.fact(f) for f in _split(str(r["facts"]).replace(" ", ""))]
    rows = [("Who said it", html.escape(" → ".join(words.name(e) for e in chain))),
            ("Why this grade", html.escape(words.plain(r["grade reason"])))]
    rows.append(("Checked against", html.escape("; ".join(facts)) if facts else "no source fact: not checked"))
    if case is not None:
        rows.append(("In the register", f'<a href="#{html.escape(case.anchor)}">{html.escape(case.status)}: '
                                        f"{html.escape(join_words(case.kinds))}</a>"))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<div class="td-claim"><p class="td-claim-figure">{html.escape(claim_figure_words(r, words))}</p>'
            + render.quote(r["quote"], r["language"], r["translation"],
                           claim_span(r["article"], int(r["start"]), int(r["end"]), words), claim=r["claim"],
                           grade=words.labels.grade(r["grade"]))
            + f'<dl class="td-claim-meta">{meta}</dl></div>')


def claims_by_family(numeric: pd.DataFrame, words: Words, chains: Mapping[str, list[str]],
                     cases: Mapping[str, CaseText]) -> str:
    """Every numeric claim's card, folded by measure family (what was done), each fold
    saying how many claims it holds and from which articles."""
    rank = {p: i for i, p in enumerate(PANEL_ORDER)}
    out = []
    for fam in sorted(numeric["family"].unique(), key=lambda f: (rank.get(f, len(rank)), f)):
        sub = numeric[numeric["family"] == fam]
        n = len(sub)
        arts = join_words(list(dict.fromkeys(words.article(a) for a in sub["article"])))
        summary = (f"{words.family(fam).capitalize()}: {n} claim{'s' if n != 1 else ''} ({arts})")
        out.append(render.folded(summary, quotations(sub, words, chains, cases), css_class="fold td-fold"))
    return "".join(out)


# --- 2. the chart ---------------------------------------------------------------------
def _panel(family: str, unit: str) -> str:
    return f"{family} ({unit})" if family in TIME_FAMILIES else family


def _disjoint(rows: list) -> bool:
    return all(a["date_end"] < b["date_start"] or b["date_end"] < a["date_start"] for a, b in combinations(rows, 2))


def chart_points(claims: pd.DataFrame, facts: pd.DataFrame, words: Optional[Words] = None) -> pd.DataFrame:
    """One row per point to draw: each numeric claim, each numeric fact it leans on for its
    figure (same family, or both actions against content), and the sum of one issuer's
    figures on separate days where a claim leans on several (Telegram's two days).

    A fact linked only as context (a date, a party) is left out: its number
    counts something else. Non-positive values cannot sit on a log axis and
    are dropped here (``not_drawable`` lists them).

    What the chart prints is in ``label`` (whose figure: the article by outlet
    and date, or the fact's title), ``what`` (what it counts and what was done)
    and ``title`` (the panel's heading): in words with ``words``, else the codes.
    """
    fx = facts.set_index("id")
    rows: dict[str, dict] = {}

    def add(point, kind, fig, family, unit, measure, issuer, text, article="", claim_id=""):
        if point not in rows:
            rows[point] = {"panel": _panel(family, unit), "family": family, "point": point, "kind": kind,
                           "article": article, "value": fig.value, "low": fig.low, "high": fig.high,
                           "qualifier": fig.qualifier, "unit": unit, "measure": measure, "issuer": issuer,
                           "text": text, "claims": []}
        if claim_id and claim_id not in rows[point]["claims"]:
            rows[point]["claims"].append(claim_id)

    for _, c in claims[claims["value"].astype(str) != ""].iterrows():
        fig = claim_figure(c)
        add(c["id"], "claim", fig, c["measure_family"], c["unit"], c["measure"], c["issuer"],
            _short(fig), c["article"], c["id"])
        leaned = []
        for fid in _split(c["facts"]):
            if fid not in fx.index:
                continue
            f = fx.loc[fid]
            ffig = fact_figure(f.to_dict() | {"id": fid})
            if ffig is None or not measures.comparable_measures(c["measure"], f["measure"]):
                continue
            leaned.append(f.to_dict() | {"id": fid})
            add(fid, "fact", ffig, f["measure_family"], f["unit"], f["measure"], f["issuer"], _short(ffig),
                claim_id=c["id"])
        groups: dict[tuple, list] = {}
        for f in leaned:
            groups.setdefault((f["issuer"], f["measure_family"], measures.unit_group(f["unit"])), []).append(f)
        for group in groups.values():
            if len(group) < 2 or not _disjoint(group) or group[0]["unit"].endswith("_per_day"):
                continue
            tot = measures.total(fact_figure(f) for f in group)
            point = " + ".join(f["id"] for f in group)
            add(point, "computed", tot, group[0]["measure_family"], group[0]["unit"], tot.measure,
                group[0]["issuer"], _short(tot), claim_id=c["id"])
    df = pd.DataFrame(list(rows.values()), columns=POINT_COLUMNS)
    df["claims"] = df["claims"].map(";".join)
    df["label"] = [_point_label(r, words) for _, r in df.iterrows()]
    df["what"] = [words.counted(r["unit"], r["measure"]) if words else f"{r['unit']} · {r['measure']}"
                  for _, r in df.iterrows()]
    titles = {}
    for panel, sub in df.groupby("panel", sort=False):
        said = sorted(set(sub["measure"]))
        if words is None:
            titles[panel] = f"{panel}: {', '.join(said)}"
            continue
        fam = words.family(sub["family"].iloc[0]).capitalize()
        if sub["family"].iloc[0] in TIME_FAMILIES:
            titles[panel] = f"{fam} ({words.unit(sub['unit'].iloc[0])})"
            continue
        titles[panel] = f"{fam}: {', '.join(words.measure(m) for m in said)}"
    df["title"] = df["panel"].map(titles)
    rank = {p: i for i, p in enumerate(PANEL_ORDER)}
    df["_p"] = df["family"].map(lambda f: rank.get(f, len(rank)))
    df = df.sort_values(["_p", "panel", "value", "kind", "point"], ascending=[True, True, False, True, True],
                        kind="stable").drop(columns="_p")
    return df[df["value"] > 0].reset_index(drop=True)


def _point_label(r, words: Optional[Words]) -> str:
    """Whose figure a point is: the article (outlet and date), the fact's title, or
    for a sum, whose figures were added."""
    if words is None:
        return abbreviate(r["point"].split(" + ")) if r["kind"] == "computed" else r["point"]
    if r["kind"] == "claim":
        return words.article(r["article"])
    if r["kind"] == "computed":
        return f"{words.names(r['issuer'])}: its {len(r['point'].split(' + '))} days added (computed)"
    return words.fact(r["point"])


def _short(fig: Figure) -> str:
    """'≥26,000', '≈26,000', '≤100', '17–18', '≈12 bn': the figure as its point is labelled."""
    big = _tick if max(abs(fig.value), abs(fig.high or 0)) >= 1e6 else _num
    if fig.qualifier == "range":
        return f"{big(fig.low)}–{big(fig.high)}"
    sign = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤"}[fig.qualifier]
    return sign + big(fig.value)


def abbreviate(ids: list[str]) -> str:
    """'a-2019-11-22', 'a-2019-11-23' → 'a-2019-11-22 + -23' (the shared prefix said once)."""
    out = [ids[0]]
    for i in ids[1:]:
        k = 0
        while k < min(len(i), len(ids[0])) and i[k] == ids[0][k]:
            k += 1
        cut = i.rfind("-", 0, k + 1)
        out.append(i[cut:] if cut > 0 else i)
    return " + ".join(out)


def _label(r) -> str:
    """Two lines: whose figure (the article, the fact's title), then what it counts and
    what was done."""
    if "label" in r and r["label"]:
        return f"{r['label']}\n{r['what']}"
    if r["kind"] == "computed":
        return f"{abbreviate(r['point'].split(' + '))}\nsum: {r['unit']} · {r['measure']}"
    return f"{r['point']}\n{r['unit']} · {r['measure']}"


def _wrapped(label: str, width: int) -> list[str]:
    """A row's label in lines: whose figure, then ' — ' and what it counts on the same
    line when it fits, else on a line of its own."""
    who, _, what = label.partition("\n")
    lines = textwrap.wrap(who, width) or [""]
    if what and len(lines[-1]) + 3 + len(what) <= width:
        lines[-1] += f" — {what}"
    elif what:
        lines += textwrap.wrap(what, width)
    return lines


def _tick(x: float, _pos=None) -> str:
    """Axis numbers as a reader says them: 1,000 / 10 bn / 0.5."""
    if x >= 1e9:
        return f"{x / 1e9:g} bn"
    if x >= 1e6:
        return f"{x / 1e6:g} m"
    return f"{x:,.0f}" if x >= 1 else f"{x:g}"


# The two layouts of the dot chart: a wide one for a screen, a narrow, taller one with
# larger text for a phone (its text is at least 9 px tall at 375 px wide).
LAYOUTS = {
    "desktop": {"width": 7.5, "font": 8.5, "title": 9.5, "wrap": 100, "legend_cols": 2},
    "phone": {"width": 4.2, "font": 9.0, "title": 9.5, "wrap": 52, "legend_cols": 2},
}


def chart_figure(points: pd.DataFrame, layout: str = "desktop"):
    """Log-scale dot chart, one panel per measure family (durations per unit).

    Bounds are drawn as bounds: "over N" an open marker with an arrow to the
    right, "up to N" an open marker with an arrow to the left, "about N" a
    filled marker on a band of the approximation's tolerance, a range a bar
    between its ends. Each row is labelled, above its marker and across the
    panel's width, with whose figure it is and what it counts and what was
    done (``label`` and ``what``, else the ids). The legend has a band of its
    own above the panels: it never covers a point. ``layout`` is "desktop" or
    "phone" (``LAYOUTS``).
    """
    spec = LAYOUTS[layout]
    width, font = spec["width"], spec["font"]
    line = font * 1.45 / 72                       # inches per line of text
    panels = list(dict.fromkeys(points["panel"]))
    labels = {i: _wrapped(_label(r), spec["wrap"]) for i, r in points.iterrows()}
    mark = 1.3                                    # lines for the marker row under a label
    units = {p: sum(len(labels[i]) + mark for i in points.index[points["panel"] == p]) for p in panels}
    titles = {p: len(textwrap.wrap(str(points.loc[points["panel"] == p, "title"].iloc[0] or p),
                                   int(spec["wrap"] * 0.85))) for p in panels}
    gap, axis = 0.25, 0.32                        # space between panels, tick labels (inches)
    n_legend = 7
    legend = -(-n_legend // spec["legend_cols"]) * line * 1.15 + 0.25
    height = legend + sum(units[p] * line + (titles[p] + 0.7) * line + gap + axis for p in panels) + 0.35
    fig = plt.figure(figsize=(width, height))
    left, right = 0.12 / width, 1 - 0.15 / width
    y = 1 - legend / height
    ax = None
    for panel in panels:
        sub = points[points["panel"] == panel]
        y -= (titles[panel] + 0.7) * line / height
        h = units[panel] * line / height
        ax = fig.add_axes([left, y - h, right - left, h])
        title = sub["title"].iloc[0] if "title" in sub and sub["title"].iloc[0] else panel
        fig.text(left, y + 0.35 * line / height, "\n".join(textwrap.wrap(title, int(spec["wrap"] * 0.85))),
                 fontsize=spec["title"], fontweight="bold", va="bottom", ha="left", linespacing=1.1)
        y -= h + (axis + gap) / height
        vals = [v for col in ("value", "low", "high") for v in sub[col] if v is not None and pd.notna(v)]
        lo, hi = min(vals), max(vals)
        ax.set_xscale("log")
        ax.set_xlim(lo / 4, hi * 12)
        ax.set_ylim(units[panel], 0)
        top = 0.0
        for i, r in sub.iterrows():
            style = KIND_STYLE[r["kind"]]
            colour, q, v = style["color"], r["qualifier"], r["value"]
            n = len(labels[i])
            ax.text(0.005, top + 0.15, "\n".join(labels[i]), transform=ax.get_yaxis_transform(), va="top",
                    ha="left", fontsize=font, color=TEXT_COLOUR[r["kind"]], linespacing=1.2, zorder=4,
                    bbox=dict(facecolor="white", edgecolor="none", pad=0.6))
            yy = top + n + mark / 2 + 0.1
            top += n + mark
            open_marker = q in ("at_least", "at_most")
            if q == "approx":
                ax.plot([r["low"], r["high"]], [yy, yy], color=colour, alpha=0.35, lw=8, solid_capstyle="butt")
            elif q == "range":
                ax.plot([r["low"], r["high"]], [yy, yy], color=colour, lw=2, marker="|", ms=10)
            elif q in ("at_least", "at_most"):
                end = v * 3 if q == "at_least" else v / 3
                ax.annotate("", xy=(end, yy), xytext=(v, yy),
                            arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.6, shrinkA=4, shrinkB=0))
            ax.plot([v], [yy], linestyle="none", marker=style["marker"], ms=7.5, mec=colour, mew=1.6,
                    mfc="white" if open_marker else colour, zorder=3)
            # The value is written right of the point, past the arrow's head or the band.
            at = v * 3 if q == "at_least" else (r["high"] if q in ("approx", "range") else v)
            ax.annotate(r["text"], xy=(at, yy), xytext=(6, 0), textcoords="offset points", ha="left",
                        va="center", fontsize=font, color="#222222")
        ax.set_yticks([])
        ax.xaxis.set_major_formatter(FuncFormatter(_tick))
        # Minor ticks at 2 and 5 of each decade, not at every digit: enough to
        # read a value between the labelled powers of ten, and a quarter of the
        # tick objects (drawing eight per decade on twelve panels, twice, was
        # about 0.4 s of the chapter's time).
        ax.xaxis.set_minor_locator(LogLocator(subs=(2, 5)))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.grid(axis="x", which="major", color="#e3e3e3", lw=0.6)
        ax.tick_params(axis="x", labelsize=font)
        ax.spines[["top", "right", "left"]].set_visible(False)
    if ax is not None:
        ax.set_xlabel("figure as stated (log scale; each panel has its own axis)", fontsize=font)
    handles = [plt.Line2D([], [], ls="none", marker=s["marker"], color=s["color"], label=s["label"])
               for s in KIND_STYLE.values()]
    handles += [plt.Line2D([], [], color="#777777", alpha=0.35, lw=8,
                           label=f"about N (±{measures.APPROX_TOLERANCE:.0%})"),
                plt.Line2D([], [], ls="none", marker=r"$\rightarrow$", ms=14, color="#777777",
                           label="over, at least N"),
                plt.Line2D([], [], ls="none", marker=r"$\leftarrow$", ms=14, color="#777777",
                           label="up to, at most N"),
                plt.Line2D([], [], color="#777777", lw=2, marker="|", ms=10, label="range A–B")]
    fig.legend(handles=handles, loc="upper left", ncol=spec["legend_cols"], fontsize=font, frameon=False,
               bbox_to_anchor=(0.0, 1 - 0.05 / height), borderaxespad=0.2, handlelength=1.6)
    return fig


# --- 3. the register --------------------------------------------------------------------
def register_counts(register: pd.DataFrame, kinds: Iterable[str], statuses: Iterable[str]) -> pd.DataFrame:
    """Cases per kind (a case with several kinds counts under each) and status, with totals."""
    kinds, statuses = list(kinds), list(statuses)
    rows = []
    for k in kinds:
        has = register["kinds"].map(lambda s: k in _split(s))
        rows.append({"kind": k, **{s: int((has & (register["status"] == s)).sum()) for s in statuses},
                     "cases": int(has.sum())})
    rows.append({"kind": "all cases", **{s: int((register["status"] == s).sum()) for s in statuses},
                 "cases": int(len(register))})
    return pd.DataFrame(rows, columns=["kind", *statuses, "cases"])


def headline_cases(register: pd.DataFrame) -> pd.DataFrame:
    """Cases where the takedown count changed what was done: a measure shift or a merge."""
    hit = register["kinds"].map(lambda s: bool({"measure", "merged"} & set(_split(s))))
    return register[hit].reset_index(drop=True)


def _entries(entered_at: str) -> dict[str, str]:
    """'unit=a; measure=b' → {'unit': 'a', 'measure': 'b'}; a bare id → {'*': id}."""
    if not entered_at:
        return {}
    if "=" not in entered_at:
        return {"*": entered_at}
    return dict(part.strip().split("=", 1) for part in entered_at.split(";"))


def _differs(ref: Optional[Figure], fig: Optional[Figure], words: Optional[Words] = None) -> str:
    """Which of unit, measure, qualifier, value differ from the issuer's figure (in
    words with ``words``: 'what was counted (items → websites and accounts)')."""
    if ref is None or fig is None:
        return ""
    out = []
    unit = (lambda u: words.unit(u)) if words else (lambda u: u)
    fam = (lambda f: words.family(f)) if words else (lambda f: f)
    said = (lambda m: words.measure(m)) if words else (lambda m: m)
    qual = (lambda q: words.labels.qualifier(q) or "exactly") if words else (lambda q: q)
    name = (lambda k: words.kind(k)) if words else (lambda k: k)
    if not measures.units_compatible(ref.unit, fig.unit):
        out.append(f"{name('unit')} ({unit(ref.unit)} → {unit(fig.unit)})")
    fa, fb = measures.family(ref.measure), measures.family(fig.measure)
    if fa != fb:
        out.append(f"{name('measure')} ({fam(fa)} → {fam(fb)})")
    elif ref.measure != fig.measure:
        out.append(f"wording ({said(ref.measure)} → {said(fig.measure)})")
    if ref.qualifier != fig.qualifier:
        out.append(f"{name('qualifier')} ({qual(ref.qualifier)} → {qual(fig.qualifier)})")
    if not ref.overlaps(fig):
        out.append(f"{name('value')} ({_short(fig)} lies outside {_short(ref)})")
    return "; ".join(out) or "none"


def retelling(case: pd.Series, claims: pd.DataFrame, facts: pd.DataFrame,
              names: Mapping[str, str] | None = None, words: Optional[Words] = None) -> pd.DataFrame:
    """The chain of retelling for one register case: issuer's words → intermediaries → article.

    For each numeric claim of the case, its attribution is walked from the
    issuer outward. At each link, the facts of the case read from it (issued,
    relayed or spoken by it) are listed; a link nobody read is listed as not
    checked. Facts of the case read from no link of the chain (a co-issuer
    whose wording the chain follows) come next, then the article's own words.
    ``differs`` compares every step with the issuer's figure (one issuer's
    days added where there are several); ``entered`` marks the link where
    the register says the difference entered.

    With ``words`` the table is for readers: names, fact titles, figures, kinds
    and differences in words (the article's row keeps its claim id in ``source``,
    for its badge).
    """
    names = names or {}
    if words is not None:
        names = {e: words.name(e) for e in words.labels.names}
    describe = (lambda f: words.figure(f, issuer=True)) if words else measures.describe
    source = (lambda i: join_words([words.fact(x) for x in i.split(" + ")])) if words else (lambda i: i)
    kinds = ((lambda ks: join_words([words.kind(k.strip()) for k in ks.split(",") if k.strip()]))
             if words else (lambda ks: ks))
    cx = claims.set_index("id")
    fx = facts.set_index("id")
    case_facts = set(_split(case["facts"]))
    entries = _entries(case["entered_at"])
    rows = []
    for cid in _split(case["claims"]):
        c = cx.loc[cid]
        if str(c["value"]) == "":
            continue
        chain = _split(c["attribution"])
        cfig = claim_figure(c.to_dict() | {"id": cid})
        linked = [i for i in _split(c["facts"]) if i in case_facts and i in fx.index]
        comp = [i for i in linked if fact_figure(fx.loc[i].to_dict() | {"id": i}) is not None
                and measures.comparable_measures(c["measure"], fx.loc[i, "measure"])]
        seen: set[str] = set()
        ref: Optional[Figure] = None
        steps = []

        def read_from(link):
            return [i for i in comp if i not in seen and (link in _split(fx.loc[i, "issuer"])
                    or link in _split(fx.loc[i, "reporter"]) or link in _split(fx.loc[i, "person"]))]

        def entered(link):
            return ", ".join(k for k, v in entries.items() if v == link and k != "*") or (
                case["kinds"].replace(";", ", ") if entries.get("*") == link else "")

        for depth, link in enumerate(reversed(chain[1:])):
            found = read_from(link)
            role = "issuer" if depth == 0 else "relay"
            if not found:
                steps.append({"link": names.get(link, link), "role": role, "source": "",
                              "words": "(no text of this link was read: not checked)", "figure": "",
                              "read via": "", "entered": kinds(entered(link)), "_fig": None})
                continue
            seen |= set(found)
            figs = [fact_figure(fx.loc[i].to_dict() | {"id": i}) for i in found]
            for i, f in zip(found, figs):
                steps.append({"link": names.get(link, link), "role": role, "source": source(i),
                              "words": fx.loc[i, "fact"], "figure": describe(f),
                              "read via": _read_via(fx.loc[i], names), "entered": kinds(entered(link)), "_fig": f})
            if ref is None:
                ref = figs[0]
                if len(figs) > 1 and _disjoint([fx.loc[i].to_dict() for i in found]):
                    try:
                        ref = measures.total(figs)
                        steps.append({"link": names.get(link, link), "role": role,
                                      "source": source(" + ".join(found)), "words": "(computed: the figures added)",
                                      "figure": describe(ref), "read via": "", "entered": "",
                                      "_fig": ref})
                    except measures.IncompatibleMeasures:
                        pass
        for i in sorted((i for i in comp if i not in seen), key=lambda i: (fx.loc[i, "date_start"], i)):
            f = fact_figure(fx.loc[i].to_dict() | {"id": i})
            issuer = fx.loc[i, "issuer"]
            steps.append({"link": ", ".join(names.get(e, e) for e in _split(issuer)), "role": "off the chain",
                          "source": source(i), "words": fx.loc[i, "fact"], "figure": describe(f),
                          "read via": _read_via(fx.loc[i], names),
                          "entered": kinds(", ".join(k for k, v in entries.items() if v in _split(issuer))),
                          "_fig": f})
        steps.append({"link": names.get(chain[0], chain[0]), "role": "article", "source": cid,
                      "words": c["translation"], "figure": words.figure(cfig) if words else describe(cfig),
                      "read via": "",
                      "entered": kinds(entered(chain[0])), "_fig": cfig})
        for n, s in enumerate(steps, 1):
            fig = s.pop("_fig")
            # The issuer's own rows are the reference, not departures from it.
            own = s["role"] == "issuer"
            rows.append({"claim": cid, "step": n, **s,
                         "differs from the issuer in": "" if own or fig is None else _differs(ref, fig, words)})
    return pd.DataFrame(rows, columns=["claim", "step", "link", "role", "source", "words", "figure",
                                       "read via", "differs from the issuer in", "entered"])


def _read_via(f: pd.Series, names: Mapping[str, str]) -> str:
    via = join_words([names.get(e, e) for e in _split(f["reporter"])]) or "the issuer's own page"
    return f"{f['confidence']}; {via}"


# --- 4. what the numbers cannot support -------------------------------------------------
def addition_attempts(facts: pd.DataFrame, claims: pd.DataFrame,
                      attempts: Iterable[tuple[str, list[str]]]) -> pd.DataFrame:
    """Try ``measures.total`` on each list of facts; show the sum or the refusal's message.

    ``claims`` lists every numeric claim that leans on any of the facts.
    """
    fx = facts.set_index("id")
    rows = []
    for label, ids in attempts:
        figs = [fact_figure(fx.loc[i].to_dict() | {"id": i}) for i in ids]
        try:
            t = measures.total(figs)
            result, refused = measures.describe(t), False
        except measures.IncompatibleMeasures as err:
            result, refused = str(err), True
        touched = claims_leaning_on(claims, ids)
        rows.append({"attempt": label, "figures": "; ".join(measures.describe(f) for f in figs),
                     "facts": ";".join(ids), "refused": "yes" if refused else "no", "result": result,
                     "claims": ";".join(touched)})
    return pd.DataFrame(rows, columns=["attempt", "figures", "facts", "refused", "result", "claims"])


def claims_leaning_on(claims: pd.DataFrame, fact_ids: Iterable[str],
                      facts: Optional[pd.DataFrame] = None) -> list[str]:
    """Numeric claims linked to any of the facts, in claim order.

    With ``facts``, only the claims that lean on one of them for their figure:
    its measure comparable with the claim's (as the chart draws them). A claim
    linked for context (the 3 days of 000-14 and Telegram's "0 disclosures";
    a week's delay and an analyst's message count) is left out.
    """
    ids = set(fact_ids)
    measure = dict(zip(facts["id"], facts["measure"])) if facts is not None else {}
    num = claims[claims["value"].astype(str) != ""]
    out = []
    for _, r in num.iterrows():
        linked = ids & set(_split(r["facts"]))
        if facts is not None:
            linked = {i for i in linked if measures.comparable_measures(r["measure"], measure.get(i) or None)}
        if linked:
            out.append(r["id"])
    return out


def one_observer(facts: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Observation figures that a named person saw: one view, not a count of the platform."""
    rows = []
    for _, f in facts.iterrows():
        if f["measure_family"] == "observation" and f["measure"] == "seen" and f["person"]:
            rows.append({"fact": f["id"], "figure": measures.describe(fact_figure(f)),
                         "measure": f"{f['measure']} ({f['measure_family']})", "issuer": f["issuer"],
                         "person": f["person"],
                         "claims": ";".join(claims_leaning_on(claims, [f["id"]], facts))})
    return pd.DataFrame(rows, columns=["fact", "figure", "measure", "issuer", "person", "claims"])


# What a platform counts of itself: its actions against content, its traffic, its
# disclosures. A price (Facebook's announced price for WhatsApp) is a deal's term,
# checkable in filings, not a platform's count of its own doing.
SELF_COUNTED_FAMILIES = frozenset({"removal", "blocking", "referral", "message_volume", "disclosures"})


def self_reported(facts: pd.DataFrame, claims: pd.DataFrame, kinds: Mapping[str, str],
                  leaned_only: bool = True) -> pd.DataFrame:
    """Numeric facts in which a platform counts its own actions or traffic: no one
    outside it can check them.

    ``kinds`` maps entity id → kind; a fact whose issuer is a platform, in one of
    ``SELF_COUNTED_FAMILIES``, is self-reported. ``confidence`` says how it was
    read. With ``leaned_only``, only facts some numeric claim leans on for its
    figure are listed, and ``claims`` lists only those claims.
    """
    rows = []
    for _, f in facts.iterrows():
        issuers = _split(f["issuer"])
        if fact_figure(f) is None or not issuers or not all(kinds.get(e) == "platform" for e in issuers):
            continue
        if f["measure_family"] not in SELF_COUNTED_FAMILIES:
            continue
        touched = claims_leaning_on(claims, [f["id"]], facts)
        if leaned_only and not touched:
            continue
        rows.append({"fact": f["id"], "figure": measures.describe(fact_figure(f)), "issuer": f["issuer"],
                     "person": f["person"], "confidence": f["confidence"],
                     "read via": f["reporter"].replace(";", ", "), "claims": ";".join(touched)})
    return pd.DataFrame(rows, columns=["fact", "figure", "issuer", "person", "confidence", "read via", "claims"])


# --- 5. the headline under each definition ------------------------------------------------
def headline_matrix(headline: pd.DataFrame) -> pd.DataFrame:
    """What was counted (rows) × what was done (columns): each cell the figures and issuers."""
    h = headline[headline["value"] != ""]
    cols = [f for f in ("referral", "removal", "blocking") if f in set(h["family"])]
    cols += sorted(set(h["family"]) - set(cols))
    out = []
    for unit in dict.fromkeys(h["unit"]):
        row = {"counted": unit}
        for fam in cols:
            cell = h[(h["unit"] == unit) & (h["family"] == fam)]
            row[fam] = "; ".join(f"{r.figure}" for r in cell.itertuples()) or "—"
        out.append(row)
    return pd.DataFrame(out, columns=["counted", *cols])


def headline_figure(row) -> Figure:
    """The Figure a headline.csv row gives (bounds as computed there)."""
    low, high = _float(row["low"]), _float(row["high"])
    q = row["qualifier"]
    return Figure(value=float(row["value"]), unit=row["unit"], measure=row["measure"], issuer=row["issuer"],
                  qualifier=q, low=low, high=high, source=row["definition"])


def _is_issued(note: str) -> bool:
    """An issuer's own count: not a relay's sentence, not an article's wording."""
    return not (note == "the relay's own sentence" or note.startswith("no issuer counted this"))


def headline_summary(headline: pd.DataFrame) -> dict:
    """What a sentence may say about the definitions' figures, every range through
    ``measures.span`` (which refuses to run one across measures or units).

    ``refusal``: the message ``span`` gives when asked for one range over all
    the figures (the sentence "runs from 1,000 … to 26,000 …, a factor of 26"
    cannot be written). ``cells``: the (measure family, unit) cells holding
    more than one source's figure, each with its span across those sources.
    ``issued``: each issuer's own figure, listed, not ranged.
    """
    h = headline[headline["value"] != ""]
    figs = [headline_figure(r) for _, r in h.iterrows()]
    try:
        measures.span(figs, across_issuers=True)
        refusal = ""
    except measures.IncompatibleMeasures as err:
        refusal = str(err)
    cells = []
    for (family, unit), grp in h.groupby(["family", "unit"], sort=False):
        if len(grp) < 2:
            continue
        sp = measures.span([headline_figure(r) for _, r in grp.iterrows()], across_issuers=True)
        cells.append({"family": family, "unit": unit, "figures": int(len(grp)), "span": sp.text(),
                      "definitions": "; ".join(grp["definition"])})
    issued = h[h["note"].map(_is_issued)]
    return {"n_definitions": int(len(headline)), "n_figures": int(len(h)),
            "n_refused": int((headline["figure"] == "not a figure").sum()),
            "n_units": int(h["unit"].map(measures.unit_group).nunique()),
            "n_families": int(h["family"].nunique()), "refusal": refusal,
            "cells": pd.DataFrame(cells, columns=["family", "unit", "figures", "span", "definitions"]),
            "issued": "; ".join(issued["figure"])}


def bib_keys(bib_text: str) -> dict[str, str]:
    """BibTeX entry key by its url field (sources.bib has one entry per address)."""
    out = {}
    for m in re.finditer(r"@\w+\{([^,\s]+),(.*?)\n\}", bib_text, re.S):
        url = re.search(r"url\s*=\s*\{([^}]*)\}", m.group(2))
        if url:
            out[url.group(1).strip()] = m.group(1)
    return out


def fact_sources(facts: pd.DataFrame, keys_by_url: Mapping[str, str]) -> dict[str, list[str]]:
    """Fact id → bibliography keys of its addresses."""
    return {r["id"]: [keys_by_url[u] for u in r["source_url"].split(" ; ") if u in keys_by_url]
            for _, r in facts.iterrows()}


def caveat_summary(named: Iterable[tuple[str, pd.DataFrame]], fact_col: str = "fact") -> pd.DataFrame:
    """One row per caveat: the facts it rests on and every claim it touches."""
    rows = []
    for caveat, df in named:
        col = fact_col if fact_col in df.columns else "facts"
        facts = sorted({f for v in df[col] for f in _split(v)})
        claims = sorted({c for v in df["claims"] for c in _split(v)})
        rows.append({"caveat": caveat, "facts": "; ".join(facts), "claims": "; ".join(claims),
                     "n_claims": len(claims)})
    return pd.DataFrame(rows, columns=["caveat", "facts", "claims", "n_claims"])


# --- 6. for readers: every table above in words --------------------------------------------
def _host(url: str) -> str:
    m = re.match(r"https?://(?:www\.)?([^/]+)", url.strip())
    return m.group(1) if m else url.strip()


def address_links(value: object) -> str:
    """A ' ; '-separated list of addresses as links, each named by its site."""
    urls = [u.strip() for u in str(value or "").split(" ; ") if u.strip()]
    return ", ".join(f'<a href="{html.escape(u)}">{html.escape(_host(u))}</a>' for u in urls)


def drawn_facts_for_readers(drawn: Iterable[str], facts: Mapping, claims: pd.DataFrame,
                            words: Words) -> pd.DataFrame:
    """The facts drawn in the chart, for readers: title, figure in the source's words, date,
    who issued it, where it was read (the addresses, for ``address_links``), how, and the
    claims leaning on it."""
    rows = []
    for i in sorted(drawn, key=lambda i: words.fact(i)):
        f = facts[i]
        rows.append({"source": words.fact(i), "figure": words.fact_figure(f), "date": words.fact_date(f),
                     "issued by": words.names(f.issuer) or words.names(f.person),
                     "relayed by": words.names(f.reporter) or "read on the issuer's own page",
                     "how it was read": f.confidence, "address": " ; ".join(f.source_url),
                     "claims": ", ".join(claims_leaning_on(claims, [i]))})
    return pd.DataFrame(rows, columns=["source", "figure", "date", "issued by", "relayed by", "how it was read",
                                       "address", "claims"])


def counts_for_readers(counts: pd.DataFrame, words: Words) -> pd.DataFrame:
    """``register_counts`` with kinds and statuses in words."""
    d = counts.copy()
    d["kind"] = [("all cases" if k == "all cases" else words.kind(k)) for k in d["kind"]]
    return d.rename(columns={"kind": "what differs", "cases": "cases",
                             **{s: words.status(s) for s in counts.columns if s not in ("kind", "cases")}})


def retelling_html(steps: pd.DataFrame, claim_id: str, figure: str, words: Words,
                   notes: Optional[Mapping[str, str]] = None) -> str:
    """One claim's chain of retelling (``retelling`` with words) as a numbered list:
    each link, the source read from it (by its title) or the article's words, its
    figure, how it was read, how it differs from the issuer's figure and where the
    register places the change. ``notes`` (a source's title → the curator's
    description, written for annotators) are folded after the list."""
    items = []
    for _, s in steps.iterrows():
        role = {"article": "the article"}.get(s["role"], s["role"])
        head = f'<strong>{render.mixed(s["link"])}</strong> <span class="td-role">({html.escape(role)})</span>'
        if s["role"] == "article":
            head += " " + render.claim_ref(claim_id)
        parts = [head]
        if s["role"] == "article":
            parts.append(f'<span class="td-words">“{render.mixed(s["words"])}”</span>')
        elif s["source"]:
            parts.append(f'<span class="td-src">«{render.mixed(s["source"])}»</span>')
        if s["words"].startswith("("):
            parts.append(f'<span class="td-words">{render.mixed(s["words"])}</span>')
        if s["figure"]:
            parts.append(f'<span class="td-fig">{html.escape(s["figure"])}</span>')
        if s["read via"]:
            conf, _, via = s["read via"].partition("; ")
            how = (f"read on the issuer's own page ({conf})" if via == "the issuer's own page"
                   else f"read through {via} ({conf})")
            parts.append(f'<span class="td-via">{render.mixed(how)}</span>')
        if s["differs from the issuer in"] and s["differs from the issuer in"] != "none":
            parts.append(f'<span class="td-diff">differs from the issuer in '
                         f'{html.escape(s["differs from the issuer in"])}</span>')
        if s["entered"]:
            parts.append(f'<span class="td-entered">the register places the change here: '
                         f'{html.escape(s["entered"])}</span>')
        items.append("<li>" + "<br>".join(parts) + "</li>")
    out = f'<ol class="td-chain" aria-label="How {html.escape(figure)} was retold">{"".join(items)}</ol>'
    if notes:
        shown = [t for t in dict.fromkeys(steps["source"]) if t in notes]
        if shown:
            body = "".join(f"<dt>{render.mixed(t)}</dt><dd>{render.mixed(notes[t])}</dd>" for t in shown)
            out += render.folded(f"Notes for annotators: the curated description of these {len(shown)} sources",
                                 f'<dl class="td-notes">{body}</dl>', css_class="fold td-fold td-notes-fold")
    return out


def claim_cell(value: object) -> str:
    """A table cell of claim ids as badges, kept together in one element (a stacked
    table lays out each element of a cell on its own)."""
    return f'<span class="td-cell">{render.with_claim_refs(value)}</span>'


def address_cell(value: object) -> str:
    return f'<span class="td-cell">{address_links(value)}</span>'


def voices_for_readers(voices: pd.DataFrame, words: Words) -> pd.DataFrame:
    """``voices``: each pair of sources that are one voice, in words (claims keep their ids,
    for their badges)."""
    def who(i):
        return i if render.CLAIM_ID.fullmatch(i) else words.fact(i)

    rows = []
    for _, v in voices.iterrows():
        via = (words.names(v["via"]) if v["relation"] != "follows_wording"
               else {"provider_action": "the provider acted (removed, blocked)",
                     "referral": "referred to the provider"}.get(v["via"], words.plain(v["via"])))
        rows.append({"source": who(v["source"]), "is one voice with": who(v["same_voice_as"]),
                     "how": words.relation(v["relation"]), "through": via, "note": words.plain(v["note"], ids=True)})
    return pd.DataFrame(rows, columns=["source", "is one voice with", "how", "through", "note"])


def caveat_for_readers(df: pd.DataFrame, words: Words) -> pd.DataFrame:
    """A caveat table (``addition_attempts``, ``one_observer``, ``self_reported``,
    ``caveat_summary``) in words: fact titles, names, figures and messages in words."""
    d = df.copy()
    for col in ("fact", "facts"):
        if col in d:
            d[col] = d[col].map(lambda v: "; ".join(words.fact(i) for i in _split(str(v).replace(" ", ""))))
    for col in ("issuer", "person", "read via"):
        if col in d:
            d[col] = d[col].map(lambda v: words.names(str(v).replace(", ", ";")))
    for col in ("figure", "figures", "result"):
        if col in d:
            d[col] = d[col].map(words.plain)
    if "measure" in d:
        d["measure"] = d["measure"].map(lambda v: re.sub(
            r"^(\w+) \((\w+)\)$", lambda m: f"{words.measure(m.group(1))} ({words.family(m.group(2))})", str(v)))
    if "claims" in d:
        d["claims"] = d["claims"].map(lambda v: ", ".join(_split(str(v).replace(" ", ""))))
    return d.rename(columns={"n_claims": "claims touched", "fact": "source", "facts": "sources",
                             "person": "through", "confidence": "how it was read"})


def caveat_fold(summary: str, df: pd.DataFrame, words: Words, caption: str) -> str:
    """A caveat table in words (``caveat_for_readers``), its claims as references,
    folded under ``summary`` in the chapter's fold style."""
    return render.folded(summary, render.table(caveat_for_readers(df, words), caption=caption,
                                               cell_html={"claims": claim_cell}),
                         css_class="fold td-fold")


def headline_matrix_for_readers(headline: pd.DataFrame, words: Words) -> pd.DataFrame:
    """``headline_matrix`` in words: what was counted (rows) by what was done (columns)."""
    m = headline_matrix(headline)
    h = headline[headline["value"] != ""]
    by_unit_family = {}
    for _, r in h.iterrows():
        by_unit_family.setdefault((r["unit"], r["family"]), []).append(words.figure(headline_figure(r), issuer=True))
    out = []
    for unit in m["counted"]:
        row = {"what was counted": words.unit(unit)}
        for fam in m.columns[1:]:
            row[words.family(fam)] = "; ".join(by_unit_family.get((unit, fam), [])) or "—"
        out.append(row)
    return pd.DataFrame(out)


def headline_for_readers(headline: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Every definition of the headline (``headline_definitions``) in words."""
    rows = []
    for _, r in headline.iterrows():
        extra = re.search(r"\(([^)]*)\)\s*$", r["definition"])
        if r["value"] != "":
            fig = headline_figure(r)
            definition = words.counted(fig.unit, fig.measure).replace(" · ", " ")
            figure = words.figure(fig)
        else:
            definition = words.plain(r["definition"].split(" (")[0])
            figure = "not a figure"
        if extra and r["value"] != "":
            definition += f" ({extra.group(1)})"
        elif extra:
            definition += f" ({extra.group(1)})"
        rows.append({"definition": definition, "figure": figure, "issuer": words.names(r["issuer"]),
                     "sources": "; ".join(words.fact(i) for i in _split(r["sources"])),
                     "claims": ", ".join(_split(r["claims"])), "note": words.plain(r["note"], ids=True)})
    return pd.DataFrame(rows, columns=["definition", "figure", "issuer", "sources", "claims", "note"])


def retelling_folds(cases: pd.DataFrame, claims: pd.DataFrame, facts: pd.DataFrame, numeric: pd.DataFrame,
                    words: Words, texts: Mapping[str, CaseText]) -> str:
    """For each headline case (``headline_cases``) and each of its numeric claims, the
    chain of retelling in a fold whose summary names the figure, the article and
    the number of steps; a link leads to the case in the register."""
    by_id = numeric.set_index("claim")
    notes = {words.fact(r["id"]): r["fact"] for _, r in facts.iterrows()}
    out = []
    for _, case in cases.iterrows():
        chain = retelling(case, claims, facts, words=words)
        ct = texts.get(case["case"])
        for cid, steps in chain.groupby("claim", sort=False):
            r = by_id.loc[cid]
            figure = claim_figure_words(r.to_dict() | {"claim": cid}, words)
            first, last = steps.iloc[0]["link"], steps.iloc[-1]["link"]
            summary = (f"How “{figure}” ({words.article(r['article'])}) was retold: {len(steps)} steps, "
                       f"from {first} to {last}")
            body = retelling_html(steps, cid, figure, words, notes)
            if ct is not None:
                body += (f'<p class="td-case-link">In the register: <a href="#{html.escape(ct.anchor)}">'
                         f"{html.escape(ct.status)}, {html.escape(join_words(ct.kinds))}</a>.</p>")
            out.append(render.folded(summary, body, css_class="fold td-fold"))
    return "".join(out)


def cases_by_claim(texts: Iterable[CaseText]) -> dict[str, CaseText]:
    """Each claim's register case (the first that names it)."""
    out: dict[str, CaseText] = {}
    for ct in texts:
        for c in ct.claims:
            out.setdefault(c, ct)
    return out


def register_cards(texts: Iterable[CaseText]) -> str:
    """Every register case as a card folded under its one-line summary
    (``register_text.case_fold``), in the register's order."""
    from .register_text import case_fold
    return "".join(case_fold(ct) for ct in texts)


def headline_cell_words(cell: Mapping, words: Words) -> str:
    """A (measure family, unit) cell of ``headline_summary`` in words: 'items removed by
    3 sources (removed, taken offline, shut down)'."""
    said = [d.split(" ")[0] for d in str(cell["definitions"]).split("; ")]
    return (f"{words.unit(cell['unit'])} under {words.family(cell['family'])}, from {cell['figures']} sources "
            f"({join_words([words.measure(m) for m in said])})")
