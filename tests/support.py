"""Helpers for tests: a throwaway fixture exhibit, the command line, a local web server."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ops.build import build, check
from tools.serve import serve_folder  # noqa: F401 (tests serve built folders through support)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The exhibit's public address and corrections channel: the defaults of publishconf.py and pelicanconf.py.
PUBLIC_URL = "https://lima-1996.museum"
CORRECTIONS = "mailto:corrections@lima-1996.museum"


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


def run_invoke(*args, cwd) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` as a curator would, in ``cwd``."""
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd, capture_output=True, text=True)


