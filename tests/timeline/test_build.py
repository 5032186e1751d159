"""Whole builds with the timeline: the page, embeds in essays, links to the data, and every mistake located."""
import json
import re

import pytest

from exhibit.errors import ExhibitBuildError
from tests.timeline.page_html import assert_ids_unique_and_fragments_resolve
from tests.timeline.timeline_data import events_yaml


@pytest.fixture
def built(exhibit):
    exhibit.build()
    return exhibit


def event_html(page, ident):
    return re.search(rf'<li class="timeline-event[^"]*" id="event-{ident}".*?</dl>', page, re.S).group(0)


def test_the_page_lists_events_by_phase_then_month_as_ordered_lists(built):
    page = built.html("timeline.html")
    phases = re.findall(r'<section class="timeline-phase" id="phase-([a-z]+)"', page)
    assert phases == ["seizure", "standoff", "negotiation", "rescue", "aftermath"]
    periods = re.findall(r'<h3 id="([a-z]+-[0-9-]+)-title">([^<]+)</h3>', page)
    assert periods == [("seizure-1996-12", "December 1996"), ("standoff-1996-12", "December 1996"),
                       ("negotiation-1997-01", "January 1997"), ("rescue-1997-04", "April 1997"),
                       ("aftermath-2001", "2001 (month not known)")]
    order = re.findall(r'<li class="timeline-event[^"]*" id="event-([a-z-]+)"', page)
    assert order == ["guests-arrive", "hall-taken", "first-night", "late-release", "talks-begin", "talks-pause",
                     "raid", "inquiry-opens"]
    assert page.count('<ol class="timeline-events">') == 5
    assert '<a href="./timeline.html" aria-current="true">Timeline</a>' in page  # in the menu
    assert_ids_unique_and_fragments_resolve(page)


def test_each_event_shows_its_dates_day_sources_places_and_notes(built):
    page = built.html("timeline.html")
    taken = event_html(page, "hall-taken")
    assert '<time datetime="1996-12-17T20:40-05:00">17 December 1996, 20:40</time>' in taken
    assert '<span class="timeline-event__day">Day 1</span>' in taken
    assert '<a href="./sources/daily-1996-12-18.html">Guests held after reception</a>' in taken
    assert '<a href="./map.html#place-hall">The reception hall</a>' in taken
    assert '<div aria-labelledby="event-hall-taken-notes" class="footnote" role="doc-endnotes">' in taken
    assert '<p id="event-hall-taken-notes">Notes</p>' in taken  # no page-level heading inside an event
    assert 'href="#event-hall-taken-fn-exhibit-cite-2"' in taken
    assert 'class="cite-source" href="./sources/almanac-entry.html"' in taken
    guests = event_html(page, "guests-arrive")
    assert "timeline-event__day" not in guests  # 19:00, before the seizure
    assert '<time datetime="1996-12-17">17</time>–<time datetime="1996-12-18">18 December 1996</time>' in (
        event_html(page, "first-night"))
    assert '<span class="timeline-event__day">Day 2</span>' in event_html(page, "late-release")
    assert '<span class="timeline-event__day">Day 126</span>' in event_html(page, "raid")
    talks = event_html(page, "talks-begin")
    assert '<time datetime="1997-01">January 1997</time>' in talks and "Days 15–45" in talks
    assert '<a href="./sources/gazeta-1997-01.html" lang="es">' in talks
    inquiry = event_html(page, "inquiry-opens")
    assert '<time datetime="2001">2001</time>' in inquiry and "timeline-event__day" not in inquiry


def test_an_essay_embeds_slices_with_unique_ids_and_the_timeline_links_back(built):
    essay = built.html("essays/the-first-night.html")
    first, second = re.findall(r'<figure class="timeline-embed[^"]*" id="(timeline-\d+)"', essay)
    assert (first, second) == ("timeline-8", "timeline-12")  # named by their lines
    assert '<figcaption id="timeline-8-caption" class="timeline-embed__caption">The first night</figcaption>' in essay
    slice_one = essay.split('id="timeline-8"')[1].split("</figure>")[0]
    assert re.findall(r'<li class="timeline-event[^"]*" id="event-([a-z-]+)"', slice_one) == ["guests-arrive", "hall-taken", "first-night",
                                                             "late-release"]
    assert '<a class="timeline-event__title" href="../timeline.html#event-hall-taken">The hall is taken</a>' in slice_one
    assert 'href="../sources/daily-1996-12-18.html"' in slice_one and 'href="../map.html#place-hall"' in slice_one
    slice_two = essay.split('id="timeline-12"')[1].split("</figure>")[0]
    # Shown above: listed by title only, linking to where it is shown in full.
    assert '<a href="#event-first-night">17–18 December 1996: Guests leave through the first night</a>' in slice_two
    assert re.findall(r'<li class="timeline-event[^"]*" id="event-([a-z-]+)"', slice_two) == ["talks-begin", "talks-pause"]
    # Folded details: the notes name the sources they cite; only a source they leave out is listed.
    talks = slice_two.split('id="event-talks-begin"')[1].split("</li>\n<li")[0]
    assert "<dt>Sources</dt>" not in talks and "<dt>Also reported by</dt>" in talks
    assert talks.count('<a href="../sources/almanac-entry.html">') == 1
    assert '<a href="../sources/gazeta-1997-01.html"' not in talks.split("Also reported by")[1]
    assert "<p><figure" not in essay and not re.search(r'<p id="p-\d+"><figure', essay)
    assert 'id="fn-exhibit-cite-1"' in essay  # the essay's own note, beside the events' notes
    assert_ids_unique_and_fragments_resolve(essay)
    page = built.html("timeline.html")
    assert '<dt>Discussed in</dt>\n    <dd><ul><li><a href="./essays/the-first-night.html#timeline-8">The first night' in (
        event_html(page, "hall-taken"))
    assert "Discussed in" not in event_html(page, "raid")


def test_source_pages_list_the_events_that_cite_them(built):
    page = built.html("sources/almanac-entry.html")
    assert '<a href="../timeline.html#event-raid">Timeline: The raid (22 April 1997, 15:23)</a>' in page
    assert '<a href="../timeline.html#event-inquiry-opens">Timeline: An inquiry opens (2001)</a>' in page


def test_the_page_links_the_events_as_data_downloads(built):
    """The files themselves are the data downloads, tested in tests/data."""
    page = built.html("timeline.html")
    for href in ("data/events.csv", "data/events.json", "data/events.timelinejs.json"):
        assert f'<a href="./{href}" download>' in page and (built.output / href).is_file()
    assert '<a href="./data.html#events">Data page</a>' in page
    assert not (built.output / "timeline").exists()


def test_titles_and_summaries_are_escaped(exhibit):
    events = exhibit.content / "data/events.yaml"
    events.write_text(events.read_text().replace("title: The raid", 'title: "<script>alert(1)</script> & co"'))
    exhibit.build()
    page = exhibit.html("timeline.html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_a_long_timeline_folds_its_months_and_keeps_one_address_per_event(exhibit):
    exhibit.build(TIMELINE_COLLAPSE_AFTER=3)
    page = exhibit.html("timeline.html")
    assert sorted(p.name for p in exhibit.output.glob("timeline*.html") if "by-date" not in p.name) == ["timeline.html"]
    assert page.count('<details class="timeline-period"') == 5 and "<details open" not in page
    assert ('<details class="timeline-period" id="negotiation-1997-01">\n      <summary><h3 id="negotiation-1997-01-title">'
            'January 1997</h3> <span class="timeline-period__count">2 events</span></summary>') in page
    assert 'href="../timeline.html#event-raid"' in exhibit.html("sources/almanac-entry.html")
    assert_ids_unique_and_fragments_resolve(page)


def build_errors(exhibit):
    with pytest.raises(ExhibitBuildError) as info:
        exhibit.build()
    return info.value.log.report()


EVENT = """
- id: {id}
  date: {date}
  title: A mistaken event
  summary: {summary}
  sources: [{sources}]
  phase: standoff
"""


def add_event(exhibit, **fields):
    values = {"id": "mistake", "date": "1997-01-05", "summary": "Something [@almanac-entry].",
              "sources": "almanac-entry", **fields}
    with open(exhibit.content / "data/events.yaml", "a", encoding="utf-8") as file:
        file.write(EVENT.format(**values))


@pytest.mark.parametrize("fields, extra, expected", [
    ({"date": "1997-02-30"}, "", "events.yaml:78: error: date: '1997-02-30' is not a date"),
    ({"date": "5 January 1997"}, "", "events.yaml:78: error: date: expected an ISO date"),
    ({}, "  end: 1997-01-01\n", "events.yaml:83: error: end 1997-01-01 is before date 1997-01-05"),
    ({"sources": "almanac-entri"}, "", "events.yaml:81: error: unknown source 'almanac-entri'\n"
                                       "    hint: did you mean 'almanac-entry'?"),
    ({}, "  places: [halls]\n", "events.yaml:83: error: unknown place 'halls'"),
    ({"id": "raid"}, "", "events.yaml:77: error: event id 'raid' is already used on line 59"),
    ({"summary": "Cites [@gazeta-1997-01]."}, "",
     "events.yaml:80: error: event 'mistake': the summary cites 'gazeta-1997-01', which is not in its sources\n"
     "    hint: add it: sources: [almanac-entry, gazeta-1997-01]"),
    ({"summary": "Cites [@no-such-source]."}, "", "events.yaml:80: error: unknown source key 'no-such-source'"),
])
def test_event_mistakes_stop_the_build_with_file_and_line(exhibit, fields, extra, expected):
    add_event(exhibit, **fields)
    if extra:
        with open(exhibit.content / "data/events.yaml", "a", encoding="utf-8") as file:
            file.write(extra)
    assert expected in build_errors(exhibit)


def test_a_missing_field_is_named(exhibit):
    with open(exhibit.content / "data/events.yaml", "a", encoding="utf-8") as file:
        file.write("\n- id: untitled\n  date: 1997-01-05\n  summary: x [@almanac-entry].\n"
                   "  sources: [almanac-entry]\n  phase: standoff\n")
    assert "events.yaml:77: error: event is missing the required field 'title'" in build_errors(exhibit)


@pytest.mark.parametrize("directive, expected", [
    ("{% timeline form=1996-12-17 %}", "unknown argument 'form'"),
    ("{% timeline from=1996-13-01 %}", "from=1996-13-01: '1996-13-01' has no month 13"),
    ("{% timeline phase=resuce %}", "did you mean 'rescue'?"),
    ("{% timeline from=1998-01-01 to=1999-12-31 %}", "no event matches (from 1 January 1998, to 31 December 1999)"),
    ("{% timeline title=Nothing %}", "say which events to show"),
])
def test_embed_mistakes_name_the_essay_line(exhibit, directive, expected):
    essay = exhibit.content / "essays/03-the-first-night.md"
    essay.write_text(essay.read_text() + f"\nMore.\n\n{directive}\n")
    report = build_errors(exhibit)
    assert "essays/03-the-first-night.md:16: error: " in report and expected in report


def test_an_embed_outside_an_essay_is_refused(exhibit):
    about = exhibit.content / "pages/about.md"
    about.write_text(about.read_text() + "\n{% timeline phase=rescue %}\n")
    assert "pages/about.md:6: error: {% timeline phase=rescue %}: a timeline can only be embedded in an essay" in (
        build_errors(exhibit))


def test_bad_siege_settings_are_reported(exhibit):
    with pytest.raises(ExhibitBuildError) as info:
        exhibit.build(TIMELINE_SIEGE_START="17 December 1996")
    assert "pelicanconf.py: error: TIMELINE_SIEGE_START: expected 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'" in (
        info.value.log.report())


def test_check_reports_summary_mistakes_without_writing(exhibit):
    add_event(exhibit, summary="Cites [@no-such-source].")
    log = exhibit.check()
    assert any("unknown source key 'no-such-source'" in e.message for e in log.errors)
    assert not exhibit.output.exists()


def test_a_rebuild_reuses_converted_summaries_but_still_checks_them(exhibit, tmp_path):
    cache = tmp_path / "cache"
    exhibit.build(CACHE_PATH=str(cache))
    stored = json.loads((cache / "record-texts.json").read_text())
    assert sum(html.startswith('<p id="event-') for html, _cited, _plain in stored.values()) == 8
    first = exhibit.html("timeline.html")
    exhibit.build(CACHE_PATH=str(cache))
    assert exhibit.html("timeline.html") == first
    events = exhibit.content / "data/events.yaml"
    events.write_text(events.read_text().replace("  sources: [gazeta-1997-01]\n", "  sources: [almanac-entry]\n"))
    with pytest.raises(ExhibitBuildError) as info:  # the cached summary still cites gazeta-1997-01
        exhibit.build(CACHE_PATH=str(cache))
    assert "the summary cites 'gazeta-1997-01', which is not in its sources" in info.value.log.report()


def test_summaries_converted_in_parallel_are_those_converted_one_by_one(exhibit, tmp_path):
    exhibit.build(CACHE_PATH=str(tmp_path / "serial"), EXHIBIT_PARALLEL_AFTER=10**6)
    serial = exhibit.html("timeline.html")
    exhibit.build(CACHE_PATH=str(tmp_path / "parallel"), EXHIBIT_PARALLEL_AFTER=0)
    assert exhibit.html("timeline.html") == serial
    assert (json.loads((tmp_path / "parallel/record-texts.json").read_text())
            == json.loads((tmp_path / "serial/record-texts.json").read_text()))


def test_mistakes_in_summaries_converted_in_parallel_are_reported(exhibit):
    add_event(exhibit, summary="Cites [@no-such-source].")
    with pytest.raises(ExhibitBuildError) as info:
        exhibit.build(EXHIBIT_PARALLEL_AFTER=0)
    assert "events.yaml:80: error: unknown source key 'no-such-source'" in info.value.log.report()


def test_hundreds_of_events_stay_one_readable_page_of_folded_months(exhibit):
    """Above TIMELINE_COLLAPSE_AFTER (200) events; 1,000 behave alike but take minutes to build here."""
    events = exhibit.content / "data/events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n" + events_yaml(400), encoding="utf-8")
    exhibit.build()
    page = exhibit.html("timeline.html")
    assert "<p class=\"lead\">408 events:" in page
    assert page.count('<li class="timeline-event') == 408 and "<details open" not in page
    months = re.findall(r'<details class="timeline-period" id="([a-z]+-[0-9-]+)">', page)
    assert len(months) == 12 and all(f'<a href="#{month}">' in page for month in months)
    assert page.count("<section") == 6  # one per phase, and the events by tag; months are folded, not sections
    assert_ids_unique_and_fragments_resolve(page)
