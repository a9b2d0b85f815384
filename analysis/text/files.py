"""Decoding article bytes into text, strictly.

Offsets everywhere in the project are Python string (code point) offsets into
the text as read: the file's bytes decoded as UTF-8 with a leading byte-order
mark dropped. Line ends are kept as they are (a CR of a CRLF pair is a
character like any other), so ``text[start:end]`` is always a true slice of
the file.
"""
from __future__ import annotations

import codecs
import os
import stat
import tempfile
import unicodedata
from pathlib import Path

from ..errors import InputError


def decode(data: bytes, name: Path | str) -> str:
    """Decode article bytes as UTF-8 (BOM dropped) or raise InputError."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise InputError(name, "is UTF-16 (it starts with a UTF-16 byte-order mark); "
                               "save it as UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(name, f"is not valid UTF-8 (byte 0x{data[err.start]:02x} "
                               f"at byte offset {err.start})", line=line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(name, "contains NUL characters: not a text file "
                               "(UTF-16 without a byte-order mark?)", line=line)
    return text


# Characters that carry no text: every Unicode space and separator, the format
# characters (zero-width space and joiners, byte-order mark, direction marks)
# and the C0 controls that Python counts as white space.
_BLANK_CATEGORIES = {"Zs", "Zl", "Zp", "Cf"}


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing a reader could see: only spaces, line
    ends and format characters (U+00A0, U+200B, U+FEFF, U+200E… included)."""
    return all(c.isspace() or unicodedata.category(c) in _BLANK_CATEGORIES for c in text)


def comparison_text(text: str) -> str:
    """The text two copies of one article share however they were saved: line
    ends as LF, Unicode NFC, no blank characters at either end (a leading BOM
    is already dropped by ``decode``). Used to find duplicates, never stored."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    start, end = 0, len(text)
    while start < end and is_blank(text[start]):
        start += 1
    while end > start and is_blank(text[end - 1]):
        end -= 1
    return text[start:end]


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Anything else (a FIFO, a device such as /dev/zero, a directory, a socket)
    is refused with an InputError before a byte is read, so a read can neither
    block forever nor fill the memory. The check is made on the opened file
    (``fstat``), so the file cannot be swapped between the check and the read.
    """
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = ("a FIFO" if stat.S_ISFIFO(st.st_mode) else "a directory" if stat.S_ISDIR(st.st_mode)
                    else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                    else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a file")
            raise InputError(path, f"is not a regular file ({kind}): give a text file")
        if st.st_size > limit:
            raise InputError(path, f"is larger than the {_size(limit)} limit ({st.st_size:,} bytes)")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise InputError(path, f"is larger than the {_size(limit)} limit")
    return data


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n % 2**20 == 0 else f"{n:,} bytes"


def read_text(path: Path) -> str:
    """Read one text file the way every part of the pipeline reads it."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})") from None
    return decode(data, path)


def _umask() -> int:
    """The process's umask (read without changing it where Linux allows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old bytes or the new, never a part.

    The file gets the permissions any new file would (0666 less the umask; an
    existing file keeps its own), not the 0600 of the temporary file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
