"""Read and validate all of ``content/`` into one :class:`~.model.Exhibit`.

Every problem is logged with file and line; loading goes on after an error so
that a curator sees all mistakes in one run.

Over 250 lines on purpose: one reader per kind of content (essays, Markdown and CSL-JSON sources,
events, places, hostage counts) and the cross-checks between them, which need all of them loaded.
"""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from .csl import csl_body, from_csl
from .errors import ErrorLog
from .model import (ESSAY_FIELDS, EVENT_FIELDS, HOSTAGE_COUNT_FIELDS, PAGE_FIELDS, PLACE_FIELDS, SOURCE_FIELDS,
                    Essay, Event, Exhibit, HostageCount, Place, Source)
from .textfile import TextFileError, parse_header, read_text
from .yamldata import Items, Record, load_yaml
from .schema import validate


def load_exhibit(content: Path, settings: dict | None = None) -> Exhibit:
    """Load essays, sources, events and places under ``content``."""
    settings = settings or {}
    content = Path(content)
    exhibit = Exhibit(root=content, log=ErrorLog(root=content.parent))
    data = content / settings.get("EXHIBIT_DATA_DIR", "data")
    defined = _load_sources(exhibit, content / settings.get("EXHIBIT_SOURCES_DIR", "sources"))
    _load_csl_sources(exhibit, data / "bibliography.json", defined)
    _load_essays(exhibit, content / settings.get("EXHIBIT_ESSAYS_DIR", "essays"))
    for folder in settings.get("PAGE_PATHS", ["pages"]):
        for path in sorted((content / folder).glob("*.md")):
            _read_markdown(path, PAGE_FIELDS, "page", exhibit.log)  # checked; Pelican renders pages
    parsed = Path(settings["CACHE_PATH"]) / "data-files" if settings.get("CACHE_PATH") else None
    _load_places(exhibit, data / "places.yaml", parsed)
    _load_events(exhibit, data / "events.yaml", parsed)
    _load_hostages_held(exhibit, data / "hostages-held.yaml", parsed)
    _check_links(exhibit)
    return exhibit


def suggest(name: str, known) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else None


def _attributes(values: dict) -> dict:
    return {name.replace("-", "_"): value for name, value in values.items()}


def _read_markdown(path: Path, spec, what: str, log: ErrorLog):
    """Return (parsed header values or None if invalid, header or None if unreadable)."""
    try:
        text = read_text(path)
    except TextFileError as exc:
        log.error(path, exc.line, exc.args[0], exc.hint)
        return None, None
    header, problems = parse_header(text)
    for line, message in problems:
        log.error(path, line, message)
    if problems:
        return None, header

    def report(line, message, hint):
        log.error(path, line, message, hint)

    as_written = {header.names[k]: v for k, v in header.values.items()}
    lines = {header.names[k]: line for k, line in header.lines.items()}
    values = validate(as_written, lines, spec, report, 1, what)
    for name, value in header.values.items():
        if value.startswith("TODO"):
            log.warning(path, header.lines[name], f"{header.names[name]} is still a placeholder")
    body = "\n".join(text.splitlines()[header.body_line - 1:])
    if body.lstrip().startswith("TODO"):
        log.warning(path, header.body_line, f"the text of this {what} is still a placeholder")
    if values is not None and not body.strip():
        log.warning(path, header.body_line, f"this {what} has no text after its header")
    return values, header


def _register_source(exhibit: Exhibit, source: Source, defined: dict[str, Source]) -> None:
    if source.key in defined:
        first = defined[source.key]
        exhibit.log.error(source.path, source.line, f"Key '{source.key}' is already defined in "
                          f"{exhibit.log.display(first.path)}:{first.line}",
                          "each source needs its own key; rename one of them")
        return
    defined[source.key] = source
    if source.status == "draft":
        exhibit.drafts.append(source)
        exhibit.log.warning(source.path, source.line_of("status"), "draft source record awaiting review",
                            "rewrite its text in your own words, then remove 'Status: draft' "
                            "(docs/INGESTING.md)")
    else:
        exhibit.sources[source.key] = source


def _load_sources(exhibit: Exhibit, folder: Path) -> dict[str, Source]:
    defined: dict[str, Source] = {}
    for path in sorted(folder.glob("*.md")):
        values, header = _read_markdown(path, SOURCE_FIELDS, "source record", exhibit.log)
        if values is None:
            exhibit.invalid.add(header.values.get("key", path.stem) if header else path.stem)
            continue
        source = Source(path=path, line=header.lines["key"], lines=header.lines, **_attributes(values))
        if path.stem != source.key:
            exhibit.log.error(path, source.line, f"the file name '{path.name}' does not match "
                              f"Key '{source.key}'", f"rename the file to '{source.key}.md'")
        _register_source(exhibit, source, defined)
    return defined


def _load_csl_sources(exhibit: Exhibit, path: Path, defined: dict[str, Source]) -> None:
    """Source records from a CSL-JSON file exported from Zotero (or any reference manager)."""
    if not path.exists():
        return
    try:
        text = read_text(path)
        items = json.loads(text)
    except TextFileError as exc:
        exhibit.log.error(path, exc.line, exc.args[0], exc.hint)
        return
    except json.JSONDecodeError as exc:
        exhibit.log.error(path, exc.lineno, f"JSON syntax error: {exc.msg}",
                          "export the collection again from Zotero as 'CSL JSON'")
        return
    if not isinstance(items, list):
        exhibit.log.error(path, 1, "expected a CSL-JSON list of items ('[ {...}, {...} ]')")
        return
    lines = text.splitlines()
    for item in items:
        ident = str(item.get("id", "")) if isinstance(item, dict) else ""
        id_line = re.compile(r'"id"\s*:\s*"' + re.escape(ident) + '"')
        line = next((n for n, row in enumerate(lines, 1) if id_line.search(row)), 1)
        if not isinstance(item, dict):
            exhibit.log.error(path, None, "expected each item to be a JSON object")
            continue
        fields = from_csl(item)

        def report(_line, message, hint):
            exhibit.log.error(path, line, f"item '{ident}': {message}", hint)

        values = validate(fields, {}, SOURCE_FIELDS, report, line, "CSL-JSON item")
        if values is None:
            exhibit.invalid.add(ident)
            continue
        source = Source(path=path, line=line, body=csl_body(item), **_attributes(values))
        _register_source(exhibit, source, defined)


def _load_essays(exhibit: Exhibit, folder: Path) -> None:
    by_order: dict[int, Essay] = {}
    by_slug: dict[str, Essay] = {}
    for path in sorted(folder.glob("*.md")):
        values, header = _read_markdown(path, ESSAY_FIELDS, "essay", exhibit.log)
        if values is None:
            continue
        values.setdefault("slug", re.sub(r"^\d+[-_]", "", path.stem).lower())
        essay = Essay(path=path, line=1, lines=header.lines, **_attributes(values))
        if essay.status == "draft":
            continue
        for seen, value, name in ((by_order, essay.order, "Order"), (by_slug, essay.slug, "Slug")):
            if value in seen:
                other = seen[value]
                exhibit.log.error(path, essay.line_of(name), f"{name} {value} is also used by "
                                  f"{exhibit.log.display(other.path)}",
                                  f"give each essay its own {name}")
            seen[value] = essay
        exhibit.essays.append(essay)
    exhibit.essays.sort(key=lambda e: (e.order, e.slug))


def _records(path: Path, exhibit: Exhibit, what: str, parsed: Path | None) -> list[Record]:
    log = exhibit.log
    if not path.exists():
        return []
    data = load_yaml(path, log, parsed)
    if data is None:
        exhibit.unreadable.add(what)
        return []
    if not isinstance(data, list):
        log.error(path, getattr(data, "line", 1), f"expected a list of {what}s, each starting "
                  "with '- '", f"see docs/CURATING.md for the {what} format")
        return []
    records = []
    for number, item in enumerate(data):
        if isinstance(item, Record):
            records.append(item)
        else:
            line = data.lines[number] if isinstance(data, Items) else None
            log.error(path, line, f"expected each {what} to be a set of 'field: value' lines, "
                      f"got {str(item)[:40]!r}", f"write it as '- id: …' with its fields on the lines below")
    return records


def _load_yaml_records(exhibit, path, spec, what, cls, id_field, parsed):
    """Validated records by id; ids of invalid ones go to ``exhibit.invalid`` (no cascades)."""
    loaded: dict[str, object] = {}
    for record in _records(path, exhibit, what, parsed):
        def report(line, message, hint):
            exhibit.log.error(path, line, message, hint)

        values = validate(record, record.lines, spec, report, record.line, what)
        if values is None:
            exhibit.invalid.add(str(record.get(id_field)))
            continue
        item = cls(path=path, line=record.line, lines=record.lines, **_attributes(values))
        ident = values[id_field]
        if ident in loaded:
            exhibit.log.error(path, record.line_of(id_field), f"{what} {id_field} '{ident}' is "
                              f"already used on line {loaded[ident].line}",
                              f"give each {what} its own {id_field}")
            continue
        loaded[ident] = item
    return loaded


def _load_places(exhibit: Exhibit, path: Path, parsed: Path | None) -> None:
    exhibit.places = _load_yaml_records(exhibit, path, PLACE_FIELDS, "place", Place, "key", parsed)


def _load_events(exhibit: Exhibit, path: Path, parsed: Path | None) -> None:
    events = _load_yaml_records(exhibit, path, EVENT_FIELDS, "event", Event, "id", parsed)
    for event in events.values():
        if event.end is not None and event.end.last_day() < event.date.first_day():
            exhibit.log.error(path, event.line_of("end"), f"end {event.end} is before date "
                              f"{event.date}", "swap them, or correct the end date")
    exhibit.events = sorted(events.values(), key=lambda e: (e.date.first_day(), e.time or "", e.id))


def _load_hostages_held(exhibit: Exhibit, path: Path, parsed: Path | None) -> None:
    """The counts of hostages still held, in date order (the file's order within a day)."""
    counts = []
    for record in _records(path, exhibit, "count", parsed):
        def report(line, message, hint):
            exhibit.log.error(path, line, message, hint)

        values = validate(record, record.lines, HOSTAGE_COUNT_FIELDS, report, record.line, "count")
        if values is not None:
            counts.append(HostageCount(path=path, line=record.line, lines=record.lines, **values))
    exhibit.hostages_held = sorted(counts, key=lambda c: c.date.first_day())


def _check_links(exhibit: Exhibit) -> None:
    """Every key a record names must exist."""
    log, event_ids = exhibit.log, {e.id for e in exhibit.events}
    known_sources = set(exhibit.sources) | {d.key for d in exhibit.drafts}

    def check(record, field_name, keys, known, what, hint_where):
        for item in keys:
            if item not in known and item not in exhibit.invalid and what not in exhibit.unreadable:
                hint = suggest(item, known) or f"add it to {hint_where}, or remove it"
                if item in known_sources and what == "source":
                    hint = f"'{item}' is still a draft; publish it (remove 'Status: draft') first"
                log.error(record.path, record.line_of(field_name), f"unknown {what} '{item}'", hint)

    for event in exhibit.events:
        check(event, "sources", event.sources, exhibit.sources, "source", "content/sources/")
        check(event, "places", event.places, exhibit.places, "place", "content/data/places.yaml")
    for place in exhibit.places.values():
        check(place, "sources", place.sources, exhibit.sources, "source", "content/sources/")
        check(place, "events", place.events, event_ids, "event", "content/data/events.yaml")
    for count in exhibit.hostages_held:
        check(count, "sources", count.sources, exhibit.sources, "source", "content/sources/")
