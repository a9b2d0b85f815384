"""Pipeline step ``build``: the whole book, published only if every step succeeds.

    validate → prepare → execute → pages → jupyter-book → post-build → publish

- **One at a time.** The whole build holds ``_build/.lock`` (``release.BuildLock``):
  a second build started meanwhile waits for the first, saying so.
- **Nothing changed, nothing done.** The build first takes the content digest
  of everything it consumes (``inputs.inputs_digest``: articles, manifest,
  curated data, chapter sources, pages, assets, the package, configuration,
  table of contents, pins; and the commit and build date the status page
  shows). If it equals the digest recorded when the published book was
  published, and that book is still the one published (``_build/html`` points
  to it and its files are as they were), the build says "up to date" and
  stops: no pandas, no papermill, no Sphinx, no copy.
- **Only what changed.** Chapters run when what they read changes
  (``execute``), in parallel; Sphinx re-reads only changed sources but writes
  every page into an empty folder (``sphinx_build``), so an incremental build
  publishes what a clean one would.
- **Post-build steps** run on the finished HTML in the staging folder, in the
  order of ``POST_BUILD``; add a step there (a function of the staged HTML
  folder and the ``Build``, returning one line to print).
- **Atomic publish.** The staged book is moved into ``_build/releases/`` and
  ``_build/html`` (a symbolic link) switched to it in one rename
  (``release.publish``); a failed build leaves the last good book in place.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import inputs, release
from ..errors import BuildError, ChapterError  # noqa: F401  (ChapterError: re-exported)
from ..paths import PATHS, Paths

N_STEPS = 7


def stage_dir(paths: Paths) -> Path:
    return paths.build / "stage"


def staged_html(paths: Paths) -> Path:
    """This build's HTML: written into an empty folder every time, then published."""
    return stage_dir(paths) / "html"


def doctrees_dir(paths: Paths) -> Path:
    """Sphinx's parsed sources, kept between builds (with myst-nb's output
    folder beside the HTML, ``stage/jupyter_execute``)."""
    return stage_dir(paths) / "doctrees"


def state_path(paths: Paths) -> Path:
    return paths.cache / "build.json"


def load_state(paths: Paths) -> dict:
    try:
        return json.loads(state_path(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_json(path: Path, value: dict) -> None:
    from ..text.files import write_atomic

    write_atomic(path, (json.dumps(value, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def is_published(paths: Paths, state: dict, digest: str) -> bool:
    """The published book is the one built from inputs with this digest, untouched."""
    current = release.current_release(paths)
    return (bool(state) and state.get("inputs") == digest and current is not None
            and current.name == state.get("release")
            and release.signature(current) == state.get("signature"))


# --- Sphinx ----------------------------------------------------------------------

def _sphinx_environment_key(paths: Paths) -> str:
    """What Sphinx cannot see change but is baked into its parsed sources: the
    code of the book's extension (``sphinx/``: the ``{claim}`` role, dates,
    How to cite ..., and what it imports), this runner, the configuration,
    the citation file, the pins, the Python version."""
    ext = inputs.PACKAGE / "book" / "sphinx"
    files = {"analysis/book/sphinx_build.py": inputs.PACKAGE / "book" / "sphinx_build.py"}
    for module in sorted(ext.glob("*.py")):
        files.update(inputs.module_closure(module))
        files[f"analysis/book/sphinx/{module.name}"] = module
    for f in ("_config.yml", "requirements.txt", "CITATION.cff"):
        if (paths.root / f).is_file():
            files[f] = paths.root / f
    return inputs.digest_of({"files": {k: inputs.sha256_file(p) for k, p in sorted(files.items())},
                             "python": sys.version})


def _sphinx_sources(paths: Paths) -> dict[str, str]:
    """Digest of every file Sphinx may read as a source or include."""
    out = {}
    for d in ("book", "data"):
        for p in inputs._walk(paths.root / d):
            rel = p.relative_to(paths.root).as_posix()
            if not rel.startswith("data/processed/"):
                out[rel] = inputs.sha256_file(p)
    return out


def prepare_sphinx(paths: Paths, clean: bool) -> None:
    """Keep Sphinx's parsed sources only when they can be trusted: thrown away
    on ``clean`` or when what Sphinx cannot see changed. Before Sphinx is set
    up (it loads them then)."""
    stage = stage_dir(paths)
    memo = stage / "sources.json"
    key = _sphinx_environment_key(paths)
    try:
        previous = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    if clean or previous.get("key") != key:
        for d in (doctrees_dir(paths), stage / "jupyter_execute"):
            shutil.rmtree(d, ignore_errors=True)
        previous = {}
    stage.mkdir(parents=True, exist_ok=True)
    _write_json(memo, {"key": key, "sources": previous.get("sources", {})})


def touch_changed_sources(paths: Paths) -> None:
    """Make Sphinx see every changed source: it compares file times, so a file
    whose content changed but whose time did not (restored from a cache, copied
    with its time) is touched. After the chapters are executed, before Sphinx reads."""
    memo = stage_dir(paths) / "sources.json"
    previous = json.loads(memo.read_text(encoding="utf-8"))
    sources = _sphinx_sources(paths)
    old = previous.get("sources", {})
    for rel, digest in sources.items():
        if rel in old and old[rel] != digest:
            os.utime(paths.root / rel)
    _write_json(memo, {"key": previous["key"], "sources": sources})


def forget_sphinx(paths: Paths) -> None:
    """After a failed Sphinx run: read everything next time, so that a warning in a
    source that does not change is raised again instead of skipped."""
    shutil.rmtree(doctrees_dir(paths), ignore_errors=True)
    (stage_dir(paths) / "sources.json").unlink(missing_ok=True)


def start_sphinx(paths: Paths, jobs: int, epoch: int, commit: str) -> subprocess.Popen:
    """Sphinx, configured by Jupyter Book, started at the beginning of a build:
    it imports what it needs while the build validates, is set up on
    ``setup_sphinx`` and writes into an empty staging folder on ``finish_sphinx``."""
    from . import pages

    out = staged_html(paths)
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "analysis.book.sphinx_build", str(paths.root),
           str(pages.toc_path(paths)), str(out), str(doctrees_dir(paths)), str(jobs), "--wait"]
    # The footer's "Last updated" and How to cite read these (``sphinx/dates.py``,
    # ``sphinx/cite.py``): the inputs' date and commit, never the clock.
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "BOOK_COMMIT": commit}
    return subprocess.Popen(cmd, cwd=paths.root, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def setup_sphinx(paths: Paths, proc: subprocess.Popen, clean: bool) -> None:
    """Once the table of contents is written: its parsed sources kept or thrown
    away (``prepare_sphinx``), then Sphinx set up."""
    prepare_sphinx(paths, clean)
    try:
        proc.stdin.write("setup\n")
        proc.stdin.flush()
    except (BrokenPipeError, OSError):
        pass              # it has stopped already: finish_sphinx reports why


def stop_sphinx(proc: subprocess.Popen) -> None:
    """A build that stops before Sphinx's turn: it ends without writing anything."""
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


def finish_sphinx(paths: Paths, proc: subprocess.Popen) -> Path:
    """Let the started Sphinx build the HTML; its staging folder, or one clear error."""
    touch_changed_sources(paths)
    try:
        stdout, stderr = proc.communicate("go\n")
    except (BrokenPipeError, OSError):
        stdout, stderr = proc.communicate()
    log = paths.build / "jupyter-book.log"
    if proc.returncode != 0:
        forget_sphinx(paths)
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(stdout + stderr)
        problems = [l for l in (stdout + stderr).splitlines()
                    if "WARNING" in l or "ERROR" in l or "Error" in l]
        detail = "\n  ".join(problems[:10]) or (stderr.strip().splitlines() or ["?"])[-1]
        raise BuildError(f"jupyter-book build failed (full log: {log.relative_to(paths.root)}):\n  {detail}")
    return staged_html(paths)


# --- post-build steps -----------------------------------------------------------

@dataclass
class Build:
    """What the post-build steps may use."""
    paths: Paths
    info: dict                                  # inputs digest, commit, date, versions
    chapters: list = field(default_factory=list)  # execute.Result of each chapter
    jobs: int = 1                               # processes a step may use


def link_claims(html: Path, build: Build) -> str:
    from . import claim_uses

    uses = claim_uses.run(html)
    return f"{uses.n_refs} claim references in the chapters linked back from {uses.n_cited} claims' pages"


def neutralise_downloads(html: Path, build: Build | None = None) -> str:
    """Every CSV the book offers (Sphinx copies them into ``_downloads/``), whatever
    wrote it, with formula-like cells neutralised (``display.spreadsheet``)."""
    from ..display.spreadsheet import neutralise
    from ..text.files import write_atomic

    changed, total = 0, 0
    for f in sorted((html / "_downloads").rglob("*.csv")):
        total += 1
        data = f.read_bytes()
        safe = neutralise(data)
        if safe != data:
            write_atomic(f, safe)
            changed += 1
    return f"{total} CSV downloads checked for spreadsheet formulas, {changed} neutralised here"


def fill_status(html: Path, build: Build) -> str:
    from . import status
    from .notebooks import chapters

    known = chapters(build.paths)
    sources = {c.name: c.source.relative_to(build.paths.root).as_posix() for c in known}
    titles = {c.name: c.title for c in known}
    if not status.fill(html, build.chapters, sources, titles):
        raise BuildError(f"{status.PAGE}.html has no element #{status.PLACEHOLDER_ID} to fill")
    ran = sum(1 for r in build.chapters if r.executed)
    return f"{status.PAGE}.html: {ran} chapter(s) executed by this build, {len(build.chapters) - ran} re-used"


def index_search(html: Path, build: Build) -> str:
    from . import search

    stats = search.build_index(html, jobs=build.jobs)
    return (f"{stats.pages} pages, {stats.passages} passages in {stats.records} records, "
            f"{stats.bundle_bytes / 1024:,.0f} KB in {stats.seconds:.1f} s (Pagefind, _search/)")


def check_links(html: Path, build: Build) -> str:
    from . import linkcheck

    report = linkcheck.check(html)
    if report.broken:
        more = f" (and {len(report.broken) - 5} more)" if len(report.broken) > 5 else ""
        raise BuildError("broken links in the built book, not published:\n  "
                         + "\n  ".join(report.broken[:5]) + more)
    return report.summary()


# Run in this order on the staged HTML, after Sphinx and before publishing;
# each returns one line to print, or raises BuildError (nothing is published).
POST_BUILD: list[tuple[str, Callable[[Path, Build], str]]] = [
    ("claims", link_claims),
    ("downloads", neutralise_downloads),
    ("search", index_search),    # after the steps that change a page's words; before
    ("status", fill_status),     # the status table, whose timings differ build to build
    ("links", check_links),      # last: checks what the steps before it wrote
]


# --- the build ------------------------------------------------------------------

def run(paths: Paths = PATHS, clean: bool = False, log=print, jobs: int | None = None) -> Path:
    t0 = time.perf_counter()
    with release.BuildLock(paths, log):
        state = load_state(paths)
        release.recover(paths, state.get("release"))
        digest, ctx = inputs.inputs_digest(paths)
        if not clean and is_published(paths, state, digest):
            log(f"up to date: nothing the book is made of changed since it was published "
                f"({time.perf_counter() - t0:.2f} s); {paths.rel(paths.html)}/index.html is as it was")
            return paths.html
        return _build(paths, clean, log, jobs, digest, ctx, t0)


def status_info(paths: Paths) -> dict:
    """What the status page's source shows (the same for the same inputs)."""
    digest, ctx = inputs.inputs_digest(paths)
    return {**ctx, "inputs": digest}


def _at_low_priority(fn) -> None:
    """Run ``fn`` in this thread at the lowest priority (Linux sets it per thread)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass
    fn()


def _build(paths: Paths, clean: bool, log, jobs: int | None, digest: str, ctx: dict, t0: float) -> Path:
    from . import execute, pages, prepare, search, status
    from ..evidence import snapshot
    from ..evidence.loader import load_evidence

    jobs = jobs or execute.default_jobs()
    step = iter(range(1, N_STEPS + 1))
    # Sphinx and the chapters' kernel server start now: their imports take the
    # core this process leaves idle while it validates.
    sphinx = start_sphinx(paths, jobs, ctx["epoch"], ctx["commit"] or "")
    server = execute.fork_server()
    try:
        log(f"[{next(step)}/{N_STEPS}] validate: manifest, checksums, encodings, annotations, translations")
        evidence = load_evidence(paths)
        snapshot.save(evidence, paths)          # the chapters take it instead of checking it all again
        log(f"  {len(evidence.corpus)} articles verified, {len(evidence.claims)} claims checked")
        # The chapters start now, in worker processes: none reads what prepare or
        # pages write (data/processed/, book/articles/; their recorded inputs say so).
        running = execute.start(paths, force=clean, jobs=jobs, server=server)
        server = None                           # the chapters' now: closed with them
        try:
            log(f"[{next(step)}/{N_STEPS}] prepare: cleaned texts and tables in data/processed/")
            written = prepare.run(paths, evidence)
            log(f"  {len(written)} file(s) changed")
            log(f"[{next(step)}/{N_STEPS}] pages: one page per article, the Articles index, the status "
                f"page and the table of contents")
            info = {**ctx, "inputs": digest}
            written = pages.run(paths, evidence)
            if prepare.write_atomic(status.page_path(paths), status.page_source(info)):
                written.append(status.page_path(paths))
            log(f"  {len(evidence.corpus)} article pages, {len(written)} file(s) changed")
            setup_sphinx(paths, sphinx, clean)
        except BaseException:
            execute.cancel(running)
            raise
        log(f"[{next(step)}/{N_STEPS}] execute: chapters with papermill, {jobs} at a time "
            f"(started after validate)")
        # While this process only waits: the search's tables, on the time the
        # chapters leave idle (a thread at the lowest priority; the workers are
        # forked already).
        warming = threading.Thread(target=_at_low_priority, args=(search.warm,), name="search-tables",
                                   daemon=True)
        warming.start()
        results = execute.wait(running, log)
    except BaseException:
        stop_sphinx(sphinx)
        raise
    finally:
        if server is not None:
            server.close()
    log(f"[{next(step)}/{N_STEPS}] jupyter-book: HTML into {paths.rel(staged_html(paths))}/ "
        f"({jobs} Sphinx processes)")
    staged = finish_sphinx(paths, sphinx)
    warming.join()
    log(f"[{next(step)}/{N_STEPS}] post-build: {', '.join(name for name, _ in POST_BUILD)}")
    build = Build(paths, info, results, jobs)
    for name, fn in POST_BUILD:
        log(f"  {name}: {fn(staged, build)}")
    log(f"[{next(step)}/{N_STEPS}] publish: {paths.rel(paths.html)}")
    previous = release.current_release(paths)
    published = release.publish(staged, paths)
    _write_json(state_path(paths), {"inputs": digest, "release": published.name,
                                    "signature": release.signature(published)})
    release.fault_point("recorded")
    removed = release.prune(paths, previous)
    release.fault_point("pruned")
    log(f"  {paths.rel(paths.html)} → {paths.rel(published)}"
        + (f" ({len(removed)} old release(s) removed)" if removed else ""))
    log(f"  done in {time.perf_counter() - t0:.1f} s: {paths.rel(paths.html)}/index.html")
    return paths.html
