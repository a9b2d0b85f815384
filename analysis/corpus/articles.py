"""The corpus: manifest rows, verified raw texts, and their cleaned views.

``load_corpus`` is the single gate every build passes through. It checks, in
this order, and stops at the first problem with an InputError naming the
file (and manifest line): the manifest parses and validates; every row's file
exists; every file's sha256 matches; every file is non-empty UTF-8 text;
no file in ``data/raw/`` lacks a manifest row. ``validate`` adds the curated
claim annotations and facts (``analysis.evidence.claims``): the gate the build and
``python -m analysis validate`` pass through.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import manifest
from .cleaning import CleanText, Paragraph, clean, load_boilerplate, paragraphs
from ..errors import InputError
from ..text.language import identify
from .manifest import ArticleRow
from ..paths import PATHS, Paths
from ..text.files import decode, is_blank
from .tweets import Tweet


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Article:
    row: ArticleRow
    path: Path
    raw: str               # the text as read: UTF-8, BOM dropped, nothing else changed
    manifest_line: int
    _rules: tuple = ()

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def language(self) -> str:
        return self.row.language

    @cached_property
    def _cleaned(self) -> tuple[CleanText, list[Tweet]]:
        return clean(self.raw, self._rules, self.language)

    @property
    def clean(self) -> CleanText:
        return self._cleaned[0]

    @property
    def tweets(self) -> list[Tweet]:
        return self._cleaned[1]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.clean, identify, self.language)


@dataclass
class Corpus:
    paths: Paths
    articles: list[Article]

    def __iter__(self):
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def verify_file(row: ArticleRow, line: int, paths: Paths) -> tuple[Path, str]:
    """Check one manifest row against its raw file; return the decoded text."""
    path = paths.raw / row.file
    rel = paths.rel(path)
    if not path.is_file():
        raise InputError(paths.rel(paths.manifest), f"file {row.file} is missing from data/raw/",
                         line=line, record=f"id {row.id}")
    data = path.read_bytes()
    actual = sha256_bytes(data)
    if actual != row.sha256:
        raise InputError(rel, f"checksum mismatch: manifest line {line} says sha256 "
                              f"{row.sha256[:12]}…, the file has {actual[:12]}…; raw "
                              "articles must not change (add a changed text as a new article)")
    text = decode(data, rel)
    if is_blank(text):
        raise InputError(rel, "is empty (no text after decoding, only spaces or invisible characters)")
    return path, text


def load_corpus(paths: Paths = PATHS) -> Corpus:
    mpath = paths.manifest
    rows = manifest.load(mpath)
    lines = manifest.line_numbers(mpath)
    rules = load_boilerplate(paths.cleaning_rules)
    articles = []
    for row in rows:
        line = lines[row.id]
        path, text = verify_file(row, line, paths)
        articles.append(Article(row, path, text, line, rules))
    listed = {r.file for r in rows}
    for p in sorted(paths.raw.iterdir()) if paths.raw.is_dir() else []:
        if p.name.startswith("."):
            continue  # .gitkeep and editor files are not articles
        if p.name not in listed:
            raise InputError(paths.rel(p), "has no row in data/articles.csv; add it with "
                                             "`make add-article FILE=... LANG=...`")
    return Corpus(paths, articles)

