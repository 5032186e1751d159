"""Curators' originals: what Pillow can tell from a file's header, checked before anything is decoded."""
from __future__ import annotations

import hashlib
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from exhibit.errors import ExhibitProblem

# EXIF orientations that turn the picture a quarter: width and height swap once applied.
QUARTER_TURNS = {5, 6, 7, 8}
ORIENTATION_TAG = 0x0112
EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".tif": "TIFF",
              ".tiff": "TIFF"}


class OriginalError(ExhibitProblem, ValueError):
    """An original that cannot be published as it is."""


@dataclass(frozen=True)
class Original:
    """An original that may be published: its content hash and its size as readers see it."""

    path: Path
    digest: str  # sha256 of the file's bytes
    format: str  # Pillow's name: JPEG, PNG …
    width: int  # after EXIF orientation
    height: int
    has_alpha: bool

    @property
    def fallback(self) -> str:
        """The format every browser reads: PNG keeps transparency and line art sharp, JPEG suits photographs."""
        return "png" if self.has_alpha or self.format == "PNG" else "jpeg"


@contextmanager
def pixel_limit(max_pixels: int):
    """Pillow's own decompression-bomb guard set to our limit: over twice the limit, opening fails.

    Between one and two times the limit Pillow only warns; :func:`inspect` reports those itself.
    """
    previous, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def inspect(path: Path, accepted: list[str], max_pixels: int) -> Original:
    """Read ``path``'s header; raise :class:`OriginalError` for anything we will not publish."""
    data = path.read_bytes()
    expected = EXTENSIONS.get(path.suffix.lower())
    formats = ", ".join(accepted)
    if expected is None or expected not in accepted:
        raise OriginalError(f"{path.suffix or 'a file without extension'} is not a supported image format "
                            f"(supported: {formats})",
                            "export it as PNG (diagrams, scans of text) or JPEG (photographs)")
    try:
        with pixel_limit(max_pixels), Image.open(path) as image:
            size, mode, found, info = image.size, image.mode, image.format, dict(image.info)
            orientation = image.getexif().get(ORIENTATION_TAG, 1) if found in ("JPEG", "WEBP", "TIFF") else 1
    except Image.DecompressionBombError:
        raise OriginalError(f"the image declares more than twice the limit of {max_pixels:,} pixels",
                            "reduce it before adding it, or raise IMAGES_MAX_PIXELS in pelicanconf.py") from None
    except UnidentifiedImageError:
        raise OriginalError(f"the file is not a readable {expected} image (it may be damaged or "
                            "only partly copied)", "export or copy the original again") from None
    except OSError as exc:
        raise OriginalError(f"the image cannot be read: {exc}", "export or copy the original again") from None
    if found not in accepted:
        raise OriginalError(f"the file is a {found} image, which is not supported (supported: {formats})",
                            "export it as PNG or JPEG")
    width, height = size
    if width * height > max_pixels:
        raise OriginalError(f"the image is {width} × {height} = {width * height:,} pixels, more than the "
                            f"limit of {max_pixels:,}",
                            "reduce it before adding it, or raise IMAGES_MAX_PIXELS in pelicanconf.py")
    if orientation in QUARTER_TURNS:
        width, height = height, width
    has_alpha = "A" in mode or "transparency" in info
    return Original(path, hashlib.sha256(data).hexdigest(), found, width, height, has_alpha)
