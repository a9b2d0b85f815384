"""`add-article`: copies bytes, checksums, appends a validated row, refuses bad input."""
from __future__ import annotations

import codecs
import hashlib

import pytest

from analysis.corpus import manifest
from analysis.corpus.articles import load_corpus
from tests.conftest import assert_one_clear_error, run_cli

ARABIC = "قالت الشرطة إنها أغلقت نحو 300 قناة على تيليغرام خلال يومين.\n"


def test_adds_a_row_and_the_corpus_still_validates(project, tmp_path):
    src = tmp_path / "new.txt"
    src.write_bytes(codecs.BOM_UTF8 + ARABIC.replace("\n", "\r\n").encode())
    proc = run_cli("add-article", str(src), "--lang", "ar", "--outlet", "Test outlet",
                   "--date", "2019-12", root=project.root)
    assert proc.returncode == 0, proc.stderr
    rows = manifest.load(project.manifest)
    new = rows[-1]
    assert new.id == "005" and new.language == "ar" and new.published == "2019-12"
    assert new.dated_by  # a date always says where it came from
    stored = project.raw / new.file
    assert stored.read_bytes() == src.read_bytes()  # byte for byte, BOM and CRLF kept
    assert new.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    corpus = load_corpus(project)
    assert len(corpus) == 6 and corpus.get("005").raw.startswith("قالت")
    # the earlier rows are untouched, byte for byte
    assert project.manifest.read_text(encoding="utf-8").count("\n") == 7


def test_refuses_a_duplicate(project):
    seed = project.raw / "004_bfb7b1c961b6fb95.txt"
    before = project.manifest.read_bytes()
    assert_one_clear_error(run_cli("add-article", str(seed), "--lang", "ar", root=project.root),
                           "already in the corpus as article 004")
    assert project.manifest.read_bytes() == before


def test_refuses_non_utf8_and_empty(project, tmp_path):
    before = sorted(p.name for p in project.raw.iterdir())
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café".encode("latin-1"))
    assert_one_clear_error(run_cli("add-article", str(latin1), "--lang", "en", root=project.root),
                           "latin1.txt", "not valid UTF-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_clear_error(run_cli("add-article", str(empty), "--lang", "en", root=project.root),
                           "empty.txt", "empty")
    assert sorted(p.name for p in project.raw.iterdir()) == before


def test_refuses_a_bad_date(project, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARABIC, encoding="utf-8")
    assert_one_clear_error(run_cli("add-article", str(src), "--lang", "ar", "--date", "25/11/2019",
                                   root=project.root), "a.txt", "published")


# --- defect 10: files keep the umask -------------------------------------------

def test_added_files_keep_the_umask(project, tmp_path):
    """The raw copy add-article writes gets the usual permissions (0644 under
    umask 022), not mkstemp's 0600; the rewritten manifest keeps its own."""
    import os
    import stat
    import subprocess
    import sys

    src = tmp_path / "new.txt"
    src.write_text(ARABIC, encoding="utf-8")
    os.chmod(project.manifest, 0o644)
    for umask, expected in ((0o022, 0o644), (0o027, 0o640)):
        proc = subprocess.run(
            [sys.executable, "-c",
             f"import os, sys; os.umask({umask:#o}); from analysis.__main__ import main; "
             f"sys.exit(main(sys.argv[1:]))",
             "--root", str(project.root), "add-article", str(src), "--lang", "ar"],
            capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        new = manifest.load(project.manifest)[-1]
        raw = project.raw / new.file
        assert stat.S_IMODE(os.stat(raw).st_mode) == expected, (oct(umask), oct(os.stat(raw).st_mode))
        assert stat.S_IMODE(os.stat(project.manifest).st_mode) == 0o644
        src.write_text(ARABIC + "مرة أخرى\n", encoding="utf-8")  # the next one is not a duplicate


def test_write_atomic_keeps_the_umask(tmp_path):
    import os
    import stat

    from analysis.text.files import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", b"x")
        assert stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode) == 0o644
        os.umask(0o077)
        write_atomic(tmp_path / "b.txt", b"x")
        assert stat.S_IMODE(os.stat(tmp_path / "b.txt").st_mode) == 0o600
    finally:
        os.umask(old)


# --- defect 7: blank text and duplicates on the normalised text -----------------

BLANKS = " \t\u00a0\u2007\u202f\u3000\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\r\n\u2028"


@pytest.mark.parametrize("text", [" \u00a0\u200b\n", BLANKS, "\ufeff\u200b", "\u2003\u2029"])
def test_refuses_text_of_only_spaces_and_format_characters(project, tmp_path, text):
    src = tmp_path / "blank.txt"
    src.write_text(text, encoding="utf-8")
    assert_one_clear_error(run_cli("add-article", str(src), "--lang", "ar", root=project.root),
                           "blank.txt", "empty")


@pytest.mark.parametrize("variant", [
    lambda b: codecs.BOM_UTF8 + b,                                   # a byte-order mark
    lambda b: b.replace(b"\n", b"\r\n"),                             # CRLF line ends
    lambda b: b.replace(b"\n", b"\r"),                               # old Mac line ends
    lambda b: codecs.BOM_UTF8 + b.replace(b"\n", b"\r\n") + b"\r\n",  # both, and a blank line
])
def test_refuses_the_same_text_with_another_bom_or_line_ends(project, tmp_path, variant):
    seed = (project.raw / "004_bfb7b1c961b6fb95.txt").read_bytes()
    src = tmp_path / "again.txt"
    src.write_bytes(variant(seed))
    before = project.manifest.read_bytes()
    assert_one_clear_error(run_cli("add-article", str(src), "--lang", "ar", root=project.root),
                           "again.txt", "already in the corpus as article 004")
    assert project.manifest.read_bytes() == before


# --- defect 5: only regular files, and a size limit -------------------------------

def test_refuses_a_fifo_without_hanging(project, tmp_path):
    import os
    import subprocess

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    try:
        proc = run_cli("add-article", str(fifo), "--lang", "ar", root=project.root, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("add-article hung on a FIFO")
    assert_one_clear_error(proc, "pipe.txt", "not a regular file")


def test_refuses_a_device(project):
    assert_one_clear_error(run_cli("add-article", "/dev/zero", "--lang", "ar", root=project.root,
                                   timeout=60), "/dev/zero", "not a regular file")


def test_refuses_a_directory(project, tmp_path):
    assert_one_clear_error(run_cli("add-article", str(tmp_path), "--lang", "ar", root=project.root),
                           str(tmp_path), "not a regular file")


def test_refuses_a_file_over_the_size_limit(project, tmp_path):
    from analysis.corpus.adding import MAX_ARTICLE_BYTES

    big = tmp_path / "big.txt"
    line = ("نص " * 30 + "\n").encode("utf-8")
    big.write_bytes(line * (MAX_ARTICLE_BYTES // len(line) + 1))
    assert big.stat().st_size > MAX_ARTICLE_BYTES
    before = sorted(p.name for p in project.raw.iterdir())
    assert_one_clear_error(run_cli("add-article", str(big), "--lang", "ar", root=project.root),
                           "big.txt", "larger than", f"{MAX_ARTICLE_BYTES // 2**20} MiB")
    assert sorted(p.name for p in project.raw.iterdir()) == before


# --- defect 1: make add-article passes values to Python untouched ------------------

def test_make_add_article_passes_values_without_a_shell(project, tmp_path):
    """Backticks, $, both quotes, a semicolon and Arabic in the file name and the
    title reach Python exactly as given on make's command line; nothing runs."""
    import os
    import subprocess

    from analysis.paths import REPO_ROOT

    folder = tmp_path / "in"
    folder.mkdir()
    name = "a`touch PWNED`$(touch PWNED2) $HOME \"q\" 'x'; مقال.txt"
    src = folder / name
    src.write_text(ARABIC, encoding="utf-8")
    title = 'قال "توقف" `id` $HOME $(echo hi) \'x\' & | ; # %'
    outlet = "-starts-with-a-dash $PATH"
    env = {**os.environ, "BOOK_ROOT": str(project.root)}
    proc = subprocess.run(["make", "--no-print-directory", "-C", str(REPO_ROOT), "add-article",
                           f"FILE={src}", "LANG=ar", f"TITLE={title}", f"OUTLET={outlet}",
                           "DATE=2019-11"], cwd=folder, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    row = manifest.load(project.manifest)[-1]
    assert (row.title, row.outlet, row.published) == (title, outlet, "2019-11")
    assert (project.raw / row.file).read_bytes() == src.read_bytes()
    for where in (folder, REPO_ROOT, tmp_path):
        assert not list(where.glob("PWNED*")), where
