"""Discovery: full-text search, the data downloads, and what other sites read about each page.

Modules: ``tables`` / ``downloads`` / ``datapackage`` (the data files), ``search_index``
(Pagefind), ``metadata`` (Open Graph, Twitter card, JSON-LD), ``sitemap`` (sitemap.xml,
robots.txt), ``feed`` (the Atom feed's entries), ``pages`` (the generator of the search and
Data pages).

* ``initialized`` — setting defaults; this build's state (``settings['DISCOVERY']``);
* ``generator_init`` — ``page_metadata(title, description, canonical)`` for templates;
* ``article_generator_finalized`` — remember when each essay was last revised (sitemap);
* ``get_generators`` — :class:`~discovery.pages.DiscoveryGenerator`;
* ``feed_generated`` — the essays' Atom feed carries summaries, content notes and links (``feed``);
* ``finalized`` — the 404 page made self-contained (``notfound``); once every page is written into the build folder: sitemap.xml,
  robots.txt and the search index, the last step of a build. A failure is a build error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from exhibit.contract import need
from exhibit.settingskit import apply_settings
from exhibit.texts import RecordTexts

from .addresses import Addresses
from .feed import essays_feed
from .metadata import StructuredData
from .notfound import Unreadable, self_contained
from .pages import DiscoveryGenerator
from .search_index import IncompleteIndex, check_anchors, records, write_index
from .settings import SETTINGS
from .sitemap import page_files, robots_txt, sitemap_xml


@dataclass
class Discovery:
    """This build's state: how addresses are written, the data files' texts, essays' revision dates."""

    addresses: Addresses
    texts: RecordTexts
    metadata: StructuredData
    modified: dict[str, str] = field(default_factory=dict)  # essay file → YYYY-MM-DD


def setup(pelican) -> None:
    settings = pelican.settings
    apply_settings(settings, SETTINGS)
    for pattern, index in (("DISCOVERY_EVENT_URL", "event addresses"), ("DISCOVERY_PLACE_URL", "place addresses")):
        if settings[pattern] is None:  # records link to where the exhibit shows them
            need(settings, "discovery", index)
    addresses, texts = Addresses(settings), settings["EXHIBIT_TEXTS"]
    settings["DISCOVERY"] = Discovery(addresses, texts, StructuredData(settings, addresses, texts))


def add_template_helpers(generator) -> None:
    metadata = generator.settings["DISCOVERY"].metadata
    generator.env.globals["page_metadata"] = pass_context(
        lambda context, title, description, canonical: metadata.page(context, title, description, canonical))


def remember_revisions(generator) -> None:
    generator.settings["DISCOVERY"].modified.update(
        {a.save_as: (getattr(a, "modified", None) or a.date).date().isoformat()
         for a in generator.articles if getattr(a, "essay", None)})


def add_generators(pelican):
    return DiscoveryGenerator


def finish(pelican) -> None:
    settings = pelican.settings
    state, log, output = settings["DISCOVERY"], settings["EXHIBIT"].log, Path(settings["OUTPUT_PATH"])
    public = state.addresses.public
    if public:
        pages = page_files(output, settings["SITEMAP_EXCLUDE"])
        (output / "sitemap.xml").write_bytes(sitemap_xml(public, pages, settings["INDEX_SAVE_AS"], state.modified))
    (output / "robots.txt").write_text(robots_txt(public, "sitemap.xml"), encoding="utf-8")
    found = records(settings["EXHIBIT"], state.addresses, state.texts)
    check_anchors(output, found, log, settings)
    if log:
        return
    try:
        write_index(output, found, settings["DEFAULT_LANG"], settings["SEARCH_IGNORE"],
                    Path(settings["CACHE_PATH"]) / "search-index")
    except IncompleteIndex as exc:
        log.error("pagefind", None, f"the search index could not be built: {exc}",
                  "build again; if it happens again, check that the disk has room (df -h)")
    except Exception as exc:  # the Pagefind binary is missing, crashed or could not write
        log.error("pagefind", None, f"the search index could not be built: {type(exc).__name__}: {exc}",
                  "install the project's dependencies (README's first command), which include "
                  "pagefind[bin], then build again")


def contain_not_found(pelican) -> None:
    """The 404 page's styles and icon written into it (``notfound``), once the theme's files are out."""
    settings = pelican.settings
    page = Path(settings["OUTPUT_PATH"]) / settings["NOT_FOUND_SAVE_AS"]
    if not page.is_file():
        return
    try:
        page.write_text(self_contained(page.read_text(encoding="utf-8"), page.parent,
                                       settings.get("PUBLIC_URL") or ""), encoding="utf-8")
    except Unreadable as exc:
        settings["EXHIBIT"].log.error(page, None, f"the 404 page links {exc}, which the build did not write",
                                      "link only the theme's own files from base.html")


def register() -> None:
    signals.initialized.connect(setup)
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(remember_revisions)
    signals.get_generators.connect(add_generators)
    signals.feed_generated.connect(essays_feed)
    signals.finalized.connect(contain_not_found)
    signals.finalized.connect(finish)
