"""Where a build spends its time: sample the building thread's stack and name the phase of each sample.

A sample belongs to the first phase in ``PHASES`` any of whose markers appears in a frame's
``file:function`` anywhere on the stack, so citeproc called from a template counts as citations and a template rendered by the timeline
counts as timeline. Sampling (every few milliseconds) costs little and needs no change to the code.
"""
from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass

# (phase, markers in a frame's "file:function"), most specific first.
PHASES = [
    ("search index", ("discovery/search_index", "/pagefind/")),
    ("images", ("plugins/images/", "/PIL/")),
    ("citations", ("plugins/citations/", "/citeproc/")),
    ("timeline", ("plugins/timeline/",)),
    ("map", ("plugins/map/", "/folium/", "/branca/")),
    ("data and metadata", ("plugins/discovery/",)),
    ("templates", ("/jinja2/", "theme/templates/")),
    ("writing", ("pelican/writers.py", "ops/build.py:write_manifest", "ops/build.py:_swap_in",
                 "pelican/generators.py:generate_output")),
    ("reading", ("/markdown/", "pelican/readers.py", "exhibit/loader.py", "exhibit/document.py", "/yaml/",
                 "pelican/generators.py:generate_context")),
]
OTHER = "other (Pelican, imports)"


def phase_of(frame) -> str:
    files = []
    while frame is not None:
        files.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")
        frame = frame.f_back
    for name, markers in PHASES:
        if any(marker in f for f in files for marker in markers):
            return name
    return OTHER


@dataclass
class Profile:
    seconds: float
    samples: Counter

    def shares(self) -> list[tuple[str, float, float]]:
        """(phase, seconds, share) for every phase, largest first."""
        total = sum(self.samples.values()) or 1
        return [(name, self.seconds * n / total, n / total) for name, n in self.samples.most_common()]

    def table(self) -> str:
        lines = ["| phase | seconds | share |", "|---|---:|---:|"]
        lines += [f"| {name} | {sec:.1f} | {share:.0%} |" for name, sec, share in self.shares()]
        return "\n".join(lines)


def profile(work, interval: float = 0.005) -> Profile:
    """Run ``work()`` in this thread while another samples it every ``interval`` seconds."""
    target = threading.get_ident()
    samples: Counter = Counter()
    done = threading.Event()

    def sample():
        while not done.wait(interval):
            frame = sys._current_frames().get(target)
            if frame is not None:
                samples[phase_of(frame)] += 1

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    try:
        work()
    finally:
        done.set()
        sampler.join()
    return Profile(time.perf_counter() - start, samples)


def main(argv: list[str]) -> None:
    """``python -m tools.bench.phases CONTENT OUTPUT CACHE``: build the exhibit and print the table."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(root / "plugins"), str(root)]
    from ops.build import build

    content, output, cache = map(Path, argv)
    result = profile(lambda: build(root / "pelicanconf.py", output, {"PATH": str(content), "CACHE_PATH": str(cache)}))
    print(result.table())


if __name__ == "__main__":
    main(sys.argv[1:])
