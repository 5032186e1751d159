"""file:// targets: a release directory per deploy and an atomic switch of the ``current`` symlink.

Files unchanged since the current release are hard links to it, so each release costs only the
space of what changed. A deploy killed at any point leaves ``current`` on the old release; the
manifest and the history are written under a temporary name, flushed and renamed, never half-written.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from . import releases
from .errors import DeployError
from .manifest import Build
from .plan import Plan
from .progress import Progress


class LocalTarget:
    digest = "sha256"

    def __init__(self, root: str | Path, keep: int, say: Callable[[str], None]):
        self.root = Path(root)
        self.releases = self.root / releases.RELEASES
        self.history = self.root / releases.HISTORY
        self.keep = keep
        self.say = say

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

    def served(self, current: str | None) -> tuple[list[str], list[str]]:
        """The releases served in turn and those the history lacks (see releases.served)."""
        text = self.history.read_text(encoding="utf-8", errors="replace") if self.history.is_file() else None
        return releases.served(text, self.names(), current, str(self.history))

    def live(self) -> dict[str, str]:
        """Path → SHA-256 of the release being served; empty when unknown (its manifest is damaged)."""
        name = self.current()
        if name is None:
            return {}
        recorded = self.releases / f"{name}.json"
        if not recorded.is_file():
            folder = self.releases / name
            return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                    for p in folder.rglob("*") if p.is_file()}
        files = releases.recorded_files(recorded.read_bytes())
        if files is None:
            self.say(releases.damaged(str(recorded)))
        return files or {}

    def plan(self, build: Build) -> Plan:
        return Plan.between(build.files, self.live())

    def publish(self, build: Build, plan: Plan, progress: Progress) -> str:
        self.releases.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        current = self.current()
        chain, unrecorded = self.served(current)
        name = releases.new_name(build.id)
        staging = self.releases / releases.partial(name)
        sent = set(plan.transfers)
        for path in sorted(set(build.files) - sent):
            self._link_or_copy(self.releases / current / path, staging / path)
        for path in plan.transfers:
            self._link_or_copy(build.root / path, staging / path, link=False)
            progress.advance(build.size(path))
        _write_atomically(self.releases / f"{name}.json", build.manifest_text())
        os.sync()  # every byte on disk before the switch makes it visible
        os.rename(staging, self.releases / name)
        self.switch(name)
        self._record(releases.entries(unrecorded, "deploy", name))  # after the switch: it went live
        for old in releases.to_prune(self.names(), [*chain, name], self.keep):
            shutil.rmtree(self.releases / old)
            (self.releases / f"{old}.json").unlink(missing_ok=True)
        return f"release {name} at {self.root}"

    def rollback(self) -> str:
        current = self.current()
        if current is None:
            raise DeployError(f"nothing is deployed at {self.root}", "deploy first: `invoke build deploy`")
        chain, unrecorded = self.served(current)
        earlier = releases.previous(chain, self.names())
        if earlier is None:
            raise releases.nothing_before(current, str(self.root))
        # Recorded first: should the switch fail, the next run finds the current release unrecorded and adds it.
        self._record(releases.entries(unrecorded, "rollback", earlier))
        self.switch(earlier)
        return f"release {earlier} (was {current})"

    def switch(self, name: str) -> None:
        """Point ``current`` at release ``name`` with a single rename(2): readers see old or new, never neither."""
        temporary = self.root / f".{releases.CURRENT}.{os.getpid()}.tmp"
        temporary.unlink(missing_ok=True)
        os.symlink(releases.link_target(name), temporary)
        os.replace(temporary, self.root / releases.CURRENT)

    def _record(self, lines: str) -> None:
        """Append ``lines`` to the history, by writing it anew and renaming it into place."""
        before = self.history.read_text(encoding="utf-8") if self.history.is_file() else ""
        _write_atomically(self.history, before + lines)

    def _remove_leftovers(self) -> None:
        """What deploys killed midway left: unfinished releases and manifests, temporary links."""
        for entry in self.releases.iterdir():
            if entry.name.startswith(".") and entry.name.endswith(".partial"):
                shutil.rmtree(entry)
        for entry in [*self.releases.glob("*.json.tmp"), *self.root.glob(f".{releases.CURRENT}.*.tmp")]:
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


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` under a temporary name beside it, flush it to disk, then rename it over ``path``."""
    temporary = path.with_name(f"{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
