"""The exhibit model: essays, source records, events and places, cross-linked.

Every record is validated before it gets here (see ``loader``); feature plugins
read this model and never each other. Field tables say what curators may write.

Over 250 lines on purpose: every kind of record sits beside the table of the fields curators write
for it, so the whole of what a curator may write is read in one file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from .dates import PartialDate
from .errors import ErrorLog
from .siege import Siege
from .schema import (Field, clock_time, fields, full_date, head_count, iso_date, key, key_list, language,
                     number_in, one_of, order, text, url, yes_no)

SOURCE_KINDS = ("news report", "newspaper article", "magazine article", "journal article", "article",
                "broadcast", "encyclopedia entry", "official statement", "testimony", "court record", "report",
                "book", "interview", "web page", "dataset", "multimedia index")
KIND_HINT = ("'news report' for a newspaper's or news agency's report, 'newspaper article', 'magazine article' or "
             "'journal article' for other articles (a bare 'article' cites as a generic one), 'broadcast' for "
             "radio or television")
# How much of a source the curators have read themselves, and what that tells a reader of its page.
CONSULTED = {
    "in full": "the curators read the whole source",
    "in part": "the curators read only part of it; the summary below says which part",
    "through another source": "the curators have not seen it, only another source's account of it, which the "
                              "summary below names",
}
CONSULTED_HINT = ("write 'in full' if you read all of it, 'in part' if you read only some of it (say which in the "
                  "text), 'through another source' if you know it only from another source's account")
PHASES = ("seizure", "standoff", "negotiation", "rescue", "aftermath")
PRECISIONS = ("exact", "street", "district", "city")
# How many decimals of a place's coordinates pages show, by precision: a step in the last is about 1 m,
# 100 m, 1 km and 10 km, so no page claims more than the precision does. The data keep the numbers as written.
PRECISION_DECIMALS = {"exact": 5, "street": 3, "district": 2, "city": 1}
# How far from its point a place may be, by precision, in metres: maps draw district and city places as
# circles of this radius, not as pins.
PRECISION_RADIUS_M = {"exact": 1, "street": 100, "district": 1000, "city": 10000}
STATUSES = ("published", "draft", "hidden")

ESSAY_FIELDS = fields(
    Field("Title", text, True, "the essay's title"),
    Field("Order", order, True, "its place in the exhibit's sequence, 1 for the first"),
    Field("Date", full_date, True, "when it was first published, YYYY-MM-DD"),
    Field("Summary", text, True, "one or two sentences shown on the home page"),
    Field("Modified", full_date, doc="when it was last revised, YYYY-MM-DD"),
    Field("Content-Note", text, doc="a warning shown before essays that describe violence"),
    Field("Slug", key, doc="the last part of its address; defaults to the file name"),
    Field("Authors", text, doc="who wrote it"),
    Field("Lang", language, doc="its language if not the exhibit's"),
    Field("Status", one_of(STATUSES), doc="draft essays are not published"),
    Field("Image", text, doc="an image for social cards"),
)

PAGE_FIELDS = fields(
    Field("Title", text, True, "the page's title"),
    Field("Slug", text, doc="the page's address without .html"),
    Field("Status", one_of(STATUSES), doc="hidden pages are written but not listed"),
    Field("Save_as", lambda value: str(value).strip(), doc="where the page is written; empty: nowhere"),
    Field("Summary", text, doc="one sentence about the page"),
    Field("Template", key, doc="a template other than page.html"),
    Field("Modified", full_date, doc="when it was last revised, YYYY-MM-DD"),
)

SOURCE_FIELDS = fields(
    Field("Key", key, True, "the citation key, e.g. cnn-1996-12-20; also the file name"),
    Field("Title", text, True, "the source's own title"),
    Field("Subtitle", text, doc="a second headline"),
    Field("Publisher", text, True, "who published it, e.g. CNN"),
    Field("Author", text, doc="who wrote it, 'Family, Given; Family, Given' for several"),
    Field("Published", iso_date, True, "when it was published, YYYY-MM-DD (or YYYY-MM, YYYY)"),
    Field("Posted", text, doc="the posting time as printed, e.g. 1996-12-17 22:25 EST"),
    Field("Kind", one_of(SOURCE_KINDS, KIND_HINT), True, "what sort of source it is"),
    Field("Language", language, True, "the source's language code: en, es, ja"),
    Field("URL", url, doc="where it was published"),
    Field("Archived", url, doc="an archived copy, e.g. in the Wayback Machine"),
    Field("Accessed", iso_date, doc="when a curator last checked it"),
    Field("Consulted", one_of(tuple(CONSULTED), CONSULTED_HINT), True,
          "how much of it the curators read: in full, in part, or through another source",
          f"add a line 'Consulted: …': {CONSULTED_HINT}"),
    Field("Summary", text, doc="one sentence on what the source reports"),
    Field("Status", one_of(STATUSES), doc="draft records are not published"),
)

EVENT_FIELDS = fields(
    Field("id", key, True, "a unique key, e.g. residence-seized"),
    Field("date", iso_date, True, "YYYY-MM-DD, or YYYY-MM / YYYY when that is all we know"),
    Field("time", clock_time, doc="Lima local time, HH:MM"),
    Field("end", iso_date, doc="the last day, for events that span days"),
    Field("title", text, True, "a short headline"),
    Field("summary", text, True, "what happened, in Markdown, with citations"),
    Field("sources", key_list, True, "the keys of the sources that report it"),
    Field("places", key_list, doc="keys of places in places.yaml"),
    Field("phase", one_of(PHASES), True, "which part of the crisis it belongs to"),
    Field("tags", key_list, doc="free tags for filtering"),
)

PLACE_FIELDS = fields(
    Field("key", key, True, "a unique key, e.g. residence"),
    Field("name", text, True, "the name readers see"),
    Field("name_es", text, doc="the Spanish name"),
    Field("name_ja", text, doc="the Japanese name"),
    Field("lat", number_in(-90, 90, "latitude"), True, "latitude in decimal degrees, as written: trust it only "
          "as far as precision says"),
    Field("lon", number_in(-180, 180, "longitude"), True, "longitude in decimal degrees, as written: trust it only "
          "as far as precision says"),
    Field("precision", one_of(PRECISIONS), True, "how sure we are of the point; pages show its coordinates "
          "to 5, 3, 2 or 1 decimals (about 1 m, 100 m, 1 km, 10 km) for exact, street, district or city"),
    Field("description", text, True, "what the place is and where the coordinates come from"),
    Field("sources", key_list, True, "the keys of the sources for it and its coordinates"),
    Field("events", key_list, doc="ids of related events"),
)

HOSTAGE_COUNT_FIELDS = fields(
    Field("date", full_date, True, "when the count was published, YYYY-MM-DD"),
    Field("count", head_count, True, "how many hostages were still held, a whole number"),
    Field("approximate", yes_no, True, "true if the source says 'about', 'some' or 'approximately'"),
    Field("counted_by", text, True, "who gave the number, as readers see it, e.g. 'AP, citing ICRC'"),
    Field("sources", key_list, True, "the keys of the sources that report the count"),
)


@dataclass
class Located:
    """Where a record was defined, for error messages and 'edit this' links."""

    path: Path
    line: int
    lines: dict[str, int] = field(default_factory=dict, repr=False)

    def line_of(self, name: str) -> int:
        return self.lines.get(name.lower(), self.line)


@dataclass
class Essay(Located):
    title: str = ""
    order: int = 0
    date: PartialDate | None = None
    summary: str = ""
    slug: str = ""
    content_note: str | None = None
    status: str = "published"
    modified: PartialDate | None = None
    authors: str | None = None
    lang: str | None = None
    image: str | None = None


@dataclass
class Source(Located):
    key: str = ""
    title: str = ""
    publisher: str = ""
    published: PartialDate | None = None
    kind: str = ""
    language: str = "en"
    subtitle: str | None = None
    author: str | None = None
    posted: str | None = None
    url: str | None = None
    archived: str | None = None
    accessed: PartialDate | None = None
    consulted: str = ""
    summary: str | None = None
    status: str = "published"
    body: str | None = None  # Markdown, for records that do not have a file of their own

    @property
    def from_markdown(self) -> bool:
        return self.path.suffix == ".md"

    @property
    def consulted_meaning(self) -> str:
        return CONSULTED[self.consulted]


@dataclass
class Event(Located):
    id: str = ""
    date: PartialDate | None = None
    title: str = ""
    summary: str = ""
    phase: str = ""
    sources: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    time: str | None = None
    end: PartialDate | None = None


@dataclass
class Place(Located):
    key: str = ""
    name: str = ""
    lat: float = 0.0
    lon: float = 0.0
    precision: str = ""
    description: str = ""
    sources: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    name_es: str | None = None
    name_ja: str | None = None

    def shown(self) -> tuple[Decimal, Decimal]:
        """(lat, lon) as pages show them: rounded, half away from zero, to the decimals of the place's
        precision, trailing zeros dropped (never more digits than were written). The map's popups
        (theme/static/js/map-leaflet.js) show this text too, as plugins/map/geojson.py writes it."""
        step = Decimal(1).scaleb(-PRECISION_DECIMALS[self.precision])
        lat, lon = (Decimal(value).quantize(step, ROUND_HALF_UP).normalize() for value in (self.lat, self.lon))
        return lat, lon


@dataclass
class HostageCount(Located):
    """One source's count of the hostages still held, at its date of publication."""

    date: PartialDate | None = None
    count: int = 0
    approximate: bool = False
    counted_by: str = ""
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CitedIn:
    """A place in the exhibit that cites a source (feature plugins fill ``Exhibit.cited_in``)."""

    title: str
    url: str  # relative to the site root, with a fragment where there is one
    kind: str = "essay"  # essay, page, event, place
    paragraph: int | None = None
    note: int | None = None


@dataclass
class Exhibit:
    """Everything the exhibit holds, validated and cross-linked."""

    root: Path
    essays: list[Essay] = field(default_factory=list)  # in exhibit order
    sources: dict[str, Source] = field(default_factory=dict)  # published, by key
    drafts: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # in date order
    places: dict[str, Place] = field(default_factory=dict)
    hostages_held: list[HostageCount] = field(default_factory=list)  # by date; hostages-held.yaml's order within a day
    log: ErrorLog = field(default_factory=ErrorLog)
    invalid: set[str] = field(default_factory=set)  # keys of records that failed validation
    unreadable: set[str] = field(default_factory=set)  # kinds of record whose file failed to parse
    # Source key → the places citing it: added to while generators read, ordered by kind once they have.
    cited_in: dict[str, list[CitedIn]] = field(default_factory=dict)
    # Where a page shows each event and place: anchor ('event-<id>', 'place-<key>') → its address from
    # the site root with that anchor ('timeline-3.html#event-raid'). Given by the timeline and map plugins
    # in the contract's addresses phase (exhibit.contract), before anything is read.
    shown_at: dict[str, str] = field(default_factory=dict)
    siege: Siege | None = None  # the siege's days (TIMELINE_SIEGE_START / _END), set once the settings are read

    _essays_by_path: dict[Path, Essay] = field(default_factory=dict, init=False, repr=False, compare=False)

    def essay_for(self, path: str | Path) -> Essay | None:
        if len(self._essays_by_path) != len(self.essays):  # indexed once the essays are loaded
            self._essays_by_path = {}
            for essay in self.essays:
                self._essays_by_path.setdefault(essay.path.resolve(), essay)
        return self._essays_by_path.get(Path(path).resolve())

    def events_at(self, place_key: str) -> list[Event]:
        return [e for e in self.events if place_key in e.places]
