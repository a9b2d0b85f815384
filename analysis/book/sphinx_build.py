"""Run Sphinx as Jupyter Book does, with parallel processes and a kept environment.

    python -m analysis.book.sphinx_build ROOT TOC OUTDIR DOCTREES JOBS [--wait]

With ``--wait`` it sets Sphinx up at the lowest priority, prints "ready" and
reads nothing until "go" on standard input: the build starts it before the
chapters run, so that its start-up (about a second and a half of imports,
configuration and extensions) uses the time the chapters leave idle.

The configuration is Jupyter Book's own (``jupyter_book.config.get_final_config``
reads ``_config.yml``, as ``jupyter-book build`` does), but Sphinx is called
directly because ``jupyter-book build`` has no ``-j`` and keeps its output
folder from build to build. Here:

- OUTDIR is empty at the start of every build, so every page, static file,
  download and the search index is written afresh (nothing of a removed page
  or an edited CSS file survives, and no ``?v=`` checksum is taken from an old
  file): an incremental build writes what a clean one writes.
- DOCTREES (the parsed sources) is kept, so only changed sources are read
  again; ``analysis.book.build`` throws it away when something Sphinx cannot
  see changes (the code of the ``{claim}`` role, the configuration, the pins)
  and after a failed run (so a warning is never hidden by a skipped read).
- JOBS processes read and write in parallel. Two extensions Jupyter Book loads
  do not declare whether they are parallel-safe, which makes Sphinx fall back
  to one process with a warning (an error under ``-W``); both are, for this
  book, and are declared so below. ``tests/test_incremental.py`` checks that
  a parallel build writes exactly what a serial one does.

Warnings are errors (``-W --keep-going``), as in ``jupyter-book build -W``.
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


def build(root: Path, toc: Path, outdir: Path, doctrees: Path, jobs: int, ready=None) -> int:
    """Build the HTML; with ``ready``, only once ``ready()`` (called when Sphinx
    is set up, before it reads a source) says to go on."""
    from jupyter_book.config import get_final_config
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    config, _ = get_final_config(
        user_yaml=root / "_config.yml",
        cli_config={"external_toc_path": str(toc), "latex_individualpages": False},
        sourcedir=root, use_external_toc=True)
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
        if ready is not None and not ready():
            return 3
        app.build(force_all=True)
        return app.statuscode


def _go_ahead() -> bool:
    """Started early (``--wait``): say so, then wait for "go" on standard input
    (its end, when the build stops or dies, means stop)."""
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return False
    try:
        os.nice(-os.nice(0))                # back to normal priority, where allowed
    except OSError:
        pass                                # not allowed: nothing else runs by now
    return True


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    wait = "--wait" in args
    if wait:
        args.remove("--wait")
        # Set up while the chapters run, on the time they leave idle.
        os.nice(19)
    root, toc, outdir, doctrees, jobs = args
    return build(Path(root), Path(toc), Path(outdir), Path(doctrees), int(jobs),
                 ready=_go_ahead if wait else None)


if __name__ == "__main__":
    sys.exit(main())
