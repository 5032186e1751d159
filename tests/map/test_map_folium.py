"""folium's part: Leaflet code with stable ids, no CDN, no text of ours."""
from pathlib import Path

import branca.element

from exhibit.model import Place
from map.folium_map import map_script, numbered_ids, script_name
from map.model import MapView, PlaceView
from map.settings import DEFAULTS

SETTINGS = {name: default for name, (default, _doc) in DEFAULTS.items()}


def view(number=1):
    places = [Place(path=Path("p.yaml"), line=1, key=k, name="</script><script>alert(1)</script> \\1 `x`",
                    lat=lat, lon=lon, precision="street") for k, lat, lon in
              (("a", -12.1, -77.03), ("b", -12.2, -77.0))]
    return MapView(number, [PlaceView(p) for p in places])


def test_the_same_map_gives_the_same_script_and_two_maps_on_a_page_differ():
    first_id, first = map_script(view(1), SETTINGS)
    again_id, again = map_script(view(1), SETTINGS)
    second_id, second = map_script(view(2), SETTINGS)
    assert (first_id, first) == (again_id, again)
    assert first_id == "map_1_1" and second_id == "map_2_1"
    assert "map_1_" not in second
    assert script_name(first) == script_name(again) != script_name(second)


def test_the_script_draws_tiles_and_markers_with_our_helpers_only():
    _, script = map_script(view(), SETTINGS)
    assert script.startswith("// Drawn by folium") and 'document.addEventListener("DOMContentLoaded"' in script
    assert '"pointToLayer": exhibitMap.placeMarker' in script and "(exhibitMap.bindPlaces)(feature, layer)" in script
    assert "map_1_1.fitBounds(" in script and '"scrollWheelZoom": false' in script
    for absent in ("script>", "alert", "\\1", "`", "$(", "http://", "cdn", "jquery"):
        assert absent not in script.lower()


def test_random_ids_come_back_after_drawing():
    with numbered_ids(7):
        assert branca.element.Element()._id == "7_1"
    assert len(branca.element.Element()._id) == 32  # folium's own random hex


def test_no_tile_server_means_no_tile_layer():
    _, script = map_script(view(), {**SETTINGS, "MAP_TILES_URL": ""})
    assert "tileLayer" not in script and "L.geoJson" in script
