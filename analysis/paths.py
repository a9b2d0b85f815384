"""The one module that knows where things live.

Every path is derived from a project root. The default root is the checkout
this file belongs to; tests and the book build can point the pipeline at a
copy (``Paths(root=...)`` or the ``BOOK_ROOT`` environment variable) so that
nothing depends on the directory a command is started from.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Compiled builds of the code's hot modules (analysis/compiled.py): beside the
# code they are built from, whatever project root a step works on.
COMPILED_DIR = REPO_ROOT / ".build" / "compiled"


@dataclass(frozen=True)
class Paths:
    root: Path = REPO_ROOT

    def rel(self, path: Path) -> Path:
        """``path`` relative to the root when inside it (how messages name files)."""
        try:
            return Path(path).relative_to(self.root)
        except ValueError:
            return Path(path)

    @classmethod
    def from_env(cls) -> "Paths":
        root = os.environ.get("BOOK_ROOT")
        return cls(Path(root).resolve()) if root else cls()

    # --- inputs (curated, committed) -------------------------------------
    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def raw(self) -> Path:
        """Articles exactly as received: never written by the pipeline."""
        return self.data / "raw"

    @property
    def manifest(self) -> Path:
        return self.data / "articles.csv"

    @property
    def annotations(self) -> Path:
        return self.data / "annotations"

    @property
    def reference(self) -> Path:
        return self.data / "reference"

    @property
    def gazetteer(self) -> Path:
        return self.data / "gazetteer"

    @property
    def gold(self) -> Path:
        """Hand-written expected extractor output (the yardstick, not training data)."""
        return self.data / "gold" / "extract"

    @property
    def translations(self) -> Path:
        """The project's English translations, one YAML file per article."""
        return self.data / "translations"

    @property
    def cleaning_rules(self) -> Path:
        return self.data / "cleaning" / "boilerplate.csv"

    # --- derived (rebuilt, git-ignored) ----------------------------------
    @property
    def processed(self) -> Path:
        return self.data / "processed"

    @property
    def notebooks_src(self) -> Path:
        """Jupytext text sources of the chapters: ``book/<name>.py``, beside the
        executed ``book/<name>.ipynb`` they are paired with (``book/jupytext.toml``)."""
        return self.book

    @property
    def book(self) -> Path:
        return self.root / "book"

    @property
    def build(self) -> Path:
        return self.root / "_build"

    @property
    def html(self) -> Path:
        """The published book: replaced only by a complete, successful build."""
        return self.build / "html"

    @property
    def cache(self) -> Path:
        return self.build / "cache"


PATHS = Paths.from_env()
