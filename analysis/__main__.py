"""Command line: every pipeline step is also a command.

    python -m analysis validate              check manifest, checksums, encodings, annotations
    python -m analysis prepare               cleaned texts and tables → data/processed/
    python -m analysis execute [NAME ...]    run chapter notebooks with papermill
    python -m analysis pages                 article pages, the Articles index, the table of contents
    python -m analysis build [--clean] [-j N]  all of the above, then the HTML book
    python -m analysis linkcheck [FOLDER]    offline check of every link in the built book
    python -m analysis add-article FILE --lang ar|fa|en [--outlet ...]
    python -m analysis extract FILE ...      mentions as JSON Lines
    python -m analysis compile               the extractor's hot modules compiled (Cython)

Problems with the input print one line each, naming the file, and exit 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .paths import Paths


def _paths(args) -> Paths:
    return Paths(Path(args.root).resolve()) if args.root else Paths.from_env()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "compile":
        # before argparse: this runs on every make target that runs code
        from .compiled import main as compile_main
        return compile_main()
    if argv and argv[0] == "extract":
        # The extractor has its own streaming CLI (one error line per bad file).
        from .extract.cli import main as extract_main
        return extract_main(argv[1:])

    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", help="project root to work on (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check the manifest, raw articles, annotations and facts")
    sub.add_parser("prepare", help="write cleaned texts and tables to data/processed/")
    ex = sub.add_parser("execute", help="execute chapter notebooks")
    ex.add_argument("names", nargs="*")
    ex.add_argument("--force", action="store_true")
    ex.add_argument("--jobs", "-j", type=int, default=None, help="chapters at a time (default: one per core)")
    sub.add_parser("pages", help="write the article pages and the table of contents")
    b = sub.add_parser("build", help="validate, prepare, execute and build the HTML book")
    b.add_argument("--clean", action="store_true", help="re-execute and rebuild everything")
    b.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes (default: one per core; BOOK_JOBS)")
    lc = sub.add_parser("linkcheck", help="check every link of the built book, offline")
    lc.add_argument("folder", nargs="?", type=Path, default=None, help="default: _build/html")
    add = sub.add_parser("add-article", help="add a raw article to the corpus")
    add.add_argument("file", type=Path)
    add.add_argument("--lang", required=True, choices=["ar", "fa", "en"])
    add.add_argument("--outlet", default="")
    add.add_argument("--title", default="")
    add.add_argument("--date", default="", help="YYYY, YYYY-MM or YYYY-MM-DD")
    add.add_argument("--dated-by", default="")
    add.add_argument("--notes", default="")
    sub.add_parser("extract", help="mentions as JSON Lines (see README)")
    sub.add_parser("compile", help="compile the extractor's hot modules (Cython), if changed")
    args = parser.parse_args(argv)
    paths = _paths(args)

    from .errors import BuildError
    try:
        if args.command == "validate":
            from .evidence.loader import load_evidence
            evidence = load_evidence(paths)
            print(f"ok: {len(evidence.corpus)} articles, manifest and checksums verified; "
                  f"{len(evidence.claims)} claims checked against their texts and the reference data")
        elif args.command == "prepare":
            from .book import prepare
            from .book.release import BuildLock
            with BuildLock(paths):
                written = prepare.run(paths)
            print(f"ok: {len(written)} file(s) written to data/processed/")
        elif args.command == "execute":
            from .book import execute
            from .book.release import BuildLock
            from .corpus.articles import load_corpus
            with BuildLock(paths):
                load_corpus(paths)
                execute.run(paths, tuple(args.names) or None, force=args.force, jobs=args.jobs)
        elif args.command == "pages":
            from .book import pages, status
            from .book.build import status_info
            from .book.prepare import write_atomic
            from .book.release import BuildLock
            from .evidence.loader import load_evidence
            with BuildLock(paths):
                written = pages.run(paths, load_evidence(paths))
                write_atomic(status.page_path(paths), status.page_source(status_info(paths)))
            print(f"ok: {len(written)} file(s) written to book/articles/ and _build/toc.yml")
        elif args.command == "build":
            from .book import build
            build.run(paths, clean=args.clean, jobs=args.jobs)
        elif args.command == "linkcheck":
            from .book import linkcheck
            report = linkcheck.check(args.folder or paths.html)
            for line in report.broken:
                print(f"broken: {line}", file=sys.stderr)
            print(report.summary())
            if report.broken:
                return 1
        elif args.command == "add-article":
            from .book.release import BuildLock
            from .corpus.adding import add_article
            with BuildLock(paths):   # not in the middle of a build, nor of another add-article
                row = add_article(args.file, args.lang, paths, outlet=args.outlet, title=args.title,
                                  published=args.date, dated_by=args.dated_by, notes=args.notes)
            print(f"added article {row.id}: data/raw/{row.file} (sha256 {row.sha256[:12]}…)")
    except (InputError, BuildError) as err:
        # One line per problem (the codebook's checks may find several at once).
        for one in getattr(err, "errors", [err]):
            print(f"error: {one}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
