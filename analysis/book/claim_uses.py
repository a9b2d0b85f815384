"""Claims linked both ways, on the built HTML.

Every chapter cites a claim through one helper (``render.claim_ref``, or the
``{claim}`` role in prose), which links to the claim's span on its article
page and marks the link ``class="claim-ref" data-claim="<id>"``. After Sphinx
has written the pages, this step reads those links in document order, gives
each an id (``used-<claim>-<k>``, k counting that claim's references on that
page) and fills each article page's "Used in" list for the claim with links
back to every place that cites it, named by chapter and section.

It runs on the finished HTML because only there are the chapters' section ids
and the order of prose and outputs final. Both edits are idempotent (ids are
added only where missing; the lists are rewritten whole), so an incremental
build, where Sphinx rewrites only some pages, ends as a clean one does.
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text.files import write_atomic

ARTICLES = Path("book") / "articles"
_REF = re.compile(r'<a class="claim-ref" href="[^"]*" data-claim="([^"]+)"(?: id="([^"]+)")?>')
_HEADING = re.compile(r"<h([1-4])[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_USES = re.compile(r'(<ul class="claim-uses" data-claim="([^"]+)">)(.*?)(</ul>)', re.S)
NOT_CITED = "<li>not cited in the chapters</li>"


@dataclass(frozen=True)
class Use:
    page: Path          # relative to the html root
    anchor: str         # the reference's id
    chapter: str
    section: str


@dataclass
class Result:
    uses: dict[str, list[Use]] = field(default_factory=dict)

    @property
    def n_refs(self) -> int:
        return sum(len(v) for v in self.uses.values())

    @property
    def n_cited(self) -> int:
        return len(self.uses)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).replace("#", "").split())


def mark_references(page: str, rel: Path) -> tuple[str, list[tuple[str, Use]]]:
    """Give every claim reference on a page an id; return the page and its uses."""
    events = sorted([(m.start(), "ref", m) for m in _REF.finditer(page)]
                    + [(m.start(), "heading", m) for m in _HEADING.finditer(page)],
                    key=lambda e: e[0])
    chapter, section = "", ""
    counts: dict[str, int] = {}
    found, edits = [], []
    for pos, kind, m in events:
        if kind == "heading":
            text = _text(m.group(2))
            if m.group(1) == "1" and not chapter:
                chapter = text
            section = text
        else:
            cid = m.group(1)
            counts[cid] = counts.get(cid, 0) + 1
            anchor = m.group(2) or f"used-{cid}-{counts[cid]}"
            if not m.group(2):
                edits.append((m.end() - 1, f' id="{anchor}"'))
            found.append((cid, Use(rel, anchor, chapter, section)))
    for at, text in reversed(edits):
        page = page[:at] + text + page[at:]
    return page, found


def uses_html(uses: list[Use], from_page: Path) -> str:
    """One item per chapter section that cites the claim, linked to the first
    citation there; further citations in the same section as numbered links."""
    if not uses:
        return NOT_CITED
    groups: dict[tuple[Path, str, str], list[Use]] = {}
    for u in uses:
        groups.setdefault((u.page, u.chapter, u.section), []).append(u)
    items = []
    for (page, chapter, section), group in groups.items():
        rel = os.path.relpath(page, from_page.parent).replace(os.sep, "/")
        where = chapter + (f" › {section}" if section and section != chapter else "")
        more = "".join(f' <a class="use-more" href="{html.escape(rel)}#{html.escape(u.anchor)}" '
                       f'aria-label="citation {i} there">{i}</a>'
                       for i, u in enumerate(group[1:], 2))
        items.append(f'<li><a href="{html.escape(rel)}#{html.escape(group[0].anchor)}">'
                     f"{html.escape(where)}</a>{more}</li>")
    return "".join(items)


def fill_uses(page: str, rel: Path, uses: dict[str, list[Use]]) -> str:
    return _USES.sub(lambda m: m.group(1) + uses_html(uses.get(m.group(2), []), rel) + m.group(4), page)


def _chapter_pages(root: Path) -> list[Path]:
    skip = {"genindex.html", "search.html"}
    return sorted(p for p in root.rglob("*.html")
                  if p.name not in skip and "_static" not in p.parts and "_sources" not in p.parts
                  and ARTICLES not in p.relative_to(root).parents)


def run(html_root: Path) -> Result:
    """Mark every claim reference in the chapters, and fill the article pages' lists."""
    result = Result()
    for path in _chapter_pages(html_root):
        rel = path.relative_to(html_root)
        text = path.read_text(encoding="utf-8")
        marked, found = mark_references(text, rel)
        if marked != text:
            write_atomic(path, marked.encode("utf-8"))
        for cid, use in found:
            result.uses.setdefault(cid, []).append(use)
    for path in sorted((html_root / ARTICLES).glob("*.html")):
        rel = path.relative_to(html_root)
        text = path.read_text(encoding="utf-8")
        filled = fill_uses(text, rel, result.uses)
        if filled != text:
            write_atomic(path, filled.encode("utf-8"))
    return result
