"""Every page carries a strict Content-Security-Policy, and every page type works under it in Chromium."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from discovery.notfound import style_hash
from ops.build import load_settings
from map.settings import DEFAULTS as MAP_DEFAULTS
from tools.audit import PAGE_TYPES
from tests.support import ROOT

TILES_URL = load_settings(ROOT / "publishconf.py").get("MAP_TILES_URL", MAP_DEFAULTS["MAP_TILES_URL"][0])
TILE_HOST = "/".join(TILES_URL.split("/")[:3])
PUBLIC_URL = load_settings(ROOT / "publishconf.py")["PUBLIC_URL"]


class _Head(HTMLParser):
    """The policies of a page's CSP meta elements, and the tags before the first of them."""

    def __init__(self):
        super().__init__()
        self.policies: list[str] = []
        self.before: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs.get("content") or "")
        elif not self.policies:
            self.before.append(tag)


def head_of(path: Path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def own_style_hash(path: Path) -> str:
    styles = re.findall(r"<style>(.*?)</style>", path.read_text(encoding="utf-8"), re.S)
    return "".join(f" {style_hash(css)}" for css in styles)


def test_every_page_has_one_strict_policy_before_anything_it_governs(real_site):
    for path in sorted(real_site.rglob("*.html")):
        head = head_of(path)
        assert len(head.policies) == 1, path
        assert set(head.before) <= {"html", "head", "meta"}, f"{path}: {head.before}"
        directives = dict(d.strip().split(" ", 1) for d in head.policies[0].split(";"))
        assert directives["script-src"] == "'self' 'wasm-unsafe-eval'", path  # Pagefind's WebAssembly
        # The 404 page carries its own style (discovery/notfound.py), allowed by its hash alone.
        assert directives["style-src"] == "'self'" + own_style_hash(path), path
        assert directives["default-src"] == "'self'", path
        assert directives["object-src"] == "'none'", path
        assert directives["img-src"] == f"'self' data: {TILE_HOST}", path


RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_runs_without_a_policy_violation(page, real_site, kind):
    """Load the page and use what runs on it (note previews, map popups, a search): nothing is blocked.

    The build is served at its public address, as 'self' means there (the 404 page loads its assets
    from PUBLIC_URL); tiles and every other host are offline.
    """
    def from_the_build(route):
        url = route.request.url
        if url.startswith(PUBLIC_URL + "/"):
            route.fulfill(path=real_site / unquote(re.split(r"[?#]", url[len(PUBLIC_URL) + 1:])[0]))
        else:
            route.abort()

    console = []
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
            and console.append(m.text))
    page.route("**/*", from_the_build)
    page.add_init_script(RECORD_VIOLATIONS)
    path = PAGE_TYPES[kind]
    page.goto(f"{PUBLIC_URL}/{path}" + ("?q=hostages" if kind == "search" else ""))
    page.wait_for_load_state("networkidle")
    if kind == "search":
        page.wait_for_function("() => /\\d+ result/.test(document.getElementById('search-status').textContent)")
    for noteref in page.locator("a[role=doc-noteref]").all()[:2]:
        noteref.focus()
    for marker in page.locator(".leaflet-marker-icon").all()[:2]:
        marker.click()
    violations = page.evaluate("window.cspViolations")
    assert violations == [] and console == [], violations + console
    assert re.search(r"\S", page.inner_text("main"))
