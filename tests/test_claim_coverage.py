"""Every figure in the five articles is inside an annotated claim.

The extractor (measured in the Methods chapter) finds every quantity and
date; each must lie inside the quote of at least one claim, so that
claims.csv really holds every numeric claim "without exception".
"""
from __future__ import annotations

import pytest

from analysis.evidence.claims import load_claims
from analysis.corpus.articles import load_corpus
from analysis.extract import extract
from analysis.paths import PATHS

CORPUS = load_corpus(PATHS)
CLAIMS = load_claims(PATHS, CORPUS)


@pytest.mark.parametrize("article", [a.id for a in CORPUS])
def test_every_quantity_and_date_is_in_a_claim(article):
    raw = CORPUS.get(article).raw
    spans = [(c.start, c.end) for c in CLAIMS if c.article == article]
    uncovered = [(m.kind, m.text, m.start) for m in extract(raw)
                 if m.kind in ("quantity", "date")
                 and not any(s <= m.start and m.end <= e for s, e in spans)]
    assert not uncovered, uncovered

