"""Adding an article: copy the bytes in, checksum them, append a manifest row.

Only a regular file of at most ``MAX_ARTICLE_BYTES`` is read (README: "Adding an
article"); a FIFO, a device or a directory is refused before any byte is read.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from . import manifest
from .articles import sha256_bytes
from ..errors import InputError, validation_message
from .manifest import ArticleRow
from ..paths import Paths
from ..text.files import comparison_text, decode, is_blank, read_regular_file, write_atomic

# A news article is a few thousand characters; the largest seed is 5 KB. The
# limit stops a wrong file (a dump, a log, an archive renamed .txt) early.
MAX_ARTICLE_BYTES = 2 * 2**20


def add_article(source: Path, language: str, paths: Paths, outlet: str = "", title: str = "",
                published: str = "", dated_by: str = "", notes: str = "") -> ArticleRow:
    """Add ``source`` to the corpus; returns the new manifest row.

    Refuses, with nothing written: anything but a regular file, files over
    ``MAX_ARTICLE_BYTES``, non-UTF-8 files, files with no visible text (only
    spaces, line ends or format characters), and texts already in the corpus,
    compared as text (``comparison_text``: a BOM, CRLF line ends or a final
    blank line do not make a new article).
    """
    data = read_regular_file(source, MAX_ARTICLE_BYTES)
    text = decode(data, source)
    if is_blank(text):
        raise InputError(source, "is empty (only spaces, line ends or invisible characters)")
    rows = manifest.load(paths.manifest)
    digest = sha256_bytes(data)
    key = comparison_text(text)
    for r in rows:
        if r.sha256 == digest:
            raise InputError(source, f"is already in the corpus as article {r.id} ({r.file})")
    for r in rows:
        try:
            existing = decode((paths.raw / r.file).read_bytes(), paths.raw / r.file)
        except (OSError, InputError):
            continue  # validate reports a missing or broken file; it is not this one
        if comparison_text(existing) == key:
            raise InputError(source, f"is already in the corpus as article {r.id} ({r.file}): "
                                     "the same text, saved with another byte-order mark or line ends")
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
