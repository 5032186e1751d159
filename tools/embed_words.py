"""How much of each essay's timeline embeds a reader sees: visible words and height, in Chromium.

    .venv/bin/python tools/embed_words.py OUTPUT_FOLDER [--width 1280]

Words are those of each ``.timeline-embed``'s ``innerText`` as the page loads (closed ``<details>``
are not rendered, so their contents are not counted); the height is the embeds' rendered height.
Prints a Markdown table, one row per essay with an embed (docs/PERFORMANCE.md).
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MEASURE = """() => Array.from(document.querySelectorAll('.timeline-embed')).map(e => ({
  words: e.innerText.split(/\\s+/).filter(Boolean).length,
  height: e.getBoundingClientRect().height,
  events: e.querySelectorAll('.timeline-events > li').length}))"""


def measure(output: Path, width: int) -> list[tuple[str, int, int, int, int]]:
    """(essay, embeds, events, visible words, height in px) of every essay with a timeline embed."""
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in sorted((output.resolve() / "essays").glob("*.html")):
            page.goto(path.as_uri())
            embeds = page.evaluate(MEASURE)
            if embeds:
                rows.append((path.name, len(embeds), sum(e["events"] for e in embeds),
                             sum(e["words"] for e in embeds), round(sum(e["height"] for e in embeds))))
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    print("| essay | embeds | events | visible words | height (px) |\n|---|---:|---:|---:|---:|")
    rows = measure(args.output, args.width)
    for row in rows:
        print("| {} | {} | {} | {:,} | {:,} |".format(*row))
    print("| all | {} | {} | {:,} | {:,} |".format(*(sum(r[i] for r in rows) for i in range(1, 5))))


if __name__ == "__main__":
    main()
