"""Build cost: how the pipeline scales with articles, and what a no-op rebuild costs.

Prints two tables (no timings are committed):

1. validate + prepare (checksums, cleaning, tables) on synthetic corpora of
   100 and 1,000 articles made by recombining the real paragraphs, with
   seconds and articles per second: the cost should grow linearly.
2. the whole `build` on a copy of this project: first (clean) and again with
   nothing changed, which should skip execution and do almost no work.
"""
from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.book import prepare  # noqa: E402
from analysis.corpus.articles import load_corpus  # noqa: E402
from analysis.corpus.manifest import COLUMNS  # noqa: E402
from analysis.paths import PATHS, Paths  # noqa: E402
from tests.conftest import copy_project  # noqa: E402

SIZES = (100, 1_000)
SEED = 20261123


def synthetic_project(dest: Path, n: int) -> Paths:
    """A project whose corpus is n articles of recombined real paragraphs."""
    import csv

    paths = copy_project(dest)
    shutil.rmtree(paths.annotations, ignore_errors=True)  # claims point into the real texts
    paths.annotations.mkdir(parents=True)
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


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def build(root: Path) -> float:
    def run():
        proc = subprocess.run([sys.executable, "-m", "analysis", "--root", str(root), "build"],
                              capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(proc.stdout + proc.stderr)
    return timed(run)


def main() -> None:
    print("validate + prepare (synthetic corpora)")
    print(f"{'articles':>9} {'seconds':>8} {'articles/s':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            paths = synthetic_project(Path(tmp) / f"p{n}", n)
            dt = timed(lambda: prepare.run(paths))
            print(f"{n:>9,} {dt:>8.2f} {n / dt:>11,.0f}")
    print()
    print("whole build of this project (copy)")
    with tempfile.TemporaryDirectory() as tmp:
        paths = copy_project(Path(tmp) / "book")
        first = build(paths.root)
        again = build(paths.root)
        print(f"{'clean build':>24} {first:>6.1f} s")
        print(f"{'rebuild, nothing changed':>24} {again:>6.1f} s")


if __name__ == "__main__":
    main()
