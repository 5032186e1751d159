"""Images: curators' figures as cached responsive derivatives, social cards, favicons and static maps.

Signals used:

* ``initialized`` — apply setting defaults, register the ``figure`` embed and our
  Markdown extension (``![…](…)`` is refused; a figure near the top loads at once);
* ``static_generator_finalized`` — keep originals out of the output: only stripped
  derivatives are published;
* the contract's ``indexed`` phase — make every image once all pages are read (``make_images``);
* ``get_generators`` — :class:`~images.generator.ImagesGenerator` publishes them.
"""
from __future__ import annotations

from pathlib import Path

from pelican import signals

from exhibit import add_markdown_extension
from exhibit.contract import declare
from exhibit.embeds import register_embed
from exhibit.settingskit import apply_settings
from exhibit.staticmaps import StaticMaps

from .figure import Figures
from .generator import ImagesGenerator, make_images
from .markdown_ext import ImagesExtension
from .settings import SETTINGS


def setup(pelican) -> None:
    settings = pelican.settings
    apply_settings(settings, SETTINGS)
    settings["IMAGES_FIGURES"] = figures = Figures(settings)
    # Plugins that show places ask it for their static maps; the generator draws them.
    settings["STATIC_MAPS"] = StaticMaps(settings["IMAGES_OUTPUT_DIR"], settings["STATIC_MAP_SIZE"])
    register_embed(settings, "figure", figures, css=["css/images.css"])
    add_markdown_extension(settings, ImagesExtension(settings["IMAGES_EAGER_BEFORE_PARAGRAPH"]))
    declare(settings, "images", "indexed", make_images, gives=["images"], needs=["source pages"])


def keep_originals_unpublished(generator) -> None:
    """Originals may carry GPS positions and other metadata: never copy them as static files."""
    folder = (Path(generator.path) / generator.settings["IMAGES_DIR"]).resolve()
    originals = [s for s in generator.staticfiles if Path(s.source_path).resolve().is_relative_to(folder)]
    linked = set(generator.context.get("static_links", ()))
    for static in originals:
        generator.staticfiles.remove(static)
        if static.relative_source_path in linked:
            generator.settings["EXHIBIT"].log.error(
                static.source_path, None,
                "this original is linked with {static} or {attach}, which would publish it with its metadata",
                "place it with {% figure src=NAME %} instead (docs/CURATING.md, 'Images')")


def add_generators(pelican):
    return ImagesGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.static_generator_finalized.connect(keep_originals_unpublished)
    signals.get_generators.connect(add_generators)
