"""Notes as a reader uses them: links land on the note, backlinks return, sidenotes at 1200px and wider,
previews where a note is not beside its number."""
import pytest
from playwright.sync_api import expect

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
    watched.set_viewport_size({"width": 1100, "height": 800})  # wide, but no room for sidenotes
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


BOXES = """() => [...document.querySelectorAll(".footnote[aria-labelledby='notes'] > ol > li")].map(li => {
  const ref = document.querySelector(`a.footnote-ref[href='#${li.id}']`).getBoundingClientRect();
  const note = li.getBoundingClientRect();
  const text = document.querySelector(".essay__body").getBoundingClientRect();
  return {id: li.id, noteTop: note.top + scrollY, noteBottom: note.bottom + scrollY, noteLeft: note.left,
          noteRight: note.right, refTop: ref.top + scrollY, textRight: text.right, textBottom: text.bottom + scrollY};
})"""


def test_notes_sit_beside_their_references_at_1280px(watched, site):
    watched.set_viewport_size({"width": 1280, "height": 800})
    watched.goto(f"{site}/essays/arrival.html")
    boxes = watched.evaluate(BOXES)
    assert len(boxes) == 4
    before = None
    for box in boxes:
        assert box["noteLeft"] > box["textRight"], box  # in the margin, right of the text column
        assert box["noteRight"] <= 1280
        assert box["noteTop"] >= box["refTop"] - 4, box  # level with its reference's line, or pushed below it
        if before is None or before["noteBottom"] <= box["refTop"]:
            assert abs(box["noteTop"] - box["refTop"]) <= 4, box  # not pushed: level with the reference
        if before is not None:
            assert box["noteTop"] >= before["noteBottom"], (before, box)  # no overlap
        assert box["noteBottom"] <= box["textBottom"] + 1  # the column grows to hold its notes
        before = box
    for box in boxes:  # scrolled to its reference, a note is on the screen
        watched.evaluate(f"window.scrollTo(0, {box['refTop']} - 200)")
        note = watched.locator(f"[id='{box['id']}']")
        assert note.is_visible()
        top = watched.evaluate(f"document.getElementById('{box['id']}').getBoundingClientRect().top")
        assert 0 <= top < 800
    assert watched.record["errors"] == []


def test_at_390px_and_without_room_the_notes_are_a_list_at_the_end(watched, site):
    watched.set_viewport_size({"width": 390, "height": 800})
    watched.goto(f"{site}/essays/arrival.html")
    boxes = watched.evaluate(BOXES)
    assert all(box["noteTop"] > max(b["refTop"] for b in boxes) for box in boxes)
    assert all(box["noteLeft"] < box["textRight"] for box in boxes)
    assert watched.locator("#notes").is_visible()
    # Recomputed on resize. (Locators, not wait_for_function: the pages' CSP forbids eval.)
    watched.set_viewport_size({"width": 1280, "height": 800})
    expect(watched.locator(".footnote.sidenotes")).to_have_count(1)
    watched.set_viewport_size({"width": 390, "height": 800})
    expect(watched.locator(".footnote.sidenotes")).to_have_count(0)


def test_keyboard_enter_on_a_note_reference_moves_focus_into_the_note_and_back(watched, site):
    watched.set_viewport_size({"width": 1280, "height": 800})
    watched.goto(f"{site}/essays/arrival.html")
    for _ in range(20):
        watched.keyboard.press("Tab")
        if watched.evaluate("document.activeElement.getAttribute('role')") == "doc-noteref":
            break
    assert watched.evaluate("document.activeElement.getAttribute('aria-label')") == "Note 1"
    watched.keyboard.press("Enter")
    expect(watched.locator("#fn-exhibit-cite-1")).to_be_focused()  # once the link has scrolled there
    watched.keyboard.press("Tab")  # into the note: its source link
    assert watched.evaluate("document.activeElement.closest('li').id") == "fn-exhibit-cite-1"
    watched.locator("#fn-exhibit-cite-1 a.footnote-backref").focus()
    watched.keyboard.press("Enter")
    expect(watched.locator("a.footnote-ref[href='#fn-exhibit-cite-1']")).to_be_focused()
    assert watched.record["errors"] == []


def test_source_page_cited_in_links_reach_the_paragraph(watched, site):
    watched.goto(f"{site}/sources/daily-1996-12-18.html")
    watched.click("section.cited-in a >> nth=1")
    watched.wait_for_url("**/essays/arrival.html#p-2")
    assert watched.evaluate("document.querySelector(':target').tagName") == "P"
    assert "about thirty" in watched.locator(":target").text_content()
