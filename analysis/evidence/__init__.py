"""Stage 2, the evidence: what the book reasons from, validated and computed.

``facts`` (primary-source figures, entities, events), ``claims`` (stand-off
annotations checked against their quotes), ``measures`` (figures that refuse
to be added or compared across measures, units or issuers), ``register`` (the
computed discrepancy register and the one-voice table), ``headline`` (the
headline figure under each issuer's definition), ``loader`` (the one loader
every build, chapter and test goes through).

Imports: ``analysis.corpus`` and ``analysis.text`` (and paths, errors);
nothing from chapters or book.
"""
from .loader import Evidence, load_evidence

__all__ = ["Evidence", "load_evidence"]
