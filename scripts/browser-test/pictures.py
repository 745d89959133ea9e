"""Responsive pictures in the browser test (run.py calls check_pictures): which derivative
Chromium downloads for the lead image at a phone's and a desktop's width, and that pages
do not shift while their pictures load."""

import json
import re

ARTICLE = "/wissen/stadtbaeume-hitze/"

LEAD = """new Promise(done => {
  const img = document.querySelector('.lead-figure img');
  const report = () => {
    const entry = performance.getEntriesByName(img.currentSrc)[0];
    done({src: new URL(img.currentSrc).pathname, complete: img.complete, natural: img.naturalWidth,
          bytes: entry ? entry.encodedBodySize : null,
          sized: [...document.images].every(i => i.hasAttribute('width') && i.hasAttribute('height'))});
  };
  img.complete ? report() : img.addEventListener('load', report, {once: true});
  setTimeout(report, 5000);
})"""

# Layout shifts since the page started loading (the Layout Instability API keeps them buffered).
SHIFTS = """new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 500);
})"""


def width_of(path):
    """The width in a derivative's name (`lead-800w.webp` → 800), or None for an original."""
    match = re.search(r"-(\d+)w\.[a-z]+$", path)
    return int(match.group(1)) if match else None


def check_pictures(page, base, result, width, *, load, scale=1):
    """At `width` CSS pixels and device scale `scale`: the lead image is a derivative no wider
    than the screen needs (≤ 800 pixels on a phone, ≥ 1200 on a desktop), every picture has
    its width and height, and nothing shifts while the pictures load."""
    label = f"pictures @{width}" + (f"x{scale}" if scale != 1 else "")
    page.call("Network.clearBrowserCache")
    if scale != 1:
        page.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=scale, mobile=width < 600)
    load(page, base + ARTICLE)
    lead = page.evaluate(LEAD)
    chosen = width_of(lead["src"])
    wanted = (lambda w: w is not None and w <= 800) if width < 600 else (lambda w: w is not None and w >= 1200)
    result.check(lead["complete"] and lead["natural"] > 0 and wanted(chosen),
                 f"{label}: the lead image is the derivative {lead['src']} ({chosen} px wide, {lead['bytes']} bytes)")
    result.check(lead["sized"], f"{label}: every picture has width and height")
    shifted = page.evaluate(SHIFTS)
    result.check(shifted < 0.001, f"{label}: no layout shift while the page loads ({shifted:.4f})")
    if scale != 1:
        page.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 600)
