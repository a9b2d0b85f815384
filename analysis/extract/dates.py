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
import math
import re
from dataclasses import dataclass
from datetime import date as _date, timedelta
from functools import cache

import jdatetime
from hijridate import Hijri

from ..text.language import PERSIAN_LETTERS
from .lexicon import Lexicon, key, lexicon, trie_pattern
from .scan import matches

_B = r"(?<![^\W_])"
_TAIL_WORD_RE = re.compile(r"[^\W_]*$")          # left word boundary (underscore counts as a break)
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
    same_year_cue: bool = False
    year_offset: int = 0       # 1: "of the following year" (من السنة الموالية)
    year: int | None = None    # Gregorian year stated explicitly (context for others)
    jyear: int | None = None   # Jalali year stated explicitly
    rel: str | None = None     # past | next | this: "last November", آبان گذشته
    since: bool = False        # a bare year after since/منذ/از: a starting point, not the event's time
    late: bool = False         # a bare year after late/أواخر: its end is the time told
    since_month: bool = False  # a month after since/منذ: a starting point, no anchor for a bare month
    range_next: bool = False   # between April and June 2020: the year of the month after it
    the_month: bool = False    # "the November action": a month the text has dated before


_THE_OF = frozenset({"the", "of", "من"})
# Arabic month names Persian writes too (۳۱ مارس)
_FA_ALSO = frozenset({"مارس"})

# nouns an ordinal word counts instead of days (the first week of, نیمه دوم)
_ORDINAL_OF = frozenset({"الاسبوع", "الاسابيع", "الشهر", "العام", "السنه", "الربع", "النصف",
                         "الثلث", "الايام", "الساعات", "هفته", "ماه", "نيمه", "سال", "week",
                         "weeks", "quarter", "half", "month"})


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


def hijri_to_iso(hy: int, hm: int, hd: int) -> str | None:
    """A Hijri date in the Gregorian calendar: by the Umm al-Qura calendar
    (hijridate, 1343-1500 AH), the official one in the Gulf and the one news
    pages print beside their Hijri dates; outside its years by the
    arithmetical (tabular) calendar, which may differ from it by a day or two,
    never by a month."""
    if not (1 <= hm <= 12 and 1 <= hd <= 30 and 1 <= hy <= 3000):
        return None
    if 1343 <= hy <= 1500:
        try:
            return Hijri(hy, hm, hd).to_gregorian().isoformat()
        except (ValueError, OverflowError):
            return None          # the 30th of a month of 29 days
    jdn = (hd + math.ceil(29.5 * (hm - 1)) + (hy - 1) * 354 + (3 + 11 * hy) // 30
           + 1948440 - 1)
    return _date.fromordinal(jdn - 1721425).isoformat()


def hijri_month_span(hy: int, hm: int) -> tuple[str, str | None] | None:
    first = hijri_to_iso(hy, hm, 1)
    nxt = hijri_to_iso(hy + (hm == 12), hm % 12 + 1, 1)
    if nxt is None and first is not None:      # the last month of the table's range
        nxt = (_date.fromisoformat(first) + timedelta(days=30)).isoformat()
    if first is None or nxt is None:
        return None
    last = (_date.fromisoformat(nxt) - timedelta(days=1)).isoformat()
    return first[:7], (last[:7] if last[:7] != first[:7] else None)


def hijri_year_for(gy: int, hm: int) -> int:
    """The Hijri year whose month ``hm`` begins in Gregorian year ``gy``
    (رمضان 2019), or the nearest."""
    guess = int((gy - 622) * 33 / 32)
    best = guess
    for hy in range(guess - 2, guess + 3):
        iso = hijri_to_iso(hy, hm, 1)
        if iso and int(iso[:4]) == gy:
            return hy
        if iso and abs(int(iso[:4]) - gy) < abs(int((hijri_to_iso(best, hm, 1) or "0")[:4]) - gy):
            best = hy
    return best


class DateExtractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        months = sorted(lex.months)
        mt = trie_pattern(months)
        self.month_re = re.compile(_B + r"(?:[وبل](?=[^\W\d_]))?(?P<m>" + mt + r")" + _E)
        # يوليو/تموز, يوليو (تموز), and with a space only: 16 يوليو تموز 2017 (the
        # second name is taken only when it is the same month)
        self.month2_re = re.compile(r"(?:\s*(?:/|\()\s*|\s+)(?P<m>" + mt + r")" + _E + r"\s*\)?")
        ords = trie_pattern(sorted(lex.ordinal_days))
        # الخامس من أكتوبر, the second of January, بين الخامس والسابع من أكتوبر
        self.ord_re = re.compile(
            r"(?:(?:(?:ما\s+)?بين|between|from|من|از|بین)\s+(?:the\s+)?)?"
            r"(?:" + _B + r"(?P<dw1>" + ords + r")\s*(?:و|and|to|الي|حتي|-|–|تا)\s*(?:the\s+)?|"
            + _B + r")(?P<dw>" + ords + r")\s*(?:(?:من|of)\s+)?$")
        mods = trie_pattern(sorted(lex.cues.get("month_mod", ())))
        # دی ماه ۱۳۹۹: ماه after a Persian month name is inside the expression
        self.right_year_re = re.compile(
            r"(?:\s+ماه)?(?P<mod>\s+(?:" + mods + r"))?\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنه|سال|of)\s+)?"
            r"(?P<y>\d{4})(?![\d.,]\d|\d)(?:\s*(?:" + trie_pattern(sorted(
                lex.cues.get("hijri_mark", ()))) + r")(?![^\W_]))?")
        self.rel_after_re = re.compile(
            r"(?:\s+ماه)?\s+(?P<r>" + trie_pattern(sorted(
                lex.cues.get("rel_past", set()) | lex.cues.get("rel_next", set())
                | lex.cues.get("rel_this", set()))) + r")" + _E)
        self.rel_before_re = re.compile(
            _B + r"(?P<r>last|past|previous|next|coming|this)\s+$")
        self.rel_kind = {}
        for role in ("past", "next", "this"):
            for w in lex.cues.get(f"rel_{role}", ()):
                self.rel_kind[w] = role
        self.since_cues = lex.cues.get("since", set())
        self.late_words = lex.cues.get("late_period", set())
        self.period_words = lex.cues.get("period_word", set())
        self.month_nouns = lex.cues.get("month_noun", set())
        self.month_preps = lex.cues.get("month_prep", set())
        rel_month = {"past": ["الشهر الماضي", "الشهر المنصرم", "ماه گذشته", "ماه پیش", "last month",
                              "the past month"],
                     "this": ["الشهر الجاري", "الشهر الحالي", "هذا الشهر", "این ماه", "ماه جاری",
                              "this month"],
                     "next": ["الشهر المقبل", "الشهر القادم", "ماه آینده", "next month"]}
        rel_year = {"past": ["العام الماضي", "السنة الماضية", "سال گذشته", "پارسال", "last year"],
                    "this": ["هذا العام", "العام الجاري", "العام الحالي", "امسال", "this year"],
                    "next": ["العام المقبل", "العام القادم", "سال آینده", "next year"]}
        self.relative = {}
        for unit, table in (("month", rel_month), ("year", rel_year)):
            for role, phrases in table.items():
                for ph in phrases:
                    self.relative[key(ph)] = (unit, role)
        self.relative_re = re.compile(_B + r"(?P<p>" + trie_pattern(sorted(self.relative)) + r")" + _E)
        self.right_en_re = re.compile(
            r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
            r"(?:\s*(?:-|–|and|to)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?"
            r"(?:\s*,?\s*(?P<y>\d{4})(?!\d))?" + _E)
        self.same_year_re = re.compile(
            r"\s+(?:" + trie_pattern(sorted(lex.cues.get("same_year", ()))) + r")" + _E)
        self.next_year_re = re.compile(
            r"\s+(?:" + trie_pattern(sorted(lex.cues.get("next_year", ()))) + r")" + _E)
        # between September and December 2014: the first month takes the
        # second one's year
        # (also with a day before the second month: من 1 محرم إلى 30 ربيع
        # الأول 1441, from 5 March to 2 April 2020)
        self.range_month_year_re = re.compile(
            r"\s*(?:and|to|through|until|-|–|و|تا|الي|حتي)\s*(?:\d{1,2}(?!\d)\s*)?(?P<m2>" + mt + r")" + _E
            + r"\.?\s*,?\s*(?P<y>\d{4})(?![\d.,]\d|\d)")
        # مهر و آبان, March and April: an ambiguous name paired with a month
        self.month_pair_re = re.compile(
            r"\s*(?:and|or|to|through|until|-|–|و|یا|تا|الي|حتي)\s*(?P<m2>" + mt + r")" + _E)
        self.bracket_jyear_re = re.compile(r"\s*\(\s*(?P<y>1[34]\d\d)\s*\)")
        # a weekday may stand before either day: بين الخميس 21 والأحد 24 تشرين الثاني
        wd = r"(?:(?:" + trie_pattern(sorted(lex.cues.get("weekday", ()))) + r"),?\s+)?"
        # Every match of left_day_re starts with the first letter of an opening
        # word (مبbfاodري), of a weekday or of "the", or with a digit: a
        # lookahead rejects any other place at once (it is searched for in the
        # 60 characters before a month name).
        first = sorted(set("مبbfاodري") | {w[0] for w in lex.cues.get("weekday", ())} | {"t"})
        self.left_day_re = re.compile(
            "(?=[" + "".join(map(re.escape, first)) + r"\d])"
            # (on 22 and 23 November, روزهای ۲۲ و ۲۳ نوامبر, يومي 22 و23: two days)
            # (between the 21st and the 24th of November)
            r"(?:(?P<open>(?:ما\s+)?بين|between|from|من|از|بين|on|days|روزهاي|يومي|ايام)\s+)?" + wd +
            r"(?:(?:the\s+)?(?<![\d.,/:])(?P<d1x>(?P<d1>\d{1,2})(?:st|nd|rd|th)?)\s*(?P<c>و|and|to|الي|-|–|تا)\s*"
            + wd + r"(?:the\s+)?)?"
            r"(?<![\d.,/:])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:(?:من|of)\s+)?$")
        self.numeric_re = re.compile(
            r"(?<![\w./:\-])(?P<a>\d{1,4})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
            r"(?![\w/]|[.\-]\d)")
        # 2019م, 1440هـ: the calendar letter glued to the year (tatweel is gone in the view)
        self.year_re = re.compile(r"(?<![^\W_]|[\d.,/:])(?P<y>\d{4})(?:م|ه)?(?![^\W_]|[.,،/:]\d|\d)")
        self.prev_word_re = re.compile(r"(?P<w>[^\s\d]+)\s*$")
        self.year_cues = lex.cues.get("year_cue", set())
        # the last word of each ordinal day, for a cheap test before ord_re runs
        # (None: some entry does not end with a word character, so always run it)
        ends = [_TAIL_WORD_RE.search(k).group() for k in lex.ordinal_days]
        self.ordinal_ends = tuple(sorted(set(ends))) if all(ends) else None
        self.persian_re = re.compile(f"[{PERSIAN_LETTERS}\u06f0-\u06f9]")   # one class: a fast scan

    def scan_entries(self):
        """(entry, prefixes, suffixes) of every month name, for the word table
        (analysis.extract.scan): month_re's optional و ب ل."""
        for name in sorted(self.lex.months):
            yield name, ("", "و", "ب", "ل"), ("",)

    # ------------------------------------------------------------------
    def extract(self, view, mask: bytearray, digit_starts: list[int],
                published: tuple[int, int | None] | None = None,
                month_starts: list[int] | None = None) -> list[DateHit]:
        text, norm = view.text, view.norm
        hits: list[DateHit] = []
        persian = None               # looked up only for a 2-digit-year numeric date

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
                if mo > 12 and 1 <= d <= 12:
                    mo, d = d, mo      # 03/21/2024: month first when the second part is no month
                h = self._ymd(y, mo, d)
            elif len(a) == 2 and len(c) <= 2 and sep == "/" and (
                    persian if persian is not None else
                    (persian := bool(self.persian_re.search(text)))):
                yy = int(a)
                h = self._ymd(1300 + yy if yy >= 50 else 1400 + yy, b, int(c))
            if h:
                h.start, h.end = m.start(), m.end()
                take(h)

        # 2. month names with a day and/or a year around them
        for m in (self.month_re.finditer(norm) if month_starts is None
                  else matches(self.month_re, month_starts, norm)):
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
            if pw not in self.year_cues and not (pw == "(" and 1300 <= y <= 1499):
                continue
            if 1900 <= y <= 2100:
                if self._counts_something(norm, s, e, pw):
                    continue
                take(DateHit(s, e, f"{y:04d}", year=y, since=self._since(norm, s, pw),
                             late=self._late(norm, s, pw)))
            elif 1300 <= y <= 1499 and (pw in ("سال", "در", "از", "تا") or pw == "("):
                span = (y + 621, y + 622)
                take(DateHit(s, e, f"{span[0]:04d}", f"{span[1]:04d}", jyear=y,
                             calendar="jalali"))
        # 4. relative months and years (الشهر الماضي, last year): only against
        # the date the text was published, when the caller knows it
        if published is not None:
            py, pm_ = published
            for m in self.relative_re.finditer(norm):
                s, e = m.span("p")
                if not free(s, e):
                    continue
                unit, role = self.relative[" ".join(m.group("p").split())]
                shift = {"past": -1, "this": 0, "next": 1}[role]
                if unit == "year":
                    y = py + shift
                    take(DateHit(s, e, f"{y:04d}", year=y))
                elif pm_ is not None:
                    k = py * 12 + pm_ - 1 + shift
                    take(DateHit(s, e, f"{k // 12:04d}-{k % 12 + 1:02d}", year=k // 12,
                                 month=k % 12 + 1))
        return hits

    def _prev_word(self, norm: str, s: int) -> str:
        # The run of non-space, non-digit characters before ``s`` (past
        # spaces) in the 25 characters before it, as ``prev_word_re.search``
        # finds it (``\s`` is str.isspace, ``\d`` str.isdecimal), without
        # trying the regex at every position.
        ctx = norm[max(0, s - 25):s].rstrip()
        if not ctx or ctx[-1].isdecimal():
            return ""
        w = ctx.rsplit(None, 1)[-1]
        if not w.isalpha():
            i = len(w)
            while i and not w[i - 1].isdecimal():
                i -= 1
            w = w[i:]
        if w.endswith("("):
            return "("
        w = w.rstrip("-")
        if w not in self.year_cues and len(w) > 2 and w[0] in "وبلف":
            w = w[1:]
        return w

    @staticmethod
    def _day_tails(ctx: str) -> list[str]:
        """Where a day before a month name may end (left_day_re, ord_re): the
        context less trailing space, and also less a final من/of (a word that
        ends so, الثامن, is kept whole too) and a digit's ordinal suffix. Both
        regexes end with a day, ``\\s*``, maybe من/of and space, then the end;
        testing these tails first skips the regexes where they cannot match."""
        t = ctx.rstrip()
        tails = [t]
        if t.endswith(("من", "of")):
            tails.append(t[:-2].rstrip())
        for u in list(tails):
            if u.endswith(("st", "nd", "rd", "th")) and u[-3:-2].isdigit():
                tails.append(u[:-2])
        return tails

    def _month_by_its_word(self, norm: str, s: int, lower: bool) -> bool:
        """An ambiguous month name after a month noun (في شهر مارس, در ماه مارس)
        or after a word of time (في مارس, in March, but not in march: the
        capital tells the month in English) is the month, and so is one after
        an Arabic or Persian word for a part of a period (از ابتدای حمل, تا
        پایان اوت, نهاية مايو)."""
        pw = self._prev_word(norm, s)
        return pw in self.month_nouns or (pw in self.month_preps and not lower) or (
            pw in self.period_words and not lower and pw.isalpha() and not pw.isascii())

    def _paired_month(self, norm: str, pos: int, info, any_name: bool = False) -> bool:
        """An ambiguous name joined to an unambiguous month of its calendar
        (در مهر و آبان, between March and April) is a month too; with
        ``any_name``, whether any month of its calendar follows so."""
        pm = self.month_pair_re.match(norm, pos)
        if not pm:
            return False
        m2 = self.lex.months.get(key(pm.group("m2")))
        return m2 is not None and (any_name or not m2.ambiguous) and m2.calendar == info.calendar

    def _after_since(self, norm: str, s: int) -> bool:
        """since January, منذ مطلع يناير, از ابتدای ژانویه: after a since word,
        maybe past a period word."""
        pw = self._prev_word(norm, s)
        if pw in self.since_cues:
            return True
        if pw in self.period_words or (len(pw) > 2 and pw[0] in "وف" and pw[1:] in self.period_words):
            before = norm[max(0, s - 40):s].rsplit(None, 2)
            return len(before) >= 2 and before[-2] in self.since_cues
        return False

    def _late(self, norm: str, s: int, pw: str) -> bool:
        """late 2018, أواخر 2018, the end of 2018: the year's last months."""
        if pw in ("of", "من"):
            before = [w for w in norm[max(0, s - 30):s].split() if w not in _THE_OF]
            pw = before[-1] if before else ""
        return pw in self.late_words or (len(pw) > 2 and pw[0] in "وف" and pw[1:] in self.late_words)

    def _since(self, norm: str, s: int, pw: str) -> bool:
        """A year after since/منذ/از is a starting point, also past a period
        word (منذ منتصف 2015, since mid-2015, از اواخر ۲۰۱۸)."""
        if pw in self.since_cues:
            return True
        if pw in ("of", "من"):
            # since the middle of 2015, منذ منتصف من: the period word before "of"
            before = [w for w in norm[max(0, s - 40):s].split() if w not in _THE_OF]
            if len(before) >= 2 and before[-1] in self.period_words:
                w = before[-2]
                return w in self.since_cues or (len(w) > 2 and w[0] in "وف" and w[1:] in self.since_cues)
        if pw in self.period_words:
            before = norm[max(0, s - 40):s].rsplit(None, 2)    # [..., since, period word]
            if len(before) >= 2:
                w = before[-2]
                return w in self.since_cues or (len(w) > 2 and w[0] in "وف" and w[1:] in self.since_cues)
        return False

    def _count_before_month(self, norm: str, e: int) -> bool:
        from .numbers import extractor
        return bool(extractor().count_before_month_re.match(norm, e))

    def _counts_something(self, norm: str, s: int, e: int, pw: str = "") -> bool:
        """A 'year' followed by a counted noun, a scale or %, or one a figure
        reaches (rose to 2037), is a quantity; after the word for year (در
        سال ۲۰۲۳ رسیده, in the year 2023) no figure reaches it."""
        from .numbers import extractor
        qx = extractor()
        if qx.percent_re.match(norm, e) or (pw not in qx.year_words and qx.reached(norm, s, e)):
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
        lower = False
        if info.lang == "en":
            # "may", "march" as words: a lower-case month needs a day or a year
            lower = not view.text[view.span(ms, ms + 1)[0]].isupper()
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
        next_year = False
        month_first = False
        part_of = False        # الأسبوع الأول من مايو: the month of a week
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
            tails = self._day_tails(ctx)
            lm = (self.left_day_re.search(ctx) if any(t[-1:].isdigit() for t in tails)
                  else None)
            if lm and not mask[ctx_start + lm.start("d")]:
                day = int(lm.group("d"))
                d_start = ctx_start + lm.start("d")
                if lm.group("d1") and (lm.group("c") not in ("و", "and") or lm.group("open")):
                    day1 = int(lm.group("d1"))
                    # (the 21st: the ordinal suffix is in the span, as it is for the second day)
                    d1_start, d1_end = ctx_start + lm.start("d1"), ctx_start + lm.end("d1x")
            else:
                om = (self.ord_re.search(ctx) if self.ordinal_ends is None
                      or any(t.endswith(self.ordinal_ends) for t in tails) else None)
                if om and self._prev_word(norm, ctx_start + om.start()) in _ORDINAL_OF:
                    om = None          # الأسبوع الأول من ديسمبر: the first week, not the first day
                    part_of = True
                if om:
                    dw1 = om.group("dw1")
                    both = key(f"{dw1} و{om.group('dw')}") if dw1 else None
                    if dw1 and both in self.lex.ordinal_days:
                        # الخامس والعشرين: one compound ordinal, not a range
                        day = self.lex.ordinal_days[both]
                        d_start = ctx_start + om.start("dw1")
                    else:
                        day = self.lex.ordinal_days[key(om.group("dw"))]
                        d_start = ctx_start + om.start("dw")
                        if dw1:
                            day1 = self.lex.ordinal_days[key(dw1)]
                            d1_start, d1_end = ctx_start + om.start("dw1"), ctx_start + om.end("dw1")
        rel = None
        if year is None:
            ry = self.right_year_re.match(norm, me_dot)
            if ry and self._count_before_month(norm, ry.end("y")):
                ry = None     # "in September, 1800 in October": 1800 is a count
            if ry:
                year = int(ry.group("y"))
                y_end = ry.end()
            elif self.same_year_re.match(norm, me_dot):
                same_year = True
                y_end = self.same_year_re.match(norm, me_dot).end()   # مارس من العام ذاته
            elif self.next_year_re.match(norm, me_dot):
                same_year = next_year = True     # نونبر من السنة الموالية: the year after
                y_end = self.next_year_re.match(norm, me_dot).end()
            elif (rr := self.range_month_year_re.match(norm, me_dot)) and (
                    self.lex.months[key(rr.group("m2"))].calendar == info.calendar):
                m2 = self.lex.months[key(rr.group("m2"))].month
                year = int(rr.group("y")) - (1 if m2 < info.month else 0)
            else:
                rm = self.rel_after_re.match(norm, me_dot)
                rb = self.rel_before_re.search(norm, max(0, ms - 12), ms)
                if rm:
                    rel = self.rel_kind.get(key(rm.group("r")))
                    y_end = rm.end()          # تشرين الثاني الماضي, آبان ماه گذشته
                elif rb and info.lang == "en":
                    rel = self.rel_kind.get(rb.group("r"))
        if info.calendar == "hijri" and year is None:
            return                            # رمضان, رجب, صفر: a Hijri month only with its year
        persian_month = False
        if info.ambiguous and info.lang == "ar" and year is None and (
                self.persian_re.search(norm, max(0, ms - 40), me + 40)):
            if key(name) not in _FA_ALSO:
                return    # ۳۱ جوان (31 young men): an Arabic month name Persian does not write
            # در مارس in a Persian line: Persian has no other word spelt so (the
            # Arabic verb مارس, "practised", is no Persian), so it is the month
            persian_month = True
        range_next = (year is None and not same_year and rel is None
                      and self._paired_month(norm, me_dot, info, any_name=True))
        if (info.ambiguous or lower) and day is None and year is None and not same_year \
                and not (rel and not lower) and not part_of and not persian_month \
                and not (lower and not info.ambiguous) \
                and not self._month_by_its_word(norm, m.start(), lower) \
                and not (not lower and self._paired_month(norm, me_dot, info)):
            # مارس, may, دی alone: a word; a lower-case English name that is no
            # other word (december) is the month
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
        if cal == "jalali" and year is None:
            # ۲۵ آبان ۱۳۹۸ written as (۱۳۹۸) in brackets after the month
            bm = self.bracket_jyear_re.match(norm, me_dot)
            if bm:
                year, end = int(bm.group("y")), bm.end()
        hits = []
        for dd, s_, e_ in ([(day1, d1_start, d1_end)] if day1 is not None else []) + [(day, start, end)]:
            h = self._build(cal, year, info.month, dd, same_year)
            if h is None:
                return
            h.year_offset = int(next_year)
            h.start, h.end = s_, e_
            h.rel = rel
            hits.append(h)
        if day1 is not None and month_first and hits:
            # "November 21 and 24": first span "November 21", second "24[, 2019]"
            hits[0].start, hits[0].end = ms, d1_end
            hits[1].start = d_start
        if self._after_since(norm, hits[0].start):
            hits[0].since_month = True    # منذ ربيع الآخر 1439, از ابتدای ژانویه: a starting point
        if range_next:
            hits[-1].range_next = True
        if (info.lang == "en" and day is None and year is None and rel is None
                and norm[max(0, ms - 4):ms] == "the "):
            hits[-1].the_month = True     # the November action
        for h in hits:
            take(h)

    def _build(self, cal: str, year: int | None, month: int, day: int | None,
               same_year: bool) -> DateHit | None:
        if cal == "hijri":
            if year is None:
                return None
            if year >= 1800:                  # رمضان 2019: a Gregorian year
                year = hijri_year_for(year, month)
            if not 1300 <= year <= 1600:
                return None
            if day is not None:
                iso = hijri_to_iso(year, month, day)
                return DateHit(0, 0, iso, year=int(iso[:4])) if iso else None
            sp = hijri_month_span(year, month)
            if sp is None:
                return None
            return DateHit(0, 0, sp[0], sp[1], year=int(sp[0][:4]))
        if cal == "jalali":
            if year is None:
                return DateHit(0, 0, None, month=month, day=day, calendar="jalali",
                               needs_year=True, same_year_cue=same_year)
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
            return DateHit(0, 0, None, month=month, day=day, needs_year=True,
                           same_year_cue=same_year)
        if not 1800 <= year <= 2200:
            return None
        iso = _greg(year, month, day)
        if iso is None:
            return None
        return DateHit(0, 0, iso, year=year)


def _ym(h: DateHit) -> tuple[int, int | None] | None:
    """(Gregorian year, month or None) of a resolved hit."""
    if not h.date:
        return None
    parts = h.date.split("-")
    return int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)


def _closest_year(month: int, anchor: tuple[int, int]) -> int:
    """The year that puts ``month`` nearest the anchor month: the second of
    January after late December 2016 is in 2017; December after January 2020
    is in 2019."""
    ay, am = anchor
    return min((ay - 1, ay, ay + 1), key=lambda y: (abs(y * 12 + month - (ay * 12 + am)), y != ay))


def _resolve_jalali(h: DateHit, jy: int) -> None:
    if h.day is not None:
        h.date = jalali_to_iso(jy, h.month, h.day)
    else:
        sp = jalali_month_span(jy, h.month)
        if sp:
            h.date, h.date_alt = sp


def _dateline(hits: list[DateHit], norm: str, undated: bool = False
              ) -> tuple[int, int | None] | None:
    """The date a text gives for itself: a full date in its dateline (the
    first line, right after the place or outlet and before a dash or the line's
    end: "MADRID, 14 October 2020 —", "بيروت - 9 كانون الثاني 2020") or on a
    closing publication line ("Published in Dawn, November 17th, 2019")."""
    first = hits[0] if hits else None
    if undated:
        # the same place, a month and day with no year (the caller resolves
        # it), on a line of its own near the top, maybe under a headline
        a = norm.rfind("\n", 0, first.start) + 1 if first is not None else 0
        if (first is not None and first.needs_year and first.day is not None
                and first.calendar == "gregorian" and first.start <= 300
                and first.start - a <= 60 and ". " not in norm[a:first.start]
                and _DATELINE_END_RE.match(norm, first.end)):
            return 0, first.month
        return None
    if (first is not None and first.date and len(first.date) == 10 and not first.needs_year
            and first.start <= 60 and "\n" not in norm[:first.start]
            and ". " not in norm[:first.start]):
        rest = _DATELINE_END_RE.match(norm, first.end)
        if rest:
            return int(first.date[:4]), int(first.date[5:7])
    last = hits[-1] if hits else None
    if last is not None and last.date and len(last.date) == 10 and not last.needs_year:
        a = norm.rfind("\n", 0, last.start) + 1
        line = norm[a:last.start].lstrip()
        if line.startswith(_PUBLISHED_WORDS) and not norm[last.end:].strip(" .\n"):
            return int(last.date[:4]), int(last.date[5:7])
    return None


# after a dateline's date: maybe the agency in brackets, then a dash or the line's end
# (or its bare name: "SYDNEY, Oct 21 AAP -")
# (a dash before a digit joins a range: "Nov. 21-24, 2019 operation" is no dateline)
_DATELINE_END_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*|[a-z]{2,5}[ \t]+)?(?:[-–—](?!\d)|:|\n|$)")
# a closing line that tells when the text was published
_PUBLISHED_WORDS = ("published", "posted", "updated", "last updated", "first published",
                    "نشر", "تاريخ النشر", "منتشر شده", "تاريخ انتشار")


def infer_years(hits: list[DateHit], published: tuple[int, int | None] | None = None,
                norm: str | None = None) -> None:
    """Give month/day mentions without a year the year the text gives them.

    In text order: "of the same year" takes the year of the date just before
    it; "last/next November" (الماضي, گذشته) is the one before/after the
    reference date (the publication date when known -- from the caller or
    the text's own dateline -- else the latest date the text writes out,
    which the text was written on or after: then "last February" after
    January 2020 is February 2020, the nearer one); "since January" is the
    latest January up to the publication date, when it is known; any other
    month takes the year that puts it nearest the date the text is telling
    in its paragraph (given ``norm``): the nearest month-dated mention before
    it, or a closer bare year that is not a starting point "since 2018". With
    nothing before it in its paragraph: the reference date once the text has
    reached it (an earlier paragraph's "the June 2017 attacks" is background,
    not the time of the story), else a month-dated mention later in its
    paragraph (۲۷ فروردین ... ۹۹/۰۲/۱۶), else the nearest date before it,
    else the nearest written year after it. With nothing to go on, no
    date."""
    hits.sort(key=lambda h: h.start)
    undated_line = False
    if published is None and norm is not None and hits:
        published = _dateline(hits, norm)
        # "SYDNEY, Oct 21 AAP -": a dateline with no year is the publication
        # date once the text gives its year
        undated_line = published is None and _dateline(hits, norm, undated=True) is not None
    explicit = [_ym(h) for h in hits if not h.needs_year and _ym(h)]
    ref = published
    ref_start = 0
    if ref is None and explicit:
        ref = max(explicit, key=lambda t: (t[0], t[1] or 0))
        ref_start = next(h.start for h in hits if not h.needs_year and _ym(h) == ref)
    # the reference is a day (the day the text reports on, or its publication
    # date): "last <month>" is strictly before it
    ref_day = published is not None or any(
        len(h.date) == 10 and _ym(h) == ref for h in hits if h.date and not h.needs_year)
    for i, h in enumerate(hits):
        if not h.needs_year:
            continue
        prev = [hits[j] for j in range(i - 1, -1, -1) if _ym(hits[j])]
        y = None
        gm = h.month if h.calendar != "jalali" else _jalali_gmonth(h.month)
        # (with no publication date, the latest day the text writes out: it
        # was written on or after it, so "since January" is no later January)
        since = (h.since_month and h.rel is None and not h.same_year_cue
                 and ((published is not None and published[1] is not None)
                      or (published is None and ref_day and ref is not None and ref[1] is not None)))
        if (h.rel or since) and ref is not None:
            ry, rm = ref
            rm = rm or 12
            if h.calendar == "jalali":
                # the Jalali month's first Gregorian month stands for it
                g = jalali_month_span(ry - 621, h.month)
                gm = int(g[0][5:]) if g else h.month
            else:
                gm = h.month
            if since:
                y = ry if gm <= rm else ry - 1
            elif h.rel == "past" and not ref_day:
                # written some time after the month it last dates (كانون
                # الثاني 2020 ... 12 شباط الماضي): the nearer one, not later
                y = min(_closest_year(gm, (ry, rm)), ry)
            else:
                y = {"past": ry if gm < rm else ry - 1, "next": ry if gm > rm else ry + 1,
                     "this": ry}[h.rel]
            if h.calendar == "jalali":
                y = y - 621 if gm >= 3 else y - 622
        elif h.rel is None:
            # "the same year" is the year of the date before it, passing over a
            # starting point (منذ منتصف 2015) when a dated event comes before that
            same = (next((p for p in prev if not p.since), next(iter(prev), None))
                    if h.same_year_cue else None)
            if same is not None:
                y = _ym(same)[0] + h.year_offset
                if h.calendar == "jalali":
                    # خرداد همان سال: the Jalali year of the date before it
                    y = same.jyear if same.jyear else _jalali_year(y, h.month)
            elif i == 0 and undated_line and ref is not None:
                # "KUALA LUMPUR, Nov 26 (Bernama) --": the day the text was
                # published, on or after every date it writes out: the first
                # such month from the latest one (or in the latest year written,
                # "so far in 2020"), not the nearest earlier date's year
                y = ref[0] if ref[1] is None or gm >= ref[1] else ref[0] + 1
                if h.calendar == "jalali":
                    y = _jalali_year(y, h.month)
            else:
                y = _anchor_year(hits, i, h, prev, gm, ref, ref_start, published, norm)
                if y is not None and h.calendar == "jalali":
                    y = _jalali_year(y, h.month)
        if y is None:
            h.date = None
            continue
        if h.calendar == "jalali":
            _resolve_jalali(h, y)
        else:
            h.date = _greg(y, h.month, h.day)
        if i == 0 and undated_line and h.date and len(h.date) == 10:
            published = ref = (int(h.date[:4]), int(h.date[5:7]))
            ref_start, ref_day = 0, True
    # between April and June 2020, between June and December last year: the
    # first month is in the second one's year (or the year before it)
    for i, h in enumerate(hits[:-1]):
        nxt = hits[i + 1]
        if h.range_next and h.needs_year and h.calendar == "gregorian" and nxt.date \
                and nxt.calendar == "gregorian" and len(nxt.date) >= 7 and "/" not in nxt.date:
            ny, nm = int(nxt.date[:4]), int(nxt.date[5:7])
            h.date = _greg(ny - (1 if h.month > nm else 0), h.month, h.day)


def _anchor_year(hits: list[DateHit], i: int, h: DateHit, prev: list[DateHit], gm: int,
                 ref, ref_start: int, published, norm: str | None) -> int | None:
    """The Gregorian year of a month without one, from the dates around it
    (``infer_years``)."""
    # the dated event told, passing over a starting point (منذ ربيع الآخر
    # 1439) when one comes before it; a month after since with no year of
    # its own (since January) is no anchor
    if h.the_month:
        # "the November action": the November the text has already dated
        same = next((p for p in prev if _ym(p)[1] == h.month and p.calendar == "gregorian"), None)
        if same is not None:
            return _ym(same)[0]
    # (a month-dated aside, ", which began ... in October 2017,", or a
    # flashback, "earlier, in December 2017", told beside a publication day,
    # is background too)
    latest = next((p for p in prev if _ym(p)[1] is not None
                   and not _background(norm, p, published)), None)
    dated = next((p for p in prev if _ym(p)[1] is not None and not p.since_month
                  and not _background(norm, p, published)), None)
    if dated is None and latest is not None and not latest.needs_year:
        dated = latest
    # (a year in an aside, ", which split from Boko Haram in 2016,", is
    # background, not the time told)
    bare = next((p for p in prev if _ym(p)[1] is None and not p.since
                 and not (norm is not None and _aside(norm, p))), None)

    def here(p: DateHit) -> bool:         # in h's paragraph
        return norm is None or "\n" not in norm[p.end:h.start]

    if bare is not None and (latest is None or hits.index(bare) > hits.index(latest)) \
            and here(bare):
        # late 2018 ... in January: the month nearest the year's end
        return _closest_year(gm, (_ym(bare)[0], 12)) if bare.late else _ym(bare)[0]
    if dated is not None and here(dated):
        if published is not None and norm is not None and dated is hits[0] \
                and _ym(dated) == published:
            # in the dateline's own paragraph: told against the publication day
            return _year_told(gm, published, _future(norm, h.start), h)
        return _closest_year(gm, _ym(dated))
    if (ref is not None and ref[1] is not None and (dated is not None or bare is not None
                                                    or published is not None)
            and (published is not None or ref_start < h.start)):
        # nothing dated before it in its paragraph: the reference date, once
        # the text has reached it (a latest date the text has not reached yet
        # is no reference: "still online in January" after December 2014, a
        # paragraph before "On Feb. 5, 2016")
        if published is not None and norm is not None and ref == published:
            # told against the day it was published: a month already past,
            # unless the sentence speaks of what will be (will reappear on
            # December 2)
            return _year_told(gm, ref, _future(norm, h.start), h)
        return _closest_year(gm, ref)
    if norm is not None:
        # else a month-dated mention later in its paragraph (۲۷ فروردین ...
        # حکم در تاریخ ۹۹/۰۲/۱۶), before any in an earlier paragraph
        para_end = norm.find("\n", h.end)
        para_end = len(norm) if para_end < 0 else para_end
        for p in hits[i + 1:]:
            if p.start >= para_end:
                break
            ym = _ym(p) if not p.needs_year else None
            if ym and ym[1] is not None:
                return _closest_year(gm, ym)
    if bare is not None and (latest is None or hits.index(bare) > hits.index(latest)):
        return _closest_year(gm, (_ym(bare)[0], 12)) if bare.late else _ym(bare)[0]
    if dated is not None:
        return _closest_year(gm, _ym(dated))
    later = next((p for p in hits[i + 1:] if not p.needs_year and _ym(p)), None)
    return _ym(later)[0] if later is not None else None


def _year_told(month: int, ref: tuple[int, int], future: bool, h: DateHit | None = None) -> int:
    """The year of a month a text published in ``ref`` tells of: the last
    such month up to it (in March, told in October 2020: March 2020), or with
    ``future`` the next one from it. A Jalali month (``h``) has come once
    the Gregorian month it begins in has (۹ قوس, Azar, told in late
    November: this Azar, though it falls mostly in December); its year is
    given, as for ``month``, in the Gregorian month it mostly falls in."""
    ry, rm = ref
    shift = 0
    if h is not None and h.calendar == "jalali":
        month = (h.month + 1) % 12 + 1         # Farvardin begins in March
        shift = int(h.month == 10)             # Dey begins in December, is mostly January
    if future:
        return (ry if month >= rm else ry + 1) + shift
    return (ry if month <= rm else ry - 1) + shift


# words of what will be, in the sentence before a month
# (a deadline is ahead too: must, باید, يجب)
_FUTURE_RE = re.compile(r"(?<![^\W_])(?:will|shall|must|سوف|سيتم|المقرر|يجب|خواهد|خواهند|باید|بايد"
                        r"|قرار است)(?![^\W_])")
_CLAUSE_START_RE = re.compile(r"[.!?؟\n]\s")


def _future(norm: str, s: int) -> bool:
    a = max(0, s - 120)
    seg = norm[a:s]
    ends = [m.end() for m in _CLAUSE_START_RE.finditer(seg)]
    return bool(_FUTURE_RE.search(seg, ends[-1] if ends else 0))


_ASIDE_OPEN = ("which", "who", "الذي", "التي", "که")


def _background(norm: str | None, h: DateHit, published) -> bool:
    """A month-dated mention that does not tell when the story is: inside a
    comma-bound which/who clause (``_aside``), or, in a text whose
    publication day is known, a flashback (پیش‌تر در دسامبر ۲۰۱۷, earlier in
    December 2017): a month after it is told against the publication day."""
    if norm is None or h.needs_year:
        return False
    if _aside(norm, h):
        return True
    if published is None:
        return False
    words = norm[max(0, h.start - 30):h.start].split()[-3:]
    return any(w in _FLASHBACK for w in words)


# words that step back from the time of the story (as the view spells them)
_FLASHBACK = frozenset({"earlier", "previously", "پيشتر", "قبلا", "سابقا"})


def _aside(norm: str, h: DateHit) -> bool:
    """A year inside a comma-bound relative clause (", which split from Boko
    Haram in 2016, is ..."): the clause opens with which/who/الذي/التي/که
    after a comma and closes with a comma right after the year."""
    if norm[h.end:h.end + 1] not in (",", "،"):
        return False
    a = max(0, h.start - 80)
    seg = norm[a:h.start]
    c = max(seg.rfind(","), seg.rfind("،"))
    if c < 0 or "." in seg[c:]:
        return False
    words = seg[c + 1:].split()
    return bool(words) and words[0] in _ASIDE_OPEN


def _jalali_gmonth(jm: int) -> int:
    """The Gregorian month a Jalali month mostly falls in (فروردین ~ April)."""
    return (jm + 2) % 12 + 1


def _jalali_year(gy: int, jm: int) -> int:
    """The Jalali year of Jalali month ``jm`` when the Gregorian month it
    mostly falls in (``_jalali_gmonth``) is in Gregorian year ``gy``: Farvardin
    to Azar are in the Jalali year that began in March of ``gy``, Dey to
    Esfand in the one that began the March before."""
    return gy - 621 if _jalali_gmonth(jm) >= 3 and jm <= 9 else gy - 622


@cache
def extractor() -> DateExtractor:
    """Built once, on first use: the tables are read from data files."""
    return DateExtractor(lexicon())
