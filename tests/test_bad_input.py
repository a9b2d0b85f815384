"""Bad input stops validation with one clear message naming the file (and row)."""
from __future__ import annotations

import codecs
import hashlib

import pytest

from analysis.corpus import manifest
from analysis.corpus.articles import load_corpus
from analysis.errors import InputError
from tests.conftest import assert_one_clear_error, run_cli

SEED = "001_734873eef59bcec4.txt"


def _rewrite(project, name: str, data: bytes, fix_checksum: bool = True):
    """Replace a raw file's bytes; optionally record the new checksum in the manifest."""
    (project.raw / name).write_bytes(data)
    if fix_checksum:
        text = project.manifest.read_text(encoding="utf-8")
        rows = manifest.load(project.manifest)
        old = next(r.sha256 for r in rows if r.file == name)
        project.manifest.write_text(text.replace(old, hashlib.sha256(data).hexdigest()),
                                    encoding="utf-8")


def test_seed_corpus_validates(project):
    proc = run_cli("validate", root=project.root)
    assert proc.returncode == 0, proc.stderr
    assert "5 articles" in proc.stdout


def test_appended_byte_is_a_checksum_mismatch(project):
    path = project.raw / SEED
    path.write_bytes(path.read_bytes() + b" ")
    assert_one_clear_error(run_cli("validate", root=project.root),
                           f"data/raw/{SEED}", "checksum mismatch", "line 3")


def test_invalid_utf8_names_file_and_line(project):
    data = (project.raw / SEED).read_bytes()
    bad = data.replace("يوروبول".encode(), b"\xff\xfe\xfd", 1)
    _rewrite(project, SEED, bad)
    line = bad[: bad.index(b"\xff")].count(b"\n") + 1
    assert_one_clear_error(run_cli("validate", root=project.root),
                           f"data/raw/{SEED}:{line}", "not valid UTF-8")


def test_utf16_is_refused(project):
    text = (project.raw / SEED).read_text(encoding="utf-8")
    _rewrite(project, SEED, codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert_one_clear_error(run_cli("validate", root=project.root), SEED, "UTF-16")


def test_utf16_without_bom_is_refused(project):
    text = (project.raw / SEED).read_text(encoding="utf-8")
    _rewrite(project, SEED, text.encode("utf-16-le"))
    assert_one_clear_error(run_cli("validate", root=project.root), SEED)


def test_bom_is_accepted_and_offsets_ignore_it(project):
    original = (project.raw / SEED).read_text(encoding="utf-8")
    _rewrite(project, SEED, codecs.BOM_UTF8 + original.encode("utf-8"))
    article = load_corpus(project).get("001")
    assert article.raw == original  # BOM dropped: offsets are the same as without it
    tweet = article.tweets[0]
    assert article.raw[tweet.text_start:tweet.text_start + 10] == ".@telegram"


def test_crlf_is_accepted_and_spans_map_back(project):
    original = (project.raw / SEED).read_text(encoding="utf-8")
    crlf = original.replace("\n", "\r\n")
    _rewrite(project, SEED, crlf.encode("utf-8"))
    article = load_corpus(project).get("001")
    assert article.raw == crlf  # the raw text keeps its CRs
    assert "\r" not in article.clean.text
    for p in article.paragraphs:
        # each paragraph maps to a raw span that holds the same words
        assert article.raw[p.raw_start:p.raw_end] == article.clean.text[p.start:p.end]
    assert [t.handle for t in article.tweets] == ["AbdirahimS", "Europol", "akhbar", "akhbar"]


@pytest.mark.parametrize("data", [b"", b"   \n\n"])
def test_empty_file_is_refused(project, data):
    _rewrite(project, SEED, data)
    assert_one_clear_error(run_cli("validate", root=project.root), SEED, "empty")


def test_missing_file_names_manifest_row(project):
    (project.raw / SEED).unlink()
    assert_one_clear_error(run_cli("validate", root=project.root),
                           "data/articles.csv:3", "id 001", SEED, "missing")


def test_file_without_manifest_row(project):
    (project.raw / "005_stray.txt").write_text("نص", encoding="utf-8")
    assert_one_clear_error(run_cli("validate", root=project.root),
                           "data/raw/005_stray.txt", "no row")


@pytest.mark.parametrize("mangle, fragments", [
    (lambda t: t.replace("id,file,", "id,filename,", 1), ["data/articles.csv:1", "header"]),
    (lambda t: t + '006,"unterminated,\n', ["data/articles.csv:7"]),
    (lambda t: t.replace(",fa,", ",xx,", 1), ["data/articles.csv:2", "language"]),
    (lambda t: t.replace(",2019-11,", ",2019-13,", 1), ["data/articles.csv:3", "published"]),
    (lambda t: t.replace("\n001,", "\n000,", 1), ["data/articles.csv:3"]),
    (lambda t: t + "005,x.txt\n", ["data/articles.csv:7", "expected 9 fields"]),
    (lambda t: "", ["data/articles.csv", "empty"]),
])
def test_malformed_manifest(project, mangle, fragments):
    text = project.manifest.read_text(encoding="utf-8")
    project.manifest.write_text(mangle(text), encoding="utf-8")
    assert_one_clear_error(run_cli("validate", root=project.root), *fragments)


def test_nul_bytes_are_refused(project):
    _rewrite(project, SEED, b"abc\x00def")
    with pytest.raises(InputError, match="NUL"):
        load_corpus(project)
