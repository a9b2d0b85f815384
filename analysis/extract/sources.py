"""The extract command's inputs as ordered partitions, and the work on one.

Inputs are files (named, found under a directory, matched by a glob or
listed one per line in a list file) or the records of a JSON Lines corpus.
They are cut into partitions of ``size`` documents, in input order; each
partition is a small picklable description (paths, or a byte range of the
corpus file with its first line number), so a worker -- a local process or
a machine of a Dask cluster -- reads its own documents and the client never
holds the corpus. ``run_partition`` turns one partition into its JSON Lines
and its error lines; the serial loop and every Dask worker call the same
function, which is why their outputs are identical.
"""
from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from . import extract
from .inputs import MAX_BYTES, _size, open_regular, read_regular

OUT_KEYS = ("file", "kind", "start", "end", "text", "value", "unit", "qualifier",
            "per", "date", "canonical")
DEFAULT_PARTITION = 500          # documents per partition
GLOB_CHARS = frozenset("*?[")
DIR_PATTERN = "*.txt"


@dataclass(frozen=True)
class FilesPart:
    index: int
    paths: tuple[str, ...]


@dataclass(frozen=True)
class JsonlPart:
    index: int
    path: str
    start: int                   # byte offsets of whole lines
    end: int
    first_line: int              # 1-based number of the line at ``start``
    text_field: str
    id_field: str
    lines: int = 0               # how many lines (for the progress bar)
    date_field: str | None = None   # field with the publication date (YYYY[-MM[-DD]])


@dataclass
class PartResult:
    index: int
    jsonl: str                   # the partition's mentions, one JSON object a line
    errors: list[str] = field(default_factory=list)
    documents: int = 0           # documents read (failed ones included)


def part_file(folder: str, index: int) -> str:
    return os.path.join(folder, f"part-{index:05d}.jsonl")


def write_part(folder: str, result: PartResult) -> str:
    """A partition's JSON Lines as ``part-NNNNN.jsonl``, whole or not at all."""
    path = part_file(folder, result.index)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(result.jsonl)
    os.replace(tmp, path)
    return path


# --- enumerating inputs (client side) -------------------------------------

def _walk(root: str) -> Iterator[str]:
    """Every ``*.txt`` under a directory, recursively, in sorted order;
    hidden names are skipped and symbolic links to directories not followed."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).match(DIR_PATTERN):
                yield os.path.join(dirpath, name)


def expand(args: list[str], errors: list[str]) -> Iterator[str]:
    """Named inputs as file paths, in order: a directory gives its ``*.txt``
    files, a glob (``*``, ``?``, ``[``; ``**`` recursive) its matches in sorted
    order, anything else itself (a missing or unreadable file is reported
    when it is read). A glob matching nothing is an error line."""
    for a in args:
        if os.path.isdir(a):
            yield from _walk(a)
        elif not os.path.lexists(a) and GLOB_CHARS & set(a):
            found = sorted(p for p in glob.glob(a, recursive=True) if not os.path.isdir(p))
            if not found:
                errors.append(f"{a}: matches no file")
            yield from found
        else:
            yield a


def read_list(list_file: str, errors: list[str]) -> list[str]:
    """The paths in a list file, one a line (blank lines and lines starting
    with ``#`` skipped; relative paths are relative to the working directory)."""
    try:
        text = read_regular(list_file)
    except InputError as err:
        errors.append(str(err))
        return []
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def file_partitions(paths: Iterator[str], size: int, first: int = 0) -> list[FilesPart]:
    parts: list[FilesPart] = []
    chunk: list[str] = []
    for p in paths:
        chunk.append(p)
        if len(chunk) == size:
            parts.append(FilesPart(first + len(parts), tuple(chunk)))
            chunk = []
    if chunk:
        parts.append(FilesPart(first + len(parts), tuple(chunk)))
    return parts


def jsonl_partitions(path: str, size: int, text_field: str, id_field: str,
                     first: int = 0, date_field: str | None = None) -> list[JsonlPart]:
    """Cut a JSON Lines corpus into partitions of ``size`` lines by one pass
    over its bytes (newlines counted, nothing decoded or kept). Raises
    InputError when the corpus itself cannot be read."""
    parts: list[JsonlPart] = []
    with open_regular(path, max_bytes=None) as fh:
        start, pos, line, lines_in = 0, 0, 1, 0
        part_line, last_byte = 1, b""
        while True:
            block = fh.read(1 << 20)
            if not block:
                break
            i = 0
            while True:
                j = block.find(b"\n", i)
                if j < 0:
                    break
                lines_in += 1
                line += 1
                i = j + 1
                if lines_in == size:
                    end = pos + i
                    parts.append(JsonlPart(first + len(parts), path, start, end, part_line,
                                           text_field, id_field, lines_in, date_field))
                    start, part_line, lines_in = end, line, 0
            pos += len(block)
            last_byte = block[-1:]
        if pos > start:
            tail = 0 if last_byte == b"\n" else 1
            parts.append(JsonlPart(first + len(parts), path, start, pos, part_line,
                                   text_field, id_field, lines_in + tail, date_field))
    return parts


# --- the work on one partition (worker side) -----------------------------

def _records(name: str, text: str, published: str | None = None) -> list[str]:
    out = []
    for m in extract(text, published=published):
        d = m.to_dict()
        rec = {"file": name}
        rec.update((k, d[k]) for k in OUT_KEYS[1:])
        # allow_nan=False: a non-finite number is a bug, never invalid JSON
        out.append(json.dumps(rec, ensure_ascii=False, allow_nan=False))
    return out


def _files(part: FilesPart) -> PartResult:
    lines: list[str] = []
    errors: list[str] = []
    for p in part.paths:
        try:
            text = read_regular(p)
        except InputError as err:
            errors.append(str(err))
            continue
        lines += _records(p, text)
    return PartResult(part.index, "".join(l + "\n" for l in lines), errors, len(part.paths))


def _jsonl(part: JsonlPart) -> PartResult:
    lines: list[str] = []
    errors: list[str] = []
    docs = 0
    try:
        fh = open_regular(part.path, max_bytes=None)
    except InputError as err:
        return PartResult(part.index, "", [str(err)], 0)
    with fh:
        fh.seek(part.start)
        pos, lineno = part.start, part.first_line
        while pos < part.end:
            raw = fh.readline(min(MAX_BYTES + 1, part.end - pos))
            if not raw:
                break
            pos += len(raw)
            where = f"{part.path}:{lineno}"
            lineno += 1
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                # skip the rest of the over-long line without keeping it
                while pos < part.end:
                    more = fh.readline(min(1 << 20, part.end - pos))
                    if not more:
                        break
                    pos += len(more)
                    if more.endswith(b"\n"):
                        break
                docs += 1
                errors.append(f"{where}: record is over the limit of {_size(MAX_BYTES)} "
                              f"per document: skipped")
                continue
            if not raw.strip():
                continue
            docs += 1
            try:
                rec = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                errors.append(f"{where}: not a JSON object ({_short(exc)}): skipped")
                continue
            if not isinstance(rec, dict):
                errors.append(f"{where}: not a JSON object: skipped")
                continue
            text = rec.get(part.text_field)
            if not isinstance(text, str):
                errors.append(f"{where}: no text in field {part.text_field!r}: skipped")
                continue
            ident = rec.get(part.id_field)
            name = where if ident is None or isinstance(ident, (dict, list)) else str(ident)
            published = rec.get(part.date_field) if part.date_field else None
            lines += _records(name, text, published if isinstance(published, str) else None)
    return PartResult(part.index, "".join(l + "\n" for l in lines), errors, docs)


def _short(exc: Exception) -> str:
    return str(exc).split("\n")[0][:80]


def run_partition(part: FilesPart | JsonlPart) -> PartResult:
    """Mentions and error lines of one partition: a pure function of the
    partition's inputs, run by the serial loop and by every Dask worker."""
    return _files(part) if isinstance(part, FilesPart) else _jsonl(part)
