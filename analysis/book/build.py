"""Pipeline step ``build``: the whole book, published only if every step succeeds.

validate → prepare → execute chapters → article pages → jupyter-book (into a
staging directory, then claims linked both ways) → publish. ``_build/html`` is replaced only at the end, by a
rename, so a failed build leaves the last good book in place.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import claim_uses, execute, pages, prepare
from ..evidence.loader import load_evidence
from ..paths import PATHS, Paths


class BuildError(Exception):
    pass


def stage_dir(paths: Paths) -> Path:
    return paths.build / "stage"


def jupyter_book(paths: Paths, clean: bool = False) -> Path:
    """Run Jupyter Book into the staging directory; return the staged html folder."""
    stage = stage_dir(paths)
    if clean and stage.exists():
        shutil.rmtree(stage)
    # jupyter_book.cli.main has no __main__ guard: call its click entry point.
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(paths.root),
           "--path-output", str(stage), "--toc", str(pages.toc_path(paths)),
           "--warningiserror", "--keep-going", "--quiet"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")}
    proc = subprocess.run(cmd, cwd=paths.root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        log = paths.build / "jupyter-book.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(proc.stdout + proc.stderr)
        problems = [l for l in (proc.stdout + proc.stderr).splitlines()
                    if "WARNING" in l or "ERROR" in l or "Error" in l]
        detail = "\n  ".join(problems[:10]) or (proc.stderr.strip().splitlines() or ["?"])[-1]
        raise BuildError(f"jupyter-book build failed (full log: {log.relative_to(paths.root)}):\n  {detail}")
    return stage / "_build" / "html"


def neutralise_downloads(staged: Path) -> int:
    """Every CSV the book offers (Sphinx copies them into ``_downloads/``), whatever
    wrote it, with formula-like cells neutralised (``display.spreadsheet``)."""
    from ..display.spreadsheet import neutralise
    from ..text.files import write_atomic

    changed = 0
    for f in sorted((staged / "_downloads").rglob("*.csv")):
        data = f.read_bytes()
        safe = neutralise(data)
        if safe != data:
            write_atomic(f, safe)
            changed += 1
    return changed


def publish(staged: Path, target: Path) -> None:
    """Swap the staged book into place: copy beside the target, then rename."""
    new = target.with_name(target.name + ".new")
    old = target.with_name(target.name + ".old")
    for p in (new, old):
        if p.exists():
            shutil.rmtree(p)
    shutil.copytree(staged, new)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)


def run(paths: Paths = PATHS, clean: bool = False, log=print) -> Path:
    t0 = time.perf_counter()
    log("[1/6] validate: manifest, checksums, encodings, annotations, translations")
    evidence = load_evidence(paths)
    log(f"  {len(evidence.corpus)} articles verified, {len(evidence.claims)} claims checked")
    log("[2/6] prepare: cleaned texts and tables in data/processed/")
    written = prepare.run(paths, evidence)
    log(f"  {len(written)} file(s) changed")
    log("[3/6] execute: chapters with papermill")
    execute.run(paths, force=clean, log=log)
    log("[4/6] pages: one page per article, the Articles index and the table of contents")
    written = pages.run(paths, evidence)
    log(f"  {len(evidence.corpus)} article pages, {len(written)} file(s) changed")
    log("[5/6] jupyter-book: HTML into _build/stage/")
    staged = jupyter_book(paths, clean=clean)
    uses = claim_uses.run(staged)
    neutralise_downloads(staged)
    log(f"  {uses.n_refs} claim references in the chapters linked back from {uses.n_cited} claims' pages")
    log("[6/6] publish: _build/html")
    publish(staged, paths.html)
    log(f"  done in {time.perf_counter() - t0:.1f} s: {paths.html.relative_to(paths.root)}/index.html")
    return paths.html
