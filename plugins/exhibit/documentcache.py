"""Markdown files converted once and kept between builds: an unchanged essay, page or source record is
not converted again.

A file's conversion is kept under a key of everything that shapes it (``fingerprints``: its text, every
field of each source record it may cite, the settings, the plugins' code, the libraries' versions) and
holds what reading it gives: its HTML, its header lines (Python-Markdown's ``Meta``, which Pelican
parses again) and the citations and embeds the plugins read back from ``content.document``. A file
whose embeds show only the exhibit's records (``timeline``, ``map``) is keyed by every record and
every plain setting too (:meth:`DocumentCache.records_key`); one with any other embed (a figure reads
image files) or whose conversion logged anything is never kept, so its messages come back on every
build. Only this build's conversions are written back, atomically.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from .fingerprints import build_fingerprint, record_fields, text_fingerprint

CACHE_VERSION = 2
# Embeds whose output is made of the exhibit's records and settings alone.
OF_RECORDS = {"timeline", "map"}


class DocumentCache:
    """``settings['EXHIBIT_DOCUMENTS']``: conversions by key, read from and saved to ``path``."""

    def __init__(self, settings: dict, path: Path):
        self.path = path
        self.settings = settings
        self.sources = settings["EXHIBIT"].sources
        self.context = build_fingerprint(settings, CACHE_VERSION)
        self._stored = _read(path)
        self._used: dict[str, tuple] = {}
        self._records: str | None = None

    def key(self, name: str, text: str) -> str:
        """The key of a file's text; one with an embed is looked up under :meth:`records_key` too."""
        key = text_fingerprint(self.context, name, text, self.sources)
        return hashlib.sha256((key + self.records_key()).encode()).hexdigest() if "{%" in text else key

    def records_key(self) -> str:
        """Every record of the exhibit, every plain setting (the timeline's and the map's among them)
        and the theme's templates, once per build: what the embeds that show records are made of."""
        if self._records is None:
            exhibit = self.settings["EXHIBIT"]
            plain = {name: value for name, value in self.settings.items() if name.isupper() and _plain(value)}
            templates = sorted(Path(self.settings["THEME"], "templates").rglob("*.html"))
            data = [sorted(plain.items()), [(str(t), hashlib.sha256(t.read_bytes()).hexdigest()) for t in templates],
                    [record_fields(e) for e in exhibit.events],
                    [record_fields(p) for p in exhibit.places.values()],
                    [record_fields(s) for s in exhibit.sources.values()], repr(exhibit.siege)]
            self._records = hashlib.sha256(json.dumps(data, default=repr).encode()).hexdigest()
        return self._records

    @staticmethod
    def keeps(document) -> bool:
        """Whether a conversion that logged nothing may be kept: none of its embeds reads files."""
        return all(embed.name in OF_RECORDS for embed in document.embeds)

    def get(self, key: str) -> tuple | None:
        """(html, meta, citations, embeds) kept for ``key``, or None."""
        found = self._stored.get(key)
        if found is not None:
            self._used[key] = found
        return found

    def keep(self, key: str, html: str, meta: dict, citations: list, embeds: list) -> None:
        self._used[key] = (html, meta, citations, embeds)

    def save(self) -> None:
        if self._used.keys() == self._stored.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, self.path)


def _plain(value) -> bool:
    """Data a settings file writes (text, numbers, lists, mappings of them), not a plugin's objects."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def _read(path: Path) -> dict:
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return {}  # no cache yet, a damaged one, or one from other code: only a slower build
