"""The Markdown fields of the data files (event summaries, place descriptions), converted once per build.

Every page and file that shows such a text — the timeline and its embeds, the map, the data
downloads, the search index, structured data — asks :class:`RecordTexts` for it, so each
text goes through Markdown once however many places show it.

A text's ids start with its record's anchor (``event-<id>-`` / ``place-<key>-``), so any
number of texts share a page. Its links to source pages are written from
:data:`~exhibit.pagelinks.ROOT`, which :meth:`RecordTexts.html` replaces with the way back to the site root from where the
text is shown ('.', '..', or the public address). Converted texts are kept between builds
in ``cache_file``, keyed by everything that shapes them (the text, the records of the
sources it may cite, the settings and the plugins' code), so a rebuild converts only what
changed; a text with a mistake is never kept, so its errors are reported on every build.
"""
from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from lxml import html as lxml_html
from markupsafe import Markup

from .document import render_markdown
from .fingerprints import build_fingerprint, text_fingerprint
from .model import Event, Exhibit, Place
from .pagelinks import ROOT, event_anchor, fill_root, place_anchor

CACHE_VERSION = 1
NOTES = "//div[contains(concat(' ', @class, ' '), ' footnote ')] | //sup[starts-with(@id, '{prefix}fnref')]"

Record = Event | Place


def field_of(record: Record) -> str:
    """The name of the record's Markdown field."""
    return "summary" if isinstance(record, Event) else "description"


def anchor_of(record: Record) -> str:
    """The id of the record's entry on the page that shows it, and the start of its text's ids."""
    return event_anchor(record.id) if isinstance(record, Event) else place_anchor(record.key)


class RecordTexts:
    """Each record's Markdown field as HTML (with its notes), the keys it cites, and its plain text."""

    def __init__(self, settings: dict, cache_file: Path | None = None):
        self.settings = settings
        self.exhibit: Exhibit = settings["EXHIBIT"]
        self.source_url = f"{ROOT}/{settings['SOURCE_URL'].format(slug='{key}')}"
        self.cache_file = cache_file
        self._stored = _read_json(cache_file) if cache_file else {}
        self._done: dict[str, list] = {}  # anchor → [html, cited keys, plain text], this build
        self._used: dict[str, list] = {}  # fingerprint → the same, to keep for the next build
        self._in_parallel: dict[str, list] = {}  # converted by worker processes this build
        self._fingerprints: dict[str, str] = {}
        self._context = build_fingerprint(settings, CACHE_VERSION)

    def html(self, record: Record, root: str) -> Markup:
        """The text as HTML, its links to source pages written from ``root`` (no trailing '/')."""
        return Markup(fill_root(self._text(record)[0], root))

    def cited(self, record: Record) -> list[str]:
        """The source keys the text cites, in order, each once."""
        return self._text(record)[1]

    def plain(self, record: Record) -> str:
        """The text as readers read it, without note numbers or notes."""
        return self._text(record)[2]

    def convert_all(self, records: list[Record]) -> None:
        """Convert every text now; when more than ``EXHIBIT_PARALLEL_AFTER`` are not in the cache
        (a first build of a large exhibit), in worker processes, one per core.

        A worker keeps only texts that convert without a message; any other (and any with an
        embed, whose side effects belong to this process) is converted again here, so its
        mistakes are reported as usual.
        """
        missing = [record for record in records if anchor_of(record) not in self._done
                   and self._fingerprint(record) not in self._stored and "{%" not in _text_of(record)]
        workers = min(_cores(), len(missing))
        if len(missing) > self.settings["EXHIBIT_PARALLEL_AFTER"] and workers > 1 and _can_fork():
            self._in_parallel.update(_convert_in_workers(self, missing, workers))
        for record in records:
            self._text(record)

    def save(self) -> None:
        """Keep this build's texts (only those) for the next build."""
        if self.cache_file and self._used != self._stored:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.cache_file.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self._used), encoding="utf-8")
            os.replace(partial, self.cache_file)

    def _text(self, record: Record) -> list:
        anchor = anchor_of(record)
        if anchor not in self._done:
            self._done[anchor] = self._convert(record)
        return self._done[anchor]

    def _convert(self, record: Record) -> list:
        fingerprint = self._fingerprint(record)
        found = self._stored.get(fingerprint) or self._in_parallel.get(fingerprint)
        if found is None:
            log = self.exhibit.log
            errors = len(log.errors)
            found = self._render(record)
            if len(log.errors) > errors or "{%" in _text_of(record):
                return found  # reported now; never kept, so reported on every build
        self._used[fingerprint] = found
        return found

    def _render(self, record: Record) -> list:
        name, prefix = field_of(record), f"{anchor_of(record)}-"
        html, document = render_markdown(self.settings, getattr(record, name), record.path,
                                         record.line_of(name), self.source_url, id_prefix=prefix)
        cited = list(dict.fromkeys(key for citation in document.citations for key in citation.keys))
        return [html, cited, plain_text(html, prefix)]

    def _fingerprint(self, record: Record) -> str:
        anchor = anchor_of(record)
        if anchor not in self._fingerprints:
            self._fingerprints[anchor] = text_fingerprint(self._context, anchor, _text_of(record), self.exhibit.sources)
        return self._fingerprints[anchor]


def plain_text(html: str, id_prefix: str = "") -> str:
    """Text of an HTML fragment without its notes, whitespace collapsed."""
    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.xpath(NOTES.format(prefix=id_prefix)):
        element.drop_tree()
    return " ".join(root.text_content().split())


def _text_of(record: Record) -> str:
    return getattr(record, field_of(record))


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


# What forked workers convert: (texts, records), set just before the pool starts.
_WORK: tuple[RecordTexts, list[Record]] | None = None


def _convert_in_workers(texts: RecordTexts, records: list[Record], workers: int) -> dict[str, list]:
    """Fingerprint → [html, cited keys, plain text] for the texts that converted without a message."""
    global _WORK
    _WORK = (texts, records)
    chunks = [range(start, len(records), workers * 4) for start in range(workers * 4)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return {fingerprint: result for done in pool.map(_convert_chunk, chunks)
                    for fingerprint, result in done.items()}
    finally:
        _WORK = None


def _convert_chunk(indices: range) -> dict[str, list]:
    texts, records = _WORK
    log, done = texts.exhibit.log, {}
    for index in indices:
        record, messages = records[index], len(log.entries)
        result = texts._render(record)
        if len(log.entries) == messages:
            done[texts._fingerprint(record)] = result
    return done


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: only a slower build
