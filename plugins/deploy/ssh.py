"""ssh:// targets: rsync over SSH into a new release directory on the server, then an atomic switch.

The server keeps the same layout as a file:// target (see releases.py). rsync compares file
contents (``--checksum``) against the current release (``--link-dest``): unchanged files are
hard-linked on the server and never sent. The server needs a POSIX shell, rsync and GNU ``mv -T``.
Authentication is the SSH agent's (or ssh's own configuration): ssh runs with BatchMode, so it
never asks for a password. EXHIBIT_SSH_COMMAND replaces the ``ssh`` command (e.g. to add ``-F``).
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess

from exhibit.build import MANIFEST

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
case $action in
state)
  [ -L "$root/current" ] && printf 'current %s\n' "$(readlink "$root/current")"
  [ -e "$root/current" ] && [ ! -L "$root/current" ] && echo 'current-is-not-a-link'
  if [ -d "$root/releases" ]; then
    ls -1A "$root/releases" | sed 's/^/entry /'
    [ -L "$root/current" ] && [ -f "$root/releases/$(basename "$(readlink "$root/current")").json" ] &&
      echo manifest && cat "$root/releases/$(basename "$(readlink "$root/current")").json"
  fi
  true ;;
finish)
  name=$1
  shift
  cat > "$root/releases/$name.json.tmp"
  mv "$root/releases/$name.json.tmp" "$root/releases/$name.json"
  sync
  mv "$root/releases/.$name.partial" "$root/releases/$name"
  switch "$name"
  for old in "$@"; do rm -rf "$root/releases/$old" "$root/releases/$old.json"; done
  rm -rf "$root"/releases/.*.partial "$root"/.current.*.tmp ;;
switch)
  switch "$1" ;;
esac
"""
_ITEM = re.compile(r"^(?P<change>[<>ch.*][fdLDS]\S*) (?P<size>\d+) (?P<path>.+)$")


class SshTarget:
    digest = "sha256"

    def __init__(self, user: str, host: str, port: int | None, root: str, keep: int):
        self.destination = f"{user}@{host}" if user else host
        self.root = root
        self.keep = keep
        self.ssh = [*shlex.split(os.environ.get(SSH_COMMAND) or "ssh"), "-o", "BatchMode=yes",
                    "-o", "ConnectTimeout=30", *(["-p", str(port)] if port else [])]
        self._state: tuple[str | None, list[str], dict] | None = None

    def state(self) -> tuple[str | None, list[str], dict[str, str]]:
        """The current release, all releases (oldest first) and the current release's files."""
        if self._state is None:
            output = self._remote("state").stdout
            head, _, manifest = output.partition("manifest\n")
            lines = head.splitlines()
            if "current-is-not-a-link" in lines:
                raise DeployError(f"{self.root}/current on {self.destination} is not a symlink, so it cannot "
                                  "be switched atomically", "move it aside on the server")
            link = next((line.split(" ", 1)[1] for line in lines if line.startswith("current ")), None)
            names = releases.complete(line.split(" ", 1)[1] for line in lines if line.startswith("entry "))
            self._state = (releases.name_of(link), names, json.loads(manifest)["files"] if manifest else {})
        return self._state

    def plan(self, build: Build) -> Plan:
        return Plan.between(build.files, self.state()[2])

    def publish(self, build: Build, plan: Plan, progress: Progress) -> str:
        current, names, _files = self.state()
        name = releases.new_name(build.id)
        self._rsync(build, name, current, progress)
        prune = releases.to_prune([*names, name], name, self.keep)
        self._remote("finish", name, *prune, input=build.manifest_text())
        return f"release {name} on {self.destination}:{self.root}"

    def rollback(self) -> str:
        current, names, _files = self.state()
        if current is None:
            raise DeployError(f"nothing is deployed at {self.destination}:{self.root}",
                              "deploy first: `invoke build deploy`")
        earlier = releases.previous(names, current)
        if earlier is None:
            raise DeployError(f"{current} is the oldest release kept on {self.destination}; there is none before it")
        self._remote("switch", earlier)
        return f"release {earlier} (was {current})"

    def _remote(self, action: str, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        command = shlex.join(["sh", "-c", SCRIPT, "exhibit-deploy", self.root, action, *args])
        result = subprocess.run([*self.ssh, self.destination, command], input=input, capture_output=True,
                                text=True)
        if result.returncode != 0:
            raise DeployError(f"ssh {self.destination} ({action}) failed: {result.stderr.strip()}",
                              "check that the SSH agent holds a key the server accepts (`ssh-add -l`), that "
                              "the host is in known_hosts, and that the server has rsync")
        return result

    def _rsync(self, build: Build, name: str, current: str | None, progress: Progress) -> None:
        """Send the build into ``releases/.<name>.partial``; report each file sent."""
        releases_dir = f"{self.root}/{releases.RELEASES}"
        command = ["rsync", "--recursive", "--links", "--perms", "--checksum", "--chmod=D755,F644",
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
            raise DeployError(f"rsync to {self.destination} failed: {' '.join(complaints[-5:])}",
                              "the release being served was not changed; fix the cause and deploy again")
