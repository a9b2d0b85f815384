"""How the book shows things, for every chapter and generated page: ``render``
(HTML whose every value is escaped, Arabic and Persian marked with ``dir`` and
``lang``) and ``figures`` (deterministic figure files saved beside the table
they were drawn from).

Imports: ``analysis.text`` only (and paths, errors): any chapter or book
module may import it without an upward arrow.
"""
