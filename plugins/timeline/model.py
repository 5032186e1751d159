"""The timeline as the pages and embeds use it: its groups and pages, which page shows each event,
the selections essays embed, and the essays that discuss each event.

Everything in this plugin's model works on the exhibit model's validated
:class:`~exhibit.model.Event` s; nothing here is parsed or rendered."""
from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from exhibit.model import Event
from exhibit.pagelinks import event_anchor
from exhibit.siege import Siege

from .grouping import PhaseGroup, date_order
from .paging import TimelinePage


@dataclass(frozen=True)
class EssayLink:
    """An essay that discusses an event: it embeds a slice of the timeline holding it."""

    title: str
    url: str  # from the site root, to the embed


@dataclass
class Timeline:
    """Everything the timeline pages show."""

    siege: Siege
    zone: ZoneInfo
    groups: list[PhaseGroup]
    pages: list[TimelinePage]
    in_order: list[TimelinePage] = field(default_factory=list)  # the view in date order, in pages
    discussed_in: dict[str, list[EssayLink]] = field(default_factory=dict)
    _page_of: dict[str, TimelinePage] = field(init=False, repr=False)
    _tagged: dict[str, list[Event]] = field(init=False, repr=False)
    _selected: dict[object, list[Event]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self):
        self._page_of = {event.id: page for page in self.pages for event in page.events}
        self._tagged = {}
        for event in self.events:
            for tag in event.tags:
                self._tagged.setdefault(tag, []).append(event)

    def select(self, selection) -> list[Event]:
        """The events a selection (``selection.includes(event)``) holds, in ``date_order``. Essays' embeds
        mostly select by tag, so only events with one of its tags are looked at; each selection is
        worked out once per build."""
        if selection not in self._selected:
            candidates = ({e.id: e for tag in selection.tags for e in self._tagged.get(tag, [])}.values()
                          if selection.tags else self.events)
            self._selected[selection] = sorted((e for e in candidates if selection.includes(e)),
                                               key=date_order(self.siege))
        return self._selected[selection]

    @property
    def events(self) -> list[Event]:
        return [event for g in self.groups for event in g.events]

    @property
    def save_as(self) -> str:
        """The first page's address."""
        return self.pages[0].save_as

    def page_of(self, event: Event) -> TimelinePage:
        return self._page_of[event.id]

    def url(self, event: Event) -> str:
        """The event's address from the site root: the page that shows it, at its anchor."""
        return f"{self.page_of(event).save_as}#{event_anchor(event.id)}"
