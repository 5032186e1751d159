"""The map page, the maps embedded in essays, and their scripts.

Runs after Pelican has read every essay and page (plugin generators come after
Pelican's own), so each map knows which essays mention its places.

The map page holds the maps and the first ``MAP_PLACES_PER_PAGE`` place entries
(with their descriptions); longer lists continue on ``map-2.html``, ``map-3.html``…
(named after ``MAP_SAVE_AS``), so a page stays light however many places there are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from exhibit.embeds import Embed
from exhibit.model import CitedIn, Exhibit, Place
from exhibit.pagelinks import relative_root
from exhibit.texts import anchor_of

from .checks import Bounds
from .directive import parse_map_embed
from .model import (PRECISION_MEANING, EssayLink, MapView, PlaceView, events_by_place, paginate, place_views,
                    requested_places, split_by_area)
from .render import CSS, JS, DrawnMap, MapDrawer, fill_placeholders


@dataclass
class MapBuild:
    """What one build knows before the maps are drawn: the focus area, and the essays and pages
    whose text holds maps (collected while Pelican reads them)."""

    bounds: Bounds | None = None
    pages: list = field(default_factory=list)  # Pelican content objects


@dataclass(eq=False)
class Region:
    """One map of the map page with its heading: the focus area, or everything beyond it."""

    slug: str
    title: str
    places: list[PlaceView]
    drawn: DrawnMap | None = None


@dataclass(eq=False)
class EntryPage:
    """One page of place entries: its number, address and (region, its places on this page) pairs."""

    number: int
    save_as: str
    sections: list[tuple[Region, list[PlaceView]]]

    def shown(self, region: Region) -> list[PlaceView]:
        """The places of ``region`` whose entries are on this page."""
        return next((views for shown, views in self.sections if shown is region), [])

    @property
    def first_and_last(self) -> str:
        """'Place A – Place B': the names of its first and last entries (one name for one entry)."""
        first, last = self.sections[0][1][0], self.sections[-1][1][-1]
        return first.place.name if first is last else f"{first.place.name} – {last.place.name}"


def event_addresses(pattern: str | None, exhibit: Exhibit) -> dict[str, str]:
    """Event id → its address from the site root: where the exhibit shows it (``pattern`` None: the
    "event addresses" the timeline gives in the contract's addresses phase), ``pattern`` filled in, or
    none at all ('')."""
    if pattern is None:
        return {e.id: exhibit.shown_at[anchor_of(e)] for e in exhibit.events if anchor_of(e) in exhibit.shown_at}
    return {e.id: pattern.format(id=e.id) for e in exhibit.events} if pattern else {}


def regions_of(places: list[Place], bounds: Bounds | None, name: str) -> list[tuple[str, str, list[Place]]]:
    """The map page's maps as (slug, heading, places): the focus area and what lies beyond it, or one."""
    inside, beyond = split_by_area(places, bounds)
    groups = ([("focus", f"In {name}", inside), ("beyond", f"Beyond {name}", beyond)] if bounds
              else [("places", "Every place", inside)])
    return [group for group in groups if group[2]]


def entry_pages_of(regions, per_page: int, first: str) -> list[tuple[int, str, list[tuple[str, list]]]]:
    """The pages of place entries as (number, address, [(region slug, its entries on the page)])."""
    pages = paginate([(slug, entries) for slug, _, entries in regions], per_page)
    return [(number, first if number == 1 else f"{first.removesuffix('.html')}-{number}.html", sections)
            for number, sections in enumerate(pages, start=1)]


def show_places(settings: dict, _generators) -> None:
    """Where the map page lists each place (the "place addresses"), from the model alone."""
    exhibit: Exhibit = settings["EXHIBIT"]
    regions = regions_of(list(exhibit.places.values()), settings["MAP_BUILD"].bounds, settings["MAP_BOUNDS_NAME"])
    exhibit.shown_at.update({anchor_of(place): f"{save_as}#{anchor_of(place)}"
                             for _, save_as, sections in entry_pages_of(regions, settings["MAP_PLACES_PER_PAGE"],
                                                                        settings["MAP_SAVE_AS"])
                             for _, places in sections for place in places})


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
        mentions = essays_by_place(build.pages)
        self.events = events_by_place(exhibit)
        views = place_views(list(exhibit.places.values()), self.events, mentions)
        texts = self.settings["EXHIBIT_TEXTS"]
        texts.convert_all([view.place for view in views])
        root = relative_root(self.settings["MAP_SAVE_AS"])
        for view in views:
            view.description_html, view.cited = texts.html(view.place, root), texts.cited(view.place)
        self.regions = self._regions(views, build.bounds)
        self.entry_pages = self._entry_pages(self.regions)
        entries = {view.key: page.save_as for page in self.entry_pages
                   for _, views in page.sections for view in views}
        self.drawer = MapDrawer(self.settings, self.env, entries, event_addresses(self.settings["MAP_EVENT_URL"], exhibit))
        map_links = self.drawer.links(relative_root(self.settings["MAP_SAVE_AS"]), self.settings["MAP_SAVE_AS"])
        for number, region in enumerate(self.regions, start=1):
            region.drawn = self.drawer.draw(MapView(number, region.places), map_links)
        for page in build.pages:
            self._fill_embeds(page, exhibit, mentions)
        self._add_cited_in(exhibit, views)

    def _fill_embeds(self, page, exhibit: Exhibit, mentions) -> None:
        root, rendered = relative_root(page.save_as), {}
        for number, embed in enumerate(map_embeds(page), start=1):
            request = parse_map_embed(embed)
            places = requested_places(request, exhibit)
            if places:
                view = MapView(number, place_views(places, self.events, mentions), request.caption)
                rendered[number] = self.drawer.embed_html(view, root, page.url)
        page._content = fill_placeholders(page._content, rendered)

    def _regions(self, views: list[PlaceView], bounds: Bounds | None) -> list[Region]:
        by_key = {v.key: v for v in views}
        return [Region(slug, title, [by_key[p.key] for p in places])
                for slug, title, places in regions_of([v.place for v in views], bounds, self.settings["MAP_BOUNDS_NAME"])]

    def _entry_pages(self, regions: list[Region]) -> list[EntryPage]:
        by_slug = {region.slug: region for region in regions}
        pages = entry_pages_of([(r.slug, r.title, r.places) for r in regions], self.settings["MAP_PLACES_PER_PAGE"],
                               self.settings["MAP_SAVE_AS"])
        return [EntryPage(number, save_as, [(by_slug[slug], views) for slug, views in sections])
                for number, save_as, sections in pages]

    def _add_cited_in(self, exhibit: Exhibit, views: list[PlaceView]) -> None:
        """Source pages list the places that cite them ("Cited in this exhibit"), linking to their entries."""
        for view in views:
            for key in dict.fromkeys([*view.place.sources, *view.cited]):
                exhibit.cited_in.setdefault(key, []).append(
                    CitedIn(f"Map: {view.place.name}", exhibit.shown_at[anchor_of(view.place)], "place"))

    def generate_output(self, writer):
        for page in self.entry_pages:
            links = self.drawer.links(relative_root(page.save_as), page.save_as)
            writer.write_file(page.save_as, self.get_template("map"), self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], url=page.save_as,
                              page_name=page.save_as.removesuffix(".html"), regions=self.regions,
                              entry_page=page, entry_pages=self.entry_pages, map_css=CSS, map_js=JS,
                              PRECISION_MEANING=PRECISION_MEANING, links=links, root=links.root)
        for url, script in self.drawer.scripts.items():
            path = Path(self.output_path) / url
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(script, encoding="utf-8")
