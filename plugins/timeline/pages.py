"""A Pelican generator for the timeline pages."""
from __future__ import annotations

from pelican.generators import Generator

from exhibit.model import PHASES, CitedIn
from exhibit.pagelinks import relative_root

from .embed import discussed_in
from .dates import when
from .model import Timeline
from .paging import TimelinePage


def _check_citations(event, cited: list[str], log) -> None:
    """A summary cites only the event's own sources, so its source list is complete."""
    for key in cited:
        if key not in event.sources:
            log.error(event.path, event.line_of("summary"), f"event '{event.id}': the summary cites '{key}', "
                      "which is not in its sources", f"add it: sources: [{', '.join([*event.sources, key])}]")


def _phases(page: TimelinePage, labels: dict[str, str]) -> list[tuple[str, str]]:
    """(phase, label) of the phases the page shows, for its filter."""
    present = {event.phase for event in page.events}
    return [(phase, labels.get(phase, phase)) for phase in PHASES if phase in present]


def _tags(page: TimelinePage) -> list[tuple[str, list]]:
    """(tag, the page's events with it, in the page's order), by tag."""
    tagged: dict[str, list] = {}
    for event in page.events:
        for tag in event.tags:
            tagged.setdefault(tag, []).append(event)
    return sorted(tagged.items())


def _neighbours(pages: list[TimelinePage], page: TimelinePage) -> tuple[TimelinePage | None, TimelinePage | None]:
    """The pages before and after ``page`` in its view, if any."""
    number = page.number
    return pages[number - 2] if number > 1 else None, pages[number] if number < len(pages) else None


class TimelineGenerator(Generator):
    """Reads nothing itself: links the timeline to the essays that embed it, then writes its pages."""

    def generate_context(self):
        settings = self.settings
        exhibit, timeline = settings["EXHIBIT"], settings["TIMELINE"]
        timeline.discussed_in = discussed_in(self.context.get("essays", []), timeline, exhibit)
        texts = settings["EXHIBIT_TEXTS"]
        texts.convert_all(timeline.events)  # now, so `invoke check` reports mistakes
        for event in timeline.events:
            _check_citations(event, texts.cited(event), exhibit.log)
            title = f"Timeline: {event.title} ({when(event, timeline.zone).text})"
            for key in dict.fromkeys(event.sources):
                exhibit.cited_in.setdefault(key, []).append(CitedIn(title, timeline.url(event), "event"))

    def generate_output(self, writer):
        timeline = self.settings["TIMELINE"]
        for pages in (timeline.pages, timeline.in_order):
            for page in pages:
                self._write_page(writer, timeline, pages, page)

    def _write_page(self, writer, timeline: Timeline, pages: list[TimelinePage], page: TimelinePage) -> None:
        """One page of a view (``pages``: by phase, or in date order); each event's tags link to this page's
        lists of events by tag."""
        settings, views = self.settings, self.settings["TIMELINE_VIEWS"]
        root = relative_root(page.save_as)
        previous, following = _neighbours(pages, page)
        shown = {}

        def view(event):
            if event.id not in shown:
                shown[event.id] = views.event(event, root, tags_at=page.save_as)
            return shown[event.id]

        writer.write_file(page.save_as, self.get_template("timeline"), self.context, timeline=timeline,
                          view_pages=pages, by_date=pages is timeline.in_order,
                          timeline_page=page, previous_page=previous, next_page=following, view=view,
                          phases=_phases(page, settings["TIMELINE_PHASE_LABELS"]), tags=_tags(page),
                          relative_urls=settings["RELATIVE_URLS"], url=page.save_as,
                          page_name=page.save_as.removesuffix(".html"))
