"""Settings the images plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from exhibit.settingskit import (SIZE, TEXT, Setting, defaults_table, list_of, mapping, one_of, optional,
                                 whole_number)

FORMAT = one_of("avif", "webp", "jpeg", "png")

SETTINGS = [
    Setting("IMAGES_DIR", "images", TEXT,
            "folder under content/ holding curators' originals and their .yaml sidecars"),
    Setting("IMAGES_OUTPUT_DIR", "images", TEXT, "folder of the published derivatives, cards and static maps"),
    Setting("IMAGES_WIDTHS", [480, 800, 1200, 1600], list_of(whole_number(1)),
            "widths (px) of the derivatives; none wider than the original"),
    Setting("IMAGES_FORMATS", ["avif", "webp"], list_of(FORMAT),
            "modern formats offered first; a JPEG or PNG fallback is always made"),
    Setting("IMAGES_QUALITY", {"avif": 55, "webp": 80, "jpeg": 82}, mapping(FORMAT, whole_number(1)),
            "encoder quality per lossy format (PNG is lossless)"),
    Setting("IMAGES_SIZES", "(min-width: 45rem) 42rem, calc(100vw - 2.5rem)", TEXT,
            "the img sizes attribute: how wide a figure is drawn (the .prose column)"),
    Setting("IMAGES_MAX_PIXELS", 60_000_000, whole_number(1),
            "largest original accepted, in pixels (width × height); a decompression-bomb guard checked "
            "before decoding"),
    Setting("IMAGES_ORIGINAL_FORMATS", ["JPEG", "PNG", "WEBP", "TIFF"], list_of(TEXT),
            "formats accepted as originals (Pillow names)"),
    Setting("IMAGES_EAGER_BEFORE_PARAGRAPH", 2, whole_number(0),
            "a page's first figure loads at once (not lazily) when fewer paragraphs than this come before "
            "it: it is likely on screen"),
    Setting("IMAGES_WORKERS", None, optional(whole_number(1)), "processes encoding images; None: one per core"),
    Setting("SOCIAL_CARD_SIZE", (1200, 630), SIZE, "social card size in px (the Open Graph recommendation)"),
    Setting("STATIC_MAP_SIZE", (1200, 800), SIZE, "static map size in px"),
    Setting("FAVICON_SIZES", [32, 180, 192, 512], list_of(whole_number(1)),
            "PNG favicons drawn from the design of theme/static/img/favicon.svg"),
]
DEFAULTS = defaults_table(SETTINGS)
