"""The extractor's compiled modules: built, used, never stale, and the same
output as the pure Python they are compiled from."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from analysis import compiled
from analysis.paths import REPO_ROOT

# Every gold text, and synthetic articles made as the bench makes them
# (recombined real paragraphs), extracted with and without a publication date.
_DUMP = r"""
import json, random, sys
from pathlib import Path
from analysis import compiled
from analysis.extract import extract
from analysis.paths import PATHS
texts = [p.read_text(encoding="utf-8") for p in sorted(PATHS.raw.glob("*.txt"))]
texts += [p.read_text(encoding="utf-8") for p in sorted((PATHS.data / "gold" / "extract").glob("*/*.txt"))]
paras = [x for t in texts[:5] for x in t.split("\n") if x.strip()]
rng = random.Random(7)
texts += ["\n".join(rng.choice(paras) for _ in range(rng.randint(1, 12))) for _ in range(1000)]
out = [[m.to_dict() for m in extract(t, published)] for t in texts for published in (None, "2021-03-15")]
json.dump({"active": compiled.active(), "n": len(texts), "out": out}, sys.stdout, ensure_ascii=False)
"""


def _run(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    if pure:
        env[compiled.PURE_ENV] = "1"
    proc = subprocess.run([sys.executable, "-c", _DUMP], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def _built() -> None:
    """Build what is missing (make does it first; a bare pytest run may not
    have): a missing compiler or Cython fails here, named."""
    try:
        compiled.build()
    except RuntimeError as e:
        raise AssertionError(f"the compiled modules cannot be built: {e}") from None


def test_compiled_modules_give_the_same_mentions_as_pure_python():
    _built()
    fast, pure = _run(pure=False), _run(pure=True)
    assert all(fast["active"].values()), f"not compiled: {fast['active']}"
    assert not any(pure["active"].values()), f"not pure: {pure['active']}"
    assert fast["n"] > 1150
    assert sum(map(len, fast["out"])) > 20_000        # mentions compared
    for i, (a, b) in enumerate(zip(fast["out"], pure["out"])):
        assert a == b, f"text {i // 2}: compiled and pure Python differ"
    assert len(fast["out"]) == len(pure["out"])


def test_an_edited_module_runs_as_python_until_rebuilt(tmp_path, monkeypatch):
    _built()
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)   # (the suite may run with it set)
    name = "analysis.extract.numbers"
    finder = compiled._Finder()
    spec = finder.find_spec(name)
    assert spec is not None and spec.origin.endswith(compiled.SUFFIX)
    edited = tmp_path / "numbers.py"
    edited.write_bytes(compiled.source(name).read_bytes() + b"\n# an edit\n")
    real = compiled.source
    monkeypatch.setattr(compiled, "source", lambda n: edited if n == name else real(n))
    assert finder.find_spec(name) is None                 # the usual finders load the .py
    assert compiled.built_path(name) != compiled.built_path(name, edited.read_bytes()[:-10])
    monkeypatch.undo()
    monkeypatch.setenv(compiled.PURE_ENV, "1")
    assert finder.find_spec(name) is None                 # switched off
    assert finder.find_spec("analysis.extract.cli") is None   # never compiled


def test_a_build_of_an_older_source_is_removed():
    _built()
    stale = compiled.BUILD_DIR / f"analysis.extract.numbers-0000000000000000{compiled.SUFFIX}"
    stale.write_bytes(b"")
    assert compiled.build() == 0                          # nothing to compile
    assert not stale.exists()
    assert sorted(p.name for p in compiled.BUILD_DIR.iterdir()) == sorted(
        compiled.built_path(n).name for n in compiled.MODULES)


def test_the_digest_covers_source_python_and_the_cython_pin(monkeypatch):
    code = compiled.source("analysis.extract.scan").read_bytes()
    d = compiled.digest("analysis.extract.scan", code)
    assert d == compiled.digest("analysis.extract.scan", code)
    assert d != compiled.digest("analysis.extract.scan", code + b" ")
    assert d != compiled.digest("analysis.extract.dates", code)
    assert compiled._cython_pin().startswith(b"cython==")
    with monkeypatch.context() as m:
        m.setattr(compiled, "_cython_pin", lambda: b"cython==0.0.1")
        assert d != compiled.digest("analysis.extract.scan", code)
    with monkeypatch.context() as m:
        m.setattr(sys, "version", sys.version + "+other")
        assert d != compiled.digest("analysis.extract.scan", code)


def test_without_a_compiler_it_says_so_in_one_line_and_python_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(compiled, "BUILD_DIR", tmp_path / "compiled")   # nothing built there
    monkeypatch.setenv("CC", "no-such-compiler-here")
    try:
        compiled.build()
    except RuntimeError as e:
        assert "no C compiler" in str(e)
    else:
        raise AssertionError("build() went on without a compiler")
    assert compiled.main() == 0                            # make goes on, in pure Python
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pure Python" in err[0] and "no C compiler" in err[0], err
    assert compiled._Finder().find_spec("analysis.extract.numbers") is None


def test_a_pxd_beside_a_module_names_its_build_and_is_compiled_with_it(tmp_path, monkeypatch):
    """An augmenting .pxd (C types for Cython) is part of what a build is named
    for: an edited .pxd is a new build, and until then the module runs as Python."""
    _built()
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)   # (the suite may run with it set)
    name = "analysis.extract.scan"
    code = compiled.source(name).read_bytes()
    pxd = compiled.declarations(name).read_bytes()
    assert compiled.digest(name, code, pxd) != compiled.digest(name, code)
    assert compiled.digest(name, code, pxd) != compiled.digest(name, code, pxd + b"\n")
    assert compiled.built_path(name) == compiled.built_path(name, code, pxd)
    finder = compiled._Finder()
    assert finder.find_spec(name) is not None
    edited = tmp_path / "scan.pxd"
    edited.write_bytes(pxd + b"\n# an edit\n")
    real = compiled.declarations
    monkeypatch.setattr(compiled, "declarations", lambda n: edited if n == name else real(n))
    assert finder.find_spec(name) is None                 # the usual finders load the .py
    monkeypatch.undo()
    # the build was compiled with the declarations: its typed argument is checked
    proc = subprocess.run(
        [sys.executable, "-c", "from analysis import compiled\n"
         "from analysis.extract import scan\n"
         "assert compiled.active()['analysis.extract.scan']\n"
         "try:\n    scan._sort_matches([], b'', [], [], [], [], [], 0, 0, 0, {}, ())\n"
         "except TypeError:\n    print('typed')\n"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if k != compiled.PURE_ENV})
    assert proc.returncode == 0 and proc.stdout.strip() == "typed", proc.stderr[-2000:]


def test_every_pxd_belongs_to_a_compiled_module():
    """A .pxd beside a module that is not compiled would do nothing."""
    pxds = sorted(p for p in (REPO_ROOT / "analysis").rglob("*.pxd"))
    assert pxds, "no .pxd: this test and compiled.declarations may go"
    assert {p for p in pxds} <= {compiled.declarations(n) for n in compiled.MODULES}, pxds
