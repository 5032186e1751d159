"""Settings the map plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

OSM_ATTRIBUTION = ('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
                   'contributors')

DEFAULTS: dict[str, tuple[object, str]] = {
    "MAP_SAVE_AS": ("map.html", "where the map page is written (and its address)"),
    "MAP_PLACES_PER_PAGE": (100, "place entries (with descriptions) on the map page; more continue on "
                                 "map-2.html, map-3.html… so a page stays light with thousands of places"),
    "MAP_SCRIPTS_DIR": ("maps", "folder of the generated per-map scripts"),
    "MAP_EVENT_URL": (None, "address of an event, from the site root ({id} is its id): None for where the "
                            "exhibit shows it (its timeline page); empty: events are not linked"),
    "MAP_TILES_URL": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                      "the tile server ({z}/{x}/{y}); empty for maps without a background"),
    "MAP_TILES_ATTRIBUTION": (OSM_ATTRIBUTION, "credit shown on every map, as the tile provider requires"),
    "MAP_TILES_MAX_ZOOM": (19, "the deepest zoom the tile server offers"),
    "MAP_BOUNDS": (None, "the exhibit's focus area [[south, west], [north, east]]; places that only "
                         "fall inside it once lat/lon are swapped or negated are errors"),
    "MAP_BOUNDS_NAME": ("the focus area", "what readers call the focus area, e.g. 'Lima'"),
}

# How close a single place is shown, by how well it is known.
ZOOM_BY_PRECISION = {"exact": 17, "street": 16, "district": 14, "city": 11}



def check_places_per_page(settings: dict) -> str | None:
    """What is wrong with ``MAP_PLACES_PER_PAGE`` (then set back to its default), or None."""
    value = settings["MAP_PLACES_PER_PAGE"]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return None
    settings["MAP_PLACES_PER_PAGE"] = DEFAULTS["MAP_PLACES_PER_PAGE"][0]
    return f"MAP_PLACES_PER_PAGE must be a whole number of at least 1, got {value!r}"
