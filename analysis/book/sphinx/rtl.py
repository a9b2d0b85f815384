"""Arabic and Persian in prose always carry ``dir`` and ``lang``.

Chapter prose and the references quote words in Arabic script (a headline, a
term such as «سرپل»). Left alone, such a run sits in an English paragraph
with no language and no direction, so browsers may order its words wrongly
and screen readers read it as English. After Sphinx has resolved a page, every
text node holding Arabic script (outside code and titles) is replaced by the
same escaped HTML the rest of the book uses (``render.mixed``): each Arabic
run in a span with ``dir="rtl"`` and ``lang`` set by the script rule.
"""
from __future__ import annotations

import re

from docutils import nodes

from ...display import render

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_SKIP = (nodes.literal, nodes.literal_block, nodes.raw, nodes.title, nodes.comment,
         nodes.FixedTextElement)


def mark_runs(app, doctree, docname):
    if app.builder.format != "html":
        return
    for text in list(doctree.findall(nodes.Text)):
        if not ARABIC.search(text) or any(isinstance(p, _SKIP) for p in _ancestors(text)):
            continue
        text.parent.replace(text, nodes.raw("", render.mixed(str(text)), format="html"))


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def setup(app):
    app.connect("doctree-resolved", mark_runs, priority=800)
