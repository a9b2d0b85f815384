"""One viewport tag per page. Sphinx's own head writes one, docutils' HTML
writer adds another to the page's meta tags, and the theme's head block (the
book's copy of it: analysis/book/templates/layout.html) a third; Sphinx's is
kept, the other two dropped."""
from __future__ import annotations

import re

VIEWPORT = re.compile(r'\s*<meta name="viewport"[^>]*>')


def one_viewport(app, pagename, templatename, context, doctree):
    tags = context.get("metatags")
    if tags:
        context["metatags"] = VIEWPORT.sub("", tags)


def setup(app):
    app.connect("html-page-context", one_viewport, priority=900)
