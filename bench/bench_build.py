"""Build cost, printed as tables (no timing is committed).

1. This book, in a copy of the project, built with one worker (serial) and
   with one per core (parallel): a clean build; a build with nothing changed
   (no-op); one chapter's input changed (a paragraph added to the Methods
   chapter's source: that chapter re-executes); one article changed (its
   translation edited: its page is rebuilt, and the chapters that read
   translations re-execute). Seconds, and the ratio to the clean build of the
   same column.
2. The whole book with 100 and 1,000 articles (the five real ones, annotated,
   and synthetic ones of recombined real paragraphs with their translations):
   clean, no-op, one article changed, and the size of the HTML.
3. validate + prepare on synthetic corpora of 100 and 1,000 articles.

The machine's load average is printed before and after: the timings are only
as quiet as the machine was. ``--repeat N`` gives the median of N runs of each
cell (each in a fresh copy); ``--sizes 0`` skips table 2.

    .venv/bin/python bench/bench_build.py [--repeat N] [--sizes 100,1000]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.book import prepare  # noqa: E402
from analysis.book.execute import default_jobs  # noqa: E402
from analysis.corpus.articles import load_corpus  # noqa: E402
from analysis.corpus.manifest import COLUMNS  # noqa: E402
from analysis.paths import PATHS, Paths  # noqa: E402
from tests.conftest import copy_project  # noqa: E402

SEED = 20261123


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def build(root: Path, *extra: str, jobs: int | None = None) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "analysis", "--root", str(root), "build", *extra]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.stdout + proc.stderr)
    return dt, proc.stdout


def edit_chapter(paths: Paths) -> None:
    src = paths.book / "methods.py"
    src.write_text(src.read_text(encoding="utf-8")
                   + "\n# %% [markdown]\n# A paragraph added by the benchmark.\n", encoding="utf-8")


def edit_article(paths: Paths, article: str = "001") -> None:
    """Edit the first paragraph of an article's translation (its page changes)."""
    import yaml

    tr = paths.translations / f"{article}.yaml"
    doc = yaml.safe_load(tr.read_text(encoding="utf-8"))
    doc["paragraphs"][0]["en"] = "(edited) " + doc["paragraphs"][0]["en"]
    tr.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def this_book(repeat: int) -> None:
    parallel = default_jobs()
    modes = [("serial", 1), (f"parallel ({parallel} workers)", parallel)]
    rows = ("clean build", "no-op (nothing changed)", "one chapter's input changed", "one article changed")
    cells: dict[tuple[str, str], list[float]] = {}
    checks: list[str] = []
    for _ in range(repeat):
        for mode, jobs in modes:
            with tempfile.TemporaryDirectory() as tmp:
                paths = copy_project(Path(tmp) / "book")
                clean, _ = build(paths.root, jobs=jobs)
                noop, out = build(paths.root, jobs=jobs)
                if not out.startswith("up to date"):
                    checks.append(f"{mode}: the no-op build was not a no-op")
                edit_chapter(paths)
                chapter, out = build(paths.root, jobs=jobs)
                checks += [f"{mode}: chapter edit executed {l.split(':')[0].strip()}"
                           for l in out.splitlines() if ": executed" in l and "methods" not in l]
                edit_article(paths)
                article, _ = build(paths.root, jobs=jobs)
                for row, dt in zip(rows, (clean, noop, chapter, article)):
                    cells.setdefault((row, mode), []).append(dt)
    print(f"this book ({len(load_corpus(PATHS))} articles): seconds (ratio to the clean build of the column), "
          f"median of {repeat} run(s)")
    width = max(len(r) for r in rows)
    print(f"{'':{width}}  " + "  ".join(f"{m:>24}" for m, _ in modes))
    for row in rows:
        line = f"{row:{width}}  "
        for mode, _ in modes:
            t = statistics.median(cells[(row, mode)])
            ratio = t / statistics.median(cells[("clean build", mode)])
            line += f"  {t:>12.2f} s ({ratio:5.3f})"
        print(line)
    for c in checks:
        print("  note:", c)


# --- many articles ----------------------------------------------------------------

def paragraph_pool(real) -> list[tuple[str, str, str]]:
    """(language, text, translation) of every translated body paragraph of the real articles."""
    from analysis.corpus.translations import load_translations

    translations = load_translations(PATHS, real)
    return [(a.language, a.clean.text[p.start:p.end], translations[a.id].paragraphs[p.n])
            for a in real for p in a.paragraphs if p.n in translations[a.id].paragraphs]


def add_synthetic_articles(paths: Paths, n: int) -> list[str]:
    """Append n synthetic articles (recombined real paragraphs, each with its
    translation) to a copy of the project; returns their ids."""
    import csv
    import yaml

    pool = paragraph_pool(load_corpus(PATHS))
    rng = random.Random(SEED)
    first = len(load_corpus(paths))
    rows, ids = [], []
    for i in range(first, first + n):
        lang = rng.choice(["ar", "fa"])
        # distinct paragraphs: repeated lines at the top would be read as a masthead
        same = [p for p in pool if p[0] == lang]
        chosen = rng.sample(same, min(len(same), rng.randint(8, 14)))
        data = ("\n".join(text for _, text, _ in chosen) + "\n").encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        aid = f"{i:04d}" if first + n > 1000 else f"{i:03d}"
        name = f"{aid}_{digest[:16]}.txt"
        (paths.raw / name).write_bytes(data)
        rows.append([aid, name, digest, lang, "Synthetic outlet", "", "2019-11",
                     "synthetic: recombined real paragraphs", "synthetic"])
        doc = {"article": aid, "paragraphs": [
            {"n": k, "starts": " ".join(text.split()[:3]), "en": en}
            for k, (_, text, en) in enumerate(chosen, 1)]}
        (paths.translations / f"{aid}.yaml").write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        ids.append(aid)
    with open(paths.manifest, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return ids


def html_bytes(paths: Paths) -> int:
    return sum(p.stat().st_size for p in paths.html.resolve().rglob("*.html"))


def many_articles(sizes: list[int]) -> None:
    print("the whole book with many articles (5 real, the rest synthetic), one worker per core")
    print(f"{'articles':>9} {'clean s':>8} {'no-op s':>8} {'(ratio)':>8} {'one changed s':>14} {'(ratio)':>8}"
          f" {'HTML MB':>8} {'KB/article':>11}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            paths = copy_project(Path(tmp) / "book")
            ids = add_synthetic_articles(paths, n - len(load_corpus(paths)))
            clean, _ = build(paths.root)
            size = html_bytes(paths)
            noop, _ = build(paths.root)
            edit_article(paths, ids[len(ids) // 2])
            one, _ = build(paths.root)
            print(f"{n:>9,} {clean:>8.1f} {noop:>8.2f} {noop / clean:>8.3f} {one:>14.1f} {one / clean:>8.3f}"
                  f" {size / 1e6:>8.1f} {size / n / 1e3:>11.1f}")


def synthetic_project(dest: Path, n: int) -> Paths:
    """A project whose corpus is n articles of recombined real paragraphs."""
    import csv

    paths = copy_project(dest)
    # claims and translations belong to the real texts, which are replaced
    for folder in (paths.annotations, paths.translations):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for p in paths.raw.iterdir():
        p.unlink()
    real = load_corpus(PATHS)
    paras = [(a.language, a.raw[p.raw_start:p.raw_end]) for a in real for p in a.paragraphs]
    rng = random.Random(SEED)
    rows = []
    for i in range(n):
        lang = rng.choice(["ar", "fa"])
        pool = [t for l, t in paras if l == lang]
        text = "\n".join(rng.choice(pool) for _ in range(rng.randint(8, 14))) + "\n"
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        aid = f"{i:04d}"
        name = f"{aid}_{digest[:16]}.txt"
        (paths.raw / name).write_bytes(data)
        rows.append({"id": aid, "file": name, "sha256": digest, "language": lang, "outlet": "",
                     "title": "", "published": "", "dated_by": "", "notes": "synthetic"})
    with open(paths.manifest, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return paths


def validate_prepare(sizes: list[int]) -> None:
    print("validate + prepare (synthetic corpora)")
    print(f"{'articles':>9} {'seconds':>8} {'articles/s':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            paths = synthetic_project(Path(tmp) / f"p{n}", n)
            t0 = time.perf_counter()
            prepare.run(paths)
            dt = time.perf_counter() - t0
            print(f"{n:>9,} {dt:>8.2f} {n / dt:>11,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="median of N runs per cell")
    parser.add_argument("--sizes", default="100,1000", help="article counts for table 2 (0: skip)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if int(s) > 0]
    print(f"before: {load()}")
    this_book(args.repeat)
    print()
    if sizes:
        many_articles(sizes)
        print()
        validate_prepare(sizes)
        print()
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
