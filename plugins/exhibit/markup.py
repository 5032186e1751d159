"""Markdown additions every exhibit text may use.

``[Túpac Amaru]{lang=es}`` marks a run of text as another language — Pandoc's
bracketed span, limited to the ``lang`` attribute — so that screen readers
pronounce Spanish and Japanese names correctly.

Tables are wrapped in a scrollable, keyboard-focusable region so that a wide
table scrolls on a phone instead of widening the whole page.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

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


class ExhibitMarkupExtension(Extension):
    def extendMarkdown(self, md):
        # Above links (160), so '[text]{lang=..}' is never read as a reference link.
        md.inlinePatterns.register(LangSpanProcessor(LANG_SPAN, md), "exhibit_lang_span", 165)
        # After the tree processors that number and anchor blocks (12).
        md.treeprocessors.register(TableScroller(md), "exhibit_table_scroll", 8)
