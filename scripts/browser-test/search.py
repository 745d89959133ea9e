"""The search page of the demo magazine in the browser test (run.py calls check_search)."""

import json
import os
import re
import urllib.parse

SEARCH = "/suche/"
# The genitive of a name that only one article has, and only as "Holtkamp".
INFLECTED = ("Holtkamps", "Holtkamp", "/kultur/roman-die-salzwiesen/")
# A word that only a reader comment has: comments are not searchable.
COMMENT_ONLY = ("Bushaltestelle", "content/wissen/stadtbaeume-hitze/comments.json")

RESULTS = """(() => {
  const status = document.querySelector('[data-search-status]').textContent;
  const done = status && !status.startsWith('Suche');
  return done && {status, links: [...document.querySelectorAll('[data-search-results] h2 a')].map(a => new URL(a.href).pathname),
    marks: [...document.querySelectorAll('[data-search-results] mark')].map(m => m.textContent)};
})()"""

BYTES = """performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
  .map(e => ({name: new URL(e.name).pathname, bytes: e.encodedBodySize}))"""


def site_text(source):
    """Every Markdown file's text: articles, pages and author profiles."""
    text = []
    for folder in ("content", "pages", "authors"):
        for root, _, files in os.walk(os.path.join(source, folder)):
            text += [open(os.path.join(root, name), encoding="utf-8").read() for name in files if name.endswith(".md")]
    return "\n".join(text)


def query(page, base, words, wait_for, load):
    load(page, f"{base}{SEARCH}?q={urllib.parse.quote(words)}")
    if not wait_for(page, RESULTS, timeout=10):
        return None, []
    return page.evaluate(RESULTS), page.evaluate(BYTES)


def check_search(page, base, result, width, out, source, *, load, wait_for):
    label = f"search @{width}"
    word, form, url = INFLECTED
    text = site_text(source)
    result.check(re.search(rf"\b{word}\b", text) is None and form in text,
                 f"{label}: '{word}' is nowhere in the demo's text, '{form}' is")
    found, files = query(page, base, word, wait_for, load)
    if result.check(found is not None, f"{label}: ?q={word} shows results"):
        result.check(found["links"][:1] == [url], f"{label}: '{word}' finds {url} first ({found['links'][:3]})")
        result.check(form in found["marks"], f"{label}: the match is highlighted ({found['marks'][:5]})")
        total = sum(f["bytes"] for f in files)
        result.check(0 < total < 300_000, f"{label}: the query downloaded {total} bytes in {len(files)} files of search/")
    page.evaluate("scrollTo(0, 0)")
    page.screenshot(os.path.join(out, f"search-{width}.png"))

    word, file = COMMENT_ONLY
    with open(os.path.join(source, file), encoding="utf-8") as comments:
        result.check(word in comments.read() and word not in text, f"{label}: '{word}' is only in a reader comment")
    found, _ = query(page, base, word, wait_for, load)
    result.check(found is not None and found["links"] == [] and "Keine Treffer" in found["status"],
                 f"{label}: '{word}' finds nothing ({found and found['status']})")

    load(page, base + SEARCH, javascript=False)
    fallback = page.evaluate("""(() => {
      const box = document.querySelector('[data-search-fallback]');
      const filters = document.querySelector('[data-search-filters]');
      // The filters need the script: without it they are not shown.
      return box && !box.hidden && box.getBoundingClientRect().height > 0 && filters.getBoundingClientRect().height === 0
        && [...box.querySelectorAll('a')].map(a => new URL(a.href).pathname);
    })()""")
    result.check(bool(fallback) and "/tags/" in fallback and "/autoren/" in fallback and "/politik/" in fallback,
                 f"{label}: without JavaScript the page hides its filters and links sections, tags and authors ({fallback})")
    page.screenshot(os.path.join(out, f"search-{width}-nojs.png"))


def check_stemmer(page, base, result, reference, load):
    """The page's script stems every word of the demo as the reference implementation does
    (for words whose folding the reference shares: no spelled-out umlaut)."""
    load(page, base + SEARCH)
    words, stems = [], []
    with open(reference, encoding="utf-8") as file:
        for line in file:
            if line.startswith("#") or "\t" not in line:
                continue
            word, stem = line.rstrip("\n").split("\t")
            plain = word.lower().replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
            if plain.isascii() and not re.search(r"[aou]e", plain):
                words.append(word)
                stems.append(stem)
    got = page.evaluate(f"{json.dumps(words)}.map(w => window.magbuildSearch.terms(w)[0])")
    differ = [f"{w}: {g} (reference {s})" for w, g, s in zip(words, got, stems) if g != s]
    result.check(len(words) > 1000 and not differ, f"search.js stems {len(words)} demo words as the reference does {differ[:5]}")
