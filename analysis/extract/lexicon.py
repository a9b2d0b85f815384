"""Word tables (data/lexicon/*.csv), loaded once and keyed on normalised forms.

The tables are data so that a linguist can add a spelling without touching
code.  Every key goes through the same ``normalize`` as the text, so a table
entry written with hamza, tanween or ZWNJ still matches any variant of it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import PATHS
from ..text.normalize import normalize

LEXICON_DIR: Path = PATHS.data / "lexicon"


def _rows(name: str) -> list[dict[str, str]]:
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=65536)
def key(s: str) -> str:
    """Normalised lookup key: also collapses runs of spaces (cached: the same
    words recur in every article)."""
    return " ".join(normalize(s).split())


def trie_pattern(words) -> str:
    """A regex alternation for ``words`` shaped as a trie.

    Python's ``re`` tries alternatives one by one; sharing prefixes makes the
    big alias and number-word alternations fail fast at most text positions.
    A space inside an entry matches any run of whitespace.
    """
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            atom = r"\s+" if ch == " " else re.escape(ch)
            alts.append(atom + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            # Longest match first; the empty alternative comes last.
            return "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True)
class NumberWord:
    value: float
    kind: str          # num | hundred | scale | scale_plural | scale_or_dual | dual | half
    ambiguous: bool
    lang: str


@dataclass(frozen=True)
class Month:
    month: int
    calendar: str      # gregorian | jalali
    lang: str
    ambiguous: bool


class Lexicon:
    def __init__(self) -> None:
        self.number_words: dict[str, NumberWord] = {}
        for r in _rows("number_words.csv"):
            v = float(r["value"])
            self.number_words[key(r["word"])] = NumberWord(
                v, r["kind"], r["ambiguous"] == "1", r["lang"])

        self.units: dict[str, str] = {}
        self.dual_units: dict[str, str] = {}
        self.percent_words: set[str] = set()
        # a form Arabic and Persian both write for different nouns (شهر: an
        # Arabic month, a Persian city): the Persian unit, for a Persian line
        self.units_fa: dict[str, str] = {}
        fa: dict[str, str] = {}
        other: dict[str, str] = {}
        for r in _rows("units.csv"):
            k = key(r["form"])
            if r["unit"] == "percent":
                self.percent_words.add(k)
            elif r["dual"] == "1":
                self.dual_units[k] = r["unit"]
            else:
                (fa if r["lang"] == "fa" else other)[k] = r["unit"]
        self.units.update(fa)
        self.units.update(other)
        self.units_fa = {k: u for k, u in fa.items() if other.get(k, u) != u}

        # position: before (right before the number), far (before it, maybe
        # past its noun: تخطّى عدد المتابعين 3000; also right before), after;
        # far_on: a verb whose preposition stands right before the number
        # (يزيد عدد أعضائها على 4 آلاف), never alone before it
        self.qual_before: dict[str, str] = {}
        self.qual_far: dict[str, str] = {}
        self.qual_after: dict[str, str] = {}
        self.qual_far_on: set[str] = set()
        for r in _rows("qualifiers.csv"):
            k = key(r["phrase"])
            if r["position"] == "after":
                self.qual_after[k] = r["qualifier"]
            elif r["position"] == "far_on":
                self.qual_far[k] = r["qualifier"]
                self.qual_far_on.add(k)
            else:
                self.qual_before[k] = r["qualifier"]
                if r["position"] == "far":
                    self.qual_far[k] = r["qualifier"]

        self.per_after: dict[str, str] = {}
        self.per_before: dict[str, str] = {}
        for r in _rows("per.csv"):
            self.per_after[key(r["phrase"])] = r["per"]
            if r["position"] == "both":
                self.per_before[key(r["phrase"])] = r["per"]

        # a currency name several countries use (dinar, rupee, riyal, dirham):
        # which one is told by the country or city the text names ("*": when
        # none is named)
        self.currencies: dict[str, dict[str, str]] = {}
        for r in _rows("currencies.csv"):
            cue = r["cue"] if r["cue"] == "*" else key(r["cue"])
            self.currencies.setdefault(r["name"], {})[cue] = r["currency"]

        self.cues: dict[str, set[str]] = {}
        for r in _rows("cues.csv"):
            self.cues.setdefault(r["role"], set()).add(key(r["phrase"]))

        self.months: dict[str, Month] = {}
        for r in _rows("months.csv"):
            self.months[key(r["name"])] = Month(
                int(r["month"]), r["calendar"], r["lang"], r["ambiguous"] == "1")

        self.ordinal_days: dict[str, int] = {}
        for r in _rows("ordinal_days.csv"):
            self.ordinal_days[key(r["word"])] = int(r["value"])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
