"""Helpers for tests: the project's paths, throwaway copies of the mini exhibit, the command line, a local
web server. Tests import them, and every other helper module, as ``tests.<folder>.<module>``."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ops.build import build, check
from tools.serve import serve_folder  # noqa: F401 (tests serve built folders through support)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fixtures"
MINI = FIXTURES / "mini"
# The exhibit's public address and corrections channel: the defaults of publishconf.py and pelicanconf.py.
PUBLIC_URL = "https://lima-1996.museum"
CORRECTIONS = "mailto:corrections@lima-1996.museum"


class Exhibit:
    """A throwaway copy of a fixture exhibit with helpers to build, check, edit and read it."""

    def __init__(self, content: Path, output: Path):
        self.content = content
        self.output = output

    def build(self, settings: str = "pelicanconf.py", **overrides):
        return build(ROOT / settings, self.output, {**self._paths(), **overrides})

    def check(self, **overrides):
        return check(ROOT / "pelicanconf.py", {**self._paths(), **overrides})

    def _paths(self) -> dict:
        return {"PATH": str(self.content), "CACHE_PATH": str(self.content.parent / "cache")}

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def text(self, relative: str) -> str:
        """The text of an output file."""
        return (self.output / relative).read_text(encoding="utf-8")

    html = text  # the name the page tests use


def copy_mini(folder: Path) -> Exhibit:
    """The mini exhibit copied to ``folder``/content, to build into ``folder``/output."""
    exhibit = Exhibit(folder / "content", folder / "output")
    shutil.copytree(MINI, exhibit.content)
    return exhibit


def build_copy(folder: Path, settings: str = "pelicanconf.py", edit=None, **overrides) -> Exhibit:
    """Copy the mini exhibit into ``folder``, let ``edit(content)`` change it, and build it."""
    site = copy_mini(folder)
    if edit is not None:
        edit(site.content)
    site.build(settings, **overrides)
    return site


def cite_in_an_event(content: Path) -> None:
    """Give the first event's summary a citation, so its text carries a note."""
    events = content / "data/events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "summary: The invented guests arrive at the reception.",
        "summary: The invented guests arrive at the reception [@daily-1996-12-18].", 1), encoding="utf-8")


def run_invoke(*args, cwd) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` as a curator would, in ``cwd``."""
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd, capture_output=True, text=True)
