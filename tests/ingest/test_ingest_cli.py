"""`invoke ingest` as a curator runs it, in a copy of the project around the mini exhibit."""
from tests.support import FIXTURES, run_invoke

CAPTURES = FIXTURES / "captures"


def invoke(project, *args):
    return run_invoke(*args, cwd=project)


def test_ingest_a_folder_then_check_lists_the_drafts(project):
    first = invoke(project, "ingest", str(CAPTURES))
    assert first.returncode == 1  # the extract and the undated page could not be recorded
    assert "wnn-story-pages.txt: 3 stories, read as UTF-8" in first.stdout
    assert "     wrote content/sources/wnn-1996-12-09.md (Status: draft)" in first.stdout
    assert "pass --published" in first.stdout
    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.count("warning: draft source record awaiting review") == 4
    assert "content/sources/wnn-1997-04-15.md:9: warning: draft source record awaiting review" in checked.stderr


def test_several_captures_after_a_double_dash_and_fallbacks_for_what_they_do_not_print(project):
    result = invoke(project, "ingest", str(CAPTURES / "almanac-extract.txt"), "--publisher", "Fixture Encyclopedia",
                    "--published", "2020", "--", str(CAPTURES / "wnn-undated.txt"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote content/sources/fixture-encyclopedia-2020.md" in result.stdout
    assert "wrote content/sources/wnn-2020.md" in result.stdout
    assert "check: Published not printed on the page: 2020 taken from --published" in result.stdout
    again = invoke(project, "ingest", str(CAPTURES / "almanac-extract.txt"), "--publisher", "Fixture Encyclopedia",
                   "--published", "2020")
    assert again.returncode == 0 and "already recorded in content/sources/fixture-encyclopedia-2020.md" in again.stdout


def test_a_bad_fallback_stops_before_anything_is_written(project):
    result = invoke(project, "ingest", str(CAPTURES), "--published", "spring 1997")
    assert result.returncode == 1
    assert "Nothing ingested: expected an ISO date YYYY-MM-DD" in result.stderr
    assert not list((project / "content/sources").glob("wnn-*"))
