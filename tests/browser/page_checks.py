"""What every page of the book must do in a browser, as functions that return
the problems they find (so the self-test can show each one fails on a broken page).

A page is loaded in Debian's Chromium at a given width and colour scheme, and:
- logs no console error and no uncaught exception; no request fails or leaves 127.0.0.1;
- every image has loaded (``naturalWidth > 0``) and has alt text;
- nothing makes the page scroll sideways; no text is clipped by its box;
- no table has a header row with nothing in it, and every cell of a data table
  has its column's name (shown beside it where a phone stacks the table);
- headings do not skip a level;
- every element holding Arabic or Persian script is laid out right to left, with a ``lang``;
- axe-core finds no serious or critical violation (contrast included, in the theme shown).
Links and anchors are checked on the built files (``dead_links``): faster than a browser,
and exhaustive.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

WIDTHS = (1280, 375)
SERIOUS = {"serious", "critical"}

# Run in the page: every problem the DOM shows, as short strings.
DOM_CHECKS = r"""
() => {
  const out = [];
  const w = document.documentElement.clientWidth;
  if (!document.body) return [`no page body at ${location.pathname}`];
  if (document.documentElement.scrollWidth > w + 1)
    out.push(`scrolls sideways: ${document.documentElement.scrollWidth}px wide at ${w}px`);
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0) out.push(`image not loaded: ${img.getAttribute('src')}`);
    if (!img.hasAttribute('alt')) out.push(`image without alt text: ${img.getAttribute('src')}`);
  }
  // headings in order: no level skipped going down (an h4 straight after an h2)
  let last = 0;
  const main = document.querySelector('article.bd-article') || document.body || document.documentElement;
  for (const h of main.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (h.closest('[hidden], .d-none')) continue;
    const level = +h.tagName[1];
    if (last && level > last + 1) out.push(`heading skips a level: h${last} then h${level} "${h.textContent.trim().slice(0, 40)}"`);
    last = level;
  }
  // Arabic script: right to left, with a language
  // letters, not digits alone: "٢٦٠٠٠" has no direction of its own
  const arabic = /[\u0600-\u065F\u066A-\u06EF\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!arabic.test(node.nodeValue)) continue;
    const el = node.parentElement;
    if (!el || seen.has(el) || el.closest('script, style, noscript, template, title')) continue;
    seen.add(el);
    const dir = getComputedStyle(el).direction;
    const langEl = el.closest('[lang]');
    const lang = langEl ? langEl.getAttribute('lang') : '';
    if (dir !== 'rtl' || !['ar', 'fa'].includes(lang))
      out.push(`Arabic script not marked right to left (${dir}, lang "${lang}"): "${node.nodeValue.trim().slice(0, 30)}"`);
  }
  // clipped text: a box whose content is wider or taller than it, with its overflow hidden
  for (const el of main.querySelectorAll('p, td, th, dd, dt, li, figcaption, blockquote, .policy-card, .claim-note')) {
    const s = getComputedStyle(el);
    if ((s.overflowX === 'hidden' || s.overflow === 'hidden' || s.textOverflow === 'ellipsis')
        && el.scrollWidth > el.clientWidth + 1)
      out.push(`text clipped: <${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 30)}"`);
  }
  // a table's header row says what its columns hold: a row of empty header
  // cells shows as a blank band above the table
  for (const row of main.querySelectorAll('thead tr')) {
    if (row.closest('[hidden], .d-none')) continue;
    if (row.cells.length && [...row.cells].every(c => !c.textContent.trim()))
      out.push(`empty table header row above "${(row.closest('table').tBodies[0] || row).textContent.trim().slice(0, 30)}"`);
  }
  // a phone stacks a data table, each cell under its column's name (data-label)
  for (const td of main.querySelectorAll('table.data-table td')) {
    if (!(td.getAttribute('data-label') || '').trim()) {
      out.push(`table cell without its column's name: "${td.textContent.trim().slice(0, 30)}"`);
      break;
    }
  }
  return out;
}
"""


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


def page_problems(browser, url: str, width: int = 1280, scheme: str = "light",
                  accessibility: bool = True) -> list[str]:
    """Load ``url`` at ``width`` in the ``scheme`` colour scheme; every problem found."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    problems: list[str] = []
    context.route("**/*", lambda r: r.continue_() if is_local(r.request.url) else r.abort())
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text[:160]}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught error: {str(e)[:160]}"))
    page.on("requestfailed", lambda r: problems.append(
        f"request failed{' (leaves 127.0.0.1)' if not is_local(r.url) else ''}: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(150)       # the theme's scripts settle (theme, sidebar)
        problems += page.evaluate(DOM_CHECKS)
        if accessibility:
            problems += axe_problems(page)
    finally:
        context.close()
    return problems


def axe_problems(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # preload off: axe would fetch stylesheets itself and resolve the theme's
    # @import against the page, not the sheet (a 404 only axe makes)
    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    out = []
    for v in results.response.get("violations", []):
        if v.get("impact") in SERIOUS:
            where = "; ".join(" ".join(n.get("target", []))[:60] for n in v.get("nodes", [])[:3])
            out.append(f"axe {v['impact']} {v['id']}: {v['help']} ({len(v.get('nodes', []))}× e.g. {where})")
    return out


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "img", "link", "script", "source"):
                self.hrefs.append(a[key])


def dead_links(html_root: Path, pages: list[Path] | None = None) -> list[str]:
    """Every internal link or asset that names a missing file or a missing anchor."""
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            p = _Links()
            p.feed(path.read_text(encoding="utf-8", errors="replace"))
            parsed[path] = p
        return parsed[path]

    problems = []
    for page in pages or sorted(html_root.rglob("*.html")):
        if "_static" in page.parts:
            continue
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            rel = page.relative_to(html_root)
            if not target.exists():
                problems.append(f"{rel}: link to a missing file: {href}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                problems.append(f"{rel}: link to a missing anchor: {href}")
    return problems


def book_pages(html_root: Path) -> list[str]:
    """The reader's pages, as paths under the root (search and index pages included;
    not the root's redirect to the introduction)."""
    return sorted(str(p.relative_to(html_root)) for p in html_root.rglob("*.html")
                  if "_static" not in p.parts and "_sources" not in p.parts
                  and not re.match(r"_", p.name)
                  and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8", errors="replace")[:2000].lower())
