"""Timeline test data: the fixture overlay, and many invented events for scale tests and benchmarks."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.support import FIXTURES

OVERLAY = FIXTURES / "timeline"


def overlay(content: Path) -> None:
    """Copy tests/fixtures/timeline over a copy of the `mini` fixture's content."""
    shutil.copytree(OVERLAY, content, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))


PHASES = ("seizure", "standoff", "negotiation", "rescue", "aftermath")
SOURCES = ("daily-1996-12-18", "gazeta-1997-01", "almanac-entry")


def events_yaml(count: int, start: dt.date = dt.date(1996, 12, 17), days: int = 126) -> str:
    """``count`` cited events spread over ``days`` days, some with times, spans and partial dates."""
    entries = []
    for n in range(count):
        date = start + dt.timedelta(days=n * days // count)
        iso = date.isoformat() if n % 17 else date.strftime("%Y-%m")
        source = SOURCES[n % len(SOURCES)]
        entry = [f"- id: event-{n:05d}", f"  date: {iso}",
                 f"  title: Invented event number {n}",
                 f"  summary: >-\n    Something happened on this day, as a report said [@{source}].",
                 f"  sources: [{source}]", f"  phase: {PHASES[n * len(PHASES) // count]}",
                 f"  tags: [tag-{n % 7}]"]
        if n % 5 == 0 and n % 17:
            entry.insert(2, f'  time: "{n % 24:02d}:{n % 60:02d}"')
        if n % 11 == 0 and n % 17:
            entry.insert(2, f"  end: {(date + dt.timedelta(days=1)).isoformat()}")
        if n % 3 == 0:
            entry.append("  places: [hall]")
        entries.append("\n".join(entry))
    return "\n\n".join(entries) + "\n"
