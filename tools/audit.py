"""Lighthouse on one page of each type of a production build, served from 127.0.0.1 (`invoke audit`).

Not a test: it reports. Lighthouse (npm, pinned below) runs Debian's Chromium (CHROME_PATH); it is
installed on demand into node_modules (`npm install --no-save`), not by `npm ci`, because it would add
115 packages (~200 MB) to every CI run's install for a report CI never makes. The report folder gets
one Lighthouse JSON per page and `summary.md`: the four scores per page and, below the targets, the
audits that cost points.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .serve import serve_folder

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_VERSION = "13.5.0"
LIGHTHOUSE = ROOT / "node_modules/lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best practices", "seo": "SEO"}
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}

# One page of each type of the real exhibit (the accessibility and CSP tests use the same list).
PAGE_TYPES = {
    "home": "index.html",
    "essay": "essays/the-seizure.html",
    "essay with tables": "essays/how-the-news-told-it.html",
    "source": "sources/cnn-1996-12-20.html",
    "sources index": "sources/index.html",
    "timeline": "timeline.html",
    "timeline by date": "timeline-by-date.html",
    "map": "map.html",
    "search": "search.html",
    "data": "data.html",
    "about": "about.html",
    "404": "404.html",
}


def ensure_lighthouse() -> Path:
    """The pinned Lighthouse's command-line script, installed into node_modules if missing."""
    package = LIGHTHOUSE / "package.json"
    if not package.exists() or json.loads(package.read_text())["version"] != LIGHTHOUSE_VERSION:
        subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], cwd=ROOT, check=True)
    return LIGHTHOUSE / "cli/index.js"


def run_lighthouse(cli: Path, url: str, report: Path) -> dict:
    """One Lighthouse run (its default: a mobile device, simulated throttling); the parsed report."""
    subprocess.run(["node", str(cli), url, "--output=json", f"--output-path={report}", "--quiet",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def costs(result: dict, category: str) -> list[str]:
    """The audits of ``category`` that did not score fully, heaviest first, as 'title (value)'."""
    refs = sorted((r for r in result["categories"][category]["auditRefs"] if r["weight"]),
                  key=lambda r: -r["weight"])
    found = []
    for ref in refs:
        audit = result["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            found.append(f"{audit['title']}{value}, score {audit['score']:.2f}")
    return found


def summary(results: dict[str, tuple[str, dict]]) -> str:
    """A Markdown table of the four scores per page, then what cost points where a target was missed."""
    lines = ["| page | " + " | ".join(CATEGORIES.values()) + " | CPU index |",
             "|---|" + "---:|" * (len(CATEGORIES) + 1)]
    missed = []
    for kind, (path, result) in results.items():
        scores = {c: result["categories"][c]["score"] for c in CATEGORIES}
        lines.append(f"| {kind} (`{path}`) | " + " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES)
                     + f" | {result['environment']['benchmarkIndex']:.0f} |")
        for category, score in scores.items():
            if score < TARGETS[category]:
                missed.append(f"- {kind}, {CATEGORIES[category]} {score:.2f} (target {TARGETS[category]:.2f}): "
                              + "; ".join(costs(result, category)))
    version = next(iter(results.values()))[1]["lighthouseVersion"]
    lines += ["", f"Lighthouse {version}, its default mobile profile with simulated throttling, "
                  "Chromium headless, production build served from 127.0.0.1. CPU index: Lighthouse's "
                  "benchmark of the machine during the run; a busy machine scores low and inflates the "
                  "performance figures (blocking time above all)."]
    return "\n".join(lines + ["", "Below target:" if missed else "Every target met.", *missed]) + "\n"


def audit(url: str, into: Path, pages: dict[str, str] = PAGE_TYPES) -> str:
    """Audit ``pages`` of the exhibit served at ``url``; write the JSON reports and summary.md into ``into``."""
    cli = ensure_lighthouse()
    into.mkdir(parents=True, exist_ok=True)
    results = {}
    for kind, path in pages.items():
        report = into / f"{kind.replace(' ', '-')}.json"
        address = "" if path == "index.html" else path  # the home page's canonical address is the root
        results[kind] = (path, run_lighthouse(cli, f"{url}/{address}", report))
        print(f"{kind}: " + ", ".join(f"{CATEGORIES[c]} {results[kind][1]['categories'][c]['score']:.2f}"
                                      for c in CATEGORIES), flush=True)
    text = summary(results)
    (into / "summary.md").write_text(text, encoding="utf-8")
    return text


def build_and_audit(settings: Path, into: Path) -> str:
    """A production build in a temporary folder (output/ is left alone), audited where it is served.

    The build's public address is the local server's, so the 404 page, which loads its assets from
    PUBLIC_URL, gets them (and its Content-Security-Policy allows them) as it would when published.
    """
    from ops.build import build

    with tempfile.TemporaryDirectory(prefix="exhibit-audit-") as folder:
        site = Path(folder) / "output"
        with serve_folder(site) as url:
            build(settings, site, {"CACHE_PATH": str(ROOT / "cache"),
                                   "SITEURL": url, "PUBLIC_URL": url, "FEED_DOMAIN": url})
            return audit(url, into)
