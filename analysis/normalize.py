"""A normalised *view* of Arabic/Persian text for matching, with offsets back.

The raw text is never altered. ``matching_view`` folds the variants that make
the same word look different across outlets and keyboards:

* Arabic ي, Persian ی and alef maqsura ى → ي;  Arabic ك and Persian ک → ك;
* hamza-carrying alefs أ إ آ ٱ → ا (outlets are inconsistent with them);
* Arabic-Indic (٠–٩) and Persian (۰–۹) digits → ASCII digits;
* tatweel, diacritics (harakat, shadda, superscript alef, Quranic marks),
  the zero-width non-joiner and other invisible format characters → removed.

Each output character maps to exactly one input character (folds are 1:1 and
everything else is a deletion), so the offset map is a plain index list.
"""
from __future__ import annotations

from dataclasses import dataclass

from pyarabic import araby

_FOLD: dict[int, str | None] = {}
for _c in "یى":
    _FOLD[ord(_c)] = "ي"
_FOLD[ord("ک")] = "ك"
for _c in "أإآٱ":
    _FOLD[ord(_c)] = "ا"
for _i in range(10):
    _FOLD[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _FOLD[0x06F0 + _i] = str(_i)  # Extended (Persian) digits
# pyarabic knows the full set of Arabic diacritics; we add the Quranic
# annotation marks and invisible format characters that news sites leak.
_DROP = set(araby.TASHKEEL) | {araby.TATWEEL, "\u0670"} | {chr(c) for c in range(0x06D6, 0x06EE)}
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff",
          "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
          "\u2066", "\u2067", "\u2068", "\u2069"}
for _c in _DROP:
    _FOLD[ord(_c)] = None
_TABLE = str.maketrans(_FOLD)


def fold(text: str) -> str:
    """The normalised string alone (fast path when no offsets are needed)."""
    return text.translate(_TABLE)


@dataclass(frozen=True)
class MatchingView:
    text: str
    to_source: list[int]  # to_source[i] = index in the source of text[i]
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view back to the source text."""
        if start >= end:
            pos = self.to_source[start] if start < len(self.to_source) else self.source_length
            return pos, pos
        return self.to_source[start], self.to_source[end - 1] + 1


def matching_view(text: str) -> MatchingView:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        mapped = _FOLD.get(ord(ch), ch)
        if mapped is None:
            continue
        out.append(mapped)
        index.append(i)
    return MatchingView("".join(out), index, len(text))
