"""The HTTP headers an object store serves with each file: Content-Type and Cache-Control."""
from __future__ import annotations

import mimetypes
import re

# Types Python's table lacks or gets wrong for this site, by the end of the file name.
TYPES = {
    ".atom.xml": "application/atom+xml",
    ".xml": "application/xml",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".geojson": "application/geo+json",
    ".webmanifest": "application/manifest+json",
    ".bib": "application/x-bibtex",
    ".ris": "application/x-research-info-systems",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
}
TEXT = re.compile(r"^text/|^application/(.+\+)?(json|xml|javascript|x-bibtex|x-research-info-systems)$|"
                  r"^image/svg\+xml$")


def content_type(path: str) -> str:
    """The Content-Type of a site file; text types say UTF-8, as the build writes."""
    kind = next((t for end, t in TYPES.items() if path.lower().endswith(end)), None)
    kind = kind or mimetypes.guess_type(path, strict=False)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if TEXT.search(kind) else kind


def cache_control(path: str, rules: list[tuple[str, str]]) -> str:
    """Cache-Control from DEPLOY_CACHE_CONTROL: the value of the first pattern found in ``path``."""
    return next(value for pattern, value in rules if re.search(pattern, path))
