"""Settings the discovery plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from exhibit.settingskit import (TEXT, Setting, address, defaults_table, empty_or, list_of, mapping, optional,
                                 whole_number)

SETTINGS = [
    Setting("DISCOVERY_EVENT_URL", None, optional(empty_or(address("id"))),
            "where a page shows an event: None for where the exhibit shows it (the timeline page that holds "
            "it), or an address from the site root in which {id} is its id. Search results, the data files "
            "and structured data link there; '' for nowhere"),
    Setting("DISCOVERY_PLACE_URL", None, optional(empty_or(address("key"))),
            "where a page shows a place: None for where the exhibit shows it (the map page that holds its "
            "entry), or an address from the site root in which {key} is its key; '' for nowhere"),
    Setting("SEARCH_SAVE_AS", "search.html", TEXT, "the search page"),
    Setting("SEARCH_IGNORE", [".eyebrow", ".essay__meta", ".record-meta h2", ".record-meta dt", ".sequence",
                              ".cite-box", ".cited-in", ".back-link", ".footnote-ref", ".footnote-backref"],
            list_of(TEXT), "CSS selectors of the parts of indexed pages that search leaves out: labels, "
            "navigation, citation boxes, lists of other pages, note numbers"),
    Setting("DATA_SAVE_AS", "data.html", TEXT, "the page listing the data downloads"),
    Setting("DATA_DIR", "data", TEXT, "the folder of the data downloads, from the site root"),
    Setting("DATA_LICENSE", {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                             "path": "https://creativecommons.org/licenses/by/4.0/"}, mapping(TEXT, TEXT),
            "the licence of the data downloads (a Data Package licence: SPDX name, title, path); the files "
            "hold the curators' own summaries, so attribution is asked for"),
    Setting("METADATA_LIST_LIMIT", 100, whole_number(0),
            "the most events or places the timeline and map pages describe one by one in their structured "
            "data (JSON-LD); the list still gives the full count, and the data downloads hold every record"),
    Setting("NOT_FOUND_SAVE_AS", "404.html", TEXT,
            "the page a server sends for a missing address; its styles and icon are written into it, so it "
            "looks the same at any depth and host"),
    Setting("SITEMAP_EXCLUDE", ["404.html", "search.html"], list_of(TEXT),
            "pages left out of sitemap.xml (from the site root)"),
]
DEFAULTS = defaults_table(SETTINGS)
