"""Publishing the book atomically, and one build at a time.

``_build/html`` is a symbolic link to a complete book in ``_build/releases/``.
Publishing moves the finished staging directory into ``releases/`` (a rename,
no copy), makes a new link beside the old one and renames it over
``_build/html``: one ``rename``, so a reader (or a web server) sees the old
book or the new one, never a missing or a half-written one, whenever the
process is stopped. Older releases are then pruned: the current one and the
one published before it are kept (a page being read may still load from it).

``BuildLock`` holds ``_build/.lock`` (``flock``) for the whole of a build, so a
second build started meanwhile waits for the first, with a message saying so,
and never publishes a mix of two. The kernel drops the lock when its holder
dies, however it dies: there is no stale lock to clean up.

``fault_point`` is a test hook: with ``BOOK_FAULT_AT=<point>`` in the
environment the process kills itself (SIGKILL) there, so that the tests can
stop a publish at each of its steps.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import sys
import time
from pathlib import Path

from ..paths import Paths

# The steps of publishing, in order; a test kills the build at each.
FAULT_POINTS = ("staged", "moved", "linked", "switched", "recorded", "pruned")


def fault_point(name: str) -> None:
    """Die here, as a power cut would, when a test asks for it."""
    if os.environ.get("BOOK_FAULT_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


class BuildLock:
    """``with BuildLock(paths, log):`` one build (or pipeline command) at a time."""

    def __init__(self, paths: Paths, log=print):
        self.path = paths.build / ".lock"
        self.log = log
        self.fd: int | None = None

    def __enter__(self) -> "BuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.fd, 64, 0).decode("ascii", "replace").strip() or "?"
            self.log(f"  another build of this project is running (pid {holder}); "
                     "waiting for it to finish…")
            sys.stdout.flush()
            t0 = time.monotonic()
            fcntl.flock(self.fd, fcntl.LOCK_EX)
            self.log(f"  the other build finished after {time.monotonic() - t0:.1f} s; going on")
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def releases_dir(paths: Paths) -> Path:
    return paths.build / "releases"


def _link_tmp(paths: Paths) -> Path:
    return paths.build / ".html.new"


def current_release(paths: Paths) -> Path | None:
    """The release ``_build/html`` points to, or None."""
    link = paths.html
    if not link.is_symlink():
        return None
    target = paths.build / os.readlink(link)
    return target if target.is_dir() else None


def signature(folder: Path) -> str:
    """A cheap fingerprint of a published tree: every file's path, size and
    modification time (no reading). It changes when a file is edited, added
    or removed after publishing, which a no-op build must notice."""
    import hashlib

    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            st = os.lstat(os.path.join(dirpath, name))
            rel = os.path.relpath(os.path.join(dirpath, name), folder)
            h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``);
    False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def recover(paths: Paths, last_release: str | None) -> None:
    """Tidy what a killed publish left: a half-made link, and (only possible
    after a killed legacy switch) a missing ``_build/html`` whose last release
    is still there."""
    tmp = _link_tmp(paths)
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    if not paths.html.exists() and not paths.html.is_symlink() and last_release:
        if (releases_dir(paths) / last_release).is_dir():
            tmp.symlink_to(Path("releases") / last_release)
            os.replace(tmp, paths.html)


def _new_name(paths: Paths) -> str:
    """A release name that sorts by time and is unique to this process."""
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{time.time_ns() % 10**9:09d}-{os.getpid()}"


def publish(staged: Path, paths: Paths) -> Path:
    """Make ``staged`` (a complete book) the published one; return its release folder."""
    fault_point("staged")
    releases = releases_dir(paths)
    releases.mkdir(parents=True, exist_ok=True)
    release = releases / _new_name(paths)
    os.rename(staged, release)                     # same file system: no copy
    fault_point("moved")
    tmp = _link_tmp(paths)
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(Path("releases") / release.name)
    fault_point("linked")
    link = paths.html
    if link.is_dir() and not link.is_symlink():
        # A book published before releases existed: swap it with the link in one
        # step, then keep it as the previous release.
        old = releases / f"00000000-legacy-{os.getpid()}"
        if _exchange(tmp, link):
            os.rename(tmp, old)
        else:  # no atomic exchange here: two renames (``recover`` mends a gap)
            os.rename(link, old)
            os.rename(tmp, link)
    else:
        os.replace(tmp, link)                      # the one step readers see
    fault_point("switched")
    return release


def prune(paths: Paths, previous: Path | None) -> list[str]:
    """Remove every release but the published one and ``previous`` (the one
    published before it: a page being read may still load from it), including
    those a killed build moved in but never published. Returns the names removed."""
    releases = releases_dir(paths)
    if not releases.is_dir():
        return []
    keep = {p.name for p in (current_release(paths), previous) if p is not None}
    removed = sorted(p.name for p in releases.iterdir() if p.name not in keep)
    for name in removed:
        target = releases / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target, ignore_errors=True)
        else:
            target.unlink(missing_ok=True)
    return removed
