"""The image cache under CACHE_PATH: files named by the hash of everything that went into them.

A job (an original's derivatives in one format, a social card, a static map, the
favicons) knows the cache files it writes. A build runs only the jobs whose files
are missing, on every core, then links the cached files into the output. Unchanged
inputs therefore encode nothing the second time.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PIL import Image

# Bump when drawing or encoding code changes what it makes from the same inputs.
VERSION = "1"


class Job(Protocol):
    def outputs(self) -> list[Path]: ...

    def run(self) -> None: ...


def digest(*parts) -> str:
    """A key for a cache file: the hash of the version and of ``parts`` (JSON-able, or bytes)."""
    sha = hashlib.sha256(VERSION.encode())
    for part in parts:
        sha.update(part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, default=str).encode())
        sha.update(b"\0")
    return sha.hexdigest()


def files_digest(paths: list[Path]) -> str:
    return digest(*(path.read_bytes() for path in paths))


def save(image: Image.Image, path: Path, format: str, **params) -> None:
    """Write ``image`` so that a cache file exists only once complete (an interrupted build leaves none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".{os.getpid()}.part")
    image.save(partial, format=format, **params)
    os.replace(partial, path)


def _run(job: Job) -> None:
    job.run()


@dataclass
class RunReport:
    ran: list = field(default_factory=list)  # jobs whose files were made this time
    reused: int = 0  # jobs whose files were all in the cache already
    failed: list = field(default_factory=list)  # (job, exception)


def run_missing(jobs: list[Job], workers: int | None) -> RunReport:
    """Run, across ``workers`` processes, the jobs whose cache files are not all there."""
    unique = list({tuple(job.outputs()): job for job in jobs}.values())
    missing = [job for job in unique if not all(path.exists() for path in job.outputs())]
    report = RunReport(ran=missing, reused=len(unique) - len(missing))
    if not missing:
        return report
    workers = min(workers or os.cpu_count() or 1, len(missing))
    if workers == 1:
        for job in missing:
            try:
                job.run()
            except Exception as exc:  # noqa: BLE001 - reported with the job's file
                report.failed.append((job, exc))
        return report
    # Forked workers start at once with everything imported; "spawn" would re-run the calling script.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        futures = [(job, pool.submit(_run, job)) for job in missing]
        for job, future in futures:
            exc = future.exception()
            if exc is not None:
                report.failed.append((job, exc))
    return report


def publish(cached: Path, target: Path) -> None:
    """Put a cached file into the output: a hard link where possible, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
