"""What `invoke bench` runs: timings, page weight and a profile by phase, reported as Markdown tables."""
from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import runner, weight
from .synthetic import SIZES, write_exhibit

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("timings", "weight", "profile")


def machine() -> str:
    """CPU count and model, load, Python: where the figures came from."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs ({model}), load average {load} (1, 5, 15 min), Python {platform.python_version()}, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def sizes_from(option: str) -> list[str]:
    names = list(SIZES) if option == "all" else [name.strip() for name in option.split(",")]
    unknown = [name for name in names if name not in SIZES]
    if unknown:
        raise ValueError(f"unknown size {', '.join(unknown)}: choose from {', '.join(SIZES)} or all")
    return names


def page_weight() -> str:
    """Build the real exhibit for production into a temporary folder and weigh its page types."""
    sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]
    from ops.build import build

    port = weight.free_port()
    before = os.environ.get("EXHIBIT_SITEURL")
    os.environ["EXHIBIT_SITEURL"] = f"http://127.0.0.1:{port}"  # absolute addresses (404.html) stay local
    try:
        with tempfile.TemporaryDirectory(prefix="exhibit-weight-") as tmp:
            output = Path(tmp) / "output"
            build(ROOT / "publishconf.py", output)
            results = weight.measure(output, port=port)
    finally:
        if before is None:
            del os.environ["EXHIBIT_SITEURL"]
        else:
            os.environ["EXHIBIT_SITEURL"] = before
    heavy = [f"- {w.page}: {weight.heaviest(w)}" for w in results if w.page in ("essay", "map", "timeline")]
    return weight.table(results) + "\n\nHeaviest files (gzip):\n\n" + "\n".join(heavy)


def profile(size: str) -> str:
    """Where the time goes in a cold build and in a rebuild with nothing changed, of a synthetic exhibit."""
    tables = []
    with tempfile.TemporaryDirectory(prefix=f"exhibit-profile-{size}-") as tmp:
        content = write_exhibit(Path(tmp) / "content", SIZES[size])
        for label in ("cold build", "nothing changed"):
            done = subprocess.run([sys.executable, "-m", "tools.bench.phases", str(content), str(Path(tmp) / "output"),
                                   str(Path(tmp) / "cache")], cwd=ROOT, capture_output=True, text=True,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
            tables.append(f"{label}:\n\n" + done.stdout.strip())
    return "\n\n".join(tables)


def bench(size: str = "small", runs: int = 3, parts: str = "timings,weight", say=print) -> str:
    """Run the chosen parts and return the report (Markdown); progress goes to ``say``."""
    chosen = [part.strip() for part in parts.split(",")]
    if unknown := [part for part in chosen if part not in PARTS]:
        raise ValueError(f"unknown part {', '.join(unknown)}: choose from {', '.join(PARTS)}")
    names = sizes_from(size)
    report = [f"Machine: {machine()}"]
    if "timings" in chosen:
        say(f"Timing {', '.join(names)}, {runs} run(s) each …")
        report.append("## Build times (medians)\n\n" + runner.table(runner.run(names, runs, say)))
    if "weight" in chosen:
        say("Weighing pages …")
        report.append("## Page weight\n\n" + page_weight())
    if "profile" in chosen:
        target = max(names, key=lambda name: list(SIZES).index(name))
        say(f"Profiling the {target} exhibit …")
        report.append(f"## Where the time goes ({target})\n\n" + profile(target))
    report.append(f"Machine after: {machine()}")
    return "\n\n".join(report)
