"""Stage 3, the chapters: the logic behind each chapter, as pure functions of
the evidence (data in; tables, HTML or figures out). The chapter sources in
``book/`` import these and glue what they return.

``corpus_tables`` (The corpus), ``policy`` and ``timeline`` (Platform policy),
``takedowns`` (Takedown numbers), ``register_text`` (the discrepancy register in
words, for any chapter that shows a case), ``network`` (Migration networks),
``codebook`` (How claims are coded), ``methods`` (Methods).

Imports: ``analysis.evidence``, ``analysis.corpus``, ``analysis.extract``,
``analysis.display``, ``analysis.text``; nothing from ``analysis.book``.
"""
