"""The home page's strip: days placed from Day 1 to the last, turning points and counts in the SVG and as text."""
import re

import pytest
from lxml import html as lxml_html

from exhibit.loader import load_exhibit
from exhibit.siege import read_siege
from exhibit.settings import DEFAULTS
from overview.strip import LEFT, RIGHT, read_strip, x_of


@pytest.fixture
def home(siege_mini):
    siege_mini.build()
    return lxml_html.fromstring(siege_mini.html("index.html"))


def having(tree, css_class: str, tag: str = "*") -> list:
    return tree.xpath(f".//{tag}[contains(concat(' ', @class, ' '), ' {css_class} ')]")


def words(element) -> str:
    return " ".join(element.text_content().split())


def strip_of(mini):
    exhibit = load_exhibit(mini.content)
    exhibit.siege = read_siege({name: value for name, (value, _doc) in DEFAULTS.items()}, exhibit.log)
    exhibit.shown_at.update({f"event-{e.id}": f"timeline.html#event-{e.id}" for e in exhibit.events})  # as the timeline gives
    return read_strip(exhibit, "sources/{slug}.html")


def test_day_1_is_at_the_start_and_the_last_day_at_the_end():
    assert x_of(1, 126) == LEFT
    assert x_of(126, 126) == RIGHT
    assert LEFT < x_of(63, 126) < RIGHT


def test_turning_points_are_placed_by_their_day(siege_mini):
    strip = strip_of(siege_mini)
    assert strip.days == 126
    assert [(m.event.id, m.label, m.date) for m in strip.markers] == [
        ("house-taken", "Day 1", "17 December 1996"), ("hostile", "Day 8", "25 December 1996"),
        ("house-retaken", "Day 126", "22 April 1997")]
    assert [m.x for m in strip.markers] == [LEFT, x_of(8, 126), RIGHT]
    assert all(LEFT <= m.label_x for m in strip.markers)
    assert [month for _x, month in strip.ticks] == ["January", "February", "March", "April"]


def test_svg_is_an_image_named_by_its_title_and_description(home):
    svg, = home.xpath("//section[@id='overview']//svg")
    assert svg.get("role") == "img"
    assert svg.get("viewbox").startswith("0 0 1000 ")
    title, desc = (home.get_element_by_id(name) for name in svg.get("aria-labelledby").split())
    assert title.tag == "title" and words(title) == "The 126 days at a glance"
    assert "17 December 1996 to 22 April 1997" in words(desc)
    frame = svg.getparent()
    assert (frame.get("tabindex"), frame.get("role")) == ("0", "region") and frame.get("aria-label")


def test_turning_points_are_in_the_svg_and_in_the_list_with_links(home):
    assert [words(t) for t in having(home, "overview__label", "text")] == [
        "Day 1 The house is taken", 'Day 8 <script>alert(1)</script> & "quotes"', "Day 126 The house is retaken"]
    items = having(home, "overview__events", "ol")[0].xpath("./li/a")
    assert [words(a) for a in items] == [
        "Day 1, 17 December 1996 The house is taken", 'Day 8, 25 December 1996 <script>alert(1)</script> & "quotes"',
        "Day 126, 22 April 1997 The house is retaken"]
    for a, event in zip(items, ("house-taken", "hostile", "house-retaken")):
        assert re.fullmatch(rf"\.?/?timeline(-\d+)?\.html#event-{event}", a.get("href")), a.get("href")


def test_hostile_title_is_escaped_in_the_svg_and_the_list(siege_mini):
    siege_mini.build()
    page = siege_mini.html("index.html")
    assert "<script>alert" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt; &amp;") == 2
    assert "Gazeta &amp; Co" in page


def test_counts_in_the_text_equal_the_svg_points_with_their_sources(home, siege_mini):
    strip = strip_of(siege_mini)
    rows = having(home, "overview__counts", "details")[0].xpath(".//tbody/tr")
    assert [[words(td) for td in row.xpath("./td")][:3] for row in rows] == [
        ["19 December 1996 (Day 2)", "about 380", "The Daily"], ["23 December 1996 (Day 6)", "140", "Gazeta & Co"],
        ["22 April 1997 (Day 126)", "72", "The Daily"]]
    sources = rows[1].xpath("./td[4]/a")
    assert [a.get("href").lstrip("./") for a in sources] == ["sources/gazeta-1997-01.html",
                                                             "sources/almanac-entry.html"]
    assert [words(a) for a in sources] == [title for title, _url in strip.counts[1].sources]
    points = having(home, "overview__point", "circle")
    drawn = [float(p.get(axis)) for p in points for axis in ("cx", "cy")]
    assert drawn == pytest.approx([value for c in strip.counts for value in (c.x, c.y)], abs=0.06)
    assert ["overview__point--about" in p.get("class") for p in points] == [True, False, False]
    assert [words(t) for t in having(home, "overview__count", "text")] == ["about 380", "140", "72"]
