"""Progress of a transfer: a line every few seconds and one at the end, and a test-only crash point.

EXHIBIT_DEPLOY_CRASH_AFTER=N (tests only) makes a deploy kill itself with SIGKILL, together with
the rsync it runs, right after the N-th file has been sent: no cleanup code runs, exactly as when
the machine or the CI job is killed midway. The fault tests use it to check that the target still
serves the previous release, whole.
"""
from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable

CRASH_AFTER = "EXHIBIT_DEPLOY_CRASH_AFTER"


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count / 1000:.1f} kB"


class Progress:
    """Counts the files and bytes sent so far and reports them through ``say``."""

    def __init__(self, files: int, size: int, say: Callable[[str], None], every: float = 2.0):
        self.total_files, self.total_size, self.say = files, size, say
        self.files = self.size = 0
        self.every = every
        self._last_shown = time.monotonic()
        self.children: list = []  # processes to kill with us at the crash point
        self._crash_after = int(os.environ.get(CRASH_AFTER) or 0)

    def advance(self, size: int) -> None:
        """One more file of ``size`` bytes has been sent."""
        self.files += 1
        self.size += size
        if self.files == self.total_files or time.monotonic() - self._last_shown >= self.every:
            self._last_shown = time.monotonic()
            percent = 100 * self.size // self.total_size if self.total_size else 100
            self.say(f"  sent {self.files} of {self.total_files} files, {_size(self.size)} of "
                     f"{_size(self.total_size)} ({percent}%)")
        if self._crash_after and self.files >= self._crash_after:
            for child in self.children:
                child.kill()
            os.kill(os.getpid(), signal.SIGKILL)
