"""The siege's days: "Day N" for any date or event, from the siege's start and last day.

Read from ``TIMELINE_SIEGE_START`` / ``TIMELINE_SIEGE_END`` into ``Exhibit.siege``, so every
feature plugin (the timeline's "Day N", the home page's overview) counts the same days.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .settings import DEFAULTS as SETTINGS

if TYPE_CHECKING:
    from .model import Event

MIDDAY = dt.time(12)  # when an event without a time is taken to have happened, for "Day N"


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


def read_siege(settings: dict, log) -> Siege:
    """The siege from the settings; a mistake there is reported like any content mistake."""
    values = {}
    for name in ("TIMELINE_SIEGE_START", "TIMELINE_SIEGE_END"):
        text = str(settings[name]).strip()
        try:
            values[name] = dt.datetime.fromisoformat(text)
        except ValueError:
            log.error("pelicanconf.py", None, f"{name}: expected 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', "
                      f"got {text!r}", "write e.g. '1996-12-17 20:30'")
            values[name] = dt.datetime.fromisoformat(str(SETTINGS[name][0]))
    return Siege(values["TIMELINE_SIEGE_START"], values["TIMELINE_SIEGE_END"].date())
