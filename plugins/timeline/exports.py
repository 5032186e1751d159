"""The events as data: plain JSON, CSV, and TimelineJS JSON for Knight Lab's viewer."""
from __future__ import annotations

import csv
import html
import io
import json

from exhibit.dates import PartialDate
from exhibit.model import Event

from .model import Timeline, chronological_key, when

COLUMNS = ("id", "date", "time", "end", "title", "summary", "phase", "tags", "sources", "places",
           "siege_days", "url")


def _url(base: str, path: str) -> str:
    """From the exhibit's public address if there is one, else from the site root."""
    return f"{base}/{path}" if base else path


def _record(event: Event, timeline: Timeline, base: str) -> dict:
    """One event as data; ``summary`` is the curators' Markdown, with citations as [@key]."""
    days = timeline.siege.days(event)
    return {"id": event.id, "date": event.date.iso, "time": event.time,
            "end": event.end.iso if event.end else None, "title": event.title, "summary": event.summary,
            "phase": event.phase, "tags": event.tags, "sources": event.sources, "places": event.places,
            "siege_days": list(days) if days else None, "url": _url(base, timeline.url(event))}


def _in_date_order(timeline: Timeline) -> list[Event]:
    return sorted(timeline.events, key=chronological_key)


def events_json(timeline: Timeline, base: str) -> str:
    records = [_record(event, timeline, base) for event in _in_date_order(timeline)]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def events_csv(timeline: Timeline, base: str) -> str:
    """Lists (tags, sources, places, siege days) are joined with ';'."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in _in_date_order(timeline):
        record = _record(event, timeline, base)
        writer.writerow({name: ";".join(map(str, value)) if isinstance(value, list) else value
                         for name, value in record.items()})
    return out.getvalue()


def _timelinejs_date(date: PartialDate, time: str | None = None) -> dict:
    parts = {"year": date.year}
    if date.month:
        parts["month"] = date.month
    if date.day:
        parts["day"] = date.day
        if time:
            hour, minute = time.split(":")
            parts.update(hour=int(hour), minute=int(minute))
    return parts


def timelinejs_json(timeline: Timeline, summaries, labels: dict[str, str], title: str, base: str) -> str:
    """TimelineJS 3's JSON: a title slide, the siege as an era, one slide per event.

    TimelineJS reads every text field as HTML: titles are escaped; each slide's text is the
    summary as the timeline page shows it, notes included, with links to source pages made
    from ``base`` (the exhibit's public address when it has one).
    """
    siege = timeline.siege
    events = []
    for event in _in_date_order(timeline):
        slide = {"start_date": _timelinejs_date(event.date, event.time),
                 "text": {"headline": html.escape(event.title), "text": str(summaries.html(event, base or "."))},
                 "group": html.escape(labels.get(event.phase, event.phase)),
                 "display_date": html.escape(when(event, timeline.zone).text),
                 "unique_id": event.id}
        if event.end:
            slide["end_date"] = _timelinejs_date(event.end)
        events.append(slide)
    page = html.escape(_url(base, timeline.save_as))
    data = {
        "title": {"text": {"headline": html.escape(title),
                           "text": f'<p><a href="{page}">The timeline in the exhibit</a></p>'}},
        "eras": [{"start_date": _timelinejs_date(PartialDate(siege.start.year, siege.start.month, siege.start.day),
                                                 siege.start.strftime("%H:%M")),
                  "end_date": _timelinejs_date(PartialDate(siege.end.year, siege.end.month, siege.end.day)),
                  "text": {"headline": f"The siege: {siege.length} days"}}],
        "events": events,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
