"""One timed build in a process of its own: ``python -m tools.bench.buildone exhibit|plain CONTENT OUTPUT CACHE``.

``exhibit`` builds with the project's pelicanconf.py and plugins, as `invoke serve` would; ``plain`` runs
Pelican with no plugins and its default theme (the baseline). The last line printed is JSON: the build's
seconds and the peak resident memory of this process and of its largest child (image workers, Pagefind).
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_exhibit(content: Path, output: Path, cache: Path) -> None:
    sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]
    from ops.build import build
    from exhibit.errors import ExhibitBuildError

    try:
        build(ROOT / "pelicanconf.py", output, {"PATH": str(content), "CACHE_PATH": str(cache)})
    except ExhibitBuildError as exc:
        sys.exit(exc.log.report())


def build_plain(content: Path, output: Path, cache: Path) -> None:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(None, override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache), "PLUGINS": [],
        "TIMEZONE": "UTC", "SITEURL": "", "DELETE_OUTPUT_DIRECTORY": True})
    Pelican(settings).run()


def peak_mb() -> float:
    """The larger of this process's and its largest child's peak resident memory, in MB (Linux: KiB)."""
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def main(argv: list[str]) -> None:
    kind, content, output, cache = argv
    started = time.perf_counter()
    {"exhibit": build_exhibit, "plain": build_plain}[kind](Path(content), Path(output), Path(cache))
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": peak_mb()}))


if __name__ == "__main__":
    main(sys.argv[1:])
