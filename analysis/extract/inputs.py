"""What the extract command reads, and how, so that no input can hang it,
crash it or break its output.

Only regular files are read (a FIFO would block for ever, ``/dev/zero``
would never end), each at most ``MAX_BYTES``; a JSON Lines record is held to
the same limit per line. Anything else is one ``InputError`` line naming the
input, and the command goes on with the next.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputError
from ..text.files import decode

# Per document: a file, or one line of a JSON Lines corpus. News articles are a
# few KB; 10 MiB leaves room for whole books and stops a runaway file.
MAX_BYTES = 10 * 1024 * 1024
MAX_TEXT = "10 MiB"

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _size(n: int) -> str:
    return MAX_TEXT if n == MAX_BYTES else f"{n:,} bytes"


def _what(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: Path | str, max_bytes: int = MAX_BYTES):
    """Open ``path`` for binary reading if it is a regular file within the
    limit (``max_bytes`` None: any size), else raise InputError. Opened
    without blocking and checked on the open descriptor, so a FIFO swapped in
    after a check cannot block."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, f"is {_what(st.st_mode)}, not a regular file: skipped")
        if max_bytes is not None and st.st_size > max_bytes:
            raise InputError(path, f"is {st.st_size:,} bytes, over the limit of "
                                   f"{_size(max_bytes)} per document: skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path | str, max_bytes: int = MAX_BYTES) -> str:
    """The text of one input file (strict UTF-8, BOM dropped) or InputError."""
    with open_regular(path, max_bytes) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as err:
            raise InputError(path, f"cannot be read ({err.strerror})") from None
    if len(data) > max_bytes:          # it grew after the check
        raise InputError(path, f"is over the limit of {_size(max_bytes)} per document: skipped")
    return decode(data, path)
