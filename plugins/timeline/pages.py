"""A Pelican generator for the timeline page."""
from __future__ import annotations

from collections import Counter

from pelican.generators import Generator

from exhibit.model import PHASES, CitedIn

from .embed import discussed_in
from .model import when


def _check_citations(event, cited: list[str], log) -> None:
    """A summary cites only the event's own sources, so its source list is complete."""
    for key in cited:
        if key not in event.sources:
            log.error(event.path, event.line_of("summary"), f"event '{event.id}': the summary cites '{key}', "
                      "which is not in its sources", f"add it: sources: [{', '.join([*event.sources, key])}]")


class TimelineGenerator(Generator):
    """Reads nothing itself: links the timeline to the essays that embed it, then writes it."""

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
        settings = self.settings
        timeline, views = settings["TIMELINE"], settings["TIMELINE_VIEWS"]
        template = self.get_template("timeline")
        phases = [(phase, settings["TIMELINE_PHASE_LABELS"].get(phase, phase)) for phase in PHASES
                  if any(g.phase == phase for g in timeline.groups)]
        root = "/".join([".."] * timeline.save_as.count("/")) or "."
        writer.write_file(timeline.save_as, template, self.context, timeline=timeline,
                          view=lambda event: views.event(event, root), phases=phases,
                          tags=sorted(Counter(t for e in timeline.events for t in e.tags).items()), relative_urls=settings["RELATIVE_URLS"],
                          url=timeline.save_as, page_name=timeline.save_as.rsplit(".", 1)[0])
