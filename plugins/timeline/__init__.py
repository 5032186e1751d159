"""The timeline: pages of every event and slices embedded in essays.

* ``initialized`` — settings defaults; the timeline model (``settings['TIMELINE']``) from
  the exhibit's events; the ``{% timeline … %}`` embed;
* a generator checks what each summary cites, links events to the essays that embed them
  and to their sources' pages ("cited in"), tells the model where each event is shown
  (``Exhibit.shown_at``), then writes the timeline pages (the events as data files are the
  discovery plugin's data downloads, which the pages link).

Summaries are converted by the exhibit's shared :class:`~exhibit.texts.RecordTexts`.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from pelican import signals

from exhibit.embeds import register_embed
from exhibit.settings import setting_error

from .embed import NAME, TimelineEmbed
from .model import Timeline, group, in_date_order, paginate
from .pages import TimelineGenerator
from .render import Views

DEFAULTS = {
    # How each phase is named on the page.
    "TIMELINE_PHASE_LABELS": {"seizure": "Seizure", "standoff": "Standoff", "negotiation": "Negotiation",
                              "rescue": "Rescue", "aftermath": "Aftermath"},
    # Where the timeline is written; further pages are timeline-2.html, timeline-3.html…
    "TIMELINE_SAVE_AS": "timeline.html",
    # Where the same events are written in date order across phases (further pages -2, -3… likewise).
    "TIMELINE_BY_DATE_SAVE_AS": "timeline-by-date.html",
    # Above this many events the timeline is split into pages, only between months (or years): each
    # page takes months until the next would pass this; a longer month is split between days.
    "TIMELINE_EVENTS_PER_PAGE": 500,
    # Above this many events on a page (in more than one month), each month (or year) is folded into a
    # <details> that readers open.
    "TIMELINE_COLLAPSE_AFTER": 200,
    # Link from an event to a place, from the site root; {key} is the place's key. "" for no links.
    "TIMELINE_PLACE_URL": "map.html#place-{key}",
}


def _events_per_page(settings: dict) -> int:
    """``TIMELINE_EVENTS_PER_PAGE``; a mistake there is reported and the default used."""
    value = settings["TIMELINE_EVENTS_PER_PAGE"]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    setting_error(settings, "TIMELINE_EVENTS_PER_PAGE", f"expected a whole number of at least 1, got {value!r}",
                  "for example TIMELINE_EVENTS_PER_PAGE = 500")
    return DEFAULTS["TIMELINE_EVENTS_PER_PAGE"]


def setup(pelican) -> None:
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    groups = group(settings["EXHIBIT"].events, settings["TIMELINE_PHASE_LABELS"])
    siege, per_page, collapse_after = settings["EXHIBIT"].siege, _events_per_page(settings), settings["TIMELINE_COLLAPSE_AFTER"]
    pages = paginate(groups, settings["TIMELINE_SAVE_AS"], per_page, collapse_after)
    in_order = paginate(in_date_order(settings["EXHIBIT"].events, siege), settings["TIMELINE_BY_DATE_SAVE_AS"],
                        per_page, collapse_after)
    timeline = Timeline(siege, ZoneInfo(settings["TIMEZONE"]), groups, pages, in_order)
    views = Views(settings, timeline, settings["EXHIBIT_TEXTS"])
    settings.update(TIMELINE=timeline, TIMELINE_VIEWS=views)
    register_embed(settings, NAME, TimelineEmbed(settings, timeline, views),
                   css=["css/timeline.css"])


def add_generators(pelican):
    return TimelineGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.get_generators.connect(add_generators)
