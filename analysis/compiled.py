"""Compiled builds of the extractor's hot modules, used only while they match.

The extractor is plain Python. ``python -m analysis compile`` (run by every
``make`` target that runs code) compiles the modules in ``MODULES`` with
Cython, unchanged, into ``.build/compiled/``; each file is named for a digest
of its exact source, the Python version and the Cython pin. An import of one
of these modules then loads the compiled file only when one with the digest
of the source as it is *now* exists: a contributor who edits a module runs
the edited Python at once (slower, never stale) until the next build.
``ANALYSIS_PURE_PYTHON=1`` turns compiled modules off (the tests that compare
the two use it).

Why Cython (3.3.1, Apache-2.0, maintained, a build-time tool only: nothing
of it is imported at run time) and not a rewrite: compiling the same source
takes the interpreter out of the many small steps each article needs --
measured on the bench's articles, 12 % fewer instructions an article and
about 9 % more articles a second on one core, with the output unchanged
(``tests/test_compiled.py`` compares every gold text and a thousand
synthetic articles, compiled and pure). mypyc needs type annotations the
code does not have; a rewrite in another language would leave two
extractors to keep in step.
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

from .paths import COMPILED_DIR, REPO_ROOT

MODULES = (
    "analysis.text.normalize",
    "analysis.extract.scan",
    "analysis.extract.numbers",
    "analysis.extract.dates",
    "analysis.extract.entities",
)
BUILD_DIR = COMPILED_DIR
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
PURE_ENV = "ANALYSIS_PURE_PYTHON"
_FORMAT = b"analysis-compiled-1"


def source(name: str) -> Path:
    return REPO_ROOT.joinpath(*name.split(".")).with_suffix(".py")


def declarations(name: str) -> Path:
    """The module's augmenting ``.pxd`` (C types for Cython, beside the .py;
    most modules have none): part of what a build is named for."""
    return source(name).with_suffix(".pxd")


def _read_pxd(name: str) -> bytes | None:
    try:
        return declarations(name).read_bytes()
    except FileNotFoundError:
        return None


def _read_pin() -> bytes:
    """The ``cython==`` line of requirements.txt: a new Cython means a new build."""
    try:
        lines = (REPO_ROOT / "requirements.txt").read_bytes().splitlines()
    except OSError:
        return b""
    return next((ln.strip() for ln in lines if ln.lower().startswith(b"cython==")), b"")


# Read once, when ``analysis`` is imported: an import of a compiled module later
# (inside a step whose reads are recorded, such as loading the evidence) reads
# no data file.
_PIN = _read_pin()


def _cython_pin() -> bytes:
    return _PIN


def digest(name: str, code: bytes, pxd: bytes | None = None) -> str:
    """The name of a build of ``code`` (and of ``pxd``, its .pxd, if any)."""
    h = hashlib.sha256()
    parts = [_FORMAT, sys.version.encode(), _cython_pin(), name.encode(), code]
    if pxd is not None:
        parts += [b"pxd", pxd]
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()[:16]


def built_path(name: str, code: bytes | None = None, pxd: bytes | None = None) -> Path:
    """Where the compiled build of ``name``'s source (``code`` and ``pxd``,
    or the files as they are now) is, or would be."""
    if code is None:
        code = source(name).read_bytes()
        pxd = _read_pxd(name)
    return BUILD_DIR / f"{name}-{digest(name, code, pxd)}{SUFFIX}"


class _Finder:
    """Loads a module of ``MODULES`` from its compiled build when that build is
    of the current source; otherwise leaves the import to the usual finders."""

    def find_spec(self, name, path=None, target=None):
        if name not in MODULES or os.environ.get(PURE_ENV):
            return None
        try:
            so = built_path(name)
        except OSError:
            return None
        if not so.is_file():
            return None
        loader = importlib.machinery.ExtensionFileLoader(name, str(so))
        return importlib.util.spec_from_file_location(name, so, loader=loader)

    def invalidate_caches(self):
        pass


def install() -> None:
    """Put the finder first (once), before any of ``MODULES`` is imported."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def active() -> dict[str, bool]:
    """Which of ``MODULES`` this process runs compiled."""
    out = {}
    for name in MODULES:
        mod = sys.modules.get(name)
        out[name] = bool(mod is not None and str(getattr(mod, "__file__", "")).endswith(SUFFIX))
    return out


def build(out=sys.stdout) -> int:
    """Compile every module whose current source has no build yet; remove
    builds of other sources. Returns how many were compiled. Raises
    ``RuntimeError`` with one line when it cannot (no Cython, no C compiler)."""
    import shutil
    import subprocess
    import tempfile
    import time

    # Each source is read once: the build is named for the very code it was
    # compiled from, even if the file is edited while Cython runs.
    codes = {n: source(n).read_bytes() for n in MODULES}
    pxds = {n: _read_pxd(n) for n in MODULES}
    target = {n: built_path(n, codes[n], pxds[n]) for n in MODULES}
    missing = [n for n in MODULES if not target[n].is_file()]
    keep = {p.name for p in target.values()}
    if BUILD_DIR.is_dir():
        for old in BUILD_DIR.iterdir():
            # (a .part is another build's file in flight, unless it is old)
            if old.name not in keep and (not old.name.endswith(".part")
                                         or time.time() - old.stat().st_mtime > 600):
                old.unlink(missing_ok=True)
    if not missing:
        return 0
    if shutil.which(os.environ.get("CC", "cc")) is None:
        raise RuntimeError("no C compiler (cc) on PATH: install gcc (apt-get install -y gcc)")
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="analysis-compiled-") as tmp:
        # a copy of just these modules in their packages: Cython names each
        # module from the folders it sits in (analysis.extract.numbers)
        files = []
        for name in missing:
            dst = Path(tmp).joinpath(*name.split(".")).with_suffix(".py")
            dst.parent.mkdir(parents=True, exist_ok=True)
            for pkg in list(dst.relative_to(tmp).parents)[:-1]:
                (Path(tmp) / pkg / "__init__.py").touch()
            dst.write_bytes(codes[name])
            if pxds[name] is not None:
                dst.with_suffix(".pxd").write_bytes(pxds[name])
            files.append(str(dst.relative_to(tmp)))
        print(f"[compiled] compiling {len(files)} module(s) with Cython: "
              + ", ".join(n.rsplit(".", 1)[1] for n in missing), file=out, flush=True)
        cmd = [sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-3", "-q",
               "-j", str(min(len(files), os.cpu_count() or 1)), *files]
        proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        if proc.returncode:
            last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise RuntimeError(f"Cython build failed: {last}")
        for name in missing:
            so = Path(tmp).joinpath(*name.split(".")).with_name(name.rsplit(".", 1)[1] + SUFFIX)
            if not so.is_file():
                raise RuntimeError(f"Cython build made no {so.name} for {name}")
            # copied in beside its final name, then renamed: another process
            # never finds a half-written file there
            part = BUILD_DIR / f".{target[name].name}.{os.getpid()}.part"
            shutil.copyfile(so, part)
            os.replace(part, target[name])
    return len(missing)


def main() -> int:
    try:
        n = build()
    except RuntimeError as e:
        print(f"[compiled] not built, the extractor runs as pure Python: {e}", file=sys.stderr)
        return 0
    if n:
        print(f"[compiled] {n} module(s) built into {BUILD_DIR.relative_to(REPO_ROOT)}/")
    return 0

