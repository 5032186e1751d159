"""A timeline of more events than TIMELINE_EVENTS_PER_PAGE: pages split between periods, each with its
navigation, and every link to an event leading to the page that shows it."""
import csv
import io
import json
import re

import pytest

from exhibit.errors import ExhibitBuildError
from tests.timeline.page_html import assert_ids_unique_and_fragments_resolve, ids_of, target

PAGES = ["timeline.html", "timeline-2.html", "timeline-3.html"]
EVENTS = ["guests-arrive", "hall-taken", "first-night", "late-release", "talks-begin", "talks-pause", "raid",
          "inquiry-opens"]
RANGES = ["17 Dec – 18 Dec 1996", "18 Dec 1996 – Jan 1997", "22 Apr 1997 – 2001"]


@pytest.fixture
def paged(exhibit):
    """Three events a page: seizure (3) | standoff (1) + negotiation (2) | rescue (1) + aftermath (1)."""
    exhibit.build(TIMELINE_EVENTS_PER_PAGE=3)
    return exhibit


def events_on(html):
    return re.findall(r'<li class="timeline-event[^"]*" id="event-([a-z-]+)"', html)


def periods_on(html):
    return re.findall(r'class="timeline-period" id="([a-z]+-[0-9-]+)"', html)


def test_pages_split_between_periods_and_show_every_event_once(paged):
    assert sorted(p.name for p in paged.output.glob("timeline*.html") if "by-date" not in p.name) == sorted(PAGES)
    pages = [paged.html(name) for name in PAGES]
    assert [periods_on(page) for page in pages] == [
        ["seizure-1996-12"], ["standoff-1996-12", "negotiation-1997-01"], ["rescue-1997-04", "aftermath-2001"]]
    assert [event for page in pages for event in events_on(page)] == EVENTS  # each once, in order
    for page in pages:
        assert_ids_unique_and_fragments_resolve(page)
        assert '<p class="lead">8 events:' in page  # the same header on every page
        assert "<details" not in page  # 3 events a page: nothing to fold


def test_each_page_has_navigation_by_dates_at_top_and_bottom(paged):
    for number, name in enumerate(PAGES):
        page = paged.html(name)
        navs = re.findall(r'<nav class="timeline-pager" aria-label="([^"]+)">(.*?)</nav>', page, re.S)
        assert [label for label, _ in navs] == ["Pages of the timeline", "Pages of the timeline, at the end"]
        for _, nav in navs:
            links = re.findall(r'<li><a href="\./(timeline[-0-9]*\.html)"( aria-current="page")?>([^<]+)</a></li>', nav)
            assert links == [(other, ' aria-current="page"' if other == name else "", text)
                             for other, text in zip(PAGES, RANGES)]
        assert ('<link rel="prev" href="./%s">' % PAGES[number - 1] in page) == (number > 0)
        assert ('<link rel="next" href="./%s">' % PAGES[(number + 1) % 3] in page) == (number < 2)
        steps = re.findall(r'<a class="timeline-pager__(previous|next)" href="\./([^"]+)">', page)
        assert steps == 2 * [(step, PAGES[number + move]) for step, move in (("previous", -1), ("next", 1))
                             if 0 <= number + move < 3]
        title = re.search(r"<title>(.*?)</title>", page).group(1)
        assert title == ("Timeline — 126 Days in Lima" if number == 0 else f"Timeline, {RANGES[number]} — 126 Days in Lima")
        assert f'"@type":"CollectionPage","@id":"./{name}"' in page  # the canonical address is the page's own


def test_contents_and_filters_list_only_the_page_s_own_periods_phases_and_tags(paged):
    page = paged.html("timeline-2.html")
    contents = page.split('id="timeline-contents-title">')[1].split("</nav>")[0]
    assert contents.startswith("Contents of this page</h2>")
    assert re.findall(r'<a href="#([a-z0-9-]+)">', contents) == [
        "phase-standoff", "standoff-1996-12", "phase-negotiation", "negotiation-1997-01", "timeline-tags"]
    assert re.findall(r'name="phase" value="([a-z]+)"', page) == ["standoff", "negotiation"]
    assert re.findall(r'<option value="([a-z-]+)">', page) == ["releases", "talks"]
    assert "Filters apply to the events on this page." in page


def shows(paged, file, anchor):
    return anchor in ids_of(paged.html(file)).ids


def test_every_link_to_an_event_leads_to_the_page_that_shows_it(paged):
    followed = set()
    for file in ["essays/the-first-night.html", "map.html",
                 *(f"sources/{name}.html" for name in ("daily-1996-12-18", "gazeta-1997-01", "almanac-entry"))]:
        for href in ids_of(paged.html(file)).hrefs:
            page, anchor = target(file, href)
            if anchor.startswith("event-"):
                assert shows(paged, page, anchor), f"{file}: {href}"
                followed.add(anchor.removeprefix("event-"))
    assert followed == set(EVENTS)  # embeds and "cited in" reach every event between them
    almanac = paged.html("sources/almanac-entry.html")
    assert '<a href="../timeline-3.html#event-raid">Timeline: The raid (22 April 1997, 15:23)</a>' in almanac
    essay = paged.html("essays/the-first-night.html")
    assert '<a class="timeline-event__title" href="../timeline-2.html#event-talks-begin">' in essay


def test_the_data_files_point_each_event_at_its_page(paged):
    rows = list(csv.DictReader(io.StringIO(paged.html("data/events.csv"))))
    as_json = json.loads(paged.html("data/events.json"))
    assert [row["page"] for row in rows] == [row["page"] for row in as_json]
    for row in rows:
        page, anchor = target("data/events.csv", row["page"])
        assert anchor == f"event-{row['id']}" and shows(paged, page, anchor)
    assert {target("data/events.csv", row["page"])[0] for row in rows} == set(PAGES)
    timelinejs = json.loads(paged.html("data/events.timelinejs.json"))
    assert 'href="../timeline.html"' in timelinejs["title"]["text"]["text"]


def test_folding_is_judged_page_by_page(exhibit):
    exhibit.build(TIMELINE_EVENTS_PER_PAGE=3, TIMELINE_COLLAPSE_AFTER=2)
    folded = [len(re.findall(r'<details class="timeline-period"', exhibit.html(name))) for name in PAGES]
    assert folded == [0, 2, 0]  # 3 events in one month, 3 in two months, 2 events
    assert "open a month to read its events" in exhibit.html("timeline-2.html")
    assert "open a month" not in exhibit.html("timeline.html") + exhibit.html("timeline-3.html")


def test_the_fixture_exhibit_stays_one_page_by_default(exhibit):
    exhibit.build()
    assert sorted(p.name for p in exhibit.output.glob("timeline*.html") if "by-date" not in p.name) == ["timeline.html"]
    page = exhibit.html("timeline.html")
    assert "timeline-pager" not in page and 'rel="next"' not in page and "on this page" not in page
    assert '<h2 id="timeline-contents-title">Contents</h2>' in page


@pytest.mark.parametrize("value", [0, "500", 2.5])
def test_a_bad_page_size_is_reported(exhibit, value):
    with pytest.raises(ExhibitBuildError) as info:
        exhibit.build(TIMELINE_EVENTS_PER_PAGE=value)
    assert f"TIMELINE_EVENTS_PER_PAGE: expected a whole number of at least 1, got {value!r}" in info.value.log.report()
