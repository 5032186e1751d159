"""Story → draft source record: the header fields the model accepts, and what was found or missing.

Fields the capture does not print are taken, in this order, from the rest of the
same capture (the publisher in the other pages' datelines), from the page's
copyright line (its holder and year), and from the fallbacks the curator passed
on the command line; each such value is noted for review. A story without a
title, publisher or date cannot become a valid record: it gets a ``problem``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from exhibit import schema
from exhibit.dates import PartialDate

from .capture import Capture
from .story import Story

FINGERPRINT = re.compile(r"\bingest:[0-9a-f]{16}\b")
CORPORATE_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|Corp|Co)\.?$", re.I)
US_EASTERN = {"EST": False, "EDT": True}  # printed zone → is daylight saving time
ZONE_HOURS = {"EST": -5, "EDT": -4, "GMT": 0, "UTC": 0}
# What a curator should expect ingest to find, by kind of page.
EXPECTED = {
    "news report": ("Title", "Subtitle", "Published", "Posted", "Publisher", "Dateline",
                    "Contributors", "Related links", "Text"),
    "multimedia index": ("Title", "Published", "Publisher", "Related links"),
    "web page": ("Title", "Published", "Publisher", "Text"),
    "encyclopedia entry": ("Title", "Published", "Publisher", "Text", "Reference markers"),
}


@dataclass(frozen=True)
class Fallbacks:
    """Values for what a capture does not print, given by the curator (``--publisher`` …)."""

    publisher: str | None = None
    published: PartialDate | None = None
    language: str = "en"

    @classmethod
    def parse(cls, publisher: str | None, published: str | None, language: str) -> "Fallbacks":
        """From the command line; raises FieldValueError (with a hint) for a bad date or language."""
        return cls(publisher and schema.text(publisher), published and schema.iso_date(published),
                   schema.language(language))


@dataclass
class Draft:
    """A story on its way to becoming a draft source record."""

    story: Story
    capture: Capture
    number: int  # story ``number`` of ``count`` in its capture
    count: int
    fields: dict[str, str]  # header fields without Key, as written, in the model's order
    fingerprint: str  # 'ingest:' + hash of the story's text: the same story, however it was saved
    found: list[str] = field(default_factory=list)  # read from the story itself
    supplied: list[str] = field(default_factory=list)  # taken from elsewhere (see notes)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problem: str | None = None  # why it cannot become a record

    @property
    def title(self) -> str:
        return self.fields.get("Title", "")

    @property
    def publisher(self) -> str:
        return self.fields.get("Publisher", "")

    @property
    def published(self) -> PartialDate | None:
        value = self.fields.get("Published")
        return PartialDate.parse(value) if value else None


def drafts_for(capture: Capture, stories: list[Story], fallbacks: Fallbacks) -> list[Draft]:
    credits = Counter(story.credit for story in stories if story.credit)
    site_credit = credits.most_common(1)[0][0] if credits else None
    return [_draft(capture, story, number, len(stories), site_credit, fallbacks)
            for number, story in enumerate(stories, start=1)]


def _draft(capture: Capture, story: Story, number: int, count: int, site_credit: str | None,
           fallbacks: Fallbacks) -> Draft:
    draft = Draft(story, capture, number, count, {}, fingerprint(story))
    found = {
        "Title": story.title, "Subtitle": story.subtitle, "Published": story.date,
        "Posted": story.posted, "Publisher": story.credit, "Dateline": story.dateline,
        "Contributors": story.contributors, "Related links": story.link_lists,
        "Text": story.blocks, "Reference markers": story.markers,
    }
    draft.found = [name for name, value in found.items() if value]
    publisher = story.credit or _supply(draft, "Publisher", [
        (site_credit, "the datelines of the other pages in this capture"),
        (story.copyright and CORPORATE_SUFFIX.sub("", story.copyright[1]), "the page's copyright line"),
        (fallbacks.publisher, "--publisher")])
    published = story.date or _supply(draft, "Published", [
        (story.copyright and PartialDate(story.copyright[0]), "the year of the page's copyright line"),
        (fallbacks.published, "--published")])
    draft.missing = [name for name in EXPECTED.get(story.kind, ())
                     if name not in draft.found and name not in draft.supplied]
    values = {"Title": story.title, "Subtitle": story.subtitle, "Publisher": publisher,
              "Published": published and published.iso, "Posted": _posted(story, published),
              "Kind": story.kind, "Language": fallbacks.language,
              "Consulted": "in part",  # a capture may not hold the whole source: the curator says
              "Status": "draft"}
    draft.fields = {name: value for name, value in values.items() if value}
    draft.notes.extend(_posted_notes(story))
    draft.problem = _problem(draft)
    return draft


def _supply(draft: Draft, name: str, candidates: list[tuple[object, str]]) -> object:
    """The first candidate value that exists, noted with where it came from."""
    for value, origin in candidates:
        if value:
            draft.supplied.append(name)
            draft.notes.append(f"{name} not printed on the page: {value} taken from {origin}")
            return value
    return None


def _problem(draft: Draft) -> str | None:
    needs = {"Title": "no title found on the page",
             "Publisher": "no publisher found (no dateline credit such as '(CNN)' and no copyright "
                          "line): pass --publisher",
             "Published": "no publication date found (no date line and no copyright year): "
                          "pass --published"}
    reasons = [reason for name, reason in needs.items() if name not in draft.fields]
    return "; ".join(reasons) or None


def _posted(story: Story, published: PartialDate | None) -> str | None:
    """'1996-12-17 22:25 EST', the form the model documents; as printed when it cannot be read."""
    posted = story.posted
    if posted is None:
        return None
    if posted.time is None:
        return posted.printed
    day = f"{published.iso} " if published is not None and published.day else ""
    return f"{day}{posted.time} {posted.zone}"


def _posted_notes(story: Story) -> list[str]:
    """Posting times that contradict themselves: EDT in winter, EST in summer, a GMT that is off."""
    posted, date = story.posted, story.date
    if posted is None or posted.time is None or date is None or date.day is None:
        return []
    notes = []
    hour, minute = map(int, posted.time.split(":"))
    if posted.zone in US_EASTERN:
        local = dt.datetime(date.year, date.month, date.day, hour, minute,
                            tzinfo=ZoneInfo("America/New_York"))
        if bool(local.dst()) != US_EASTERN[posted.zone]:
            notes.append(f"the page prints {posted.zone} but US Eastern time on {date.display} was "
                         f"{local.tzname()}; check the posting time")
    if posted.gmt and posted.zone in ZONE_HOURS:
        gmt_hour, gmt_minute = map(int, posted.gmt.split(":"))
        difference = ((hour - gmt_hour) * 60 + minute - gmt_minute) % (24 * 60)
        if difference != ZONE_HOURS[posted.zone] * 60 % (24 * 60):
            notes.append(f"the page prints {posted.printed}, but {posted.zone} is "
                         f"{ZONE_HOURS[posted.zone]:+d} hours from GMT; check the posting time")
    return notes


def fingerprint(story: Story) -> str:
    """The same for the same story, whatever the encoding, line endings or page furniture."""
    parts = [story.title or "", story.date.iso if story.date else "", *(b.text for b in story.blocks)]
    text = " ".join(" ".join(parts).casefold().split())
    return "ingest:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
