"""`add-article`: copies bytes, checksums, appends a validated row, refuses bad input."""
from __future__ import annotations

import codecs
import hashlib

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
