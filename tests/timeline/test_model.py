"""Siege days, dates as readers see them, grouping and paging: the timeline model on its own."""
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from exhibit.dates import PartialDate
from exhibit.model import Event
from timeline.arguments import parse_selection
from exhibit.siege import Siege
from timeline.dates import chronological_key, span, when
from timeline.grouping import group
from timeline.model import Timeline
from timeline.paging import paginate

LIMA = ZoneInfo("America/Lima")
SIEGE = Siege(dt.datetime(1996, 12, 17, 20, 30), dt.date(1997, 4, 22))


def event(ident="e", date="1996-12-17", time=None, end=None, phase="standoff"):
    return Event(path=Path("events.yaml"), line=1, id=ident, date=PartialDate.parse(date), title=ident,
                 summary="", phase=phase, sources=["s"], time=time,
                 end=PartialDate.parse(end) if end else None)


@pytest.mark.parametrize("date, time, end, label", [
    ("1996-12-17", "20:40", None, "Day 1"),   # the seizure
    ("1996-12-17", None, None, "Day 1"),      # the seizure's date, no time
    ("1996-12-17", "19:00", None, None),      # before the seizure
    ("1996-12-18", None, None, "Day 1"),      # day 1 runs to 20:30 next evening
    ("1996-12-18", "21:15", None, "Day 2"),
    ("1996-12-17", None, "1996-12-18", "Day 1"),
    ("1997-04-22", "15:23", None, "Day 126"),  # the raid: the count most sources give
    ("1997-04-22", None, None, "Day 126"),
    ("1997-04-23", None, None, None),          # after the siege
    ("1997-02", None, None, "Days 46–73"),     # a month, all of it within the siege
    ("1996-12", None, None, None),             # a month that began before the siege
    ("1997-04-20", None, "1997-04-25", None),  # a span that outlasts the siege
])
def test_days_of_the_siege(date, time, end, label):
    assert SIEGE.label(event(date=date, time=time, end=end)) == label
    assert SIEGE.length == 126


@pytest.mark.parametrize("date, time, end, text, values", [
    ("1996-12-17", "20:40", None, "17 December 1996, 20:40", ["1996-12-17T20:40-05:00"]),
    ("1997-02", None, None, "February 1997", ["1997-02"]),
    ("2001", None, None, "2001", ["2001"]),
    ("1996-12-17", None, "1996-12-18", "17–18 December 1996", ["1996-12-17", "1996-12-18"]),
    ("1997-02-27", None, "1997-03-02", "27 February – 2 March 1997", ["1997-02-27", "1997-03-02"]),
    ("1996-12-30", None, "1997-01-02", "30 December 1996 – 2 January 1997", ["1996-12-30", "1997-01-02"]),
    ("1997-01", None, "1997-03", "January 1997 – March 1997", ["1997-01", "1997-03"]),
])
def test_dates_are_shown_as_written_with_machine_readable_values(date, time, end, text, values):
    dates = when(event(date=date, time=time, end=end), LIMA)
    assert dates.text == text
    assert [part.datetime for part in dates.parts] == values


def test_partial_dates_sort_before_the_days_they_contain_and_one_day_keeps_file_order():
    events = [event("a", "1997-02-11"), event("b", "1997-02"), event("c", "1997"), event("d", "1997-02-01"),
              event("e", "1997-02-01", "09:00")]
    events[3].line, events[4].line = 20, 10
    assert [e.id for e in sorted(events, key=chronological_key)] == ["c", "b", "e", "d", "a"]


LABELS = {"seizure": "Seizure", "standoff": "Standoff", "aftermath": "Aftermath"}


def test_groups_follow_phase_order_then_month_or_year():
    events = [event("late", "2012-04", phase="aftermath"), event("x", "1997-01-03"),
              event("y", "1996-12-20"), event("z", "1997"), event("s", "1996-12-17", phase="seizure"),
              event("after", "1997-04-23", phase="aftermath")]
    groups = group(events, LABELS)
    assert [(g.phase, [(p.key, p.label, [e.id for e in p.events]) for p in g.periods]) for g in groups] == [
        ("seizure", [("1996-12", "December 1996", ["s"])]),
        ("standoff", [("1996-12", "December 1996", ["y"]), ("1997", "1997 (month not known)", ["z"]),
                      ("1997-01", "January 1997", ["x"])]),
        # spread over more than two years: grouped by year
        ("aftermath", [("1997", "1997", ["after"]), ("2012", "2012", ["late"])]),
    ]


def paged(events, per_page, collapse_after=200):
    """(address, [(phase, [(period key, [event ids])])], folded) of each page."""
    return [(page.save_as, [(g.phase, [(p.key, [e.id for e in p.events]) for p in g.periods]) for g in page.groups],
             page.collapsed) for page in paginate(group(events, LABELS), "timeline.html", per_page, collapse_after)]


MONTHS = [event("s1", "1996-12-17", phase="seizure"), event("s2", "1996-12-17", phase="seizure"),
          event("d1", "1996-12-20"), event("j1", "1997-01-03"), event("j2", "1997-01-09"), event("j3", "1997-01-30"),
          event("f1", "1997-02-02"), event("a1", "1997-04-23", phase="aftermath")]


def test_pages_take_whole_periods_until_the_next_would_pass_the_limit():
    assert paged(MONTHS, 4, collapse_after=3) == [
        ("timeline.html", [("seizure", [("1996-12", ["s1", "s2"])]), ("standoff", [("1996-12", ["d1"])])], False),
        ("timeline-2.html", [("standoff", [("1997-01", ["j1", "j2", "j3"]), ("1997-02", ["f1"])])], True),
        ("timeline-3.html", [("aftermath", [("1997-04", ["a1"])])], False),
    ]
    assert paged(MONTHS, 500) == [("timeline.html", paged(MONTHS, 500)[0][1], False)]  # one page, as before
    assert paged([], 500) == [("timeline.html", [], False)]


def test_a_period_longer_than_a_page_is_split_between_days_never_within_one():
    january = [event("m", "1997-01"), event("a", "1997-01-03"), event("b", "1997-01-03"), event("c", "1997-01-04"),
               event("d", "1997-01-05"), event("e", "1997-01-05"), event("f", "1997-01-05")]
    events = [event("x", "1996-12-20"), *january, event("y", "1997-02-01")]
    assert paged(events, 3) == [
        # the long month's first days fill the page its period starts on
        ("timeline.html", [("standoff", [("1996-12", ["x"]), ("1997-01-part-1", ["m"])])], False),
        ("timeline-2.html", [("standoff", [("1997-01-part-2", ["a", "b", "c"])])], False),
        ("timeline-3.html", [("standoff", [("1997-01-part-3", ["d", "e", "f"])])], False),
        ("timeline-4.html", [("standoff", [("1997-02", ["y"])])], False),
    ]
    labels = [p.label for page in paginate(group(events, LABELS), "t.html", 3, 200) for g in page.groups for p in g.periods]
    assert labels == ["December 1996", "January 1997 (part 1 of 3)", "January 1997 (part 2 of 3)",
                      "January 1997 (part 3 of 3)", "February 1997"]
    # 5 January's three events stay together on a page of their own, over the limit of two
    assert paged(events, 2)[3] == ("timeline-4.html", [("standoff", [("1997-01-part-4", ["d", "e", "f"])])], False)


@pytest.mark.parametrize("dates, text", [
    ([("1996-12-17", None), ("1997-01-02", None)], "17 Dec 1996 – 2 Jan 1997"),
    ([("1997-01-03", None), ("1997-01-20", None)], "3 Jan – 20 Jan 1997"),
    ([("1997-01-03", "1997-02-01"), ("1997-01-20", None)], "3 Jan – 1 Feb 1997"),
    ([("1997-04-22", None), ("2001", None)], "22 Apr 1997 – 2001"),
    ([("1997-01", None), ("1997-01-20", None)], "Jan 1997"),  # the month holds the day
    ([("2001", None)], "2001"),
])
def test_a_page_is_named_by_the_dates_it_covers(dates, text):
    assert span([event(f"e{n}", date, end=end) for n, (date, end) in enumerate(dates)]) == text



def tagged(ident, date, tags=()):
    found = event(ident, date)
    found.tags = list(tags)
    return found


def test_a_selection_gives_its_events_in_date_order_whether_by_tag_or_by_date():
    events = [tagged("b", "1997-01-03", ["talks"]), tagged("a", "1996-12-20", ["talks", "red-cross"]),
              tagged("c", "1997-01-09")]
    groups = group(events, LABELS)
    timeline = Timeline(Siege(dt.datetime(1996, 12, 17, 20, 30), dt.date(1997, 4, 22)), ZoneInfo("America/Lima"),
                        groups, paginate(groups, "timeline.html", 500, 200))
    phases, tags = ["standoff"], {"talks", "red-cross"}
    assert [e.id for e in timeline.select(parse_selection({"tag": "talks,red-cross"}, phases, tags))] == ["a", "b"]
    assert [e.id for e in timeline.select(parse_selection({"from": "1997-01"}, phases, tags))] == ["b", "c"]
    assert [e.id for e in timeline.select(parse_selection({"tag": "talks", "to": "1996-12"}, phases, tags))] == ["a"]
