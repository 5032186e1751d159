"""What a reader sees in a real browser: pages load cleanly, and the keyboard works."""
import pytest

from ops.build import load_settings
from tests.support import ROOT

MENU = [label for label, _ in load_settings(ROOT / "pelicanconf.py")["MENU"]]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["index.html", "essays/arrival.html", "sources/index.html",
                                  "sources/gazeta-1997-01.html", "about.html", "404.html"])
def test_page_loads_with_no_errors_and_no_other_host(watched, site, path):
    watched.goto(f"{site}/{path}")
    watched.wait_for_load_state("networkidle")
    host = site.split("/")[2]
    assert watched.record["errors"] == []
    assert watched.record["failed"] == []
    assert watched.record["hosts"] == {host}
    # The stylesheet applied: the header is dark, not the browser's default.
    background = watched.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(29, 27, 25)"


def test_skip_link_is_first_and_moves_focus_to_main(watched, site):
    watched.goto(f"{site}/essays/arrival.html")
    watched.keyboard.press("Tab")
    focused = watched.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert watched.evaluate("document.activeElement.getBoundingClientRect().top >= 0")  # visible on focus
    watched.keyboard.press("Enter")
    assert watched.evaluate("document.activeElement.id") == "main"


def test_keyboard_reaches_navigation_and_the_next_essay(watched, site):
    watched.goto(f"{site}/essays/arrival.html")
    labels = []
    while "Next essay Talks across the wall" not in labels and len(labels) < 60:
        watched.keyboard.press("Tab")
        labels.append(watched.evaluate("document.activeElement.textContent.trim().replace(/\\s+/g, ' ')"))
    assert labels[:2 + len(MENU)] == [
        "Skip to main content",
        "126 Days in Lima The hostage crisis at the Japanese ambassador's residence, 1996–1997", *MENU]
    assert labels[2 + len(MENU):5 + len(MENU)] == ["", "Search", "1"]  # the header's search box, then note 1
    assert labels[-1] == "Next essay Talks across the wall"
    watched.keyboard.press("Enter")
    watched.wait_for_url("**/essays/talks.html")


def test_home_lists_essays_as_an_ordered_list_of_links(watched, site):
    watched.goto(f"{site}/index.html")
    cards = watched.locator("ol.essay-list > li h3 a")
    assert cards.all_text_contents() == ["The evening of the reception", "Talks across the wall"]
    cards.first.click()
    watched.wait_for_url("**/essays/arrival.html")


def test_spanish_and_japanese_names_carry_their_language(watched, site):
    watched.goto(f"{site}/essays/talks.html")
    assert watched.locator("span[lang=ja]").text_content() == "山田太郎"
    assert watched.evaluate("document.documentElement.lang") == "en"


def test_cite_box_copy_button_copies_the_reference_as_shown(watched, site):
    watched.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    watched.goto(f"{site}/sources/daily-1996-12-18.html")
    buttons = watched.locator(".cite-box button.cite-box__copy")
    assert buttons.count() == 3  # one per offered style
    mla = watched.locator(".cite-box dd").nth(1)
    assert buttons.nth(1).get_attribute("aria-label") == "Copy the MLA reference"
    buttons.nth(1).click()
    status = mla.locator("[aria-live=polite]")
    status.filter(has_text="Copied").wait_for()
    shown = " ".join(mla.locator(".cite-box__text").inner_text().split())
    assert shown.startswith("Doe, Jane.")
    assert watched.evaluate("navigator.clipboard.readText()") == shown
    assert watched.record["errors"] == []


def test_cite_box_without_javascript_has_no_button_and_selectable_text(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/sources/daily-1996-12-18.html")
    assert page.locator(".cite-box button").count() == 0
    assert page.locator(".cite-box__text").first.evaluate("e => getComputedStyle(e).userSelect") != "none"
    context.close()


def test_home_at_390_px_shows_the_strip_without_scrolling_the_page(watched, site):
    watched.set_viewport_size({"width": 390, "height": 844})
    watched.goto(f"{site}/index.html")
    assert watched.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll of the page
    strip = watched.locator("#overview svg[role=img]")
    assert strip.is_visible()
    box = strip.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    frame = watched.locator("#overview .overview__frame")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")  # the strip scrolls inside its own region
    frame.focus()  # which the keyboard reaches and scrolls
    watched.keyboard.press("ArrowRight")
    watched.wait_for_timeout(300)
    assert frame.evaluate("e => e.scrollLeft") > 0
    smallest = watched.evaluate("Math.min(...[...document.querySelectorAll('#overview svg text')].map("
                                "t => t.getBoundingClientRect().height))")
    assert smallest >= 12
