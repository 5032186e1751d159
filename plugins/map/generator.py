"""The map page, the maps embedded in essays, and their scripts.

Runs after Pelican has read every essay and page (plugin generators come after
Pelican's own), so each map knows which essays mention its places.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator
from pelican.utils import get_relative_path

from exhibit.document import render_markdown
from exhibit.embeds import Embed
from exhibit.model import CitedIn, Exhibit

from .checks import Bounds
from .directive import parse_map_embed
from .model import (PRECISION_MEANING, EssayLink, MapView, PlaceView, place_views, requested_places,
                    split_by_area)
from .render import CSS, JS, DrawnMap, MapDrawer, fill_placeholders


@dataclass
class MapBuild:
    """What one build knows before the maps are drawn: the focus area, and the essays and pages
    whose text holds maps (collected while Pelican reads them)."""

    bounds: Bounds | None = None
    pages: list = field(default_factory=list)  # Pelican content objects


@dataclass
class Region:
    """One map of the map page with its heading: the focus area, or everything beyond it."""

    slug: str
    title: str
    drawn: DrawnMap


def map_embeds(content) -> list[Embed]:
    document = getattr(content, "document", None)
    return [e for e in document.embeds if e.name == "map"] if document else []


def essays_by_place(pages) -> dict[str, list[EssayLink]]:
    """For each place key, the essays whose maps show it, in exhibit order."""
    essays = sorted((p for p in pages if getattr(p, "essay", None)), key=lambda p: p.essay.order)
    index: dict[str, list[EssayLink]] = {}
    for essay in essays:
        keys = dict.fromkeys(k for e in map_embeds(essay) for k in parse_map_embed(e).keys)
        for key in keys:
            index.setdefault(key, []).append(EssayLink(essay.title, essay.url))
    return index


class MapGenerator(Generator):
    """Fills in the embedded maps, then writes the map page and every map's script."""

    def generate_context(self):
        exhibit: Exhibit = self.settings["EXHIBIT"]
        build: MapBuild = self.settings["MAP_BUILD"]
        self.drawer = MapDrawer(self.settings, self.env)
        mentions = essays_by_place(build.pages)
        for page in build.pages:
            self._fill_embeds(page, exhibit, mentions)
        views = place_views(list(exhibit.places.values()), exhibit, mentions)
        for view in views:
            self._describe(view)
        self.regions = self._regions(views, build.bounds)
        self._add_cited_in(exhibit, views)

    def _fill_embeds(self, page, exhibit: Exhibit, mentions) -> None:
        root, rendered = get_relative_path(page.save_as), {}
        for number, embed in enumerate(map_embeds(page), start=1):
            request = parse_map_embed(embed)
            places = requested_places(request, exhibit)
            if places:
                view = MapView(number, place_views(places, exhibit, mentions), request.caption)
                rendered[number] = self.drawer.embed_html(view, root, page.url)
        page._content = fill_placeholders(page._content, rendered)

    def _describe(self, view: PlaceView) -> None:
        """The place's description as HTML for the map page, its citations as notes."""
        place = view.place
        root = get_relative_path(self.settings["MAP_SAVE_AS"])
        source_url = f"{root}/{self.settings['SOURCE_URL'].replace('{slug}', '{key}')}"
        view.description_html, document = render_markdown(
            self.settings, place.description, place.path, place.line_of("description"), source_url,
            id_prefix=f"place-{place.key}-")
        view.cited = [key for cited in document.citations for key in cited.keys]

    def _regions(self, views: list[PlaceView], bounds: Bounds | None) -> list[Region]:
        by_key = {v.key: v for v in views}
        inside, beyond = split_by_area([v.place for v in views], bounds)
        name = self.settings["MAP_BOUNDS_NAME"]
        groups = ([("focus", f"In {name}", inside), ("beyond", f"Beyond {name}", beyond)] if bounds
                  else [("places", "Every place", inside)])
        regions = []
        for slug, title, places in groups:
            if places:
                view = MapView(len(regions) + 1, [by_key[p.key] for p in places])
                regions.append(Region(slug, title, self.drawer.draw(view)))
        return regions

    def _add_cited_in(self, exhibit: Exhibit, views: list[PlaceView]) -> None:
        """Source pages list the places that cite them ("Cited in this exhibit")."""
        for view in views:
            for key in dict.fromkeys([*view.place.sources, *view.cited]):
                exhibit.cited_in.setdefault(key, []).append(
                    CitedIn(f"Map: {view.place.name}", f"{self.settings['MAP_SAVE_AS']}#place-{view.key}",
                            "place"))

    def generate_output(self, writer):
        save_as = self.settings["MAP_SAVE_AS"]
        writer.write_file(save_as, self.get_template("map"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=save_as,
                          page_name=save_as.removesuffix(".html"), regions=self.regions,
                          map_css=CSS, map_js=JS, PRECISION_MEANING=PRECISION_MEANING,
                          **self.drawer.links(get_relative_path(save_as), save_as))
        for url, script in self.drawer.scripts.items():
            path = Path(self.output_path) / url
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(script, encoding="utf-8")
