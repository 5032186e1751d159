"""Settings the exhibit plugin reads, with their defaults. Override them in pelicanconf.py."""
from __future__ import annotations

from pathlib import Path

DEFAULTS: dict[str, tuple[object, str]] = {
    "EXHIBIT_ESSAYS_DIR": ("essays", "folder under content/ holding the essays"),
    "EXHIBIT_SOURCES_DIR": ("sources", "folder under content/ holding one Markdown file per source"),
    "EXHIBIT_DATA_DIR": ("data", "folder under content/ holding events.yaml and places.yaml"),
    "SOURCE_URL": ("sources/{slug}.html", "address of a source page; {slug} is its Key"),
    "SOURCE_SAVE_AS": ("sources/{slug}.html", "where a source page is written"),
    "SOURCES_INDEX_SAVE_AS": ("sources/index.html", "where the index of sources is written"),
    "LANGUAGE_NAMES": ({"en": "English", "es": "Spanish", "ja": "Japanese"},
                       "how language codes are shown to readers"),
    "EXHIBIT_PARALLEL_AFTER": (200, "when more event summaries and place descriptions than this are not in the "
                               "cache (a first build of a large exhibit), worker processes convert them"),
    "EXHIBIT_LOCK_TIMEOUT": (600.0, "seconds a build waits for another build (or a deploy) to finish "
                             "with the output folder before it gives up"),
    "PUBLIC_URL": ("", "the exhibit's public address for canonical links; empty in development"),
    "EXHIBIT_PRODUCTION": (False, "a build for the public (publishconf.py): an empty or placeholder SITEURL "
                           "or EXHIBIT_CORRECTIONS stops it"),
    "EXHIBIT_CORRECTIONS": ("", "where readers report an error: mailto:<address>, or the https:// address of "
                            "a corrections page or form"),
    "TIMELINE_SIEGE_START": ("1996-12-17 20:30", "when the siege began (Lima time): day 1 of \"Day N\" on the "
                             "timeline and the home page, counted in 24-hour days from then"),
    "TIMELINE_SIEGE_END": ("1997-04-22", "the siege's last day (day 126)"),
    "EXHIBIT_CURATORS": ([], "who made the exhibit, named as the author of 'Cite this page': a list of people as "
                         "'Family, Given' and groups as {'literal': 'Name of the group'}; a production build "
                         "stops when it is empty"),
    "MENU": ([("Essays", "index.html#essays"), ("Sources", "sources/index.html"),
              ("About", "about.html")], "header navigation: (label, address from the site root)"),
}


def apply_defaults(settings: dict, defaults: dict[str, tuple[object, str]] = DEFAULTS) -> None:
    """Give every setting of a plugin's table (name: (default, description)) its default unless set."""
    for name, (default, _doc) in defaults.items():
        settings.setdefault(name, default)


def setting_error(settings: dict, name: str, message: str, hint: str | None = None,
                  severity: str = "error") -> None:
    """Report a bad setting at the line of the settings file (or pelicanconf.py) that sets it."""
    log = settings["EXHIBIT"].log
    report = log.warning if severity == "warning" else log.error
    candidates = [Path(settings.get("EXHIBIT_SETTINGS_FILE", "pelicanconf.py"))]
    candidates.append(candidates[0].with_name("pelicanconf.py"))
    for path in candidates:
        if path.exists():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.lstrip().startswith(name):
                    report(path, number, f"{name}: {message}", hint)
                    return
    report(candidates[0], None, f"{name}: {message}", hint)
