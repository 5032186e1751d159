"""The data downloads, written from the model: each table as CSV and JSON, places as GeoJSON,
events for TimelineJS, sources as CSL-JSON and BibTeX."""
from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from dataclasses import dataclass, fields
from typing import Any

from exhibit.bibformats import to_bibtex
from exhibit.csl import to_csl
from exhibit.dates import PartialDate
from exhibit.model import Event, Exhibit, Source
from exhibit.texts import RecordTexts

from .addresses import Addresses
from .tables import EVENTS, LIST_SEPARATOR, PLACES, SOURCES, Table

PACKAGE_FILE = "datapackage.json"  # the Data Package descriptor, beside the files it describes
FORMULA_START = re.compile(r"[=+\-@\t\r]")
NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


@dataclass(frozen=True)
class DataFile:
    """One file of the data folder, as the Data page and ``datapackage.json`` list it."""

    name: str  # the Data Package resource name
    table: Table  # what it holds
    label: str  # the format, as readers see it
    path: str  # inside the data folder
    format: str
    mediatype: str
    tabular: bool = False  # described column by column (CSV)
    note: str = ""


FILES = (
    DataFile("events", EVENTS, "CSV", "events.csv", "csv", "text/csv", True),
    DataFile("events-json", EVENTS, "JSON", "events.json", "json", "application/json",
             note="the same columns; lists as lists"),
    DataFile("events-timelinejs", EVENTS, "TimelineJS JSON", "events.timelinejs.json", "json", "application/json",
             note="for Knight Lab's TimelineJS viewer; summaries as HTML with their notes"),
    DataFile("places", PLACES, "CSV", "places.csv", "csv", "text/csv", True),
    DataFile("places-geojson", PLACES, "GeoJSON", "places.geojson", "geojson", "application/geo+json",
             note="points in WGS84; the other columns as properties"),
    DataFile("sources", SOURCES, "CSV", "sources.csv", "csv", "text/csv", True),
    DataFile("sources-csl", SOURCES, "CSL-JSON", "sources.csl.json", "json",
             "application/vnd.citationstyles.csl+json", note="for Zotero, Pandoc and citeproc"),
    DataFile("sources-bibtex", SOURCES, "BibTeX", "sources.bib", "bib", "application/x-bibtex",
             note="biblatex-compatible, UTF-8"),
)


def links(folder: str) -> dict[str, list[tuple[str, str]]]:
    """Each table's files as (format, address from the site root), for any page to link."""
    found: dict[str, list[tuple[str, str]]] = {}
    for file in FILES:
        found.setdefault(file.table.name, []).append((file.label, f"{folder}/{file.path}"))
    return found


@dataclass(frozen=True)
class Download(DataFile):
    """A data file with its text."""

    text: str = ""

    @classmethod
    def of(cls, file: DataFile, text: str) -> Download:
        return cls(**{f.name: getattr(file, f.name) for f in fields(file)}, text=text)

    @property
    def bytes(self) -> int:
        return len(self.text.encode("utf-8"))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _json(data: Any) -> str:
    """JSON with a record per line (each item of a list, at the top level or in a top-level
    field): easy to read and compare, and written by the json module's fast encoder."""
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def block(value: Any, indent: str) -> str:
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(indent + " " + compact(item) for item in value) + f"\n{indent}]"
        return compact(value)

    if isinstance(data, dict) and data:
        fields = (f" {compact(key)}: {block(value, ' ')}" for key, value in data.items())
        return "{\n" + ",\n".join(fields) + "\n}\n"
    return block(data, "") + "\n"


def _cell(value: Any) -> Any:
    """A value as a CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @,
    a tab or a return, and not a number) is quoted with a leading apostrophe, as OWASP advises."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, str) and FORMULA_START.match(value) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(table: Table, rows: list[dict]) -> str:
    """RFC 4180 CSV with a header row; lists are joined with ';', missing values are empty."""
    out = io.StringIO()
    writer = csv.DictWriter(out, [c.name for c in table.columns])
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
    return out.getvalue()


def geojson_text(rows: list[dict]) -> str:
    """Places as an RFC 7946 FeatureCollection of points ([longitude, latitude], WGS84)."""
    features = [{"type": "Feature", "id": row["key"],
                 "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                 "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")}}
                for row in rows]
    return _json({"type": "FeatureCollection", "features": features})


def _timelinejs_date(date: PartialDate, time: str | None = None) -> dict:
    parts = {"year": date.year, "month": date.month, "day": date.day}
    if date.day and time:
        hour, minute = time.split(":")
        parts.update(hour=int(hour), minute=int(minute))
    return {name: value for name, value in parts.items() if value is not None}


def _when(event: Event) -> str:
    text = event.date.display + (f", {event.time}" if event.time else "")
    return f"{text} – {event.end.display}" if event.end else text


def timelinejs_text(events: list[Event], texts: RecordTexts, root: str, title: str,
                    timeline_url: str | None) -> str:
    """TimelineJS 3 JSON (Knight Lab's viewer): a title slide and a slide per event.

    TimelineJS reads text fields as HTML, so titles are escaped; a slide's text is the
    event's summary as the exhibit renders it, notes included."""
    slides = []
    for event in events:
        slide = {"start_date": _timelinejs_date(event.date, event.time),
                 "text": {"headline": html.escape(event.title), "text": texts.html(event, root)},
                 "group": html.escape(event.phase.capitalize()),
                 "display_date": html.escape(_when(event)),
                 "unique_id": event.id}
        if event.end:
            slide["end_date"] = _timelinejs_date(event.end)
        slides.append(slide)
    intro = (f'<p><a href="{html.escape(timeline_url)}">The timeline in the exhibit</a></p>'
             if timeline_url else "")
    return _json({"title": {"text": {"headline": html.escape(title), "text": intro}}, "events": slides})


def csl_json_text(sources: list[Source]) -> str:
    return _json([to_csl(source) for source in sources])


def bibtex_text(sources: list[Source]) -> str:
    return "\n".join(to_bibtex(to_csl(source)) for source in sources)


def downloads(exhibit: Exhibit, texts: RecordTexts, addresses: Addresses, settings: dict) -> list[Download]:
    """Every data file, in the order the Data page lists them."""
    def link(path: str | None) -> str | None:  # every download sits in the same folder
        return addresses.link(path, f"{settings['DATA_DIR']}/{PACKAGE_FILE}")

    events = EVENTS.rows(exhibit, lambda event: link(addresses.event(event)))
    places = PLACES.rows(exhibit, lambda place: link(addresses.place(place)))
    sources = SOURCES.rows(exhibit, lambda source: link(addresses.source(source.key)))
    pages = addresses.by_page(exhibit.events, addresses.event)
    timeline = link(next(iter(pages))) if pages else None  # the page with the earliest event
    written = {
        "events": csv_text(EVENTS, events),
        "events-json": _json(events),
        "events-timelinejs": timelinejs_text(EVENTS.records(exhibit), texts, addresses.root(f"{settings['DATA_DIR']}/{PACKAGE_FILE}"),
                                             f"{settings['SITENAME']}: timeline", timeline),
        "places": csv_text(PLACES, places),
        "places-geojson": geojson_text(places),
        "sources": csv_text(SOURCES, sources),
        "sources-csl": csl_json_text(SOURCES.records(exhibit)),
        "sources-bibtex": bibtex_text(SOURCES.records(exhibit)),
    }
    return [Download.of(file, written[file.name]) for file in FILES]
