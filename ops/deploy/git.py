"""git targets (GitHub Pages and similar): the build becomes one commit on a branch, via ghp-import.

A bare clone per target under DEPLOY_GIT_CACHE keeps what was fetched before, so a deploy
fetches only new commits. ghp-import writes the commit there (with ``.nojekyll``); a plain
``git push`` then moves the remote branch in one step, and only if nobody else moved it meanwhile.
Authentication is git's own: the SSH agent for git+ssh://, a credential helper or a token in
EXHIBIT_DEPLOY_TARGET for git+https://.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import DeployError
from .manifest import EMPTY_GIT_BLOB, Build
from .plan import Plan
from .progress import Progress

_PERCENT = re.compile(r"^(?P<phase>[^:]+):\s+(?P<percent>\d+)%")


class GitTarget:
    digest = "git"

    def __init__(self, remote: str, branch: str, cache: str | Path, say: Callable[[str], None],
                 shown: str):
        self.remote, self.branch, self.say = remote, branch, say
        self.ref = f"refs/heads/{branch}"
        self.repo = Path(cache).resolve() / f"{hashlib.sha256(shown.encode()).hexdigest()[:12]}.git"
        self._fetched = False
        self._head: str | None = None

    def head(self) -> str | None:
        """The remote branch's commit, fetched into the local clone if it is new; None if no branch yet."""
        if not self._fetched:
            if not self.repo.is_dir():
                self.repo.mkdir(parents=True)
                self._git("init", "--quiet", "--bare")
            listed = self._git("ls-remote", self.remote, self.ref).stdout.split()
            self._head = listed[0] if listed else None
            if self._head is None:
                self._git("update-ref", "-d", self.ref)
            else:
                if self._git("cat-file", "-e", f"{self._head}^{{commit}}", check=False).returncode != 0:
                    self._git("fetch", "--quiet", "--no-tags", self.remote, f"+{self.ref}:{self.ref}")
                self._git("update-ref", self.ref, self._head)
            self._fetched = True
        return self._head

    def live(self) -> dict[str, str]:
        """Path → git object id of the files on the branch."""
        head = self.head()
        if head is None:
            return {}
        entries = self._git("ls-tree", "-r", "-z", head).stdout.split("\0")
        return {path: meta.split()[2] for meta, _, path in (e.partition("\t") for e in entries if e)}

    def plan(self, build: Build) -> Plan:
        return Plan.between({**build.digests("git"), ".nojekyll": EMPTY_GIT_BLOB}, self.live())

    def publish(self, build: Build, plan: Plan, progress: Progress) -> str:
        head = self.head()
        message = (f"Deploy build {build.id}\n\nBuilt with {build.manifest['settings']} from sources "
                   f"{build.manifest['sources'][:12]}.")
        with tempfile.TemporaryDirectory(dir=self.repo.parent) as staging:
            for path in build.files:  # the build without its manifest
                copy = Path(staging) / path
                copy.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(build.root / path, copy)
                except OSError:  # another filesystem
                    shutil.copyfile(build.root / path, copy)
            self._run([sys.executable, "-m", "ghp_import", "--no-jekyll", "--branch", self.branch,
                       "--message", message, staging], env=self._committer())
        commit = self._git("rev-parse", self.ref).stdout.strip()
        self._push(f"{self.ref}:{self.ref}")
        self._head = commit
        return f"commit {commit[:12]} on {self.branch} (was {head[:12] if head else 'new branch'})"

    def rollback(self) -> str:
        head = self.head()
        if head is None:
            raise DeployError(f"branch {self.branch} does not exist yet", "deploy first: `invoke build deploy`")
        parent = self._git("rev-parse", "--verify", "--quiet", f"{head}^", check=False).stdout.strip()
        if not parent:
            raise DeployError(f"commit {head[:12]} is the first on {self.branch}; there is none before it")
        self._push(f"{parent}:{self.ref}", f"--force-with-lease={self.ref}:{head}")
        return f"commit {parent[:12]} on {self.branch} (was {head[:12]})"

    def _committer(self) -> dict[str, str]:
        env = dict(os.environ)
        if not self._git("config", "user.name", check=False).stdout.strip():
            env.setdefault("GIT_COMMITTER_NAME", "invoke deploy")
            env.setdefault("GIT_COMMITTER_EMAIL", "deploy@localhost")
        return env

    def _git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self._run(["git", *args], check=check)

    def _run(self, command: list[str], check: bool = True, env=None) -> subprocess.CompletedProcess:
        result = subprocess.run(command, cwd=self.repo, capture_output=True, text=True,
                                env={**(env or os.environ), "GIT_TERMINAL_PROMPT": "0"})
        if check and result.returncode != 0:
            name = "ghp-import" if "ghp_import" in command else f"git {command[1]}"
            raise DeployError(f"{name} failed: {result.stderr.strip() or result.stdout.strip()}",
                              "check the remote's address and that git can authenticate to it "
                              "(SSH agent or credential helper)")
        return result

    def _push(self, refspec: str, *options: str) -> None:
        """git push, showing its progress at every tenth of each phase."""
        process = subprocess.Popen(["git", "push", "--progress", *options, self.remote, refspec], cwd=self.repo,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   env={**os.environ, "GIT_TERMINAL_PROMPT": "0"})
        shown: dict[str, int] = {}
        lines = []
        for line in _segments(process.stdout):
            progress = _PERCENT.match(line)
            if progress and shown.get(progress["phase"], -1) >= int(progress["percent"]) // 10:
                continue
            if progress:
                shown[progress["phase"]] = int(progress["percent"]) // 10
            lines.append(line)
            self.say(f"  {line}")
        if process.wait() != 0:
            raise DeployError(f"git push to {self.branch} failed: {' '.join(lines[-3:])}",
                              "the branch was left as it was; if someone else pushed to it, deploy again")


def _segments(stream):
    """The lines of a tool's output as they arrive, progress updates (ended by \\r) included."""
    pending = b""
    while chunk := stream.read1(4096):
        *complete, pending = re.split(rb"[\r\n]", pending + chunk)
        yield from (text for part in complete if (text := part.decode(errors="replace").strip()))
    if pending.strip():
        yield pending.decode(errors="replace").strip()
