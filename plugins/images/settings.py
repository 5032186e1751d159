"""Settings the images plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

DEFAULTS: dict[str, tuple[object, str]] = {
    "IMAGES_DIR": ("images", "folder under content/ holding curators' originals and their .yaml sidecars"),
    "IMAGES_OUTPUT_DIR": ("images", "folder of the published derivatives, cards and static maps"),
    "IMAGES_WIDTHS": ([480, 800, 1200, 1600], "widths (px) of the derivatives; none wider than the original"),
    "IMAGES_FORMATS": (["avif", "webp"], "modern formats offered first; a JPEG or PNG fallback is always made"),
    "IMAGES_QUALITY": ({"avif": 55, "webp": 80, "jpeg": 82},
                       "encoder quality per lossy format (PNG is lossless)"),
    "IMAGES_SIZES": ("(min-width: 45rem) 42rem, calc(100vw - 2.5rem)",
                     "the img sizes attribute: how wide a figure is drawn (the .prose column)"),
    "IMAGES_MAX_PIXELS": (60_000_000, "largest original accepted, in pixels (width × height); a "
                                      "decompression-bomb guard checked before decoding"),
    "IMAGES_ORIGINAL_FORMATS": (["JPEG", "PNG", "WEBP", "TIFF"], "formats accepted as originals (Pillow names)"),
    "IMAGES_EAGER_BEFORE_PARAGRAPH": (2, "a page's first figure loads at once (not lazily) when fewer "
                                         "paragraphs than this come before it: it is likely on screen"),
    "IMAGES_WORKERS": (None, "processes encoding images; None: one per core"),
    "SOCIAL_CARD_SIZE": ((1200, 630), "social card size in px (the Open Graph recommendation)"),
    "STATIC_MAP_SIZE": ((1200, 800), "static map size in px"),
    "FAVICON_SIZES": ([32, 180, 192, 512], "PNG favicons drawn from the design of theme/static/img/favicon.svg"),
}


def apply_defaults(settings: dict) -> None:
    for name, (default, _doc) in DEFAULTS.items():
        settings.setdefault(name, default)
