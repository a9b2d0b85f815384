"""YAML read with libyaml's C parser, as PyYAML's own binding offers it.

Every build validates the annotations and translations; the pure-Python
``SafeLoader`` spent about 0.4 s of it parsing them (measured here on the five
articles), the C ``CSafeLoader`` 0.03 s. Both build the same documents and the
same node marks (line numbers); a test compares the two on every YAML file
of the project. Where PyYAML was built without libyaml, the pure loader is
used: slower, same result.
"""
from __future__ import annotations

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    """The document in ``text`` (safe: plain data only)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 (a safe loader)


def load_with_node(text: str, loader: type = SafeLoader):
    """(the document, its node tree): one parse for the data and the lines
    of its items (``node.start_mark.line``, 0-based)."""
    parser = loader(text)
    try:
        node = parser.get_single_node()
        return (parser.construct_document(node) if node is not None else None), node
    finally:
        parser.dispose()
