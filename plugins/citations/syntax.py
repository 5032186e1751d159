"""Parse Pandoc citations: ``[@key]``, ``[@key, para. 4]``, ``[see @a, p. 2; @b]``.

A bracket is a citation when an ``@`` opens a word inside it (so ``[write to
a@b.org]`` is not). Once it is one, it must parse completely: a malformed
citation is an error, never literal text in the exhibit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from exhibit.errors import ExhibitProblem

# A bracketed group with '@' at the start of a word, not a link, footnote or span.
GROUP = re.compile(r"(?<![\\!])\[(?!\^)(?P<inner>[^\[\]\n]*(?:^|(?<=[\s;\[-]))@[^\[\]\n]*)\](?![\(\[\{])")
# A citation's opening bracket with no ']' after it on its line.
UNCLOSED = re.compile(r"(?<![\\!])\[(?!\^)[^\[\]\n]*(?:^|(?<=[\s;\[-]))@[A-Za-z0-9{][^\[\]\n]*$")
NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
NOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
# '[@label]: …' opening a line (up to three spaces in) is a link reference definition, not a citation.
DEFINITION_INDENT = re.compile(r" {0,3}")
ITEM = re.compile(r"^(?P<prefix>[^@]*?)\s*(?P<suppress>-)?@(?P<key>[A-Za-z0-9][A-Za-z0-9_:.#$%&+?<>~/-]*"
                  r"(?<![.,:;])|\{[^}]+\})(?P<rest>.*)$", re.S)

# Locator words as Pandoc knows them → CSL locator labels.
LOCATOR_LABELS = {
    "p": "page", "pp": "page", "page": "page", "pages": "page",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph",
    "¶": "paragraph", "¶¶": "paragraph",
    "chap": "chapter", "chaps": "chapter", "chapter": "chapter", "chapters": "chapter",
    "sec": "section", "secs": "section", "section": "section", "sections": "section", "§": "section",
    "§§": "section", "fig": "figure", "figs": "figure", "figure": "figure", "figures": "figure",
    "l": "line", "ll": "line", "line": "line", "lines": "line",
    "n": "note", "nn": "note", "note": "note", "notes": "note",
    "vol": "volume", "vols": "volume", "volume": "volume", "volumes": "volume",
    "col": "column", "cols": "column", "column": "column", "columns": "column",
    "art": "article", "article": "article", "no": "issue", "issue": "issue",
    "bk": "book", "book": "book", "pt": "part", "part": "part", "op": "opus",
    "s.v": "sub verbo", "sv": "sub verbo", "v": "verse", "vv": "verse", "verse": "verse",
    "ts": "timestamp", "timestamp": "timestamp",
}
LOCATOR = re.compile(r"^(?P<label>[^\W\d]+\.?|¶¶?|§§?)?\s*(?P<value>[\w:.]*\d[\w:.]*(?:\s*(?:[-–,&]|and)\s*[\w:.]*\d[\w:.]*)*)(?P<suffix>.*)$", re.S)


class CitationSyntaxError(ExhibitProblem, ValueError):
    """A citation written in a form the parser does not read."""


@dataclass(frozen=True)
class CiteItem:
    key: str
    prefix: str = ""
    label: str | None = None  # CSL locator label, e.g. "paragraph"
    locator: str | None = None  # e.g. "4" or "3-5"
    suffix: str = ""


@dataclass(frozen=True)
class CitationGroup:
    """One bracketed citation: becomes one note."""

    items: tuple[CiteItem, ...]
    line: int  # within the text it was found in
    source_text: str


def parse_locator(text: str) -> tuple[str | None, str | None, str]:
    """', para. 4 and passim' → ('paragraph', '4', 'and passim'); no locator → suffix only."""
    text = text.strip()
    match = LOCATOR.match(text)
    if not match:
        return None, None, text
    label_text = (match.group("label") or "").rstrip(".").lower()
    if label_text and label_text not in LOCATOR_LABELS:
        return None, None, text  # free text such as 'quoting the president'
    label = LOCATOR_LABELS.get(label_text, "page")
    return label, match.group("value"), match.group("suffix").strip()


def parse_item(text: str) -> CiteItem:
    match = ITEM.match(text.strip())
    if not match:
        raise CitationSyntaxError(f"'{text.strip()}' is not a citation: expected '@key'",
                                  "write [@key], [@key, p. 4] or [see @key]")
    key = match.group("key").strip("{}")
    rest = match.group("rest")
    if rest.strip() and not rest.startswith(","):
        raise CitationSyntaxError(f"after '@{key}' expected a comma before the locator, got '{rest.strip()}'",
                                  f"write [@{key}, {rest.strip()}]")
    label, locator, suffix = parse_locator(rest[1:]) if rest.strip() else (None, None, "")
    return CiteItem(key, match.group("prefix").strip(), label, locator, suffix)


def parse_group(inner: str, line: int, source_text: str) -> CitationGroup:
    parts = inner.split(";")
    if any(not p.strip() for p in parts):
        raise CitationSyntaxError(f"empty item in citation '[{inner}]'", "separate keys with '; ', as in [@a; @b]")
    return CitationGroup(tuple(parse_item(p) for p in parts), line, source_text)


def prose_lines(text: str):
    """Yield (line number, offset of the line in ``text``, the line) for each line outside code blocks."""
    fence = None
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        stripped = raw.lstrip()
        marker = stripped[:3]
        if fence is None and marker in ("```", "~~~"):
            fence = marker
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and not raw.startswith(("    ", "\t")):
            yield number, offset, raw
        offset += len(raw)


def _in_code(raw: str, position: int) -> bool:
    return raw[:position].count("`") % 2 == 1


def find_citations(text: str):
    """Yield (start, end, line, group or CitationSyntaxError) for each citation, skipping code; a
    citation left open at the end of its line is an error."""
    for number, offset, raw in prose_lines(text):
        for match in GROUP.finditer(raw):
            inner = match.group("inner")
            if raw.startswith(":", match.end()) and DEFINITION_INDENT.fullmatch(raw[: match.start()]):
                continue
            if _in_code(raw, match.start()):
                continue
            try:
                found = parse_group(inner, number, match.group(0))
            except CitationSyntaxError as exc:
                found = CitationSyntaxError(f"malformed citation {match.group(0)}: {exc}", exc.hint)
            yield offset + match.start(), offset + match.end(), number, found
        unclosed = UNCLOSED.search(raw)
        if unclosed and not _in_code(raw, unclosed.start()):
            opened = unclosed.group(0).rstrip()
            yield (offset + unclosed.start(), offset + unclosed.start() + len(opened), number,
                   CitationSyntaxError(f"the citation {opened[:60]!r} is never closed", "end it with ']': [@key] "
                                       "or [@key, para. 4]"))


def notes_without_text(text: str) -> list[tuple[int, str, list[str]]]:
    """(line, label, the labels that have text) for each ``[^label]`` whose ``[^label]: …`` is missing."""
    lines = list(prose_lines(text))
    defined = [match.group(1) for _n, _o, raw in lines if (match := NOTE_DEFINITION.match(raw))]
    return [(number, match.group(1), defined) for number, _offset, raw in lines
            for match in NOTE_REFERENCE.finditer(raw)
            if match.group(1) not in defined and not _in_code(raw, match.start())]
