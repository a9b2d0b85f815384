"""The project's one normalised view of a text for matching, with a map back.

The raw text is never altered: the corpus, the extractor and any search use
this view to compare words, and map what they find back to raw offsets.
Matching is done on a view where spelling variants that news writers mix
freely collapse to one form (ي/ی/ى, ك/ک, ة/ه, أ/إ/آ/ٱ→ا, Arabic-Indic and
Persian digits → ASCII, Latin lower-cased) and where invisible or optional
characters (diacritics, tatweel, ZWNJ, bidi marks) are dropped.  The 1:1
substitutions keep offsets; only the deletions shift them, so the offset map is
built from the (usually few) deleted positions with C-speed ``range`` extends
instead of a per-character Python loop.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# Characters removed from the view: harakat and Quranic marks, superscript
# alef, tatweel, ZWNJ/ZWJ/LRM/RLM, bidi embeddings and isolates, BOM, soft hyphen.
_DELETE = ("\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e"
           "\u2066-\u2069\ufeff\u00ad")
DELETE_RE = re.compile(f"[{_DELETE}]")
# Compiled (analysis/compiled.py), this module finds the deletions with a
# loop over the characters (_deleted_scan), several times cheaper there than
# the regex's scan; as Python the regex is the faster.
_COMPILED = not __file__.endswith(".py")
_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه",
    "\u066b": ".",   # Arabic decimal separator ٫
    "\u066c": ",",   # Arabic thousands separator ٬
    "_": " ",        # hashtags: #أبو_بكر_البغدادي reads as words
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u2007": " ", "\u2008": " ", "\u3000": " ",
    "\u2019": "'", "\u2018": "'",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)   # Arabic-Indic
    _MAP[chr(0x06F0 + _i)] = str(_i)   # Persian (Extended Arabic-Indic)
_TABLE = str.maketrans({k: v for k, v in _MAP.items()})
_TABLE.update({ord(c): None for c in
               "".join(chr(x) for x in range(0x064B, 0x0660))
               + "\u0670\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c"
                 "\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
               + "".join(chr(x) for x in range(0x06D6, 0x06EE))})


def _lower(s: str) -> str:
    """Lower-case one character at a time (the view is a per-character map).

    ``str.lower`` is used whole when it is per-character: it is, except that a
    few characters (U+0130) lower-case to two code points, kept as they are so
    the view stays aligned with the map, and that Greek capital sigma
    lower-cases by context (final ς); that one is lowered alone.
    """
    low = s.lower()
    if len(low) == len(s) and "\u03a3" not in s:
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


# str.translate with a dict looks every character up in Python (measured
# here: 7x slower than this on the corpus). The same mapping as one C-speed
# deletion (DELETE_RE: the table's deletions) plus a replace per variant that
# occurs; no replacement produces another key, so their order does not
# matter. A test checks this equals the table.
_REPLACE = tuple((chr(k), v) for k, v in _TABLE.items() if v is not None)
assert not {v for _, v in _REPLACE} & {k for k, _ in _REPLACE}


def fold(text: str) -> str:
    """The normalised form with letter case kept: deletions and variant letters
    only (the search matches all-capital names such as IS and VK by case)."""
    return _replace(DELETE_RE.sub("", text))


def _replace(text: str) -> str:
    """The variant letters of a text with nothing left to delete, folded."""
    for variant, folded in _REPLACE:
        if variant in text:
            text = text.replace(variant, folded)
    return text


def normalize(text: str) -> str:
    """The normalised form of a string (used for lexicon and alias keys).

    A per-character map: ``normalize(s) == "".join(map(normalize, s))`` for
    every string (a test checks), so a character table generated from this
    function (the book's search script, ``analysis/book/search_terms.py``)
    maps exactly as it does.
    """
    return _lower(fold(text))


def _deleted_scan(text):
    """The indices of the characters DELETE_RE matches, in order, found by
    a loop over the characters: normalize.pxd makes it a C loop when
    compiled. (A test checks it against DELETE_RE on every character.)"""
    out = []
    i = 0
    for c in text:
        if c >= "\u00ad" and (
                c == "\u00ad"
                or ("\u0640" <= c <= "\u06ed"
                    and (c == "\u0640" or "\u064b" <= c <= "\u065f" or c == "\u0670"
                         or c >= "\u06d6"))
                or ("\u200b" <= c <= "\u2069"
                    and (c <= "\u200f" or "\u202a" <= c <= "\u202e" or c >= "\u2066"))
                or c == "\ufeff"):
            out.append(i)
        i += 1
    return out


def _deleted(text: str) -> list[int]:
    """The indices of the characters the view drops (DELETE_RE), in order."""
    if _COMPILED:
        return _deleted_scan(text)
    return [m.start() for m in DELETE_RE.finditer(text)]


def _spans(at, shift, text, pairs):
    """``View.spans`` where the view dropped characters (a module function:
    normalize.pxd types it when compiled)."""
    n, nat = len(text), len(at)
    out = []
    k = 0
    for s, e in pairs:
        while k < nat and at[k] <= s:
            k += 1
        a = s + (shift[k - 1] if k else 0)
        j = k
        while j < nat and at[j] < e:
            j += 1
        b = e + (shift[j - 1] if j else 0)
        # harakat and tatweel written on the last letter belong to the word (_MARKS)
        while b < n:
            c = text[b]
            if not ("\u064b" <= c <= "\u065f" or c == "\u0670" or c == "\u0640"):
                break
            b += 1
        out.append((a, b))
    return out


class View:
    """Normalised text ``norm`` plus the way back to offsets in ``text``.

    Deletions come in few runs, so the map is stored as the normalised
    positions where a run was removed plus the cumulative shift there, and
    looked up by bisection (no per-character list to build).
    """

    __slots__ = ("text", "norm", "_at", "_shift")

    def __init__(self, text: str):
        self.text = text
        self._at: list[int] = []
        self._shift: list[int] = []
        # One scan for the deletions gives both the kept text and the map
        # (normalize's DELETE_RE.sub, then a finditer for the map, was two).
        at, shifts = self._at, self._shift
        kept = []
        shift = last = 0
        for s in _deleted(text):
            e = s + 1
            kept.append(text[last:s])
            last = e
            if at and at[-1] == s - shift:
                shifts[-1] += e - s          # adjacent runs (ـــ) merge
            else:
                at.append(s - shift)
                shifts.append(shift + e - s)
            shift += e - s
            shifts[-1] = shift
        if kept:
            kept.append(text[last:])
            text = "".join(kept)
        self.norm = _lower(_replace(text))

    def orig(self, i: int) -> int:
        """Original index of the character at normalised index ``i``."""
        k = bisect_right(self._at, i)
        return i + (self._shift[k - 1] if k else 0)

    def spans(self, pairs) -> list[tuple[int, int]]:
        """``[span(s, e) for s, e in pairs]`` for non-empty spans sorted by
        start, walking the map once instead of bisecting it twice a span."""
        at, shift, text = self._at, self._shift, self.text
        if not at:
            return list(pairs)
        return _spans(at, shift, text, pairs)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a non-empty normalised span."""
        at = self._at
        if not at:
            return start, end
        shift = self._shift
        k = bisect_right(at, start)
        a = start + (shift[k - 1] if k else 0)
        k = bisect_right(at, end - 1, k)
        b = end + (shift[k - 1] if k else 0)
        # harakat and tatweel written on the last letter belong to the word
        text = self.text
        n = len(text)
        while b < n and text[b] in _MARKS:
            b += 1
        return a, b
