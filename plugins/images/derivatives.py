"""Responsive derivatives of an original: which widths and formats, their names, and the encoding.

What is published is re-encoded from the pixels alone: EXIF (with GPS), XMP, comments
and text chunks never reach a derivative, the EXIF orientation is applied first, and
colours are converted to sRGB before the ICC profile is dropped.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from .cache import digest, save
from .originals import Original, pixel_limit

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}


@dataclass(frozen=True)
class Target:
    width: int
    height: int
    cache: Path
    url: str  # from the site root


@dataclass(frozen=True)
class EncodeJob:
    """One original in one format, at every width: decoded once, resized and encoded per width."""

    source: Path
    format: str
    quality: int | None
    max_pixels: int
    targets: tuple[Target, ...]

    def outputs(self) -> list[Path]:
        return [t.cache for t in self.targets]

    def run(self) -> None:
        picture = publishable_pixels(self.source, self.max_pixels)
        for target in self.targets:
            size = (target.width, target.height)
            resized = picture if size == picture.size else picture.resize(size, Image.Resampling.LANCZOS,
                                                                           reducing_gap=3.0)
            save(resized, target.cache, self.format.upper(), **encoder_options(self.format, self.quality))


@dataclass(frozen=True)
class Renditions:
    """Everything a figure needs: per format (modern ones first, the fallback last) its files."""

    width: int  # of the largest derivative; with height, the aspect ratio browsers reserve
    height: int
    formats: tuple[tuple[str, tuple[Target, ...]], ...]
    jobs: tuple[EncodeJob, ...]

    @property
    def fallback(self) -> tuple[str, tuple[Target, ...]]:
        return self.formats[-1]

    def default(self, preferred_width: int = 800) -> Target:
        """The fallback file for browsers that read neither srcset nor sizes."""
        return min(self.fallback[1], key=lambda t: abs(t.width - preferred_width))


def derivative_widths(original_width: int, widths: list[int]) -> list[int]:
    """The configured widths narrower than the original, and the widest the original allows."""
    smaller = sorted(w for w in widths if w < original_width)
    largest = min(original_width, max(widths))
    return sorted({*smaller, largest})


def plan(original: Original, settings: dict, cache_dir: Path, public_name: str) -> Renditions:
    """The derivatives of ``original`` under the current settings, named by their cache key."""
    formats = [*dict.fromkeys(f.lower() for f in settings["IMAGES_FORMATS"]), original.fallback]
    quality = settings["IMAGES_QUALITY"]
    key = digest("derivatives", original.digest, settings["IMAGES_WIDTHS"], formats,
                 {f: quality.get(f) for f in formats})
    output_dir = settings["IMAGES_OUTPUT_DIR"]
    by_format, jobs = [], []
    for fmt in formats:
        targets = tuple(
            Target(width, max(1, round(original.height * width / original.width)),
                   cache_dir / f"{key}-{width}.{EXTENSION[fmt]}",
                   f"{output_dir}/{public_name}-{key[:10]}-{width}.{EXTENSION[fmt]}")
            for width in derivative_widths(original.width, settings["IMAGES_WIDTHS"]))
        by_format.append((fmt, targets))
        jobs.append(EncodeJob(original.path, fmt, quality.get(fmt), settings["IMAGES_MAX_PIXELS"], targets))
    largest = by_format[-1][1][-1]
    return Renditions(largest.width, largest.height, tuple(by_format), tuple(jobs))


def publishable_pixels(path: Path, max_pixels: int) -> Image.Image:
    """The decoded original, upright, in sRGB, as RGB or RGBA, with no metadata at all."""
    with pixel_limit(max_pixels), Image.open(path) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
    has_alpha = "A" in upright.mode or "transparency" in upright.info
    mode = "RGBA" if has_alpha else "RGB"
    icc = upright.info.get("icc_profile")
    if icc:
        upright = to_srgb(upright, icc, mode)
    clean = upright.convert(mode)
    clean.info = {}  # encoders copy some of these (ICC, EXIF, XMP) unless told otherwise
    return clean


def to_srgb(image: Image.Image, icc: bytes, mode: str) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
            image = image.convert(mode)
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                         outputMode="RGBA" if image.mode == "RGBA" else "RGB")
    except (ImageCms.PyCMSError, OSError):
        return image  # a broken profile: keep the numbers as they are


def encoder_options(fmt: str, quality: int | None) -> dict:
    """Encoder settings; no option here carries metadata across."""
    if fmt == "jpeg":
        return {"quality": quality or 82, "optimize": True, "progressive": True}
    if fmt == "png":
        return {"optimize": True}
    if fmt == "webp":
        return {"quality": quality or 80, "method": 6}
    # AVIF: speed 8 of 10 encodes several times faster than the default for a slightly larger file;
    # one thread each, since the build already runs one encoder per core.
    return {"quality": quality or 55, "speed": 8, "max_threads": 1}
