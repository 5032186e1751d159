"""The arguments of `{% timeline … %}`: which events a slice holds, and every mistake explained."""
from pathlib import Path

import pytest

from exhibit.dates import PartialDate
from exhibit.embeds import EmbedError
from exhibit.model import PHASES, Event
from timeline.arguments import parse_display, parse_selection

TAGS = {"releases", "talks"}


def event(date, phase="standoff", tags=()):
    return Event(path=Path("events.yaml"), line=1, id="e", date=PartialDate.parse(date), title="t",
                 summary="", phase=phase, sources=["s"], tags=list(tags))


def test_a_range_holds_events_whose_whole_date_falls_within_it():
    selection = parse_selection({"from": "1997-02-10", "to": "1997-03"}, PHASES, TAGS)
    assert selection.includes(event("1997-02-10")) and selection.includes(event("1997-03"))
    assert not selection.includes(event("1997-02"))  # February is not all inside the range
    assert not selection.includes(event("1997-04-01"))


def test_phases_and_tags_match_any_of_their_values():
    selection = parse_selection({"phase": "seizure,rescue", "tag": "talks"}, PHASES, TAGS)
    assert selection.includes(event("1997-01-01", "rescue", ["talks", "x"]))
    assert not selection.includes(event("1997-01-01", "rescue", ["releases"]))
    assert not selection.includes(event("1997-01-01", "standoff", ["talks"]))
    assert selection.describe({"seizure": "Seizure", "rescue": "Rescue"}) == "Seizure or Rescue, tagged talks"


@pytest.mark.parametrize("args, message, hint", [
    ({"form": "1996-12-17"}, "unknown argument 'form' (known: from, to, phase, tag, title, display)", "did you mean 'from'?"),
    ({"title": "Only a title"}, "say which events to show", "for example"),
    ({"from": "17/12/1996"}, "from=17/12/1996: expected an ISO date", "write 17 December 1996 as 1996-12-17"),
    ({"to": "1997-02-30"}, "to=1997-02-30: '1997-02-30' is not a date", None),
    ({"from": "1997-03", "to": "1997-02"}, "from=1997-03 is after to=1997-02", "swap the two dates"),
    ({"phase": "negotiations"}, "phase=negotiations: no phase 'negotiations'", "did you mean 'negotiation'?"),
    ({"tag": "zzz"}, "tag=zzz: no tag 'zzz'", "known tags: releases, talks"),
])
def test_mistakes_are_explained(args, message, hint):
    with pytest.raises(EmbedError) as info:
        parse_selection(args, PHASES, TAGS)
    assert str(info.value).startswith(message)
    if hint:
        assert info.value.hint.startswith(hint)


@pytest.mark.parametrize("args, expected", [({}, "compact"), ({"display": "full"}, "full"),
                                            ({"display": "compact"}, "compact")])
def test_an_embed_is_compact_unless_it_asks_for_full(args, expected):
    assert parse_display(args) == expected


@pytest.mark.parametrize("value, hint", [("ful", "did you mean 'full'?"),
                                         ("wide", "compact (the default) lists each event on one row")])
def test_an_unknown_display_names_the_values_it_may_take(value, hint):
    with pytest.raises(EmbedError) as info:
        parse_display({"display": value})
    assert str(info.value) == f"display={value}: expected one of compact, full"
    assert info.value.hint.startswith(hint)
