"""The project's own English translations, paragraph by paragraph (``data/translations/<id>.yaml``).

Keyed by the paragraph numbers of the cleaned text (and the 1-based index of
an embedded tweet); each entry repeats the paragraph's first words
(``starts``) so that a change to cleaning or paragraphing that renumbers the
text is caught instead of putting a translation beside the wrong paragraph.
A missing translation is not an error (the page says which paragraphs have
none); a wrong one stops the build with one line naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..paths import Paths
from ..text import yamlfile


@dataclass(frozen=True)
class Translation:
    article: str
    title: str = ""                                   # the headline's translation, if it has one
    paragraphs: dict[int, str] = field(default_factory=dict)
    tweets: dict[int, str] = field(default_factory=dict)


class _LineLoader(yamlfile.SafeLoader):
    """A YAML loader that records the line of every mapping (for messages)."""


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _squash(s: str) -> str:
    return " ".join(s.split())


def _entries(doc: dict, key: str, rel: Path, texts: dict[int, str], what: str) -> dict[int, str]:
    out: dict[int, str] = {}
    entries = doc.get(key) or []
    if not isinstance(entries, list):
        raise InputError(rel, f"'{key}' must be a list", line=doc["__line__"])
    for e in entries:
        line = e.get("__line__") if isinstance(e, dict) else doc["__line__"]
        if not isinstance(e, dict) or set(e) - {"__line__"} != {"n", "starts", "en"}:
            raise InputError(rel, f"each {what} needs exactly n, starts and en", line=line)
        n, starts, en = e["n"], e["starts"], e["en"]
        if not isinstance(n, int) or isinstance(n, bool):
            raise InputError(rel, f"{what} number {n!r} is not a whole number", line=line)
        if n not in texts:
            raise InputError(rel, f"the article has no {what} {n}", line=line)
        if n in out:
            raise InputError(rel, f"{what} {n} is translated twice", line=line)
        if not isinstance(en, str) or not en.strip():
            raise InputError(rel, f"{what} {n}: the translation is empty", line=line)
        if not isinstance(starts, str) or not starts.strip() or \
                not _squash(texts[n]).startswith(_squash(starts)):
            raise InputError(rel, f"{what} {n} does not start with {starts!r} "
                                  f"(it starts {_squash(texts[n])[:40]!r}): renumbered?", line=line)
        out[n] = en.strip()
    return out


def parse(text: str, rel: Path, article_id: str, paragraphs: dict[int, str],
          tweets: dict[int, str]) -> Translation:
    """Validate one translation file against its article's paragraphs and tweets (pure)."""
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a safe loader's subclass)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError(rel, f"is not valid YAML ({getattr(err, 'problem', err)})",
                         line=mark.line + 1 if mark else None) from None
    if not isinstance(doc, dict):
        raise InputError(rel, "must be a mapping with article and paragraphs", line=1)
    unknown = set(doc) - {"__line__", "article", "title", "paragraphs", "tweets"}
    if unknown:
        raise InputError(rel, f"unknown key(s): {', '.join(sorted(unknown))}", line=doc["__line__"])
    if str(doc.get("article")) != article_id:
        raise InputError(rel, f"article must be '{article_id}' (the file's name)", line=doc["__line__"])
    title = doc.get("title") or ""
    if not isinstance(title, str):
        raise InputError(rel, "title must be text", line=doc["__line__"])
    return Translation(article_id, title.strip(),
                       _entries(doc, "paragraphs", rel, paragraphs, "paragraph"),
                       _entries(doc, "tweets", rel, tweets, "tweet"))


def load_translations(paths: Paths, corpus) -> dict[str, Translation]:
    """Every translation file, checked against the corpus; an article without
    one gets an empty Translation. A file for no article is an error."""
    folder = paths.translations
    ids = {a.id for a in corpus}
    out: dict[str, Translation] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = paths.rel(path)
        if path.stem not in ids:
            raise InputError(rel, f"no article {path.stem} in data/articles.csv")
    for a in corpus:
        path = folder / f"{a.id}.yaml"
        if not path.is_file():
            out[a.id] = Translation(a.id)
            continue
        paragraphs = {p.n: a.clean.text[p.start:p.end] for p in a.paragraphs}
        tweets = {i: t.text for i, t in enumerate(a.tweets, 1)}
        out[a.id] = parse(path.read_text(encoding="utf-8"), paths.rel(path), a.id, paragraphs, tweets)
    return out
