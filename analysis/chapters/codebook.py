"""The codebook page: claim types, measures and grades, with real examples.

Definitions are data (``data/codebook/``); counts and examples are computed
from the annotations, so the page stays true as articles are added. This page
defines the codes a contributor types, so it shows each one in ``code`` style
beside its words; everywhere else the book shows only the words.
"""
from __future__ import annotations

import html
import re
from typing import Mapping

import pandas as pd

from ..display import render
from ..display.labels import Labels
from ..evidence import codebook_rules
from ..evidence.measures import FAMILY_OF, MEASURE_FAMILIES, OTHER_MEASURES
from ..paths import Paths

# A snake_case code inside generated text (a qualifier, a measure, a unit).
_SNAKE = re.compile(r"(?<![\w./-])[a-z]+(?:_[a-z0-9]+)+(?![\w.-])")


def load_definitions(paths: Paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    read = dict(dtype=str, keep_default_na=False, encoding="utf-8")
    return (pd.read_csv(paths.data / "codebook" / "claim-types.csv", **read),
            pd.read_csv(paths.data / "codebook" / "admiralty.csv", **read))


def _example(group: pd.DataFrame) -> pd.Series:
    """The shortest quote of a group: an example a contributor can read at a glance."""
    row = group.loc[group["quote"].str.len().idxmin()]
    cols = ["id", "quote", "translation", "language"] + (["grade"] if "grade" in group else [])
    return row[cols]


def types_table(claims: pd.DataFrame, types: pd.DataFrame) -> pd.DataFrame:
    counts = claims.groupby("type").size()
    cols = ["id", "quote", "translation", "language"] + (["grade"] if "grade" in claims else [])
    examples = claims.groupby("type")[cols].apply(_example)
    out = types.set_index("type").join(counts.rename("claims")).join(examples)
    out["claims"] = out["claims"].fillna(0).astype(int)
    return out.reset_index().fillna("")


def measures_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Every measure in the annotations, its family, how often, and an example."""
    numeric = claims[claims["measure"].fillna("") != ""]
    rows = []
    for measure, group in numeric.groupby("measure"):
        ex = _example(group)
        family = FAMILY_OF.get(measure, "(unknown)")
        rows.append({"family": family if family in MEASURE_FAMILIES else "other", "measure": measure,
                     "claims": int(len(group)), "example": ex["id"], "quote": ex["quote"],
                     "translation": ex["translation"], "language": ex["language"]})
    order = {f: i for i, f in enumerate([*MEASURE_FAMILIES, "other"])}
    df = pd.DataFrame(rows)
    if df.empty:
        return df
    return (df.assign(_o=df["family"].map(order).fillna(len(order)))
              .sort_values(["_o", "measure"]).drop(columns="_o").reset_index(drop=True))


def families_table() -> pd.DataFrame:
    rows = [{"family": f, "measures": ", ".join(ms)} for f, ms in MEASURE_FAMILIES.items()]
    rows.append({"family": "other (each its own)", "measures": ", ".join(OTHER_MEASURES)})
    return pd.DataFrame(rows)


def grades_table(claims: pd.DataFrame, admiralty: pd.DataFrame) -> pd.DataFrame:
    """Claims per reliability (rows) and credibility (columns), every cell shown."""
    rel = admiralty[admiralty["scale"] == "reliability"]["code"].tolist()
    cred = admiralty[admiralty["scale"] == "credibility"]["code"].tolist()
    grid = pd.crosstab(claims["reliability"], claims["credibility"].astype(str))
    grid = grid.reindex(index=rel, columns=cred, fill_value=0)
    grid.index.name = "reliability"
    return grid.reset_index()


def rules_table() -> pd.DataFrame:
    """The codebook's rules, as ``analysis/evidence/codebook_rules.py`` states and checks them."""
    return codebook_rules.rules_table()


# --- HTML for the page --------------------------------------------------------------------
def family_words(family: str) -> str:
    """A measure family's name in words ('message_volume' → 'message volume'): the
    families are named in ``analysis/evidence/measures.py`` as single words or two
    joined by '_'."""
    return family.replace("_", " ")


def code(value: object, words: str | None = None) -> str:
    """A code as a contributor types it, in code style, with its words after it when
    they differ ('<code>shut_down</code> shut down')."""
    c = f"<code>{html.escape(str(value))}</code>"
    return c + (f" {render.text(words)}" if words and words != str(value) else "")


def with_codes(text: object, codes: frozenset[str] = frozenset()) -> str:
    """Escaped text whose snake_case codes, and the other ``codes`` named, are shown in
    code style."""
    escaped = render.mixed(text)                 # escaped, Arabic runs with dir and lang
    out = _SNAKE.sub(lambda m: f"<code>{m.group(0)}</code>", escaped)
    for c in sorted(codes, key=len, reverse=True):
        if "_" not in c:
            out = re.sub(rf"(?<![\w<>/-]){re.escape(c)}(?![\w-])", f"<code>{c}</code>", out)
    return out


def type_list_html(table: pd.DataFrame, labels: Labels | None = None) -> str:
    """The types at a glance: the code a contributor types, its words and its count."""
    items = []
    for _, r in table.iterrows():
        words = labels.type(r["type"]) if labels is not None else ""
        n = int(r["claims"])
        items.append(f'<li>{code(r["type"], words)} <span class="cb-count">{n} claim{"s" if n != 1 else ""}'
                     f'</span></li>')
    return f'<ul class="cb-types">{"".join(items)}</ul>'


def type_entries_html(table: pd.DataFrame, labels: Labels | None = None) -> str:
    """Each type as a short entry: definition, when to use it, and its example quote
    (with its grade in words and its badge)."""
    parts = []
    for _, r in table.iterrows():
        words = labels.type(r["type"]) if labels is not None else ""
        head = (f'<p><strong>{code(r["type"], words)}</strong> '
                f'({int(r["claims"])} claim{"s" if int(r["claims"]) != 1 else ""}): '
                f'{render.text(r["definition"])}<br><em>Annotate when:</em> '
                f'{render.text(r["annotate_when"])}</p>')
        grade = r.get("grade", "")
        source = f"grade {labels.grade(grade)}" if grade and labels is not None else ""
        example = (render.quote(r["quote"], r["language"], r["translation"], source, claim=r["id"])
                   if r["id"] else "<p><em>No example in the corpus yet.</em></p>")
        parts.append(f'<div class="codebook-entry">{head}{example}</div>')
    return "".join(parts)


def families_html(labels: Labels) -> str:
    """The measure families, each measure's code beside its words."""
    items = []
    for _, r in families_table().iterrows():
        measures = ", ".join(code(m, labels.measure(m)) for m in str(r["measures"]).split(", "))
        items.append(f'<dt>{render.text(family_words(str(r["family"])))}</dt><dd>{measures}</dd>')
    return f'<dl class="cb-grades">{"".join(items)}</dl>'


def measures_html(claims: pd.DataFrame, labels: Labels) -> str:
    """Every measure used, its family, its count and an example claim (badge and translation)."""
    df = measures_table(claims)[["family", "measure", "claims", "example", "translation"]]
    # One element per cell: a phone lays a table cell out as a grid of its children.
    cells = {"family": lambda f: render.text(family_words(str(f))),
             "measure": lambda m: f"<span>{code(m, labels.measure(str(m)))}</span>"}
    cells["example"] = lambda v: f"<span>{render.with_claim_refs(v)}</span>"
    return render.table(df, caption="Measures used in the annotations, with an example of each",
                        cell_html=cells)


def admiralty_html(admiralty: pd.DataFrame) -> str:
    """The two scales of the Admiralty code as two short lists: code, name, meaning here."""
    parts = []
    for scale, title in (("reliability", "Reliability of the source (the letter)"),
                         ("credibility", "Credibility of the information (the digit)")):
        sub = admiralty[admiralty["scale"] == scale]
        items = "".join(f'<dt>{code(r["code"])} {render.text(r["name"])}</dt>'
                        f'<dd>{render.text(r["meaning_here"])}</dd>' for _, r in sub.iterrows())
        parts.append(f'<p class="cb-scale">{render.text(title)}</p><dl class="cb-grades">{items}</dl>')
    return "".join(parts)


def grades_grid_html(grid: pd.DataFrame) -> str:
    """Claims by reliability (rows) and credibility (columns): a small grid that stays a
    grid on a phone."""
    return render.table(grid, caption="Claims by reliability (rows) and credibility (columns)",
                        css_class="cb-grid")


def rules_html(rules: pd.DataFrame, labels: Labels | None = None) -> str:
    """The rules as the page prints them: the rule's name as a build error names it,
    its statement (codes in code style: snake_case ones, and the qualifiers), and what
    enforces it."""
    # ('range' is left as a word: the statements use it in its English sense.)
    quals = frozenset(labels.qualifiers) - {"range"} if labels is not None else frozenset()
    cells = {"rule": lambda r: code(r), "statement": lambda t: f"<span>{with_codes(t, quals)}</span>"}
    return render.table(rules, caption="The codebook's rules", cell_html=cells)


def top_types_text(table: pd.DataFrame, labels: Labels, n: int = 3) -> str:
    """'use of a platform (16), move between platforms (15) and event (11)': the ``n``
    commonest types, and any type tied with the last of them."""
    ranked = table.sort_values(["claims", "type"], ascending=[False, True])
    top = ranked[ranked["claims"] >= ranked["claims"].iloc[min(n, len(ranked)) - 1]]
    bits = [f"{labels.type(t)} ({int(c)})" for t, c in zip(top["type"], top["claims"])]
    return ", ".join(bits[:-1]) + (" and " if len(bits) > 1 else "") + bits[-1]


def grade_counts(claims: pd.DataFrame) -> Mapping[str, int]:
    return claims["grade"].value_counts().to_dict()


def commonest_grade(claims: pd.DataFrame) -> str:
    """The grade given most often (the first in A1…F6 order on a tie)."""
    counts = grade_counts(claims)
    return min(counts, key=lambda g: (-counts[g], g)) if counts else ""
