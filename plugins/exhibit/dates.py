"""Partial ISO dates (``1997``, ``1997-02``, ``1997-02-11``) and Lima clock times."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import ExhibitProblem

ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class FieldValueError(ExhibitProblem, ValueError):
    """A field value that does not fit; ``hint`` says how to fix it."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        match = ISO.match(str(text).strip())
        if not match:
            raise FieldValueError(
                f"expected an ISO date YYYY-MM-DD (or YYYY-MM, or YYYY), got {text!r}",
                "write 17 December 1996 as 1996-12-17",
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise FieldValueError(f"{text!r} has no month {month}", "months run from 01 to 12")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise FieldValueError(f"{text!r} is not a date: {calendar.month_name[month]} "
                                      f"{year} has {last} days")
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def display(self) -> str:
        """How readers see it: '17 December 1996', 'February 1997', '2001'."""
        if self.day:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.iso


def parse_time(text: str) -> str:
    """Validate a 24-hour ``HH:MM`` clock time and return it."""
    text = str(text).strip()
    if not TIME.match(text):
        raise FieldValueError(f"expected a 24-hour time HH:MM, got {text!r}",
                              'write half past eight in the evening as "20:30" (in quotes)')
    return text
