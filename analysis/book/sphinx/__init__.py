"""The book's own Sphinx extension, loaded through ``_config.yml``
(``sphinx: extra_extensions: [analysis.book.sphinx]``). Each module does one thing:

``claims``   the ``{claim}`` role: prose cites claims as tables and cards do
``rtl``      every run of Arabic or Persian script in prose and references carries ``dir`` and ``lang``
``quiet``    no launcher scripts the book does not use (thebe), so no console error
``dates``    "Last updated" is the date the book's inputs last changed, in words
``bib``      references keep their titles' capitals; undated sources read "n.d."
``a11y``     the sidebar's open/close toggles have a name for screen readers
``head``     one viewport tag in each page's head, not three
``cite``     the How to cite page from CITATION.cff (title, version, BibTeX, address)
"""
from __future__ import annotations

from . import a11y, bib, cite, claims, dates, head, quiet, rtl


def setup(app):
    for part in (claims, rtl, quiet, dates, bib, a11y, cite, head):
        part.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
