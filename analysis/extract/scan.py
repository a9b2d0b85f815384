"""Where a name, a number word or a month name can start: one pass for all three.

The entity, number-word and month regexes are big tries that can only match
at the start of a word (each begins with a "no word character before"
lookbehind). Python's ``re`` would try each of them at every position of
the text; instead, every word a match can begin with -- a vocabulary entry's
first word with each prefix and suffix its regex allows -- is listed once in
a table, the text's words are looked up in it in C (``re.findall`` and a
set), and each regex then runs only where a listed word starts. The matches
are the same, in the same order, as ``pattern.finditer`` (``matches``; a test
compares the two on every gold text and on synthetic articles).

Why not a C multi-pattern matcher (pyahocorasick, ahocorasick-rs): measured
here on the bench's articles, finding the same starts took about 0.08 ms an
article with either against 0.13 ms with this table -- a few per cent of the
whole extraction -- and both return every match inside other words too,
which then need the same checks in Python. Not worth a compiled dependency.
"""
from __future__ import annotations

import re
from itertools import compress

_WORD = re.compile(r"[^\W_]+")          # a word: what the regexes' boundaries delimit
_FIRST = re.compile(r"[^\W_]*")


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
        self._words: frozenset[str] = frozenset()

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
        self._words = frozenset()

    def starts(self, norm: str) -> dict[str, list[int]]:
        """Start offsets, in order, of the words in ``norm`` that some
        vocabulary can begin with, per vocabulary."""
        if not self._words:
            self._words = frozenset(self.bits)
        words = _WORD.findall(norm)
        out: dict[str, list[int]] = {g: [] for g in self.groups}
        hits = list(compress(words, map(self._words.__contains__, words)))
        if not hits:
            return out
        lists = [out[g] for g in self.groups]
        bits = self.bits
        find = norm.find
        n = len(norm)
        cur = 0
        for w in hits:
            # The first whole-word occurrence from ``cur`` is this word: any
            # earlier one would have been listed before it.
            p = find(w, cur)
            while p >= 0:
                e = p + len(w)
                if (p == 0 or not norm[p - 1].isalnum()) and (e == n or not norm[e].isalnum()):
                    break
                p = find(w, p + 1)
            else:
                raise AssertionError(f"{w!r} listed but not found")    # cannot happen
            cur = e
            b = bits[w]
            k = 0
            while b:
                if b & 1:
                    lists[k].append(p)
                b >>= 1
                k += 1
        return out


def matches(pattern: re.Pattern, starts: list[int], norm: str) -> list[re.Match]:
    """``list(pattern.finditer(norm))`` for a pattern that can only match at
    one of ``starts`` (sorted): the same matches, trying only there."""
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
        for group, entries in (("names", entities.extractor().scan_entries()),
                               ("numbers", numbers.extractor().scan_entries()),
                               ("months", dates.extractor().scan_entries())):
            t.group(group)
            for entry, prefixes, suffixes in entries:
                t.add(group, entry, prefixes, suffixes)
        _TABLE = t
    return _TABLE
