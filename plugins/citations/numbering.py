"""One numbering of notes per page, over the page's finished HTML.

Each text is converted on its own (an essay, and every event summary or place description
it or a page shows), so each text's notes start at 1. :func:`number_page` renumbers a
whole page once it is written:

* the page's own notes — the list titled by ``id="notes"`` (an essay's, a page's, a
  source page's) — keep 1..N, in reading order;
* every other list (an embedded record's, whose ids start with its anchor, such as
  ``event-<id>-notes``) continues the sequence after N, in document order, and stays
  where it is, its ``<ol>`` starting at its first number;
* on a page made only of records (the timeline, the map) numbering runs down the page.

Each note reference's number and ``aria-label`` and each backlink's label follow the
number of the note it points to. Python-Markdown's footnote markup is all this relies on
(``a.footnote-ref``, ``div.footnote``, ``a.footnote-backref`` and the ids); the page is
read with the standard library's HTML parser and only the tags that change are rewritten,
so every other byte of the page is left as it was.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

OWN_NOTES = "notes"  # the id of the title of a page's own notes (markdown_ext gives it)


def note_label(number: int) -> str:
    """What a screen reader says for a note reference."""
    return f"Note {number}"


def backlink_label(number: int) -> str:
    """The title and accessible name of a note's way back to the text."""
    return f"Back to where note {number} is cited"


@dataclass
class _Tag:
    """A start tag as written in the page: where it is, its name and attributes."""

    start: int
    end: int
    name: str
    attrs: dict[str, str | None]


@dataclass
class _Note:
    id: str
    backlinks: list[_Tag] = field(default_factory=list)
    number: int = 0


@dataclass
class _NoteList:
    labelled_by: str
    ol: _Tag | None = None
    notes: list[_Note] = field(default_factory=list)

    @property
    def own(self) -> bool:
        return self.labelled_by == OWN_NOTES


@dataclass
class _Reference:
    tag: _Tag
    target: str
    text: tuple[int, int] = (0, 0)  # the span of the visible number
    shown: str = ""  # the visible number
    lists_before: int = 0  # how many note lists the page opened before this reference


class _NoteMarkup(HTMLParser):
    """Collects the page's note references and note lists, with their places in the text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.references: list[_Reference] = []
        self.lists: list[_NoteList] = []
        self._reference: _Reference | None = None
        self._divs = 0  # depth of <div> inside the current note list (0: not in one)
        self._lists = 0  # depth of <ol>/<ul> inside it

    def _tag(self, name, attrs) -> _Tag:
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        return _Tag(start, start + len(self.get_starttag_text()), name, dict(attrs))

    def handle_starttag(self, name, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if name == "a" and "footnote-ref" in classes:
            tag = self._tag(name, attrs)
            self._reference = _Reference(tag, (tag.attrs.get("href") or "#")[1:],
                                         lists_before=len(self.lists))
            self.references.append(self._reference)
        elif self._divs:
            self._inside_list(name, attrs, classes)
        elif name == "div" and "footnote" in classes:
            self._divs = 1
            self.lists.append(_NoteList(dict(attrs).get("aria-labelledby") or OWN_NOTES))

    def _inside_list(self, name, attrs, classes):
        notes = self.lists[-1]
        if name == "div":
            self._divs += 1
        elif name in ("ol", "ul"):
            self._lists += 1
            if self._lists == 1 and notes.ol is None:
                notes.ol = self._tag(name, attrs)
        elif name == "li" and self._lists == 1:
            notes.notes.append(_Note(dict(attrs).get("id") or ""))
        elif name == "a" and "footnote-backref" in classes and notes.notes:
            notes.notes[-1].backlinks.append(self._tag(name, attrs))

    def handle_data(self, data):
        if self._reference is not None:
            self._reference.shown += data

    def handle_endtag(self, name):
        if name == "a" and self._reference is not None:
            line, column = self.getpos()
            self._reference.text = (self._reference.tag.end, self.line_starts[line - 1] + column)
            self._reference = None
        elif self._divs and name == "div":
            self._divs -= 1
        elif self._divs and name in ("ol", "ul"):
            self._lists -= 1


def _start_tag(tag: _Tag, changes: dict[str, str | None]) -> str:
    """The start tag written again with ``changes`` (None removes an attribute), in its order."""
    attrs = {name: value for name, value in {**tag.attrs, **changes}.items()
             if not (name in changes and changes[name] is None)}
    written = "".join(f" {name}" if value is None else f' {name}="{_escape(value)}"'
                      for name, value in attrs.items())
    return f"<{tag.name}{written}>"


def _escape(value: str) -> str:
    """As Python-Markdown escapes attribute values."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _number_lists(lists: list[_NoteList]) -> None:
    """The page's own notes first, then every other list in document order."""
    number = 0
    for notes in [*(n for n in lists if n.own), *(n for n in lists if not n.own)]:
        for note in notes.notes:
            number += 1
            note.number = number


def _edits(references: list[_Reference], lists: list[_NoteList]) -> list[tuple[int, int, str]]:
    edits = []
    for notes in lists:
        first = notes.notes[0].number if notes.notes else 1
        if notes.ol is not None and notes.ol.attrs.get("start") != (str(first) if first > 1 else None):
            edits.append((notes.ol.start, notes.ol.end,
                          _start_tag(notes.ol, {"start": str(first) if first > 1 else None})))
        for note in notes.notes:
            label = backlink_label(note.number)
            for link in note.backlinks:
                changes = {"title": label, "aria-label": label}
                if any(link.attrs.get(name) != value for name, value in changes.items()):
                    edits.append((link.start, link.end, _start_tag(link, changes)))
    for reference in references:
        # The note a reference points to is in the first list after it holding that id.
        note = next((note for notes in lists[reference.lists_before:] for note in notes.notes
                     if note.id == reference.target), None)
        if note is None:
            continue
        if reference.tag.attrs.get("aria-label") != note_label(note.number):
            edits.append((reference.tag.start, reference.tag.end,
                          _start_tag(reference.tag, {"aria-label": note_label(note.number)})))
        if reference.shown != str(note.number):
            edits.append((*reference.text, str(note.number)))
    return edits


def number_page(html: str) -> str:
    """The page with one numbering of all its notes (see the module's description)."""
    if html.count("doc-endnotes") < 2:
        return html  # a single text's notes are numbered already
    markup = _NoteMarkup(html)
    markup.feed(html)
    markup.close()
    _number_lists(markup.lists)
    pieces, position = [], 0
    for start, end, text in sorted(_edits(markup.references, markup.lists)):
        pieces += [html[position:start], text]
        position = end
    return "".join(pieces) + html[position:]


def number_written_page(path: str, context=None) -> None:
    """Pelican's ``content_written``: renumber the notes of an HTML page just written."""
    if not path.endswith(".html"):
        return
    file = Path(path)
    written = file.read_bytes().decode("utf-8")
    numbered = number_page(written)
    if numbered != written:
        file.write_bytes(numbered.encode("utf-8"))
