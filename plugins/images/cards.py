"""Images drawn for the site itself: a social card per page, and the favicons."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from .cache import save
from .design import ACCENT, INK, INK_SOFT, PAPER, Fonts, draw_lines, draw_mark, fit

SUBTITLE_ON_INK = "#e3ddd3"  # the header's subtitle colour in exhibit.css


@dataclass(frozen=True)
class CardSpec:
    """The words on one card; the design is the same for every page."""

    eyebrow: str  # e.g. "Essay 3 of 7", "Source · News report"
    title: str
    description: str
    site_name: str
    site_subtitle: str
    size: tuple[int, int]


def draw_card(spec: CardSpec, fonts: Fonts) -> Image.Image:
    """The exhibit's header band with its mark and name, then the page's kind, title and description."""
    width, height = spec.size
    unit = width / 1200
    card = Image.new("RGB", spec.size, PAPER)
    draw = ImageDraw.Draw(card)
    band = round(112 * unit)
    margin = 72 * unit
    draw.rectangle([0, 0, width, band], fill=INK)
    draw_mark(draw, margin, 28 * unit, 56 * unit)
    text_left = margin + 80 * unit
    draw.text((text_left, 26 * unit), spec.site_name, font=fonts.get("title", round(30 * unit)), fill=PAPER)
    subtitle_font, subtitle = fit(spec.site_subtitle, fonts, "text", [round(19 * unit)], width - text_left - margin, 1)
    draw.text((text_left, 70 * unit), subtitle[0] if subtitle else "", font=subtitle_font, fill=SUBTITLE_ON_INK)

    y = band + 50 * unit
    draw.text((margin, y), spec.eyebrow.upper(), font=fonts.get("bold", round(22 * unit)), fill=ACCENT)
    y += 48 * unit
    column = width - 2 * margin
    title_font, title = fit(spec.title, fonts, "title", range(round(66 * unit), round(38 * unit), -4), column, 3)
    y = draw_lines(draw, (margin, y), title, title_font, INK, leading=1.16) + 14 * unit
    bottom = height - 44 * unit
    size = round(28 * unit)
    lines_left = int((bottom - y) // (size * 1.35))
    if spec.description and lines_left > 0:
        font, lines = fit(spec.description, fonts, "text", [size], column, lines_left)
        draw_lines(draw, (margin, y), lines, font, INK_SOFT, leading=1.35)
    draw.rectangle([0, height - round(14 * unit), width, height], fill=ACCENT)
    return card


def draw_icon(size: int) -> Image.Image:
    """The mark at ``size`` px, drawn four times larger and reduced, for smooth edges. The 180 px
    Apple touch icon is square: iOS rounds the corners itself and would show transparent ones black."""
    large = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw_mark(ImageDraw.Draw(large), 0, 0, size * 4, rounded=size != 180)
    return large.resize((size, size), Image.Resampling.LANCZOS)


@dataclass(frozen=True)
class IconJob:
    """PNG favicons at every configured size and a favicon.ico (16, 32 and 48 px)."""

    sizes: tuple[int, ...]
    folder: Path  # in the cache, named by the key of the design

    def outputs(self) -> list[Path]:
        return [self.png(size) for size in self.sizes] + [self.folder / "favicon.ico"]

    def png(self, size: int) -> Path:
        return self.folder / f"icon-{size}.png"

    def run(self) -> None:
        for size in self.sizes:
            save(draw_icon(size), self.png(size), "PNG", optimize=True)
        small = [draw_icon(size) for size in (16, 32, 48)]
        save(small[-1], self.folder / "favicon.ico", "ICO", sizes=[(16, 16), (32, 32), (48, 48)],
             append_images=small[:-1])
