"""Errors about the project's inputs, reported as one clear line."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input: names the file (and line or record) so a person can fix it.

    The command-line entry point prints ``str(err)`` and exits non-zero, with
    no traceback: these are problems in the data, not bugs in the code.
    """

    def __init__(self, file: Path | str, message: str, line: int | None = None,
                 record: str | None = None):
        self.file = str(file)
        self.message = message
        self.line = line
        self.record = record
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.record is not None:
            where += f" ({self.record})"
        return f"{where}: {self.message}"


class InputErrors(InputError):
    """Several problems found in one pass (the codebook's checks report every
    breach at once). Each is an InputError; the command line prints one
    ``error:`` line per problem, and ``str()`` gives them one per line."""

    def __init__(self, errors: "list[InputError]"):
        if not errors:
            raise ValueError("InputErrors needs at least one error")
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.file, first.message, line=first.line, record=first.record)

    def __str__(self) -> str:
        return "\n".join(InputError.__str__(e) for e in self.errors)


def validation_message(err, whole: str = "") -> str:
    """The first problem of a pydantic ValidationError as one short phrase,
    ``field: what is wrong``; ``whole`` names a problem with no single field."""
    e = err.errors()[0]
    field = ".".join(str(p) for p in e["loc"]) or whole
    if e["type"] == "extra_forbidden":
        return f"unknown field {field!r}"
    msg = e["msg"].removeprefix("Value error, ")
    return f"{field}: {msg}" if field else msg


class BuildError(Exception):
    """The build failed for a reason that is not bad input (Sphinx's warnings,
    a broken publish): one line, and the last good book stays published."""


class ChapterError(BuildError):
    """A chapter failed to execute; the message names its source file and line."""
