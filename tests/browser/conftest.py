"""Browser tests against the mini fixture exhibit, served on 127.0.0.1 by the test."""
from __future__ import annotations

import pytest

from tests.support import serve_folder


@pytest.fixture(scope="session")
def site(mini_site):
    """The mini fixture exhibit served on 127.0.0.1; yields its base URL."""
    with serve_folder(mini_site.output) as url:
        yield url


@pytest.fixture
def watched(page, site):
    """A page that records console errors, failed requests and every host it contacts."""
    record = {"errors": [], "failed": [], "hosts": set()}
    page.on("console", lambda m: m.type == "error" and record["errors"].append(m.text))
    page.on("pageerror", lambda e: record["errors"].append(str(e)))
    page.on("requestfailed", lambda r: record["failed"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and record["failed"].append(f"{r.status} {r.url}"))
    page.on("request", lambda r: record["hosts"].add(r.url.split("/")[2]))
    page.record = record
    return page
