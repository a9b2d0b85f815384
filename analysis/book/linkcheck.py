"""An offline link check of the built book.

    python -m analysis linkcheck [FOLDER]        (default: _build/html)

Every page of the book is read, and every address in an ``href``, ``src`` or
``srcset`` attribute, and every ``url(...)`` in the book's CSS, is checked
without any network:

- a relative address must name a file inside the book (a folder counts if it
  has an ``index.html``); the query (``?v=…``) is ignored;
- a ``#fragment`` on an HTML page (this one or another) must be the ``id`` (or
  ``name``) of an element of that page;
- ``javascript:`` addresses are errors (the book has no use for them);
- addresses to other sites (``http:``, ``https:``, ``mailto:``) are counted,
  not fetched: whether a source's site is still up is not this check's
  business, and a build must not depend on the network.

It runs as the last post-build step of every build (a broken link stops the
build before it is published) and in CI on the published book.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

_ATTR = re.compile(r'\s(href|src|srcset)="([^"]*)"')
_ID = re.compile(r'\s(?:id|name)="([^"]+)"')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_EXTERNAL = ("http", "https", "mailto", "tel", "ftp")


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    external: int = 0
    broken: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.links:,} links in {self.pages:,} pages checked, "
                f"{self.external:,} to other sites not fetched, {len(self.broken)} broken")


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        text = page.read_text(encoding="utf-8", errors="replace")
        cache[page] = {html.unescape(m) for m in _ID.findall(text)}
    return cache[page]


def _check(root: Path, source: Path, address: str, report: Report, ids: dict) -> None:
    address = html.unescape(address.strip())
    if not address:
        return
    parts = urlsplit(address)
    scheme = parts.scheme.lower()
    report.links += 1
    where = f"{source.relative_to(root).as_posix()}: {address}"
    if scheme == "javascript":
        report.broken.append(f"{where} (a javascript: address)")
        return
    if scheme in _EXTERNAL or parts.netloc:
        report.external += 1
        return
    if scheme:                     # data:, and the like: nothing to find
        return
    if parts.path:
        target = (source.parent / unquote(parts.path)).resolve()
    else:
        target = source
    if not target.is_relative_to(root):
        report.broken.append(f"{where} (points outside the book)")
        return
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        report.broken.append(f"{where} (no such file)")
        return
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in _ids(target, ids):
        report.broken.append(f"{where} (no element with id {fragment!r} on that page)")


def check(folder: Path) -> Report:
    root = folder.resolve()
    report = Report()
    ids: dict[Path, set[str]] = {}
    for page in sorted(root.rglob("*.html")):
        if {"_sources", "_static"} & set(page.relative_to(root).parts):
            continue            # copies of sources, and the theme's template fragments
        report.pages += 1
        for attr, value in _ATTR.findall(page.read_text(encoding="utf-8", errors="replace")):
            addresses = [c.strip().split()[0] for c in value.split(",") if c.strip()] \
                if attr == "srcset" else [value]
            for address in addresses:
                _check(root, page, address, report, ids)
    for css in sorted((root / "_static").glob("*.css")) if (root / "_static").is_dir() else []:
        for address in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if not address.startswith("#"):
                _check(root, css, address, report, ids)
    return report
