"""CSV files a reader can open in a spreadsheet without running anything.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
in some programs, a tab or a carriage return) as a formula, so a title such as
``=HYPERLINK(...)`` in an article's manifest row would run when the downloaded
``articles.csv`` is opened. Every CSV the book offers is written through
``neutralise``: such a cell gets a leading apostrophe (``'=HYPERLINK(...)``,
OWASP's advice), which spreadsheets show as text. A plain number keeps its sign
and stays a number (``-95.5``, ``+3``, ``-1.5e-3``): it cannot be a formula.
The change is idempotent, so a file can pass through it twice.
"""
from __future__ import annotations

import csv
import io
import re

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise_cell(value: str) -> str:
    if value.startswith(FORMULA_PREFIXES) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells are neutralised (numbers and other types untouched)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """A table as the book's CSV files are written: no index, LF line ends, UTF-8,
    formulas neutralised."""
    return neutralise_frame(df).to_csv(index=False, lineterminator="\n").encode("utf-8")


def neutralise(data: bytes) -> bytes:
    """A CSV file's bytes with every formula-like cell neutralised; the same bytes
    when there is none (the file is parsed and written back only then)."""
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not any(neutralise_cell(c) != c for row in rows for c in row):
        return data
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([neutralise_cell(c) for c in row])
    return out.getvalue().encode("utf-8")
