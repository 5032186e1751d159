"""The timeline split into pages, only between periods (a period longer than a page between days),
each page of at most ``TIMELINE_EVENTS_PER_PAGE`` events."""
from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from exhibit.model import Event

from .dates import span
from .grouping import Period, PhaseGroup


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
