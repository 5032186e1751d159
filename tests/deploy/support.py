"""Helpers for the deploy tests: reading what a target serves, free ports, running a deploy apart,
and the checks file:// and ssh:// targets share."""
from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from ops.deploy.commands import publish, rollback
from ops.deploy.errors import DeployError
from ops.deploy.manifest import Build
from ops.deploy.releases import new_name
from ops.deploy.target import parse
from tests.support import ROOT

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
    code = ("import json, sys; from ops.deploy.commands import publish; from ops.deploy.manifest import load; "
            "from ops.deploy.target import parse; "
            "publish(load(sys.argv[1]), parse(sys.argv[2]), json.loads(sys.argv[3]))")
    return subprocess.run([sys.executable, "-c", code, str(build.root), url, json.dumps(settings)],
                          env={**os.environ, **environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT)])},
                          capture_output=True, text=True, timeout=120)


def deploy_to(url: str, build: Build, settings: dict, dry_run: bool = False) -> list[str]:
    """Publish ``build`` to ``url``; the lines it printed."""
    lines = []
    publish(build, parse(url), settings, dry_run=dry_run, say=lines.append)
    return lines


def roll_back(url: str, settings: dict) -> list[str]:
    lines = []
    rollback({**settings, "DEPLOY_TARGET": url}, environ={}, say=lines.append)
    return lines


def serving(root: Path) -> str:
    """The release ``current`` points to."""
    return os.readlink(root / "current").split("/")[-1]


def damage_current_manifest(root: Path) -> Path:
    """Cut the served release's manifest in half, as a deploy cut while it was being written left it."""
    recorded = root / "releases" / f"{serving(root)}.json"
    recorded.write_bytes(recorded.read_bytes()[:recorded.stat().st_size // 2])
    return recorded


def check_a_damaged_manifest_is_survived(url: str, root: Path, builds, settings: dict) -> None:
    """Deploy and rollback neither crash nor trust a damaged manifest: the next deploy sends every file."""
    deploy_to(url, builds.a, settings)
    deploy_to(url, builds.b, settings)
    damaged = damage_current_manifest(root)
    lines = deploy_to(url, builds.a, settings)
    assert any(line.startswith("Warning: ") and f"{damaged.name} is damaged" in line for line in lines), lines
    count = len(builds.a.files)
    assert f"Changes: {count} new, 0 changed, 0 removed, 0 unchanged." in lines
    assert lines[-2].startswith(f"  sent {count} of {count} files")
    assert tree(root / "current") == published(builds.a)
    assert roll_back(url, settings)[0].startswith(f"Rolled back {url}: now serving release ")
    assert tree(root / "current") == published(builds.b)  # the release whose manifest is damaged


def check_rollback_follows_what_was_served(url: str, root: Path, builds, settings: dict) -> None:
    """Rollback goes to the release served before the current one, never to one that was not live."""
    deploy_to(url, builds.a, settings)
    first = serving(root)
    deploy_to(url, builds.b, settings)
    second = serving(root)
    roll_back(url, settings)
    assert serving(root) == first
    # a release uploaded but never made live, as a deploy cut between its upload and its switch leaves one
    never_live = new_name(builds.b.id)
    shutil.copytree(root / "releases" / second, root / "releases" / never_live, symlinks=True)
    shutil.copy(root / "releases" / f"{second}.json", root / "releases" / f"{never_live}.json")
    deploy_to(url, builds.b, settings)
    third = serving(root)
    assert roll_back(url, settings) == [f"Rolled back {url}: now serving release {first} (was {third})."]
    assert tree(root / "current") == published(builds.a)
    with pytest.raises(DeployError, match=f"{first} is the oldest release kept at .*: nothing served before"):
        roll_back(url, settings)
    events = [line.split()[1:] for line in (root / "history").read_text().splitlines()]
    assert events == [["deploy", first], ["deploy", second], ["rollback", first], ["deploy", third],
                      ["rollback", first]]


@contextmanager
def frozen_server(stop_after: float = 25):
    """A port on 127.0.0.1 whose connections are taken and never answered, as by a hung server; the test
    stops it (or, should a deploy still wait, it stops itself after ``stop_after`` seconds)."""
    server = socket.create_server(("127.0.0.1", 0), backlog=16)
    timer = threading.Timer(stop_after, server.close)
    timer.start()
    try:
        yield server.getsockname()[1]
    finally:
        timer.cancel()
        server.close()
