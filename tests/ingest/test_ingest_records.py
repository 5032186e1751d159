"""Stories → draft record fields: what was found, what was supplied from elsewhere, what is missing."""
from pathlib import Path

import pytest

from exhibit.dates import FieldValueError, PartialDate
from ops.ingest.capture import Capture, read_capture
from ops.ingest.parse import parse_capture
from ops.ingest.records import Fallbacks, drafts_for, fingerprint
from tests.support import FIXTURES

CAPTURES = FIXTURES / "captures"
MENU = "WORLD NEWS\n\n- FRONT\n- NATION\n- WORLD\n- MARKETS\n- WEATHER\n- GAMES\n\n"


def drafts(name, fallbacks=Fallbacks()):
    capture = read_capture(CAPTURES / name)
    return drafts_for(capture, parse_capture(capture.text), fallbacks)


def drafts_of_text(text, fallbacks=Fallbacks()):
    capture = Capture(Path("inline.txt"), text, "UTF-8")
    return drafts_for(capture, parse_capture(text), fallbacks)


def test_a_story_page_gives_every_header_field_it_printed():
    first = drafts("wnn-story-pages.txt")[0]
    assert first.fields == {
        "Title": "Harbour pilots halt night crossings at Puerto Luz",
        "Subtitle": "Ferry company asks for patience as queues grow",
        "Publisher": "WNN", "Published": "1996-12-09", "Posted": "1996-12-09 21:40 EST",
        "Kind": "news report", "Language": "en", "Consulted": "in part", "Status": "draft"}
    assert first.found == ["Title", "Subtitle", "Published", "Posted", "Publisher", "Dateline",
                           "Contributors", "Related links", "Text"]
    assert first.missing == [] and first.supplied == [] and first.notes == [] and first.problem is None


def test_what_a_page_does_not_print_comes_from_the_capture_and_is_noted():
    index = drafts("wnn-story-pages.txt")[2]
    assert (index.fields["Publisher"], index.fields["Published"], index.fields["Kind"]) == (
        "WNN", "1997", "multimedia index")
    assert index.supplied == ["Publisher", "Published"]
    assert index.notes == [
        "Publisher not printed on the page: WNN taken from the datelines of the other pages in this capture",
        "Published not printed on the page: 1997 taken from the year of the page's copyright line"]


def test_a_copyright_holder_is_the_publisher_of_last_resort():
    (draft,) = drafts_of_text(MENU + "Lamps lit again\n\nMay 2, 1997\n\nThe lamps were lit.\n\n"
                              "© 1997 Wide News Network, Inc.\n")
    assert draft.fields["Publisher"] == "Wide News Network"
    assert draft.notes == ["Publisher not printed on the page: Wide News Network taken from "
                           "the page's copyright line"]


def test_a_story_without_a_date_is_refused_unless_the_curator_gives_one():
    (undated,) = drafts("wnn-undated.txt")
    assert undated.problem == ("no publication date found (no date line and no copyright year): "
                               "pass --published")
    assert "Published" in undated.missing
    assert undated.fields["Posted"] == "18:10 EST"  # no day to put before the time
    (given,) = drafts("wnn-undated.txt", Fallbacks(published=PartialDate.parse("1997-02")))
    assert given.problem is None and given.fields["Published"] == "1997-02"
    assert given.notes == ["Published not printed on the page: 1997-02 taken from --published"]


def test_an_encyclopedia_extract_needs_its_publisher_and_date_from_the_curator():
    (alone,) = drafts("almanac-extract.txt")
    assert "pass --publisher" in alone.problem and "pass --published" in alone.problem
    fallbacks = Fallbacks.parse("Fixture Encyclopedia", "2020", "en")
    (extract,) = drafts("almanac-extract.txt", fallbacks)
    assert extract.problem is None
    assert extract.fields == {"Title": "Puerto Luz lighthouse strike", "Publisher": "Fixture Encyclopedia",
                              "Published": "2020", "Kind": "encyclopedia entry", "Language": "en",
                              "Consulted": "in part", "Status": "draft"}
    assert extract.found == ["Title", "Text", "Reference markers"]


@pytest.mark.parametrize("published, language", [("9 May 1997", "en"), ("1997", "English")])
def test_bad_fallbacks_are_refused_with_a_hint(published, language):
    with pytest.raises(FieldValueError):
        Fallbacks.parse(None, published, language)


@pytest.mark.parametrize("date, posted, note", [
    ("December 9, 1996", "9:40 p.m. EST (0240 GMT)", None),
    ("April 15, 1997", "11:05 a.m. EDT (1505 GMT)", None),
    ("December 9, 1996", "9:40 p.m. EDT", "the page prints EDT but US Eastern time on 9 December 1996 was EST"),
    ("July 4, 1997", "1:00 p.m. EST", "the page prints EST but US Eastern time on 4 July 1997 was EDT"),
    ("December 9, 1996", "9:40 p.m. EST (0340 GMT)", "the page prints 9:40 p.m. EST (0340 GMT), but EST is -5"),
    ("December 9, 1996", "12:05 a.m. EST (0505 GMT)", None),
])
def test_posting_times_that_contradict_themselves_are_noted(date, posted, note):
    (draft,) = drafts_of_text(f"Lamps\n\n{date}\n\nWeb posted at: {posted}\n\n(WNN) -- Lit.\n")
    assert [n[:len(note or "")] for n in draft.notes] == ([note] if note else [])


def test_the_fingerprint_ignores_encoding_line_endings_and_furniture():
    (story,) = parse_capture(read_capture(CAPTURES / "wnn-windows-1252.txt").text)
    utf8 = (CAPTURES / "wnn-windows-1252.txt").read_bytes().decode("cp1252").replace("\r\n", "\n")
    (same,) = parse_capture(utf8.replace("[Send us your views](#)", "[Tell a friend](#)"))
    (changed,) = parse_capture(utf8.replace("by half", "by a third"))
    assert fingerprint(story) == fingerprint(same) != fingerprint(changed)
    assert fingerprint(story).startswith("ingest:") and len(fingerprint(story)) == len("ingest:") + 16
