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
import tempfile
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


def read_text(path: Path) -> str:
    """Read one text file the way every part of the pipeline reads it."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})") from None
    return decode(data, path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old bytes or the new, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
