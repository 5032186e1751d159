"""A rebuild that keeps converted files between builds (exhibit.documentcache) writes exactly the bytes a
cold build of the same content writes, after every kind of edit, and reports a mistake on every build."""
import hashlib
import random
import shutil

import pytest

from exhibit.errors import ExhibitBuildError
from tests.support import Exhibit, copy_mini

ESSAY = "essays/01-arrival.md"
SOURCE = "sources/almanac-entry.md"
# An essay whose embeds show records: kept under a key of every record, so editing one rebuilds it.
EMBEDS = """Title: Records shown
Order: 5
Date: 2026-01-12
Summary: A fixture essay that embeds a slice of the timeline and a map.

The hall held the reception [@almanac-entry].

{% timeline from=1996-12 to=1997-01 %}

{% map places=hall %}
"""


def tree(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".exhibit-build.json"}


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Edits as curators make them: each changes what some page shows, through the file itself or through
# a record its notes are made of.
EDITS = {
    "essay text": lambda c: edit(c / ESSAY, "arrived at seven", "arrived at half past seven"),
    "citation added": lambda c: edit(c / ESSAY, "A later one gave", "A later one [@almanac-entry] gave"),
    "source title": lambda c: edit(c / SOURCE, "Title: The Fixture Almanac: Receptions",
                                   "Title: The Fixture Almanac: Receptions and Dinners"),
    "source text": lambda c: edit(c / SOURCE, "An invented reference entry.", "An invented entry, revised."),
    "event date": lambda c: edit(c / "data/events.yaml", "date: 1997-01\n", "date: 1997-02\n"),
    "event title": lambda c: edit(c / "data/events.yaml", "title: Guests arrive", "title: The guests arrive"),
    "place name": lambda c: edit(c / "data/places.yaml", "name: The reception hall", "name: The great hall"),
    "essays reordered": lambda c: edit(c / ESSAY, "Order: 1", "Order: 3"),
    "page deleted": lambda c: (c / "pages/introduction.md").unlink(),
}


def test_every_edit_rebuilds_to_the_bytes_of_a_cold_build(tmp_path):
    warm = copy_mini(tmp_path / "warm")
    warm.write("essays/03-records.md", EMBEDS)
    warm.build()
    order = list(EDITS)
    random.Random(1996).shuffle(order)
    for number, names in enumerate([order[0:3], order[3:6], order[6:]]):  # three rounds of edits
        for name in names:
            EDITS[name](warm.content)
        warm.build()  # with the cache of every build before
        cold = Exhibit(tmp_path / f"cold-{number}" / "content", tmp_path / f"cold-{number}" / "output")
        shutil.copytree(warm.content, cold.content)
        cold.build()  # with a cache of its own, empty
        assert tree(warm.output) == tree(cold.output), f"after the edits {names}"


def test_an_unchanged_file_is_not_converted_again(tmp_path):
    site = copy_mini(tmp_path)
    site.build()
    cached = (tmp_path / "cache" / "documents.pickle").stat().st_mtime_ns
    site.build()
    assert (tmp_path / "cache" / "documents.pickle").stat().st_mtime_ns == cached  # nothing new to keep


def test_a_mistake_is_reported_on_every_build(tmp_path):
    site = copy_mini(tmp_path)
    edit(site.content / SOURCE, "An invented reference entry.", "An invented entry [@no-such-source].")
    for _ in range(2):
        with pytest.raises(ExhibitBuildError) as info:
            site.build()
        assert any("no-such-source" in e.message for e in info.value.log.errors)
