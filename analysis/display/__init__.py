"""How the book shows things, for every chapter and generated page: ``render``
(HTML whose every value is escaped, Arabic and Persian marked with ``dir`` and
``lang``), ``figures`` (deterministic figure files saved beside the table
they were drawn from) and ``spreadsheet`` (CSV files with no cell a
spreadsheet would run as a formula).

Imports: ``analysis.text`` only (and paths, errors): any chapter or book
module may import it without an upward arrow.
"""
