"""docs/SETTINGS.md, written from the settings each plugin (and `invoke deploy`) declares.

    .venv/bin/python -m tools.settings_doc > docs/SETTINGS.md
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]  # the plugins and ops/, as tasks.py has them

# (module declaring SETTINGS, its file, who reads them), in the order of pelicanconf.py's PLUGINS.
SECTIONS = [
    ("exhibit.settings", "plugins/exhibit/settings.py", "the exhibit plugin (the content model)"),
    ("sources.settings", "plugins/sources/settings.py", "the sources plugin (source pages)"),
    ("citations.settings", "plugins/citations/settings.py", "the citations plugin"),
    ("timeline.settings", "plugins/timeline/settings.py", "the timeline plugin"),
    ("map.settings", "plugins/map/settings.py", "the map plugin"),
    ("images.settings", "plugins/images/settings.py", "the images plugin"),
    ("discovery.settings", "plugins/discovery/settings.py", "the discovery plugin (search, data, metadata)"),
    ("ops.deploy.settings", "ops/deploy/settings.py", "`invoke deploy` and `invoke rollback` (publishconf.py)"),
]

INTRO = """# Settings

Every setting the exhibit's plugins and `invoke deploy` read, with its default. Set one in
`pelicanconf.py` (or, for production builds and deploys, `publishconf.py`) to override the default.
A value of the wrong type is reported at the line that sets it, and the build stops; settings whose
type reads "checked by the plugin" are checked where they are used, with messages of their own.

This file is generated from the declarations in each `settings.py` below. After changing one, run
`.venv/bin/python -m tools.settings_doc > docs/SETTINGS.md`.
"""


def cell(text: str, code: bool = False) -> str:
    """Text safe in a Markdown table cell, as code (which shows < as it is) or as prose."""
    text = text.replace("|", "\\|").replace("\n", " ")
    return f"`{text}`" if code else text.replace("<", "&lt;")


def row(setting) -> str:
    kind = setting.kind.expected + (" (checked by the plugin)" if setting.kind.checked_by_plugin else "")
    return (f"| `{setting.name}` | {cell(repr(setting.default), code=True)} | {cell(kind)} | "
            f"{cell(setting.description)} |")


def settings_doc() -> str:
    parts = [INTRO]
    for module, path, reader in SECTIONS:
        settings = importlib.import_module(module).SETTINGS
        parts.append(f"## {path.rsplit('/', 2)[-2]}\n\nRead by {reader}; declared in `{path}`.\n\n"
                     "| Setting | Default | Type | Description |\n|---|---|---|---|\n"
                     + "\n".join(row(s) for s in settings) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(settings_doc())
