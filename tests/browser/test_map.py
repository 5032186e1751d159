"""Maps in a real browser: every marker drawn, popups from the keyboard, only the tile host contacted,
no errors when tiles fail, attribution when they load, the list without JavaScript, and a strict CSP."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.map.atlas import add_maps
from tests.support import build_copy, serve_folder

pytestmark = pytest.mark.browser

TILES = "https://tile.openstreetmap.org"
# What the maps need and nothing more: no inline script or style; images from the site, the tile host,
# and data: (Leaflet blanks tiles it abandons with a data: GIF).
CSP = f"default-src 'self'; img-src 'self' data: {TILES}; style-src 'self'; script-src 'self'"
STRICT = {"Content-Security-Policy": CSP}


def _built_atlas(folder, extra_essays: dict[str, str] | None = None):
    def edit(content):
        add_maps(content)
        for name, text in (extra_essays or {}).items():
            (content / "essays" / name).write_text(text, encoding="utf-8")
    return build_copy(folder, edit=edit).output


@pytest.fixture(scope="module")
def atlas_site(tmp_path_factory):
    """The mini exhibit with the map tests' places and essay maps, built and served with a strict CSP."""
    with serve_folder(_built_atlas(tmp_path_factory.mktemp("atlas")), headers=STRICT) as site:
        yield site


FAR_ESSAY = "Title: Far below\nOrder: 3\nDate: 2026-01-12\nSummary: A long fixture essay with its map at the end.\n\n" + \
    "\n\n".join(f"Paragraph {n} of an invented account, long enough to keep the map off the first screens."
                for n in range(1, 81)) + "\n\n{% map places=harbour %}\n"


@pytest.fixture(scope="module")
def far_map_site(tmp_path_factory):
    """The atlas with a third essay whose only map is far below its first screen."""
    with serve_folder(_built_atlas(tmp_path_factory.mktemp("far"), {"03-far.md": FAR_ESSAY}), headers=STRICT) as site:
        yield site


def _tile_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def reader(page):
    """A page whose tile requests fail (as offline), recording errors other than those failed
    tiles, and every host it asks."""
    record = {"errors": [], "hosts": set(), "tiles": 0}

    def on_console(message):
        failed_tile = message.text.startswith("Failed to load resource") and \
            message.location.get("url", "").startswith(TILES)
        if message.type == "error" and not failed_tile:
            record["errors"].append(message.text)

    def on_tile(route):
        record["tiles"] += 1
        route.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.on("request", lambda request: record["hosts"].add(request.url.split("/")[2]))
    page.route(f"{TILES}/**", on_tile)
    page.record = record
    return page


def markers(page, canvas: str) -> list[str]:
    """The accessible names of the markers and clusters drawn on a map."""
    page.wait_for_selector(f"#{canvas} .leaflet-marker-icon")
    return page.eval_on_selector_all(f"#{canvas} .leaflet-marker-icon",
                                     "icons => icons.map(i => i.alt || i.getAttribute('aria-label'))")


HALL_AND_GATE = 'The reception hall; Gate <script>alert("x")</script> \\1 `${x}` & co'
# Places known only to their district or city are areas, named with their size.
HALL_AREA = f"{HALL_AND_GATE} (somewhere within about 1 km)"
HARBOUR_AREA = "The harbour office (somewhere within about 10 km)"


def test_map_page_draws_every_place_and_tiles_failing_is_quiet(reader, atlas_site):
    reader.goto(f"{atlas_site}/map.html")
    reader.wait_for_load_state("networkidle")
    # The annex is thirty metres from the hall: at first one cluster holds all three places.
    assert markers(reader, "map_1_1") == [f"3 places: {HALL_AND_GATE}; The annex. Zooms in."]
    assert markers(reader, "map_2_1") == [HARBOUR_AREA]
    assert reader.locator(".place-map__note").first.is_visible()  # tiles failed: the reader is told
    # ...and shown the static map below the markers, a real picture (loaded, full width, named).
    static = reader.locator("#focus .place-map__static")
    static.scroll_into_view_if_needed()
    reader.wait_for_function("() => document.querySelector('#focus .place-map__static').naturalWidth > 0")
    assert static.is_visible() and static.bounding_box()["width"] > 600
    assert static.get_attribute("alt").startswith("Schematic map of 3 places, numbered as in its key: 1. ")
    assert reader.record["tiles"] > 0
    assert reader.record["errors"] == []  # nothing but the failed tiles themselves, CSP included
    assert reader.record["hosts"] <= {atlas_site.split("/")[2], "tile.openstreetmap.org"}


def tab_to(page, selector: str, presses: int = 8) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_keyboard_zooms_into_a_cluster_and_opens_a_popup(reader, atlas_site):
    reader.goto(f"{atlas_site}/map.html")
    markers(reader, "map_1_1")
    reader.focus("#map_1_1")
    tab_to(reader, ".place-cluster")
    assert reader.evaluate("document.activeElement.getAttribute('role')") == "button"
    reader.keyboard.press("Enter")
    # (Locators, not wait_for_function: the CSP forbids eval. During the zoom the old and the
    # new cluster icon can both be in the page, so wait for none rather than for one to go.)
    expect(reader.locator("#map_1_1 .place-cluster")).to_have_count(0)
    assert sorted(markers(reader, "map_1_1")) == sorted([HALL_AREA, "The annex"])
    tab_to(reader, ".leaflet-marker-icon[aria-label^='The reception hall']")
    reader.keyboard.press("Enter")
    popup = reader.locator("#map_1_1 .leaflet-popup")
    popup.wait_for()
    assert popup.locator(".place-card__name").all_text_contents() == [
        "The reception hall", 'Gate <script>alert("x")</script> \\1 `${x}` & co']
    assert popup.locator("[id]").count() == 0  # a copy of the list entries, without their ids
    assert reader.evaluate("document.activeElement.className") == "place-popup"
    reader.keyboard.press("Tab")
    assert reader.evaluate("document.activeElement.getAttribute('href')") == "#place-hall"
    reader.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert reader.evaluate("document.activeElement.getAttribute('aria-label')").startswith("The reception hall")
    assert reader.record["errors"] == []


def test_tiles_that_load_carry_their_attribution(page, atlas_site):
    page.route(f"{TILES}/**", lambda route: route.fulfill(body=_tile_png(), content_type="image/png"))
    page.goto(f"{atlas_site}/map.html")
    page.wait_for_selector("#map_1_1 .leaflet-tile-loaded")
    attribution = page.locator("#map_1_1 .leaflet-control-attribution")
    assert attribution.is_visible()
    assert attribution.locator("a[href='https://www.openstreetmap.org/copyright']").text_content() == "OpenStreetMap"
    assert page.locator(".place-map__note").first.is_hidden()
    # The static map stays for print only: in the page but not shown, nor downloaded; printing
    # fetches it and puts it in place of the canvas.
    static = page.locator("#map_1_1 ~ .place-map__static")
    assert static.is_hidden()
    assert page.evaluate("document.querySelector('#map_1_1 ~ .place-map__static').naturalWidth") == 0
    page.pdf()
    assert page.evaluate("document.querySelector('#map_1_1 ~ .place-map__static').naturalWidth") == 1200
    page.emulate_media(media="print")
    assert static.bounding_box()["width"] > 300 and page.locator("#map_1_1").is_hidden()


def test_an_essay_with_two_maps_loads_leaflet_once(reader, atlas_site):
    leaflet = []
    reader.on("request", lambda r: r.url.endswith("/leaflet.js") and leaflet.append(r.url))
    reader.goto(f"{atlas_site}/essays/arrival.html")
    assert markers(reader, "map_1_1") == [HALL_AREA]
    reader.locator("#map_2_1").scroll_into_view_if_needed()  # the second map loads as it comes near
    assert markers(reader, "map_2_1") == [HARBOUR_AREA]
    assert len(leaflet) == 1
    assert reader.record["errors"] == []


MAP_FILES = ("leaflet.js", "leaflet.markercluster.js", "map-leaflet.js", "leaflet.css", "MarkerCluster.css")


def _requests(page) -> list[str]:
    """The names of the map files the page asks for, in order, as it asks."""
    names: list[str] = []
    page.on("request", lambda r: (r.url.endswith(MAP_FILES) or "/maps/" in r.url)
            and names.append("map script" if "/maps/" in r.url and r.url.endswith(".js")
                             else r.url.rsplit("/", 1)[-1]))
    return names


def test_an_essay_loads_leaflet_only_when_its_map_comes_into_view(reader, far_map_site):
    # Tiles load here: the static map (harbour.png) is then for print only, and never fetched.
    reader.route(f"{TILES}/**", lambda route: route.fulfill(body=_tile_png(), content_type="image/png"))
    requested = _requests(reader)
    reader.goto(f"{far_map_site}/essays/far.html")
    reader.wait_for_load_state("networkidle")
    assert requested == []  # the place list is there; Leaflet waits
    assert reader.locator("#map_1_1 .leaflet-marker-icon").count() == 0
    reader.locator("#map_1_1").scroll_into_view_if_needed()
    assert markers(reader, "map_1_1") == [HARBOUR_AREA]
    reader.wait_for_load_state("networkidle")
    scripts = [name for name in requested if name.endswith(".js") or name == "map script"]
    # In order, each once: Leaflet, markercluster, our markers, the map's own script.
    assert scripts == ["leaflet.js", "leaflet.markercluster.js", "map-leaflet.js", "map script"]
    assert sorted(set(requested) - set(scripts)) == ["MarkerCluster.css", "leaflet.css"]
    assert len(requested) == 6
    assert reader.record["errors"] == []


def test_without_intersection_observer_maps_load_at_once(reader, far_map_site):
    requested = _requests(reader)
    reader.add_init_script("delete window.IntersectionObserver;")
    reader.goto(f"{far_map_site}/essays/far.html")
    assert markers(reader, "map_1_1") == [HARBOUR_AREA]
    assert "leaflet.js" in requested
    assert reader.record["errors"] == []


def test_without_javascript_the_list_is_the_map(browser, atlas_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{atlas_site}/essays/arrival.html")
    assert page.locator(".place-map__canvas").first.is_hidden()
    assert page.locator(".place-list .place-card__name").first.is_visible()
    assert page.locator(".place-list a[href='../map.html#place-hall']").count() == 1
    # The static map of the embed's places is the picture: loaded, visible.
    static = page.locator(".place-map__static").first
    static.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.place-map__static').complete")
    assert static.is_visible() and page.evaluate("document.querySelector('.place-map__static').naturalWidth") == 1200
    page.emulate_media(media="print")
    assert static.is_visible()  # and it prints
    context.close()
