#!/usr/bin/env python3
"""Draws the lead images of magbuild's demo magazine.

Every picture is a simple generated illustration (gradients and flat shapes),
made for this repository. PNG files are written with the standard library
only; the few `.jpg` files need Pillow (`pip install pillow`).

    python3 scripts/make-demo-images.py          # from the repository root

The output is deterministic: running the script again gives the same files.
"""
import math
import os
import random
import struct
import sys
import zlib

W, H = 1200, 675
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def hexc(s):
    s = s.lstrip("#")
    return tuple(int(s[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


class Canvas:
    def __init__(self, w=W, h=H, color="#ffffff"):
        self.w, self.h = w, h
        c = bytes(hexc(color))
        self.rows = [bytearray(c * w) for _ in range(h)]

    # -- primitives ---------------------------------------------------------
    def span(self, y, x0, x1, color):
        if y < 0 or y >= self.h:
            return
        x0, x1 = max(0, int(x0)), min(self.w, int(x1))
        if x1 > x0:
            self.rows[y][x0 * 3:x1 * 3] = bytes(color) * (x1 - x0)

    def vgradient(self, top, bottom, y0=0, y1=None, bands=24):
        """Vertical gradient, posterized into bands (compresses well)."""
        y1 = self.h if y1 is None else y1
        a, b = hexc(top), hexc(bottom)
        for y in range(y0, y1):
            t = (y - y0) / max(1, y1 - y0 - 1)
            t = math.floor(t * bands) / bands
            self.span(y, 0, self.w, mix(a, b, t))

    def rect(self, x0, y0, x1, y1, color):
        c = hexc(color)
        for y in range(int(y0), int(y1)):
            self.span(y, x0, x1, c)

    def circle(self, cx, cy, r, color, ry=None):
        """Disc of radius r, or an ellipse when ry (vertical radius) is given."""
        c = hexc(color)
        ry = r if ry is None else ry
        for y in range(int(cy - ry), int(cy + ry) + 1):
            d = 1 - ((y - cy) / ry) ** 2
            if d >= 0:
                dx = r * math.sqrt(d)
                self.span(y, cx - dx, cx + dx + 1, c)

    def glow(self, cx, cy, r, inner, outer, steps=10):
        """Radial glow as concentric discs from the outside in."""
        for i in range(steps):
            t = i / (steps - 1)
            self.circle(cx, cy, r * (1 - t * 0.9), "#%02x%02x%02x" % mix(hexc(outer), hexc(inner), t))

    def polygon(self, pts, color):
        c = hexc(color)
        ys = [p[1] for p in pts]
        for y in range(int(min(ys)), int(max(ys)) + 1):
            yc = y + 0.5
            xs = []
            for i in range(len(pts)):
                (xa, ya), (xb, yb) = pts[i], pts[(i + 1) % len(pts)]
                if (ya <= yc < yb) or (yb <= yc < ya):
                    xs.append(xa + (yc - ya) * (xb - xa) / (yb - ya))
            xs.sort()
            for j in range(0, len(xs) - 1, 2):
                self.span(y, xs[j], xs[j + 1], c)

    def line(self, x0, y0, x1, y1, width, color):
        dx, dy = x1 - x0, y1 - y0
        n = math.hypot(dx, dy) or 1
        ox, oy = -dy / n * width / 2, dx / n * width / 2
        self.polygon([(x0 + ox, y0 + oy), (x1 + ox, y1 + oy), (x1 - ox, y1 - oy), (x0 - ox, y0 - oy)], color)

    # -- output -------------------------------------------------------------
    def png(self, path):
        out = bytearray()
        prev = bytearray(self.w * 3)
        for row in self.rows:
            # "Up" filter: identical rows become zeros. Bytes wrap modulo 256.
            out.append(2)
            out += bytes((a - b) & 0xFF for a, b in zip(row, prev))
            prev = row
        raw = zlib.compress(bytes(out), 9)

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)))
            f.write(chunk(b"IDAT", raw))
            f.write(chunk(b"IEND", b""))

    def jpg(self, path, quality=58):
        try:
            from PIL import Image
        except ImportError:
            sys.exit("make-demo-images: %s needs Pillow (pip install pillow)" % path)
        img = Image.frombytes("RGB", (self.w, self.h), b"".join(bytes(r) for r in self.rows))
        img.save(path, "JPEG", quality=quality, optimize=True, progressive=True)

    def save(self, rel):
        path = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        (self.jpg if rel.endswith(".jpg") else self.png)(path)
        print("%6.1f KB  %s" % (os.path.getsize(path) / 1024, rel))


# --- the pictures -------------------------------------------------------------

def tempo30():
    c = Canvas()
    c.vgradient("#bcd4e6", "#eef3f6", 0, 380)
    c.rect(0, 380, W, H, "#8a9a5b")
    c.polygon([(520, 380), (680, 380), (1100, H), (100, H)], "#55595e")
    for i in range(6):
        y0 = 390 + i * i * 9 + i * 14
        h = 8 + i * 6
        c.polygon([(596 - i, y0), (604 + i, y0), (606 + i * 2, y0 + h), (594 - i * 2, y0 + h)], "#f2f2f2")
    c.rect(842, 230, 852, 560, "#6b6b6b")
    c.circle(847, 200, 92, "#c8102e")
    c.circle(847, 200, 70, "#ffffff")
    # "30", drawn with bars
    for x in (800, 850):
        c.rect(x, 170, x + 38, 180, "#1a1a1a")
        c.rect(x, 225, x + 38, 235, "#1a1a1a")
    c.rect(828, 170, 838, 235, "#1a1a1a")
    c.rect(800, 197, 838, 207, "#1a1a1a")
    c.rect(850, 170, 860, 235, "#1a1a1a")
    c.rect(878, 170, 888, 235, "#1a1a1a")
    return c


def gleisdreieck():
    c = Canvas()
    c.vgradient("#f6c89f", "#fbeee0", 0, 520)
    c.rect(0, 520, W, H, "#6f6a64")
    rnd = random.Random(7)
    x = 20
    while x < W:
        w = rnd.randint(90, 190)
        h = rnd.randint(160, 420)
        col = rnd.choice(["#3c4a5c", "#52606d", "#7b8794", "#a0522d", "#c97b4a"])
        c.rect(x, 520 - h, x + w - 12, 520, col)
        for wy in range(520 - h + 20, 500, 34):
            for wx in range(x + 14, x + w - 34, 30):
                if rnd.random() < 0.7:
                    c.rect(wx, wy, wx + 14, wy + 18, "#f4e3b5" if rnd.random() < 0.5 else "#2b2f36")
        x += w
    # crane
    c.rect(980, 60, 994, 520, "#e0a100")
    c.rect(760, 60, 1150, 74, "#e0a100")
    c.line(987, 60, 1150, 120, 4, "#444444")
    for y in (560, 610):
        c.rect(0, y, W, y + 6, "#b9b3aa")
    return c


def buergerrat():
    c = Canvas(color="#eef0e8")
    c.vgradient("#dfe8d8", "#f5f5ef")
    c.circle(600, 340, 190, "#b5894f")
    c.circle(600, 340, 176, "#c99b5e")
    for i in range(16):
        a = 2 * math.pi * i / 16
        col = ["#2f6f73", "#d1495b", "#edae49", "#00798c", "#30638e"][i % 5]
        c.circle(600 + math.cos(a) * 262, 340 + math.sin(a) * 262, 30, col)
    for i in range(5):
        c.rect(540 + i * 26, 320, 556 + i * 26, 360, "#ffffff")
    return c


def wahlurne():
    c = Canvas()
    c.vgradient("#c9d6df", "#f1f4f6")
    c.polygon([(380, 300), (820, 300), (860, 600), (340, 600)], "#2e4057")
    c.rect(360, 270, 840, 310, "#3d5472")
    c.rect(520, 282, 680, 296, "#10161f")
    c.polygon([(560, 120), (700, 150), (660, 292), (528, 286)], "#ffffff")
    c.line(585, 170, 660, 190, 6, "#c8102e")
    c.line(590, 200, 630, 240, 8, "#1a1a1a")
    c.line(630, 240, 690, 170, 8, "#1a1a1a")
    return c


def theater():
    c = Canvas(color="#1b0f12")
    c.glow(600, 520, 420, "#f6e7b0", "#1b0f12", 12)
    c.rect(0, 560, W, H, "#4a2f22")
    for i in range(0, 14):
        x = i * 36
        c.rect(x, 0, x + 36, 560 - i * 10, "#8b0d1c" if i % 2 else "#a3142a")
        xr = W - 36 - i * 36
        c.rect(xr, 0, xr + 36, 560 - i * 10, "#8b0d1c" if i % 2 else "#a3142a")
    c.rect(0, 0, W, 70, "#6f0a16")
    c.rect(585, 380, 615, 560, "#2a2a2a")
    c.circle(600, 365, 26, "#2a2a2a")
    return c


def salzwiesen():
    c = Canvas()
    c.vgradient("#f3d9c4", "#cfe0ea", 0, 330)
    c.circle(860, 250, 70, "#f7b267")
    c.vgradient("#7fa7bf", "#5d8aa8", 330, 420, 6)
    c.vgradient("#9aae6a", "#5f7a3b", 420, H, 10)
    rnd = random.Random(3)
    for _ in range(140):
        x = rnd.randint(0, W)
        y = rnd.randint(440, H)
        c.line(x, y, x + rnd.randint(-8, 8), y - rnd.randint(20, 50), 3, "#4b6130")
    c.polygon([(120, 330), (150, 300), (180, 330)], "#5a4a42")
    return c


def lehm():
    c = Canvas(color="#9c6b46")
    cols = ["#b5835a", "#9c6b46", "#c89b72", "#8a5a3b", "#d2ad85", "#a5744e", "#7d5236"]
    y = 0
    rnd = random.Random(11)
    i = 0
    while y < H:
        h = rnd.randint(30, 80)
        pts = [(0, y), (W, y + rnd.randint(-10, 10)), (W, y + h), (0, y + h + rnd.randint(-10, 10))]
        c.polygon(pts, cols[i % len(cols)])
        y += h
        i += 1
    c.polygon([(700, 0), (820, 0), (560, H), (300, H)], "#e8c9a0")
    c.polygon([(740, 0), (790, 0), (500, H), (400, H)], "#f3dfc0")
    return c


def lehm_detail():
    c = Canvas(800, 450)
    rnd = random.Random(5)
    cols = ["#b5835a", "#9c6b46", "#c89b72", "#8a5a3b", "#d2ad85"]
    y = 0
    while y < 450:
        h = rnd.randint(12, 40)
        c.rect(0, y, 800, y + h, rnd.choice(cols))
        y += h
    for _ in range(60):
        c.circle(rnd.randint(0, 800), rnd.randint(0, 450), rnd.randint(2, 7), "#6e4a30")
    c.line(0, 300, 800, 260, 3, "#5a3b26")
    return c


def chor():
    c = Canvas(color="#1f2a44")
    for i in range(9, 0, -1):
        col = "#%02x%02x%02x" % mix(hexc("#f2c14e"), hexc("#1f2a44"), i / 10)
        c.circle(600, 700, i * 70, col)
    for i in range(7):
        x = 250 + i * 115
        c.circle(x, 520, 34, "#0f1626")
        c.rect(x - 38, 550, x + 38, H, "#0f1626")
    return c


def stadtbaeume():
    c = Canvas()
    c.vgradient("#ffd27d", "#fff4d6", 0, 470)
    c.circle(1010, 140, 80, "#ffb347")
    c.rect(0, 470, W, H, "#c9c1b6")
    c.rect(0, 470, W, 490, "#a59d92")
    for x, r in ((170, 150), (480, 175), (790, 140)):
        c.rect(x - 16, 300, x + 16, 520, "#5b4636")
        c.circle(x + 40, 545, r * 1.1, "#a89f92", 38)  # shadow
        c.circle(x, 270, r, "#2f6b3a")
        c.circle(x - r * 0.35, 235, r * 0.55, "#3f8a4a")
        c.circle(x + r * 0.3, 300, r * 0.5, "#27592f")
    c.rect(0, 640, W, H, "#8e8679")
    return c


def moor():
    c = Canvas()
    c.vgradient("#9fb3c8", "#d9e2ea", 0, 340)
    c.vgradient("#3a3f2b", "#252a1c", 340, H, 8)
    for i, (y, w) in enumerate(((420, 520), (500, 680), (590, 420))):
        x = 80 + i * 330
        c.polygon([(x, y), (x + w, y - 8), (x + w - 40, y + 30), (x + 30, y + 36)], "#4e6b7a")
    rnd = random.Random(2)
    for _ in range(150):
        x = rnd.randint(0, W)
        y = rnd.randint(350, H)
        c.line(x, y, x + rnd.randint(-10, 10), y - rnd.randint(30, 90), 3, rnd.choice(["#8c7a3f", "#6d6a34", "#a8904d"]))
    c.circle(300, 170, 46, "#eef2f5")
    return c


def schlaf():
    c = Canvas()
    c.vgradient("#0b1330", "#2b3a6b")
    rnd = random.Random(9)
    for _ in range(120):
        c.circle(rnd.randint(0, W), rnd.randint(0, 520), rnd.choice([1.5, 2, 2.5, 3]), "#e8ecf7")
    c.circle(860, 200, 110, "#f4eccb")
    c.circle(910, 170, 105, "#15204a")
    c.polygon([(0, 560), (300, 500), (620, 540), (900, 490), (W, 530), (W, H), (0, H)], "#0a0f22")
    return c


def nachtfalter():
    c = Canvas(color="#14121f")
    c.glow(600, 300, 340, "#fff3c4", "#14121f", 14)
    c.rect(592, 0, 608, 230, "#2b2838")
    c.circle(600, 300, 60, "#fffbe8")
    rnd = random.Random(4)
    for _ in range(9):
        x, y = rnd.randint(330, 870), rnd.randint(120, 520)
        if math.hypot(x - 600, y - 300) < 90:
            continue
        col = rnd.choice(["#6b5a46", "#8a7660", "#4f4436"])
        c.polygon([(x, y), (x - 34, y - 22), (x - 26, y + 18)], col)
        c.polygon([(x, y), (x + 34, y - 22), (x + 26, y + 18)], col)
        c.rect(x - 3, y - 12, x + 3, y + 14, "#2b2218")
    c.rect(0, 600, W, H, "#0c0b13")
    return c


def dorfladen():
    c = Canvas()
    c.vgradient("#b7d3e9", "#eaf2f8", 0, 500)
    c.rect(0, 500, W, H, "#a3a58a")
    c.rect(300, 250, 900, 560, "#e9dcc3")
    c.polygon([(270, 260), (600, 90), (930, 260)], "#8e3b2e")
    for i in range(12):
        c.polygon([(300 + i * 50, 300), (350 + i * 50, 300), (350 + i * 50, 350), (300 + i * 50, 350)],
                  "#d1495b" if i % 2 == 0 else "#fdf6ec")
    c.rect(540, 400, 660, 560, "#5b4636")
    c.rect(340, 400, 500, 500, "#9cc3d5")
    c.rect(700, 400, 860, 500, "#9cc3d5")
    c.rect(360, 470, 480, 500, "#f7b267")
    c.rect(720, 470, 840, 500, "#7fb069")
    return c


def bus():
    c = Canvas()
    c.vgradient("#c9c6d9", "#f0eef5", 0, 460)
    c.rect(0, 460, W, H, "#5e6166")
    c.rect(0, 560, W, 572, "#e8e8e8")
    c.rect(240, 250, 960, 520, "#f2c14e")
    c.rect(240, 450, 960, 470, "#d9a21b")
    for i in range(6):
        c.rect(270 + i * 110, 280, 360 + i * 110, 380, "#4a6d8c")
    c.rect(900, 280, 950, 440, "#4a6d8c")
    for x in (360, 820):
        c.circle(x, 525, 46, "#222222")
        c.circle(x, 525, 18, "#9a9a9a")
    c.rect(120, 200, 132, 520, "#444444")
    c.rect(80, 170, 172, 240, "#2e7d32")
    c.circle(126, 205, 22, "#f2c14e")
    return c


def kirmes():
    c = Canvas()
    c.vgradient("#6c7a89", "#aab7c4", 0, 540)
    c.rect(0, 540, W, H, "#4a4f3c")
    cx, cy, r = 600, 300, 210
    c.circle(cx, cy, r + 10, "#d1495b")
    c.circle(cx, cy, r - 6, "#8f9cab")
    for i in range(12):
        a = 2 * math.pi * i / 12
        c.line(cx, cy, cx + math.cos(a) * r, cy + math.sin(a) * r, 5, "#d1495b")
        c.rect(cx + math.cos(a) * r - 18, cy + math.sin(a) * r, cx + math.cos(a) * r + 18,
               cy + math.sin(a) * r + 30, ["#edae49", "#00798c", "#30638e"][i % 3])
    c.circle(cx, cy, 24, "#edae49")
    c.polygon([(cx - 15, cy), (cx + 15, cy), (cx + 140, 560), (cx + 110, 560)], "#3a3f4a")
    c.polygon([(cx - 15, cy), (cx + 15, cy), (cx - 110, 560), (cx - 140, 560)], "#3a3f4a")
    rnd = random.Random(8)
    for _ in range(160):
        x, y = rnd.randint(-40, W), rnd.randint(-40, H)
        c.line(x, y, x + 10, y + 34, 2, "#d5dde6")
    return c


ACCENT = "#a3142a"


def icon(size, rounded=True):
    """The theme's icon: a white "M" on the accent colour (static/favicon.svg drawn in pixels)."""
    s = size / 32
    c = Canvas(size, size, "#fbfaf7" if rounded else ACCENT)
    r = 6 * s if rounded else 0
    c.rect(r, 0, size - r, size, ACCENT)
    c.rect(0, r, size, size - r, ACCENT)
    if rounded:
        for cx, cy in ((r, r), (size - r, r), (r, size - r), (size - r, size - r)):
            c.circle(cx, cy, r, ACCENT)
    width = 3.5 * s
    pts = [(8, 24), (8, 8), (16, 18), (24, 8), (24, 24)]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        c.line(x0 * s, y0 * s, x1 * s, y1 * s, width, "#ffffff")
    for x, y in pts:  # round joins and caps, as stroke-linejoin/linecap="round"
        c.circle(x * s, y * s, width / 2, "#ffffff")
    return c


def save_ico(canvas, rel):
    """An ICO file holding one PNG image (every browser reads PNG-in-ICO)."""
    path = os.path.join(ROOT, rel)
    canvas.png(path)
    with open(path, "rb") as f:
        data = f.read()
    size = canvas.w if canvas.w < 256 else 0
    header = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), 22)
    with open(path, "wb") as f:
        f.write(header + data)
    print("%6.1f KB  %s" % (os.path.getsize(path) / 1024, rel))


IMAGES = {
    "content/politik/tempo-30-haldenau/lead.png": tempo30,
    "content/politik/wohnen-am-gleisdreieck/lead.jpg": gleisdreieck,
    "static/img/buergerrat-klima.png": buergerrat,
    "content/politik/wahlalter-sechzehn/lead.png": wahlurne,
    "content/kultur/stadttheater-neue-spielzeit/lead.png": theater,
    "content/kultur/roman-die-salzwiesen/lead.jpg": salzwiesen,
    "content/kultur/ausstellung-licht-und-lehm/lead.png": lehm,
    "content/kultur/ausstellung-licht-und-lehm/detail.png": lehm_detail,
    "content/kultur/chorfestival-birkwede/lead.png": chor,
    "content/wissen/stadtbaeume-hitze/lead.png": stadtbaeume,
    "content/wissen/moore-als-klimaspeicher/lead.jpg": moor,
    "content/wissen/schlaf-und-gedaechtnis/lead.png": schlaf,
    "content/wissen/nachtfalter-zaehlen/lead.png": nachtfalter,
    "content/kolumnen/lindqvists-landpartie/der-letzte-dorfladen/lead.png": dorfladen,
    "content/kolumnen/lindqvists-landpartie/busfahren-am-sonntag/lead.png": bus,
    "content/kolumnen/lindqvists-landpartie/kirmes-im-regen/lead.png": kirmes,
}

if __name__ == "__main__":
    only = sys.argv[1:]
    for rel, draw in IMAGES.items():
        if not only or any(o in rel for o in only):
            draw().save(rel)
    if not only or "icon" in only:
        icon(180, rounded=False).save("static/apple-touch-icon.png")
        icon(192).save("static/icon-192.png")
        save_ico(icon(32), "static/favicon.ico")
