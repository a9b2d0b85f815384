"""The codebook page's tables are complete and agree with the annotations."""
from __future__ import annotations

import typing

import pytest

from analysis.chapters import codebook
from analysis.evidence.claims import ClaimType
from analysis.evidence.measures import KNOWN_MEASURES
from analysis.paths import PATHS
from analysis.evidence.loader import load_evidence
from analysis.book.prepare import reference_tables


@pytest.fixture(scope="module")
def claims():
    return reference_tables(load_evidence(PATHS))["claims.csv"].fillna("")


def test_every_schema_type_is_defined_once():
    types, _ = codebook.load_definitions(PATHS)
    assert sorted(types["type"]) == sorted(typing.get_args(ClaimType))


def test_type_counts_add_up_and_examples_are_real_quotes(claims):
    types, _ = codebook.load_definitions(PATHS)
    table = codebook.types_table(claims, types)
    assert table["claims"].sum() == len(claims)
    quotes = dict(zip(claims["id"], claims["quote"]))
    for _, r in table[table["claims"] > 0].iterrows():
        assert quotes[r["id"]] == r["quote"]


def test_measures_are_all_known_and_counted(claims):
    table = codebook.measures_table(claims)
    assert set(table["measure"]) <= KNOWN_MEASURES
    assert table["claims"].sum() == (claims["measure"] != "").sum()
    assert "other" in set(table["family"]) and "referral" in set(table["family"])


def test_grade_grid_covers_every_claim(claims):
    _, admiralty = codebook.load_definitions(PATHS)
    grid = codebook.grades_table(claims, admiralty).set_index("reliability")
    assert list(grid.index) == list("ABCDEF")
    assert int(grid.values.sum()) == len(claims)


def test_entries_escape_their_text():
    import pandas as pd
    row = pd.DataFrame([{"type": "x", "claims": 1, "definition": "<b>", "annotate_when": "&",
                         "id": "001-01", "quote": "<script>", "translation": "t", "language": "ar"}])
    html = codebook.type_entries_html(row)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_codes_are_shown_as_codes_beside_their_words(claims):
    from analysis.display.labels import load_labels
    labels = load_labels(PATHS)
    types, _ = codebook.load_definitions(PATHS)
    listing = codebook.type_list_html(codebook.types_table(claims, types), labels)
    assert "<code>takedown_count</code> takedown count" in listing
    assert "<code>shut_down</code> shut down" in codebook.families_html(labels)
    rules = codebook.rules_html(codebook.rules_table(), labels)
    assert "<code>at_least</code>" in rules and "<code>approx</code>" in rules
    assert codebook.family_words("message_volume") == "message volume"
