"""The 404 page carries its own styles and icon, as a server sends it at any depth of any address.

Once every file is written, the page's stylesheet links are replaced by one minified ``<style>`` (a
``media`` attribute becomes an ``@media`` block), its SVG icon becomes a ``data:`` address, and the
SHA-256 of the style is added to ``style-src`` of the page's policy, so the page looks like the
exhibit from any host and sub-path under the same strict policy.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from exhibit.errors import ExhibitProblem

LINK = re.compile(r"<link\b[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')
# Strings are kept whole; comments go; runs of space shrink, and go beside punctuation that ends a part.
CSS_TOKEN = re.compile(r'("(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\')|/\*.*?\*/|\s*([{};,>])\s*|\s+', re.S)


class Unreadable(ExhibitProblem):
    """A stylesheet or icon the page links is not in the build."""


def minify_css(css: str) -> str:
    def shorter(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        if match.group(2):
            return match.group(2)
        return "" if match.group(0).startswith("/*") else " "
    return CSS_TOKEN.sub(shorter, css).replace(";}", "}").strip()


def style_hash(css: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii") + "'"


def self_contained(page: str, output: Path, public_url: str) -> str:
    """``page`` with its stylesheets inlined, its SVG icon as data and its policy allowing the style."""
    prefix = urlsplit(public_url).path.rstrip("/")

    def file_of(href: str) -> Path:
        path = output / urlsplit(html.unescape(href)).path.removeprefix(prefix).lstrip("/")
        if not path.is_file():
            raise Unreadable(href)
        return path

    styles: list[str] = []

    def replace(match: re.Match) -> str:
        attributes = dict(ATTRIBUTE.findall(match.group(0)))
        if attributes.get("rel") == "stylesheet":
            css = file_of(attributes["href"]).read_text(encoding="utf-8")
            media = attributes.get("media")
            styles.append(f"@media {media}{{{css}}}" if media else css)
            return "\0" if len(styles) == 1 else ""
        if attributes.get("rel") == "icon" and attributes.get("type") == "image/svg+xml":
            data = base64.b64encode(file_of(attributes["href"]).read_bytes()).decode("ascii")
            return f'<link rel="icon" href="data:image/svg+xml;base64,{data}" type="image/svg+xml">'
        return match.group(0)

    page = LINK.sub(replace, page)
    css = minify_css("\n".join(styles))
    page = page.replace("\0", f"<style>{css}</style>", 1)
    return POLICY.sub(lambda m: m.group(1) + allow_style(m.group(2), style_hash(css)) + m.group(3), page, 1)


def allow_style(escaped_policy: str, source: str) -> str:
    directives = [d.strip() for d in html.unescape(escaped_policy).split(";") if d.strip()]
    if not any(d.split()[0] == "style-src" for d in directives):
        directives.append("style-src 'self'")
    policy = "; ".join(d + " " + source if d.split()[0] == "style-src" else d for d in directives)
    return html.escape(policy)
