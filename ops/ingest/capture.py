"""Reading a capture file: bytes to text, whatever encoding the browser or editor saved it in.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are
read as such. Anything else is read as Windows-1252, the encoding of most
Western web pages and Windows editors of the time, or, if it has bytes that
Windows-1252 leaves undefined, as Latin-1, which reads any byte. A fixed order
rather than statistical guessing: the result is predictable and the report says
which was used.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from exhibit.errors import ExhibitProblem


class CaptureError(ExhibitProblem):
    """A capture that cannot be ingested; the message says why."""


@dataclass(frozen=True)
class Capture:
    path: Path
    text: str
    encoding: str  # as reported to the curator: 'UTF-8', 'Windows-1252' …
    note: str | None = None  # why a fallback encoding was used


def read_capture(path: Path) -> Capture:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CaptureError(f"cannot be read: {exc.strerror}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Capture(path, _lines(data.decode("utf-16")), "UTF-16")
    if b"\x00" in data:
        raise CaptureError("has NUL bytes, so it is not a text capture "
                           "(save the page as plain text, not as a PDF, image or document)")
    try:
        return Capture(path, _lines(data.decode("utf-8-sig")), "UTF-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        why = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})"
    try:
        return Capture(path, _lines(data.decode("cp1252")), "Windows-1252", why)
    except UnicodeDecodeError:
        return Capture(path, _lines(data.decode("latin-1")), "Latin-1", why)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
