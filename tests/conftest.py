"""Fixtures shared by every folder; tests/README.md maps them all, with their scopes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import ROOT, Exhibit, build_copy, cite_in_an_event, copy_mini

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def mini(tmp_path) -> Exhibit:
    """The 'mini' fixture exhibit: two essays, three sources, two events, one place."""
    return copy_mini(tmp_path)


@pytest.fixture
def project(tmp_path, mini) -> Path:
    """A copy of the project around the mini content, for command-line tests. Plugins, ops and theme are
    copies: other work in the repository must not change the sources a test built from."""
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("plugins", "ops", "theme"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Exhibit:
    """The mini exhibit as it is, built once with development settings."""
    return build_copy(tmp_path_factory.mktemp("mini-site"))


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory) -> Exhibit:
    """The mini exhibit with a citation in an event summary, built once with development settings."""
    return build_copy(tmp_path_factory.mktemp("dev"), edit=cite_in_an_event)


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Exhibit:
    """The same, built once with production settings."""
    return build_copy(tmp_path_factory.mktemp("public"), "publishconf.py", edit=cite_in_an_event)


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
