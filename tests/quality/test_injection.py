"""Markup and script in every data field reach readers as text: in pages, JSON-LD, scripts, feeds, data.

One production build of the mini exhibit with a payload in each field a curator (or the settings) can
fill. Each field gets its own number, ``<script>alert(N)</script><img src=x onerror=alert(N)>"'&``, so a
failure names the field that leaked.
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support import Exhibit, copy_mini, serve_folder

FIELDS = [
    "SITENAME setting", "SITESUBTITLE setting", "AUTHOR setting",
    "essay Title", "essay Summary", "essay Summary link", "essay Content-Note", "essay Authors", "essay text",
    "page Title", "page Summary",
    "source Title", "source Subtitle", "source Publisher", "source Author", "source Posted",
    "source Summary", "source URL", "source Archived",
    "event title", "event summary", "event summary link",
    "place name", "place name_es", "place name_ja", "place description",
    "image alt", "image caption", "image credit", "image licence",
    "map caption", "timeline title",
]
NUMBER = {field: n for n, field in enumerate(FIELDS, start=1)}
FORMULA = '=HYPERLINK("https://example.org/","click")'  # a spreadsheet formula, as a CSV cell


def payload(field: str) -> str:
    n = NUMBER[field]
    return f"<script>alert({n})</script><img src=x onerror=alert({n})>\"'&"


def in_url(field: str) -> str:
    """A payload that is still a valid web address: it breaks out of an attribute if unescaped."""
    n = NUMBER[field]
    return f'https://example.org/?q="><script>alert({n})</script><img src=x onerror=alert({n})>'


def links(field: str) -> str:
    """Links that run a script when clicked, in Markdown (in three spellings) and in HTML."""
    n = NUMBER[field]
    return (f"[a](javascript:alert({n})) [b](JaVaScRiPt:alert({n})) [c]( java\tscript:alert({n})) "
            f"<a href=\"javascript:alert({n})\">d</a>")


def yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def directive(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def header(path: Path, values: dict[str, str]) -> None:
    """Set (or add) ``Name: value`` header lines of a Markdown file."""
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    lines = dict(line.split(": ", 1) for line in head.splitlines())
    lines.update(values)
    path.write_text("\n".join(f"{k}: {v}" for k, v in lines.items()) + "\n\n" + body, encoding="utf-8")


def inject(exhibit: Exhibit) -> dict:
    """Put a payload in every field of the mini exhibit; return the settings overrides that carry theirs."""
    content = exhibit.content
    header(content / "essays/01-arrival.md", {
        "Title": payload("essay Title"), "Summary": payload("essay Summary") + " " + links("essay Summary link"),
        "Content-Note": payload("essay Content-Note"), "Authors": payload("essay Authors")})
    with (content / "essays/01-arrival.md").open("a", encoding="utf-8") as essay:
        essay.write(f"\n{payload('essay text')} {links('essay text')}\n\n<div onclick=alert({NUMBER['essay text']})>"
                    "a block of HTML</div>\n\n{% figure src=picture.png %}\n\n"
                    f"{{% map places=hall caption={directive(payload('map caption'))} %}}\n\n"
                    "{% timeline from=1996-12-01 to=1997-12-31 "
                    f"title={directive(payload('timeline title'))} %}}\n")
    header(content / "pages/about.md", {"Title": payload("page Title"), "Summary": payload("page Summary")})
    header(content / "sources/daily-1996-12-18.md", {
        "Title": payload("source Title"), "Subtitle": payload("source Subtitle"),
        "Publisher": payload("source Publisher"), "Author": payload("source Author"),
        "Posted": payload("source Posted"), "Summary": payload("source Summary"),
        "URL": in_url("source URL"), "Archived": in_url("source Archived")})
    events = (content / "data/events.yaml").read_text(encoding="utf-8")
    events = events.replace("title: Guests arrive", f"title: {yaml(payload('event title'))}")
    events = events.replace("summary: The invented guests arrive at the reception.",
                            f"summary: {yaml(payload('event summary'))}")
    events = events.replace("title: Talks begin", f"title: {yaml(FORMULA)}")
    link = f"[across the wall](javascript:alert({NUMBER['event summary link']}))"  # runs when clicked
    events = events.replace("summary: Talks begin across the wall.", f"summary: Talks begin {link}.")
    (content / "data/events.yaml").write_text(events, encoding="utf-8")
    places = (content / "data/places.yaml").read_text(encoding="utf-8")
    places = places.replace("name: The reception hall", f"name: {yaml(payload('place name'))}")
    places = places.replace("name_es: Salón de recepciones",
                            f"name_es: {yaml(payload('place name_es'))}\n"
                            f"  name_ja: {yaml(payload('place name_ja'))}")
    places = places.replace("description: An invented hall, placed at the centre of an invented district.",
                            f"description: {yaml(payload('place description'))}")
    (content / "data/places.yaml").write_text(places, encoding="utf-8")
    _picture(content / "images/picture.png")
    (content / "images/picture.yaml").write_text("".join(
        f"{name}: {yaml(payload('image ' + name))}\n" for name in ("alt", "caption", "credit", "licence")),
        encoding="utf-8")
    return {name: payload(f"{name} setting") for name in ("SITENAME", "SITESUBTITLE", "AUTHOR")}


def _picture(path: Path) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (800, 450), (120, 90, 60)).save(path)


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> Path:
    """The mini exhibit with a payload in every field, built with production settings."""
    folder = tmp_path_factory.mktemp("injected")
    exhibit = copy_mini(folder)
    exhibit.build("publishconf.py", **inject(exhibit))
    return exhibit.output


class _Leaks(HTMLParser):
    """Elements and attributes in a page that only a payload would have put there, and its JSON-LD."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.leaks: list[str] = []
        self.json_ld: list[str] = []
        self._script: str | None = None  # "json-ld", "inline" or None (outside a script, or one with src)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        text = " ".join(f"{name}={value!r}" for name, value in attrs.items())
        if any(name.startswith("on") for name in attrs) or (tag == "img" and attrs.get("src") == "x"):
            self.leaks.append(f"<{tag} {text}>")
        if any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()):
            self.leaks.append(f"<{tag} {text}>")
        if tag == "script":
            self._script = ("json-ld" if attrs.get("type") == "application/ld+json"
                            else None if attrs.get("src") else "inline")

    def handle_data(self, data):
        if self._script == "json-ld":
            self.json_ld.append(data)
        elif self._script == "inline":
            self.leaks.append(f"<script>{data}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def leaks_of(html: str) -> _Leaks:
    parser = _Leaks()
    parser.feed(html)
    parser.close()
    return parser


def pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def html_texts(output: Path):
    """(where, HTML) for every page, every HTML-typed element of a feed and every TimelineJS text."""
    for path in pages(output):
        yield str(path.relative_to(output)), path.read_text(encoding="utf-8")
    for path in sorted(output.rglob("*.atom.xml")):
        for element in ElementTree.parse(path).iter():
            if element.get("type") == "html" and element.text:
                yield f"{path.name} <{element.tag.split('}')[-1]}>", element.text
    timelinejs = json.loads((output / "data/events.timelinejs.json").read_text(encoding="utf-8"))
    for n, slide in enumerate([timelinejs["title"], *timelinejs["events"]]):
        for name, html in slide["text"].items():
            yield f"events.timelinejs.json slide {n} {name}", html


NOT_SHOWN: set[str] = set()  # fields no page shows


def test_every_field_reaches_the_output(injected):
    """The sweep means something only if each payload is written somewhere."""
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in injected.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".js", ".bib"))
    missing = [field for field in FIELDS if f"alert({NUMBER[field]})" not in text]
    assert missing == sorted(NOT_SHOWN)


@pytest.fixture(scope="module")
def leaks(injected) -> list[str]:
    return [f"{where}: {leak}" for where, html in html_texts(injected) for leak in leaks_of(html).leaks]


@pytest.mark.parametrize("field", FIELDS)
def test_field_is_text_in_every_page_feed_and_timelinejs_slide(leaks, field):
    assert [leak for leak in leaks if f"alert({NUMBER[field]})" in leak] == []


def test_nothing_else_on_a_page_looks_injected(leaks):
    assert [leak for leak in leaks if not re.search(r"alert\(\d+\)", leak)] == []


def test_json_ld_is_valid_and_cannot_close_its_script(injected):
    blocks = [(path, block) for path in pages(injected)
              for block in leaks_of(path.read_text(encoding="utf-8")).json_ld]
    assert any("alert(" in block for _path, block in blocks), "no payload reached JSON-LD"
    for path, block in blocks:
        assert "</" not in block and "<!--" not in block, path
        json.loads(block)


def test_map_scripts_carry_curator_text_only_as_escaped_json(injected):
    scripts = sorted((injected / "maps").glob("*.js"))
    assert scripts, "no map was built"
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert "<script>alert(" not in text and "<img src=x" not in text, script.name
        subprocess.run(["node", "--check", str(script)], check=True)  # no quote of a payload broke out


def test_feeds_and_sitemap_are_well_formed_xml(injected):
    files = sorted(injected.rglob("*.xml"))
    assert any(p.name.endswith(".atom.xml") for p in files), "no feed was built"
    for path in files:
        ElementTree.parse(path)  # a payload's & or < written unescaped would break it


def test_data_downloads_hold_no_spreadsheet_formula(injected):
    for path in sorted((injected / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        formulas = [c for c in cells if re.match(r"[=+\-@\t\r]", c) and not re.fullmatch(r"[-+]?[\d.]+", c)]
        assert formulas == [], path.name


@pytest.fixture(scope="module")
def dialogs(browser, injected) -> list[str]:
    """Every page loaded in Chromium, with note previews, map popups and searches: the dialogs that opened.

    The pages' Content-Security-Policy is bypassed: it would block an inline payload, and this test is about
    the escaping that must hold without it.
    """
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    opened: list[str] = []
    clicked = 0
    page.on("dialog", lambda dialog: (opened.append(f"{page.url}: alert({dialog.message})"), dialog.dismiss()))
    with serve_folder(injected) as site:
        for path in pages(injected):
            page.goto(f"{site}/{path.relative_to(injected)}")
            page.wait_for_load_state("networkidle")
            for noteref in page.locator("a[role=doc-noteref]").all()[:3]:
                noteref.focus()  # a preview copies the note
            for canvas in page.locator(".place-map__canvas").all():
                canvas.scroll_into_view_if_needed()  # maps load Leaflet when they near the screen
                canvas.locator(".leaflet-marker-icon").first.wait_for()
            for marker in page.locator(".leaflet-marker-icon").all():
                marker.click()  # a popup copies the place's entry
                clicked += 1
        for query in ("alert", payload("essay Title")):
            page.goto(f"{site}/search.html?q={query}")
            page.wait_for_function("() => /result/i.test(document.getElementById('search-status').textContent)")
            page.wait_for_load_state("networkidle")
        opened.append(f"markers clicked: {clicked}")
        opened.append(f"live DOM: {page.evaluate('document.querySelectorAll(`[onerror]`).length')} onerror")
    context.close()
    return opened


# A javascript: link runs only when clicked: the page check above is the one that catches it.
@pytest.mark.browser
@pytest.mark.parametrize("field", [field for field in FIELDS if "link" not in field])
def test_field_runs_no_script_in_the_browser(dialogs, field):
    assert [d for d in dialogs if d.endswith(f"alert({NUMBER[field]})")] == []


@pytest.mark.browser
def test_the_sweep_opened_map_popups(dialogs):
    """Maps load when scrolled to: the sweep must have reached their markers, or it proves nothing."""
    assert int(dialogs[-2].removeprefix("markers clicked: ")) == 2  # the map page's and the essay's


@pytest.mark.browser
def test_the_search_page_and_its_results_run_no_script(dialogs):
    assert dialogs[-1] == "live DOM: 0 onerror"
