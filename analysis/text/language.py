"""Paragraph language identification (ar, fa, en) by script.

Why a rule and not a model: the corpus has three languages written in two
scripts. Latin letters separate English; within Arabic script, Persian has
letters Arabic lacks (پ چ ژ گ, and the Persian forms ی ک with the
non-joiner) and Arabic has ة ى and the Arabic forms ي ك. Counting them is
deterministic, needs no download, runs at millions of characters a second,
and is right on every paragraph of the seed corpus; a 100 MB language model
would add size and nondeterminism for no gain here. It cannot tell other
languages in Arabic script (Urdu, Kurdish, Pashto) apart: none are in scope,
and they would show as ar/fa with a low margin.
"""
from __future__ import annotations

import re

_URLS_HANDLES = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|[@#][\w_]+")
# Letters only Persian writes, and which the normalised view keeps as they
# are (it folds ی ک into ي ك): the extractor tells a Persian line by them too.
PERSIAN_LETTERS = "پچژگ"
_PERSIAN = set(PERSIAN_LETTERS + "کی\u200c")
_PERSIAN_STRONG = set(PERSIAN_LETTERS)
_ARABIC = set("ةىيك")
LANGS = ("ar", "fa", "en")


def _is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def identify(text: str, default: str = "und") -> str:
    """Language of one paragraph: 'ar', 'fa', 'en', or ``default`` if it cannot tell."""
    # Handles, hashtags and links say nothing about the language of the prose.
    text = _URLS_HANDLES.sub(" ", text)
    latin = arabic_script = fa = ar = 0
    for ch in text:
        if ch.isalpha():
            if _is_arabic_script(ch):
                arabic_script += 1
                if ch in _PERSIAN:
                    fa += 2 if ch in _PERSIAN_STRONG else 1
                elif ch in _ARABIC:
                    ar += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                latin += 1
    if latin == 0 and arabic_script == 0:
        return default
    if latin > arabic_script:
        return "en"
    if fa == ar:
        return default if default in ("ar", "fa") else "ar"
    return "fa" if fa > ar else "ar"
