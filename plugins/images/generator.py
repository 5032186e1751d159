"""Every image of a build: figures' derivatives, social cards, static maps and favicons.

In the contract's ``indexed`` phase, once every generator has read its pages (so every
page's static maps are asked for, whatever the order of ``PLUGINS``) and before any page is
written (pages name their social cards), :func:`make_images` gathers the jobs and runs the
missing ones on every core (``cache.run_missing``); the generator then links the cached files
into the output.
"""
from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from pelican.generators import Generator

from .cache import digest, files_digest, publish, run_missing
from .cards import CardSpec, IconJob, draw_card
from .design import ACCENT, PAPER, DrawingJob, Fonts
from .derivatives import EncodeJob
from .figure import Figures
from . import staticmaps
from .staticmaps import MapPoint, MapSpec, draw_map

logger = logging.getLogger(__name__)


def make_images(_settings, generators) -> None:
    next(g for g in generators if isinstance(g, ImagesGenerator)).make()


class ImagesGenerator(Generator):
    def generate_context(self):
        pass  # images are made once every generator has read (make_images)

    def make(self):
        started = time.perf_counter()
        settings, exhibit = self.settings, self.settings["EXHIBIT"]
        self.fonts = Fonts.of_theme(settings["THEME"])
        self.cache_dir = Path(settings["CACHE_PATH"]) / "images"
        self.fonts_key = files_digest(self.fonts.files())
        self.files: dict[str, Path] = {}  # output path → cached file
        figures: Figures = settings["IMAGES_FIGURES"]
        jobs = [*figures.jobs(), *self._cards(), *self._maps(), self._icons()]
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
        for page in self.context["source_pages"]:
            source = page.record
            spec = CardSpec(f"Source · {source.kind}", source.title,
                            f"{source.publisher} · {source.published.display}", site, subtitle, size)
            jobs.append(self._card(page, spec, f"source-{source.key}"))
        return jobs

    def _maps(self) -> list[DrawingJob]:
        """The static maps pages asked for (``STATIC_MAPS``), and no other."""
        jobs, drawing = [], files_digest([Path(staticmaps.__file__)])  # a change in the drawing redraws them
        for static in self.settings["STATIC_MAPS"].values():
            points = tuple(MapPoint(n, p.name, p.lat, p.lon, p.precision) for n, p in enumerate(static.places, 1))
            spec = MapSpec(points, (static.width, static.height))
            key = digest("map", spec, self.fonts_key, drawing)
            job = DrawingJob(draw_map, spec, self.fonts, self.cache_dir / f"map-{key}.png")
            jobs.append(job)
            self.files[static.url] = job.target
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
