"""Synthetic exhibits for benchmarks: essays with citations and embeds, sources, events and places.

All text is generated from invented syllables with a seeded random generator, so the same size gives the
same files every time and nothing is copied from anywhere.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PHASES = [("seizure", date(1996, 12, 17)), ("standoff", date(1996, 12, 20)),
          ("negotiation", date(1997, 1, 10)), ("rescue", date(1997, 4, 20)), ("aftermath", date(1997, 4, 23))]
FIRST_DAY, LAST_DAY = date(1996, 12, 17), date(1997, 5, 31)
SYLLABLES = "ka lo mi tu re sa no vi pe da ri ul an so te ma ku el ri po na ce ba or fi".split()
EVENTS_PER_TAG = 5  # a timeline slice in an essay shows about this many events


@dataclass(frozen=True)
class Size:
    essays: int
    sources: int
    events: int
    places: int


SIZES = {
    "small": Size(essays=20, sources=40, events=60, places=10),
    "1000": Size(essays=1000, sources=1000, events=2000, places=200),
    "scale": Size(essays=1000, sources=5000, events=10000, places=2000),
    "events": Size(essays=20, sources=200, events=10000, places=50),  # the timeline's scale target
}


class Words:
    """Lorem-like words and sentences from a fixed set of syllables."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def word(self) -> str:
        return "".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(1, 3)))

    def words(self, count: int) -> str:
        return " ".join(self.word() for _ in range(count))

    def sentence(self, low: int = 6, high: int = 16) -> str:
        return self.words(self.random.randint(low, high)).capitalize() + "."

    def title(self) -> str:
        return self.words(self.random.randint(2, 5)).title()


def _phase(day: date) -> str:
    return [name for name, start in PHASES if start <= day][-1]


def _source_key(i: int) -> str:
    return f"src-{i:05d}"


def _event_id(i: int) -> str:
    return f"ev-{i:05d}"


def _place_key(i: int) -> str:
    return f"pl-{i:04d}"


def _event_day(i: int, size: Size) -> date:
    return FIRST_DAY + timedelta(days=(i * (LAST_DAY - FIRST_DAY).days) // max(size.events, 1))


def _tag(i: int, size: Size) -> str:
    return f"t{i % max(size.events // EVENTS_PER_TAG, 1)}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_exhibit(content: Path, size: Size, seed: int = 1996) -> Path:
    """Write a synthetic exhibit of ``size`` into ``content`` (which must not exist) and return it."""
    content.mkdir(parents=True)
    words = Words(seed)
    _write_sources(content / "sources", size, words)
    _write_places(content / "data" / "places.yaml", size, words)
    _write_events(content / "data" / "events.yaml", size, words)
    for i in range(size.essays):
        _write(content / "essays" / f"{i + 1:04d}-essay-{i + 1}.md", essay_text(i, size, words))
    _write_pages(content / "pages", words)
    return content


def _write_sources(folder: Path, size: Size, words: Words) -> None:
    kinds = ["news report", "report", "official statement", "article", "testimony"]
    consulted = ["in full", "in part", "through another source"]
    for i in range(size.sources):
        day = FIRST_DAY + timedelta(days=i % 160)
        _write(folder / f"{_source_key(i)}.md", "\n".join([
            f"Key: {_source_key(i)}",
            f"Title: {words.title()}",
            f"Publisher: The {words.word().title()} {words.random.choice(['Daily', 'Courier', 'Review'])}",
            f"Author: {words.word().title()}, {words.word().title()}",
            f"Published: {day.isoformat()}",
            f"Kind: {kinds[i % len(kinds)]}",
            "Language: en",
            f"Consulted: {consulted[i % len(consulted)]}",
            f"URL: https://news{i % 7}.example.org/{day.year}/{i}.html",
            f"Summary: {words.sentence()}",
            "",
            " ".join(words.sentence() for _ in range(words.random.randint(3, 8))),
            "",
        ]))


def _write_places(path: Path, size: Size, words: Words) -> None:
    entries = []
    for i in range(size.places):
        lat = -12.5 + 0.9 * words.random.random()  # inside MAP_BOUNDS (Lima and Callao)
        lon = -77.2 + 0.55 * words.random.random()
        key = _source_key(i % size.sources)
        entries.append(
            f"- key: {_place_key(i)}\n  name: {words.title()}\n  lat: {lat:.5f}\n  lon: {lon:.5f}\n"
            f"  precision: district\n  description: >-\n    {words.sentence()} {words.sentence()} [@{key}]\n"
            f"  sources: [{key}]\n")
    _write(path, "\n".join(entries))


def _write_events(path: Path, size: Size, words: Words) -> None:
    entries = []
    for i in range(size.events):
        day = _event_day(i, size)
        cited = sorted({_source_key(i % size.sources), _source_key((i * 7 + 3) % size.sources)})
        entries.append(
            f"- id: {_event_id(i)}\n  date: {day.isoformat()}\n  title: {words.title()}\n"
            f"  summary: >-\n    {words.sentence()[:-1]} [@{cited[0]}]. {words.sentence()[:-1]} [@{cited[-1]}, para. {i % 9 + 1}].\n"
            f"  sources: [{', '.join(cited)}]\n  places: [{_place_key(i % size.places)}]\n"
            f"  phase: {_phase(day)}\n  tags: [{_tag(i, size)}]\n")
    _write(path, "\n".join(entries))


def essay_text(i: int, size: Size, words: Words, revision: str = "") -> str:
    """Essay ``i``: citations in most paragraphs, a footnote, one timeline slice and one map."""
    event = (i * 37) % size.events
    places = sorted({_place_key((i * 3 + k) % size.places) for k in range(3)})
    paragraphs = []
    for p in range(8):
        cited = [_source_key((i * 11 + p * 5 + k) % size.sources) for k in range(words.random.randint(1, 3))]
        citation = "; ".join(f"@{key}" for key in cited)
        paragraphs.append(f"{words.sentence()} {words.sentence()[:-1]} [{citation}]. {words.sentence()[:-1]} "
                          f"[@{cited[0]}, para. {p + 1}]. {words.sentence()}")
        if p == 2:
            paragraphs.append(f"## {words.title()}")
        if p == 3:
            paragraphs.append(f"{{% timeline tag={_tag(event, size)} %}}")
        if p == 5:
            paragraphs.append(f"{{% map places={','.join(places)} %}}")
    paragraphs[1] += "[^aside]"
    paragraphs.append(f"[^aside]: {words.sentence()}")
    if revision:
        paragraphs.insert(0, revision)
    return "\n".join([
        f"Title: {words.title()} {i + 1}",
        f"Order: {i + 1}",
        "Date: 2026-01-10",
        f"Summary: {words.sentence()}",
        "",
        "\n\n".join(paragraphs),
        "",
    ])


def _write_pages(folder: Path, words: Words) -> None:
    pages = {
        "about.md": "Title: About this exhibit\nSlug: about\n\n",
        "introduction.md": "Title: Introduction\nSlug: introduction\nStatus: hidden\nSave_as:\n\n",
        "404.md": "Title: Page not found\nSlug: 404\nStatus: hidden\nSave_as: 404.html\n\n",
    }
    for name, header in pages.items():
        _write(folder / name, header + words.sentence() + " " + words.sentence() + "\n")


def edit_one_event(content: Path, size: Size, run: int) -> Path:
    """Change the summary of the middle event in events.yaml (differently for each ``run``)."""
    path = content / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    entry = text.index(f"- id: {_event_id(size.events // 2)}\n")
    summary = text.index("  summary: >-\n    ", entry) + len("  summary: >-\n    ")
    path.write_text(f"{text[:summary]}Revised for run {run}. {text[summary:]}", encoding="utf-8")
    return path


def edit_one_essay(content: Path, size: Size, run: int) -> Path:
    """Change the text of the middle essay (differently for each ``run``), as a curator's save would."""
    i = size.essays // 2
    path = content / "essays" / f"{i + 1:04d}-essay-{i + 1}.md"
    path.write_text(essay_text(i, size, Words(1996 + i), revision=f"Revised for run {run}."), encoding="utf-8")
    return path
