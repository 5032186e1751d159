"""``sitemap.xml`` and ``robots.txt`` for the published exhibit.

The sitemap lists every HTML page the build wrote, whichever plugin wrote it, at the
address its canonical link gives (the site root for the home page). The protocol wants
absolute addresses, so development builds, which have none, get no sitemap.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_files(output: Path, exclude: list[str]) -> list[str]:
    """Every HTML page under ``output`` from the site root, sorted, less ``exclude``."""
    pages = (str(p.relative_to(output).as_posix()) for p in output.rglob("*.html"))
    return sorted(p for p in pages if p not in exclude)


def page_address(public_url: str, page: str, index: str) -> str:
    return f"{public_url}/" if page == index else f"{public_url}/{page}"


def sitemap_xml(public_url: str, pages: list[str], index: str, modified: dict[str, str]) -> bytes:
    """``modified`` maps a page to the date it was last revised (YYYY-MM-DD), where known."""
    ET.register_namespace("", NAMESPACE)
    urlset = ET.Element(f"{{{NAMESPACE}}}urlset")
    for page in pages:
        entry = ET.SubElement(urlset, f"{{{NAMESPACE}}}url")
        ET.SubElement(entry, f"{{{NAMESPACE}}}loc").text = page_address(public_url, page, index)
        if page in modified:
            ET.SubElement(entry, f"{{{NAMESPACE}}}lastmod").text = modified[page]
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(public_url: str, sitemap: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if public_url:
        lines += ["", f"Sitemap: {public_url}/{sitemap}"]
    return "\n".join(lines) + "\n"
