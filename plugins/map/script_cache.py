"""Each map's Leaflet script, kept between builds under ``CACHE_PATH/maps``.

A script is filed under a hash of everything that makes it: the map's number (its ids), its
view (centre and zoom, or bounds), its GeoJSON, the tile settings, the source of this
plugin and the versions of folium and branca. An unchanged rebuild reads every script
from the cache and never imports folium (about a second to import).
"""
from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .model import MapView

TILE_SETTINGS = ("MAP_TILES_URL", "MAP_TILES_ATTRIBUTION", "MAP_TILES_MAX_ZOOM")


@cache
def code_version() -> str:
    """This plugin's Python sources and the versions of the libraries that write the scripts."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("folium", "branca"):
        digest.update(f"{package}={version(package)}\0".encode())
    return digest.hexdigest()


def script_key(view: MapView, data: dict, settings: dict) -> str:
    """The hash of everything that determines the script of ``view``."""
    inputs = {"code": code_version(), "number": view.number, "center_and_zoom": view.center_and_zoom(),
              "bounds": view.bounds(), "data": data, "tiles": [settings[name] for name in TILE_SETTINGS]}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def script_name(script: str) -> str:
    """A file name that changes whenever the script does (so browsers never run an old map)."""
    return hashlib.sha256(script.encode("utf-8")).hexdigest()[:16] + ".js"


class ScriptCache:
    """Scripts by key in ``folder``; folium is imported only to draw one that is missing."""

    def __init__(self, folder: Path):
        self.folder = folder

    def script(self, view: MapView, data: dict, settings: dict) -> tuple[str, str]:
        """(id of the element to draw into, the script), as :func:`map.folium_map.map_script` gives them."""
        path = self.folder / f"{script_key(view, data, settings)}.json"
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            return cached["canvas_id"], cached["script"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        from .folium_map import map_script  # imports folium

        canvas_id, script = map_script(view, data, settings)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"canvas_id": canvas_id, "script": script}), encoding="utf-8")
        temporary.replace(path)
        return canvas_id, script
