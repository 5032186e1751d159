"""ssh:// targets: rsync over SSH into a new release directory on the server, then an atomic switch.

The server keeps the same layout as a file:// target (see releases.py), and the manifest goes
live only if it arrived whole (its SHA-256 is checked on the server). rsync compares file
contents (``--checksum``) against the current release (``--link-dest``): unchanged files are
hard-linked on the server and never sent. The server needs a POSIX shell, rsync and GNU ``mv -T``.
Authentication is the SSH agent's (or ssh's own configuration): ssh runs with BatchMode, so it
never asks for a password, and gives up on a server silent for DEPLOY_TIMEOUT seconds (so does rsync).
EXHIBIT_SSH_COMMAND replaces the ``ssh`` command (e.g. to add ``-F``).
"""
from __future__ import annotations

import hashlib
import os
import re
import shlex
import subprocess
from collections.abc import Callable
from typing import NamedTuple

from ops.build import MANIFEST

from . import releases
from .errors import DeployError
from .manifest import Build
from .plan import Plan
from .progress import Progress

SSH_COMMAND = "EXHIBIT_SSH_COMMAND"

# Runs on the server as `sh -c SCRIPT exhibit-deploy ROOT ACTION ARGS…`; release names are
# checked against releases.NAME before they get here.
SCRIPT = r"""
set -eu
root=$1 action=$2
shift 2
switch() {
  ln -sfn "releases/$1" "$root/.current.$$.tmp"
  mv -T "$root/.current.$$.tmp" "$root/current"
}
record() {  # append lines to the history: write it anew, then rename it into place
  { [ ! -f "$root/history" ] || cat "$root/history"; printf '%s' "$1"; } > "$root/history.tmp"
  mv -f "$root/history.tmp" "$root/history"
}
case $action in
state)
  [ -L "$root/current" ] && printf 'current %s\n' "$(readlink "$root/current")"
  [ -e "$root/current" ] && [ ! -L "$root/current" ] && echo 'current-is-not-a-link'
  [ -f "$root/history" ] && echo history && sed -e 's/^/served /' -e '$a\' "$root/history"
  if [ -d "$root/releases" ]; then
    ls -1A "$root/releases" | sed 's/^/entry /'
    [ -L "$root/current" ] && [ -f "$root/releases/$(basename "$(readlink "$root/current")").json" ] &&
      echo manifest && cat "$root/releases/$(basename "$(readlink "$root/current")").json"
  fi
  true ;;
finish)
  name=$1 digest=$2 lines=$3
  shift 3
  cat > "$root/releases/$name.json.tmp"
  if [ "$(sha256sum < "$root/releases/$name.json.tmp")" != "$digest  -" ]; then
    echo "the manifest arrived incomplete (was the connection cut?), so $name was not made live" >&2
    exit 1
  fi
  mv -f "$root/releases/$name.json.tmp" "$root/releases/$name.json"
  sync
  mv "$root/releases/.$name.partial" "$root/releases/$name"
  switch "$name"
  record "$lines"
  for old in "$@"; do rm -rf "$root/releases/$old" "$root/releases/$old.json"; done
  rm -rf "$root"/releases/.*.partial "$root"/releases/*.json.tmp "$root"/.current.*.tmp ;;
rollback)
  record "$2"
  switch "$1" ;;
esac
"""
_LOGIN_HINT = ("check that the SSH agent holds a key the server accepts (`ssh-add -l`), that the host is in "
               "known_hosts, and that the server has rsync")
_TIMED_OUT = re.compile(r"timed out|timeout", re.I)
_ITEM = re.compile(r"^(?P<change>[<>ch.*][fdLDS]\S*) (?P<size>\d+) (?P<path>.+)$")


class Remote(NamedTuple):
    """What the server holds, as one connection reads it."""

    current: str | None
    names: list[str]  # the releases, oldest first
    history: str | None  # the history file's text; None when there is none
    files: dict[str, str] | None  # the current release's files; None when its manifest is damaged


class SshTarget:
    digest = "sha256"

    def __init__(self, user: str, host: str, port: int | None, root: str, keep: int, timeout: float,
                 say: Callable[[str], None]):
        self.destination = f"{user}@{host}" if user else host
        self.root = root
        self.where = f"{self.destination}:{root}"
        self.keep = keep
        self.say = say
        self.timeout = timeout
        self.ssh = [*shlex.split(os.environ.get(SSH_COMMAND) or "ssh"), "-o", "BatchMode=yes",
                    *_keepalive(timeout), *(["-p", str(port)] if port else [])]
        self._state: Remote | None = None

    def state(self) -> Remote:
        """What the server holds, read once."""
        if self._state is None:
            self._state = self._parse(self._remote("state").stdout.split("\n"))
        return self._state

    def _parse(self, lines: list[str]) -> Remote:
        cut = lines.index("manifest") if "manifest" in lines else len(lines)
        head, manifest = lines[:cut], "\n".join(lines[cut + 1:])
        if "current-is-not-a-link" in head:
            raise DeployError(f"{self.root}/current on {self.destination} is not a symlink, so it cannot "
                              "be switched atomically", "move it aside on the server")
        link = next((line.split(" ", 1)[1] for line in head if line.startswith("current ")), None)
        names = releases.complete(line.split(" ", 1)[1] for line in head if line.startswith("entry "))
        history = ("".join(f"{line.split(' ', 1)[1]}\n" for line in head if line.startswith("served "))
                   if "history" in head else None)
        files = releases.recorded_files(manifest) if cut < len(lines) else {}
        return Remote(releases.name_of(link), names, history, files)

    def plan(self, build: Build) -> Plan:
        current, _names, _history, files = self.state()
        if files is None:
            self.say(releases.damaged(f"{self.where}/{releases.RELEASES}/{current}.json"))
        return Plan.between(build.files, files or {})

    def publish(self, build: Build, plan: Plan, progress: Progress) -> str:
        current, names, history, files = self.state()
        chain, unrecorded = releases.served(history, names, current, f"{self.where}/{releases.HISTORY}")
        name = releases.new_name(build.id)
        self._rsync(build, name, current if files is not None else None, progress)  # damaged: link nothing
        manifest = build.manifest_text()
        self._remote("finish", name, hashlib.sha256(manifest.encode()).hexdigest(),
                     releases.entries(unrecorded, "deploy", name),
                     *releases.to_prune([*names, name], [*chain, name], self.keep), input=manifest,
                     hint="the release being served was not changed; deploy again")
        return f"release {name} on {self.where}"

    def rollback(self) -> str:
        current, names, history, _files = self.state()
        if current is None:
            raise DeployError(f"nothing is deployed at {self.where}", "deploy first: `invoke build deploy`")
        chain, unrecorded = releases.served(history, names, current, f"{self.where}/{releases.HISTORY}")
        earlier = releases.previous(chain, names)
        if earlier is None:
            raise releases.nothing_before(current, self.where)
        self._remote("rollback", earlier, releases.entries(unrecorded, "rollback", earlier))
        return f"release {earlier} (was {current})"

    def _remote(self, action: str, *args: str, input: str | None = None,
                hint: str = _LOGIN_HINT) -> subprocess.CompletedProcess:
        command = shlex.join(["sh", "-c", SCRIPT, "exhibit-deploy", self.root, action, *args])
        result = subprocess.run([*self.ssh, self.destination, command], input=input, capture_output=True,
                                encoding="utf-8", errors="replace")
        if result.returncode != 0:
            complaint = result.stderr.strip()
            raise DeployError(f"ssh {self.destination} ({action}) failed: {complaint}", self._hint(complaint, hint))
        return result

    def _rsync(self, build: Build, name: str, current: str | None, progress: Progress) -> None:
        """Send the build into ``releases/.<name>.partial``; report each file sent."""
        releases_dir = f"{self.root}/{releases.RELEASES}"
        command = ["rsync", "--recursive", "--links", "--perms", "--checksum", "--chmod=D755,F644",
                   f"--timeout={max(1, round(self.timeout))}",
                   f"--exclude=/{MANIFEST}", "--out-format=%i %l %n", "-e", shlex.join(self.ssh),
                   f"--rsync-path=mkdir -p {shlex.quote(releases_dir)} && rsync",
                   *([f"--link-dest={releases_dir}/{current}"] if current else []),
                   f"{build.root}/", f"{self.destination}:{releases_dir}/{releases.partial(name)}/"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        progress.children.append(process)
        complaints = []
        for line in process.stdout:
            item = _ITEM.match(line.rstrip("\n"))
            if item is None:
                complaints.append(line.strip())
            elif item["change"].startswith("<f"):
                progress.advance(int(item["size"]))
        if process.wait() != 0:
            complaint = " ".join(complaints[-5:])
            raise DeployError(f"rsync to {self.destination} failed: {complaint}", self._hint(
                complaint, "the release being served was not changed; fix the cause and deploy again"))

    def _hint(self, complaint: str, otherwise: str) -> str:
        """What to do: about the server's silence when ssh or rsync timed out, else ``otherwise``."""
        if not _TIMED_OUT.search(complaint):
            return otherwise
        return (f"{self.destination} did not answer within DEPLOY_TIMEOUT ({self.timeout:g} s): check that it is up "
                "and reachable from here, or raise DEPLOY_TIMEOUT if it is only slow")


def _keepalive(timeout: float) -> list[str]:
    """ssh options that give up on a server silent for about ``timeout`` seconds, when connecting or later."""
    seconds = max(1, round(timeout))
    return ["-o", f"ConnectTimeout={seconds}", "-o", f"ServerAliveInterval={max(1, round(timeout / 3))}",
            "-o", "ServerAliveCountMax=3"]
