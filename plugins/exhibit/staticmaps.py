"""Static maps that pages ask for: one picture of a set of places, for print, for readers without
JavaScript and for when the tiles do not load.

The images plugin keeps a :class:`StaticMaps` in ``settings["STATIC_MAPS"]``; a plugin that shows
places (the map plugin) asks it for the map of the places it shows and writes the address it gets;
the images generator, the last to run, draws every map asked for, and no other. Neither plugin
imports the other.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .model import Place

LONGEST_NAME = 120


@dataclass(frozen=True)
class StaticMap:
    """A map of ``places``, numbered in their order: its address from the site root, size and text."""

    url: str
    width: int
    height: int
    alt: str
    places: tuple[Place, ...]


def map_name(keys) -> str:
    """A set of places' file name: their keys, sorted, joined by '+' (a digest of that when long)."""
    name = "+".join(sorted(keys))
    return name if len(name) <= LONGEST_NAME else "places-" + hashlib.sha256(name.encode()).hexdigest()[:12]


class StaticMaps(dict):
    """The static maps asked for in one build, by name."""

    def __init__(self, folder: str, size: tuple[int, int]):
        super().__init__()
        self.folder, self.size = folder, tuple(size)

    def want(self, places) -> StaticMap:
        """The map of ``places`` (drawn once however many pages ask for it)."""
        places = tuple(places)
        name = map_name(p.key for p in places)
        if name not in self:
            count = f"{len(places)} place{'s' if len(places) != 1 else ''}"
            alt = (f"Schematic map of {count}, numbered as in its key: "
                   + "; ".join(f"{n}. {p.name}" for n, p in enumerate(places, 1)))
            self[name] = StaticMap(f"{self.folder}/maps/{name}.png", *self.size, alt, places)
        return self[name]
