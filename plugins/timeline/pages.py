"""A Pelican generator for the timeline page(s) and the data exports."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from pelican.generators import Generator

from exhibit.model import PHASES, CitedIn

from .embed import discussed_in
from .exports import events_csv, events_json, timelinejs_json
from .model import when


class TimelineGenerator(Generator):
    """Reads nothing itself: links the timeline to the essays that embed it, then writes it."""

    def generate_context(self):
        settings = self.settings
        exhibit, timeline = settings["EXHIBIT"], settings["TIMELINE"]
        timeline.discussed_in = discussed_in(self.context.get("essays", []), timeline, exhibit)
        summaries = settings["TIMELINE_SUMMARIES"]
        for event in timeline.events:
            summaries.html(event, ".")  # converted now, so `invoke check` reports citation mistakes
            title = f"Timeline: {event.title} ({when(event, timeline.zone).text})"
            for key in dict.fromkeys(event.sources):
                exhibit.cited_in.setdefault(key, []).append(CitedIn(title, timeline.url(event), "event"))

    def generate_output(self, writer):
        settings = self.settings
        timeline, views = settings["TIMELINE"], settings["TIMELINE_VIEWS"]
        template = self.get_template("timeline")
        exports = [("JSON", settings["TIMELINE_JSON_SAVE_AS"]), ("CSV", settings["TIMELINE_CSV_SAVE_AS"]),
                   ("TimelineJS JSON", settings["TIMELINE_TIMELINEJS_SAVE_AS"])]
        phases = [(phase, settings["TIMELINE_PHASE_LABELS"].get(phase, phase)) for phase in PHASES
                  if any(g.phase == phase for g in timeline.groups)]
        root = "/".join([".."] * timeline.save_as.count("/")) or "."
        writer.write_file(timeline.save_as, template, self.context, timeline=timeline,
                          view=lambda event: views.event(event, root), exports=exports, phases=phases,
                          tags=sorted(Counter(t for e in timeline.events for t in e.tags).items()), relative_urls=settings["RELATIVE_URLS"],
                          url=timeline.save_as, page_name=timeline.save_as.rsplit(".", 1)[0])
        base = settings.get("PUBLIC_URL", "")
        files = {
            settings["TIMELINE_JSON_SAVE_AS"]: events_json(timeline, base),
            settings["TIMELINE_CSV_SAVE_AS"]: events_csv(timeline, base),
            settings["TIMELINE_TIMELINEJS_SAVE_AS"]: timelinejs_json(
                timeline, settings["TIMELINE_SUMMARIES"], settings["TIMELINE_PHASE_LABELS"],
                f"{settings['SITENAME']}: timeline", base),
        }
        for relative, text in files.items():
            path = Path(self.output_path) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
