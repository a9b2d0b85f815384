"""Two fixes for screen readers. The theme's sidebar opens and closes a branch with an icon-only ``<summary>``
(a chevron): screen readers announce nothing (axe: summary-name, serious).
The sidebar's HTML is made by a function the theme puts in the page context;
this wraps it to give every such summary a name.
"""
from __future__ import annotations

import functools

TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
NAMED = '<summary aria-label="Show or hide the pages in this part"><span class="toctree-toggle" role="presentation">'


def name_toggles(app, pagename, templatename, context, doctree):
    make = context.get("generate_toctree_html")
    if make is None or getattr(make, "_named_toggles", False):
        return

    @functools.wraps(make)
    def named(*args, **kwargs):
        return str(make(*args, **kwargs)).replace(TOGGLE, NAMED)

    named._named_toggles = True
    context["generate_toctree_html"] = named


def drop_list_role(app, pagename, templatename, context, doctree):
    """docutils writes the references as ``<div role="list">`` whose entries are
    ``role="doc-biblioentry"``, which a list may not hold (axe: aria-required-children,
    critical): the entries carry their role, the container needs none."""
    body = context.get("body")
    if body and 'role="list" class="citation-list"' in body:
        context["body"] = body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')


def setup(app):
    app.connect("html-page-context", name_toggles, priority=900)
    app.connect("html-page-context", drop_list_role, priority=900)
