"""Build cost: how the pipeline scales with articles, and what a no-op rebuild costs.

Prints three tables (no timings are committed):

1. validate + prepare (checksums, cleaning, tables) on synthetic corpora of
   100 and 1,000 articles made by recombining the real paragraphs, with
   seconds and articles per second: the cost should grow linearly.
2. the whole `build` on a copy of this project: first (clean) and again with
   nothing changed, which should skip execution and do almost no work.
3. the whole book with 100 and 1,000 articles (the five real ones, annotated,
   and synthetic ones of recombined real paragraphs with their translations):
   clean build, no-op rebuild, one article changed (its translation edited:
   only its page is rebuilt), and the size of the HTML, which should grow
   linearly with the articles (targets here: clean 1,000 under 5 minutes, one
   article changed under a tenth of that).
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
    return sum(p.stat().st_size for p in paths.html.rglob("*.html"))


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
    print()
    print("the whole book with many articles (5 real, the rest synthetic)")
    print(f"{'articles':>9} {'clean s':>8} {'no-op s':>8} {'one changed s':>14} {'HTML MB':>8} {'KB/article':>11}")
    for n in (100, 1_000):
        with tempfile.TemporaryDirectory() as tmp:
            paths = copy_project(Path(tmp) / "book")
            ids = add_synthetic_articles(paths, n - len(load_corpus(paths)))
            clean = build(paths.root)
            size = html_bytes(paths)
            noop = build(paths.root)
            tr = paths.translations / f"{ids[len(ids) // 2]}.yaml"
            tr.write_text(tr.read_text(encoding="utf-8").replace("en: ", "en: (edited) ", 1), encoding="utf-8")
            one = build(paths.root)
            print(f"{n:>9,} {clean:>8.1f} {noop:>8.1f} {one:>14.1f} {size / 1e6:>8.1f} {size / n / 1e3:>11.1f}")


if __name__ == "__main__":
    main()
