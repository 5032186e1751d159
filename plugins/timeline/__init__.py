"""The timeline: pages of every event and slices embedded in essays.

* ``initialized`` — settings defaults; the timeline model (``settings['TIMELINE']``) from
  the exhibit's events; the ``{% timeline … %}`` embed;
* the contract's ``addresses`` phase — tell the model where each event is shown
  (``Exhibit.shown_at``: the "event addresses");
* a generator checks what each summary cites, links events to the essays that embed them
  and to their sources' pages ("cited in"), then writes the timeline pages (the events as data files are the
  discovery plugin's data downloads, which the pages link).

Summaries are converted by the exhibit's shared :class:`~exhibit.texts.RecordTexts`.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from pelican import signals

from exhibit.contract import declare
from exhibit.embeds import register_embed
from exhibit.texts import anchor_of
from exhibit.settingskit import apply_settings

from .embed import NAME, TimelineEmbed
from .grouping import group, in_date_order
from .model import Timeline
from .paging import paginate
from .pages import TimelineGenerator
from .render import Views
from .settings import SETTINGS


def setup(pelican) -> None:
    settings = pelican.settings
    apply_settings(settings, SETTINGS)
    groups = group(settings["EXHIBIT"].events, settings["TIMELINE_PHASE_LABELS"])
    siege, per_page, collapse_after = settings["EXHIBIT"].siege, settings["TIMELINE_EVENTS_PER_PAGE"], settings["TIMELINE_COLLAPSE_AFTER"]
    pages = paginate(groups, settings["TIMELINE_SAVE_AS"], per_page, collapse_after)
    in_order = paginate(in_date_order(settings["EXHIBIT"].events, siege), settings["TIMELINE_BY_DATE_SAVE_AS"],
                        per_page, collapse_after)
    timeline = Timeline(siege, ZoneInfo(settings["TIMEZONE"]), groups, pages, in_order)
    views = Views(settings, timeline, settings["EXHIBIT_TEXTS"])
    settings.update(TIMELINE=timeline, TIMELINE_VIEWS=views)
    register_embed(settings, NAME, TimelineEmbed(settings, timeline, views),
                   css=["css/timeline.css"])
    declare(settings, "timeline", "addresses", show_events, gives=["event addresses"])


def show_events(settings: dict, _generators) -> None:
    """Where the timeline shows each event: its page in the phase view."""
    timeline = settings["TIMELINE"]
    settings["EXHIBIT"].shown_at.update({anchor_of(event): timeline.url(event) for event in timeline.events})


def add_generators(pelican):
    return TimelineGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.get_generators.connect(add_generators)
