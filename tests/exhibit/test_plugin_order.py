"""The plugins' contract (exhibit.contract): any order of the feature plugins in PLUGINS builds the same
bytes, and a plugin that needs another's index names it when it is missing."""
import hashlib
import random

import pytest

from exhibit.errors import ExhibitBuildError

FEATURES = ["sources", "citations", "timeline", "map", "images", "discovery", "overview"]

# An essay that uses what the plugins share: a map whose place links to its events on the timeline (event
# addresses), a static map for the images plugin, a timeline slice; events and a place citing sources
# ("cited in" from essays, events and places on the same source pages).
ESSAY = """Title: Order of things
Order: 3
Date: 2026-01-12
Summary: A fixture essay that embeds a map and a slice of the timeline.

The hall held the reception [@almanac-entry].

{% map places=hall %}

{% timeline from=1996-12 to=1997-01 %}
"""


def tree(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".exhibit-build.json"}


def build_with(mini, order, name):
    mini.output = mini.content.parent / f"output-{name}"
    mini.build(PLUGINS=["exhibit", *order], CACHE_PATH=str(mini.content.parent / f"cache-{name}"))
    return tree(mini.output)


def test_any_order_of_the_feature_plugins_builds_the_same_bytes(mini):
    mini.write("essays/03-order.md", ESSAY)
    orders = [FEATURES, FEATURES[::-1], ["map", "timeline", "discovery", "images", "citations", "overview", "sources"]]
    orders += [random.Random(1996).sample(FEATURES, len(FEATURES))]
    built = [build_with(mini, order, str(number)) for number, order in enumerate(orders)]
    first = built[0]
    assert any(name.startswith("images/maps/") for name in first)  # the static map is drawn
    map_script = next(name for name in first if name.startswith("maps/"))
    assert "timeline.html#event-guests-arrive" in (mini.content.parent / "output-0" / map_script).read_text()
    for order, files in zip(orders[1:], built[1:]):
        assert files == first, f"PLUGINS {order}: {sorted(set(files.items()) ^ set(first.items()))[:4]}"


@pytest.mark.parametrize("missing", ["timeline"])
def test_a_plugin_whose_index_is_missing_names_the_plugin_that_gives_it(mini, missing):
    with pytest.raises(ExhibitBuildError) as info:
        mini.build(PLUGINS=["exhibit", *(name for name in FEATURES if name != missing)])
    messages = [e.message for e in info.value.log.errors]
    assert ("PLUGINS: the map plugin needs the event addresses, which the timeline plugin gives, and "
            "'timeline' is not in PLUGINS") in messages
    assert any(m.startswith("PLUGINS: the overview plugin needs the event addresses") for m in messages)
    assert any(m.startswith("PLUGINS: the discovery plugin needs the event addresses") for m in messages)
    assert all(e.hint == 'add "timeline" to PLUGINS' for e in info.value.log.errors)
    assert info.value.log.errors[0].path.endswith("pelicanconf.py")
