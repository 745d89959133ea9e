#!/usr/bin/env python3
"""`make bench`: magbuild vs Hugo vs the cmark-gfm floor on the same generated magazine.

    python3 Benchmarks/bench.py --n 2000 [--runs 3] [--jobs 2] [--seed 7] [--only magbuild,hugo,floor]

For each tool: RUNS clean full builds (output folder and magbuild's .magbuild/ cache moved
aside before each), timed by /usr/bin/time (wall, user+sys CPU, peak RSS). Prints medians, pages
per second and the ratios magbuild/Hugo and magbuild/floor, then magbuild's incremental
builds: RUNS no-change rebuilds, RUNS+1 rebuilds after one article's body changed (the
first of those also makes the spare copy of the output), RUNS after its title changed and
RUNS after the file was only touched (the fixed cost of an incremental build), and its
--metrics step breakdown. Results also go to
Benchmarks/.work/results-nN.json and .md.

The corpus (Benchmarks/gen_corpus.py) is cached under Benchmarks/.work/nN/ and regenerated
when N, the seed or the generator change. The theme (templates/, static/) is re-copied from
the repository every run, so the bench always measures the current theme.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MAGBUILD = os.path.join(REPO, ".build", "release", "magbuild")
CMARK_ARGS = ["--smart", "-e", "footnotes", "-e", "table", "-e", "strikethrough", "-e", "autolink",
              "-e", "tasklist", "-e", "tagfilter"]


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def timed(cmd, stdout_path=None, cwd=None):
    """Runs cmd under /usr/bin/time; returns wall s, cpu s, peak RSS MB, its stdout+stderr."""
    tf = os.path.join(HERE, ".work", "time.txt")
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf] + cmd, stdout=out,
                       stderr=subprocess.PIPE, cwd=cwd)
    if stdout_path:
        out.close()
    text = (p.stdout or b"").decode(errors="replace") + p.stderr.decode(errors="replace")
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({p.returncode}):\n{text[-3000:]}")
    wall, user, sys_, rss = open(tf).read().strip().splitlines()[-1].split()
    return dict(wall=float(wall), cpu=float(user) + float(sys_), rss_mb=int(rss) / 1024, load=load()), text


TRASH = os.path.join(HERE, ".work", "trash")


def set_aside(folder):
    """Moves a previous run's output out of the way instead of deleting it.

    On ext4 without a journal (this machine kind's root file system), creating a file
    skips every inode freed in the last minutes (`recently_deleted` in the kernel), so a
    build started right after `rm -rf` of 25,000 files spends most of its time in the
    kernel: the same Python loop creating 22,500 files took 2.1 s on a quiet disk,
    10.1 s right after deleting such a tree and 20.4 s after deleting two. The old
    outputs are deleted once, after all measurements (`empty_trash`).
    """
    if os.path.lexists(folder):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(folder, os.path.join(TRASH, f"{len(os.listdir(TRASH))}-{os.path.basename(folder)}"))


def empty_trash():
    shutil.rmtree(TRASH, ignore_errors=True)


def count_html(folder):
    n = 0
    for _, _, files in os.walk(folder):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


def corpus(args):
    out = os.path.join(HERE, ".work", f"n{args.n}")
    stamp = hashlib.sha256(open(os.path.join(HERE, "gen_corpus.py"), "rb").read()
                           + open(os.path.join(HERE, "hugo", "hugo.yaml"), "rb").read()
                           + f"{args.n}/{args.seed}".encode()).hexdigest()
    stamp_file = os.path.join(out, ".stamp")
    if not (os.path.exists(stamp_file) and open(stamp_file).read() == stamp):
        print(f"bench: generating the corpus, N={args.n} seed={args.seed} …", flush=True)
        t = time.time()
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--n", str(args.n),
                        "--seed", str(args.seed), "--out", out], check=True)
        print(f"bench: corpus generated in {time.time() - t:.1f} s", flush=True)
        with open(stamp_file, "w") as f:
            f.write(stamp)
    gen_corpus.write_hugo_config(out)  # this checkout's paths
    site = os.path.join(out, "site")
    for folder in ("templates", "static"):  # the current theme
        shutil.rmtree(os.path.join(site, folder))
        shutil.copytree(os.path.join(REPO, folder), os.path.join(site, folder))
    return out


def median_run(runs):
    ordered = sorted(runs, key=lambda r: r["wall"])
    return ordered[(len(ordered) - 1) // 2]


def summarize(name, runs, pages, articles):
    wall = statistics.median(r["wall"] for r in runs)
    return dict(tool=name, runs=runs, wall=wall, cpu=statistics.median(r["cpu"] for r in runs),
                rss_mb=statistics.median(r["rss_mb"] for r in runs), pages=pages,
                pages_per_s=pages / wall if wall else 0, articles_per_s=articles / wall if wall else 0,
                loads=[r["load"] for r in runs])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", default="magbuild,hugo,floor",
                    help="comma-separated subset; the others keep their last results for this corpus")
    args = ap.parse_args()
    tools = args.only.split(",")
    os.makedirs(os.path.join(HERE, ".work"), exist_ok=True)

    work = corpus(args)
    info = json.load(open(os.path.join(work, "corpus.json")))
    articles = info["articles"] - info["drafts"]
    site, hugo = os.path.join(work, "site"), os.path.join(work, "hugo")
    results = dict(n=args.n, seed=args.seed, jobs=args.jobs, runs=args.runs, corpus=info, tools={},
                   machine=machine(), started=time.strftime("%Y-%m-%d %H:%M:%S"))
    print(f"bench: {info['articles']} articles ({info['drafts']} drafts), {info['comments']} comments, "
          f"{info['markdown_bytes'] / 1e6:.1f} MB Markdown, {info['comment_json_bytes'] / 1e6:.1f} MB comments.json; "
          f"{args.runs} clean runs each, --jobs {args.jobs}, load now {load()}", flush=True)

    base = os.path.join(HERE, ".work", f"results-n{args.n}")
    if set(tools) != {"magbuild", "hugo", "floor"} and os.path.exists(base + ".json"):
        previous = json.load(open(base + ".json"))  # --only: keep the other tools' last results
        if previous.get("corpus") == info:
            results["tools"] = previous["tools"]

    if "magbuild" in tools:
        if not os.access(MAGBUILD, os.X_OK):
            sys.exit("bench: .build/release/magbuild is missing: run `swift build -c release` (make bench does)")
        out = os.path.join(work, "magbuild-out")
        cache = os.path.join(work, ".magbuild")
        cmd = [MAGBUILD, "build", "--source", site, "--output", out, "--jobs", str(args.jobs), "--metrics"]
        runs, texts = [], []
        for _ in range(args.runs):
            set_aside(out)
            set_aside(cache)
            r, text = timed(cmd)
            runs.append(r)
            texts.append(text)
            print(f"  magbuild  clean build  {r['wall']:7.2f} s wall {r['cpu']:7.2f} s cpu {r['rss_mb']:7.0f} MB   (load {r['load']})", flush=True)
        s = summarize("magbuild", runs, count_html(out), articles)
        s["metrics"] = texts[runs.index(median_run(runs))].strip()
        rebuilds = []
        for _ in range(args.runs):
            r, _ = timed(cmd)
            rebuilds.append(r)
            print(f"  magbuild  no-change    {r['wall']:7.2f} s wall {r['cpu']:7.2f} s cpu {r['rss_mb']:7.0f} MB   (load {r['load']})", flush=True)
        s["rebuild_wall"] = statistics.median(r["wall"] for r in rebuilds)
        s["rebuild_runs"] = rebuilds
        # One article's body changed: the first time after a build from scratch also makes
        # the spare copy of the output; later ones update the spare copy and swap it in. Then
        # its title changed (its listings, tags and neighbours change too), then the file
        # only touched: a stamp changed and nothing else, so the build takes the full way and
        # finds nothing to remake. That is what an incremental build costs before any work
        # for the change itself.
        article = edited_article(site)
        original = open(article, encoding="utf-8").read()
        changes = [("body", i, original + f"\nEin neuer Absatz, Fassung {i + 1}.\n") for i in range(args.runs + 1)]
        changes += [("title", i, retitled(original, f"Ein neuer Titel, Fassung {i + 1}")) for i in range(args.runs)]
        changes += [("touched", i, None) for i in range(args.runs)]
        timings = {"body": [], "title": [], "touched": []}
        body_texts = []
        try:
            for kind, i, text in changes:
                if text is None:
                    os.utime(article)
                else:
                    with open(article, "w", encoding="utf-8") as f:
                        f.write(text)
                r, metrics = timed(cmd)
                timings[kind].append(r)
                if kind == "body":
                    body_texts.append(metrics)
                label = {"body": "body" + (" (first)" if i == 0 else ""), "title": "title", "touched": "touched only"}[kind]
                print(f"  magbuild  one article, {label:13} {r['wall']:5.2f} s wall {r['cpu']:7.2f} s cpu {r['rss_mb']:7.0f} MB   (load {r['load']})", flush=True)
        finally:
            with open(article, "w", encoding="utf-8") as f:
                f.write(original)
            timed(cmd)
        edits = timings["body"]
        s["edit_first_wall"] = edits[0]["wall"]
        s["edit_wall"] = statistics.median(r["wall"] for r in edits[1:])
        s["edit_runs"] = edits
        s["title_wall"] = statistics.median(r["wall"] for r in timings["title"])
        s["title_runs"] = timings["title"]
        s["touched_wall"] = statistics.median(r["wall"] for r in timings["touched"])
        s["touched_runs"] = timings["touched"]
        steps = [re.search(r"([\d.]+) s  index search", t) for t in body_texts[1:]]
        if all(steps):
            s["edit_index"] = statistics.median(float(m.group(1)) for m in steps)
        results["tools"]["magbuild"] = s

    if "hugo" in tools:
        out = os.path.join(work, "hugo-out")
        cmd = ["hugo", "--source", hugo, "--destination", out, "--quiet"]
        runs = []
        for _ in range(args.runs):
            set_aside(out)
            set_aside(os.path.join(hugo, "resources"))
            r, _ = timed(cmd)
            runs.append(r)
            print(f"  hugo      clean build  {r['wall']:7.2f} s wall {r['cpu']:7.2f} s cpu {r['rss_mb']:7.0f} MB   (load {r['load']})", flush=True)
        pages = count_html(out)
        if pages < articles:
            sys.exit(f"bench: Hugo made {pages} HTML pages for {articles} articles: check {hugo}/hugo.yaml")
        results["tools"]["hugo"] = summarize("hugo " + hugo_version(), runs, pages, articles)

    if "floor" in tools:
        runs = []
        for _ in range(args.runs):
            r, _ = timed(["cmark-gfm"] + CMARK_ARGS + [os.path.join(work, "bodies.md")],
                         stdout_path=os.path.join(work, "bodies.html"))
            runs.append(r)
            print(f"  cmark-gfm bodies only  {r['wall']:7.2f} s wall {r['cpu']:7.2f} s cpu {r['rss_mb']:7.0f} MB   (load {r['load']})", flush=True)
        results["tools"]["floor"] = summarize("cmark-gfm (floor)", runs, articles, articles)

    report = table(results)
    print()
    print(report)
    with open(base + ".json", "w") as f:
        json.dump(results, f, indent=2)
    with open(base + ".md", "w") as f:
        f.write(report + "\n")
    print(f"\nbench: results in {os.path.relpath(base, REPO)}.json and .md")
    empty_trash()


def table(res):
    t = res["tools"]
    c = res["corpus"]
    lines = [f"N={res['n']} articles ({c['drafts']} drafts), {c['comments']} comments, "
             f"{c['markdown_bytes'] / 1e6:.1f} MB Markdown, {c['comment_json_bytes'] / 1e6:.1f} MB comments.json; "
             f"median of {res['runs']} clean builds, --jobs {res['jobs']}; {res['machine']}",
             "",
             "| tool | wall (s) | CPU (s) | peak RSS (MB) | HTML pages | pages/s | articles/s | load during runs |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for key in ("magbuild", "hugo", "floor"):
        if key in t:
            s = t[key]
            lines.append(f"| {s['tool']} | {s['wall']:.2f} | {s['cpu']:.2f} | {s['rss_mb']:.0f} | {s['pages']} | "
                         f"{s['pages_per_s']:.0f} | {s['articles_per_s']:.0f} | {' '.join(s['loads'])} |")
    lines.append("")
    if "magbuild" in t:
        m = t["magbuild"]
        if "hugo" in t:
            h = t["hugo"]
            lines.append(f"- magbuild/Hugo: time {m['wall'] / h['wall']:.2f}x (target <= 0.2), CPU {m['cpu'] / h['cpu']:.2f}x, "
                         f"peak RSS {m['rss_mb'] / h['rss_mb']:.2f}x (target <= 0.25)")
        if "floor" in t:
            f = t["floor"]
            lines.append(f"- magbuild/floor: time {m['wall'] / f['wall']:.2f}x (target <= 3), CPU {m['cpu'] / f['cpu']:.2f}x")
        lines.append(f"- magbuild no-change rebuild: {m['rebuild_wall']:.2f} s = {m['rebuild_wall'] / m['wall']:.3f}x the full build (target <= 0.05)")
        if "edit_wall" in m:
            lines.append(f"- magbuild one article changed: {m['edit_wall']:.2f} s = {m['edit_wall'] / m['wall']:.3f}x the full build (target <= 0.05); "
                         f"the first such build after a build from scratch also makes the spare copy of the output: "
                         f"{m['edit_first_wall']:.2f} s = {m['edit_first_wall'] / m['wall']:.3f}x")
        if "title_wall" in m:
            lines.append(f"- magbuild one article's title changed: {m['title_wall']:.2f} s = {m['title_wall'] / m['wall']:.3f}x the full build (target <= 0.1)")
        if "touched_wall" in m:
            lines.append(f"- magbuild one article touched, its content unchanged (the full way of an incremental build, nothing to remake): "
                         f"{m['touched_wall']:.2f} s = {m['touched_wall'] / m['wall']:.3f}x the full build")
        index = re.search(r"([\d.]+) s  index search", m["metrics"])
        if index:
            lines.append(f"- magbuild search index (step 'index search' of the median clean build): {float(index.group(1)):.2f} s "
                         f"= {float(index.group(1)) / m['wall'] * 100:.1f} % of its wall time (make bench-search has the rest)")
        pictures = re.search(r"([\d.]+) s  make pictures", m["metrics"])
        if pictures:
            lines.append(f"- magbuild pictures (step 'make pictures' of the median clean build: every lead image read, "
                         f"identical ones decoded once; make bench-images compares picture work with Hugo's): "
                         f"{float(pictures.group(1)):.2f} s = {float(pictures.group(1)) / m['wall'] * 100:.1f} % of its wall time")
        if "edit_index" in m:
            lines.append(f"- magbuild search index after one article changed (step 'index search', median): {m['edit_index'] * 1000:.0f} ms (target <= 250 ms)")
        lines.append("")
        lines.append("magbuild --metrics (median run):")
        lines.append("```")
        lines.append(m["metrics"])
        lines.append("```")
    return "\n".join(lines)


def retitled(markdown, title):
    """The article with `title` as the title of its front matter."""
    return re.sub(r'(?m)^title: .*$', lambda _: f'title: "{title}"', markdown, count=1)


def edited_article(site):
    """The Markdown file of the first politik article by name."""
    folder = os.path.join(site, "content", "politik")
    names = sorted(n for n in os.listdir(folder) if os.path.exists(os.path.join(folder, n, "index.md")))
    return os.path.join(folder, names[0], "index.md")


def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    return f"{os.cpu_count()} cores ({model}), {mem} RAM"


def hugo_version():
    try:
        v = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
        return v.split("+")[0]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    main()
