"""One writer at a time for an output folder: builds lock it, deploys read it under a shared lock.

Two builds at once would share ``output.staging`` (one deleting what the other writes) and a
deploy reading ``output/`` during a swap would send half a site. The lock is ``flock`` on a file
beside the folder (``output.lock``), so it is released when its process ends, however it ends.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

POLL = 0.1  # seconds between tries while another process holds the lock


class OutputBusy(Exception):
    """The output folder stayed locked by another build or deploy for longer than allowed."""

    def __init__(self, output: Path, timeout: float):
        super().__init__(f"{output.name}/ is being written by another build or read by a deploy, and was "
                         f"still busy after {timeout:g} s; wait for it to finish (or stop it), then try again")


def lock_file(output: Path) -> Path:
    return output.with_name(output.name + ".lock")


@contextmanager
def output_lock(output: Path, *, shared: bool = False, timeout: float = 600.0, waiting=None):
    """Hold the lock of ``output`` (exclusive for a build, ``shared`` for readers) for the block.

    Waits up to ``timeout`` seconds, calling ``waiting()`` once if it has to wait; raises
    :class:`OutputBusy` when the lock is still held after that."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(lock_file(output), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(descriptor, fcntl.LOCK_SH if shared else fcntl.LOCK_EX, timeout, waiting, output)
        yield
    finally:
        os.close(descriptor)  # closing the file releases the lock


def _acquire(descriptor: int, mode: int, timeout: float, waiting, output: Path) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise OutputBusy(output, timeout) from None
            if waiting is not None:
                waiting()
                waiting = None
            time.sleep(POLL)
