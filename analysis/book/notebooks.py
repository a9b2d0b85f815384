"""The book's chapters: which text notebooks exist and where their executed copies go.

A chapter is a Jupytext percent-format notebook, ``book/<name>.py``. Its
executed ``.ipynb`` is derived (``book/<name>.ipynb``, git-ignored), paired
with the source through ``book/jupytext.toml``, and is what ``_toc.yml``
lists. The order here is the order of execution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..paths import Paths

CHAPTERS: tuple[str, ...] = ("corpus", "platform_policy", "takedown_numbers",
                             "migration_networks", "codebook", "methods")


_TITLE = re.compile(r"^# # (.+)$", re.M)


@dataclass(frozen=True)
class Chapter:
    name: str
    paths: Paths

    @property
    def source(self) -> Path:
        return self.paths.notebooks_src / f"{self.name}.py"

    @property
    def title(self) -> str:
        """The chapter's title: the first level-one heading of its source's
        markdown cells (``# # Title``), else its name."""
        try:
            m = _TITLE.search(self.source.read_text(encoding="utf-8"))
        except OSError:
            m = None
        return m.group(1).strip() if m else self.name

    @property
    def executed(self) -> Path:
        return self.paths.book / f"{self.name}.ipynb"

    @property
    def stamp(self) -> Path:
        """What the build knows of the last execution: input digests, the files
        read and written, the time it took (``execute``)."""
        return self.paths.cache / "chapters" / f"{self.name}.json"

    @property
    def failed(self) -> Path:
        return self.paths.build / "failed" / f"{self.name}.ipynb"


def chapters(paths: Paths, names: tuple[str, ...] = CHAPTERS) -> list[Chapter]:
    return [Chapter(n, paths) for n in names]
