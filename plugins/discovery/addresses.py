"""Where the exhibit shows each record, and how to write that address from a given file.

Production builds (``PUBLIC_URL`` set) write absolute addresses into files that leave
the site (downloads, structured data); development builds write them relative to the
file, so ``output/`` works from any folder.
"""
from __future__ import annotations

from pelican.utils import get_relative_path

from exhibit.model import Event, Place


class Addresses:
    """Addresses from the site root, made absolute or relative for the file that holds them."""

    def __init__(self, settings: dict):
        self.public = settings.get("PUBLIC_URL", "").rstrip("/")
        self.event_url = settings["DISCOVERY_EVENT_URL"]
        self.place_url = settings["DISCOVERY_PLACE_URL"]
        self.source_url = settings["SOURCE_URL"]

    def event(self, event: Event) -> str | None:
        return self.event_url.format(id=event.id) if self.event_url else None

    def place(self, place: Place) -> str | None:
        return self.place_url.format(key=place.key) if self.place_url else None

    def source(self, key: str) -> str:
        return self.source_url.format(slug=key)

    def root(self, from_file: str) -> str:
        """The site root as written in ``from_file``, without a trailing '/'."""
        return self.public or get_relative_path(from_file)

    def link(self, path: str | None, from_file: str) -> str | None:
        """``path`` (from the site root) as written in ``from_file``; "" is the site itself."""
        return None if path is None else f"{self.root(from_file)}/{path}"
