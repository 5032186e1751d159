"""What a map shows: markers by position, the view, the links of each place."""
from pathlib import Path

from exhibit.dates import PartialDate
from exhibit.model import Event, Exhibit, Place
from map.model import MapView, PlaceView, events_by_place, paginate, split_by_area
from map.checks import Bounds


def place(key, lat, lon, precision="street", events=()):
    return Place(path=Path("places.yaml"), line=1, key=key, name=key.title(), lat=lat, lon=lon,
                 precision=precision, events=list(events))


def test_places_at_one_point_share_a_position():
    residence, cordon, house = (PlaceView(place("residence", -12.09139, -77.04944)),
                                PlaceView(place("cordon", -12.09139, -77.04944)),
                                PlaceView(place("talks-house", -12.0911, -77.0498)))
    view = MapView(1, [residence, cordon, house])
    assert view.positions() == [((-12.09139, -77.04944), [residence, cordon]), ((-12.0911, -77.0498), [house])]
    assert view.center_and_zoom() is None
    assert view.bounds() == [[-12.09139, -77.0498], [-12.0911, -77.04944]]  # [[south, west], [north, east]]


def test_a_single_position_is_shown_as_closely_as_it_is_known():
    assert MapView(1, [PlaceView(place("tokyo", 35.6762, 139.6503, "city"))]).center_and_zoom() == (
        [35.6762, 139.6503], 11)
    both = MapView(1, [PlaceView(place("a", 1, 2, "district")), PlaceView(place("b", 1, 2, "exact"))])
    assert both.center_and_zoom() == ([1, 2], 17)


def test_coordinates_are_written_with_hemispheres_to_the_decimals_their_precision_claims():
    assert PlaceView(place("a", -12.09139, -77.04944, "exact")).coordinates == "12.09139° S, 77.04944° W"
    assert PlaceView(place("a", -12.09139, -77.04944, "street")).coordinates == "12.091° S, 77.049° W"
    assert PlaceView(place("a", -12.09139, -77.04944, "district")).coordinates == "12.09° S, 77.05° W"
    assert PlaceView(place("b", 35.6762, 139.6503, "city")).coordinates == "35.7° N, 139.7° E"
    # Never more digits than were written; ties go away from zero, as JavaScript's toFixed rounds them.
    assert PlaceView(place("c", -12.1, -77.0, "exact")).coordinates == "12.1° S, 77° W"
    assert PlaceView(place("d", -12.125, 0.000004, "district")).coordinates == "12.13° S, 0° E"


def test_events_of_a_place_are_those_it_names_and_those_naming_it_in_timeline_order():
    def event(ident, day, places=()):
        return Event(path=Path("events.yaml"), line=1, id=ident, date=PartialDate(1996, 12, day),
                     places=list(places))
    hall = place("hall", 0, 0, events=["release", "seized", "no-such-event"])
    exhibit = Exhibit(root=Path("."), events=[event("seized", 17, ["hall"]), event("talks", 18),
                                             event("release", 20)], places={"hall": hall})
    assert [e.id for e in events_by_place(exhibit)["hall"]] == ["seized", "release"]


def test_places_split_into_the_focus_area_and_beyond():
    lima, tokyo = place("lima", -12.05, -77.04), place("tokyo", 35.67, 139.65)
    assert split_by_area([tokyo, lima], Bounds(-12.5, -77.2, -11.6, -76.7)) == ([lima], [tokyo])
    assert split_by_area([tokyo, lima], None) == ([tokyo, lima], [])


def test_entries_are_paged_in_order_and_a_region_may_continue_on_the_next_page():
    assert paginate([("focus", [1, 2, 3]), ("beyond", [4, 5])], 2) == [
        [("focus", [1, 2])], [("focus", [3]), ("beyond", [4])], [("beyond", [5])]]
    assert paginate([("focus", [1, 2])], 2) == [[("focus", [1, 2])]]
    assert paginate([], 200) == [[]]
