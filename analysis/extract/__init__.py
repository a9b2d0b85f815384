"""Information extraction: quantities, dates, platforms, organizations, persons.

``extract(text)`` is a pure function of the text: the data tables under
data/lexicon and data/gazetteer are loaded once, on first use.  Offsets are
Python ``str`` indices into the text exactly as given.

The stage beside the chain: it imports only ``analysis.text`` (and paths,
errors), never the corpus, evidence, chapters or book, so it runs on any text
in or out of the corpus. ``gold`` (the hand-written yardstick and its checker),
``evaluate`` and ``quality`` (scores against it) live here beside it.
"""
from __future__ import annotations

import math
import re
from operator import attrgetter

from .mention import Mention
from .scan import matches
from ..text.normalize import View

__all__ = ["extract", "Mention"]

# Where digits are not quantities or dates, and names are not mentions: URLs,
# bare domains (expanded to the whole token), e-mail, hashtags and @handles
# (numbers only), phone numbers.  Every alternative starts with a literal or a
# small class so the regex engine can skip ahead fast.
# The leading lookahead lets the scan reject most characters with one class
# test instead of trying each alternative (measured: 3x faster on the corpus).
_TLDS = ("com", "org", "net", "ir", "co", "io", "me", "info", "gov", "edu", "ly", "uk", "ru",
         "be", "eu")
_BLOCK_RE = re.compile(
    r"(?=[hw.#@+\d])(?:"
    r"https?://\S+|www\.\S+"
    r"|\.(?:" + "|".join(_TLDS) + r")(?![^\W_])(?:/\S*)?"
    r"|[#@][^\W][\w]*"
    r"|\+\d[\d \-()]{6,}\d"
    r"|00\d[\d \-()]{6,}\d"                      # 0044-20-...: international prefix
    r"|0\d{2,3}[ \-]?\d{6,8}(?!\d)"
    r"|(?<![\d-])\d{1,3}-\d{3}-\d{3}-\d{4}(?!\d)"  # 1-800-225-5324
    r"|\d+ ?u\.s\.c\.? ?§* ?\d+[a-z]*"             # 18 U.S.C. 2339B: a law, not a count
    r"|\d{3,4}-\d{3,4}-\d{3,4}(?!\d))")
_DIGIT_RUN_RE = re.compile(r"\d+")
# Where a block can start: each alternative's first characters, and digits:
# the first of a run, and inside a run only a 0 or a digit 3-4 before a hyphen
# (scan.WordTable.find: an alternative that could start elsewhere inside a run
# must be added there too; a test compares with the plain scan).
_BLOCK_HEADS = ("http", "www.", "#", "@", "+") + tuple("." + t for t in _TLDS)


def _blocks(view: View, starts: list[int] | None = None
            ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans closed to numbers and dates, spans closed to names too);
    ``starts``, where a block can start (``scan.WordTable.find``), when known."""
    norm = view.norm
    num_block, name_block = [], []
    for m in (_BLOCK_RE.finditer(norm) if starts is None else matches(_BLOCK_RE, starts, norm)):
        s, e = m.span()
        c = norm[s]
        if c == ".":
            # A capitalised "TLD" is a name, not a domain (Mail.Ru, Riot.Im).
            tld_end = norm.find("/", s, e)
            os_, oe = view.span(s + 1, e if tld_end < 0 else tld_end)
            if any(ch.isupper() for ch in view.text[os_:oe]):
                continue
            # a domain: the whole whitespace-delimited token (pic.twitter.com/x)
            while s > 0 and not norm[s - 1].isspace():
                s -= 1
            name_block.append((s, e))
        elif c in "hw":
            name_block.append((s, e))
        elif c in "#@":
            if s and (norm[s - 1].isalnum() or norm[s - 1] == "_"):
                continue          # an e-mail address is handled as a domain
        num_block.append((s, e))
    return num_block, name_block


def _published(published: str | None) -> tuple[int, int | None] | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as (year, month or None)."""
    if not published:
        return None
    parts = str(published).split("-")
    try:
        return int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)
    except ValueError:
        return None


def extract(text: str, published: str | None = None) -> list[Mention]:
    """All mentions in ``text``, sorted by (start, end, kind).

    ``published`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), when the caller
    knows when the text was published, resolves relative dates (الشهر
    الماضي, last year, "last November"); without it they are resolved
    against the latest date the text writes out, or left out."""

    view = View(text)
    norm = view.norm
    mask = bytearray(len(norm))
    # In one pass: where a name, a number word or a month name can start,
    # the digit runs (\d+) and where a block can start (_BLOCK_RE).
    starts, digit_starts, block_starts, name_ends = scan.table().find(norm)
    num_block, name_block = _blocks(view, block_starts)
    for s, e in num_block:
        mask[s:e] = b"\x01" * (e - s)

    out: list[Mention] = []
    # Offsets go back to the text through the view only where it dropped
    # characters (most texts: none); mentions are built positionally.
    span = view.span if view._at else None

    def add(kind: str, s: int, e: int, value=None, unit=None, qualifier=None, per=None,
            date=None, canonical=None, date_alt=None) -> None:
        if e <= s:
            return
        os_, oe = span(s, e) if span else (s, e)
        out.append(Mention(kind, os_, oe, text[os_:oe], value, unit, qualifier, per, date,
                           canonical, date_alt))

    pub = _published(published)
    date_hits = dates.extractor().extract(view, mask, digit_starts, pub, starts["months"])
    quants, years = numbers.extractor().extract(norm, mask, digit_starts, view, starts["numbers"])
    for s, e, y in years:
        date_hits.append(dates.DateHit(s, e, f"{y:04d}", year=y))
    dates.infer_years(date_hits, pub, norm)
    for h in date_hits:
        add("date", h.start, h.end, date=h.date, date_alt=h.date_alt)
    for q in quants:
        # A digit string past the largest float (about 1.8e308) has no value a
        # float can hold: null, its text kept, so the JSON stays valid.
        value = numbers.as_number(q.value) if math.isfinite(q.value) else None
        add("quantity", q.start, q.end, value=value, unit=q.unit,
            qualifier=q.qualifier, per=q.per)
    append = out.append
    hits = [h for h in entities.extractor().extract(view, name_block, starts["names"], name_ends)
            if h.end > h.start]
    # (sorted by start: the view's map is walked once for all of them)
    for h, (os_, oe) in zip(hits, view.spans([(h.start, h.end) for h in hits])):
        append(Mention(h.kind, os_, oe, text[os_:oe], None, None, None, None, None,
                       h.canonical, None))
    out.sort(key=_SORT_KEY)
    return out


_SORT_KEY = attrgetter("start", "end", "kind")


from . import dates, entities, numbers, scan  # noqa: E402 (they import this package's modules)
