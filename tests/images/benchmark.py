"""Image benchmark: encoding N invented photographs cold (one worker, then one per core) and warm.

    .venv/bin/python tests/images/benchmark.py [count] [width]

Prints seconds per phase; nothing is asserted (the build tests check that a warm build encodes nothing).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from images.cache import run_missing  # noqa: E402
from images.derivatives import plan  # noqa: E402
from images.originals import inspect  # noqa: E402
from images.settings import DEFAULTS  # noqa: E402


def photographs(folder: Path, count: int, width: int) -> list[Path]:
    height = width * 2 // 3
    paths = []
    for n in range(count):
        texture = Image.effect_noise((width // 4, height // 4), 30 + n).resize((width, height))
        image = Image.merge("RGB", (texture, Image.linear_gradient("L").resize((width, height)), texture))
        path = folder / f"photo-{n}.jpg"
        image.save(path, quality=90)
        paths.append(path)
    return paths


def main(count: int = 6, width: int = 2400) -> None:
    settings = {name: default for name, (default, _doc) in DEFAULTS.items()}
    with tempfile.TemporaryDirectory() as temp:
        folder, cache = Path(temp), Path(temp) / "cache"
        originals = photographs(folder, count, width)
        for workers in (1, os.cpu_count() or 1):
            shutil.rmtree(cache, ignore_errors=True)
            started = time.perf_counter()
            jobs = [job for path in originals
                    for job in plan(inspect(path, settings["IMAGES_ORIGINAL_FORMATS"], settings["IMAGES_MAX_PIXELS"]),
                                    settings, cache, path.stem).jobs]
            report = run_missing(jobs, workers)
            files = sum(len(job.outputs()) for job in report.ran)
            print(f"cold, {workers} worker(s): {len(report.ran)} jobs, {files} files, "
                  f"{time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        jobs = [job for path in originals
                for job in plan(inspect(path, settings["IMAGES_ORIGINAL_FORMATS"], settings["IMAGES_MAX_PIXELS"]),
                                settings, cache, path.stem).jobs]
        report = run_missing(jobs, None)
        print(f"warm: {len(report.ran)} jobs run, {report.reused} reused, {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
