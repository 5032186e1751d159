"""A folded timeline in Chromium: the filters say, month by month, how many events they leave."""
from __future__ import annotations

import pytest

from tests.support import serve_folder

pytestmark = pytest.mark.browser


@pytest.fixture
def folded(exhibit):
    """The timeline fixture with every month folded, as in an exhibit of hundreds of events."""
    exhibit.build(TIMELINE_COLLAPSE_AFTER=3)
    with serve_folder(exhibit.output) as url:
        yield f"{url}/timeline.html"


def counts(page):
    return [tuple(pair) for pair in page.eval_on_selector_all(
        "details.timeline-period", "ds => ds.filter(d => d.checkVisibility()).map(d => "
        "[d.id, d.querySelector('.timeline-period__count').textContent])")]


def test_folded_month_counts_follow_the_filters(page, folded):
    page.goto(folded)
    assert counts(page) == [("seizure-1996-12", "3 events"), ("standoff-1996-12", "1 event"),
                            ("negotiation-1997-01", "2 events"), ("rescue-1997-04", "1 event"),
                            ("aftermath-2001", "1 event")]
    page.select_option("#timeline-tag", "releases")
    assert counts(page) == [("seizure-1996-12", "1 of 3 events"), ("standoff-1996-12", "1 event")]
    page.click("text=Show all events")
    page.wait_for_function("() => document.querySelectorAll('details.timeline-period[hidden]').length === 0")
    assert counts(page)[0] == ("seizure-1996-12", "3 events")


def test_without_javascript_folded_months_open_to_every_event(browser, folded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(folded)
    for summary in page.locator("details.timeline-period > summary").all():
        summary.click()
    assert page.eval_on_selector_all(".timeline-event", "es => es.filter(e => e.checkVisibility()).length") == 8
    context.close()


def test_the_filters_work_on_a_later_page(page, exhibit):
    exhibit.build(TIMELINE_EVENTS_PER_PAGE=3)
    with serve_folder(exhibit.output) as url:
        page.goto(f"{url}/timeline-2.html")
        status = page.locator(".timeline-filter__status")
        page.select_option("#timeline-tag", "talks")
        page.wait_for_function("() => document.querySelector('#phase-standoff').hidden")
        shown = page.eval_on_selector_all(".timeline-event", "es => es.filter(e => e.checkVisibility()).map(e => e.id)")
        assert shown == ["event-talks-begin", "event-talks-pause"]
        assert status.text_content() == "Showing 2 of 3 events."
        page.uncheck("input[value=negotiation]")
        assert status.text_content() == "Showing 0 of 3 events."
        page.click("text=Show all events")
        page.wait_for_function("() => document.querySelectorAll('.timeline-event[hidden]').length === 0")
        assert status.text_content() == "Showing all 3 events."
