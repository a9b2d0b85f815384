"""Stage 4, the book: turning the evidence and the chapters into HTML.

``notebooks`` (which chapter sources exist and where their executed copies
go), ``prepare`` (derived tables into ``data/processed/``), ``execute``
(chapters run by papermill when their inputs change), ``build`` (Jupyter
Book into a staging directory, then publish).

Imports: any stage below; nothing imports it but the command line.
"""
