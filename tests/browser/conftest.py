"""Shared fixtures for browser tests: Debian's Chromium, driven by Playwright,
against the book built once per test session and served on 127.0.0.1.

    book_html     the built book (a temporary copy of the project, built once;
                  or an existing build: BOOK_BROWSER_HTML=_build/html)
    book_url      http://127.0.0.1:<port>/ serving it (a thread, http.server)
    browser       headless Chromium (/usr/bin/chromium; installed with apt-get
                  when missing and the tests run as root, else the tests fail
                  naming what is missing: they are never skipped)
    book_page     a fresh browser page (a BookPage) that records every request
                  and refuses any that would leave 127.0.0.1

Add a browser check for any issue beside test_search.py and use these.
Playwright's own browser download does not work here: it drives the system
Chromium through ``executable_path``.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest



CHROMIUM = Path(os.environ.get("BOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL_HOSTS = {"127.0.0.1"}


def _tail(text: str, n: int = 3) -> str:
    return " / ".join(text.strip().splitlines()[-n:])


def ensure_chromium() -> Path:
    """Debian's Chromium, installed (apt-get, as root) if missing; else fail."""
    if CHROMIUM.exists():
        return CHROMIUM
    why = []
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        why.append("not running as root, so it cannot be installed here (as root: "
                   "apt-get update && apt-get install -y chromium)")
    elif shutil.which("apt-get") is None:
        why.append("apt-get not found (install the Debian package 'chromium')")
    else:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update"],
                    ["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=600", "chromium"]):
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if proc.returncode != 0:
                why.append(f"'{' '.join(cmd)}' failed: {_tail(proc.stdout + proc.stderr)}")
                break
    if CHROMIUM.exists():
        return CHROMIUM
    pytest.fail(f"Chromium is missing: {CHROMIUM} not found (Debian package 'chromium'); "
                + "; ".join(why), pytrace=False)


@pytest.fixture(scope="session")
def chromium() -> Path:
    return ensure_chromium()


@pytest.fixture(scope="session")
def book_html(request) -> Path:
    """The book built once for the session, in a temporary copy of the project (the
    same build the other tests that read HTML use: ``built_book``)."""
    given = os.environ.get("BOOK_BROWSER_HTML")
    if given:
        path = Path(given).resolve()
        if not (path / "search.html").exists():
            pytest.fail(f"BOOK_BROWSER_HTML={given}: no built book there (no search.html)", pytrace=False)
        return path
    return request.getfixturevalue("built_book").html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def book_url(book_html):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(book_html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(chromium):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # pinned in requirements.txt: make test installs it
        pytest.fail(f"playwright is missing ({e}): run make test, which installs requirements.txt",
                    pytrace=False)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.hostname in LOCAL_HOSTS


@dataclass
class BookPage:
    """A browser page on the served book, with every request it made."""
    page: object
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def goto(self, path: str = "book/intro.html") -> None:
        self.page.goto(self.base + path)

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not is_local(u)]


@pytest.fixture
def book_page(browser, book_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    bp = BookPage(None, book_url)

    def route(r):
        if is_local(r.request.url):
            r.continue_()
        else:
            r.abort()                   # refused: nothing leaves the machine (and it is recorded)

    context.on("request", lambda request: bp.requests.append(request.url))
    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: bp.errors.append(str(e)))
    bp.page = page
    yield bp
    context.close()
