"""Every image of a build: figures' derivatives, social cards, static maps and favicons.

Runs after every other generator has read its pages (plugin generators come last),
gathers the jobs, runs the missing ones on every core (``cache.run_missing``), and
links the cached files into the output.
"""
from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from pelican.generators import Generator

from exhibit.model import Exhibit, Place

from .cache import digest, files_digest, publish, run_missing
from .cards import CardSpec, IconJob, draw_card
from .design import ACCENT, PAPER, DrawingJob, Fonts
from .derivatives import EncodeJob
from .figure import Figures
from .staticmaps import MapPoint, MapSpec, draw_map

logger = logging.getLogger(__name__)
LONGEST_MAP_NAME = 120


@dataclass(frozen=True)
class StaticMap:
    """A static map for templates (``STATIC_MAPS``): its address from the site root, size and text."""

    url: str
    width: int
    height: int
    alt: str


def map_key(keys) -> str:
    """How ``STATIC_MAPS`` names a set of places: their keys, sorted, joined by '+'."""
    return "+".join(sorted(keys))


def map_embed_keys(documents, exhibit: Exhibit) -> list[tuple[str, ...]]:
    """The places of every ``{% map places=… %}`` in the exhibit's texts whose places all exist."""
    found = []
    for document in documents:
        for embed in document.embeds:
            keys = tuple(k for k in re.split(r"[,\s]+", embed.args.get("places", "")) if k)
            if embed.name == "map" and keys and all(k in exhibit.places for k in keys):
                found.append(keys)
    return found


def bounds_split(places: list[Place], bounds) -> list[list[Place]]:
    """The map page's two maps when MAP_BOUNDS is set: the places inside the area, and the rest."""
    if not bounds:
        return []
    (south, west), (north, east) = bounds
    inside = [p for p in places if south <= p.lat <= north and west <= p.lon <= east]
    return [inside, [p for p in places if p not in inside]]


class ImagesGenerator(Generator):
    def generate_context(self):
        started = time.perf_counter()
        settings, exhibit = self.settings, self.settings["EXHIBIT"]
        self.fonts = Fonts.of_theme(settings["THEME"])
        self.cache_dir = Path(settings["CACHE_PATH"]) / "images"
        self.fonts_key = files_digest(self.fonts.files())
        self.files: dict[str, Path] = {}  # output path → cached file
        figures: Figures = settings["IMAGES_FIGURES"]
        jobs = [*figures.jobs(), *self._cards(), *self._maps(exhibit), self._icons()]
        for job in figures.jobs():
            self.files.update({t.url: t.cache for t in job.targets})
        report = run_missing(jobs, settings["IMAGES_WORKERS"])
        for job, exc in report.failed:
            if not isinstance(job, EncodeJob):
                raise exc
            exhibit.log.error(job.source, None, f"the image cannot be decoded: {exc}",
                              "it may be damaged or only partly copied: export or copy the original again")
        self.report = report
        logger.info("images: %d made, %d reused from the cache, %.2f s", len(report.ran), report.reused,
                    time.perf_counter() - started)

    def _card(self, content, spec: CardSpec, name: str) -> DrawingJob:
        key = digest("card", spec, self.fonts_key)
        job = DrawingJob(draw_card, spec, self.fonts, self.cache_dir / f"card-{key}.png")
        url = f"{self.settings['IMAGES_OUTPUT_DIR']}/social/{name}-{key[:8]}.png"
        self.files[url] = job.target
        if content is not None:
            content.social_card = url
        else:
            self.context["SOCIAL_CARD"] = url
        return job

    def _cards(self) -> list[DrawingJob]:
        settings = self.settings
        site, subtitle, size = settings["SITENAME"], settings.get("SITESUBTITLE", ""), tuple(settings["SOCIAL_CARD_SIZE"])
        essays = self.context.get("essays", [])
        jobs = [self._card(None, CardSpec("A digital exhibit", site, subtitle, site, subtitle, size), "site")]
        for article in essays:
            spec = CardSpec(f"Essay {article.essay.order} of {len(essays)}", article.title,
                            article.essay.summary, site, subtitle, size)
            jobs.append(self._card(article, spec, f"essay-{article.slug}"))
        for page in self.context.get("source_pages", []):
            source = page.record
            spec = CardSpec(f"Source · {source.kind}", source.title,
                            f"{source.publisher} · {source.published.display}", site, subtitle, size)
            jobs.append(self._card(page, spec, f"source-{source.key}"))
        return jobs

    def _maps(self, exhibit: Exhibit) -> list[DrawingJob]:
        places = list(exhibit.places.values())
        documents = [c.document for name in ("articles", "pages", "hidden_pages", "source_pages")
                     for c in self.context.get(name, []) if getattr(c, "document", None)]
        wanted = [tuple(p.key for p in places)] if places else []
        wanted += map_embed_keys(documents, exhibit)
        wanted += [tuple(p.key for p in group) for group in bounds_split(places, self.settings.get("MAP_BOUNDS")) if group]
        maps = self.settings.setdefault("STATIC_MAPS", {})
        self.context["STATIC_MAPS"] = maps
        size = tuple(self.settings["STATIC_MAP_SIZE"])
        jobs = []
        for keys in wanted:
            name = map_key(keys)
            if name in maps:
                continue
            chosen = [exhibit.places[k] for k in keys]
            spec = MapSpec(tuple(MapPoint(n, p.name, p.lat, p.lon, p.precision) for n, p in enumerate(chosen, 1)), size)
            key = digest("map", spec, self.fonts_key)
            file_name = name if len(name) <= LONGEST_MAP_NAME else f"places-{key[:12]}"
            url = f"{self.settings['IMAGES_OUTPUT_DIR']}/maps/{file_name}.png"
            job = DrawingJob(draw_map, spec, self.fonts, self.cache_dir / f"map-{key}.png")
            jobs.append(job)
            self.files[url] = job.target
            count = f"{len(chosen)} place{'s' if len(chosen) != 1 else ''}"
            maps[name] = StaticMap(url, *size, f"Map of {count}, numbered as in its key: "
                                   + "; ".join(f"{n}. {p.name}" for n, p in enumerate(chosen, 1)))
        return jobs

    def _icons(self) -> IconJob:
        sizes = tuple(self.settings["FAVICON_SIZES"])
        job = IconJob(sizes, self.cache_dir / f"icons-{digest('icons', sizes)[:16]}")
        for size in sizes:
            name = "apple-touch-icon.png" if size == 180 else f"{self.settings['IMAGES_OUTPUT_DIR']}/icons/icon-{size}.png"
            self.files[name] = job.png(size)
        self.files["favicon.ico"] = job.folder / "favicon.ico"
        return job

    def generate_output(self, writer):
        output = Path(self.output_path)
        for url, cached in self.files.items():
            publish(cached, output / url)
        (output / "site.webmanifest").write_text(json.dumps(self._manifest(), indent=1) + "\n", encoding="utf-8")

    def _manifest(self) -> dict:
        icons = [{"src": f"{self.settings['IMAGES_OUTPUT_DIR']}/icons/icon-{size}.png",
                  "sizes": f"{size}x{size}", "type": "image/png"}
                 for size in self.settings["FAVICON_SIZES"] if size >= 192]
        return {"name": self.settings["SITENAME"], "short_name": self.settings["SITENAME"],
                "start_url": "./index.html", "display": "browser", "background_color": PAPER,
                "theme_color": ACCENT, "icons": icons}
