"""Markdown for images: only ``{% figure %}`` places one, and a figure near the top loads at once."""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from exhibit.document import document_of
from exhibit.markdown_order import register

from .figure import eager_first_figure

MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")


class MarkdownImages(Preprocessor):
    """``![alt](file)`` would publish an original untouched (or hotlink another host): refuse it."""

    def run(self, lines):
        document = document_of(self.md)
        if document is None:
            return lines
        fence = None
        for number, line in enumerate(lines, start=1):
            stripped = line.lstrip()
            if stripped[:3] in ("```", "~~~"):
                fence = None if fence == stripped[:3] else fence or stripped[:3]
                continue
            if fence is None and not line.startswith("    ") and MARKDOWN_IMAGE.search(line):
                document.error(number, "images are not placed with Markdown's ![alt](file)",
                               "put the original in content/images/ with its sidecar .yaml and write "
                               "{% figure src=NAME %} on a line of its own (docs/CURATING.md, 'Images')")
        return lines


class EagerFirstFigure(Postprocessor):
    def __init__(self, md, paragraphs_before: int):
        super().__init__(md)
        self.paragraphs_before = paragraphs_before

    def run(self, text):
        if document_of(self.md) is None:
            return text
        return eager_first_figure(text, self.paragraphs_before)


class ImagesExtension(Extension):
    def __init__(self, paragraphs_before: int, **kwargs):
        super().__init__(**kwargs)
        self.paragraphs_before = paragraphs_before

    def extendMarkdown(self, md):
        # Where each runs, and why: exhibit.markdown_order.
        register(md, "exhibit_markdown_images", MarkdownImages(md))
        register(md, "exhibit_eager_figure", EagerFirstFigure(md, self.paragraphs_before))
