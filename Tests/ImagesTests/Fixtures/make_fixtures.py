#!/usr/bin/env python3
"""Writes the test pictures of ImagesTests (run once; the files are committed).

Needs Pillow (pip install pillow). Every picture is made here from nothing:
- photo.jpg: 1200 x 800 as stored, EXIF orientation 6 (shown turned a quarter, 800 x 1200),
  with a GPS position, a camera serial number, IPTC By-line/Credit/Copyright Notice and XMP.
- xmp-only.jpg: 640 x 480, the credit in XMP only.
- small.jpg: 300 x 200 (narrower than every derivative width).
- alpha.png: 900 x 600 with transparency.
- truncated.jpg: photo.jpg cut off after its first half.
- bomb.png: a valid 20,000 x 20,000 PNG of 50 KB (all zeros, compressed).
- not-an-image.jpg: text.
"""
import io, struct, zlib
from PIL import Image, ImageDraw

def picture(width, height, mode="RGB"):
    image = Image.new(mode, (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 8):
        for x in range(0, width, 8):
            colour = ((x * 7 + y * 3) % 256, (x * 2 + y * 5) % 256, (x + y * 11) % 256)
            draw.rectangle([x, y, x + 7, y + 7], fill=colour + ((x + y) % 256,) if mode == "RGBA" else colour)
    return image

def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload

def iptc(byline, credit, copyright):
    data = b""
    data += b"\x1c\x01\x5a\x00\x03\x1b%G"  # 1:90 coded character set: UTF-8
    for dataset, value in ((80, byline), (110, credit), (116, copyright)):
        raw = value.encode("utf-8")
        data += bytes([0x1C, 0x02, dataset]) + struct.pack(">H", len(raw)) + raw
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(data)) + data
    if len(data) % 2: resource += b"\x00"
    return segment(0xED, b"Photoshop 3.0\x00" + resource)

def xmp(creator, credit, rights):
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="{credit}">
<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")
    return segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet)

def with_segments(jpeg, *segments):
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"".join(segments) + jpeg[2:]

def jpeg(image, exif=None):
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, **({"exif": exif} if exif else {}))
    return out.getvalue()

exif = Image.Exif()
exif[0x0112] = 6                      # orientation: turn a quarter clockwise
exif[0xA431] = "SN-0042-4711"         # body serial number (in the EXIF IFD)
gps = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
exif[0x8825] = gps                    # GPS IFD
photo = with_segments(jpeg(picture(1200, 800), exif.tobytes()),
                      iptc("Erika Muster", "dpa", "© 2026 dpa"), xmp("Erika Muster (XMP)", "dpa (XMP)", "© XMP"))
open("photo.jpg", "wb").write(photo)
open("xmp-only.jpg", "wb").write(with_segments(jpeg(picture(640, 480)), xmp("Max Beispiel", "Agentur Bild", "© 2025 Agentur Bild")))
open("small.jpg", "wb").write(jpeg(picture(300, 200)))
picture(900, 600, "RGBA").save("alpha.png")
open("truncated.jpg", "wb").write(photo[: len(photo) // 2])

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

side = 20000
row = b"\x00" + b"\x00" * (side // 8)
compressor = zlib.compressobj(9)
idat = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
open("bomb.png", "wb").write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                             + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))
open("not-an-image.jpg", "w").write("Dies ist kein Bild.\n")

# Black above, white below, 900 × 600 (grey, 8 bits): where a crop was cut shows in its mean.
width, height = 900, 600
rows = b"".join(b"\x00" + (b"\x00" if y < height // 2 else b"\xff") * width for y in range(height))
open("halves.png", "wb").write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                               + png_chunk(b"IDAT", zlib.compress(rows, 9)) + png_chunk(b"IEND", b""))
