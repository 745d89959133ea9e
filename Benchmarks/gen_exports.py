#!/usr/bin/env python3
"""Comment exports for the import benchmark (`make bench-import`), all over one small site.

    python3 Benchmarks/gen_exports.py --comments 200000 --articles 2000 --out Benchmarks/.work/imports

writes
    OUT/site/            a magbuild site with ARTICLES short articles (content/archiv/a-NNNN/index.md)
    OUT/export.xml       a WordPress WXR 1.2 export of COMMENTS comments (HTML paragraphs, replies,
                         every status, wpDiscuz votes), ~800 bytes of text per comment
    OUT/isso.db          an Isso database (Isso's schema) with the same comments, as Markdown
    OUT/remark42.gz      a Remark42 backup (JSON lines, gzipped) with the same comments

Only Python's standard library and `random.Random(seed)`: the same arguments give the same files.
All text is invented here.
"""

import argparse
import gzip
import io
import json
import os
import random
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone

WORDS = (
    "der die das und mit für nicht auch auf wird nach bei noch wie über schon wenn aber heute "
    "Stadt Rat Haushalt Schule Verkehr Brücke Bahnhof Kasachstan Bürgergeld Wahl Theater Markt "
    "fordert erklärt plant prüft baut verliert gewinnt zeigt bleibt steigt sinkt warnt hofft "
    "richtig falsch teuer billig schnell langsam endlich leider genau sicher vielleicht"
).split()
STATUSES = ["1"] * 90 + ["0"] * 4 + ["spam"] * 4 + ["trash"] * 2


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice([".", ".", "!", "?"])


def paragraphs(rng):
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(1, 4))]


def comments(rng, count, articles):
    """(article, id, parent, author, date, paragraphs, status, votes) for every comment, replies after their parents."""
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    ids_of = [[] for _ in range(articles)]
    for number in range(1, count + 1):
        article = rng.randrange(articles)
        earlier = ids_of[article]
        parent = rng.choice(earlier) if earlier and rng.random() < 0.4 else 0
        earlier.append(number)
        date = start + timedelta(minutes=number * 5 + rng.randrange(5))
        yield (article, number, parent, f"Leser {rng.randrange(5000)}", date, paragraphs(rng),
               rng.choice(STATUSES), rng.randint(-5, 30))


def write_site(out, articles):
    site = os.path.join(out, "site")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "content", "archiv"))
    with open(os.path.join(site, "site.yml"), "w") as f:
        f.write('title: "Importtest"\nbaseURL: "https://magazin.example/"\nlanguage: de\ntimezone: Europe/Berlin\n')
    for a in range(articles):
        folder = os.path.join(site, "content", "archiv", f"a-{a:04d}")
        os.makedirs(folder)
        with open(os.path.join(folder, "index.md"), "w") as f:
            f.write(f'---\ntitle: "Artikel {a}"\nteaser: "Ein Artikel."\ndate: 2015-01-01\nauthors: [Redaktion]\n---\nText.\n')


def write_wxr(path, rows, articles):
    by_article = [[] for _ in range(articles)]
    for row in rows:
        by_article[row[0]].append(row)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n')
        f.write("<title>Importtest</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n")
        for a, items in enumerate(by_article):
            f.write(f"<item>\n<title>Artikel {a}</title>\n<link>https://magazin.example/archiv/a-{a:04d}/</link>\n")
            f.write(f"<wp:post_id>{a + 1}</wp:post_id>\n<wp:post_name>a-{a:04d}</wp:post_name>\n<wp:post_type>post</wp:post_type>\n")
            for _, number, parent, author, date, paras, status, votes in items:
                html = "".join(f"<p>{p}</p>" for p in paras)
                f.write("<wp:comment>\n")
                f.write(f"<wp:comment_id>{number}</wp:comment_id>\n<wp:comment_author><![CDATA[{author}]]></wp:comment_author>\n")
                f.write(f"<wp:comment_author_email>leser{number}@leser.example</wp:comment_author_email>\n")
                f.write(f"<wp:comment_author_IP>192.0.2.{number % 250}</wp:comment_author_IP>\n")
                f.write(f"<wp:comment_date_gmt>{date:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>\n")
                f.write(f"<wp:comment_content><![CDATA[{html}]]></wp:comment_content>\n")
                f.write(f"<wp:comment_approved>{status}</wp:comment_approved>\n<wp:comment_type>comment</wp:comment_type>\n")
                f.write(f"<wp:comment_parent>{parent}</wp:comment_parent>\n")
                f.write(f"<wp:commentmeta><wp:meta_key>wpdiscuz_votes</wp:meta_key><wp:meta_value>{votes}</wp:meta_value></wp:commentmeta>\n")
                f.write("</wp:comment>\n")
            f.write("</item>\n")
        f.write("</channel>\n</rss>\n")


def write_isso(path, rows, articles):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
        CREATE TABLE comments (tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
            created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR,
            author VARCHAR, email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0,
            dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL, notification INTEGER DEFAULT 0);
    """)
    db.executemany("INSERT INTO threads VALUES (?, ?, ?)",
                   [(a + 1, f"/archiv/a-{a:04d}/", f"Artikel {a}") for a in range(articles)])
    mode = {"1": 1, "0": 2, "spam": 2, "trash": 4}
    db.executemany("INSERT INTO comments VALUES (?, ?, ?, ?, NULL, ?, '192.0.2.0', ?, ?, NULL, NULL, ?, ?, x'00', 0)", (
        (a + 1, number, parent or None, date.timestamp(), mode[status], "\n\n".join(paras), author, max(votes, 0), max(-votes, 0))
        for a, number, parent, author, date, paras, status, votes in rows))
    db.commit()
    db.close()


def write_remark42(path, rows):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        f = io.TextIOWrapper(packed, encoding="utf-8")
        f.write(json.dumps({"version": 1, "users": [], "posts": []}) + "\n")
        for a, number, parent, author, date, paras, status, votes in rows:
            f.write(json.dumps({
                "id": f"c{number}", "pid": f"c{parent}" if parent else "",
                "text": "".join(f"<p>{p}</p>" for p in paras), "user": {"name": author, "id": f"u{number}", "ip": "00"},
                "locator": {"site": "importtest", "url": f"https://magazin.example/archiv/a-{a:04d}/"},
                "score": votes, "time": date.strftime("%Y-%m-%dT%H:%M:%SZ"), "title": f"Artikel {a}",
                "delete": status == "trash"}, ensure_ascii=False) + "\n")
        f.flush()
        f.detach()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="Benchmarks/.work/imports")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_site(args.out, args.articles)
    rows = list(comments(random.Random(args.seed), args.comments, args.articles))
    write_wxr(os.path.join(args.out, "export.xml"), rows, args.articles)
    write_isso(os.path.join(args.out, "isso.db"), rows, args.articles)
    write_remark42(os.path.join(args.out, "remark42.gz"), rows)
    for name in ["export.xml", "isso.db", "remark42.gz"]:
        size = os.path.getsize(os.path.join(args.out, name)) / 1e6
        print(f"{name}: {args.comments} comments, {size:.1f} MB")


if __name__ == "__main__":
    main()
