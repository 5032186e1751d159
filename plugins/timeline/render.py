"""Timeline HTML: what each event shows, and the template environment of essay embeds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from exhibit.model import Event, Exhibit
from exhibit.texts import RecordTexts

from .model import Dates, Timeline, when

@dataclass(frozen=True)
class Link:
    text: str
    url: str | None
    detail: str = ""  # shown after the link, e.g. the publisher and date of a source
    lang: str | None = None


@dataclass(frozen=True)
class EventView:
    """One event as a page shows it; every URL is relative to that page."""

    id: str
    title: str
    phase: str
    phase_label: str
    tags: list[str]
    dates: Dates
    day: str | None
    summary: Markup
    sources: list[Link]
    places: list[Link]
    essays: list[Link]
    timeline_url: str


class Views:
    """Builds :class:`EventView` s for a page at a given relative root ('.' or '..')."""

    def __init__(self, settings: dict, timeline: Timeline, texts: RecordTexts):
        self.settings = settings
        self.exhibit: Exhibit = settings["EXHIBIT"]
        self.timeline = timeline
        self.texts = texts
        self.labels = settings["TIMELINE_PHASE_LABELS"]

    def source(self, key: str, root: str) -> Link:
        source = self.exhibit.sources[key]
        lang = source.language if source.language != self.settings["DEFAULT_LANG"] else None
        return Link(source.title, f"{root}/{self.settings['SOURCE_URL'].format(slug=key)}",
                    f"{source.publisher}, {source.published.display}", lang)

    def place(self, key: str, root: str) -> Link:
        pattern = self.settings["TIMELINE_PLACE_URL"]
        return Link(self.exhibit.places[key].name, f"{root}/{pattern.format(key=key)}" if pattern else None)

    def event(self, event: Event, root: str) -> EventView:
        timeline = self.timeline
        return EventView(
            id=event.id, title=event.title, phase=event.phase,
            phase_label=self.labels.get(event.phase, event.phase), tags=event.tags,
            dates=when(event, timeline.zone), day=timeline.siege.label(event),
            summary=self.texts.html(event, root),
            sources=[self.source(key, root) for key in event.sources if key in self.exhibit.sources],
            places=[self.place(key, root) for key in event.places if key in self.exhibit.places],
            essays=[Link(link.title, f"{root}/{link.url}") for link in timeline.discussed_in.get(event.id, [])],
            timeline_url=f"{root}/{timeline.url(event)}")


def template_environment(settings: dict) -> Environment:
    """The theme's templates with the project's Jinja options (autoescape on), for embeds:
    they are rendered while essays are read, before Pelican's own environment exists."""
    loader = FileSystemLoader(str(Path(settings["THEME"]) / "templates"))
    return Environment(loader=loader, **settings["JINJA_ENVIRONMENT"])

