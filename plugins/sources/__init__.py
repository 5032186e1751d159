"""Source pages: one page per published source record (``source.html``) and the index of sources
(``sources.html``), at ``SOURCE_SAVE_AS`` / ``SOURCES_INDEX_SAVE_AS``.

* ``initialized`` — setting defaults; say, in the contract, that this plugin gives the "source pages" while reading;
* ``get_generators`` — :class:`~sources.generator.SourcesGenerator` reads the records into pages
  (``context['source_pages']``, in date order; each answers to ``{filename}/sources/<key>.md``
  links) and writes them. Other plugins add to them once everything is read: their citations
  and "cited in" lists (citations), their social cards (images).
"""
from __future__ import annotations

from pelican import signals

from exhibit.contract import give
from exhibit.settingskit import apply_settings

from .generator import SourcesGenerator
from .settings import SETTINGS


def setup(pelican) -> None:
    apply_settings(pelican.settings, SETTINGS)
    give(pelican.settings, "sources", "source pages")


def add_generators(pelican):
    return SourcesGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.get_generators.connect(add_generators)
