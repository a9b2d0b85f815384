"""Stage 1, the corpus: the articles as received and what the book makes of them.

``manifest`` (``data/articles.csv``: schema, reading, appending), ``articles``
(the verified corpus: checksums, strict decoding, no orphan files),
``cleaning`` (edits with an exact map back to raw offsets), ``tweets``
(embedded tweets as quoted sources), ``adding`` (``make add-article``).

Imports: ``analysis.text``, ``analysis.paths``, ``analysis.errors``; nothing
from evidence, chapters or book.
"""
from .articles import Article, Corpus, load_corpus

__all__ = ["Article", "Corpus", "load_corpus"]
