"""Dates: Gregorian (Arabic Egyptian/Levantine, Persian and English month
names), Solar Hijri (Jalali, converted with jdatetime), numeric forms, ranges
and bare event years.

Why not dateparser: measured on this corpus it ran at 26 articles/s with an
F1 of 0.38 -- it guesses dates from any number next to a month-like word,
does not know Levantine months or Jalali text well, and cannot give spans, so
it would have been both the bottleneck and the main error source.

Strategy, for speed: find month names with one trie regex and look for a day
and a year just around each one; numeric dates and cue-marked years are two
more cheap digit-led regexes.  Everything is done on the normalised view.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

import jdatetime

from .lexicon import Lexicon, key, lexicon, trie_pattern

_B = r"(?<![^\W_])"          # left word boundary (underscore counts as a break)
_E = r"(?![^\W_])"


@dataclass
class DateHit:
    start: int                 # normalised offsets
    end: int
    date: str | None
    date_alt: str | None = None
    # for year inference of month-without-year mentions
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"
    needs_year: bool = False
    year: int | None = None    # Gregorian year stated explicitly (context for others)
    jyear: int | None = None   # Jalali year stated explicitly


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _greg(y: int, m: int, d: int | None) -> str | None:
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


def jalali_to_iso(jy: int, jm: int, jd: int) -> str | None:
    try:
        g = jdatetime.date(jy, jm, jd).togregorian()
    except (ValueError, OverflowError):
        return None
    return g.isoformat()


def jalali_month_span(jy: int, jm: int) -> tuple[str, str | None] | None:
    """The Gregorian months a Jalali month overlaps: (first, second or None)."""
    try:
        first = jdatetime.date(jy, jm, 1).togregorian()
        ndays = 31 if jm <= 6 else 30 if jm <= 11 else (30 if jdatetime.date(jy, 1, 1).isleap() else 29)
        last = jdatetime.date(jy, jm, ndays).togregorian()
    except (ValueError, OverflowError):
        return None
    a = f"{first.year:04d}-{first.month:02d}"
    b = f"{last.year:04d}-{last.month:02d}"
    return a, (b if b != a else None)


class DateExtractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        months = sorted(lex.months)
        mt = trie_pattern(months)
        self.month_re = re.compile(_B + r"(?:[وبل](?=[^\W\d_]))?(?P<m>" + mt + r")" + _E)
        self.month2_re = re.compile(r"\s*(?:/|\()\s*(?P<m>" + mt + r")" + _E + r"\s*\)?")
        self.ord_re = re.compile(
            _B + r"(?P<dw>" + trie_pattern(sorted(lex.ordinal_days)) + r")\s*(?:من\s+)?$")
        mods = trie_pattern(sorted(lex.cues.get("month_mod", ())))
        self.right_year_re = re.compile(
            r"(?P<mod>\s+(?:" + mods + r"))?\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنه|سال|of)\s+)?"
            r"(?P<y>\d{4})(?![\d.,]\d|\d)")
        self.right_en_re = re.compile(
            r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
            r"(?:\s*(?:-|–|and|to)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?"
            r"(?:\s*,?\s*(?P<y>\d{4})(?!\d))?" + _E)
        self.same_year_re = re.compile(
            r"\s+(?:" + trie_pattern(sorted(lex.cues.get("same_year", ()))) + r")" + _E)
        self.left_day_re = re.compile(
            r"(?:(?P<open>(?:ما\s+)?بين|between|from|من|از|بين)\s+)?"
            r"(?:(?<![\d.,/:])(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?P<c>و|and|to|الي|-|–|تا)\s*)?"
            r"(?<![\d.,/:])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:(?:من|of)\s+)?$")
        self.numeric_re = re.compile(
            r"(?<![\w./:\-])(?P<a>\d{1,4})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
            r"(?![\w/]|[.\-]\d)")
        self.year_re = re.compile(r"(?<![^\W_]|[\d.,/:])(?P<y>\d{4})(?![^\W_]|[.,،/:]\d|\d)")
        self.prev_word_re = re.compile(r"(?P<w>[^\s\d]+)\s*$")
        self.year_cues = lex.cues.get("year_cue", set())
        self.persian_re = re.compile(r"[پچژگ]|[\u06f0-\u06f9]")

    # ------------------------------------------------------------------
    def extract(self, view, mask: bytearray, digit_starts: list[int]) -> list[DateHit]:
        text, norm = view.text, view.norm
        hits: list[DateHit] = []
        persian = bool(self.persian_re.search(text))

        def free(s: int, e: int) -> bool:
            return not any(mask[s:e])

        def take(h: DateHit) -> None:
            hits.append(h)
            mask[h.start:h.end] = b"\x01" * (h.end - h.start)

        # 1. numeric dates: ۹۸/۰۸/۲۵, 1398/08/25, 25/11/2019, 2019-11-25
        for p in digit_starts:
            m = self.numeric_re.match(norm, p)
            if m is None or not free(m.start(), m.end()):
                continue
            a, b, c, sep = m.group("a"), int(m.group("b")), m.group("c"), m.group("sep")
            h = None
            if len(a) == 4:
                y, mo, d = int(a), b, int(c)
                h = self._ymd(y, mo, d)
            elif len(c) == 4:
                y, mo, d = int(c), b, int(a)
                h = self._ymd(y, mo, d)
            elif len(a) == 2 and len(c) <= 2 and sep == "/" and persian:
                yy = int(a)
                h = self._ymd(1300 + yy if yy >= 50 else 1400 + yy, b, int(c))
            if h:
                h.start, h.end = m.start(), m.end()
                take(h)

        # 2. month names with a day and/or a year around them
        for m in self.month_re.finditer(norm):
            if mask[m.start("m")]:
                continue
            self._month(view, norm, m, mask, take)

        # 3. years after an event cue: في عام 2013, in 2016, سال ۱۳۹۸
        for p in digit_starts:
            m = self.year_re.match(norm, p)
            if m is None:
                continue
            s, e = m.span("y")
            if mask[s]:
                continue
            y = int(m.group("y"))
            pw = self._prev_word(norm, s)
            if pw not in self.year_cues:
                continue
            if 1900 <= y <= 2100:
                if self._counts_something(norm, e):
                    continue
                take(DateHit(s, e, f"{y:04d}", year=y))
            elif 1300 <= y <= 1499 and pw in ("سال", "در", "از", "تا"):
                span = (y + 621, y + 622)
                take(DateHit(s, e, f"{span[0]:04d}", f"{span[1]:04d}", jyear=y,
                             calendar="jalali"))
        return hits

    def _prev_word(self, norm: str, s: int) -> str:
        pm = self.prev_word_re.search(norm[max(0, s - 25):s])
        if not pm:
            return ""
        w = pm.group("w").rstrip("-")
        if w not in self.year_cues and len(w) > 2 and w[0] in "وبلف":
            w = w[1:]
        return w

    def _counts_something(self, norm: str, e: int) -> bool:
        """A 'year' followed by a counted noun, a scale or % is a quantity."""
        from .numbers import extractor
        qx = extractor()
        if qx.percent_re.match(norm, e):
            return True
        u, _ = qx._unit_after(norm, e)
        if u is not None and u not in ("year", "month", "day", "week"):
            return True
        nm = qx.next_re.match(norm, e)
        if nm and nm.group("w"):
            nw = self.lex.number_words.get(key(nm.group("w")))
            if nw and nw.kind.startswith("scale"):
                return True
        return False

    def _ymd(self, y: int, mo: int, d: int) -> DateHit | None:
        if 1300 <= y <= 1499:
            iso = jalali_to_iso(y, mo, d) if 1 <= mo <= 12 else None
            return DateHit(0, 0, iso, jyear=y, calendar="jalali",
                           year=int(iso[:4]) if iso else None) if iso else None
        if 1900 <= y <= 2100:
            iso = _greg(y, mo, d) if 1 <= mo <= 12 else None
            return DateHit(0, 0, iso, year=y) if iso else None
        return None

    def _month(self, view, norm: str, m: re.Match, mask: bytearray, take) -> None:
        name = m.group("m")
        info = self.lex.months[key(name)]
        ms, me = m.start("m"), m.end("m")
        if info.lang == "en":
            if not view.text[view.span(ms, ms + 1)[0]].isupper():
                return            # "may", "march" as words; English months are capitalised
            if norm[me:me + 1] == ".":
                me_dot = me + 1
            else:
                me_dot = me
        else:
            me_dot = me
        m2 = self.month2_re.match(norm, me)
        if m2 and self.lex.months[key(m2.group("m"))].month == info.month:
            me = me_dot = m2.end("m")
            if norm[m2.end() - 1:m2.end()] == ")":
                me = me_dot = m2.end()
        day = day1 = None
        d_start = d1_start = d1_end = None
        year = None
        y_end = None
        same_year = False
        month_first = False
        # English: Month Day[, Year]
        if info.lang == "en":
            r = self.right_en_re.match(norm, me)
            if r:
                day = int(r.group("d"))
                if r.group("d2"):
                    month_first = True
                    day1, d1_start, d1_end = day, ms, r.end("d")
                    day = int(r.group("d2"))
                    d_start = r.start("d2")
                y_end = r.end("d2") if r.group("d2") else r.end("d")
                if r.group("y"):
                    year = int(r.group("y"))
                    y_end = r.end("y")
        if day is None:
            ctx_start = max(0, ms - 60)
            ctx = norm[ctx_start:ms]
            lm = self.left_day_re.search(ctx)
            if lm and not mask[ctx_start + lm.start("d")]:
                day = int(lm.group("d"))
                d_start = ctx_start + lm.start("d")
                if lm.group("d1") and (lm.group("c") not in ("و", "and") or lm.group("open")):
                    day1 = int(lm.group("d1"))
                    d1_start, d1_end = ctx_start + lm.start("d1"), ctx_start + lm.end("d1")
            else:
                om = self.ord_re.search(ctx)
                if om:
                    day = self.lex.ordinal_days[key(om.group("dw"))]
                    d_start = ctx_start + om.start("dw")
        if year is None:
            ry = self.right_year_re.match(norm, me_dot)
            if ry:
                year = int(ry.group("y"))
                y_end = ry.end("y")
            elif self.same_year_re.match(norm, me_dot):
                same_year = True
        if info.ambiguous and day is None and year is None and not same_year:
            return
        if day is not None and not 1 <= day <= 31:
            return
        start = d_start if d_start is not None else ms
        if info.lang == "en" and d_start is not None and d_start > ms:
            start = ms                       # "November 21"
        end = y_end if (y_end is not None and y_end > me) else me
        if info.lang == "en" and y_end is not None:
            end = max(end, y_end)
        if any(mask[start:end]):
            return
        cal = info.calendar
        hits = []
        for dd, s_, e_ in ([(day1, d1_start, d1_end)] if day1 is not None else []) + [(day, start, end)]:
            h = self._build(cal, year, info.month, dd, same_year)
            if h is None:
                return
            h.start, h.end = s_, e_
            hits.append(h)
        if day1 is not None and month_first and hits:
            # "November 21 and 24": first span "November 21", second "24[, 2019]"
            hits[0].start, hits[0].end = ms, d1_end
            hits[1].start = d_start
        for h in hits:
            take(h)

    def _build(self, cal: str, year: int | None, month: int, day: int | None,
               same_year: bool) -> DateHit | None:
        if cal == "jalali":
            if year is None:
                return DateHit(0, 0, None, month=month, day=day, calendar="jalali",
                               needs_year=True)
            if not 1200 <= year <= 1600:
                return None
            if day is not None:
                iso = jalali_to_iso(year, month, day)
                if iso is None:
                    return None
                return DateHit(0, 0, iso, jyear=year, calendar="jalali", year=int(iso[:4]))
            sp = jalali_month_span(year, month)
            if sp is None:
                return None
            return DateHit(0, 0, sp[0], sp[1], jyear=year, calendar="jalali")
        if year is None:
            return DateHit(0, 0, None, month=month, day=day, needs_year=True)
        if not 1800 <= year <= 2200:
            return None
        iso = _greg(year, month, day)
        if iso is None:
            return None
        return DateHit(0, 0, iso, year=year)


def infer_years(hits: list[DateHit]) -> None:
    """Give month/day mentions without a year the year the text gives them:
    nearest earlier explicit year, else nearest later one, else none."""
    greg = sorted((h.start, h.year) for h in hits if h.year is not None and not h.needs_year)
    jal = sorted((h.start, h.jyear) for h in hits if h.jyear is not None and not h.needs_year)
    for h in hits:
        if not h.needs_year:
            continue
        pool = jal if h.calendar == "jalali" else greg
        y = None
        for s, yy in pool:
            if s < h.start:
                y = yy
            else:
                if y is None:
                    y = yy
                break
        if y is None:
            h.date = None
            continue
        if h.calendar == "jalali":
            if h.day is not None:
                h.date = jalali_to_iso(y, h.month, h.day)
            else:
                sp = jalali_month_span(y, h.month)
                if sp:
                    h.date, h.date_alt = sp
        else:
            h.date = _greg(y, h.month, h.day)


@cache
def extractor() -> DateExtractor:
    """Built once, on first use: the tables are read from data files."""
    return DateExtractor(lexicon())
