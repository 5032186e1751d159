"""Catching mistyped coordinates against the exhibit's focus area (``MAP_BOUNDS``).

Places far from the focus area are normal (the crisis reached Tokyo and Havana), so
a point outside it is only an error when a classic slip explains it: latitude and
longitude swapped, or a minus sign lost or added. We flag a place when it lies
outside the area and one of those corrections would put it inside; anything else
cannot be told from a real distant place, and is left to the curator.
"""
from __future__ import annotations

from exhibit.bounds import Bounds
from exhibit.model import Exhibit, Place


# Corrections a curator may need, each with how to apply it.
SLIPS = (
    (lambda lat, lon: (lon, lat), "latitude and longitude look swapped", "swap the values of lat and lon"),
    (lambda lat, lon: (-lat, lon), "the latitude's sign looks wrong", "south of the equator is negative: "
     "write lat: {lat}"),
    (lambda lat, lon: (lat, -lon), "the longitude's sign looks wrong", "west of Greenwich is negative: "
     "write lon: {lon}"),
    (lambda lat, lon: (-lat, -lon), "both signs look wrong", "write lat: {lat} and lon: {lon}"),
    (lambda lat, lon: (-lon, -lat), "latitude and longitude look swapped, and their signs wrong",
     "write lat: {lat} and lon: {lon}"),
)


def likely_slip(place: Place, bounds: Bounds) -> tuple[str, str] | None:
    """(message, hint) when ``place`` is outside ``bounds`` only because of a typing slip."""
    if bounds.contains(place.lat, place.lon):
        return None
    for correct, message, hint in SLIPS:
        lat, lon = correct(place.lat, place.lon)
        if bounds.contains(lat, lon):
            return message, hint.format(lat=lat, lon=lon)
    return None


def check_places(exhibit: Exhibit, bounds: Bounds, area_name: str) -> None:
    """Log an error, at the place's lat line, for every place that looks mistyped."""
    for place in exhibit.places.values():
        slip = likely_slip(place, bounds)
        if slip is not None:
            message, hint = slip
            exhibit.log.error(place.path, place.line_of("lat"),
                              f"place '{place.key}' at ({place.lat}, {place.lon}) is "
                              f"outside {area_name}: {message}", hint)
