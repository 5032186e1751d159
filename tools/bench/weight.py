"""Page weight (issue #11): what a reader's browser fetches for each page type of a built exhibit.

Each page is loaded in headless Chromium from a server on 127.0.0.1. Every request is recorded: local
ones are served and measured (bytes as sent, and gzipped), others are refused and counted as third-party
— map tiles separately, since the map is allowed them.
"""
from __future__ import annotations

import functools
import gzip
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..serve import serve_folder

CHROMIUM = "/usr/bin/chromium"
CODE_TYPES = {"document", "stylesheet", "script"}  # HTML + CSS + JS, what the targets count


@dataclass
class PageWeight:
    page: str
    address: str
    requests: int = 0
    code_raw: int = 0  # HTML + CSS + JS
    code_gzip: int = 0
    other_raw: int = 0  # images, fonts, data the page fetches
    other_gzip: int = 0
    third_party: list[str] = field(default_factory=list)  # not tiles
    tiles: int = 0
    blocked: list[str] = field(default_factory=list)  # stopped by the page's own policy (CSP) before leaving
    files: list[tuple[str, str, int, int]] = field(default_factory=list)  # (address, type, raw, gzip)

    def add(self, address: str, kind: str, body: bytes) -> None:
        self.requests += 1
        packed = len(gzip.compress(body, compresslevel=9, mtime=0))
        self.files.append((address, kind, len(body), packed))
        if kind in CODE_TYPES:
            self.code_raw += len(body)
            self.code_gzip += packed
        else:
            self.other_raw += len(body)
            self.other_gzip += packed


def page_types(output: Path) -> dict[str, str]:
    """The real exhibit's page types and, for each, the address of one page of that type."""
    essay = sorted((output / "essays").glob("*.html"))[0].relative_to(output).as_posix()
    source = sorted(p for p in (output / "sources").glob("*.html") if p.name != "index.html")[0]
    return {"home": "index.html", "essay": essay, "source": source.relative_to(output).as_posix(),
            "sources index": "sources/index.html", "timeline": "timeline.html", "map": "map.html",
            "search": "search.html", "data": "data.html", "about": "about.html", "404": "404.html"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_tile(url: str, tile_host: str) -> bool:
    return bool(tile_host) and urlsplit(url).hostname == tile_host


def measure(output: Path, tile_host: str = "tile.openstreetmap.org", pages: dict[str, str] | None = None,
            settle_ms: int = 1500, port: int = 0) -> list[PageWeight]:
    """Load each page (default: :func:`page_types`) and weigh what it fetched. A production build should
    be made with its public address set to ``http://127.0.0.1:<port>`` (pages with absolute addresses,
    such as 404.html, are otherwise stopped by their own Content-Security-Policy)."""
    from playwright.sync_api import sync_playwright

    pages = pages or page_types(output)
    results = []
    with serve_folder(output, port) as root, sync_playwright() as pw:
        base = root + "/"
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for name, address in pages.items():
                weight = PageWeight(name, address)
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.route("**/*", functools.partial(_route, base=base, weight=weight, tile_host=tile_host))
                page = context.new_page()
                page.on("requestfailed", functools.partial(_blocked, weight=weight))
                page.goto(base + address, wait_until="networkidle")
                page.wait_for_timeout(settle_ms)  # scripts that fetch later (search, map tiles)
                context.close()
                results.append(weight)
        finally:
            browser.close()
    return results


def _route(route, request, *, base: str, weight: PageWeight, tile_host: str) -> None:
    if not request.url.startswith(base):
        if is_tile(request.url, tile_host):
            weight.tiles += 1
        else:
            weight.third_party.append(request.url)
        route.abort()
        return
    response = route.fetch()
    weight.add(request.url[len(base):], request.resource_type, response.body())
    route.fulfill(response=response)


def _blocked(request, *, weight: PageWeight) -> None:
    if request.failure == "csp":
        weight.blocked.append(request.url)


def table(results: list[PageWeight]) -> str:
    lines = ["| page | address | HTML+CSS+JS raw | gzip | other files gzip | requests | third-party | tile requests "
             "| blocked by CSP |", "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for w in results:
        lines.append(f"| {w.page} | `{w.address}` | {w.code_raw / 1024:.1f} KB | {w.code_gzip / 1024:.1f} KB "
                     f"| {w.other_gzip / 1024:.1f} KB | {w.requests} | {len(w.third_party)} | {w.tiles} "
                     f"| {len(w.blocked)} |")
    return "\n".join(lines)


def heaviest(weight: PageWeight, count: int = 6) -> str:
    """The files that weigh most in a page, gzipped: where to cut."""
    files = sorted(weight.files, key=lambda f: -f[3])[:count]
    return ", ".join(f"`{address}` {packed / 1024:.1f} KB" for address, _kind, _raw, packed in files)
