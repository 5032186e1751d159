"""Drawing the strip as inline SVG: every text escaped, sized by its viewBox."""
from __future__ import annotations

from markupsafe import Markup, escape

from .strip import AXIS, CHART_BOTTOM, CHART_TOP, LEFT, RIGHT, WIDTH, Strip

TITLE_ID, DESC_ID = "overview-title", "overview-desc"


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, words, css: str, anchor: str = "start") -> Markup:
    return Markup('<text x="{}" y="{}" class="{}" text-anchor="{}">{}</text>').format(
        _n(x), _n(y), css, anchor, words)


def _line(x1: float, y1: float, x2: float, y2: float, css: str) -> Markup:
    return Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" class="{}"/>').format(
        _n(x1), _n(y1), _n(x2), _n(y2), css)


def render(strip: Strip, title: str, description: str) -> Markup:
    """The strip as an ``<svg>`` element labelled by its own title and description."""
    parts = [Markup('<svg class="overview__svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{} {}" '
                    'xmlns="http://www.w3.org/2000/svg">').format(WIDTH, strip.height, TITLE_ID, DESC_ID),
             Markup('<title id="{}">{}</title><desc id="{}">{}</desc>').format(TITLE_ID, title, DESC_ID, description)]
    parts += _chart(strip)
    parts += _leaders(strip)  # under the axis' words, which a halo of paper keeps legible
    parts += _axis(strip)
    parts += _markers(strip)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _chart(strip: Strip) -> list[Markup]:
    parts = [_text(LEFT, 22, "Hostages still held, as the sources counted them", "overview__caption"),
             _line(LEFT, CHART_BOTTOM, RIGHT, CHART_BOTTOM, "overview__rule")]
    if strip.steps:
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in strip.steps)
        parts.append(Markup('<polyline points="{}" class="overview__steps"/>').format(points))
    for count in strip.counts:
        css = "overview__point overview__point--about" if count.record.approximate else "overview__point"
        parts.append(Markup('<circle cx="{}" cy="{}" r="4.5" class="{}"/>').format(_n(count.x), _n(count.y), css))
        if count is strip.counts[0]:  # beside the point: the counts of the next days crowd above it
            parts.append(_text(count.x + 16, count.y + 6, count.text, "overview__count"))
        elif count is strip.counts[-1]:
            parts.append(_text(count.x - 6, count.y - 8, count.text, "overview__count", "end"))
        elif count.labelled:
            parts.append(_text(count.x + 8, count.y - 8, count.text, "overview__count"))
    return parts


def _axis(strip: Strip) -> list[Markup]:
    parts = [_line(LEFT, AXIS, RIGHT, AXIS, "overview__axis")]
    for x, month in strip.ticks:
        parts += [_line(x, AXIS - 6, x, AXIS + 6, "overview__tick"), _text(x + 4, AXIS + 24, month, "overview__month")]
    parts += [_text(LEFT, AXIS + 50, f"Day 1 · {strip.start}", "overview__end"),
              _text(RIGHT, AXIS + 50, f"Day {strip.days} · {strip.end}", "overview__end", "end")]
    return parts


def _leaders(strip: Strip) -> list[Markup]:
    """From each turning point on the axis down to its label (and along to it, where the label is moved in)."""
    parts = []
    for marker in strip.markers:
        parts.append(_line(marker.x, AXIS, marker.x, marker.y - 14, "overview__leader"))
        if marker.label_x != marker.x:
            parts.append(_line(marker.x, marker.y - 14, marker.label_x, marker.y - 14, "overview__leader"))
    return parts


def _markers(strip: Strip) -> list[Markup]:
    parts = []
    for marker in strip.markers:
        parts.append(Markup('<circle cx="{}" cy="{}" r="5" class="overview__event"/>').format(_n(marker.x), AXIS))
        parts.append(Markup('<text x="{}" y="{}" class="overview__label"><tspan class="overview__day">{}</tspan> {}'
                            '</text>').format(_n(marker.label_x), _n(marker.y), marker.label, marker.event.title))
    return parts
