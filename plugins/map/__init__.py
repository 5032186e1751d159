"""Maps of the exhibit's places: a map page and ``{% map places=a,b %}`` embeds, drawn by folium.

Signals used:

* ``initialized`` — apply setting defaults, check places against ``MAP_BOUNDS``, declare the
  "place addresses" (given in the contract's addresses phase; with ``MAP_EVENT_URL`` None the map
  needs the timeline's "event addresses"), register the ``map`` embed (map.js and map.css once per page that has one; map.js loads
  Leaflet when a map comes near the viewport);
* ``content_object_init`` — remember essays and pages whose text holds a map;
* ``get_generators`` — :class:`~map.generator.MapGenerator` fills those maps in, once
  every essay is read, and writes the map page and each map's script.
"""
from __future__ import annotations

from pelican import signals

from exhibit.contract import declare, need
from exhibit.embeds import Embed, register_embed
from exhibit.document import Document
from exhibit.settingskit import apply_settings

from .checks import Bounds, check_places
from .directive import parse_map_embed
from .generator import MapBuild, MapGenerator, map_embeds, show_places
from .model import requested_places
from .render import CSS, JS, PLACEHOLDER
from .settings import SETTINGS, check_places_per_page


def map_embed(embed: Embed, document: Document) -> str:
    """Check the directive now (errors point at its line); draw it once every essay is read."""
    requested_places(parse_map_embed(embed), document.exhibit)
    number = 1 + sum(1 for e in document.embeds if e.name == "map")
    return PLACEHOLDER.format(number)


def setup(pelican) -> None:
    settings = pelican.settings
    apply_settings(settings, SETTINGS)
    exhibit = settings["EXHIBIT"]
    build = settings["MAP_BUILD"] = MapBuild()
    problem = check_places_per_page(settings)
    if problem:
        exhibit.log.error("pelicanconf.py", None, problem, "for example MAP_PLACES_PER_PAGE = 100")
    if settings["MAP_BOUNDS"] is not None:
        try:
            build.bounds = Bounds.from_setting(settings["MAP_BOUNDS"])
        except ValueError as exc:
            exhibit.log.error("pelicanconf.py", None, str(exc))
        else:
            check_places(exhibit, build.bounds, settings["MAP_BOUNDS_NAME"])
    register_embed(settings, "map", map_embed, css=CSS, js=JS)
    declare(settings, "map", "addresses", show_places, gives=["place addresses"])
    if settings["MAP_EVENT_URL"] is None:  # events link to where the exhibit shows them
        need(settings, "map", "event addresses")


def remember_maps(content) -> None:
    if map_embeds(content):
        content.settings["MAP_BUILD"].pages.append(content)


def add_generators(pelican):
    return MapGenerator


def register() -> None:
    signals.initialized.connect(setup)
    signals.content_object_init.connect(remember_maps)
    signals.get_generators.connect(add_generators)
