"""The extractor meets its targets on every gold set (hand-written expected output)."""
from __future__ import annotations

import pytest

from analysis.extract import gold
from analysis.extract.quality import TARGETS, score_sets

SETS = {name: gold.load_set(name) for name in gold.SETS}
SCORES = score_sets(SETS)["by_kind"]


# The targets hold on the two sets the extractor was built against. The
# held-out set is reported in the Methods chapter, never tuned on, and not a
# pass/fail test: it measures generalisation, whatever the result.
@pytest.mark.parametrize("set_name", ["articles", "general"])
@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_precision_and_recall_meet_the_target(set_name, kind):
    row = SCORES[(SCORES["set"] == set_name) & (SCORES["kind"] == kind)]
    assert len(row) == 1, f"no gold {kind} mentions in {set_name}"
    r = row.iloc[0]
    assert r["precision"] >= TARGETS[kind] and r["recall"] >= TARGETS[kind], r.to_dict()


def test_errors_are_listed_with_their_spans():
    errors = score_sets({"articles": SETS["articles"]})["errors"]
    for _, e in errors.iterrows():
        text = next(t for name, t, _ in SETS["articles"] if name == e["document"])
        assert text[e["start"]:e["end"]] == e["text"]
