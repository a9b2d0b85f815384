"""Text primitives every stage shares: reading article bytes as text strictly
(``files``), the one normalised matching view with its map back to raw offsets
(``normalize``), and a paragraph's language by its script (``language``).

They sit below the corpus because the extractor, which may import none of the
stages, needs them too. Imports: ``analysis.errors`` only.
"""
