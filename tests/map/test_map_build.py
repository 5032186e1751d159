"""Whole builds with maps: the map page, maps in essays, their scripts, and curators' mistakes."""
import re
import shutil

import pytest

from exhibit.errors import ExhibitBuildError
from tests.map.atlas import PLACES


@pytest.fixture
def built(atlas):
    atlas.build()
    return atlas


def scripts(html: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', html)


def test_map_page_lists_every_place_with_coordinates_precision_and_description(built):
    page = built.html("map.html")
    assert re.findall(r'<li class="place-entry" id="place-([a-z-]+)">', page) == ["hall", "gate", "annex", "harbour"]
    assert '<h2 id="focus-title">In Lima</h2>' in page and '<h2 id="beyond-title">Beyond Lima</h2>' in page
    assert "12.1° S, 77.03° W" in page and "35.7° N, 139.7° E" in page and "139.6503" not in page
    assert "Precision: <strong>district</strong> (somewhere in the district; shown to about 1 km)" in page
    assert '<span lang="es">Salón de recepciones</span>' in page and '<span lang="ja">港の事務所</span>' in page
    assert "An invented hall, placed at the centre of an invented district" in page
    assert '<a class="place-card__name" href="#place-hall">The reception hall</a>' in page
    assert '<a href="./timeline.html#event-guests-arrive"><time datetime="1996-12-17">' in page
    assert '<a href="./map.html" aria-current="true">Map</a>' in page


def test_notes_of_descriptions_have_ids_of_their_own(built):
    page = built.html("map.html")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert 'href="#place-hall-fn-exhibit-cite-1"' in page
    assert '<a class="cite-source" href="./sources/almanac-entry.html">' in page


def test_places_list_the_essays_whose_maps_show_them(built):
    page = built.html("map.html")
    hall = page.split('id="place-hall"')[1].split('id="place-gate"')[0]
    assert re.findall(r'<a href="\./essays/([a-z]+)\.html">', hall) == ["arrival", "talks"]
    essay = built.html("essays/arrival.html")
    # An essay's own maps list the other essays only.
    card = essay.split('data-place="hall"')[1].split("</div>")[0]
    assert "Talks across the wall" in card and "The evening of the reception" not in card


def canvases(html: str) -> list[dict[str, str]]:
    """Each map's element: its id and what map.js loads for it (data-map-*)."""
    return [dict(re.findall(r'(id|data-map-[a-z]+)="([^"]*)"', tag))
            for tag in re.findall(r'<div id="[^"]+" class="place-map__canvas"[^>]*>', html)]


LEAFLET = ["theme/vendor/leaflet-1.9.4/leaflet.js", "theme/vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js",
           "theme/js/map-leaflet.js"]  # then our markers on it
LEAFLET_CSS = ["theme/vendor/leaflet-1.9.4/leaflet.css", "theme/vendor/leaflet.markercluster-1.5.3/MarkerCluster.css"]


def test_map_page_loads_self_hosted_leaflet_at_once_and_no_inline_script(built):
    page = built.html("map.html")
    assert scripts(page) == ["./theme/js/map.js"]  # which loads Leaflet, then each map's script
    maps = canvases(page)
    assert len(maps) == 2  # Lima and beyond
    for canvas in maps:
        assert canvas["data-map-libraries"].split() == [f"./{url}" for url in LEAFLET]
        assert canvas["data-map-styles"].split() == [f"./{url}" for url in LEAFLET_CSS]
        assert re.fullmatch(r"\./maps/[0-9a-f]{16}\.js", canvas["data-map-script"])
        assert canvas["data-map-load"] == "now"
    assert "<script>" not in page and "user-scalable" not in page
    for forbidden in ("cdn.", "jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers"):
        assert forbidden not in page.lower()
    for url in (canvas["data-map-script"] for canvas in maps):
        script = (built.output / url).read_text(encoding="utf-8")
        assert "L.tileLayer(\n" in script and "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in script
        assert "OpenStreetMap\\u003c/a\\u003e contributors" in script  # attribution, escaped for JS
        assert "$(" not in script and "cdn" not in script


def test_essay_with_two_maps_loads_leaflet_when_they_come_into_view_and_draws_both(built):
    essay = built.html("essays/arrival.html")
    assert "leaflet" not in "".join(scripts(essay)) and "vendor" not in "".join(re.findall(r"<link [^>]*>", essay))
    assert essay.count("map.css") == 1
    assert scripts(essay).count("../theme/js/map.js") == 1
    maps = canvases(essay)
    assert [canvas["id"] for canvas in maps] == ["map_1_1", "map_2_1"]
    assert all(canvas["data-map-libraries"].split() == [f"../{url}" for url in LEAFLET] for canvas in maps)
    assert all("data-map-load" not in canvas for canvas in maps)  # when it comes near the viewport
    assert "<figcaption" in essay and "Where the guests arrived" in essay
    assert "<p id=\"p-3\"><figure" not in essay and "exhibit-map:" not in essay
    map_scripts = [canvas["data-map-script"] for canvas in maps]
    assert len(map_scripts) == 2
    first = (built.output / "essays" / map_scripts[0]).read_text(encoding="utf-8")
    # One marker for the two places at one point; its popup links to the map page's entries.
    assert '"coordinates":[[-77.03,-12.1]],"type":"MultiPoint"},"properties":{"at":[[0,1]]' in first
    assert '"pages":["../map.html"]' in first
    assert 'L.map(\n                "map_1_1"' in first
    assert '<a class="place-card__name" href="../map.html#place-gate">' in essay


def test_place_text_is_shown_as_text_and_reaches_scripts_only_as_escaped_json(built):
    hostile = 'Gate &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; \\1 `${x}` &amp; co'
    for page in ("map.html", "essays/arrival.html"):
        html = built.html(page)
        assert hostile in html
        assert '<script>alert("x")' not in html
    for script in (built.output / "maps").iterdir():
        text = script.read_text(encoding="utf-8")
        assert "<script>" not in text and "</script>" not in text
        if "Gate" in text:
            assert '"Gate \\u003cscript\\u003ealert(\\"x\\")\\u003c/script\\u003e \\\\1 `${x}` \\u0026 co"' in text


def test_source_pages_list_the_places_that_cite_them(built):
    page = built.html("sources/almanac-entry.html")
    assert '<a href="../map.html#place-hall">Map: The reception hall</a>' in page


def test_two_builds_give_the_same_bytes(atlas, tmp_path):
    def maps_and_pages(output):
        files = [output / "map.html", *output.glob("essays/*.html"), *output.glob("maps/*.js")]
        return {p.relative_to(output): p.read_bytes() for p in files}
    atlas.build()
    first = maps_and_pages(atlas.output)
    atlas.output = tmp_path / "second"
    atlas.build()
    second = maps_and_pages(atlas.output)
    assert len(first) == 8 and first == second  # map page, 2 essays, 5 map scripts


def test_the_project_settings_put_the_map_in_the_menu(built):
    assert '<a href="./map.html">Map</a>' in built.html("index.html")


def errors_of(exhibit) -> list[str]:
    with pytest.raises(ExhibitBuildError) as info:
        exhibit.build()
    assert not exhibit.output.exists()
    return str(info.value.log.report()).splitlines()


def test_unknown_place_in_an_essay_map_names_file_line_and_a_suggestion(atlas):
    essay = atlas.content / "essays/02-talks.md"
    essay.write_text(essay.read_text().replace("places=hall", "places=hal,harbour"))
    report = errors_of(atlas)
    line = essay.read_text().splitlines().index("{% map places=hal,harbour %}") + 1
    assert report[0] == (f"content/essays/02-talks.md:{line}: error: {{% map places=hal,harbour %}}: "
                         "unknown place 'hal'")
    assert report[1] == "    hint: did you mean 'hall'?"


@pytest.mark.parametrize("directive, message", [
    ("{% map %}", "a map needs places="),
    ("{% map places=hall,hall %}", "place 'hall' is listed twice"),
    ('{% map places=hall zoom=3 %}', "unknown argument 'zoom'"),
    ("{% map places=Hall %}", "'Hall' is not a place key"),
])
def test_bad_map_arguments_are_errors_at_their_line(atlas, directive, message):
    essay = atlas.content / "essays/02-talks.md"
    essay.write_text(essay.read_text().replace("{% map places=hall %}", directive))
    line = essay.read_text().splitlines().index(directive) + 1
    report = errors_of(atlas)
    assert report[0].startswith(f"content/essays/02-talks.md:{line}: error: {directive}: {message}")


def test_swapped_and_sign_slipped_coordinates_are_errors_at_the_lat_line(atlas, places_yaml):
    places = places_yaml.replace("  lat: -12.1\n  lon: -77.03\n  precision: district",
                            "  lat: -77.03\n  lon: -12.1\n  precision: district", 1)
    places = places.replace("  lat: -12.1\n  lon: -77.03\n  precision: street",
                            "  lat: 12.1\n  lon: -77.03\n  precision: street", 1)
    atlas.write("data/places.yaml", places)
    report = "\n".join(errors_of(atlas))
    lines = places.splitlines()
    hall_lat = lines.index("  lat: -77.03") + 1
    gate_lat = lines.index("  lat: 12.1") + 1
    assert (f"content/data/places.yaml:{hall_lat}: error: place 'hall' at (-77.03, -12.1) is outside Lima: "
            "latitude and longitude look swapped\n    hint: swap the values of lat and lon") in report
    assert (f"content/data/places.yaml:{gate_lat}: error: place 'gate' at (12.1, -77.03) is outside Lima: "
            "the latitude's sign looks wrong\n    hint: south of the equator is negative: write lat: -12.1") in report
    assert "harbour" not in report  # far away, but no slip explains it: a real place


def test_out_of_range_duplicate_and_unknown_keys_are_errors_with_lines(atlas, places_yaml):
    places = places_yaml.replace("  lat: 35.6762", "  lat: 135.6762").replace("- key: gate", "- key: hall")
    atlas.write("data/places.yaml", places)
    events = atlas.content / "data/events.yaml"
    events.write_text(events.read_text().replace("places: [hall]", "places: [hall, harbor]"))
    report = "\n".join(errors_of(atlas))
    lines = places.splitlines()
    assert f"places.yaml:{lines.index('  lat: 135.6762') + 1}: error: lat: latitude 135.6762 is outside -90..90" in report
    second_hall = [n for n, text in enumerate(lines, 1) if text == "- key: hall"][1]
    assert f"places.yaml:{second_hall}: error: place key 'hall' is already used on line 1" in report
    event_line = events.read_text().splitlines().index("  places: [hall, harbor]") + 1
    assert f"events.yaml:{event_line}: error: unknown place 'harbor'" in report


def test_a_malformed_bounds_setting_is_reported(atlas):
    report = "\n".join(errors_of_build(atlas, MAP_BOUNDS=[[-12, -77]]))
    assert "MAP_BOUNDS must be [[south, west], [north, east]]" in report


def test_a_page_size_below_one_is_reported(atlas):
    report = "\n".join(errors_of_build(atlas, MAP_PLACES_PER_PAGE=0))
    assert "pelicanconf.py: error: MAP_PLACES_PER_PAGE must be a whole number of at least 1, got 0" in report


def errors_of_build(exhibit, **settings) -> list[str]:
    with pytest.raises(ExhibitBuildError) as info:
        exhibit.build(**settings)
    return str(info.value.log.report()).splitlines()


def test_maps_without_tiles_or_timeline(atlas):
    atlas.build(MAP_TILES_URL="", MAP_EVENT_URL="")
    page = atlas.html("map.html")
    assert "#event-" not in page and "<time datetime=\"1996-12-17\">17 December 1996</time>: Guests arrive" in page
    for script in (atlas.output / "maps").iterdir():
        assert "tileLayer" not in script.read_text(encoding="utf-8")


def test_long_lists_of_places_continue_on_further_pages(atlas):
    atlas.build(MAP_PLACES_PER_PAGE=3)
    first, second = atlas.html("map.html"), atlas.html("map-2.html")
    entries = r'<li class="place-entry" id="place-([a-z-]+)">'
    assert re.findall(entries, first) == ["hall", "gate", "annex"]
    assert re.findall(entries, second) == ["harbour"]
    # Every place keeps its address on the map page: a line that links on to its entry.
    assert '<li id="place-harbour"><a href="map-2.html#place-harbour">The harbour office</a>' in first
    # Both maps stay on the first page; their popups send the harbour to the second.
    map_scripts = [canvas["data-map-script"] for canvas in canvases(first)]
    assert len(map_scripts) == 2 and scripts(second) == [] and canvases(second) == []
    beyond = next(s for s in map_scripts if "139.6503" in (atlas.output / s).read_text(encoding="utf-8"))
    assert '"pages":["map-2.html"]' in (atlas.output / beyond).read_text(encoding="utf-8")
    assert '<h2 id="beyond-title">Beyond Lima</h2>' in second and "An invented hall" not in second
    assert '<a href="map-2.html" title="The harbour office">2</a>' in first
    assert '<span aria-current="page">2</span>' in second and '<a href="map.html">The maps</a>' in second
    # Every link to a place leads to the page that holds its entry.
    assert '<a class="place-card__name" href="../map-2.html#place-harbour">' in atlas.html("essays/arrival.html")
    assert '<a href="../map-2.html#place-harbour">Map: The harbour office</a>' in atlas.html(
        "sources/gazeta-1997-01.html")


def map_files(atlas) -> dict[str, bytes]:
    """The bytes of every map script and of the map page."""
    files = {p.name: p.read_bytes() for p in (atlas.output / "maps").iterdir()}
    return {**files, "map.html": (atlas.output / "map.html").read_bytes()}


@pytest.fixture
def folium_calls(monkeypatch) -> list:
    """Each map the build had folium draw (folium's code runs as usual)."""
    from map import folium_map

    calls, draw = [], folium_map.map_script
    monkeypatch.setattr(folium_map, "map_script", lambda view, *args: calls.append(view.number) or draw(view, *args))
    return calls


def test_a_rebuild_takes_every_map_script_from_the_cache_with_the_same_bytes(atlas, folium_calls):
    atlas.build()
    assert len(folium_calls) == 5  # two maps on the map page, two in one essay, one in the other
    cold = map_files(atlas)
    assert len(list((atlas.content.parent / "cache" / "maps").glob("*.json"))) == 5
    shutil.rmtree(atlas.output)
    atlas.build()
    assert folium_calls[5:] == []  # folium drew nothing
    assert map_files(atlas) == cold


def test_a_changed_place_draws_the_maps_that_show_it_again(atlas, folium_calls):
    atlas.build()
    atlas.write("data/places.yaml", PLACES.replace("The harbour office", "The harbour master's office"))
    shutil.rmtree(atlas.output)
    atlas.build()
    # The map "beyond Lima" and the harbour's map in the first essay; the hall's three maps are as they were.
    assert folium_calls[5:] == [2, 2]
    drawn = "".join(p.read_text(encoding="utf-8") for p in (atlas.output / "maps").iterdir())
    assert "The harbour master\\u0027s office" in drawn and '"The harbour office"' not in drawn
