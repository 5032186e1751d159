"""Timeline HTML: what each event shows."""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from exhibit.model import Event, Exhibit
from exhibit.texts import RecordTexts

from .dates import Dates, when
from .model import Timeline

# A sentence ends at '.', '!' or '?' (and any closing quote or bracket) before a capital or a digit…
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9À-Þ])")
# …unless the word before the stop is an abbreviation or an initial ('p.m.', 'U.S.', 'No.', 'J.').
ABBREVIATION = re.compile(r"(?:\b[ap]\.m|\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Capt|Sgt|St|No|Nos|Jr|Sr|vs|c|ca|"
                          r"e\.g|i\.e|U\.S|para|p|pp))\.$")


def gist(plain: str) -> str:
    """The first sentence of a summary's plain text (notes already left out): its one line in a compact list."""
    text = re.sub(r"\s+(?=[,;:.!?])", "", plain)  # the space a dropped note reference leaves
    for end in SENTENCE_END.finditer(text):
        if not ABBREVIATION.search(text[:end.start()]):
            return text[:end.start() + len(end.group().rstrip())]
    return text


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
    tag_links: list[Link]  # to the list of the tag's events on the timeline page
    dates: Dates
    day: str | None
    summary: Markup
    line: str  # the summary's first sentence, for compact lists
    sources: list[Link]
    uncited: list[Link]  # the sources its summary's notes do not cite (a compact embed lists only these)
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

    def event(self, event: Event, root: str, tags_at: str | None = None) -> EventView:
        """The event as a page ``root`` away from the site root shows it; its tags link to their lists on
        ``tags_at`` (a timeline page's address; by default the page of the phase view that shows it)."""
        timeline = self.timeline
        tags_at = f"{root}/{tags_at or timeline.page_of(event).save_as}"
        known = [key for key in event.sources if key in self.exhibit.sources]
        cited = set(self.texts.cited(event))
        return EventView(
            id=event.id, title=event.title, phase=event.phase,
            phase_label=self.labels.get(event.phase, event.phase), tags=event.tags,
            tag_links=[Link(tag, f"{tags_at}#tag-{tag}") for tag in event.tags],
            dates=when(event, timeline.zone), day=timeline.siege.label(event),
            summary=self.texts.html(event, root), line=gist(self.texts.plain(event)),
            sources=[self.source(key, root) for key in known],
            uncited=[self.source(key, root) for key in known if key not in cited],
            places=[self.place(key, root) for key in event.places if key in self.exhibit.places],
            essays=[Link(link.title, f"{root}/{link.url}") for link in timeline.discussed_in.get(event.id, [])],
            timeline_url=f"{root}/{timeline.url(event)}")
