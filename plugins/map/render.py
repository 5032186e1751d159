"""Maps as HTML: the figure and place list of an embed, and the map page's regions.

An embed is rendered once every essay has been read, because its list says which
essays mention each place; until then the essay holds a placeholder comment.
Links are written relative to the page the map appears on (:class:`~map.links.PageLinks`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from exhibit.staticmaps import StaticMap, StaticMaps

from .geojson import map_data
from .links import PageLinks
from .model import MapView
from .script_cache import ScriptCache, script_name

PLACEHOLDER = "<!--exhibit-map:{}-->"
PLACEHOLDER_RE = re.compile(r"<!--exhibit-map:(\d+)-->")

# Our own files, from the theme's static folder, in every page with a map.
CSS = ["css/map.css"]
JS = ["js/map.js"]
# Leaflet, from the same folder, and our markers on it: map.js loads them (in this order, once per
# page) when a map comes near the viewport, then the map's own script. The list beside each map is
# the content meanwhile.
LEAFLET_CSS = ["vendor/leaflet-1.9.4/leaflet.css", "vendor/leaflet.markercluster-1.5.3/MarkerCluster.css"]
LEAFLET_JS = ["vendor/leaflet-1.9.4/leaflet.js", "vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js",
              "js/map-leaflet.js"]


@dataclass
class DrawnMap:
    """A map ready for a template: its view, the id of its element, its script's address and its
    static map (None without the images plugin), shown for print, without JavaScript and without tiles."""

    view: MapView
    canvas_id: str
    script_url: str  # from the site root
    static: StaticMap | None = None
    styles: tuple[str, ...] = tuple(f"theme/{css}" for css in LEAFLET_CSS)  # from the site root
    libraries: tuple[str, ...] = tuple(f"theme/{js}" for js in LEAFLET_JS)


class MapDrawer:
    """Renders maps for one build and collects their scripts for the writer."""

    def __init__(self, settings: dict, env: Environment, entries: dict[str, str], events: dict[str, str]):
        self.settings = settings
        self.env = env
        self.entries = entries  # place key → the map page holding its entry
        self.events = events  # event id → its address from the site root, for the events linked
        self.scripts: dict[str, str] = {}  # output path → script
        self.cache = ScriptCache(Path(settings["CACHE_PATH"]) / "maps")

    def draw(self, view: MapView, links: PageLinks) -> DrawnMap:
        canvas_id, script = self.cache.script(view, map_data(view, links), self.settings)
        url = f"{self.settings['MAP_SCRIPTS_DIR']}/{script_name(script)}"
        self.scripts[url] = script
        static_maps = self.settings.get("STATIC_MAPS")
        static = static_maps.want(v.place for v in view.places) if isinstance(static_maps, StaticMaps) else None
        return DrawnMap(view, canvas_id, url, static)

    def links(self, root: str, page_url: str) -> PageLinks:
        """Links as written on the page at ``page_url`` (``root`` leads from it to the site root)."""
        return PageLinks(root, page_url, self.entries, self.events)

    def embed_html(self, view: MapView, root: str, page_url: str) -> str:
        links = self.links(root, page_url)
        return self.env.get_template("partials/map_embed.html").render(drawn=self.draw(view, links), links=links)


def fill_placeholders(html: str, rendered: dict[int, str]) -> str:
    """Put each map's HTML where its directive stood."""
    return PLACEHOLDER_RE.sub(lambda m: rendered.get(int(m.group(1)), ""), html)
