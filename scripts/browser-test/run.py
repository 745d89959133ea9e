#!/usr/bin/env python3
"""magbuild browser test: the built demo magazine in headless Chromium.

Usage: run.py --site BUILT_SITE --source SITE_FOLDER --out SCREENSHOT_DIR [--chromium PATH]

Serves BUILT_SITE on a free localhost port and, at 390 px and 1280 px wide,
checks the home page, an article and the listings: no horizontal overflow, the
lead image visible with its credit, WCAG AA contrast of every visible text in
light and dark mode, the "Mehr" control opening a long comment with JavaScript
off, and (when the site ships static/js/comments.js) switching the comment
order with JavaScript on, and which size of the lead picture the browser loads. Screenshots go to SCREENSHOT_DIR.
"""

import argparse
import json
import os
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, CDPError  # noqa: E402
from pictures import check_pictures  # noqa: E402
from search import check_search, check_stemmer  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from static_server import serve  # noqa: E402

WIDTHS = (390, 1280)
OVERFLOW_WIDTHS = (320, 1920)
HEIGHT = 900
HOME = "/"
# The demo article with a lead image, a long (collapsed) comment and threads
# whose best-rated order differs from their date order.
ARTICLE = "/wissen/stadtbaeume-hitze/"
# A section with its intro, a column with its profile, an author's page with the profile,
# a plain page, the 404 page and the search page.
LISTINGS = ("/wissen/", "/kolumnen/lindqvists-landpartie/", "/autoren/jana-feldmann/", "/impressum/", "/404.html", "/suche/")
# In-body embeds: an "Auch lesen" box and a slot placed by the editor; a figure with caption and
# credit in an article whose boxes site.yml's embeds.auto places.
EMBEDS = {
    "/politik/tempo-30-haldenau/": {".embed-teaser": "/wissen/stadtbaeume-hitze/", ".slot--newsletter": None},
    "/kultur/ausstellung-licht-und-lehm/": {".body-figure img": None, ".body-figure__credit": None,
                                           ".embed-teaser": "/politik/wohnen-am-gleisdreieck/", ".slot--abo": None},
}

# --- JavaScript run in the page ------------------------------------------------

JS_HELPERS = r"""
window.__mb = {
  overflow() {
    const s = document.scrollingElement;
    return {scrollWidth: s.scrollWidth, innerWidth: window.innerWidth};
  },
  describe(el) { return el ? el.outerHTML.slice(0, 120) : 'null'; },
  // 'ok' or why `el` cannot be seen.
  visible(el) {
    if (!el) return 'missing';
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) === 0) return 'hidden by CSS';
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return `too small (${r.width}x${r.height})`;
    if (r.right > window.innerWidth + 1 || r.left < -1) return 'outside the viewport horizontally';
    const x = Math.min(window.innerWidth - 1, Math.max(0, r.left + r.width / 2));
    const y = Math.min(window.innerHeight - 1, Math.max(0, r.top + r.height / 2));
    const top = document.elementFromPoint(x, y);
    if (!(top === el || el.contains(top))) return 'covered by ' + this.describe(top);
    return 'ok';
  },
  leadImage(figureSelector) {
    const figure = document.querySelector(figureSelector);
    if (!figure) return {problem: `no ${figureSelector}`};
    const img = figure.querySelector('img');
    const credit = figure.querySelector('.credit');
    if (!img) return {problem: 'no img in the lead figure'};
    if (img.loading === 'lazy') return {problem: 'the lead image is lazy-loaded (it is above the fold)'};
    const imgVisible = this.visible(img);
    if (imgVisible !== 'ok') return {problem: 'lead image: ' + imgVisible};
    if (!img.complete || img.naturalWidth === 0) return {problem: 'lead image did not load: ' + img.currentSrc};
    const creditVisible = this.visible(credit);
    if (creditVisible !== 'ok') return {problem: 'credit: ' + creditVisible};
    const text = credit.textContent.trim();
    if (!text) return {problem: 'the credit is empty'};
    const i = img.getBoundingClientRect(), c = credit.getBoundingClientRect();
    const onEdgeOrBelow = c.top >= i.top - 1 && c.top <= i.bottom + 80 && c.left >= i.left - 1 && c.right <= i.right + 1;
    if (!onEdgeOrBelow) return {problem: 'the credit is not on or under the picture'};
    const size = parseFloat(getComputedStyle(credit).fontSize);
    if (size < 10) return {problem: `the credit is too small to read (${size}px)`};
    return {problem: null, credit: text, image: [Math.round(i.width), Math.round(i.height)]};
  },
  parseColor(text) {
    const m = text.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/);
    if (!m) return null;
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  },
  over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  },
  luminance(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  },
  ratio(a, b) {
    const la = this.luminance(a), lb = this.luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  },
  // Backgrounds below `el`, composited; translucent layers laid over pictures
  // (absolutely positioned, like the credit) are judged over white and black.
  backgrounds(el) {
    const layers = [];
    let overPicture = false;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      const c = this.parseColor(s.backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
        if (s.position === 'absolute') overPicture = true;
      }
    }
    const bases = overPicture ? [[255, 255, 255, 1], [0, 0, 0, 1]] : [[255, 255, 255, 1]];
    return bases.map(base => {
      let acc = base;
      for (let i = layers.length - 1; i >= 0; i--) acc = this.over(layers[i], acc);
      return acc;
    });
  },
  // Every visible text whose contrast with its background is below WCAG AA.
  contrastFailures() {
    const failures = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const el = text.parentElement;
      if (!text.textContent.trim() || seen.has(el)) continue;
      seen.add(el);
      if (el.closest('.visually-hidden, .is-disabled, script, style, [hidden]')) continue;
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible' || s.display === 'none') continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || r.bottom < 0 && r.top < -1000) continue;
      if (el.closest('.skip-link') && r.bottom < 0) continue;
      let fg = this.parseColor(s.color);
      if (!fg) { failures.push({text: text.textContent.trim().slice(0, 40), problem: 'colour not parsed: ' + s.color}); continue; }
      const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const needed = large ? 3 : 4.5;
      for (const bg of this.backgrounds(el)) {
        const colour = fg[3] < 1 ? this.over(fg, bg) : fg;
        const ratio = this.ratio(colour, bg);
        if (ratio < needed) {
          failures.push({text: text.textContent.trim().slice(0, 40), element: el.tagName.toLowerCase() + '.' + [...el.classList].join('.'),
                         ratio: Math.round(ratio * 100) / 100, needed, color: s.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`});
          break;
        }
      }
    }
    return failures;
  },
  centre(el) {
    el.scrollIntoView({block: 'center'});
    const r = el.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  },
  threads() {
    return [...document.querySelectorAll('ol.comment-threads > li.comment-thread')].map(li => ({
      id: li.querySelector('[id]') ? li.querySelector('[id]').id : '',
      date: Date.parse(li.dataset.date), rating: Number(li.dataset.rating),
      nested: li.querySelectorAll('.comment').length,
    }));
  },
};
true
"""


class Failures:
    def __init__(self):
        self.items = []
        self.passed = 0
        self.skipped = 0

    def check(self, condition, message):
        if condition:
            self.passed += 1
            print(f"  ok   {message}")
        else:
            self.items.append(message)
            print(f"  FAIL {message}")
        return condition


def all_pages(site):
    """URL paths of every HTML page of the built site except alias redirects."""
    pages = []
    for folder, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as file:
                if 'http-equiv="refresh"' in file.read():
                    continue
            url = "/" + os.path.relpath(path, site).replace(os.sep, "/")
            pages.append(url[: -len("index.html")] if url.endswith("/index.html") or url == "/index.html" else url)
    return sorted(pages)


def load(page, url, *, javascript=True, dark=False, print_media=False):
    page.call("Emulation.setScriptExecutionDisabled", value=not javascript)
    features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"},
                {"name": "prefers-reduced-motion", "value": "reduce"}]
    page.call("Emulation.setEmulatedMedia", media="print" if print_media else "", features=features)
    page.navigate(url)
    page.evaluate(JS_HELPERS)
    page.evaluate("document.fonts.ready.then(() => true)")


def wait_for(page, expression, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return True
        time.sleep(0.1)
    return False


def load_all_images(page):
    """For full-page screenshots only: lazy pictures below the viewport would stay blank."""
    page.evaluate("""Promise.all([...document.images].map(img => {
      img.loading = 'eager';
      img.decoding = 'sync';
      return img.decode().then(() => true, () => false);
    })).then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))""")


def check_overflow(page, result, label, width):
    # With mobile emulation a too-wide page also widens the layout viewport, so innerWidth must stay the screen's width.
    o = page.evaluate("__mb.overflow()")
    result.check(o["scrollWidth"] <= o["innerWidth"] == width,
                 f"{label}: no horizontal overflow (scrollWidth {o['scrollWidth']} <= innerWidth {o['innerWidth']}, screen {width})")


def check_lead(page, result, label, selector):
    lead = page.evaluate(f"__mb.leadImage({json.dumps(selector)})")
    if result.check(lead["problem"] is None, f"{label}: lead image visible with its credit"
                    + (f" ({lead['problem']})" if lead["problem"] else f" ({lead['credit']!r}, {lead['image'][0]}x{lead['image'][1]})")):
        pass


def check_skip_link(page, result, label, out):
    """The first Tab shows the skip link, with a visible focus outline."""
    page.evaluate("scrollTo(0, 0); document.activeElement && document.activeElement.blur(); true")
    page.press("Tab", "Tab", 9)
    state = page.evaluate("""(() => {
      const el = document.activeElement, r = el.getBoundingClientRect(), s = getComputedStyle(el);
      return {skip: el.matches('a.skip-link[href="#main"]'), inView: r.top >= 0 && r.bottom <= innerHeight && r.width > 0,
              outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
    })()""")
    result.check(state["skip"] and state["inView"] and state["outline"],
                 f"{label}: the first Tab focuses the skip link, visible with a focus outline ({state})")
    page.screenshot(os.path.join(out, os.path.basename(label.split(" ")[0].strip("/")) + "-skip-link.png"))


def check_contrast(page, result, label):
    failures = page.evaluate("__mb.contrastFailures()")
    detail = "".join(f"\n       {f}" for f in failures[:8])
    result.check(not failures, f"{label}: every visible text meets WCAG AA contrast{detail}")


def check_more(page, base, result, width, out):
    """The "Mehr" control opens a long comment, with JavaScript off.

    The control is comment.html's label for a hidden checkbox (no script needed); a <summary> would do as well.
    """
    label = f"article @{width} without JavaScript"
    load(page, base + ARTICLE, javascript=False)
    measure = """(() => {
      const more = window.__more, comment = more.closest('.comment');
      const text = comment.querySelector('.comment__text--long') || comment.querySelector('.comment__text');
      const box = more.htmlFor ? document.getElementById(more.htmlFor) : more.closest('details');
      return {open: box ? !!(box.checked || box.open) : null, height: text.getBoundingClientRect().height,
              clipped: text.scrollHeight > text.clientHeight + 1, label: more.innerText.trim()};
    })()"""
    found = page.evaluate("""(() => {
      const candidates = [...document.querySelectorAll('#kommentare label, #kommentare summary')];
      window.__more = candidates.find(el => /^Mehr/.test(el.innerText.trim()) && el.closest('.comment'));
      return !!window.__more;
    })()""")
    if not result.check(found, f"{label}: the article has a collapsed long comment with a \"Mehr\" control"):
        return
    before = page.evaluate(measure)
    result.check(before["clipped"] and not before["open"],
                 f"{label}: the long comment starts collapsed behind \"{before['label']}\"")
    x, y = page.evaluate("__mb.centre(window.__more)")
    page.click(x, y)
    after = page.evaluate(measure)
    result.check(after["open"] and not after["clipped"] and after["height"] > before["height"],
                 f"{label}: clicking \"Mehr\" opens the whole comment "
                 f"(height {before['height']:.0f} → {after['height']:.0f} px, control now \"{after['label']}\")")
    page.evaluate("window.__more.closest('.comment').scrollIntoView({block: 'start'})")
    page.screenshot(os.path.join(out, f"article-{width}-comment-open.png"))


def check_embeds(page, base, result, width, out):
    """Each embed stands between the body's paragraphs, visible, inside the screen; a teaser box links its article."""
    for path, embeds in EMBEDS.items():
        label = f"{path} @{width}"
        load(page, base + path)
        check_overflow(page, result, label, width)
        check_contrast(page, result, label)
        for selector, target in embeds.items():
            found = page.evaluate(f"""(() => {{
              const el = document.querySelector({json.dumps(selector)});
              if (!el) return {{problem: 'missing'}};
              const box = el.closest('.article__body > *');
              const link = el.querySelector('a[href]');
              return {{problem: __mb.visible(el), inBody: !!box, link: link ? link.pathname : null}};
            }})()""")
            result.check(found["problem"] == "ok" and found["inBody"],
                         f"{label}: {selector} is visible in the body ({found})")
            if target:
                result.check(found.get("link") == target, f"{label}: {selector} links {target} ({found.get('link')})")
        page.evaluate("document.querySelector('.embed-teaser').scrollIntoView({block: 'center'}); true")
        page.screenshot(os.path.join(out, f"embeds-{path.strip('/').replace('/', '-')}-{width}.png"))


def check_no_foreign_requests(page, base, result, width):
    """Loading an article and scrolling through it asks no other host for anything (share links load no tracker)."""
    page.call("Network.enable")
    try:
        load(page, base + ARTICLE)
        page.evaluate("scrollTo(0, document.body.scrollHeight); new Promise(done => setTimeout(() => done(true), 500))")
        page.evaluate("true")  # takes in the events that came while waiting
        urls = [e["params"]["request"]["url"] for e in page.events if e["method"] == "Network.requestWillBeSent"]
        foreign = [u for u in urls if not (u.startswith(base) or u.startswith("data:"))]
        shares = page.evaluate("document.querySelectorAll('.share a[href^=\"https://\"]').length")
        result.check(urls and not foreign and shares > 0,
                     f"article @{width}: {len(urls)} requests, none to another host, {shares} share links"
                     + (f" (to other hosts: {', '.join(foreign[:5])})" if foreign else ""))
    finally:
        page.call("Network.disable")


def check_order(page, base, result, width, source):
    """With JavaScript on, the comment order buttons re-sort the threads."""
    label = f"article @{width} with JavaScript"
    if not os.path.exists(os.path.join(source, "static", "js", "comments.js")):
        print(f"  SKIPPED: comments.js not present ({label}: switching the comment order)")
        result.skipped += 1
        return
    load(page, base + ARTICLE, javascript=True)
    ready = wait_for(page, "!!document.querySelector('.comment-order button[data-order=\"best\"]')")
    if not result.check(ready, f"{label}: comments.js fills .comment-order with order buttons"):
        return
    before = page.evaluate("__mb.threads()")
    if not result.check(len(before) >= 3, f"{label}: the article has {len(before)} comment threads (ol.comment-threads > li.comment-thread)"):
        return
    total = sum(t["nested"] for t in before)

    def choose(order):
        x, y = page.evaluate(f"__mb.centre(document.querySelector('.comment-order button[data-order=\"{order}\"]'))")
        page.click(x, y)
        time.sleep(0.2)
        threads = page.evaluate("__mb.threads()")
        pressed = page.evaluate("[...document.querySelectorAll('.comment-order button[data-order]')]"
                                ".filter(b => b.getAttribute('aria-pressed') === 'true').map(b => b.dataset.order)")
        return threads, pressed

    best, pressed = choose("best")
    ratings = [t["rating"] for t in best]
    # The threads must move, unless they already stood in that order.
    moved = [t["id"] for t in best] != [t["id"] for t in before] or [t["rating"] for t in before] == ratings
    result.check(ratings == sorted(ratings, reverse=True) and moved,
                 f"{label}: \"best\" orders the threads by rating, highest first ({ratings})")
    result.check(pressed == ["best"], f"{label}: only the \"best\" button is aria-pressed ({pressed})")
    result.check(sum(t["nested"] for t in best) == total, f"{label}: replies stay with their threads ({total} comments)")
    newest, pressed = choose("newest")
    dates = [t["date"] for t in newest]
    result.check(dates == sorted(dates, reverse=True) and pressed == ["newest"], f"{label}: \"newest\" puts the latest thread first")
    oldest, pressed = choose("oldest")
    dates = [t["date"] for t in oldest]
    result.check(dates == sorted(dates) and pressed == ["oldest"], f"{label}: \"oldest\" puts the earliest thread first")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True, help="the built site (output folder)")
    parser.add_argument("--source", required=True, help="the site folder it was built from")
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    server = serve(os.path.abspath(args.site))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    result = Failures()
    browser = Browser(args.chromium)
    try:
        page = browser.new_page()
        for width in WIDTHS:
            page.set_viewport(width, HEIGHT)
            print(f"== {width} px")
            for path, name, figure in ((HOME, "home", ".lead-story__figure"), (ARTICLE, "article", ".lead-figure")):
                load(page, base + path)
                label = f"{name} @{width}"
                check_overflow(page, result, label, width)
                page.evaluate("scrollTo(0, 0)")
                page.screenshot(os.path.join(args.out, f"{name}-{width}.png"))
                check_lead(page, result, label, figure)
                if width == WIDTHS[0]:
                    check_skip_link(page, result, label, args.out)
                load_all_images(page)
                page.screenshot(os.path.join(args.out, f"{name}-{width}-full.png"), full_page=True)
                check_contrast(page, result, label + " (light)")
                load(page, base + path, dark=True)
                check_contrast(page, result, label + " (dark)")
                page.evaluate("scrollTo(0, 0)")
                page.screenshot(os.path.join(args.out, f"{name}-{width}-dark.png"))
            for path in LISTINGS:
                load(page, base + path)
                check_overflow(page, result, f"{path} @{width}", width)
                check_contrast(page, result, f"{path} @{width}")
                slug = path.strip("/").replace("/", "-").replace(".html", "")
                page.evaluate("scrollTo(0, 0)")
                page.screenshot(os.path.join(args.out, f"listing-{slug}-{width}.png"))
            check_more(page, base, result, width, args.out)
            check_embeds(page, base, result, width, args.out)
            check_no_foreign_requests(page, base, result, width)
            check_order(page, base, result, width, args.source)
            check_search(page, base, result, width, args.out, args.source, load=load, wait_for=wait_for)
            check_pictures(page, base, result, width, load=load)
            if width < 600:
                check_pictures(page, base, result, width, load=load, scale=2)
        reference = os.path.join(args.source, "Tests", "SearchTests", "cistem-reference.tsv")
        if os.path.exists(reference):
            check_stemmer(page, base, result, reference, load)
        # The narrowest phones (every page) and wide screens: layout only.
        for width in OVERFLOW_WIDTHS:
            page.set_viewport(width, HEIGHT)
            print(f"== {width} px (overflow only)")
            for path in (all_pages(args.site) if width == min(OVERFLOW_WIDTHS) else (HOME, ARTICLE) + LISTINGS):
                load(page, base + path)
                check_overflow(page, result, f"{path} @{width}", width)
        # What the article looks like on paper.
        page.set_viewport(794, 1123)
        load(page, base + ARTICLE, print_media=True)
        page.screenshot(os.path.join(args.out, "article-print.png"), full_page=True)
        page.close()
    except CDPError as error:
        result.items.append(f"browser: {error}")
        print(f"  FAIL browser: {error}")
    finally:
        browser.close()
        server.shutdown()

    print(f"screenshots: {os.path.abspath(args.out)}")
    summary = f"{result.passed} passed, {len(result.items)} failed"
    if result.skipped:
        summary += f", {result.skipped} skipped"
    print(summary)
    return 1 if result.items else 0


if __name__ == "__main__":
    sys.exit(main())
