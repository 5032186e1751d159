"""The 404 page looks like the exhibit when a server sends it for any address, at any depth."""
from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser


class NotFoundHandler(SimpleHTTPRequestHandler):
    """Files from the folder; for a missing one, the exhibit's 404.html with status 404 (as hosts do)."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.directory_root / "exhibit/404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def host(tmp_path_factory, mini_site):
    """The mini exhibit's output at /exhibit/ of a host that answers missing addresses with its 404 page."""
    root = tmp_path_factory.mktemp("host")
    (root / "exhibit").symlink_to(mini_site.output)
    handler = type("Handler", (NotFoundHandler,), {"directory_root": root})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_the_404_page_is_styled_at_a_deep_address_without_a_policy_error(page, host):
    console = []
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text and console.append(m.text))
    page.goto(f"{host}/exhibit/essays/arrival.html")
    site_font = page.evaluate("getComputedStyle(document.body).fontFamily")
    site_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    answer = page.goto(f"{host}/exhibit/a/b/c/missing")
    assert answer.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.evaluate("getComputedStyle(document.body).fontFamily") == site_font
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == site_background
    assert page.evaluate("getComputedStyle(document.querySelector('.site-search__label')).position") == "absolute"
    assert page.locator("link[rel=stylesheet]").count() == 0
    assert page.locator("link[rel=icon]").get_attribute("href").startswith("data:image/svg+xml;base64,")
    assert console == []
