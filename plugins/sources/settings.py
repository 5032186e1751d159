"""Settings the sources plugin reads, with their defaults. Override them in pelicanconf.py.
(``SOURCE_URL``, a source page's address, is the exhibit plugin's: every plugin links to it.)"""
from __future__ import annotations

from exhibit.settingskit import TEXT, Setting, address

SETTINGS = [
    Setting("SOURCE_SAVE_AS", "sources/{slug}.html", address("slug"), "where a source page is written"),
    Setting("SOURCES_INDEX_SAVE_AS", "sources/index.html", TEXT, "where the index of sources is written"),
]
