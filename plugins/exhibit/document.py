"""The text being converted from Markdown, so extensions can report lines and record findings."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from pelican.readers import _DISCARD, MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

from .dates import FieldValueError
from .markdown_order import register
from .schema import full_date

from .model import Exhibit


@dataclass
class Document:
    """One Markdown text of the exhibit: an essay, a source record, or a field of a data file.

    ``line_offset`` is added to a line within the text to get the line in ``path``.
    Feature plugins' Markdown extensions record what they find here (citations,
    embeds), and the plugins read it back from the content object afterwards.
    """

    path: Path
    exhibit: Exhibit
    line_offset: int = 0
    has_header: bool = True  # starts with 'Field: value' lines (essays, pages, source records)
    source_url: str = "{{filename}}/sources/{key}.md"  # how a link to a source page is written
    id_prefix: str = ""  # starts every id in the text, where several texts share a page
    citations: list = field(default_factory=list)
    embeds: list = field(default_factory=list)

    def error(self, line: int | None, message: str, hint: str | None = None) -> None:
        self.exhibit.log.error(self.path, (line or 1) + self.line_offset, message, hint)


def document_of(md: Markdown) -> Document | None:
    """The document ``md`` is converting, or None (e.g. while Pelican renders a summary)."""
    return getattr(md, "exhibit_document", None)


class ExhibitMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, telling our extensions which file they are converting.

    The finished :class:`Document` is returned in the metadata, so every essay,
    page and source page carries it as ``content.document``. One converter serves
    every file (set up once, reset before each), as building one costs more than
    converting a short text.
    """

    def _converter(self) -> Markdown:
        if getattr(self, "_md", None) is None:
            self._md = exhibit_markdown(self.settings)
            self._meta = self._md.preprocessors["meta"]
        elif "meta" not in self._md.preprocessors:  # Pelican took it out to convert the summary
            register(self._md, "meta", self._meta)
        self._md.reset()
        return self._md

    def process_metadata(self, name, value):
        if name in ("date", "modified"):
            return model_datetime(value)
        return super().process_metadata(name, value)

    def read(self, source_path):
        """The file's HTML and metadata; its conversion comes from the document cache when nothing that
        shapes it changed (``settings['EXHIBIT_DOCUMENTS']``, see :mod:`exhibit.documentcache`)."""
        self._source_path = source_path
        self._converter()
        exhibit, cache = self.settings["EXHIBIT"], self.settings.get("EXHIBIT_DOCUMENTS")
        document = Document(Path(source_path), exhibit,
                            source_url=f"{{{{filename}}}}/{self.settings['EXHIBIT_SOURCES_DIR']}/{{key}}.md")
        with pelican_open(source_path) as text:
            key = cache.key(str(source_path), text) if cache is not None else None
            kept = cache.get(key) if key else None
            if kept is not None:
                content, meta, document.citations, document.embeds = kept
            else:
                content, meta, logged = self._convert(text, document)
                if key and not logged and cache.keeps(document):
                    cache.keep(key, content, meta, document.citations, document.embeds)
        metadata = self._parse_metadata(meta)
        metadata["document"] = document
        return content, metadata

    def _convert(self, text: str, document: Document) -> tuple[str, dict, bool]:
        """``text`` as HTML, its header lines, and whether converting it reported anything (such a
        file is never kept)."""
        log = document.exhibit.log
        before = len(log.entries)
        self._md.exhibit_document = document
        content = self._md.convert(text)
        self._md.exhibit_document = None  # Pelican reuses the converter for the summary
        return content, getattr(self._md, "Meta", {}), len(log.entries) > before


def model_datetime(value: str):
    """A ``Date:`` or ``Modified:`` header as the model reads it, for Pelican: its own parser would fill
    a missing day with today's. A date the model refuses (and reports) is left out."""
    try:
        date = full_date(value)
    except FieldValueError:
        return _DISCARD
    return SafeDatetime(date.year, date.month, date.day)


def render_markdown(settings: dict, text: str, path: Path, line: int,
                    source_url: str, id_prefix: str = "") -> tuple[str, Document]:
    """Convert a Markdown field of a data file (an event summary, a place description).

    ``source_url`` is how links to source pages are written from the page the
    text will appear on, e.g. ``"../sources/{key}.html"``; ``id_prefix`` keeps the
    ids of its notes and paragraphs apart from those of other texts on that page.
    """
    document = Document(Path(path), settings["EXHIBIT"], line_offset=line - 1, has_header=False,
                        source_url=source_url, id_prefix=id_prefix)
    idle = _idle_converters(settings)
    md = idle.pop() if idle else exhibit_markdown(settings)
    md.exhibit_document = document
    try:
        return md.convert(text), document
    finally:
        md.exhibit_document = None
        md.reset()
        idle.append(md)


def exhibit_markdown(settings: dict) -> Markdown:
    """The exhibit's Markdown, for every text (essays, pages, source records, summaries, data files).
    Raw HTML is text: a curator's '<' is written as '&lt;', so no text can bring markup or script
    into a page or the feed (Hugo's default, too)."""
    md = Markdown(**settings["MARKDOWN"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


# Converters not in use, per exhibit and Markdown configuration: each is set up once and reset after
# every text. A text converted while another is (an embed inside a field) takes a converter of its own.
_IDLE: dict[int, tuple[dict, list[Markdown]]] = {}


def _idle_converters(settings: dict) -> list[Markdown]:
    exhibit, config = settings["EXHIBIT"], settings["MARKDOWN"]
    key = id(exhibit)
    if key not in _IDLE:
        weakref.finalize(exhibit, _IDLE.pop, key, None)
    if _IDLE.get(key, (None,))[0] is not config:
        _IDLE[key] = (config, [])
    return _IDLE[key][1]
