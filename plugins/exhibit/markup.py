"""Markdown additions every exhibit text may use.

``[Túpac Amaru]{lang=es}`` marks a run of text as another language — Pandoc's
bracketed span, limited to the ``lang`` attribute — so that screen readers
pronounce Spanish and Japanese names correctly.

Tables are wrapped in a scrollable, keyboard-focusable region so that a wide
table scrolls on a phone instead of widening the whole page.

A link or image address with a scheme other than http, https or mailto (``javascript:``,
``data:``, ``vbscript:``) is dropped, leaving the link's text.

:func:`clean_html` is the one sanitiser for HTML that leaves the exhibit's pages (the feed's
entries): nh3 (Ammonia) keeps only the elements and attributes a text's Markdown makes, and
only addresses with the same schemes.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from .markdown_order import register

SAFE_SCHEMES = ("http", "https", "mailto")
# A scheme is what comes before the first ':' when no '/', '?' or '#' comes first (RFC 3986); browsers
# ignore tabs, newlines and leading control characters in it, so those are removed before reading it.
SCHEME = re.compile(r"^([^:/?#]+):")
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
LANG_SPAN = r"\[([^\]\[@^][^\]\[]*)\]\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}"


# What the Markdown of a summary or paragraph makes; everything else goes, keeping its text.
TEXT_TAGS = {"p", "a", "em", "strong", "code", "span", "br", "blockquote", "ul", "ol", "li", "abbr",
             "sub", "del", "ins", "q", "cite", "time", "h2", "h3", "h4", "h5", "h6", "hr", "pre"}
TEXT_ATTRIBUTES = {"*": {"lang", "dir", "title"}, "a": {"href"}, "time": {"datetime"}, "abbr": {"title"}}
DROPPED_WITH_CONTENT = {"script", "style", "template", "sup"}  # sup: note numbers, whose notes are elsewhere


def clean_html(fragment: str, rewrite_address=None) -> str:
    """``fragment`` with only :data:`TEXT_TAGS` and :data:`TEXT_ATTRIBUTES`, addresses in
    :data:`SAFE_SCHEMES` (or relative), and each address passed through ``rewrite_address``."""
    def addresses(_tag, attribute, value):
        return rewrite_address(value) if rewrite_address and attribute == "href" else value

    return nh3.clean(fragment, tags=TEXT_TAGS, attributes=TEXT_ATTRIBUTES, clean_content_tags=DROPPED_WITH_CONTENT,
                     url_schemes=set(SAFE_SCHEMES), link_rel=None, attribute_filter=addresses)


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
        register(md, "exhibit_lang_span", LangSpanProcessor(LANG_SPAN, md))
        register(md, "exhibit_table_scroll", TableScroller(md))
        register(md, "exhibit_safe_addresses", SafeAddresses(md))
