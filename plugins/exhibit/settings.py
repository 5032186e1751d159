"""Settings the exhibit plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from .settingskit import (TEXT, YES_NO, Setting, address, defaults_table, mapping, number, own_check, pairs,
                          setting_error, whole_number)

__all__ = ["SETTINGS", "DEFAULTS", "setting_error"]  # plugins report their own checks with setting_error

SETTINGS = [
    Setting("EXHIBIT_ESSAYS_DIR", "essays", TEXT, "folder under content/ holding the essays"),
    Setting("EXHIBIT_SOURCES_DIR", "sources", TEXT, "folder under content/ holding one Markdown file per source"),
    Setting("EXHIBIT_DATA_DIR", "data", TEXT, "folder under content/ holding events.yaml and places.yaml"),
    Setting("SOURCE_URL", "sources/{slug}.html", address("slug"), "address of a source page; {slug} is its Key"),
    Setting("LANGUAGE_NAMES", {"en": "English", "es": "Spanish", "ja": "Japanese"}, mapping(TEXT, TEXT),
            "how language codes are shown to readers"),
    Setting("EXHIBIT_PARALLEL_AFTER", 200, whole_number(0),
            "when more event summaries and place descriptions than this are not in the cache (a first build "
            "of a large exhibit), worker processes convert them"),
    Setting("EXHIBIT_LOCK_TIMEOUT", 600.0, number(0),
            "seconds a build waits for another build (or a deploy) to finish with the output folder before "
            "it gives up"),
    Setting("PUBLIC_URL", "", TEXT, "the exhibit's public address for canonical links; empty in development"),
    Setting("EXHIBIT_PRODUCTION", False, YES_NO,
            "a build for the public (publishconf.py): an empty or placeholder SITEURL or EXHIBIT_CORRECTIONS "
            "stops it"),
    Setting("EXHIBIT_CORRECTIONS", "", own_check("mailto:<address> or an https:// address"),
            "where readers report an error: mailto:<address>, or the https:// address of a corrections page "
            "or form"),
    Setting("TIMELINE_SIEGE_START", "1996-12-17 20:30", own_check("'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'"),
            "when the siege began (Lima time): day 1 of \"Day N\" on the timeline and the home page, counted "
            "in 24-hour days from then"),
    Setting("TIMELINE_SIEGE_END", "1997-04-22", own_check("'YYYY-MM-DD'"), "the siege's last day (day 126)"),
    Setting("EXHIBIT_CURATORS", [], own_check("a list of 'Family, Given' names and {'literal': …} groups"),
            "who made the exhibit, named as the author of 'Cite this page': a list of people as "
            "'Family, Given' and groups as {'literal': 'Name of the group'}; a production build stops when "
            "it is empty"),
    Setting("MENU", [("Essays", "index.html#essays"), ("Sources", "sources/index.html"), ("About", "about.html")],
            pairs("label", "address"), "header navigation: (label, address from the site root)"),
]
DEFAULTS = defaults_table(SETTINGS)
