"""The extract command's inputs cannot hang, crash or break its output
(issue 18, defects 5 and 6): only regular files are read, up to a stated size,
each bad input gives one line and the rest are still processed; a number too
big for a float never becomes ``Infinity`` in the JSON."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from analysis.extract import extract


def run_extract(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "extract", *args],
                          capture_output=True, text=True, timeout=timeout)


def one_line_per_bad_input(proc, *names):
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == len(names), proc.stderr
    for line, name in zip(lines, names):
        assert name in line, (name, line)
    return lines


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_does_not_hang_and_the_next_file_is_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("uses Telegram", encoding="utf-8")
    try:
        proc = run_extract(str(fifo), str(good), timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("extract hung on a FIFO")
    assert proc.returncode == 1
    (line,) = one_line_per_bad_input(proc, str(fifo))
    assert "not a regular file" in line
    assert [json.loads(l)["canonical"] for l in proc.stdout.splitlines()] == ["telegram"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_one_line_not_a_memory_error(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("uses Telegram", encoding="utf-8")
    try:
        proc = run_extract("/dev/zero", str(good), timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("extract hung on /dev/zero")
    assert proc.returncode == 1
    (line,) = one_line_per_bad_input(proc, "/dev/zero")
    assert "not a regular file" in line
    assert len(proc.stdout.splitlines()) == 1


def test_a_file_over_the_size_limit_is_one_line(tmp_path, monkeypatch):
    from analysis.extract import inputs
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    small = tmp_path / "small.txt"
    small.write_text("uses Telegram", encoding="utf-8")
    with pytest.raises(inputs.InputError, match="over the limit"):
        inputs.read_regular(big, max_bytes=1024)
    assert inputs.read_regular(small, max_bytes=1024) == "uses Telegram"
    # and through the command, with the limit it states in the README
    assert inputs.MAX_BYTES >= 1 << 20
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(inputs.MAX_BYTES + 1)          # sparse: no disk used
    proc = run_extract(str(huge), str(small))
    assert proc.returncode == 1
    (line,) = one_line_per_bad_input(proc, str(huge))
    assert "over the limit" in line
    assert len(proc.stdout.splitlines()) == 1


def test_a_directory_named_as_a_file_is_read_as_its_files(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("uses Telegram", encoding="utf-8")
    proc = run_extract(str(d))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(l)["file"] for l in proc.stdout.splitlines()] == [str(d / "a.txt")]


HUGE = "9" * 400          # 1e400: past the largest finite float (about 1.8e308)


@pytest.mark.parametrize("text", [
    f"أغلقت الشرطة {HUGE} حساب",
    f"closed {HUGE} million accounts",
    f"closed 1{'0' * 300} billion accounts",       # finite digits, infinite with the scale word
])
def test_a_number_past_the_largest_float_has_null_value_and_its_text(text):
    qs = [m for m in extract(text) if m.kind == "quantity"]
    assert len(qs) == 1
    assert qs[0].value is None
    assert qs[0].text in text and qs[0].text[0] in "91"


def test_the_command_never_writes_infinity(tmp_path):
    f = tmp_path / "big-number.txt"
    f.write_text(f"closed {HUGE} accounts and 12 channels", encoding="utf-8")
    proc = run_extract(str(f))
    assert proc.returncode == 0, proc.stderr
    assert "Infinity" not in proc.stdout and "NaN" not in proc.stdout
    recs = [json.loads(l, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
            for l in proc.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in recs] == [(HUGE, None), ("12", 12)]
