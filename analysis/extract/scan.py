"""Where a name, a number word or a month name can start: one pass for all three.

The entity, number-word and month regexes are big tries that can only match
at the start of a word (each begins with a "no word character before"
lookbehind). Python's ``re`` would try each of them at every position of
the text; instead, every word a match can begin with -- a vocabulary entry's
first word with each prefix and suffix its regex allows, about 80,000
spellings -- is put in one Aho-Corasick automaton, which finds them all in
one pass in compiled code; the few found at a word's start and end are kept,
and each regex then runs only there. The matches are the same, in the same
order, as ``pattern.finditer`` (``matches``; a test compares the two on every
gold text and on synthetic articles).

Why ahocorasick-rs (1.0.3, Apache-2.0, one compiled module of about 1 MB
with wheels for the usual platforms, maintained): measured here on the
bench's articles, finding the starts took 0.08 ms an article with it, 0.10 ms
with pyahocorasick 2.3.1 and 0.13 ms in pure Python (``re.findall`` of the
words, looked up in a set, then located with ``str.find``); the regexes
alone took 0.42 ms. Its leftmost-longest, non-overlapping search finds every
whole word that is listed: a match cannot cross a non-word character (no
spelling has one) and the longest spelling starting at a word's first
character is at most the word.
"""
from __future__ import annotations

import re

from ahocorasick_rs import AhoCorasick, MatchKind

_FIRST = re.compile(r"[^\W_]*")
# Not a letter in a word of the table (\w is str.isalnum() or "_", \d is
# str.isdecimal(); the words are joined with newlines)
_NOT_LETTER = re.compile(r"[^\w\n]|[\d_]")


def spellings(regex: str, max_len: int) -> tuple[str, ...]:
    """Every string up to ``max_len`` characters that ``regex`` (an affix
    pattern made of literal letters) matches whole, the empty one included
    when it does: the table's prefixes and suffixes are derived from the very
    patterns the regexes use, so the two cannot drift apart."""
    letters = sorted({c for c in regex if c.isalpha()})
    pat = re.compile(regex)
    found = [""] if pat.fullmatch("") else []
    layer = [""]
    for _ in range(max_len):
        layer = [w + c for w in layer for c in letters]
        found += [w for w in layer if pat.fullmatch(w)]
    return tuple(found)


def first_word(entry: str) -> str:
    """The leading word of a (normalised) vocabulary entry."""
    return _FIRST.match(entry).group()


class WordTable:
    """Words a vocabulary match can begin with, each with the bit of every
    vocabulary that can: ``add(group, entry, prefixes, suffixes)``."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}
        self.groups: list[str] = []
        self._words: tuple[str, ...] = ()
        self._singles: dict[str, tuple[str, ...]] = {}   # head character -> what must follow
        self._literals: tuple[str, ...] = ()

    def heads(self, heads: tuple[str, ...]) -> None:
        """Also find, in the same pass, the digit runs (``\\d+``) and the
        places where a pattern that begins with one of ``heads`` (or with a
        digit) can start. A head's first character goes in the automaton
        (never a word character: it cannot hide a word), its rest is checked
        after it; a head that starts with a letter is found with str.find."""
        singles: dict[str, list[str]] = {}
        literals = []
        for h in heads:
            if h[0].isalnum():
                literals.append(h)
            else:
                singles.setdefault(h[0], []).append(h)
        self._singles = {c: tuple(hs) for c, hs in singles.items()}
        self._literals = tuple(literals)
        self._words = ()

    def group(self, name: str) -> int:
        if name not in self.groups:
            self.groups.append(name)
        return 1 << self.groups.index(name)

    def add(self, name: str, entry: str, prefixes=("",), suffixes=("",)) -> None:
        """``entry``'s first word, with each prefix, and each suffix when the
        entry is one word (a suffix of a longer name follows its last word)."""
        bit = self.group(name)
        first = first_word(entry)
        if not first:
            raise ValueError(f"{name}: {entry!r} does not start with a word character")
        ends = suffixes if first == entry else ("",)
        bits = self.bits
        for p in prefixes:
            for s in ends:
                w = p + first + s
                bits[w] = bits.get(w, 0) | bit
        self._words = ()

    def _build(self) -> None:
        self._words = tuple(self.bits)
        # one C-speed search over all the words, not a loop over 90,000 (a word
        # is bad when it is empty or holds a non-letter: _NOT_LETTER)
        joined = "\n".join(self._words)
        if ("" in self.bits or _NOT_LETTER.search(joined)
                or joined.count("\n") != len(self._words) - 1):
            bad = next(w for w in self._words if not w.isalnum() or any(c.isdecimal() for c in w))
            raise ValueError(f"{bad!r}: a listed word must be letters (digits are found apart)")
        digits = tuple(c for c in map(chr, range(0x110000)) if c.isdecimal())
        self._first_digit = len(self._words)
        self._zero = self._first_digit + digits.index("0")
        self._first_single = self._first_digit + len(digits)
        self._single_keys = tuple(self._singles)
        # Leftmost-longest, one match at a time: a word's whole spelling wins at
        # its start, and a digit or a head character is a match of its own.
        self._ac = AhoCorasick(self._words + digits + self._single_keys,
                               matchkind=MatchKind.LeftmostLongest)
        self._lists_of = []
        for w in self._words:
            b, k, ks = self.bits[w], 0, []
            while b:
                if b & 1:
                    ks.append(k)
                b >>= 1
                k += 1
            self._lists_of.append(tuple(ks))

    def starts(self, norm: str) -> dict[str, list[int]]:
        """Start offsets, in order, of the words in ``norm`` that some
        vocabulary can begin with, per vocabulary."""
        return self.find(norm)[0]

    def find(self, norm: str
             ) -> tuple[dict[str, list[int]], list[int], list[int], list[int]]:
        """(``starts``, the starts of digit runs, the sorted places where a
        head or a digit starts, the ends of the first group's words), in one
        pass over ``norm``. A word found is whole, so the first group's
        ``norm[start:end]`` is the whole word its match must begin with."""
        if not self._words:
            self._build()
        out: dict[str, list[int]] = {g: [] for g in self.groups}
        lists = [out[g] for g in self.groups]
        ends: list[int] = []
        runs: list[int] = []
        heads: list[int] = []
        _sort_matches(self._ac.find_matches_as_indexes(norm), norm, lists, self._lists_of, ends,
                      runs, heads, self._first_digit, self._first_single, self._zero,
                      self._singles, self._single_keys)
        if self._literals:
            find = norm.find
            for h in self._literals:
                p = find(h)
                while p >= 0:
                    heads.append(p)
                    p = find(h, p + 1)
            heads.sort()
        return out, runs, heads, ends


def _sort_matches(found, norm, lists, lists_of, ends, runs, heads, first_digit, first_single,
                  zero, singles, single_keys):
    """``WordTable.find``'s sorting of the automaton's matches ``(i, start,
    end)``: whole words to their groups' ``lists`` (and the first group's
    word ends to ``ends``), the first digit of each run to ``runs``, and
    where a block can start to ``heads``. (A module function: scan.pxd gives
    its arguments and locals C types when compiled.)"""
    n = len(norm)
    last_digit = -2
    for i, p, e in found:
        if i < first_digit:
            # a whole word, not a piece of one
            if (p == 0 or not norm[p - 1].isalnum()) and (e == n or not norm[e].isalnum()):
                for k in lists_of[i]:
                    lists[k].append(p)
                    if not k:
                        ends.append(e)
        elif i < first_single:
            if p != last_digit + 1:
                runs.append(p)
                heads.append(p)
            elif i == zero or "-" in norm[p + 3:p + 5]:
                # inside a run, a block can start only at a 0 (0044..., 0xx
                # phone numbers) or 3-4 digits before a hyphen (1234-567-890):
                # every other digit of a run is no place to try (_BLOCK_RE)
                heads.append(p)
            last_digit = p
        elif norm.startswith(singles[single_keys[i - first_single]], p):
            heads.append(p)


def matches(pattern, starts, norm):
    """``list(pattern.finditer(norm))`` for a pattern (``re.Pattern``) that
    can only match at one of ``starts`` (sorted offsets): the same matches,
    trying only there. (scan.pxd types it when compiled.)"""
    out = []
    last = 0
    match = pattern.match
    for p in starts:
        if p < last:
            continue
        m = match(norm, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


_TABLE: WordTable | None = None


def table() -> WordTable:
    """The word table of the three vocabularies (built once, on first use):
    groups ``names`` (the gazetteer), ``numbers`` (number words and dual
    nouns) and ``months`` (month names)."""
    global _TABLE
    if _TABLE is None:
        from . import dates, entities, numbers
        t = WordTable()
        from . import _BLOCK_HEADS
        t.heads(_BLOCK_HEADS)
        for group, entries in (("names", entities.extractor().scan_entries()),
                               ("numbers", numbers.extractor().scan_entries()),
                               ("months", dates.extractor().scan_entries())):
            t.group(group)
            for entry, prefixes, suffixes in entries:
                t.add(group, entry, prefixes, suffixes)
        _TABLE = t
    return _TABLE
