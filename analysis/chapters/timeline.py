"""The platform timeline: dated claims beside the reference facts, one row per platform.

``timeline_data`` builds the table the figure is drawn from (and saved
beside it); ``timeline_figure`` only draws that table.

What goes on it:

* every claim of the chapter (``analysis.chapters.policy.policy_claims``) that has an
  ``event_date``, on the row of the platform it is filed under;
* every fact of ``facts.csv`` about one of those platforms: the platform
  issued it, or the fact's own words name it (found by the project's
  extractor, ``analysis.extract``, over the fact's text and value); a fact
  naming two of the rows is drawn on both;
* from ``SINCE`` (2013) onwards: anything that ends earlier is left out, and
  counted as left out.

Dates are drawn as precise as they are: a day is a point; a month, a year
or a range is a bar over its whole extent (both ends inclusive), so "2019-11"
is never drawn as if it were 1 November. Marks that would overlap are put on
separate levels of their lane; no date is moved.

The saved table (``platform_policy-timeline.csv``) has one row per mark:
``platform``, ``source`` (claim or fact), ``id``, ``name`` (the mark in
words: a fact's short title, a claim's article and its figure or first
words), ``event``, ``date`` as written and its ``precision``,
``start``/``end`` (ISO, inclusive), ``drawn_as`` (point or span), ``level``
(its level in the lane), the cluster's ``label``, ``label_x``,
``label_level`` and ``label_ha``, ``what`` (translation or fact text),
``grade_or_confidence`` and ``article_or_issuer``.

Labels name the event (``events.csv``) the marks belong to, shortened from
its description, once per row and cluster: a mark more than ``NEAR_DAYS``
outside its event's own dates (the CREST study of 2021 about the 2019 action)
is labelled by its own name, never by its id.

Each figure is drawn twice: at the width of the book's text column, and
narrower with larger text for a phone (``PHONE``), so that no text is under
9 px on a 375 px screen. The close-up (``closeup_table``, ``closeup_figure``)
lists its marks one a line, each named in words with its date, on an axis
that labels its days.
"""
from __future__ import annotations

import datetime as dt
import re
import textwrap
from typing import Mapping, Optional

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator
from matplotlib.transforms import Affine2D, blended_transform_factory

from ..display import render
from ..display.dates import as_written
from ..evidence import facts as factsmod
from ..evidence.claims import date_bounds
from .policy import TABLE_CLASS, UNNAMED, ids, platform_order, split_curation

SINCE = dt.date(2013, 1, 1)
NEAR_DAYS = 45
FACT_COLOUR = "#1f4e79"
CLAIM_COLOUR = "#c2410c"
SOURCES = ("fact", "claim")   # lane order, top to bottom
LINESPACING = 1.05

TIMELINE_COLUMNS = ["platform", "platform_name", "source", "id", "name", "event", "label", "date",
                    "precision", "start", "end", "drawn_as", "level", "what", "grade_or_confidence",
                    "article_or_issuer"]


# which facts are about which platform: the evidence's (``Evidence.fact_platforms``)
fact_platforms = factsmod.fact_platforms


def short_label(description: str, width: int = 24, max_lines: int = 3) -> str:
    """An event's description without its parentheses, cut at its first clause mark,
    wrapped to ``max_lines`` lines at most."""
    text = re.sub(r"\s*\([^)]*\)", "", description)
    text = re.split(r"\s*[:;]\s*|,\s+", text, maxsplit=1)[0].strip() or description
    return wrap_label(text, width, max_lines)


def wrap_label(text: str, width: int = 24, max_lines: int = 4) -> str:
    """A label wrapped to ``max_lines`` lines of ``width`` characters at most."""
    lines = textwrap.wrap(text, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.…”") + "…"
    return "\n".join(lines)


def _iso(d: dt.date) -> str:
    return d.isoformat()


# --- the table ------------------------------------------------------------------
def timeline_data(scoped: pd.DataFrame, facts: pd.DataFrame, events: Mapping[str, object],
                  names: Mapping[str, str], kinds: Mapping[str, str],
                  since: dt.date = SINCE, mark_names: Optional[Mapping[str, str]] = None,
                  platforms_of: Optional[Mapping[str, list[str]]] = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(drawn, left_out): the marks, one row per mark, and what was not drawn and why.

    ``mark_names`` gives each claim and fact the words a figure names it by
    (``policy.mark_names``: a fact's short title, a claim's article and a few
    words); without it a mark is named by its id. ``platforms_of`` gives each
    fact's platforms (``Evidence.fact_platforms``, worked out once with the
    evidence); without it they are worked out here."""
    mark_names = mark_names or {}
    rows_ = [p for p in platform_order(scoped["platform"], names) if p != UNNAMED]
    marks, dropped = [], []
    for r in scoped.to_dict("records"):
        if not r["event_date"]:
            continue
        start, end = date_bounds(r["event_date"])
        rec = {"platform": r["platform"], "source": "claim", "id": r["id"],
               "name": mark_names.get(r["id"], r["id"]), "event": r["event"],
               "date": r["event_date"], "precision": r["event_date_precision"], "start": start, "end": end,
               "what": r["translation"], "grade_or_confidence": r["grade"], "article_or_issuer": r["article"]}
        if r["platform"] == UNNAMED:
            dropped.append({**rec, "why": "names no platform"})
        elif end < since:
            dropped.append({**rec, "why": f"before {since.year}"})
        else:
            marks.append(rec)
    for f in facts.to_dict("records"):
        start, end = dt.date.fromisoformat(f["date_start"]), dt.date.fromisoformat(f["date_end"])
        about = (platforms_of[f["id"]] if platforms_of is not None and f["id"] in platforms_of
                 else fact_platforms(f, kinds))
        rec = {"source": "fact", "id": f["id"], "name": mark_names.get(f["id"], f["id"]),
               "event": f["event"], "date": f["date"],
               "precision": f["date_precision"], "start": start, "end": end,
               "what": (f"{f['value']}: " if f["value"] else "") + f["fact"],
               "grade_or_confidence": f["confidence"], "article_or_issuer": f["issuer"]}
        on = [p for p in rows_ if p in about]
        if not about:
            dropped.append({**rec, "platform": "", "why": "names no platform"})
        elif not on:
            dropped.append({**rec, "platform": ";".join(about),
                            "why": "about a platform with no policy claim in the chapter"})
        elif end < since:
            dropped.append({**rec, "platform": ";".join(on), "why": f"before {since.year}"})
        else:
            marks += [{**rec, "platform": p} for p in on]
    df = pd.DataFrame(marks)
    if df.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS), pd.DataFrame(dropped)
    df["platform_name"] = df["platform"].map(lambda p: names.get(p, p))
    df["drawn_as"] = ["point" if p == "day" else "span" for p in df["precision"]]
    df["label"] = _labels(df, events)
    order = {p: i for i, p in enumerate(rows_)}
    df = df.assign(_r=df["platform"].map(order), _s=df["source"].map(SOURCES.index)) \
           .sort_values(["_r", "_s", "start", "end", "id"], kind="stable").drop(columns=["_r", "_s"])
    df["level"] = 0
    df = df.reset_index(drop=True)
    for col in ("start", "end"):
        df[col] = df[col].map(_iso)
    out = df[TIMELINE_COLUMNS]
    left = pd.DataFrame(dropped)
    if not left.empty:
        left["platform_name"] = left["platform"].map(
            lambda p: ", ".join(names.get(x, x) for x in ids(p)))
        for col in ("start", "end"):
            left[col] = left[col].map(_iso)
        left = left.sort_values(["why", "source", "id"], kind="stable").reset_index(drop=True)
    return out, left


def _event_window(event) -> Optional[tuple[dt.date, dt.date]]:
    return event.window if event is not None else None


def _labels(df: pd.DataFrame, events: Mapping[str, object]) -> list[str]:
    """The event's short label, or the mark's own name when it lies far from its event."""
    out = []
    for r in df.to_dict("records"):
        ev = events.get(r["event"]) if r["event"] else None
        window = _event_window(ev)
        desc = getattr(ev, "description", None) if ev is not None else None
        near = window is not None and (r["start"] - window[1]).days <= NEAR_DAYS \
            and (window[0] - r["end"]).days <= NEAR_DAYS
        if desc and (near or window is None):
            out.append(short_label(desc))
        else:
            out.append(wrap_label(r["name"]))
    return out


# --- layout ------------------------------------------------------------------------
class Layout:
    """Geometry shared by packing and drawing (inches and days), for one window of time.

    The defaults draw at about the width of the book's text column on a desktop;
    ``PHONE`` draws a narrower figure whose text stays at least 9 px tall when
    the figure is shown 343 px wide (a 375 px screen)."""

    width_in = 7.8            # drawn at about the width of the book's text column
    axes_left = 0.85          # inches of left margin for row and lane names
    axes_right = 0.4
    level_in = 0.19           # height of one mark level
    label_line_in = 0.165     # height of one line of label text
    label_font = 8.5
    mark_pad_in = 0.07        # half-width a point occupies, for packing
    tick_font = 10
    name_font = 11
    lane_font = 8.5
    legend_cols = 2

    def __init__(self, lo: dt.date, hi: dt.date, **style):
        for key, value in style.items():
            if not hasattr(Layout, key):
                raise TypeError(f"no layout setting {key!r}")
            setattr(self, key, value)
        self.lo, self.hi = lo, hi
        self.axes_in = self.width_in - self.axes_left - self.axes_right
        self.days_per_in = (hi - lo).days / self.axes_in

    def pad_days(self) -> float:
        return self.mark_pad_in * self.days_per_in


# A phone's screen: 3.9 inches drawn at 343 px is 88 px an inch, so 8 pt is 9.8 px.
PHONE = {"width_in": 3.9, "axes_left": 0.62, "axes_right": 0.14, "label_font": 8.0,
         "label_line_in": 0.155, "tick_font": 8.0, "name_font": 10.0, "lane_font": 8.0,
         "legend_cols": 1}


def extent(data: pd.DataFrame) -> tuple[dt.date, dt.date]:
    """Whole years (or half years at the end) around every mark."""
    start = min(dt.date.fromisoformat(s) for s in data["start"])
    end = max(dt.date.fromisoformat(s) for s in data["end"])
    lo = dt.date(start.year, 1, 1)
    hi = dt.date(end.year + 1, 1, 1) if end.month > 6 else dt.date(end.year, 7, 1)
    return lo, hi


def within(data: pd.DataFrame, lo: dt.date, hi: dt.date) -> pd.DataFrame:
    """The marks that overlap [lo, hi), for a close-up; spans running past an edge are
    kept whole in the table and marked ``clipped`` (drawn with an arrow at that edge)."""
    keep = [dt.date.fromisoformat(a) < hi and dt.date.fromisoformat(b) >= lo
            for a, b in zip(data["start"], data["end"])]
    out = data[keep].copy()
    out["clipped"] = ["left" if dt.date.fromisoformat(a) < lo else "right" if dt.date.fromisoformat(b) >= hi
                      else "" for a, b in zip(out["start"], out["end"])]
    return out.reset_index(drop=True)


def measure(texts: list[str], fontsize: float) -> dict[str, tuple[float, float]]:
    """Width and height in inches of each label as matplotlib will draw it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = plt.figure(figsize=(4, 4))
    renderer = FigureCanvasAgg(fig).get_renderer()
    out = {}
    for t in dict.fromkeys(texts):
        txt = fig.text(0, 0, " " + t.replace("\n", "\n "), fontsize=fontsize, linespacing=LINESPACING)
        box = txt.get_window_extent(renderer)
        out[t] = (box.width / fig.dpi, box.height / fig.dpi)
        txt.remove()
    plt.close(fig)
    return out


def _first_fit(intervals: list[tuple[str, float, float]]) -> list[int]:
    """Lowest level per (group, x0, x1) where it overlaps nothing of its group."""
    levels, busy = [], {}
    for group, a, b in intervals:
        lanes = busy.setdefault(group, [])
        for i, taken in enumerate(lanes):
            if all(b < x or a > y for x, y in taken):
                taken.append((a, b))
                levels.append(i)
                break
        else:
            lanes.append([(a, b)])
            levels.append(len(lanes) - 1)
    return levels


def pack(data: pd.DataFrame, layout: Layout) -> pd.DataFrame:
    """Each mark on the lowest level of its lane (platform, source) where it overlaps
    nothing."""
    if data.empty:
        return data.assign(level=[])
    pad = layout.pad_days()
    spans = []
    for r in data.to_dict("records"):
        a = (max(dt.date.fromisoformat(r["start"]), layout.lo) - layout.lo).days - pad
        b = (min(dt.date.fromisoformat(r["end"]), layout.hi) - layout.lo).days + 1 + pad
        spans.append(((r["platform"], r["source"]), a, b))
    return data.assign(level=_first_fit(spans))


def label_positions(data: pd.DataFrame, layout: Layout, events: Mapping[str, object]) -> pd.DataFrame:
    """One label per (platform, label) cluster, on the lowest label level of its row where
    it overlaps no label already placed.

    The anchor is the event's own start when it falls inside the cluster (the
    2019 action's label sits at 21 Nov, not at the start of 001-11's
    18-month range), else the cluster's earliest mark. A label starts at its
    anchor, or ends there when that fits a lower level (or the right edge).
    """
    rows = []
    for (platform, label), g in data.groupby(["platform", "label"], sort=False):
        first, last = min(g["start"]), max(g["end"])
        anchor = first
        event = g["event"].iloc[0]
        window = _event_window(events.get(event)) if event else None
        if window and label != g["name"].iloc[0] and first <= window[0].isoformat() <= last:
            anchor = window[0].isoformat()
        rows.append({"platform": platform, "label": label, "x": anchor})
    lab = pd.DataFrame(rows).sort_values(["platform", "x", "label"], kind="stable")
    sizes = measure(list(lab["label"]), layout.label_font)
    span = (layout.hi - layout.lo).days
    levels, align = [], []
    placed: dict[str, list[list[tuple[float, float]]]] = {}
    records = lab.to_dict("records")
    for k, r in enumerate(records):
        x = (dt.date.fromisoformat(r["x"]) - layout.lo).days
        w = (sizes[r["label"]][0] + 0.06) * layout.days_per_in
        # the next label of the row, if close, is better served by this one ending here
        nxt = next(((dt.date.fromisoformat(q["x"]) - layout.lo).days for q in records[k + 1:]
                    if q["platform"] == r["platform"]), None)
        sides = [(x, x + w, "left"), (x - w, x, "right")]
        if nxt is not None and nxt - x < w:
            sides.reverse()
        options = [(a, b, ha) for a, b, ha in sides if a >= 0 and b <= span] or [(x, x + w, "left")]
        taken_levels = placed.setdefault(r["platform"], [])
        for i in range(len(taken_levels) + 1):
            if i == len(taken_levels):
                taken_levels.append([])
            free = [o for o in options if all(o[1] < a or o[0] > b for a, b in taken_levels[i])]
            if free:
                a, b, ha = free[0]
                taken_levels[i].append((a, b))
                levels.append(i)
                align.append(ha)
                break
    return lab.assign(label_level=levels, ha=align).reset_index(drop=True)


def arrange(data: pd.DataFrame, events: Mapping[str, object], window: Optional[tuple] = None,
            style: Optional[Mapping] = None) -> pd.DataFrame:
    """The marks with everything the figure needs: ``level`` (in its lane) and, per
    cluster, ``label_x``, ``label_level``, ``label_ha``, for a figure drawn with
    ``style`` (``Layout`` settings: the desktop figure by default, ``PHONE``)."""
    if data.empty:
        return data.assign(level=[], label_x=[], label_level=[], label_ha=[])
    layout = Layout(*(window or extent(data)), **(style or {}))
    data = pack(data, layout)
    lab = label_positions(data, layout, events)[["platform", "label", "x", "label_level", "ha"]]
    lab = lab.rename(columns={"x": "label_x", "ha": "label_ha"})
    return data.merge(lab, on=["platform", "label"], how="left", validate="many_to_one")


# --- drawing -------------------------------------------------------------------------
def _legend_handles() -> list:
    return [
        Line2D([], [], marker="o", ls="", color=FACT_COLOUR, mfc=FACT_COLOUR, ms=6,
               label="fact (facts table), dated to the day"),
        Patch(color=FACT_COLOUR, alpha=0.85, label="fact, dated to a month, year or range"),
        Line2D([], [], marker="o", ls="", color=CLAIM_COLOUR, mfc="white", ms=6, mew=1.4,
               label="claim (article), dated to the day"),
        Patch(fc=CLAIM_COLOUR + "38", ec=CLAIM_COLOUR, label="claim, dated to a month, year or range"),
    ]


def _draw_mark(ax, r: Mapping, yc: float, height: float, x_lo: float, x_hi: float) -> None:
    """A point (a day) or a bar over the mark's whole extent with end caps (an arrow
    where the window cuts it)."""
    colour = FACT_COLOUR if r["source"] == "fact" else CLAIM_COLOUR
    start, end = _num(r["start"]), _num(r["end"], end=True)
    if r["drawn_as"] == "point":
        ax.plot([start], [yc], marker="o", ms=6, mew=1.4, color=colour,
                mfc=colour if r["source"] == "fact" else "white", zorder=3)
        return
    x0, x1 = max(start, x_lo), min(end, x_hi)
    h = 0.45 * height
    ax.fill_between([x0, x1], yc - h / 2, yc + h / 2, color=colour,
                    alpha=0.85 if r["source"] == "fact" else 0.22, lw=0, zorder=2)
    if r["source"] == "claim":
        ax.plot([x0, x1, x1, x0, x0], [yc - h / 2, yc - h / 2, yc + h / 2, yc + h / 2, yc - h / 2],
                color=colour, lw=0.9, zorder=3)
    # end caps: a span shorter than a mark still reads as a span, not a point;
    # an edge the window cuts gets an arrow instead
    for x, cut, marker in ((x0, start < x_lo, "<"), (x1, end > x_hi, ">")):
        if cut:
            ax.plot([x], [yc], marker=marker, ms=6, color=colour, zorder=3, clip_on=False)
        else:
            ax.vlines([x], yc - 0.42 * height, yc + 0.42 * height, color=colour, lw=1.2, zorder=3)


def _num(s: str, end: bool = False) -> float:
    d = dt.date.fromisoformat(s) + (dt.timedelta(days=1) if end else dt.timedelta(0))
    return mdates.date2num(d)


def timeline_figure(data: pd.DataFrame, window: Optional[tuple] = None, style: Optional[Mapping] = None):
    """Draw the arranged table: rows top to bottom in the table's order; in each row
    the labels, then the facts lane, then the claims lane. ``style`` must be the one
    the table was arranged with."""
    lo, hi = window or extent(data)
    L = Layout(lo, hi, **(style or {}))
    labels = data.drop_duplicates(["platform", "label"])
    platforms = list(dict.fromkeys(data["platform"]))
    names = dict(zip(data["platform"], data["platform_name"]))
    geometry, y = {}, 0.0
    for p in reversed(platforms):           # matplotlib's y grows upwards
        d = data[data["platform"] == p]
        lanes = {s: int(d.loc[d["source"] == s, "level"].max()) + 1 if (d["source"] == s).any() else 1
                 for s in SOURCES}
        lab = labels[labels["platform"] == p]
        g = {"bottom": y}
        y += 0.1
        g["claim"] = y + 0.5 * L.level_in
        y += lanes["claim"] * L.level_in + 0.1
        g["fact"] = y + 0.5 * L.level_in
        y += lanes["fact"] * L.level_in + 0.06
        g["labels"] = []
        for i in range(int(lab["label_level"].max()) + 1 if len(lab) else 0):
            g["labels"].append(y)
            lines = lab.loc[lab["label_level"] == i, "label"].map(lambda t: t.count("\n") + 1)
            y += int(lines.max()) * L.label_line_in + 0.06
        y += 0.06
        g["top"] = y
        geometry[p] = g
    legend_rows = -(-len(_legend_handles()) // L.legend_cols)
    bottom_in = 0.42 + legend_rows * 0.17
    height = y + bottom_in + 0.1
    fig = plt.figure(figsize=(L.width_in, height))
    ax = fig.add_axes([L.axes_left / L.width_in, bottom_in / height, L.axes_in / L.width_in, y / height])
    x_lo, x_hi = mdates.date2num(lo), mdates.date2num(hi)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(0, y)
    inch_x = _inch_x(fig, ax)

    for k, p in enumerate(platforms):
        g = geometry[p]
        if k % 2 == 0:
            ax.axhspan(g["bottom"], g["top"], color="#000000", alpha=0.04, lw=0)
        ax.text(-L.axes_left + 0.05, (g["bottom"] + g["top"]) / 2, names[p], fontsize=L.name_font,
                fontweight="bold", va="center", ha="left", rotation=90, transform=inch_x)
        for s in SOURCES:
            ax.text(-0.08, g[s], "claims" if s == "claim" else "facts", fontsize=L.lane_font, va="center",
                    ha="right", color=FACT_COLOUR if s == "fact" else CLAIM_COLOUR, transform=inch_x)
        d = data[data["platform"] == p]
        for r in d.to_dict("records"):
            _draw_mark(ax, r, g[r["source"]] + r["level"] * L.level_in, L.level_in, x_lo, x_hi)
        for r in labels[labels["platform"] == p].to_dict("records"):
            cluster = d[d["label"] == r["label"]]
            low = min(g[s] + int(cluster.loc[cluster["source"] == s, "level"].min()) * L.level_in
                      for s in set(cluster["source"]))
            ly = g["labels"][int(r["label_level"])]
            x = _num(r["label_x"])
            ax.plot([x, x], [low, ly + 0.02], color="#777777", lw=0.6, ls=(0, (1, 1.5)), zorder=1)
            pad = " " if r["label_ha"] == "left" else ""
            text = pad + r["label"].replace("\n", "\n" + pad) + ("" if pad else " ")
            ax.text(x, ly + 0.01, text, fontsize=L.label_font, va="bottom", ha=r["label_ha"],
                    multialignment=r["label_ha"], linespacing=LINESPACING, zorder=4)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    ax.tick_params(axis="x", labelsize=L.tick_font)
    ax.grid(axis="x", which="major", color="#c8c8c8", lw=0.6)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    # the legend sits below the axes and their tick labels: it covers no data
    fig.legend(handles=_legend_handles(), loc="lower center", ncol=L.legend_cols, fontsize=L.lane_font,
               frameon=False, bbox_to_anchor=(0.5, 0.0))
    return fig


def _inch_x(fig, ax):
    """x in inches from the axes' left edge (negative: in the margin), y in data units."""
    left = ax.get_position().x0 * fig.get_figwidth()
    return blended_transform_factory(Affine2D().translate(left, 0) + fig.dpi_scale_trans, ax.transData)


# --- the close-up: one line per mark, named in words, days labelled --------------------
CLOSEUP_COLUMNS = ["platform", "platform_name", "source", "id", "name", "label", "date", "precision",
                   "start", "end", "clipped", "drawn_as", "what", "grade_or_confidence", "article_or_issuer"]


def closeup_table(marks: pd.DataFrame, lo: dt.date, hi: dt.date) -> pd.DataFrame:
    """The marks of [lo, hi) for the close-up, in drawing order (platform, facts then
    claims, by date), each with its ``label``: its name and its date in words."""
    close = within(marks, lo, hi)
    if close.empty:
        return pd.DataFrame(columns=CLOSEUP_COLUMNS)
    rows = list(dict.fromkeys(close["platform"]))
    close = close.assign(_r=close["platform"].map(rows.index), _s=close["source"].map(SOURCES.index)) \
                 .sort_values(["_r", "_s", "start", "end", "id"], kind="stable").drop(columns=["_r", "_s"])
    close["label"] = [f"{n} · {as_written(d)}" for n, d in zip(close["name"], close["date"])]
    return close[CLOSEUP_COLUMNS].reset_index(drop=True)


CLOSEUP_DESKTOP = {"width_in": 7.8, "axes_left": 0.25, "axes_right": 0.25, "label_font": 9.0,
                   "tick_font": 8.5, "name_font": 10.5, "lane_font": 8.5, "legend_cols": 2}
CLOSEUP_PHONE = {"width_in": 3.9, "axes_left": 0.12, "axes_right": 0.12, "label_font": 8.0,
                 "tick_font": 8.0, "name_font": 9.5, "lane_font": 8.0, "legend_cols": 1}


def closeup_figure(data: pd.DataFrame, window: tuple, style: Optional[Mapping] = None,
                   band: Optional[tuple] = None):
    """The close-up as a list: each mark on its own line, its name and dates written
    above it, under its platform's name; every day ticked, days labelled (every
    second day, or every week on a phone), months named; ``band`` = (start, end,
    words) shades a run of days (the action days) and says what they are."""
    lo, hi = window
    L = Layout(lo, hi, **{"level_in": 0.2, **(style or {})})
    chars = int(L.axes_in * 72 / (L.label_font * 0.6))       # characters a line of label holds
    wrapped = [textwrap.wrap(t, chars) for t in data["label"]]
    line = L.label_font / 72 * 1.3
    top_pad = 0.5 + (0.2 if band else 0)
    blocks, y = [], 0.0
    for p in dict.fromkeys(data["platform"]):
        y += 0.34                                            # the platform's name
        blocks.append(("name", p, y))
        for i in [i for i, q in enumerate(data["platform"]) if q == p]:
            y += len(wrapped[i]) * line + 0.02
            blocks.append(("label", i, y))
            y += L.level_in
            blocks.append(("mark", i, y))
        y += 0.08
    legend_rows = -(-len(_legend_handles()) // L.legend_cols)
    bottom_in = 0.62 + legend_rows * 0.17
    height = top_pad + y + bottom_in
    fig = plt.figure(figsize=(L.width_in, height))
    ax = fig.add_axes([L.axes_left / L.width_in, bottom_in / height, L.axes_in / L.width_in, y / height])
    x_lo, x_hi = mdates.date2num(lo), mdates.date2num(hi)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y, 0)                                        # top to bottom, in inches
    names = dict(zip(data["platform"], data["platform_name"]))
    if band:
        b0, b1, words = band
        ax.axvspan(mdates.date2num(b0), mdates.date2num(b1 + dt.timedelta(days=1)), color="#f2c14e",
                   alpha=0.25, lw=0, zorder=0)
        mid = (mdates.date2num(b0) + mdates.date2num(b1 + dt.timedelta(days=1))) / 2
        ax.text(mid, -0.42, words, fontsize=L.label_font, ha="center", va="bottom",
                color="#5c4400", clip_on=False)
    records = data.to_dict("records")
    for kind, key, yy in blocks:
        if kind == "name":
            ax.text(0.0, yy - 0.06, names[key], fontsize=L.name_font, fontweight="bold", ha="left",
                    va="bottom", transform=blended_transform_factory(ax.transAxes, ax.transData))
            ax.axhline(yy, color="#999999", lw=0.6)
        elif kind == "label":
            r = records[key]
            ax.text(0.0, yy, "\n".join(wrapped[key]), fontsize=L.label_font, ha="left", va="bottom",
                    linespacing=1.15, color="#1a1a1a",
                    transform=blended_transform_factory(ax.transAxes, ax.transData), zorder=4)
        else:
            _draw_mark(ax, records[key], yy - L.level_in / 2, L.level_in, x_lo, x_hi)
    ax.set_yticks([])
    phone = L.width_in < 5
    days = (1, 8, 15, 22) if phone else tuple(range(1, 30, 2))
    ticks = [lo + dt.timedelta(days=i) for i in range((hi - lo).days)]
    ax.xaxis.set_major_locator(FixedLocator([mdates.date2num(d) for d in ticks if d.day in days]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d"))
    ax.xaxis.set_minor_locator(mdates.DayLocator())
    ax.tick_params(axis="x", which="both", top=True, labeltop=True, labelsize=L.tick_font)
    ax.tick_params(axis="x", which="minor", length=2.5)
    ax.grid(axis="x", which="major", color="#dddddd", lw=0.6, zorder=0)
    month = dt.date(lo.year, lo.month, 1)
    while month < hi:
        ax.axvline(mdates.date2num(month), color="#888888", lw=0.8, zorder=1)
        ax.annotate(month.strftime("%B %Y"), (mdates.date2num(month), 0), xycoords=("data", "axes fraction"),
                    xytext=(2, -2.1 * L.tick_font), textcoords="offset points", fontsize=L.tick_font,
                    ha="left", va="top", fontweight="bold", annotation_clip=False)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    for side in ("right", "left"):
        ax.spines[side].set_visible(False)
    fig.legend(handles=_legend_handles(), loc="lower center", ncol=L.legend_cols, fontsize=L.lane_font,
               frameon=False, bbox_to_anchor=(0.5, 0.0))
    return fig


# --- the tables beside the figures ------------------------------------------------------
def _mark_cell(r: Mapping, w) -> str:
    """A mark as the tables name it: a claim by its badge and article, a fact by its title."""
    if r["source"] == "claim":
        return f'<span>{render.claim_ref(r["id"])} {render.text(w.article(r["article_or_issuer"]))}</span>'
    return f'<span>{render.text(w.fact(r["id"]))}</span>'



def marks_html(arranged: pd.DataFrame, w, caption: str) -> str:
    """Every mark of the timeline, in words: platform, what it is, its date as known,
    how it is drawn, its grade (a claim) or how it was read (a fact), what it says."""
    def drawn(r: Mapping) -> str:
        shape = "a point" if r["drawn_as"] == "point" else "a bar"
        return f"{shape} ({w.said('precision', r['precision'], long=True)})"

    rows = arranged.to_dict("records")
    d = pd.DataFrame({
        "platform": [r["platform_name"] for r in rows],
        "mark": [_mark_cell(r, w) for r in rows],
        "date": [as_written(r["date"]) for r in rows],
        "drawn as": [drawn(r) for r in rows],
        "grade, or how the fact was read": [
            w.grade(r["grade_or_confidence"]) if r["source"] == "claim"
            else w.said("confidence", r["grade_or_confidence"], long=True) for r in rows],
        "what it says": [f"<span>{w.html(split_curation(r['what'])[0])}</span>" for r in rows],
    })
    return render.table(d, caption=caption, cell_html={"mark": str, "what it says": str},
                        css_class=TABLE_CLASS)


def not_drawn_html(not_drawn: pd.DataFrame, w, caption: str) -> str:
    """The claims and facts the timeline leaves out, and why, in words."""
    rows = not_drawn.to_dict("records")
    d = pd.DataFrame({
        "claim or fact": [_mark_cell(r, w) for r in rows],
        "date": [as_written(r["date"]) for r in rows],
        "about": [r["platform_name"] or "no platform" for r in rows],
        "not drawn because": [r["why"] for r in rows],
    })
    return render.table(d, caption=caption, cell_html={"claim or fact": str}, css_class=TABLE_CLASS)
