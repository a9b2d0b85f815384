"""Quantities: numerals in digits or words, with scale, unit, qualifier and rate.

Works on the normalised view (ASCII digits, unified letters).  Instead of
tokenising every word, one combined regex finds *anchors* (a digit run, a
number word, or a dual noun such as يومين) and everything else is decided
locally around each anchor with small precompiled regexes: that keeps the cost
proportional to the number of numerals, not to the length of the text.

Span rule (fixed by the gold data): numeral + scale words only, without the
qualifier and without the counted noun; a percentage keeps its sign or word.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache

from ..text.language import PERSIAN_LETTERS
from .lexicon import Lexicon, key, lexicon, trie_pattern
from .scan import matches, spellings

# Thousands groups with , or ، or the European dot; decimals with a dot (the
# Arabic decimal separator ٫ is already a dot in the view).  A bare ، after a
# number followed by a space is the Arabic comma and never matches here.
DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
          r"|\d{1,3}(?:،\d{3})+(?:\.\d+)?"
          r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
          # 40 000, 1 200 000: groups of three after a space (in the view a
          # no-break, narrow no-break or thin space is a space too)
          r"|[1-9]\d{0,2}(?: \d{3})+(?![\d.,،]\d|\d)"
          r"|\d+(?:\.\d+)?"
          # ۱/۵ میلیون: Iranian press writes the decimal mark as a slash before a
          # scale word (a date has two slashes and no scale word); tried last,
          # only where the plain number stops at the slash
          r"|\d{1,3}/\d(?=\s(?:ميليون|ميليارد|هزار)(?![^\W_]))")
# $4.2m, 10k, €3bn: a multiplier glued to the digits (m and b only after a
# currency sign, where they cannot be metres or bytes)
SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_SUFFIX_RE = r"(?P<sfx>bn|mn|m|k|b)(?![^\W_])"
# A number may not continue a word, a decimal, a path, a time or a handle.
_LEFT = r"(?<![^\W_]|[.,/:@#+\-\d_])"
# (a number before a slash and a space, "1/ Telegram's channel", numbers a
# post in a thread)
_DIGIT_END = r"(?![^\W_]|[.,،]\d|/(?:\d|\s|$)|:\d|_)"

WORD_CHARS = r"[^\W\d_]+"
# Persian glues نفره ("-person") to a number word, the ZWNJ gone in the view:
# تیمی ده‌نفره (a ten-person team); the number word ends there
GLUED_UNITS = ("نفره",)
_WORD_END = r"(?:(?![^\W_])|(?=(?:" + "|".join(GLUED_UNITS) + r")(?![^\W_])))"
_WORD_PRE = r"[وفبلك]|[وفب]?ال"    # proclitics glued to a number word
# a word that joins clauses: a rate or qualifier past it belongs to the next one
_NOT_A_JOIN = r"(?!(?:و|ف|ثم|او|أو|لكن|که|ولی|and|or|but|while)(?![^\W_]))"


@dataclass
class Atom:
    value: float
    kind: str           # num | hundred | scale | scale_plural | scale_or_dual | dual | half | digit
    ambiguous: bool
    start: int
    end: int
    is_word: bool
    lang: str = ""


@dataclass
class Phrase:
    value: float
    start: int
    end: int
    atoms: list = field(default_factory=list)
    trailing_scale: float = 1.0   # last scale word (for range bound sharing)
    has_scale: bool = False


@dataclass
class Quantity:
    start: int          # normalised-view offsets
    end: int
    value: float
    unit: str | None = None
    qualifier: str = "exact"
    per: str | None = None
    noun_end: int = 0   # end of its counted noun (or of the number)
    glued_scale: bool = False   # 500m, $4bn: a multiplier glued to the digits


def _num(v: float) -> int | float:
    """int when whole (1.5e9 -> 1500000000)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, float):
        return round(v, 6)
    return v


def _digit_anchors(qx, norm, digit_starts):
    """``QuantityExtractor.anchors``' matches of its digit regex at the digit
    runs that can start a number (a module function: numbers.pxd types it
    when compiled)."""
    found = []
    match = qx.digit_re.match
    for p in digit_starts:
        if p:
            c = norm[p - 1]
            if c in ".,/:@#+-_" or c.isdigit():
                continue
            if (c in qx.sign_ends and norm.endswith(qx.glued_signs, max(0, p - qx.sign_len), p)
                    and qx._glued_sign_at(norm, p)):
                pass        # Rs300,000, RM18,000, Sh1.2 million
            elif c.isalnum():
                # only a proclitic و/ف/ب/ل/ك standing at a word start
                if c not in "وفبلك" or (p > 1 and (norm[p - 2].isalnum() or norm[p - 2] == "_")):
                    continue
        m = match(norm, p)
        if m:
            found.append(m)
    return found


class QuantityExtractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        words = sorted(w for w, nw in lex.number_words.items() if nw.kind != "half")
        self.word_re = trie_pattern(words)
        dual_re = trie_pattern(sorted(lex.dual_units))
        self.anchor_re = re.compile(
            _LEFT + r"(?P<pre>[وفبلك])?"
            r"(?:(?P<d>" + DIGITS + r")(?:(?P<s>s(?![^\W_]))|" + _SUFFIX_RE + r")?" + _DIGIT_END
            + r"|(?P<w>" + self.word_re + r")" + _WORD_END
            + r"|(?P<dual>" + dual_re + r")(?![^\W_]))")
        # The same split in two for scanning a whole text fast: digits are
        # found from the digit runs the caller already has (a \d-led regex is
        # cheap; a lookbehind-led alternation is not), words by one trie pass.
        self.digit_re = re.compile(
            r"(?P<d>" + DIGITS + r")(?:(?P<s>s(?![^\W_]))|" + _SUFFIX_RE + r")?" + _DIGIT_END
            + r"(?P<pre>(?!))?(?P<w>(?!))?(?P<dual>(?!))?")
        word_pre = _WORD_PRE
        self.word_anchor_re = re.compile(
            _LEFT + r"(?P<pre>" + word_pre + r")??"
            r"(?:(?P<w>" + self.word_re + r")" + _WORD_END
            + r"|(?P<dual>" + dual_re + r")(?![^\W_]))(?P<d>(?!))?(?P<s>(?!))?(?P<sfx>(?!))?")
        # An atom that continues a numeral phrase, with its connector.
        self.next_re = re.compile(
            r"(?P<c>\s*,?\s*(?:و|and(?=\s))\s*|\s*,\s*|\s+|-)"
            r"(?:(?P<d>" + DIGITS + r")" + _DIGIT_END
            + r"|(?P<w>" + self.word_re + r")(?![^\W_]))")
        self.half_re = re.compile(r"\s*(?:و|and)\s*(?:a\s+)?(?:نصف|نيم|half)(?![^\W_])")
        self.percent_re = re.compile(
            r"\s*(?:" + trie_pattern(sorted(lex.percent_words)) + r")(?![^\W_])")
        # a word, or a hyphenated compound (pro-IS, Arabic-language,
        # co-defendants); a possessive 's is kept apart (the group's channels)
        self.word_after_re = re.compile(
            r"[ \t]*(?:\(|\"|«)?[ \t]*(" + WORD_CHARS + r"(?:-" + WORD_CHARS + r")*)(?P<pos>'s)?")
        self.qual_before_re = re.compile(
            r"(?:^|(?<![^\W_]))[وفب]?(?P<q>" + trie_pattern(sorted(lex.qual_before))
            + r")\s*(?:\$|us\$)?\s*$")
        self.qual_after_re = re.compile(
            r"(?:\s*,?\s*|-)(?P<q>" + trie_pattern(sorted(lex.qual_after)) + r")(?![^\W_])")
        self.per_after_re = re.compile(
            r"\s*,?\s*(?P<p>" + trie_pattern(sorted(lex.per_after)) + r")(?![^\W_])")
        # an average and its rate word: المعدل اليومي, میانگین روزانه, daily average
        self.average_rate_re = re.compile(
            r"(?<![^\W_])(?:ال|ب)?(?:معدل|متوسط|ميانگين|average)\s+(?:ال)?(?P<p>" + trie_pattern(sorted(
                lex.per_after)) + r")(?![^\W_])|(?<![^\W_])(?P<p2>daily|weekly|monthly|annual)\s+average")
        self.per_any_re = re.compile(
            r"(?<![^\W_])(?P<p>" + trie_pattern(sorted(lex.per_after)) + r")(?![^\W_])")
        self.per_before_re = re.compile(
            r"(?:^|(?<![^\W_]))(?P<p>" + trie_pattern(sorted(lex.per_before)) + r")\s*$")
        self.prev_word_re = re.compile(r"(?P<w>[^\s\d]+)\s*$")
        # (a currency sign may stand before the first bound: between $100 and $150)
        self.range_open_re = re.compile(
            r"(?:^|(?<![^\W_]))(?:ما\s+)?(?:بين|between)\s*[$€£]?$")
        self.range_join_re = re.compile(
            r"\s*(?P<c>و|and(?=\s)|الي|to(?=\s)|تا(?=\s)|حتي(?=\s)|-|–)\s*")
        self.qual_far_re = re.compile(
            r"(?:^|(?<![^\W_]))[وف]?(?P<q>" + trie_pattern(sorted(lex.qual_far))
            + r")(?![^\W_])(?P<gap>[^\d.,،؛;:!?()\n]*)$")
        self.qual_after_far_re = re.compile(
            r"(?:\s+" + _NOT_A_JOIN + r"[^\W\d_]+){1,2}?\s*,?\s*(?P<q>" + trie_pattern(sorted(lex.qual_after))
            + r")(?![^\W_])")
        self.per_after_far_re = re.compile(
            r"(?:\s+" + _NOT_A_JOIN + r"[^\W\d_]+){1,3}?\s*,?\s*(?P<p>" + trie_pattern(sorted(lex.per_after))
            + r")(?![^\W_])")
        # An Arabic negation governs the qualifier through its verb, subject
        # and preposition (لم تحتج وكالة «أعماق» إلى أكثر من 24, لا يستغرق أكثر
        # من أسبوعين), but not past a joining word or لا سيما ("especially").
        neg_ar = sorted(w for w in lex.cues.get("negation", ()) if not w.isascii())
        neg_en = sorted(w for w in lex.cues.get("negation", ()) if w.isascii())
        self.neg_re = re.compile(
            r"(?:^|(?<![^\W_]))[وف]?(?:(?:" + _alternation(neg_ar) + r")\s+(?!سيما)"
            r"(?:" + _NOT_A_JOIN + r"(?!بل\s|سوي\s|الا\s)[^\s\d.,،؛;:!?]+\s+){0,5}"
            r"|(?:" + _alternation(neg_en) + r")\s+)[وف]?$")
        self.anaphor_re = re.compile(r"\s*(?:" + trie_pattern(sorted(
            lex.cues.get("anaphor", ()))) + r")(?![^\W_])")
        self.anaphor_before = lex.cues.get("anaphor_before", set())
        self.hyphen_word_re = re.compile(r"-(" + WORD_CHARS + r")")
        self.word_re_any = re.compile(WORD_CHARS)
        self.number_of_re = re.compile(
            r"(?:^|(?<![^\W_]))(?:" + trie_pattern(sorted(lex.cues.get("number_of", ())))
            + r")\s+(?P<w>" + WORD_CHARS + r")")
        self.fraction_re = re.compile(r"[\s-](?:quarters?|thirds?|fifths?|halves)(?![^\W_])")
        # Rs1.2 million: a currency abbreviation glued to the digits like a sign
        self.glued_signs = tuple(sorted(lex.cues.get("currency_sign", ()), key=len, reverse=True))
        # (the last character of each, for a cheap test at a digit glued to a letter)
        self.sign_ends = frozenset(x[-1] for x in self.glued_signs)
        self.sign_len = max(map(len, self.glued_signs), default=0)
        self.sign_words = frozenset(x for x in self.glued_signs if x.isalpha())
        # a capitalised word before a number that is no name (Friday 12, March 5)
        self.not_names = lex.cues.get("weekday", set()) | set(lex.months)
        symbols = sorted({k for k in lex.units if any(c in k for c in "$€£")}
                         | set(self.glued_signs))
        self.sign_last = frozenset(x[-1] for x in symbols)
        self.currency_re = re.compile(
            r"(?:^|(?<![^\W_]))(?P<c>" + "|".join(re.escape(x) for x in symbols) + r")\s?$")
        months = trie_pattern(sorted(lex.months))
        self.count_before_month_re = re.compile(
            r"\s+(?:في|في|in|during|خلال|در|ب)\s+(?:" + months + r")(?![^\W_])")
        self.ordinal_markers = lex.cues.get("ordinal_marker", set())
        self._unit_cache: dict[str, str | None] = {}
        self.two_word_heads = {k.split()[0] for k in lex.units if " " in k}
        # cheap hints: a qualifier right before a number ends with one of
        # these words; a far one or a rate word before it must occur in the window
        self.qual_last_words = {k.split()[-1] for k in lex.qual_before}
        self.qual_far_hint = re.compile(trie_pattern(sorted(lex.qual_far)))
        self.per_before_hint = re.compile(trie_pattern(sorted(lex.per_before)))
        self.number_of_words = tuple(sorted(lex.cues.get("number_of", ())))
        self.year_cues = lex.cues.get("year_cue", set())
        # a year-like number a figure reaches is a count: rose to 2037, بلغ 2037,
        # به ۲۰۳۷ رسید
        self.reach_before_re = re.compile(
            r"(?:^|(?<![^\W_]))(?:" + _alternation(lex.cues.get("reach_before", ())) + r")\s*$")
        self.reach_after_re = re.compile(
            r"\s+(?:" + _alternation(lex.cues.get("reach_after", ())) + r")(?![^\W_])")
        self.year_determiners = lex.cues.get("year_determiner", set())
        # سال ۲۰۱۴ ویدیوهای ..., the 2019 attacks: a year-like figure after the
        # word "year", or after "the" before an event, is a year, noun or not
        self.year_words = lex.cues.get("year_word", set())
        self.vague_many = lex.cues.get("vague_many", set())
        self.event_units = lex.cues.get("event_unit", set())
        self.per_nouns = lex.cues.get("per_noun", set())
        self.duration_cues = lex.cues.get("duration_cue", set())
        self.classifiers = lex.cues.get("classifier", set())
        # a noun after these is when, not what, a later figure counts (پیش از
        # عملیات, before the operation)
        self.time_preps = lex.cues.get("time_prep", set())
        # a digest line's caption may open with an estimate word (برآورد شمار
        # کاربران: approx) or a determiner before its noun
        self.estimate_words = lex.cues.get("estimate", set())
        self.speech_verbs = lex.cues.get("speech_verb", set())
        self.currency_cue_re = {
            name: re.compile(r"(?<![^\W_])[وبلف]?(?P<c>" + trie_pattern(sorted(
                c for c in cues if c != "*")) + r")(?![^\W_])")
            for name, cues in lex.currencies.items()}

    # ------------------------------------------------------------------
    def _digit_value(self, s: str, norm: str, end: int) -> float:
        if "/" in s:
            return float(s.replace("/", "."))
        if " " in s:
            return float(s.replace(" ", ""))
        if "،" in s:
            return float(s.replace("،", ""))
        if "," in s and "." in s:
            if s.index(",") < s.index("."):
                return float(s.replace(",", ""))
            return float(s.replace(".", "").replace(",", "."))   # 1.250,5
        if "," in s:
            return float(s.replace(",", ""))
        if "." in s:
            parts = s.split(".")
            if len(parts) > 2:
                return float(s.replace(".", ""))                  # 1.250.000
            head, frac = parts
            if len(frac) == 3 and head != "0":
                # 125.000 is European thousands; but before a scale word
                # (1.250 مليار) it is a decimal: nobody writes 1250 مليار.
                m = self.next_re.match(norm, end)
                if m and m.group("w") and m.group("c").strip() == "":
                    nw = self.lex.number_words.get(key(m.group("w")))
                    if nw and nw.kind.startswith("scale"):
                        return float(s)
                return float(head + frac)
            return float(s)
        return float(s)

    def _atom(self, m: re.Match, norm: str) -> Atom | None:
        if m.group("d"):
            s = m.group("d")
            return Atom(self._digit_value(s, norm, m.end("d")), "digit", False,
                        m.start("d"), m.end("d"), False)
        w = m.group("w")
        nw = self.lex.number_words.get(key(w))
        if nw is None:
            return None
        return Atom(nw.value, nw.kind, nw.ambiguous, m.start("w"), m.end("w"), True, nw.lang)

    # ------------------------------------------------------------------
    def parse_phrase(self, norm: str, first: Atom) -> Phrase | None:
        """Greedily join atoms that form one number (``۱۲ هزار و ۵۰۰``)."""
        total = 0.0
        cur = 0.0
        last_scale = math.inf
        k = first.kind
        if k in ("scale", "hundred"):
            if k == "scale":
                total, last_scale = first.value, first.value
            else:
                cur = first.value
        elif k in ("scale_or_dual", "dual"):
            total, last_scale = 2 * first.value, first.value
        elif k in ("scale_plural", "half"):
            return None        # آلاف الحسابات, "thousands": no numeral, no quantity
        else:
            cur = first.value
        atoms = [first]
        prev = first
        pos = first.end
        trailing = first.value if k in ("scale", "scale_or_dual", "dual") else 1.0
        while True:
            m = self.next_re.match(norm, pos)
            if not m:
                break
            a = self._atom(m, norm)
            if a is None:
                break
            c = m.group("c")
            cs = c.strip()
            conn = ("and" if cs.endswith(("و", "and")) else "comma" if cs == ","
                    else "hyphen" if cs == "-" else "space")
            ok = False
            if a.kind in ("scale", "scale_plural", "scale_or_dual", "dual"):
                if (conn == "and" and a.kind != "scale_plural" and cur == 0 and total > 0
                        and a.value < last_scale):
                    # میلیون و هزار "and a thousand", مليون وألفان "and two thousand"
                    total += a.value * (1 if a.kind == "scale" else 2)
                    last_scale = a.value
                    trailing = a.value
                    ok = True
                elif (conn == "space" and a.kind != "dual" and cur > 0
                      and a.value < last_scale):
                    total += cur * a.value
                    cur = 0.0
                    last_scale = a.value
                    trailing = a.value
                    ok = True
            elif a.kind == "hundred":
                if conn == "space" and 1 <= cur <= 9 and cur == prev.value:
                    cur *= 100
                    ok = True
                elif conn == "and" and cur == 0 and total > 0 and last_scale > 100:
                    cur = 100.0
                    ok = True
            elif a.kind in ("num", "digit"):
                v = a.value
                if conn in ("and", "comma"):
                    if (cur == 0 and total > 0 and v < last_scale and prev.kind != "digit"
                            and not self._scale_follows(norm, a.end, last_scale)):
                        # (but "ألفين و٣ آلاف" is two numbers: a later part of
                        # one number is never of a larger or equal scale)
                        cur = v
                        ok = True
                    elif a.is_word and prev.is_word and prev.kind == "num":
                        pv = prev.value
                        if (conn == "and" and 1 <= pv <= 9 and v in _TENS
                                and cur % 100 == pv):
                            cur += v          # Arabic unit-before-ten: خمسة وعشرون
                            ok = True
                        elif cur % 100 == 0 and cur > 0 and v < 100:
                            cur += v          # مائة وخمسة, صد و بیست
                            ok = True
                        elif pv in _TENS and cur % 100 == pv and 1 <= v <= 9:
                            cur += v          # بیست و یک
                            ok = True
                    elif (prev.kind == "hundred" and cur % 100 == 0 and v < 100
                          and (a.is_word or conn == "and")):
                        cur += v              # one hundred and five, ٣ مئة و٢١
                        ok = True
                elif (conn in ("space", "hyphen") and a.is_word and prev.is_word
                      and a.lang == "en" and prev.value in _TENS and 1 <= v <= 9
                      and cur % 100 == prev.value):
                    cur += v                  # twenty-one
                    ok = True
            if not ok:
                break
            atoms.append(a)
            prev = a
            pos = a.end
        value = total + cur
        end = pos
        h = self.half_re.match(norm, end)
        if h:
            value += 0.5 * (last_scale if cur == 0 and last_scale != math.inf else 1)
            end = h.end()
        has_scale = last_scale != math.inf
        return Phrase(value, first.start, end, atoms, trailing if has_scale else 1.0,
                      has_scale)

    def _scale_follows(self, norm: str, pos: int, at_least: float) -> bool:
        m = self.next_re.match(norm, pos)
        if not m or m.group("c").strip():
            return False
        a = self._atom(m, norm)
        return (a is not None and a.kind in ("scale", "scale_plural", "scale_or_dual")
                and a.value >= at_least)

    # ------------------------------------------------------------------
    def unit_of(self, word: str) -> str | None:
        """Unit for a noun form: plural/broken plural listed, accusative -ا,
        Persian -ها/-های/-ی and a leading ال stripped here (kept per form:
        the same nouns recur in every text)."""
        try:
            return self._unit_cache[word]
        except KeyError:
            pass
        u = self._unit_of(word)
        if len(self._unit_cache) < 200_000:
            self._unit_cache[word] = u
        return u

    def _unit_of(self, word: str) -> str | None:
        units = self.lex.units
        w = key(word)
        if w in self.sign_words:
            return None         # Rp 34 million, N50 million: a currency sign is no noun (5 p.m.)
        if w in units:
            return units[w]
        cands = []
        if w.startswith("ال") and len(w) > 4:
            cands.append(w[2:])
        for base in [w] + cands:
            for suf in ("ا", "هاي", "ها", "هايي", "اي", "ي", "اند"):
                if base.endswith(suf) and len(base) - len(suf) >= 2:
                    cands.append(base[: -len(suf)])
        for c in cands:
            if c in units:
                return units[c]
        if w.endswith("s") and w[:-1] in units:
            return units[w[:-1]]
        # a plural of a listed singular, found by the singular's row: Arabic
        # sound plurals (متخصصين, المهاجمون, منظمات of منظمة), Persian plurals
        # (محصلان, دانشجویانی, نمایندگان of نماینده)
        for base in [w] + cands:
            for suf, add in _PLURAL_ENDINGS:
                if base.endswith(suf) and len(base) - len(suf) >= 2:
                    c = base[: -len(suf)] + add
                    if c in units:
                        return units[c]
        return None

    def _unit_after(self, norm: str, pos: int, many: bool = True) -> tuple[str | None, int]:
        """Counted noun after the numeral: (unit, end of noun) or (None, pos).

        Arabic and Persian put the noun right after the number (or after من /
        از: ``9 من أكبر منصات``); English may put adjectives between
        (``eight other online service providers``). A preposition, a verb or
        the start of a rate (``300 bans a day``: ``a day`` is a rate, not the
        noun) ends the search; a hyphen compound (``10-year``) is its noun."""
        hm = self.hyphen_word_re.match(norm, pos)
        if hm:
            u = self.unit_of(hm.group(1))
            return (u, hm.end(1)) if u else (None, pos)
        match = self.word_after_re.match
        m = match(norm, pos)
        if not m:
            return None, pos
        w0 = m.group(1)
        units = self.lex.units
        if not w0.isascii() and w0 not in ("من", "از") and w0 not in self.two_word_heads:
            # Arabic and Persian: the noun right after the number, or none
            if w0 in _NOUN_PHRASE_ENDS:
                return None, pos
            if w0 in self.classifiers:
                # ۴۱۰ مورد: a classifier counts the noun after it, or what the
                # text was counting (no noun of its own)
                m = match(norm, m.end())
                u = self.unit_of(m.group(1)) if m else None
                return (u, m.end(1)) if u else (None, pos)
            u = self.unit_of(w0)
            if w0 in self.lex.units_fa and _PERSIAN_RE.search(norm, max(0, pos - 40), pos + 40):
                u = self.lex.units_fa[w0]   # پنج شهر: five cities (Arabic شهر: a month)
            return (u, m.end(1)) if u else (None, pos)
        words = [(w0, m.start(1), m.end(1), m.group("pos"))]
        p = m.end()
        for _ in range(7):
            m = match(norm, p)
            if not m:
                break
            words.append((m.group(1), m.start(1), m.end(1), m.group("pos")))
            p = m.end()
        # two-word forms first (وب سایت)
        if len(words) >= 2:
            two = words[0][0] + " " + words[1][0]
            if two in units:
                return units[two], words[1][2]
        if len(words) > 2 and words[0][0] == "or" and words[1][0] == "so":
            words = words[2:]           # 100,000 or so followers
        first = words[0][0]
        if first == "the":
            return None, pos            # 2,959 the next day: an article starts another phrase
        if first in ("من", "of", "از"):
            # 140 of the group's most active Arabic-language channels
            cands = words[1:8] if first == "of" else words[1:6]
        elif first.isascii():
            cands = words[:5]          # English puts adjectives before the noun
        else:
            cands = words[:1]
        for i, (w, _s, e, possessive) in enumerate(cands):
            if w in _NOUN_PHRASE_ENDS:
                if i and w in ("and", "or"):
                    continue        # 60 official and unofficial channels
                if w == "is" and i + 1 < len(cands) and self.unit_of(cands[i + 1][0]):
                    continue        # 60 ... IS channels: the group, not the verb
                break
            if possessive:
                continue                # the owner, not the counted noun
            u = self.unit_of(w)
            if u:
                if (many and w.isascii() and i + 1 < len(cands) and u not in _NOT_BORROWED
                        and (cands[i + 1][0] in ("and", "or") or cands[i + 1][0] not in _NOUN_PHRASE_ENDS)
                        and self._singular_form(w)):
                    continue    # 300 official channels, 5 million user accounts: a modifier
                return u, e
            if w in self.lex.number_words:
                break
        return None, pos

    def _singular_form(self, w: str) -> bool:
        """An English word is the singular of a listed plural (user: users)."""
        units = self.lex.units
        return (w + "s" in units or w + "es" in units
                or (w.endswith("y") and w[:-1] + "ies" in units))

    def _caption(self, norm: str, start: int, end: int):
        """A digest line's figure and its caption: a number that opens its
        line (maybe after a bullet) and a colon or dash, then what it counts
        (``۴۰۰ میلیون: کاربران فعال ماهانه``, ``۲ میلیون: شمار حساب‌هایی که``,
        ``500m — Telegram's monthly active users``, ``2,959 — the most
        "terrorist bots and channels"``). (unit, noun end, qualifier, per) or
        None; an estimate word opening the caption (``برآورد شمار``) is approx."""
        c = _CAPTION_RE.match(norm, end)
        if c is None or not (_opens_line(norm, start) or self._qualifier_opens_line(norm, start)):
            return None
        p = c.end()
        qual = None
        match = self.word_after_re.match
        for _ in range(4):
            wm = match(norm, p)
            if wm is None:
                return None
            w = wm.group(1)
            if w in _CAPTION_SKIP:
                p = wm.end()
            elif w in self.estimate_words or w in self.lex.qual_before:
                qual = "approx" if w in self.estimate_words else self.lex.qual_before[w]
                p = wm.end()
            else:
                nm = self.number_of_re.match(norm, wm.start(1))
                if nm:
                    p = nm.start("w")
                break
        unit, noun_end = self._unit_after(norm, p)
        if unit is None:
            unit, noun_end = self._guess_noun(norm, p)
            if unit is None:
                return None
        # a rate word in the caption's clause (کاربران فعال ماهانه, شمار حساب‌هایی
        # که ... هر ماه مسدود می‌کند)
        stop = _CLAUSE_END_RE.search(norm, c.end(), c.end() + 200)
        per = next((self.lex.per_after[" ".join(pm.group("p").split())] for pm in self.per_any_re.finditer(
            norm, c.end(), stop.start() if stop else c.end() + 200)
            if not _WHEN_RE.match(norm, pm.end())), None)
        return unit, noun_end, qual, per

    def _qualifier_opens_line(self, norm: str, start: int) -> bool:
        """Only a qualifier (maybe after a bullet) stands before ``start`` on
        its line: بیش از ۱٫۱ میلیارد – دیدگاه‌ها, more than 300 — channels."""
        a = norm.rfind("\n", 0, start) + 1
        return " ".join(norm[a:start].strip(_BULLETS).split()) in self.lex.qual_before

    def _guess_noun(self, norm: str, pos: int, view=None) -> tuple[str | None, int]:
        """English, when no listed noun follows a number: the first plural
        noun of the words after it, up to a word that ends a noun phrase,
        as a singular (three luxury hotels: hotel; 40 contacts on WhatsApp:
        contact); a capitalised nationality (12 Pakistanis) counts people."""
        match = self.word_after_re.match
        numbers = self.lex.number_words
        p = pos
        for _ in range(5):
            m = match(norm, p)
            if m is None:
                break
            w = m.group(1)
            if (not w.isascii() or w in _NOUN_PHRASE_ENDS or w in numbers or w == "the"
                    or (w.endswith("ing") and w not in _ING_ADJECTIVES)):
                break                   # (two showing executions: a verb, the noun left out)
            p = m.end()
            if m.group("pos") or "-" in w:
                continue                # the country's 21 million; IS-linked militants
            if view is not None and w.endswith(_NATIONALITY_ENDS):
                if view.text[view.orig(m.start(1))].isupper():
                    return "person", m.end(1)
            sing = singular(w)
            if sing is not None:
                return sing, m.end(1)
        return None, pos

    def _counted(self, norm: str, lo: int, start: int) -> str | None:
        """The noun after the last "number of" (عدد المشتركين, the number of
        followers) in ``norm[lo:start]``: what a figure after it counts."""
        if lo >= start or not any(w in norm[lo:start] for w in self.number_of_words):
            return None
        counted = None
        for counted in self.number_of_re.finditer(norm, lo, start):
            pass
        if counted is not None:
            u = self.unit_of(counted.group("w"))
            if u and u not in _NOT_BORROWED:
                return u
        return None

    def unit_before(self, norm: str, start: int, floor: int) -> str | None:
        """The nearest counted noun before ``start`` (back to ``floor``, the
        sentence start), for a number whose noun went before it or was left
        out: ``uploads rose from 150``, ``Pro-ISIS channels ... grew from 37``.
        Durations and percentages are never borrowed."""
        lo = max(floor, start - 160)
        u = self._counted(norm, lo, start)
        if u is not None:
            return u
        words = self.word_re_any.findall(norm, lo, start)[-15:]
        # an earlier count of 359: the noun a number is "of" is not what it counts
        skip = len(words) - 2 if words and words[-1] == "of" and _OF_END_RE.search(
            norm, max(lo, start - 6), start) else -1
        for i in range(len(words) - 1, -1, -1):
            if i and words[i - 1] in self.per_nouns:
                continue        # المشاهدات لكل منشور, views per post: the post is not counted
            if i == skip or (i and self._after_time_prep(words, i)):
                continue        # پیش از عملیات, before the operation: when, not what
            if i + 1 < len(words) and words[i + 1] in self.speech_verbs:
                continue        # officials said ...: who told it, not what is counted
            u = self.unit_of(words[i])
            if u and u not in _NOT_BORROWED:
                return u
        return None

    def _after_time_prep(self, words: list[str], i: int) -> bool:
        """``words[i]`` follows a word of time (قبل, پیش از, before, after
        the), maybe past an article."""
        j = i - 1
        if words[j] in _ARTICLES and j:
            j -= 1
        preps = self.time_preps
        return words[j] in preps or (j > 0 and words[j - 1] + " " + words[j] in preps)

    def _currency_before(self, norm: str, start: int) -> tuple[str | None, int]:
        """(unit, start of the sign) of a currency sign before ``start``."""
        i = start - 1
        if i > 0 and norm[i].isspace():
            i -= 1
        if i < 0 or norm[i] not in self.sign_last:
            return None, start          # (most numbers: no sign ends right before them)
        m = self.currency_re.search(norm, max(0, start - 5), start)
        return (self.lex.units[m.group("c")], m.start("c")) if m else (None, start)

    def _qualifier_before(self, norm: str, start: int, duration: bool = False) -> str | None:
        """The qualifier right before a number (``أكثر من 100``), or one that
        governs it from further back in its clause (``تخطّى عدد المتابعين
        3000``, ``لم تتجاوز نسبة الحسابات ... 8.5``); a negation before it
        turns at least into at most and back."""
        tail = norm[max(0, start - 3):start].rstrip()
        if tail and tail[-1] in "-–—)":
            # an aside between the qualifier and its number: at least - by a
            # researcher's count - 140, حوالي (بحسب الشرطة) 500
            a = _ASIDE_RE.search(norm, max(0, start - 80), start)
            if a:
                start = a.start()
        ctx = norm[max(0, start - 40):start]
        m = None
        last = ctx.rstrip(" \t$").rsplit(None, 2)
        if last and last[-1] == "us" and len(last) > 1:
            last.pop()                        # about US$ 5
        if last:
            # the hint: the token's last run of word characters ("almost,
            # («نحو), maybe with a proclitic (وحوالي), is a qualifier's last word
            tok = last[-1]
            if not tok.isalpha():
                tok = _TAIL_WORD_RE.search(tok).group()
            if tok in self.qual_last_words or tok[1:] in self.qual_last_words:
                m = self.qual_before_re.search(ctx)
                if m and m.start("q") > m.start() and len(m.group("q")) <= 2:
                    m = None     # پلیس فتا ۱۲: a word ending like تا, not و/ف/ب + تا
        q = None
        if m:
            q = self.lex.qual_before.get(" ".join(m.group("q").split()))
            qs = m.start("q")
        elif self.qual_far_hint.search(norm, max(0, start - 90), start):
            ctx = norm[max(0, start - 90):start]
            m = self.qual_far_re.search(ctx)
            gap = m.group("gap").split() if m else ()
            if m and len(gap) <= 7 and not (
                    duration and self._after_duration_cue(m.group("gap"))):
                k = " ".join(m.group("q").split())
                if k not in self.lex.qual_far_on or (gap and gap[-1] in _ON_PREPS):
                    q = self.lex.qual_far.get(k)
                    qs = m.start("q")
        if q is None:
            return None
        neg = self.neg_re.search(ctx, 0, qs)
        if neg and q in _NEGATED:
            q = _NEGATED[q]
        return q

    def reached(self, norm: str, start: int, end: int) -> bool:
        """A figure reaches the number: rose to 2037, بلغت 2037, به ۲۰۳۷ رسید
        (a year-like number there is a count)."""
        return bool(self.reach_before_re.search(norm, max(0, start - 25), start)
                    or self.reach_after_re.match(norm, end))

    def _after_duration_cue(self, gap: str) -> bool:
        """The gap ends with a duration cue, maybe before the noun of a number
        that follows its noun: a duration adverbial (تخطّى خلال الأيام الثلاثة
        3000 رابط, تخطى بعد شهرين 90 ألفاً): the verb's qualifier is for the
        figure after it, not for the duration."""
        words = gap.split()
        # the cue (one or two words) ends the gap, or stands before its last word
        for end in (len(words), len(words) - 1):
            for n in (1, 2):
                if end - n >= 0:
                    w = " ".join(words[end - n:end])
                    if w in self.duration_cues or (w[:1] in "وف" and w[1:] in self.duration_cues):
                        return True
        return False

    def _prev_word(self, norm: str, start: int) -> str:
        """The run of non-space, non-digit characters before ``start`` (past
        spaces), as ``[^\\s\\d]+\\s*$`` would find it, without a regex search."""
        parts = norm[max(0, start - 30):start].rsplit(None, 1)
        if not parts:
            return ""
        tok = parts[-1]
        if tok[-1].isdigit():
            return ""
        i = len(tok)
        while i and not tok[i - 1].isdigit():
            i -= 1
        return tok[i:]

    # ------------------------------------------------------------------
    def scan_entries(self):
        """(entry, prefixes, suffixes) of every number word and dual noun, for
        the word table (analysis.extract.scan)."""
        pre = ("",) + spellings(_WORD_PRE, 3)
        for w in sorted(set(w for w, nw in self.lex.number_words.items() if nw.kind != "half")
                        | set(self.lex.dual_units)):
            yield w, pre, ("",) + GLUED_UNITS

    def anchors(self, norm: str, digit_starts: list[int],
                word_starts: list[int] | None = None) -> list[re.Match]:
        found = _digit_anchors(self, norm, digit_starts)
        found.extend(self.word_anchor_re.finditer(norm) if word_starts is None
                     else matches(self.word_anchor_re, word_starts, norm))
        found.sort(key=lambda m: m.start())
        return found

    def extract(self, norm: str, mask: bytearray, digit_starts: list[int], view=None,
                word_starts: list[int] | None = None
                ) -> tuple[list[Quantity], list[tuple[int, int, int]]]:
        """Quantities and bare-year candidates ``(start, end, year)``."""
        out: list[Quantity] = []
        years: list[tuple[int, int, int]] = []
        # a capitalised word and the number after it (start -> "densus 88"), and
        # those the text shows to be names
        names: tuple[dict[int, str], set[str]] = ({}, set())
        pos_done = 0
        for m in self.anchors(norm, digit_starts, word_starts):
            s = m.start("d") if m.group("d") else m.start("w") if m.group("w") else m.start("dual")
            if s < pos_done or mask[s]:
                continue
            q = self._quantity_at(norm, m, mask, years, view=view, prior=out, names=names)
            if not q:
                continue
            out.extend(q)
            pos_done = max(x.end for x in q)
        if names[1]:
            # Densus 88 in a headline or opening a sentence: the name the text
            # writes so elsewhere, where it can be told (``_name_number``)
            out = [q for q in out if names[0].get(q.start) not in names[1]]
        self._borrow_units(norm, out)
        for q in out:
            if q.unit in self.lex.currencies:
                q.unit = self._currency_of(norm, q.unit)
        return out, years

    def _glued_sign_at(self, norm: str, p: int) -> bool:
        """A currency abbreviation (rs, rs.) stands as a word right before ``p``."""
        for sign in self.glued_signs:
            s = p - len(sign)
            if s >= 0 and norm.startswith(sign, s):
                return s == 0 or not (norm[s - 1].isalnum() or norm[s - 1] == "_")
        return False

    def _currency_of(self, norm: str, name: str) -> str:
        """A dinar, rupee, riyal or dirham is the currency of the first country
        or city the text names (Baghdad: Iraqi dinars; Lahore: Pakistani
        rupees; Riyadh: Saudi riyals; Dubai: UAE dirhams)."""
        table = self.lex.currencies[name]
        # A dollar ($) is the dollar of the country the story is set in, told
        # by its headline and lead only (Ottawa teen charged ...: Canadian; a
        # Canadian start-up deep in a magazine piece is no setting): every
        # dollar country writes the sign, and the default is the US's.
        m = self.currency_cue_re[name].search(norm, 0, _LEAD if name == "dollar" else len(norm))
        return table[m.group("c")] if m else table["*"]

    def _borrow_units(self, norm: str, qs: list[Quantity]) -> None:
        """A number with no noun of its own counts what the text was counting:
        ``some 235,000 more``, ``4,500 of them`` (the previous quantity's
        noun, even a sentence back), ``4,812 posts ... or about 115 a day``
        (the previous quantity's in the same sentence), ``uploads rose from
        150`` (the nearest noun before it in the sentence)."""
        prev: Quantity | None = None
        for q, nxt in zip(qs, qs[1:]):
            # 2096 and 2959 accounts: a number joined to the next one counts its
            # noun; so does a part of it (6 million of the country's 21 million
            # people, ۶ میلیون از ۲۱ میلیون کاربر)
            if (q.unit is None and nxt.unit is not None and nxt.start - q.end < 40
                    and ((nxt.start - q.end < 8 and _JOIN_RE.fullmatch(norm, q.end, nxt.start))
                         or _PARTITIVE_RE.fullmatch(norm, q.end, nxt.start))):
                q.unit = nxt.unit
        item: Quantity | None = None    # the last figure that opened a list item
        past = 0                        # where the figures describing ``prev`` end
        for i, q in enumerate(qs):
            opens = _opens_line(norm, q.start)
            if q.unit is None and opens and item is not None and _next_item(norm, item, q):
                # a list item's figure with no noun counts what the item before
                # it counted (• 376,890 حساباً ...  • 299,649 في النصف الأول)
                q.unit = item.unit
            if q.unit is None and i:
                # up to 10 years ..., the two others up to seven; within eight
                # hours ..., and nearly half within two: the same words before
                # it as before an earlier duration of its sentence, its noun
                # left out (a duration is never borrowed otherwise)
                w = _lead(norm, q.start)
                if w:
                    floor = _sentence_start(norm, q.start)
                    for p in qs[i - 1::-1]:
                        if p.start < floor:
                            break
                        if p.unit is not None and _lead(norm, p.start) == w:
                            if p.unit in _DURATIONS:
                                q.unit = p.unit
                            break
            if q.unit is None and _PEOPLE_OF_RE.match(norm, q.end):
                # خمسة منهم (five of them, men): people, whatever was counted last,
                # unless that was people too (12 عضواً ... 5 منهم: members)
                q.unit = prev.unit if prev is not None and prev.unit in _PEOPLE else "person"
            if q.unit is None:
                floor = _sentence_start(norm, q.start)
                # "the number of X" between the previous figure and this one
                # names what this one counts (700 مستخدم، وتخطى عدد الرسائل ... 90 ألفاً)
                u = self._counted(norm, max(floor, prev.end if prev is not None else 0,
                                            q.start - 160), q.start)
                if u is None and prev is not None and (prev.end >= floor or (
                        q.start - prev.end < 400 and (self.anaphor_re.match(norm, q.end)
                                                      or self._prev_word(norm, q.start)
                                                      in self.anaphor_before))):
                    # unless a counted noun stands between the two: 630 إصداراً
                    # بلغت مشاهداتها نحو 52 ألفاً (views), القناة ... ٣٩٠ منها
                    # (a noun coordinated with the previous one is that one's:
                    # 1987 ISIS bots and channels ..., 1800 in October)
                    lo = max(prev.noun_end, past)
                    o = _OF_PHRASE_RE.match(norm, lo)
                    if o:
                        lo = o.end()    # 350,000 bans of "bots and channels": the bans
                    c = _COORD_RE.match(norm, lo)
                    u = (self.unit_before(norm, q.start, max(floor, c.end() if c else lo))
                         or prev.unit)
                if u is None:
                    u = self.unit_before(norm, q.start, floor)
                q.unit = u
            if q.unit is not None and q.unit not in _NOT_BORROWED:
                if opens:
                    item = q
                if prev is not None and _ATTRIBUTE_RE.fullmatch(norm, max(prev.noun_end, past), q.start):
                    # 78 channels in 12 languages: the languages describe the
                    # channels, a later figure does not count them
                    past = q.noun_end
                else:
                    prev, past = q, 0

    def _quantity_at(self, norm, m, mask, years, allow_range=True, view=None, prior=(), names=None):
        lex = self.lex
        if m.group("dual"):
            w = m.group("dual")
            s, e = m.start("dual"), m.end("dual")
            q = Quantity(s, e, 2, lex.dual_units[key(w)])
            q.qualifier = self._qualifier_before(norm, s, q.unit in _DURATIONS) or "exact"
            self._per(norm, q, e)
            return (allow_range and self._dual_range(norm, q, mask, view)) or [q]
        first = self._atom(m, norm)
        if first is None:
            return None
        pre = m.group("pre") or ""
        prev = self._prev_word(norm, m.start())
        if (prev in self.ordinal_markers or prev.rstrip(".") + "." in self.ordinal_markers
                or (prev[:1] in _PROCLITICS and self._marker_behind_proclitic(prev))):
            return None     # المادة 12, الـ 11, No. 5, للفصل 31
        if first.kind == "digit" and m.group("d")[0] == "0" and _is_phone(m.group("d")):
            return None     # 096380: a leading zero is a phone or code number
        if first.lang == "en" and first.kind in ("hundred", "scale") and prev not in ("a", "an"):
            return None     # "several hundred", "thousand" alone: no numeral
        if first.kind != "digit" and prev in self.vague_many:
            return None     # ده‌ها هزار, عشرات الآلاف: tens of thousands, no numeral
        ph = self.parse_phrase(norm, first)
        if ph is None:
            return None
        if any(mask[a.start] for a in ph.atoms):
            return None
        if self.fraction_re.match(norm, ph.end):
            return None     # three-quarters, two thirds: fractions are out of scope
        end = ph.end
        value = ph.value
        if (first.kind == "scale_or_dual" and len(ph.atoms) == 1 and view is not None
                and view._at and _TANWEEN in view.text[slice(*view.span(ph.start, ph.end))]):
            value = first.value   # ألفاً with its tanween: a thousand (ألفا حساب: two thousand)
        plural_s = bool(m.group("s")) and len(ph.atoms) == 1
        if plural_s:
            end = m.end("s")
        sfx = m.group("sfx") if len(ph.atoms) == 1 else None
        currency, sign_start = self._currency_before(norm, ph.start)
        if (currency is not None and norm[sign_start].isalpha()
                and len(norm[sign_start:ph.start].rstrip()) == 1):     # (S$100: two characters)
            # a one-letter sign (N50 million, P10 million) only glued, before a
            # scale word and in capitals: N95, p5 are codes, "p 5" no money
            if sign_start + 1 < ph.start:
                currency, sign_start = None, ph.start
            elif not ((ph.has_scale or sfx) and view is not None
                      and view.text[view.orig(sign_start)].isupper()):
                return None
        if sfx:
            if sfx in ("m", "b") and currency is None and (
                    "." not in m.group("d") and self._unit_after(norm, m.end("sfx"))[0] is None
                    and self._caption(norm, ph.start, m.end("sfx")) is None
                    and not _scaled_before(norm, ph.start, prior)):
                # 5m, 2b: metres, bytes, a model name (but 4.5m posts, "500m —
                # monthly active users", and "up from 400m" after them)
                return None
            value *= SUFFIX[sfx]
            end = m.end("sfx")
        # 21,000+, 60+ channels: "or more", glued (not 5+3)
        glued_plus = (norm.startswith("+", end) and not plural_s
                      and not norm[end + 1:end + 2].isalnum())
        if glued_plus:
            end += 1
        unit = None
        pe = self.percent_re.match(norm, end)
        noun_end = end
        noun_before = None      # the noun a number follows (الأيام العشرة, يوم واحد)
        if pe and not plural_s:
            unit = "percent"
            end = pe.end()
            noun_end = end
        else:
            unit, noun_end = self._unit_after(norm, end, value != 1)
            if unit is None:
                # the noun past a qualifier after the number: ألفاً ونيّفاً من
                # تلك الحسابات, ۲۰۰ و اندی کانال, 10,000-plus subscribers
                qa = self.qual_after_re.match(norm, end)
                if qa:
                    unit, noun_end = self._unit_after(norm, qa.end())
        caption = None
        guessed = False
        if unit is None and currency is None and not plural_s:
            # a digest line: the figure, a colon or dash, and what it counts
            caption = self._caption(norm, sign_start, end)
            if caption is not None:
                unit, noun_end = caption[0], caption[1]
            elif value != 1 and norm[end:end + 2].strip()[:1].isascii():
                # English: the plural noun that ends the noun phrase after the
                # number (three luxury hotels), when no listed noun is there
                unit, noun_end = self._guess_noun(norm, end, view)
                guessed = unit is not None
        if unit is None and currency is not None:
            unit = currency
        if (unit is None and prev[-1:] == "," and norm[end:end + 1] == "," and first.kind == "digit"
                and 10 <= value < 100 and m.group("d").isdigit() and self._person_before(norm, view, m.start(), prev)):
            unit = "year"       # an Ontario man, 20, ...; Ahmed Khan, 34, ...: an age
        if unit is None and (prev in _AGE_WORDS or (
                prev in ("between", "from") and self._prev_word(
                    norm, norm.rfind(prev, max(0, m.start() - 40), m.start())) in _AGE_WORDS)):
            unit = "year"       # aged 16, aged between 22 and 41: years of age
        if pre.endswith("ال"):
            # a definite number after its definite noun: الأيام العشرة, الأشهر الثلاثة
            pm = self.prev_word_re.search(norm, max(0, m.start() - 30), m.start())
            u = self.unit_of(prev) if prev.startswith("ال") else None
            if u is None or len(ph.atoms) != 1 or not pm or first.value == 1:
                return None     # (الحساب الواحد: "a single account", not a count)
            unit, noun_before = u, pm.start("w")
        duration = unit in _DURATIONS
        start = ph.start
        if pre.endswith("ال"):
            start -= 2              # الثلاثة: the article is part of the number word
        if sign_start < start and not norm[start - 1].isspace():
            start = sign_start      # Rs300,000, $4.2m: a glued sign is in the span
        # (a qualifier stands before the sign: around Rs300,000)
        qual = self._qualifier_before(norm, m.start() if pre.endswith("ال") else sign_start, duration)
        # a glued sign is part of the span and its qualifier: ~58k, 21,000+
        if start and norm[start - 1] == "~":
            start -= 1
            qual = "approx"
        if glued_plus:
            qual = qual or "at_least"
        if caption is not None and qual is None:
            qual = caption[2]       # ۲۴ میلیون: برآورد شمار کاربران (approx)
        if (len(ph.atoms) == 1 and first.lang in ("en", "fa") and first.value == 1
                and qual is None and unit not in _DURATIONS):
            return None     # "one channel told its followers", "One post, captioned", یک
            #                 شبکه: an indefinite (a certain one), not a count; "one hour"
            #                 is a duration
        # A lone ambiguous word (نه, one, واحد, ست...) counts only with a noun.
        if len(ph.atoms) == 1 and first.ambiguous and unit is None:
            if first.lang == "ar" and first.value <= 2:
                # Arabic puts واحد after its noun: يوم واحد
                pw = self._prev_word(norm, ph.start)
                u = self.unit_of(pw) if pw else None
                if not u:
                    return None
                unit = u
                pm = self.prev_word_re.search(norm, max(0, ph.start - 30), ph.start)
                noun_before = pm.start("w") if pm else None
            else:
                return None
        if unit is None and pre in ("ب", "ل", "ك", "ف") and first.is_word:
            return None     # بسته (Persian "closed"), لستة: a glued word with no noun is no count
        if noun_before is not None and qual is None:
            qual = self._qualifier_before(norm, noun_before, unit in _DURATIONS)  # أقل من ساعة واحدة
            if qual is None and first.value == 1 and first.ambiguous:
                return None     # في يوم واحد, وافد واحد: "a single day", no count
        # Years: a plain 4-digit integer in a plausible range with nothing that
        # makes it a count (scale, unit, qualifier, percent) is a year, not a quantity.
        # A unit found only past other words ("the 2017 Tehran attacks") does
        # not make a year a count; one right after it ("2000 accounts") does.
        # In English one word may stand between, after a verb ("shut down 1987
        # ISIS bots"), but not after a determiner or preposition ("the 2017
        # Tehran attacks", "in 2017 Tehran saw").
        gap = len(norm[end:noun_end].split())
        unit_adjacent = unit is not None and (gap <= 1 or (
            gap == 2 and prev.isascii() and prev.isalpha() and prev not in self.year_determiners)
            or (gap == 2 and prev in _OPEN_QUOTES))   # "2017 terrorist channels" quoted
        if (len(ph.atoms) == 1 and first.kind == "digit" and not ph.has_scale
                and m.group("d").isdigit() and len(m.group("d")) == 4
                and (not unit_adjacent or guessed or prev in ("a", "an") or prev in self.year_words
                     or (prev == "the" and unit in self.event_units))
                and qual is None and not plural_s):
            # (after a/an a year-like figure is a year: "a 2019 study")
            y = int(m.group("d"))
            if (1900 <= y <= 2100 and not self.count_before_month_re.match(norm, ph.end)
                    and not (caption is not None and self.number_of_re.match(
                        norm, _CAPTION_RE.match(norm, end).end()))   # • 1997: عدد القنوات

                    # (در سال ۲۰۲۳ رسیده: after the word for year, no figure reaching it)
                    and (prev in self.year_words or not self.reached(norm, ph.start, ph.end))
                    and not _joined_to_a_count(norm, ph.end)):
                years.append((ph.start, ph.end, y))
                return None
            if 1300 <= y <= 1499 and prev in self.year_cues:
                return None    # a Solar Hijri year: the date extractor's business
        if plural_s:
            if first.value >= 1900 and first.value % 10 == 0 and first.value < 2100:
                return None    # the 1990s
            qual = "at_least"  # "1000s of": at least a thousand
        if (prev.isascii() and prev.isalpha() and len(prev) > 1 and names is not None
                and first.kind == "digit" and len(ph.atoms) == 1 and not sfx and not glued_plus
                and qual is None and currency is None and unit != "percent"
                and m.group("d").isdigit() and prev not in self.not_names
                and self._name_number(norm, view, ph.start, prev, m.group("d"), unit is None, names)):
            return None
        q = Quantity(start, end, value, unit, qual or "exact", noun_end=noun_end,
                     glued_scale=bool(sfx))
        after = noun_end
        if qual is None:
            # after the noun, maybe past an adjective: خمس قنوات (جهادية) على الأقل
            qa = (self.qual_after_re.match(norm, after)
                  or (end < after and self.qual_after_re.match(norm, end))     # 100,000 or so followers
                  or self.qual_after_far_re.match(norm, after))
            if qa:
                q.qualifier = self.lex.qual_after[" ".join(qa.group("q").split())]
        self._per(norm, q, after, end)
        if q.per is None and caption is not None:
            q.per = caption[3]      # 500m — Telegram's monthly active users
        result = [q]
        if allow_range:
            rng = self._range(norm, m, ph, q, mask, years, view)
            if rng:
                result = rng
        return result

    def _name_number(self, norm: str, view, s: int, prev: str, digits: str, no_noun: bool,
                     names) -> bool:
        """A number right after a capitalised word, in the middle of a
        sentence and with no noun of its own, is part of a name (squad Densus
        88 has arrested, flew Apollo 11 to): True, and the name is noted so
        the same name in a headline or at a sentence's start is left out too
        (``extract``). Any such number is noted as a possible part of one."""
        ws = s - 1 - len(prev)
        if ws < 0 or norm[s - 1] != " " or norm[ws:s - 1] != prev or view is None:
            return False
        if not view.text[view.orig(ws)].isupper():
            return False
        name = prev + " " + digits
        names[0][s] = name
        if not no_noun:
            return False
        # mid-sentence: after a word in lower case (not a stop, a line start or a
        # capitalised headline: Police Arrest 23 In Raids)
        j = ws - 1
        while j >= 0 and norm[j] in " \t":
            j -= 1
        k = j
        while k > 0 and norm[k - 1].isalpha():
            k -= 1
        if j < ws - 1 and k <= j and norm[k].isalpha() and view.text[view.orig(k)].islower():
            names[1].add(name)
            return True
        return False

    def _person_before(self, norm: str, view, mstart: int, prev: str) -> bool:
        """The word before ``, N,`` names a person: a person noun (man, woman)
        or a capitalised name."""
        w = prev[:-1]
        if not (w.isascii() and w.isalpha()):
            return False
        if self.unit_of(w) == "person":
            return True
        ws = norm.rfind(w, max(0, mstart - 40), mstart)
        return view is not None and ws >= 0 and view.text[view.orig(ws)].isupper()

    def _marker_behind_proclitic(self, prev: str) -> bool:
        """A word that numbers behind a proclitic: بالمادة, وفق للفصل (ل + الفصل)."""
        markers = self.ordinal_markers
        if prev.startswith("لل"):
            return "ال" + prev[2:] in markers
        return len(prev) > 2 and prev[0] in "وفبلك" and prev[1:] in markers

    def _per(self, norm: str, q: Quantity, after: int, end: int | None = None) -> None:
        """A rate word after the noun (maybe past an adjective or two:
        رسالة صوتية شهرياً), between the number and an English noun (62 million
        monthly active users), or before the number (روزانه ۵۰۰ پیام)."""
        pm = (self.per_after_re.match(norm, after)
              or (end is not None and end < after and self.per_after_re.match(norm, end))
              or self.per_after_far_re.match(norm, after))
        if pm and not _WHEN_RE.match(norm, pm.end()):
            # (2959 في اليوم التالي, 400m a year earlier, در سال ۲۰۱۶: when, not a rate)
            q.per = self.lex.per_after[" ".join(pm.group("p").split())]
            return
        ctx = norm[max(0, q.start - 60):q.start]
        if _AVERAGE_HINT_RE.search(ctx):
            # المعدل اليومي يتراوح بين 200, میانگین روزانه پیش از عملیات بین ۲۰۰,
            # the daily average was 300: a daily average in the number's clause
            a = None
            for a in self.average_rate_re.finditer(ctx):
                pass
            if a is not None and not _CLAUSE_END_RE.search(ctx, a.end()):
                q.per = self.lex.per_after[" ".join((a.group("p") or a.group("p2")).split())]
                return
        ctx = ctx[-40:]
        if not self.per_before_hint.search(ctx):
            return
        # strip a qualifier so روزانه نزدیک به ۱۰ still sees روزانه, and an
        # "on average" (روزانه به‌طور میانگین ۳۵۰)
        qm = self.qual_before_re.search(ctx)
        if qm:
            ctx = ctx[:qm.start()]
        am = _ON_AVERAGE_RE.search(ctx)
        if am:
            ctx = ctx[:am.start()]
        pb = self.per_before_re.search(ctx)
        if pb:
            q.per = self.lex.per_before[" ".join(pb.group("p").split())]

    def _range(self, norm, m, ph: Phrase, qa: Quantity, mask, years, view=None):
        """``بين 30 و40 ألفاً``, ``۵۰ تا ۸۰``, ``5 إلى 7``: two bounds."""
        j = self.range_join_re.match(norm, ph.end)
        if not j:
            return None
        c = j.group("c")
        if c in ("و", "and"):
            if not self.range_open_re.search(norm[max(0, ph.start - 30):ph.start]):
                return None
        k = j.end()
        if k < len(norm) and norm[k] in _SIGNS and norm[ph.start - 1:ph.start] == norm[k]:
            k += 1          # $100 and $150, $100-$150: the second bound's sign
        nm = self.anchor_re.match(norm, k) if c not in ("و",) else None
        if c in ("-", "–"):
            # 5-7, 1,000–2,000: the hyphen is the left edge of the second bound
            nm = self.digit_re.match(norm, k) if first_is_digit(ph) else None
            if nm is None or (len(m.group("d") or "") == 4 and 1900 <= qa.value <= 2100):
                return None
        if c == "و":
            # the و is the anchor regex's proclitic
            nm = self.anchor_re.match(norm, j.start("c"))
            if not nm or not nm.group("pre"):
                nm = self.anchor_re.match(norm, j.end())
        if not nm or nm.group("dual") or (nm.group("d") is None and nm.group("w") is None):
            return None
        b = self._quantity_at(norm, nm, mask, [], allow_range=False, view=view)
        if not b:
            return None
        qb = b[0]
        if c in ("-", "–") and (qb.value <= qa.value):
            return None
        if c in ("تا", "to", "الي", "حتي") and qb.value < qa.value and not ph.has_scale:
            # "من 30 إلى 4 آلاف"? keep only sane ascending ranges
            if not (qb.value > 0):
                return None
        if not ph.has_scale and qb.value >= qa.value * 1000 and qb.value >= 1000:
            # the first bound borrows the second bound's scale word
            bscale = self._trailing_scale(norm, nm)
            if bscale > 1:
                qa.value = qa.value * bscale
        if qa.unit is None:
            qa.unit = qb.unit
        elif qb.unit is None:
            qb.unit = qa.unit           # aged 16 to 18: the bounds count one thing
        if qa.per is None:
            qa.per = qb.per
        elif qb.per is None:
            qb.per = qa.per             # روزانه ۴۰ تا ۶۰: the rate is the range's
        qa.qualifier = "at_least"
        qb.qualifier = "at_most"
        return [qa, qb]

    def _dual_range(self, norm, qa: Quantity, mask, view=None):
        """A dual as the low bound: بين سنتين و10 سنوات (two years to ten)."""
        j = self.range_join_re.match(norm, qa.end)
        if not j or not self.range_open_re.search(norm[max(0, qa.start - 30):qa.start]):
            return None
        nm = self.anchor_re.match(norm, j.start("c") if j.group("c") == "و" else j.end())
        if not nm or nm.group("dual") or (nm.group("d") is None and nm.group("w") is None):
            return None
        b = self._quantity_at(norm, nm, mask, [], allow_range=False, view=view)
        if not b or b[0].unit != qa.unit or b[0].value <= qa.value:
            return None
        qa.qualifier, b[0].qualifier = "at_least", "at_most"
        return [qa, b[0]]

    def _trailing_scale(self, norm, nm) -> float:
        first = self._atom(nm, norm)
        ph = self.parse_phrase(norm, first) if first else None
        return ph.trailing_scale if ph and ph.has_scale else 1.0


def singular(word: str) -> str | None:
    """The singular of an English plural noun (churches: church, cities:
    city, hotels: hotel), or None when the word does not look like one."""
    w = word
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if (len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "us", "is", "'s"))
            or w in _NOT_PLURALS or not w.isalpha()):
        return None
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")) or (w.endswith("oes") and len(w) > 5):
        return w[:-2]
    return w[:-1]


# plurals the rules above would get wrong
_IRREGULAR_PLURALS = {
    "wives": "wife", "lives": "life", "knives": "knife", "thieves": "thief", "halves": "half",
    "leaves": "leaf", "shelves": "shelf", "wolves": "wolf", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "movies": "movie", "cookies": "cookie", "zombies": "zombie",
    "calories": "calorie", "selfies": "selfie", "headaches": "headache", "caches": "cache",
    "niches": "niche", "avalanches": "avalanche", "shoes": "shoe", "canoes": "canoe",
    "series": "series", "species": "species"}
# words ending in s that are no plural nouns after a number (or say how
# often, not what: three times the number)
_NOT_PLURALS = frozenset(
    "was has does goes its his hers ours yours theirs this thus yes always perhaps sometimes "
    "afterwards towards besides whereas nevertheless news others times less unless across plus "
    "minus versus whereabouts".split())
# -ing words that stand before a noun as adjectives (any other -ing word after
# a number is a verb: its noun was left out)
_ING_ADJECTIVES = frozenset(
    "remaining existing leading missing opposing competing participating neighbouring "
    "neighboring surrounding rising growing emerging outstanding ongoing upcoming sitting "
    "warring operating visiting striking ruling governing fighting working "
    "encrypting messaging sharing streaming hosting recording training".split())
# a capitalised plural with these endings after a number names people by
# nationality (Pakistanis, Indonesians, Lebanese)
_NATIONALITY_ENDS = ("ans", "is", "ese")
# a digest line: its figure, then a colon or a spaced dash, then the caption
_CAPTION_RE = re.compile(r"[ \t]*(?::|[-–—](?=[ \t]))[ \t]*(?=[^\W\d_]|[\"“«'])")
# words a caption may open with before its noun (the most "terrorist bots")
_CAPTION_SKIP = frozenset({"the", "a", "an", "most", "total", "some", "all", "average",
                           "متوسط", "معدل", "ميانگين"})   # ٣٠ ألفاً: متوسط عدد المقاطع
# what may stand before a number that opens a list item
_BULLETS = " \t•·*-–—▪●◦>"


def _opens_line(norm: str, start: int) -> bool:
    """Nothing but a bullet stands before ``start`` on its line."""
    i = start
    while i and norm[i - 1] in _BULLETS:      # (a space or two, mostly)
        i -= 1
    return not i or norm[i - 1] == "\n"


def _scaled_before(norm: str, start: int, prior) -> bool:
    """The figure before, in the same paragraph, had a glued multiplier
    (500m — users ..., up from 400m): the text writes millions so."""
    if not prior:
        return False
    last = prior[-1]
    return last.glued_scale and "\n" not in norm[last.end:start]


# after a rate phrase: it says when (the next day, a year earlier, in 2016)
_WHEN_RE = re.compile(r"\s+(?:التالي|التاليه|السابق|السابقه|نفسه|ذاته|later|earlier|ago)(?![^\W_])"
                      r"|\s+\d")
_AVERAGE_HINT_RE = re.compile("معدل|متوسط|ميانگين|average")
# where a clause ends (a rate word before it is not the next number's)
_CLAUSE_END_RE = re.compile(r"[.;:!?؛؟\n]|،\s|,\s(?:and|but|while)\s")
# an "on average" right before a number (or its qualifier)
_ON_AVERAGE_RE = re.compile(r"(?<![^\W_])(?:به\s*طور|بطور|في|on|بال)\s*(?:ال)?(?:ميانگين|متوسط|average)\s*$")


def _next_item(norm: str, item: "Quantity", q: "Quantity") -> bool:
    """``q`` opens the list item right after the one ``item`` opened (blank
    lines between them, nothing else)."""
    ls = norm.rfind("\n", 0, q.start)
    first_break = norm.find("\n", item.end, q.start + 1)
    return 0 <= first_break <= ls and not norm[first_break:ls].strip()


# a part of a figure: "of", "out of", من أصل, از مجموع, maybe past a determiner
# or an owner (of the country's 21 million)
_PARTITIVE_RE = re.compile(
    r"\s+(?:of|out\s+of|من(?:\s+(?:اصل|بين|مجموع|اجمالي))?|از(?:\s+(?:مجموع|ميان|بين))?)\s+"
    r"(?:(?:the|its|their|his|her|our|an?|estimated|total|all)\s+|[^\W\d_]+'s\s+){0,3}")
# a figure in a phrase that describes the noun before it (channels in 12
# languages, قناة بـ12 لغة, در ۱۲ کشور)
_ATTRIBUTE_RE = re.compile(r"\s*(?:in|across|from|ب|في|به|در|از)\s*")
_OF_END_RE = re.compile(r"(?<![^\W_])of\s*$")
_ARTICLES = frozenset({"the", "its", "their", "this", "that", "a", "an"})


def _alternation(words) -> str:
    """A trie regex of ``words``, or one that never matches when there are none."""
    return trie_pattern(sorted(words)) if words else "(?!)"


# "and", "or" between two numbers (و, یا, أو), as the view spells them
_JOIN_RE = re.compile(r"\s*(?:,\s*)?(?:و|and|or|يا|او)\s*")
_JOINED_NUMBER_RE = re.compile(r"\s*(?:و|and|or|يا|او)\s*(?P<d>\d+)(?:[.,،]\d+)*(?!\d)")


def _joined_to_a_count(norm: str, end: int) -> bool:
    """A year-like number joined by and/or to a number that is no year
    (۲۰۹۶ و ۲۹۵۹ حساب, 2096 and 2959 accounts) is a count like it."""
    m = _JOINED_NUMBER_RE.match(norm, end)
    if m is None:
        return False
    d = m.group("d")
    return not (len(d) == 4 and 1900 <= int(d) <= 2100 and m.end() == m.end("d"))


# what a noun is "of", right after it (bans of "terrorist bots and channels"): not
# a noun of its own that a later figure could count
_OF_PHRASE_RE = re.compile(
    r"\s+of\s+(?:the\s+)?[\"“«]?[^\W\d_]+(?:(?:\s+(?:and|or)\s+|\s+|-)[^\W\d_]+){0,3}[\"”»]?")
_SIGNS = "$€£"
# a number after these words counts years of age
_AGE_WORDS = frozenset({"aged", "ages", "age"})
# words too common before a number to tell a parallel (up to N ..., up to M)
_NOT_PARALLEL = frozenset({"and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for",
                           "from", "by", "with", "و", "او", "من", "از", "في", "به", "در", "با",
                           "الي", "علي", "عن"})


def _lead(norm: str, start: int) -> tuple[str, ...]:
    """The word before a number that may tell a parallel (within, about), or
    the two when the last is a common one (up to, more than); () when none."""
    words = norm[max(0, start - 30):start].split()[-2:]
    if not words or not words[-1].isalpha():
        return ()
    if words[-1] not in _NOT_PARALLEL:
        return (words[-1],)
    if len(words) == 2 and words[0].isalpha() and words[0] not in _NOT_PARALLEL:
        return tuple(words)
    return ()


_COORD_RE = re.compile(r"\s*(?:,\s*|(?:و|and|or|او|أو|یا|يا)\s+|و)[^\W\d_]+")
_OPEN_QUOTES = frozenset({'"', "“", "«", "'"})
_TAIL_WORD_RE = re.compile(r"[^\W_]*$")
_TANWEEN = "\u064b"
_DURATIONS = frozenset({"day", "week", "month", "year", "hour", "minute", "second"})
# plural and dual endings whose singular a noun is looked up by (normalised
# spellings: ة is ه), in this order
_PLURAL_ENDINGS = (("ون", ""), ("ين", ""), ("ات", "ه"), ("ات", ""), ("يان", ""),
                   ("گان", "ه"), ("ان", ""))
_PROCLITICS = frozenset("وفبلك")
# "of them" that only people are (Arabic masculine and feminine human plural)
_PEOPLE_OF_RE = re.compile(r"\s*(?:منهم|منهن)(?![^\W_])")
# units that count people (a figure "of them" keeps one of these)
_PEOPLE = frozenset({"person", "member", "suspect", "defendant", "minor", "fighter", "user",
                     "follower", "subscriber", "employee", "officer", "official", "soldier",
                     "student", "journalist", "activist", "terrorist", "commander", "supporter",
                     "detainee", "prisoner", "victim", "witness", "refugee", "leader", "attacker"})
# letters only Persian writes (as the view spells them): a Persian line
_PERSIAN_RE = re.compile(f"[{PERSIAN_LETTERS}]")


def _is_phone(d: str) -> bool:
    """A digit run with a leading zero and at least four digits: a phone or code number."""
    return len(d) >= 4 and d.isdigit()


# the headline and lead, where a story's setting is named (the dollar's country)
_LEAD = 400
_TENS = {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}
# Words that end an English noun phrase after a number: the noun was not there.
_NOUN_PHRASE_ENDS = frozenset(
    "a an per each every in on at for to from by with since during after before than and or "
    "but that which who whom were was is are be been had have has said into across between "
    "over under about around this these those it they them he she we you".split())
# Units a number never borrows from a noun before it: durations and rates.
_NOT_BORROWED = frozenset({"day", "week", "month", "year", "hour", "minute", "second",
                           "percent", "usd", "eur", "gbp", "irr", "toman", "mad", "egp",
                           "afn", "pkr", "inr", "dinar", "rupee", "riyal", "dirham", "rub", "tjs",
                           "myr", "idr", "kes", "ngn", "php", "shilling", "dollar"})
# a parenthesis or a dash-delimited aside ending right before a number
_ASIDE_RE = re.compile(r"\s(?:[-–—]\s[^-–—()\n\d]{1,60}\s[-–—]|\([^()\n\d]{1,60}\))\s*$")
# the prepositions of a "more than" verb (يزيد على, يقل عن) before its number
_ON_PREPS = frozenset({"على", "علي", "عن"})
_NEGATED = {"at_least": "at_most", "at_most": "at_least"}


_SENTENCE_ENDS = (". ", ".\n", "\n", "? ", "! ", "؟")


def _sentence_start(norm: str, pos: int) -> int:
    lo = max(0, pos - 400)
    return max([lo] + [norm.rfind(t, lo, pos) + len(t) for t in _SENTENCE_ENDS
                       if norm.rfind(t, lo, pos) >= 0])


def first_is_digit(ph: "Phrase") -> bool:
    return bool(ph.atoms) and ph.atoms[0].kind == "digit"


@cache
def extractor() -> QuantityExtractor:
    """Built once, on first use: the tables are read from data files."""
    return QuantityExtractor(lexicon())


def as_number(v: float) -> int | float:
    return _num(v)
