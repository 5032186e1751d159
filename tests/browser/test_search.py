"""Searching the built exhibit in a real browser: the header box, the search page, the keyboard."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.search.sites import build_copy

pytestmark = pytest.mark.browser


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def results(page) -> list[tuple[str, str, str]]:
    """(title, kind line, link) of every result shown."""
    return [tuple(found) for found in page.eval_on_selector_all(".search-result", """items => items.map(item => [
        item.querySelector('.search-result__title').textContent,
        item.querySelector('.search-result__type').textContent,
        item.querySelector('.search-result__title a').getAttribute('href')])""")]


def wait_for_status(page, pattern: str) -> str:
    """Wait until the live region's text matches ``pattern`` (a regular expression); return the text."""
    page.wait_for_function("pattern => new RegExp(pattern).test(document.getElementById('search-status').textContent)",
                           arg=pattern)
    return page.inner_text("#search-status")


def test_a_query_typed_in_the_header_finds_the_essay(watched, site):
    watched.goto(f"{site}/index.html")
    watched.fill("#site-search-q", "reception")
    watched.press("#site-search-q", "Enter")
    watched.wait_for_url("**/search.html?q=reception")
    wait_for_status(watched, r"^\d+ results for “reception”\.$")
    found = results(watched)
    assert ("The evening of the reception", "Essay", "/essays/arrival.html") in found
    assert watched.input_value("#search-q") == "reception"
    assert watched.locator(".search-result mark").first.inner_text().lower().startswith("reception")
    watched.click("text=The evening of the reception")
    watched.wait_for_url("**/essays/arrival.html")
    assert watched.record["errors"] == [] and watched.record["failed"] == []
    assert watched.record["hosts"] == {site.split("/")[2]}


def test_events_and_places_are_results_that_lead_to_their_anchor(watched, site):
    watched.goto(f"{site}/search.html?q=hall")
    wait_for_status(watched, "^1 result for “hall”")
    assert results(watched) == [("The reception hall", "Place", "/map.html#place-hall")]
    watched.goto(f"{site}/search.html?q=guests+arrive")
    watched.wait_for_selector(".search-result")
    event = next(r for r in results(watched) if r[1].startswith("Event"))
    assert event == ("Guests arrive", "Event · 17 December 1996", "/timeline.html#event-guests-arrive")
    watched.click(f"a[href='{event[2]}']")
    watched.wait_for_url("**/timeline.html#event-guests-arrive")
    assert watched.locator("#event-guests-arrive").is_visible()


def test_the_search_page_works_from_the_keyboard_and_announces_counts(watched, site):
    watched.goto(f"{site}/search.html")
    watched.focus("#search-q")
    watched.keyboard.type("invented")  # results arrive as the reader pauses, without pressing Enter
    watched.wait_for_function("document.querySelectorAll('.search-result').length > 0")
    status = watched.locator("#search-status")
    assert status.get_attribute("role") == "status"
    assert {kind.split(" ·")[0] for _, kind, _ in results(watched)} >= {"Essay", "Source", "Event", "Place"}
    # Tab on to the "Sources" box of "Show", and turn it off with the space bar.
    labels = []
    while labels[-1:] != ["Sources"] and len(labels) < 10:
        watched.keyboard.press("Tab")
        labels.append(watched.evaluate("document.activeElement.parentNode.textContent.trim()"))
    assert labels[-2:] == ["Essays", "Sources"]
    watched.keyboard.press("Space")
    wait_for_status(watched, "results for “invented” among essays, events, places, pages\\.$")
    assert "Source" not in {kind for _, kind, _ in results(watched)}
    assert "type=Essay" in watched.url and "type=Source" not in watched.url
    watched.fill("#search-q", "zzzqqq")
    watched.press("#search-q", "Enter")
    wait_for_status(watched, "^No results for “zzzqqq” among essays, events, places, pages\\. Try")
    assert watched.locator(".search-results").is_hidden()
    assert watched.record["errors"] == []


def add_rounds(content):
    with open(content / "data/events.yaml", "a", encoding="utf-8") as events:
        for day in range(1, 13):
            events.write(f"\n- id: round-{day}\n  date: 1997-02-{day:02d}\n  title: Talks, round {day}\n"
                         f"  summary: Another invented round of talks.\n  sources: [gazeta-1997-01]\n"
                         f"  phase: negotiation\n")


@pytest.fixture(scope="module")
def under_a_sub_path(tmp_path_factory):
    """The exhibit, with a dozen more events, served at /exhibit/ of a host (as on GitHub Pages)."""
    root = tmp_path_factory.mktemp("host")
    build_copy(root / "work", edit=add_rounds)
    (root / "work/output").rename(root / "exhibit")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/exhibit"
    finally:
        server.shutdown()
        server.server_close()


def test_search_works_from_a_sub_path(page, under_a_sub_path):
    page.goto(f"{under_a_sub_path}/search.html?q=reception")
    page.wait_for_selector(".search-result")
    assert ("The evening of the reception", "Essay", "/exhibit/essays/arrival.html") in results(page)


def test_more_results_come_in_batches_and_focus_moves_to_the_first_new_one(page, under_a_sub_path):
    page.goto(f"{under_a_sub_path}/search.html?q=round")
    assert wait_for_status(page, "results for") == "12 results for “round”."
    assert page.locator(".search-result").count() == 10
    page.focus(".search-more button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.search-result').length === 12")
    assert page.evaluate("document.activeElement.textContent") == results(page)[10][0]
    assert page.locator(".search-more").is_hidden()
