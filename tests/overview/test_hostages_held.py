"""content/data/hostages-held.yaml: read through the model, each mistake reported at its line with a fix."""

import datetime as dt

import pytest

from exhibit.loader import load_exhibit
from tests.support import ROOT

COUNTS = """\
- date: 1996-12-19
  count: 380
  approximate: true
  counted_by: The Daily
  sources: [daily-1996-12-18]

- date: 1997-01-05
  count: 74
  approximate: false
  counted_by: Gazeta
  sources: [gazeta-1997-01, almanac-entry]
"""


def load(mini, text):
    mini.write("data/hostages-held.yaml", text)
    exhibit = load_exhibit(mini.content)
    return exhibit, [(e.line, e.message, e.hint) for e in exhibit.log.errors]


def test_counts_load_in_date_order(mini):
    exhibit, errors = load(mini, COUNTS.split("\n\n")[1] + "\n" + COUNTS.split("\n\n")[0])
    assert errors == []
    assert [(c.date.first_day(), c.count, c.approximate, c.counted_by, c.sources) for c in exhibit.hostages_held] == [
        (dt.date(1996, 12, 19), 380, True, "The Daily", ["daily-1996-12-18"]),
        (dt.date(1997, 1, 5), 74, False, "Gazeta", ["gazeta-1997-01", "almanac-entry"])]


def test_no_file_means_no_counts(mini):
    assert load_exhibit(mini.content).hostages_held == []


@pytest.mark.parametrize("old, new, line, message, hint", [
    ("sources: [daily-1996-12-18]", "sources: [daily-1996-12-81]", 5, "unknown source 'daily-1996-12-81'",
     "did you mean 'daily-1996-12-18'?"),
    ("date: 1996-12-19", "date: 19 Dec 1996", 1, "date: expected an ISO date", None),
    ("date: 1996-12-19", "date: 1996-12", 1, "date: expected a full date YYYY-MM-DD", "1996-12-01"),
    ("count: 380", "count: about 380", 2, "count: expected a whole number of people, got 'about 380'",
     "approximate: true"),
    ("approximate: true", "approximate: yes", 3, "approximate: expected true or false", "true or false"),
    ("  counted_by: The Daily\n", "", 1, "count is missing the required field 'counted_by'", "counted_by: ..."),
])
def test_mistakes_name_the_line_and_the_fix(mini, old, new, line, message, hint):
    _exhibit, errors = load(mini, COUNTS.replace(old, new, 1))
    assert len(errors) == 1, errors
    found_line, found_message, found_hint = errors[0]
    assert (found_line, message in found_message) == (line, True), errors
    assert hint is None or hint in (found_hint or ""), errors


def test_the_exhibit_series_is_the_one_the_chart_draws():
    exhibit = load_exhibit(ROOT / "content")
    assert not exhibit.log.errors
    counts = exhibit.hostages_held
    assert len(counts) == 20
    assert [c.count for c in counts][:5] == [380, 375, 400, 340, 140]
    assert counts[-1].date.first_day() == dt.date(1997, 4, 22) and counts[-1].sources == ["ap-1997-04-22"]
