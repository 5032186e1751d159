"""An essay printed from the browser: a document without the site's controls, in few A4 pages."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [".site-header", ".site-nav", ".site-search", ".skip-link", ".sequence", "button",
                   ".cite-box__downloads", ".footnote-backref"]


def printed(page, site, path: str):
    page.goto(f"{site}/{path}")
    page.emulate_media(media="print")
    return page


def test_print_hides_navigation_and_controls(page, site):
    printed(page, site, "essays/arrival.html")
    for selector in HIDDEN_IN_PRINT:
        shown = page.eval_on_selector_all(
            selector, "found => found.filter(e => getComputedStyle(e).display !== 'none').length")
        assert shown == 0, selector
    assert page.eval_on_selector("h1", "e => getComputedStyle(e).breakAfter") == "avoid"
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Georgia")
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "14px"  # 10.5pt
    # The footer prints one line; its links do not.
    lines = page.eval_on_selector_all(
        ".site-footer p", "ps => ps.filter(p => getComputedStyle(p).display !== 'none').length")
    assert lines == 1


def test_a_fixture_essay_prints_on_few_pages(page, site):
    pdf = printed(page, site, "essays/arrival.html").pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, pages
