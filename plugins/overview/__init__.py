"""The home page's overview: the 126 days at a glance, drawn at build time from the exhibit model.

* ``all_generators_finalized`` — once every generator has read (so the model knows where the timeline
  shows each event, ``Exhibit.shown_at``) and before any page is written: put ``OVERVIEW`` in the
  context, an :class:`Overview` of the strip (``strip``: turning points tagged ``turning-point`` and the
  counts of hostages held, ``content/data/hostages-held.yaml``) and its inline SVG (``svg``).
  ``theme/templates/index.html`` shows the SVG and, below it, the same events and counts as text.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from pelican import signals

from .strip import Strip, read_strip
from .svg import render


@dataclass(frozen=True)
class Overview:
    strip: Strip
    svg: Markup


def describe(strip: Strip) -> str:
    """The SVG's description: what a reader who cannot see it should know first."""
    held = [c.record.count for c in strip.counts if not c.record.approximate]
    counts = f" The exact counts of hostages still held fall from {held[0]} to {held[-1]}." if held else ""
    return (f"A strip of the siege's {strip.days} days, from {strip.start} to {strip.end}, marking "
            f"{len(strip.markers)} turning points.{counts} The events and counts are listed below.")


def add_overview(generators) -> None:
    context, settings = generators[0].context, generators[0].settings
    exhibit = settings["EXHIBIT"]
    if exhibit.siege is None:
        return
    strip = read_strip(exhibit, settings["SOURCE_URL"])
    svg = render(strip, f"The {strip.days} days at a glance", describe(strip))
    context["OVERVIEW"] = Overview(strip, svg)


def register() -> None:
    signals.all_generators_finalized.connect(add_overview)
