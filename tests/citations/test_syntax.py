"""Pandoc citation syntax: what is a citation, and what it parses to."""
import pytest

from citations.syntax import CitationSyntaxError, CiteItem, find_citations, parse_locator


def groups(text):
    return [found for *_, found in find_citations(text)]


@pytest.mark.parametrize("text, items", [
    ("[@cnn-1996-12-20]", [CiteItem("cnn-1996-12-20")]),
    ("[@cnn-1996-12-20, para. 4]", [CiteItem("cnn-1996-12-20", "", "paragraph", "4")]),
    ("[@key-a; @key-b]", [CiteItem("key-a"), CiteItem("key-b")]),
    ("[see @key, p. 2]", [CiteItem("key", "see", "page", "2")]),
    ("[@key, pp. 33-35 and passim]", [CiteItem("key", "", "page", "33-35", "and passim")]),
    ("[@key, quoting the minister]", [CiteItem("key", "", None, None, "quoting the minister")]),
    ("[@key, ¶ 3]", [CiteItem("key", "", "paragraph", "3")]),
    ("[@key, 12]", [CiteItem("key", "", "page", "12")]),
])
def test_citations_parse(text, items):
    (group,) = groups(text)
    assert list(group.items) == items and group.source_text == text


@pytest.mark.parametrize("text", ["[write to a@b.org]", "[a link](https://x.org/@me)", "[^note]",
                                  "`[@in-code]`", "```\n[@in-fence]\n```", "    [@indented-code]",
                                  "[Túpac Amaru]{lang=es}", r"\[@escaped]"])
def test_things_that_are_not_citations(text):
    assert groups(text) == []


@pytest.mark.parametrize("text, message", [
    ("[@]", "expected '@key'"),
    ("[@key para 4]", "expected a comma before the locator"),
    ("[@a;]", "empty item"),
    ("[@a;; @b]", "empty item"),
])
def test_malformed_citations_are_errors_not_text(text, message):
    (found,) = groups(text)
    assert isinstance(found, CitationSyntaxError) and message in str(found)
    assert found.hint


@pytest.mark.parametrize("text", ["as the paper reported [@key]: the guests", "it said [see @key, p. 2]: no",
                                  "> quoted [@key]: more"])
def test_a_citation_followed_by_a_colon_is_a_citation(text):
    (group,) = groups(text)
    assert group.items[0].key == "key"


@pytest.mark.parametrize("text", ["[@key]: https://example.org", "   [@key]: https://example.org"])
def test_a_bracket_and_colon_opening_a_line_is_a_link_definition(text):
    assert groups(text) == []


def test_lines_are_counted_in_the_whole_text():
    text = "Title: x\n\nFirst [@a].\n\n```\n[@skipped]\n```\nLast [@b, p. 1]."
    assert [(line, g.items[0].key) for _, _, line, g in find_citations(text)] == [(3, "a"), (8, "b")]


def test_locator_labels():
    assert parse_locator("chap. 2") == ("chapter", "2", "")
    assert parse_locator("sec. 4.1") == ("section", "4.1", "")
    assert parse_locator("fig. 3 and 4") == ("figure", "3 and 4", "")
