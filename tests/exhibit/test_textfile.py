import pytest

from exhibit import textfile
from exhibit.textfile import TextFileError, parse_header, read_text


def test_header_fields_keep_their_lines():
    header, problems = parse_header("Title: A\nOrder: 2\nSummary: one\n    two\n\nBody\n")
    assert problems == []
    assert header.values == {"title": "A", "order": "2", "summary": "one two"}
    assert header.lines == {"title": 1, "order": 2, "summary": 3}
    assert header.body_line == 6


def test_a_line_that_is_not_a_field_is_reported_with_its_line():
    _, problems = parse_header("Title: A\nthis is prose\n\nBody\n")
    assert problems and problems[0][0] == 2
    assert "expected 'Field: value'" in problems[0][1]


def test_a_field_given_twice_is_reported():
    _, problems = parse_header("Title: A\nTitle: B\n\nBody\n")
    assert problems == [(2, "field 'Title' is given twice (first on line 1)")]


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("Title: ok\nPublisher: Caf\xe9 Press\n".encode("latin-1"))
    with pytest.raises(TextFileError) as info:
        read_text(path)
    assert info.value.line == 2
    assert "UTF-8" in str(info.value)


@pytest.mark.parametrize("header, line", [
    ("Title: " + "x" * 1_000_000 + "\n", 1),
    ("Title: A\nSummary: one\n" + "    more words\n" * 200_000, 2),
    ("Title: A\n" + "Long" * 600 + ": x\n", 2),
])
def test_a_header_field_longer_than_the_limit_is_reported_at_its_line(header, line):
    _, problems = parse_header(header + "\nBody\n")
    ((got_line, message),) = problems
    assert got_line == line
    assert f"characters; a header field holds at most {textfile.MAX_FIELD:,}" in message and len(message) < 300


def test_a_field_at_the_limit_is_read():
    header, problems = parse_header("Title: " + "x" * (textfile.MAX_FIELD - len("title")) + "\n\nBody\n")
    assert problems == [] and len(header.values["title"]) == textfile.MAX_FIELD - 5


def test_embed_syntax_in_a_header_field_is_reported_at_its_line():
    _, problems = parse_header("Title: {% timeline %}\nSummary: one\n    {% %}\nOrder: {%\n\n{% map %}\n")
    assert problems == [(line, f"{name}: a header field is plain text and cannot hold an embed directive "
                               "({% … %}); put the directive in the text, on a line of its own after the "
                               "blank line that ends the header")
                        for line, name in ((1, "Title"), (3, "Summary"), (4, "Order"))]
