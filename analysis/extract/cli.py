"""``python -m analysis extract FILE...``: mentions as JSON Lines on stdout.

Streams file by file (read, extract, write, flush), so memory stays flat
however many files are given.  A file that cannot be read or is not UTF-8
gives one line on stderr (the InputError message, which names it); the other
files are still processed and the exit status is 1.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from ..text.files import read_text
from . import extract

OUT_KEYS = ("file", "kind", "start", "end", "text", "value", "unit", "qualifier",
            "per", "date", "canonical")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis extract",
        description="Extract quantities, dates, platforms, organizations and persons "
                    "from UTF-8 text files; writes JSON Lines to stdout.")
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    args = parser.parse_args(argv)
    status = 0
    out = sys.stdout
    for path in args.files:
        try:
            text = read_text(path)
        except InputError as err:
            print(str(err), file=sys.stderr, flush=True)
            status = 1
            continue
        name = str(path)
        for m in extract(text):
            d = m.to_dict()
            rec = {"file": name}
            rec.update((k, d[k]) for k in OUT_KEYS[1:])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    return status
