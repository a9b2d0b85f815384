"""A Sphinx extension: the ``{claim}`` role, so that prose cites a claim the way
every table and card does (``render.claim_ref``: a badge linking to the claim's
span on its article page).

    Telegram said it had blocked the channels ({claim}`004-07`).

Loaded with the book's other Sphinx pieces (``analysis.book.sphinx``). The role emits
the same HTML as the Python helper, so the build's link check and the claim
pages' "used in" lists treat prose and tables alike.
"""
from __future__ import annotations

import posixpath

from docutils import nodes

from ...display import render


def articles_base(docname: str) -> str:
    """The path from a page to the article pages (``book/articles/``)."""
    here = posixpath.dirname(docname) or "."
    rel = posixpath.relpath("book/articles", here)
    return "" if rel == "." else rel + "/"


def claim_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    claim_id = text.strip()
    if not render.CLAIM_ID.fullmatch(claim_id):
        msg = inliner.reporter.error(f"not a claim id: {claim_id!r} (expected NNN-kk)", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    docname = inliner.document.settings.env.docname
    return [nodes.raw("", render.claim_ref(claim_id, articles_base(docname)), format="html")], []


def setup(app):
    app.add_role("claim", claim_role)
