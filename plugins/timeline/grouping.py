"""The timeline's two views as groups of events: by phase, then month (or year); and in date order
across the phases, before, during and after the siege."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from exhibit.model import PHASES, Event
from exhibit.siege import Siege

from .dates import chronological_key


# A phase whose events spread over more years than this is grouped by year, not by month.
MONTH_GROUPS_MAX_YEARS = 2


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
    return [PhaseGroup(phase, labels.get(phase, phase.capitalize()), _periods(sorted(members, key=chronological_key)))
            for phase, members in by_phase.items() if members]


def _periods(events: list[Event]) -> list[Period]:
    """Events (in order) by month, or by year if they spread over more than ``MONTH_GROUPS_MAX_YEARS``."""
    by_year = events[-1].date.year - events[0].date.year >= MONTH_GROUPS_MAX_YEARS
    periods: dict[str, Period] = {}
    for event in events:
        key, label = _period_of(event, by_year)
        periods.setdefault(key, Period(key, label)).events.append(event)
    return list(periods.values())


def first_day(siege: Siege, event: Event) -> int | None:
    """The day of the siege on which the event begins, if it does."""
    return siege.day(event.date.first_day(), event.time if event.date.day else None)


def date_order(siege: Siege):
    """A sort key: date order, then the day of the siege (so an event timed before the seizure comes
    first on that date, and "Day N" never goes back), then the order of events.yaml."""
    return lambda event: (*chronological_key(event)[:3], first_day(siege, event) or 0, event.line)


# The parts of the timeline in date order: (key, heading).
ERAS = (("before", "Before the seizure"), ("siege", "The siege"), ("after", "After the siege"))


def era(siege: Siege, event: Event) -> str:
    """'before', 'siege' or 'after': when the event begins, seen from the siege."""
    if first_day(siege, event):
        return "siege"
    return "before" if event.date.first_day() <= siege.start.date() else "after"


def in_date_order(events: list[Event], siege: Siege) -> list[PhaseGroup]:
    """Every event in date order across phases, before, during and after the siege, each part by
    month (or by year)."""
    eras: dict[str, list[Event]] = {key: [] for key, _ in ERAS}
    for event in sorted(events, key=date_order(siege)):
        eras[era(siege, event)].append(event)
    return [PhaseGroup(key, label, _periods(eras[key])) for key, label in ERAS if eras[key]]
