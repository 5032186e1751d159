"""``{% figure src=name.png %}``: a curator's image as a responsive figure with caption and credit.

The handler checks everything it can while the essay is read (the sidecar, the
original's header) so that mistakes point at the directive's line; the encoding
itself is left to the images generator, which runs every job at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from exhibit.document import Document
from exhibit.embedkit import ROOT, Arguments, Embed, EmbedError, theme_templates
from exhibit.loader import suggest

from .derivatives import MIME, Renditions, plan
from .originals import EXTENSIONS, OriginalError, inspect
from .sidecar import ImageMeta, read_sidecar, sidecar_path

ARGUMENTS = Arguments(("src",), "a figure")
FIRST_FIGURE_IMAGE = re.compile(r'<img class="figure__img"[^>]*>')


@dataclass(frozen=True)
class SourceLink:
    url: str
    label: str


@dataclass(frozen=True)
class FigureView:
    """What theme/templates/partials/figure.html shows; every text is escaped there."""

    sources: list[tuple[str, str]]  # (MIME type, srcset) of the modern formats
    src: str
    srcset: str
    full: str  # the largest fallback file, for readers who want to look closer
    sizes: str
    width: int
    height: int
    alt: str
    caption: str | None
    credit: str
    licence: str
    date: str | None
    source_links: list[SourceLink]


@dataclass
class Figures:
    """The ``figure`` embed handler, and what this build's figures need encoded."""

    settings: dict
    renditions: dict[Path, Renditions] = field(default_factory=dict)  # by original
    metadata: dict[Path, ImageMeta | None] = field(default_factory=dict)  # by original; None: invalid
    problems: dict[Path, OriginalError] = field(default_factory=dict)

    def __post_init__(self):
        self.folder = Path(self.settings["PATH"]) / self.settings["IMAGES_DIR"]
        self.cache_dir = Path(self.settings["CACHE_PATH"]) / "images"
        self.template = theme_templates(self.settings).get_template("partials/figure.html")

    def __call__(self, embed: Embed, document: Document) -> str:
        if not document.has_header:
            raise EmbedError("figures can be placed in essays, pages and source records, not in data files")
        path = self._original(embed)
        meta = self._metadata(path, document)
        renditions = self._renditions(path)
        if meta is None:
            return ""  # the sidecar's own errors say what is wrong
        view = self._view(meta, renditions, document)
        return self.template.render(figure=view).strip()

    def jobs(self) -> list:
        return [job for renditions in self.renditions.values() for job in renditions.jobs]

    def _original(self, embed: Embed) -> Path:
        ARGUMENTS.check(embed.args)
        name = ARGUMENTS.required(embed.args, "src", f"name an image in content/{self.settings['IMAGES_DIR']}/: "
                                  "{% figure src=residence-plan.png %}")
        path = (self.folder / name).resolve()
        if not path.is_relative_to(self.folder.resolve()):
            raise EmbedError(f"src={name} is outside content/{self.settings['IMAGES_DIR']}/",
                             "give the image's name within that folder")
        if not path.is_file():
            known = [p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*")
                     if p.suffix.lower() in EXTENSIONS] if self.folder.is_dir() else []
            raise EmbedError(f"image '{name}' not found: there is no file "
                             f"content/{self.settings['IMAGES_DIR']}/{name}",
                             suggest(name, known) or "add the original to that folder, with its sidecar .yaml")
        return path

    def _metadata(self, path: Path, document: Document) -> ImageMeta | None:
        if path not in self.metadata:
            sidecar = sidecar_path(path)
            if not sidecar.is_file():
                self.metadata[path] = None
                raise EmbedError(f"image '{path.name}' has no sidecar file: expected "
                                 f"{document.exhibit.log.display(sidecar)}",
                                 "create it with alt (or decorative: true), caption, credit, licence and "
                                 "date; see 'Images' in docs/CURATING.md")
            self.metadata[path] = read_sidecar(sidecar, document.exhibit)
        return self.metadata[path]

    def _renditions(self, path: Path) -> Renditions:
        if path in self.problems:
            raise self._error(path, self.problems[path])
        if path not in self.renditions:
            try:
                original = inspect(path, self.settings["IMAGES_ORIGINAL_FORMATS"], self.settings["IMAGES_MAX_PIXELS"])
            except OriginalError as exc:
                self.problems[path] = exc
                raise self._error(path, exc) from None
            name = path.relative_to(self.folder).with_suffix("").as_posix().replace("/", "-")
            self.renditions[path] = plan(original, self.settings, self.cache_dir, name)
        return self.renditions[path]

    def _error(self, path: Path, exc: OriginalError) -> EmbedError:
        return EmbedError(f"content/{self.settings['IMAGES_DIR']}/{path.relative_to(self.folder).as_posix()}: "
                          f"{exc}", exc.hint)

    def _view(self, meta: ImageMeta, renditions: Renditions, document: Document) -> FigureView:
        def srcset(targets):
            return ", ".join(f"{ROOT}/{t.url} {t.width}w" for t in targets)

        sources_dir = self.settings["SOURCE_URL"]
        links = [SourceLink(f"{ROOT}/{sources_dir.format(slug=key)}",
                            f"{document.exhibit.sources[key].publisher}, {document.exhibit.sources[key].published.display}")
                 for key in meta.sources]
        fallback = renditions.fallback[1]
        return FigureView(
            sources=[(MIME[fmt], srcset(targets)) for fmt, targets in renditions.formats[:-1]],
            src=f"{ROOT}/{renditions.default().url}", srcset=srcset(fallback), full=f"{ROOT}/{fallback[-1].url}",
            sizes=self.settings["IMAGES_SIZES"], width=renditions.width, height=renditions.height,
            alt=meta.alt, caption=meta.caption, credit=meta.credit.rstrip("."), licence=meta.licence.rstrip("."),
            date=meta.date.display if meta.date else None, source_links=links)


def eager_first_figure(html: str, paragraphs_before: int) -> str:
    """Let the page's first figure load at once when it is near the top, where lazy loading delays it."""
    match = FIRST_FIGURE_IMAGE.search(html)
    if match is None or html.count("</p>", 0, match.start()) >= paragraphs_before:
        return html
    image = match.group(0).replace(' loading="lazy"', ' fetchpriority="high"')
    return html[:match.start()] + image + html[match.end():]
