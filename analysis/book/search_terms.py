"""Search terms: how a text becomes the words the book's search indexes and
looks up. Python computes them for the index at build time; the browser
computes a query's terms with ``book/assets/search.js``, which does the same
thing from tables this module generates (``js_tables``), so no rule is written
twice by hand. ``tests/browser/test_search_js.py`` feeds both the same
strings (every passage of the built book among them) and compares.

Everything starts from the project's one normalised matching view,
``analysis.text.normalize`` (the extractor's): diacritics, tatweel, ZWNJ and
bidi marks dropped; أ إ آ ٱ → ا; ى ی → ي; ک → ك; ة → ه; Arabic-Indic and
Persian digits → ASCII; Latin lower-cased. Then, the same on both sides:

1. **Chunks**: the text is split at whitespace; each chunk loses the
   punctuation at its edges (``«تلغرام»,`` → ``تلغرام``).
2. **Names**: a run of chunks that spells a name of the gazetteer
   (``data/gazetteer/aliases.csv``, read through the extractor's alias table:
   its keys, its all-capital rule, so ``is`` is never ISIS), the first chunk
   possibly carrying clitics (و ف ب ل ك ال لل: بتيليجرام, وتليغرام,
   للدولة الإسلامية), is one *entity term*. تلغرام, تيليجرام, تلگرام and
   Telegram all give ``etelegrame``; adding a spelling to the gazetteer is all
   it takes to make it searchable. The index also takes the extractor's own
   name mentions (suffixed forms, hashtags).
3. **Claim ids** (``001-02``) are one term, ``c001x02c``, besides their parts.
4. **Numbers** in any digit script, with ``,`` (or ٬) thousands separators
   and ``.`` (or ٫) decimals, and after a clitic (و26), are one term: 26000, 26,000, ٢٦٠٠٠ and ۲۶۰۰۰
   all give ``n26000n``. The index also takes the values of the extractor's
   quantities, so "26 ألف" is found by 26000. The letters around the digits
   keep Pagefind's prefix matching from finding 260000 for 26000.
5. **Words**: the normalised word (one-letter words are dropped). In Arabic
   script, the index also keeps each form without clitic prefixes (و, ال,
   بال, كال, فال, لل, in any combination, keeping three letters or more), and
   a query word loses one و and one article form; so والمنصات finds المنصات
   and منصات, and the query's form is always among the forms the index keeps
   for any word that adds prefixes to it. Single ب ل ك ف are stripped for
   names only (rule 2): alone they begin too many words (بيان, لبنان).
6. **Persian split forms**: ZWNJ is already gone (می‌شود = میشود); a space
   instead (می شود, کشور ها) is joined: the query joins می / نمی to the next
   word and ها / های / هایی / تر / ترین to the previous one, and the index
   keeps the joined form beside the two words.

The query's terms are all required (Pagefind ANDs them, and matches each as a
prefix of an indexed term: "tele" finds Telegram).
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..text.normalize import DELETE_RE, fold, normalize

# Clitic prefixes of general words (rule 5), longest first, and the shortest
# remainder that may stay. Names (rule 2) also try the single letters.
WORD_PREFIXES = ("وال", "بال", "كال", "فال", "ولل", "لل", "ال", "و")
NAME_PREFIXES = WORD_PREFIXES + ("ف", "ب", "ل", "ك")
MIN_STEM = 3
# Persian split forms (rule 6), in their normalised spelling.
JOIN_NEXT = ("مي", "نمي")
JOIN_PREVIOUS = ("ها", "هاي", "هايي", "تر", "ترين")


@lru_cache(maxsize=1)
def every_character() -> str:
    """Every code point but the surrogates, in order."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, sys.maxunicode + 1)))


def _ranges(flags) -> list[tuple[int, int]]:
    """Code point ranges where ``flags`` (one per character of
    ``every_character()``) is true."""
    bits = bytes(bool(f) for f in flags)
    out = []
    for m in re.finditer(rb"\x01+", bits):
        a, b = m.start(), m.end() - 1
        a, b = (a if a < 0xD800 else a + 0x800), (b if b < 0xD800 else b + 0x800)
        out.append((a, b))
    return out


@lru_cache(maxsize=1)
def char_classes() -> dict[str, list[tuple[int, int]]]:
    """Word characters (letters, digits, combining marks) and whitespace as
    code point ranges, from this Python's Unicode tables: the browser gets the
    same ranges, not its own idea of them."""
    every = every_character()
    marks = {"Mn", "Mc", "Me"}
    word = (a or c in marks for a, c in zip(map(str.isalnum, every), map(unicodedata.category, every)))
    return {"word": _ranges(word), "space": _ranges(map(str.isspace, every))}


def _py_class(ranges) -> str:
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


@lru_cache(maxsize=1)
def _regexes():
    cc = char_classes()
    w, s = _py_class(cc["word"]), _py_class(cc["space"])
    return {
        "chunk": re.compile(f"[^{s}]+"),
        "lead": re.compile(f"[^{w}]+"),
        "trail": re.compile(f"[^{w}]+$"),
        "token": re.compile(TOKEN_PATTERN.replace("W", w)),
    }


# One pattern for both languages ("W" stands for the word class): a claim id,
# a number (digits with , and . inside; after a one-letter Arabic clitic too,
# as in و26 ألف), or a word.
TOKEN_PATTERN = ("(?<![W])([0-9]{3})-([0-9]{2,3})(?![W])"
                 "|(?:(?<![W])[وفبلك])?([0-9]+(?:[.,][0-9]+)*)(?![W])"
                 "|([W]+)")
THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def number_term(digits: str) -> str:
    return "n" + digits.replace(".", "d") + "n"


def number_terms(s: str) -> list[str]:
    """``26,000`` → ``n26000n``; ``3.5`` → ``n3d5n``; ``1,2`` → two numbers."""
    if THOUSANDS.fullmatch(s):
        s = s.replace(",", "")
    if DECIMAL.fullmatch(s):
        return [number_term(s)]
    return [number_term(p) for p in re.split(r"[.,]", s) if p]


def value_term(value: int | float) -> str | None:
    """The term of an extracted quantity's value (``26000.0`` → ``n26000n``)."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        if value.is_integer():
            value = int(value)
    text = str(value) if isinstance(value, int) else f"{value:.6f}".rstrip("0").rstrip(".")
    return number_term(text) if DECIMAL.fullmatch(text) else None


def claim_term(article: str, number: str) -> str:
    return f"c{article}x{number}c"


def entity_term(ident: str) -> str:
    return "e" + re.sub(r"[^a-z0-9]", "", ident.lower()) + "e"


def is_arabic_script(word: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in word)


@lru_cache(maxsize=65536)
def _clitic_forms(word: str, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(clitic_forms(word, prefixes))


def clitic_forms(word: str, prefixes=WORD_PREFIXES) -> list[str]:
    """Every form of ``word`` without clitic prefixes, in any combination,
    keeping ``MIN_STEM`` letters or more (the word itself excluded), sorted."""
    seen: set[str] = set()
    todo = [word]
    while todo:
        w = todo.pop()
        for p in prefixes:
            if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
                rest = w[len(p):]
                if rest not in seen:
                    seen.add(rest)
                    todo.append(rest)
    seen.discard(word)
    return sorted(seen)


def reduce_word(word: str) -> str:
    """A query word without one conjunction و and one article form."""
    if not is_arabic_script(word):
        return word
    if word.startswith("و") and len(word) - 1 >= MIN_STEM and not word.startswith(("وال", "ولل")):
        word = word[1:]
    for p in WORD_PREFIXES[:-1]:             # the article forms (و handled above)
        if word.startswith(p) and len(word) - len(p) >= MIN_STEM:
            return word[len(p):]
    return word


@dataclass(frozen=True)
class Chunk:
    folded: str     # normalised, case kept, edges stripped
    norm: str       # normalised (lower-case), edges stripped


def chunks(text: str) -> list[Chunk]:
    rx = _regexes()
    f = fold(text)
    n = normalize(text)          # as long as f: lower-casing is per character
    out = []
    for m in rx["chunk"].finditer(n):
        s, e = m.span()
        lead, trail = rx["lead"].match(n, s, e), rx["trail"].search(n, s, e)
        a = lead.end() if lead else s
        b = trail.start() if trail else e
        if b - a > 2 and n.startswith("'s", b - 2):
            b -= 2                  # Telegram's: the name, not a word "s"
        if a < b:
            out.append(Chunk(f[a:b], n[a:b]))
    return out


@dataclass(frozen=True)
class Names:
    """The gazetteer as the search reads it: chunked alias key → (entity term,
    the exact spelling an all-capital alias requires, or None)."""
    aliases: dict[str, tuple[str, str | None]]
    longest: int
    firsts: frozenset[str]        # first chunks of the aliases (a quick "no")


@lru_cache(maxsize=1)
def names() -> Names:
    from ..extract.entities import extractor
    aliases: dict[str, tuple[str, str | None]] = {}
    for k, (ident, exact) in sorted(extractor().alias.items()):
        cs = chunks(k)
        if not cs:
            continue
        key = " ".join(c.norm for c in cs)
        ex = " ".join(c.folded for c in chunks(exact)) if exact is not None else None
        old = aliases.get(key)
        if old is None or (old[1] is not None and ex is None):
            aliases[key] = (entity_term(ident), ex)
    longest = max((k.count(" ") + 1 for k in aliases), default=1)
    return Names(aliases, longest, frozenset(k.split(" ")[0] for k in aliases))


@lru_cache(maxsize=65536)
def _first_forms(first: str) -> tuple[str, ...]:
    """The forms a name's first chunk is looked up in: as written, without
    clitics, and ال restored after لل (للدولة الإسلامية → الدولة الإسلامية)."""
    forms = [first] + clitic_forms(first, NAME_PREFIXES)
    forms += ["ال" + f[2:] for f in list(forms) if f.startswith("لل") and len(f) > 4]
    return tuple(forms)


def entity_names() -> dict[str, str]:
    """Entity term → English name (the search page says what it searched for)."""
    import csv

    from ..extract.entities import GAZETTEER_DIR
    with open(GAZETTEER_DIR / "entities.csv", encoding="utf-8", newline="") as fh:
        return {entity_term(r["id"]): r["name_en"] for r in csv.DictReader(fh)}


def _name_at(cs: list[Chunk], i: int, length: int, tables: Names) -> str | None:
    """The entity term of chunks ``i .. i+length`` if they spell a name."""
    first = cs[i].norm
    forms = _first_forms(first)
    if tables.firsts.isdisjoint(forms):
        return None
    rest = [c.norm for c in cs[i + 1:i + length]]
    for form in forms:
        hit = tables.aliases.get(" ".join([form] + rest))
        if hit is None:
            continue
        term, exact = hit
        if exact is not None:
            if form != first or " ".join(c.folded for c in cs[i:i + length]) != exact:
                continue
        return term
    return None


def _single_word(c: Chunk) -> bool:
    m = _regexes()["token"].fullmatch(c.norm)
    return m is not None and m.group(4) is not None


def _word_terms(word: str, query: bool) -> list[str]:
    if len(word) < 2:
        return []
    if query:
        return [reduce_word(word)]
    return [word] + (list(_clitic_forms(word, WORD_PREFIXES)) if is_arabic_script(word) else [])


def _chunk_terms(c: Chunk, query: bool) -> list[str]:
    out: list[str] = []
    for m in _regexes()["token"].finditer(c.norm):
        if m.group(1) is not None:
            out.append(claim_term(m.group(1), m.group(2)))
            if not query:
                out += [number_term(m.group(1)), number_term(m.group(2))]
        elif m.group(3) is not None:
            out += number_terms(m.group(3))
        else:
            out += _word_terms(m.group(4), query)
    return out


def query_terms(text: str, names_too: bool = True) -> list[str]:
    """The terms a query requires, in order, each once. Without names, the
    words as written (the search page ranks passages that spell a name as the
    reader typed it first)."""
    cs = chunks(text)
    tables = names()
    out: list[str] = []
    i = 0
    while i < len(cs):
        term = None
        for length in range(min(tables.longest, len(cs) - i) if names_too else 0, 0, -1):
            term = _name_at(cs, i, length, tables)
            if term is not None:
                out.append(term)
                i += length
                break
        if term is not None:
            continue
        c = cs[i]
        if c.norm in JOIN_NEXT and i + 1 < len(cs) and _single_word(cs[i + 1]):
            c = Chunk(c.folded + cs[i + 1].folded, c.norm + cs[i + 1].norm)
            i += 1
        if i + 1 < len(cs) and cs[i + 1].norm in JOIN_PREVIOUS and _single_word(c):
            c = Chunk(c.folded + cs[i + 1].folded, c.norm + cs[i + 1].norm)
            i += 1
        out += _chunk_terms(c, query=True)
        i += 1
    return list(dict.fromkeys(out))


def index_terms(text: str) -> list[str]:
    """The terms a passage is found by (without the extractor's: see
    ``analysis.book.search``), in order, repeats kept."""
    cs = chunks(text)
    tables = names()
    out: list[str] = []
    for i, c in enumerate(cs):
        for length in range(1, min(tables.longest, len(cs) - i) + 1):
            term = _name_at(cs, i, length, tables)
            if term is not None:
                out.append(term)
        out += _chunk_terms(c, query=False)
        if i + 1 < len(cs):
            nxt = cs[i + 1]
            if (c.norm in JOIN_NEXT and _single_word(nxt)) or (nxt.norm in JOIN_PREVIOUS and _single_word(c)):
                out += _word_terms(c.norm + nxt.norm, query=False)
    return out


# --- the browser's copy ------------------------------------------------------

def _runs(mapping: dict[int, int]) -> list[list[int]]:
    """``{code point: code point}`` as runs ``[first, count, step, delta]``."""
    runs: list[list[int]] = []
    for cp in sorted(mapping):
        delta = mapping[cp] - cp
        if runs:
            first, count, step, d = runs[-1]
            last = first + (count - 1) * step
            if d == delta and (count == 1 and cp - last in (1, 2) or count > 1 and cp - last == step):
                runs[-1] = [first, count + 1, cp - last, d]
                continue
        runs.append([cp, 1, 1, delta])
    return runs


@lru_cache(maxsize=1)
def js_tables() -> dict:
    """Everything ``book/assets/search.js`` needs, generated from the Python
    rules above and from ``analysis.text.normalize`` itself: the per-character
    fold (deletions and variant letters) and lower-casing are read off the
    functions applied to every code point, not copied from their tables."""
    every = every_character()
    deleted = DELETE_RE.findall(every)
    kept = DELETE_RE.sub("", every)
    folded = fold(kept)
    # normalize is per character (a test checks), so it can be applied to all
    # of them at once; the one context-sensitive capital (Σ) goes alone.
    lowered = "".join(map(normalize, re.split("(\u03a3)", kept)))
    assert len(folded) == len(lowered) == len(kept) and all(fold(c) == "" for c in deleted)
    folds = {c: "" for c in deleted}
    lower: dict[int, int] = {}
    for c, f, low in zip(kept, folded, lowered):
        if f != c:
            folds[c] = f
        elif low != c:
            lower[ord(c)] = ord(low)
    cc = char_classes()
    tables = names()
    return {
        "fold": folds,
        "lower": _runs(lower),
        "word": cc["word"],
        "space": cc["space"],
        "token": TOKEN_PATTERN,
        "wordPrefixes": list(WORD_PREFIXES),
        "namePrefixes": list(NAME_PREFIXES),
        "minStem": MIN_STEM,
        "joinNext": list(JOIN_NEXT),
        "joinPrevious": list(JOIN_PREVIOUS),
        "aliases": {k: list(v) for k, v in sorted(tables.aliases.items())},
        "longestName": tables.longest,
        "entityNames": entity_names(),
    }
