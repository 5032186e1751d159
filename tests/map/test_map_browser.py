"""Maps in headless Chromium when the place list is paged: popups built from the map's data, by keyboard,
with their links to entries on later pages, the timeline and the essays; no host but the tile server."""
from __future__ import annotations

import pytest

from tests.map.atlas import add_maps
from tests.support import build_copy, serve_folder

pytestmark = pytest.mark.browser

TILES = "https://tile.openstreetmap.org"


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    """The atlas exhibit with three entries a page: the harbour's entry is on map-2.html."""
    site = build_copy(tmp_path_factory.mktemp("paged"), edit=add_maps, MAP_PLACES_PER_PAGE=3)
    with serve_folder(site.output) as url:
        yield url


@pytest.fixture
def offline(page):
    """A page whose tiles fail, recording page errors and every host asked."""
    record = {"errors": [], "hosts": set()}
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.on("console", lambda m: m.type == "error" and not m.location.get("url", "").startswith(TILES)
            and record["errors"].append(m.text))
    page.on("request", lambda request: record["hosts"].add(request.url.split("/")[2]))
    page.route(f"{TILES}/**", lambda route: route.abort())
    page.record = record
    return page


def test_a_popup_opened_from_the_keyboard_links_to_a_later_page_the_timeline_and_the_essays(offline, paged_site):
    offline.goto(f"{paged_site}/map.html")
    offline.locator("#map_2_1 .leaflet-marker-icon").wait_for()
    offline.focus("#map_2_1")
    offline.keyboard.press("Tab")
    # A place known only to its city is an area: a ring at its centre, named with the area's size.
    assert offline.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "The harbour office (somewhere within about 10 km)")
    offline.keyboard.press("Enter")
    popup = offline.locator("#map_2_1 .leaflet-popup")
    popup.wait_for()
    assert offline.evaluate("document.activeElement.className") == "place-popup"
    assert popup.locator(".place-card__where").text_content() == (
        "35.7° N, 139.7° E Precision: city (somewhere in the city; shown to about 10 km)")
    assert popup.locator("span[lang=ja]").text_content() == "港の事務所"
    hrefs = []
    for _ in range(3):
        offline.keyboard.press("Tab")
        hrefs.append(offline.evaluate("document.activeElement.getAttribute('href')"))
    assert hrefs == ["map-2.html#place-harbour", "./timeline.html#event-talks-begin", "./essays/arrival.html"]
    assert popup.locator("time[datetime='1997-01']").text_content() == "January 1997"
    offline.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert offline.evaluate("document.activeElement.title") == "The harbour office (somewhere within about 10 km)"
    # Tiles failed: the reader is told, nothing else went wrong, no other host was asked.
    assert offline.locator("#beyond .place-map__note").is_visible()
    assert offline.record["errors"] == []
    assert offline.record["hosts"] <= {paged_site.split("/")[2], "tile.openstreetmap.org"}


def test_a_city_place_is_drawn_as_a_circle_of_about_ten_kilometres(offline, paged_site):
    offline.goto(f"{paged_site}/map.html")
    area = offline.locator("#map_2_1 path.place-area")
    area.wait_for()
    # The scale bar says how many metres a pixel is; the circle's width is twice the radius.
    scale = offline.locator("#map_2_1 .leaflet-control-scale-line").first
    value, unit = scale.text_content().split()
    metres_per_pixel = float(value) * (1000 if unit == "km" else 1) / scale.bounding_box()["width"]
    diameter = area.bounding_box()["width"] * metres_per_pixel
    assert 15_000 < diameter < 25_000


def test_a_place_described_on_a_later_page_keeps_its_address_on_the_map_page(browser, paged_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{paged_site}/map.html#place-harbour")
    line = page.locator("#place-harbour a")
    assert line.is_visible() and line.get_attribute("href") == "map-2.html#place-harbour"
    line.click()
    page.wait_for_url("**/map-2.html#place-harbour")
    assert page.locator("#place-harbour .place-entry__description").is_visible()
    context.close()


def test_on_a_phone_the_popup_fits_inside_its_map(offline, paged_site):
    offline.set_viewport_size({"width": 375, "height": 800})
    offline.goto(f"{paged_site}/map.html")
    offline.locator("#map_2_1 .leaflet-marker-icon").wait_for()
    offline.focus("#map_2_1")
    offline.keyboard.press("Tab")
    offline.keyboard.press("Enter")
    popup = offline.locator("#map_2_1 .leaflet-popup")
    popup.wait_for()
    offline.wait_for_timeout(600)  # Leaflet pans the map to bring the popup into view
    canvas, box = offline.locator("#map_2_1").bounding_box(), popup.bounding_box()
    assert canvas["x"] <= box["x"] and box["x"] + box["width"] <= canvas["x"] + canvas["width"]
    assert offline.record["errors"] == []
