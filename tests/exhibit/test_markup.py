import markdown

from exhibit.markup import ExhibitMarkupExtension


def render(text):
    return markdown.markdown(text, extensions=["extra", ExhibitMarkupExtension()])


def test_lang_span_marks_spanish_and_japanese():
    assert render("The [Movimiento Revolucionario Túpac Amaru]{lang=es} and [青木盛久]{lang=ja}.") == (
        '<p>The <span lang="es">Movimiento Revolucionario Túpac Amaru</span> and '
        '<span lang="ja">青木盛久</span>.</p>')


def test_ordinary_links_and_brackets_are_left_alone():
    assert render("[a link](https://example.org) and [plain] text") == (
        '<p><a href="https://example.org">a link</a> and [plain] text</p>')


def test_inline_markdown_inside_a_span_is_rendered():
    assert render("[*Chavín de Huántar*]{lang=es}") == (
        '<p><span lang="es"><em>Chavín de Huántar</em></span></p>')


def test_tables_scroll_inside_a_focusable_region():
    html = render("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert html.startswith('<div aria-label="Table 1 (scrolls sideways)" class="table-scroll" role="region" '
                           'tabindex="0"><table>')
    assert html.endswith("</table></div>")


def test_addresses_that_would_run_code_are_dropped_leaving_the_text():
    assert render("[one](javascript:alert(1)) [two]( JaVa\tScript:alert(2)) ![x](data:text/html,boo)") == (
        '<p><a>one</a> <a>two</a> <img alt="x" /></p>')


def test_web_mail_and_relative_addresses_are_kept():
    html = render("[a](https://e.org/x:y) [b](mailto:c@e.org) [c](../sources/k.html#p:1) [d]({filename}/k.md)")
    assert html == ('<p><a href="https://e.org/x:y">a</a> <a href="mailto:c@e.org">b</a> '
                    '<a href="../sources/k.html#p:1">c</a> <a href="{filename}/k.md">d</a></p>')
