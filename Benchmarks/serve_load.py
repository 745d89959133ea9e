#!/usr/bin/env python3
"""`make bench-serve`: the preview server under load while an editor saves.

    python3 Benchmarks/serve_load.py [--seconds 30] [--connections 200] [--threads 2]

Copies the demo magazine to a temporary folder, starts `magbuild serve` on it (loopback,
a free port), and runs wrk against every HTML page of the site and its stylesheet for
SECONDS at CONNECTIONS connections while one article is saved once a second (its
marker paragraph replaced). wrk's Lua script (Benchmarks/serve/check.lua) checks that
every HTML response is a whole page and that the saved article's page carries exactly
one marker, i.e. no request sees a file of two builds. Prints requests/s, latency
percentiles, errors and the number of rebuilds; exits 1 on any error.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MAGBUILD = os.path.join(REPO, ".build", "release", "magbuild")
ARTICLE = "content/politik/wohnen-am-gleisdreieck/index.md"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--connections", type=int, default=200)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    if not os.access(MAGBUILD, os.X_OK):
        sys.exit("bench-serve: .build/release/magbuild is missing: run `swift build -c release`")
    if not shutil.which("wrk"):
        sys.exit("bench-serve: wrk is missing (apt-get install wrk)")

    work = tempfile.mkdtemp(prefix="magbuild-serve-load-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    for name in ("content", "templates", "static"):
        shutil.copytree(os.path.join(REPO, name), os.path.join(site, name))
    shutil.copy(os.path.join(REPO, "site.yml"), site)
    article = os.path.join(site, ARTICLE)
    original = open(article, encoding="utf-8").read()
    save(article, original, 0)

    # The pages to request: every HTML file of a build of the same site, plus the stylesheet.
    out = os.path.join(work, "out")
    subprocess.run([MAGBUILD, "build", "--source", site, "--output", out], check=True, stdout=subprocess.DEVNULL)
    paths = []
    for folder, _, files in os.walk(out):
        for name in files:
            if name.endswith(".html") or name.endswith(".css"):
                rel = "/" + os.path.relpath(os.path.join(folder, name), out)
                paths.append(rel[: -len("index.html")] if rel.endswith("/index.html") else rel)
    paths.sort()
    paths_file = os.path.join(work, "paths.txt")
    with open(paths_file, "w") as f:
        f.write("\n".join(paths) + "\n")

    server = subprocess.Popen([MAGBUILD, "serve", "--source", site, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    url = None
    while url is None:
        line = server.stdout.readline()
        if not line:
            sys.exit("bench-serve: magbuild serve stopped:\n" + "".join(lines))
        lines.append(line)
        match = re.search(r"http://[0-9.]+:[0-9]+/", line)
        url = match.group(0) if match else None
    reader = threading.Thread(target=lambda: lines.extend(iter(server.stdout.readline, "")), daemon=True)
    reader.start()

    stop = threading.Event()
    saves = [0]

    def editor():
        while not stop.wait(1.0):
            saves[0] += 1
            save(article, original, saves[0])

    saver = threading.Thread(target=editor, daemon=True)
    env = dict(os.environ, PATHS_FILE=paths_file)
    print(f"bench-serve: {len(paths)} paths, {args.connections} connections, {args.seconds} s, one save per second", flush=True)
    saver.start()
    wrk = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.seconds}s",
                          "--latency", "-s", os.path.join(HERE, "serve", "check.lua"), url],
                         capture_output=True, text=True, env=env)
    stop.set()
    saver.join()
    time.sleep(1.5)
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)

    print(wrk.stdout)
    rebuilds = sum(1 for line in lines if line.startswith("Rebuilt"))
    failed = sum(1 for line in lines if "failed" in line)
    first = [float(m.group(1)) for line in lines for m in [re.search(r"its page after (\d+) ms", line)] if m]
    stats = dict(re.findall(r"^([a-z0-9.-]+): (\d+)$", wrk.stdout, re.M))
    errors = re.search(r"Socket errors: (.*)", wrk.stdout)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk.stdout)
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", wrk.stdout)
    bad = int(stats.get("incomplete-or-mixed", "-1"))
    print(f"saves: {saves[0]}, rebuilds: {rebuilds}, failed rebuilds: {failed}, "
          f"saved page first shown after (median): {sorted(first)[len(first) // 2] if first else '-'} ms")
    print(f"requests/s: {rps.group(1) if rps else '?'}; p50 {int(stats.get('latency-p50-us', 0)) / 1000:.2f} ms, "
          f"p90 {int(stats.get('latency-p90-us', 0)) / 1000:.2f} ms, p99 {int(stats.get('latency-p99-us', 0)) / 1000:.2f} ms; "
          f"socket errors: {errors.group(1) if errors else 'none'}; non-2xx: {non2xx.group(1) if non2xx else 0}; "
          f"incomplete or mixed pages: {bad} of {stats.get('html-checked', '?')}")
    if errors or non2xx or bad != 0 or failed or wrk.returncode != 0:
        sys.exit(1)


def save(article, original, version):
    """Writes the article with one marker paragraph, the way editors save: a new file renamed over it."""
    text = original.rstrip("\n") + f"\n\nmagbuild-load-marker {version}\n"
    temporary = article + ".saving"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, article)


if __name__ == "__main__":
    main()
