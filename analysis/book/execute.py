"""Pipeline step ``execute``: text notebooks → executed notebooks, with papermill.

A chapter is re-executed only when the content hash of its inputs changes
(its source, the ``analysis`` package, the curated data and the parameters);
content hashes, unlike file times, survive a fresh clone or a checkout.
Outputs are made deterministic: stable cell ids, a fixed kernelspec, and no
papermill timing metadata, so two clean runs give identical notebooks.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

import jupytext
import nbformat

from .notebooks import Chapter, chapters
from ..errors import InputError
from ..paths import PATHS, REPO_ROOT, Paths
from .prepare import write_atomic

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
# Inputs a chapter may read. Derived data (data/processed) is a function of
# these, so hashing them is enough.
_INPUT_GLOBS = ("analysis/**/*.py", "analysis/**/*.csv", "data/articles.csv", "data/raw/*",
                "data/cleaning/*", "data/reference/*", "data/annotations/*",
                "data/gazetteer/*", "data/lexicon/*", "data/gold/**/*", "data/codebook/*",
                "data/labels/*", "requirements.txt")


class ChapterError(Exception):
    """A chapter failed to execute; the message names the chapter and cell."""


def inputs_digest(chapter: Chapter, parameters: dict) -> str:
    root = chapter.paths.root
    h = hashlib.sha256()
    files = sorted({p for g in _INPUT_GLOBS for p in root.glob(g) if p.is_file()
                    and "__pycache__" not in p.parts})
    for p in [chapter.source, *files]:
        h.update(str(p.relative_to(root)).encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    h.update(json.dumps(parameters, sort_keys=True).encode())
    return h.hexdigest()


def to_notebook(source: Path) -> nbformat.NotebookNode:
    """Read a Jupytext text notebook as an ipynb with stable ids and a kernelspec."""
    nb = jupytext.read(source, fmt="py:percent")
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def scrub(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove what changes from run to run, and papermill's injected parameter cell.

    The injected cell holds the build's absolute data path (it would differ
    between checkouts) and no output; without it the executed notebook's inputs
    are exactly its source's, so Jupytext can pair the two (``book/jupytext.toml``).
    """
    nb.metadata.pop("papermill", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell["id"] = f"cell-{i:03d}"
        if cell.cell_type == "code":
            cell.execution_count = None
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = None
    return nb


@contextmanager
def _stderr_to(path: Path):
    """Send this process's stderr (and so the kernel's, which inherits it) to a log.

    The kernel writes start-up and shutdown chatter to stderr; the build's own
    output should be one line per step. Errors still reach the user: they are
    raised as exceptions and printed after stderr is restored.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "wb") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


@contextmanager
def _environment(values: dict[str, str]):
    """Set environment variables for the kernel (it inherits them), then restore."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# Cells the build adds to a notebook and that have no line in the source.
_ADDED_TAGS = {"injected-parameters", "papermill-error-cell-tag"}
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_MARKER = re.compile(r"^\s*#\s*%%")


def cell_lines(source_text: str, n_cells: int) -> list[int] | None:
    """The 1-based line of ``book/<chapter>.py`` where each cell starts (its
    ``# %%`` marker), or None when the markers do not match Jupytext's cells."""
    lines = source_text.splitlines()
    start = 0
    if lines and lines[0].startswith("# ---"):
        # the Jupytext header: up to the closing '# ---'
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].startswith("# ---")), 0)
    starts = [i + 1 for i in range(start, len(lines)) if _MARKER.match(lines[i])]
    first_text = next((i + 1 for i in range(start, len(lines)) if lines[i].strip()), None)
    if first_text is not None and starts and first_text < starts[0]:
        starts.insert(0, first_text)  # text before the first marker is a cell of its own
    return starts if len(starts) == n_cells else None


def failure_message(chapter: Chapter, err) -> str:
    """Where a chapter failed, in its source: ``book/<chapter>.py:<line>``, the line
    where the failing cell starts, the failing line and the error."""
    import nbformat

    root = chapter.paths.root
    rel = chapter.source.relative_to(root)
    kept = chapter.failed.relative_to(root)
    error = f"{err.ename}: {err.evalue}"
    where = f"{rel} (papermill's cell {err.exec_count}: its line is unknown)"
    try:
        nb = nbformat.read(chapter.failed, as_version=4)
        cells = [c for c in nb.cells if not _ADDED_TAGS & set(c.metadata.get("tags", []))]
        index = next(i for i, c in enumerate(cells) if c.cell_type == "code"
                     and any(o.get("output_type") == "error" for o in c.get("outputs", [])))
        source_text = chapter.source.read_text(encoding="utf-8")
        starts = cell_lines(source_text, len(cells))
    except (OSError, StopIteration, ValueError):
        starts = None
    if starts is not None:
        cell_start = starts[index]
        tb = _ANSI.sub("", "\n".join(err.traceback or []))
        m = re.search(r"Cell In\[\d+\], line (\d+)", tb)
        if m:
            line = cell_start + int(m.group(1))      # the cell's code begins below its marker
            text = source_text.splitlines()[line - 1].strip()
            where = f"{rel}:{line} (in the cell that starts at line {cell_start}): {text}"
        else:
            where = f"{rel}:{cell_start} (the cell that starts at line {cell_start})"
        inner = re.findall(r"File ([^\s:]+\.py):(\d+)", tb)
        if inner:
            path, n = inner[-1]
            for base in (root, REPO_ROOT):      # the project, or the installed package
                try:
                    path = str(Path(path).expanduser().resolve().relative_to(base))
                    break
                except ValueError:
                    pass
            where += f" (raised in {path}:{n})"
    return (f"chapter {chapter.name} failed at {where} → {error} "
            f"(executed copy kept in {kept})")


def _up_to_date(chapter: Chapter, digest: str) -> bool:
    """The executed notebook is what the build last wrote for these inputs.

    The stamp holds the inputs' digest and the executed notebook's own: a
    notebook saved from Jupyter over the build's (``book/jupytext.toml`` pairs
    them) is not the build's output, and is executed again.
    """
    if not (chapter.executed.exists() and chapter.stamp.exists()):
        return False
    stamp = chapter.stamp.read_text().split()
    output = hashlib.sha256(chapter.executed.read_bytes()).hexdigest()
    return stamp == [digest, output]


def execute_chapter(chapter: Chapter, parameters: dict, force: bool = False) -> bool:
    """Execute one chapter if its inputs changed. Returns True if it ran."""
    import papermill  # imported here: it is slow to import and most runs skip

    digest = inputs_digest(chapter, parameters)
    if not force and _up_to_date(chapter, digest):
        return False
    if not chapter.source.exists():
        raise InputError(chapter.source, "chapter source not found")
    nb = to_notebook(chapter.source)
    chapter.failed.parent.mkdir(parents=True, exist_ok=True)
    kernel_log = chapter.paths.cache / "chapters" / f"{chapter.name}.kernel.log"
    env = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0"),
           "BOOK_ROOT": str(chapter.paths.root)}
    try:
        with _environment(env), _stderr_to(kernel_log):
            # papermill writes the notebook as it goes: on failure it is kept
            # in _build/failed/ for whoever reads the error (CI uploads it).
            executed = papermill.execute_notebook(
                nb, str(chapter.failed), parameters=parameters, kernel_name=KERNEL["name"],
                cwd=str(chapter.paths.book), progress_bar=False, log_output=False,
            )
    except papermill.PapermillExecutionError as err:
        raise ChapterError(failure_message(chapter, err)) from None
    chapter.failed.unlink(missing_ok=True)
    executed = scrub(executed)
    data = nbformat.writes(executed, version=4).encode("utf-8")
    chapter.executed.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(chapter.executed, data)
    chapter.stamp.parent.mkdir(parents=True, exist_ok=True)
    chapter.stamp.write_text(f"{digest}\n{hashlib.sha256(data).hexdigest()}\n")
    return True


def run(paths: Paths = PATHS, names: tuple[str, ...] | None = None, force: bool = False,
        log=print) -> list[str]:
    ran = []
    parameters = {"data_dir": str(paths.data)}
    for ch in chapters(paths) if names is None else chapters(paths, names):
        did = execute_chapter(ch, parameters, force=force)
        log(f"  chapter {ch.name}: {'executed' if did else 'up to date'}")
        if did:
            ran.append(ch.name)
    return ran
