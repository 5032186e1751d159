"""Markdown additions every exhibit text may use.

``[Túpac Amaru]{lang=es}`` marks a run of text as another language — Pandoc's
bracketed span, limited to the ``lang`` attribute — so that screen readers
pronounce Spanish and Japanese names correctly.

Tables are wrapped in a scrollable, keyboard-focusable region so that a wide
table scrolls on a phone instead of widening the whole page.

A link or image address with a scheme other than http, https or mailto (``javascript:``,
``data:``, ``vbscript:``) is dropped, leaving the link's text.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = ("http", "https", "mailto")
# A scheme is what comes before the first ':' when no '/', '?' or '#' comes first (RFC 3986); browsers
# ignore tabs, newlines and leading control characters in it, so those are removed before reading it.
SCHEME = re.compile(r"^([^:/?#]+):")
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
LANG_SPAN = r"\[([^\]\[@^][^\]\[]*)\]\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}"


class LangSpanProcessor(InlineProcessor):
    def handleMatch(self, m, data):
        span = etree.Element("span", {"lang": m.group(2)})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class TableScroller(Treeprocessor):
    def run(self, root):
        tables = [(parent, child) for parent in root.iter() for child in parent if child.tag == "table"]
        for number, (parent, table) in enumerate(tables, start=1):
            wrapper = etree.Element("div", {"class": "table-scroll", "tabindex": "0", "role": "region",
                                            "aria-label": f"Table {number} (scrolls sideways)"})
            index = list(parent).index(table)
            parent.remove(table)
            wrapper.append(table)
            wrapper.tail, table.tail = table.tail, None
            parent.insert(index, wrapper)


class SafeAddresses(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for name in ("href", "src"):
                scheme = SCHEME.match(IGNORED_IN_SCHEME.sub("", element.get(name) or ""))
                if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                    del element.attrib[name]


class ExhibitMarkupExtension(Extension):
    def extendMarkdown(self, md):
        # Above links (160), so '[text]{lang=..}' is never read as a reference link.
        md.inlinePatterns.register(LangSpanProcessor(LANG_SPAN, md), "exhibit_lang_span", 165)
        # After the tree processors that number and anchor blocks (12).
        md.treeprocessors.register(TableScroller(md), "exhibit_table_scroll", 8)
        md.treeprocessors.register(SafeAddresses(md), "exhibit_safe_addresses", 7)
