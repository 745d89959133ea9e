#!/usr/bin/env python3
"""Deploys a site under a path of its host and follows every link in it.

Builds the site with `--base-url http://127.0.0.1:PORT/magazin/` into a folder served as
/magazin/ by a local HTTP server, then crawls from /magazin/, robots.txt, sitemap.xml, the
feeds and 404.html: every link, image, stylesheet, script, canonical and feed URL on this
host must stay under /magazin/ and answer 200. Fails with the pages and links that do not.

    python3 scripts/test-subpath-deploy.py --magbuild .build/debug/magbuild --source .
"""
import argparse
import html
import html.parser
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from static_server import serve  # noqa: E402

PREFIX = "/magazin/"


class Links(html.parser.HTMLParser):
    """The URLs an HTML page points at: href, src, srcset, and meta tags with URLs."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.urls.append(values[name])
        if values.get("srcset"):
            self.urls += [part.strip().split(" ")[0] for part in values["srcset"].split(",") if part.strip()]
        if tag == "meta" and values.get("property") in ("og:url", "og:image", "article:author"):
            self.urls.append(values.get("content") or "")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = re.search(r"url=(.+)", values.get("content") or "", re.I)
            if match:
                self.urls.append(match.group(1).strip())


def links_in(path, body):
    if not path.endswith((".xml", ".txt", ".html", "/")):
        return []
    text = body.decode("utf-8")
    if path.endswith(".xml"):
        # Sitemap <loc>s, Atom <link href>s and <id>s, and the HTML of entries.
        urls = re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r"<link[^>]*href=\"([^\"]+)\"", text)
        urls += [u for u in re.findall(r"<id>([^<]+)</id>", text) if u.startswith("http")]
        parser = Links()
        parser.feed(html.unescape(text))
        return [html.unescape(u) for u in urls] + parser.urls
    if path.endswith(".txt"):
        return re.findall(r"^Sitemap:\s*(\S+)", text, re.M)
    parser = Links()
    parser.feed(text)
    return parser.urls


def crawl(origin, starts):
    seen, queue, failures, followed = set(), list(starts), [], 0
    while queue:
        url, referrer = queue.pop()
        page = urllib.parse.urldefrag(url)[0]
        if page in seen:
            continue
        seen.add(page)
        parts = urllib.parse.urlsplit(page)
        if not parts.path.startswith(PREFIX):
            failures.append(f"{referrer}: {url} leaves {PREFIX}")
            continue
        try:
            with urllib.request.urlopen(page) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            failures.append(f"{referrer}: {url} answers {error.code}")
            continue
        followed += 1
        for link in links_in(parts.path, body):
            target = urllib.parse.urljoin(page, link)
            scheme = urllib.parse.urlsplit(target).scheme
            if scheme in ("http", "https") and target.startswith(origin + "/"):
                queue.append((target, page))
            elif scheme in ("http", "https") and urllib.parse.urlsplit(target).hostname in ("127.0.0.1", "localhost"):
                failures.append(f"{page}: {link} points at another port or host")
    return followed, failures


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--magbuild", required=True, help="the magbuild binary")
    arguments.add_argument("--source", default=".", help="the site folder (default: the demo magazine)")
    options = arguments.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        server = serve(root)
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        subprocess.run([options.magbuild, "build", "--quiet", "--source", options.source,
                        "--output", str(root / PREFIX.strip("/")), "--base-url", origin + PREFIX], check=True)
        starts = [(origin + PREFIX + page, "(start)") for page in ("", "robots.txt", "sitemap.xml", "atom.xml", "404.html")]
        followed, failures = crawl(origin, starts)
        server.shutdown()
    if failures:
        print(f"sub-path deploy: {len(failures)} broken links", file=sys.stderr)
        for failure in sorted(set(failures)):
            print("  " + failure, file=sys.stderr)
        return 1
    print(f"sub-path deploy: {followed} URLs under {PREFIX} followed, all answer 200")
    return 0


if __name__ == "__main__":
    sys.exit(main())
