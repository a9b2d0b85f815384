"""When the book's inputs last changed: the date the book says it was updated.

The date of the last commit that touched what the book is built from (data,
chapter sources, the package, configuration), so that two builds of one
commit agree; where there is no git (a copy of the project, an unpacked
release), the release date in ``CITATION.cff``. Never the time of the build.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess

from ..paths import Paths

INPUTS = ("data", "book", "analysis", "_config.yml", "_toc.yml", "requirements.txt")


def release_epoch(paths: Paths) -> int:
    """``date-released`` of CITATION.cff as a Unix time (0 when there is none)."""
    cff = paths.root / "CITATION.cff"
    m = re.search(r'^date-released:\s*"?(\d{4}-\d{2}-\d{2})"?', cff.read_text(encoding="utf-8"), re.M) \
        if cff.is_file() else None
    if not m:
        return 0
    return int(dt.datetime.fromisoformat(m.group(1)).replace(tzinfo=dt.timezone.utc).timestamp())


def inputs_epoch(paths: Paths) -> int:
    """Unix time of the last commit that changed the inputs, else the release date."""
    try:
        proc = subprocess.run(["git", "-C", str(paths.root), "log", "-1", "--format=%ct", "--", *INPUTS],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return release_epoch(paths)
    out = proc.stdout.strip()
    # a copy inside another repository is not that repository's history
    top = subprocess.run(["git", "-C", str(paths.root), "rev-parse", "--show-toplevel"],
                         capture_output=True, text=True, timeout=10).stdout.strip()
    if proc.returncode or not out.isdigit() or top != str(paths.root.resolve()):
        return release_epoch(paths)
    return int(out)
