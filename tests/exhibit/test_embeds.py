"""The shared embed directive parser: `{% name key=value %}` on a line of its own."""
import markdown
import pytest

from exhibit.embeds import EmbedError, EmbedExtension, parse_directive
from exhibit.errors import ErrorLog
from exhibit.document import Document
from exhibit.model import Exhibit


def test_arguments_are_parsed_with_quotes():
    embed = parse_directive('timeline from=1996-12-17 title="The first week" phase=seizure', 3)
    assert embed.name == "timeline" and embed.line == 3
    assert embed.args == {"from": "1996-12-17", "title": "The first week", "phase": "seizure"}


@pytest.mark.parametrize("body, message", [
    ("Timeline", "expected a directive name"),
    ("map places", "cannot read the arguments"),
    ("map places=a places=b", "given twice"),
])
def test_bad_directives_raise(body, message):
    with pytest.raises(EmbedError, match=message):
        parse_directive(body, 1)


def convert(text, handlers, tmp_path):
    exhibit = Exhibit(root=tmp_path, log=ErrorLog(root=tmp_path))
    md = markdown.Markdown(extensions=[EmbedExtension(handlers)])
    md.exhibit_document = document = Document(tmp_path / "essay.md", exhibit, has_header=False)
    return md.convert(text), document, exhibit.log


def test_a_directive_renders_its_handlers_html_as_a_block(tmp_path):
    handlers = {"box": lambda embed, doc: f'<div class="box">{embed.args["size"]}</div>'}
    html, document, log = convert("Before.\n{% box size=2 %}\nAfter.\n", handlers, tmp_path)
    assert html == '<p>Before.</p>\n<div class="box">2</div>\n<p>After.</p>'
    assert [e.name for e in document.embeds] == ["box"] and not log.entries


def test_unknown_directive_and_inline_directive_are_errors_with_lines(tmp_path):
    text = "Intro\n\n{% bxo size=2 %}\n\nSee {% box %} here.\n\n```\n{% not-a-directive %}\n```\n"
    _, _, log = convert(text, {"box": lambda embed, doc: ""}, tmp_path)
    assert [(e.line, e.message.split(":")[0], e.hint) for e in log.errors] == [
        (3, "{% bxo size=2 %}", "did you mean 'box'?"),
        (5, "an embed directive must stand alone on its own line, as {% name arguments %}",
         "put it on a line of its own")]


def test_handler_errors_are_reported_at_the_directive_line(tmp_path):
    def handler(embed, doc):
        raise EmbedError("no events between 2001 and 2000", "check from= and to=")
    _, document, log = convert("\n\n{% box from=2001 to=2000 %}\n", {"box": handler}, tmp_path)
    (error,) = log.errors
    assert error.line == 3 and "no events between 2001 and 2000" in error.message
    assert document.embeds == []


def test_a_header_is_left_whole_for_pelican(tmp_path):
    """Embed syntax in a header is the loader's error (test_textfile); here every header line stays for
    the meta extension (a line taken out of the header left Pelican's article without a title)."""
    exhibit = Exhibit(root=tmp_path, log=ErrorLog(root=tmp_path))
    md = markdown.Markdown(extensions=["meta", EmbedExtension({"box": lambda embed, doc: "<div>box</div>"})])
    md.exhibit_document = Document(tmp_path / "essay.md", exhibit)
    text = "Title: {% box %}\nSummary: one\n    {% box %}\nOrder: {%\n\n{% box %}\n"
    assert md.convert(text) == "<div>box</div>"
    assert md.Meta == {"title": ["{% box %}"], "summary": ["one", "{% box %}"], "order": ["{%"]}
    assert not exhibit.log.entries
