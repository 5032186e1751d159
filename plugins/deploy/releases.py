"""Release directories for targets that keep them (file:// and ssh://).

A target holds ``releases/<name>/`` (one complete site each), ``releases/<name>.json`` (the build
manifest of that release, outside the served directory) and the symlink ``current`` to the release
being served. A release is written as ``releases/.<name>.partial`` and renamed when complete, then
``current`` is replaced in one rename(2). Names sort in deploy order and end with the build id.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

NAME = re.compile(r"^\d{8}T\d{6}\.\d{6}Z-[0-9a-f]{12}$")
CURRENT = "current"
RELEASES = "releases"


def new_name(build_id: str, now: datetime | None = None) -> str:
    """``20261121T234501.123456Z-<build id>``: the deploy time in UTC, then the build."""
    return f"{(now or datetime.now(timezone.utc)):%Y%m%dT%H%M%S.%fZ}-{build_id}"


def partial(name: str) -> str:
    return f".{name}.partial"


def complete(entries) -> list[str]:
    """The names among ``entries`` (a directory listing) that are releases, oldest first."""
    return sorted(e for e in entries if NAME.match(e))


def previous(names: list[str], current: str | None) -> str | None:
    """The release deployed before ``current``: where a rollback goes."""
    earlier = [n for n in names if current is None or n < current]
    return earlier[-1] if earlier else None


def to_prune(names: list[str], current: str | None, keep: int) -> list[str]:
    """Releases beyond the newest ``keep`` ones; never the one being served."""
    kept = set(names[-max(keep, 1):]) | {current}
    return [n for n in names if n not in kept]


def link_target(name: str) -> str:
    """What ``current`` points to: relative, so the whole target directory can be moved or mounted."""
    return f"{RELEASES}/{name}"


def name_of(link: str | None) -> str | None:
    """The release name ``current`` points to, if it is one of ours."""
    name = (link or "").rstrip("/").rsplit("/", 1)[-1]
    return name if NAME.match(name) else None
