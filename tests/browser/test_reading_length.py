"""Findings first, and chapters a phone can read (issue 16): on a 1280 x 900
screen each chapter's "In short" (the introduction's "Key findings") ends
without scrolling, and at 375 px no chapter is longer than a third of its
length before it was rewritten for readers (measured then, kept here)."""
from __future__ import annotations

import pytest

# Height at 375 px (CSS pixels) of each page before issue 16 was taken up,
# measured with Playwright on that build (full-page scrollHeight).
BEFORE_375 = {"book/corpus.html": 16_273, "book/platform_policy.html": 65_548,
              "book/takedown_numbers.html": 63_978, "book/migration_networks.html": 30_235,
              "book/codebook.html": 19_641, "book/methods.html": 29_979}
FINDINGS_PAGES = ["book/intro.html", *BEFORE_375]

# The bottom of the findings list: the last item of the section whose heading
# is "In short" or "Key findings" (None when there is no such section).
_FINDINGS_BOTTOM = """() => {
  const h = [...document.querySelectorAll('h2')].find(e => /^(In short|Key findings)/.test(e.textContent.trim()));
  if (!h) return null;
  const section = h.closest('section');
  const items = section.querySelectorAll(':scope > ul > li');
  const last = items.length ? items[items.length - 1] : section;
  return last.getBoundingClientRect().bottom + window.scrollY;
}"""


@pytest.mark.parametrize("page", FINDINGS_PAGES)
def test_findings_are_seen_without_scrolling(browser, book_url, page):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        tab.goto(book_url + page)
        bottom = tab.evaluate(_FINDINGS_BOTTOM)
    finally:
        tab.close()
    assert bottom is not None, f"{page}: no 'In short' or 'Key findings' section"
    assert bottom <= 900, f"{page}: the findings end at {bottom:.0f} px, below a 900 px screen"


@pytest.mark.parametrize("page", sorted(BEFORE_375))
def test_a_chapter_is_at_most_a_third_of_its_old_length_on_a_phone(browser, book_url, page):
    tab = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        tab.goto(book_url + page)
        height = tab.evaluate("document.documentElement.scrollHeight")
    finally:
        tab.close()
    assert height <= BEFORE_375[page] / 3, \
        f"{page}: {height:,} px at 375 px wide, over a third of {BEFORE_375[page]:,}"
