"""Analysis package for the messaging-platforms report.

Everything that moves data lives here; chapter sources and tests only call it.
The subpackages are the pipeline's stages, and imports run one way, down them
(``tests/test_layout.py`` reads every import and fails on one that runs back up):

    book      prepare, execute, build and publish the HTML book
      ↓
    chapters  the logic behind each chapter (tables, figures, cards)
      ↓
    evidence  facts, claims, measures, the discrepancy register, the one loader
      ↓
    corpus    the manifest, raw articles, cleaning, tweets, adding an article

    extract   mentions of quantities, dates and names; its gold checker
    display   escaped HTML and figure files, for any chapter or book page
    text      strict decoding, the normalised matching view, language by script

``extract``, ``display`` and ``text`` sit beside the chain: any stage may use
them, and they use none of the stages (``extract`` and ``display`` use only
``text``). ``paths`` (where every file lives) and ``errors`` (one-line input
errors) are for everyone; ``compiled`` loads the extractor's compiled
modules, when they are built from the current source, before anything
imports them.
"""
from . import compiled as _compiled

_compiled.install()
