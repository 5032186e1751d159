"""Settings the exhibit plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

DEFAULTS: dict[str, tuple[object, str]] = {
    "EXHIBIT_ESSAYS_DIR": ("essays", "folder under content/ holding the essays"),
    "EXHIBIT_SOURCES_DIR": ("sources", "folder under content/ holding one Markdown file per source"),
    "EXHIBIT_DATA_DIR": ("data", "folder under content/ holding events.yaml and places.yaml"),
    "SOURCE_URL": ("sources/{slug}.html", "address of a source page; {slug} is its Key"),
    "SOURCE_SAVE_AS": ("sources/{slug}.html", "where a source page is written"),
    "SOURCES_INDEX_SAVE_AS": ("sources/index.html", "where the index of sources is written"),
    "LANGUAGE_NAMES": ({"en": "English", "es": "Spanish", "ja": "Japanese"},
                       "how language codes are shown to readers"),
    "PUBLIC_URL": ("", "the exhibit's public address for canonical links; empty in development"),
    "MENU": ([("Essays", "index.html#essays"), ("Sources", "sources/index.html"),
              ("About", "about.html")], "header navigation: (label, address from the site root)"),
}


def apply_defaults(settings: dict) -> None:
    for name, (default, _doc) in DEFAULTS.items():
        settings.setdefault(name, default)
