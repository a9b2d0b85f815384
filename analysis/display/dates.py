"""Dates as a reader reads them: one formatter for every date the book shows.

The data keeps ISO dates with their precision (``2019-11``, ``2019-11-21/2019-11-24``);
a reader sees words: "November 2019", "21–24 November 2019", "May 2018 –
November 2019", "2015". Never a day the data does not have: a month stays a
month.
"""
from __future__ import annotations

import datetime as dt

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
UNDATED = "undated"


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    bits = [int(b) for b in iso.split("-")]
    return bits[0], (bits[1] if len(bits) > 1 else None), (bits[2] if len(bits) > 2 else None)


def _one(iso: str) -> str:
    y, m, d = _parts(iso)
    if m is None:
        return str(y)
    if d is None:
        return f"{MONTHS[m - 1]} {y}"
    return f"{d} {MONTHS[m - 1]} {y}"


def _range(a: str, b: str) -> str:
    (ya, ma, da), (yb, mb, db) = _parts(a), _parts(b)
    if a == b:
        return _one(a)
    # Shared parts are said once: "21–24 November 2019", "May–June 2018".
    if da is not None and db is not None and ya == yb and ma == mb:
        return f"{da}–{db} {MONTHS[ma - 1]} {ya}"
    if da is not None and db is not None and ya == yb:
        return f"{da} {MONTHS[ma - 1]} – {db} {MONTHS[mb - 1]} {ya}"
    if da is None and db is None and ma is not None and mb is not None and ya == yb:
        return f"{MONTHS[ma - 1]}–{MONTHS[mb - 1]} {ya}"
    if ma is None and mb is None:
        return f"{ya}–{yb}"
    return f"{_one(a)} – {_one(b)}"


def in_words(value: object, empty: str = UNDATED) -> str:
    """An ISO date, month or year, or an interval ``A/B``, in words; ``empty``
    when there is none. Anything else is returned as it is (never guessed)."""
    if value is None or (isinstance(value, float) and value != value):
        return empty
    s = str(value).strip()
    if not s:
        return empty
    if isinstance(value, dt.date):
        s = value.isoformat()
    try:
        if "/" in s:
            a, b = s.split("/", 1)
            return _range(a, b)
        return _one(s)
    except (ValueError, IndexError):
        return s


_WRITTEN_ISO = r"\d{4}(?:-\d{2}){0,2}"


def as_written(value: object, empty: str = UNDATED) -> str:
    """A date as the data writes it by hand, in words: an ISO date or interval
    (``2019-11-21 to 2019-11-24`` or ``A/B``), optionally followed by a note in
    brackets that is kept ("2015-09 (21–23 Sep)" → "September 2015 (21–23 Sep)")."""
    import re

    if value is None or (isinstance(value, float) and value != value) or not str(value).strip():
        return empty
    s = str(value).strip()
    m = re.fullmatch(rf"({_WRITTEN_ISO})(?:\s*(?:/|\bto\b)\s*({_WRITTEN_ISO}))?(\s*\(.*\))?", s)
    if not m:
        return s
    head = in_words(f"{m.group(1)}/{m.group(2)}" if m.group(2) else m.group(1))
    return head + (m.group(3) or "")
