"""No launcher the book does not use. Jupyter Book always loads sphinx-thebe
(live code cells), which the book turns off (``launch_buttons.thebe: false``)
yet still adds its scripts to every page, twice after an incremental build:
"Identifier 'THEBE_JS_URL' has already been declared". The book has no live
cells, so its scripts, stylesheet and per-page configuration are dropped.
"""
from __future__ import annotations

from docutils import nodes


def _is_thebe(asset) -> bool:
    name = str(getattr(asset, "filename", "") or "")
    body = str(getattr(asset, "attributes", {}).get("body", "") or "")
    return "thebe" in name or "THEBE_JS_URL" in body


def drop_assets(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _is_thebe(a)]


def drop_config(app, doctree, docname):
    for node in list(doctree.findall(nodes.raw)):
        if "text/x-thebe-config" in node.astext():
            node.parent.remove(node)


def setup(app):
    app.connect("html-page-context", drop_assets, priority=900)
    app.connect("doctree-resolved", drop_config, priority=900)
