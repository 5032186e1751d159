"""The timeline as a reader meets it in Chromium: readable without JavaScript, filters with it."""
from __future__ import annotations

from contextlib import ExitStack

import pytest

from ops.build import build
from tests.support import ROOT, copy_mini, serve_folder
from tests.timeline.timeline_data import overlay

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The mini exhibit with the timeline overlay, built twice: as is, and with months folded."""
    base = tmp_path_factory.mktemp("timeline")
    overlay(copy_mini(base).content)
    (base / "content/essays/04-in-full.md").write_text(
        "Title: In full\nOrder: 4\nDate: 2026-01-12\nSummary: A slice shown whole.\n\n"
        "The raid, as the timeline records it.\n\n{% timeline phase=rescue display=full %}\n", encoding="utf-8")
    with ExitStack() as servers:
        urls = {}
        for name, overrides in (("open", {}), ("folded", {"TIMELINE_COLLAPSE_AFTER": 3})):
            build(ROOT / "pelicanconf.py", base / name,
                  {"PATH": str(base / "content"), "CACHE_PATH": str(base / "cache"), **overrides})
            urls[name] = servers.enter_context(serve_folder(base / name))
        yield urls


@pytest.fixture
def site(sites):
    return sites["open"]


def visible_events(page):
    return page.eval_on_selector_all(".timeline-phase .timeline-event",
                                     "items => items.filter(i => i.checkVisibility()).map(i => i.id)")


@pytest.mark.parametrize("path", ["timeline.html", "essays/the-first-night.html"])
def test_pages_load_cleanly_from_this_host_only(watched, site, path):
    watched.goto(f"{site}/{path}")
    watched.wait_for_load_state("networkidle")
    assert watched.record["errors"] == [] and watched.record["failed"] == []
    assert watched.record["hosts"] == {site.split("/")[2]}
    rule = watched.eval_on_selector(".timeline-events", "e => getComputedStyle(e).borderLeftStyle")
    assert rule == "solid"  # timeline.css applied


def test_without_javascript_every_event_is_listed_and_no_filter_shows(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/timeline.html")
    assert len(visible_events(page)) == 8
    assert not page.is_visible(".timeline-filter")
    context.close()


def test_filters_hide_phases_and_tags_and_say_how_many_are_shown(watched, site):
    watched.goto(f"{site}/timeline.html")
    status = watched.locator(".timeline-filter__status")
    watched.uncheck("input[name=phase][value=negotiation]")
    assert "event-talks-begin" not in visible_events(watched)
    assert status.text_content() == "Showing 6 of 8 events."
    assert not watched.is_visible("#phase-negotiation")  # an emptied section goes too
    watched.select_option("#timeline-tag", "releases")
    assert visible_events(watched) == ["event-first-night", "event-late-release"]
    watched.click("text=Show all events")
    watched.wait_for_function("() => document.querySelectorAll('.timeline-phase .timeline-event[hidden]').length === 0")
    assert status.text_content() == "Showing all 8 events."


def test_the_filters_work_from_the_keyboard(watched, site):
    watched.goto(f"{site}/timeline.html")
    watched.focus("input[name=phase][value=seizure]")
    watched.keyboard.press("Space")
    assert "event-hall-taken" not in visible_events(watched)
    watched.keyboard.press("Tab")
    assert watched.evaluate("document.activeElement.value") == "standoff"
    outline = watched.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible


def test_a_link_to_a_filtered_out_event_shows_everything_again(watched, site):
    watched.goto(f"{site}/timeline.html")
    watched.uncheck("input[name=phase][value=rescue]")
    watched.evaluate("location.hash = '#event-raid'")
    watched.wait_for_function("() => document.getElementById('event-raid').checkVisibility()")


def test_readable_on_a_phone(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in ("timeline.html", "essays/the-first-night.html"):
        page.goto(f"{site}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    page.close()


def test_an_essay_slice_links_a_repeated_event_to_where_it_is_shown(watched, site):
    watched.goto(f"{site}/essays/the-first-night.html")
    watched.click("text=17–18 December 1996: Guests leave through the first night")
    assert watched.evaluate("location.hash") == "#event-first-night"
    assert watched.evaluate("document.getElementById('event-first-night').getBoundingClientRect().top") < 200


@pytest.mark.parametrize("javascript", [True, False])
def test_a_link_into_a_folded_month_opens_it(browser, sites, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{sites['folded']}/timeline.html")
    assert visible_events(page) == []  # every month folded
    page.goto(f"{sites['folded']}/timeline.html#event-talks-pause")
    page.wait_for_function("() => document.getElementById('event-talks-pause').checkVisibility()")
    context.close()


def test_an_embed_is_compact_one_row_per_event_with_details_closed(page, site):
    page.goto(f"{site}/essays/the-first-night.html")
    rows = page.locator("#timeline-8 .timeline-event--compact")
    assert rows.count() == 4 and page.locator("#timeline-8 > .timeline-events > li").count() == 4
    assert page.eval_on_selector_all("#timeline-8 details", "ds => ds.every(d => !d.open)")
    taken = page.locator("#event-hall-taken")
    assert "Day 1" in taken.locator(".timeline-event__row").inner_text()
    assert taken.locator("a.timeline-event__title").get_attribute("href") == "../timeline.html#event-hall-taken"
    summary = taken.locator(".timeline-event__summary")
    assert not summary.is_visible()
    taken.locator("summary").click()
    assert summary.is_visible() and "An invented unit takes the hall" in summary.inner_text()


def test_display_full_shows_every_event_whole(page, site):
    page.goto(f"{site}/essays/in-full.html")
    raid = page.locator("#event-raid")
    assert raid.locator(".timeline-event__summary").is_visible() and page.locator(".timeline-embed details").count() == 0


def test_the_date_order_view_never_goes_back_a_day(page, site):
    page.goto(f"{site}/timeline-by-date.html")
    days = [int(text.split()[1].split("–")[0]) for text in page.eval_on_selector_all(
        ".timeline-event .timeline-event__day", "es => es.map(e => e.textContent)")]
    assert len(days) >= 5 and days == sorted(days)
    page.click("text=By phase")
    assert page.url.endswith("/timeline.html")


def test_clicking_a_tag_filters_the_timeline_to_it(watched, site):
    watched.goto(f"{site}/timeline.html")
    watched.locator("#event-first-night a.timeline-event__tag[data-tag=releases]").click()
    assert visible_events(watched) == ["event-first-night", "event-late-release"]
    assert watched.locator(".timeline-filter__status").text_content() == "Showing 2 of 8 events."
    watched.click("text=Show all events")
    watched.wait_for_function("() => document.querySelectorAll('.timeline-phase .timeline-event[hidden]').length === 0")


def test_without_javascript_a_tag_leads_to_its_list(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/timeline.html")
    page.locator("#event-first-night a.timeline-event__tag[data-tag=releases]").click()
    assert page.evaluate("location.hash") == "#tag-releases"
    assert page.locator("#tag-releases li").count() == 2
    context.close()
