"""Source Markdown → expected HTML, as Python-Markdown's own extensions are tested."""
from pathlib import Path

import markdown
import pytest

from citations.markdown_ext import CitationsExtension
from exhibit.dates import PartialDate
from exhibit.document import Document
from exhibit.errors import ErrorLog
from exhibit.model import Exhibit, Source

FOOTNOTES = {"SEPARATOR": "-", "USE_DEFINITION_ORDER": False}


def source(key, title, published, author=None, kind="news report"):
    return Source(path=Path(f"content/sources/{key}.md"), line=1, key=key, title=title,
                  publisher="The Gazette", published=PartialDate.parse(published), kind=kind,
                  language="en", author=author)


@pytest.fixture
def exhibit(tmp_path):
    exhibit = Exhibit(root=tmp_path, log=ErrorLog(root=tmp_path))
    exhibit.sources = {s.key: s for s in [source("gazette-1996-12-18", "Guests held", "1996-12-18", "Doe, Jane"),
                                          source("gazette-1997-01", "Talks begin", "1997-01")]}
    exhibit.drafts = [source("draft-report", "Unreviewed", "1997")]
    return exhibit


def render(text, exhibit, has_header=False):
    md = markdown.Markdown(extensions=["footnotes", CitationsExtension()],
                           extension_configs={"footnotes": FOOTNOTES})
    document = Document(Path("content/essays/01-x.md"), exhibit, has_header=has_header,
                        source_url="../sources/{key}.html")
    md.exhibit_document = document
    return md.convert(text), document


def test_a_citation_becomes_a_numbered_note_with_full_then_short_form(exhibit):
    html, document = render("One [@gazette-1996-12-18, para. 2].\n\nTwo [@gazette-1996-12-18].", exhibit)
    assert html == (
        '<p id="p-1">One.<sup id="fnref-exhibit-cite-1"><a aria-label="Note 1" class="footnote-ref" '
        'href="#fn-exhibit-cite-1" role="doc-noteref">1</a></sup></p>\n'
        '<p id="p-2">Two.<sup id="fnref-exhibit-cite-2"><a aria-label="Note 2" class="footnote-ref" '
        'href="#fn-exhibit-cite-2" role="doc-noteref">2</a></sup></p>\n'
        '<div aria-labelledby="notes" class="footnote" role="doc-endnotes">\n'
        '<h2 id="notes">Notes</h2>\n<ol>\n'
        '<li id="fn-exhibit-cite-1">\n<p><a class="cite-source" href="../sources/gazette-1996-12-18.html">'
        'Jane Doe, “Guests Held,” <i>The Gazette</i>, December 18, 1996, para. 2</a>.&#160;'
        '<a aria-label="Back to where note 1 is cited" class="footnote-backref" href="#fnref-exhibit-cite-1" role="doc-backlink" '
        'title="Back to where note 1 is cited">&#8617;</a></p>\n</li>\n'
        '<li id="fn-exhibit-cite-2">\n<p><a class="cite-source" href="../sources/gazette-1996-12-18.html">'
        'Doe, “Guests Held,” December 18, 1996</a>.&#160;'
        '<a aria-label="Back to where note 2 is cited" class="footnote-backref" href="#fnref-exhibit-cite-2" role="doc-backlink" '
        'title="Back to where note 2 is cited">&#8617;</a></p>\n</li>\n</ol>\n</div>')
    assert [(c.number, c.keys, c.paragraph) for c in document.citations] == [
        (1, ["gazette-1996-12-18"], 1), (2, ["gazette-1996-12-18"], 2)]


def test_citations_and_curators_footnotes_share_one_numbering(exhibit):
    html, _ = render("A[^own] and b [@gazette-1997-01].\n\n[^own]: A curator's note.", exhibit)
    assert 'href="#fn-own" role="doc-noteref">1</a>' in html
    assert 'href="#fn-exhibit-cite-1" role="doc-noteref">2</a>' in html
    assert html.index('<li id="fn-own">') < html.index('<li id="fn-exhibit-cite-1">')


def test_several_sources_in_one_note_with_prefix(exhibit):
    html, _ = render("Both [see @gazette-1997-01; @gazette-1996-12-18, p. 4].", exhibit)
    assert ('<p><a class="cite-source" href="../sources/gazette-1997-01.html">See “Talks Begin,” '
            '<i>The Gazette</i>, January 1997</a>; <a class="cite-source" '
            'href="../sources/gazette-1996-12-18.html">Jane Doe, “Guests Held,” <i>The Gazette</i>, '
            'December 18, 1996, 4</a>.') in html


def test_punctuation_moves_before_the_note_and_the_space_goes(exhibit):
    html, _ = render('He said "no" [@gazette-1997-01], then left.', exhibit)
    assert html.startswith('<p id="p-1">He said &ldquo;no&rdquo;,<sup') or \
        html.startswith('<p id="p-1">He said "no",<sup')


NOTE_1 = ('<sup id="fnref-exhibit-cite-1"><a aria-label="Note 1" class="footnote-ref" href="#fn-exhibit-cite-1" '
          'role="doc-noteref">1</a></sup>')


def test_a_citation_before_a_colon_becomes_a_note_and_the_colon_moves(exhibit):
    html, document = render("As the paper reported [@gazette-1997-01]: the talks began.", exhibit)
    assert html.startswith(f'<p id="p-1">As the paper reported:{NOTE_1} the talks began.</p>')
    assert [c.keys for c in document.citations] == [["gazette-1997-01"]]


@pytest.mark.parametrize("source, expected", [
    ("They came at 3 p.m. [@gazette-1997-01].", "They came at 3 p.m." + NOTE_1),
    ("They came at 3 p.m. [@gazette-1997-01], then left.", "They came at 3 p.m.," + NOTE_1 + " then left"),
    ("They came at three [@gazette-1997-01].", "They came at three." + NOTE_1),
])
def test_a_period_after_an_abbreviation_is_not_doubled(exhibit, source, expected):
    html, _ = render(source, exhibit)
    assert html.startswith(f'<p id="p-1">{expected}')


def test_unknown_and_draft_keys_are_errors_with_line_and_suggestion(exhibit):
    _, document = render("Intro.\n\nBad [@gazette-1996-12-81].\n\nDraft [@draft-report].\n\n[@x, p 2 3]",
                         exhibit)
    errors = [(e.line, e.message, e.hint) for e in exhibit.log.errors]
    assert errors[0] == (3, "unknown source key 'gazette-1996-12-81' in [@gazette-1996-12-81]",
                         "did you mean 'gazette-1996-12-18' or 'gazette-1997-01'?")
    assert errors[1][0] == 5 and "still a draft" in errors[1][2]
    assert errors[2][0] == 7 and "unknown source key 'x'" in errors[2][1]
    assert document.citations == []


def test_malformed_citation_is_an_error_at_its_line(exhibit):
    html, _ = render("Title: X\n\nText [@gazette-1997-01 para 4].", exhibit, has_header=True)
    (error,) = exhibit.log.errors
    assert error.line == 3 and "expected a comma before the locator" in error.message
    assert "[@" not in html  # never shown to readers as literal text


def test_header_lines_are_left_alone(exhibit):
    _, document = render("Title: X\nSummary: see [@gazette-1997-01]\n\nBody.", exhibit, has_header=True)
    assert document.citations == [] and not exhibit.log.entries


def test_html_in_source_fields_is_escaped(exhibit):
    exhibit.sources["gazette-1997-01"].title = "<script>alert(1)</script> & co"
    exhibit.sources["gazette-1997-01"].author = "<b>Bold</b>"
    html, _ = render("X [@gazette-1997-01].", exhibit)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html and "&lt;b&gt;Bold&lt;/b&gt;" in html


def test_notes_are_numbered_in_reading_order_even_in_tables(exhibit):
    text = ("| a | b |\n|---|---|\n| x [@gazette-1997-01] | y |\n\n"
            "After the table [@gazette-1996-12-18].[^own]\n\n[^own]: Mine.")
    html, document = render(text, exhibit)
    assert [c.note for c in document.citations] == [1, 2]
    assert html.index('<li id="fn-exhibit-cite-1">') < html.index('<li id="fn-exhibit-cite-2">') \
        < html.index('<li id="fn-own">')
    assert 'href="#fn-own" role="doc-noteref">3</a>' in html
    assert 'title="Back to where note 3 is cited"' in html
