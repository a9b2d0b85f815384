"""The article manifest, ``data/articles.csv``: its schema, reading and appending.

One row per article. The manifest is the only place an article's metadata
lives; the raw file is named by it and checked against its sha256.
Reading is strict: a malformed file or an invalid row stops with an
InputError naming the manifest and the line.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import InputError, validation_message
from ..text.files import write_atomic

COLUMNS = ["id", "file", "sha256", "language", "outlet", "title", "published",
           "dated_by", "notes"]
LANGUAGES = ("ar", "fa", "en")
# Partial dates are allowed, and say how precise they are by their length.
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ArticleRow(BaseModel):
    """One manifest row. Blank means "not shown by the text", never a guess."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    id: str = Field(pattern=r"^\d{3,}$")
    file: str = Field(pattern=r"^[\w.-]+\.txt$")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    language: Literal["ar", "fa", "en"]
    outlet: str = ""
    title: str = ""
    published: str = ""
    dated_by: str = ""
    notes: str = ""

    @field_validator("published")
    @classmethod
    def _iso_partial_date(cls, value: str) -> str:
        if value == "":
            return value
        if not _PARTIAL_DATE.match(value):
            raise ValueError(f"published {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            date(parts[0], parts[1], parts[2])
        except ValueError as err:
            raise ValueError(f"published {value!r} is not a real date ({err})") from None
        return value

    @model_validator(mode="after")
    def _date_needs_reason(self) -> "ArticleRow":
        if self.published and not self.dated_by.strip():
            raise ValueError("a published date needs dated_by (how it was inferred)")
        if not self.file.startswith(self.id + "_"):
            raise ValueError(f"file {self.file!r} must start with the id {self.id!r} and '_'")
        return self

    @property
    def date_precision(self) -> str:
        return {0: "unknown", 4: "year", 7: "month", 10: "day"}[len(self.published)]


def _row_error(path: Path, line: int, row_id: str | None, err: ValidationError) -> InputError:
    return InputError(path, validation_message(err, whole="row"), line=line,
                      record=f"id {row_id}" if row_id else None)


def parse(text: str, path: Path) -> list[ArticleRow]:
    """Parse manifest CSV text into validated rows (pure; ``path`` only names errors)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as err:
        raise InputError(path, f"malformed CSV ({err})", line=1) from None
    if header is None:
        raise InputError(path, "is empty: expected a header row " + ",".join(COLUMNS), line=1)
    if header != COLUMNS:
        raise InputError(path, f"header must be exactly {','.join(COLUMNS)} "
                               f"(found {','.join(header)})", line=1)
    rows: list[ArticleRow] = []
    seen_ids: dict[str, int] = {}
    seen_sha: dict[str, int] = {}
    line = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise InputError(path, f"malformed CSV ({err})", line=reader.line_num) from None
        line = reader.line_num
        if not values:
            continue  # a blank line carries nothing
        if len(values) != len(COLUMNS):
            raise InputError(path, f"expected {len(COLUMNS)} fields, found {len(values)}",
                             line=line)
        record = dict(zip(COLUMNS, values))
        try:
            row = ArticleRow(**record)
        except ValidationError as err:
            raise _row_error(path, line, record.get("id") or None, err) from None
        if row.id in seen_ids:
            raise InputError(path, f"duplicate id {row.id} (first on line {seen_ids[row.id]})",
                             line=line)
        if row.sha256 in seen_sha:
            raise InputError(path, f"duplicate sha256: same bytes as line {seen_sha[row.sha256]}",
                             line=line, record=f"id {row.id}")
        seen_ids[row.id] = line
        seen_sha[row.sha256] = line
        rows.append(row)
    return rows


def _read(path: Path) -> str:
    if not path.exists():
        raise InputError(path, "manifest not found")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"is not valid UTF-8 (byte offset {err.start})",
                         line=raw[: err.start].count(b"\n") + 1) from None
    return text


def load(path: Path) -> list[ArticleRow]:
    return parse(_read(path), path)


def line_numbers(path: Path) -> dict[str, int]:
    """Manifest line of each id (for messages that point at a row)."""
    reader = csv.reader(io.StringIO(_read(path), newline=""))
    next(reader, None)
    return {values[0]: reader.line_num for values in reader if values}


def format_row(row: ArticleRow) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([getattr(row, c) for c in COLUMNS])
    return buf.getvalue()


def append(path: Path, row: ArticleRow) -> None:
    """Append one row, atomically: the manifest is either old or old + row."""
    existing = path.read_bytes()
    if existing and not existing.endswith(b"\n"):
        existing += b"\n"
    new = existing + format_row(row).encode("utf-8")
    parse(new.decode("utf-8-sig"), path)  # never write a manifest we could not read back
    write_atomic(path, new)


def next_id(rows: list[ArticleRow]) -> str:
    width = max([len(r.id) for r in rows] + [3])
    return str(max([int(r.id) for r in rows] + [-1]) + 1).zfill(width)
