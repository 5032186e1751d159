"""Header fields of essays, sources and pages: plain text of a sane length, whatever is written there."""
import pytest


ESSAY, SOURCE, PAGE = "essays/02-talks.md", "sources/almanac-entry.md", "pages/about.md"
LONG = "x" * 1_000_000


def with_field(mini, relative, field, value):
    """Give the file at ``relative`` the header field (in place of its own, if it has one) and a map,
    which reads the title of every essay showing it; returns the field's line."""
    path = mini.content / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    own = [n for n, line in enumerate(lines) if line.startswith(f"{field}: ")]
    line = own[0] if own else 1
    lines[line:line + bool(own)] = [f"{field}: {value}"]
    path.write_text("\n".join(lines + ["", "{% map places=hall %}", ""]), encoding="utf-8")
    return line + 1


@pytest.mark.parametrize("relative, field, value, message", [
    (ESSAY, "Title", "{% timeline %}", "Title: a header field is plain text and cannot hold an embed"),
    (ESSAY, "Title", "{% %}", "Title: a header field is plain text and cannot hold an embed"),
    (ESSAY, "Summary", "{% map places=hall %}", "Summary: a header field is plain text"),
    (ESSAY, "Content-Note", "{% timeline", "Content-Note: a header field is plain text"),
    (SOURCE, "Title", "{% timeline %}", "Title: a header field is plain text"),
    (SOURCE, "Subtitle", "{% %}", "Subtitle: a header field is plain text"),
    (PAGE, "Title", "{% timeline phase=seizure %}", "Title: a header field is plain text"),
    (ESSAY, "Title", LONG, "field 'Title' has 1,000,005 characters"),
    (ESSAY, "Summary", "word " * 200_000, "field 'Summary' has 1,000,006 characters"),
    (SOURCE, "Title", LONG, "field 'Title' has 1,000,005 characters"),
    (SOURCE, "Subtitle", LONG, "field 'Subtitle' has 1,000,008 characters"),
    (PAGE, "Title", LONG, "field 'Title' has 1,000,005 characters"),
])
def test_embed_syntax_or_a_huge_value_in_a_header_is_a_located_error(mini, relative, field, value, message):
    line = with_field(mini, relative, field, value)
    log = mini.check()
    assert any(e.path == f"content/{relative}" and e.line == line and message in e.message
               for e in log.errors), log.report()
    assert all(e.path.startswith("content/") and e.line for e in log.errors), log.report()
