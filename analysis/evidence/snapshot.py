"""The evidence as the build loaded and checked it, handed to the chapters.

Four chapters each loaded the evidence and ran the codebook's checks over it
(the extractor included): about a second and a half of every kernel, work the
build's validate step had just done. The build now pickles its checked
evidence once (``save``), with the digest of everything it was made from;
a chapter (``checked_evidence``) takes the pickle only when that digest is
the digest of those files as they are now, and otherwise loads the evidence
itself. A snapshot can be missing or stale, never wrong.

Either way the chapter reads the same files (it hashes every input to compare
digests), so the inputs the build records for it (``analysis/book/execute.py``)
do not depend on which way it went: a clean build, an incremental one and a
chapter run by hand record the same dependencies. ``tests/test_snapshot.py``
checks that ``input_files`` covers every file ``load_evidence`` opens.

Pickle, not a data format: the snapshot is a private cache under ``_build/``,
written and read by the same code and environment (both are in its digest).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from ..paths import PATHS, Paths
from ..text.files import write_atomic
from .loader import Evidence, load_evidence

# Lazy tables the chapters use, computed before pickling so no kernel recomputes them.
_COMPUTED = ("names", "kinds", "texts", "verbatim", "claims_table", "facts_table",
             "fact_platforms", "findings", "register", "voices", "headline")
# The package stages the evidence is made by (chapters, book and display sit above it).
_STAGES = ("corpus", "evidence", "extract", "text")
_PACKAGE = Path(__file__).resolve().parent.parent


def snapshot_path(paths: Paths) -> Path:
    return paths.cache / "evidence.pickle"


def input_folders(paths: Paths) -> list[tuple[str, Path]]:
    """The folders ``load_evidence`` reads (and lists), each under its role. The
    extractor's word tables come from the package's project (``PATHS``), which
    for a build's chapters is the book's and for ``--root`` may be another: both
    are listed, so the snapshot is taken only where they are the same."""
    return [("raw", paths.raw), ("annotations", paths.annotations), ("translations", paths.translations),
            ("reference", paths.reference), ("gazetteer", paths.gazetteer),
            ("cleaning", paths.cleaning_rules.parent), ("lexicon", paths.data / "lexicon"),
            ("extractor gazetteer", PATHS.gazetteer), ("extractor lexicon", PATHS.data / "lexicon")]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def input_files(paths: Paths) -> list[Path]:
    """Every file the evidence is made of: the manifest and the input folders' files."""
    return [paths.manifest] + [f for _, folder in input_folders(paths) for f in _files(folder)]


def _code_files() -> list[Path]:
    files = [_PACKAGE / "__init__.py", _PACKAGE / "paths.py", _PACKAGE / "errors.py"]
    for stage in _STAGES:
        # a .pxd is code too: C types for a module's compiled build (analysis/compiled.py)
        files += sorted([*(_PACKAGE / stage).rglob("*.py"), *(_PACKAGE / stage).rglob("*.pxd")])
    return files


def digest(paths: Paths) -> str:
    """The digest of the evidence's inputs as they are now: data, code, environment,
    each file by its role and name (not where the project is), and its content.

    Reading every input here is also what makes a chapter's recorded
    dependencies the same whether or not it takes the snapshot."""
    import pandas
    import pydantic

    def add(label: str, path: Path) -> None:
        h.update(f"{label}\n".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"<absent>")

    h = hashlib.sha256()
    h.update(f"{sys.version}\npandas {pandas.__version__}\npydantic {pydantic.VERSION}\n".encode())
    add("manifest", paths.manifest)
    for role, folder in input_folders(paths):
        names = sorted(os.listdir(folder)) if folder.is_dir() else ["<absent>"]
        h.update(f"{role}: {names}\n".encode())
        for f in _files(folder):
            add(f"{role}/{f.name}", f)
    for f in _code_files():
        add(f.relative_to(_PACKAGE).as_posix(), f)
    return h.hexdigest()


def save(evidence: Evidence, paths: Paths) -> Path:
    """Pickle checked evidence (its lazy tables computed) under its inputs' digest."""
    for name in _COMPUTED:
        getattr(evidence, name)
    target = snapshot_path(paths)
    write_atomic(target, pickle.dumps((digest(paths), evidence), protocol=pickle.HIGHEST_PROTOCOL))
    return target


def checked_evidence(paths: Paths = PATHS) -> Evidence:
    """The evidence for a chapter: the build's snapshot if it is current, else loaded here."""
    now = digest(paths)
    try:
        with open(snapshot_path(paths), "rb") as fh:
            made_from, evidence = pickle.load(fh)
        if made_from == now and isinstance(evidence, Evidence):
            return evidence
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError,
            pickle.UnpicklingError):
        pass                  # missing, or written by other code: load it afresh
    return load_evidence(paths)
