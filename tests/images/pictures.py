"""Originals made by the tests: a photograph carrying EXIF (with GPS), XMP, an ICC profile and an
orientation; a diagram with transparency and text chunks; and files that must be refused."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

GPS_IFD = 0x8825
ORIENTATION = 0x0112
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description photoshop:City="Lima"/></rdf:RDF></x:xmpmeta>')


def photograph(path: Path, size=(2000, 1200), orientation: int = 1) -> Path:
    """A JPEG that says where it was taken (GPS), by what camera, and how to turn it."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Fixture Camera Co."
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "S", 2: (12.0, 5.0, 29.0), 3: "W", 4: (77.0, 2.0, 58.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=exif.tobytes(), icc_profile=icc, xmp=XMP, quality=90)
    return path


def diagram(path: Path, size=(600, 400)) -> Path:
    """A small PNG with transparency and a text chunk naming its author."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((140, 29, 24, 255), (50, 50, size[0] - 50, size[1] - 50))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "A curator's home address")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", pnginfo=info)
    return path


def bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A PNG header declaring ``width`` × ``height`` pixels, followed by almost no data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


def truncated(path: Path) -> Path:
    """A JPEG cut off halfway, as an interrupted copy leaves it."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((800, 600)).convert("RGB").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    return path


SIDECAR = """alt: {alt}
caption: A gradient that stands for a photograph of the reception.
credit: The Fixture Archive
licence: CC BY 4.0
date: 1996-12-17
sources: [daily-1996-12-18]
"""
