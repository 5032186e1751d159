"""How many A4 pages each essay prints on, in Chromium with print media.

    .venv/bin/python tools/print_pages.py OUTPUT_FOLDER [essays/<slug>.html ...]

Serves the folder on 127.0.0.1, prints each page (every essay by default) with ``page.pdf(format="A4")``
and counts the PDF's page objects. Prints a Markdown table (docs/PERFORMANCE.md, "Print").
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.serve import serve_folder  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGE_OBJECT = re.compile(rb"/Type\s*/Page[^s]")


def count_pages(output: Path, paths: list[str]) -> list[tuple[str, int]]:
    """(page, A4 pages) for each of ``paths``, relative to ``output``."""
    rows = []
    with serve_folder(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())  # the static map prints
        for path in paths:
            page.goto(f"{base}/{path}")
            page.wait_for_load_state("networkidle")
            page.emulate_media(media="print")
            rows.append((path, len(PAGE_OBJECT.findall(page.pdf(format="A4")))))
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("pages", nargs="*", help="pages to print, from the output folder (default: every essay)")
    args = parser.parse_args()
    paths = args.pages or [f"essays/{p.name}" for p in sorted((args.output / "essays").glob("*.html"))]
    print("| page | A4 pages |\n|---|---:|")
    for path, pages in count_pages(args.output, paths):
        print(f"| {path} | {pages} |")


if __name__ == "__main__":
    main()
