"""The mini exhibit with turning points (one with a hostile title) and counts of hostages held."""
import pytest

TURNING_POINTS = """
- id: house-taken
  date: 1996-12-17
  time: "21:00"
  title: The house is taken
  summary: An invented seizure.
  sources: [daily-1996-12-18]
  phase: seizure
  tags: [turning-point]

- id: hostile
  date: 1996-12-25
  title: <script>alert(1)</script> & "quotes"
  summary: An invented release.
  sources: [daily-1996-12-18]
  phase: standoff
  tags: [releases, turning-point]

- id: house-retaken
  date: 1997-04-22
  time: "15:23"
  title: The house is retaken
  summary: An invented raid.
  sources: [gazeta-1997-01]
  phase: rescue
  tags: [turning-point]
"""

COUNTS = """
- date: 1996-12-19
  count: 380
  approximate: true
  counted_by: The Daily
  sources: [daily-1996-12-18]

- date: 1996-12-23
  count: 140
  approximate: false
  counted_by: Gazeta & Co
  sources: [gazeta-1997-01, almanac-entry]

- date: 1997-04-22
  count: 72
  approximate: false
  counted_by: The Daily
  sources: [daily-1996-12-18]
"""


@pytest.fixture
def siege_mini(mini):
    """``mini`` with three turning points (17 Dec 1996, 25 Dec, 22 Apr 1997) and three counts."""
    events = mini.content / "data/events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + TURNING_POINTS, encoding="utf-8")
    mini.write("data/hostages-held.yaml", COUNTS)
    return mini
