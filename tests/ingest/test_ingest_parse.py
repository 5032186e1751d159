"""Parsing captures: story pages split apart, furniture set aside, printed metadata read."""
import pytest

from ops.ingest.capture import CaptureError, read_capture
from ops.ingest.parse import parse_capture
from tests.support import FIXTURES

CAPTURES = FIXTURES / "captures"
MENU = "WORLD NEWS\n\nSTORY PAGE\n\n- FRONT\n- NATION\n- WORLD\n- MARKETS\n- WEATHER\n- GAMES\n\n"


def stories(name):
    return parse_capture(read_capture(CAPTURES / name).text)


def text_of(story):
    return "\n\n".join(block.text for block in story.blocks)


@pytest.fixture(scope="module")
def pages():
    return stories("wnn-story-pages.txt")


def test_several_pages_in_one_capture_become_one_story_each(pages):
    assert [(s.first_line, s.title) for s in pages] == [
        (1, "Harbour pilots halt night crossings at Puerto Luz"),
        (101, "New lamps end harbour dispute at Puerto Luz"),
        (186, "Related multimedia, stories, and sites for the Puerto Luz harbour dispute")]
    assert [s.kind for s in pages] == ["news report", "news report", "multimedia index"]


def test_the_printed_metadata_of_a_story_page(pages):
    first = pages[0]
    assert first.subtitle == "Ferry company asks for patience as queues grow"
    assert first.date.iso == "1996-12-09"
    assert (first.posted.printed, first.posted.time, first.posted.zone, first.posted.gmt) == (
        "9:40 p.m. EST (0240 GMT)", "21:40", "EST", "02:40")
    assert (first.dateline, first.credit) == ("PUERTO LUZ, Costa Verde", "WNN")
    assert first.contributors == ["Correspondent Marta Ibáñez and Costa Press contributed to this report."]
    assert first.copyright is None


def test_each_page_keeps_its_own_time_zone(pages):
    assert [(s.posted.time, s.posted.zone) for s in pages[:2]] == [("21:40", "EST"), ("11:05", "EDT")]
    assert pages[1].dateline is None and pages[1].credit == "WNN"  # '(WNN) --' names no city
    assert pages[1].copyright == (1997, "Wide News Network, Inc.")


def test_navigation_menus_prompts_and_footers_are_not_in_the_text(pages):
    for story in pages:
        text = text_of(story)
        for furniture in ("WORLD NEWS", "FRONT PAGE", "EXPLORE", "Send us your views", "Readers respond",
                          "RETURN TO TOP", "External sites", "new window", "Terms", "All Rights Reserved",
                          "Web posted", "contributed to this report", "Tip:", "Help", "Back to story page"):
            assert furniture not in text, (story.title, furniture)


def test_the_story_text_is_kept_whole_with_its_subheads(pages):
    blocks = [(b.kind, b.text[:30]) for b in pages[0].blocks]
    assert blocks == [
        ("paragraph", "PUERTO LUZ, Costa Verde (WNN) "),
        ("paragraph", "The pilots' association said i"),
        ("paragraph", "Harbour officials said the rep"),
        ("heading", "Queues at the terminal"),
        ("paragraph", "Families with cars waited in a"),
        ("paragraph", "\"We have never stopped the nig"),
        ("heading", "A dispute over lamps"),
        ("paragraph", "The port authority says the la"),
        ("paragraph", "Island shopkeepers said bread ")]
    # A paragraph the capture broke in two is mended; links keep their words.
    assert "could take until the end of the week" in text_of(pages[0])
    assert "said pilot Tomás Ferreyra, who" in text_of(pages[0])


def test_captions_and_media_files_are_set_aside_not_dropped(pages):
    assert pages[0].captions == ["Port captain Ana Quispe (WNN)",
                                 "A deckhand rinses the ferry ramp at dawn (Courtesy Costa Verde Port Authority)"]
    assert pages[0].media == ["12 sec. /190K AIFF or WAV sound"]
    assert "190K" not in text_of(pages[0])
    assert pages[1].captions == ["Workers lift a lamp housing onto the north mole Tuesday (WNN)"]


def test_related_links_keep_their_dates_as_printed(pages):
    related, sites = pages[0].link_lists
    assert related.label == "Related stories"
    assert [(l.title, l.note, l.date and l.date.iso) for l in related.links] == [
        ("Storm damages harbour lamps at Puerto Luz", "December 4, 1996", "1996-12-04"),
        ("Ferry fares to rise in January", "November 28, 1996", "1996-11-28"),
        ("Island school opens new wing", None, None),
        ("Fishing fleet returns early", "November 20,", None)]  # cut off in the capture
    assert sites.label == "Related sites"
    assert [(l.title, l.href) for l in sites.links] == [
        ("Costa Verde Port Authority", "http://port.example.org/"), ("National Lighthouse Service (SNF)", None)]


def test_a_pages_own_contents_list_is_not_a_related_list(pages):
    assert [lst.label for lst in pages[1].link_lists] == []  # 'Latest developments' lists its subheads
    assert [b.text for b in pages[1].blocks if b.kind == "heading"] == ["Pilots back at work",
                                                                        "Cost shared by two offices"]


def test_an_index_page_keeps_its_lists_and_table(pages):
    index = pages[2]
    assert [(lst.label, len(lst.links)) for lst in index.link_lists] == [
        ("WNN Extra", 2), ("Related stories", 4), ("Related sites", 2)]
    assert index.link_lists[0].links[0].note == "Message Board"
    assert index.link_lists[2].links[1].note == "crossings and fares"
    (table,) = index.blocks
    assert table.kind == "table"
    assert table.text.splitlines()[1] == "Night crossings | Ferries return to the harbour after dark"
    assert index.date is None and index.copyright == (1997, "Wide News Network, Inc.")


def test_a_page_missing_its_date(pages):
    (story,) = stories("wnn-undated.txt")
    assert story.title == "Island ferry timetable to change in spring"
    assert story.date is None and story.copyright is None
    assert (story.posted.time, story.posted.zone) == ("18:10", "EST")


def test_a_windows_1252_capture_reads_correctly():
    capture = read_capture(CAPTURES / "wnn-windows-1252.txt")
    assert capture.encoding == "Windows-1252"
    assert capture.note == "not valid UTF-8 (byte 0xe9 on line 16)"
    (story,) = parse_capture(capture.text)
    assert story.title == "Café owners on the quay count the cost of the night ban"
    assert story.dateline == "PUERTO LUZ, Costa Verde"  # an em dash after the credit
    assert "“The last boat used to bring us our best customers,” said Lucía Peña" in text_of(story)
    assert "\r" not in capture.text


def test_an_encyclopedia_extract_keeps_its_text_and_lists_its_markers():
    (story,) = stories("almanac-extract.txt")
    assert story.kind == "encyclopedia entry"
    assert story.title == "Puerto Luz lighthouse strike"
    assert story.lead_in == "Labour disputes Maritime history"
    assert story.blocks[0].text.startswith("The Puerto Luz lighthouse strike (Spanish:")
    assert [(m.text, m.line) for m in story.markers] == [
        ("[2]", 2), ("[citation needed]", 3), ("[5]", 4), ("[es]", 5), ("[9]", 6), ("[relevant?]", 6),
        ("[11]", 7), ("[12]", 7)]
    assert story.blocks[1].text.startswith("[2] The keepers asked")  # markers stay where they were
    assert len(story.blocks) == 7


def test_a_single_page_without_a_menu_is_one_story():
    (story,) = parse_capture("Rain closes the quay\n\nMarch 3, 1997\n\n"
                             "PUERTO LUZ, Costa Verde (WNN) -- The quay was shut for a day.\n\n"
                             "He said:\n\n\"Stay at home.\"\n")
    assert story.title == "Rain closes the quay" and story.date.iso == "1997-03-03"
    # A line ending in a colon that heads no link list is text, not a label.
    assert [b.text for b in story.blocks][1:] == ["He said:", "\"Stay at home.\""]


def test_a_page_of_nothing_but_furniture_is_not_a_story():
    text = MENU + "Lamps lit again\n\nMay 2, 1997\n\n(WNN) -- The lamps were lit.\n\n" + MENU + "[Readers respond](#)\n"
    assert [s.title for s in parse_capture(text)] == ["Lamps lit again"]


@pytest.mark.parametrize("text, reason", [
    ("", "is empty"),
    ("  \n\u00a0\n", "is empty"),
    ("Just some notes a curator typed.\n\nNothing more.\n", "is neither a news capture"),
    (MENU + "[Readers respond](#)\n", "has a site menu but no story"),
])
def test_captures_that_cannot_be_parsed_say_why(text, reason):
    with pytest.raises(CaptureError) as info:
        parse_capture(text)
    assert str(info.value).startswith(reason)


def test_parsing_never_fails_on_any_piece_of_a_capture():
    """Cut the fixtures anywhere: the parser returns stories or says why not, and never crashes."""
    for path in sorted(CAPTURES.glob("*.txt")):
        text = read_capture(path).text
        lines = text.splitlines()
        for start in range(0, len(lines), 7):
            for end in range(start + 1, len(lines) + 1, 11):
                try:
                    parse_capture("\n".join(lines[start:end]))
                except CaptureError:
                    pass


def test_a_list_of_names_in_a_story_is_not_a_site_menu():
    (story,) = parse_capture(MENU + "Ferries named\n\nMay 2, 1997\n\n(WNN) -- The new ferries are named:\n\n"
                             "- Gaviota\n- Pelícano\n- Albatros\n- Cormorán\n- Golondrina\n\nAll sail at dawn.\n")
    assert story.blocks[-1].text == "All sail at dawn."
    assert story.blocks[-2].text == "- Gaviota\n- Pelícano\n- Albatros\n- Cormorán\n- Golondrina"


def test_a_prompt_right_after_a_link_list_is_not_one_of_its_links():
    (story,) = parse_capture(MENU + "Lamps lit\n\nMay 2, 1997\n\n(WNN) -- The lamps were lit.\n\n"
                             "Related stories:\n\n- [Lamps ordered](#) - April 2, 1997\n\n"
                             "- [Lamps shipped](#) - April 9, 1997\n\n[Tell a friend](#)\n")
    (related,) = story.link_lists
    assert [link.title for link in related.links] == ["Lamps ordered", "Lamps shipped"]
