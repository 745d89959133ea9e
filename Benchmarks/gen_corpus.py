#!/usr/bin/env python3
"""Deterministic benchmark corpus for magbuild (articles and comment files as the README describes them) and the equivalent Hugo site.

    python3 Benchmarks/gen_corpus.py --n 2000 --seed 7 --out Benchmarks/.work/n2000

writes
    OUT/site/     a magbuild site: site.yml, content/, templates/ + static/ (copied from the repo's theme)
    OUT/hugo/     a Hugo project reading the *same* content/ and static/ folders
                  (hugo.yaml; layouts are Benchmarks/hugo/layouts)
    OUT/bodies.md every article body (no front matter), concatenated: the cmark-gfm floor's input
    OUT/corpus.json  counts and sizes of what was generated
    OUT/queries.json 50 search queries, each the two longest words of a known article's title
                  inflected otherwise (`Mietplan` → `Mietplans`), with that article's URL, and the
                  third longest word's form for three-word queries (make bench-search)

Only Python's standard library, only `random.Random(seed)`: the same N and seed give the same bytes
on every machine. All text is invented here (German-like word salad from our own word lists).
"""

import argparse
import json
import math
import os
import random
import shutil
import struct
import sys
import zlib
from datetime import datetime, timedelta

# ---------------------------------------------------------------------------------------------
# Word lists (written for this generator)

FUNCTION_WORDS = (
    "der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch es an "
    "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
    "war haben nur oder aber vor zur bis mehr durch man sein wurde sei kann gegen vom schon wenn "
    "habe seine ihre dann unter wir soll ich eines jahr zwei diese dieser wieder keine seiner "
    "worden will zwischen immer was sagte gibt alle diesem seit muss doch jetzt drei neue damit "
    "bereits da ab ohne sollen sehr hatte ihr weil zwar etwa denn dazu heute kaum fast dort "
    "trotzdem allerdings offenbar deshalb womöglich längst ebenfalls bislang künftig gestern"
).split()

VERBS = (
    "fordert erklärt plant prüft baut verliert gewinnt zeigt bleibt steigt sinkt warnt hofft "
    "berichtet kritisiert verteidigt beschließt verhandelt untersucht eröffnet schließt verändert "
    "entscheidet befürchtet begrüßt verschiebt erreicht verdoppelt halbiert unterstützt verlangt "
    "bestätigt dementiert vergleicht beobachtet dokumentiert widerspricht verzichtet investiert "
    "diskutieren streiten arbeiten wohnen fahren zahlen sparen wählen lernen forschen messen"
).split()

ADJECTIVES = (
    "neue alte große kleine wichtige öffentliche regionale digitale schnelle langsame teure günstige "
    "grüne soziale politische kommunale europäische ländliche städtische knappe umstrittene offene "
    "geplante frühere künftige mögliche deutliche erste letzte ganze zahlreiche einzelne ehrgeizige "
    "vorsichtige überraschende nüchterne heftige ruhige dichte leere volle bezahlbare marode"
).split()

NOUN_STEMS = (
    "Stadt Rat Haus Wohnung Miete Bahn Bus Strom Wasser Schule Kita Klinik Pflege Rente Steuer "
    "Haushalt Gemeinde Kreis Land Bund Regierung Opposition Partei Wahl Umfrage Gericht Urteil "
    "Gesetz Antrag Bericht Studie Forschung Hochschule Labor Daten Netz Plattform Zeitung Verlag "
    "Theater Museum Ausstellung Konzert Festival Verein Mannschaft Trainer Saison Stadion Tor "
    "Markt Preis Lohn Arbeit Betrieb Fabrik Hafen Brücke Straße Radweg Kreuzung Wald Moor Fluss "
    "See Küste Insel Hitze Dürre Regen Ernte Energie Wärme Speicher Netzbetreiber Wind Sonne "
    "Grenze Handel Export Zoll Bank Kredit Zins Schuld Versicherung Behörde Amt Polizei Feuerwehr "
    "Ehrenamt Nachbarschaft Quartier Siedlung Dorf Bahnhof Flughafen Baustelle Planung Debatte "
    "Kompromiss Mehrheit Minderheit Zukunft Vergangenheit Erinnerung Archiv Bibliothek Sprache"
).split()

NOUN_ENDINGS = ["", "", "", "ung", "plan", "streit", "wende", "politik", "konzept", "gipfel",
                "frage", "krise", "reform", "bilanz", "projekt", "förderung", "verwaltung"]

FIRST_NAMES = (
    "Anna Ben Clara David Elif Felix Greta Hannes Ida Jonas Karla Lukas Mara Nils Olga Paul "
    "Quirin Rosa Samuel Tabea Ulrich Vera Wanda Xaver Yasemin Zoe Miriam Konrad Holger Noor "
    "Tobias Leonie Emil Frieda Jakob Lina Matteo Nora Oskar Pia Rafael Selin Theo Uta Vincent"
).split()

LAST_NAMES = (
    "Albers Brandt Carstens Dietz Ehlers Fuchs Grewe Hansen Iversen Jäger Kühn Lorenz Mertens "
    "Neumann Okafor Peters Quast Reuter Schulte Thiele Ulbrich Vogt Wendt Yilmaz Zeller Lindqvist "
    "Haddad Beispiel Muster Sommer Winter Krüger Böhm Schäfer Kowalski Nowak Petrović Rossi Berger"
).split()

NICKS = ("Leser Leserin Pendler Gärtnerin Radlerin Skeptiker Optimistin Anwohner Lehrerin Bäcker "
         "Nachtschicht Hafenblick Altbau Dorfkind Stadtmaus Kiezkind Rentnerin Student").split()

PLACES = ("Haldenau Birkwede Rautal Oberhain Grünfeld Kesselbrück Wendhausen Lindenau Marschholm "
          "Steinbach Fährhaven Sandhöhe Krähwinkel Möllendorf Tannried Brackenheim").split()

SECTIONS = [("politik", 20), ("wirtschaft", 15), ("kultur", 14), ("wissen", 12), ("sport", 9),
            ("digital", 8), ("reise", 5), ("meinung", 7)]
COLUMN_SHARE = 0.10
COLUMNS = ["Lindqvists Landpartie", "Okafors Omnibus", "Haddads Halbzeit", "Zellers Zwischenrufe",
           "Wendts Wetterlage", "Petrovićs Prisma"]

def lead_png(width=1200, height=675):
    """A lead picture of the size agencies deliver, as a small file: a horizontal gradient, every row alike."""
    row = b"\x00" + bytes(v for x in range(width) for v in (x * 255 // (width - 1), 120, 255 - x * 255 // (width - 1)))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


TINY_PNG = lead_png()
TINY_JPG_NAME = "lead.png"


def slugify(text):
    table = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ć": "c"}
    out, dash = [], False
    for ch in text.lower():
        ch = table.get(ch, ch)
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:60].strip("-")


def inflect(word):
    """Another form of a German-like word: plural or genitive of a noun, an ending on the others."""
    if word.endswith("e"):
        return word + "n"
    if word.endswith(("ung", "heit", "keit")):
        return word + "en"
    if word.endswith(("s", "x", "z")):
        return word + "es"
    if word[:1].isupper():
        return word + "s"
    return word + "en"


def write_queries(out, plan, seed):
    """Search queries for the relevance benchmark, from their own random numbers (the corpus
    does not change): the two longest words of a published article's title, other forms."""
    rng = random.Random(seed * 7919 + 50)
    common = set(FUNCTION_WORDS)
    queries = []
    published = [p for p in plan if not p["draft"]]
    for p in rng.sample(published, min(400, len(published))):
        words = [w.strip(",.:!?") for w in p["title"].split()]
        words = [w for w in words if len(w) >= 5 and w.lower() not in common and w.isalpha()]
        chosen = sorted(set(words), key=lambda w: (-len(w), w))[:3]
        if len(chosen) < 3:
            continue
        forms = [inflect(w) for w in chosen]
        queries.append({"query": " ".join(forms[:2]), "forms": forms, "title": p["title"],
                        "url": f"/{p['path']}/{p['slug']}/"})
        if len(queries) == 50:
            break
    with open(os.path.join(out, "queries.json"), "w", encoding="utf-8") as f:
        json.dump(queries, f, ensure_ascii=False, indent=1)
        f.write("\n")


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(items):
    return "[" + ", ".join(yaml_str(i) for i in items) + "]"


class Words:
    """A Zipf-weighted German-like vocabulary and sentence maker."""

    def __init__(self, rng):
        self.rng = rng
        nouns = list(NOUN_STEMS)
        for stem in NOUN_STEMS:  # compounds: "Mietplan", "Bahnhofstreit", …
            for _ in range(3):
                tail = rng.choice(NOUN_STEMS).lower()
                nouns.append(stem + rng.choice(["", "s", "en"]) + tail + rng.choice(NOUN_ENDINGS))
        for place in PLACES:
            nouns.append(place)
        self.nouns = nouns
        vocab = FUNCTION_WORDS + VERBS + ADJECTIVES + nouns
        rng.shuffle(vocab)
        # function words first (most frequent), then the rest in shuffled order
        ordered = FUNCTION_WORDS + [w for w in vocab if w not in set(FUNCTION_WORDS)]
        self.vocab = ordered
        self.cum = list(_cumulative([1.0 / (r + 8) ** 0.9 for r in range(len(ordered))]))

    def words(self, n):
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def sentence(self, lo=7, hi=22):
        ws = self.words(self.rng.randint(lo, hi))
        ws[0] = ws[0][:1].upper() + ws[0][1:]
        if self.rng.random() < 0.25:
            ws.insert(self.rng.randint(1, len(ws) - 1), ",")
        s = " ".join(ws).replace(" ,", ",")
        r = self.rng.random()
        return s + ("?" if r < 0.06 else "!" if r < 0.08 else ".")

    def noun(self):
        return self.rng.choice(self.nouns)


def _cumulative(weights):
    total = 0.0
    for w in weights:
        total += w
        yield total


# ---------------------------------------------------------------------------------------------
# Markdown bodies


class BodyWriter:
    def __init__(self, rng, words, all_urls):
        self.rng, self.w, self.all_urls = rng, words, all_urls

    def inline(self, text_sentences, footnotes):
        rng, w = self.rng, self.w
        parts = []
        for s in text_sentences:
            r = rng.random()
            if r < 0.10:
                a, b = w.words(2)
                s = s[:-1] + f" *{a} {b}*" + s[-1]
            elif r < 0.17:
                s = f"**{w.noun()} {w.words(1)[0]}:** " + s
            elif r < 0.21:
                s = s[:-1] + f" (`{slugify(w.noun())}_{rng.randint(1, 99)}`)" + s[-1]
            elif r < 0.24:
                s = s[:-1] + f" ~~{w.words(1)[0]} {w.words(1)[0]}~~ {w.words(1)[0]}" + s[-1]
            elif r < 0.29:
                s = s[:-1] + f" [{w.noun()} {w.words(1)[0]}](https://www.{slugify(w.noun())}.example/{rng.randint(100, 9999)})" + s[-1]
            elif r < 0.32 and self.all_urls:
                s = s[:-1] + f" – mehr dazu in [unserem Bericht]({rng.choice(self.all_urls)})" + s[-1]
            elif r < 0.34:
                s = s + f" Quelle: https://daten.{slugify(rng.choice(PLACES))}.example/bericht/{rng.randint(1, 500)}"
            elif r < 0.355:
                s = s + f" Kontakt: <redaktion-{rng.randint(1, 30)}@magazin.example>"
            elif r < 0.38:
                n = len(footnotes) + 1
                footnotes.append(f"[^{n}]: {w.sentence(5, 14)} {w.sentence(4, 10)}")
                s = s[:-1] + f"[^{n}]" + s[-1]
            elif r < 0.40:
                s = s.replace(" ", " „", 1).rstrip(".?!") + "“, " + w.sentence(3, 6).lower()
            parts.append(s)
        return " ".join(parts)

    def paragraph(self, footnotes):
        return self.inline([self.w.sentence() for _ in range(self.rng.randint(2, 7))], footnotes)

    def body(self, target_words):
        rng, w = self.rng, self.w
        blocks, footnotes, words = [], [], 0
        blocks.append(self.paragraph(footnotes))
        since_heading = 0
        while words < target_words:
            r = rng.random()
            if since_heading >= 3 and r < 0.35:
                level = "###" if rng.random() < 0.25 else "##"
                blocks.append(f"{level} {' '.join(w.words(rng.randint(2, 6))).capitalize()}")
                since_heading = 0
                continue
            since_heading += 1
            if r < 0.62:
                block = self.paragraph(footnotes)
            elif r < 0.70:
                kind = rng.random()
                items = [self.inline([w.sentence(3, 12)], footnotes) for _ in range(rng.randint(3, 7))]
                if kind < 0.5:
                    block = "\n".join("- " + i for i in items)
                elif kind < 0.85:
                    block = "\n".join(f"{k}. {i}" for k, i in enumerate(items, 1))
                else:
                    block = "\n".join(f"- [{'x' if rng.random() < 0.5 else ' '}] {i}" for i in items)
                if rng.random() < 0.2:  # a nested list
                    block += "\n" + "\n".join("    - " + w.sentence(3, 8) for _ in range(rng.randint(2, 3)))
            elif r < 0.77:
                q = " ".join(w.sentence() for _ in range(rng.randint(1, 3)))
                block = f"> „{q}“"
                if rng.random() < 0.5:
                    block += f"\\\n> – {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            elif r < 0.82:
                cols = rng.randint(2, 5)
                head = ["Jahr"] + [w.noun() for _ in range(cols - 1)]
                aligns = ["---"] + [rng.choice(["---:", ":---", ":---:"]) for _ in range(cols - 1)]
                rows = [[str(2010 + i)] + [f"{rng.randint(1, 9999):,}".replace(",", ".") for _ in range(cols - 1)]
                        for i in range(rng.randint(3, 9))]
                block = "\n".join("| " + " | ".join(row) + " |" for row in [head, aligns] + rows)
            elif r < 0.84:
                lines = [f"{slugify(w.noun())} = {rng.randint(0, 999)}" for _ in range(rng.randint(2, 6))]
                block = "```\n" + "\n".join(lines) + "\n```"
            elif r < 0.85:
                block = "---"
            elif r < 0.87:
                # A body picture needs its credit (the quoted title); the line below is its caption.
                block = f"![{w.sentence(4, 9)[:-1]}]({TINY_JPG_NAME} \"Foto: Bildarchiv Muster\")"
            else:
                block = self.paragraph(footnotes)
            words += block.count(" ") + 1
            blocks.append(block)
        if footnotes:
            blocks.append("\n".join(footnotes))
        return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------
# Comments


def comment_count(rng):
    r = rng.random()
    if r < 0.12:
        return 0
    if r < 0.90:
        return max(1, int(rng.lognormvariate(math.log(12), 0.55)))
    if r < 0.985:
        return rng.randint(30, 120)
    return rng.randint(150, 600)


def comment_text(rng, w):
    paras = []
    if rng.random() < 0.12:
        paras.append("> " + w.sentence(5, 14))
    long = rng.random() < 0.10
    for _ in range(rng.randint(3, 5) if long else rng.randint(1, 2)):
        sentences = [w.sentence(4, 16) for _ in range(rng.randint(1, 4) + (4 if long else 0))]
        if len(sentences) > 1 and rng.random() < 0.15:  # a single line break
            paras.append(" ".join(sentences[:1]) + "\n" + " ".join(sentences[1:]))
        else:
            paras.append(" ".join(sentences))
    if rng.random() < 0.08:
        paras[-1] += f" Siehe https://www.{slugify(w.noun())}.example/artikel/{rng.randint(1, 9999)}"
    if rng.random() < 0.03:
        paras[-1] += " <b>Wichtig</b> & \"so\" <script>x()</script>"  # untrusted text, must be escaped
    return "\n\n".join(paras)


def comments_json(rng, w, count, start, id_base):
    out, depths = [], []
    t = start
    for i in range(count):
        t += timedelta(minutes=rng.randint(1, 240))
        parent = None
        depth = 0
        if i > 0 and rng.random() > 0.38:
            p = max(0, i - 1 - int(rng.expovariate(1 / 4)))
            while depths[p] >= 9:  # real threads rarely go deeper than ten
                p = max(0, p - 1)
            parent = str(id_base + p)
            depth = depths[p] + 1
        depths.append(depth)
        c = {"id": str(id_base + i), "parent": parent,
             "author": (f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)[0]}." if rng.random() < 0.6
                        else f"{rng.choice(NICKS)}{rng.randint(1, 99)}"),
             "date": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
             "text": comment_text(rng, w),
             "rating": int(rng.gauss(2, 7))}
        s = rng.random()
        if s < 0.04:
            c["status"] = "pending"
        elif s < 0.05:
            c["status"] = "spam"
        elif s < 0.06:
            c["status"] = "trash"
        elif s < 0.10:
            c["status"] = "approved"
        out.append(c)
    return json.dumps({"comments": out}, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# The site


def write_hugo_config(out):
    """OUT/hugo/hugo.yaml: Benchmarks/hugo/hugo.yaml with the absolute paths of OUT/site's
    content/ and static/ and of the Hugo twin's layouts (rewritten by every bench run, so a
    moved checkout or corpus still builds)."""
    here = os.path.dirname(os.path.abspath(__file__))
    site = os.path.join(os.path.abspath(out), "site")
    with open(os.path.join(here, "hugo", "hugo.yaml"), encoding="utf-8") as f:
        hugo_yml = f.read()
    hugo_yml += (f"\ncontentDir: {json.dumps(os.path.join(site, 'content'))}\n"
                 f"staticDir: {json.dumps(os.path.join(site, 'static'))}\n"
                 f"layoutDir: {json.dumps(os.path.join(here, 'hugo', 'layouts'))}\n")
    with open(os.path.join(out, "hugo", "hugo.yaml"), "w", encoding="utf-8") as f:
        f.write(hugo_yml)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="number of articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="magbuild repository (theme: templates/ and static/)")
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    site, hugo = os.path.join(out, "site"), os.path.join(out, "hugo")
    content = os.path.join(site, "content")
    os.makedirs(content)
    os.makedirs(hugo)
    shutil.copytree(os.path.join(args.repo, "templates"), os.path.join(site, "templates"))
    shutil.copytree(os.path.join(args.repo, "static"), os.path.join(site, "static"))

    rng = random.Random(args.seed)
    w = Words(rng)

    authors = sorted({f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES})
    rng.shuffle(authors)
    authors = authors[:140]
    author_cum = list(_cumulative([1.0 / (r + 3) for r in range(len(authors))]))
    tags = []
    seen = set()
    while len(tags) < 2500:
        r = rng.random()
        t = (w.noun() if r < 0.5 else f"{rng.choice(PLACES)}" if r < 0.55 else
             f"{rng.choice(ADJECTIVES).capitalize().rstrip('e')}e {w.noun()}")
        if t not in seen:
            seen.add(t)
            tags.append(t)
    tag_cum = list(_cumulative([1.0 / (r + 1) ** 1.05 for r in range(len(tags))]))
    columns = [(c, rng.choice(authors)) for c in COLUMNS]
    section_names = [s for s, _ in SECTIONS]
    section_cum = list(_cumulative([wt for _, wt in SECTIONS]))

    end = datetime(2025, 12, 31, 18, 0)
    span_minutes = 15 * 365 * 24 * 60

    # Pass 1: who is where (so bodies and related: can point at real articles).
    plan = []
    for i in range(args.n):
        if rng.random() < COLUMN_SHARE:
            col, col_author = rng.choice(columns)
            path = "kolumnen/" + slugify(col)
        else:
            col, col_author = None, None
            path = rng.choices(section_names, cum_weights=section_cum)[0]
        title_words = w.words(rng.randint(3, 8))
        title = " ".join([w.noun()] + title_words[1:])
        title = title[:1].upper() + title[1:]
        if rng.random() < 0.3:
            title += ": " + w.sentence(2, 5)[:-1]
        slug = f"{slugify(title)}-{i + 1}"
        date = end - timedelta(minutes=rng.randrange(span_minutes))
        draft = rng.random() < 0.01
        plan.append(dict(path=path, slug=slug, title=title, column=col, column_author=col_author, date=date, draft=draft))
    urls = [f"/{p['path']}/{p['slug']}/" for p in plan]

    body_writer = BodyWriter(rng, w, urls)
    bodies = open(os.path.join(out, "bodies.md"), "w", encoding="utf-8")
    stats = dict(n=args.n, seed=args.seed, articles=0, comments=0, comment_files=0, images=0,
                 markdown_bytes=0, comment_json_bytes=0, drafts=0, aliases=0, max_comments=0, embeds=0)
    embed_rng = random.Random(args.seed * 7919 + 1)
    for i, p in enumerate(plan):
        d = p["date"]
        offset = "+02:00" if 4 <= d.month <= 10 else "+01:00"
        fm = ["---", f"title: {yaml_str(p['title'])}",
              f"teaser: {yaml_str(w.sentence(12, 24) + ' ' + w.sentence(6, 14))}",
              f"date: {d.strftime('%Y-%m-%dT%H:%M:00')}{offset}"]
        if rng.random() < 0.15:
            fm.append(f"updated: {(d + timedelta(days=rng.randint(1, 30))).strftime('%Y-%m-%d')}")
        if p["column"]:
            art_authors = [p["column_author"]]
        else:
            k = 1 if rng.random() < 0.85 else 2 if rng.random() < 0.8 else 3
            art_authors = []
            while len(art_authors) < k:
                a = rng.choices(authors, cum_weights=author_cum)[0]
                if a not in art_authors:
                    art_authors.append(a)
        fm.append(f"authors: {yaml_list(art_authors)}")
        if p["column"]:
            fm.append(f"column: {yaml_str(p['column'])}")
        art_tags = []
        for _ in range(rng.randint(2, 6)):
            t = rng.choices(tags, cum_weights=tag_cum)[0]
            if t not in art_tags:
                art_tags.append(t)
        fm.append(f"tags: {yaml_list(art_tags)}")
        has_image = rng.random() < 0.85
        if has_image:
            fm += ["image:", f"  src: {TINY_JPG_NAME}", f"  alt: {yaml_str(w.sentence(6, 14)[:-1])}"]
            if rng.random() < 0.9:
                fm.append(f"  caption: {yaml_str(w.sentence(6, 16))}")
            fm.append(f"  credit: {yaml_str(rng.choice(['Foto', 'Illustration', 'Grafik']) + ': ' + rng.choice(['Beispiel-Agentur', 'Bildarchiv Muster', 'Redaktion']) + ' / ' + rng.choice(FIRST_NAMES)[0] + '. ' + rng.choice(LAST_NAMES))}")
        rel = []
        if i > 0 and rng.random() < 0.7:
            rel = sorted({j for j in (rng.randrange(i) for _ in range(rng.randint(1, 3))) if not plan[j]["draft"]})
        if rel:
            fm.append(f"related: [{', '.join(plan[j]['path'] + '/' + plan[j]['slug'] for j in rel)}]")
        r = rng.random()
        mode = "closed" if r < 0.05 else "off" if r < 0.08 else "open"
        if mode != "open" or rng.random() < 0.3:
            fm.append(f"comments: {mode}")
        if rng.random() < 0.02:
            fm.append("featured: true")
        if p["draft"]:
            fm.append("draft: true")
            stats["drafts"] += 1
        if rng.random() < 0.04:
            fm.append(f"aliases: [/archiv/{100000 + i}.html]")
            stats["aliases"] += 1
        fm.append("---")

        target = int(rng.lognormvariate(math.log(1000), 0.45))
        body = body_writer.body(min(max(target, 150), 5000))
        # In-body embeds placed by editors (site.yml's embeds.auto fills most other articles with
        # related:). Drawn from their own generator, so the rest of the corpus stays as it was.
        placed = []
        if i > 0 and embed_rng.random() < 0.10:
            j = embed_rng.randrange(i)
            if not plan[j]["draft"]:
                placed.append(f"> [!teaser] {plan[j]['path']}/{plan[j]['slug']}")
        if embed_rng.random() < 0.05:
            placed.append("> [!slot] newsletter")
        if placed:
            blocks = body.split("\n\n")
            body = "\n\n".join(blocks[:2] + placed + blocks[2:])
            stats["embeds"] += len(placed)
        bundle = os.path.join(content, p["path"], p["slug"])
        os.makedirs(bundle)
        text = "\n".join(fm) + "\n" + body
        with open(os.path.join(bundle, "index.md"), "w", encoding="utf-8") as f:
            f.write(text)
        bodies.write(body + "\n")
        stats["articles"] += 1
        stats["markdown_bytes"] += len(body.encode())
        if has_image or "](lead.png)" in body:
            with open(os.path.join(bundle, TINY_JPG_NAME), "wb") as f:
                f.write(TINY_PNG)
            stats["images"] += 1
        count = comment_count(rng)
        if count:
            data = comments_json(rng, w, count, d - timedelta(hours=2) + timedelta(minutes=rng.randint(60, 600)),
                                 1_000_000 + i * 1000)
            with open(os.path.join(bundle, "comments.json"), "w", encoding="utf-8") as f:
                f.write(data)
            stats["comments"] += count
            stats["comment_files"] += 1
            stats["comment_json_bytes"] += len(data.encode())
            stats["max_comments"] = max(stats["max_comments"], count)
    bodies.close()

    # Section titles for Hugo (magbuild skips _index.md and names sections after their folders).
    # The root _index.md keeps Hugo from publishing every bundle file: comments.json holds
    # unpublished comments; lead images are published on use (.RelPermalink).
    with open(os.path.join(content, "_index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: \"Das Beispiel-Magazin\"\ncascade:\n  _build:\n    publishResources: false\n---\n")
    for s in section_names + ["kolumnen"]:
        folder = os.path.join(content, s)
        if os.path.isdir(folder):
            with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {yaml_str(s.capitalize())}\n---\n")
    for col, _ in columns:
        folder = os.path.join(content, "kolumnen", slugify(col))
        if os.path.isdir(folder):
            with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {yaml_str(col)}\n---\n")

    with open(os.path.join(args.repo, "site.yml"), encoding="utf-8") as f:
        site_yml = f.read()
    site_yml = site_yml.replace("paginate: 10", "paginate: 20")
    with open(os.path.join(site, "site.yml"), "w", encoding="utf-8") as f:
        f.write(site_yml)

    write_hugo_config(out)
    write_queries(out, plan, args.seed)

    with open(os.path.join(out, "corpus.json"), "w") as f:
        json.dump(stats, f, indent=2)
        f.write("\n")
    print(f"corpus: {stats['articles']} articles, {stats['comments']} comments in {stats['comment_files']} files, "
          f"{stats['markdown_bytes'] / 1e6:.1f} MB Markdown, {stats['comment_json_bytes'] / 1e6:.1f} MB comments.json "
          f"(max {stats['max_comments']} on one article) → {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
