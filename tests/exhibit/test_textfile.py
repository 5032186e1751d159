import pytest

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
