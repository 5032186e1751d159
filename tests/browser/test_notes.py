"""Notes as a reader uses them: links land on the note, backlinks return, previews on wide screens."""
import pytest

pytestmark = pytest.mark.browser


def test_note_link_and_backlink_land_on_the_right_element(watched, site):
    watched.set_viewport_size({"width": 480, "height": 800})  # no previews on narrow screens
    watched.goto(f"{site}/essays/arrival.html")
    watched.click("a[href='#fn-exhibit-cite-2']")
    assert watched.evaluate("location.hash") == "#fn-exhibit-cite-2"
    assert watched.evaluate("document.querySelector(':target').id") == "fn-exhibit-cite-2"
    assert watched.locator("#fn-exhibit-cite-2").is_visible()
    assert "Guests Held After Reception" in watched.locator("#fn-exhibit-cite-2").text_content()
    watched.click("#fn-exhibit-cite-2 a.footnote-backref")
    assert watched.evaluate("document.querySelector(':target').id") == "fnref-exhibit-cite-2"
    assert watched.locator("#fnref-exhibit-cite-2").is_visible()
    assert watched.record["errors"] == []


def test_note_links_are_keyboard_reachable_and_previewed_on_wide_screens(watched, site):
    watched.set_viewport_size({"width": 1280, "height": 800})
    watched.goto(f"{site}/essays/arrival.html")
    for _ in range(12):
        watched.keyboard.press("Tab")
        if watched.evaluate("document.activeElement.getAttribute('role')") == "doc-noteref":
            break
    assert watched.evaluate("document.activeElement.getAttribute('aria-label')") == "Note 1"
    preview = watched.locator("#note-preview")
    preview.wait_for(state="visible")
    assert preview.get_attribute("role") == "tooltip"
    assert "Jane Doe" in preview.text_content()
    assert watched.evaluate("document.activeElement.getAttribute('aria-describedby')") == "note-preview"
    watched.keyboard.press("Escape")
    assert watched.locator("#note-preview").count() == 0
    watched.keyboard.press("Enter")  # the link still works as a link
    assert watched.evaluate("location.hash") == "#fn-exhibit-cite-1"
    assert watched.record["errors"] == []


def test_source_page_cited_in_links_reach_the_paragraph(watched, site):
    watched.goto(f"{site}/sources/daily-1996-12-18.html")
    watched.click("section.cited-in a >> nth=1")
    watched.wait_for_url("**/essays/arrival.html#p-2")
    assert watched.evaluate("document.querySelector(':target').tagName") == "P"
    assert "about thirty" in watched.locator(":target").text_content()
