"""file:// targets: a release directory per deploy and an atomic switch of the ``current`` symlink.

Files unchanged since the current release are hard links to it, so each release costs only the
space of what changed. A deploy killed at any point leaves ``current`` on the old release.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from . import releases
from .errors import DeployError
from .manifest import Build
from .plan import Plan
from .progress import Progress


class LocalTarget:
    digest = "sha256"

    def __init__(self, root: str | Path, keep: int):
        self.root = Path(root)
        self.releases = self.root / releases.RELEASES
        self.keep = keep

    def current(self) -> str | None:
        link = self.root / releases.CURRENT
        if link.is_symlink():
            return releases.name_of(os.readlink(link))
        if link.exists():
            raise DeployError(f"{link} is not a symlink, so it cannot be switched atomically",
                              "move it aside; each deploy then creates a release and points current at it")
        return None

    def names(self) -> list[str]:
        return releases.complete(os.listdir(self.releases)) if self.releases.is_dir() else []

    def live(self) -> dict[str, str]:
        """Path → SHA-256 of the release being served."""
        name = self.current()
        if name is None:
            return {}
        recorded = self.releases / f"{name}.json"
        if recorded.is_file():
            return json.loads(recorded.read_text(encoding="utf-8"))["files"]
        folder = self.releases / name
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in folder.rglob("*") if p.is_file()}

    def plan(self, build: Build) -> Plan:
        return Plan.between(build.files, self.live())

    def publish(self, build: Build, plan: Plan, progress: Progress) -> str:
        self.releases.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        current = self.current()
        name = releases.new_name(build.id)
        staging = self.releases / releases.partial(name)
        sent = set(plan.transfers)
        for path in sorted(set(build.files) - sent):
            self._link_or_copy(self.releases / current / path, staging / path)
        for path in plan.transfers:
            self._link_or_copy(build.root / path, staging / path, link=False)
            progress.advance(build.size(path))
        (self.releases / f"{name}.json").write_text(build.manifest_text(), encoding="utf-8")
        os.sync()  # every byte on disk before the switch makes it visible
        os.rename(staging, self.releases / name)
        self.switch(name)
        for old in releases.to_prune(self.names(), name, self.keep):
            shutil.rmtree(self.releases / old)
            (self.releases / f"{old}.json").unlink(missing_ok=True)
        return f"release {name} at {self.root}"

    def rollback(self) -> str:
        current = self.current()
        if current is None:
            raise DeployError(f"nothing is deployed at {self.root}", "deploy first: `invoke build deploy`")
        earlier = releases.previous(self.names(), current)
        if earlier is None:
            raise DeployError(f"{current} is the oldest release kept at {self.root}; there is none before it")
        self.switch(earlier)
        return f"release {earlier} (was {current})"

    def switch(self, name: str) -> None:
        """Point ``current`` at release ``name`` with a single rename(2): readers see old or new, never neither."""
        temporary = self.root / f".{releases.CURRENT}.{os.getpid()}.tmp"
        temporary.unlink(missing_ok=True)
        os.symlink(releases.link_target(name), temporary)
        os.replace(temporary, self.root / releases.CURRENT)

    def _remove_leftovers(self) -> None:
        """What deploys killed midway left: unfinished releases and temporary links."""
        for entry in self.releases.iterdir():
            if entry.name.startswith(".") and entry.name.endswith(".partial"):
                shutil.rmtree(entry)
        for entry in self.root.glob(f".{releases.CURRENT}.*.tmp"):
            entry.unlink()

    @staticmethod
    def _link_or_copy(source: Path, destination: Path, link: bool = True) -> None:
        destination.parent.mkdir(parents=True, exist_ok=True)
        if link:
            try:
                os.link(source, destination)
                return
            except OSError:  # a filesystem without hard links: copy instead
                pass
        shutil.copyfile(source, destination)
