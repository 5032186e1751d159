"""Reading captured text: numbered paragraphs, Markdown-style links, printed dates and times.

Web captures keep links as ``[text](address)`` (with ``#`` where the address was
lost) and print dates the way their site did: ``December 17, 1996``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from exhibit.dates import FieldValueError, PartialDate

LINK = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])*)\]\((?P<href>[^()\s]*)\)")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!-])")
MONTHS = "|".join(calendar.month_name[1:])
# 'December 17, 1996' (American) or '17 December 1996'.
PRINTED_DATE = re.compile(rf"^(?:(?P<month>{MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
                          rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTHS})\s+(?P<year2>\d{{4}}))$", re.I)
# '10:25 p.m. EST (0325 GMT)', '4:00 a.m. EST', '12:17 p.m. EDT (1617 GMT)'.
PRINTED_TIME = re.compile(r"^(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<half>[ap])\.?\s*m\.?\s+"
                          r"(?P<zone>[A-Z]{2,4})\b(?:\s*\((?P<gmt>\d{4})\s*GMT\))?")
# A line of prose ends with one of these (closing quotes and brackets aside).
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass(frozen=True)
class Paragraph:
    """Lines of a capture between blank lines, with the number of the first one."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


def paragraphs(lines: list[str], first_line: int = 1) -> list[Paragraph]:
    """Split ``lines`` at blank lines (spaces and no-break spaces count as blank)."""
    found: list[Paragraph] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(lines, start=first_line):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            found.append(Paragraph(start, tuple(current)))
            current = []
    if current:
        found.append(Paragraph(start, tuple(current)))
    return found


def unescape(text: str) -> str:
    """Undo the backslash escapes a capture tool put before Markdown punctuation."""
    return MARKDOWN_ESCAPE.sub(r"\1", text)


def link_text(text: str) -> str:
    """``said [Steven Anderson](#)`` → ``said Steven Anderson``: links become their words."""
    return unescape(LINK.sub(lambda m: m.group("text"), text))


def without_links(text: str) -> str:
    return LINK.sub("", text)


def is_link_only(text: str) -> bool:
    """True for a paragraph that is nothing but links (feedback prompts, media files, 'back to top')."""
    return bool(LINK.search(text)) and not re.search(r"\w", without_links(text))


def words(text: str) -> int:
    return len(text.split())


def is_shouting(text: str) -> bool:
    """Short capitals-only text such as 'WORLD NEWS', 'S T O R Y P A G E' or 'BACK TO TOP'."""
    letters = link_text(text)
    return words(letters) <= 12 and any(c.isalpha() for c in letters) and not any(c.islower() for c in letters)


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.strip()))


def printed_date(text: str) -> PartialDate | None:
    """The date in 'December 17, 1996' or '17 December 1996', or None."""
    match = PRINTED_DATE.match(text.strip())
    if not match:
        return None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    number = [m.lower() for m in calendar.month_name].index(month.lower())
    try:
        return PartialDate.parse(f"{year}-{number:02d}-{int(day):02d}")
    except FieldValueError:
        return None


def clock(hour: str, minute: str, half: str) -> str:
    """12-hour clock to 24-hour 'HH:MM': ('10', '25', 'p') → '22:25'."""
    value = int(hour) % 12 + (12 if half.lower() == "p" else 0)
    return f"{value:02d}:{minute}"
