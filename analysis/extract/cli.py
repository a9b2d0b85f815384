"""``python -m analysis extract``: mentions as JSON Lines, from files or a corpus.

Inputs, in this order: the positional arguments (files, directories -- every
``*.txt`` under them, sorted -- and globs), the paths in ``--list FILE``, and
the records of ``--jsonl FILE``. They are cut into partitions of
``--partition-size`` documents; ``--workers N`` runs the partitions on Dask
(N local processes) and ``--scheduler tcp://HOST:8786`` on a running
Dask cluster. Output is the same in content and order whichever way it runs:
streamed to stdout, or written as ``part-NNNNN.jsonl`` files in ``--out DIR``
(one per partition). Memory stays flat however many documents there are.

An input that cannot be read (missing, not a regular file, over the size
limit, not UTF-8, a bad JSON Lines record) gives one line on stderr naming it;
the others are still processed and the exit status is 1.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import InputError
from .inputs import MAX_TEXT
from .sources import (DEFAULT_PARTITION, OUT_KEYS, PartResult, expand, file_partitions,
                      jsonl_partitions, read_list, run_partition, write_part)

__all__ = ["main", "OUT_KEYS"]


class Progress:
    """Documents done, on one rewritten line of stderr; only on a terminal."""

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.on = self.stream.isatty()
        self.total, self.done = total, 0

    def add(self, n: int) -> None:
        if self.on:
            self.done += n
            self.stream.write(f"\r[extract] {self.done:,}/{self.total:,} documents")
            self.stream.flush()

    def close(self) -> None:
        if self.on and self.total:
            self.stream.write("\n")
            self.stream.flush()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m analysis extract",
        description="Extract quantities, dates, platforms, organizations and persons from "
                    "UTF-8 texts; writes JSON Lines to stdout or to --out DIR.")
    p.add_argument("inputs", nargs="*", metavar="PATH",
                   help="a file, a directory (its *.txt files, recursively) or a glob")
    p.add_argument("--list", dest="list_file", metavar="FILE",
                   help="a file listing input paths, one a line")
    p.add_argument("--jsonl", metavar="FILE", help="a JSON Lines corpus, one document a line")
    p.add_argument("--text-field", default="text", help="the --jsonl field holding the text")
    p.add_argument("--id-field", default="id",
                   help="the --jsonl field naming the document (output key 'file')")
    p.add_argument("--date-field", metavar="FIELD",
                   help="the --jsonl field with each document's publication date (YYYY, YYYY-MM "
                        "or YYYY-MM-DD): relative dates such as 'last month' are resolved against it")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="run on Dask with N local worker processes (default: serially, no Dask)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a running dask.distributed cluster (tcp://HOST:8786)")
    p.add_argument("--out", metavar="DIR",
                   help="write part-NNNNN.jsonl files here instead of stdout")
    p.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION, metavar="N",
                   help=f"documents per partition (default {DEFAULT_PARTITION})")
    p.epilog = f"Each document (file or JSON Lines record) may be at most {MAX_TEXT}."
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if not (args.inputs or args.list_file or args.jsonl):
        parser().error("give at least one PATH, --list FILE or --jsonl FILE")
    if (args.workers is not None and args.workers < 1) or args.partition_size < 1:
        parser().error("--workers and --partition-size must be at least 1")

    errors: list[str] = []
    names = list(expand(args.inputs, errors))
    if args.list_file:
        names += read_list(args.list_file, errors)
    parts = list(file_partitions(iter(names), args.partition_size))
    total = len(names)
    if args.jsonl:
        try:
            jparts = jsonl_partitions(args.jsonl, args.partition_size, args.text_field,
                                      args.id_field, first=len(parts), date_field=args.date_field)
        except InputError as err:
            errors.append(str(err))
            jparts = []
        parts += jparts
        total += sum(p.lines for p in jparts)
    for e in errors:
        print(e, file=sys.stderr, flush=True)
    failed = bool(errors)

    out_dir = args.out
    if out_dir is not None:
        os.makedirs(out_dir, exist_ok=True)
    progress = Progress(total)
    failures = [failed]

    def emit(r: PartResult) -> None:
        if r.jsonl and out_dir is None:
            sys.stdout.write(r.jsonl)
            sys.stdout.flush()
        elif out_dir is not None and args.scheduler:
            write_part(out_dir, r)
        for e in r.errors:
            print(e, file=sys.stderr, flush=True)
        if r.errors:
            failures[0] = True
        progress.add(r.documents)

    try:
        if args.scheduler:
            from .parallel import run_cluster
            run_cluster(parts, args.scheduler, emit)
        elif args.workers is not None:
            from .parallel import run_local
            run_local(parts, args.workers, emit, out_dir)
        else:
            for part in parts:
                r = run_partition(part)
                if out_dir is not None:
                    write_part(out_dir, r)
                    r.jsonl = ""
                emit(r)
    finally:
        progress.close()
    return 1 if failures[0] else 0
