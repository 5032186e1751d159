"""Markdown files converted once and kept between builds: an unchanged essay, page or source record is
not converted again.

A file's conversion is kept under a key of everything that shapes it (``fingerprints``: its text, every
field of each source record it may cite, the settings, the plugins' code, the libraries' versions) and
holds what reading it gives: its HTML, its header lines (Python-Markdown's ``Meta``, which Pelican
parses again) and the citations the plugins read back from ``content.document``. A file with an embed
(its output depends on other records and files) or whose conversion logged anything is never kept, so
its messages come back on every build. Only this build's conversions are written back, atomically.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path

from .fingerprints import build_fingerprint, text_fingerprint

CACHE_VERSION = 1


class DocumentCache:
    """``settings['EXHIBIT_DOCUMENTS']``: conversions by key, read from and saved to ``path``."""

    def __init__(self, settings: dict, path: Path):
        self.path = path
        self.sources = settings["EXHIBIT"].sources
        self.context = build_fingerprint(settings, CACHE_VERSION)
        self._stored = _read(path)
        self._used: dict[str, tuple] = {}

    def key(self, name: str, text: str) -> str:
        return text_fingerprint(self.context, name, text, self.sources)

    def get(self, key: str) -> tuple | None:
        """(html, meta, citations) kept for ``key``, or None."""
        found = self._stored.get(key)
        if found is not None:
            self._used[key] = found
        return found

    def keep(self, key: str, html: str, meta: dict, citations: list) -> None:
        self._used[key] = (html, meta, citations)

    def save(self) -> None:
        if self._used.keys() == self._stored.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, self.path)


def _read(path: Path) -> dict:
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return {}  # no cache yet, a damaged one, or one from other code: only a slower build
