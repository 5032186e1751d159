"""Fixtures shared by every test: the mini exhibit, a project copy for the command line, Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, Exhibit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def mini(tmp_path) -> Exhibit:
    """The 'mini' fixture exhibit: two essays, three sources, two events, one place."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    return Exhibit(content, tmp_path / "output")


@pytest.fixture
def project(tmp_path, mini) -> Path:
    """A copy of the project's settings and tasks around the mini content, for command-line tests."""
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("plugins", "ops", "theme"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


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
