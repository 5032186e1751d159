"""The timeline as readers see it: siege days, dates shown as ranges, phase and period groups.

Everything here works on the exhibit model's validated :class:`~exhibit.model.Event` s;
nothing is parsed or rendered.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from exhibit.model import PHASES, Event

MIDDAY = dt.time(12)  # when an event without a time is taken to have happened, for "Day N"
# A phase whose events spread over more years than this is grouped by year, not by month.
MONTH_GROUPS_MAX_YEARS = 2


def chronological_key(event: Event) -> tuple:
    """Date order; an event known only to the month (year) comes first in that month (year), and
    events of the same date keep the order in which events.yaml lists them."""
    date = event.date
    return (date.year, date.month or 0, date.day or 0, event.line)


def period(event: Event) -> tuple[dt.date, dt.date]:
    """The days the event may cover: its date (all of it, if partial) through its end."""
    return event.date.first_day(), (event.end or event.date).last_day()


@dataclass(frozen=True)
class Siege:
    """The siege, counted in 24-hour days from the moment it began.

    Day 1 runs from the seizure (the evening of 17 December 1996) to the same hour
    next day, so the raid on the afternoon of 22 April 1997 fell on day 126 — the
    count most sources give. An event without a time counts at midday, except that
    one on the siege's first date is on day 1; one timed before the seizure is not
    in the siege.
    """

    start: dt.datetime  # local time
    end: dt.date  # the last day

    def day(self, date: dt.date, time: str | None = None) -> int | None:
        if not self.start.date() <= date <= self.end:
            return None
        moment = dt.datetime.combine(date, dt.time.fromisoformat(time) if time else MIDDAY)
        if time and moment < self.start:
            return None
        return max(1, (moment - self.start).days + 1)

    @property
    def length(self) -> int:
        return self.day(self.end)

    def days(self, event: Event) -> tuple[int, int] | None:
        """(first, last) day of the siege the event covers, if it lies wholly within the siege."""
        first_date, last_date = period(event)
        first = self.day(first_date, event.time if event.date.day else None)
        last = self.day(last_date, event.time if event.end is None and event.date.day else None)
        return (first, last) if first and last else None

    def label(self, event: Event) -> str | None:
        days = self.days(event)
        if days is None:
            return None
        first, last = days
        return f"Day {first}" if first == last else f"Days {first}–{last}"


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


@dataclass
class Period:
    """A month (``1997-02``) or a year (``2003``) of one phase, with its events in date order."""

    key: str
    label: str
    events: list[Event] = field(default_factory=list)


@dataclass
class PhaseGroup:
    phase: str
    label: str
    periods: list[Period] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [event for period in self.periods for event in period.events]


def _period_of(event: Event, by_year: bool) -> tuple[str, str]:
    date = event.date
    if by_year:
        return str(date.year), str(date.year)
    if date.month is None:
        return str(date.year), f"{date.year} (month not known)"
    return f"{date.year}-{date.month:02d}", f"{calendar.month_name[date.month]} {date.year}"


def group(events: list[Event], labels: dict[str, str]) -> list[PhaseGroup]:
    """Events by phase (in the exhibit's phase order), then by month — or by year where a
    phase's events spread over more than ``MONTH_GROUPS_MAX_YEARS`` years."""
    by_phase: dict[str, list[Event]] = {phase: [] for phase in PHASES}
    for event in events:
        by_phase.setdefault(event.phase, []).append(event)
    groups = []
    for phase, members in by_phase.items():
        if not members:
            continue
        members.sort(key=chronological_key)
        by_year = members[-1].date.year - members[0].date.year >= MONTH_GROUPS_MAX_YEARS
        periods: dict[str, Period] = {}
        for event in members:
            key, label = _period_of(event, by_year)
            periods.setdefault(key, Period(key, label)).events.append(event)
        groups.append(PhaseGroup(phase, labels.get(phase, phase.capitalize()), list(periods.values())))
    return groups


@dataclass(frozen=True)
class EssayLink:
    """An essay that discusses an event: it embeds a slice of the timeline holding it."""

    title: str
    url: str  # from the site root, to the embed


@dataclass
class Timeline:
    """Everything the timeline page shows."""

    siege: Siege
    zone: ZoneInfo
    groups: list[PhaseGroup]
    save_as: str
    collapsed: bool  # so many events that each period is folded away until a reader opens it
    discussed_in: dict[str, list[EssayLink]] = field(default_factory=dict)

    @property
    def events(self) -> list[Event]:
        return [event for g in self.groups for event in g.events]

    def url(self, event: Event) -> str:
        """The event's address from the site root."""
        return f"{self.save_as}#event-{event.id}"
