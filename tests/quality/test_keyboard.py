"""A keyboard walk through the real exhibit, as a reader without a mouse would go.

tests/browser covers each piece on the mini exhibit; this walks the production build end to end:
skip link, a note and its backlink, a timeline filter, a map marker and its popup, and a search from
the header box to a result.
"""
import pytest

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, presses: int) -> int:
    """Press Tab until the focused element matches ``selector``; the number of presses."""
    for count in range(1, presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return count
    raise AssertionError(f"{presses} presses of Tab never reached {selector} "
                         f"(last: {page.evaluate('document.activeElement.outerHTML.slice(0, 120)')})")


def target_id(page) -> str:
    return page.evaluate("document.querySelector(':target')?.id")


def in_view(page, selector: str) -> bool:
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
                                   return r.bottom > 0 && r.top < innerHeight; }""", selector)


@pytest.fixture
def reader(browser, real_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=real_server)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def skip_link_note_and_backlink(reader):
    reader.goto("/essays/the-seizure.html")
    assert tab_to(reader, ".skip-link", 1) == 1
    reader.keyboard.press("Enter")
    assert reader.evaluate("document.activeElement.id") == "main"
    tab_to(reader, "a[role=doc-noteref]", 40)  # the first note reference after the start of main
    reader.evaluate("document.activeElement.dataset.walked = 'yes'")
    note = reader.evaluate("document.activeElement.getAttribute('href')")
    reader.keyboard.press("Enter")
    reader.wait_for_function("note => location.hash === note", arg=note)
    assert f"#{target_id(reader)}" == note and in_view(reader, note)
    tab_to(reader, f"{note} a[role=doc-backlink]", 4)  # Tab goes on from the note
    back = reader.evaluate("document.activeElement.getAttribute('href')")
    reader.keyboard.press("Enter")
    reader.wait_for_function("back => location.hash === back", arg=back)
    assert reader.evaluate("document.querySelector(':target [data-walked], :target[data-walked]') !== null")
    assert in_view(reader, "[data-walked]")  # back where the reader left the text


def timeline_filter(reader):
    reader.goto("/timeline.html")
    tab_to(reader, "input[name=phase]", 150)  # past the header and the jump links
    phase = reader.evaluate("document.activeElement.value")
    shown = reader.locator(".timeline-event:visible").count()
    in_phase = reader.locator(f"#phase-{phase} .timeline-event").count()
    reader.keyboard.press("Space")
    assert not reader.evaluate("document.activeElement.checked")
    assert reader.locator(".timeline-event:visible").count() == shown - in_phase
    reader.keyboard.press("Space")
    assert reader.locator(".timeline-event:visible").count() == shown


def map_marker_and_popup(reader):
    reader.goto("/map.html")
    reader.locator(".leaflet-marker-icon").first.wait_for()
    tab_to(reader, ".leaflet-marker-icon", 150)
    while reader.evaluate("document.activeElement.matches('.place-cluster')"):
        count = reader.locator(".leaflet-marker-icon").count()
        reader.keyboard.press("Enter")  # a cluster zooms in, and its places become markers
        reader.wait_for_function("n => document.querySelectorAll('.leaflet-marker-icon').length !== n", arg=count)
        tab_to(reader, ".leaflet-marker-icon", 30)
    # A popup opened while the zoom still animates is closed when markercluster redraws its markers.
    reader.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim')")
    marker = reader.evaluate("document.activeElement.alt")
    reader.keyboard.press("Enter")
    popup = reader.locator(".leaflet-popup")
    popup.wait_for()
    assert popup.locator(".place-card__name").count() >= 1
    reader.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert reader.evaluate("document.activeElement.alt") == marker  # focus back on the marker


def search_from_the_header_box_to_a_result(reader):
    reader.goto("/index.html")
    tab_to(reader, "#site-search-q", 20)
    reader.keyboard.type("hostages")
    reader.keyboard.press("Enter")
    reader.wait_for_url("**/search.html?q=hostages")
    reader.wait_for_function("() => /\\d+ result/.test(document.getElementById('search-status').textContent)")
    tab_to(reader, ".search-results a", 40)
    href = reader.evaluate("document.activeElement.href")
    reader.keyboard.press("Enter")
    reader.wait_for_url(href)


def test_a_keyboard_walk_through_the_exhibit(reader):
    reader.route("**/*", lambda route: route.abort() if "tile.openstreetmap.org" in route.request.url
                 else route.continue_())  # no network here: the map works without its tiles
    skip_link_note_and_backlink(reader)
    timeline_filter(reader)
    map_marker_and_popup(reader)
    search_from_the_header_box_to_a_result(reader)
    assert reader.errors == []
