"""How the timeline reads an event's date: its place in date order, the dates it shows (with
Lima times and ranges) and the short span of a run of events."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from exhibit.dates import PartialDate
from exhibit.model import Event


def chronological_key(event: Event) -> tuple:
    """Date order; an event known only to the month (year) comes first in that month (year), and
    events of the same date keep the order in which events.yaml lists them."""
    date = event.date
    return (date.year, date.month or 0, date.day or 0, event.line)


@dataclass(frozen=True)
class When:
    """One ``<time>`` element: its machine-readable value and the text readers see."""

    datetime: str
    text: str


@dataclass(frozen=True)
class Dates:
    """When an event happened: one ``When``, or two for a span, and what goes between them."""

    parts: tuple[When, ...]
    separator: str = ""

    @property
    def text(self) -> str:
        return self.separator.join(part.text for part in self.parts)


def when(event: Event, zone: ZoneInfo) -> Dates:
    """'17 December 1996, 20:20', or a range: '17–18 December 1996', '28 February – 3 March 1997'."""
    date, end = event.date, event.end
    start = When(date.iso, date.display)
    if event.time and date.day:
        moment = dt.datetime.combine(date.first_day(), dt.time.fromisoformat(event.time), zone)
        offset = moment.strftime("%z")
        start = When(f"{date.iso}T{event.time}{offset[:3]}:{offset[3:]}", f"{date.display}, {event.time}")
    if end is None or end == date:
        return Dates((start,))
    if date.day and end.day and not event.time and (date.year, date.month) == (end.year, end.month):
        return Dates((When(start.datetime, str(date.day)), When(end.iso, end.display)), "–")
    if date.day and end.day and not event.time and date.year == end.year:
        start = When(start.datetime, f"{date.day} {calendar.month_name[date.month]}")
    return Dates((start, When(end.iso, end.display)), " – ")


def span(events: list[Event]) -> str:
    """The dates some events cover, short: '17 Dec 1996 – 2 Jan 1997', '3 Jan – 20 Jan 1997', '2001'."""
    first = min((event.date for event in events), key=PartialDate.first_day)
    last = max((event.end or event.date for event in events), key=PartialDate.last_day)
    if first == last:
        return _short(first)
    same_year = first.year == last.year and first.month is not None and last.month is not None
    return f"{_short(first, with_year=not same_year)} – {_short(last)}"


def _short(date: PartialDate, with_year: bool = True) -> str:
    parts = [str(date.day)] if date.day else []
    parts += [calendar.month_abbr[date.month]] if date.month else []
    return " ".join([*parts, str(date.year)] if with_year else parts)
