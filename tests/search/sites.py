"""Copies of the mini fixture exhibit, built once and shared by the tests that only read them."""
from __future__ import annotations

import shutil
from pathlib import Path

from ops.build import build

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests/fixtures/mini"


class Built:
    """A built copy: its content folder, its output folder, and a reader for output files."""

    def __init__(self, folder: Path):
        self.content = folder / "content"
        self.output = folder / "output"

    def text(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


def build_copy(folder: Path, settings: str = "pelicanconf.py", edit=None, **overrides) -> Built:
    """Copy the mini exhibit into ``folder``, let ``edit(content)`` change it, and build it."""
    site = Built(folder)
    shutil.copytree(MINI, site.content)
    if edit is not None:
        edit(site.content)
    build(ROOT / settings, site.output,
          {"PATH": str(site.content), "CACHE_PATH": str(folder / "cache"), **overrides})
    return site


def cite_in_an_event(content: Path) -> None:
    """Give the first event's summary a citation, so its text carries a note."""
    events = content / "data/events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "summary: The invented guests arrive at the reception.",
        "summary: The invented guests arrive at the reception [@daily-1996-12-18].", 1), encoding="utf-8")
