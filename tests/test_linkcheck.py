"""The offline link check: what it catches on a small made-up book."""
from __future__ import annotations

from analysis.book.linkcheck import check
from tests.conftest import run_cli

PAGES = {
    "index.html": '<a href="book/a.html#x">a</a> <a href="book/">folder</a> <a href="#top" id="top">t</a>'
                  '<link href="_static/s.css?v=1"> <a href="https://example.org/x">out</a>',
    "book/index.html": "<p>folder index</p>",
    "book/a.html": '<h1 id="x">A</h1><img src="../img/p.png" srcset="../img/p.png 1x, ../img/q.png 2x">',
    "_static/s.css": '@font-face { src: url("fonts/f.woff2"); }',
    "_static/fonts/f.woff2": "",
    "img/p.png": "",
    "img/q.png": "",
    "_static/theme-macro.html": "<a href=\"{{ pathto('x') }}\">not a page</a>",
}


def make(tmp_path, extra=None):
    for rel, text in {**PAGES, **(extra or {})}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_sound_book_passes(tmp_path):
    report = check(make(tmp_path))
    assert report.broken == [], report.broken
    assert report.pages == 3 and report.external == 1


def test_every_kind_of_break_is_caught(tmp_path):
    root = make(tmp_path, {"book/b.html": '<a href="a.html#nope">1</a><a href="gone.html">2</a>'
                                          '<a href="../../outside.html">3</a><a href="javascript:alert(1)">4</a>'
                                          '<a href="#here">5</a>',
                           "_static/t.css": "x { background: url(missing.png) }"})
    broken = "\n".join(check(root).broken)
    for fragment in ("no element with id 'nope'", "gone.html (no such file)", "points outside the book",
                     "javascript:", "#here (no element", "missing.png"):
        assert fragment in broken, (fragment, broken)


def test_the_command_exits_1_on_a_broken_link(tmp_path):
    root = make(tmp_path, {"book/b.html": '<a href="gone.html">x</a>'})
    proc = run_cli("linkcheck", str(root))
    assert proc.returncode == 1 and "broken: book/b.html: gone.html" in proc.stderr
