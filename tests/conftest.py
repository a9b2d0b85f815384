"""Shared fixtures: a throwaway copy of the project's inputs to break and build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import REPO_ROOT, Paths

# What a build reads. Code is imported from the installed package; the copy
# holds the inputs and the book's sources.
INPUTS = ["data", "book/assets", "_config.yml", "_toc.yml", "requirements.txt"]
BOOK_SOURCES = ("*.md", "*.py", "*.bib", "jupytext.toml")


def copy_project(dest: Path) -> Paths:
    for rel in INPUTS:
        src = REPO_ROOT / rel
        if not src.exists():
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            # derived data is rebuilt in the copy, never carried over
            shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__", "processed"))
        else:
            shutil.copy2(src, target)
    # the book's sources: hand-written pages, chapter sources and their pairing
    for pattern in BOOK_SOURCES:
        for extra in sorted((REPO_ROOT / "book").glob(pattern)):
            shutil.copy2(extra, dest / "book" / extra.name)
    return Paths(dest)


@pytest.fixture
def project(tmp_path) -> Paths:
    """A fresh copy of the inputs, safe to corrupt."""
    return copy_project(tmp_path / "project")


def run_cli(*args: str, root: Path | None = None, check: bool = False,
            timeout: float | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "analysis"]
    if root is not None:
        cmd += ["--root", str(root)]
    proc = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=timeout,
                          env=None if env is None else {**os.environ, **env})
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd + list(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def assert_one_clear_error(proc: subprocess.CompletedProcess, *fragments: str) -> str:
    """The CLI failed with one 'error:' line that names what it must, and no traceback."""
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    errors = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
    assert len(errors) == 1, proc.stderr
    for frag in fragments:
        assert frag in errors[0], (frag, errors[0])
    return errors[0]


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Paths:
    """One clean build of a copy of the project, shared by the tests that only read
    the built HTML (they must not change it)."""
    paths = copy_project(tmp_path_factory.mktemp("built") / "project")
    proc = run_cli("build", root=paths.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return paths
