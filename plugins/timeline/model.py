"""The timeline as readers see it: siege days, dates shown as ranges, phase and period groups,
and the pages they are split into.

Everything here works on the exhibit model's validated :class:`~exhibit.model.Event` s;
nothing is parsed or rendered.
"""
from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from zoneinfo import ZoneInfo

from exhibit.dates import PartialDate
from exhibit.model import PHASES, Event
from exhibit.siege import Siege

# A phase whose events spread over more years than this is grouped by year, not by month.
MONTH_GROUPS_MAX_YEARS = 2


def chronological_key(event: Event) -> tuple:
    """Date order; an event known only to the month (year) comes first in that month (year), and
    events of the same date keep the order in which events.yaml lists them."""
    date = event.date
    return (date.year, date.month or 0, date.day or 0, event.line)


@dataclass(frozen=True)
class When:
    """One ``<time>`` element: its machine-readable value and the text readers see."""

    datetime: str
    text: str


@dataclass(frozen=True)
class Dates:
    """When an event happened: one ``When``, or two for a span, and what goes between them."""

    parts: tuple[When, ...]
    separator: str = ""

    @property
    def text(self) -> str:
        return self.separator.join(part.text for part in self.parts)


def when(event: Event, zone: ZoneInfo) -> Dates:
    """'17 December 1996, 20:20', or a range: '17–18 December 1996', '28 February – 3 March 1997'."""
    date, end = event.date, event.end
    start = When(date.iso, date.display)
    if event.time and date.day:
        moment = dt.datetime.combine(date.first_day(), dt.time.fromisoformat(event.time), zone)
        offset = moment.strftime("%z")
        start = When(f"{date.iso}T{event.time}{offset[:3]}:{offset[3:]}", f"{date.display}, {event.time}")
    if end is None or end == date:
        return Dates((start,))
    if date.day and end.day and not event.time and (date.year, date.month) == (end.year, end.month):
        return Dates((When(start.datetime, str(date.day)), When(end.iso, end.display)), "–")
    if date.day and end.day and not event.time and date.year == end.year:
        start = When(start.datetime, f"{date.day} {calendar.month_name[date.month]}")
    return Dates((start, When(end.iso, end.display)), " – ")


@dataclass
class Period:
    """A month (``1997-02``) or a year (``2003``) of one phase, with its events in date order."""

    key: str
    label: str
    events: list[Event] = field(default_factory=list)


@dataclass
class PhaseGroup:
    phase: str
    label: str
    periods: list[Period] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [event for period in self.periods for event in period.events]


def _period_of(event: Event, by_year: bool) -> tuple[str, str]:
    date = event.date
    if by_year:
        return str(date.year), str(date.year)
    if date.month is None:
        return str(date.year), f"{date.year} (month not known)"
    return f"{date.year}-{date.month:02d}", f"{calendar.month_name[date.month]} {date.year}"


def group(events: list[Event], labels: dict[str, str]) -> list[PhaseGroup]:
    """Events by phase (in the exhibit's phase order), then by month — or by year where a
    phase's events spread over more than ``MONTH_GROUPS_MAX_YEARS`` years."""
    by_phase: dict[str, list[Event]] = {phase: [] for phase in PHASES}
    for event in events:
        by_phase.setdefault(event.phase, []).append(event)
    return [PhaseGroup(phase, labels.get(phase, phase.capitalize()), _periods(sorted(members, key=chronological_key)))
            for phase, members in by_phase.items() if members]


def _periods(events: list[Event]) -> list[Period]:
    """Events (in order) by month, or by year if they spread over more than ``MONTH_GROUPS_MAX_YEARS``."""
    by_year = events[-1].date.year - events[0].date.year >= MONTH_GROUPS_MAX_YEARS
    periods: dict[str, Period] = {}
    for event in events:
        key, label = _period_of(event, by_year)
        periods.setdefault(key, Period(key, label)).events.append(event)
    return list(periods.values())


def first_day(siege: Siege, event: Event) -> int | None:
    """The day of the siege on which the event begins, if it does."""
    return siege.day(event.date.first_day(), event.time if event.date.day else None)


def date_order(siege: Siege):
    """A sort key: date order, then the day of the siege (so an event timed before the seizure comes
    first on that date, and "Day N" never goes back), then the order of events.yaml."""
    return lambda event: (*chronological_key(event)[:3], first_day(siege, event) or 0, event.line)


# The parts of the timeline in date order: (key, heading).
ERAS = (("before", "Before the seizure"), ("siege", "The siege"), ("after", "After the siege"))


def era(siege: Siege, event: Event) -> str:
    """'before', 'siege' or 'after': when the event begins, seen from the siege."""
    if first_day(siege, event):
        return "siege"
    return "before" if event.date.first_day() <= siege.start.date() else "after"


def in_date_order(events: list[Event], siege: Siege) -> list[PhaseGroup]:
    """Every event in date order across phases, before, during and after the siege, each part by
    month (or by year)."""
    eras: dict[str, list[Event]] = {key: [] for key, _ in ERAS}
    for event in sorted(events, key=date_order(siege)):
        eras[era(siege, event)].append(event)
    return [PhaseGroup(key, label, _periods(eras[key])) for key, label in ERAS if eras[key]]


@dataclass(frozen=True)
class EssayLink:
    """An essay that discusses an event: it embeds a slice of the timeline holding it."""

    title: str
    url: str  # from the site root, to the embed


def span(events: list[Event]) -> str:
    """The dates some events cover, short: '17 Dec 1996 – 2 Jan 1997', '3 Jan – 20 Jan 1997', '2001'."""
    first = min((event.date for event in events), key=PartialDate.first_day)
    last = max((event.end or event.date for event in events), key=PartialDate.last_day)
    if first == last:
        return _short(first)
    same_year = first.year == last.year and first.month is not None and last.month is not None
    return f"{_short(first, with_year=not same_year)} – {_short(last)}"


def _short(date: PartialDate, with_year: bool = True) -> str:
    parts = [str(date.day)] if date.day else []
    parts += [calendar.month_abbr[date.month]] if date.month else []
    return " ".join([*parts, str(date.year)] if with_year else parts)


@dataclass(eq=False)
class TimelinePage:
    """One page of the timeline: the phases it shows, each with the periods (or parts of one) on it."""

    number: int
    save_as: str  # from the site root
    groups: list[PhaseGroup]
    collapsed: bool  # so many events that each period is folded away until a reader opens it

    @property
    def events(self) -> list[Event]:
        return [event for g in self.groups for event in g.events]

    @cached_property
    def span(self) -> str:
        """What the page's navigation names it by: '3 Jan – 20 Jan 1997'."""
        return span(self.events)


def page_address(save_as: str, number: int) -> str:
    """'timeline.html' for the first page, then 'timeline-2.html', 'timeline-3.html'…"""
    return save_as if number == 1 else f"{save_as.removesuffix('.html')}-{number}.html"


@dataclass(frozen=True, eq=False)
class _Block:
    """Events that go onto one page together: a whole period, or a day of a period longer than a page."""

    group: PhaseGroup
    period: Period
    events: list[Event]


def _blocks(groups: list[PhaseGroup], limit: int) -> list[_Block]:
    """Every period as a block, but one of more than ``limit`` events day by day (a day is never split)."""
    blocks = []
    for phase_group in groups:
        for period in phase_group.periods:
            days = ([period.events] if len(period.events) <= limit else
                    [list(day) for _, day in itertools.groupby(period.events, key=attrgetter("date"))])
            blocks += [_Block(phase_group, period, events) for events in days]
    return blocks


def _fill(blocks: list[_Block], limit: int) -> list[list[_Block]]:
    """Blocks in pages: each page takes blocks until the next would pass ``limit``; a block
    larger than that has a page of its own."""
    pages: list[list[_Block]] = []
    count = 0
    for block in blocks:
        if pages and count + len(block.events) <= limit:
            pages[-1].append(block)
            count += len(block.events)
        else:
            pages.append([block])
            count = len(block.events)
    return pages


def _joined(page: list[_Block]) -> list[_Block]:
    """A page's blocks with the days of one period joined again."""
    shares: list[_Block] = []
    for block in page:
        if shares and shares[-1].period is block.period:
            shares[-1] = _Block(block.group, block.period, shares[-1].events + block.events)
        else:
            shares.append(block)
    return shares


def _part(period: Period, number: int, total: int, events: list[Event]) -> Period:
    return Period(f"{period.key}-part-{number}", f"{period.label} (part {number} of {total})", events)


def _page_groups(runs: list[list[_Block]]) -> list[list[PhaseGroup]]:
    """Each page's periods in their phases; a period spread over pages is a part on each, keyed
    '1997-01-part-2' and labelled 'January 1997 (part 2 of 3)'."""
    pages = [_joined(run) for run in runs]
    parts = Counter(id(share.period) for page in pages for share in page)
    numbers: Counter = Counter()
    result = []
    for page in pages:
        groups: list[PhaseGroup] = []
        for share in page:
            period, total = share.period, parts[id(share.period)]
            if total > 1:
                numbers[id(period)] += 1
                period = _part(period, numbers[id(period)], total, share.events)
            if not groups or groups[-1].phase != share.group.phase:
                groups.append(PhaseGroup(share.group.phase, share.group.label))
            groups[-1].periods.append(period)
        result.append(groups)
    return result


def paginate(groups: list[PhaseGroup], save_as: str, per_page: int, collapse_after: int) -> list[TimelinePage]:
    """The timeline in pages of at most ``per_page`` events, split only between periods: each page
    takes periods until the next would pass the limit. A period of more than ``per_page`` events
    is split between days instead, its days filling pages as periods do (a day of more events
    than that has a page of its own). A page folds its periods if it has more than
    ``collapse_after`` events in more than one period (one folded period would only hide it)."""
    runs = _fill(_blocks(groups, per_page), per_page) or [[]]
    return [TimelinePage(number, page_address(save_as, number), page_groups,
                         collapsed=sum(len(g.events) for g in page_groups) > collapse_after
                         and sum(len(g.periods) for g in page_groups) > 1)
            for number, page_groups in enumerate(_page_groups(runs), start=1)]


@dataclass
class Timeline:
    """Everything the timeline pages show."""

    siege: Siege
    zone: ZoneInfo
    groups: list[PhaseGroup]
    pages: list[TimelinePage]
    in_order: list[TimelinePage] = field(default_factory=list)  # the view in date order, in pages
    discussed_in: dict[str, list[EssayLink]] = field(default_factory=dict)
    _page_of: dict[str, TimelinePage] = field(init=False, repr=False)
    _tagged: dict[str, list[Event]] = field(init=False, repr=False)
    _selected: dict[object, list[Event]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self):
        self._page_of = {event.id: page for page in self.pages for event in page.events}
        self._tagged = {}
        for event in self.events:
            for tag in event.tags:
                self._tagged.setdefault(tag, []).append(event)

    def select(self, selection) -> list[Event]:
        """The events a selection (``selection.includes(event)``) holds, in ``date_order``. Essays' embeds
        mostly select by tag, so only events with one of its tags are looked at; each selection is
        worked out once per build."""
        if selection not in self._selected:
            candidates = ({e.id: e for tag in selection.tags for e in self._tagged.get(tag, [])}.values()
                          if selection.tags else self.events)
            self._selected[selection] = sorted((e for e in candidates if selection.includes(e)),
                                               key=date_order(self.siege))
        return self._selected[selection]

    @property
    def events(self) -> list[Event]:
        return [event for g in self.groups for event in g.events]

    @property
    def save_as(self) -> str:
        """The first page's address."""
        return self.pages[0].save_as

    def page_of(self, event: Event) -> TimelinePage:
        return self._page_of[event.id]

    def url(self, event: Event) -> str:
        """The event's address from the site root: the page that shows it, at its anchor."""
        return f"{self.page_of(event).save_as}#event-{event.id}"
