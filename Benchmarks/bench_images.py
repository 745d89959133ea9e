#!/usr/bin/env python3
"""make bench-images: magbuild's picture derivatives against Hugo's image processing.

Generates PHOTOS photo-like JPEGs of 2400 × 1600 (and a few PNGs with transparency) with the
`vips` command line, writes the same magazine twice (a magbuild site and a Hugo project whose
template resizes and crops every lead picture to the same widths, formats and qualities as
magbuild: 480…2400 in JPEG/PNG and WebP, 16:9 cards at 480 and 800, a 1200 × 630 social crop),
and times clean builds of both, one after the other, RUNS times. Then it times magbuild's
rebuild after an edit that changes no picture, and reports the bytes a phone and a desktop
load against the originals.

Usage: bench_images.py --photos 40 --runs 1 --jobs N [--work DIR]
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAGBUILD = os.path.join(REPO, ".build", "release", "magbuild")


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def timed(command, env=None):
    """Wall seconds, CPU seconds and peak RSS (MB) of `command`, by GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name] + command, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wall, user, system, rss = out.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024


def make_photo(path, index, width=2400, height=1600, alpha=False):
    """A photo-like picture: smooth coloured shapes (Perlin noise per band) and grain; with
    `alpha`, a smooth drawing with a transparent pattern (Worley cells)."""
    scratch = tempfile.mkdtemp(prefix="photo-")
    try:
        bands = []
        for band, cell in enumerate((180, 260, 340)):
            name = os.path.join(scratch, f"b{band}.v")
            run(["vips", "perlin", name, str(width), str(height), "--cell-size", str(cell), "--seed", str(index * 7 + band)])
            bands.append(name)
        joined = os.path.join(scratch, "rgb.v")
        run(["vips", "bandjoin", " ".join(bands), joined])
        scaled = os.path.join(scratch, "scaled.v")
        run(["vips", "linear", joined, scaled, "230", "10"])
        noise = os.path.join(scratch, "noise.v")
        # Grain for photos; drawings with transparency are smooth.
        run(["vips", "gaussnoise", noise, str(width), str(height), "--sigma", "0" if alpha else "7", "--mean", "0", "--seed", str(index)])
        grainy = os.path.join(scratch, "grainy.v")
        run(["vips", "add", scaled, noise, grainy])
        picture = os.path.join(scratch, "u8.v")
        run(["vips", "cast", grainy, picture, "uchar"])
        srgb = os.path.join(scratch, "srgb.v")
        run(["vips", "copy", picture, srgb, "--interpretation", "srgb"])
        if alpha:
            mask = os.path.join(scratch, "mask.v")
            run(["vips", "worley", mask, str(width), str(height), "--cell-size", "300", "--seed", str(index)])
            mask8 = os.path.join(scratch, "mask8.v")
            run(["vips", "linear", mask, mask8, "4", "0", "--uchar"])
            with_alpha = os.path.join(scratch, "rgba.v")
            run(["vips", "bandjoin", f"{srgb} {mask8}", with_alpha])
            run(["vips", "copy", with_alpha, path + "[compression=6]"])
        else:
            run(["vips", "jpegsave", srgb, path, "--Q", "88"])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_sites(work, photos, pngs):
    """The magbuild site and the Hugo project, sharing nothing but the pictures' bytes."""
    site, hugo = os.path.join(work, "site"), os.path.join(work, "hugo")
    for folder in (site, hugo):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "templates"), os.path.join(site, "templates"))
    shutil.copytree(os.path.join(REPO, "static"), os.path.join(site, "static"))
    with open(os.path.join(site, "site.yml"), "w") as f:
        f.write('title: "Bildertest"\nbaseURL: "https://bilder.example/"\nlanguage: de\n')
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    for name in ("single.html", "list.html"):
        shutil.copy(os.path.join(REPO, "Benchmarks", "images", name), os.path.join(hugo, "layouts", "_default", name))
    with open(os.path.join(hugo, "hugo.yaml"), "w") as f:
        f.write('baseURL: "https://bilder.example/"\ntitle: Bildertest\ndisableKinds: [taxonomy, term, RSS, sitemap, robotsTXT]\n'
                f'resourceDir: {json.dumps(os.path.join(work, "hugo-resources"))}\n'
                'imaging:\n  resampleFilter: lanczos\n  quality: 80\n')
    sources = [(p, "jpg") for p in photos] + [(p, "png") for p in pngs]
    for index, (picture, ext) in enumerate(sources):
        slug = f"bild-{index:04d}"
        front = (f'---\ntitle: "Bild {index}"\nteaser: "Ein Bild."\ndate: 2026-01-{1 + index % 28:02d}\nauthors: [Fotoredaktion]\n'
                 f'image:\n  src: lead.{ext}\n  alt: "Bild {index}"\n  credit: "Foto: Bench"\n---\nText zum Bild {index}.\n')
        for bundle in (os.path.join(site, "content", "bilder", slug), os.path.join(hugo, "content", "bilder", slug)):
            os.makedirs(bundle)
            with open(os.path.join(bundle, "index.md"), "w") as f:
                f.write(front if bundle.startswith(site) else f'---\ntitle: "Bild {index}"\ndate: 2026-01-01\n---\nText.\n')
            os.link(picture, os.path.join(bundle, f"lead.{ext}"))
    return site, hugo


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--pngs", type=int, default=None, help="PNGs with transparency (default: one per 20 photos, at least 1)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--work", default=os.path.join(REPO, "Benchmarks", ".work", "images"))
    args = parser.parse_args()
    pngs = args.pngs if args.pngs is not None else max(1, args.photos // 20)
    os.makedirs(args.work, exist_ok=True)
    originals = os.path.join(args.work, "originals")
    os.makedirs(originals, exist_ok=True)
    photos = [os.path.join(originals, f"photo-{i:04d}.jpg") for i in range(args.photos)]
    alphas = [os.path.join(originals, f"alpha-{i:04d}.png") for i in range(pngs)]
    made = 0
    for i, path in enumerate(photos + alphas):
        if not os.path.exists(path):
            make_photo(path, i, alpha=path.endswith(".png"))
            made += 1
    print(f"pictures: {len(photos)} JPEGs 2400×1600, {len(alphas)} PNGs with alpha ({made} generated now)")
    site, hugo = write_sites(args.work, photos, alphas)
    out = os.path.join(args.work, "out")

    results = {"magbuild": [], "hugo": []}
    for _ in range(args.runs):
        shutil.rmtree(os.path.join(args.work, ".magbuild"), ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        results["magbuild"].append(timed([MAGBUILD, "build", "--source", site, "--output", out, "--jobs", str(args.jobs)]))
        resources = os.path.join(args.work, "hugo-resources")
        shutil.rmtree(resources, ignore_errors=True)
        shutil.rmtree(os.path.join(args.work, "hugo-out"), ignore_errors=True)
        env = dict(os.environ, GOMAXPROCS=str(args.jobs))
        results["hugo"].append(timed(["hugo", "--quiet", "--source", hugo, "--destination", os.path.join(args.work, "hugo-out"),
                                      "--cacheDir", os.path.join(args.work, "hugo-cache")], env=env))

    # A rebuild after an edit that changes no picture: the pictures step's own time.
    article = os.path.join(site, "content", "bilder", "bild-0000", "index.md")
    with open(article, "a") as f:
        f.write("\nNoch ein Satz.\n")
    rebuild = json.loads(run([MAGBUILD, "build", "--source", site, "--output", out, "--format", "json"]).stdout.splitlines()[-1])
    clean = json.loads(run([MAGBUILD, "build", "--source", site, "--output", out + "-clean", "--clean", "--format", "json"]).stdout.splitlines()[-1])
    step = lambda summary: next((s["seconds"] for s in summary.get("steps", []) if s["name"] == "make pictures"), float("nan"))

    def size(path):
        return os.path.getsize(path) if os.path.exists(path) else 0
    original = statistics.mean(size(p) for p in photos)
    phone = statistics.mean(size(os.path.join(out, "bilder", f"bild-{i:04d}", "lead-480w.webp")) for i in range(len(photos)))
    desktop = statistics.mean(size(os.path.join(out, "bilder", f"bild-{i:04d}", "lead-1200w.webp")) for i in range(len(photos)))

    print(f"\n| {len(photos) + len(alphas)} pictures, {args.jobs} jobs | wall | CPU | peak RSS |")
    print("|---|---|---|---|")
    for name in ("magbuild", "hugo"):
        wall = statistics.median(r[0] for r in results[name])
        cpu = statistics.median(r[1] for r in results[name])
        rss = max(r[2] for r in results[name])
        print(f"| {name} clean build | {wall:.2f} s | {cpu:.2f} s | {rss:.0f} MB |")
    ratio = statistics.median(r[0] for r in results["hugo"]) / statistics.median(r[0] for r in results["magbuild"])
    print(f"\nmagbuild's throughput: {ratio:.1f}× Hugo's")
    print(f"make pictures: {step(clean):.3f} s from scratch, {step(rebuild):.3f} s after an edit that changes no picture "
          f"({step(rebuild) / step(clean):.4f}×); pictures decoded then: {rebuild.get('picturesMade')}")
    print(f"bytes per photo: original {original / 1024:.0f} KB; a phone at 390 px loads {phone / 1024:.0f} KB (480w WebP, "
          f"{100 - 100 * phone / original:.0f} % less), a desktop {desktop / 1024:.0f} KB (1200w WebP, {100 - 100 * desktop / original:.0f} % less)")


if __name__ == "__main__":
    sys.exit(main())
