"""Markdown fields of the data files (event summaries, place descriptions) as HTML and plain text.

Both go through the exhibit's own Markdown pipeline, so citations become notes exactly as
on the timeline and map pages. Call only once the build has found no errors: a text with
a mistake has already been reported by the page that shows it.
"""
from __future__ import annotations

from lxml import html as lxml_html

from exhibit.document import render_markdown
from exhibit.model import Event, Place

NOTES = "//div[contains(concat(' ', @class, ' '), ' footnote ')] | //sup[starts-with(@id, '{prefix}fnref')]"


def _field(record: Event | Place) -> str:
    return "summary" if isinstance(record, Event) else "description"


def _prefix(record: Event | Place) -> str:
    return f"event-{record.id}-" if isinstance(record, Event) else f"place-{record.key}-"


class Texts:
    """Renders each record's text once per address form of its source links."""

    def __init__(self, settings: dict):
        self.settings = settings
        self._html: dict[tuple[str, str], str] = {}

    def html(self, record: Event | Place, source_url: str) -> str:
        """The text as HTML with its notes; ``source_url`` writes links to source pages ('{key}')."""
        prefix = _prefix(record)
        if (prefix, source_url) not in self._html:
            name = _field(record)
            self._html[prefix, source_url], _document = render_markdown(
                self.settings, getattr(record, name), record.path, record.line_of(name), source_url,
                id_prefix=prefix)
        return self._html[prefix, source_url]

    def plain(self, record: Event | Place) -> str:
        """The text as readers read it, without note numbers or notes."""
        return plain_text(self.html(record, "{key}"), _prefix(record))


def plain_text(html: str, id_prefix: str = "") -> str:
    """Text of an HTML fragment without its notes, whitespace collapsed."""
    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.xpath(NOTES.format(prefix=id_prefix)):
        element.drop_tree()
    return " ".join(root.text_content().split())
