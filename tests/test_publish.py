"""Publishing is atomic and one build runs at a time.

Publishing is stopped (SIGKILL, through the ``BOOK_FAULT_AT`` hook) at each of
its steps, in a process of its own; after every stop ``_build/html`` is a
complete book, the old one or the new one, and the next publish mends what
the stop left. A build waits for another holding the lock.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.book import release
from analysis.paths import Paths

PUBLISH_POINTS = ("staged", "moved", "linked", "switched")   # inside release.publish


def make_book(folder: Path, label: str, n: int = 30) -> dict[str, str]:
    """A small complete 'book': n pages and a nested asset, all naming ``label``."""
    files = {"index.html": f"<h1>{label}</h1>", "_static/book.css": f"/* {label} */"}
    files.update({f"book/page-{i:02d}.html": f"{label} page {i}" for i in range(n)})
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return tree(folder)


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def publish_in_subprocess(root: Path, staged: Path, fault: str | None = None) -> int:
    code = ("import sys; from pathlib import Path; from analysis.book import release; "
            "from analysis.paths import Paths; "
            "release.publish(Path(sys.argv[2]), Paths(Path(sys.argv[1])))")
    env = {k: v for k, v in os.environ.items() if k != "BOOK_FAULT_AT"}
    if fault:
        env["BOOK_FAULT_AT"] = fault
    return subprocess.run([sys.executable, "-c", code, str(root), str(staged)], env=env).returncode


@pytest.fixture
def published(tmp_path):
    """A project folder whose _build/html is release A."""
    paths = Paths(tmp_path / "p")
    staged = paths.build / "stage" / "html"
    a = make_book(staged, "A")
    assert publish_in_subprocess(paths.root, staged) == 0
    assert tree(paths.html) == a and paths.html.is_symlink()
    return paths, a


@pytest.mark.parametrize("point", PUBLISH_POINTS)
def test_killed_at_each_step_of_publishing_the_book_is_old_or_new_never_missing(published, point):
    paths, a = published
    staged = paths.build / "stage" / "html"
    b = make_book(staged, "B")
    rc = publish_in_subprocess(paths.root, staged, fault=point)
    assert rc == -signal.SIGKILL, rc                            # it did die there
    assert (paths.html / "index.html").is_file()
    assert tree(paths.html) in (a, b), point                     # complete: one book or the other
    # the next build tidies up and publishes
    release.recover(paths, None)
    c = make_book(paths.build / "stage" / "html2", "C")
    assert publish_in_subprocess(paths.root, paths.build / "stage" / "html2") == 0
    assert tree(paths.html) == c
    assert not (paths.build / ".html.new").exists()


def test_every_fault_point_is_tested():
    """The points tested here and in test_incremental.py are all the points there are."""
    from tests.test_incremental import BUILD_POINTS
    assert set(PUBLISH_POINTS) | set(BUILD_POINTS) == set(release.FAULT_POINTS)


def test_prune_keeps_the_published_and_the_previous_release(published):
    paths, _ = published
    names = []
    for label in "BCD":
        staged = paths.build / "stage" / label
        make_book(staged, label)
        previous = release.current_release(paths)
        names.append(release.publish(staged, paths).name)
        release.prune(paths, previous)
    (paths.build / "releases" / "orphan-from-a-killed-build").mkdir()
    release.prune(paths, paths.build / "releases" / names[-2])
    assert sorted(p.name for p in (paths.build / "releases").iterdir()) == sorted(names[-2:])
    assert tree(paths.html)["index.html"] == hashlib.sha256(b"<h1>D</h1>").hexdigest()


def test_a_book_published_as_a_plain_folder_is_replaced_in_one_step(tmp_path):
    """The layout before releases: _build/html a real folder. It is swapped with
    the link in one step (renameat2 RENAME_EXCHANGE) and kept as the previous release."""
    paths = Paths(tmp_path / "p")
    old = make_book(paths.html, "old")
    staged = paths.build / "stage" / "html"
    new = make_book(staged, "new")
    for point in ("linked", "switched"):
        if point == "switched":
            make_book(staged, "new")
        rc = publish_in_subprocess(paths.root, staged, fault=point)
        assert rc == -signal.SIGKILL
        assert tree(paths.html) in (old, new)
    assert paths.html.is_symlink() and tree(paths.html) == new
    kept = [p for p in (paths.build / "releases").iterdir() if tree(p) == old]
    assert len(kept) == 1


def test_recover_restores_a_missing_link(published):
    """If _build/html was lost (by hand, or the two-rename fallback killed), the
    next build puts back the last release it recorded."""
    paths, a = published
    name = release.current_release(paths).name
    paths.html.unlink()
    release.recover(paths, name)
    assert tree(paths.html) == a


# --- the lock ------------------------------------------------------------------------

def test_a_second_holder_waits_for_the_lock(tmp_path):
    paths = Paths(tmp_path / "p")
    code = ("import sys, time; from pathlib import Path; from analysis.book.release import BuildLock; "
            "from analysis.paths import Paths\n"
            "with BuildLock(Paths(Path(sys.argv[1]))):\n"
            "    print('got it', time.monotonic(), flush=True)\n")
    with release.BuildLock(paths, log=lambda *_: None):
        proc = subprocess.Popen([sys.executable, "-c", code, str(paths.root)],
                                stdout=subprocess.PIPE, text=True)
        time.sleep(3)
        assert proc.poll() is None                 # still waiting
        released = time.monotonic()
    out, _ = proc.communicate(timeout=60)
    assert "another build of this project is running" in out and f"pid {os.getpid()}" in out
    assert "got it" in out and float(out.split("got it")[1].split()[0]) >= released


def test_the_lock_dies_with_its_holder(tmp_path):
    """A build killed with the lock held does not block the next one."""
    paths = Paths(tmp_path / "p")
    code = ("import os, signal, sys; from pathlib import Path; from analysis.book.release import BuildLock; "
            "from analysis.paths import Paths\n"
            "with BuildLock(Paths(Path(sys.argv[1]))):\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n")
    assert subprocess.run([sys.executable, "-c", code, str(paths.root)]).returncode == -signal.SIGKILL
    messages = []
    with release.BuildLock(paths, log=messages.append):
        pass
    assert messages == []
