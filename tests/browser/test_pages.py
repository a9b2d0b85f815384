"""Every page of the book in a browser (issue 16): at 1280 and 375 px wide, in the
light and the dark theme. A self-test first runs the same checks on a
deliberately broken page and expects each kind of failure to be caught, so a
pass here means something.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.browser.page_checks import WIDTHS, book_pages, dead_links, page_problems

FIXTURES = Path(__file__).parent / "fixtures"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def fixture_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(FIXTURES)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_the_checks_catch_each_kind_of_failure(browser, fixture_url):
    found = page_problems(browser, fixture_url + "broken.html", width=375)
    expected = {
        "console error": "console error: a deliberate console error",
        "missing image": "image not loaded: missing.png",
        "failed request": "HTTP 404",
        "image without alt": "image without alt text: ok.svg",
        "heading skip": "heading skips a level: h1 then h3",
        "unlabelled RTL": "Arabic script not marked right to left",
        "sideways scroll": "scrolls sideways",
        "clipped text": "text clipped",
        "empty header row": "empty table header row",
        "unlabelled cell": "table cell without its column's name",
        "contrast": "axe serious color-contrast",
    }
    missed = [kind for kind, text in expected.items() if not any(text in p for p in found)]
    assert not missed, (missed, found)
    links = dead_links(FIXTURES, [FIXTURES / "broken.html"])
    assert any("missing anchor: #nowhere" in p for p in links), links
    assert any("missing file: gone.html" in p for p in links), links


def test_every_link_and_anchor_resolves(book_html):
    problems = dead_links(book_html)
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("width, scheme", [(1280, "light"), (375, "light"), (1280, "dark"), (375, "dark")])
def test_every_page(book_html, book_url, browser, width, scheme):
    # Accessibility (contrast included) in each theme at the desktop width; the
    # layout checks at both widths.
    problems = []
    for page in book_pages(book_html):
        for p in page_problems(browser, book_url + page, width, scheme, accessibility=width == WIDTHS[0]):
            problems.append(f"{page}: {p}")
    assert not problems, f"{len(problems)} problems at {width}px, {scheme}:\n" + "\n".join(problems[:60])
