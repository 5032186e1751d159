"""The timeline: a page of every event and slices embedded in essays.

* ``initialized`` — settings defaults; the timeline model (``settings['TIMELINE']``) from
  the exhibit's events; the ``{% timeline … %}`` embed;
* a generator checks what each summary cites, links events to the essays that embed them
  and to their sources' pages ("cited in"), then writes the timeline page (the events as
  data files are the discovery plugin's data downloads, which the page links).

Summaries are converted by the exhibit's shared :class:`~exhibit.texts.RecordTexts`.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pelican import signals

from exhibit.embeds import register_embed

from .embed import NAME, TimelineEmbed
from .model import Siege, Timeline, group
from .pages import TimelineGenerator
from .render import Views

DEFAULTS = {
    # When the siege began (Lima time) and its last day; events within it show "Day N", counted
    # in 24-hour days from the start: 17 December 1996 is day 1, 22 April 1997 day 126.
    "TIMELINE_SIEGE_START": "1996-12-17 20:30",
    "TIMELINE_SIEGE_END": "1997-04-22",
    # How each phase is named on the page.
    "TIMELINE_PHASE_LABELS": {"seizure": "Seizure", "standoff": "Standoff", "negotiation": "Negotiation",
                              "rescue": "Rescue", "aftermath": "Aftermath"},
    # Where the timeline is written (one page: every event keeps the address timeline.html#event-<id>).
    "TIMELINE_SAVE_AS": "timeline.html",
    # Above this many events, each month (or year) is folded into a <details> that readers open.
    "TIMELINE_COLLAPSE_AFTER": 200,
    # Link from an event to a place, from the site root; {key} is the place's key. "" for no links.
    "TIMELINE_PLACE_URL": "map.html#place-{key}",
}


def _siege(settings: dict) -> Siege:
    """The siege from the settings; a mistake there is reported like any content mistake."""
    log = settings["EXHIBIT"].log
    values = {}
    for name in ("TIMELINE_SIEGE_START", "TIMELINE_SIEGE_END"):
        text = str(settings[name]).strip()
        try:
            values[name] = dt.datetime.fromisoformat(text)
        except ValueError:
            log.error("pelicanconf.py", None, f"{name}: expected 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', "
                      f"got {text!r}", "write e.g. '1996-12-17 20:30'")
            values[name] = dt.datetime.fromisoformat(DEFAULTS[name])
    return Siege(values["TIMELINE_SIEGE_START"], values["TIMELINE_SIEGE_END"].date())


def setup(pelican) -> None:
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    events = settings["EXHIBIT"].events
    timeline = Timeline(_siege(settings), ZoneInfo(settings["TIMEZONE"]),
                        group(events, settings["TIMELINE_PHASE_LABELS"]), settings["TIMELINE_SAVE_AS"],
                        collapsed=len(events) > settings["TIMELINE_COLLAPSE_AFTER"])
    views = Views(settings, timeline, settings["EXHIBIT_TEXTS"])
    settings.update(TIMELINE=timeline, TIMELINE_VIEWS=views)
    register_embed(settings, NAME, TimelineEmbed(settings, timeline, views),
                   css=["css/timeline.css"])


def add_generators(pelican):
    return TimelineGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.get_generators.connect(add_generators)
