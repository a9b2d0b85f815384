"""The date the book says it was last updated: never the clock, never 1970
(``analysis.book.inputs.build_epoch``)."""
from __future__ import annotations

import datetime as dt

from analysis.book.inputs import build_epoch
from analysis.paths import Paths


def _project(tmp_path, released: str | None) -> Paths:
    if released:
        (tmp_path / "CITATION.cff").write_text(f'cff-version: 1.2.0\ndate-released: "{released}"\n',
                                               encoding="utf-8")
    return Paths(tmp_path)


def _day(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat()


def test_outside_git_the_release_date_dates_the_book(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    epoch, source = build_epoch(_project(tmp_path, "2026-11-23"))
    assert _day(epoch) == "2026-11-23" and "CITATION.cff" in source


def test_source_date_epoch_wins_but_not_zero(tmp_path, monkeypatch):
    paths = _project(tmp_path, "2026-11-23")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")        # 1 January 2026
    assert build_epoch(paths) == (1767225600, "SOURCE_DATE_EPOCH")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")                 # CI once set it to 0: 1970
    assert _day(build_epoch(paths)[0]) == "2026-11-23"


def test_no_date_at_all_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    epoch, source = build_epoch(_project(tmp_path, None))
    assert epoch == 0 and "Unix epoch" in source
