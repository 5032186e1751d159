"""Maps as HTML: the figure and place list of an embed, and the map page's regions.

An embed is rendered once every essay has been read, because its list says which
essays mention each place; until then the essay holds a placeholder comment.
Links are written relative to the page the map appears on (``root``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment

from .folium_map import map_script, script_name
from .model import MapView

PLACEHOLDER = "<!--exhibit-map:{}-->"
# Markdown leaves a paragraph around the placeholder once citations number it (<p id="p-3">).
PLACEHOLDER_RE = re.compile(r"(?:<p(?: [^>]*)?>\s*)?<!--exhibit-map:(\d+)-->(?:\s*</p>)?")

# Leaflet and our own files, from the theme's static folder; loaded once per page.
CSS = ["vendor/leaflet-1.9.4/leaflet.css", "vendor/leaflet.markercluster-1.5.3/MarkerCluster.css", "css/map.css"]
JS = ["vendor/leaflet-1.9.4/leaflet.js", "vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js", "js/map.js"]


@dataclass
class DrawnMap:
    """A map ready for a template: its view, the id of its element and its script's address."""

    view: MapView
    canvas_id: str
    script_url: str  # from the site root


class MapDrawer:
    """Renders maps for one build and collects their scripts for the writer."""

    def __init__(self, settings: dict, env: Environment):
        self.settings = settings
        self.env = env
        self.scripts: dict[str, str] = {}  # output path → script

    def draw(self, view: MapView) -> DrawnMap:
        canvas_id, script = map_script(view, self.settings)
        url = f"{self.settings['MAP_SCRIPTS_DIR']}/{script_name(script)}"
        self.scripts[url] = script
        return DrawnMap(view, canvas_id, url)

    def links(self, root: str, page_url: str) -> dict:
        """What the place cards need to link from a page at ``page_url`` (``root`` leads to the site root)."""
        map_url = self.settings["MAP_SAVE_AS"]
        return {"root": root, "page_url": page_url,
                "place_href": "#place-{}" if page_url == map_url else f"{root}/{map_url}#place-{{}}",
                "event_href": f"{root}/{self.settings['MAP_EVENT_URL']}" if self.settings["MAP_EVENT_URL"] else ""}

    def embed_html(self, view: MapView, root: str, page_url: str) -> str:
        drawn = self.draw(view)
        return self.env.get_template("partials/map_embed.html").render(
            drawn=drawn, **self.links(root, page_url))


def fill_placeholders(html: str, rendered: dict[int, str]) -> str:
    """Put each map's HTML where its directive stood."""
    return PLACEHOLDER_RE.sub(lambda m: rendered.get(int(m.group(1)), ""), html)
