"""Coordinates at the precision a place claims: rounded on every page, as written in the data downloads."""
import csv
import io
import json
import re

import pytest

from exhibit.model import PRECISION_DECIMALS, PRECISION_RADIUS_M, PRECISIONS

PLACE = """- key: hall
  name: The reception hall
  lat: -12.09139
  lon: -77.04944
  precision: {precision}
  description: An invented hall.
  sources: [almanac-entry]
  events: [guests-arrive]
"""
SHOWN = {"exact": "12.09139° S, 77.04944° W", "street": "12.091° S, 77.049° W",
         "district": "12.09° S, 77.05° W", "city": "12.1° S, 77° W"}


def test_every_precision_has_its_decimals_and_radius():
    assert list(PRECISION_DECIMALS) == list(PRECISIONS) == list(PRECISION_RADIUS_M)
    # A step in the last decimal shown is about the radius (a degree of latitude is about 111 km).
    for precision in PRECISIONS:
        step_m = 111_000 * 10 ** -PRECISION_DECIMALS[precision]
        assert PRECISION_RADIUS_M[precision] / 2 <= step_m <= PRECISION_RADIUS_M[precision] * 2


@pytest.mark.parametrize("precision", ["street", "district", "city"])
def test_pages_show_no_more_decimals_than_the_precision_claims(mini, precision):
    mini.write("data/places.yaml", PLACE.format(precision=precision))
    mini.build()
    page = mini.html("map.html")
    assert (f'<span class="place-card__coordinates">{SHOWN[precision]}</span> <span class="place-card__precision">'
            f"Precision: <strong>{precision}</strong>") in page
    place = next(item["item"] for node in _graph(page) for item in node.get("mainEntity", {}).get(
        "itemListElement", []))
    decimals = PRECISION_DECIMALS[precision]
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": round(-12.09139, decimals),
                            "longitude": round(-77.04944, decimals)}
    assert place["additionalProperty"]["value"] == precision
    pages = [p for p in mini.output.rglob("*.html")]
    assert [p.name for p in pages if "09139" in p.read_text(encoding="utf-8")] == []
    # The map's own data: the point as written (the marker sits there), the coordinates its popups show,
    # rounded once, here, as the list writes them, and the radius of the area it is drawn as.
    (script,) = [p for p in (mini.output / "maps").glob("*.js") if "The reception hall" in p.read_text()]
    text = script.read_text()
    assert "[-77.04944,-12.09139]" in text
    assert f'"{SHOWN[precision]}"' in text
    assert f'["{precision}","{_meaning(page, precision)}",{PRECISION_RADIUS_M[precision]}]' in text


def test_the_downloads_keep_the_numbers_as_written_with_their_precision(mini):
    mini.write("data/places.yaml", PLACE.format(precision="district"))
    mini.build()
    (row,) = csv.DictReader(io.StringIO(mini.html("data/places.csv")))
    assert (row["lat"], row["lon"], row["precision"]) == ("-12.09139", "-77.04944", "district")
    (feature,) = json.loads(mini.html("data/places.geojson"))["features"]
    assert feature["geometry"]["coordinates"] == [-77.04944, -12.09139]
    assert feature["properties"]["precision"] == "district"
    described = mini.html("data.html")
    assert "pages show its coordinates to 5, 3, 2 or 1 decimals" in described


def _graph(page: str) -> list[dict]:
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(data)["@graph"]


def _meaning(page: str, precision: str) -> str:
    return re.search(rf"<dt>{precision}</dt><dd>([^<]+)</dd>", page).group(1)
