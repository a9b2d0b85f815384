"""Pipeline step ``execute``: text notebooks → executed notebooks, with papermill.

A chapter is re-executed only when something it reads changes, by content
digest (which, unlike file times, survives a fresh clone, a checkout or a CI
cache):

- its source, ``book/<chapter>.py``;
- the package modules it imports, directly or through each other, found in
  the code (``inputs.module_closure``, with ``ast``), and this module (how a
  notebook is made);
- the data files it reads: the build adds a first cell that records, with an
  audit hook and a wrapper on ``os.stat``, every file under the project the
  kernel opens, every folder it lists and every path it looks for (a file that
  was absent counts too, so adding it re-executes the chapter), and a last cell
  that saves the record; both cells are removed from the saved notebook. The
  record is kept in the chapter's stamp, ``_build/cache/chapters/<name>.json``,
  with the digest of everything above, the pins (``requirements.txt``), the
  Python version and the kernel's SOURCE_DATE_EPOCH;
- the files it wrote (its figures): missing or changed, it runs again.

Whatever a chapter reads it read through the files recorded last time, so a
change that could make it read something else changes one of those first.

Chapters are independent, so those to run are run in parallel, one worker
process per core (``jobs``), longest first; the notebooks are the same as a
serial run's (``tests/test_incremental.py``). Outputs are made deterministic:
stable cell ids, a fixed kernelspec, and no papermill timing metadata, so two
clean runs give identical notebooks.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from . import inputs, kernels
from .notebooks import Chapter, chapters
from ..errors import ChapterError, InputError
from ..paths import PATHS, REPO_ROOT, Paths
from .prepare import write_atomic

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
KERNEL_STARTS = 3                  # attempts at starting a chapter's kernel
KERNEL_START_TIMEOUT = 180         # seconds; a busy shared machine can take long
_KERNEL_START_FAILURES = ("Kernel died before replying to kernel_info", "Kernel didn't respond")
RECORD_TAG = "build-record"          # the cells the build adds around a chapter
# How a notebook is made: a change here re-executes every chapter.
_BUILD_MODULES = ("analysis/book/execute.py", "analysis/book/notebooks.py")
# Never dependencies: the build's own folder, and the package's modules (the
# import closure covers those, wherever the package is installed).
_NOT_DEPENDENCIES = ("_build/", ".git/")

# The recorder: first cell of every executed chapter. It must run before the
# chapter imports anything, and uses only the standard library.
RECORDER = r"""# Added by the build (analysis/book/execute.py), removed from the saved notebook:
# records the files under the project this chapter opens, lists or looks for.
import os as _bk_os, sys as _bk_sys
_bk_root = {root!r}
_bk_seen = {{"read": set(), "write": set(), "list": set(), "stat": set()}}
_bk_import = {{"importlib._bootstrap", "importlib._bootstrap_external", "_frozen_importlib",
              "_frozen_importlib_external", "zipimport", "pkgutil"}}
def _bk_by_import():
    # the import system lists the folders on sys.path: that is not reading data
    f = _bk_sys._getframe(2)
    while f is not None:
        if f.f_globals.get("__name__") in _bk_import:
            return True
        f = f.f_back
    return False
def _bk_path(p):
    try:
        p = _bk_os.fsdecode(p)
    except TypeError:
        return None
    if "\n" in p or any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in p.split("/")):
        return None  # not a file name (IPython asks os.path.exists of HTML strings)
    p = _bk_os.path.normpath(_bk_os.path.join(_bk_os.getcwd(), p))
    return p if p.startswith(_bk_root + _bk_os.sep) else None
def _bk_hook(event, args):
    if event == "open":
        path, mode, flags = args
        if path is None or isinstance(path, int):
            return
        p = _bk_path(path)
        if p and not _bk_by_import():
            w = (isinstance(flags, int) and flags & (_bk_os.O_WRONLY | _bk_os.O_RDWR)) or \
                (isinstance(mode, str) and any(c in mode for c in "wax+"))
            _bk_seen["write" if w else "read"].add(p)
    elif event in ("os.listdir", "os.scandir"):
        path = args[0] if args else None
        if not isinstance(path, int):
            p = _bk_path("." if path is None else path)
            if p and not _bk_by_import():
                _bk_seen["list"].add(p)
_bk_sys.addaudithook(_bk_hook)
def _bk_probe(real):
    def probe(path, *args, **kwargs):
        if not isinstance(path, int):
            p = _bk_path(path)
            if p:
                _bk_seen["stat"].add(p)
        return real(path, *args, **kwargs)
    return probe
_bk_os.stat = _bk_probe(_bk_os.stat)
_bk_os.lstat = _bk_probe(_bk_os.lstat)
"""
SAVER = r"""# Added by the build: saves what the recorder saw.
import json as _bk_json
with open({out!r}, "w", encoding="utf-8") as _bk_fh:
    _bk_json.dump({{k: sorted(v) for k, v in _bk_seen.items()}}, _bk_fh)
"""


def to_notebook(source: Path) -> nbformat.NotebookNode:
    """Read a Jupytext text notebook as an ipynb with stable ids and a kernelspec."""
    nb = jupytext.read(source, fmt="py:percent")
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def scrub(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove what changes from run to run, papermill's injected parameter cell
    and the build's recording cells.

    The injected cell holds the build's absolute data path (it would differ
    between checkouts) and no output; without it the executed notebook's inputs
    are exactly its source's, so Jupytext can pair the two (``book/jupytext.toml``).
    """
    nb.metadata.pop("papermill", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    nb.cells = [c for c in nb.cells
                if not {"injected-parameters", RECORD_TAG} & set(c.metadata.get("tags", []))]
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
_ADDED_TAGS = {"injected-parameters", "papermill-error-cell-tag", RECORD_TAG}
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


def _record_path(chapter: Chapter) -> Path:
    return chapter.paths.cache / "chapters" / f"{chapter.name}.record.json"


def relative_parameters(paths: Paths, parameters: dict) -> dict:
    """Parameters as the digest sees them: paths under the root made relative,
    so that a checkout's location is not an input."""
    out = {}
    for k, v in parameters.items():
        if isinstance(v, str) and os.path.isabs(v):
            try:
                v = "<root>/" + Path(v).relative_to(paths.root).as_posix()
            except ValueError:
                pass
        out[k] = v
    return out


def dependency_state(path: Path, listed: bool) -> str:
    """What a chapter saw of a path: a file's digest, a folder (and, if it
    listed it, its names), or that nothing was there."""
    try:
        if path.is_file():
            return "file " + inputs.sha256_file(path)
        if path.is_dir():
            return "folder" + ("\n" + "\n".join(sorted(os.listdir(path))) if listed else "")
    except OSError:
        pass                      # unreadable, or no valid file name: nothing is there
    return "absent"


def chapter_inputs(chapter: Chapter, reads: list[list], parameters: dict) -> dict:
    """Everything a chapter's output depends on, each by digest (see the module)."""
    paths = chapter.paths
    modules = inputs.module_closure(chapter.source)
    build = {k: inputs.sha256_file(inputs.PACKAGE / k.removeprefix("analysis/")) for k in _BUILD_MODULES}
    pins = paths.root / "requirements.txt"
    return {
        "source": inputs.sha256_file(chapter.source),
        "modules": {k: inputs.sha256_file(p) for k, p in modules.items()},
        "build": build,
        "data": {rel: dependency_state(paths.root / rel, bool(listed)) for rel, listed in reads},
        "parameters": relative_parameters(paths, parameters),
        "environment": {"SOURCE_DATE_EPOCH": _kernel_epoch(),
                        "python": sys.version.split()[0],
                        "requirements": inputs.sha256_file(pins) if pins.is_file() else None},
    }


def _kernel_epoch() -> str:
    return os.environ.get("SOURCE_DATE_EPOCH", "0")


def load_stamp(chapter: Chapter) -> dict | None:
    try:
        return json.loads(chapter.stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def why_run(chapter: Chapter, parameters: dict) -> str:
    """Why a chapter is executed, in a few words (the first changed inputs)."""
    stamp = load_stamp(chapter)
    if not stamp or "inputs" not in stamp:
        return "no earlier run"
    if not chapter.executed.is_file():
        return "no executed notebook"
    if inputs.sha256_file(chapter.executed) != stamp["notebook"]:
        return "its notebook is not the build's"
    missing = [r for r, d in stamp["outputs"].items() if not (chapter.paths.root / r).is_file()
               or inputs.sha256_file(chapter.paths.root / r) != d]
    if missing:
        return f"{missing[0]} is missing or changed"
    now = chapter_inputs(chapter, stamp["reads"], parameters)
    changed = []
    for part in ("source", "parameters", "environment", "build", "modules", "data"):
        old, new = stamp["inputs"].get(part), now.get(part)
        if part == "source" and old != new:
            changed.append(chapter.source.relative_to(chapter.paths.root).as_posix())
        elif isinstance(new, dict) and isinstance(old, dict):
            changed += [k for k in sorted(old.keys() | new.keys()) if old.get(k) != new.get(k)]
        elif old != new:
            changed.append(part)
    return "changed: " + ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")


def up_to_date(chapter: Chapter, parameters: dict) -> dict | None:
    """The chapter's stamp if its executed notebook is what the build last wrote
    for the inputs as they are now, else None.

    The stamp holds the executed notebook's own digest too: a notebook saved
    from Jupyter over the build's (``book/jupytext.toml`` pairs them) is not the
    build's output, and is executed again; so are missing or changed figures.
    """
    stamp = load_stamp(chapter)
    if not stamp or not chapter.executed.is_file() or not chapter.source.is_file():
        return None
    try:
        if inputs.sha256_file(chapter.executed) != stamp["notebook"]:
            return None
        for rel, digest in stamp["outputs"].items():
            out = chapter.paths.root / rel
            if not out.is_file() or inputs.sha256_file(out) != digest:
                return None
        now = inputs.digest_of(chapter_inputs(chapter, stamp["reads"], parameters))
    except (KeyError, TypeError, ValueError, OSError):
        return None
    return stamp if now == stamp["digest"] else None


def _with_recorder(nb: nbformat.NotebookNode, root: Path, out: Path) -> nbformat.NotebookNode:
    meta = {"tags": [RECORD_TAG]}
    first = nbformat.v4.new_code_cell(RECORDER.format(root=str(root)), metadata=meta)
    last = nbformat.v4.new_code_cell(SAVER.format(out=str(out)), metadata=dict(meta))
    nb.cells = [first, *nb.cells, last]
    return nb


def _reads_and_writes(chapter: Chapter, record: dict) -> tuple[list[list], list[str]]:
    """The record as paths relative to the root: [path, listed] read, and paths written."""
    root = chapter.paths.root

    prefixes = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}

    def rel(p: str) -> str | None:
        r = Path(p).relative_to(root).as_posix()
        if (r.startswith(_NOT_DEPENDENCIES) or r.startswith(".")   # _build, .git, .venv, caches
                or "/__pycache__/" in f"/{r}/" or ".ipynb_checkpoints" in r
                or any(Path(p).is_relative_to(x) for x in prefixes)):  # the pinned environment
            return None
        if Path(p).resolve().is_relative_to(inputs.PACKAGE) and r.endswith(".py"):
            return None          # a module: the import closure covers it
        return r

    written = sorted({r for p in record["write"] if (r := rel(p))})
    listed = {r for p in record["list"] if (r := rel(p))}
    opened = {r for p in record["read"] if (r := rel(p))}
    # A path only looked for counts when its folder exists: IPython asks whether
    # every HTML string it displays is a file name ('book/<div class=...').
    def in_a_folder(r: str) -> bool:
        try:
            return (root / r).parent.is_dir()
        except OSError:          # a component too long to be a file name
            return False

    probed = {r for p in record["stat"] if (r := rel(p)) and in_a_folder(r)}
    seen = opened | probed | listed
    # a chapter's own outputs (and the folders holding them) are not its inputs
    out_dirs = {str(Path(w).parent.as_posix()) for w in written}
    reads = [[r, r in listed] for r in sorted(seen)
             if r not in written and not (r in out_dirs and r not in listed)]
    return reads, written


@dataclass(frozen=True)
class Result:
    """One chapter of one build: whether it ran, its execution time (of this
    build, or of the build whose notebook was re-used) and its input digest."""
    name: str
    executed: bool
    seconds: float
    digest: str


ENGINE = "book"


def _register_engine() -> None:
    """papermill's nbclient engine, writing the notebook once, when execution
    ends (also on failure: ``notebook_complete`` runs in a ``finally``), rather
    than at the start and end of every cell, which serialised the whole
    notebook some fifty times a chapter."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    if ENGINE in papermill_engines._engines:
        return

    class SavedAtEnd(NotebookExecutionManager):
        def save(self, **kwargs):
            if self.end_time is not None:
                super().save(**kwargs)

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True,
                             log_output=False, autosave_cell_every=30, **kwargs):
            nb_man = SavedAtEnd(nb, output_path=output_path, progress_bar=progress_bar,
                                log_output=log_output, autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    papermill_engines.register(ENGINE, Engine)


def execute_chapter(chapter: Chapter, parameters: dict, force: bool = False) -> Result:
    """Execute one chapter if its inputs changed (always with ``force``)."""
    if not force and (stamp := up_to_date(chapter, parameters)) is not None:
        return Result(chapter.name, False, stamp.get("seconds", 0.0), stamp["digest"])
    import papermill  # imported here: it is slow to import and most runs skip

    _register_engine()

    if not chapter.source.exists():
        raise InputError(chapter.source, "chapter source not found")
    record = _record_path(chapter)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.unlink(missing_ok=True)
    nb = _with_recorder(to_notebook(chapter.source), chapter.paths.root, record)
    chapter.failed.parent.mkdir(parents=True, exist_ok=True)
    kernel_log = chapter.paths.cache / "chapters" / f"{chapter.name}.kernel.log"
    env = {"SOURCE_DATE_EPOCH": _kernel_epoch(), "BOOK_ROOT": str(chapter.paths.root)}
    # a kernel forked from the build's warm server when there is one (kernels.py)
    manager = {"kernel_manager_class": cls} if (cls := kernels.kernel_manager_class()) else {}
    t0 = time.perf_counter()
    for attempt in range(1, KERNEL_STARTS + 1):
        try:
            with _environment(env), _stderr_to(kernel_log):
                # papermill writes the notebook when execution ends: on failure it is
                # kept in _build/failed/ for whoever reads the error (CI uploads it).
                executed = papermill.execute_notebook(
                    nb, str(chapter.failed), parameters=parameters, kernel_name=KERNEL["name"], engine_name=ENGINE,
                    cwd=str(chapter.paths.book), progress_bar=False, log_output=False,
                    start_timeout=KERNEL_START_TIMEOUT, **manager,
                )
            break
        except papermill.PapermillExecutionError as err:
            raise ChapterError(failure_message(chapter, err)) from None
        except RuntimeError as err:
            # The kernel died or did not answer before running any cell: on a busy
            # machine two kernels can be handed the same free port (jupyter_client
            # picks ports per process). Nothing ran, so starting again is safe.
            if not str(err).startswith(_KERNEL_START_FAILURES) or attempt == KERNEL_STARTS:
                raise ChapterError(f"chapter {chapter.name}: the kernel could not start "
                                   f"({err}; {attempt} attempt(s); its log: "
                                   f"{kernel_log.relative_to(chapter.paths.root)})") from None
    seconds = round(time.perf_counter() - t0, 2)
    chapter.failed.unlink(missing_ok=True)
    reads, written = _reads_and_writes(chapter, json.loads(record.read_text(encoding="utf-8")))
    record.unlink()
    data = nbformat.writes(scrub(executed), version=4).encode("utf-8")
    chapter.executed.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(chapter.executed, data)
    detail = chapter_inputs(chapter, reads, parameters)
    digest = inputs.digest_of(detail)
    stamp = {"digest": digest, "inputs": detail, "notebook": hashlib.sha256(data).hexdigest(),
             "outputs": {w: inputs.sha256_file(chapter.paths.root / w) for w in written
                         if (chapter.paths.root / w).is_file()},
             "reads": reads, "seconds": seconds}
    write_atomic(chapter.stamp, (json.dumps(stamp, indent=1, sort_keys=True) + "\n").encode())
    return Result(chapter.name, True, seconds, digest)


def _execute_in_worker(chapter: Chapter, parameters: dict) -> Result:
    """A worker process's task. Errors cross the process boundary as ChapterError
    (an InputError's own arguments do not survive pickling)."""
    try:
        return execute_chapter(chapter, parameters, force=True)
    except InputError as err:
        raise ChapterError(str(err)) from None


def default_jobs() -> int:
    """One worker per core this process may use (BOOK_JOBS overrides)."""
    env = os.environ.get("BOOK_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


@dataclass
class Running:
    """Chapters started by ``start``, collected by ``wait``."""
    chapters: list
    results: dict
    reasons: dict
    todo: list
    parameters: dict
    pool: object = None                 # a ProcessPoolExecutor, when run in parallel
    futures: dict = None
    kernels: object = None              # the kernels' fork server (kernels.ForkServer)

    def close(self) -> None:
        if self.kernels is not None:
            self.kernels.close()
            self.kernels = None


def fork_server() -> "kernels.ForkServer | None":
    """The kernels' fork server (``kernels.py``), unless BOOK_FORK_KERNELS=0
    asks for every kernel to be started from scratch."""
    return None if os.environ.get("BOOK_FORK_KERNELS", "1") == "0" else kernels.ForkServer()


def start(paths: Paths = PATHS, names: tuple[str, ...] | None = None, force: bool = False,
          jobs: int | None = None, server=None) -> Running:
    """Find the chapters whose inputs changed and, with more than one job,
    start them, longest first, in worker processes; ``wait`` collects them.
    ``server``: a fork server already started (the build starts it early);
    it is closed with the chapters."""
    chs = chapters(paths) if names is None else chapters(paths, names)
    parameters = {"data_dir": str(paths.data)}
    running = Running(chs, {}, {}, [], parameters)
    for ch in chs:
        stamp = None if force else up_to_date(ch, parameters)
        if stamp is not None:
            running.results[ch.name] = Result(ch.name, False, stamp.get("seconds", 0.0), stamp["digest"])
        else:
            running.todo.append(ch)
            running.reasons[ch.name] = "forced" if force else why_run(ch, parameters)
    jobs = min(jobs or default_jobs(), len(running.todo))
    running.kernels = server
    if running.todo and server is None:
        running.kernels = fork_server()
    elif not running.todo:
        running.close()
    if jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # longest first, so that the workers end together: the time of the last run,
        # else a guess from the source's size (about 6 KB a second here)
        previous = {ch.name: (load_stamp(ch) or {}).get("seconds", ch.source.stat().st_size / 6000)
                    for ch in running.todo}
        running.todo.sort(key=lambda ch: -previous[ch.name])
        sys.stdout.flush()
        sys.stderr.flush()
        running.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
        running.futures = {ch.name: running.pool.submit(_execute_in_worker, ch, parameters)
                           for ch in running.todo}
    return running


def cancel(running: Running) -> None:
    """The build stopped elsewhere: chapters not started are dropped, running ones end."""
    if running.pool is not None:
        running.pool.shutdown(wait=True, cancel_futures=True)
    running.close()


def wait(running: Running, log=print) -> list[Result]:
    """Execute (serially) or collect (in parallel) the chapters ``start`` found; one line each."""
    results, errors = running.results, {}
    try:
        if running.pool is None:
            for ch in running.todo:
                try:
                    results[ch.name] = execute_chapter(ch, running.parameters, force=True)
                except (ChapterError, InputError) as err:
                    errors[ch.name] = err
                    break
        else:
            with running.pool:
                for ch in running.todo:
                    try:
                        results[ch.name] = running.futures[ch.name].result()
                    except ChapterError as err:
                        errors[ch.name] = err
                        for f in running.futures.values():
                            f.cancel()           # those not started yet; running ones finish
    finally:
        running.close()
    for ch in running.chapters:
        r = results.get(ch.name)
        if r is None:
            log(f"  chapter {ch.name}: {'FAILED' if ch.name in errors else 'not run'}")
        elif r.executed:
            log(f"  chapter {ch.name}: executed in {r.seconds:.1f} s ({running.reasons[ch.name]})")
        else:
            log(f"  chapter {ch.name}: up to date (its inputs are unchanged)")
    if errors:
        raise next(errors[ch.name] for ch in running.chapters if ch.name in errors)
    return [results[ch.name] for ch in running.chapters]


def run(paths: Paths = PATHS, names: tuple[str, ...] | None = None, force: bool = False,
        log=print, jobs: int | None = None) -> list[Result]:
    """Execute the chapters whose inputs changed, ``jobs`` at a time; one line each."""
    return wait(start(paths, names, force, jobs), log)
