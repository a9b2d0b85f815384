"""Extraction speed and memory on synthetic corpora of 100, 1,000 and 10,000
articles made by recombining the real paragraphs of data/raw/*.txt.

Deterministic (fixed seed); prints a table, commits no timings.  Memory is the
tracemalloc peak of one extraction pass over the corpus, measured in a
separate pass from the timing so tracing does not slow the timed run.  A flat
peak across sizes means nothing accumulates per article.
"""
from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extract import extract  # noqa: E402
from analysis.paths import PATHS  # noqa: E402
from analysis.text.files import read_text  # noqa: E402

SIZES = (100, 1_000, 10_000)
SEED = 20240601


def paragraphs() -> tuple[list[str], list[int]]:
    """All non-empty real paragraphs, and how many each real article has."""
    paras: list[str] = []
    counts: list[int] = []
    for path in sorted(PATHS.raw.glob("*.txt")):
        ps = [p for p in read_text(path).split("\n") if p.strip()]
        paras += ps
        counts.append(len(ps))
    return paras, counts


def articles(n: int, paras: list[str], counts: list[int], seed: int = SEED):
    """Yield n articles, each as many random real paragraphs as a random real
    article has, so lengths follow the real ones (a generator: the corpus is
    never held in memory, as the CLI never holds it either)."""
    rng = random.Random(seed)
    for _ in range(n):
        k = rng.choice(counts)
        yield "\n".join(rng.choice(paras) for _ in range(k))


def run(n: int, paras: list[str], counts: list[int]) -> tuple[float, int, int, int]:
    chars = mentions = 0
    t0 = time.perf_counter()
    for a in articles(n, paras, counts):
        chars += len(a)
        mentions += len(extract(a))
    dt = time.perf_counter() - t0
    tracemalloc.start()
    for a in articles(n, paras, counts):
        extract(a)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return dt, peak, chars, mentions


def main() -> int:
    paras, counts = paragraphs()
    extract("warm-up: تلغرام 12 مليار")   # load tables outside the timings
    print(f"{'articles':>9} {'chars':>11} {'mentions':>9} {'seconds':>8} "
          f"{'articles/s':>11} {'peak MiB':>9}")
    for n in SIZES:
        dt, peak, chars, mentions = run(n, paras, counts)
        print(f"{n:>9,} {chars:>11,} {mentions:>9,} {dt:>8.2f} {n / dt:>11,.0f} "
              f"{peak / 2**20:>9.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
