/* The book's search page (search.html): a query's terms, Pagefind, and results
   that lead to the passage.

   The terms are computed exactly as analysis/book/search_terms.py computes
   them for the index, from the tables it generates at build time
   (_search/terms.js, window.BOOK_SEARCH_TABLES): the per-character fold and
   lower-casing of analysis/text/normalize.py, word and space characters,
   clitic prefixes, Persian joins and the gazetteer's names. Nothing here is a
   table of its own; tests/browser/test_search_js.py feeds this file and
   the Python the same strings and compares. Read that module's docstring for
   the rules; the functions below follow it line by line. */
(function () {
  "use strict";
  const SCRIPT_URL = document.currentScript ? document.currentScript.src : location.href;
  const BOOK_ROOT = new URL("../", SCRIPT_URL);
  const T = window.BOOK_SEARCH_TABLES;
  if (!T) return;

  // --- the normalised view: per character, from the generated tables ---------
  const FOLD = new Map(Object.entries(T.fold));
  const LOWER = new Map();
  for (const [first, count, step, delta] of T.lower) {
    for (let k = 0; k < count; k++) LOWER.set(first + k * step, first + k * step + delta);
  }
  const SPACES = new Set();
  for (const [a, b] of T.space) for (let cp = a; cp <= b; cp++) SPACES.add(cp);
  const hex = (cp) => "\\u{" + cp.toString(16) + "}";
  const W = T.word.map(([a, b]) => (a === b ? hex(a) : hex(a) + "-" + hex(b))).join("");
  const LEAD = new RegExp("^[^" + W + "]+", "u");
  const TRAIL = new RegExp("[^" + W + "]+$", "u");
  const TOKEN_SRC = T.token.replaceAll("W", W);
  const TOKEN = new RegExp(TOKEN_SRC, "gu");
  const TOKEN_FULL = new RegExp("^(?:" + TOKEN_SRC + ")$", "u");
  const THOUSANDS = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;
  const DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;

  const foldChar = (c) => { const f = FOLD.get(c); return f === undefined ? c : f; };
  const lowerChar = (c) => {
    const l = LOWER.get(c.codePointAt(0));
    return l === undefined ? c : String.fromCodePoint(l);
  };
  function fold(s) { let o = ""; for (const c of s) o += foldChar(c); return o; }
  function normalize(s) {
    let o = "";
    for (const c of s) { const f = foldChar(c); if (f) o += lowerChar(f); }
    return o;
  }
  const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };
  const cpCompare = (a, b) => {
    const x = [...a], y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  };
  const unique = (xs) => [...new Set(xs)];

  // --- chunks: whitespace-separated, edges stripped, with offsets into the text
  function chunks(text) {
    const raw = [];
    let cur = null, i = 0;
    for (const c of text) {
      const f = foldChar(c);
      if (f !== "" && SPACES.has(f.codePointAt(0))) {
        if (cur) raw.push(cur);
        cur = null;
      } else if (f !== "") {
        if (!cur) cur = { folded: "", norm: "", pos: [], posEnd: [] };
        const l = lowerChar(f);
        cur.folded += f;
        cur.norm += l;
        for (let k = 0; k < l.length; k++) { cur.pos.push(i); cur.posEnd.push(i + c.length); }
      }
      i += c.length;
    }
    if (cur) raw.push(cur);
    const out = [];
    for (const ch of raw) {
      const lead = LEAD.exec(ch.norm), trail = TRAIL.exec(ch.norm);
      const a = lead ? lead[0].length : 0;
      let b = trail ? trail.index : ch.norm.length;
      if (b - a > 2 && ch.norm.startsWith("'s", b - 2)) b -= 2;
      if (a < b) {
        out.push({ folded: ch.folded.slice(a, b), norm: ch.norm.slice(a, b),
                   pos: ch.pos.slice(a, b), posEnd: ch.posEnd.slice(a, b),
                   start: ch.pos[a], end: ch.posEnd[b - 1] });
      }
    }
    return out;
  }

  // --- terms ---------------------------------------------------------------------
  const numberTerm = (digits) => "n" + digits.replaceAll(".", "d") + "n";
  function numberTerms(s) {
    if (THOUSANDS.test(s)) s = s.replaceAll(",", "");
    if (DECIMAL.test(s)) return [numberTerm(s)];
    return s.split(/[.,]/).filter((p) => p).map(numberTerm);
  }
  const claimTerm = (a, b) => "c" + a + "x" + b + "c";
  const isArabicScript = (w) => /[\u0600-\u06ff\u0750-\u077f]/.test(w);

  function cliticForms(word, prefixes) {
    const seen = new Set();
    const todo = [word];
    while (todo.length) {
      const w = todo.pop();
      for (const p of prefixes) {
        if (w.startsWith(p) && cpLen(w) - cpLen(p) >= T.minStem) {
          const rest = w.slice(p.length);
          if (!seen.has(rest)) { seen.add(rest); todo.push(rest); }
        }
      }
    }
    seen.delete(word);
    return [...seen].sort(cpCompare);
  }

  function reduceWord(word) {
    if (!isArabicScript(word)) return word;
    if (word.startsWith("و") && cpLen(word) - 1 >= T.minStem &&
        !word.startsWith("وال") && !word.startsWith("ولل")) word = word.slice(1);
    for (const p of T.wordPrefixes.slice(0, -1)) {
      if (word.startsWith(p) && cpLen(word) - cpLen(p) >= T.minStem) return word.slice(p.length);
    }
    return word;
  }

  function nameAt(cs, i, length) {
    const rest = cs.slice(i + 1, i + length).map((c) => c.norm);
    const first = cs[i].norm;
    const forms = [first, ...cliticForms(first, T.namePrefixes)];
    for (const f of [...forms]) {
      if (f.startsWith("لل") && cpLen(f) > 4) forms.push("ال" + f.slice(2));
    }
    for (const form of forms) {
      const hit = T.aliases[[form, ...rest].join(" ")];
      if (hit === undefined) continue;
      const [term, exact] = hit;
      if (exact !== null) {
        if (form !== first || cs.slice(i, i + length).map((c) => c.folded).join(" ") !== exact) continue;
      }
      return term;
    }
    return null;
  }

  function singleWord(c) {
    const m = TOKEN_FULL.exec(c.norm);
    return m !== null && m[4] !== undefined;
  }

  function wordTerms(word, query) {
    if (cpLen(word) < 2) return [];
    if (query) return [reduceWord(word)];
    return [word, ...(isArabicScript(word) ? cliticForms(word, T.wordPrefixes) : [])];
  }

  // each token of a chunk: [terms, start, end] with start/end into chunk.norm
  function chunkTokens(norm, query) {
    const out = [];
    for (const m of norm.matchAll(TOKEN)) {
      let terms;
      if (m[1] !== undefined) {
        terms = [claimTerm(m[1], m[2])];
        if (!query) terms.push(numberTerm(m[1]), numberTerm(m[2]));
      } else if (m[3] !== undefined) {
        terms = numberTerms(m[3]);
      } else {
        terms = wordTerms(m[4], query);
      }
      out.push([terms, m.index, m.index + m[0].length]);
    }
    return out;
  }
  const chunkTerms = (norm, query) => chunkTokens(norm, query).flatMap((t) => t[0]);
  const joined = (a, b) => ({ folded: a.folded + b.folded, norm: a.norm + b.norm });

  function queryTerms(text, namesToo = true) {
    const cs = chunks(text);
    const out = [];
    let i = 0;
    while (i < cs.length) {
      let term = null;
      for (let length = namesToo ? Math.min(T.longestName, cs.length - i) : 0; length > 0; length--) {
        term = nameAt(cs, i, length);
        if (term !== null) { out.push(term); i += length; break; }
      }
      if (term !== null) continue;
      let c = cs[i];
      if (T.joinNext.includes(c.norm) && i + 1 < cs.length && singleWord(cs[i + 1])) {
        c = joined(c, cs[i + 1]);
        i += 1;
      }
      if (i + 1 < cs.length && T.joinPrevious.includes(cs[i + 1].norm) && singleWord(c)) {
        c = joined(c, cs[i + 1]);
        i += 1;
      }
      out.push(...chunkTerms(c.norm, true));
      i += 1;
    }
    return unique(out);
  }

  // the index's terms of a text, each with the span of the text it stands for
  function indexSpans(text) {
    const cs = chunks(text);
    const out = [];
    cs.forEach((c, i) => {
      for (let length = 1; length <= Math.min(T.longestName, cs.length - i); length++) {
        const term = nameAt(cs, i, length);
        if (term !== null) out.push([[term], c.start, cs[i + length - 1].end]);
      }
      for (const [terms, a, b] of chunkTokens(c.norm, false)) {
        out.push([terms, c.pos[a], c.posEnd[b - 1]]);
      }
      if (i + 1 < cs.length) {
        const nxt = cs[i + 1];
        if ((T.joinNext.includes(c.norm) && singleWord(nxt)) ||
            (T.joinPrevious.includes(nxt.norm) && singleWord(c))) {
          out.push([wordTerms(c.norm + nxt.norm, false), c.start, nxt.end]);
        }
      }
    });
    return out;
  }
  const indexTerms = (text) => indexSpans(text).flatMap((s) => s[0]);

  // --- results -------------------------------------------------------------------
  const matches = (term, qterms) => qterms.some((q) => term.startsWith(q));

  function marksIn(seg, qterms) {
    const [, , text, hints] = seg;
    const spans = [];
    for (const [terms, a, b] of indexSpans(text)) {
      if (terms.some((t) => matches(t, qterms))) spans.push([a, b]);
    }
    for (const [a, b, term] of hints || []) if (matches(term, qterms)) spans.push([a, b]);
    spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    const merged = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    return merged;
  }

  const WINDOW = 240;
  function snippet(seg, marks) {
    const [lang, dir, text] = seg;
    const p = document.createElement("p");
    p.className = "book-search-snippet";
    p.lang = lang;
    p.dir = dir;
    let from = 0, to = text.length;
    if (text.length > WINDOW) {
      const first = marks.length ? marks[0][0] : 0;
      from = Math.max(0, first - WINDOW / 3);
      to = Math.min(text.length, from + WINDOW);
      from = Math.max(0, to - WINDOW);
      if (from > 0) { const sp = text.indexOf(" ", from); if (sp > 0 && sp < first) from = sp + 1; }
      if (to < text.length) { const sp = text.lastIndexOf(" ", to); if (sp > from) to = sp; }
    }
    if (from > 0) p.append("… ");
    let at = from;
    for (const [a, b] of marks) {
      if (b <= from || a >= to) continue;
      const s = Math.max(a, from), e = Math.min(b, to);
      if (s > at) p.append(text.slice(at, s));
      const m = document.createElement("mark");
      m.textContent = text.slice(s, e);
      p.append(m);
      at = e;
    }
    if (at < to) p.append(text.slice(at, to));
    if (to < text.length) p.append(" …");
    return p;
  }

  function loadRecord(n) {
    return fetch(new URL(`_search/records/${n}.json`, BOOK_ROOT)).then((r) => r.json());
  }

  // The query terms a passage has, found as the index found them: its
  // text's terms, the extractor's (hints) and its anchor's (extra).
  function termsFound(passage, qterms) {
    const found = new Set();
    const check = (t) => { for (const q of qterms) if (t.startsWith(q)) found.add(q); };
    for (const seg of passage.segs) {
      for (const t of indexTerms(seg[2])) check(t);
      for (const h of seg[3] || []) check(h[2]);
    }
    for (const t of passage.extra || []) check(t);
    return found.size;
  }

  const hrefOf = (rec, p) => rec.url + (p.anchor ? "#" + p.anchor : "");

  // A result is a Pagefind record: a few passages of one page. It links to
  // the passage that has every word (the one with the most found, else), with
  // its snippets, and to the record's other passages that have every word.
  async function renderResult(result, qterms, literal) {
    const data = await result.data();
    const rec = await loadRecord(data.meta.record);
    const count = (marks) => marks.reduce((n, m) => n + m.length, 0);
    const scored = rec.passages.map((p, i) => {
      const marks = p.segs.map((seg) => marksIn(seg, qterms));
      const named = (p.extra || []).some((t) => qterms.includes(t)) ? 1 : 0;   // the claim asked for
      const asTyped = literal.length ? count(p.segs.map((seg) => marksIn(seg, literal))) : 0;
      return { p, i, marks, named, asTyped, found: termsFound(p, qterms), n: count(marks) };
    });
    const full = scored.filter((x) => x.found === qterms.length);
    const best = [...(full.length ? full : scored)].sort((x, y) => y.found - x.found || y.named - x.named
      || y.asTyped - x.asTyped || y.n - x.n || x.i - y.i)[0];
    const li = document.createElement("li");
    li.className = "book-search-result";
    const a = document.createElement("a");
    a.href = hrefOf(rec, best.p);
    a.textContent = rec.title;
    li.append(a);
    if (best.p.where) {
      const where = document.createElement("span");
      where.className = "book-search-where";
      where.textContent = " › " + best.p.where;
      li.append(where);
    }
    const segs = best.p.segs.map((seg, k) => [seg, best.marks[k], k,
      literal.length ? marksIn(seg, literal).length : 0]);
    let shown = segs.filter(([, m]) => m.length)
      .sort((x, y) => y[3] - x[3] || y[1].length - x[1].length || x[2] - y[2]).slice(0, 2);
    if (!shown.length) shown = segs.slice(0, 1);
    shown.sort((x, y) => x[2] - y[2]);
    if (shown.length === 2 && shown[0][0][2] === shown[1][0][2]) shown.pop();   // a tweet and its "translation"
    for (const [seg, m] of shown) li.append(snippet(seg, m));
    const others = full.filter((x) => x !== best).slice(0, 8);
    if (others.length) {
      const also = document.createElement("p");
      also.className = "book-search-also";
      also.append("Also here: ");
      others.forEach((x, k) => {
        if (k) also.append(" · ");
        const link = document.createElement("a");
        link.href = hrefOf(rec, x.p);
        link.textContent = x.p.where || rec.title;
        also.append(link);
      });
      li.append(also);
    }
    return li;
  }

  function describe(terms) {
    return terms.map((t) => {
      if (T.entityNames[t]) return `${T.entityNames[t]} (any spelling)`;
      let m = /^n([0-9d]+)n$/.exec(t);
      if (m) return `${m[1].replace("d", ".")} (any digits)`;
      m = /^c([0-9]+)x([0-9]+)c$/.exec(t);
      if (m) return `claim ${m[1]}-${m[2]}`;
      return t;
    }).join(" + ");
  }

  const PAGE_SIZE = 20;
  async function run() {
    const root = document.getElementById("search-results");
    if (!root) return;
    const form = document.querySelector(".bd-search-container form.bd-search");
    const input = form && form.querySelector("input[name=q]");
    const query = new URLSearchParams(location.search).get("q") || "";
    if (input) { input.value = query; input.dir = "auto"; }
    root.replaceChildren();
    const status = document.createElement("p");
    status.className = "search-summary";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    root.append(status);
    const done = (text, state) => { status.textContent = text; root.dataset.state = state; };
    if (location.protocol === "file:") {
      done("Search needs the book served over HTTP, not opened as a file: run “make serve” " +
           "and open http://127.0.0.1:8000/search.html (README, “Searching the book”).", "unavailable");
      return;
    }
    if (!query.trim()) { done("Type a word, a name, a number or a claim id in the box above.", "empty"); return; }
    const qterms = queryTerms(query);
    if (!qterms.length) { done(`No results for “${query}”: it has no word to search for.`, "none"); return; }
    status.textContent = "Searching…";
    // Passages that write a name as it was typed come first, then its other
    // spellings (a second search, without the names' terms).
    const literal = queryTerms(query, false);
    const ranked = literal.length && literal.join(" ") !== qterms.join(" ");
    let found;
    try {
      const pagefind = await import(new URL("_search/pagefind/pagefind.js", BOOK_ROOT).href);
      await pagefind.init();
      found = (await pagefind.search(qterms.join(" "))).results;
      if (ranked && found.length) {
        const byId = new Map(found.map((r) => [r.id, r]));
        const first = (await pagefind.search(literal.join(" "))).results
          .filter((r) => byId.has(r.id)).map((r) => byId.get(r.id));
        const seen = new Set(first.map((r) => r.id));
        found = [...first, ...found.filter((r) => !seen.has(r.id))];
      }
    } catch (err) {
      done(`Search could not load its index (${err}).`, "error");
      return;
    }
    const searched = document.createElement("p");
    searched.className = "book-search-terms";
    searched.textContent = "Searched for: " + describe(qterms) +
      (ranked ? `; passages that write “${query.trim()}” come first` : "");
    if (!found.length) {
      done(`No results for “${query}”. Try another spelling, a shorter word, or fewer words.`, "none");
      root.append(searched);
      return;
    }
    root.append(searched);
    const list = document.createElement("ul");
    list.className = "search book-search-results";
    root.append(list);
    let shown = 0;
    const more = document.createElement("button");
    more.type = "button";
    more.className = "btn btn-sm btn-outline-secondary book-search-more";
    async function next() {
      more.disabled = true;
      root.dataset.state = "loading";
      const batch = found.slice(shown, shown + PAGE_SIZE);
      const items = await Promise.all(batch.map((r) => renderResult(r, qterms, ranked ? literal : [])));
      list.append(...items);
      shown += batch.length;
      more.remove();
      if (shown < found.length) {
        more.disabled = false;
        more.textContent = `Show ${Math.min(PAGE_SIZE, found.length - shown)} more (${found.length - shown} left)`;
        root.append(more);
      }
      root.dataset.state = shown < found.length ? "more" : "done";
    }
    more.addEventListener("click", next);
    await next();
    // the summary comes last, once the first results are on the page
    status.textContent = `Found ${found.length} result${found.length === 1 ? "" : "s"} for “${query}”.`;
  }

  window.bookSearch = { fold, normalize, chunks, queryTerms, indexTerms, indexSpans, run };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
