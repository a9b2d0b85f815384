"""Extraction speed and memory, on one core and on Dask workers.

1. One core: synthetic corpora of 100, 1,000, 10,000 and 100,000 articles made
   by recombining the real paragraphs of data/raw/*.txt (deterministic, fixed
   seed), each size extracted in a fresh process. Articles per second from
   wall-clock time and from the process's CPU time (the machine is shared:
   CPU time is the steadier of the two), and the process's peak resident
   memory: flat across sizes means nothing accumulates per article. The three
   smaller sizes are run three times and the median is printed, with the
   spread.
2. Dask: the same 100,000 articles as a JSON Lines corpus, through the real
   command (``python -m analysis extract --jsonl``, output to a folder), run
   serially, then on Dask with 1 and 2 local worker processes: seconds,
   articles per second, CPU seconds of all its processes (and how many cores
   that kept busy), the peak memory of the largest worker (sampled with
   psutil) and the speed-up over one worker -- by wall time, and CPU-aware:
   by the CPU seconds of the busiest single process, which is what the wall
   time would be if every process had a core to itself. On a shared machine
   the two differ by the time other jobs held the cores.

Prints tables and commits no timings. ``--quick`` runs smaller sizes.
"""
from __future__ import annotations

import itertools
import json
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

SIZES = (100, 1_000, 10_000, 100_000)
REPEATS = 3                   # for sizes up to 10,000
DASK_ARTICLES = 100_000
SEED = 20240601


def paragraphs() -> tuple[list[str], list[int]]:
    """All non-empty real paragraphs, and how many each real article has."""
    from analysis.paths import PATHS
    from analysis.text.files import read_text

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
    never held in memory, as the command never holds it either)."""
    rng = random.Random(seed)
    for _ in range(n):
        k = rng.choice(counts)
        yield "\n".join(rng.choice(paras) for _ in range(k))


def one_size(n: int) -> dict:
    """Run in a fresh process: extract n articles, report time and memory."""
    import resource

    from analysis.extract import extract

    paras, counts = paragraphs()
    extract("warm-up: تلغرام 12 مليار في نوفمبر 2019")   # tables load outside the timing
    chars = mentions = 0
    wall = cpu = 0.0
    # Made a thousand at a time outside the clock (making one takes about 1 %
    # of extracting it), so the corpus is never held whole.
    made = articles(n, paras, counts)
    while chunk := list(itertools.islice(made, 1000)):
        chars += sum(map(len, chunk))
        w0, c0 = time.perf_counter(), time.process_time()
        for a in chunk:
            mentions += len(extract(a))
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024       # KiB -> MiB
    from analysis.compiled import active
    return {"n": n, "chars": chars, "mentions": mentions, "wall": wall, "cpu": cpu, "rss": rss,
            "compiled": sum(active().values()), "modules": len(active())}


def run_size(n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def single_core(sizes) -> None:
    print("One core (each size in a fresh process; median of "
          f"{REPEATS} runs up to 10,000 articles, spread in brackets)")
    print(f"{'articles':>9} {'chars':>12} {'mentions':>10} {'wall s':>8} "
          f"{'articles/s (wall)':>22} {'articles/s (CPU)':>22} {'peak RSS MiB':>13}")
    for n in sizes:
        runs = [run_size(n) for _ in range(REPEATS if n <= 10_000 else 1)]
        walls = [n / r["wall"] for r in runs]
        cpus = [n / r["cpu"] for r in runs]
        r = runs[0]

        def fmt(xs):
            med = statistics.median(xs)
            return (f"{med:,.0f} [{min(xs):,.0f}-{max(xs):,.0f}]" if len(xs) > 1
                    else f"{med:,.0f}")
        print(f"{n:>9,} {r['chars']:>12,} {r['mentions']:>10,} "
              f"{statistics.median(x['wall'] for x in runs):>8.2f} {fmt(walls):>22} "
              f"{fmt(cpus):>22} {max(x['rss'] for x in runs):>13.1f}", flush=True)
    print(f"({runs[0]['compiled']} of the extractor's {runs[0]['modules']} hot modules ran compiled: "
          "analysis/compiled.py)")


def write_corpus(path: Path, n: int) -> int:
    paras, counts = paragraphs()
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i, a in enumerate(articles(n, paras, counts)):
            line = json.dumps({"id": f"a{i:06d}", "text": a}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
    return size


def run_command(args: list[str]) -> tuple[float, float, float, float, float]:
    """Wall seconds, peak RSS of the command's own process and of its largest
    worker process (MiB), sampled every 0.1 s; the CPU seconds of the command
    and all its workers (from the kernel, once they have ended), and of its
    busiest single process (sampled: the last reading before it ended)."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_of: dict[int, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "extract", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main = psutil.Process(proc.pid)
    peak_main = peak_worker = 0.0
    while proc.poll() is None:
        try:
            peak_main = max(peak_main, main.memory_info().rss)
            t = main.cpu_times()
            cpu_of[main.pid] = t.user + t.system
            for child in main.children(recursive=True):
                try:
                    peak_worker = max(peak_worker, child.memory_info().rss)
                    t = child.cpu_times()
                    cpu_of[child.pid] = t.user + t.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err = proc.stderr.read().decode()
    if proc.returncode:
        raise SystemExit(f"extract failed ({proc.returncode}): {err}")
    return wall, peak_main / 2**20, peak_worker / 2**20, cpu, max(cpu_of.values(), default=0.0)


def dask_table(n: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    try:
        corpus = tmp / "corpus.jsonl"
        size = write_corpus(corpus, n)
        print(f"\nDask: {n:,} synthetic articles as one JSON Lines corpus ({size / 2**20:,.0f} MiB), "
              "through `python -m analysis extract --jsonl ... --out DIR` (start-up included)")
        print(f"{'run':>22} {'seconds':>8} {'articles/s':>11} {'CPU s':>7} {'cores busy':>11} "
              f"{'busiest CPU s':>14} {'peak RSS MiB':>13} {'per worker MiB':>15} "
              f"{'speed-up':>9} {'CPU-aware':>10}")
        rows = []
        for label, extra in (("serial (no Dask)", []), ("Dask, 1 worker", ["--workers", "1"]),
                             ("Dask, 2 workers", ["--workers", "2"])):
            out = tmp / label.replace(" ", "_").replace(",", "")
            rows.append((label, *run_command(["--jsonl", str(corpus), "--out", str(out), *extra])))
            shutil.rmtree(out, ignore_errors=True)
        one, one_busiest = rows[1][1], rows[1][5]
        for label, wall, main, worker, cpu, busiest in rows:
            per = f"{worker:,.0f}" if worker else "-"
            aware = f"{one_busiest / busiest:>9.2f}x" if busiest else "-"
            print(f"{label:>22} {wall:>8.1f} {n / wall:>11,.0f} {cpu:>7.1f} {cpu / wall:>11.2f} "
                  f"{busiest:>14.1f} {main:>13,.0f} {per:>15} {one / wall:>8.2f}x {aware:>10}",
                  flush=True)
        print("speed-up: wall time over Dask with 1 worker (target >= 1.7x with 2 workers on 2 cores).\n"
              "CPU-aware: the same ratio for the busiest single process's CPU seconds, the run's\n"
              "critical path if each process had a core of its own; on a loaded machine the wall\n"
              "speed-up also counts the time other jobs held the cores ('cores busy' = CPU s / wall s).")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(one_size(int(argv[1]))))
        return 0
    quick = "--quick" in argv
    single_core(SIZES[:3] if quick else SIZES)
    dask_table(10_000 if quick else DASK_ARTICLES)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
