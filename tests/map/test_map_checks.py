"""Coordinates checked against the focus area: slips are caught, distant places are not."""
from pathlib import Path

import pytest

from exhibit.loader import load_exhibit
from exhibit.model import Place
from map.checks import Bounds, likely_slip
from tests.support import ROOT

LIMA = Bounds.from_setting([[-12.55, -77.25], [-11.55, -76.6]])


def place(lat, lon):
    return Place(path=Path("places.yaml"), line=1, key="p", lat=lat, lon=lon)


@pytest.mark.parametrize("lat, lon, message, hint", [
    (-77.0494, -12.0914, "latitude and longitude look swapped", "swap the values of lat and lon"),
    (12.0914, -77.0494, "the latitude's sign looks wrong", "south of the equator is negative: write lat: -12.0914"),
    (-12.0914, 77.0494, "the longitude's sign looks wrong", "west of Greenwich is negative: write lon: -77.0494"),
    (12.0914, 77.0494, "both signs look wrong", "write lat: -12.0914 and lon: -77.0494"),
    (77.0494, 12.0914, "latitude and longitude look swapped, and their signs wrong",
     "write lat: -12.0914 and lon: -77.0494"),
])
def test_slips_that_would_land_in_the_area_are_caught(lat, lon, message, hint):
    assert likely_slip(place(lat, lon), LIMA) == (message, hint)


@pytest.mark.parametrize("lat, lon", [
    (-12.0914, -77.0494),  # inside
    (35.6762, 139.6503), (43.6532, -79.3832), (23.1136, -82.3666), (18.4861, -69.9312),
    (53.5511, 9.9937), (-15.8402, -70.0219), (-13.1588, -74.2239),  # Tokyo … Ayacucho
    (-33.45, -70.66),  # Santiago: far, and no slip explains it
])
def test_real_places_far_away_pass(lat, lon):
    assert likely_slip(place(lat, lon), LIMA) is None


def test_every_place_of_the_exhibit_passes():
    exhibit = load_exhibit(ROOT / "content")
    assert exhibit.places and all(likely_slip(p, LIMA) is None for p in exhibit.places.values())


@pytest.mark.parametrize("value", [None, [[1, 2]], [[-12, -77], [-13, -76]], [["a", "b"], ["c", "d"]],
                                   [[-12, -77], [-11, 200]]])
def test_malformed_bounds_are_refused(value):
    with pytest.raises(ValueError, match="MAP_BOUNDS"):
        Bounds.from_setting(value)
