"""Static maps of places, for print and for readers without JavaScript.

No tiles and no borrowed geography: the exhibit's own coordinates on a Mercator grid,
numbered markers (places closer than a marker's width share one), places known only to their
district or city circled at the size of that area (1 km, 10 km; never smaller than the marker's
ring), a key with each
place's name and how precisely it is known, and a scale bar where one is meaningful.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from exhibit.model import PRECISION_RADIUS_M

from .design import ACCENT, INK, INK_SOFT, PAPER, PAPER_DEEP, RULE, Fonts, draw_lines, fit, shorten, wrap

EARTH_RADIUS_M = 6_371_000
GRID_STEPS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 45)
SCALE_STEPS_M = (10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
MIN_SPAN_DEGREES = 0.008  # about 900 m: a single place still shows its neighbourhood's grid
NOTE = ("Schematic map drawn from the exhibit's place coordinates on a Mercator grid. "
        "No streets, coastlines or borders are shown. Not for navigation.")


@dataclass(frozen=True)
class MapPoint:
    number: int  # in the key
    name: str
    lat: float
    lon: float
    precision: str  # exact, street, district, city


@dataclass(frozen=True)
class MapSpec:
    points: tuple[MapPoint, ...]
    size: tuple[int, int]


def mercator(lat: float, lon: float) -> tuple[float, float]:
    """x and y in radians; y grows northwards."""
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def latitude(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


@dataclass(frozen=True)
class Frame:
    """Where the map is drawn on the image, and how coordinates get there."""

    left: float
    top: float
    width: float
    height: float
    center: tuple[float, float]  # mercator x, y
    scale: float  # pixels per radian

    @classmethod
    def around(cls, points, box: tuple[float, float, float, float]) -> "Frame":
        left, top, width, height = box
        xs, ys = zip(*(mercator(p.lat, p.lon) for p in points))
        minimum = math.radians(MIN_SPAN_DEGREES)
        span_x, span_y = max(max(xs) - min(xs), minimum), max(max(ys) - min(ys), minimum)
        scale = min(width / (span_x * 1.3), height / (span_y * 1.3))
        return cls(left, top, width, height, ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2), scale)

    def pixel(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = mercator(lat, lon)
        return (self.left + self.width / 2 + (x - self.center[0]) * self.scale,
                self.top + self.height / 2 - (y - self.center[1]) * self.scale)

    def bounds(self) -> tuple[float, float, float, float]:
        """South, west, north, east in degrees."""
        half_x, half_y = self.width / 2 / self.scale, self.height / 2 / self.scale
        return (latitude(self.center[1] - half_y), math.degrees(self.center[0] - half_x),
                latitude(self.center[1] + half_y), math.degrees(self.center[0] + half_x))

    def metres_per_pixel(self) -> float:
        return EARTH_RADIUS_M * math.cos(math.radians(latitude(self.center[1]))) / self.scale


def clusters(points, frame: Frame, distance: float) -> list[list[MapPoint]]:
    """Points whose markers would overlap, grouped (greedily, in key order)."""
    groups: list[tuple[tuple[float, float], list[MapPoint]]] = []
    for point in points:
        x, y = frame.pixel(point.lat, point.lon)
        for (gx, gy), members in groups:
            if math.hypot(x - gx, y - gy) < distance:
                members.append(point)
                break
        else:
            groups.append(((x, y), [point]))
    return [members for _, members in groups]


def number_label(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5'."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def degrees_label(value: float, step: float, positive: str, negative: str) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{abs(value):.{decimals}f}° {positive if value >= 0 else negative}"


def grid_step(span_degrees: float) -> float:
    return next((s for s in GRID_STEPS if span_degrees / s <= 6), GRID_STEPS[-1])


def draw_map(spec: MapSpec, fonts: Fonts) -> Image.Image:
    width, height = spec.size
    unit = width / 1200
    image = Image.new("RGB", spec.size, PAPER)
    draw = ImageDraw.Draw(image)
    key_width = round(430 * unit)
    map_box = (0, 0, width - key_width, height)
    margin = 56 * unit
    frame = Frame.around(spec.points, (map_box[0] + margin, margin, map_box[2] - 2 * margin,
                                       height - 2 * margin - 40 * unit))
    _draw_grid(draw, frame, fonts, unit, map_box)
    _draw_markers(draw, frame, spec.points, fonts, unit)
    _draw_scale(draw, frame, fonts, unit, (margin, height - 40 * unit))
    _draw_key(draw, spec.points, fonts, unit, (width - key_width, 0, width, height))
    return image


def _draw_grid(draw, frame: Frame, fonts: Fonts, unit: float, box) -> None:
    south, west, north, east = frame.bounds()
    step = grid_step(max(east - west, north - south))
    font = fonts.get("text", round(15 * unit))
    lon = math.ceil(west / step) * step
    while lon <= east:
        x, _ = frame.pixel(0, lon)
        draw.line([x, box[1], x, box[3]], fill=RULE, width=max(1, round(unit)))
        draw.text((x + 4 * unit, box[1] + 6 * unit), degrees_label(lon, step, "E", "W"), font=font, fill=INK_SOFT)
        lon += step
    lat = math.ceil(south / step) * step
    while lat <= north:
        _, y = frame.pixel(lat, 0)
        draw.line([box[0], y, box[2], y], fill=RULE, width=max(1, round(unit)))
        draw.text((box[0] + 6 * unit, y + 3 * unit), degrees_label(lat, step, "N", "S"), font=font, fill=INK_SOFT)
        lat += step


def _draw_markers(draw, frame: Frame, points, fonts: Fonts, unit: float) -> None:
    radius = 17 * unit
    font = fonts.get("bold", round(17 * unit))
    groups = clusters(points, frame, 2.4 * radius)
    for group in groups:  # areas first, so no circle crosses a marker
        widest = max(PRECISION_RADIUS_M[p.precision] for p in group)
        if widest >= PRECISION_RADIUS_M["district"]:
            x, y = frame.pixel(group[0].lat, group[0].lon)
            ring = max(radius + 11 * unit, widest / frame.metres_per_pixel())
            draw.ellipse([x - ring, y - ring, x + ring, y + ring], outline=ACCENT, width=max(2, round(2 * unit)))
    for group in groups:
        x, y = frame.pixel(group[0].lat, group[0].lon)
        label = number_label([p.number for p in group])
        half = max(radius, font.getlength(label) / 2 + 9 * unit)
        draw.rounded_rectangle([x - half, y - radius, x + half, y + radius], radius=radius, fill=ACCENT,
                               outline=PAPER, width=max(2, round(3 * unit)))
        draw.text((x, y), label, font=font, fill=PAPER, anchor="mm")


def _draw_scale(draw, frame: Frame, fonts: Fonts, unit: float, at: tuple[float, float]) -> None:
    font = fonts.get("text", round(16 * unit))
    south, west, north, east = frame.bounds()
    x, y = at
    if north - south > 20:
        draw.text((x, y), "Mercator grid: distances are not to scale across this map.", font=font, fill=INK_SOFT)
        return
    per_pixel = frame.metres_per_pixel()
    metres = max((m for m in SCALE_STEPS_M if m / per_pixel <= 220 * unit), default=SCALE_STEPS_M[0])
    length = metres / per_pixel
    draw.rectangle([x, y, x + length, y + 6 * unit], fill=INK)
    label = f"{metres // 1000:g} km" if metres >= 1000 else f"{metres} m"
    draw.text((x + length + 10 * unit, y + 3 * unit), label, font=font, fill=INK, anchor="lm")


def _draw_key(draw, points, fonts: Fonts, unit: float, box) -> None:
    left, top, right, bottom = box
    draw.rectangle(box, fill=PAPER_DEEP)
    pad = 32 * unit
    x, y = left + pad, top + pad
    draw.text((x, y), "Places on this map", font=fonts.get("title", round(24 * unit)), fill=INK)
    y += 46 * unit
    note_font, note = fit(NOTE, fonts, "text", [round(15 * unit)], right - left - 2 * pad, 4)
    note_top = bottom - pad - len(note) * note_font.size * 1.3
    legend_top = note_top - 64 * unit
    name_font = fonts.get("text", round(18 * unit))
    number_font = fonts.get("bold", round(15 * unit))
    text_left = x + 40 * unit
    text_width = right - pad - text_left
    line = name_font.size * 1.3
    two_lines = len(points) * (2 * line + 8 * unit) <= legend_top - y
    for point in points:
        draw.ellipse([x, y, x + 26 * unit, y + 26 * unit], fill=ACCENT)
        draw.text((x + 13 * unit, y + 13 * unit), str(point.number), font=number_font, fill=PAPER, anchor="mm")
        text = f"{point.name} ({point.precision})"
        lines = wrap(text, name_font, text_width)
        if len(lines) > (2 if two_lines else 1):
            lines = lines[:2] if two_lines else lines[:1]
            lines[-1] = shorten(lines[-1], name_font, text_width)
        y = draw_lines(draw, (text_left, y + 2 * unit), lines, name_font, INK, leading=1.3) + 6 * unit
    legend_font = fonts.get("text", round(15 * unit))
    ring_x, ring_y = x + 13 * unit, legend_top + 20 * unit
    draw.ellipse([ring_x - 14 * unit, ring_y - 14 * unit, ring_x + 14 * unit, ring_y + 14 * unit],
                 outline=ACCENT, width=max(2, round(2 * unit)))
    draw.ellipse([ring_x - 7 * unit, ring_y - 7 * unit, ring_x + 7 * unit, ring_y + 7 * unit], fill=ACCENT)
    legend = wrap("circle: the area a place may be in, about 1 km (district) or 10 km (city) round its point",
                  legend_font, text_width)[:2]
    draw_lines(draw, (text_left, ring_y - legend_font.size * 0.65 * len(legend)), legend, legend_font, INK_SOFT,
               leading=1.3)
    draw_lines(draw, (x, note_top), note, note_font, INK_SOFT, leading=1.3)
