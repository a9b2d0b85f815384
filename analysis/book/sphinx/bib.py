"""References as a reader expects them: titles keep their capitals ("Europol cyber
offensive against IS", "BBC News"), and a source with no date reads "n.d."
(as the Corpus chapter says "undated"), never a year the text does not show.

pybtex's "plain" style sentence-cases every title (the plain BibTeX
convention); this style is plain with titles as written. Registered as the
pybtex style ``book`` (``bibtex_default_style: book`` in ``_config.yml``).
"""
from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.formatting import toplevel
from pybtex.style.template import field, first_of, optional, optional_field, sentence, words

DATE = first_of[optional[words[optional_field("month"), field("year")]], "n.d."]


class BookStyle(Plain):
    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)       # as written: no sentence-casing
        return sentence[title] if as_sentence else title

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")], DATE],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_online_template(self, e):
        return self.get_misc_template(e)


def setup(app):
    register_plugin("pybtex.style.formatting", "book", BookStyle, force=True)
