"""Release directories for targets that keep them (file:// and ssh://), and the history of what was served.

A target holds ``releases/<name>/`` (one complete site each), ``releases/<name>.json`` (the build
manifest of that release, outside the served directory), the symlink ``current`` to the release
being served, and ``history``: a line for every switch of ``current``, oldest first
(``2026-11-21T23:45:01Z deploy <name>``). A release is written as ``releases/.<name>.partial`` and
renamed when complete, then ``current`` is replaced in one rename(2); the manifest and the history
are written under a temporary name and renamed too. Names sort in deploy order and end with the build id.

Rollback follows the history, not the names: it goes to the release served before the current one,
so a release that was uploaded but never went live is never a rollback target.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from .errors import DeployError

_NAME = r"\d{8}T\d{6}\.\d{6}Z-[0-9a-f]{12}"
NAME = re.compile(f"^{_NAME}$")
CURRENT = "current"
RELEASES = "releases"
HISTORY = "history"
# deploy: went live by a deploy; rollback: by a rollback; found: was live (or, on a target deployed
# before the history was kept, an earlier release) when a deploy or rollback found it unrecorded.
_ENTRY = re.compile(rf"^\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ (?P<event>deploy|rollback|found) (?P<name>{_NAME})$")


def new_name(build_id: str, now: datetime | None = None) -> str:
    """``20261121T234501.123456Z-<build id>``: the deploy time in UTC, then the build."""
    return f"{(now or datetime.now(timezone.utc)):%Y%m%dT%H%M%S.%fZ}-{build_id}"


def partial(name: str) -> str:
    return f".{name}.partial"


def complete(entries) -> list[str]:
    """The names among ``entries`` (a directory listing) that are releases, oldest first."""
    return sorted(e for e in entries if NAME.match(e))


def recorded_files(manifest: str | bytes) -> dict[str, str] | None:
    """Path → SHA-256 from a release's manifest; None when it is damaged (cut short, edited, not JSON)."""
    try:
        files = json.loads(manifest)["files"]
    except (ValueError, KeyError, TypeError):
        return None
    return files if isinstance(files, dict) and all(isinstance(d, str) for d in files.values()) else None


def damaged(where: str) -> str:
    """The warning a deploy prints before sending every file because the served manifest is damaged."""
    return f"Warning: {where} is damaged, so what the target serves is unknown: every file is sent again."


def served(history: str | None, names: list[str], current: str | None, where: str) -> tuple[list[str], list[str]]:
    """The releases served in turn, the current one last, that a rollback walks back through; and those
    of them that ``history`` (the file's text, None if there is none) lacks, to be recorded next."""
    try:
        chain = None if history is None else _replay(history)
    except ValueError as damage:
        raise DeployError(f"{where} is damaged: {damage}",
                          "correct or delete that line on the target: each line is `<UTC time> deploy|rollback|"
                          "found <release>`, oldest first") from None
    missing = _unrecorded(chain, names, current)
    return (chain or []) + missing, missing


def _replay(history: str) -> list[str]:
    """Each deploy adds its release; a rollback to a release takes off everything served after it."""
    chain: list[str] = []
    for number, line in enumerate(history.splitlines(), 1):
        entry = _ENTRY.match(line)
        if entry is None:
            raise ValueError(f"line {number} is not a history entry: {line[:80]!r}")
        name = entry["name"]
        if entry["event"] == "rollback" and name in chain:
            del chain[len(chain) - chain[::-1].index(name):]
        else:
            chain.append(name)
    return chain


def _unrecorded(chain: list[str] | None, names: list[str], current: str | None) -> list[str]:
    """Without a history (a target deployed before it was kept), the releases before the current one by
    name (all of them when nothing is current); and the current release, unless the history ends with it
    (it was switched to by hand)."""
    earlier = [n for n in names if current is None or n < current] if chain is None else []
    known = (chain or []) + earlier
    return earlier + ([current] if current and known[-1:] != [current] else [])


def entries(unrecorded: list[str], event: str, name: str) -> str:
    """The history lines for a switch to ``name``, after those for releases served but not recorded."""
    stamp = f"{datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%SZ}"
    return "".join(f"{stamp} {e} {n}\n" for e, n in [*(("found", n) for n in unrecorded), (event, name)])


def previous(chain: list[str], names: list[str]) -> str | None:
    """Where a rollback goes: the newest release served before the current one that is still kept."""
    return next((n for n in reversed(chain[:-1]) if n in names and n != chain[-1]), None)


def nothing_before(current: str, where: str) -> DeployError:
    return DeployError(f"{current} is the oldest release kept at {where}: nothing served before it is left "
                       "to roll back to", "to serve an earlier version, check it out and run `invoke build deploy`")


def to_prune(names: list[str], chain: list[str], keep: int) -> list[str]:
    """Every release but the newest ``keep`` of those served in turn (``chain``, the current one last):
    older ones, ones rolled back from, ones never made live."""
    kept = list(dict.fromkeys(reversed(chain)))[:max(keep, 1)]
    return [n for n in names if n not in kept]


def link_target(name: str) -> str:
    """What ``current`` points to: relative, so the whole target directory can be moved or mounted."""
    return f"{RELEASES}/{name}"


def name_of(link: str | None) -> str | None:
    """The release name ``current`` points to, if it is one of ours."""
    name = (link or "").rstrip("/").rsplit("/", 1)[-1]
    return name if NAME.match(name) else None
