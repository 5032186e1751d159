"""The real exhibit (content/), built once per test session with production settings."""
from __future__ import annotations

from pathlib import Path

import pytest

from ops.build import build
from tests.support import ROOT, serve_folder


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("real") / "output"
    build(ROOT / "publishconf.py", output, {"CACHE_PATH": str(output.parent / "cache")})
    return output


@pytest.fixture(scope="session")
def real_server(real_site):
    with serve_folder(real_site) as url:
        yield url
