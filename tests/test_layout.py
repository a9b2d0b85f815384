"""The package's layout: stages import down the chain, never back up.

    book → chapters → evidence → corpus        (the chain)
    extract, display, text                     (beside it: any stage may use them)

Every module's imports are read with ``ast`` (imports inside functions and
under ``TYPE_CHECKING`` included) and checked against the table below; a
breach names the importing module and the module it imports.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "analysis"
CHAIN = ("book", "chapters", "evidence", "corpus")      # top to bottom
BESIDE = ("extract", "display", "text")
SHARED = {"paths", "errors", "compiled"}                 # for everyone
# What each stage may import, besides itself and the shared modules.
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "extract": {"text"},
    "display": {"text"},
    **{stage: set(CHAIN[i + 1:]) | set(BESIDE) for i, stage in enumerate(CHAIN)},
    "cli": set(CHAIN) | set(BESIDE),                     # analysis/__main__.py calls every step
    "shared": set(),
}


def module_name(path: Path, root: Path = REPO_ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "shared"                                  # the package's own __init__
    if parts[1] == "__main__":
        return "cli"
    if parts[1] in SHARED:
        return "shared"
    return parts[1]


def imported_modules(module: str, source: str, is_package: bool) -> list[tuple[str, int]]:
    """Every ``analysis`` module this source imports, absolute, with its line."""
    out = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None:
                # ``from . import x``: x is a module of that package
                out += [(f"{target}.{a.name}", node.lineno) for a in node.names]
            else:
                out.append((target, node.lineno))
    return [(m, line) for m, line in out if m == "analysis" or m.startswith("analysis.")]


def upward_imports(module: str, source: str, is_package: bool = False) -> list[str]:
    """Breaches of the layering in one module, each naming both modules."""
    stage = stage_of(module)
    if stage not in ALLOWED:
        return [f"{module}: not in any stage (add it to a stage's subpackage)"]
    breaches = []
    for target, line in imported_modules(module, source, is_package):
        other = stage_of(target)
        if other == stage or other == "shared" and target != "analysis":
            continue
        if other not in ALLOWED[stage]:
            breaches.append(f"{module} (line {line}) imports {target}: "
                            f"{stage} may not import {other}")
    return breaches


def package_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_belongs_to_a_stage():
    loose = [module_name(p) for p in package_modules()
             if stage_of(module_name(p)) not in ALLOWED]
    assert not loose, loose
    # at the root: only the package itself, the command line, paths, errors
    # and the loader of compiled modules
    root_files = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert root_files == ["__init__.py", "__main__.py", "compiled.py", "errors.py", "paths.py"], \
        root_files


def test_imports_run_down_the_stages():
    breaches = []
    for path in package_modules():
        breaches += upward_imports(module_name(path), path.read_text(encoding="utf-8"),
                                   path.name == "__init__.py")
    assert not breaches, "\n".join(breaches)


@pytest.mark.parametrize("module, source, expected", [
    # a corpus module reaching up into the evidence
    ("analysis.corpus.bad", "from ..evidence.claims import Claim\n",
     "analysis.corpus.bad (line 1) imports analysis.evidence.claims: corpus may not import evidence"),
    # the extractor reaching into the corpus, lazily inside a function
    ("analysis.extract.bad", "def f():\n    from analysis.corpus import load_corpus\n",
     "analysis.extract.bad (line 2) imports analysis.corpus: extract may not import corpus"),
    # a chapter reaching up into the book, through ``from .. import``
    ("analysis.chapters.bad", "from .. import book\n",
     "analysis.chapters.bad (line 1) imports analysis.book: chapters may not import book"),
    # display helpers must stay importable by every chapter: they may not use the evidence
    ("analysis.display.bad", "import analysis.evidence.measures\n",
     "analysis.display.bad (line 1) imports analysis.evidence.measures: display may not import evidence"),
])
def test_a_synthetic_upward_import_is_caught(module, source, expected):
    assert upward_imports(module, source) == [expected]


def test_a_synthetic_downward_import_passes():
    assert upward_imports("analysis.book.ok", "from ..chapters import policy\n"
                                              "from ..evidence.loader import load_evidence\n"
                                              "from ..paths import PATHS\n") == []


def test_chapter_sources_define_no_logic():
    """Chapter sources read like chapters: helpers live in ``analysis.chapters``."""
    sources = sorted((REPO_ROOT / "book").glob("*.py"))
    assert sources
    defined = [f"{p.name}: {getattr(node, 'name', 'lambda')} (line {node.lineno})" for p in sources
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))]
    assert not defined, "move these into analysis/chapters/:\n" + "\n".join(defined)
