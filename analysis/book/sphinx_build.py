"""Run Sphinx as Jupyter Book does, with parallel processes and a kept environment.

    python -m analysis.book.sphinx_build ROOT TOC OUTDIR DOCTREES JOBS [--wait]

With ``--wait`` it is started at the beginning of a build and goes step by
step, each on a line of standard input (its end means stop): it imports Sphinx,
Jupyter Book's configuration and every extension while the build validates
(about a second), then on "setup" makes the Sphinx application at the lowest
priority while the chapters run (once the build has written the table of
contents), and on "go" builds.

"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# Extensions Jupyter Book loads that do not say whether Sphinx may run them in
# parallel, and why they may.
PARALLEL_SAFE = {
    # Loaded by sphinx_external_toc whatever the configuration; it only changes
    # how section numbers are assigned, in the main process after reading, and
    # this book numbers no sections (use_multitoc_numbering: false).
    "sphinx_multitoc_numbering": "numbering is off; runs in the main process",
    # Acts only for the LaTeX builders.
    "sphinx_jupyterbook_latex": "LaTeX builders only",
}


def build(root: Path, toc: Path, outdir: Path, doctrees: Path, jobs: int, step=None) -> int:
    """Build the HTML; with ``step``, only as far as ``step(name)`` allows:
    "setup" once the extensions are imported, "go" once Sphinx is set up,
    before it reads a source."""
    import importlib

    from jupyter_book.config import get_final_config
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    config, _ = get_final_config(
        user_yaml=root / "_config.yml",
        cli_config={"external_toc_path": str(toc), "latex_individualpages": False},
        sourcedir=root, use_external_toc=True)
    if step is not None:
        for name in config.get("extensions", []):
            try:
                importlib.import_module(name)      # Sphinx loads them again, from the cache
            except ImportError:
                pass                               # Sphinx reports it, as it would anyway
        if not step("setup"):
            return 3
        os.nice(19)                                # the chapters are running: their time first
    with patch_docutils(str(root)), docutils_namespace():
        app = Sphinx(srcdir=str(root), confdir=None, outdir=str(outdir), doctreedir=str(doctrees),
                     buildername="html", confoverrides=config, status=None, warning=sys.stderr,
                     freshenv=False, warningiserror=True, parallel=jobs, keep_going=True)
        for name in PARALLEL_SAFE:
            ext = app.extensions.get(name)
            if ext is not None and ext.parallel_read_safe is None:
                ext.parallel_read_safe = True
            if ext is not None and ext.parallel_write_safe is None:
                ext.parallel_write_safe = True
        if step is not None:
            if not step("go"):
                return 3
            try:
                os.nice(-os.nice(0))               # back to normal priority, where allowed
            except OSError:
                pass                               # not allowed: nothing else runs by now
        app.build(force_all=True)
        return app.statuscode


def _wait_for(name: str) -> bool:
    """Say how far it got, then wait for the build to say ``name``."""
    print(f"waiting for {name}", flush=True)
    return sys.stdin.readline().strip() == name


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    wait = "--wait" in args
    if wait:
        args.remove("--wait")
    root, toc, outdir, doctrees, jobs = args
    return build(Path(root), Path(toc), Path(outdir), Path(doctrees), int(jobs),
                 step=_wait_for if wait else None)


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Everything is written: skip tearing down Sphinx's thousands of objects
    # and modules, a fraction of a second the build would wait for.
    os._exit(status)
