"""How to cite the book, from one source: CITATION.cff.

The title, version and release date a reader cites come from CITATION.cff (so
the book, the citation file and the How to cite page cannot disagree); the
address is where the book is published, which CI knows (BOOK_URL) and a local
build does not; the commit comes from the build (BOOK_COMMIT). They reach the
page as MyST substitutions: ``{{ book_title }}``, ``{{ book_version }}``,
``{{ book_url }}``, ``{{ book_bibtex }}`` (a BibTeX entry, as a code block).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

PLACEHOLDER_URL = "the address where you read this book"


def citation(root: Path) -> dict[str, str]:
    text = (root / "CITATION.cff").read_text(encoding="utf-8") if (root / "CITATION.cff").is_file() else ""

    def field(name: str) -> str:
        m = re.search(rf'^{name}:\s*"?([^"\n]+)"?\s*$', text, re.M)
        return m.group(1).strip() if m else ""

    author = re.search(r'-\s*name:\s*"?([^"\n]+)"?', text)
    return {"title": field("title"), "version": field("version"), "released": field("date-released"),
            "author": author.group(1).strip() if author else ""}


def substitutions(root: Path) -> dict[str, str]:
    c = citation(root)
    url = os.environ.get("BOOK_URL", "").strip()
    commit = os.environ.get("BOOK_COMMIT", "").strip()
    version = c["version"] + (f" (commit {commit[:12]})" if commit else "")
    year = c["released"][:4]
    bibtex = "\n".join([
        "```bibtex",
        "@misc{messaging_platforms_report,",
        f"  title   = {{{{{c['title']}}}}},",
        f"  author  = {{{{{c['author']}}}}},",
        f"  year    = {{{year}}},",
        f"  version = {{{version}}},",
        f"  url     = {{{url or 'URL of the copy you read'}}},",
        "  urldate = {the date you read it, YYYY-MM-DD},",
        "}",
        "```"])
    return {"book_title": c["title"], "book_version": version, "book_url": url or PLACEHOLDER_URL,
            "book_bibtex": bibtex, "book_year": year}


def set_substitutions(app, config):
    subs = dict(getattr(config, "myst_substitutions", {}) or {})
    subs.update(substitutions(Path(app.confdir)))
    config.myst_substitutions = subs


def setup(app):
    app.connect("config-inited", set_substitutions)
