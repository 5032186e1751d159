"""The exhibit's look for images we draw: theme colours, the shipped fonts, the mark, fitted text."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PIL import Image, ImageDraw, ImageFont

from .cache import save

# theme/static/css/exhibit.css
INK = "#1d1b19"
INK_SOFT = "#4a4540"
PAPER = "#fbf8f3"
PAPER_DEEP = "#f1ebe1"
RULE = "#d8cfc2"
ACCENT = "#8c1d18"

FONT_FILES = {"title": "DejaVuSerif-Bold.ttf", "text": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class Fonts:
    """The fonts in theme/static/fonts (see its README), by role."""

    folder: Path

    @classmethod
    def of_theme(cls, theme: str | Path) -> "Fonts":
        return cls(Path(theme) / "static" / "fonts")

    def files(self) -> list[Path]:
        return [self.folder / name for name in FONT_FILES.values()]

    def get(self, role: str, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.folder / FONT_FILES[role]), size)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Words of ``text`` in lines no wider than ``width`` (a single longer word gets a line of its own)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and font.getlength(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def shorten(line: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """``line`` cut at a word and ended with an ellipsis so that it fits ``width``."""
    while line and font.getlength(line + "…") > width:
        line = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
    return line.rstrip(" ,;:.") + "…"


def fit(text: str, fonts: Fonts, role: str, sizes: range | list[int], width: float,
        max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of ``sizes`` at which ``text`` fits in ``max_lines``; else the smallest, cut short."""
    for size in sizes:
        font = fonts.get(role, size)
        lines = wrap(text, font, width)
        if len(lines) <= max_lines and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = wrap(text, font, width)
    kept = lines[:max_lines]
    if len(lines) > max_lines or font.getlength(kept[-1]) > width:
        kept[-1] = shorten(kept[-1] + (" " + lines[max_lines] if len(lines) > max_lines else ""), font, width)
    return font, kept


def draw_lines(draw: ImageDraw.ImageDraw, xy: tuple[float, float], lines: list[str],
               font: ImageFont.FreeTypeFont, fill: str, leading: float = 1.2) -> float:
    """Draw ``lines`` from ``xy`` (top left); returns the y below the last line."""
    x, y = xy
    step = font.size * leading
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += step
    return y


def draw_mark(draw: ImageDraw.ImageDraw, left: float, top: float, size: float, rounded: bool = True) -> None:
    """The exhibit's mark, as theme/static/img/favicon.svg draws it on a 32-unit grid: an arch
    and a ground line in paper colour on an accent square."""
    unit = size / 32

    def box(x0, y0, x1, y1):
        return [left + x0 * unit, top + y0 * unit, left + x1 * unit, top + y1 * unit]

    draw.rounded_rectangle(box(0, 0, 32, 32), radius=4 * unit if rounded else 0, fill=ACCENT)
    # The SVG strokes are 3 units wide, centred on the path: the arch of radius 8 about (16, 13),
    # its two legs at x = 8 and x = 24 from y = 13 down to 27, and the ground line y = 27 from x = 4 to 28.
    draw.arc(box(6.5, 3.5, 25.5, 22.5), start=180, end=360, fill=PAPER, width=round(3 * unit))
    draw.rectangle(box(6.5, 13, 9.5, 27), fill=PAPER)
    draw.rectangle(box(22.5, 13, 25.5, 27), fill=PAPER)
    draw.rectangle(box(4, 25.5, 28, 28.5), fill=PAPER)


@dataclass(frozen=True)
class DrawingJob:
    """One PNG drawn by ``draw(spec, fonts)`` (a card or a static map) into the cache; run in a worker
    process, so ``draw`` is a module-level function."""

    draw: Callable[[Any, Fonts], Image.Image]
    spec: Any
    fonts: Fonts
    target: Path

    def outputs(self) -> list[Path]:
        return [self.target]

    def run(self) -> None:
        save(self.draw(self.spec, self.fonts), self.target, "PNG", optimize=True)
