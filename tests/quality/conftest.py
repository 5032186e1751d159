"""The real exhibit (content/), built once per test session with production settings."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from exhibit.build import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("real") / "output"
    build(ROOT / "publishconf.py", output, {"CACHE_PATH": str(output.parent / "cache")})
    return output


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def real_server(real_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(real_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
