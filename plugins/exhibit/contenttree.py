"""What the build may read: plain files and folders inside the folders it publishes.

Pelican copies, and our plugins read, whatever ``content/`` and the theme hold. A symbolic link
would publish whatever it points at (``/proc/self/environ``, ``/etc/passwd``, a folder of
private files), a named pipe would hang the build, and a link loop would send Pelican's file
walk round for ever. :func:`unsafe_entries` finds all of them before anything is read.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator, NamedTuple

from .errors import ErrorLog

KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
         (stat.S_ISBLK, "a device"))


class Unsafe(NamedTuple):
    path: Path
    message: str
    hint: str


def report_unsafe(roots, log: ErrorLog) -> bool:
    """Log an error for every unsafe entry under ``roots``; true when there was one."""
    found = False
    for root in roots:
        for path, message, hint in unsafe_entries(root):
            log.error(path, None, message, hint)
            found = True
    return found


def unsafe_entries(root: Path) -> Iterator[Unsafe]:
    """Every link, pipe, socket or device under ``root`` that the build must not read, in path order."""
    root = Path(root).resolve()
    if not root.is_dir():
        return
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Unsafe(folder, f"this folder cannot be read ({exc.strerror})",
                         "give the folder read permission, or remove it")
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                yield _link_problem(path, root)
            elif entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif not entry.is_file(follow_symlinks=False):
                yield Unsafe(path, f"this is {_kind(path)}, not a file", "remove it: only files and folders are "
                             "published")


def _link_problem(path: Path, root: Path) -> Unsafe:
    """Why the link at ``path`` is refused (every link is: see the module's docstring)."""
    pointed = os.readlink(path)
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return Unsafe(path, f"this link points to '{pointed}', which does not exist",
                      "remove the link, or put the file itself here")
    except (RuntimeError, OSError):
        return Unsafe(path, f"this link points to '{pointed}', which leads back to itself (a link loop)",
                      "remove the link")
    if not target.is_relative_to(root):
        return Unsafe(path, f"this link points outside {root.name}/ (to '{target}'): whatever it points at "
                      "would be published", f"copy the file into {root.name}/ if it belongs in the exhibit, "
                      "and remove the link")
    return Unsafe(path, f"this is a link (to '{pointed}'); the build reads only real files and folders",
                  "replace the link by a copy of what it points to")


def _kind(path: Path) -> str:
    mode = path.lstat().st_mode
    return next((name for test, name in KINDS if test(mode)), "not a regular file")
