"""Build timings (issue #11): the exhibit against plain Pelican on synthetic exhibits, interleaved.

For each size, a synthetic exhibit is written into a temporary folder outside the repository. Each run
then times, one after the other: a cold build (no output, no cache), a rebuild after editing one essay,
a rebuild after editing one event's summary, a rebuild with nothing changed, and the same essays through
plain Pelican. Every build runs in a process
of its own (as `invoke build` does), so the times include starting Python and importing the plugins.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .synthetic import SIZES, Size, edit_one_essay, edit_one_event, write_exhibit

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("cold", "edit", "event", "unchanged", "plain")


class BuildFailed(RuntimeError):
    pass


@dataclass
class Timing:
    seconds: float  # wall clock of the whole process
    peak_mb: float


@dataclass
class SizeResult:
    name: str
    size: Size
    timings: dict[str, list[Timing]] = field(default_factory=lambda: {step: [] for step in STEPS})

    def median(self, step: str) -> float:
        return statistics.median(t.seconds for t in self.timings[step])

    def peak_mb(self, step: str) -> float:
        return max(t.peak_mb for t in self.timings[step])


def timed_build(kind: str, content: Path, output: Path, cache: Path) -> Timing:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tools.bench.buildone", kind, str(content), str(output), str(cache)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BuildFailed(f"{kind} build of {content} failed:\n{done.stderr[-3000:]}")
    return Timing(seconds, json.loads(done.stdout.strip().splitlines()[-1])["peak_mb"])


class Workspace:
    """A synthetic exhibit in a temporary folder, with the essays alone beside it for plain Pelican."""

    def __init__(self, name: str, size: Size, folder: Path):
        self.name, self.size, self.folder = name, size, folder
        self.content = write_exhibit(folder / "content", size)
        shutil.copytree(self.content / "essays", folder / "plain" / "content")

    def cold(self) -> Timing:
        for name in ("output", "cache"):
            shutil.rmtree(self.folder / name, ignore_errors=True)
        return self.build()

    def build(self) -> Timing:
        return timed_build("exhibit", self.content, self.folder / "output", self.folder / "cache")

    def plain(self) -> Timing:
        for name in ("output", "cache"):
            shutil.rmtree(self.folder / "plain" / name, ignore_errors=True)
        plain = self.folder / "plain"
        return timed_build("plain", plain / "content", plain / "output", plain / "cache")


def run(names: list[str], runs: int, report=print) -> list[SizeResult]:
    """Time every step of every size ``runs`` times; ``report`` hears of each build as it finishes."""
    results = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"exhibit-bench-{name}-") as tmp:
            space = Workspace(name, SIZES[name], Path(tmp))
            result = SizeResult(name, space.size)
            for number in range(1, runs + 1):
                steps = {"cold": space.cold,
                         "edit": lambda: (edit_one_essay(space.content, space.size, number), space.build())[1],
                         "event": lambda: (edit_one_event(space.content, space.size, number), space.build())[1],
                         "unchanged": space.build, "plain": space.plain}
                for step in STEPS:
                    timing = steps[step]()
                    result.timings[step].append(timing)
                    report(f"  {name} run {number}: {step} {timing.seconds:.1f} s, {timing.peak_mb:.0f} MB")
            results.append(result)
    return results


def table(results: list[SizeResult]) -> str:
    """Medians as a Markdown table, with the ratios the issue's targets are stated in."""
    lines = ["| size (essays / sources / events / places) | runs | cold build | edit one essay | edit one event "
             "| nothing changed | plain Pelican | cold ÷ plain | edit ÷ cold | unchanged ÷ cold | peak memory |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        s = r.size
        cold, edit, event, same, plain = (r.median(step) for step in STEPS)
        peak = max(r.peak_mb(step) for step in ("cold", "edit", "event", "unchanged"))
        lines.append(f"| {r.name} ({s.essays} / {s.sources} / {s.events} / {s.places}) | {len(r.timings['cold'])} "
                     f"| {cold:.1f} s | {edit:.1f} s | {event:.1f} s | {same:.1f} s | {plain:.1f} s | {cold / plain:.2f}× "
                     f"| {edit / cold:.2f}× | {same / cold:.2f}× | {peak:.0f} MB (plain {r.peak_mb('plain'):.0f} MB) |")
    return "\n".join(lines)
