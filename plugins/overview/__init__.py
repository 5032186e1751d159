"""The home page's overview: the 126 days at a glance, drawn at build time from the exhibit model.

* the contract's ``indexed`` phase — once every generator has read and before any page is written
  (it needs the timeline's "event addresses", ``Exhibit.shown_at``): put ``OVERVIEW`` in the
  context, an :class:`Overview` of the strip (``strip``: turning points tagged ``turning-point`` and the
  counts of hostages held, ``content/data/hostages-held.yaml``) and its inline SVG (``svg``).
  ``theme/templates/index.html`` shows the SVG and, below it, the same events and counts as text.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from pelican import signals

from exhibit.contract import declare

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


def add_overview(settings: dict, generators) -> None:
    context = generators[0].context
    exhibit = settings["EXHIBIT"]
    if exhibit.siege is None:
        return
    strip = read_strip(exhibit, settings["SOURCE_URL"])
    svg = render(strip, f"The {strip.days} days at a glance", describe(strip))
    context["OVERVIEW"] = Overview(strip, svg)


def setup(pelican) -> None:
    declare(pelican.settings, "overview", "indexed", add_overview, gives=["overview"], needs=["event addresses"])


def register() -> None:
    signals.initialized.connect(setup)
