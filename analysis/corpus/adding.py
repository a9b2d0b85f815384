"""Adding an article: copy the bytes in, checksum them, append a manifest row."""
from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from . import manifest
from .articles import sha256_bytes
from ..errors import InputError, validation_message
from .manifest import ArticleRow
from ..paths import Paths
from ..text.files import decode, write_atomic


def add_article(source: Path, language: str, paths: Paths, outlet: str = "", title: str = "",
                published: str = "", dated_by: str = "", notes: str = "") -> ArticleRow:
    """Add ``source`` to the corpus; returns the new manifest row.

    Refuses, with nothing written: unreadable, non-UTF-8 or empty files, and
    bytes already in the corpus (same sha256).
    """
    try:
        data = source.read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror})") from None
    text = decode(data, source)
    if not text.strip():
        raise InputError(source, "is empty")
    rows = manifest.load(paths.manifest)
    digest = sha256_bytes(data)
    for r in rows:
        if r.sha256 == digest:
            raise InputError(source, f"is already in the corpus as article {r.id} ({r.file})")
    new_id = manifest.next_id(rows)
    if published and not dated_by:
        dated_by = "date given by the contributor when adding the article"
    try:
        row = ArticleRow(id=new_id, file=f"{new_id}_{digest[:16]}.txt", sha256=digest,
                         language=language, outlet=outlet, title=title, published=published,
                         dated_by=dated_by, notes=notes)
    except ValidationError as err:
        raise InputError(source, validation_message(err, whole="row")) from None
    dest = paths.raw / row.file
    write_atomic(dest, data)  # the bytes as they are: BOM and line ends kept
    try:
        manifest.append(paths.manifest, row)
    except BaseException:
        dest.unlink(missing_ok=True)  # no raw file without its row
        raise
    return row
