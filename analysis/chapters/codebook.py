"""The codebook page: claim types, measures and grades, with real examples.

Definitions are data (``data/codebook/``); counts and examples are computed
from the annotations, so the page stays true as articles are added.
"""
from __future__ import annotations

import pandas as pd

from ..evidence import codebook_rules
from ..evidence.measures import FAMILY_OF, MEASURE_FAMILIES, OTHER_MEASURES
from ..paths import Paths


def load_definitions(paths: Paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    read = dict(dtype=str, keep_default_na=False, encoding="utf-8")
    return (pd.read_csv(paths.data / "codebook" / "claim-types.csv", **read),
            pd.read_csv(paths.data / "codebook" / "admiralty.csv", **read))


def _example(group: pd.DataFrame) -> pd.Series:
    """The shortest quote of a group: an example a contributor can read at a glance."""
    row = group.loc[group["quote"].str.len().idxmin()]
    return row[["id", "quote", "translation", "language"]]


def types_table(claims: pd.DataFrame, types: pd.DataFrame) -> pd.DataFrame:
    counts = claims.groupby("type").size()
    examples = claims.groupby("type")[["id", "quote", "translation", "language"]].apply(_example)
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


def type_entries_html(table: pd.DataFrame) -> str:
    """Each type as a short entry: definition, when to use it, and its example quote."""
    from ..display import render

    parts = []
    for _, r in table.iterrows():
        head = (f'<p><strong><code>{render.text(r["type"])}</code></strong> '
                f'({int(r["claims"])} claim{"s" if int(r["claims"]) != 1 else ""}): '
                f'{render.text(r["definition"])}<br><em>Annotate when:</em> '
                f'{render.text(r["annotate_when"])}</p>')
        example = (render.quote(r["quote"], r["language"], r["translation"], claim=r["id"])
                   if r["id"] else "<p><em>No example in the corpus yet.</em></p>")
        parts.append(f'<div class="codebook-entry">{head}{example}</div>')
    return "".join(parts)


def rules_table() -> pd.DataFrame:
    """The codebook's rules, as ``analysis/evidence/codebook_rules.py`` states and checks them."""
    return codebook_rules.rules_table()
