"""What a map shows: places with their events and essays, grouped into markers, and the view.

Everything here is plain data; ``folium_map`` turns a :class:`MapView` into Leaflet
code and the theme's templates turn it into the list that stands beside each map.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from exhibit.embeds import EmbedError
from exhibit.loader import suggest
from exhibit.model import Event, Exhibit, Place

from .checks import Bounds
from .directive import MapRequest
from .settings import ZOOM_BY_PRECISION

# What each precision means, as readers see it, with how far its coordinates are rounded
# (exhibit.model.PRECISION_DECIMALS: 5, 3, 2 and 1 decimals).
PRECISION_MEANING = {
    "exact": "the exact spot; shown to about 1 m",
    "street": "the right street or block; shown to about 100 m",
    "district": "somewhere in the district; shown to about 1 km",
    "city": "somewhere in the city; shown to about 10 km",
}


@dataclass(frozen=True)
class EssayLink:
    title: str
    url: str  # from the site root


@dataclass
class PlaceView:
    """A place as every map shows it: names, where, how sure, and what links to it."""

    place: Place
    events: list[Event] = field(default_factory=list)
    essays: list[EssayLink] = field(default_factory=list)
    description_html: str = ""  # rendered for the map page only
    cited: list[str] = field(default_factory=list)  # source keys its description cites

    @property
    def key(self) -> str:
        return self.place.key

    @property
    def coordinates(self) -> str:
        """'12.091° S, 77.049° W': a street-precision place's numbers, to the decimals its precision allows."""
        lat, lon = self.place.shown()
        return (f"{abs(lat):f}° {'S' if self.place.lat < 0 else 'N'}, "
                f"{abs(lon):f}° {'W' if self.place.lon < 0 else 'E'}")

    @property
    def precision_meaning(self) -> str:
        return PRECISION_MEANING[self.place.precision]


@dataclass
class MapView:
    """One map: its number on the page (for unique ids), its places and its caption."""

    number: int
    places: list[PlaceView]
    caption: str | None = None

    def positions(self) -> list[tuple[tuple[float, float], list[PlaceView]]]:
        """Each distinct (lat, lon) with the places there, in list order: places at the same
        coordinates share a marker, whose popup shows them all."""
        by_position: dict[tuple[float, float], list[PlaceView]] = {}
        for view in self.places:
            by_position.setdefault((view.place.lat, view.place.lon), []).append(view)
        return list(by_position.items())

    def center_and_zoom(self) -> tuple[list[float], int] | None:
        """Where to look when every place is at one position; None when there are several."""
        positions = {(v.place.lat, v.place.lon) for v in self.places}
        if len(positions) != 1:
            return None
        zoom = max(ZOOM_BY_PRECISION[v.place.precision] for v in self.places)
        return list(next(iter(positions))), zoom

    def bounds(self) -> list[list[float]]:
        lats = [v.place.lat for v in self.places]
        lons = [v.place.lon for v in self.places]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


def events_by_place(exhibit: Exhibit) -> dict[str, list[Event]]:
    """For each place key, the events the place names or that name the place, in timeline order."""
    order = {event.id: number for number, event in enumerate(exhibit.events)}
    found: dict[str, dict[str, Event]] = {}
    for event in exhibit.events:
        for key in event.places:
            found.setdefault(key, {})[event.id] = event
    by_id = {event.id: event for event in exhibit.events}
    for place in exhibit.places.values():
        for event_id in place.events:
            if event_id in by_id:
                found.setdefault(place.key, {})[event_id] = by_id[event_id]
    return {key: sorted(events.values(), key=lambda event: order[event.id]) for key, events in found.items()}


def place_views(places: list[Place], events: dict[str, list[Event]],
                essays_by_place: dict[str, list[EssayLink]]) -> list[PlaceView]:
    """Each place with its events (from :func:`events_by_place`) and the essays that map it."""
    return [PlaceView(p, events.get(p.key, []), essays_by_place.get(p.key, [])) for p in places]


def requested_places(request: MapRequest, exhibit: Exhibit) -> list[Place]:
    """The places an embed names; EmbedError for a key that is not in places.yaml."""
    for key in request.keys:
        if key not in exhibit.places and key not in exhibit.invalid and "place" not in exhibit.unreadable:
            raise EmbedError(f"unknown place '{key}'",
                             suggest(key, exhibit.places) or "add it to content/data/places.yaml")
    return [exhibit.places[k] for k in request.keys if k in exhibit.places]


def paginate(sections: list[tuple[str, list[PlaceView]]], per_page: int) -> list[list[tuple[str, list[PlaceView]]]]:
    """Entries of the sections (region slug, places) in pages of at most ``per_page`` places,
    in order; a section that does not fit continues on the next page."""
    pages: list[list[tuple[str, list[PlaceView]]]] = [[]]
    room = per_page
    for slug, views in sections:
        while views:
            if room == 0:
                pages.append([])
                room = per_page
            pages[-1].append((slug, views[:room]))
            views, room = views[room:], room - len(views[:room])
    return pages


def split_by_area(places: list[Place], bounds: Bounds | None) -> tuple[list[Place], list[Place]]:
    """(places inside the focus area, places beyond it); all inside when there is no area."""
    if bounds is None:
        return list(places), []
    inside = [p for p in places if bounds.contains(p.lat, p.lon)]
    return inside, [p for p in places if not bounds.contains(p.lat, p.lon)]
