"""Cleaning: the article's own words, with an exact map back to the raw text.

Cleaning never edits the raw text. It computes a list of edits (each a raw
span, what replaces it, and the rule that made it); the cleaned text is the
raw text with the edits applied, and an offset map sends any span of the
cleaned text back to the exact raw span it came from. Almost every edit is a
deletion; the few replacements (an HTML entity such as ``&nbsp;`` becoming a
space) map their output characters to the whole entity.

Rules, in the order they apply (each reported per article in the book):

``line_end``         CR of a CRLF pair (and a lone CR becomes a line feed)
``html_entity``      ``&nbsp;``-style entities decoded; stray ``&`` remnants of
                     entities whose name was lost (003: ``&يبدو``) removed
``masthead``         a block of lines at the top repeated verbatim (002)
``caption_fragment`` a line that is a truncated copy of the next line (002)
``boilerplate``      lines listed in ``data/cleaning/boilerplate.csv``
                     ("اقرأ أيضا:" at the end of 001, a republisher's disclaimer)
``tweet``            embedded tweets (001), which become quoted sources
"""
from __future__ import annotations

import csv
import html
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from .tweets import Tweet, find_tweets


@dataclass(frozen=True)
class Edit:
    start: int          # raw span replaced
    end: int
    replacement: str
    rule: str
    note: str = ""


@dataclass(frozen=True)
class BoilerplateRule:
    pattern: re.Pattern
    where: str           # "last" (only the last non-empty line) or "any"
    reason: str


@dataclass
class CleanText:
    raw: str
    text: str
    edits: list[Edit]
    _starts: array
    _ends: array

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a cleaned span came from (exact, edits included)."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside cleaned text of {len(self.text)}")
        if start == end:
            pos = self._starts[start] if start < len(self.text) else len(self.raw)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def load_boilerplate(path: Path) -> tuple[BoilerplateRule, ...]:
    return _load_boilerplate_cached(str(path))


@lru_cache(maxsize=4)
def _load_boilerplate_cached(path: str) -> tuple[BoilerplateRule, ...]:
    rules = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["pattern", "where", "reason"]:
            raise InputError(path, "header must be pattern,where,reason", line=1)
        for row in reader:
            try:
                pattern = re.compile(row["pattern"])
            except re.error as err:
                raise InputError(path, f"bad pattern ({err})", line=reader.line_num) from None
            if row["where"] not in ("last", "any"):
                raise InputError(path, "where must be 'last' or 'any'", line=reader.line_num)
            rules.append(BoilerplateRule(pattern, row["where"], row["reason"]))
    return tuple(rules)


# --- rules: each returns edits over the raw text ---------------------------

_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_AMP = re.compile(r"&")


def _line_ends(raw: str) -> list[Edit]:
    edits = []
    for m in re.finditer(r"\r\n?", raw):
        if m.group() == "\r\n":
            edits.append(Edit(m.start(), m.start() + 1, "", "line_end"))
        else:
            edits.append(Edit(m.start(), m.end(), "\n", "line_end"))
    return edits


def _html_entities(raw: str) -> list[Edit]:
    edits = []
    covered = set()
    for m in _ENTITY.finditer(raw):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            decoded = decoded.replace("\xa0", " ")
            edits.append(Edit(m.start(), m.end(), decoded, "html_entity", m.group()))
            covered.add(m.start())
    for m in _AMP.finditer(raw):
        if m.start() in covered:
            continue
        before = raw[m.start() - 1] if m.start() else " "
        after = raw[m.end()] if m.end() < len(raw) else " "
        # "AT&T", "R&D", "Q&A": an ampersand between Latin letters is real.
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            continue
        edits.append(Edit(m.start(), m.end(), "", "html_entity", "stray '&'"))
    return edits


def _lines(raw: str) -> list[tuple[int, int, int]]:
    """(start, end-without-newline, end-with-newline) of each line."""
    out = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), pos + len(line)))
        pos += len(line)
    return out


def _masthead(raw: str, lines) -> list[Edit]:
    """A block of k lines at the very top, repeated at least twice in a row."""
    texts = [raw[s:e].strip() for s, e, _ in lines]
    nonempty = [i for i, t in enumerate(texts) if t]
    if not nonempty:
        return []
    first = nonempty[0]
    for k in range(1, 9):
        block = texts[first:first + k]
        if len(block) < k or not all(block):
            break
        reps = 1
        while texts[first + reps * k: first + (reps + 1) * k] == block:
            reps += 1
        if reps >= 2:
            end_line = first + reps * k - 1
            return [Edit(lines[first][0], lines[end_line][2], "", "masthead",
                         f"{k} line(s) repeated {reps} times")]
    return []


def _caption_fragments(raw: str, lines) -> list[Edit]:
    edits = []
    texts = [raw[s:e].strip() for s, e, _ in lines]
    for i, t in enumerate(texts):
        if not t:
            continue
        nxt = next((texts[j] for j in range(i + 1, len(texts)) if texts[j]), None)
        if nxt and len(t) < len(nxt) and nxt.startswith(t) and len(t.split()) >= 2:
            s, _, full = lines[i]
            edits.append(Edit(s, full, "", "caption_fragment", "truncated copy of the next line"))
    return edits


def _boilerplate(raw: str, lines, rules) -> list[Edit]:
    edits = []
    nonempty = [i for i, (s, e, _) in enumerate(lines) if raw[s:e].strip()]
    for i in nonempty:
        s, e, full = lines[i]
        for rule in rules:
            if rule.where == "last" and i != nonempty[-1]:
                continue
            if rule.pattern.search(raw[s:e]):
                edits.append(Edit(s, full, "", "boilerplate", rule.reason))
                break
    return edits


def _tweet_edits(raw: str, tweets: list[Tweet]) -> list[Edit]:
    edits = []
    for t in tweets:
        end = t.end
        if raw.startswith("\r\n", end):
            end += 2
        elif raw.startswith("\n", end):
            end += 1
        edits.append(Edit(t.start, end, "", "tweet", f"@{t.handle} {t.date}"))
    return edits


def _resolve(edits: list[Edit]) -> list[Edit]:
    """Keep non-overlapping edits; a larger edit (a whole line) wins over parts of it."""
    edits = sorted(edits, key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Edit] = []
    for e in edits:
        if kept and e.start < kept[-1].end:
            if e.end <= kept[-1].end:
                continue  # inside an edit already made
            prev = kept.pop()  # partial overlap: merge into one deletion
            e = Edit(prev.start, e.end, "", prev.rule, prev.note)
        kept.append(e)
    return kept


def clean(raw: str, boilerplate: tuple[BoilerplateRule, ...] = (),
          default_lang: str = "und") -> tuple[CleanText, list[Tweet]]:
    """Clean one raw article. Pure: returns the cleaned view and its tweets."""
    lines = _lines(raw)
    tweets = find_tweets(raw, default_lang)
    edits = (_line_ends(raw) + _html_entities(raw) + _masthead(raw, lines)
             + _caption_fragments(raw, lines) + _boilerplate(raw, lines, boilerplate)
             + _tweet_edits(raw, tweets))
    edits = _resolve(edits)
    parts: list[str] = []
    starts = array("l")
    ends = array("l")
    pos = 0
    for e in edits:
        parts.append(raw[pos:e.start])
        starts.extend(range(pos, e.start))
        ends.extend(range(pos + 1, e.start + 1))
        parts.append(e.replacement)
        starts.extend([e.start] * len(e.replacement))
        ends.extend([e.end] * len(e.replacement))
        pos = e.end
    parts.append(raw[pos:])
    starts.extend(range(pos, len(raw)))
    ends.extend(range(pos + 1, len(raw) + 1))
    return CleanText(raw, "".join(parts), edits, starts, ends), tweets


@dataclass(frozen=True)
class Paragraph:
    n: int
    start: int        # span in the cleaned text
    end: int
    raw_start: int    # the same span in the raw text
    raw_end: int
    lang: str


def paragraphs(ct: CleanText, identify, default_lang: str) -> list[Paragraph]:
    """Non-empty lines of the cleaned text, each with its language."""
    out = []
    for m in re.finditer(r"[^\n]+", ct.text):
        seg = m.group()
        if not seg.strip():
            continue
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        s, e = m.start() + lead, m.end() - trail
        rs, re_ = ct.to_raw(s, e)
        out.append(Paragraph(len(out) + 1, s, e, rs, re_, identify(ct.text[s:e], default_lang)))
    return out
