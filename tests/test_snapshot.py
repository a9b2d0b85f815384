"""The evidence snapshot the build hands the chapters (``analysis/evidence/snapshot.py``):
taken only while it is current, and made of every file the evidence is read from."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

from analysis.evidence import snapshot
from analysis.evidence.loader import load_evidence
from tests.conftest import copy_project, set_fact

# Run in a fresh interpreter: an audit hook cannot be removed once added.
OPENED = r"""
import json, os, sys
from pathlib import Path
root = Path(sys.argv[1]).resolve()
seen = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        p = Path(os.path.abspath(args[0]))
        # code is covered by the snapshot's digest, not its inputs: modules, and the
        # .pxd beside one, read when its compiled build is looked for (analysis/compiled.py)
        if p.is_relative_to(root) and p.suffix not in (".py", ".pyc", ".pxd"):
            seen.add(p.relative_to(root).as_posix())
from analysis.evidence.loader import load_evidence
from analysis.paths import Paths
sys.addaudithook(hook)
ev = load_evidence(Paths(root))
for name in ("findings", "register", "voices", "headline", "claims_table", "facts_table"):
    getattr(ev, name)
print(json.dumps(sorted(seen)))
"""


def test_the_snapshot_is_made_of_every_file_the_evidence_is_read_from():
    from analysis.paths import PATHS
    proc = subprocess.run([sys.executable, "-c", OPENED, str(PATHS.root)], capture_output=True, text=True,
                          cwd=PATHS.root)
    assert proc.returncode == 0, proc.stderr
    opened = set(json.loads(proc.stdout))
    listed = {p.relative_to(PATHS.root).as_posix() for p in snapshot.input_files(PATHS)}
    assert opened, "the audit hook saw no file"
    assert opened <= listed, f"read by load_evidence but not in the snapshot's inputs: {sorted(opened - listed)}"


@pytest.fixture
def project(tmp_path):
    paths = copy_project(tmp_path / "project")
    snapshot.save(load_evidence(paths), paths)
    return paths


def test_a_current_snapshot_is_taken_without_loading(project, monkeypatch):
    def no_loading(*a, **k):
        raise AssertionError("loaded the evidence though the snapshot is current")
    monkeypatch.setattr(snapshot, "load_evidence", no_loading)
    ev = snapshot.checked_evidence(project)
    assert len(ev.register) and "findings" in vars(ev)          # its tables come computed


def test_a_snapshot_is_not_taken_once_an_input_changes(project):
    assert snapshot.checked_evidence(project)
    set_fact(project, "europol-2019-states", fact="Member states taking part, as edited by this test")
    fact = next(f for f in snapshot.checked_evidence(project).facts if f.id == "europol-2019-states")
    assert fact.fact == "Member states taking part, as edited by this test"


def test_a_new_file_in_an_input_folder_makes_the_snapshot_stale(project):
    now = snapshot.digest(project)
    (project.annotations / "notes.txt").write_text("not YAML, but a new file here\n", encoding="utf-8")
    assert snapshot.digest(project) != now


def test_a_damaged_snapshot_is_ignored(project):
    snapshot.snapshot_path(project).write_bytes(b"not a pickle")
    assert len(snapshot.checked_evidence(project).claims) == len(load_evidence(project).claims)
    snapshot.snapshot_path(project).write_bytes(pickle.dumps(("other digest", object())))
    assert len(snapshot.checked_evidence(project).claims) == len(load_evidence(project).claims)


def test_a_build_with_root_and_its_chapters_agree_on_the_digest(project):
    """``--root`` builds another copy: the build computes the digest with this
    checkout's word tables, the chapters' kernels (BOOK_ROOT) with the copy's.
    The same contents must give the same digest, or the snapshot is never taken."""
    import os
    env = {**os.environ, "BOOK_ROOT": str(project.root)}
    code = ("from analysis.evidence import snapshot; from analysis.paths import PATHS; "
            "print(snapshot.digest(PATHS))")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == snapshot.digest(project)


def test_the_digest_covers_the_extractors_code_and_its_pxd_files():
    # a .pxd types a compiled module's loops: code the evidence is computed by
    code = {p.relative_to(snapshot._PACKAGE).as_posix() for p in snapshot._code_files()}
    assert "extract/numbers.py" in code and "text/normalize.py" in code
    pxds = {p.relative_to(snapshot._PACKAGE).as_posix() for p in snapshot._PACKAGE.rglob("*.pxd")}
    assert pxds and pxds <= code
