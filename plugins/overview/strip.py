"""The siege at a glance, read from the model: where each day, turning point and count goes.

Positions are in the SVG's own units (:data:`WIDTH` wide); ``svg`` draws them and the home
page's text equivalent lists the same events and counts, so both say the same thing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from exhibit.model import Event, Exhibit, HostageCount
from exhibit.siege import Siege
from exhibit.texts import anchor_of

TAG = "turning-point"  # events with this tag are marked on the strip
WIDTH, LEFT, RIGHT = 1000, 24, 976  # the strip's width; where Day 1 and the last day sit
CHART_TOP, CHART_BOTTOM, MOST = 64, 214, 400  # the hostages' chart: its top (MOST held), its baseline
AXIS, FIRST_ROW, ROW = 230, 318, 26  # the day axis; the first row of event labels and the step between rows
LABEL_EVERY = 0.7  # label a count that is this share or less of the last labelled one (and the first, the last)
CHAR = 9.2  # the average width of a character of the labels, in units, to keep labels inside the strip


def display(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


@dataclass(frozen=True)
class Marker:
    """A turning point: where it is marked and where its label row is."""

    event: Event
    day: int
    date: str
    url: str
    x: float
    label_x: float
    y: float

    @property
    def label(self) -> str:
        return f"Day {self.day}"


@dataclass(frozen=True)
class Count:
    """One source's count of the hostages still held, placed on the strip."""

    record: HostageCount
    day: int
    date: str
    x: float
    y: float
    labelled: bool
    sources: tuple[tuple[str, str], ...]  # (title, address from the site root)

    @property
    def text(self) -> str:
        return f"{'about ' if self.record.approximate else ''}{self.record.count}"


@dataclass(frozen=True)
class Strip:
    days: int
    start: str
    end: str
    ticks: tuple[tuple[float, str], ...]  # month starts: (x, month name)
    markers: tuple[Marker, ...]
    counts: tuple[Count, ...]

    @property
    def height(self) -> int:
        return int(FIRST_ROW + ROW * max(len(self.markers) - 1, 0) + 16)

    @property
    def steps(self) -> tuple[tuple[float, float], ...]:
        """The corners of the step line through the exact counts, held until the next one and to the last day."""
        exact = [c for c in self.counts if not c.record.approximate]
        corners = []
        for count, following in zip(exact, [*exact[1:], None]):
            corners += [(count.x, count.y), (following.x if following else RIGHT, count.y)]
        return tuple(corners)


def x_of(day: int, days: int) -> float:
    return LEFT + (day - 1) / max(days - 1, 1) * (RIGHT - LEFT)


def y_of(count: int) -> float:
    return CHART_BOTTOM - min(count, MOST) / MOST * (CHART_BOTTOM - CHART_TOP)


def read_strip(exhibit: Exhibit, source_url: str) -> Strip:
    """The strip of ``exhibit``'s siege; ``source_url`` is SOURCE_URL ('sources/{slug}.html')."""
    siege = exhibit.siege
    days = siege.length
    return Strip(days, display(siege.start.date()), display(siege.end), _ticks(siege),
                 _markers(exhibit, siege), _counts(exhibit, siege, source_url))


def _ticks(siege: Siege) -> tuple[tuple[float, str], ...]:
    ticks, month = [], dt.date(siege.start.year, siege.start.month, 1)
    while month <= siege.end:
        if month > siege.start.date():
            ticks.append((x_of(siege.day(month), siege.length), f"{month:%B}"))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(ticks)


def _markers(exhibit: Exhibit, siege: Siege) -> tuple[Marker, ...]:
    """The turning points within the siege; the first on the row farthest from the axis, so that no
    leader line from the axis crosses another event's label."""
    chosen = [(e, siege.days(e)) for e in exhibit.events if TAG in e.tags and siege.days(e)]
    markers = []
    for number, (event, (first, _last)) in enumerate(chosen):
        x = x_of(first, siege.length)
        width = CHAR * (len(f"Day {first}  {event.title}"))
        markers.append(Marker(event, first, event.date.display, exhibit.shown_at[anchor_of(event)],
                              x, max(LEFT, min(x, RIGHT - width)), FIRST_ROW + ROW * (len(chosen) - 1 - number)))
    return tuple(markers)


def _counts(exhibit: Exhibit, siege: Siege, source_url: str) -> tuple[Count, ...]:
    counts, labelled = [], None
    records = [c for c in exhibit.hostages_held if siege.day(c.date.first_day())]
    for number, record in enumerate(records):
        day = siege.day(record.date.first_day())
        label = (labelled is None or number == len(records) - 1
                 or (not record.approximate and record.count <= labelled * LABEL_EVERY))
        if label:
            labelled = record.count
        sources = tuple((exhibit.sources[key].title, source_url.format(slug=key)) for key in record.sources)
        counts.append(Count(record, day, record.date.display, x_of(day, siege.length),
                            y_of(record.count), label, sources))
    return tuple(counts)
