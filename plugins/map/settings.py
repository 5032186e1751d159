"""Settings the map plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from exhibit.settingskit import (TEXT, Setting, address, defaults_table, empty_or, optional, own_check,
                                 whole_number)

OSM_ATTRIBUTION = ('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
                   'contributors')
PER_PAGE = whole_number(1)

SETTINGS = [
    Setting("MAP_SAVE_AS", "map.html", TEXT, "where the map page is written (and its address)"),
    Setting("MAP_PLACES_PER_PAGE", 100, own_check(PER_PAGE.expected),
            "place entries (with descriptions) on the map page; more continue on map-2.html, map-3.html… so "
            "a page stays light with thousands of places"),
    Setting("MAP_SCRIPTS_DIR", "maps", TEXT, "folder of the generated per-map scripts"),
    Setting("MAP_EVENT_URL", None, optional(empty_or(address("id"))),
            "address of an event, from the site root ({id} is its id): None for where the exhibit shows it "
            "(its timeline page); empty: events are not linked"),
    Setting("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", empty_or(address("z", "x", "y")),
            "the tile server ({z}/{x}/{y}); empty for maps without a background"),
    Setting("MAP_TILES_ATTRIBUTION", OSM_ATTRIBUTION, TEXT,
            "credit shown on every map, as the tile provider requires"),
    Setting("MAP_TILES_MAX_ZOOM", 19, whole_number(0), "the deepest zoom the tile server offers"),
    Setting("MAP_BOUNDS", None, own_check("None or [[south, west], [north, east]]"),
            "the exhibit's focus area [[south, west], [north, east]]; places that only fall inside it once "
            "lat/lon are swapped or negated are errors"),
    Setting("MAP_BOUNDS_NAME", "the focus area", TEXT, "what readers call the focus area, e.g. 'Lima'"),
]
DEFAULTS = defaults_table(SETTINGS)

# How close a single place is shown, by how well it is known.
ZOOM_BY_PRECISION = {"exact": 17, "street": 16, "district": 14, "city": 11}


def check_places_per_page(settings: dict) -> str | None:
    """What is wrong with ``MAP_PLACES_PER_PAGE`` (then set back to its default), or None."""
    value = settings["MAP_PLACES_PER_PAGE"]
    if PER_PAGE.accepts(value):
        return None
    settings["MAP_PLACES_PER_PAGE"] = DEFAULTS["MAP_PLACES_PER_PAGE"][0]
    return f"MAP_PLACES_PER_PAGE must be {PER_PAGE.expected}, got {value!r}"
