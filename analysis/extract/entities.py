"""Platforms, organizations and persons from the multilingual gazetteer.

data/gazetteer/entities.csv  id, kind, name_en, notes
data/gazetteer/aliases.csv   id, alias, lang     (every spelling -> canonical id)
data/gazetteer/guarded.csv   id, alias, lang, context, before, after
                             (ambiguous words: only with a context word within
                             a short window, a cue word right before or right
                             after the name, in a list of other platforms, or
                             once the text has used the name as the entity)
data/gazetteer/blocked.csv   phrase, reason      (names of things that contain
                             an alias but are not it, e.g. the ISIS Watch channel)

All aliases become one trie regex over the normalised view.  Arabic and
Persian clitics are allowed around a name (و ب ل ك ف, ال before a foreign
name, لل for names that start with ال; pronoun, plural and nisba suffixes) but
the returned span covers the name only.  All-capital Latin aliases (IS, VK,
FBI) must match the original text case-sensitively so "is" is never ISIS;
a guarded one too (X, the platform once Twitter, is never x), and its
capital tells nothing, so only its cues can make it the entity.
"""
from __future__ import annotations

import csv
import re
from operator import attrgetter
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..paths import PATHS
from .lexicon import key, trie_pattern
from .scan import first_word, matches, spellings

GAZETTEER_DIR: Path = PATHS.gazetteer

_PREFIX = r"(?:[وف]?(?:بال|كال|لل|ال|[بلك])|[وف])"
_SUFFIX = (r"(?:يهايي|يهاي|يها|هايي|هاي|ها|يون|يين|يه|ي|اي|ان|هما|هم|كم|نا|ش|ه)")
_SHORT_SUFFIXES = {"", "ي", "ها", "هاي"}
_GAP = r"(?:[\s_]+|\.)"        # between the words of a name
_N, _N2, _SUF = 2, 3, 4          # the name regex's groups n, n2 and suf, by number
URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ir|co|io|me|info|gov|edu|ly|uk|ru|be|eu)(?:/\S*)?"
    r"|[\w.+-]+@[\w-]+\.[\w.]+")
# "@" first, then "not after a word character or @": a literal-led pattern the
# regex engine finds with a fast search (the same matches as a lookbehind
# first, 20x faster on the bench's articles)
HANDLE_RE = re.compile(r"@(?<![\w@]@)(?P<h>[A-Za-z0-9_]{2,30})")


# between a cue word and the name: spaces, quotes and brackets
_CUE_GAP = r"[\s\"'«»“”()\[\]]*"


class Guard(NamedTuple):
    """What makes a guarded spelling the entity where it stands."""
    context: re.Pattern         # a word within 60 characters either side
    before: re.Pattern | None   # a cue ending right before the name
    after: re.Pattern | None    # a cue starting right after it
    blocked: re.Pattern | None  # the blocked phrases that contain it (X-ray)
    exact: str | None           # an all-capital Latin spelling (X): matched as
                                # written, and its capital tells nothing


def _cues(words: list[str], before: bool) -> re.Pattern | None:
    """One regex for the cue words of a guarded name: ``before``, a cue (with
    the clitics a name may take: على منصة, لموقع) ending the text before the
    name; otherwise one starting the text after it."""
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    if before:
        return re.compile(r"(?<![^\W_])" + _PREFIX + r"??(?:" + alts + r")" + _CUE_GAP + r"\Z")
    return re.compile(_CUE_GAP + r"(?:" + alts + r")(?![^\W_])")


class EntityHit(NamedTuple):
    start: int       # normalised offsets
    end: int
    kind: str
    canonical: str


# A hit built as a tuple in C (no Python-level constructor): EntityHit._make
# without its checks, for the many hits of every article.
_new = tuple.__new__
_UNSEEN = object()


def _read(name: str) -> list[dict[str, str]]:
    path = GAZETTEER_DIR / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _is_caps(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and alias.isascii() and all(c.isupper() for c in letters)


class EntityExtractor:
    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        for r in _read("entities.csv"):
            self.kinds[r["id"]] = r["kind"]
        # key -> (id, exact original spelling required or None)
        self.alias: dict[str, tuple[str, str | None]] = {}
        self.handles: dict[str, str] = {}
        self.guards: dict[str, tuple[str, Guard]] = {}
        for r in _read("aliases.csv"):
            ident, alias = r["id"], r["alias"].strip()
            if ident not in self.kinds:
                raise ValueError(f"aliases.csv: unknown id {ident!r} for alias {alias!r}")
            if alias.startswith("@"):
                self.handles[alias[1:].lower()] = ident
                continue
            k = key(alias)
            exact = alias if _is_caps(alias) else None
            old = self.alias.get(k)
            if old is None or (old[1] is not None and exact is None):
                self.alias[k] = (ident, exact)
            if alias.isascii() and " " not in alias and "." not in alias:
                self.handles.setdefault(alias.lower(), ident)
        # Two spellings that normalise alike (أعماق, اعماق) share one entry:
        # the context words of both count (they used to overwrite each other).
        contexts: dict[str, tuple[str, list[str], list[str], list[str], str | None]] = {}
        for r in _read("guarded.csv"):
            ident = r["id"]
            if ident not in self.kinds:
                raise ValueError(f"guarded.csv: unknown id {ident!r}")
            alias = r["alias"].strip()
            k = key(alias)
            if k in contexts and contexts[k][0] != ident:
                raise ValueError(f"guarded.csv: {r['alias']!r} is guarded for two ids")
            entry = contexts.setdefault(k, (ident, [], [], [], alias if _is_caps(alias) else None))
            for col, words in zip(("context", "before", "after"), entry[1:4]):
                words += [key(c) for c in (r.get(col) or "").split("|")
                          if c.strip() and key(c) not in words]
        # A blocked phrase that holds a plain alias is looked for in every
        # text (below); one that holds only a guarded name (X-ray, Malcolm X)
        # only where that name stands, when its guard is checked.
        blocked_guarded: dict[str, list[str]] = {}
        self.blocked = []
        for r in _read("blocked.csv"):
            b = key(r["phrase"])
            words = set(re.findall(r"[^\W_]+", b))
            inside = [k for k in contexts if set(k.split()) <= words and re.search(
                r"(?<![^\W_])" + re.escape(k) + r"(?![^\W_])", b)]
            if inside and not any(set(a.split()) <= words for a in self.alias):
                for k in inside:
                    blocked_guarded.setdefault(k, []).append(b)
            else:
                self.blocked.append(b)
        for k, (ident, words, before, after, exact) in contexts.items():
            bl = blocked_guarded.get(k)
            self.guards[k] = (ident, Guard(
                re.compile("|".join(words) or "(?!)"), _cues(before, True), _cues(after, False),
                re.compile(trie_pattern(sorted(bl)).replace(r"\s+", r"[\s_]+")) if bl else None,
                exact))
        # the blocked regex runs only on a text that has every word of some
        # blocked phrase (its first words, isis and داعش, are in almost every text)
        self.blocked_words = [tuple(b.split()) for b in self.blocked if b.split()]
        self._decide: dict = {}
        names = set(self.alias) | set(self.guards)
        # Names that start with ال lose it after لل (للدولة الإسلامية): their
        # stripped forms join the trie but only count after a لل prefix.
        self.stripped = {k[2:]: k for k in names if k.startswith("ال") and len(k) > 4}
        # The trie's spaces match any whitespace run; hashtags write them as _,
        # and a transliterated brand may keep the brand's dot (روكيت.تشات).
        tp = trie_pattern(sorted(names)).replace(r"\s+", _GAP)
        tps = (trie_pattern(sorted(self.stripped)).replace(r"\s+", _GAP)
               if self.stripped else "(?!)")
        # One alternative with a lazy prefix: the bare name is tried first, so
        # البغدادي is the alias itself, not ال + a shorter alias.
        self.re = re.compile(
            r"(?<![^\W_])(?P<pre>" + _PREFIX + r")??(?:(?P<n>" + tp + r")|(?<=لل)(?P<n2>" + tps + r"))"
            r"(?P<suf>" + _SUFFIX + r")?(?![^\W_])")
        assert (self.re.groupindex["n"], self.re.groupindex["n2"], self.re.groupindex["suf"]) == (
            _N, _N2, _SUF)
        # A name longer than one word can run past the word it begins in:
        # the words that are such a name's first word, with a prefix the regex
        # allows. Any other word cannot, so what the regex makes of it at a
        # word's start is worked out once per word and kept (``_at_word``):
        # most names an article has recur.
        firsts = {first_word(n) for n in names | set(self.stripped) if first_word(n) != n}
        self._longer_from = frozenset(p + f for p in ("",) + spellings(_PREFIX, 4) for f in firsts)
        self._at_word: dict[str, tuple | None | bool] = {}
        self.blocked_re = (re.compile(trie_pattern(sorted(self.blocked)).replace(r"\s+", r"[\s_]+"))
                           if self.blocked else None)

    def scan_entries(self):
        """(entry, prefixes, suffixes) of every name, for the word table
        (analysis.extract.scan): the affixes the regex allows around it."""
        pre = ("",) + spellings(_PREFIX, 4)
        suf = ("",) + spellings(_SUFFIX, 5)
        for k in sorted(set(self.alias) | set(self.guards)):
            yield k, pre, suf
        after_ll = tuple(p for p in pre if p.endswith("لل"))
        for k in sorted(self.stripped):
            yield k, after_ll, suf

    def _decision(self, n: str | None, n2: str | None, suf: str | None):
        """What a matched spelling is: False (not a mention), or (id, the
        exact spelling required or None, the guard's context regex or None)."""
        g, name = ("n", n) if n is not None else ("n2", n2)
        k = " ".join(name.replace("_", " ").split())
        if k not in self.alias and k not in self.guards and k not in self.stripped and "." in k:
            k = " ".join(k.replace(".", " ").split())      # the dot stood for a space
        if g == "n2":
            k = self.stripped[k]
        d = False
        if not (suf and (name.isascii() or (len(name) <= 3 and suf not in _SHORT_SUFFIXES))):
            entry = self.alias.get(k)
            if entry is not None:
                d = (entry[0], entry[1], None)
            elif k in self.guards:
                ident, guard = self.guards[k]
                d = (ident, guard.exact, guard)
        if len(self._decide) < 100_000:
            self._decide[(n, n2, suf)] = d
        return d

    def _decided(self, k):
        d = self._decide.get(k)
        return self._decision(*k) if d is None else d

    def _word_match(self, w: str):
        """What the name regex matches at the start of the whole word ``w``:
        None (nothing), False (a longer name may begin here: ask the regex
        on the text), or (what the match is (``_decision``), the name's start
        and end and the match's end, relative to the word)."""
        if w in self._longer_from:
            r = False
        else:
            # the word stands alone: what follows it is not a word character
            m = self.re.match(w + " ")
            if m is None:
                r = None
            else:
                k = m.group(_N, _N2, _SUF)
                r = (self._decided(k), *m.span(_N if k[0] is not None else _N2), m.end())
        if len(self._at_word) < 100_000:
            self._at_word[w] = r
        return r

    def _names(self, norm: str, starts: list[int] | None, ends: list[int] | None):
        """(what it is (``_decision``: id, exact spelling, guard), start, end)
        of each name regex match that is a mention, as ``self.re.finditer(norm)``
        finds them; with the word table's starts and ends of names, trying only
        there, and the regex only where the word alone cannot tell."""
        out = []
        if starts is None or ends is None:
            for m in self.re.finditer(norm) if starts is None else matches(self.re, starts, norm):
                k = m.group(_N, _N2, _SUF)
                d = self._decided(k)
                if d is not False:
                    out.append((d, *m.span(_N if k[0] is not None else _N2)))
            return out
        return _names_at(self, norm, starts, ends)

    def extract(self, view, url_spans: list[tuple[int, int]] | None = None,
                starts: list[int] | None = None, ends: list[int] | None = None
                ) -> list[EntityHit]:
        """Entity hits in ``view``; ``starts`` and ``ends``, the word table's
        starts of names and ends of their words (analysis.extract.scan),
        when the caller has them."""
        norm, text = view.norm, view.text
        bad: list[tuple[int, int]] = (list(url_spans) if url_spans is not None
                                      else [m.span() for m in URL_RE.finditer(norm)])
        if self.blocked_re and any(all(w in norm for w in ws) for ws in self.blocked_words):
            bad += [m.span() for m in self.blocked_re.finditer(norm)]
        hits: list[EntityHit] = []
        pending: list[EntityHit] = []
        unordered = False          # handles and late acceptances come out of order
        handle_spans: list[tuple[int, int]] = []
        for m in HANDLE_RE.finditer(norm):
            if _inside(m.start(), m.end(), bad):
                continue
            ident = self.handles.get(m.group("h").lower())
            handle_spans.append(m.span())
            if ident:
                hits.append(_new(EntityHit, (m.start(), m.end(), self.kinds[ident], ident)))
                unordered = True
        # Names recur: what a matched spelling means (its id, whether it must
        # match case exactly, whether it is guarded) is worked out once per
        # spelling and kept; per hit only the checks that depend on where it
        # stands are left. Spans closed to names are marked in a byte mask.
        badmask = None
        if bad:
            badmask = bytearray(len(norm) + 1)
            for a_, b_ in bad:
                badmask[a_:b_] = b"\x01" * (b_ - a_)
        handlemask = None
        if handle_spans:
            handlemask = bytearray(len(norm) + 1)
            for a_, b_ in handle_spans:
                handlemask[a_:b_] = b"\x01" * (b_ - a_)
        kinds = self.kinds
        for d, s, e in self._names(norm, starts, ends):
            if badmask is not None and badmask[s] and _inside(s, e, bad):
                continue
            if handlemask is not None and handlemask.find(1, s, e) != -1 \
                    and _overlaps(s, e, handle_spans):
                continue
            ident, exact, guard = d
            if exact is not None:
                os_, oe = view.span(s, e)
                if text[os_:oe] != exact:
                    continue
            if guard is not None:
                verdict = _guarded(guard, view, s, e)
                if verdict is None:
                    continue
                if not verdict:
                    # decided below: a name in a list of other platforms counts
                    pending.append(_new(EntityHit, (s, e, kinds[ident], ident)))
                    continue
            hits.append(_new(EntityHit, (s, e, kinds[ident], ident)))
        if pending:
            late = _listed(pending, hits, norm)
            if pending:
                late += _same_referent(pending, hits + late, view)
            if late:
                hits += late
                unordered = True
        if unordered:
            hits.sort(key=_BY_SPAN)
        return _drop_appositions(hits, norm)


_BY_SPAN = attrgetter("start", "end")


def _names_at(ex, norm, starts, ends):
    """``EntityExtractor._names`` with the word table's starts and ends:
    what the name regex makes of each word is looked up (``_at_word``), and
    the regex runs only where a longer name may begin. (A module function:
    entities.pxd gives its arguments and locals C types when compiled.)"""
    out = []
    at_word = ex._at_word
    match = ex.re.match
    last = 0
    for j in range(min(len(starts), len(ends))):
        p = starts[j]
        if p < last:
            continue
        e = ends[j]
        w = norm[p:e]
        r = at_word.get(w, _UNSEEN)
        if r is _UNSEEN:
            r = ex._word_match(w)
        if r is None:
            continue
        if r is False:
            m = match(norm, p)
            if m is None:
                continue
            last = m.end()
            k = m.group(_N, _N2, _SUF)
            d = ex._decided(k)
            if d is not False:
                out.append((d, *m.span(_N if k[0] is not None else _N2)))
        else:
            d, a, b, end = r
            last = p + end
            if d is not False:
                out.append((d, p + a, p + b))
    return out


def _guarded(guard: Guard, view, s: int, e: int) -> bool | None:
    """A guarded name at ``s:e``: True (the entity: a context word near it, a
    cue right before or after it, or a Latin capital inside a sentence),
    None (inside a blocked phrase: never) or False (undecided: the list and
    one-sense checks decide)."""
    norm = view.norm
    if guard.blocked is not None:
        a = max(0, s - 40)
        if any(m.start() + a <= s and e <= m.end() + a
               for m in guard.blocked.finditer(norm[a:e + 40])):
            return None
    if guard.context.search(norm[max(0, s - 60):s] + " " + norm[e:e + 60]):
        return True
    if guard.before is not None and guard.before.search(norm[max(0, s - 40):s]):
        return True
    if guard.after is not None and guard.after.match(norm, e, e + 40):
        return True
    return guard.exact is None and _capitalised_inside(view, s, e)


_LIST_GAP = re.compile(r"^[\s,،؛;/]*(?:(?:و|and|or|یا|أو|او)\s*)?$")


def _listed(pending: list[EntityHit], hits: list[EntityHit], norm: str) -> list[EntityHit]:
    """Ambiguous names (Riot, Hoop, هوب) that stand in a list of other platforms.

    "Rocket.Chat, Riot, Hoop and nandbox": with no context word nearby, the
    neighbours make the reading certain. Accepted names count as neighbours
    too, so a whole list of ambiguous names is accepted from one sure one.
    """
    accepted: list[EntityHit] = []
    sure = [h for h in hits if h.kind == "platform"]
    changed = True
    while changed and pending:
        changed = False
        for p in list(pending):
            for h in sure:
                gap = norm[h.end:p.start] if h.end <= p.start else norm[p.end:h.start]
                if len(gap) <= 12 and _LIST_GAP.match(gap) and p.kind == h.kind:
                    accepted.append(p)
                    sure.append(p)
                    pending.remove(p)
                    changed = True
                    break
    return accepted


def _same_referent(pending: list[EntityHit], hits: list[EntityHit], view) -> list[EntityHit]:
    """Ambiguous names the same text has already used as the entity (one
    sense per text): once "Hoop" or هوب is the app somewhere in an article,
    its other mentions there are the app too, even with no context word
    nearby. A Latin spelling must be capitalised (Riot the app, not a riot)."""
    known = {h.canonical for h in hits}
    out = []
    for p in pending:
        if p.canonical not in known:
            continue
        os_, _ = view.span(p.start, p.end)
        c = view.text[os_]
        if c.isascii() and not c.isupper():
            continue
        out.append(p)
    return out


# between a description and its name: quotes, brackets, and at most one
# nisba adjective (مكتب التحقيقات الفيدرالي الأمريكي «إف بي آي»)
_APPOSITION_GAP = re.compile(r"^[\s\"'«»“”()]*(?:ال[^\W\d_]+ي[\s\"'«»“”()]+)?$")


def _drop_appositions(hits: list[EntityHit], norm: str) -> list[EntityHit]:
    """A description right before the name it describes is one mention, not two:
    "وكالة الشرطة الأوروبية يوروبول" (the European police agency Europol)
    counts the name only."""
    drop = {i for i, (h, nxt) in enumerate(zip(hits, hits[1:]))
            if nxt.canonical == h.canonical and 0 <= nxt.start - h.end <= 16
            and _apposition(h, nxt, norm)}
    if not drop:
        return hits
    return [h for i, h in enumerate(hits) if i not in drop]


def _apposition(h: EntityHit, nxt: EntityHit, norm: str) -> bool:
    """``h`` describes ``nxt`` (the same entity, at most 16 characters after it)."""
    gap = norm[h.end:nxt.start]
    # A name in two scripts ("Akhbar Al Aan أخبار الآن"), or with its @handle,
    # is two; but a description with its Latin acronym in brackets (وحدة
    # الإحالة على الإنترنت (EU IRU)) is one, the acronym.
    return bool(_APPOSITION_GAP.match(gap)
                and (h.end - h.start) > (nxt.end - nxt.start)
                and (_latin(norm[h.start:h.end]) == _latin(norm[nxt.start:nxt.end]) or "(" in gap)
                and not norm.startswith("@", nxt.start))


def _capitalised_inside(view, s: int, e: int) -> bool:
    """A Latin name written with a capital inside a sentence (", and Riot's
    developers"): a proper name, not the common word (a riot, hoop)."""
    os_, oe = view.span(s, e)
    text = view.text
    word = text[os_:oe]
    if not (word.isascii() and word[:1].isupper()):
        return False
    before = text[max(0, os_ - 3):os_].rstrip(" \t\"'“‘(«")
    return bool(before) and before[-1] not in ".!?:\n"


def _latin(s: str) -> bool:
    return any("a" <= c <= "z" for c in s)


def _inside(s: int, e: int, spans) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


@cache
def extractor() -> EntityExtractor:
    """Built once, on first use: the tables are read from data files."""
    return EntityExtractor()
