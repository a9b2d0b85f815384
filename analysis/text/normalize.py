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
# Compiled (analysis/compiled.py), the view finds the deletions, the
# variants and the capitals with one loop over the characters (_scan),
# several times cheaper there than the regex's scan, a search for each
# variant and lower-casing the whole text; as Python those are the faster.
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


def _replace(text: str, variants=_REPLACE) -> str:
    """The variant letters of a text with nothing left to delete, folded
    (``variants``: those of ``_REPLACE`` that may be in it, when known)."""
    for variant, folded in variants:
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


def _scan(text):
    """(the indices of the characters DELETE_RE matches, in order; the
    variants of ``_REPLACE`` that may be in the text, in its order; the
    indices, in the text less its deletions, of its capitals A-Z, or None
    when it has another character that lower-cases), in one loop over the
    characters: normalize.pxd makes it a C loop when compiled, where it
    costs a fraction of the regex's scan, of a search for each variant and
    of lower-casing the whole text. (A test checks it on every character.)"""
    out = []
    seen = bytearray(256)       # which of U+0600-06FF occur
    other = False               # some variant outside that block may occur
    caps = []
    cased = False               # a character other than A-Z lower-cases
    i = 0
    for c in text:
        o = ord(c)
        if o < 0x80:
            if 0x41 <= o <= 0x5a:
                caps.append(i - len(out))
            elif o == 0x5f:
                other = True
        elif 0x600 <= o <= 0x6ff:
            seen[o - 0x600] = 1
            if o == 0x640 or 0x64b <= o <= 0x65f or o == 0x670 or 0x6d6 <= o <= 0x6ed:
                out.append(i)
        elif o == 0xad or 0x200b <= o <= 0x200f or 0x202a <= o <= 0x202e or 0x2066 <= o <= 0x2069 \
                or o == 0xfeff:
            out.append(i)
        else:
            if o == 0xa0 or 0x2002 <= o <= 0x2019 or o == 0x202f or o == 0x3000:
                other = True
            # (every character that lower-cases to another is upper or title case)
            if c.isupper() or c.istitle():
                cased = True
        i += 1
    present = [(v, f) for v, f in _REPLACE
               if (seen[ord(v) - 0x600] if "\u0600" <= v <= "\u06ff" else other)]
    return out, present, (None if cased else caps)


def _lower_at(s, caps):
    """``_lower(s)`` for a text whose only characters that lower-case to
    another are the capitals A-Z at ``caps`` (sorted indices): their runs
    lowered, the rest kept (a text of Arabic or Persian has few).
    (normalize.pxd types it when compiled.)"""
    if not caps:
        return s
    pieces = []
    last = 0
    k = 0
    n = len(caps)
    while k < n:
        a = caps[k]
        b = a + 1
        k += 1
        while k < n and caps[k] == b:
            b += 1
            k += 1
        pieces.append(s[last:a])
        pieces.append(s[a:b].lower())
        last = b
    pieces.append(s[last:])
    return "".join(pieces)


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
        if _COMPILED:
            deleted, variants, caps = _scan(text)
        else:
            deleted, variants, caps = [m.start() for m in DELETE_RE.finditer(text)], _REPLACE, None
        for s in deleted:
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
        text = _replace(text, variants)
        self.norm = _lower(text) if caps is None else _lower_at(text, caps)

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
