"""A map's data: positions, and popup text in tables, with links written for the page it is on."""
from pathlib import Path

from exhibit.dates import PartialDate
from exhibit.model import Event, Place
from map.geojson import map_data
from map.links import PageLinks
from map.model import EssayLink, MapView, PlaceView


def place(key, lat, lon, **fields):
    return Place(path=Path("places.yaml"), line=1, key=key, name=key.title(), lat=lat, lon=lon,
                 precision="street", **fields)


SEIZED = Event(path=Path("events.yaml"), line=1, id="seized", date=PartialDate(1996, 12, 17), title="Seized")
ARRIVAL, TALKS = EssayLink("Arrival", "essays/arrival.html"), EssayLink("Talks", "essays/talks.html")


def test_positions_and_places_are_written_once_and_text_goes_into_tables():
    views = [PlaceView(place("residence", -12.09, -77.04, name_es="Residencia"), [SEIZED], [ARRIVAL, TALKS]),
             PlaceView(place("cordon", -12.09, -77.04), [SEIZED], [TALKS]),
             PlaceView(place("tokyo", 35.67, 139.65, name_ja="東京"))]
    links = PageLinks("..", "essays/talks.html", {"residence": "map.html", "cordon": "map.html",
                                                   "tokyo": "map-2.html"}, {"seized": "timeline.html#event-seized"})
    (feature,) = map_data(MapView(1, views), links)["features"]
    assert feature["geometry"] == {"type": "MultiPoint", "coordinates": [[-77.04, -12.09], [139.65, 35.67]]}
    properties = feature["properties"]
    assert properties["at"] == [[0, 1], [2]]
    # [key, name, page, precision, coordinates, name_es, name_ja, events, essays], trailing empty fields
    # left out; the coordinates rounded to the precision, as the list writes them; the essay the map is in is
    # not listed.
    assert properties["places"] == [["residence", "Residence", 0, 1, "12.09° S, 77.04° W", "Residencia", "", [0], [0]],
                                    ["cordon", "Cordon", 0, 1, "12.09° S, 77.04° W", "", "", [0]],
                                    ["tokyo", "Tokyo", 1, 1, "35.67° N, 139.65° E", "", "東京"]]
    assert properties["pages"] == ["../map.html", "../map-2.html"]
    assert properties["events"] == [["../timeline.html#event-seized", "1996-12-17", "17 December 1996", "Seized"]]
    assert properties["essays"] == [["Arrival", "../essays/arrival.html"]]
    assert properties["precision"][1] == ["street", "the right street or block; shown to about 100 m", 100]


def test_on_the_map_page_its_own_entries_are_anchors_and_events_may_go_unlinked():
    links = PageLinks(".", "map.html", {"residence": "map.html"}, {})
    properties = map_data(MapView(1, [PlaceView(place("residence", 1, 2), [SEIZED])]), links)["features"][0]["properties"]
    assert properties["pages"] == [""] and properties["events"][0][0] == ""
    assert links.place("residence") == "#place-residence" and links.event("seized") == ""


def test_ten_thousand_places_stay_small():
    """The data of the scale target, 10,000 places, written as folium writes it (compact JSON)."""
    import json
    import random
    rng = random.Random(1996)
    views = [PlaceView(place(f"place-{n}", round(rng.uniform(-12.25, -11.9), 5), round(rng.uniform(-77.15, -76.9), 5)))
             for n in range(10_000)]
    links = PageLinks(".", "map.html", {v.key: f"map-{1 + n // 200}.html" for n, v in enumerate(views)}, {})
    text = json.dumps(map_data(MapView(1, views), links), separators=(",", ":"), ensure_ascii=False)
    assert len(text.encode()) < 1_000_000  # bytes: about 95 a place, 30 of them its coordinates as the list writes them
