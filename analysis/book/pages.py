"""Pipeline step ``pages``: one generated page per article, the Articles index, and
the table of contents that lists them.

Article pages are generated from data, not executed (papermill costs 2–3 s a
notebook; a page costs milliseconds): ``book/articles/<id>.md`` (git-ignored)
holds a heading and the page's HTML in ``raw`` blocks, built by
``article_pages``. A new article gets its page with no edit to ``_toc.yml``:
the build writes a derived table of contents (``_build/toc.yml``) that puts
the articles under the Articles index, in groups of ``GROUP_SIZE`` once there
are more than that, so that no page's sidebar lists a thousand links (a flat
list makes the build grow with the square of the number of pages).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import article_pages as ap
from .prepare import write_atomic
from ..chapters.policy import cases_by_claim
from ..display import render
from ..display.labels import load_labels
from ..errors import InputError
from ..evidence.loader import Evidence
from ..extract import extract
from ..paths import Paths
from ..text import yamlfile

GROUP_SIZE = 50
INDEX = "book/articles/index"       # the entry of _toc.yml the articles hang under


def articles_dir(paths: Paths) -> Path:
    return paths.book / "articles"


def toc_path(paths: Paths) -> Path:
    """The table of contents the build uses: _toc.yml with the articles added."""
    return paths.build / "toc.yml"


def _one_line(fragment: str) -> str:
    """HTML that MyST passes through untouched inside a ``raw`` block: one line
    (a fence cannot close inside it), no backtick and no brace (no role, no
    substitution). Escaped text has neither; this is the guarantee."""
    return (fragment.replace("\r", " ").replace("\n", " ").replace("`", "&#96;")
            .replace("{", "&#123;").replace("}", "&#125;"))


def _raw_block(fragment: str) -> str:
    return "```{raw} html\n" + _one_line(fragment) + "\n```\n"


def article_markdown(inp: ap.ArticleInputs, labels, raw_rel: str) -> str:
    head, rest = ap.page_html(inp, labels)
    return (f"(article-{inp.article.id})=\n# {render.md_escape(inp.label)}\n\n"
            + _raw_block(head)
            + f"\n{{download}}`Download the file exactly as received <{raw_rel}>` "
              f"({inp.article.path.stat().st_size:,} bytes).\n\n"
            + _raw_block(rest))


INDEX_COLUMNS = ("article (outlet, date)", "language", "title (original, and translated)",
                 "claims coded", "figures the extractor found")


def _row_html(inp: ap.ArticleInputs, href: str, n_figures: int) -> str:
    a, row = inp.article, inp.article.row
    title = (f'<span{ap.lang_attrs(a.language, a.language)}>{ap.esc(row.title)}</span>'
             if row.title else '<span class="muted">no headline</span>')
    if inp.translation.title:
        title += f'<br><span class="translation" lang="en">{ap.esc(inp.translation.title)}</span>'
    claims = str(len(inp.claims)) if inp.claims else '<span class="muted">not yet coded</span>'
    return render.row_html(INDEX_COLUMNS, (
        f'<a href="{href}">{ap.esc(inp.label)}</a>',
        ap.esc(ap.LANGUAGE_NAMES.get(a.language, a.language)), title, claims, str(n_figures)),
        num={"claims coded", "figures the extractor found"})


def index_table(rows: list[str], caption: str) -> str:
    return render.table_html(INDEX_COLUMNS, rows, "data-table articles-index", caption)


@dataclass(frozen=True)
class Pages:
    files: dict[Path, bytes]             # every generated source, by path
    toc: bytes                           # the derived table of contents
    article_ids: list[str]


def group_name(i: int) -> str:
    return f"group-{i:03d}"


def build_pages(paths: Paths, evidence: Evidence) -> Pages:
    """Every generated page's source (pure but for reading the raw files' sizes)."""
    corpus = evidence.corpus
    labels = load_labels(paths)
    translations = evidence.translations
    cases = cases_by_claim(evidence.register)
    facts = {f["id"]: f for f in evidence.facts_table.to_dict("records")}
    by_article: dict[str, list] = {}
    for c in evidence.claims:
        by_article.setdefault(c.article, []).append(c)
    names = labels.article_names((a.id, a.row.outlet, a.row.published) for a in corpus)
    inputs, figures = [], {}
    for a in corpus:
        mentions = extract(a.raw)
        figures[a.id] = sum(1 for m in mentions if m.kind == "quantity")
        inputs.append(ap.ArticleInputs(a, by_article.get(a.id, []), mentions, translations[a.id],
                                       cases, facts, names[a.id]))
    out: dict[Path, bytes] = {}
    folder = articles_dir(paths)
    for inp in inputs:
        raw_rel = f"../../data/raw/{inp.article.row.file}"
        out[folder / f"{inp.article.id}.md"] = article_markdown(inp, labels, raw_rel).encode("utf-8")

    grouped = len(inputs) > GROUP_SIZE
    groups = [inputs[i:i + GROUP_SIZE] for i in range(0, len(inputs), GROUP_SIZE)]
    n_coded = sum(1 for i in inputs if i.claims)
    intro = (f"<p>The {len(inputs):,} articles of the corpus, each on its own page: the whole text in "
             f"its own script beside the project's English translation, the coded claims highlighted "
             f"where they stand, and the figures, dates and names the extractor found. "
             f"{n_coded:,} of them have their claims coded.</p>")
    if grouped:
        listing = []
        for i, g in enumerate(groups):
            first, last = g[0].article.id, g[-1].article.id
            listing.append(f'<li><a href="{group_name(i)}.html">Articles {first}–{last}</a> '
                           f"({len(g)} articles)</li>")
            rows = [_row_html(x, f"{x.article.id}.html", figures[x.article.id]) for x in g]
            body = index_table(rows, f"Articles {first} to {last}")
            out[folder / f"{group_name(i)}.md"] = (
                f"# Articles {first}–{last}\n\n" + _raw_block(body)).encode("utf-8")
        body = intro + "<ul>" + "".join(listing) + "</ul>"
    else:
        rows = [_row_html(x, f"{x.article.id}.html", figures[x.article.id]) for x in inputs]
        body = intro + index_table(rows, "Every article of the corpus")
    out[folder / "index.md"] = ("(articles-index)=\n# Articles\n\n" + _raw_block(body)).encode("utf-8")

    toc = derived_toc(paths, [[x.article.id for x in g] for g in groups] if grouped
                      else [[x.article.id for x in inputs]], grouped)
    return Pages(out, toc, [x.article.id for x in inputs])


def derived_toc(paths: Paths, groups: list[list[str]], grouped: bool) -> bytes:
    """``_toc.yml`` with the article pages under the Articles index entry."""
    source = paths.root / "_toc.yml"
    toc = yamlfile.load(source.read_text(encoding="utf-8"))
    entry = _find(toc, INDEX)
    if entry is None:
        raise InputError(paths.rel(source), f"has no entry 'file: {INDEX}' for the article pages")
    if grouped:
        entry["sections"] = [{"file": f"book/articles/{group_name(i)}",
                              "sections": [{"file": f"book/articles/{a}"} for a in g]}
                             for i, g in enumerate(groups)]
    else:
        entry["sections"] = [{"file": f"book/articles/{a}"} for a in groups[0]]
    header = "# Derived by `python -m analysis pages` from _toc.yml: do not edit.\n"
    return (header + yaml.safe_dump(toc, sort_keys=False, allow_unicode=True)).encode("utf-8")


def _find(node, file: str):
    if isinstance(node, dict):
        if node.get("file") == file:
            return node
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            found = _find(item, file)
            if found is not None:
                return found
    return None


def run(paths: Paths, evidence: Evidence) -> list[Path]:
    """Write the generated pages and the derived table of contents (only what
    changed, so Sphinx re-reads only those); remove pages of removed articles."""
    pages = build_pages(paths, evidence)
    written = [p for p, data in sorted(pages.files.items()) if write_atomic(p, data)]
    for stale in sorted(articles_dir(paths).glob("*.md")):
        if stale not in pages.files:
            stale.unlink()
            written.append(stale)
    if write_atomic(toc_path(paths), pages.toc):
        written.append(toc_path(paths))
    return written
