"""The build status page, ``book/status.md`` (generated, git-ignored), as
QuantEcon's status page: which commit, when, with which Python and packages,
and how each chapter was made.

It has two parts, so that a clean build stays byte-identical to an
incremental one and to another clean build:

- what is the same for the same inputs is written into the page's source
  before Sphinx runs (``page_source``): the commit, the build date
  (SOURCE_DATE_EPOCH, else the last commit that changed the inputs: never the clock), the digest
  of every input, the Python and package versions;
- what varies from build to build (how long each chapter took, and whether
  its notebook was executed by this build or re-used from the cache) is filled
  into the element ``<div id="build-status-chapters">`` of the finished HTML by
  a post-build step (``fill``), with each chapter's input digest. Sphinx never
  sees it, so it reaches neither the search index nor any other page.

The reproducibility tests compare every published file byte for byte after
blanking exactly that element (``VARYING``).
"""
from __future__ import annotations

import html
import re
import time
from importlib import metadata
from pathlib import Path

from ..display import render
from ..paths import Paths

PAGE = "book/status"
PLACEHOLDER_ID = "build-status-chapters"
# The one part of the published book that varies between builds of the same inputs.
VARYING = re.compile(r'(<div id="build-status-chapters"[^>]*>).*?(</div><!-- /build-status -->)', re.S)

# The packages whose versions readers may want, in the order shown.
PACKAGES = ("jupyter-book", "Sphinx", "myst-nb", "myst-parser", "sphinx-book-theme",
            "sphinxcontrib-bibtex", "jupytext", "papermill", "nbclient", "ipykernel", "pandas",
            "numpy", "matplotlib", "networkx", "pydantic", "PyArabic", "jdatetime", "PyYAML")


def page_path(paths: Paths) -> Path:
    return paths.root / f"{PAGE}.md"


def versions() -> list[tuple[str, str]]:
    out = []
    for name in PACKAGES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "not installed"))
    return out


def page_source(info: dict) -> bytes:
    """The page's MyST source: the same for the same inputs."""
    commit = info.get("commit")
    from ..display.dates import in_words

    moment = time.gmtime(info["epoch"])
    date = f"{in_words(time.strftime('%Y-%m-%d', moment))}, {time.strftime('%H:%M', moment)} UTC"
    rows = [
        ("commit", f"`{commit}`" if commit else "not a git checkout"),
        ("build date", f"{date} ({info['epoch_source']})"),
        ("inputs digest", f"`{info['inputs']}`"),
        ("Python", info["python"]),
    ]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    packages = "\n".join(f"| {name} | {version} |" for name, version in versions())
    return f"""(build-status)=
# Build status

How this copy of the book was built. Everything in it is computed from the
project's inputs when the book is built; nothing on this page is typed.

| | this copy |
|---|---|
{table}

The build date is the date of the last commit that changed what the book is
made of (or `SOURCE_DATE_EPOCH` when it is set; outside git, the release date
in `CITATION.cff`), never the time the build ran, so that two builds of one commit
are byte for byte the same. The inputs digest is the SHA-256 over every file
the book is made of (articles, manifest, annotations, reference data, chapter
sources, pages, the `analysis` package, configuration, table of contents and
pinned requirements).

## Chapters

Each chapter is executed only when something it reads changes: its source,
the package modules it imports and the data files it opened. The digest
below covers all of them; "re-used" means this build took the notebook
executed by an earlier build for the same digest, and the time is that
build's.

```{{raw}} html
<div id="{PLACEHOLDER_ID}"><p>Filled in when the book is built.</p></div><!-- /build-status -->
```

## Software

| package | version |
|---|---|
{packages}

Every package is pinned in `requirements.txt`.
""".encode("utf-8")


CHAPTER_COLUMNS = ("chapter", "source", "notebook", "execution seconds", "input digest")


def chapters_html(results, sources: dict[str, str], titles: dict[str, str] | None = None) -> str:
    """The table of how each chapter was made in this build: each chapter by its
    title, its source file and digest in code."""
    titles = titles or {}
    rows = []
    for r in results:
        how = "executed by this build" if r.executed else "re-used from the cache"
        rows.append(render.row_html(CHAPTER_COLUMNS, (
            f'<a href="{html.escape(r.name)}.html">{html.escape(titles.get(r.name, r.name))}</a>',
            f"<code>{html.escape(sources.get(r.name, ''))}</code>", how, f"{r.seconds:.1f}",
            f"<code>{html.escape(r.digest[:16])}</code>"), num={"execution seconds"}))
    return render.table_html(CHAPTER_COLUMNS, rows, "data-table build-status")


def fill(html_root: Path, results, sources: dict[str, str], titles: dict[str, str] | None = None) -> bool:
    """Write this build's chapter table into the staged status page."""
    from ..text.files import write_atomic

    page = html_root / f"{PAGE}.html"
    if not page.is_file():
        return False
    text = page.read_text(encoding="utf-8")
    body = chapters_html(results, sources, titles)
    filled, n = VARYING.subn(lambda m: m.group(1) + body + m.group(2), text)
    if n != 1:
        return False
    write_atomic(page, filled.encode("utf-8"))
    return True


def blank_varying(data: bytes) -> bytes:
    """A published file with the part that varies between builds emptied (for tests)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    return VARYING.sub(lambda m: m.group(1) + m.group(2), text).encode("utf-8")
