"""The order of every Markdown processor the exhibit adds, in one table.

Python-Markdown runs each registry (preprocessors, inline patterns, tree processors,
postprocessors) from the highest priority down. Our processors have to sit between its
own, so each row says where, and why; an extension registers by name with
:func:`register` and never spells a number. Python-Markdown's own steps are in
brackets in the comments, with their priorities (extensions extra, meta, smarty, toc).
"""
from __future__ import annotations

from markdown import Markdown

# name → (registry, priority)
ORDER: dict[str, tuple[str, int]] = {
    # Preprocessors [normalize_whitespace 30, meta 27, fenced_code_block 25, html_block 20 (removed)].
    # Images first: before the embeds add lines, so lines are the file's own (images plugin).
    "exhibit_markdown_images": ("preprocessors", 31),
    # Citations become footnotes before 'meta' takes the header out, so lines are the file's own (citations).
    "exhibit_citations": ("preprocessors", 30),
    # Embeds, likewise before 'meta'; their HTML is stashed until 'raw_html' (embeds.py).
    "exhibit_embeds": ("preprocessors", 29),
    # Python-Markdown's own, put back when Pelican has taken it out for a summary (document.py).
    "meta": ("preprocessors", 27),

    # Inline patterns [footnote 175, reference 170, link 160].
    # Above links, so '[text]{lang=..}' is never read as a reference link (markup.py).
    "exhibit_lang_span": ("inlinePatterns", 165),

    # Tree processors [footnote 50, inline 20, footnote-duplicate 15, prettify 10, attr_list 8, toc 5].
    # Notes numbered after footnotes' own processors have made them (citations).
    "exhibit_note_numbers": ("treeprocessors", 13),
    # Paragraphs anchored (p-N) once notes are numbered, before tables are wrapped (citations).
    "exhibit_paragraphs": ("treeprocessors", 12),
    # After the blocks are numbered and anchored (markup.py).
    "exhibit_table_scroll": ("treeprocessors", 8),
    # After every processor that may add a link or an image (markup.py).
    "exhibit_safe_addresses": ("treeprocessors", 7),

    # Postprocessors [raw_html 30, footnote 25, amp_substitute 20].
    # Before 'raw_html' puts the stashed HTML in, an embed's placeholder leaves its paragraph (embeds.py).
    "exhibit_embeds_unwrap": ("postprocessors", 35),
    # After 'raw_html' has put the figures back (images plugin).
    "exhibit_eager_figure": ("postprocessors", 25),
    # Last of all, so nothing touches the formatted note text (citations).
    "exhibit_note_text": ("postprocessors", 5),
}


def register(md: Markdown, name: str, processor) -> None:
    """Register ``processor`` as ``name``, in its registry and at its place in :data:`ORDER`."""
    registry, priority = ORDER[name]
    getattr(md, registry).register(processor, name, priority)
