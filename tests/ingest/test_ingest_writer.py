"""Ingest into a real exhibit: drafts that pass check, never published, never clobbering, idempotent."""
import shutil

import pytest

from ops.ingest.records import Fallbacks
from ops.ingest.report import PRESENT, REFUSED, WRITTEN, failed, format_report
from ops.ingest.writer import ingest
from tests.support import FIXTURES

CAPTURES = FIXTURES / "captures"
FALLBACKS = Fallbacks.parse("Fixture Encyclopedia", "2020", "en")
DRAFTS = ["fixture-encyclopedia-2020.md", "wnn-1996-12-09.md", "wnn-1997-01-06.md", "wnn-1997-04-15.md",
          "wnn-1997.md"]


def outcomes(reports):
    return [(r.path.name, s.number, s.outcome, s.path.name if s.path else s.reason)
            for r in reports for s in r.stories]


def drafts_in(content):
    return sorted(p.name for p in (content / "sources").glob("*.md") if "Status: draft" in p.read_text())


@pytest.fixture
def ingested(mini):
    """Every fixture capture ingested, then the extract again with its publisher and date given."""
    mini.reports = ingest([CAPTURES], mini.content)
    mini.extract_reports = ingest([CAPTURES / "almanac-extract.txt"], mini.content, FALLBACKS)
    return mini


def test_one_draft_per_story_and_what_cannot_be_a_record_is_refused(ingested):
    assert outcomes(ingested.reports) == [
        ("almanac-extract.txt", 1, REFUSED, "no publisher found (no dateline credit such as '(CNN)' and no "
                                            "copyright line): pass --publisher; no publication date found (no "
                                            "date line and no copyright year): pass --published"),
        ("wnn-story-pages.txt", 1, WRITTEN, "wnn-1996-12-09.md"),
        ("wnn-story-pages.txt", 2, WRITTEN, "wnn-1997-04-15.md"),
        ("wnn-story-pages.txt", 3, WRITTEN, "wnn-1997.md"),
        ("wnn-undated.txt", 1, REFUSED, "no publication date found (no date line and no copyright year): "
                                        "pass --published"),
        ("wnn-windows-1252.txt", 1, WRITTEN, "wnn-1997-01-06.md")]
    assert failed(ingested.reports)
    assert outcomes(ingested.extract_reports) == [("almanac-extract.txt", 1, WRITTEN, "fixture-encyclopedia-2020.md")]
    assert not failed(ingested.extract_reports)
    assert drafts_in(ingested.content) == DRAFTS


def test_a_draft_is_a_valid_record_that_check_lists_for_review(ingested):
    log = ingested.check()
    assert log.errors == []
    listed = [(w.path, w.line) for w in log.warnings if w.message == "draft source record awaiting review"]
    assert listed == [("content/sources/fixture-encyclopedia-2020.md", 8), ("content/sources/wnn-1996-12-09.md", 10),
                      ("content/sources/wnn-1997-01-06.md", 9), ("content/sources/wnn-1997-04-15.md", 9),
                      ("content/sources/wnn-1997.md", 8)]


def test_the_draft_file_keeps_metadata_in_the_header_and_captured_text_marked_for_replacement(ingested):
    text = (ingested.content / "sources/wnn-1996-12-09.md").read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)
    assert header.splitlines() == [
        "Key: wnn-1996-12-09", "Title: Harbour pilots halt night crossings at Puerto Luz",
        "Subtitle: Ferry company asks for patience as queues grow", "Publisher: WNN", "Published: 1996-12-09",
        "Posted: 1996-12-09 21:40 EST", "Kind: news report", "Language: en", "Consulted: in part",
        "Status: draft"]
    assert body.startswith("> **Draft made by `invoke ingest`: not to be published as it stands.**")
    found, captured = body.split("## Captured text (replace before publishing)")
    for line in ("- Captured from: `wnn-story-pages.txt`, story 1 of 3 (lines 1–100), read as UTF-8",
                 "- Posted, as printed: 9:40 p.m. EST (0240 GMT)", "- Dateline: PUERTO LUZ, Costa Verde",
                 "- Contributors: Correspondent Marta Ibáñez and Costa Press contributed to this report.",
                 "- Caption: Port captain Ana Quispe (WNN)", "- Sound or video file: 12 sec. /190K AIFF or WAV sound",
                 "### Related stories", "- Storm damages harbour lamps at Puerto Luz — December 4, 1996 (1996-12-04)",
                 "- Fishing fleet returns early — November 20,", "### Related sites",
                 "- Costa Verde Port Authority <http://port.example.org/>"):
        assert line in found.splitlines()
    assert "\n### Queues at the terminal\n" in captured
    assert "could take until the end of the week" in captured
    extract = (ingested.content / "sources/fixture-encyclopedia-2020.md").read_text(encoding="utf-8")
    assert ("- Reference markers (8, left in place in the captured text):\n  - `[2]` on line 2\n"
            "  - `[citation needed]` on line 3\n") in extract
    assert "- Set aside before the first sentence (category links): Labour disputes Maritime history" in extract
    assert "\n[2] The keepers asked" in extract
    assert "Windows-1252" in (ingested.content / "sources/wnn-1997-01-06.md").read_text(encoding="utf-8")


def test_running_again_changes_nothing(ingested):
    before = {p.name: p.read_bytes() for p in (ingested.content / "sources").iterdir()}
    again = ingest([CAPTURES], ingested.content)
    assert [o[2] for o in outcomes(again)] == [REFUSED, PRESENT, PRESENT, PRESENT, REFUSED, PRESENT]
    (extract,) = ingest([CAPTURES / "almanac-extract.txt"], ingested.content, FALLBACKS)
    assert extract.stories[0].outcome == PRESENT
    assert {p.name: p.read_bytes() for p in (ingested.content / "sources").iterdir()} == before


def test_the_same_story_given_twice_in_one_run_is_written_once(mini):
    capture = CAPTURES / "wnn-windows-1252.txt"
    copy = mini.content.parent / "copy.txt"
    copy.write_bytes(capture.read_bytes().decode("cp1252").encode("utf-8"))
    reports = ingest([capture, copy], mini.content)
    assert outcomes(reports) == [("wnn-windows-1252.txt", 1, WRITTEN, "wnn-1997-01-06.md"),
                                 ("copy.txt", 1, PRESENT, "wnn-1997-01-06.md")]


def test_a_record_with_the_same_key_is_never_overwritten(mini):
    other = mini.write("sources/wnn-1996-12-09.md", "Key: wnn-1996-12-09\nTitle: Fares frozen\nPublisher: WNN\n"
                                                    "Published: 1996-12-09\nKind: news report\nLanguage: en\n"
                                                    "Consulted: in full\n\nOur summary.\n")
    before = other.read_bytes()
    (report,) = ingest([CAPTURES / "wnn-story-pages.txt"], mini.content)
    first = report.stories[0]
    assert (first.outcome, first.path.name) == (WRITTEN, "wnn-1996-12-09-harbour.md")
    assert first.notes == ["the key wnn-1996-12-09 belongs to another record; this draft is wnn-1996-12-09-harbour"]
    assert other.read_bytes() == before
    assert "Key: wnn-1996-12-09-harbour\n" in (mini.content / "sources/wnn-1996-12-09-harbour.md").read_text()


def test_a_published_record_of_the_same_story_is_recognised(mini):
    # A curator's rewritten record: same publisher and title, the date known to the month only.
    mine = mini.write("sources/wnn-pilots.md", "Key: wnn-pilots\nTitle: Harbour Pilots Halt Night Crossings at "
                                               "Puerto Luz\nPublisher: wnn\nPublished: 1996-12\nKind: news report\n"
                                               "Language: en\nConsulted: in full\n\nOur own summary.\n")
    (report,) = ingest([CAPTURES / "wnn-story-pages.txt"], mini.content)
    assert (report.stories[0].outcome, report.stories[0].path) == (PRESENT, mine)
    assert not (mini.content / "sources/wnn-1996-12-09.md").exists()


def test_a_draft_is_recognised_by_its_fingerprint_after_its_title_is_corrected(ingested):
    draft = ingested.content / "sources/wnn-1997-01-06.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Title: Café owners", "Title: Cafe owners"),
                     encoding="utf-8")
    (report,) = ingest([CAPTURES / "wnn-windows-1252.txt"], ingested.content)
    assert (report.stories[0].outcome, report.stories[0].path) == (PRESENT, draft)


def test_a_capture_that_cannot_be_parsed_is_reported_and_the_rest_still_ingest(mini, tmp_path):
    folder = tmp_path / "captures"
    folder.mkdir()
    shutil.copy(CAPTURES / "wnn-windows-1252.txt", folder / "b-good.txt")
    (folder / "a-empty.txt").write_text("")
    (folder / "c-binary.txt").write_bytes(b"GIF89a\x00\x00")
    (folder / "d-notes.txt").write_text("Ask the archive about the ferry photographs.\n")
    (folder / "e-image.png").write_bytes(b"\x89PNG")  # not a .txt: not a capture
    reports = ingest([folder, tmp_path / "missing.txt"], mini.content)
    assert [(r.path.name, r.problem and r.problem.split(" (")[0].split(",")[0]) for r in reports] == [
        ("a-empty.txt", "is empty"), ("b-good.txt", None), ("c-binary.txt", "has NUL bytes"),
        ("d-notes.txt", "is neither a news capture"), ("missing.txt", "cannot be read: No such file or directory")]
    assert outcomes(reports) == [("b-good.txt", 1, WRITTEN, "wnn-1997-01-06.md")]
    assert failed(reports)


def test_the_report_gives_stories_fields_found_and_missing_per_file(ingested):
    text = format_report(ingested.reports, ingested.content.parent)
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.endswith("wnn-story-pages.txt: 3 stories, read as UTF-8"))
    assert lines[start + 1:start + 5] == [
        '  1. lines 1–100 "Harbour pilots halt night crossings at Puerto Luz"',
        "     wrote content/sources/wnn-1996-12-09.md (Status: draft)",
        "     extracted: Title, Subtitle, Published, Posted, Publisher, Dateline, Contributors, Related links, Text",
        "     missing: nothing"]
    assert "     missing: Subtitle, Dateline, Related links" in lines
    assert "     supplied: Publisher, Published" in lines
    assert any(line.endswith("wnn-windows-1252.txt: 1 story, read as Windows-1252 because it is not valid "
                             "UTF-8 (byte 0xe9 on line 16)") for line in lines)
    assert "     not written: no publication date found (no date line and no copyright year): pass --published" in lines
    assert lines[-1] == ("4 captures, 6 stories: 4 drafts written, 0 already recorded, 2 not written; "
                         "0 captures could not be ingested.")


def test_drafts_are_never_published(ingested):
    ingested.build()
    pages = sorted(str(p.relative_to(ingested.output)) for p in (ingested.output / "sources").glob("*.html"))
    assert not [p for p in pages if p.startswith(("wnn", "fixture-encyclopedia"))]
    captured = ("stopped all crossings after dark", "Puerto Luz", "lighthouse strike", "Café owners")
    for path in ingested.output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".bib", ".ris", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [c for c in captured if c in text], path
