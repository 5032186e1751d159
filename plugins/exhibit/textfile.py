"""Reading curators' text files: strict UTF-8 and Pelican-style metadata headers.

A Markdown file starts with ``Field: value`` lines, ends its header at the first
blank line, and may continue a value on lines indented by four spaces — the
format Python-Markdown's ``meta`` extension (and so Pelican) reads. We parse the
header ourselves so that every field keeps its line number for error messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExhibitProblem

FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s?(.*)$")
MAX_FIELD = 2000  # characters in a field, name and continuation lines included; real ones reach 358


class TextFileError(ExhibitProblem):
    """A file that cannot be read as text; carries the line of the problem."""

    def __init__(self, line: int | None, message: str, hint: str | None = None):
        super().__init__(message, hint)
        self.line = line


def read_text(path: Path) -> str:
    """Read ``path`` as UTF-8, naming the line of the first invalid byte."""
    if path.is_dir():
        raise TextFileError(None, "this is a folder, where a text file was expected",
                            f"move what the folder holds elsewhere and put the file '{path.name}' here")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(None, f"the file cannot be read ({exc.strerror})",
                            "check that it exists and that you may read it") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TextFileError(
            line,
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            "save the file as UTF-8 in your editor (File > Save with encoding)",
        ) from None
    return text.removeprefix("\ufeff")


@dataclass
class Header:
    """A metadata header: field names (lower-cased) to values and lines."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # as the curator wrote them
    body_line: int = 1  # first line of the body


def parse_header(text: str) -> tuple[Header, list[tuple[int, str]]]:
    """Split ``text`` into its header and a list of header problems (line, message)."""
    header = Header()
    problems: list[tuple[int, str]] = []
    parts: dict[str, list[str]] = {}  # each field's value and continuation lines, joined at the end
    last = None
    lines = text.splitlines()
    header.body_line = len(lines) + 1
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            header.body_line = number + 1
            break
        if raw.startswith(("    ", "\t")) and last is not None:
            parts[last].append(raw.strip())
        else:
            match = FIELD.match(raw)
            if match is None:
                problems.append((number, _not_a_field(number, raw)))
                header.body_line = number
                break
            name, value = match.group(1), match.group(2).strip()
            last = name.lower()
            if last in parts:
                problems.append((number, f"field '{name[:60]}' is given twice (first on line "
                                         f"{header.lines[last]})"))
            parts[last] = [value]
            header.lines[last] = number
            header.names[last] = name
        if "{%" in raw:
            problems.append((number, f"{header.names[last][:60]}: a header field is plain text and cannot "
                                     "hold an embed directive ({% … %}); put the directive in the text, on "
                                     "a line of its own after the blank line that ends the header"))
    header.values = {key: " ".join(part for part in values if part) for key, values in parts.items()}
    return header, problems + _overlong(header)


def _not_a_field(number: int, raw: str) -> str:
    if number == 1:
        return "the file must start with metadata lines such as 'Title: ...'"
    return (f"expected 'Field: value' in the header, got {raw.strip()[:60]!r}; "
            "end the header with one blank line before the text")


def _overlong(header: Header) -> list[tuple[int, str]]:
    """A field of more than MAX_FIELD characters (a title or summary drawn on a social card, say)."""
    found = []
    for key, value in header.values.items():
        size = len(key) + len(value)
        if size > MAX_FIELD:
            found.append((header.lines[key], f"field '{header.names[key][:60]}' has {size:,} characters; "
                                             f"a header field holds at most {MAX_FIELD:,}: keep it to a "
                                             "sentence or two and put the rest in the text"))
    return found
