"""Markdown additions every exhibit text may use.

``[Túpac Amaru]{lang=es}`` marks a run of text as another language — Pandoc's
bracketed span, limited to the ``lang`` attribute — so that screen readers
pronounce Spanish and Japanese names correctly.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

LANG_SPAN = r"\[([^\]\[@^][^\]\[]*)\]\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}"


class LangSpanProcessor(InlineProcessor):
    def handleMatch(self, m, data):
        span = etree.Element("span", {"lang": m.group(2)})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class ExhibitMarkupExtension(Extension):
    def extendMarkdown(self, md):
        # Above links (160), so '[text]{lang=..}' is never read as a reference link.
        md.inlinePatterns.register(LangSpanProcessor(LANG_SPAN, md), "exhibit_lang_span", 165)
