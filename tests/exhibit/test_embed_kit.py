"""The embed kit is all a new embed needs: a `{% gallery %}` in a few lines, built into the mini exhibit."""
import types
from pathlib import Path

import pytest
from pelican import signals

from exhibit.embedkit import ROOT, Arguments, items, one_of, register_embed, theme_templates
from exhibit.errors import ExhibitBuildError
from ops.build import load_settings

SETTINGS = Path(__file__).resolve().parents[2] / "pelicanconf.py"

GALLERY = Arguments(("images", "columns"), "a gallery")
TEMPLATE = ('<div class="gallery gallery--{{ columns }}">{% for name in images %}'
            '<img src="{{ root }}/images/{{ name }}" alt="{{ name }}">{% endfor %}</div>')


def gallery_handler(settings):
    template = theme_templates(settings).from_string(TEMPLATE)

    def gallery(embed, document):
        GALLERY.check(embed.args)
        images = items(GALLERY.required(embed.args, "images", "list the images: images=a.jpg,b.jpg"))
        columns = one_of(embed.args, "columns", ("1", "2", "3"), "give 1, 2 or 3 columns")
        return template.render(images=images, columns=columns, root=ROOT)
    return gallery


def setup(pelican):
    register_embed(pelican.settings, "gallery", gallery_handler(pelican.settings))


@pytest.fixture
def with_gallery(mini):
    """The mini exhibit, built with the gallery plugin after the project's own."""
    plugin = types.ModuleType("gallery")
    plugin.register = lambda: signals.initialized.connect(setup)
    plugins = [*load_settings(SETTINGS)["PLUGINS"], plugin]
    return mini, lambda: mini.build(PLUGINS=plugins)


def add_to_essay(mini, directive: str) -> int:
    """Put ``directive`` at the end of the second essay; the line it is on."""
    path = mini.content / "essays/02-talks.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{directive}\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


def test_a_gallery_renders_with_links_from_its_page(with_gallery):
    mini, build = with_gallery
    add_to_essay(mini, "{% gallery images=a.jpg,b.jpg columns=2 %}")
    build()
    html = mini.html("essays/talks.html")
    assert ('<div class="gallery gallery--2"><img src="../images/a.jpg" alt="a.jpg">'
            '<img src="../images/b.jpg" alt="b.jpg"></div>') in html
    assert ROOT not in html


def test_a_mistyped_argument_is_explained_at_its_line(with_gallery):
    mini, build = with_gallery
    line = add_to_essay(mini, "{% gallery images=a.jpg colums=2 %}")
    with pytest.raises(ExhibitBuildError) as raised:
        build()
    (error,) = [e for e in raised.value.log.errors if "colums" in e.message]
    assert (error.path, error.line) == ("content/essays/02-talks.md", line)
    assert "unknown argument 'colums' (a gallery takes: images, columns)" in error.message
    assert error.hint == "did you mean 'columns'?"
