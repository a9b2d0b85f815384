"""The extractor gold is well-formed: every record resolves to a span of its text."""
from __future__ import annotations

import pytest

from analysis.extract import gold as check_gold


def test_all_gold_files_validate():
    errors, info = check_gold.check_all()
    assert not errors, "\n".join(errors)
    assert sum(info["counts"]["articles"].values()) > 0


def test_load_gold_reports_missing_occurrence(tmp_path):
    jl = tmp_path / "x.jsonl"
    jl.write_text('{"kind": "platform", "text": "TamTam", "occurrence": 3, "value": null, '
                  '"unit": null, "qualifier": null, "per": null, "date": null, '
                  '"canonical": "tamtam"}\n', encoding="utf-8")
    with pytest.raises(check_gold.GoldError, match="occurs 2 time"):
        check_gold.load_gold(jl, "TamTam and TamTam")
    recs = check_gold.load_gold(jl, "TamTam, TamTam, TamTam")
    assert (recs[0]["start"], recs[0]["end"]) == (16, 22)
