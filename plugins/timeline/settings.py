"""Settings the timeline plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from exhibit.settingskit import TEXT, Setting, address, empty_or, mapping, whole_number

SETTINGS = [
    Setting("TIMELINE_PHASE_LABELS", {"seizure": "Seizure", "standoff": "Standoff", "negotiation": "Negotiation",
                                      "rescue": "Rescue", "aftermath": "Aftermath"}, mapping(TEXT, TEXT),
            "how each phase is named on the page"),
    Setting("TIMELINE_SAVE_AS", "timeline.html", TEXT,
            "where the timeline is written; further pages are timeline-2.html, timeline-3.html…"),
    Setting("TIMELINE_BY_DATE_SAVE_AS", "timeline-by-date.html", TEXT,
            "where the same events are written in date order across phases (further pages -2, -3… likewise)"),
    Setting("TIMELINE_EVENTS_PER_PAGE", 500, whole_number(1),
            "above this many events the timeline is split into pages, only between months (or years): each "
            "page takes months until the next would pass this; a longer month is split between days"),
    Setting("TIMELINE_COLLAPSE_AFTER", 200, whole_number(0),
            "above this many events on a page (in more than one month), each month (or year) is folded into "
            "a <details> that readers open"),
    Setting("TIMELINE_PLACE_URL", "map.html#place-{key}", empty_or(address("key")),
            "link from an event to a place, from the site root; {key} is the place's key. '' for no links"),
]
