"""A Pelican generator for the timeline pages."""
from __future__ import annotations

from collections import Counter

from pelican.generators import Generator

from exhibit.model import PHASES, CitedIn

from .embed import discussed_in
from .model import Timeline, TimelinePage, when


def _check_citations(event, cited: list[str], log) -> None:
    """A summary cites only the event's own sources, so its source list is complete."""
    for key in cited:
        if key not in event.sources:
            log.error(event.path, event.line_of("summary"), f"event '{event.id}': the summary cites '{key}', "
                      "which is not in its sources", f"add it: sources: [{', '.join([*event.sources, key])}]")


def _phases(page: TimelinePage, labels: dict[str, str]) -> list[tuple[str, str]]:
    """(phase, label) of the phases the page shows, for its filter."""
    return [(phase, labels.get(phase, phase)) for phase in PHASES if any(g.phase == phase for g in page.groups)]


def _tags(page: TimelinePage) -> list[tuple[str, int]]:
    """(tag, number of events) of the page's events, by tag."""
    return sorted(Counter(tag for event in page.events for tag in event.tags).items())


def _neighbours(timeline: Timeline, page: TimelinePage) -> tuple[TimelinePage | None, TimelinePage | None]:
    """The pages before and after ``page``, if any."""
    pages, number = timeline.pages, page.number
    return pages[number - 2] if number > 1 else None, pages[number] if number < len(pages) else None


class TimelineGenerator(Generator):
    """Reads nothing itself: links the timeline to the essays that embed it, then writes its pages."""

    def generate_context(self):
        settings = self.settings
        exhibit, timeline = settings["EXHIBIT"], settings["TIMELINE"]
        timeline.discussed_in = discussed_in(self.context.get("essays", []), timeline, exhibit)
        texts = settings["EXHIBIT_TEXTS"]
        texts.convert_all(timeline.events)  # now, so `invoke check` reports mistakes
        exhibit.shown_at.update({f"event-{event.id}": timeline.url(event) for event in timeline.events})
        for event in timeline.events:
            _check_citations(event, texts.cited(event), exhibit.log)
            title = f"Timeline: {event.title} ({when(event, timeline.zone).text})"
            for key in dict.fromkeys(event.sources):
                exhibit.cited_in.setdefault(key, []).append(CitedIn(title, timeline.url(event), "event"))

    def generate_output(self, writer):
        timeline = self.settings["TIMELINE"]
        for page in timeline.pages:
            self._write_page(writer, timeline, page)

    def _write_page(self, writer, timeline: Timeline, page: TimelinePage) -> None:
        settings, views = self.settings, self.settings["TIMELINE_VIEWS"]
        root = "/".join([".."] * page.save_as.count("/")) or "."
        previous, following = _neighbours(timeline, page)
        writer.write_file(page.save_as, self.get_template("timeline"), self.context, timeline=timeline,
                          timeline_page=page, previous_page=previous, next_page=following,
                          view=lambda event: views.event(event, root),
                          phases=_phases(page, settings["TIMELINE_PHASE_LABELS"]), tags=_tags(page),
                          relative_urls=settings["RELATIVE_URLS"], url=page.save_as,
                          page_name=page.save_as.removesuffix(".html"))
