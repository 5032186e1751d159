"""Fixture data for map tests: more places for the mini exhibit, and maps in its essays."""
from __future__ import annotations

from pathlib import Path

PLACES = """\
- key: hall
  name: The reception hall
  name_es: Salón de recepciones
  lat: -12.1
  lon: -77.03
  precision: district
  description: An invented hall, placed at the centre of an invented district [@almanac-entry].
  sources: [almanac-entry]
  events: [guests-arrive]

- key: gate
  name: 'Gate <script>alert("x")</script> \\1 `${x}` & co'
  lat: -12.1
  lon: -77.03
  precision: street
  description: >-
    The gate beside the hall [@daily-1996-12-18], drawn at the hall's point.
  sources: [daily-1996-12-18]

- key: annex
  name: The annex
  lat: -12.1002
  lon: -77.0302
  precision: exact
  description: A room thirty metres from the hall [@almanac-entry].
  sources: [almanac-entry]

- key: harbour
  name: The harbour office
  name_ja: 港の事務所
  lat: 35.6762
  lon: 139.6503
  precision: city
  description: Where the talks were reported from [@gazeta-1997-01].
  sources: [gazeta-1997-01]
  events: [talks-begin]
"""

ARRIVAL_MAPS = """
{% map places=hall,gate caption="Where the guests arrived" %}

Later, news reached the harbour.

{% map places=harbour %}
"""

TALKS_MAP = "\n{% map places=hall %}\n"


def add_maps(content: Path) -> None:
    """Write PLACES into ``content`` (a copy of the mini exhibit) and maps into its essays."""
    (content / "data/places.yaml").write_text(PLACES, encoding="utf-8")
    for name, maps in (("essays/01-arrival.md", ARRIVAL_MAPS), ("essays/02-talks.md", TALKS_MAP)):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8") + maps, encoding="utf-8")
