"""Where the exhibit shows each record, and how to write that address from a given file.

Events and places are where the model says a page shows them (``Exhibit.shown_at``, the event
and place addresses the timeline and map plugins give in the contract's addresses phase), unless a
``DISCOVERY_*_URL`` pattern says otherwise. Production builds (``PUBLIC_URL`` set) write
absolute addresses into files that leave the site (downloads, structured data); development
builds write them relative to the file, so ``output/`` works from any folder.
"""
from __future__ import annotations

from exhibit.model import Event, Exhibit, Place
from exhibit.pagelinks import relative_root
from exhibit.texts import anchor_of


class Addresses:
    """Addresses from the site root, made absolute or relative for the file that holds them."""

    def __init__(self, settings: dict):
        self.public = settings.get("PUBLIC_URL", "").rstrip("/")
        self.exhibit: Exhibit = settings["EXHIBIT"]
        self.event_url = settings["DISCOVERY_EVENT_URL"]
        self.place_url = settings["DISCOVERY_PLACE_URL"]
        self.source_url = settings["SOURCE_URL"]

    def event(self, event: Event) -> str | None:
        return self._shown(self.event_url, anchor_of(event), id=event.id)

    def place(self, place: Place) -> str | None:
        return self._shown(self.place_url, anchor_of(place), key=place.key)

    def _shown(self, pattern: str | None, anchor: str, **fields) -> str | None:
        """Where the exhibit shows the record (``pattern`` None), ``pattern`` filled in, or None ('')."""
        if pattern is None:
            return self.exhibit.shown_at.get(anchor)
        return pattern.format(**fields) if pattern else None

    def by_page(self, records, address) -> dict[str, list]:
        """The pages that show some of ``records``, from the site root, each with those it shows,
        in the order of ``records``; ``address`` is :meth:`event` or :meth:`place`."""
        pages: dict[str, list] = {}
        for record in records:
            url = address(record)
            if url:
                pages.setdefault(url.split("#")[0], []).append(record)
        return pages

    def source(self, key: str) -> str:
        return self.source_url.format(slug=key)

    def root(self, from_file: str) -> str:
        """The site root as written in ``from_file``, without a trailing '/'."""
        return self.public or relative_root(from_file)

    def link(self, path: str | None, from_file: str) -> str | None:
        """``path`` (from the site root) as written in ``from_file``; "" is the site itself."""
        return None if path is None else f"{self.root(from_file)}/{path}"
