"""Embeds are blocks: no paragraph wraps their HTML, whatever it starts with and whatever ids
the paragraphs get (exhibit.embeds; the map, timeline and figure embeds rely on it)."""
import markdown
import pytest
from markdown.treeprocessors import Treeprocessor

from exhibit.document import Document
from exhibit.embeds import EmbedExtension
from exhibit.errors import ErrorLog
from exhibit.model import Exhibit


class NumberParagraphs(Treeprocessor):
    """Every paragraph gets an id, the placeholders of embeds too (p-2 here)."""

    def run(self, root):
        for number, paragraph in enumerate(root.iter("p"), start=1):
            paragraph.set("id", f"p-{number}")


def convert(text, html, tmp_path, numbered=False):
    md = markdown.Markdown(extensions=[EmbedExtension({"box": lambda embed, doc: html})])
    if numbered:
        md.treeprocessors.register(NumberParagraphs(md), "numbers", 1)
    md.exhibit_document = Document(tmp_path / "essay.md", Exhibit(root=tmp_path, log=ErrorLog(root=tmp_path)),
                                   has_header=False)
    return md.convert(text)


@pytest.mark.parametrize("html", ['<figure class="box">b</figure>', '\n<figure class="box">b</figure>\n',
                                  "<!--box:1-->", '<span class="box">b</span>'])
@pytest.mark.parametrize("numbered", [False, True])
def test_the_embed_replaces_its_paragraph(html, numbered, tmp_path):
    out = convert("Before.\n{% box %}\nAfter.\n\n{% box %}", html, tmp_path, numbered)
    before, after = ('<p id="p-1">Before.</p>', '<p id="p-3">After.</p>') if numbered else ("<p>Before.</p>", "<p>After.</p>")
    assert out.split() == f"{before}\n{html}\n{after}\n{html}".split()


def test_a_directive_quoted_in_code_stays_text(tmp_path):
    assert convert("```\n{% box %}\n```", "<figure>b</figure>", tmp_path) == "<p><code>{% box %}</code></p>"
