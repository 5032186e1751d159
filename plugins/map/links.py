"""Addresses as one page writes them: its place entries, events on the timeline, essays."""
from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from exhibit.pagelinks import place_anchor


@dataclass(frozen=True)
class PageLinks:
    """Links from the page at ``page_url``; ``root`` leads from it to the site root ('.', '..')."""

    root: str
    page_url: str  # from the site root
    entries: Mapping[str, str]  # place key → the map page holding its entry, from the site root
    events: Mapping[str, str]  # event id → its address from the site root; events not linked are left out

    def page(self, url: str) -> str:
        """A map page as a link target: '' for this very page, 'map-2.html' for a sibling."""
        if url == self.page_url:
            return ""
        return posixpath.relpath(url, posixpath.dirname(self.page_url) or ".")

    def place(self, key: str) -> str:
        return f"{self.page(self.entries[key])}#{place_anchor(key)}"

    def event(self, event_id: str) -> str:
        url = self.events.get(event_id)
        return f"{self.root}/{url}" if url else ""

    def essay(self, url: str) -> str:
        return f"{self.root}/{url}"
