"""folium's part: Leaflet code with stable ids, no CDN, and our text only as escaped JSON."""
from pathlib import Path

import branca.element

from exhibit.model import Place
from map.folium_map import map_script, numbered_ids
from map.geojson import map_data
from map.links import PageLinks
from map.model import MapView, PlaceView
from map.script_cache import script_name
from map.settings import DEFAULTS

SETTINGS = {name: default for name, (default, _doc) in DEFAULTS.items()}


def view(number=1):
    places = [Place(path=Path("p.yaml"), line=1, key=k, name="</script><script>alert(1)</script> \\1 `x`",
                    lat=lat, lon=lon, precision="street") for k, lat, lon in
              (("a", -12.1, -77.03), ("b", -12.2, -77.0))]
    return MapView(number, [PlaceView(p) for p in places])


def script_of(map_view, settings=SETTINGS):
    links = PageLinks(".", "map.html", {"a": "map.html", "b": "map.html"}, {})
    return map_script(map_view, map_data(map_view, links), settings)


def test_the_same_map_gives_the_same_script_and_two_maps_on_a_page_differ():
    first_id, first = script_of(view(1))
    again_id, again = script_of(view(1))
    second_id, second = script_of(view(2))
    assert (first_id, first) == (again_id, again)
    assert first_id == "map_1_1" and second_id == "map_2_1"
    assert "map_1_" not in second
    assert script_name(first) == script_name(again) != script_name(second)


def test_the_script_draws_tiles_and_markers_with_our_helpers_only():
    _, script = script_of(view())
    # map.js loads it once Leaflet is there: it runs at once, its names kept in a function.
    assert script.startswith("// Drawn by folium") and "\n(function () {\n" in script and script.endswith("})();\n")
    assert '"pointToLayer": exhibitMap.placeMarker' in script and "bindPlaces" not in script
    assert "map_1_1.fitBounds(" in script and '"scrollWheelZoom": false' in script
    for absent in ("$(", "http://", "cdn", "jquery"):
        assert absent not in script.lower()


def test_names_reach_the_script_only_as_escaped_json():
    _, script = script_of(view())
    assert '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\\1 `x`"' in script
    for absent in ("<", ">", "&", "'"):
        assert absent not in script.split("L.geoJson(")[1].split(", {")[0]


def test_random_ids_come_back_after_drawing():
    with numbered_ids(7):
        assert branca.element.Element()._id == "7_1"
    assert len(branca.element.Element()._id) == 32  # folium's own random hex


def test_no_tile_server_means_no_tile_layer():
    _, script = script_of(view(), {**SETTINGS, "MAP_TILES_URL": ""})
    assert "tileLayer" not in script and "L.geoJson" in script
