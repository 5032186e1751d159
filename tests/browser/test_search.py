"""Searching the built exhibit in a real browser: the header box, the search page, the keyboard."""
from __future__ import annotations

import re

import pytest

from tests.support import build_copy, serve_folder

pytestmark = pytest.mark.browser


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
    watched.wait_for_function("() => document.querySelectorAll('.search-result').length > 0")
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


def test_the_query_is_in_the_page_title(page, site):
    page.goto(f"{site}/search.html?q=reception+hall")
    wait_for_status(page, "results? for")
    assert page.title() == "“reception hall” — Search — 126 Days in Lima"
    page.fill("#search-q", "guests")
    page.press("#search-q", "Enter")
    page.wait_for_function("() => document.title.startsWith('“guests”')")
    assert page.title() == "“guests” — Search — 126 Days in Lima"
    page.fill("#search-q", "")
    page.press("#search-q", "Enter")
    page.wait_for_function("() => document.title === 'Search — 126 Days in Lima'")


def test_results_in_other_languages_are_marked_with_their_language(watched, site):
    watched.goto(f"{site}/search.html?q=conversaciones")
    watched.wait_for_selector(".search-result")
    title = watched.locator(".search-result__title a", has_text="Conversaciones en la residencia")
    assert title.get_attribute("lang") == "es"  # the source's title, in the source's language
    assert watched.locator(".search-result__excerpt").first.get_attribute("lang") is None  # our summary
    watched.goto(f"{site}/search.html?q=recepciones")  # a place's other names are searched too
    wait_for_status(watched, "^1 result for “recepciones”")
    assert results(watched) == [("The reception hall", "Place", "/map.html#place-hall")]
    name = watched.locator(".search-result__names span")
    assert (name.inner_text(), name.get_attribute("lang")) == ("Salón de recepciones", "es")
    assert watched.locator(".search-result__title a").get_attribute("lang") is None
    assert "Salón" not in watched.inner_text(".search-result__excerpt")  # names are not in the excerpt
    assert watched.record["errors"] == []


def luminance(css: str) -> float:
    red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    dark, light = sorted((luminance(one), luminance(other)))
    return (light + 0.05) / (dark + 0.05)


def test_header_focus_ring_and_current_link_are_visible(page, site):
    page.goto(f"{site}/search.html")
    header = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    current = page.locator(".site-nav a[aria-current]")
    assert current.inner_text() == "Search"
    style = current.evaluate("a => [getComputedStyle(a).borderBottomWidth, getComputedStyle(a).borderBottomColor]")
    assert float(style[0].removesuffix("px")) >= 2 and contrast(style[1], header) >= 3
    for selector, element_colour in ((".site-nav a >> nth=1", "color"), ("#site-search-q", "backgroundColor"),
                                     (".site-search__button", "borderTopColor")):
        page.locator(selector).focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus from the keyboard, so :focus-visible applies
        ring, width, colour = page.evaluate(f"""() => {{
            const s = getComputedStyle(document.activeElement);
            return [s.outlineColor, s.outlineWidth, s.{element_colour}]; }}""")
        assert float(width.removesuffix("px")) >= 2, selector
        assert contrast(ring, header) >= 3 and contrast(ring, colour) >= 3, (selector, ring)


@pytest.mark.parametrize("width", [375, 640, 768, 1024, 1280])
def test_the_header_lays_out_in_rows_without_overflow(page, site, width):
    """Title; then the navigation with the search box at its right, or the search box on its own row,
    aligned with the navigation."""
    page.set_viewport_size({"width": width, "height": 600})
    page.goto(f"{site}/index.html")
    box = {name: page.locator(selector).bounding_box() for name, selector in
           (("title", ".site-title"), ("nav", ".site-nav"), ("search", ".site-search"), ("header", ".site-header"))}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert box["nav"]["y"] >= box["title"]["y"] + box["title"]["height"]
    if box["search"]["y"] < box["nav"]["y"] + box["nav"]["height"]:  # on the navigation's row
        assert box["search"]["x"] >= box["nav"]["x"] + box["nav"]["width"] and width >= 900
    else:
        assert box["search"]["x"] == box["nav"]["x"] and width < 900
    assert box["search"]["x"] + box["search"]["width"] <= width


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
    with serve_folder(root) as url:
        yield f"{url}/exhibit"


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
    page.wait_for_function("() => document.querySelectorAll('.search-result').length === 12")
    assert page.evaluate("document.activeElement.textContent") == results(page)[10][0]
    assert page.locator(".search-more").is_hidden()
