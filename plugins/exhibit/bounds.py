"""The exhibit's focus area, ``MAP_BOUNDS``, read once for every plugin that places things on a map."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    @classmethod
    def from_setting(cls, value) -> "Bounds":
        """``[[south, west], [north, east]]`` → Bounds; ValueError when malformed."""
        try:
            (south, west), (north, east) = value
            bounds = cls(*(float(v) for v in (south, west, north, east)))
        except (TypeError, ValueError):
            raise ValueError(f"MAP_BOUNDS must be [[south, west], [north, east]], got {value!r}") from None
        if not (-90 <= bounds.south < bounds.north <= 90 and -180 <= bounds.west < bounds.east <= 180):
            raise ValueError(f"MAP_BOUNDS {value!r} is not a box: south < north (-90..90), "
                             "west < east (-180..180)")
        return bounds

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east
