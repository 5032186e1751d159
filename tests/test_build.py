"""Full builds of the fixture exhibit: the HTML readers get, and what a failed build leaves."""
import json
import re
import subprocess
import sys

import pytest

from tests.support import ROOT, run_invoke
from ops.build import build
from exhibit.errors import ExhibitBuildError
from ops.outputlock import output_lock


@pytest.fixture
def built(mini):
    mini.build()
    return mini


def test_every_page_type_is_written(built):
    files = {str(p.relative_to(built.output)) for p in built.output.rglob("*.html")}
    assert files >= {"404.html", "about.html", "essays/arrival.html", "essays/talks.html", "index.html",
                     "sources/almanac-entry.html", "sources/daily-1996-12-18.html",
                     "sources/gazeta-1997-01.html", "sources/index.html"}
    assert not any(name.startswith(("drafts/", "category/", "tag/", "author/")) for name in files)


def test_home_presents_the_essays_in_sequence(built):
    home = built.html("index.html")
    titles = re.findall(r'essay-card__title"><a href="([^"]+)">([^<]+)<', home)
    assert titles == [("./essays/arrival.html", "The evening of the reception"),
                      ("./essays/talks.html", "Talks across the wall")]
    assert "An invented exhibit used to test the generator." in home  # the introduction page


def test_essay_has_sequence_links_content_note_and_lang_spans(built):
    first, second = built.html("essays/arrival.html"), built.html("essays/talks.html")
    assert 'href="../essays/talks.html" rel="next"' in first and 'rel="prev"' not in first
    assert 'href="../essays/arrival.html" rel="prev"' in second and 'rel="next"' not in second
    assert '<aside class="content-note" aria-label="Content note">' in first
    assert "content-note" not in second
    assert '<span lang="es">Sociedad Ficticia</span>' in first
    assert '<span lang="ja">山田太郎</span>' in second
    assert "Essay 2 of 2" in second


def test_source_page_shows_the_record(built):
    page = built.html("sources/daily-1996-12-18.html")
    for expected in ("The Daily Fixture", "Doe, Jane", '<time datetime="1996-12-18">18 December 1996</time>',
                     "(posted 1996-12-18 09:15 EST)", "News report", "English",
                     "<dt>Consulted</dt><dd><strong>In full</strong> — the curators read the whole source</dd>",
                     'href="https://daily.example.org/1996/12/18/guests.html"'):
        assert expected in page
    spanish = built.html("sources/gazeta-1997-01.html")
    assert '<h1 id="source-title" lang="es">' in spanish and "January 1997" in spanish
    assert ("<dd><strong>Through another source</strong> — the curators have not seen it, only another source's "
            "account of it, which the summary below names</dd>") in spanish.replace("&#39;", "'")
    assert 'Archived copy</dt><dd><a href="https://archive.example.org/almanac/receptions"' in (
        built.html("sources/almanac-entry.html"))


def test_sources_index_lists_sources_by_date(built):
    index = built.html("sources/index.html")
    keys = re.findall(r'href="\.\./sources/([a-z0-9-]+)\.html"', index.split("<tbody>")[1].split("</tbody>")[0])
    assert keys == ["daily-1996-12-18", "gazeta-1997-01", "almanac-entry"]


def test_no_output_file_references_another_host(built):
    asset = re.compile(r'<(?:script|link|img|iframe|source|video|audio)\b[^>]*?(?:src|href)="(https?:)?//', re.I)
    css_url = re.compile(r"url\(\s*['\"]?(https?:)?//", re.I)
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not asset.search(text), f"{path} loads an asset from another host"
            assert not css_url.search(text), f"{path} has a url() on another host"


def test_production_build_uses_the_public_address_for_canonical_links(mini):
    mini.build("publishconf.py")
    page = mini.html("essays/arrival.html")
    assert '<link rel="canonical" href="https://lima-1996.museum/essays/arrival.html">' in page
    assert 'href="../sources/index.html"' in page  # links between pages stay relative
    assert (mini.output / "feeds/essays.atom.xml").exists()
    assert 'href="https://lima-1996.museum/index.html"' in mini.html("404.html")


def test_a_failed_build_leaves_the_previous_output_untouched(built):
    before = {p: p.read_bytes() for p in built.output.rglob("*") if p.is_file()}
    built.write("data/places.yaml", "- key: hall\n  name: [unclosed\n")
    with pytest.raises(ExhibitBuildError) as info:
        built.build()
    assert "data/places.yaml:2" in info.value.log.report()
    after = {p: p.read_bytes() for p in built.output.rglob("*") if p.is_file()}
    assert after == before
    assert not built.output.with_name("output.staging").exists()


def test_a_template_error_fails_the_build(mini, tmp_path):
    theme = tmp_path / "theme"
    import shutil
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates/source.html").write_text("{% extends 'base.html' %}{% block content %}"
                                                 "{{ source.missing.attribute }}{% endblock %}")
    with pytest.raises(ExhibitBuildError) as info:
        mini.build(THEME=str(theme))
    assert "missing" in info.value.log.report()
    assert not mini.output.exists()


def test_invoke_check_names_file_and_line_of_a_malformed_source(project):
    source = project / "content/sources/daily-1996-12-18.md"
    source.write_text(source.read_text().replace("Published: 1996-12-18", "Published: yesterday"))
    result = run_invoke("check", cwd=project)
    assert result.returncode == 1
    assert "content/sources/daily-1996-12-18.md:5: error: Published: expected an ISO date" in result.stderr
    assert not (project / "output").exists()


def test_invoke_check_names_file_and_line_of_a_yaml_syntax_error(project):
    events = project / "content/data/events.yaml"
    events.write_text(events.read_text().replace("phase: negotiation", "phase: [negotiation"))
    result = run_invoke("check", cwd=project)
    assert result.returncode == 1
    assert "content/data/events.yaml:15: error: YAML syntax error: while parsing a flow sequence" in result.stderr
    assert "unknown event" not in result.stderr  # no cascade from the unreadable file


def test_invoke_check_passes_on_good_content(project):
    result = run_invoke("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Content is valid" in result.stdout


def test_invoke_build_writes_output_and_keeps_it_on_failure(project):
    assert run_invoke("build", cwd=project).returncode == 0
    index = (project / "output/index.html").read_bytes()
    essay = project / "content/essays/02-talks.md"
    essay.write_text(essay.read_text().replace("Order: 2", "Order: 1"))
    result = run_invoke("build", cwd=project)
    assert result.returncode == 1
    assert "content/essays/02-talks.md:2: error: Order 1 is also used by content/essays/01-arrival.md" in result.stderr
    assert "output/ was left as it was" in result.stderr
    assert (project / "output/index.html").read_bytes() == index


def test_scaffolds_write_files_that_pass_check(project):
    assert run_invoke("new-essay", "Life inside the residence", cwd=project).returncode == 0
    essay = project / "content/essays/03-life-inside-the-residence.md"
    assert essay.read_text().startswith("Title: Life inside the residence\nOrder: 3\n")
    made = run_invoke("new-source", "A new report", "--publisher", "The Daily Fixture",
                      "--published", "1997-04-23", "--consulted", "in part", cwd=project)
    assert made.returncode == 0, made.stderr
    record = (project / "content/sources/the-daily-fixture-1997-04-23.md").read_text()
    assert "\nLanguage: en\nConsulted: in part\n\n" in record
    result = run_invoke("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Summary is still a placeholder" in result.stderr  # reported, not fatal
    refused = run_invoke("new-source", "Again", "--publisher", "X", "--published", "23 April",
                         "--consulted", "in full", cwd=project)
    assert refused.returncode == 1 and "Published: expected an ISO date" in refused.stderr
    unsaid = run_invoke("new-source", "Again", "--publisher", "X", "--published", "1997", cwd=project)
    assert unsaid.returncode != 0 and "'consulted'" in unsaid.stderr
    skimmed = run_invoke("new-source", "Again", "--publisher", "X", "--published", "1997", "--consulted", "skimmed",
                         cwd=project)
    assert skimmed.returncode == 1 and "Consulted: 'skimmed' is not one of: in full, in part, through another source" in (
        skimmed.stderr)


def test_a_build_waits_for_the_output_lock_and_gives_up_with_a_message(mini):
    mini.build()
    index = (mini.output / "index.html").read_bytes()
    waited = []
    with output_lock(mini.output):  # another build holds output/
        with pytest.raises(ExhibitBuildError) as info:
            build(ROOT / "pelicanconf.py", mini.output, {**mini._paths(), "EXHIBIT_LOCK_TIMEOUT": 0.5},
                  waiting=lambda: waited.append(True))
    assert waited == [True]
    assert "output/ is being written by another build or read by a deploy, and was still busy after 0.5 s" in (
        info.value.log.report())
    assert (mini.output / "index.html").read_bytes() == index
    assert not mini.output.with_name("output.staging").exists()


def test_two_builds_at_once_take_turns_and_leave_a_complete_certified_site(project):
    first, second = (subprocess.Popen([sys.executable, "-m", "invoke", "build"], cwd=project, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2))
    results = [(process.wait(timeout=300), *process.communicate()) for process in (first, second)]
    assert [code for code, _, _ in results] == [0, 0], results
    assert any("Another build is writing output/" in err for _, _, err in results)
    output = project / "output"
    manifest = json.loads((output / ".exhibit-build.json").read_text(encoding="utf-8"))
    written = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    assert set(manifest["files"]) == written - {".exhibit-build.json"}
    assert {"index.html", "essays/arrival.html", "pagefind/pagefind-entry.json"} <= written


def test_a_build_after_an_interrupted_swap_keeps_the_last_good_site(mini):
    mini.build()
    old = mini.output.with_name("output.old")
    mini.output.rename(old)  # stopped between the swap's two renames
    (mini.content / "essays/02-talks.md").write_text("Title: Broken\n", encoding="utf-8")
    with pytest.raises(ExhibitBuildError):
        mini.build()
    assert (mini.output / "essays/arrival.html").is_file() and not old.exists()
