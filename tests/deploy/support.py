"""Helpers for the deploy tests: reading what a target serves, free ports, running a deploy apart."""
from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from deploy.manifest import Build

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests/fixtures/mini"
S3_KEY, S3_SECRET = "exhibit-test-key", "exhibit-test-secret-5f2c9e"
PR_SET_PDEATHSIG = 1  # prctl(2)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: what a reader of that folder gets."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def published(build: Build) -> dict[str, bytes]:
    """What a deploy of ``build`` must serve: the build without its manifest."""
    return {path: (build.root / path).read_bytes() for path in build.files}


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def wait_for(ready, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {seconds} s")
        time.sleep(0.1)


def die_with_parent() -> None:
    """For servers the tests start: the kernel stops them if the test process itself is killed."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def stop(process: subprocess.Popen, grace: float = 3) -> None:
    """Stop a server we started, by its PID: politely, then for good."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_publish(build: Build, url: str, settings: dict, environ: dict) -> subprocess.CompletedProcess:
    """A deploy in its own process (so that it can be killed), without the guards of `invoke deploy`."""
    code = ("import json, sys; from deploy.commands import publish; from deploy.manifest import load; "
            "from deploy.target import parse; "
            "publish(load(sys.argv[1]), parse(sys.argv[2]), json.loads(sys.argv[3]))")
    return subprocess.run([sys.executable, "-c", code, str(build.root), url, json.dumps(settings)],
                          env={**os.environ, **environ, "PYTHONPATH": str(ROOT / "plugins")},
                          capture_output=True, text=True, timeout=120)
