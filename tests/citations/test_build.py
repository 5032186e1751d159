"""Citations through a whole build of the fixture exhibit."""
import json
import re

import pytest

from exhibit.errors import ExhibitBuildError


@pytest.fixture
def built(mini):
    mini.build("publishconf.py")
    return mini


def test_essay_has_notes_bibliography_and_cite_box(built):
    page = built.html("essays/arrival.html")
    assert page.count('role="doc-noteref"') == 4  # three citations and the curator's own note
    assert re.findall(r'<li id="(fn-[\w-]+)">', page) == ["fn-exhibit-cite-1", "fn-exhibit-cite-2",
                                                          "fn-exhibit-cite-3", "fn-aside"]
    bibliography = page.split('id="bibliography-title"')[1].split("</section>")[0]
    assert re.findall(r'href="\.\./sources/([\w-]+)\.html"', bibliography) == [
        "gazeta-1997-01", "daily-1996-12-18", "almanac-entry"]
    cite = page.split('id="cite-title"')[1].split("</section>")[0]
    assert "<dt>Chicago</dt>" in cite and "<dt>MLA</dt>" in cite and "<dt>APA</dt>" in cite
    assert "https://lima-1996.museum/essays/arrival.html" in cite
    assert 'href="../essays/arrival.bib" download' in cite


def test_bibtex_and_ris_downloads(built):
    bibtex = (built.output / "essays/arrival.bib").read_text()
    assert bibtex.startswith("@online{arrival,\n  title = {The evening of the reception},")
    assert "  url = {https://lima-1996.museum/essays/arrival.html}" in bibtex
    ris = (built.output / "sources/daily-1996-12-18.ris").read_text()
    assert ris.splitlines()[:3] == ["TY  - NEWS", "ID  - daily-1996-12-18", "TI  - Guests held after reception"]
    assert "AU  - Doe, Jane" in ris and "DA  - 1996/12/18/" in ris and ris.endswith("ER  - \n")


def test_source_page_lists_where_it_is_cited(built):
    page = built.html("sources/daily-1996-12-18.html")
    cited = page.split('id="cited-in-title"')[1].split("</section>")[0]
    assert re.findall(r'<a href="\.\./(essays/arrival\.html#p-\d)">The evening of the reception, paragraph (\d)',
                      cited) == [("essays/arrival.html#p-1", "1"), ("essays/arrival.html#p-2", "2")]
    assert "Cite this source" in page and 'href="../sources/daily-1996-12-18.bib"' in page


def test_unknown_key_stops_the_build_with_file_line_and_suggestions(mini):
    mini.write("essays/02-talks.md", mini.content.joinpath("essays/02-talks.md").read_text()
               + "\nA claim [@daily-1996-12-19].\n")
    with pytest.raises(ExhibitBuildError) as info:
        mini.build()
    report = info.value.log.report()
    assert "content/essays/02-talks.md:8: error: unknown source key 'daily-1996-12-19'" in report
    assert "did you mean 'daily-1996-12-18'?" in report
    assert not mini.output.exists()


def test_uncited_source_is_a_warning_in_check(mini):
    mini.write("sources/lonely-1997.md", "Key: lonely-1997\nTitle: Nobody cites me\nPublisher: P\n"
                                         "Published: 1997\nKind: report\nLanguage: en\n"
                                         "Consulted: in full\n\nA summary.\n")
    log = mini.check()
    assert not log.errors
    assert [(w.path, w.line, w.message) for w in log.warnings] == [
        ("content/sources/lonely-1997.md", 1, "source 'lonely-1997' is not cited by any essay, page, event or place")]


def test_a_source_cited_only_by_a_page_is_cited_and_links_back(mini):
    mini.write("sources/lonely-1997.md", "Key: lonely-1997\nTitle: Cited by a page\nPublisher: P\n"
                                         "Published: 1997\nKind: report\nLanguage: en\n"
                                         "Consulted: in full\n\nA summary.\n")
    about = mini.content / "pages/about.md"
    mini.write("pages/about.md", about.read_text() + "\nA claim from a page [@lonely-1997].\n")
    log = mini.build()
    assert not [w for w in log.warnings if "lonely-1997" in w.message]
    assert 'href="../about.html#' in mini.html("sources/lonely-1997.html")


def test_zotero_csl_json_sources_become_records(mini):
    items = [{"id": "zotero-book-1999", "type": "book", "title": "A Book <i>about</i> Lima",
              "author": [{"family": "Pérez", "given": "Ana"}], "publisher": "Editorial Ejemplo",
              "issued": {"date-parts": [[1999, 5]]}, "language": "es", "abstract": "An invented book.",
              "note": "Consulted: in part"}]
    mini.write("data/bibliography.json", json.dumps(items, indent=2, ensure_ascii=False))
    essay = mini.content / "essays/02-talks.md"
    essay.write_text(essay.read_text() + "\nAs a book argued [@zotero-book-1999, p. 12].\n")
    mini.build()
    page = mini.html("sources/zotero-book-1999.html")
    assert "Editorial Ejemplo" in page and "Pérez, Ana" in page and "May 1999" in page
    assert "&lt;i&gt;about&lt;/i&gt;" in page and "<i>about</i>" not in page
    assert "An invented book." in page
    assert "<dt>Consulted</dt><dd><strong>In part</strong>" in page and "Consulted: in part" not in page
    talks = mini.html("essays/talks.html")
    assert 'href="../sources/zotero-book-1999.html">Ana Pérez, <i>A Book &lt;i&gt;about&lt;/i&gt; Lima</i>' in talks


def test_a_key_defined_twice_names_both_places(mini):
    items = [{"id": "daily-1996-12-18", "type": "article-newspaper", "title": "Duplicate",
              "container-title": "X", "issued": {"date-parts": [[1996]]}, "note": "Consulted: in full"}]
    mini.write("data/bibliography.json", json.dumps(items, indent=2))
    log = mini.check()
    (error,) = log.errors
    assert (error.path, error.line) == ("content/data/bibliography.json", 3)
    assert "already defined in content/sources/daily-1996-12-18.md:1" in error.message


def test_malformed_csl_json_is_reported_with_its_line(mini):
    mini.write("data/bibliography.json", '[\n  {"id": "a",\n   "title": "x"\n  \n]\n')
    (error,) = mini.check().errors
    assert error.path == "content/data/bibliography.json" and error.line == 5
    assert "JSON syntax error" in error.message
