"""The extract command at corpus scale: every input form, and the same output
in content and ORDER whether it runs serially, on local Dask processes or on
a dask.distributed cluster (a LocalCluster here). No timings: see make bench."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.extract.sources import FilesPart, JsonlPart, jsonl_partitions, run_partition
from analysis.paths import PATHS
from analysis.text.files import read_text

RAW = sorted(PATHS.raw.glob("*.txt"))


def run_extract(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "extract", *args],
                          capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Texts from the real articles' paragraphs, as files in nested folders,
    a list file and a JSON Lines corpus with two bad records and one without an id."""
    root = tmp_path_factory.mktemp("corpus")
    paras = [p for f in RAW for p in read_text(f).split("\n") if p.strip()]
    texts = ["\n".join(paras[(i * 7 + k) % len(paras)] for k in range(i % 5 + 1))
             for i in range(120)]
    files = []
    for i, t in enumerate(texts):
        f = root / "docs" / f"g{i % 3}" / f"{i:03d}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(t, encoding="utf-8")
        files.append(f)
    (root / "docs" / "g1" / "bad.txt").write_bytes(b"caf\xe9 Telegram")
    (root / "docs" / "notes.md").write_text("Telegram", encoding="utf-8")    # not *.txt
    lst = root / "list.txt"
    lst.write_text("# the first twenty, then a missing one\n\n"
                   + "".join(f"{f}\n" for f in files[:20]) + f"{root / 'missing.txt'}\n",
                   encoding="utf-8")
    jl = root / "corpus.jsonl"
    with open(jl, "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"doc": f"d{i}", "body": t}, ensure_ascii=False) + "\n")
            if i == 10:
                fh.write("{not json\n")
            if i == 50:
                fh.write(json.dumps({"doc": "d-no-text"}) + "\n")
            if i == 70:
                fh.write(json.dumps({"body": "uses Telegram"}) + "\n")
    return root


def test_a_directory_gives_its_txt_files_sorted_and_reports_the_bad_one(corpus):
    proc = run_extract(str(corpus / "docs"))
    assert proc.returncode == 1
    files = list(dict.fromkeys(json.loads(l)["file"] for l in proc.stdout.splitlines()))
    expected = [str(corpus / "docs" / f"g{g}" / f"{i:03d}.txt")
                for g in range(3) for i in range(120) if i % 3 == g]
    assert files == [f for f in expected if f in files] and len(files) > 100
    (line,) = proc.stderr.strip().splitlines()
    assert "bad.txt" in line and "UTF-8" in line
    assert "notes.md" not in proc.stdout


def test_glob_and_list_file(corpus):
    by_glob = run_extract(str(corpus / "docs" / "g0" / "*.txt"))
    assert by_glob.returncode == 0, by_glob.stderr
    assert {Path(json.loads(l)["file"]).parent.name for l in by_glob.stdout.splitlines()} == {"g0"}
    nothing = run_extract(str(corpus / "nowhere" / "*.txt"))
    assert nothing.returncode == 1 and "matches no file" in nothing.stderr
    listed = run_extract("--list", str(corpus / "list.txt"))
    assert listed.returncode == 1
    assert len(listed.stderr.strip().splitlines()) == 1 and "missing.txt" in listed.stderr
    names = list(dict.fromkeys(json.loads(l)["file"] for l in listed.stdout.splitlines()))
    assert len(names) >= 15 and all(n.endswith(".txt") for n in names)


def test_jsonl_records_and_their_bad_lines(corpus):
    proc = run_extract("--jsonl", str(corpus / "corpus.jsonl"), "--text-field", "body",
                       "--id-field", "doc")
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{corpus / 'corpus.jsonl'}:12: not a JSON object")
    assert errors[1].startswith(f"{corpus / 'corpus.jsonl'}:53: no text in field 'body'")
    recs = [json.loads(l) for l in proc.stdout.splitlines()]
    ids = list(dict.fromkeys(r["file"] for r in recs))
    assert ids[0] == "d0" and f"{corpus / 'corpus.jsonl'}:74" in ids   # no id: file and line
    text = json.loads((corpus / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[0])["body"]
    for r in recs:
        if r["file"] == "d0":
            assert text[r["start"]:r["end"]] == r["text"]


def _outputs(corpus, *extra, out=None):
    args = [str(corpus / "docs"), "--list", str(corpus / "list.txt"),
            "--jsonl", str(corpus / "corpus.jsonl"), "--text-field", "body", "--id-field", "doc",
            "--partition-size", "7", *extra]
    if out is not None:
        args += ["--out", str(out)]
    proc = run_extract(*args)
    assert "Traceback" not in proc.stderr, proc.stderr
    parts = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())} if out else None
    return proc.returncode, proc.stdout, proc.stderr, parts


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    return (_outputs(corpus),
            _outputs(corpus, out=tmp_path_factory.mktemp("serial-out")))


def test_serial_output_is_partitioned_and_complete(serial):
    (rc, stdout, stderr, _), (rc2, empty, _, parts) = serial
    assert rc == rc2 == 1 and empty == ""
    assert "".join(parts.values()) == stdout
    assert list(parts) == [f"part-{i:05d}.jsonl" for i in range(len(parts))]
    assert len(stdout.splitlines()) > 1000


def test_local_dask_workers_equal_the_serial_run(serial, corpus, tmp_path):
    (rc, stdout, stderr, _), (_, _, _, parts) = serial
    assert _outputs(corpus, "--workers", "2") == (rc, stdout, stderr, None)
    par = _outputs(corpus, "--workers", "2", out=tmp_path / "out")
    assert par[3] == parts and par[:3] == (rc, "", stderr)


def test_a_dask_cluster_equals_the_serial_run(serial, corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    (rc, stdout, stderr, _), (_, _, _, parts) = serial
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        assert _outputs(corpus, "--scheduler", cluster.scheduler_address) == (
            rc, stdout, stderr, None)
        par = _outputs(corpus, "--scheduler", cluster.scheduler_address, out=tmp_path / "out")
    assert par[3] == parts and par[:3] == (rc, "", stderr)


def test_partitions_are_pure_functions_of_their_description(corpus):
    parts = jsonl_partitions(str(corpus / "corpus.jsonl"), 10, "body", "doc")
    assert [p.index for p in parts] == list(range(len(parts)))
    assert sum(p.lines for p in parts) == 123
    assert parts[1].first_line == 11
    assert run_partition(parts[3]) == run_partition(parts[3])
    f = FilesPart(0, (str(corpus / "missing.txt"),))
    r = run_partition(f)
    assert r.jsonl == "" and len(r.errors) == 1 and "missing.txt" in r.errors[0]
    assert isinstance(parts[0], JsonlPart)


def test_progress_only_on_a_terminal(corpus):
    proc = run_extract(str(corpus / "docs" / "g0"))
    assert "[extract]" not in proc.stderr


def test_the_entry_point_has_the_main_guard():
    src = (Path(__file__).resolve().parent.parent / "analysis" / "__main__.py").read_text()
    assert 'if __name__ == "__main__":' in src


def test_jsonl_publication_dates_resolve_relative_dates(tmp_path):
    jl = tmp_path / "dated.jsonl"
    jl.write_text(json.dumps({"id": "a", "text": "أغلقت القنوات الشهر الماضي", "date": "2019-03-12"},
                             ensure_ascii=False) + "\n", encoding="utf-8")
    with_date = run_extract("--jsonl", str(jl), "--date-field", "date")
    assert [json.loads(l)["date"] for l in with_date.stdout.splitlines()] == ["2019-02"]
    without = run_extract("--jsonl", str(jl))
    assert without.stdout == ""
