"""What a map's script carries: one GeoJSON MultiPoint of its positions, and the text of their popups.

Ten thousand places must stay small, so nothing is repeated: each position is a bare
``[lon, lat]``; ``properties.at`` lists, per position, the places there (indexes into
``properties.places``); a place refers to its map page, precision, events and essays
by index into tables of their own. ``theme/static/js/map-leaflet.js`` builds the markers and
popups from it, putting every text in with ``textContent``, never as HTML.

A place is ``[key, name, page, precision, coordinates, name_es, name_ja, events, essays]``, its
trailing empty fields left out; its entry is at ``pages[page] + "#place-" + key``; its coordinates
are the text the list beside the map shows, rounded to its precision here, once. A precision is
``[level, meaning, radius]``: places of district or city precision are drawn as circles of that
many metres.
"""
from __future__ import annotations

from exhibit.model import PRECISION_RADIUS_M

from .links import PageLinks
from .model import PRECISION_MEANING, MapView, PlaceView


class _Table(list):
    """A list that gives each distinct row one index."""

    def __init__(self):
        super().__init__()
        self._index: dict = {}

    def index_of(self, row) -> int:
        key = tuple(row)
        if key not in self._index:
            self._index[key] = len(self)
            self.append(list(row))
        return self._index[key]


PRECISIONS = list(PRECISION_MEANING)


def map_data(view: MapView, links: PageLinks) -> dict:
    """The GeoJSON of ``view``, with its links written for the page it appears on."""
    pages, events, essays = _Table(), _Table(), _Table()
    places = [_place_row(place, links, pages, events, essays) for place in view.places]
    index = {place.key: number for number, place in enumerate(view.places)}
    positions = view.positions()
    return {"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "geometry": {"type": "MultiPoint", "coordinates": [[lon, lat] for (lat, lon), _ in positions]},
        "properties": {
            "at": [[index[p.key] for p in at] for _, at in positions],
            "places": places, "pages": [row[0] for row in pages],
            "precision": [[level, PRECISION_MEANING[level], PRECISION_RADIUS_M[level]] for level in PRECISIONS],
            "events": events, "essays": essays,
        }}]}


def _place_row(view: PlaceView, links: PageLinks, pages: _Table, events: _Table, essays: _Table) -> list:
    place = view.place
    row = [place.key, place.name, pages.index_of([links.page(links.entries[place.key])]),
           PRECISIONS.index(place.precision), view.coordinates, place.name_es or "", place.name_ja or "",
           [events.index_of([links.event(e.id), e.date.iso, e.date.display, e.title]) for e in view.events],
           [essays.index_of([e.title, links.essay(e.url)]) for e in view.essays if e.url != links.page_url]]
    while row[-1] in ("", []):
        row.pop()
    return row
