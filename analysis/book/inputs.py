"""What the build consumes, by content digest.

Light on purpose (the standard library only): a build with nothing changed
decides so from these digests in milliseconds, before pandas, papermill or
Sphinx is imported.

- ``input_files``: every file the book is made of. Under the project root:
  ``data/`` and ``book/`` (less what the build derives there) and the
  configuration, table of contents and pins; and every file of the ``analysis``
  package the build actually imports (``PACKAGE``: the checkout's, or a copy's
  found first on ``PYTHONPATH``).
- ``context``: what is not a file but changes the output: the commit and the
  build date shown on the status page, and the Python version.
- ``module_closure``: the package modules a chapter source imports, directly
  or through each other, read from the code with ``ast`` (imports inside
  functions included, and every parent package's ``__init__``, which Python
  runs first).

Digests are SHA-256 of contents, never file times: they survive a fresh
clone, a checkout or a cache restored in CI.
"""
from __future__ import annotations

import ast
import datetime as dt
import hashlib
import json
import os
import platform
import re
import subprocess
from functools import lru_cache
from pathlib import Path

from ..paths import Paths

PACKAGE = Path(__file__).resolve().parent.parent      # the ``analysis`` package in use

# What the book is made of, under the project root.
INPUT_DIRS = ("data", "book")
INPUT_FILES = ("_config.yml", "_toc.yml", "requirements.txt", "CITATION.cff")
# A commit that changes any of these dates the book (``build_epoch``).
EPOCH_PATHS = (*INPUT_DIRS, "analysis", *INPUT_FILES)
# What the build writes inside those folders (derived, git-ignored).
DERIVED_DIRS = ("data/processed", "book/figures", "book/articles")
DERIVED_FILES = ("book/status.md",)
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def digest_of(value) -> str:
    """One digest for a JSON-able value (dict keys sorted)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _walk(folder: Path):
    """Files under ``folder``, sorted; hidden files and caches skipped."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def is_derived(rel: str) -> bool:
    if rel in DERIVED_FILES or any(rel == d or rel.startswith(d + "/") for d in DERIVED_DIRS):
        return True
    # executed chapters: book/<chapter>.ipynb beside their sources
    return rel.startswith("book/") and rel.count("/") == 1 and rel.endswith(".ipynb")


def input_files(paths: Paths) -> dict[str, Path]:
    """Every input file by a stable key: its path under the root, or
    ``analysis/...`` for the package's files wherever it is installed."""
    files: dict[str, Path] = {}
    for d in INPUT_DIRS:
        for p in _walk(paths.root / d):
            rel = p.relative_to(paths.root).as_posix()
            if not is_derived(rel):
                files[rel] = p
    for f in INPUT_FILES:
        if (paths.root / f).is_file():
            files[f] = paths.root / f
    for p in _walk(PACKAGE):
        files["analysis/" + p.relative_to(PACKAGE).as_posix()] = p
    return files


def git(paths: Paths, *args: str) -> str | None:
    """Output of a git command in the project, or None (not a checkout, no git)."""
    if not (paths.root / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(paths.root), *args], capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None


def release_epoch(paths: Paths) -> int:
    """``date-released`` of CITATION.cff as a Unix time (0 when there is none)."""
    cff = paths.root / "CITATION.cff"
    m = re.search(r'^date-released:\s*"?(\d{4}-\d{2}-\d{2})"?', cff.read_text(encoding="utf-8"), re.M) \
        if cff.is_file() else None
    if not m:
        return 0
    return int(dt.datetime.fromisoformat(m.group(1)).replace(tzinfo=dt.timezone.utc).timestamp())


def build_epoch(paths: Paths) -> tuple[int, str]:
    """The book's date as a Unix time, and where it came from: SOURCE_DATE_EPOCH
    when set (and not 0), else the last commit that changed what the book is
    made of (``EPOCH_PATHS``), else, outside git (a copy, an unpacked release),
    the release date in CITATION.cff. Never the clock: two builds of one commit
    carry one date."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env), "SOURCE_DATE_EPOCH"
    changed = git(paths, "log", "-1", "--format=%ct", "--", *EPOCH_PATHS)
    if changed and changed.isdigit():
        return int(changed), "the last commit that changed the book's inputs"
    released = release_epoch(paths)
    if released:
        return released, "the release date in CITATION.cff"
    return 0, "no SOURCE_DATE_EPOCH, commit or release date: the Unix epoch"


def context(paths: Paths) -> dict:
    epoch, source = build_epoch(paths)
    return {"commit": git(paths, "rev-parse", "HEAD"), "epoch": epoch, "epoch_source": source,
            "python": platform.python_version()}


def inputs_digest(paths: Paths) -> tuple[str, dict]:
    """The digest of everything the build consumes, and the context it includes."""
    ctx = context(paths)
    files = {k: sha256_file(p) for k, p in input_files(paths).items()}
    return digest_of({"files": files, "context": ctx}), ctx


# --- the package modules a source imports ------------------------------------------

def module_file(module: str) -> Path | None:
    """The file of an ``analysis`` module (``analysis.extract.dates`` →
    ``.../analysis/extract/dates.py``), or None when it is not a module."""
    parts = module.split(".")
    if parts[0] != "analysis":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


@lru_cache(maxsize=None)      # by text: a worker runs several chapters over the same modules
def _imports(source: str, package: str) -> frozenset[str]:
    """Every module an import statement in ``source`` may load, absolute.
    ``from a import b`` may load the module ``a.b``: both are listed, and
    ``module_closure`` keeps those that are files."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            out |= {f"{target}.{a.name}" for a in node.names if a.name != "*"}
    return frozenset(m for m in out if m == "analysis" or m.startswith("analysis."))


def module_closure(source: Path) -> dict[str, Path]:
    """The package modules ``source`` (a chapter, or a module) runs when executed,
    by key ``analysis/<path>``: its imports, theirs, and so on, with every parent
    package's ``__init__``."""
    found: dict[str, Path] = {}
    todo = sorted(_imports(source.read_text(encoding="utf-8"), "__main__"))
    while todo:
        name = todo.pop()
        parts = name.split(".")
        for i in range(1, len(parts) + 1):          # analysis, analysis.x, analysis.x.y
            mod = ".".join(parts[:i])
            path = module_file(mod)
            if path is None:
                continue
            key = "analysis/" + path.relative_to(PACKAGE).as_posix()
            if key in found:
                continue
            found[key] = path
            package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
            todo += sorted(_imports(path.read_text(encoding="utf-8"), package))
    return dict(sorted(found.items()))
