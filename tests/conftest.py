"""Shared test helpers: copy a fixture exhibit into a temp dir and build it with the real settings."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exhibit.build import build, check

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class Exhibit:
    """A throwaway copy of a fixture exhibit with helpers to build, check and edit it."""

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

    def html(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


@pytest.fixture
def mini(tmp_path) -> Exhibit:
    """The 'mini' fixture exhibit: two essays, three sources, two events, one place."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    return Exhibit(content, tmp_path / "output")


# Browser tests drive Debian's Chromium, never a browser Playwright downloads.
@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run `invoke test-setup` (apt-get install chromium)")
    return {
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }
