"""CSV files offered for download: no cell a spreadsheet would run as a formula."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.display.spreadsheet import csv_bytes, neutralise, neutralise_cell


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-", "'-"), ("@Europol", "'@Europol"),
    ("-95.5", "-95.5"), ("+3", "+3"), ("-1.5e-3", "-1.5e-3"), ("-.5", "-.5"), ("12", "12"),
    ("'=1", "'=1"), ("a=1", "a=1"), ("", ""), ("تيليغرام", "تيليغرام"),
])
def test_cells(cell, expected):
    assert neutralise_cell(cell) == expected
    assert neutralise_cell(neutralise_cell(cell)) == expected          # idempotent


def test_files_and_frames_agree_and_leave_safe_files_alone():
    df = pd.DataFrame({"title": ["=HYPERLINK(\"x\")", "ok, \"quoted\"", "-2+3"],
                       "value": [-95.5, 3.0, None], "text": ["-12", "@a", "multi\nline"]})
    plain = df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    safe = csv_bytes(df)
    assert neutralise(plain) == safe and neutralise(safe) == safe
    back = pd.read_csv(__import__("io").BytesIO(safe), dtype=str, keep_default_na=False)
    assert list(back["title"]) == ["'=HYPERLINK(\"x\")", "ok, \"quoted\"", "'-2+3"]
    assert list(back["value"]) == ["-95.5", "3.0", ""] and list(back["text"]) == ["-12", "'@a", "multi\nline"]
    untouched = b"a,b\n1,-2.5\nx,y\n"
    assert neutralise(untouched) is untouched
