#!/usr/bin/env python3
"""Site search benchmark: magbuild's index against Pagefind 1.5.2 on the same built magazine.

    python3 Benchmarks/bench_search.py --magbuild .build/release/magbuild --n 10000 [--n 100000]
        [--pagefind] [--work Benchmarks/.work]

For each N (corpus from gen_corpus.py, seed 7, made when missing):
  - a clean build with `search:` off and one with it on: wall time, user time, peak memory
    (/usr/bin/time), the "index search" step, the index's size and file count;
  - three one-article edits, each an incremental build: the "index search" step and the whole build;
  - in headless Chromium with the page's own script (search.js) and the browser cache off: the
    bytes of search/ files each query downloads, for one-, two- and three-word queries, and
    relevance: for the generator's 50 queries (two words of a known article's title, inflected
    otherwise), whether that article is among the first three results;
  - with --pagefind (N ≤ 10,000: Pagefind needs gigabytes at archive scale): Pagefind 1.5.2
    (pip `pagefind-bin`, installed into WORK/pagefind when missing) indexing the same output
    (comments, navigation and related boxes excluded), timed the same way, and the same queries
    through its own script, counting the bytes under pagefind/ and taking the first three
    article results (listing pages skipped).
Prints a table and writes WORK/search-N.json.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(REPO, "scripts"))
sys.path.insert(0, os.path.join(REPO, "scripts", "browser-test"))
from cdp import Browser  # noqa: E402
from static_server import serve  # noqa: E402

PAGEFIND_VERSION = "1.5.2"
PAGEFIND_EXCLUDE = ".comments, .related, .share, .breadcrumb, nav, .embed-teaser, .site-search, footer"


def timed(command):
    """Runs `command` under /usr/bin/time: (wall s, user s, peak MB, stdout)."""
    marker = "@@time "
    run = subprocess.run(["/usr/bin/time", "-f", marker + "%e %U %M"] + command, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    line = [l for l in run.stderr.splitlines() if l.startswith(marker)][-1]
    wall, user, peak = line[len(marker):].split()
    return float(wall), float(user), int(peak) / 1024, run.stdout


def folder_size(path):
    total, count = 0, 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count


def set_search(site, on):
    path = os.path.join(site, "site.yml")
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"\nsearch:.*?(?=\n\S|\Z)", "", f.read(), flags=re.S)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + ("\nsearch:\n  page: suche\n" if on else "\nsearch: false\n"))


def build(magbuild, site, output, clean):
    command = [magbuild, "build", "--source", site, "--output", output, "--metrics", "--format", "json", "--quiet"]
    if clean:
        command.append("--clean")
    wall, user, peak, out = timed(command)
    steps = {s["name"]: s["seconds"] for s in (json.loads(out).get("steps") or [])}
    return {"wall": wall, "user": user, "peakMB": peak, "indexSearch": steps.get("index search", 0.0)}


def edit_article(site, number):
    """Replaces one word of the `number`th article's body (its length stays)."""
    articles = sorted(os.path.join(root, name) for root, _, files in os.walk(os.path.join(site, "content"))
                      for name in files if name == "index.md" or (name.endswith(".md") and name != "_index.md"))
    path = articles[(number * 7919) % len(articles)]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, _, body = text.partition("\n---\n")
    words = re.findall(r"\b[a-zäöü]{6,}\b", body)
    word = words[len(words) // 2] if words else "und"
    body = body.replace(word, "Zebrastreifen" + str(number), 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "\n---\n" + body)


# ---- queries in the browser ------------------------------------------------------------------

OURS = """(async () => {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const status = document.querySelector('[data-search-status]').textContent;
    if (status && !status.startsWith('Suche')) break;
    await new Promise(done => setTimeout(done, 20));
  }
  return {urls: [...document.querySelectorAll('[data-search-results] h2 a')].map(a => new URL(a.href).pathname),
    bytes: performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
      .reduce((sum, e) => sum + e.encodedBodySize, 0)};
})()"""

THEIRS = """(async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(%s);
  const urls = [];
  for (const result of search.results) {
    if (urls.length === 3) break;
    const data = await result.data();
    const path = new URL(data.url, location.href).pathname;
    // The corpus's article slugs end in their number; listing pages are skipped.
    if (/-\\d+\\/$/.test(path) && !path.includes('/page/')) urls.push(path);
  }
  return {urls, bytes: performance.getEntriesByType('resource').filter(e => e.name.includes('/pagefind/'))
    .reduce((sum, e) => sum + e.encodedBodySize, 0)};
})()"""


def run_queries(page, base, queries, theirs):
    page.call("Network.enable")
    page.call("Network.setCacheDisabled", cacheDisabled=True)
    found, bytes_by_words = 0, {1: [], 2: [], 3: []}
    for q in queries:
        for count in (1, 2, 3):
            text = " ".join(q["forms"][:count])
            if theirs:
                page.navigate(base + "/pf-bench.html")
                result = page.evaluate(THEIRS % json.dumps(text))
            else:
                page.navigate(f"{base}/suche/?q={urllib.parse.quote(text)}")
                result = page.evaluate(OURS)
            bytes_by_words[count].append(result["bytes"])
            if count == 2 and q["url"] in result["urls"][:3]:
                found += 1
    return {"top3": found, "queries": len(queries),
            "bytes": {n: {"median": statistics.median(b), "max": max(b)} for n, b in bytes_by_words.items()}}


def pagefind_binary(work):
    target = os.path.join(work, "pagefind")
    binary = os.path.join(target, "pagefind_bin", "pagefind")
    if not os.path.exists(binary):
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", target, f"pagefind-bin=={PAGEFIND_VERSION}"], check=True)
    return binary


def bench(n, args):
    corpus = os.path.join(args.work, f"n{n}")
    if not os.path.exists(os.path.join(corpus, "queries.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--n", str(n), "--seed", "7", "--out", corpus,
                        "--repo", REPO], check=True)
    site = os.path.join(corpus, "site")
    # A corpus made earlier has the theme of its day: measure today's templates and script.
    for folder in ("templates", "static"):
        shutil.copytree(os.path.join(REPO, folder), os.path.join(site, folder), dirs_exist_ok=True)
    output = os.path.join(corpus, "public-search")
    with open(os.path.join(corpus, "queries.json"), encoding="utf-8") as f:
        queries = json.load(f)
    report = {"n": n}
    set_search(site, False)
    report["off"] = build(args.magbuild, site, output, clean=True)
    set_search(site, True)
    report["on"] = build(args.magbuild, site, output, clean=True)
    report["indexBytes"], report["indexFiles"] = folder_size(os.path.join(output, "search"))
    edits = []
    for number in range(3):
        edit_article(site, number)
        edits.append(build(args.magbuild, site, output, clean=False))
    report["edit"] = {"indexSearch": statistics.median(e["indexSearch"] for e in edits),
                      "wall": statistics.median(e["wall"] for e in edits)}
    server = serve(output)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    browser = Browser(args.chromium)
    try:
        page = browser.new_page()
        report["ours"] = run_queries(page, base, queries, theirs=False)
        if args.pagefind:
            binary = pagefind_binary(args.work)
            shutil.rmtree(os.path.join(output, "pagefind"), ignore_errors=True)
            wall, user, peak, _ = timed([binary, "--site", output, "--exclude-selectors", PAGEFIND_EXCLUDE, "--quiet"])
            size, files = folder_size(os.path.join(output, "pagefind"))
            with open(os.path.join(output, "pf-bench.html"), "w") as f:
                f.write("<!doctype html><meta charset=utf-8><title>Pagefind</title>")
            report["pagefind"] = {"wall": wall, "user": user, "peakMB": peak, "indexBytes": size, "indexFiles": files}
            report["pagefind"].update(run_queries(page, base, queries, theirs=True))
    finally:
        browser.close()
        server.shutdown()
    with open(os.path.join(args.work, f"search-{n}.json"), "w") as f:
        json.dump(report, f, indent=1)
    return report


def show(r):
    on, off = r["on"], r["off"]
    print(f"\n== N = {r['n']:,}")
    print(f"clean build, search off: {off['wall']:.1f} s wall, {off['user']:.1f} s user, {off['peakMB']:.0f} MB peak")
    print(f"clean build, search on:  {on['wall']:.1f} s wall, {on['user']:.1f} s user, {on['peakMB']:.0f} MB peak "
          f"(+{(on['wall'] / off['wall'] - 1) * 100:.1f} % wall, +{on['peakMB'] - off['peakMB']:.0f} MB); "
          f"step 'index search' {on['indexSearch']:.2f} s")
    print(f"index: {r['indexBytes'] / 1e6:.1f} MB in {r['indexFiles']:,} files")
    print(f"one article edited: 'index search' {r['edit']['indexSearch'] * 1000:.0f} ms, whole build {r['edit']['wall']:.2f} s (median of 3)")
    rows = [("magbuild", r["ours"])] + ([("Pagefind " + PAGEFIND_VERSION, r["pagefind"])] if "pagefind" in r else [])
    for name, q in rows:
        b = q["bytes"]
        print(f"{name:>16}: known article in the first 3 for {q['top3']}/{q['queries']} queries; bytes per query (median/max): "
              + ", ".join(f"{n} word{'s' if n > 1 else ''} {b[n]['median'] / 1024:.0f}/{b[n]['max'] / 1024:.0f} KB" for n in (1, 2, 3)))
    if "pagefind" in r:
        p = r["pagefind"]
        print(f"Pagefind indexing: {p['wall']:.1f} s wall, {p['user']:.1f} s user, {p['peakMB']:.0f} MB peak; "
              f"index {p['indexBytes'] / 1e6:.1f} MB in {p['indexFiles']:,} files")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--magbuild", required=True)
    parser.add_argument("--n", type=int, action="append")
    parser.add_argument("--pagefind", action="store_true")
    parser.add_argument("--work", default=os.path.join(HERE, ".work"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    args.magbuild = os.path.abspath(args.magbuild)
    os.makedirs(args.work, exist_ok=True)
    for n in args.n or [10000]:
        show(bench(n, args))


if __name__ == "__main__":
    main()
