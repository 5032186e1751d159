"""What the parsers find in a capture: one :class:`Story` per story page, as printed."""
from __future__ import annotations

from dataclasses import dataclass, field

from exhibit.dates import PartialDate


@dataclass(frozen=True)
class Link:
    """An entry of a link list: 'Peruvian rebels release 2 hostages - December 18, 1996'."""

    title: str
    href: str | None = None  # None where the capture kept no address ('#')
    note: str | None = None  # what follows the link as printed: a date, 'Message Board' …
    date: PartialDate | None = None  # the note, when it is a whole date


@dataclass
class LinkList:
    label: str  # as printed, without its colon: 'Related stories'
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Posted:
    """'Web posted at: 10:25 p.m. EST (0325 GMT)'."""

    printed: str  # '10:25 p.m. EST (0325 GMT)'
    time: str  # '22:25', 24-hour, in the printed zone
    zone: str  # 'EST', 'EDT', 'GMT' … exactly as printed
    gmt: str | None = None  # '03:25' when the page also printed GMT


@dataclass(frozen=True)
class Marker:
    """A bracketed reference marker of an encyclopedia: '[4]', '[citation needed]'."""

    text: str
    line: int  # in the capture


@dataclass(frozen=True)
class Block:
    """A piece of a story's own text."""

    kind: str  # 'paragraph', 'heading' (a subhead of the story) or 'table'
    text: str


@dataclass
class Story:
    """One story of a capture with the metadata its page printed; None where it printed none."""

    first_line: int
    last_line: int
    kind: str  # a source kind of the model: 'news report', 'multimedia index', 'encyclopedia entry' …
    title: str | None = None
    subtitle: str | None = None
    date: PartialDate | None = None
    posted: Posted | None = None
    dateline: str | None = None  # 'LIMA, Peru'
    credit: str | None = None  # who the dateline names as the source: 'CNN' in 'LIMA, Peru (CNN) --'
    copyright: tuple[int, str] | None = None  # (1996, 'Cable News Network, Inc.')
    contributors: list[str] = field(default_factory=list)  # 'Reuters contributed to this report'
    link_lists: list[LinkList] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # picture and media captions
    media: list[str] = field(default_factory=list)  # sound and video files named in the text
    markers: list[Marker] = field(default_factory=list)
    lead_in: str | None = None  # text before an extract's first sentence (category links)
    blocks: list[Block] = field(default_factory=list)
