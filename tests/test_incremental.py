"""Builds that do only what changed, and publish what a clean build would.

One copy of the project, package included (``copy_project(with_package=True)``,
run with ``package_env`` so that the build and the chapters' kernels import
the copy's ``analysis``), is built once with two workers and then edited:

- dependencies, both ways: a change to a module re-executes exactly the
  chapters that import it; a data file, exactly those that read it; a page
  or a module no chapter uses, none;
- parallel equals serial: a clean build with one worker publishes the same
  files and executes the same notebooks;
- incremental equals clean: after adding an article, changing another and
  editing the CSS, the incremental build publishes exactly what a clean build
  of a copy of those inputs publishes; after undoing it all, exactly what the
  first build published (no word of the removed article left in the search
  index, no stale sidebar, CSS link or asset);
- a build killed after its publish (before recording it, before pruning)
  leaves a complete book, and the next build finishes the job;
- two builds started together: one waits, one publishes, nothing is mixed.

Published files are compared byte for byte, except the one element that
records how a build went (``status.VARYING``: execution seconds, executed or
re-used).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys

import pytest

from analysis.book.status import blank_varying
from tests.conftest import copy_project, package_env

BUILD_POINTS = ("recorded", "pruned")       # fault points of build.run after publishing
CHAPTERS = {"corpus", "platform_policy", "takedown_numbers", "migration_networks", "codebook", "methods"}
EXTRACTOR_CHAPTERS = CHAPTERS - {"corpus"}


def run(paths, *args, fault=None, check=True, env_extra=None, **popen):
    env = {**package_env(paths.root), **(env_extra or {})}
    env.pop("BOOK_FAULT_AT", None)
    if fault:
        env["BOOK_FAULT_AT"] = fault
    proc = subprocess.run([sys.executable, "-m", "analysis", *args], cwd=paths.root, env=env,
                          capture_output=True, text=True)
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def published(paths) -> dict[str, str]:
    """The published book: every file's digest, the build-status element blanked."""
    root = paths.html.resolve()
    return {p.relative_to(root).as_posix(): hashlib.sha256(blank_varying(p.read_bytes())).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def notebooks(paths) -> dict[str, str]:
    files = [*paths.book.glob("*.ipynb"), *(paths.book / "figures").glob("*")]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def diff(a: dict, b: dict) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def search_text(paths) -> str:
    """What the book's search finds: the passages of the Pagefind records."""
    return "".join(f.read_text(encoding="utf-8") for f in sorted((paths.html / "_search" / "records").glob("*.json")))


def ran(proc) -> set[str]:
    return set(re.findall(r"chapter (\w+): executed", proc.stdout))


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    paths = copy_project(tmp_path_factory.mktemp("incremental") / "project", with_package=True)
    proc = run(paths, "build", "--jobs", "2")
    assert ran(proc) == CHAPTERS
    return paths, published(paths), notebooks(paths)


def _edit(path, append: str):
    original = path.read_bytes()
    path.write_bytes(original + append.encode("utf-8"))
    return original


def test_a_module_re_executes_exactly_the_chapters_that_import_it(book):
    paths, _, _ = book
    dates = paths.root / "analysis" / "extract" / "dates.py"
    original = _edit(dates, "\n# edited by test_incremental\n")
    try:
        proc = run(paths, "execute")
        # the extractor's chapters: methods scores it, platform_policy dates claims
        # with it, and every chapter that loads the evidence runs it through the
        # codebook's checks (evidence/codebook_rules.py); the corpus chapter does not
        assert ran(proc) == EXTRACTOR_CHAPTERS, proc.stdout
        for name in CHAPTERS - ran(proc):
            assert f"chapter {name}: up to date" in proc.stdout
    finally:
        dates.write_bytes(original)
    proc = run(paths, "execute")                     # back as it was: the same ones again
    assert ran(proc) == EXTRACTOR_CHAPTERS, proc.stdout
    # a module no chapter imports: nothing runs
    pages = paths.root / "analysis" / "book" / "pages.py"
    original = _edit(pages, "\n# edited by test_incremental\n")
    try:
        assert ran(run(paths, "execute")) == set()
    finally:
        pages.write_bytes(original)


def test_a_data_file_re_executes_exactly_the_chapters_that_read_it(book):
    paths, _, _ = book
    translation = paths.root / "data" / "translations" / "001.yaml"
    original = _edit(translation, "# a comment added by test_incremental\n")
    try:
        proc = run(paths, "execute")
        readers = {name for name in CHAPTERS
                   if any(r == "data/translations/001.yaml" for r, _ in json.loads(
                       (paths.cache / "chapters" / f"{name}.json").read_text())["reads"])}
        assert ran(proc) == readers, proc.stdout
        # the corpus chapter and the extractor's scores do not read translations
        assert "corpus" not in readers and "methods" not in readers
        assert {"codebook", "platform_policy"} <= readers     # they load the whole evidence
    finally:
        translation.write_bytes(original)
    assert ran(run(paths, "execute")) == readers
    # a hand-written page is no chapter's input
    intro = paths.book / "intro.md"
    original = _edit(intro, "\nOne more sentence.\n")
    try:
        assert ran(run(paths, "execute")) == set()
    finally:
        intro.write_bytes(original)


def stamps(paths) -> dict[str, tuple]:
    """Each chapter's recorded inputs and their digest."""
    out = {}
    for name in sorted(CHAPTERS):
        stamp = json.loads((paths.cache / "chapters" / f"{name}.json").read_text(encoding="utf-8"))
        out[name] = (stamp["digest"], stamp["reads"])
    return out


def test_a_serial_build_publishes_what_the_parallel_one_did(book, tmp_path):
    """One worker, and every kernel started from scratch (BOOK_FORK_KERNELS=0)
    instead of forked from the build's kernel server (kernels.py): the same
    book, the same notebooks, the same inputs recorded for every chapter."""
    paths, first, first_notebooks = book
    serial = copy_project(tmp_path / "serial", with_package=True)
    proc = run(serial, "build", "--jobs", "1", env_extra={"BOOK_FORK_KERNELS": "0"})
    assert "1 at a time" in proc.stdout and "(1 Sphinx processes)" in proc.stdout
    assert diff(published(serial), first) == []
    assert diff(notebooks(serial), first_notebooks) == []
    assert stamps(serial) == stamps(paths)


ADDED = ("كلمةفريدةللاختبار: أعلنت الشرطة إغلاق 120 قناة على تيليغرام في ديسمبر 2019.\n"
         "zanzibarquux appears nowhere else.\n")


def test_incremental_builds_publish_what_clean_builds_do(book, tmp_path):
    paths, first, _ = book
    manifest = paths.root / "data" / "articles.csv"
    translation = paths.root / "data" / "translations" / "001.yaml"
    css = paths.book / "assets" / "book.css"
    saved = {p: p.read_bytes() for p in (manifest, translation, css)}
    raw_before = set(os.listdir(paths.raw))
    def undo():
        for p, data in saved.items():
            p.write_bytes(data)
        for name in set(os.listdir(paths.raw)) - raw_before:
            (paths.raw / name).unlink()

    try:
        # add an article, change another's translation, edit the CSS
        src = tmp_path / "new.txt"
        src.write_text(ADDED, encoding="utf-8")
        run(paths, "add-article", str(src), "--lang", "ar", "--title", "عنوان جديد", "--date", "2019-12")
        translation.write_text(translation.read_text(encoding="utf-8").replace(
            "Akhbar Al Aan | The Hague", "Akhbar Al Aan (edited) | The Hague"), encoding="utf-8")
        css.write_bytes(saved[css] + b"\n.build-status td { color: #333; }\n")
        proc = run(paths, "build")
        assert "[5/7]" in proc.stdout and "corpus: executed" in proc.stdout
        incremental = published(paths)
        clean_copy = copy_project(tmp_path / "clean", with_package=True, source=paths.root)
        run(clean_copy, "build", "--clean")
        assert diff(incremental, published(clean_copy)) == []
        assert "zanzibarquux" in search_text(paths)
        assert b".build-status td" in (paths.html / "_static" / "book.css").read_bytes()
    finally:
        undo()      # undo it all: the book is again exactly the first one
    run(paths, "build")
    assert diff(published(paths), first) == []
    assert "zanzibarquux" not in search_text(paths)
    assert not (paths.html / "searchindex.js").exists()      # Pagefind is the search; Sphinx indexes nothing
    assert not (paths.html / "book" / "articles" / "005.html").exists()


@pytest.mark.parametrize("point", ("switched",) + BUILD_POINTS)
def test_a_build_killed_after_publishing_leaves_a_whole_book(book, point):
    paths, _, _ = book
    before = published(paths)
    intro = paths.book / "intro.md"
    original = _edit(intro, f"\nA sentence added before a kill at {point}.\n")
    try:
        proc = run(paths, "build", fault=point, check=False)
        assert proc.returncode == -signal.SIGKILL, proc.stdout + proc.stderr
        killed = published(paths)
        assert killed != before                           # it had switched to the new book
        again = run(paths, "build")
        if point == "switched":                           # not recorded: built again, same book
            assert "[7/7] publish" in again.stdout
        else:                                             # recorded: nothing to do
            assert again.stdout.startswith("up to date")
        assert published(paths) == killed
    finally:
        intro.write_bytes(original)
    run(paths, "build")
    assert published(paths) == before
    assert len(list((paths.build / "releases").iterdir())) <= 2


def test_two_builds_at_once_publish_one_book(book):
    paths, first, _ = book
    intro = paths.book / "intro.md"
    original = _edit(intro, "\nA sentence for two builds at once.\n")
    env = package_env(paths.root)
    try:
        procs = [subprocess.Popen([sys.executable, "-m", "analysis", "build"], cwd=paths.root, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        outs = [p.communicate(timeout=900) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        stdout = [o for o, _ in outs]
        assert sum("[7/7] publish" in o for o in stdout) == 1, stdout      # one published
        waited = [o for o in stdout if "another build of this project is running" in o]
        assert len(waited) == 1 and "up to date" in waited[0], stdout      # the other waited
    finally:
        intro.write_bytes(original)
    run(paths, "build")
    assert published(paths) == first
    shutil.rmtree(paths.build / "failed", ignore_errors=True)
