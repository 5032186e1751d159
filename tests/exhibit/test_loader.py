"""The model loader: what curators get for good content and for each kind of mistake."""

import pytest

from exhibit.loader import load_exhibit


def errors(mini):
    exhibit = load_exhibit(mini.content)
    return exhibit, [(e.path.split("content/")[-1], e.line, e.message, e.hint) for e in exhibit.log.errors]


def test_fixture_loads_into_one_model(mini):
    exhibit, found = errors(mini)
    assert found == []
    assert [e.slug for e in exhibit.essays] == ["arrival", "talks"]
    assert sorted(exhibit.sources) == ["almanac-entry", "daily-1996-12-18", "gazeta-1997-01"]
    assert exhibit.sources["gazeta-1997-01"].published.display == "January 1997"
    assert [e.id for e in exhibit.events] == ["guests-arrive", "talks-begin"]
    assert exhibit.places["hall"].lat == -12.1
    assert [e.id for e in exhibit.events_at("hall")] == ["guests-arrive"]


def replace(mini, relative, old, new):
    path = mini.content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("relative, old, new, line, message, hint", [
    ("sources/daily-1996-12-18.md", "Published: 1996-12-18", "Published: 18 Dec 1996", 5,
     "Published: expected an ISO date", "1996-12-17"),
    ("sources/daily-1996-12-18.md", "Published: 1996-12-18", "Published: 1996-02-30", 5,
     "is not a date: February 1996 has 29 days", None),
    ("sources/daily-1996-12-18.md", "Author: Doe, Jane", "Autor: Doe, Jane", 4,
     "unknown field 'Autor' in source record", "did you mean 'Author'?"),
    ("sources/daily-1996-12-18.md", "Kind: news report", "Kind: newsreport", 7,
     "'newsreport' is not one of", "did you mean 'news report'?"),
    ("sources/daily-1996-12-18.md", "Publisher: The Daily Fixture\n", "", 1,
     "missing the required field 'Publisher'", "add a line 'Publisher: ...'"),
    ("sources/gazeta-1997-01.md", "Consulted: through another source\n", "", 1,
     "missing the required field 'Consulted' (how much of it the curators read: in full, in part, or through "
     "another source)", "add a line 'Consulted: …': write 'in full' if you read all of it, 'in part' if"),
    ("sources/gazeta-1997-01.md", "Consulted: through another source", "Consulted: skimmed", 7,
     "Consulted: 'skimmed' is not one of: in full, in part, through another source",
     "'through another source' if you know it only from another source's account"),
    ("sources/gazeta-1997-01.md", "Consulted: through another source", "Consulted: In ful", 7,
     "Consulted: 'In ful' is not one of", "did you mean 'in full'?"),
    ("sources/gazeta-1997-01.md", "Key: gazeta-1997-01", "Key: almanac-entry", 1,
     "Key 'almanac-entry' is already defined in content/sources/almanac-entry.md:1", None),
    ("essays/02-talks.md", "Order: 2", "Order: 1", 2, "Order 1 is also used by", "its own Order"),
    ("essays/02-talks.md", "Order: 2", "Order: second", 2, "Order: expected a whole number", None),
    ("data/events.yaml", "sources: [daily-1996-12-18]", "sources: [daily-1996-12-81]", 6,
     "unknown source 'daily-1996-12-81'", "did you mean 'daily-1996-12-18'?"),
    ("data/events.yaml", "places: [hall]", "places: [hal]", 7, "unknown place 'hal'", "'hall'"),
    ("data/events.yaml", "id: talks-begin", "id: guests-arrive", 10,
     "event id 'guests-arrive' is already used on line 1", None),
    ("data/events.yaml", "date: 1997-01\n", "date: 1997-01\n  end: 1996-12\n", 12,
     "end 1996-12 is before date 1997-01", None),
    ("data/events.yaml", 'time: "19:00"', 'time: "7pm"', 3, "time: expected a 24-hour time", None),
    ("data/events.yaml", "phase: seizure", "phase: siege", 8, "'siege' is not one of", None),
    ("data/places.yaml", "lat: -12.1", "lat: -112.1", 4, "latitude -112.1 is outside -90..90", "swapped"),
    ("data/places.yaml", "lon: -77.03", "lon: west", 5, "longitude in decimal degrees", None),
    ("data/places.yaml", "events: [guests-arrive]", "events: [guest-arrive]", 9,
     "unknown event 'guest-arrive'", "'guests-arrive'"),
    ("data/places.yaml", "  precision: district\n", "", 1, "missing the required field 'precision'", None),
    ("data/places.yaml", "  name: The reception hall", "  name: The reception hall\n   bad: x", 3,
     "YAML syntax error", "indentation"),
    ("pages/about.md", "Slug: about", "Slug: about\nTemplte: wide", 3,
     "unknown field 'Templte' in page", "did you mean 'Template'?"),
])
def test_each_mistake_is_named_with_file_line_and_hint(mini, relative, old, new, line, message, hint):
    replace(mini, relative, old, new)
    _, found = errors(mini)
    matching = [f for f in found if message in f[2]]
    assert matching, f"expected an error containing {message!r}, got {found}"
    path, got_line, got_message, got_hint = matching[0]
    assert path == relative
    assert got_line == line
    assert message in got_message
    if hint:
        assert hint in got_hint


def test_source_file_name_must_match_its_key(mini):
    (mini.content / "sources/almanac-entry.md").rename(mini.content / "sources/almanac.md")
    _, found = errors(mini)
    assert found == [("sources/almanac.md", 1, "the file name 'almanac.md' does not match Key "
                      "'almanac-entry'", "rename the file to 'almanac-entry.md'")]


def test_invalid_utf8_in_a_source(mini):
    path = mini.content / "sources/gazeta-1997-01.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    _, found = errors(mini)
    assert found[0][:2] == ("sources/gazeta-1997-01.md", 9)
    assert "not valid UTF-8" in found[0][2]


def test_all_mistakes_are_reported_at_once(mini):
    replace(mini, "sources/daily-1996-12-18.md", "Language: en", "Language: English")
    replace(mini, "data/places.yaml", "lat: -12.1", "lat: 95")
    _, found = errors(mini)
    assert {f[0] for f in found} == {"sources/daily-1996-12-18.md", "data/places.yaml"}


def test_draft_sources_are_kept_out_and_cannot_be_cited(mini):
    replace(mini, "sources/almanac-entry.md", "Kind: encyclopedia entry", "Kind: encyclopedia entry\nStatus: draft")
    exhibit, found = errors(mini)
    assert "almanac-entry" not in exhibit.sources
    assert [d.key for d in exhibit.drafts] == ["almanac-entry"]
    assert any("still a draft" in (hint or "") for *_, hint in found)


def test_placeholders_are_warnings_not_errors(mini):
    replace(mini, "essays/02-talks.md", "Summary: The second", "Summary: TODO The second")
    exhibit, found = errors(mini)
    assert found == []
    (warning,) = exhibit.log.warnings
    assert warning.line == 4 and "placeholder" in warning.message
